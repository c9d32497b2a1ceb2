"""Macros for hand-written pages (mkdocs-macros). Links to catalogue records fail the build on
an unknown id, so renaming a module can never leave a dead link in an article."""
from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from markupsafe import Markup  # noqa: E402

from macros import diagrams  # noqa: E402
from macros import markdown as md  # noqa: E402
from macros.catalog import get_views  # noqa: E402
from macros.loader import suggest  # noqa: E402
from macros.pages import page_of, title_of  # noqa: E402
from macros.paths import catalog_path  # noqa: E402


class UnknownId(Exception):
    pass


def define_env(env):
    def views():
        return get_views(catalog_path())

    def here() -> str:
        return env.page.file.src_uri

    def linker(kind: str, lookup):
        def make_link(key, text=None):
            table = lookup(views())
            if key not in table:
                where = env.page.file.src_uri if env.page else "?"
                raise UnknownId(f"docs/{where}: onbekende {kind} '{key}' in {kind}(...). "
                                f"{suggest(key, table) or 'Zie data/modules.yaml voor de ids.'}")
            record = table[key]
            return md.link(text or title_of(record), here(), page_of(record))
        make_link.__name__ = kind
        return make_link

    env.macro(linker("module", lambda v: v.modules), "module")
    env.macro(linker("programme", lambda v: v.programmes), "programme")
    env.macro(linker("target_group", lambda v: v.target_groups), "target_group")
    env.macro(linker("partner", lambda v: v.partners), "partner")
    env.macro(linker("function", lambda v: v.functions), "function")
    env.macro(linker("veld", lambda v: v.velden), "veld")
    env.macro(linker("case", lambda v: v.cases), "case")

    @env.macro
    def count(section: str) -> int:
        """Number of records in a section, e.g. {{ count('modules') }}."""
        return len(getattr(views().catalog, section))

    @env.macro
    def count_modules(status: str = "beschreven", kind: str | None = None) -> int:
        return sum(1 for m in views().catalog.modules
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


ABBREVIATIONS = Path(__file__).resolve().parent.parent / "docs" / "includes" / "abbreviations.md"


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
