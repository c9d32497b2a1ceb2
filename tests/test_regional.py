"""Regional variants. Content tests on the real catalogue's fictional example organisation; code
tests on a fixture with more organisations than a module page shows."""
from __future__ import annotations

import pytest
from conftest import CROWD, Watched, build_site, serve
from test_browser import axe_violations
from test_site import text

from macros.site.pages import VARIANT_LIMIT

EXAMPLE = "organisaties/voorbeeld-amw-rivierenland/"


def test_the_example_organisation_page_says_it_is_an_example_and_shows_its_offer(site):
    article = site.soup(EXAMPLE).select_one("article")
    notice = article.select_one(".admonition.warning")
    assert notice and "bestaat niet" in text(notice)
    words = text(article)
    assert "Grip op geld" in words and "Niet aangeboden" in words and "Spreekuur op het mbo" in words
    assert "(voorbeeld)" in text(article.h1)


def test_a_module_page_shows_how_a_variant_differs_field_by_field(site):
    section = site.soup("modules/budgetbegeleiding/").find("h2", id="regionale-varianten")
    table = section.find_next("table")
    rows = {text(r.th): [text(td) for td in r.find_all("td")] for r in table.tbody.find_all("tr")}
    assert rows["Naam"] == ["Budgetbegeleiding", "Grip op geld"]
    assert "10 tot 13 weken" in rows["Duur en frequentie"][1]
    assert "(voorbeeld)" in text(section.find_next("h3"))
    assert text(section.find_next("p")).startswith(
        "1 organisatie heeft vastgelegd hoe zij deze module aanbiedt: met lokale aanpassingen.")


def test_gemeente_lookup_lists_every_gemeente_without_javascript(site, views):
    rows = site.soup("gemeenten/").select("#amw-gemeenten tbody tr")
    served = {text(r.td): text(r.find_all("td")[1]) for r in rows}
    assert set(served) == {g for o in views.catalog.organisations for g in o.werkgebied}
    assert "Voorbeeld AMW Rivierenland" in served["Tiel"]


def test_gemeente_lookup_filters_as_you_type_and_knows_other_names(site_url, watched):
    w = watched()
    page = w.new_page()
    page.goto(site_url + "gemeenten/")
    page.fill("#amw-gemeente", "tie")
    visible = page.eval_on_selector_all("#amw-gemeenten tbody tr:not([hidden]) td:first-child",
                                        "cells => cells.map(c => c.textContent.trim())")
    assert visible == ["Tiel"]
    page.fill("#amw-gemeente", "Den Haag")
    assert "nog geen organisatie" in page.inner_text("#amw-gemeente-count")
    assert not w.foreign and not w.errors


@pytest.mark.full
def test_an_organisation_builds_its_own_site_with_its_variants_and_contact(tmp_path, browser):
    result = build_site(tmp_path / "own", ORGANISATIE="voorbeeld-amw-rivierenland")
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    with serve(tmp_path / "own") as url:
        context = browser.new_context()
        page = context.new_page()
        page.goto(url + "modules/budgetbegeleiding/")
        box = page.locator(".admonition.info", has_text="Zo biedt Voorbeeld AMW Rivierenland")
        assert "Grip op geld" in box.inner_text()
        national = box.locator("a", has_text="landelijke kennisbank").get_attribute("href")
        assert national.endswith("/modules/budgetbegeleiding/") and national.startswith("https://")
        assert "Voorbeeld AMW Rivierenland" in page.inner_text(".amw-org-banner")
        assert "Voorbeeld AMW Rivierenland" in page.title()
        page.goto(url + "modules/rouwverwerking/")
        assert page.locator(".admonition.warning", has_text="Niet in het aanbod").count() == 1
        page.goto(url + "praktijk/diversiteit/")
        assert "Aanmelden:" in page.inner_text(".amw-org-banner")
        context.close()


def test_an_unknown_organisation_stops_its_own_build_with_a_suggestion(tmp_path):
    result = build_site(tmp_path / "own", ORGANISATIE="voorbeeld-amw-rivierland")
    assert result.returncode != 0
    assert "Bedoelde je 'voorbeeld-amw-rivierenland'?" in result.stdout + result.stderr


