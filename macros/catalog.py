"""Read-only views on the loaded catalogue: lookups, backlinks and indicative durations.

Everything here is derived from the model, so the site never stores a fact twice.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .loader import LoadedCatalog, load_catalog
from .model import Duration, Function, Module, Partner, Prestatieveld, Programme, Range, TargetGroup

_CACHE: dict[Path, tuple[float, "Views"]] = {}


def get_views(path: str | Path) -> "Views":
    """Load the catalogue once per change of the file (mkdocs serve reloads on edits)."""
    path = Path(path).resolve()
    mtime = path.stat().st_mtime
    cached = _CACHE.get(path)
    if cached is None or cached[0] != mtime:
        _CACHE[path] = (mtime, Views(load_catalog(path)))
    return _CACHE[path][1]


@dataclass(frozen=True)
class Span:
    """A min-max range (weeks or contacts) that adds up step by step."""
    min: int
    max: int

    def __add__(self, other: "Span") -> "Span":
        return Span(self.min + other.min, self.max + other.max)


class Views:
    # Facets for the module finder, derived from the data so editors keep one fact in one place.
    SETTINGS = {"individueel": "Individueel", "groep": "In een groep", "aan-huis": "Aan huis of outreachend"}
    DURATION_CLASSES = {"kort": "Kort (tot 6 weken)", "middel": "Middellang (7 tot 26 weken)",
                        "lang": "Lang (meer dan 26 weken)", "onbekend": "Duur niet in weken bekend"}
    _AT_HOME = re.compile(r"thuis|huisbezoek|aan huis|outreach|bij de cliënt|woonomgeving", re.I)

    def __init__(self, loaded: LoadedCatalog):
        self.loaded = loaded
        self.catalog = loaded.catalog
        c = self.catalog
        self.modules = {m.id: m for m in c.modules}
        self.functions = {f.id: f for f in c.functions}
        self.velden = {v.number: v for v in c.prestatievelden}
        self.target_groups = {t.id: t for t in c.target_groups}
        self.partners = {p.id: p for p in c.partners}
        self.programmes = {p.id: p for p in c.programmes}
        self.cases = {k.id: k for k in c.cases}
        self.publications = {p.id: p for p in c.publications}
        self.group_types = {t.id: t for t in c.group_work.typology}

    # --- facets: which modules and programmes belong where ------------------------------------

    def modules_with_function(self, function_id: str) -> list[Module]:
        return [m for m in self.catalog.modules if function_id in m.functions]

    def modules_in_veld(self, number: int) -> list[Module]:
        return [m for m in self.catalog.modules if number in m.prestatievelden]

    def modules_for_group(self, group_id: str) -> list[Module]:
        return [m for m in self.catalog.modules if group_id in m.target_groups]

    def modules_for_partner(self, partner_id: str) -> list[Module]:
        return [m for m in self.catalog.modules if partner_id in m.partners]

    def modules_listed_on(self, record) -> list[Module]:
        """The modules a facet record's page lists (none for modules, programmes and cases)."""
        if isinstance(record, Function):
            return self.modules_with_function(record.id)
        if isinstance(record, Prestatieveld):
            return self.modules_in_veld(record.number)
        if isinstance(record, TargetGroup):
            return self.modules_for_group(record.id)
        if isinstance(record, Partner):
            return self.modules_for_partner(record.id)
        return []

    def programmes_in_veld(self, number: int) -> list[Programme]:
        return [p for p in self.catalog.programmes if number in p.prestatievelden]

    def programmes_for_group(self, group_id: str) -> list[Programme]:
        return [p for p in self.catalog.programmes if group_id in p.target_groups]

    def programmes_for_partner(self, partner_id: str) -> list[Programme]:
        return [p for p in self.catalog.programmes if partner_id in p.partners]

    def programmes_with_module(self, module_id: str) -> list[Programme]:
        return [p for p in self.catalog.programmes if module_id in self.programme_module_ids(p)]

    def programmes_with_function(self, function_id: str) -> list[Programme]:
        return [p for p in self.catalog.programmes
                if any(function_id in self.modules[m].functions for m in self.programme_module_ids(p))]

    def cases_for_module(self, module_id: str) -> list:
        return [k for k in self.catalog.cases if module_id in k.modules]

    def cases_for_programme(self, programme_id: str) -> list:
        return [k for k in self.catalog.cases if programme_id in k.programmes]

    def cases_for_partner(self, partner_id: str) -> list:
        return [k for k in self.catalog.cases if partner_id in k.partners]

    @staticmethod
    def programme_module_ids(programme: Programme) -> list[str]:
        return [entry.module for step in programme.steps for entry in step.modules]

    def related_modules(self, module: Module) -> list[Module]:
        """Related both ways: a link written on either module shows on both pages."""
        back = [i for i in self._related_back.get(module.id, []) if i not in module.related]
        return [self.modules[i] for i in list(module.related) + back]

    @cached_property
    def _related_back(self) -> dict[str, list[str]]:
        """module id -> ids of the modules that name it as related (one pass, not one per page)."""
        back: dict[str, list[str]] = {}
        for m in self.catalog.modules:
            for target in m.related:
                back.setdefault(target, []).append(m.id)
        return back

    @cached_property
    def matrix(self) -> dict[tuple[str, int], list[Module]]:
        cells: dict[tuple[str, int], list[Module]] = {}
        for m in self.catalog.modules:
            for f in m.functions:
                for v in m.prestatievelden:
                    cells.setdefault((f, v), []).append(m)
        return cells

    def settings(self, module: Module) -> list[str]:
        found = [module.kind]
        if self._AT_HOME.search(module.setting or ""):
            found.append("aan-huis")
        return found

    def duration_class(self, module: Module) -> str:
        weeks = self.weeks(module)
        if weeks is None:
            return "onbekend"
        return "kort" if weeks.max <= 6 else "middel" if weeks.max <= 26 else "lang"

    # --- durations ----------------------------------------------------------------------------

    def duration(self, module: Module) -> Duration:
        """A module's duration; group modules inherit what they leave open from group_work."""
        own = module.duration or Duration()
        if module.kind != "groep":
            return own
        defaults = self.catalog.group_work.defaults
        return Duration(**{k: getattr(own, k) if getattr(own, k) is not None else getattr(defaults, k)
                           for k in Duration.model_fields})

    def weeks(self, module: Module) -> Range | None:
        return self.duration(module).weeks

    def programme_duration(self, programme: Programme, roles=("kern",)) -> "ProgrammeDuration":
        """The book's rule: steps one after another add up; modules side by side in one step take
        at least as long as the longest and at most as long as all of them together. Contacts
        always add up. Modules without figures are listed, not counted as zero."""
        weeks: Span | None = None
        contacts: Span | None = None
        no_weeks: list[Module] = []
        for step in programme.steps:
            modules = [self.modules[e.module] for e in step.modules if e.role in roles]
            ranges = [self.weeks(m) for m in modules if self.weeks(m)]
            no_weeks += [m for m in modules if not self.weeks(m)]
            if ranges:
                step_weeks = Span(max(r.min for r in ranges), sum(r.max for r in ranges))
                weeks = step_weeks if weeks is None else weeks + step_weeks
            for m in modules:
                c = self.duration(m).contacts
                if c:
                    contacts = Span(c.min, c.max) if contacts is None else contacts + Span(c.min, c.max)
        return ProgrammeDuration(weeks, contacts, no_weeks)


@dataclass(frozen=True)
class ProgrammeDuration:
    weeks: Span | None       # None: no module in it has a span in weeks
    contacts: Span | None    # None: no module in it has a number of contacts
    unknown: list[Module]         # modules without a span in weeks
