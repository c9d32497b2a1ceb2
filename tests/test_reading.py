"""Reading fast: facet tables, the matrix, diagrams on a phone, print, Dutch pages, and axe on
the page types this touches. Built HTML where that says enough, a real Chromium where layout
and print decide."""
from __future__ import annotations

import re
import subprocess

import pytest
from conftest import ROOT
from test_browser import check_pages
from test_site import section, text, url_of

from macros.site.history import MONTHS
from macros.site.pages import MODULE_GROUPS, module_group

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
SITE_URL = "https://amw-kennisbank.github.io/kennisbank/"


# --- facet pages ---------------------------------------------------------------------------------

def test_facet_page_lists_modules_as_a_table_per_group_described_first(site, views):
    # the function with the most groups, so the order between groups is really tested
    function = max(views.functions.values(),
                   key=lambda f: len({module_group(m) for m in views.modules_listed_on(f)}))
    modules = views.modules_listed_on(function)
    present = [key for key, _ in MODULE_GROUPS if any(module_group(m) == key for m in modules)]
    assert len(present) >= 2
    soup = site.soup(url_of(function))
    parts = section(soup, "Modules")
    headings = [text(el) for el in parts if el.name == "h3"]
    assert headings == [f"{h} ({sum(module_group(m) == k for m in modules)})"
                        for k, h in MODULE_GROUPS if k in present]
    tables = [t for el in parts for t in el.select("table")]
    assert len(tables) == len(present)
    for table, key in zip(tables, present):
        assert [text(th) for th in table.select("thead th")] == ["Module", "Soort", "Duur", "Status"]
        names = [text(tr.find("td")) for tr in table.select("tbody tr")]
        assert names == sorted((m.name for m in modules if module_group(m) == key), key=str.lower)
        for tr in table.select("tbody tr"):
            cells = [text(td) for td in tr.find_all("td")]
            assert cells[1] in ("Individueel", "Groep") and cells[2] and cells[3]


def test_facet_table_fits_a_phone_without_sideways_scrolling(site_url, watched):
    page = watched(viewport=PHONE).new_page()
    page.goto(site_url + "functies/begeleiding/", wait_until="load")
    fits = page.evaluate("""() => [...document.querySelectorAll('.amw-modules table')].map(t => {
        const wrap = t.closest('.md-typeset__scrollwrap') || t.parentElement;
        return t.scrollWidth <= wrap.clientWidth + 1 && t.getBoundingClientRect().right <= innerWidth; })""")
    assert fits and all(fits)
    assert page.locator(".amw-modules th:has-text('Module')").first.is_visible()


# --- matrix --------------------------------------------------------------------------------------

def test_matrix_keeps_its_first_column_in_view_and_becomes_a_list_on_a_phone(site_url, watched, views):
    w = watched(viewport=DESKTOP)
    page = w.new_page()
    page.goto(site_url + "matrix/", wait_until="load")
    style = page.evaluate("""() => {
        const pos = s => getComputedStyle(document.querySelector(s)).position;
        return [pos('.amw-matrix tbody th'), pos('.amw-matrix thead th:first-child'),
                pos('.amw-matrix thead th:last-child')]; }""")
    assert style == ["sticky", "sticky", "sticky"]
    # scroll the area to its far right and bottom: the function column stays at the left edge,
    # and the last field's column is in view
    seen = page.evaluate("""() => {
        const area = document.querySelector('.amw-matrix');
        area.scrollLeft = area.scrollWidth; area.scrollTop = area.scrollHeight;
        const box = area.getBoundingClientRect();
        const first = document.querySelector('.amw-matrix tbody tr:last-child th').getBoundingClientRect();
        const last = document.querySelector('.amw-matrix thead th:last-child').getBoundingClientRect();
        return {scrolled: area.scrollLeft > 0, firstLeft: first.left - box.left,
                lastInside: last.right <= box.right + 1 && last.left >= box.left,
                headerTop: last.top - box.top}; }""")
    assert seen["scrolled"]
    assert abs(seen["firstLeft"]) <= 2, seen
    assert seen["lastInside"], seen
    assert -2 <= seen["headerTop"] <= 40, seen  # the field row sticks to the top of the area
    assert not page.is_visible(".amw-matrix-list")

    phone = watched(viewport=PHONE).new_page()
    phone.goto(site_url + "matrix/", wait_until="load")
    assert not phone.is_visible(".amw-matrix")
    assert phone.is_visible(".amw-matrix-list")
    fields = phone.locator(".amw-matrix-list__veld")
    assert fields.count() == len(views.catalog.prestatievelden)
    assert phone.locator(".amw-matrix-list .amw-via").count() > 0  # via-function stays marked


