"""Search figures in a real Chromium, side by side in one run: Material's lunr search (the site
built as before, AMW_MATERIAL_SEARCH=true) and Pagefind (the site as it is built now). Prints
figures; not a test.

    .venv/bin/python bench/search_bench.py [--scales 1,100]

Per variant: bytes fetched for search when a page loads, bytes for the first query, time to the
first results, the total bytes of a cold load of a module page, and (real catalogue) how many of
the 60 queries in tests/search_queries.yaml have the expected page in the top 3, with the misses.
Bytes are as served (our test server does not compress; Pagefind's index files are compressed
already); "gzip" is what a compressing server would send.
"""
from __future__ import annotations

import argparse
import gzip
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

from conftest import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402
from site_bench import synthetic_catalogue, synthetic_organisations  # noqa: E402

CASES = yaml.safe_load((ROOT / "tests" / "search_queries.yaml").read_text(encoding="utf-8"))
SEARCH_URL = re.compile(r"/pagefind/|/search/|search_index|workers/search")
MODULE_PAGE = "modules/intake/"
FIRST_QUERY = "schulden"
VARIANTS = {"lunr": {"AMW_MATERIAL_SEARCH": "true"}, "pagefind": {}}


def build(site_dir: Path, catalog: Path | None, **env_extra) -> float:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **env_extra)
    if catalog:
        env["AMW_CATALOG"] = str(catalog)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site_dir)],
                   cwd=ROOT, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


# --- driving each search like a person ---------------------------------------------------------

class Lunr:
    field = "input.md-search__input"

    def open(self, page):
        page.click(self.field)

    def results(self, page, query: str, timeout: float = 120_000) -> list[str]:
        page.fill(self.field, "")
        page.wait_for_function("() => !document.querySelector('li.md-search-result__item')")
        page.type(self.field, query)  # Material listens to key presses
        page.wait_for_selector("li.md-search-result__item", timeout=timeout)
        hrefs, previous = [], None
        for _ in range(50):  # results settle after the last key press
            page.wait_for_timeout(100)
            hrefs = page.eval_on_selector_all("li.md-search-result__item > a.md-search-result__link",
                                              "els => els.map(e => e.href)")
            if hrefs and hrefs == previous:
                break
            previous = hrefs
        return paths(hrefs)


class Pagefind:
    def open(self, page):
        page.click(".amw-search-open")
        page.wait_for_selector("#amw-search[open]")

    def results(self, page, query: str, timeout: float = 120_000) -> list[str]:
        page.fill("#amw-search-input", "")
        page.type("#amw-search-input", query)
        page.wait_for_function("q => document.querySelector('.amw-search__results').dataset.query === q",
                               arg=query, timeout=timeout)
        return paths(page.eval_on_selector_all(".amw-search__result a", "els => els.map(e => e.href)"))

    def narrow(self, page, name: str) -> str:
        """Choose the first value of a filter (after the first query built the filters); waits for
        the results to change. Returns the value chosen."""
        value = page.eval_on_selector(f"#amw-search-f-{name}", "s => s.options[1].value")
        self.choose(page, name, value)
        return value

    def widen(self, page, name: str) -> None:
        self.choose(page, name, "")

    @staticmethod
    def choose(page, name: str, value: str) -> None:
        """Set a filter and wait until the results change."""
        before = page.inner_text(".amw-search__status")
        page.select_option(f"#amw-search-f-{name}", value)
        page.wait_for_function("t => document.querySelector('.amw-search__status').textContent !== t",
                               arg=before, timeout=120_000)


def paths(hrefs: list[str]) -> list[str]:
    out = []
    for href in hrefs:
        path = re.sub(r"^https?://[^/]+/", "", href).split("?")[0].split("#")[0]
        if path not in out:
            out.append(path)
    return out


# --- measuring ---------------------------------------------------------------------------------

def logged_page(browser):
    context = browser.new_context()
    page = context.new_page()
    page.fetched = []

    def on_response(response):
        try:
            body = response.body()
        except Exception:
            return
        kind = response.headers.get("content-type", "")
        packed = len(gzip.compress(body)) if re.search(r"text|json|javascript|svg", kind) else len(body)
        page.fetched.append((response.url, len(body), packed))
    page.on("response", on_response)
    return context, page


def total(fetched, search_only=True) -> tuple[int, int]:
    rows = [f for f in fetched if not search_only or SEARCH_URL.search(f[0])]
    return sum(f[1] for f in rows), sum(f[2] for f in rows)


