"""The site's search index: Pagefind run over the built site (engine-free).

Pagefind reads the built HTML and writes a fragmented index into `<site>/pagefind/`: the browser
fetches only the few chunks a query needs, never the whole index. What is indexed, and how, is
marked up in the pages themselves (overrides/main.html): `data-pagefind-body` on the content of
pages that belong in search, the record's type, status and facets as filters, its one-line
summary as metadata, and weights for search terms and for described versus named modules.
The binary comes from PyPI (`pagefind_bin`, pinned in requirements.txt); nothing is fetched at
build time.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BUNDLE = "pagefind"  # the index folder inside the site; the search script loads <root>/pagefind/pagefind.js


class SearchIndexError(RuntimeError):
    pass


def index_site(site_dir: str | Path, quiet: bool = True) -> list[str]:
    """Index the built site in site_dir with Pagefind (into site_dir/pagefind/); returns
    Pagefind's warnings, such as markup it does not understand."""
    site_dir = Path(site_dir)
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", BUNDLE,
               "--exclude-selectors", ".headerlink, .md-content__button"]
    if quiet:
        command.append("--quiet")
    result = subprocess.run(command, capture_output=True, text=True)
    output = (result.stdout + result.stderr).strip()
    if result.returncode != 0 or any(line.lower().startswith("error") for line in output.splitlines()):
        raise SearchIndexError(f"Pagefind kon de zoekindex niet maken:\n{output}")
    return sorted({line for line in output.splitlines() if line.strip()})


# How much a page's content weighs against others (Pagefind's data-pagefind-weight on the body):
# described modules, programmes and other records count fully; modules the sources only name and
# overview pages less, so for a shared word the described module comes first.
LOW_WEIGHT = 0.5


def page_markup(meta: dict, title: str) -> dict | None:
    """What overrides/main.html marks up for search on a page with this front matter, or None
    when the page stays out of search (continuation pages, pages about the site itself).
    Returns {"meta": [(key, value)], "filters": [(name, value)], "weight": float | None}."""
    kind = meta.get("kind")
    if not kind or meta.get("in_search") is False or (meta.get("search") or {}).get("exclude"):
        return None
    pairs = [("title", str(meta.get("title") or title)), ("kind", kind)]
    if meta.get("description"):
        pairs.append(("summary", " ".join(str(meta["description"]).split())))
    if meta.get("status"):
        pairs.append(("status", meta["status"]))
    if meta.get("search_terms"):  # the search dialog ranks an exact match on these first
        pairs.append(("terms", "|".join(str(t) for t in meta["search_terms"])))
    filters = [("type", kind)] + ([("status", meta["status"])] if meta.get("status") else [])
    for name, values in (meta.get("facets") or {}).items():
        filters += [(name, str(value)) for value in values]
    weight = LOW_WEIGHT if meta.get("rank") == "low" or kind == "Overzicht" else None
    return {"meta": pairs, "filters": filters, "weight": weight}
