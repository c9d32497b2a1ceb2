"""Every page that is a view of the catalogue, rendered from macros/templates/.

One folder per facet (modules/, functies/, wmo/, doelgroepen/, programmas/, ketenpartners/,
casussen/), each with a page per record and an index page, plus the matrix, the module finder
and the 'gezocht' list. The hook in macros/hooks.py hands these to MkDocs as generated files.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from . import diagrams, history
from . import markdown as md
from .catalog import Views
from .model import Case, Function, Module, Partner, Prestatieveld, Programme, TargetGroup

TEMPLATES = Path(__file__).parent / "templates"

# (model class, folder, section name in the YAML): the one place that says where a record lives.
FACETS = {
    Module: ("modules", "modules"),
    Function: ("functies", "functions"),
    Prestatieveld: ("wmo", "prestatievelden"),
    TargetGroup: ("doelgroepen", "target_groups"),
    Programme: ("programmas", "programmes"),
    Partner: ("ketenpartners", "partners"),
    Case: ("casussen", "cases"),
}
STATUS_LABELS = {"beschreven": "Beschreven", "genoemd": "Alleen genoemd",
                 "nog-te-ontwikkelen": "Nog te ontwikkelen"}


def key_of(record) -> str:
    return str(record.number if isinstance(record, Prestatieveld) else record.id)


def page_of(record) -> str:
    return f"{FACETS[type(record)][0]}/{key_of(record)}.md"


def title_of(record) -> str:
    if isinstance(record, Prestatieveld):
        return f"Prestatieveld {record.number}: {record.name}"
    return record.title if isinstance(record, Case) else record.name


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str
    content: str
    record_lines: tuple[int, int] | None = None  # lines in data/modules.yaml, for the edit link
    record: object = None  # the record this page shows (continuation and index pages: None)


class PageRenderer:
    def __init__(self, views: Views, use_directory_urls: bool = True):
        self.views = views
        self.use_directory_urls = use_directory_urls
        self.env = Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined,
                               finalize=md.finalize, trim_blocks=True, lstrip_blocks=True,
                               keep_trailing_newline=True, autoescape=True)
        # autoescape makes macro output Markup (not escaped twice); finalize escapes data for
        # Markdown instead of HTML. In raw-HTML blocks templates use the `e` filter.
        self.env.filters["paragraphs"] = md.paragraphs
        self.env.filters["join_text"] = lambda items, sep=", ": Markup(sep.join(md.escape(i) for i in items))
        self.env.globals["box_diagram"] = lambda *a: Markup(diagrams.box_diagram(*a))
        self.env.filters["first_sentence"] = lambda text: str(text).split(". ")[0].rstrip(".")
        self.env.filters["extract"] = lambda key, table: table[key]  # ids -> records: map("extract", v.modules)

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
            v=self.views, here=here, ref=ref, to=to, href=href, asset=asset,
            related_limit=RELATED_LIMIT, cell_limit=CELL_LIMIT, finder_full_list=FINDER_FULL_LIST, title_of=title_of, status_labels=STATUS_LABELS,
            front=front_matter, **context)

    def pages(self) -> list[GeneratedPage]:
        out: list[GeneratedPage] = []
        for record_type, (folder, section) in FACETS.items():
            records = getattr(self.views.catalog, section)
            for record in records:
                out += self._record_pages(record, folder, section)
            if record_type is Module:
                out += self._module_index(records)
            else:
                index = f"{folder}/index.md"
                template = f"{record_type.__name__.lower()}_index.md.j2"
                out.append(GeneratedPage(index, self.render(template, index, records=records)))
        for template, here in SINGLE_PAGES:
            out.append(GeneratedPage(here, self.render(template, here)))
        out.append(GeneratedPage("nieuw.md", self.render("nieuw.md.j2", "nieuw.md",
                                                         changes=history.changes())))
        return out

    def _record_pages(self, record, folder: str, section: str) -> list[GeneratedPage]:
        """A record's page; a long module list continues on further pages (PAGE_SIZE each)."""
        here = page_of(record)
        lines = self.views.loaded.lines.get((section, key_of(record)))
        parts = chunks(self.views.modules_listed_on(record))
        pager = [here] + [f"{folder}/{key_of(record)}/{n}.md" for n in range(2, len(parts) + 1)]
        template = f"{type(record).__name__.lower()}.md.j2"
        out = [GeneratedPage(here, self.render(template, here, record=record, modules=parts[0],
                                               pager=pager), lines, record)]
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


SINGLE_PAGES = (("matrix.md.j2", "matrix.md"), ("gezocht.md.j2", "gezocht.md"),
                ("modulezoeker.md.j2", "modulezoeker.md"))
PAGE_SIZE = 100  # list entries per page: keeps every page light as the catalogue grows
RELATED_LIMIT = 20  # related modules listed on a module page
CELL_LIMIT = 6  # module links in one matrix cell; more goes to the pre-filtered finder
FINDER_FULL_LIST = 300  # up to this many modules the finder page lists them all without script


def chunks(items: list, size: int = PAGE_SIZE) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)] or [[]]


def front_matter(title: str, description: str = "", **extra) -> Markup:
    """YAML front matter; JSON strings are valid YAML, so any text is quoted safely.
    render_macros: false keeps mkdocs-macros away from data text."""
    meta = {"title": title, "description": " ".join(str(description).split()),
            "render_macros": False, **extra}
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items()]
    return Markup("---\n" + "\n".join(lines) + "\n---\n")
