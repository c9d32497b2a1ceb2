"""Shared fixtures: the real site is built once per test session, strictly, into a temp dir."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from macros.catalogue.paths import DEFAULT_CATALOG, ROOT
from macros.catalogue.views import get_views


def build_site(dest: Path, config: str = "mkdocs.yml", catalog: Path | None = None,
               cwd: Path = ROOT, **env_extra) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **env_extra)
    if catalog:
        env["AMW_CATALOG"] = str(catalog)
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file",
                           config, "--site-dir", str(dest)], cwd=cwd, env=env,
                          capture_output=True, text=True)


def project_copy(tmp_path: Path) -> Path:
    """A copy of the project to break on purpose: docs, data, code and configuration."""
    project = tmp_path / "project"
    for name in ("docs", "data", "overrides"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copytree(ROOT / "macros", project / "macros", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    return project


@dataclass
class Site:
    root: Path
    log: str
    _soups: dict = field(default_factory=dict)

    def path(self, url: str) -> Path:
        """Built file for a site-relative URL such as 'modules/intake/'."""
        p = self.root / url.lstrip("/")
        return p / "index.html" if url.endswith("/") or url == "" else p

    def soup(self, url: str) -> BeautifulSoup:
        if url not in self._soups:
            self._soups[url] = BeautifulSoup(self.path(url).read_text(encoding="utf-8"), "html.parser")
        return self._soups[url]

    def pages(self) -> list[Path]:
        return sorted(self.root.rglob("*.html"))


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Site:
    dest = tmp_path_factory.mktemp("site")
    result = build_site(dest)
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    assert "WARNING" not in log, log
    return Site(dest, log)


@pytest.fixture(scope="session")
def views():
    return get_views(DEFAULT_CATALOG)


FIXTURE_CATALOG = Path(__file__).parent / "fixtures" / "minimal.yaml"
# The hand-written pages that generated pages link to; in the fixture site each is a stub.
STUB_PAGES = ("index.md", "achtergrond/hoe-het-werkt.md", "achtergrond/wmo.md", "bijdragen.md",
              "praktijk/ketensamenwerking.md")


def fixture_project(dest: Path) -> Path:
    """A project around the fixture catalogue: the real configuration, code, templates, theme and
    assets, with a few stub pages instead of the articles, and no navigation list."""
    docs = dest / "docs"
    for name in ("assets", "includes"):
        shutil.copytree(ROOT / "docs" / name, docs / name)
    for page in STUB_PAGES:
        (docs / page).parent.mkdir(parents=True, exist_ok=True)
        (docs / page).write_text("# Stub\n\nZie {{ module('budgetbegeleiding') }}.\n", encoding="utf-8")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.split("\nwatch:\n")[0]  # watch and nav come last and name real folders and pages
    assert "\nnav:" not in config, "keep watch: and nav: at the end of mkdocs.yml"
    config = (config.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
                    .replace("  - macros/engine/hooks.py", f"  - {ROOT / 'macros' / 'engine' / 'hooks.py'}")
                    .replace("base_path: [docs/includes]", f"base_path: [{docs / 'includes'}]"))
    (dest / "mkdocs.yml").write_text(config + f"\ndocs_dir: {docs}\n", encoding="utf-8")
    return dest / "mkdocs.yml"


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Site:
    """Code tests: the real engine and templates on the small fixture catalogue, so editing the
    real content can never fail them."""
    project = tmp_path_factory.mktemp("fixture-project")
    config = fixture_project(project)
    dest = project / "site"
    result = build_site(dest, config=str(config), catalog=FIXTURE_CATALOG, cwd=project)
    log = result.stdout + result.stderr
    assert result.returncode == 0, log[-3000:]
    return Site(dest, log)


CROWD = 8  # organisations in the crowded fixture: more than a module page shows


def crowded_organisations(folder: Path, count: int = CROWD) -> None:
    """`count` fictional organisations around the fixture catalogue, each with a variant of
    budgetbegeleiding (in turn changed, as described, not offered) and an own module like it."""
    folder.mkdir(parents=True)
    statuses = ["aangepast", "zoals-beschreven", "niet-aangeboden"]
    for n in range(count):
        status = statuses[n % 3]
        variant = {"module": "budgetbegeleiding", "status": status}
        if status == "aangepast":
            variant |= {"local_name": f"Geldhulp {n}", "note": f"Toelichting {n}."}
        org = {"id": f"test-org-{n}", "name": f"Testorganisatie {n}", "kind": "AMW", "example": True,
               "werkgebied": [["Tiel", "Buren", "Culemborg", "Zaanstad"][n % 4]],
               "contact": {"signup": "Bel ons. (Voorbeeld.)"}, "last_checked": "2026-11-01",
               "maintainers": ["@voorbeeld"], "variants": [variant],
               "own_modules": [{"id": f"test-eigen-{n}", "name": f"Eigen geldgroep {n}", "like": "budgetbegeleiding",
                                "functions": ["begeleiding"], "target_groups": ["mensen-met-schulden"],
                                "summary": "Een eigen module. (Voorbeeld.)", "goals": ["Een doel."]}]}
        (folder / f"{org['id']}.yaml").write_text(yaml.safe_dump(org, allow_unicode=True), encoding="utf-8")


@pytest.fixture(scope="session")
def crowded_site(tmp_path_factory) -> Site:
    """Code tests: the fixture catalogue with more organisations than a module page shows."""
    project = tmp_path_factory.mktemp("crowded-project")
    config = fixture_project(project)
    catalog = project / "data" / "modules.yaml"
    catalog.parent.mkdir()
    shutil.copy(FIXTURE_CATALOG, catalog)
    shutil.copy(ROOT / "data" / "gemeenten.yaml", catalog.parent / "gemeenten.yaml")
    crowded_organisations(catalog.parent / "organisaties")
    dest = project / "site"
    result = build_site(dest, config=str(config), catalog=catalog, cwd=project)
    log = result.stdout + result.stderr
    assert result.returncode == 0, log[-3000:]
    return Site(dest, log)


@pytest.fixture(scope="session")
def fixture_views():
    return get_views(FIXTURE_CATALOG)


# --- browser -----------------------------------------------------------------------------------

CHROMIUM = "/usr/bin/chromium"
# Flags the machine needs: no sandbox as root, and no background traffic to Google's services.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextmanager
def serve(directory: Path):
    handler = partial(QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(site):
    with serve(site.root) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} ontbreekt: installeer Debian's chromium (sudo apt-get install chromium)")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Watched:
    """A browser context that records every request to another origin and every console error."""

    def __init__(self, browser, base: str, **options):
        self.context = browser.new_context(**options)
        self.base = base
        self.foreign: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._route)

    def _route(self, route):
        url = route.request.url
        if url.startswith(self.base) or url.startswith(("data:", "blob:", "file:", "about:")):
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort()

    def new_page(self):
        page = self.context.new_page()
        page.on("console", lambda m: m.type == "error" and self.errors.append(f"{page.url}: {m.text}"))
        page.on("pageerror", lambda e: self.errors.append(f"{page.url}: {e}"))
        return page

    def close(self):
        self.context.close()


@pytest.fixture
def watched(browser, site_url):
    contexts = []

    def make(**options):
        w = Watched(browser, site_url, **options)
        contexts.append(w)
        return w
    yield make
    for w in contexts:
        w.close()
