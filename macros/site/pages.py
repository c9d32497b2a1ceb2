"""Every page that is a view of the catalogue, rendered from macros/site/templates/.

One folder per record kind (from the registry), each with a page per record and an index page,
plus the matrix, the module finder, 'gezocht' and 'wat is er nieuw'. Python prepares each page's
context (resolved records, backlinks, worded figures); the templates only lay it out. The engine
adapter hands the result to MkDocs as generated files.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ..catalogue.durations import GROUP_WORK
from ..catalogue.model import SECTORS, Module, Programme
from ..catalogue.paths import ROOT
from ..catalogue.registry import KINDS, kind_of
from ..catalogue.views import Views
from . import diagrams, history, variants, wording
from . import markdown as md

TEMPLATES = Path(__file__).parent / "templates"
STATUS_LABELS = {"beschreven": "Beschreven", "genoemd": "Alleen genoemd",
                 "nog-te-ontwikkelen": "Nog te ontwikkelen"}
# What a search result says it is, per record kind (front matter `kind`, a Pagefind filter).
KIND_LABELS = {"module": "Module", "programme": "Programma", "target_group": "Doelgroep",
               "function": "Functie", "veld": "Wmo-veld", "partner": "Ketenpartner",
               "case": "Casus", "publication": "Bron", "organisation": "Organisatie"}
PAGE_SIZE = 100  # list entries per page: keeps every page light as the catalogue grows
RELATED_LIMIT = 20  # related modules listed on a module page
CELL_LIMIT = 6  # module links in one matrix cell; more goes to the pre-filtered finder
FINDER_FULL_LIST = 300  # up to this many modules the finder page lists them all without script
VARIANT_LIMIT = 5  # variants shown on a module page; the rest on the module's variants page
# Groups of a facet page's module table, in reading order: described modules first (AMW, then
# BMW), then those the sources only name or still have to develop.
MODULE_GROUPS = (("amw", "Beschreven AMW-modules"), ("bmw", "Beschreven BMW-modules"),
                 ("genoemd", "Alleen genoemd"), ("nog-te-ontwikkelen", "Nog te ontwikkelen"))
# The caveat is trusted wording with a title in *asterisks*; inside the page's *...* it becomes _..._.
CAVEAT_MD = Markup(wording.CAVEAT.replace("*", "_"))
SETTING_LABELS = {"individueel": "Individueel", "groep": "Groep"}  # a module's kind, as a reader says it
# Compiled templates (ours and the theme's) kept between builds in the system's temp folder,
# checked against each template's source: every build and every preview rebuild compiled some
# 90 templates anew (0.3 s).
COMPILED_TEMPLATES = FileSystemBytecodeCache()
SINGLE_PAGES = (("matrix.md.j2", "matrix.md"), ("gezocht.md.j2", "gezocht.md"),
                ("modulezoeker.md.j2", "modulezoeker.md"), ("trajectbouwer.md.j2", "trajectbouwer.md"),
                ("vergelijken.md.j2", "vergelijken.md"), ("gemeenten.md.j2", "gemeenten.md"))


def variants_page(module: Module) -> str:
    """Where all regional variants of a module are listed, when its own page shows only a few."""
    return f"modules/{module.id}/varianten.md"


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
    raw: tuple[str, ...] = ()  # HTML blocks that skip Markdown; see markdown.fill_raw


@dataclass(frozen=True)
class Rendered:
    content: str
    raw: tuple[str, ...]


@dataclass(frozen=True)
class ModuleRow:
    """One line of a facet page's module table."""
    module: Module
    kind: str      # 'Individueel' or 'Groep'
    duration: str  # '8 tot 12 weken', contacts when weeks are unknown, 'geen vaste duur', 'onbekend'
    status: str    # 'Beschreven', 'Alleen genoemd', ...


@dataclass(frozen=True)
class ModuleGroup:
    key: str
    heading: str
    rows: list[ModuleRow]


