"""Editor commands: `python -m macros validate [FILE]` and `python -m macros schema`."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from .catalogue.loader import CatalogError, load_catalog
from .catalogue.model import Catalog, Organisation
from .catalogue.paths import ORGANISATION_SCHEMA_FILE, ROOT, SCHEMA_FILE, catalog_path, repo_relative


def schema_text() -> str:
    schema = Catalog.model_json_schema()
    schema["title"] = "AMW kennisbank: data/modules.yaml"
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def organisation_schema_text() -> str:
    schema = Organisation.model_json_schema()
    schema["title"] = "AMW kennisbank: data/organisaties/<id>.yaml"
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


CODEOWNERS_FILE = ROOT / ".github" / "CODEOWNERS"


def codeowners_text() -> str:
    """One line per organisation file: its maintainers review every change to their own offer."""
    loaded = load_catalog(catalog_path())
    lines = ["# Gegenereerd door `make codeowners` uit de beheerders in data/organisaties/*.yaml.",
             "# Een organisatie beoordeelt zelf elke wijziging in haar eigen aanbod."]
    for org in loaded.catalog.organisations:
        lines.append(f"/{loaded.record_files[org.id]} {' '.join(org.maintainers)}")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "validate"
    if command == "validate":
        path = Path(argv[1]) if len(argv) > 1 else catalog_path()
        try:
            loaded = load_catalog(path)
        except CatalogError as exc:
            print(exc, file=sys.stderr)
            return 1
        c = loaded.catalog
        for warning in loaded.warnings:
            print(f"  {warning}", file=sys.stderr)
        print(f"{repo_relative(path)}: in orde ({len(c.modules)} modules, {len(c.programmes)} programma's, "
              f"{len(c.cases)} casussen, {len(c.organisations)} organisaties).")
        return 0
    if command == "schema":
        SCHEMA_FILE.write_text(schema_text(), encoding="utf-8")
        ORGANISATION_SCHEMA_FILE.write_text(organisation_schema_text(), encoding="utf-8")
        print(f"{SCHEMA_FILE} en {ORGANISATION_SCHEMA_FILE} bijgewerkt.")
        return 0
    if command == "codeowners":
        CODEOWNERS_FILE.write_text(codeowners_text(), encoding="utf-8")
        print(f"{CODEOWNERS_FILE} bijgewerkt.")
        return 0
    print("Gebruik: python -m macros validate [BESTAND] | schema | codeowners", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
