"""Open data published with every build under /data/: JSON, CSV and the JSON Schema.

modules.json holds the full catalogue exactly as the model has it (so loading it gives back the
same model), plus the URL of every record's page. modulezoeker.json is the module finder's small
index.
"""
from __future__ import annotations

import csv
import io
import json
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict

from ..catalogue.model import Catalog
from ..catalogue.paths import catalog_path, repo_relative
from ..catalogue.registry import KINDS
from ..catalogue.views import Views
from . import history
from .markdown import page_url
from .pages import page_of


class Meta(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: str
    version: str
    date: Optional[str]
    licence: str
    source: str


class ModuleFigures(BaseModel):
    """The figures the site uses for a module, and where they come from."""
    model_config = ConfigDict(extra="forbid")
    weeks_min: Optional[int]
    weeks_max: Optional[int]
    contacts_min: Optional[int]
    contacts_max: Optional[int]
    origin: Optional[Literal["eigen", "groepswerk"]]  # groepswerk: the general group-work guideline


class Export(BaseModel):
    """The shape of /data/modules.json; /data/schema.json is generated from this class."""
    model_config = ConfigDict(extra="forbid")
    meta: Meta
    catalog: Catalog
    urls: dict[str, dict[str, str]]
    figures: dict[str, ModuleFigures]


CSV_COLUMNS = ["id", "naam", "status", "discipline", "soort", "functies", "prestatievelden",
               "doelgroepen", "samenvatting", "duur", "contacten_min", "contacten_max",
               "weken_min", "weken_max", "herkomst_cijfers", "url"]


def build_export(views: Views, use_directory_urls: bool = True) -> Export:
    c = views.catalog
    urls = {}
    for kind in KINDS.values():
        if kind.folder:
            urls[kind.section] = {kind.key_of(r): page_url(page_of(r), use_directory_urls)
                                  for r in views.records(kind.name)}
    return Export(
        meta=Meta(title="AMW kennisbank: modules en programma's van het algemeen maatschappelijk werk",
                  version=c.version, date=history.last_updated(repo_relative(catalog_path())), licence=c.licence,
                  source=repo_relative(catalog_path())),
        catalog=c, urls=urls, figures={m.id: module_figures(views, m) for m in c.modules})


def module_figures(views: Views, module) -> ModuleFigures:
    f = views.figures(module)
    return ModuleFigures(weeks_min=f.weeks.min if f.weeks else None, weeks_max=f.weeks.max if f.weeks else None,
                         contacts_min=f.contacts.min if f.contacts else None,
                         contacts_max=f.contacts.max if f.contacts else None, origin=f.origin)


def files(views: Views, use_directory_urls: bool = True) -> dict[str, str]:
    export = build_export(views, use_directory_urls)
    return {
        "data/modules.json": export.model_dump_json(indent=1),
        "data/modules.csv": modules_csv(views, export),
        "data/schema.json": json.dumps(Export.model_json_schema(), indent=1, ensure_ascii=False),
        "data/modulezoeker.json": finder_json(views, export),
        "data/varianten.csv": variants_csv(views),
    }


def finder_json(views: Views, export: Export) -> str:
    """The small index the module finder and the trajectbouwer work from: only what they show,
    filter by and compute with. Short keys keep it small at national scale."""
    def module(m):
        named, via = views.velden_of(m)
        f = export.figures[m.id]
        entry = {"id": m.id, "name": m.name, "summary": m.summary, "url": export.urls["modules"][m.id],
                 "function": m.functions[0], "functions": m.functions, "velden": m.prestatievelden,
                 "via": [v.number for v in via], "groups": m.target_groups, "partners": m.partners,
                 "settings": views.settings(m), "duration": views.duration_class(m),
                 "status": m.status, "discipline": m.discipline,
                 "orgs": [org.id for org, var in views.variants_of(m) if var.status != "niet-aangeboden"]}
        if f.weeks_min is not None:
            entry["weeks"] = [f.weeks_min, f.weeks_max]
        if f.contacts_min is not None:
            entry["contacts"] = [f.contacts_min, f.contacts_max]
        if f.origin:
            entry["origin"] = f.origin
        return entry
    return json.dumps({
        "functions": [{"id": f.id, "name": f.name, "kind": f.kind} for f in views.catalog.functions],
        "velden": [{"number": v.number, "name": v.name, "short": v.short_name, "url": export.urls["prestatievelden"][str(v.number)]}
                   for v in views.catalog.prestatievelden],
        "groups": [{"id": t.id, "name": t.name} for t in views.catalog.target_groups],
        "partners": [{"id": p.id, "name": p.name, "url": export.urls["partners"][p.id]} for p in views.catalog.partners],
        "programmes": [{"id": p.id, "name": p.name, "url": export.urls["programmes"][p.id],
                        "steps": [[[e.module, e.role] for e in step.modules] for step in p.steps]}
                       for p in views.catalog.programmes],
        "organisations": [{"id": o.id, "name": o.name, "gemeenten": o.werkgebied}
                          for o in views.catalog.organisations],
        "modules": [module(m) for m in views.catalog.modules]}, ensure_ascii=False, separators=(",", ":"))


def modules_csv(views: Views, export: Export) -> str:
    """Semicolon-separated with a byte-order mark: Excel with a Dutch locale opens it as-is."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for m in views.catalog.modules:
        f = export.figures[m.id]
        writer.writerow([
            m.id, m.name, m.status, m.discipline, m.kind, ", ".join(m.functions),
            ", ".join(str(n) for n in m.prestatievelden), ", ".join(m.target_groups), m.summary,
            " ".join(((m.duration and m.duration.text) or "").split()),
            _blank(f.contacts_min), _blank(f.contacts_max), _blank(f.weeks_min), _blank(f.weeks_max),
            f.origin or "", export.urls["modules"][m.id],
        ])
    return "\ufeff" + out.getvalue()


def _blank(value) -> object:
    return "" if value is None else value


VARIANT_COLUMNS = ["organisatie", "voorbeeld", "werkgebied", "soort", "module", "landelijke_module", "status",
                   "lokale_naam", "contacten_min", "contacten_max", "weken_min", "weken_max", "toelichting"]


def variants_csv(views: Views) -> str:
    """Every organisation's variants and own modules, one row each (soort: variant or eigen)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(VARIANT_COLUMNS)
    for org in views.catalog.organisations:
        head = [org.id, "ja" if org.example else "nee", ", ".join(org.werkgebied)]
        for v in org.variants:
            d = v.duration
            writer.writerow(head + ["variant", v.module, v.module, v.status, v.local_name or "",
                                    *_range(d.contacts if d else None), *_range(d.weeks if d else None),
                                    " ".join((v.note or "").split())])
        for own in org.own_modules:
            d = own.duration
            writer.writerow(head + ["eigen", own.id, own.like or "", "eigen module", own.name,
                                    *_range(d.contacts if d else None), *_range(d.weeks if d else None), own.summary])
    return "\ufeff" + out.getvalue()


def _range(r) -> list:
    return [r.min, r.max] if r else ["", ""]