def module_group(m: Module) -> str:
    return m.discipline.lower() if m.status == "beschreven" else m.status


def group_order(modules: list[Module]) -> list[Module]:
    """Modules in the order of MODULE_GROUPS, alphabetical within a group."""
    rank = {key: i for i, (key, _) in enumerate(MODULE_GROUPS)}
    return sorted(modules, key=lambda m: (rank[module_group(m)], m.name.lower()))


@dataclass(frozen=True)
class Article:
    """A hand-written page that names catalogue records in its front matter (`records:`)."""
    src_uri: str
    title: str
    records: tuple[str, ...]  # 'module:intake', 'programme:arbeid-en-verzuim', ...


def article_problems(views: Views, articles: list[Article]) -> list[str]:
    """Every 'kind:id' in an article's `records:` must name a record, or the link is lost."""
    from ..catalogue.loader import suggest
    problems = []
    for article in articles:
        for entry in article.records:
            kind, _, key = entry.partition(":")
            if kind not in views.table:
                problems.append(f"docs/{article.src_uri}: records: onbekende soort '{kind}' in '{entry}'. "
                                f"{suggest(kind, views.table) or 'Gebruik module:, programme:, partner: enzovoort.'}")
            elif key not in views.table[kind]:
                problems.append(f"docs/{article.src_uri}: records: onbekende {KINDS[kind].singular} '{key}'. "
                                f"{suggest(key, views.table[kind])}".rstrip())
    return problems


