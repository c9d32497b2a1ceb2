"""The built site, inspected as HTML: one test per promise the site makes to its readers."""
from __future__ import annotations

import json
import posixpath
import re
import subprocess
from urllib.parse import unquote, urljoin, urlparse

import pytest
from conftest import ROOT, build_site, project_copy
from hypothesis import given
from hypothesis import strategies as st
from ruamel.yaml import YAML

from macros.site.markdown import page_url, relpath
from macros.site.pages import page_of

BASE = "http://site.test/"


def text(el) -> str:
    """Visible text of an element, whitespace collapsed, without heading permalinks."""
    return " ".join(el.get_text().replace("¶", "").split())


def url_of(record) -> str:
    return page_url(page_of(record), True)


def section(soup, heading: str):
    """Elements between the <h2> with this text and the next <h2>."""
    h2 = next((h for h in soup.select("article h2") if text(h) == heading), None)
    if h2 is None:
        return []
    out = []
    for sib in h2.find_next_siblings():
        if sib.name == "h2":
            break
        out.append(sib)
    return out


def linked(soup, page: str, heading: str, folder: str) -> set[str]:
    """Ids of records in `folder` linked from the section under `heading`."""
    ids = set()
    for el in section(soup, heading):
        for a in el.find_all("a", href=True):
            path = urlparse(urljoin(BASE + page, a["href"])).path
            m = re.fullmatch(rf"/{folder}/([^/]+)/", path)
            if m:
                ids.add(m.group(1))
    return ids


def linked_over_pages(site, page: str, heading: str, folder: str) -> set[str]:
    """Like linked(), over a list that continues on further pages (the pager under the list)."""
    found = linked(site.soup(page), page, heading, folder)
    for a in site.soup(page).select(".amw-pager a[href]"):
        more = urlparse(urljoin(BASE + page, a["href"])).path.lstrip("/")
        found |= linked(site.soup(more), more, heading, folder)
    return found


def ids(records) -> set[str]:
    return {str(getattr(r, "id", getattr(r, "number", None))) for r in records}


def test_build_is_strict_and_clean(fixture_site):
    site = fixture_site  # code test: the fixture catalogue
    assert "WARNING" not in site.log


def test_every_module_has_a_page_showing_its_doelen(fixture_site, fixture_views):
    site = fixture_site  # code test: the fixture catalogue
    views = fixture_views  # code test: the fixture catalogue
    for m in views.catalog.modules:
        soup = site.soup(url_of(m))
        assert text(soup.find("h1")) == m.name
        shown = [text(li) for el in section(soup, "Doelen") for li in el.find_all("li")]
        assert shown == [" ".join(d.split()) for d in m.goals], m.id


def test_every_described_module_shows_all_sections_from_the_book(fixture_site, fixture_views):
    site = fixture_site  # code test: the fixture catalogue
    views = fixture_views  # code test: the fixture catalogue
    for m in views.catalog.modules:
        if m.status != "beschreven":
            continue
        soup = site.soup(url_of(m))
        headings = {text(h) for h in soup.select("article h2")}
        expected = {"Doelgroep", "Doelen", "Duur en frequentie", "Setting", "Werkwijze", "Randvoorwaarden", "Bron"}
        if m.additional_information:
            expected.add("Aanvullende informatie")
        assert expected <= headings, (m.id, expected - headings)


def test_named_modules_carry_a_clear_notice(fixture_site, fixture_views):
    site = fixture_site  # code test: the fixture catalogue
    views = fixture_views  # code test: the fixture catalogue
    named = [m for m in views.catalog.modules if m.status != "beschreven"]
    assert named
    for m in named:
        notice = site.soup(url_of(m)).select_one("article .admonition.warning")
        assert notice is not None and "nog geen volledige beschrijving" in notice.get_text(), m.id


