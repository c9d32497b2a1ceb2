"""Open data: /data/modules.json, modules.csv and schema.json are published with every build."""
from __future__ import annotations

import csv
import io
import json

import jsonschema

from macros.site.opendata import CSV_COLUMNS, VARIANT_COLUMNS, Export


def load(site, name):
    return (site.root / "data" / name).read_text(encoding="utf-8-sig")


def test_json_validates_against_the_published_schema(site):
    data = json.loads(load(site, "modules.json"))
    schema = json.loads(load(site, "schema.json"))
    jsonschema.validate(data, schema)
    assert data["meta"]["version"] and data["meta"]["licence"]


def test_json_gives_back_the_same_model_as_the_yaml(site, views):
    export = Export.model_validate_json(load(site, "modules.json"))
    assert export.catalog == views.catalog


def test_csv_has_one_row_per_module_with_the_right_columns(site, views):
    raw = (site.root / "data" / "modules.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "BOM so Excel reads UTF-8"
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert list(rows[0].keys()) == CSV_COLUMNS
    assert [r["id"] for r in rows] == [m.id for m in views.catalog.modules]
    budget = next(r for r in rows if r["id"] == "budgetbegeleiding")
    assert budget["naam"] == "Budgetbegeleiding" and budget["contacten_min"] == "5"


def test_every_id_and_url_in_the_json_resolves_to_a_built_page(site, views):
    data = json.loads(load(site, "modules.json"))
    for section, urls in data["urls"].items():
        assert set(urls) == {str(getattr(r, "id", getattr(r, "number", ""))) for r in getattr(views.catalog, section)}
        for url in urls.values():
            assert site.path(url).exists(), url


def test_module_pages_embed_their_record_as_schema_org_service(site, views):
    for m in views.catalog.modules:
        soup = site.soup(f"modules/{m.id}/")
        scripts = soup.head.find_all("script", type="application/ld+json")
        assert len(scripts) == 1, m.id
        data = json.loads(scripts[0].string)
        assert data["@type"] == "Service" and data["identifier"] == m.id and data["name"] == m.name
        assert [a["audienceType"] for a in data["audience"]] == [views.target_groups[t].name for t in m.target_groups]
        assert data["url"].endswith(f"/modules/{m.id}/")


def test_variants_round_trip_through_json_and_csv(site, views):
    """Content test: the example organisation's variants come back from both exports."""
    export = Export.model_validate_json(load(site, "modules.json"))
    assert [o.variants for o in export.catalog.organisations] == [o.variants for o in views.catalog.organisations]
    rows = list(csv.DictReader(io.StringIO(load(site, "varianten.csv")), delimiter=";"))
    assert list(rows[0].keys()) == VARIANT_COLUMNS
    expected = [(o.id, v.module, v.status) for o in views.catalog.organisations for v in o.variants]
    assert [(r["organisatie"], r["module"], r["status"]) for r in rows if r["soort"] == "variant"] == expected