def measure(site_dir: Path, ui, quality: bool, organisations: int = 0) -> dict:
    from playwright.sync_api import sync_playwright
    with serve(site_dir) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        # A cold load of a module page: everything it fetches, search included.
        context, page = logged_page(browser)
        page.goto(url + MODULE_PAGE, wait_until="networkidle")
        page.wait_for_timeout(500)
        cold = total(page.fetched, search_only=False)
        on_load = total(page.fetched)
        # The first query: what it fetches on top of the page load, and how long it takes.
        before = len(page.fetched)
        ui.open(page)
        start = time.perf_counter()
        ui.results(page, FIRST_QUERY)
        first_s = time.perf_counter() - start
        first = total(page.fetched[before:])
        narrowed = {}
        if organisations and hasattr(ui, "narrow"):
            # Regional filters: what choosing a gemeente, then an organisation, adds.
            for name in ("gemeente", "organisatie"):
                before = len(page.fetched)
                start = time.perf_counter()
                value = ui.narrow(page, name)
                narrowed[name] = (value, time.perf_counter() - start, total(page.fetched[before:]))
            for name in ("organisatie", "gemeente"):  # the queries below search everything again
                ui.widen(page, name)
        latencies, misses = [], []
        for case in CASES if quality else CASES[:20]:
            start = time.perf_counter()
            top = ui.results(page, case["query"], timeout=30_000)[:3]
            latencies.append(time.perf_counter() - start)
            if case["expect"] not in top:
                misses.append(f"{case['query']!r}: verwacht {case['expect']}, kreeg {top}")
        context.close()
        browser.close()
    return {"cold": cold, "on_load": on_load, "first": first, "first_s": first_s, "narrowed": narrowed,
            "median_ms": statistics.median(latencies) * 1000,
            "hits": len(CASES) - len(misses) if quality else None, "misses": misses if quality else []}


def kb(pair: tuple[int, int]) -> str:
    return f"{pair[0] / 1024:,.0f} kB (gzip {pair[1] / 1024:,.0f} kB)".replace(",", ".")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--scales", default="1")
    parser.add_argument("--variants", default="lunr,pagefind", help="e.g. pagefind: skip the slow lunr run at ×100")
    parser.add_argument("--organisations", type=int, default=0,
                        help="add this many synthetic organisations; measures the gemeente and organisation filters")
    args = parser.parse_args()
    variants = {name: VARIANTS[name] for name in args.variants.split(",")}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for scale in [int(s) for s in args.scales.split(",")]:
            catalog = None if scale == 1 and not args.organisations else synthetic_catalogue(scale, tmp)
            if args.organisations:
                ids = [m["id"] for m in yaml.safe_load(catalog.read_text(encoding="utf-8"))["modules"]]
                synthetic_organisations(args.organisations, catalog.parent, ids)
            found = {}
            for name, env in variants.items():
                site_dir = tmp / f"site-{name}-x{scale}"
                seconds = build(site_dir, catalog, **env)
                r = measure(site_dir, Lunr() if name == "lunr" else Pagefind(), quality=scale == 1,
                            organisations=args.organisations)
                found[name] = r
                print(f"×{scale} {name}: gebouwd in {seconds:.1f} s", flush=True)
            names = list(found)
            print(f"\n×{scale:<31} | " + " | ".join(f"{n:30}" for n in names))
            for label, key in (("zoekbytes bij laden pagina", "on_load"), ("bytes eerste zoekopdracht", "first"),
                               ("koude modulepagina, totaal", "cold")):
                print(f"{label:32} | " + " | ".join(f"{kb(found[n][key]):30}" for n in names))
            print(f"{'tot eerste resultaten':32} | " + " | ".join(f"{found[n]['first_s']:.2f} s{'':24}" for n in names))
            print(f"{'mediane zoektijd daarna':32} | " + " | ".join(f"{found[n]['median_ms']:.0f} ms{'':24}" for n in names))
            for n in names:
                for filter_name, (value, seconds, fetched) in found[n]["narrowed"].items():
                    print(f"{n}: filter {filter_name} = {value!r}: {seconds:.2f} s, {kb(fetched)} erbij")
            if scale == 1:
                print(f"{'top 3 (60 zoekopdrachten)':32} | " + " | ".join(f"{found[n]['hits']}/{len(CASES)}{'':25}" for n in names))
                for name in names:
                    print(f"\nmissers {name}:")
                    for miss in found[name]["misses"]:
                        print("  ", miss)
            print(flush=True)
