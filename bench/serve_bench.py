"""Seconds from saving data/modules.yaml to the changed page in the preview, with `make serve`'s
--dirty rebuild and with a full rebuild side by side (figures, not a test).

    .venv/bin/python bench/serve_bench.py [--rounds 3]
"""
from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from macros.catalogue.paths import ROOT


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str, timeout: float = 180) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if text in fetch(url):
            return time.perf_counter() - start
        time.sleep(0.1)
    raise TimeoutError(url)


def measure(dirty: bool, rounds: int) -> list[float]:
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        for name in ("docs", "data", "overrides"):
            shutil.copytree(ROOT / name, project / name)
        shutil.copytree(ROOT / "macros", project / "macros", ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        data = project / "data" / "modules.yaml"
        env = dict(os.environ, AMW_STRICT="false", NO_MKDOCS_2_WARNING="1", AMW_CATALOG=str(data))
        command = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}"]
        process = subprocess.Popen(command + (["--dirty"] if dirty else []), cwd=project, env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}/kennisbank/modules/budgetbegeleiding/"
        try:
            wait_for(url, "Budgetbegeleiding")
            seconds = []
            original = data.read_text(encoding="utf-8")
            for n in range(rounds):
                marker = f"Budgetbegeleiding ronde {n}"
                data.write_text(original.replace("    name: Budgetbegeleiding\n", f"    name: {marker}\n", 1),
                                encoding="utf-8")
                seconds.append(wait_for(url, marker))
            return seconds
        finally:
            process.terminate()
            process.wait(timeout=30)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    full = measure(False, args.rounds)
    dirty = measure(True, args.rounds)
    print(f"volledige rebuild: mediaan {statistics.median(full):.1f} s  {[round(s, 1) for s in full]}")
    print(f"make serve (--dirty): mediaan {statistics.median(dirty):.1f} s  {[round(s, 1) for s in dirty]}"
          f"  → {statistics.median(full) / statistics.median(dirty):.1f}× sneller")
