"""The MkDocs adapter: the only code that imports the engine.

It validates the catalogue, hands MkDocs the generated pages and open-data files, and adds page
metadata. Under `mkdocs serve` an editor's mistake never stops the preview: the Dutch error goes
to the terminal and onto every page, the last good catalogue keeps the generated pages browsable,
and the next save that fixes the mistake brings the site back.
"""
from __future__ import annotations

import hashlib
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.utils.meta import get_data

from ..catalogue.loader import CatalogError, suggest
from ..catalogue.model import Module, Organisation
from ..catalogue.paths import catalog_path, repo_relative
from ..catalogue.views import Views, get_views
from ..site import history, opendata
from ..site import markdown as md
from ..site.jsonld import module_jsonld
from ..site.minify import compact_if_large
from ..site.pages import COMPILED_TEMPLATES, Article, PageRenderer, article_problems
from ..site.search_index import LiveIndex, SearchIndexError, index_site, page_markup
from .shared_nav import SharedNav

log = logging.getLogger("mkdocs.plugins.amw")


@dataclass
class BuildState:
    serving: bool = False          # mkdocs serve: report mistakes on the page instead of stopping
    views: Views | None = None     # the catalogue of this build, or the last good one under serve
    catalogue_uri: str = ""        # the catalogue file as the repository names it ("data/modules.yaml")
    error: str | None = None       # the catalogue's problems, when it does not load
    articles: list[Article] = field(default_factory=list)
    organisation: Organisation | None = None  # ORGANISATIE=<id>: that organisation's own site
    digests: dict[str, str] = field(default_factory=dict)  # under serve: generated content last time
    error_shown: bool = False      # the last build showed an error box on every page
    search_index: LiveIndex | None = None  # a full build indexes each page as it is written
    shared_nav: SharedNav = field(default_factory=SharedNav)


state = BuildState()


def on_startup(command, dirty):
    state.serving = command == "serve"


def on_config(config):
    state.catalogue_uri = repo_relative(catalog_path())
    try:
        state.views = get_views(catalog_path())
        state.error = None
        for warning in state.views.loaded.warnings:
            log.info(str(warning))
    except CatalogError as exc:
        if not state.serving:
            raise PluginError(str(exc)) from None
        state.error = str(exc)
        state.digests.clear()  # after the fix, every page must lose the error box again
        log.error("De catalogus heeft fouten; de preview toont ze op elke pagina.\n%s", exc)
    organisation = os.environ.get("ORGANISATIE")
    if organisation and state.views:
        _own_site(config, organisation)
    # Material's offline plugin adds a script from unpkg.com (a Web Worker shim for file://); the
    # site loads nothing from other origins, and our search dialog needs no worker offline.
    config.extra["polyfills"] = [p for p in config.extra.get("polyfills") or [] if "unpkg.com" not in str(p)]
    # Reproducible output: MkDocs dates the sitemap (and its gzip header) from SOURCE_DATE_EPOCH.
    os.environ.setdefault("SOURCE_DATE_EPOCH", history.commit_timestamp() or "0")
    return config


def _own_site(config, organisation_id: str) -> None:
    """ORGANISATIE=<id>: the organisation's own site from the same repository."""
    table = state.views.table["organisation"]
    if organisation_id not in table:
        raise PluginError(f"ORGANISATIE={organisation_id}: onbekende organisatie. "
                          f"{suggest(organisation_id, table) or 'Zie data/organisaties/.'}")
    org = table[organisation_id]
    state.organisation = org
    config.extra["amw_national_url"] = config.extra.get("national_url") or config.site_url or ""
    config.extra["amw_organisation"] = {
        "name": org.name, "example": org.example, "signup": org.contact.signup, "phone": org.contact.phone,
        "email": org.contact.email, "website": org.website, "werkgebied": ", ".join(org.werkgebied)}
    config.site_name = f"{org.name}: AMW-modules"


def on_files(files: Files, config) -> Files:
    state.articles = articles(files)
    if state.serving and (state.error or state.error_shown):
        for file in files.documentation_pages():  # the error box comes or goes on every page
            file.is_modified = lambda: True
    state.error_shown = bool(state.error)
    if state.views is None:  # serve started with a broken catalogue: only hand-written pages
        return files
    problems = article_problems(state.views, state.articles)
    if problems and not state.serving:
        raise PluginError("\n".join(problems))
    for problem in problems:
        log.error(problem)
    renderer = PageRenderer(state.views, config.use_directory_urls, state.articles, state.organisation,
                            config.extra.get("amw_national_url", ""), Path(config.docs_dir))
    for page in renderer.pages():
        file = File.generated(config, page.src_uri, content=page.content)
        unchanged_since_last_build(file, page.content + "".join(page.raw))
        if page.record_lines:
            source = (state.views.loaded.record_files[page.record.id] if isinstance(page.record, Organisation)
                      else state.catalogue_uri)  # an organisation's page edits its own file
            file.edit_uri = data_edit_uri(config, source, *page.record_lines)
        file.amw_record = page.record
        file.amw_raw = page.raw
        files.append(file)
    for src_uri, content in opendata.files(state.views, config.use_directory_urls).items():
        files.append(File.generated(config, src_uri, content=content))
    return files


