"""Every page that is a view of the catalogue, rendered from macros/site/templates/.

One folder per record kind (from the registry), each with a page per record and an index page,
plus the matrix, the module finder, 'gezocht' and 'wat is er nieuw'. Python prepares each page's
context (resolved records, backlinks, worded figures); the templates only lay it out. The engine
adapter hands the result to MkDocs as generated files.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ..catalogue.model import Module, Programme
from ..catalogue.registry import KINDS, kind_of
from ..catalogue.views import Views
from . import diagrams, history, wording
from . import markdown as md

TEMPLATES = Path(__file__).parent / "templates"
STATUS_LABELS = {"beschreven": "Beschreven", "genoemd": "Alleen genoemd",
                 "nog-te-ontwikkelen": "Nog te ontwikkelen"}
# What a search result says it is, per record kind (front matter `kind`, a Pagefind filter).
KIND_LABELS = {"module": "Module", "programme": "Programma", "target_group": "Doelgroep",
               "function": "Functie", "veld": "Wmo-veld", "partner": "Ketenpartner",
               "case": "Casus", "publication": "Bron"}
PAGE_SIZE = 100  # list entries per page: keeps every page light as the catalogue grows
RELATED_LIMIT = 20  # related modules listed on a module page
CELL_LIMIT = 6  # module links in one matrix cell; more goes to the pre-filtered finder
FINDER_FULL_LIST = 300  # up to this many modules the finder page lists them all without script
SINGLE_PAGES = (("matrix.md.j2", "matrix.md"), ("gezocht.md.j2", "gezocht.md"),
                ("modulezoeker.md.j2", "modulezoeker.md"))


def page_of(record) -> str:
    kind = kind_of(record)
    return f"{kind.folder}/{kind.key_of(record)}.md"


def title_of(record) -> str:
    return kind_of(record).title_of(record)


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str
    content: str
    record_lines: tuple[int, int] | None = None  # lines in data/modules.yaml, for the edit link
    record: object = None  # the record this page shows (continuation and index pages: None)


@dataclass(frozen=True)
class Article:
    """A hand-written page that names catalogue records in its front matter (`records:`)."""
    src_uri: str
    title: str
    records: tuple[str, ...]  # 'module:intake', 'programme:arbeid-en-verzuim', ...


class PageRenderer:
    def __init__(self, views: Views, use_directory_urls: bool = True, articles: list[Article] = ()):
        self.views = views
        self.use_directory_urls = use_directory_urls
        self.articles = list(articles)
        self.env = Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined,
                               finalize=md.finalize, trim_blocks=True, lstrip_blocks=True,
                               keep_trailing_newline=True, autoescape=True)
        # autoescape makes macro output Markup (not escaped twice); finalize escapes data for
        # Markdown instead of HTML. In raw-HTML blocks templates use the `e` filter.
        self.env.filters["paragraphs"] = md.paragraphs
        self.env.filters["join_text"] = lambda items, sep=", ": Markup(sep.join(md.escape(i) for i in items))
        self.env.globals["box_diagram"] = lambda *a: Markup(diagrams.box_diagram(*a))
        self.env.filters["first_sentence"] = lambda text: str(text).split(". ")[0].rstrip(".")

    def render(self, template: str, here: str, **context) -> str:
        def ref(record, text=None):
            return md.link(text or title_of(record), here, page_of(record))

        def to(page: str, text) -> Markup:
            return md.link(text, here, page)

        def href(record_or_page) -> str:
            target = record_or_page if isinstance(record_or_page, str) else page_of(record_or_page)
            return md.href(here, target, self.use_directory_urls)

        def asset(path: str) -> str:
            return md.asset_href(here, path, self.use_directory_urls)

        return self.env.get_template(template).render(
            v=self.views, here=here, ref=ref, to=to, href=href, asset=asset, title_of=title_of,
            cell_limit=CELL_LIMIT, finder_full_list=FINDER_FULL_LIST, status_labels=STATUS_LABELS,
            span_text=wording.span_text, front=front_matter, **context)

    def pages(self) -> list[GeneratedPage]:
        out: list[GeneratedPage] = []
        for kind in KINDS.values():
            if not kind.folder:
                continue
            records = self.views.records(kind.name)
            for record in records:
                out += self._record_pages(record)
            if kind.name == "module":
                out += self._module_index(records)
            else:
                index = f"{kind.folder}/index.md"
                out.append(GeneratedPage(index, self.render(kind.index_template, index, records=records,
                                                            **self.index_context(kind.name))))
        for template, here in SINGLE_PAGES:
            out.append(GeneratedPage(here, self.render(template, here)))
        out.append(GeneratedPage("nieuw.md", self.render("nieuw.md.j2", "nieuw.md",
                                                         changes=history.changes())))
        return out

    # --- contexts: what a page shows, decided here ------------------------------------------------

    def context(self, record) -> dict:
        v = self.views
        kind = kind_of(record).name
        ctx = {"record": record, "articles": self.articles_about(record),
               "publication": v.publications.get(getattr(getattr(record, "source", None), "publication", ""))}
        resolve = {path: v.resolve(record, path) for path in v.references_of(kind_of(record))
                   if path != "source.publication"}
        ctx["linked"] = resolve
        ctx["find"] = self.search_meta(record)
        for other in ("programme", "case"):
            ctx[f"{other}s_here"] = v.referring(record, other)
        if isinstance(record, Module):
            ctx.update(self._module_context(record))
        elif isinstance(record, Programme):
            ctx.update(self._programme_context(record))
        elif kind == "veld":
            via = v.modules_via_functions(record)
            ctx["via_functions"] = [(v.functions[a.function], a.extent,
                                     [m for m, f, _ in via if f == a.function]) for a in record.functions]
            ctx["via_limit"] = RELATED_LIMIT
        elif kind == "function":
            ctx["programmes_here"] = v.programmes_with_function(record.id)
        elif kind == "publication":
            ctx["citing"] = [(k, v.referring(record, k.name)) for k in KINDS.values()
                             if v.referring(record, k.name)]
        return ctx

    def _module_context(self, m: Module) -> dict:
        v = self.views
        duration, origin = v.duration(m)
        named, via = v.velden_of(m)
        related = v.related_modules(m)
        return {
            "duration": duration, "duration_origin": origin,
            "duration_figures": wording.module_figures(duration, origin),
            "borrowed_text": v.catalog.group_work.defaults.text if origin == "groepswerk" else "",
            "velden_named": named, "velden_via": via,
            "related": related[:RELATED_LIMIT], "related_more": max(0, len(related) - RELATED_LIMIT),
            "group_type": v.group_types[m.group_type] if m.group_type else None,
            "caveat": wording.CAVEAT,
        }

    def _programme_context(self, p: Programme) -> dict:
        v = self.views
        core = v.programme_total(p)
        everything = v.programme_total(p, roles=("kern", "optioneel"))
        with_optional = ""
        if everything != core and everything.weeks is not None:
            with_optional = f"Met alle optionele modules erbij: {wording.weeks_phrase(everything)}."
            if everything.without_weeks and not core.without_weeks:
                with_optional += (f" Een bovengrens is niet te geven: voor "
                                  f"{wording.names(everything.without_weeks)} noemt de bron geen weken.")
        steps = [[(v.modules[e.module], e.role, wording.span_text(v.figures(v.modules[e.module]).weeks, "weken"))
                  for e in step.modules] for step in p.steps]
        return {"core": core, "core_text": wording.plan_wording(core, "Met de kernmodules duurt dit programma"),
                "with_optional": with_optional, "steps": steps, "rule": wording.RULE,
                "caveat": wording.CAVEAT, "missing_access": v.traject_check(v.programme_module_ids(p))}

    def search_meta(self, record) -> dict:
        """Front matter for search: what the record is (`kind`), a module's status, its facets
        (the search filters) and `rank`: described modules and programmes first, modules that
        the sources only name after them."""
        v = self.views
        kind = kind_of(record).name
        meta: dict = {"kind": KIND_LABELS[kind]}
        facets: dict[str, list[str]] = {}
        if isinstance(record, Module):
            named, via = v.velden_of(record)
            meta["status"] = STATUS_LABELS[record.status]
            meta["rank"] = "high" if record.status == "beschreven" else "low"
            facets = {"functie": [f.name for f in v.resolve(record, "functions")],
                      "prestatieveld": [title_of(x) for x in sorted(named + via, key=lambda x: x.number)],
                      "doelgroep": [t.name for t in v.resolve(record, "target_groups")]}
        elif isinstance(record, Programme):
            meta["rank"] = "high"
            facets = {"prestatieveld": [title_of(x) for x in v.resolve(record, "prestatievelden")],
                      "doelgroep": [t.name for t in v.resolve(record, "target_groups")]}
        elif kind in ("function", "veld", "target_group"):
            facets = {{"function": "functie", "veld": "prestatieveld", "target_group": "doelgroep"}[kind]:
                      [title_of(record)]}
        meta["facets"] = {k: values for k, values in facets.items() if values}
        return meta | ({"search_terms": list(record.search_terms)} if getattr(record, "search_terms", None) else {})

    def index_context(self, kind: str) -> dict:
        """Per record of an index: how many modules and programmes its page lists."""
        v = self.views
        counts = {KINDS[kind].key_of(r): (len(v.modules_listed_on(r)), len(v.referring(r, "programme")))
                  for r in v.records(kind)}
        if kind == "veld":
            return {"counts": counts, "via": {str(r.number): len(v.modules_via_functions(r))
                                              for r in v.catalog.prestatievelden}}
        if kind == "programme":
            return {"counts": counts, "totals": {
                p.id: (wording.weeks_phrase(v.programme_total(p)) or "onbekend",
                       len(v.programme_module_ids(p)), v.resolve(p, "target_groups"))
                for p in v.catalog.programmes}}
        if kind == "publication":
            return {"counts": counts, "cited": {p.id: sum(len(v.referring(p, k)) for k in KINDS)
                                                for p in v.catalog.publications}}
        return {"counts": counts}

    def articles_about(self, record) -> list[Article]:
        key = f"{kind_of(record).name}:{kind_of(record).key_of(record)}"
        return [a for a in self.articles if key in a.records]

    # --- pages ---------------------------------------------------------------------------------------

    def _record_pages(self, record) -> list[GeneratedPage]:
        """A record's page; a long module list continues on further pages (PAGE_SIZE each)."""
        kind = kind_of(record)
        here = page_of(record)
        lines = self.views.loaded.lines.get((kind.section, kind.key_of(record)))
        parts = chunks(self.views.modules_listed_on(record))
        pager = [here] + [f"{kind.folder}/{kind.key_of(record)}/{n}.md" for n in range(2, len(parts) + 1)]
        out = [GeneratedPage(here, self.render(kind.template, here, modules=parts[0], pager=pager,
                                               **self.context(record)), lines, record)]
        for n, part in enumerate(parts[1:], 2):
            out.append(GeneratedPage(pager[n - 1], self.render(
                "continuation.md.j2", pager[n - 1], record=record, modules=part, pager=pager,
                number=n), lines))
        return out

    def _module_index(self, modules: list[Module]) -> list[GeneratedPage]:
        """All modules grouped by function, over as many pages as PAGE_SIZE requires."""
        order = {f.id: i for i, f in enumerate(self.views.catalog.functions)}
        ordered = sorted(modules, key=lambda m: order[m.functions[0]])
        parts = chunks(ordered)
        pager = ["modules/index.md"] + [f"modules/alle/{n}.md" for n in range(2, len(parts) + 1)]
        return [GeneratedPage(here, self.render("module_index.md.j2", here, records=part, pager=pager,
                                                number=n, total=len(modules)))
                for n, (here, part) in enumerate(zip(pager, parts), 1)]


def chunks(items: list, size: int = PAGE_SIZE) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)] or [[]]


def front_matter(title: str, description: str = "", **extra) -> Markup:
    """YAML front matter; JSON strings are valid YAML, so any text is quoted safely.
    render_macros: false keeps mkdocs-macros away from data text."""
    meta = {"title": title, "description": " ".join(str(description).split()),
            "render_macros": False, **extra}
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items()]
    return Markup("---\n" + "\n".join(lines) + "\n---\n")
