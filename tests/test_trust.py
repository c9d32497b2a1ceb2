"""Content tests on the real catalogue: figures and facts a professional checks against the book."""
from __future__ import annotations

import json
import re

from test_site import text, url_of


def test_every_page_that_says_het_boek_names_the_publication(site):
    vague = []
    for path in site.pages():
        rel = path.relative_to(site.root).as_posix()
        if rel.startswith("nieuw/"):
            continue  # the change log quotes commit subjects
        article = site.soup(rel).select_one("article")
        if article is None:
            continue
        words = article.get_text(" ")
        if re.search(r"\bhet boek\b", words, re.I) and "Modulen als bouwstenen" not in words:
            vague.append(rel)
    assert not vague, vague[:20]


def test_editorial_choices_show_on_the_page(site, views):
    chosen = [m for m in views.catalog.modules if m.editorial_choice]
    assert chosen, "the catalogue records its choices"
    for m in chosen:
        box = [a for a in site.soup(url_of(m)).select("article .admonition.note")
               if "Keuze van de redactie" in a.get_text()]
        assert box and " ".join(m.editorial_choice.split())[:60] in " ".join(text(box[0]).split()), m.id


def test_a_field_lists_modules_it_takes_in_through_a_function_apart_from_named_ones(site, views):
    veld = views.velden[5]
    soup = site.soup(url_of(veld))
    via_heading = soup.find("h2", id="modules-die-erbij-horen-via-hun-functie")
    assert via_heading is not None
    via_links = {a["href"].rstrip("/").split("/")[-1] for a in via_heading.find_all_next("a")
                 if "/modules/" in a.get("href", "") or a.get("href", "").startswith("../../modules/")}
    # Ondersteunende en verwerkingsgerichte begeleiding belongs to field 5 through begeleiding.
    module = next(m for m in views.catalog.modules if m.name == "Ondersteunende en verwerkingsgerichte begeleiding")
    assert 5 not in module.prestatievelden and module.id in via_links


def test_finder_index_and_open_data_carry_function_level_fields_and_figure_origins(site, views):
    finder = json.loads(site.path("data/modulezoeker.json").read_text(encoding="utf-8"))
    vcb = next(m for m in finder["modules"] if m["name"].startswith("Veranderings- en competentiegerichte"))
    assert 8 in vcb["via"] and 8 not in vcb["velden"]
    export = json.loads(site.path("data/modules.json").read_text(encoding="utf-8"))
    origins = {v["origin"] for v in export["figures"].values()}
    assert origins == {"eigen", "groepswerk", None}
    named = [m for m in views.catalog.modules if m.status != "beschreven"]
    assert all(export["figures"][m.id]["weeks_min"] is None for m in named)


def test_bmw_modules_are_described_as_company_social_work_in_structured_data(site, views):
    bmw = next(m for m in views.catalog.modules if m.discipline == "BMW")
    data = json.loads(site.soup(url_of(bmw)).find("script", type="application/ld+json").string)
    assert data["serviceType"] == "Bedrijfsmaatschappelijk werk"


def test_sources_page_counts_the_records_that_cite_each_publication(site, views):
    rows = site.soup("bronnen/").select("article table tbody tr")
    assert len(rows) == len(views.catalog.publications)
    for row, publication in zip(rows, views.catalog.publications):
        cited = sum(1 for kind in ("functions", "prestatievelden", "target_groups", "partners", "modules",
                                   "programmes", "cases")
                    for r in getattr(views.catalog, kind) if r.source.publication == publication.id)
        assert text(row.find_all("td")[-1]) == str(cited), publication.id


def test_organisations_that_changed_name_say_what_they_are_now(site, views):
    by_name = {p.name: p for p in views.catalog.partners}
    for name, now in (("Advies- en Meldpunt Kindermishandeling (AMK)", "Veilig Thuis"),
                      ("Bureau Jeugdzorg", "gecertificeerde instellingen")):
        assert now in text(site.soup(url_of(by_name[name])).select_one("article")), name
    uwv = text(site.soup("ketenpartners/uwv/").select_one("article"))
    assert "CWI" in uwv and "2009" in uwv


# --- code tests on the fixture catalogue ---------------------------------------------------------

def test_borrowed_group_work_figures_are_labelled_and_counted(fixture_site, fixture_views):
    page = text(fixture_site.soup("modules/praatgroep/").select_one("article"))
    assert "algemene richtlijn groepswerk, geen eigen cijfers" in page
    assert "Keuze van de redactie" in page
    programme = fixture_site.soup("programmas/schuldhulp-compleet/")
    block = programme.select_one(".amw-duration")
    # aanmelden 1 week; then budgetbegeleiding 10-20 and praatgroep 12-24 (guideline) side by side
    assert (int(block["data-min-weeks"]), int(block["data-max-weeks"])) == (1 + 12, 1 + 20 + 24)
    assert (int(block["data-min-contacts"]), int(block["data-max-contacts"])) == (1 + 8, 1 + 10 + 12)
    assert "Voor Praatgroep gelden de cijfers van de algemene richtlijn groepswerk" in text(programme.select_one("article"))


def test_a_programme_without_an_access_module_says_so_on_its_page(fixture_site):
    warning = fixture_site.soup("programmas/schuldhulp/").select_one("article .admonition.warning")
    assert warning and "geen toegangsmodule" in text(warning)
    assert fixture_site.soup("programmas/schuldhulp-compleet/").select_one("article .admonition.warning") is None


def test_a_field_takes_in_the_modules_of_a_whole_function(fixture_site):
    soup = fixture_site.soup("wmo/5/")
    via = soup.find("h2", id="modules-die-erbij-horen-via-hun-functie")
    assert via is not None
    listed = {a["href"].rstrip("/").split("/")[-1] for a in via.find_all_next("a") if "modules/" in a.get("href", "")}
    assert {"kookgroep", "praatgroep"} <= listed
    matrix = fixture_site.soup("matrix/")
    assert [text(li.a) for li in matrix.select("li.amw-via")] == ["Kookgroep", "Praatgroep"]
