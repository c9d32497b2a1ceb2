"""The trajectbouwer (/trajectbouwer/) and the module comparison (/vergelijken/) in a real Chromium.

The duration rule runs twice: in Python for the programme pages and in the browser for the
planner (docs/assets/js/plan-duration.js). These tests hold the two to the same figures and words.
"""
from __future__ import annotations

import io
import json
import re
from urllib.parse import urlparse

import pytest
from bs4 import Tag
from conftest import build_site
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from test_browser import axe_violations

from macros.site import wording
from macros.site.markdown import page_url
from macros.site.opendata import COMPARE_FIELDS
from macros.site.pages import page_of

ATTRS = ("data-min-weeks", "data-max-weeks", "data-open", "data-min-contacts", "data-max-contacts")
NOTE = "Notitie-7Q: bel de huisarts van mevrouw Jansen op dinsdag"


def open_planner(page, site_url: str, query: str = ""):
    page.goto(site_url + "trajectbouwer/" + query, wait_until="load")
    page.wait_for_selector("#amw-tb:not([hidden])")


def planner_steps(page) -> list[list[str]]:
    return page.eval_on_selector_all(
        "#tb-steps > li", "steps => steps.map(s => [...s.querySelectorAll('li[data-module]')].map(li => li.dataset.module))")


def duration_attrs(element) -> dict:
    """The figures of an .amw-duration block, from BeautifulSoup or from a Playwright handle."""
    if element is None:
        return {a: None for a in ATTRS}
    if isinstance(element, Tag):
        return {a: element.get(a) for a in ATTRS}
    return {a: element.get_attribute(a) for a in ATTRS}


def add_module(page, module, step: str = "new"):
    page.fill("#tb-search", module.name)
    page.select_option("#tb-target", step)
    page.click(f"#tb-results button[data-add='{module.id}']")


def with_weeks(views, n: int = 2) -> list:
    found = [m for m in views.catalog.modules if views.figures(m).weeks and views.figures(m).contacts]
    return found[:n]


def pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(p.extract_text().split()) for p in reader.pages)


def words(text: str) -> str:
    return " ".join(text.split())


# --- the links that lead here ---------------------------------------------------------------------

def test_programme_and_module_pages_link_to_the_planner_and_the_comparison(site, views):
    for p in views.catalog.programmes:
        soup = site.soup(page_url(page_of(p), True))
        assert soup.select_one(f"a.md-button[href='../../trajectbouwer/?programma={p.id}']"), p.id
    for m in views.catalog.modules:
        soup = site.soup(page_url(page_of(m), True))
        assert soup.select_one(f"a[href='../../trajectbouwer/?module={m.id}']"), m.id
        assert soup.select_one(f"a[href='../../vergelijken/?modules={m.id}']"), m.id


def test_the_links_on_module_and_programme_pages_open_the_planner_and_the_comparison(site_url, watched, views):
    """Material's instant navigation swaps the page without a reload: the scripts still start."""
    w = watched()
    page = w.new_page()
    page.goto(site_url + "modules/intake/", wait_until="load")
    page.click("a:has-text('Voeg toe aan traject')")
    page.wait_for_selector("#amw-tb:not([hidden])")
    assert planner_steps(page) == [["intake"]] and page.url.endswith("trajectbouwer/?plan=intake")
    page.goto(site_url + "modules/intake/", wait_until="load")
    page.click("a:has-text('Vergelijk met andere modules')")
    page.wait_for_selector("#amw-compare:not([hidden]) table")
    page.goto(site_url + "programmas/schuldhulpverlening/", wait_until="load")
    page.click("a:has-text('Open in de trajectbouwer')")
    page.wait_for_selector("#amw-tb:not([hidden])")
    p = views.programmes["schuldhulpverlening"]
    assert planner_steps(page) == views.programme_plan(p)
    assert not w.foreign and not w.errors, (w.foreign, w.errors)


# --- figures ------------------------------------------------------------------------------------

@pytest.mark.full
def test_every_programme_opened_in_the_planner_shows_the_figures_of_its_page(site, site_url, watched, views):
    w = watched()
    page = w.new_page()
    for p in views.catalog.programmes:
        open_planner(page, site_url, f"?programma={p.id}")
        expected = duration_attrs(site.soup(page_url(page_of(p), True)).select_one(".amw-duration"))
        shown = duration_attrs(page.query_selector("#tb-summary .amw-duration"))
        assert shown == expected, p.id
        if expected["data-min-weeks"]:
            phrase = wording.weeks_phrase(views.programme_total(p))
            assert phrase in page.inner_text("#tb-summary .amw-duration"), p.id
    assert not w.foreign and not w.errors, (w.foreign, w.errors)