# --- diagrams ------------------------------------------------------------------------------------

DIAGRAM_PAGES = ["functies/groepswerk/", "achtergrond/hoe-het-werkt/", "praktijk/ketensamenwerking/",
                 "programmas/activering/", "achtergrond/over-amw/", "praktijk/diversiteit/"]


DIAGRAM_TEXT = """() => [...document.querySelectorAll('.amw-figure svg')]
    .filter(svg => svg.getBoundingClientRect().width > 0)
    .flatMap(svg => {
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        return [...svg.querySelectorAll('text')].map(t => ({
            text: t.textContent,
            rendered: parseFloat(getComputedStyle(t).fontSize) * scale,
            box: t.getBoundingClientRect().height}));
    })"""


@pytest.mark.parametrize("url", DIAGRAM_PAGES)
def test_diagram_text_is_at_least_12px_on_a_phone(site_url, watched, url):
    page = watched(viewport=PHONE).new_page()
    page.goto(site_url + url, wait_until="load")
    sizes = page.evaluate(DIAGRAM_TEXT)
    assert sizes, "geen zichtbare tekst in een diagram"
    small = [s for s in sizes if s["rendered"] < 12 or s["box"] < 12]
    assert not small, small[:5]
    assert page.locator(".amw-diagram--wide").first.is_hidden()


@pytest.mark.full
@pytest.mark.parametrize("width", [640, 800, 1024, 1440])
def test_diagram_text_is_at_least_12px_at_any_width(site_url, watched, width):
    """Between phone and wide screen each figure shows whichever drawing keeps its text 12px."""
    page = watched(viewport={"width": width, "height": 900}).new_page()
    small = {}
    for url in DIAGRAM_PAGES:
        page.goto(site_url + url, wait_until="load")
        found = [s["text"] for s in page.evaluate(DIAGRAM_TEXT) if s["rendered"] < 12]
        if found:
            small[url] = found[:3]
    assert not small, small


def test_programme_timeline_is_hidden_from_screen_readers_and_the_list_stays(site):
    soup = site.soup("programmas/activering/")
    figure = soup.select_one(".amw-timeline")
    assert figure is not None and figure["aria-hidden"] == "true"
    assert len(figure.select("svg")) == 2  # wide and narrow
    steps = [li for el in section(soup, "Modules") if el.name == "ol" for li in el.find_all("li", recursive=False)]
    assert steps and all(li.find("a") for li in steps)


# --- print ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("url", ["modules/budgetbegeleiding/", "programmas/activering/"])
def test_printed_page_shows_no_internal_addresses_and_its_own_address_once(site_url, watched, url):
    page = watched().new_page()
    page.goto(site_url + url, wait_until="load")
    assert page.is_visible("button.amw-print-button")
    page.emulate_media(media="print")
    internal = page.evaluate("""() => [...document.querySelectorAll('article a[href]')]
        .filter(a => a.getClientRects().length && a.host === location.host)
        .map(a => getComputedStyle(a, '::after').content)
        .filter(c => c !== 'none' && c !== 'normal')""")
    assert internal == []
    assert not page.is_visible("button.amw-print-button")
    assert not page.is_visible(".amw-search-terms")
    body = page.inner_text("body")
    assert "Ook gezocht als" not in body
    assert body.count(SITE_URL + url) == 1
    assert body.count("Bron") >= 1 and page.locator("article h2:has-text('Bron')").count() == 1


