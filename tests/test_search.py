"""Search (Pagefind and our dialog, docs/assets/js/zoeken.js) in a real Chromium, from the
network log: nothing on page load, a first query within its byte budget, typed results with the
record's summary, ranking and filters from the data, axe with the dialog open, and the 60 queries
people type."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from test_browser import axe_violations

from macros.catalogue.model import Module
from macros.site.markdown import page_url
from macros.site.pages import page_of

QUERIES = Path(__file__).parent / "search_queries.yaml"
FIRST_QUERY_BUDGET = 300 * 1024   # bytes fetched for the first query on the real catalogue
SEARCH_URL = re.compile(r"/pagefind/|/search/|search_index")


def url_of(record) -> str:
    return page_url(page_of(record), True)


def open_search(page):
    page.click(".amw-search-open")
    page.wait_for_selector("#amw-search[open] #amw-search-input:focus")


def search(page, query: str) -> list[dict]:
    """Type a query in the search dialog like a person; the results shown, best first."""
    page.fill("#amw-search-input", "")
    page.type("#amw-search-input", query)
    page.wait_for_function("q => document.querySelector('.amw-search__results').dataset.query === q",
                           arg=query, timeout=20_000)
    return results(page)


def results(page) -> list[dict]:
    return page.eval_on_selector_all(".amw-search__result a", """els => els.map(a => ({
        path: new URL(a.href).pathname.replace(/^\\//, ''),
        kind: a.querySelector('.amw-search__kind').textContent,
        state: (a.querySelector('.amw-search__state') || {}).textContent || '',
        title: a.querySelector('.amw-search__name').textContent,
        summary: a.querySelector('.amw-search__summary').textContent,
        marks: [...a.querySelectorAll('.amw-search__summary mark')].map(m => m.textContent)}))""")


@pytest.fixture
def searching(watched):
    """A page with a log of every response: (url, bytes)."""
    w = watched()
    page = w.new_page()
    page.fetched = []

    def on_response(response):
        try:
            size = len(response.body())
        except Exception:
            size = 0
        page.fetched.append((response.url, size))
    page.on("response", on_response)
    yield page
    assert not w.foreign, w.foreign
    assert not w.errors, w.errors


def test_nothing_for_search_on_page_load_and_the_first_query_within_budget(searching, site_url, views):
    page = searching
    page.goto(site_url + url_of(views.modules["intake"]), wait_until="networkidle")
    on_load = [u for u, _ in page.fetched if SEARCH_URL.search(u)]
    assert not on_load, f"zoekbestanden bij het laden van de pagina: {on_load}"
    open_search(page)
    page.wait_for_timeout(300)
    assert not [u for u, _ in page.fetched if SEARCH_URL.search(u)], "openen alleen haalt nog niets op"
    before = len(page.fetched)
    found = search(page, "schulden")
    assert found
    first = sum(size for u, size in page.fetched[before:] if SEARCH_URL.search(u))
    print(f"\neerste zoekopdracht: {first / 1024:.0f} kB")
    assert 0 < first <= FIRST_QUERY_BUDGET, f"{first / 1024:.0f} kB voor de eerste zoekopdracht"


def test_results_say_what_they_are_and_show_the_summary_with_the_query_marked(searching, site_url, views):
    page = searching
    page.goto(site_url, wait_until="load")
    open_search(page)
    found = search(page, "rouwverwerking")
    module = views.modules["rouwverwerking"]
    top = found[0]
    assert top["path"] == url_of(module)
    assert top["kind"] == "Module" and top["title"] == module.name
    assert top["summary"] == " ".join(module.summary.split())
    kinds = {r["kind"] for r in search(page, "huisarts")}
    assert "Ketenpartner" in kinds
    named = next(m for m in views.catalog.modules if m.status == "genoemd")
    hit = next(r for r in search(page, named.name) if r["path"] == url_of(named))
    assert hit["kind"] == "Module" and hit["state"] == "alleen genoemd"
    marked = search(page, "schulden")
    assert any(m.lower().startswith("schuld") for r in marked for m in r["marks"])


def shared_term(views) -> tuple[str, Module, Module]:
    """A search term that exactly one described and one named module share (the rarest such)."""
    best = None
    terms = {t.lower() for m in views.catalog.modules for t in m.search_terms}
    for term in sorted(terms):
        having = [m for m in views.catalog.modules if term in (t.lower() for t in m.search_terms)]
        described = [m for m in having if m.status == "beschreven"]
        named = [m for m in having if m.status != "beschreven"]
        if described and named and (best is None or len(having) < best[0]):
            best = (len(having), term, described[0], named[0])
    assert best, "geen zoekterm die een beschreven en een genoemde module delen"
    return best[1:]


def test_a_described_module_ranks_above_a_named_one_for_a_shared_term(searching, site_url, views):
    term, described, named = shared_term(views)
    page = searching
    page.goto(site_url, wait_until="load")
    open_search(page)
    paths = [r["path"] for r in search(page, term)]
    assert url_of(described) in paths and url_of(named) in paths, (term, paths)
    assert paths.index(url_of(described)) < paths.index(url_of(named)), (term, paths)


def test_a_filter_narrows_the_results(searching, site_url, views):
    page = searching
    page.goto(site_url, wait_until="load")
    open_search(page)
    everything = search(page, "schulden")
    assert len({r["kind"] for r in everything}) > 1
    total = page.inner_text(".amw-search__status")
    page.select_option("#amw-search-f-type", "Programma")
    page.wait_for_function("t => document.querySelector('.amw-search__status').textContent !== t", arg=total)
    narrowed = results(page)
    assert narrowed and {r["kind"] for r in narrowed} == {"Programma"}
    assert int(re.match(r"\d+", page.inner_text(".amw-search__status")).group()) < int(re.match(r"\d+", total).group())
    expected = {url_of(p) for p in views.catalog.programmes}
    assert {r["path"] for r in narrowed} <= expected
    # Filters are the catalogue's facets: a function narrows to what the data says.
    page.select_option("#amw-search-f-type", "Module")
    function = views.functions["begeleiding"]
    page.select_option("#amw-search-f-functie", function.name)
    page.fill("#amw-search-input", "")
    page.wait_for_function("() => document.querySelector('.amw-search__results').dataset.query === ''")
    page.wait_for_timeout(300)
    shown = {r["path"] for r in results(page)}
    listed = {url_of(m) for m in views.modules_listed_on(function)}
    assert shown and shown <= listed


def test_a_gemeente_narrows_to_what_the_organisations_working_there_offer(searching, site_url, views):
    """Content test: the fictional example organisation works in Tiel."""
    page = searching
    page.goto(site_url, wait_until="load")
    open_search(page)
    search(page, "budgetbegeleiding")
    page.select_option("#amw-search-f-gemeente", "Tiel")
    page.fill("#amw-search-input", "")
    page.wait_for_function("() => document.querySelector('.amw-search__results').dataset.query === ''")
    org = views.table["organisation"]["voorbeeld-amw-rivierenland"]
    offered = {url_of(views.modules[v.module]) for v in org.variants if v.status != "niet-aangeboden"}
    assert {r["path"] for r in results(page)} == offered | {url_of(org)}


def test_keyboard_slash_opens_escape_closes_and_a_phone_gets_a_full_screen_dialog(browser, site_url):
    context = browser.new_context(viewport={"width": 375, "height": 700})
    page = context.new_page()
    page.goto(site_url + "modules/", wait_until="load")
    page.keyboard.press("/")
    page.wait_for_selector("#amw-search[open] #amw-search-input:focus")
    box = page.locator("#amw-search").bounding_box()
    assert box["width"] >= 370 and box["height"] >= 690
    page.keyboard.press("Escape")
    page.wait_for_selector("#amw-search:not([open])", state="attached")
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_search_dialog_passes_axe(watched, site_url, scheme):
    page = watched(color_scheme=scheme).new_page()
    page.goto(site_url + "modules/intake/", wait_until="load")
    open_search(page)
    search(page, "schulden")
    assert page.is_visible("#amw-search-f-type")
    assert not axe_violations(page)


@pytest.mark.full
def test_search_finds_what_people_type(searching, site_url):
    cases = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))
    assert len(cases) >= 40
    page = searching
    page.goto(site_url, wait_until="load")
    open_search(page)
    misses = []
    for case in cases:
        top = [r["path"] for r in search(page, case["query"])][:3]
        if case["expect"] not in top:
            misses.append(f"{case['query']!r}: verwacht {case['expect']}, kreeg {top}")
    rate = 1 - len(misses) / len(cases)
    print(f"\nzoeken: {len(cases) - len(misses)}/{len(cases)} in de top 3 ({rate:.0%})")
    for miss in misses:
        print("  mis:", miss)
    assert rate >= 0.95, "\n".join(misses)


def test_search_markup_comes_from_the_front_matter():
    from macros.site.search_index import page_markup
    named = page_markup({"kind": "Module", "status": "Alleen genoemd", "rank": "low", "description": "Een  zin.",
                         "facets": {"doelgroep": ["Ouders"]}, "search_terms": ["a", "b"]}, "X")
    assert ("summary", "Een zin.") in named["meta"] and ("terms", "a|b") in named["meta"]
    assert {("type", "Module"), ("status", "Alleen genoemd"), ("doelgroep", "Ouders")} <= set(named["filters"])
    assert named["weight"] == 0.5
    assert page_markup({"kind": "Programma", "rank": "high"}, "P")["weight"] is None
    for meta in ({}, {"kind": "Artikel", "in_search": False}, {"kind": "Overzicht", "search": {"exclude": True}}):
        assert page_markup(meta, "X") is None


def test_meta_and_continuation_pages_stay_out_of_the_index(site, views):
    for url in ("", "trefwoorden/", "nieuw/", "gezocht/"):
        assert not site.soup(url).select("[data-pagefind-body]"), url
    module = site.soup(url_of(views.modules["intake"]))
    assert module.select("[data-pagefind-body]")
    assert module.select_one('meta[data-pagefind-filter="type[content]"]')["content"] == "Module"
    assert (site.root / "pagefind" / "pagefind.js").exists()
    assert not (site.root / "search" / "search_index.json").exists()


def test_the_build_indexes_each_page_as_pagefind_reads_the_finished_page(fixture_site, tmp_path):
    # Code test, fixture catalogue. The build hands Pagefind only the head and the article of a
    # page; what Pagefind keeps of each page (its fragment: text, meta, filters, anchors) must be
    # what it makes of the whole page on disk.
    from macros.site.search_index import index_site
    copy = tmp_path / "site"
    shutil.copytree(fixture_site.root, copy, ignore=shutil.ignore_patterns("pagefind"))
    assert index_site(copy) == []
    built = {p.name: p.read_bytes() for p in (fixture_site.root / "pagefind" / "fragment").iterdir()}
    whole = {p.name: p.read_bytes() for p in (copy / "pagefind" / "fragment").iterdir()}
    assert len(built) > 20 and built == whole
