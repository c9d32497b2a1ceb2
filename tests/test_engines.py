"""Code test: the site builds strictly with ProperDocs too (the maintained fork of MkDocs 1.6), so
the project is never stuck on one engine. Only macros/engine/ would change for another one."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

pytestmark = pytest.mark.full


def test_properdocs_builds_the_same_site_strictly(tmp_path, site):
    properdocs = Path(sys.executable).parent / "properdocs"
    result = subprocess.run([str(properdocs), "build", "--strict", "--config-file", "mkdocs.yml",
                             "--site-dir", str(tmp_path)], cwd=ROOT, capture_output=True, text=True,
                            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    log = result.stdout + result.stderr
    assert result.returncode == 0, log[-3000:]
    assert "WARNING" not in log, log[-3000:]
    built = {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.html")}
    expected = {p.relative_to(site.root).as_posix() for p in site.root.rglob("*.html")}
    assert built == expected
