"""Smaller pages: Material's templates indent every navigation entry, so the navigation is mostly
whitespace. minify-html removes it (and comments) the way a browser would read the page anyway;
closing tags, scripts and styles are left as they are."""
from __future__ import annotations

import minify_html


def compact_html(html: str) -> str:
    return minify_html.minify(html, keep_closing_tags=True, keep_html_and_head_opening_tags=True)
