"""'Wat is er nieuw': the change history of data and docs, read from git at build time.

The page only depends on the commits, so two builds of the same commit give the same page.
"""
from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from functools import lru_cache

from ..catalogue.paths import ROOT


@dataclass(frozen=True)
class Change:
    date: str
    subject: str
    paths: tuple[str, ...]
    records: tuple[str, ...] = ()  # ids/numbers of catalogue records whose lines changed


CATALOG = "data/modules.yaml"
# .gitattributes gives the catalogue this diff driver; with this pattern every hunk header names
# the record (its '  - id:' or '  - number:' line) the change falls in.
_DRIVER = ("-c", r"diff.amwcatalog.xfuncname=^(  - (id|number):.*)$")
_RECORD = re.compile(r"^ {2}- (?:id|number): *([^\s#]+)")


def _git(*args: str) -> str:
    """Output of a git command in the repository, or '' outside git (e.g. a source tarball)."""
    try:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True,
                              timeout=20, check=True).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def changes(limit: int = 200) -> list[Change]:
    out = _git("log", f"-{limit}", "--format=%x1e%H%x1f%cs%x1f%s", "--name-only", "--", "data", "docs")
    records = changed_records(limit)
    result = []
    for block in _blocks(out):
        head, _, files = block.strip("\n").partition("\n")
        sha, date, subject = head.split("\x1f", 2)
        result.append(Change(date, subject, tuple(f for f in files.split("\n") if f), records.get(sha, ())))
    return result


def _blocks(out: str) -> list[str]:
    """Records of `git log --format=%x1e...` output (the output arrives stripped, so the first
    separator may be gone)."""
    return [block for block in out.split("\x1e") if block.strip()]


def changed_records(limit: int = 200) -> dict[str, tuple[str, ...]]:
    """commit -> keys of the catalogue records it changed, read from one `git log -p -U0`."""
    out = _git(*_DRIVER, "log", f"-{limit}", "-p", "-U0", "--format=%x1e%H", "--", CATALOG)
    found: dict[str, tuple[str, ...]] = {}
    for block in _blocks(out):
        sha, _, diff = block.partition("\n")
        keys: dict[str, None] = {}
        first_line_of_hunk = False
        for line in diff.split("\n"):
            if line.startswith("@@"):
                header = line.split("@@", 2)[-1].strip()
                first_line_of_hunk = True
                context = _RECORD.match("  " + header.lstrip()) if header.lstrip().startswith("- ") else None
                pending = context.group(1).strip("'\"") if context else None
                continue
            if line.startswith(("+++", "---")) or not line.startswith(("+", "-")):
                continue
            own = _RECORD.match(line[1:])
            if own:
                keys[own.group(1).strip("'\"")] = None
            elif first_line_of_hunk and pending:
                keys[pending] = None  # a change inside a record: the header names it
            first_line_of_hunk = False
        found[sha.strip()] = tuple(keys)
    return found


MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]


def dutch_date(iso: str) -> str:
    """'2026-11-23' -> '23 november 2026' (the style guide's date format)."""
    year, month, day = (int(x) for x in iso.split("-"))
    return f"{day} {MONTHS[month - 1]} {year}"


def commit_timestamp() -> str | None:
    """Unix time of the current commit, for SOURCE_DATE_EPOCH."""
    return _git("log", "-1", "--format=%ct") or None


def last_updated(path: str) -> str | None:
    """Date of the last commit touching `path` (repo-relative), or None outside git."""
    return _last_dates().get(path)


@lru_cache(maxsize=None)
def _last_dates() -> dict[str, str]:
    """Every path -> the date of the last commit touching it, from one `git log` (a git call per
    page, each walking the history, costs a build seconds)."""
    dates: dict[str, str] = {}
    for block in _blocks(_git("log", "--format=%x1e%cs", "--name-only")):
        date, _, files = block.strip("\n").partition("\n")
        for name in files.split("\n"):
            if name:
                dates.setdefault(name, date)
    return dates