class PageRenderer:
    def __init__(self, views: Views, use_directory_urls: bool = True, articles: list[Article] = (),
                 organisation=None, national_url: str = "", docs_dir: Path | None = None):
        """organisation: build one organisation's own site (its variants shown on the module pages,
        the national text one click away at national_url). docs_dir: the hand-written pages of
        this build, which 'Wat is er nieuw' may link to."""
        self.views = views
        self.docs_dir = docs_dir or ROOT / "docs"
        self.organisation = organisation
        self.national_url = national_url
        self.use_directory_urls = use_directory_urls
        self.articles = list(articles)
        self.env = Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined,
                               finalize=md.finalize, trim_blocks=True, lstrip_blocks=True,
                               keep_trailing_newline=True, autoescape=True, bytecode_cache=COMPILED_TEMPLATES,
                               auto_reload=False)  # a renderer lives for one build
        # autoescape makes macro output Markup (not escaped twice); finalize escapes data for
        # Markdown instead of HTML. In raw-HTML blocks templates use the `e` filter.
        self.env.filters["paragraphs"] = md.paragraphs
        self.env.filters["join_text"] = lambda items, sep=", ": Markup(sep.join(md.escape(i) for i in items))
        self.env.globals["box_diagram"] = lambda *a: Markup(diagrams.box_diagram(*a))
        self.env.filters["first_sentence"] = lambda text: str(text).split(". ")[0].rstrip(".")

    def page(self, template: str, here: str, lines=None, shows=None, **context) -> GeneratedPage:
        """The page `here` from `template`; lines and shows: see GeneratedPage."""
        rendered = self.render(template, here, **context)
        return GeneratedPage(here, rendered.content, lines, shows, rendered.raw)

    def render(self, template: str, here: str, **context) -> Rendered:
        blocks: list[str] = []

        def raw(caller) -> Markup:
            """{% call raw() %}<table>...</table>{% endcall %}: HTML built from data, which
            Markdown need not read (values in it are escaped with `| e`)."""
            blocks.append(str(caller()).strip())
            return md.raw_placeholder(len(blocks) - 1)

        def ref(record, text=None, title=None, via=False):
            return md.link(text or title_of(record), here, page_of(record), title=title,
                           cls="amw-via" if via else None)

        def to(page: str, text) -> Markup:
            return md.link(text, here, page)

        def href(record_or_page) -> str:
            target = record_or_page if isinstance(record_or_page, str) else page_of(record_or_page)
            return md.href(here, target, self.use_directory_urls)

        def asset(path: str) -> str:
            return md.asset_href(here, path, self.use_directory_urls)

        content = self.env.get_template(template).render(
            module_groups=self.module_groups, raw=raw,
            v=self.views, here=here, ref=ref, to=to, href=href, asset=asset, title_of=title_of,
            cell_limit=CELL_LIMIT, finder_full_list=FINDER_FULL_LIST, status_labels=STATUS_LABELS,
            span_text=wording.span_text, front=front_matter, **context)
        return Rendered(content, tuple(blocks))

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
                out.append(self.page(kind.index_template, index, records=records,
                                     **self.index_context(kind.name)))
        for template, here in SINGLE_PAGES:
            extra = {"matrix.md.j2": self.matrix_context, "gemeenten.md.j2": self.municipality_context}.get(
                template, dict)()
            out.append(self.page(template, here, **extra))
        out.append(self.page("nieuw.md.j2", "nieuw.md", days=self.news("nieuw.md")))
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
        elif kind == "organisation":
            ctx["offer"] = variants.offer(v, record)
            ctx["own"] = [(own, v.modules.get(own.like), [v.functions[f] for f in own.functions],
                           [v.target_groups[t] for t in own.target_groups],
                           wording.module_figures(own.duration, "eigen") if own.duration else "")
                          for own in record.own_modules]
            ctx["variant_status"] = variants.STATUS_LABELS
        elif kind == "publication":
            ctx["citing"] = [(k, v.referring(record, k.name)) for k in KINDS.values()
                             if v.referring(record, k.name)]
        return ctx

    def _module_context(self, m: Module) -> dict:
        v = self.views
        duration, origin = v.duration(m)
        named, via = v.velden_of(m)
        related = v.related_modules(m)
        regional = variants.overview(v, m)
        local = next(((org, var, variants.differences(v, m, var)) for org, var in v.variants_of(m)
                      if org is self.organisation), None)
        return {
            "local": local, "national_page": f"{self.national_url}modules/{m.id}/" if self.national_url else "",
            "regional": regional, "regional_examples": regional.examples(VARIANT_LIMIT),
            "own_like_examples": regional.own_like[:VARIANT_LIMIT],
            "regional_page": variants_page(m) if regional.exceeds(VARIANT_LIMIT) else None,
            "variant_status": variants.STATUS_LABELS,
            "duration": duration, "duration_origin": origin,
            "duration_figures": wording.module_figures(duration, origin),
            "borrowed_text": v.catalog.group_work.defaults.text if origin == "groepswerk" else "",
            "velden_named": named, "velden_via": via,
            "related": related[:RELATED_LIMIT], "related_more": max(0, len(related) - RELATED_LIMIT),
            "group_type": v.group_types[m.group_type] if m.group_type else None,
            "group_work_function": v.functions.get("groepswerk"),  # where group work is explained
            "caveat": CAVEAT_MD,
            "facts": self._module_facts(m, duration, origin, named, via),
        }

    def _module_facts(self, m: Module, duration, origin, named, via) -> dict:
        """The facts box at the top of a module page: short enough to take in at a glance."""
        figures = wording.module_figures(duration, origin)
        if m.status != "beschreven":
            duration_text = "onbekend (de module is nog niet beschreven)"
        elif figures:
            length = self.views.duration_class(m)
            duration_text = figures if length == "onbekend" else f"{DURATION_WORDS[length]}: {figures}"
        else:
            duration_text = short_text(duration.text) if duration.text else "geen vaste duur"
        return {
            "kind": f"{SETTING_LABELS[m.kind]} ({m.discipline})",
            "duration": duration_text,
            "setting": short_text(m.setting or ""),
            "status": STATUS_LABELS[m.status],
            "velden": [(p, veld_short(p), title_of(p), False) for p in named]
                      + [(p, veld_short(p), f"{title_of(p)} (via de functie)", True) for p in via],
        }

    def _programme_context(self, p: Programme) -> dict:
        v = self.views
        core = v.programme_total(p)
        missing = v.traject_check(v.programme_module_ids(p))
        everything = v.programme_total(p, roles=("kern", "optioneel"))
        with_optional = ""
        if everything != core and everything.weeks is not None:
            with_optional = f"Met alle optionele modules erbij: {wording.weeks_phrase(everything)}."
            if everything.without_weeks and not core.without_weeks:
                with_optional += (f" Een bovengrens is niet te geven: voor "
                                  f"{wording.names(everything.without_weeks)} noemt de bron geen weken.")
        steps = [[(v.modules[e.module], e.role, wording.span_text(v.figures(v.modules[e.module]).weeks, "weken"))
                  for e in step.modules] for step in p.steps]
        timeline = Markup(diagrams.timeline(f"De stappen van {p.name} op een rij", [
            [(module.name, role, weeks) for module, role, weeks in step] for step in steps]))
        return {"timeline": timeline, "core": core, "core_text": wording.plan_wording(core, "Met de kernmodules duurt dit programma"),
                "with_optional": with_optional, "steps": steps, "rule": wording.RULE,
                "caveat": CAVEAT_MD, "missing_access": missing, "incomplete_title": wording.INCOMPLETE_TITLE,
                "incomplete_text": wording.incomplete_text(missing)}

    def matrix_context(self) -> dict:
        """The matrix as rows (table) and, for phones, as a list per field: the same cells."""
        v = self.views
        cells = {(f.id, p.number): v.matrix.get((f.id, p.number), [])
                 for f in v.catalog.functions for p in v.catalog.prestatievelden}
        per_veld = [(p, veld_short(p), [(f, cells[(f.id, p.number)]) for f in v.catalog.functions
                                         if cells[(f.id, p.number)]])
                    for p in v.catalog.prestatievelden]
        return {"cells": cells, "per_veld": per_veld}

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
            offering = [org for org, var in v.variants_of(record) if var.status != "niet-aangeboden"]
            facets = {"functie": [f.name for f in v.resolve(record, "functions")],
                      "prestatieveld": [title_of(x) for x in sorted(named + via, key=lambda x: x.number)],
                      "doelgroep": [t.name for t in v.resolve(record, "target_groups")],
                      # Who offers it. Where is not repeated here (a widely offered module would
                      # carry every gemeente): search maps a gemeente to the organisations whose
                      # pages name it.
                      "organisatie": [title_of(org) for org in offering]}
        elif isinstance(record, Programme):
            meta["rank"] = "high"
            facets = {"prestatieveld": [title_of(x) for x in v.resolve(record, "prestatievelden")],
                      "doelgroep": [t.name for t in v.resolve(record, "target_groups")]}
        elif kind == "organisation":
            facets = {"organisatie": [title_of(record)], "gemeente": list(record.werkgebied)}
        elif kind in ("function", "veld", "target_group"):
            facets = {{"function": "functie", "veld": "prestatieveld", "target_group": "doelgroep"}[kind]:
                      [title_of(record)]}
        meta["facets"] = {k: values for k, values in facets.items() if values}
        return meta | ({"search_terms": list(record.search_terms)} if getattr(record, "search_terms", None) else {})

    def municipality_context(self) -> dict:
        """The gemeente lookup: every gemeente an organisation serves, and the other names people
        type for one (Den Bosch for 's-Hertogenbosch)."""
        from ..catalogue.loader import load_municipalities
        known = load_municipalities(self.views.loaded.path.parent)
        return {"municipalities": self.views.municipalities,
                "aliases_json": json.dumps(known.aliases if known else {}, ensure_ascii=False)}

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
        if kind == "partner":
            by_sector = {key: [] for key in SECTORS}
            for partner in sorted(v.catalog.partners, key=lambda p: p.name.lower()):
                by_sector[partner.sector].append(partner)
            return {"counts": counts, "sectors": [(key, SECTORS[key], partners)
                                                  for key, partners in by_sector.items() if partners]}
        if kind == "publication":
            return {"counts": counts, "cited": {p.id: sum(len(v.referring(p, k)) for k in KINDS)
                                                for p in v.catalog.publications}}
        return {"counts": counts}

    def module_row(self, m: Module) -> ModuleRow:
        figures = self.views.figures(m)
        duration = (wording.span_text(figures.weeks, "weken") or wording.span_text(figures.contacts, "contacten")
                    or ("geen vaste duur" if m.status == "beschreven" else "onbekend"))
        if figures.origin == GROUP_WORK:
            duration += " (richtlijn groepswerk)"
        return ModuleRow(m, SETTING_LABELS[m.kind], duration, STATUS_LABELS[m.status])

    def module_groups(self, modules: list[Module]) -> list[ModuleGroup]:
        """A facet page's modules as tables per group (MODULE_GROUPS); empty groups left out."""
        by_group: dict[str, list[ModuleRow]] = {}
        for m in group_order(modules):
            by_group.setdefault(module_group(m), []).append(self.module_row(m))
        return [ModuleGroup(key, heading, by_group[key]) for key, heading in MODULE_GROUPS if key in by_group]

    def news(self, here: str) -> list[tuple[str, list[Markup]]]:
        """'Wat is er nieuw' for readers: per day, newest first, which records and pages changed,
        in Dutch and linked, derived from the paths and catalogue lines each commit touched."""
        days: dict[str, dict] = {}
        for change in history.changes():
            day = days.setdefault(change.date, {"records": {}, "pages": {}, "notes": {}})
            for key in change.records:
                record = self._record_by_key(key)
                if record is not None:
                    day["records"][id(record)] = record
            if history.CATALOG in change.paths and not change.records:
                day["notes"]["Catalogus bijgewerkt"] = None
            for path in change.paths:
                if path.startswith("docs/assets/"):
                    day["notes"]["Werking of weergave van de site bijgewerkt"] = None
                elif path == "docs/includes/abbreviations.md":
                    glossary = (f" ({md.link('begrippenlijst', here, 'begrippen.md')})"
                                if (self.docs_dir / "begrippen.md").exists() else "")
                    day["notes"][f"Afkortingen bijgewerkt{glossary}"] = None
                elif path.startswith("docs/") and path.endswith(".md") and not path.startswith("docs/includes/"):
                    day["pages"][path[len("docs/"):]] = doc_title(self.docs_dir / path[len("docs/"):])
        return [(history.dutch_date(date), self._news_entries(day, here))
                for date, day in days.items() if any(day.values())]

    def _news_entries(self, day: dict, here: str) -> list[Markup]:
        out = []
        for kind in NEWS_KINDS:
            records = [r for r in day["records"].values() if kind_of(r).name == kind]
            if not records:
                continue
            links = [md.link(veld_short(r) if kind == "veld" else title_of(r), here, page_of(r))
                     for r in records[:NEWS_RECORDS]]
            more = len(records) - NEWS_RECORDS
            plural = KINDS[kind].plural
            out.append(f"{plural[:1].upper()}{plural[1:]} bijgewerkt: " + ", ".join(links)
                       + (f" en nog {more} andere" if more > 0 else ""))
        pages = [md.link(title, here, src) for src, title in day["pages"].items() if title]
        if pages:
            out.append(("Pagina bijgewerkt: " if len(pages) == 1 else "Pagina's bijgewerkt: ") + ", ".join(pages))
        out += list(day["notes"])
        return [Markup(entry) for entry in out]

    def _record_by_key(self, key: str):
        for kind in NEWS_KINDS:
            record = self.views.table[kind].get(key)
            if record is not None:
                return record
        return None

    def articles_about(self, record) -> list[Article]:
        key = f"{kind_of(record).name}:{kind_of(record).key_of(record)}"
        return [a for a in self.articles if key in a.records]

    # --- pages ---------------------------------------------------------------------------------------

    def _record_pages(self, record) -> list[GeneratedPage]:
        """A record's page; a long module list continues on further pages (PAGE_SIZE each)."""
        kind = kind_of(record)
        here = page_of(record)
        lines = self.views.loaded.lines.get((kind.section, kind.key_of(record)))
        parts = chunks(group_order(self.views.modules_listed_on(record)))
        pager = [here] + [f"{kind.folder}/{kind.key_of(record)}/{n}.md" for n in range(2, len(parts) + 1)]
        context = self.context(record)
        out = [self.page(kind.template, here, lines, shows=record, modules=parts[0], pager=pager, **context)]
        if context.get("regional_page"):  # a module with more variants than its page shows
            out.append(self.page("module_variants.md.j2", context["regional_page"], lines, **context))
        for n, part in enumerate(parts[1:], 2):
            out.append(self.page("continuation.md.j2", pager[n - 1], lines, record=record, modules=part,
                                 pager=pager, number=n))
        return out

    def _module_index(self, modules: list[Module]) -> list[GeneratedPage]:
        """All modules grouped by function, over as many pages as PAGE_SIZE requires."""
        order = {f.id: i for i, f in enumerate(self.views.catalog.functions)}
        ordered = sorted(modules, key=lambda m: order[m.functions[0]])
        parts = chunks(ordered)
        pager = ["modules/index.md"] + [f"modules/alle/{n}.md" for n in range(2, len(parts) + 1)]
        return [self.page("module_index.md.j2", here, records=part, pager=pager, number=n, total=len(modules))
                for n, (here, part) in enumerate(zip(pager, parts), 1)]


