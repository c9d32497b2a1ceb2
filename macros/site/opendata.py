"""Open data published with every build under /data/: JSON, CSV and the JSON Schema.

modules.json holds the full catalogue exactly as the model has it (so loading it gives back the
same model), plus the URL of every record's page. modulezoeker.json is the module finder's small
index; trajectbouwer.js and vergelijken.js hold what the trajectbouwer and the comparison page need,
as scripts so that the offline build can load them from disk.
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
from . import history, wording
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
        "data/trajectbouwer.js": planner_js(views, export),
        "data/vergelijken.js": compare_js(views, export),
    }


def finder_json(views: Views, export: Export) -> str:
    return json.dumps(finder_index(views, export), ensure_ascii=False, separators=(",", ":"))


def finder_index(views: Views, export: Export) -> dict:
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
    return {
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
        "modules": [module(m) for m in views.catalog.modules]}


def _script(variable: str, data: dict) -> str:
    """Data as a script that sets a global: a <script src> loads from disk (the offline build,
    file://) where fetch() does not."""
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f"window.{variable}={body};\n"


def planner_js(views: Views, export: Export) -> str:
    """The trajectbouwer's data: the finder's index plus, per module, the goals and the worded
    figures for the print view, and the texts the page must word exactly like the site does."""
    index = finder_index(views, export)
    for entry in index["modules"]:
        m = views.modules[entry["id"]]
        duration, origin = views.duration(m)
        entry["goals"] = m.goals
        entry["figures"] = wording.module_figures(duration, origin)
        del entry["settings"], entry["duration"], entry["function"]
    index["meta"] = {"version": export.meta.version, "date": export.meta.date,
                     "date_text": history.dutch_date(export.meta.date) if export.meta.date else ""}
    index["texts"] = {"caveat": wording.CAVEAT.replace("*", ""), "rule": wording.RULE,
                      "incomplete_title": wording.INCOMPLETE_TITLE}
    return _script("AMW_TRAJECT", index)


COMPARE_FIELDS = (("audience", "Doelgroep"), ("goals", "Doelen"), ("duration", "Duur en frequentie"),
                  ("setting", "Setting"), ("method", "Werkwijze"), ("preconditions", "Randvoorwaarden"),
                  ("functions", "Functies"), ("target_groups", "Doelgroepen"), ("partners", "Ketenpartners"))


def compare_js(views: Views, export: Export) -> str:
    """The comparison page's fields per module: texts as the module page has them; the last three
    as names, so the page can mark what the modules share."""
    def fields(m) -> dict:
        duration, origin = views.duration(m)
        figures = wording.module_figures(duration, origin)
        return {
            "audience": m.audience or "", "goals": m.goals,
            "duration": [t for t in (" ".join((duration.text or "").split()),
                                     f"In cijfers: {figures}." if figures else "") if t],
            "setting": " ".join((m.setting or "").split()), "method": m.method,
            "preconditions": m.preconditions,
            "functions": [f.name for f in views.resolve(m, "functions")],
            "target_groups": [t.name for t in views.resolve(m, "target_groups")],
            "partners": [p.name for p in views.resolve(m, "partners")],
        }
    return _script("AMW_VERGELIJKEN", {"fields": [list(f) for f in COMPARE_FIELDS],
                                       "modules": {m.id: fields(m) for m in views.catalog.modules}})


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