@pytest.mark.full
def test_every_programme_prints_on_one_or_two_a4_pages(site_url, watched, views):
    page = watched().new_page()
    long_pages = []
    for p in views.catalog.programmes:
        page.goto(site_url + url_of(p), wait_until="load")
        pages = len(re.findall(rb"/Type\s*/Page[^s]", page.pdf(format="A4", print_background=False)))
        if not 1 <= pages <= 2:
            long_pages.append(f"{p.id}: {pages}")
    assert not long_pages, long_pages


def test_partner_pages_have_a_print_button(site, views):
    for partner in views.catalog.partners:
        button = site.soup(url_of(partner)).select_one("article button.amw-print-button")
        assert button is not None and text(button) == "Printen / PDF", partner.id
        assert button["onclick"] == "window.print()"


def test_external_links_still_print_their_address(site_url, watched):
    page = watched().new_page()
    page.goto(site_url + "bijdragen/", wait_until="load")
    page.emulate_media(media="print")
    after = page.evaluate("""() => { const a = document.querySelector('article a.amw-external');
        return a && getComputedStyle(a, '::after').content; }""")
    assert after and "http" in after


# --- Dutch ---------------------------------------------------------------------------------------

def test_404_page_is_dutch_with_ways_back(site):
    soup = site.soup("404.html")
    assert text(soup.find("h1")) == "Pagina niet gevonden"
    assert "Not found" not in soup.get_text()
    hrefs = {a["href"] for a in soup.select("article a[href]")}
    assert {"/kennisbank/", "/kennisbank/modulezoeker/", "/kennisbank/modules/"} <= hrefs
    assert soup.title.get_text().startswith("Pagina niet gevonden")


def test_footer_is_dutch_and_home_title_is_not_doubled(site):
    home = site.soup("")
    assert home.title.get_text() == "AMW kennisbank"
    footer = text(home.select_one(".md-copyright"))
    assert "Made with" not in footer and "Gemaakt met MkDocs en Material for MkDocs" in footer
    assert site.soup("modules/intake/").title.get_text() == "Intake - AMW kennisbank"


def test_wat_is_er_nieuw_tells_readers_what_changed_in_dutch(site):
    soup = site.soup("nieuw/")
    dates = [text(h) for h in soup.select("article h2")]
    assert dates and all(re.fullmatch(rf"\d{{1,2}} ({'|'.join(MONTHS)}) \d{{4}}", d) for d in dates), dates
    entries = [text(li) for li in soup.select("article ul > li")]
    assert entries
    allowed = re.compile(r"^(\w[\w']* bijgewerkt: |Pagina('s)? bijgewerkt: |Catalogus bijgewerkt|"
                         r"Afkortingen bijgewerkt|Werking of weergave van de site bijgewerkt)")
    assert all(allowed.match(e) for e in entries), [e for e in entries if not allowed.match(e)][:5]
    # the English commit subjects are for developers and do not show
    subjects = subprocess.run(["git", "log", "-20", "--format=%s", "--", "data", "docs"], cwd=ROOT,
                              capture_output=True, text=True).stdout.splitlines()
    page_text = soup.select_one("article").get_text()
    assert not [s for s in subjects if s and s in page_text]
    # records are linked to their pages
    assert soup.select("article ul > li a[href*='modules/']")


# --- accessibility --------------------------------------------------------------------------------

AXE_PAGES = ["functies/begeleiding/", "wmo/5/", "modules/budgetbegeleiding/", "programmas/activering/",
             "ketenpartners/", "ketenpartners/huisarts/", "matrix/", "nieuw/", "functies/groepswerk/"]


@pytest.mark.full
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_changed_page_types_pass_axe(site_url, watched, scheme, viewport):
    check_pages(AXE_PAGES, site_url, watched, scheme, viewport=viewport)