NEWS_RECORDS = 12  # records named per change on 'Wat is er nieuw'; the rest are counted
# Where a changed key in the catalogue is looked up first (ids are unique within a kind only).
NEWS_KINDS = ("module", "programme", "case", "partner", "target_group", "function", "veld", "publication")


def doc_title(path: Path) -> str | None:
    """A hand-written page's title: its front-matter title, else its first heading."""
    if not path.exists():
        return None
    text = path.read_text(encoding="utf-8")
    found = re.search(r"^title:\s*(.+)$", text.split("\n---", 1)[0], re.M) if text.startswith("---") else None
    if found:
        return found.group(1).strip().strip("'\"")
    heading = re.search(r"^# (.+)$", text, re.M)
    return heading.group(1).strip() if heading else path.stem


DURATION_WORDS = {"kort": "kort", "middel": "middellang", "lang": "lang"}


def veld_short(p) -> str:
    """'5 · Meedoen': a field's number and short name, for facts boxes and tables."""
    return f"{p.number} · {p.short_name}"


def first_sentence(text: str) -> str:
    text = " ".join(str(text).split())
    head, dot, _ = text.partition(". ")
    return head + ("." if dot or text.endswith(".") else "") if head else text


def short_text(text: str, limit: int = 140) -> str:
    """The first sentence, cut at a word before `limit` characters (with an ellipsis)."""
    sentence = first_sentence(text)
    if len(sentence) <= limit:
        return sentence
    return sentence[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " …"


def chunks(items: list, size: int = PAGE_SIZE) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)] or [[]]


def front_matter(title: str, description: str = "", **extra) -> Markup:
    """YAML front matter; JSON strings are valid YAML, so any text is quoted safely.
    render_macros: false keeps mkdocs-macros away from data text."""
    meta = {"title": title, "description": " ".join(str(description).split()),
            "render_macros": False, **extra}
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items()]
    return Markup("---\n" + "\n".join(lines) + "\n---\n")
