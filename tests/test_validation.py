"""Every validation rule, each with a small broken catalogue: the editor gets the file, the line,
the record, the field and a hint in Dutch, and every problem is reported in one run."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from macros.__main__ import schema_text
from macros.catalogue.loader import CatalogError, load_catalog
from macros.catalogue.paths import DEFAULT_CATALOG, ROOT, SCHEMA_FILE

MINIMAL = Path(__file__).parent / "fixtures" / "minimal.yaml"


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line number of the n-th line containing `needle`."""
    hits = [i for i, line in enumerate(text.splitlines(), 1) if needle in line]
    return hits[occurrence - 1]


def broken(tmp_path, old: str, new: str, count: int = 1) -> tuple[str, list]:
    text = MINIMAL.read_text(encoding="utf-8")
    assert text.count(old) >= count, f"fixture does not contain {old!r}"
    text = text.replace(old, new, count)
    path = tmp_path / "modules.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogError) as exc:
        load_catalog(path)
    return text, exc.value.problems


def only(problems):
    assert len(problems) == 1, "\n".join(map(str, problems))
    return problems[0]


def test_the_real_catalogue_loads_cleanly():
    loaded = load_catalog(DEFAULT_CATALOG)
    assert len(loaded.catalog.modules) >= 35


def test_the_fixture_is_valid_so_each_test_breaks_one_thing():
    load_catalog(MINIMAL)


def test_mistyped_function_id_names_line_and_suggests_the_closest(tmp_path):
    text, problems = broken(tmp_path, "functions: [begeleiding]", "functions: [begeleidng]")
    p = only(problems)
    assert p.line == line_of(text, "functions: [begeleidng]")
    assert p.record == "module 'budgetbegeleiding'"
    assert p.field == "functions, item 1"
    assert "onbekende functie 'begeleidng'" in p.message
    assert p.hint == "Bedoelde je 'begeleiding'?"
    assert str(p).startswith(f"{tmp_path / 'modules.yaml'}:{p.line}: module 'budgetbegeleiding'")


@pytest.mark.parametrize("old,new,word", [
    ("target_groups: [mensen-met-schulden]\n    prestatievelden: [5]\n    partners",
     "target_groups: [mensen-met-schuld]\n    prestatievelden: [5]\n    partners", "doelgroep"),
    ("partners: [huisarts]", "partners: [huisart]", "ketenpartner"),
    ("related: [kookgroep]", "related: [kookgroepen]", "module"),
    ("{module: budgetbegeleiding, role: kern}", "{module: budgetbegeleidin, role: kern}", "module"),
    ("modules: [budgetbegeleiding]", "modules: [budget-begeleiding]", "module"),
    ("{publication: boek, section: \"Budgetbegeleiding\"}", "{publication: boekje, section: \"B\"}", "publicatie"),
])
def test_every_kind_of_reference_must_resolve(tmp_path, old, new, word):
    text, problems = broken(tmp_path, old, new)
    p = only(problems)
    assert f"onbekende {word}" in p.message
    assert p.hint.startswith("Bedoelde je")
    assert p.line == line_of(text, new.splitlines()[0])


def test_unknown_prestatieveld_number(tmp_path):
    text, problems = broken(tmp_path, "    prestatievelden: [5]\n    partners", "    prestatievelden: [5, 10]\n    partners")
    p = only(problems)
    assert "onbekende prestatieveld '10'" in p.message
    assert p.field == "prestatievelden, item 2"


def test_missing_required_field(tmp_path):
    text, problems = broken(tmp_path, "    summary: Hulp bij geld.\n", "")
    p = only(problems)
    assert p.message == "verplicht veld ontbreekt"
    assert p.field == "summary"
    assert "Voeg 'summary:' toe" in p.hint
    assert p.line == line_of(text, "- id: budgetbegeleiding")


@pytest.mark.parametrize("typed,meant", [("doelgroepen", "target_groups"), ("doelgroep", "audience"),
                                          ("werkwijze", "method"), ("target_group", "target_groups")])