def test_a_module_added_side_by_side_widens_the_range_by_the_rule(site_url, watched, views):
    a, b = with_weeks(views)
    fa, fb = views.figures(a), views.figures(b)
    page = watched().new_page()
    open_planner(page, site_url, f"?module={a.id}")
    before = duration_attrs(page.query_selector("#tb-summary .amw-duration"))
    assert (int(before["data-min-weeks"]), int(before["data-max-weeks"])) == (fa.weeks.min, fa.weeks.max)
    add_module(page, b, step="0")
    assert planner_steps(page) == [[a.id, b.id]]
    after = duration_attrs(page.query_selector("#tb-summary .amw-duration"))
    assert (int(after["data-min-weeks"]), int(after["data-max-weeks"])) == (
        max(fa.weeks.min, fb.weeks.min), fa.weeks.max + fb.weeks.max)
    assert (int(after["data-min-contacts"]), int(after["data-max-contacts"])) == (
        max(fa.contacts.min, fb.contacts.min), fa.contacts.max + fb.contacts.max)
    # The same two modules one after the other simply add up.
    page.click(f"#tb-steps button[data-act='own'][data-module='{b.id}']")
    assert planner_steps(page) == [[a.id], [b.id]]
    apart = duration_attrs(page.query_selector("#tb-summary .amw-duration"))
    assert (int(apart["data-min-weeks"]), int(apart["data-max-weeks"])) == (
        fa.weeks.min + fb.weeks.min, fa.weeks.max + fb.weeks.max)
    assert page.get_attribute("#tb-summary", "aria-live") == "polite"


def test_removing_the_only_access_module_shows_the_warning(site_url, watched, views):
    kind = {f.id: f.kind for f in views.catalog.functions}
    access = next(m for m in views.catalog.modules if {kind[f] for f in m.functions} == {"toegang"})
    execution = next(m for m in views.catalog.modules if {kind[f] for f in m.functions} == {"uitvoering"})
    page = watched().new_page()
    open_planner(page, site_url, f"?plan={access.id},{execution.id}")
    assert not page.query_selector("#tb-summary .amw-tb__warning")
    page.click(f"#tb-steps button[data-act='remove'][data-module='{access.id}']")
    assert planner_steps(page) == [[execution.id]]
    warning = page.inner_text("#tb-summary .amw-tb__warning")
    assert wording.INCOMPLETE_TITLE in warning
    assert words(wording.incomplete_text(["toegang"], "Dit traject")) in words(warning)
    # Focus stays in the plan, not lost to the page.
    assert page.evaluate("() => document.activeElement !== document.body")


# --- the plan in the address, the print view and the note -----------------------------------------

def test_the_address_round_trips_the_plan(site_url, watched, views):
    a, b = with_weeks(views)
    c = views.modules["intake"] if "intake" in views.modules else views.catalog.modules[-1]
    page = watched().new_page()
    open_planner(page, site_url, f"?module={c.id}")
    add_module(page, a)            # a new step after step 1
    add_module(page, b, step="1")  # side by side with a
    plan = [[c.id], [a.id, b.id]]
    assert planner_steps(page) == plan
    url = page.url
    assert urlparse(url).query == f"plan={c.id},{a.id}+{b.id}"
    again = watched().new_page()
    again.goto(url, wait_until="load")
    again.wait_for_selector("#amw-tb:not([hidden])")
    assert planner_steps(again) == plan
    assert again.inner_text("#tb-summary") == page.inner_text("#tb-summary")
    # Reordering steps with the buttons rewrites the address.
    page.click("#tb-steps button[data-act='step-down'][data-step='0']")
    assert planner_steps(page) == [[a.id, b.id], [c.id]]
    assert urlparse(page.url).query == f"plan={a.id}+{b.id},{c.id}"


