"""The site in a real Chromium (Debian's, driven by Playwright), served over HTTP."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import build_site

from macros.site.markdown import page_url
from macros.site.pages import page_of

AXE = (Path(__import__("axe_playwright_python").__file__).parent / "axe.min.js").read_text(encoding="utf-8")
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def all_pages(site) -> list[str]:
    urls = []
    for file in site.pages():
        rel = file.relative_to(site.root).as_posix()
        if rel == "404.html":
            continue
        urls.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return urls


def axe_violations(page) -> list[str]:
    page.add_script_tag(content=AXE)
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_21_AA)
    return [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in result["violations"]]


def sample_pages(site) -> list[str]:
    """Every hand-written page plus the first page made from each template (the full run: all)."""
    from macros.catalogue.registry import KINDS
    folders = {k.folder for k in KINDS.values() if k.folder}
    per_folder: dict[str, int] = {}
    sample = []
    for url in all_pages(site):
        folder = url.split("/")[0]
        if folder in folders:
            per_folder[folder] = per_folder.get(folder, 0) + 1
            if per_folder[folder] > 1:
                continue
        sample.append(url)
    return sample


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_sample_pages_pass_axe_stay_on_their_origin_and_log_no_errors(site, site_url, watched, scheme):
    check_pages(sample_pages(site), site_url, watched, scheme)


@pytest.mark.full
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_passes_axe_stays_on_its_origin_and_logs_no_errors(site, site_url, watched, scheme):
    check_pages(all_pages(site), site_url, watched, scheme)


def check_pages(urls, site_url, watched, scheme, **options):
    w = watched(color_scheme=scheme, **options)
    page = w.new_page()
    problems = {}
    for url in urls:
        page.goto(site_url + url, wait_until="load")
        found = axe_violations(page)
        if found:
            problems[url] = found
    assert not problems, "\n".join(f"{u}: {v}" for u, v in list(problems.items())[:20])
    assert not w.foreign, f"verzoeken naar andere domeinen: {sorted(set(w.foreign))[:10]}"
    assert not w.errors, w.errors[:10]


def finder_modules(page) -> set[str]:
    return set(page.eval_on_selector_all("#amw-finder-results li[data-module]:not([hidden])",
                                         "els => els.map(e => e.dataset.module)"))


def test_finder_filters_by_veld_and_target_group_exactly_as_the_data_says(site_url, watched, views):
    page = watched().new_page()
    page.goto(site_url + "modulezoeker/", wait_until="load")
    page.wait_for_selector("#amw-finder:not([hidden])")
    page.select_option("#f-veld", "7")
    in_veld = {m.id for m in views.catalog.modules if 7 in m.prestatievelden} | {
        m.id for m in views.catalog.modules if set(m.functions) & {a.function for a in views.velden[7].functions}}
    assert finder_modules(page) == in_veld
    via = page.eval_on_selector_all("#amw-finder-results li:not([hidden]) .amw-via__mark",
                                    "marks => marks.map(m => m.closest('li').dataset.module)")
    assert set(via) == {i for i in in_veld if 7 not in views.modules[i].prestatievelden} and via
    group = "mensen-met-schulden"
    page.select_option("#f-group", group)
    expected = {i for i in in_veld if group in views.modules[i].target_groups}
    assert finder_modules(page) == expected
    count = page.inner_text("#amw-finder-count")
    assert count.startswith(str(len(expected))) and page.get_attribute("#amw-finder-count", "aria-live") == "polite"
    page.click("#amw-finder button[type=reset]")
    page.wait_for_function("n => document.querySelectorAll('#amw-finder-results li:not([hidden])').length === n",
                           arg=len(views.catalog.modules))


def test_finder_takes_its_filters_from_the_address(site_url, watched, views):
    page = watched().new_page()
    page.goto(site_url + "modulezoeker/?function=begeleiding&veld=5", wait_until="load")
    page.wait_for_selector("#amw-finder:not([hidden])")
    expected = {m.id for m in views.catalog.modules if "begeleiding" in m.functions}  # field 5 takes in all of it
    assert finder_modules(page) == expected and page.input_value("#f-veld") == "5"


def test_finder_filters_by_organisation_and_gemeente(site_url, watched, views):
    """Content test: the fictional example organisation serves Tiel."""
    page = watched().new_page()
    page.goto(site_url + "modulezoeker/?gemeente=Tiel", wait_until="load")
    page.wait_for_selector("#amw-finder:not([hidden])")
    org = views.table["organisation"]["voorbeeld-amw-rivierenland"]
    offered = {v.module for v in org.variants if v.status != "niet-aangeboden"}
    assert finder_modules(page) == offered
    page.select_option("#f-gemeente", "")
    page.select_option("#f-organisation", org.id)
    assert finder_modules(page) == offered


def test_finder_without_javascript_lists_every_module(site_url, watched, views):
    page = watched(java_script_enabled=False).new_page()
    page.goto(site_url + "modulezoeker/", wait_until="load")
    assert finder_modules(page) == set(views.modules)
    assert not page.is_visible("#amw-finder")


def test_keyboard_skip_link_visible_focus_search_and_finder(site_url, watched, views):
    page = watched().new_page()
    page.goto(site_url + "modules/budgetbegeleiding/", wait_until="load")
    page.keyboard.press("Tab")
    focused = page.evaluate("() => [document.activeElement.className, getComputedStyle(document.activeElement).outlineStyle, document.activeElement.getBoundingClientRect().height]")
    assert "md-skip" in focused[0] and focused[2] > 0
    # Search without a mouse: the "/" key opens search, arrow down reaches the top result.
    page.keyboard.press("/")
    page.wait_for_selector("#amw-search[open] #amw-search-input:focus")
    page.keyboard.type("rouwverwerking")
    page.wait_for_selector(".amw-search__result a")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/modules/rouwverwerking/"))
    # Finder without a mouse: tab to a filter and change it with the arrow keys.
    page.goto(site_url + "modulezoeker/", wait_until="load")
    page.wait_for_selector("#amw-finder:not([hidden])")
    page.focus("#f-function")
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("ArrowDown")
    first = views.catalog.functions[0].id
    page.wait_for_function("() => document.querySelector('#f-function').value !== ''")
    assert finder_modules(page) == {m.id for m in views.modules_listed_on(views.functions[first])}


def test_module_page_prints_as_a_clean_handout(site_url, watched, views):
    page = watched().new_page()
    long_pages = []
    for m in views.catalog.modules:
        if m.status != "beschreven":
            continue
        page.goto(site_url + page_url(page_of(m), True), wait_until="load")
        pdf = page.pdf(format="A4", print_background=False)
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        if not 1 <= pages <= 2:
            long_pages.append(f"{m.id}: {pages}")
    assert not long_pages, long_pages
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-search", ".md-footer"):
        assert not page.is_visible(hidden), hidden
    assert page.is_visible("article h2:has-text('Bron')")
    assert page.is_visible(".amw-updated .amw-print-only")
    after = page.evaluate("""() => { const a = [...document.querySelectorAll('article a[href^="http"]')][0];
        return a ? getComputedStyle(a, '::after').content : 'none'; }""")
    assert "http" in after or after == "none"


@pytest.mark.full
def test_offline_build_works_from_disk(tmp_path, browser):
    dest = tmp_path / "offline"
    result = build_site(dest, OFFLINE="true", DIRECTORY_URLS="false")
    assert result.returncode == 0, result.stderr
    context = browser.new_context()
    foreign = []
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:", "blob:", "about:"))
                  else (foreign.append(route.request.url), route.abort()))
    page = context.new_page()
    page.goto((dest / "index.html").as_uri())
    page.click("article a[href='modules/index.html']")
    assert page.url.endswith("/modules/index.html")
    page.click("article a[href='budgetbegeleiding.html']")
    assert page.inner_text("h1").startswith("Budgetbegeleiding")
    page.click("article a[href$='functies/begeleiding.html']")
    assert page.inner_text("h1").startswith("Begeleiding")
    # Pagefind cannot fetch from file://: the offline copy searches Material's index (inlined as
    # search/search_index.js) in the same dialog, and loads nothing from another origin.
    page.wait_for_selector(".amw-search-open:not([hidden])")  # the search script has run
    page.keyboard.press("/")
    page.wait_for_selector("#amw-search[open] #amw-search-input:focus")
    page.keyboard.type("rouwverwerking")
    page.wait_for_selector(".amw-search__result a[href*='rouwverwerking']")
    assert page.text_content(".amw-search__result .amw-search__kind") == "Module"
    page.click(".amw-search__result a >> nth=0")
    page.wait_for_url(re.compile(r"rouwverwerking\.html"))
    assert page.inner_text("h1").startswith("Rouwverwerking")
    assert not foreign, foreign
    context.close()
