"""Search figures in a real Chromium: bytes fetched for the first search and median query
latency, at the real catalogue and at the synthetic ×100 one. Prints figures; not a test.

    .venv/bin/python bench/search_bench.py [--scales 1,100]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

from conftest import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402
from site_bench import build, synthetic_catalogue  # noqa: E402

QUERIES = [c["query"] for c in yaml.safe_load((ROOT / "tests" / "search_queries.yaml").read_text())]


def measure(site_dir: Path) -> dict:
    from playwright.sync_api import sync_playwright
    with serve(site_dir) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        fetched: dict[str, int] = {}

        def on_response(response):
            if "/search/" in response.url or "search" in response.url.rsplit("/", 1)[-1]:
                try:
                    fetched[response.url] = len(response.body())
                except Exception:
                    pass
        page.on("response", on_response)
        page.goto(url, wait_until="load")
        before = dict(fetched)
        page.click("input.md-search__input")
        start = time.perf_counter()
        page.keyboard.type(QUERIES[0])
        page.wait_for_selector("li.md-search-result__item", timeout=120_000)
        first = time.perf_counter() - start
        first_bytes = sum(v for k, v in fetched.items() if k not in before)
        latencies = []
        for query in QUERIES[1:]:
            page.fill("input.md-search__input", "")
            page.keyboard.press("Backspace")
            start = time.perf_counter()
            page.keyboard.type(query, delay=0)
            page.wait_for_function(
                "q => { const a = document.querySelector('li.md-search-result__item > a');"
                " return a && a.href.includes('h=') } ", arg=query, timeout=30_000)
            latencies.append(time.perf_counter() - start)
        browser.close()
    return {"first_search_bytes": first_bytes, "first_search_s": first,
            "median_ms": statistics.median(latencies) * 1000}


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--scales", default="1,100")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for scale in [int(s) for s in args.scales.split(",")]:
            catalog = None if scale == 1 else synthetic_catalogue(scale, tmp)
            site_dir = tmp / f"site-x{scale}"
            seconds = build(site_dir, ROOT / "mkdocs.yml", catalog)
            largest = max(site_dir.rglob("*.html"), key=lambda p: p.stat().st_size)
            print(f"×{scale}: gebouwd in {seconds:.1f} s; grootste pagina "
                  f"{largest.relative_to(site_dir)} ({largest.stat().st_size / 1024:.0f} kB)")
            r = measure(site_dir)
            print(f"×{scale}: eerste zoekopdracht haalt {r['first_search_bytes'] / 1024 / 1024:.2f} MB op "
                  f"({r['first_search_s']:.1f} s tot de eerste resultaten); mediane zoektijd daarna "
                  f"{r['median_ms']:.0f} ms over {len(QUERIES) - 1} zoekopdrachten")