def test_the_planner_picks_from_what_an_organisation_or_gemeente_offers(site_url, watched, views):
    org = views.table["organisation"]["voorbeeld-amw-rivierenland"]
    offered = {v.module for v in org.variants if v.status != "niet-aangeboden"}
    page = watched().new_page()
    page.goto(site_url + "trajectbouwer/")
    for choice in (org.id, "gemeente:Tiel"):
        page.select_option("#tb-org", choice)
        page.fill("#tb-search", "")
        page.type("#tb-search", "a")  # any letter: the list follows the filter
        page.fill("#tb-search", "")
        page.dispatch_event("#tb-search", "input")
        shown = set(page.eval_on_selector_all("#tb-results button[data-add]", "bs => bs.map(b => b.dataset.add)"))
        assert shown == offered, choice


# --- code tests on the crowded fixture: more organisations than a module page shows -------------

def organisation_names(el) -> list[str]:
    return [text(a) for a in el.select("a[href*='organisaties/']")]


def test_a_module_offered_by_many_organisations_keeps_its_variants_section_short(crowded_site):
    soup = crowded_site.soup("modules/budgetbegeleiding/")
    section = soup.find("h2", id="regionale-varianten").find_next_sibling("div").find_all(recursive=False)
    words = " ".join(text(el) for el in section)
    assert f"{CROWD} organisaties hebben vastgelegd" in words
    assert "3 zoals beschreven, 3 met lokale aanpassingen, 2 niet" in words
    shown = [el for el in section if el.name == "h3"]
    assert len(shown) == VARIANT_LIMIT and "Testorganisatie 0" in text(shown[0])  # changed ones first
    assert sum(len(el.select("li")) for el in section if el.name == "ul") == VARIANT_LIMIT
    more = [a for el in section for a in el.select("a") if "alle varianten" in text(a)]
    assert more and more[0]["href"].endswith("varianten/")


def test_the_variants_page_lists_each_organisation_once_with_only_what_it_changed(crowded_site):
    article = crowded_site.soup("modules/budgetbegeleiding/varianten/").select_one("article")
    rows = article.select(".amw-variants table tbody tr")
    assert [text(r.th) for r in rows] == ["Testorganisatie 0 (voorbeeld)", "Testorganisatie 3 (voorbeeld)",
                                          "Testorganisatie 6 (voorbeeld)"]
    assert text(rows[0].td) == "Naam: Geldhulp 0" and "Toelichting 0." in text(rows[0])
    national = article.find("h2", id="met-lokale-aanpassingen").find_next("ul")
    assert text(national) == "Naam: Budgetbegeleiding"
    described = article.find("h2", id="zoals-beschreven").find_next("p")
    assert organisation_names(described) == [f"Testorganisatie {n} (voorbeeld)" for n in (1, 4, 7)]
    not_offered = article.find("h2", id="niet-aangeboden").find_next("ul")
    assert organisation_names(not_offered) == [f"Testorganisatie {n} (voorbeeld)" for n in (2, 5)]
    own = article.find("h2", id="eigen-modules-die-hierop-lijken").find_next("ul")
    assert len(organisation_names(own)) == CROWD  # an organisation with a variant and an own module: once each


def test_search_knows_who_offers_a_module_and_only_organisation_pages_name_gemeenten(crowded_site):
    def filters(url):
        return [(m["data-pagefind-filter"].split("[")[0], m["content"])
                for m in crowded_site.soup(url).select("meta[data-pagefind-filter]")]
    module = filters("modules/budgetbegeleiding/")
    offering = [f"Testorganisatie {n} (voorbeeld)" for n in range(CROWD) if n % 3 != 2]
    assert [v for k, v in module if k == "organisatie"] == offering
    assert not [v for k, v in module if k == "gemeente"]
    assert ("gemeente", "Tiel") in filters("organisaties/test-org-0/")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_regional_pages_at_scale_pass_axe_and_stay_on_their_origin(crowded_site, browser, scheme):
    with serve(crowded_site.root) as url:
        w = Watched(browser, url, color_scheme=scheme)
        page = w.new_page()
        for path in ("modules/budgetbegeleiding/", "modules/budgetbegeleiding/varianten/",
                     "organisaties/test-org-0/", "organisaties/", "gemeenten/"):
            page.goto(url + path, wait_until="load")
            assert not axe_violations(page), path
        w.close()
        assert not w.foreign and not w.errors, (w.foreign, w.errors)