def test_the_print_view_holds_steps_goals_and_note_which_is_never_stored(site_url, watched, views):
    module = next(m for m in views.catalog.modules if m.goals and views.figures(m).weeks)
    access = views.modules["aanmelding"]
    w = watched()
    page = w.new_page()
    sent = []
    page.on("request", lambda r: sent.append(r.url + " " + (r.post_data or "")))
    open_planner(page, site_url, f"?plan={access.id},{module.id}")
    page.fill("#tb-note", NOTE)
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    page.click("#tb-print")
    assert page.evaluate("() => window.__printed") == 1
    text = pdf_text(page.pdf(format="A4"))
    assert "Trajectplan" in text and "Stap 1" in text and "Stap 2" in text
    assert access.name in text and module.name in text
    assert words(module.goals[0])[:60] in text
    assert NOTE in text
    assert "indicatief" in text and "Bron" in text and "Afgedrukt op" in text
    # On screen the print view stays out of sight; on paper only the print view shows.
    assert not page.is_visible("#tb-printview")
    page.emulate_media(media="print")
    assert page.is_visible("#tb-printview") and not page.is_visible("#tb-search")
    page.emulate_media(media="screen")
    # The note goes nowhere: not in the address, not in any storage, not in any request.
    stored = page.evaluate("""() => JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage),
                                                    document.cookie, location.href, history.state])""")
    assert "7Q" not in stored and "Jansen" not in stored
    assert not any("7Q" in s or "Jansen" in s for s in sent)
    assert "7Q" not in page.url
    assert not w.foreign, w.foreign


# --- comparison -----------------------------------------------------------------------------------

def test_comparing_three_modules_aligns_every_field(site_url, watched, views):
    chosen = [m.id for m in views.catalog.modules if m.status == "beschreven"][:3]
    page = watched().new_page()
    page.goto(site_url + "vergelijken/?modules=" + ",".join(chosen), wait_until="load")
    page.wait_for_selector("#amw-compare:not([hidden]) table")
    head = page.eval_on_selector_all("#cmp-table thead th", "ths => ths.map(t => t.innerText.trim())")
    assert head == ["Veld"] + [views.modules[i].name for i in chosen]
    rows = page.eval_on_selector_all("#cmp-table tbody tr", """rows => rows.map(r => [
        r.querySelector('th[scope=row]').innerText.replace(' (gelijk)', '').trim(), r.querySelectorAll('td').length])""")
    assert rows == [[label, 3] for _, label in COMPARE_FIELDS]
    # The first column (the field names) stays in view when the table scrolls sideways.
    assert page.evaluate("() => getComputedStyle(document.querySelector('#cmp-table th[scope=row]')).position") == "sticky"
    # Partners that not all three share are marked.
    partners = [set(views.modules[i].partners) for i in chosen]
    if set.union(*partners) != set.intersection(*partners):
        assert page.query_selector("#cmp-table tr[data-field=partners] .amw-compare__diff")
    # On paper: A4 landscape.
    reader = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)
    assert abs(float(box.width) - 842) < 3
    # The planner link takes the modules along.
    assert page.get_attribute("#cmp-planner", "href").endswith("?plan=" + ",".join(chosen))


# --- the rule in Python and in the browser agree --------------------------------------------------

@pytest.mark.full
def test_python_and_javascript_rule_agree_on_random_plans(site_url, watched, views):
    page = watched().new_page()
    open_planner(page, site_url)
    ids = sorted(views.modules)

    def in_python(plan):
        total = views.plan_total(plan)
        words_ = wording.plan_wording(total)
        span = lambda s: [s.min, s.max] if s else None  # noqa: E731
        return {"weeks": span(total.weeks), "contacts": span(total.contacts), "weeksOpen": total.weeks_open,
                "contactsOpen": total.contacts_open, "withoutWeeks": [m.id for m in total.without_weeks],
                "borrowed": [m.id for m in total.borrowed], "headline": words_.headline,
                "openNote": words_.open_note, "borrowedNote": words_.borrowed_note, "steps": words_.steps,
                "sumLine": words_.sum_line}

    in_browser = """plan => {
        const r = window.AMWPlanDuration, by = {};
        window.AMW_TRAJECT.modules.forEach(m => { by[m.id] = m; });
        const t = r.total(plan.map(step => step.map(id => r.figures(by[id])))), w = r.planWording(t);
        return {weeks: t.weeks, contacts: t.contacts, weeksOpen: t.weeksOpen, contactsOpen: t.contactsOpen,
                withoutWeeks: t.withoutWeeks.map(m => m.id), borrowed: t.borrowed.map(m => m.id),
                headline: w.headline, openNote: w.openNote, borrowedNote: w.borrowedNote, steps: w.steps,
                sumLine: w.sumLine};
    }"""

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.lists(st.lists(st.sampled_from(ids), min_size=1, max_size=3), min_size=1, max_size=5))
    def agree(plan):
        assert page.evaluate(in_browser, plan) == in_python(plan), json.dumps(plan)

    agree()
    for missing in (["toegang"], ["uitvoering"], ["toegang", "uitvoering"]):
        js = page.evaluate("m => window.AMWPlanDuration.incompleteText(m, 'Dit traject')", missing)
        assert js == wording.incomplete_text(missing, "Dit traject")


