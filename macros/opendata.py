"""Open data published with every build under /data/: JSON, CSV and the JSON Schema.

modules.json holds the full catalogue exactly as the model has it (so loading it gives back the
same model), plus the URL of every record's page. modulezoeker.json is the module finder's small
index.
"""
from __future__ import annotations

import csv
import io
import json
from typing import Optional

from pydantic import BaseModel, ConfigDict

from . import history
from .catalog import Views
from .markdown import page_url
from .model import Catalog
from .pages import FACETS, key_of, page_of
from .paths import catalog_path, repo_relative


class Meta(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: str
    version: str
    date: Optional[str]
    licence: str
    source: str


class Export(BaseModel):
    """The shape of /data/modules.json; /data/schema.json is generated from this class."""
    model_config = ConfigDict(extra="forbid")
    meta: Meta
    catalog: Catalog
    urls: dict[str, dict[str, str]]


CSV_COLUMNS = ["id", "naam", "status", "discipline", "soort", "functies", "prestatievelden",
               "doelgroepen", "samenvatting", "duur", "contacten_min", "contacten_max",
               "weken_min", "weken_max", "url"]


def build_export(views: Views, use_directory_urls: bool = True) -> Export:
    c = views.catalog
    urls = {}
    for record_type, (folder, section) in FACETS.items():
        records = getattr(c, section)
        urls[section] = {key_of(r): page_url(page_of(r), use_directory_urls) for r in records}
    return Export(
        meta=Meta(title="AMW kennisbank: modules en programma's van het algemeen maatschappelijk werk",
                  version=c.version, date=history.last_updated(repo_relative(catalog_path())), licence=c.licence,
                  source=repo_relative(catalog_path())),
        catalog=c, urls=urls)


def files(views: Views, config) -> dict[str, str]:
    export = build_export(views, config.use_directory_urls)
    return {
        "data/modules.json": export.model_dump_json(indent=1),
        "data/modules.csv": modules_csv(views, export),
        "data/schema.json": json.dumps(Export.model_json_schema(), indent=1, ensure_ascii=False),
        "data/modulezoeker.json": finder_json(views, export),
    }


def finder_json(views: Views, export: Export) -> str:
    """The small index the module finder filters on: only what it shows and filters by."""
    return json.dumps({"functions": [{"id": f.id, "name": f.name} for f in views.catalog.functions],
                       "modules": [{
        "id": m.id, "name": m.name, "summary": m.summary, "url": export.urls["modules"][m.id],
        "function": m.functions[0], "functions": m.functions, "velden": m.prestatievelden,
        "groups": m.target_groups, "settings": views.settings(m), "duration": views.duration_class(m),
    } for m in views.catalog.modules]}, ensure_ascii=False, separators=(",", ":"))


def modules_csv(views: Views, export: Export) -> str:
    """Semicolon-separated with a byte-order mark: Excel with a Dutch locale opens it as-is."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for m in views.catalog.modules:
        d = views.duration(m)
        writer.writerow([
            m.id, m.name, m.status, m.discipline, m.kind, ", ".join(m.functions),
            ", ".join(str(n) for n in m.prestatievelden), ", ".join(m.target_groups), m.summary,
            " ".join((d.text or "").split()),
            d.contacts.min if d.contacts else "", d.contacts.max if d.contacts else "",
            d.weeks.min if d.weeks else "", d.weeks.max if d.weeks else "",
            export.urls["modules"][m.id],
        ])
    return "\ufeff" + out.getvalue()