@pytest.mark.parametrize("facet", ["functions", "velden", "target_groups", "partners"])
def test_every_facet_page_lists_exactly_the_modules_the_data_assigns(fixture_site, fixture_views, facet):
    site = fixture_site  # code test: the fixture catalogue
    views = fixture_views  # code test: the fixture catalogue
    heading = {"partners": "Modules waarin je samenwerkt",
               "velden": "Modules die de bron bij dit veld noemt"}.get(facet, "Modules")
    for key, record in getattr(views, facet).items():
        page = url_of(record)
        field, value = {"functions": ("functions", key), "velden": ("prestatievelden", key),
                        "target_groups": ("target_groups", key), "partners": ("partners", key)}[facet]
        expected = {m.id for m in views.catalog.modules if value in getattr(m, field)}
        assert linked_over_pages(site, page, heading, "modules") == expected, page


def test_programme_and_module_backlinks_agree(fixture_site, fixture_views):
    site = fixture_site  # code test: the fixture catalogue
    views = fixture_views  # code test: the fixture catalogue
    for p in views.catalog.programmes:
        page = url_of(p)
        assert linked(site.soup(page), page, "Modules", "modules") == set(views.programme_module_ids(p))
    for m in views.catalog.modules:
        page = url_of(m)
        shown = linked(site.soup(page), page, "Onderdeel van", "programmas")
        assert shown == {p.id for p in views.catalog.programmes if m.id in views.programme_module_ids(p)}, m.id


def independent_total(views, programme, roles=("kern",)):
    """The book's rule, written out again from the raw data (not the site's code): steps add
    up; side by side from the longest minimum to the sum of maxima, for weeks and contacts;
    described group modules without figures take the group-work guideline; others none."""
    defaults = views.catalog.group_work.defaults
    total = {"weeks": None, "contacts": None}
    open_ = {"weeks": False, "contacts": False}
    for step in programme.steps:
        modules = [views.modules[e.module] for e in step.modules if e.role in roles]
        for unit in ("weeks", "contacts"):
            spans = []
            for m in modules:
                own = m.duration
                has_own = own is not None and (own.weeks or own.contacts)
                r = getattr(own, unit) if has_own else (
                    getattr(defaults, unit) if m.kind == "groep" and m.status == "beschreven" else None)
                if r is None:
                    open_[unit] = True
                else:
                    spans.append((r.min, r.max))
            if spans:
                lo, hi = max(a for a, _ in spans), sum(b for _, b in spans)
                old = total[unit]
                total[unit] = (lo, hi) if old is None else (old[0] + lo, old[1] + hi)
    return total, open_


def test_programme_pages_show_the_duration_the_rule_gives(fixture_site, fixture_views):
    """Every programme's figures against the rule written out again from the raw data."""
    site = fixture_site  # code test: the fixture catalogue
    views = fixture_views  # code test: the fixture catalogue
    for p in views.catalog.programmes:
        total, open_ = independent_total(views, p)
        block = site.soup(url_of(p)).select_one(".amw-duration")
        for unit in ("weeks", "contacts"):
            if total[unit] is None:
                assert not block.has_attr(f"data-min-{unit}"), p.id
                continue
            shown = (int(block[f"data-min-{unit}"]), int(block[f"data-max-{unit}"]))
            assert shown == total[unit], (p.id, unit)
        if total["weeks"]:
            lo, hi = total["weeks"]
            expected = f"ten minste {lo} weken" if open_["weeks"] else (
                f"{lo} tot {hi} weken" if lo != hi else f"{lo} weken")
            assert expected in text(block).split("optionele")[0], (p.id, text(block))


def test_known_programme_duration_worked_out_by_hand(site):
    # Content test. Echtscheiding: aanmelding, intake and the two individual begeleidings-
    # modules have no weeks in the book, so the upper bound is open. The described group module
    # Verder na echtscheiding has no figures of its own and takes the group-work guideline
    # (12-24 weeks). Core: at least 12 weeks. With the optional groups side by side the longest
    # minimum is Opvoedingsondersteuning's 20 weeks: at least 20 weeks, never a confident "tot".
    soup = site.soup("programmas/echtscheiding/")
    block = soup.select_one(".amw-duration")
    assert "ten minste 12 weken" in text(block)
    assert "Met alle optionele modules erbij: ten minste 20 weken" in text(block)
    assert " tot 84 weken" not in text(block)
    page = text(soup.select_one("article"))
    assert "Verder na echtscheiding gelden de cijfers van de algemene richtlijn groepswerk" in page
    assert "Zo is gerekend" in page


