"""Macros for hand-written pages (the mkdocs-macros entry point, named in mkdocs.yml).

Links to catalogue records fail the build on an unknown id, so renaming a module can never leave
a dead link in an article. Under `mkdocs serve` the same mistake shows as a Dutch error box on
the page instead of stopping the preview.
"""
from __future__ import annotations

import logging
import re

from markupsafe import Markup

from ..catalogue.loader import suggest
from ..catalogue.paths import ROOT
from ..catalogue.registry import KINDS
from ..site import diagrams
from ..site import markdown as md
from ..site.pages import page_of, title_of
from .adapter import state

log = logging.getLogger("mkdocs.plugins.amw")
ABBREVIATIONS = ROOT / "docs" / "includes" / "abbreviations.md"


class UnknownId(Exception):
    pass


def define_env(env):
    def linker(kind_name: str):
        kind = KINDS[kind_name]

        def make_link(key, text=None):
            where = f"docs/{env.page.file.src_uri}" if env.page else "docs/?"
            if state.views is None:
                return Markup(f"*{md.escape(text or key)}*")  # catalogue broken: error shown above
            table = state.views.table[kind_name]
            if str(key) not in table:
                line = _line_of(env.markdown or "", f"{kind_name}(", str(key))
                message = (f"{where}:{line}: onbekende {kind.singular} '{key}' in {kind_name}(...). "
                           f"{suggest(key, table) or 'Zie data/modules.yaml voor de ids.'}")
                if not state.serving:
                    raise UnknownId(message)
                log.error(message)
                return Markup(f'<strong class="amw-macro-error">Fout: {md.escape(message)}</strong>')
            record = table[str(key)]
            return md.link(text or title_of(record), env.page.file.src_uri, page_of(record))
        make_link.__name__ = kind_name
        return make_link

    for kind in KINDS.values():
        if kind.folder:
            env.macro(linker(kind.name), kind.name)

    @env.macro
    def count(section: str) -> int:
        """Number of records in a section, e.g. {{ count('modules') }}."""
        return len(getattr(state.views.catalog, section)) if state.views else 0

    @env.macro
    def count_modules(status: str = "beschreven", kind: str | None = None) -> int:
        if not state.views:
            return 0
        return sum(1 for m in state.views.catalog.modules
                   if m.status == status and (kind is None or m.kind == kind))

    @env.macro
    def glossary() -> Markup:
        """The glossary page as a table, from the same file that gives every page its tooltips."""
        rows = ["| Afkorting | Betekenis |", "|---|---|"]
        for abbr, meaning in read_abbreviations():
            rows.append(f"| {md.escape(abbr)} | {md.escape(meaning)} |")
        return Markup("\n".join(rows))

    for name in ("flow_diagram", "layer_diagram", "bar_chart"):
        env.macro(_figure_macro(getattr(diagrams, name)), name)


def _line_of(text: str, *needles: str) -> int:
    for number, line in enumerate(text.splitlines(), 1):
        if all(n in line for n in needles):
            return number
    return 1


def read_abbreviations() -> list[tuple[str, str]]:
    """Pairs from the pymdownx abbreviation file ('*[AMW]: Algemeen maatschappelijk werk')."""
    pairs = []
    for line in ABBREVIATIONS.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^\*\[(.+?)\]:\s*(.+)$", line)
        if match:
            pairs.append((match.group(1), match.group(2)))
    return sorted(pairs, key=lambda pair: pair[0].lower())


def _figure_macro(draw):
    def macro(*args, **kwargs):
        return Markup("\n\n" + draw(*args, **kwargs) + "\n\n")
    macro.__name__ = draw.__name__
    return macro
