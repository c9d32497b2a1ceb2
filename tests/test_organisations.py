"""Code tests on the fixture catalogue: organisation files are validated as strictly as the
catalogue, each problem with its own file and line, and nothing is dropped silently."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from macros.__main__ import organisation_schema_text
from macros.catalogue.loader import CatalogError, load_catalog, load_municipalities
from macros.catalogue.paths import ORGANISATION_SCHEMA_FILE

FIXTURES = Path(__file__).parent / "fixtures"
GOOD = """id: wijkteam-voorbeeld
name: Wijkteam Voorbeeld
kind: AMW
example: true
werkgebied: [Tiel, Buren]
contact:
  signup: Bel ons. (Voorbeeld.)
last_checked: "2026-11-01"
maintainers: ["@voorbeeld"]
variants:
  - module: budgetbegeleiding
    status: aangepast
    local_name: Grip op geld
own_modules:
  - id: spreekuur
    name: Spreekuur
    like: budgetbegeleiding
    functions: [begeleiding]
    target_groups: [mensen-met-schulden]
    summary: Een spreekuur.
    goals: [De cliënt weet waar hij terecht kan.]
"""


def catalogue_with(tmp_path, text: str, name: str = "wijkteam-voorbeeld.yaml") -> Path:
    shutil.copy(FIXTURES / "minimal.yaml", tmp_path / "modules.yaml")
    shutil.copy(ROOT / "data" / "gemeenten.yaml", tmp_path / "gemeenten.yaml")
    (tmp_path / "organisaties").mkdir()
    (tmp_path / "organisaties" / name).write_text(text, encoding="utf-8")
    return tmp_path / "modules.yaml"


def problems_for(tmp_path, text: str, name: str = "wijkteam-voorbeeld.yaml") -> list:
    with pytest.raises(CatalogError) as exc:
        load_catalog(catalogue_with(tmp_path, text, name))
    return exc.value.problems


def test_a_valid_organisation_file_loads_with_its_variants_and_own_modules(tmp_path):
    catalog = load_catalog(catalogue_with(tmp_path, GOOD)).catalog
    org = catalog.organisations[0]
    assert org.variants[0].local_name == "Grip op geld" and org.own_modules[0].like == "budgetbegeleiding"


def test_every_mistake_in_an_organisation_file_is_reported_with_its_file_and_line(tmp_path):
    text = (GOOD.replace("[Tiel, Buren]", "[Tiel, Buuren, Den Haag]")
                .replace("module: budgetbegeleiding", "module: budgetbegeleidin")
                .replace("status: aangepast", "status: aangepst")
                .replace("like: budgetbegeleiding", "like: kookgroepen"))
    problems = problems_for(tmp_path, text)
    by_message = {p.message: p for p in problems}
    assert all(p.file.endswith("organisaties/wijkteam-voorbeeld.yaml") for p in problems)
    buuren = by_message["'Buuren' is geen gemeente volgens CBS, Gemeentelijke indeling op 1 januari 2025"]
    assert buuren.line == 5 and buuren.hint == "Bedoelde je 'Buren'?"
    assert by_message["'Den Haag' is geen gemeente volgens CBS, Gemeentelijke indeling op 1 januari 2025"].hint \
        == "De officiële naam is ''s-Gravenhage'."
    assert by_message["onbekende module 'budgetbegeleidin'"].hint == "Bedoelde je 'budgetbegeleiding'?"
    assert by_message["onbekende module 'kookgroepen'"].hint == "Bedoelde je 'kookgroep'?"
    assert any("ongeldige waarde 'aangepst'" in m for m in by_message)
    assert len(problems) == 5, [str(p) for p in problems]


def test_a_field_typed_in_dutch_points_at_the_right_field(tmp_path):
    problems = problems_for(tmp_path, GOOD.replace("    local_name:", "    lokale_naam:"))
    assert [p.message for p in problems] == ["onbekend veld 'lokale_naam'"]
    assert problems[0].hint == "Bedoelde je 'local_name' (lokale_naam)?"


def test_file_name_and_id_must_agree(tmp_path):
    problems = problems_for(tmp_path, GOOD, name="ander-team.yaml")
    assert "verschilt van de bestandsnaam 'ander-team.yaml'" in problems[0].message


def test_a_variant_that_changes_nothing_is_not_accepted_as_changed(tmp_path):
    problems = problems_for(tmp_path, GOOD.replace("    local_name: Grip op geld\n", ""))
    assert "status 'aangepast' zonder afwijking" in problems[0].message


def test_committed_organisation_schema_matches_the_model():
    assert ORGANISATION_SCHEMA_FILE.read_text(encoding="utf-8") == organisation_schema_text(), \
        "data/organisatie.schema.json is out of date: run `make schema`"


def test_codeowners_gives_each_organisation_its_own_file():
    """The committed .github/CODEOWNERS is what the organisation files say (make codeowners)."""
    from macros.__main__ import CODEOWNERS_FILE, codeowners_text
    assert CODEOWNERS_FILE.read_text(encoding="utf-8") == codeowners_text(), "run `make codeowners`"
    for path in (ROOT / "data" / "organisaties").glob("*.yaml"):
        assert f"/data/organisaties/{path.name} @" in codeowners_text(), path.name


def test_the_gemeente_list_is_the_2025_division_and_every_other_name_points_into_it():
    """Content test on data/gemeenten.yaml: 342 gemeenten in twelve provinces, each once."""
    municipalities = load_municipalities(ROOT / "data")
    listed = [g for names in yaml.safe_load((ROOT / "data" / "gemeenten.yaml").read_text(encoding="utf-8"))
              ["provinces"].values() for g in names]
    assert len(listed) == len(municipalities.names) == 342
    assert set(municipalities.aliases.values()) <= set(municipalities.names)
    assert not set(municipalities.aliases) & set(municipalities.names)