def test_side_by_side_shares_contacts_too(views):
    from macros.catalogue.durations import Figures, Span, total
    a = Figures("a", "A", Span(4, 8), Span(5, 10), "eigen")
    b = Figures("b", "B", Span(6, 12), Span(8, 12), "eigen")
    c = Figures("c", "C", Span(1, 2), Span(1, 1), "eigen")
    result = total([[c], [a, b]])
    assert result.weeks == Span(1 + 6, 2 + 8 + 12)
    assert result.contacts == Span(1 + 8, 1 + 10 + 12)   # not 1 + 5 + 8: side by side shares
    assert not result.weeks_open


def test_a_module_without_figures_opens_the_upper_bound_and_is_named():
    from macros.catalogue.durations import Figures, Span, total
    from macros.site.wording import plan_wording
    known = Figures("a", "Budgetbegeleiding", Span(4, 6), None, "eigen")
    unknown = Figures("b", "Schuldhulpverlening", None, None, None)
    words = plan_wording(total([[known, unknown]]))
    assert "ten minste 4 weken" in words.headline and "tot 6" not in words.headline
    assert "Schuldhulpverlening" in words.open_note


def test_every_case_appears_on_the_pages_of_its_modules(fixture_site, fixture_views):
    site = fixture_site  # code test: the fixture catalogue
    views = fixture_views  # code test: the fixture catalogue
    assert views.catalog.cases
    for case in views.catalog.cases:
        for module_id in case.modules:
            page = url_of(views.modules[module_id])
            assert case.id in linked(site.soup(page), page, "Praktijkcasussen", "casussen")


def test_every_internal_link_and_anchor_resolves(fixture_site):
    site = fixture_site  # code test: the fixture catalogue
    broken = []
    for file in site.pages():
        rel = file.relative_to(site.root).as_posix()
        if rel == "404.html":  # links there are absolute to site_url by design
            continue
        page = rel[: -len("index.html")] if rel.endswith("index.html") else rel
        soup = site.soup(page)
        for a in soup.find_all("a", href=True):
            target = urljoin(BASE + page, a["href"])
            if not target.startswith(BASE):
                continue
            parsed = urlparse(target)
            path = unquote(parsed.path[len("/"):])
            built = site.root / path
            if path.endswith("/") or path == "":
                built = built / "index.html"
            if not built.exists():
                broken.append(f"{page}: {a['href']}")
                continue
            if parsed.fragment and built.suffix == ".html":
                tpage = path if not path.endswith("/") else path
                if not site.soup(tpage).find(id=unquote(parsed.fragment)):
                    broken.append(f"{page}: {a['href']} (anker ontbreekt)")
    assert not broken, "\n".join(broken[:50])


def test_edit_links_open_the_yaml_at_the_record(fixture_site, fixture_views):
    site = fixture_site  # code test: the fixture catalogue
    views = fixture_views  # code test: the fixture catalogue
    from macros.catalogue.paths import repo_relative
    data_file = repo_relative(views.loaded.path)
    lines = views.loaded.path.read_text(encoding="utf-8").splitlines()
    for m in views.catalog.modules:
        edit = site.soup(url_of(m)).select_one(f"a.md-content__button[href*='{data_file}']")
        assert edit is not None, m.id
        first, last = map(int, re.search(r"#L(\d+)-L(\d+)$", edit["href"]).groups())
        assert f"/blob/main/{data_file}" in edit["href"]
        assert any(re.fullmatch(rf"\s*- id: {re.escape(m.id)}\s*", line) for line in lines[first - 1:last]), m.id


def test_hand_written_pages_edit_their_markdown(site):
    edit = site.soup("praktijk/diversiteit/").select_one("a.md-content__button")
    assert edit["href"].endswith("/edit/main/docs/praktijk/diversiteit.md")