# --- accessibility, keyboard, no JavaScript, offline ----------------------------------------------

@pytest.mark.full
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_planner_comparison_and_their_buttons_pass_axe_and_stay_on_their_origin(site_url, watched, views, scheme):
    w = watched(color_scheme=scheme)
    page = w.new_page()
    problems = {}
    ids = [m.id for m in views.catalog.modules if m.status == "beschreven"][:3]
    for url in ("trajectbouwer/", "trajectbouwer/?programma=echtscheiding", f"trajectbouwer/?plan={ids[1]}",
                "vergelijken/", "vergelijken/?modules=" + ",".join(ids), f"modules/{ids[0]}/",
                "programmas/echtscheiding/"):
        page.goto(site_url + url, wait_until="load")
        if url.startswith(("trajectbouwer", "vergelijken")):
            page.wait_for_selector("#amw-tb:not([hidden]), #amw-compare:not([hidden])")
            page.fill("#tb-search, #cmp-search", "begeleiding")
        found = axe_violations(page)
        if found:
            problems[url] = found
    assert not problems, problems
    assert not w.foreign, w.foreign
    assert not w.errors, w.errors


def tab_to(page, predicate: str, limit: int = 300, back: bool = False) -> None:
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if back else "Tab")
        if page.evaluate(f"() => {{ const el = document.activeElement; return !!el && ({predicate}); }}"):
            return
    raise AssertionError(f"niet bereikbaar met Tab: {predicate}")


def test_the_planner_works_with_the_keyboard_alone(site_url, watched, views):
    a, b = with_weeks(views)
    page = watched().new_page()
    open_planner(page, site_url, f"?module={a.id}")
    tab_to(page, "el.id === 'tb-search'")
    page.keyboard.type(b.name)
    tab_to(page, f"el.dataset.add === '{b.id}'")
    page.keyboard.press("Enter")
    assert planner_steps(page) == [[a.id], [b.id]]
    # Back up to b's button that joins the previous step, and press it with the space bar.
    tab_to(page, f"el.dataset.act === 'prev' && el.dataset.module === '{b.id}'", back=True)
    page.keyboard.press("Space")
    assert planner_steps(page) == [[a.id, b.id]]
    focused = page.evaluate("() => [document.activeElement.tagName, document.activeElement.dataset.module]")
    assert focused[0] in ("BUTTON", "H2")
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    tab_to(page, "el.id === 'tb-print'")


def test_without_javascript_the_planner_explains_itself_and_lists_the_programmes(site_url, watched, views):
    page = watched(java_script_enabled=False).new_page()
    page.goto(site_url + "trajectbouwer/", wait_until="load")
    assert not page.is_visible("#amw-tb")
    assert "JavaScript" in page.inner_text("#tb-nojs")
    links = page.eval_on_selector_all("#tb-nojs a", "as => as.map(a => a.getAttribute('href'))")
    assert links == ["../" + page_url(page_of(p), True) for p in views.catalog.programmes]
    page.goto(site_url + "vergelijken/", wait_until="load")
    assert page.is_visible("#cmp-nojs") and not page.is_visible("#amw-compare")


@pytest.mark.full
def test_planner_and_comparison_work_offline_from_disk(tmp_path, browser, views):
    dest = tmp_path / "offline"
    result = build_site(dest, OFFLINE="true", DIRECTORY_URLS="false")
    assert result.returncode == 0, result.stderr
    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((dest / "trajectbouwer.html").as_uri() + "?programma=echtscheiding")
    page.wait_for_selector("#amw-tb:not([hidden])")
    assert page.query_selector("#tb-summary .amw-duration")
    href = page.get_attribute("#tb-steps a", "href")
    assert re.fullmatch(r"(\./)?modules/[a-z0-9-]+\.html", href), href
    page.goto((dest / "vergelijken.html").as_uri() + "?modules=aanmelding,intake")
    page.wait_for_selector("#amw-compare:not([hidden]) table")
    assert not errors, errors
    context.close()
