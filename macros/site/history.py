"""'Wat is er nieuw': the change history of data and docs, read from git at build time.

The page only depends on the commits, so two builds of the same commit give the same page.
"""
from __future__ import annotations

import subprocess
from dataclasses import dataclass
from functools import lru_cache

from ..catalogue.paths import ROOT


@dataclass(frozen=True)
class Change:
    date: str
    subject: str
    paths: tuple[str, ...]


def _git(*args: str) -> str:
    """Output of a git command in the repository, or '' outside git (e.g. a source tarball)."""
    try:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True,
                              timeout=20, check=True).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def changes(limit: int = 200) -> list[Change]:
    out = _git("log", f"-{limit}", "--format=%x1e%cs%x1f%s", "--name-only", "--", "data", "docs")
    result = []
    for block in out.split("\x1e")[1:]:
        head, _, files = block.strip("\n").partition("\n")
        date, _, subject = head.partition("\x1f")
        result.append(Change(date, subject, tuple(f for f in files.split("\n") if f)))
    return result


MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]


def dutch_date(iso: str) -> str:
    """'2026-11-23' -> '23 november 2026' (the style guide's date format)."""
    year, month, day = (int(x) for x in iso.split("-"))
    return f"{day} {MONTHS[month - 1]} {year}"


def commit_timestamp() -> str | None:
    """Unix time of the current commit, for SOURCE_DATE_EPOCH."""
    return _git("log", "-1", "--format=%ct") or None


@lru_cache(maxsize=None)
def last_updated(path: str) -> str | None:
    """Date of the last commit touching `path` (repo-relative), or None outside git."""
    return _git("log", "-1", "--format=%cs", "--", path) or None
