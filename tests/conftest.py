"""Shared fixtures: the real site is built once per test session, strictly, into a temp dir."""
from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.catalog import get_views  # noqa: E402
from macros.paths import DEFAULT_CATALOG  # noqa: E402


def build_site(dest: Path, config: str = "mkdocs.yml", catalog: Path | None = None,
               cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if catalog:
        env["AMW_CATALOG"] = str(catalog)
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file",
                           config, "--site-dir", str(dest)], cwd=cwd, env=env,
                          capture_output=True, text=True)


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
