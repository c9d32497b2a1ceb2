"""Material's navigation, rendered once for every page that gets the same HTML.

Material renders the whole navigation on each page: at thousands of pages that was a tenth of
the build. Its HTML depends on the page only through the relative links to the nav's pages and
which of them is the page itself (with its sections marked active). Both follow from the list of
relative links: a page's link to itself is the only "./". So every module, programme or
organisation page at the same place in the tree (none is in the nav) shares one rendering.

The navigation is also where Material's templates put most of their indentation (a quarter of a
page); it is minified once here, so most pages need no minifier of their own.
"""
from __future__ import annotations

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader
from mkdocs.structure.nav import Navigation
from mkdocs.utils import get_relative_url

from ..site.minify import compact_html

THEME_PREFIX = "material"  # overrides/partials/nav.html includes "material/partials/nav.html"


class SharedNav:
    def __init__(self) -> None:
        self._html: dict[tuple[str, ...], str] = {}
        self._targets: tuple[str, ...] = ()

    def follow(self, nav: Navigation, config) -> None:
        """Each build: this build's nav (every address it links to: its pages, the home page
        behind the logo, the logo image), and an empty cache."""
        self._html.clear()
        self._targets = tuple(sorted({p.url for p in nav.pages} | {"", str(config.theme.get("logo") or "")}))

    def install(self, env: Environment, config) -> None:
        """The theme's own templates under a prefix, so our partial can include the one it wraps."""
        theme_dirs = [d for d in config.theme.dirs if d != config.theme.custom_dir]
        if not isinstance(env.loader, ChoiceLoader):
            env.loader = ChoiceLoader([env.loader, PrefixLoader({THEME_PREFIX: FileSystemLoader(theme_dirs)})])
        env.globals["shared_nav"] = self

    def __call__(self, page, caller) -> str:
        if page is None:  # the 404 page
            return compact_html(caller())
        key = tuple(get_relative_url(target, page.url) for target in self._targets)
        html = self._html.get(key)
        if html is None:
            html = self._html[key] = compact_html(caller())
        return html