def test_field_names_typed_in_dutch_or_misspelled_point_at_the_right_field(tmp_path, typed, meant):
    text, problems = broken(tmp_path, "    summary: ", f"    {typed}: x\n    summary: ")
    hints = [p.hint for p in problems if f"onbekend veld '{typed}'" in p.message]
    assert hints and hints[0].startswith(f"Bedoelde je '{meant}'"), [str(p) for p in problems]


def test_misspelled_field_name_is_not_silently_dropped(tmp_path):
    text, problems = broken(tmp_path, "    goals:\n", "    doelenn:\n")
    messages = [str(p) for p in problems]
    unknown = [p for p in problems if "onbekend veld 'doelenn'" in p.message]
    assert unknown, messages
    assert unknown[0].hint == "Bedoelde je 'goals' (doelen)?"
    assert unknown[0].line == line_of(text, "doelenn:")


def test_invalid_choice_lists_the_allowed_values(tmp_path):
    text, problems = broken(tmp_path, "status: beschreven", "status: beschreeven")
    p = only(problems)
    assert "ongeldige waarde 'beschreeven'" in p.message and "'genoemd'" in p.message
    assert p.hint == "Bedoelde je 'beschreven'?"
    assert p.line == line_of(text, "status: beschreeven")


def test_badly_shaped_id_gets_an_example(tmp_path):
    text, problems = broken(tmp_path, "- id: kookgroep", "- id: Kook Groep")
    shape = [p for p in problems if "niet de juiste vorm" in p.message]
    assert shape and shape[0].hint == "Bijvoorbeeld 'kook-groep'."
    assert shape[0].line == line_of(text, "- id: Kook Groep")


def test_duplicate_id(tmp_path):
    text, problems = broken(tmp_path, "- id: kookgroep", "- id: budgetbegeleiding")
    dup = [p for p in problems if "komt twee keer voor" in p.message]
    assert dup and dup[0].line == line_of(text, "- id: budgetbegeleiding", 2)


def test_min_above_max_in_a_structured_duration(tmp_path):
    text, problems = broken(tmp_path, "contacts: {min: 5, max: 10}", "contacts: {min: 12, max: 10}")
    p = only(problems)
    assert "min (12) is groter dan max (10)" in p.message
    assert p.field == "duration, contacts"
    assert p.line == line_of(text, "contacts: {min: 12, max: 10}")


def test_wrong_type(tmp_path):
    text, problems = broken(tmp_path, "contacts: {min: 5, max: 10}", "contacts: {min: vijf, max: 10}")
    p = only(problems)
    assert "verwacht een geheel getal, maar vond 'vijf'" in p.message


def test_unused_target_group_is_reported(tmp_path):
    extra = ("target_groups:\n  - id: ouders\n    name: Ouders\n    description: Ouders.\n"
             "    source: {publication: boek, section: \"H6\"}\n")
    text, problems = broken(tmp_path, "target_groups:\n", extra)
    p = only(problems)
    assert "doelgroep 'ouders' wordt door geen enkele module of programma gebruikt" in p.message
    assert p.line == line_of(text, "- id: ouders")


def test_unused_prestatieveld_is_reported(tmp_path):
    extra = ("prestatievelden:\n  - number: 9\n    name: Verslaving\n    short_name: Verslaving\n    law: x\n    amw_offer: y\n"
             "    source: {publication: boek, section: \"H6\"}\n")
    text, problems = broken(tmp_path, "prestatievelden:\n", extra)
    p = only(problems)
    assert "prestatieveld 9 wordt door geen enkele module of programma gebruikt" in p.message


def test_described_module_must_be_complete(tmp_path):
    text, problems = broken(tmp_path, "    method:\n      - Maakt een overzicht.\n", "")
    p = only(problems)
    assert "een beschreven module mist: method (werkwijze)" in p.message


def test_named_module_needs_notes(tmp_path):
    text, problems = broken(tmp_path, "    notes: Alleen genoemd in de bron.\n", "")
    p = only(problems)
    assert "heeft 'notes' nodig" in p.message
    assert p.record == "module 'kookgroep'"