def test_navigation_lists_sections_not_every_module(fixture_site, fixture_views):
    site = fixture_site  # code test: the fixture catalogue
    views = fixture_views  # code test: the fixture catalogue
    nav = site.soup(url_of(views.catalog.modules[0])).select(".md-sidebar--primary a.md-nav__link")
    assert len(nav) < 60, len(nav)


def test_the_navigation_marks_the_page_the_reader_is_on(site, views):
    # Real site: the fixture project has no nav list, so there every page is in the nav.
    # Pages outside the nav share one rendering of it; pages in it must still mark themselves,
    # whichever page was rendered before them.
    def active(url):
        return [text(a) for a in site.soup(url).select(".md-sidebar--primary a.md-nav__link--active")]
    modules = views.catalog.modules
    assert active(url_of(modules[0])) == []
    assert active("gemeenten/") == ["Zoek je gemeente"]
    assert active("praktijk/diversiteit/") == ["Diversiteit"]
    assert active(url_of(modules[1])) == []


def test_matrix_is_an_accessible_table_of_functions_by_velden(fixture_site, fixture_views):
    site = fixture_site  # code test: the fixture catalogue
    views = fixture_views  # code test: the fixture catalogue
    soup = site.soup("matrix/")
    table = soup.select_one(".amw-matrix table")
    assert table.find("caption")
    assert len(table.select("thead th[scope=col]")) == len(views.catalog.prestatievelden) + 1
    rows = table.select("tbody tr")
    assert [text(r.find("th", scope="row")) for r in rows] == [f.name for f in views.catalog.functions]
    from macros.site.pages import CELL_LIMIT
    for r, f in zip(rows, views.catalog.functions):
        for cell, p in zip(r.find_all("td"), views.catalog.prestatievelden):
            expected = views.matrix.get((f.id, p.number), [])
            shown = [urlparse(urljoin(BASE + "matrix/", a["href"])).path.split("/")[2] for a in cell.select("li a")]
            assert shown == [m.id for m, _ in expected[:CELL_LIMIT]], (f.id, p.number)
            via = [a["href"] for a in cell.select("li.amw-via a")]
            assert len(via) == sum(1 for _, named in expected[:CELL_LIMIT] if not named), (f.id, p.number)
            more = cell.find("a", string=re.compile("^Alle "))
            if len(expected) > CELL_LIMIT:  # the rest through the finder, filtered on this cell
                assert more and more["href"].endswith(f"modulezoeker/?function={f.id}&veld={p.number}")
                assert more.get_text() == f"Alle {len(expected)} modules"
            else:
                assert more is None


def test_abbreviations_render_as_abbr_with_a_title(site):
    abbr = site.soup("praktijk/ketensamenwerking/").find("abbr", string="AMW")
    assert abbr is not None and abbr["title"].lower().startswith("algemeen maatschappelijk werk")


def test_glossary_page_lists_every_abbreviation(site):
    from macros.engine.article_macros import read_abbreviations
    cells = [text(td) for td in site.soup("begrippen/").select("article table tbody tr td:first-child")]
    assert cells == [a for a, _ in read_abbreviations()]


def test_no_page_loads_fonts_or_scripts_from_another_origin(site):
    for file in site.pages():
        html = file.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, file
        soup = site.soup(file.relative_to(site.root).as_posix())
        loads = [t.get("src") for t in soup.find_all(["script", "img", "iframe"])]
        loads += [t.get("href") for t in soup.find_all("link") if t.get("rel") != ["canonical"]]
        external = [u for u in loads if u and re.match(r"(https?:)?//", u)]
        assert not external, (file, external)


def test_home_has_an_entry_for_each_kind_of_reader(site):
    shown = text(site.soup("").select_one("article"))
    for who in ("Maatschappelijk werkers", "Ketenpartners", "Redacteuren"):
        assert who in shown


# --- builds with other input ---------------------------------------------------------------

HOSTILE = {
    "summary": "Samenvatting met {{ 7*7 }} erin </script><script>alert(3)</script>",
    "audience": "Tekst met {% raw %} en <script>alert(1)</script> erin",
    "goals": ["Doel met {{ config.site_name }} en *sterretjes* en [link](http://evil.test)"],
    "setting": "<img src=x onerror=alert(2)>",
}


