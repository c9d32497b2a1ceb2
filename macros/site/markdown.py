"""Turn data text into Markdown that shows exactly what the editor typed.

Data texts are plain text. Before they enter a generated Markdown page, HTML is escaped and every
Markdown-active character is backslash-escaped, so `<script>`, `{{ 7*7 }}` or `*` in a field is
shown literally and never executed or formatted.
"""
from __future__ import annotations

import functools
import html
import posixpath
import re

from markupsafe import Markup

# Python-Markdown's own escapable characters (markdown.Markdown.ESCAPED_CHARS), plus "|" (added by the tables extension), minus those handled
# at the start of a line below.
_INLINE = re.compile(r"([\\`*_{}\[\]()#!|])")
_LINE_START = re.compile(r"^(\s*)([-+>]|\d+\.)", re.MULTILINE)
_SPACES = re.compile(r"\s+")


def escape(value) -> Markup:
    """One line of literal text, safe inside Markdown."""
    if isinstance(value, Markup):
        return value
    return Markup(_escaped(str(value)))


@functools.lru_cache(maxsize=1 << 16)  # a record's name is escaped on every page that lists it
def _escaped(text: str) -> str:
    text = html.escape(_SPACES.sub(" ", text), quote=False)
    text = _INLINE.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def paragraphs(value) -> Markup:
    """Multi-paragraph literal text: a blank line in the data starts a new paragraph."""
    if not value:
        return Markup("")
    parts = [p for p in re.split(r"\n\s*\n", str(value)) if p.strip()]
    return Markup("\n\n".join(escape(p) for p in parts))


def finalize(value):
    """Jinja finalize hook: everything printed in a template is escaped unless it is Markup."""
    if value is None:
        return ""
    if isinstance(value, (Markup, int, float)):
        return value
    return escape(value)


def relative(from_page: str, to_page: str) -> str:
    """Relative link between two source pages (e.g. 'modules/a.md' -> '../functies/b.md')."""
    return relpath(to_page, posixpath.dirname(from_page))


def relpath(path: str, start: str) -> str:
    """posixpath.relpath for two paths inside the site, without asking the operating system for
    the working directory as posixpath.relpath does, once for each of tens of thousands of links."""
    to = [part for part in path.split("/") if part and part != "."]
    base = [part for part in start.split("/") if part and part != "."]
    common = 0
    while common < min(len(to), len(base)) and to[common] == base[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + to[common:]) or "."


def link(text, from_page: str, to_page: str, title: str | None = None, cls: str | None = None) -> Markup:
    """A Markdown link; title and class go in an attr_list, e.g. {: title="..." .amw-via }."""
    attrs = []
    if title:
        attrs.append('title="' + html.escape(" ".join(str(title).split())).replace("{", "&#123;").replace("}", "&#125;") + '"')
    if cls:
        attrs.append("." + cls)
    suffix = "{: " + " ".join(attrs) + " }" if attrs else ""
    return Markup(f"[{escape(text)}]({relative(from_page, to_page)}){suffix}")


def page_url(src_uri: str, use_directory_urls: bool) -> str:
    """The URL MkDocs gives a source page, relative to the site root."""
    stem = src_uri[:-3] if src_uri.endswith(".md") else src_uri
    if not use_directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    return (stem[: -len("index")] if stem.endswith("/index") else stem + "/")


def href(from_page: str, to_page: str, use_directory_urls: bool) -> str:
    """Relative URL for raw HTML, where MkDocs does not rewrite .md links."""
    here = page_url(from_page, use_directory_urls)
    target = page_url(to_page, use_directory_urls)
    base = _base(here, use_directory_urls)
    rel = relpath(target.rstrip("/"), base)
    return rel + ("/" if target.endswith("/") or target == "" else "")


def asset_href(from_page: str, path: str, use_directory_urls: bool) -> str:
    """Relative URL from a page to a static file such as data/modules.json."""
    base = _base(page_url(from_page, use_directory_urls), use_directory_urls)
    return relpath(path, base)


def _base(url: str, use_directory_urls: bool) -> str:
    return url.rstrip("/") if use_directory_urls else posixpath.dirname(url)


_LINK = re.compile(r'<a\b([^>]*?)\bhref="(https?://[^"]*)"([^>]*)>')


def mark_external_links(page_html: str, site_url: str = "") -> str:
    """Give links that leave the site class="amw-external", so print shows their address and
    no other's (in the browser, Material's instant navigation makes internal links absolute)."""
    def mark(m: re.Match) -> str:
        tag, url = m.group(0), m.group(2)
        if site_url and url.startswith(site_url):
            return tag
        if 'class="' in tag:
            return tag.replace('class="', 'class="amw-external ', 1)
        return tag[:-1] + ' class="amw-external">'
    return _LINK.sub(mark, page_html)


# Raw HTML blocks (tables and lists built from data) skip Markdown entirely: the page's Markdown
# holds a placeholder and the block goes back in after conversion (fill_raw). Python-Markdown
# and MkDocs would otherwise each parse every tag of them again, a large part of a build at
# national scale.
_RAW = re.compile(r'<div data-amw-raw="(\d+)"></div>')


def raw_placeholder(number: int) -> Markup:
    return Markup(f'\n\n<div data-amw-raw="{number}"></div>\n\n')


def fill_raw(html_text: str, blocks) -> str:
    """The page's HTML with each placeholder replaced by its raw block."""
    if not blocks:
        return html_text
    return _RAW.sub(lambda m: blocks[int(m.group(1))], html_text)