def unchanged_since_last_build(file: File, content: str) -> None:
    """`make serve` rebuilds with --dirty: MkDocs then converts only modified pages. A generated
    file always counts as modified, so tell it which ones really changed since the last build.
    While the catalogue has an error every page shows it, so then everything is rebuilt."""
    if not state.serving:
        return
    digest = hashlib.sha1(content.encode("utf-8")).hexdigest()
    previous = state.digests.get(file.src_uri)
    state.digests[file.src_uri] = digest
    if previous == digest and not state.error:
        file.is_modified = lambda: False


def articles(files: Files) -> list[Article]:
    """Hand-written pages that say in their front matter which records they are about."""
    found = []
    for file in files.documentation_pages():
        if file.generated_by:
            continue
        _, meta = get_data(file.content_string)
        if meta.get("records"):
            found.append(Article(file.src_uri, str(meta.get("title", file.src_uri)),
                                 tuple(str(r) for r in meta["records"])))
    return found


def on_nav(nav, config, files):
    state.shared_nav.follow(nav, config)


def on_env(env, config, files):
    env.bytecode_cache = COMPILED_TEMPLATES
    state.shared_nav.install(env, config)
    return env


def on_page_markdown(markdown, page, config, files):
    if state.error:
        return error_page(state.error) + "\n\n" + markdown
    return search_terms_line(markdown, page)


def error_page(error: str) -> str:
    return ("!!! failure \"De kennisbank kan niet worden bijgewerkt\"\n\n"
            "    Er staat een fout in de gegevens. Herstel die en sla op: de preview werkt zich "
            "dan vanzelf bij. Tot die tijd zie je de laatste versie die wel klopte.\n\n"
            "    ```text\n" + "\n".join("    " + line for line in error.splitlines()) + "\n    ```\n")


def search_terms_line(markdown: str, page) -> str:
    """Hand-written pages show their front-matter search_terms in the opening section, where
    search weighs them most (runs after mkdocs-macros, so they are never a template)."""
    terms = page.meta.get("search_terms")
    if not terms or page.file.generated_by:
        return markdown
    # data-pagefind-weight: the terms count strongly in search without being its snippet.
    line = (f"*Ook gezocht als: <span data-pagefind-weight=\"10\">{md.escape(', '.join(map(str, terms)))}"
            "</span>*\n\n")
    head, sep, rest = markdown.partition("\n## ")
    return head.rstrip("\n") + "\n\n" + line + (sep.lstrip("\n") + rest if sep else "")


def on_page_content(html, page, config, files):
    html = md.fill_raw(html, getattr(page.file, "amw_raw", ()))
    return md.mark_external_links(html, config.site_url or "")


def on_page_context(context, page, config, nav):
    """Page metadata for overrides/main.html: schema.org data on module pages, and the date of
    the last change from git (the Markdown file, or the catalogue for generated pages)."""
    source = (state.catalogue_uri if page.file.generated_by
              else f"{config.docs_dir.rstrip('/').rsplit('/', 1)[-1]}/{page.file.src_uri}")
    record = getattr(page.file, "amw_record", None)
    if not page.file.generated_by:
        page.meta.setdefault("kind", "Artikel")  # what a hand-written page is in search results
    if isinstance(record, Module) and state.views:
        url = page.canonical_url or page.url
        page.meta["amw_jsonld"] = module_jsonld(state.views, record, url)
    page.meta["amw_search"] = page_markup(page.meta, page.title or "")
    date = history.last_updated(source)
    if date:
        page.meta["amw_updated"] = date
        page.meta["amw_updated_text"] = history.dutch_date(date)
    return context


def on_pre_build(config):
    """The Pagefind search index. The offline build (Material's search plugin on) needs none:
    Pagefind cannot fetch from file://, so the search dialog uses Material's inlined index
    there. `mkdocs serve` rebuilds only changed pages, so it indexes the whole site afterwards."""
    if not state.serving and not material_search_enabled(config):
        state.search_index = LiveIndex()


def on_post_page(output, page, config):
    output = compact_if_large(output)
    if state.search_index:
        state.search_index.add(output, "/" + page.url)
    return output


def on_post_build(config):
    live, state.search_index = state.search_index, None
    try:
        if live:
            live.write(config.site_dir)
        elif not material_search_enabled(config):
            for warning in index_site(config.site_dir):
                log.warning("Zoekindex (Pagefind): %s", warning)  # strict builds stop on these
    except SearchIndexError as exc:
        if not state.serving:
            raise PluginError(str(exc)) from None
        log.error("%s", exc)


def on_build_error(error):
    if state.search_index:
        state.search_index.close()
        state.search_index = None


def material_search_enabled(config) -> bool:
    search = config.plugins.get("material/search") or config.plugins.get("search")
    return bool(search and search.config.get("enabled", True))


def data_edit_uri(config, data_uri: str, first: int, last: int) -> str | None:
    """Relative to edit_uri (e.g. 'edit/main/docs/'): '../../../blob/main/data/modules.yaml#L5-L40'.
    GitHub's blob view honours line anchors; its edit view does not."""
    parts = (config.edit_uri or "").strip("/").split("/")
    if len(parts) < 2:
        return None
    branch = parts[1]
    return "../" * len(parts) + f"blob/{branch}/{data_uri}#L{first}-L{last}"