def test_data_text_is_shown_literally_never_executed(tmp_path):
    yaml = YAML(typ="rt")
    data = yaml.load((ROOT / "data" / "modules.yaml").read_text(encoding="utf-8"))
    module = data["modules"][0]
    for key, value in HOSTILE.items():
        module[key] = value
    catalog = tmp_path / "modules.yaml"
    with catalog.open("w", encoding="utf-8") as fh:
        yaml.dump(data, fh)
    result = build_site(tmp_path / "site", catalog=catalog)
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site" / "modules" / module["id"] / "index.html").read_text(encoding="utf-8")
    from bs4 import BeautifulSoup
    document = BeautifulSoup(html, "html.parser")
    article = document.select_one("article")
    shown = text(article)
    assert "Samenvatting met {{ 7*7 }} erin" in shown and "49" not in shown
    assert "Tekst met {% raw %} en <script>alert(1)</script> erin" in shown
    assert "{{ config.site_name }} en *sterretjes* en [link](http://evil.test)" in shown
    assert "<img src=x onerror=alert(2)>" in shown
    assert not article.find("script") and not article.find("img")
    assert not article.find("a", href="http://evil.test")
    assert not [s for s in document.find_all("script") if "alert(" in (s.string or "") and s.get("type") != "application/ld+json"]
    jsonld = json.loads(document.head.find("script", type="application/ld+json").string)
    assert jsonld["description"] == HOSTILE["summary"]


def test_an_article_with_an_unknown_id_fails_the_build_with_a_suggestion(tmp_path):
    project = project_copy(tmp_path)
    article = project / "docs" / "praktijk" / "diversiteit.md"
    article.write_text(article.read_text(encoding="utf-8") + "\n{{ module('budgetbegelijding') }}\n", encoding="utf-8")
    result = build_site(tmp_path / "site", cwd=project)
    assert result.returncode != 0
    log = result.stdout + result.stderr
    assert "onbekende module 'budgetbegelijding'" in log and "Bedoelde je 'budgetbegeleiding'?" in log


def test_an_article_about_an_unknown_record_fails_the_build_with_a_suggestion(tmp_path):
    project = project_copy(tmp_path)
    article = project / "docs" / "praktijk" / "diversiteit.md"
    article.write_text(article.read_text(encoding="utf-8").replace("---\n", "---\nrecords: [module:intaek]\n", 1),
                       encoding="utf-8")
    result = build_site(tmp_path / "site", cwd=project)
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert "docs/praktijk/diversiteit.md: records: onbekende module 'intaek'" in log, log[-2000:]


def test_records_named_by_an_article_link_back_to_it(site):
    """Content test (real catalogue): the Werk en inkomen article names Arbeid en verzuim."""
    soup = site.soup("programmas/arbeid-en-verzuim/")
    heading = soup.find("h2", id="lees-ook")
    links = [a["href"] for a in heading.find_next("ul").select("a")]
    assert any("praktijk/werk-en-inkomen" in href for href in links), links


def test_a_mistake_in_the_data_stops_the_build_with_file_and_line(tmp_path):
    text = (ROOT / "data" / "modules.yaml").read_text(encoding="utf-8")
    catalog = tmp_path / "modules.yaml"
    catalog.write_text(text.replace("functions: [begeleiding]", "functions: [begeleidng]", 1), encoding="utf-8")
    result = build_site(tmp_path / "site", catalog=catalog)
    assert result.returncode != 0
    assert "onbekende functie 'begeleidng'. Bedoelde je 'begeleiding'?" in result.stdout + result.stderr


