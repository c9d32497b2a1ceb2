"""Smaller pages: Material's templates indent every navigation entry, so the navigation is mostly
whitespace. minify-html removes it (and comments) the way a browser would read the page anyway;
closing tags, scripts and styles are left as they are.

The navigation is compacted once per shared rendering (macros/engine/shared_nav.py). The rest of
a page has a few kB of indentation: not worth a millisecond on every page, but the largest pages
(long lists, the matrix) are compacted whole, so that they stay within the page-weight budget of
80 kB (BENCHMARKS.md)."""
from __future__ import annotations

import minify_html

LARGE_PAGE = 60_000  # characters of HTML


def compact_html(html: str) -> str:
    return minify_html.minify(html, keep_closing_tags=True, keep_html_and_head_opening_tags=True)


def compact_if_large(html: str) -> str:
    return compact_html(html) if len(html) > LARGE_PAGE else html
