"""Code test: the rooms of the house. The domain (macros.catalogue) imports neither the site nor
the engine; the site imports no engine; only macros.engine imports MkDocs. The contracts live in
pyproject.toml ([tool.importlinter]) and are checked by import-linter."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def test_only_the_adapter_imports_the_engine_and_the_domain_imports_neither():
    lint = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "2 kept, 0 broken" in result.stdout


def test_a_new_record_kind_needs_one_registry_entry_and_its_templates():
    from macros.catalogue.registry import KINDS
    from macros.site.pages import TEMPLATES
    for kind in KINDS.values():
        if kind.folder:
            assert (TEMPLATES / kind.template).exists(), kind.template
            assert (TEMPLATES / kind.index_template).exists(), kind.index_template