def test_html_has_unique_ids_alt_texts_and_table_headers(fixture_site):
    site = fixture_site  # code test: the fixture catalogue
    problems = []
    for file in site.pages():
        rel = file.relative_to(site.root).as_posix()
        soup = site.soup(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
        seen = set()
        for el in soup.find_all(id=True):
            if el["id"] in seen:
                problems.append(f"{rel}: dubbele id {el['id']}")
            seen.add(el["id"])
        problems += [f"{rel}: img zonder alt" for img in soup.find_all("img") if not img.has_attr("alt")]
        problems += [f"{rel}: tabel zonder kop" for t in soup.select("article table") if not t.find("th")]
    assert not problems, problems[:20]


def test_generated_pages_are_not_stub_files_in_docs():
    for folder in ("modules", "functies", "wmo", "doelgroepen", "programmas", "ketenpartners", "casussen"):
        assert not (ROOT / "docs" / folder).exists(), folder


@pytest.mark.full
def test_two_builds_of_the_same_commit_are_byte_identical(site, tmp_path):
    result = build_site(tmp_path / "again")
    assert result.returncode == 0, result.stderr
    first = {p.relative_to(site.root): p.read_bytes() for p in site.root.rglob("*")
             if p.is_file() and reproducible(p.relative_to(site.root))}
    second = {p.relative_to(tmp_path / "again"): p.read_bytes() for p in (tmp_path / "again").rglob("*")
              if p.is_file() and reproducible(p.relative_to(tmp_path / "again"))}
    assert any(k.parts[0] == "pagefind" for k in first), "de zoekindex hoort bij de build"
    assert first.keys() == second.keys()
    differ = [str(k) for k in first if first[k] != second[k]]
    assert not differ, differ[:10]


def reproducible(path) -> bool:
    """Pagefind 1.5.2 writes its filter chunks in hash-map order: the same filters, other bytes
    and names from run to run, and so another meta file and entry file naming them. Its pages,
    fragments and word index chunks (and everything else in the site) are byte-identical."""
    if path.parts[0] != "pagefind" or len(path.parts) < 2:
        return True
    return not (path.parts[1] in ("filter", "pagefind-entry.json") or path.suffix == ".pf_meta")


_SEGMENT = st.sampled_from(["modules", "intake", "a", "functies", "index.md", "x.md", "wmo", "2"])


@given(st.lists(_SEGMENT, max_size=4), st.lists(_SEGMENT, max_size=4))
def test_a_link_between_two_pages_is_the_relative_path_the_operating_system_computes(to, start):
    assert relpath("/".join(to), "/".join(start)) == posixpath.relpath("/".join(to) or ".", "/".join(start) or ".")


def test_each_page_says_when_its_source_last_changed_in_git(site):
    """Content test: a hand-written page dates from its own file, a generated one from the catalogue."""
    for url, source in (("praktijk/diversiteit/", "docs/praktijk/diversiteit.md"),
                        ("modules/intake/", "data/modules.yaml")):
        expected = subprocess.run(["git", "log", "-1", "--format=%cs", "--", source], cwd=ROOT,
                                  capture_output=True, text=True, check=True).stdout.strip()
        assert site.soup(url).select_one(".amw-updated time")["datetime"] == expected


def test_no_page_shows_a_placeholder_or_markup_meant_for_markdown(site):
    """Raw HTML blocks come back after conversion; `markdown` attributes are consumed by it."""
    for file in site.pages():
        html = file.read_text(encoding="utf-8")
        assert "data-amw-raw" not in html and not re.search(r"<div[^>]* markdown[ >=]", html), file


def test_the_phone_list_of_the_matrix_names_a_few_modules_and_links_many_to_the_finder(site, views):
    """Content test on the real catalogue, which has cells of more than CELL_LIMIT modules."""
    from macros.site.pages import CELL_LIMIT
    lists = site.soup("matrix/").select_one(".amw-matrix-list")
    checked = set()
    for heading, items in zip(lists.select(".amw-matrix-list__veld"), lists.select("ul")):
        number = int(re.match(r"\d+", text(heading)).group())
        for li in items.select("li"):
            function = next(f for f in views.catalog.functions if text(li).startswith(f.name + ":"))
            cell = views.matrix.get((function.id, number), [])
            links = li.select("a")[1:]
            if len(cell) > CELL_LIMIT:
                assert [text(a) for a in links] == [f"{len(cell)} modules"]
                assert links[0]["href"].endswith(f"modulezoeker/?function={function.id}&veld={number}")
            else:
                assert [text(a) for a in links] == [m.name for m, _ in cell]
            checked.add(len(cell) > CELL_LIMIT)
    assert checked == {True, False}
