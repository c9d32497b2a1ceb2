"""Where the catalogue lives. AMW_CATALOG overrides it (tests build fixture catalogues)."""
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
DEFAULT_CATALOG = ROOT / "data" / "modules.yaml"
SCHEMA_FILE = ROOT / "data" / "modules.schema.json"
ORGANISATION_SCHEMA_FILE = ROOT / "data" / "organisatie.schema.json"


def catalog_path() -> Path:
    return Path(os.environ.get("AMW_CATALOG", DEFAULT_CATALOG)).resolve()


def repo_relative(path: Path) -> str:
    """Path as it appears in the repository (for edit links and messages)."""
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)