def test_all_problems_are_reported_in_one_run(tmp_path):
    text = MINIMAL.read_text(encoding="utf-8")
    text = text.replace("functions: [begeleiding]", "functions: [begeleidng]", 1)
    text = text.replace("partners: [huisarts]", "partners: [huisart]")
    text = text.replace("status: beschreven", "status: klaar", 1)
    path = tmp_path / "modules.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogError) as exc:
        load_catalog(path)
    assert len(exc.value.problems) == 3
    assert str(exc.value).startswith("3 fouten in de catalogus:")


def test_malformed_yaml_gives_line_and_column_not_a_traceback(tmp_path):
    text, problems = broken(tmp_path, "    summary: Hulp bij geld.", "    summary: Hulp: bij: geld.\n   kapot")
    p = only(problems)
    assert p.record.startswith("YAML-fout in kolom")
    assert p.line in (line_of(text, "Hulp: bij"), line_of(text, "Hulp: bij") + 1)
    assert p.message == "een dubbele punt op een plek waar YAML die niet verwacht"
    assert "aanhalingstekens" in p.hint


@pytest.mark.parametrize("old,new,message", [
    ("    summary: Hulp bij geld.", "\tsummary: Hulp bij geld.", "er staat een tab of een teken dat hier niet mag"),
    ("    summary: Hulp bij geld.", "    summary: Hulp bij geld.\n    summary: Nog eens.",
     "veld 'summary' staat twee keer in hetzelfde record"),
    ("      - De cliënt heeft overzicht.", "   - De cliënt heeft overzicht.", "de inspringing klopt niet"),
])
def test_common_yaml_mistakes_are_explained_in_dutch(tmp_path, old, new, message):
    text, problems = broken(tmp_path, old, new)
    p = only(problems)
    assert p.message == message
    assert p.line in range(line_of(text, new.strip().splitlines()[0][:12]) - 1, line_of(text, new.strip().splitlines()[-1][:12]) + 2)


def test_validate_command_exits_1_and_prints_the_report(tmp_path):
    _, _ = broken(tmp_path, "partners: [huisarts]", "partners: [huisart]")
    result = subprocess.run([sys.executable, "-m", "macros", "validate", str(tmp_path / "modules.yaml")],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1
    assert "onbekende ketenpartner 'huisart'. Bedoelde je 'huisarts'?" in result.stderr
    assert "Traceback" not in result.stderr


def test_validate_command_accepts_the_real_catalogue():
    result = subprocess.run([sys.executable, "-m", "macros", "validate"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "in orde" in result.stdout


def test_committed_json_schema_matches_the_model():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), \
        "data/modules.schema.json is out of date: run `make schema`"


def test_yaml_points_editors_to_the_schema():
    first_line = DEFAULT_CATALOG.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=modules.schema.json"
    assert json.loads(SCHEMA_FILE.read_text())["properties"]["modules"]


def test_search_terms_are_checked_like_every_other_field(tmp_path):
    text, problems = broken(tmp_path, "search_terms: [schulden]", "search_terms: [schulden, Schulden]")
    p = only(problems)
    assert "zoekterm 'Schulden' staat er twee keer in" in p.message
    assert p.line == line_of(text, "search_terms: [schulden, Schulden]")
    text, problems = broken(tmp_path, "search_terms: [schulden]", "search_terms: [schulden, x]")
    p = only(problems)
    assert p.message == "tekst is te kort: minstens 2 tekens nodig" and p.field == "search_terms, item 2"


def test_a_programme_without_an_access_module_gets_a_warning_not_an_error(tmp_path):
    path = tmp_path / "modules.yaml"
    path.write_text(MINIMAL.read_text(encoding="utf-8"), encoding="utf-8")
    loaded = load_catalog(path)  # loads: a warning does not stop anyone
    warnings = [str(w) for w in loaded.warnings]
    assert len(warnings) == 1, warnings
    assert "programma 'schuldhulp', veld 'steps': waarschuwing: geen toegangsmodule" in warnings[0]
    assert "ten minste één toegangs- en één uitvoeringsmodule" in warnings[0]
    result = subprocess.run([sys.executable, "-m", "macros", "validate", str(path)],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0 and "geen toegangsmodule" in result.stderr
