"""MkDocs hooks: validate the catalogue and add the pages and files generated from it.

Generated pages are MkDocs 1.6 generated files (no stub files on disk); their edit link opens
data/modules.yaml at the record's lines.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402

from macros import history, opendata  # noqa: E402
from macros import markdown as md  # noqa: E402
from macros.catalog import get_views  # noqa: E402
from macros.jsonld import module_jsonld  # noqa: E402
from macros.loader import CatalogError  # noqa: E402
from macros.model import Module  # noqa: E402
from macros.pages import PageRenderer  # noqa: E402
from macros.paths import catalog_path, repo_relative  # noqa: E402


def on_config(config):
    try:
        get_views(catalog_path())
    except CatalogError as exc:
        raise PluginError(str(exc)) from None
    # Reproducible output: MkDocs dates the sitemap (and its gzip header) from SOURCE_DATE_EPOCH.
    os.environ.setdefault("SOURCE_DATE_EPOCH", history.commit_timestamp() or "0")
    return config


def on_files(files: Files, config) -> Files:
    views = get_views(catalog_path())
    renderer = PageRenderer(views, config.use_directory_urls)
    data_uri = repo_relative(catalog_path())
    for page in renderer.pages():
        file = File.generated(config, page.src_uri, content=page.content)
        if page.record_lines:
            file.edit_uri = data_edit_uri(config, data_uri, *page.record_lines)
        file.amw_record = page.record
        files.append(file)
    for src_uri, content in opendata.files(views, config).items():
        files.append(File.generated(config, src_uri, content=content))
    return files


def on_page_markdown(markdown, page, config, files):
    """Hand-written pages show their front-matter search_terms in the opening section, where
    search weighs them most (runs after mkdocs-macros, so they are never a template)."""
    terms = page.meta.get("search_terms")
    if not terms or page.file.generated_by:
        return markdown
    line = f"*Ook gezocht als: {md.escape(', '.join(map(str, terms)))}*\n\n"
    head, sep, rest = markdown.partition("\n## ")
    return head.rstrip("\n") + "\n\n" + line + (sep.lstrip("\n") + rest if sep else "")


def on_page_context(context, page, config, nav):
    """Page metadata for overrides/main.html: schema.org data on module pages, and the date of
    the last change from git (the Markdown file, or the catalogue for generated pages)."""
    source = (repo_relative(catalog_path()) if page.file.generated_by
              else f"{config.docs_dir.rstrip('/').rsplit('/', 1)[-1]}/{page.file.src_uri}")
    record = getattr(page.file, "amw_record", None)
    if isinstance(record, Module):
        url = page.canonical_url or page.url
        page.meta["amw_jsonld"] = module_jsonld(get_views(catalog_path()), record, url)
    date = history.last_updated(source)
    if date:
        page.meta["amw_updated"] = date
        page.meta["amw_updated_text"] = history.dutch_date(date)
    return context


def data_edit_uri(config, data_uri: str, first: int, last: int) -> str | None:
    """Relative to edit_uri (e.g. 'edit/main/docs/'): '../../../blob/main/data/modules.yaml#L5-L40'.
    GitHub's blob view honours line anchors; its edit view does not."""
    parts = (config.edit_uri or "").strip("/").split("/")
    if len(parts) < 2:
        return None
    branch = parts[1]
    return "../" * len(parts) + f"blob/{branch}/{data_uri}#L{first}-L{last}"
