"""Read-only views on the loaded catalogue: lookups, backlinks, facets and indicative durations.

Everything here is derived from the model, so the site never stores a fact twice. Backlinks come
from one index built from the registry's references, not from a filter per pair of kinds.
"""
from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path

from . import durations
from .durations import GROUP_WORK, OWN, Figures, PlanTotal, Span
from .loader import LoadedCatalog, load_catalog
from .model import Duration, Module, Organisation, OwnModule, Prestatieveld, Programme, Variant
from .registry import KINDS, RecordKind, kind_of, walk

_CACHE: dict[Path, tuple[float, Views]] = {}


def get_views(path: str | Path) -> Views:
    """Load the catalogue once per change of the file (mkdocs serve reloads on edits)."""
    path = Path(path).resolve()
    mtime = path.stat().st_mtime
    cached = _CACHE.get(path)
    if cached is None or cached[0] != mtime:
        _CACHE[path] = (mtime, Views(load_catalog(path)))
    return _CACHE[path][1]


class Views:
    # Facets for the module finder, derived from the data so editors keep one fact in one place.
    SETTINGS = {"individueel": "Individueel", "groep": "In een groep", "aan-huis": "Aan huis of outreachend"}
    DURATION_CLASSES = {"kort": "Kort (tot 6 weken)", "middel": "Middellang (7 tot 26 weken)",
                        "lang": "Lang (meer dan 26 weken)", "onbekend": "Duur niet in weken bekend"}
    _AT_HOME = re.compile(r"thuis|huisbezoek|aan huis|outreach|bij de cliënt|woonomgeving", re.I)

    def __init__(self, loaded: LoadedCatalog):
        self.loaded = loaded
        self.catalog = loaded.catalog
        # kind name -> key -> record, e.g. self.table["module"]["intake"]
        self.table: dict[str, dict[str, object]] = {
            kind.name: {kind.key_of(r): r for r in getattr(self.catalog, kind.section)}
            for kind in KINDS.values()}
        self.modules = self.table["module"]
        self.functions = self.table["function"]
        self.velden = {int(k): v for k, v in self.table["veld"].items()}
        self.target_groups = self.table["target_group"]
        self.partners = self.table["partner"]
        self.programmes = self.table["programme"]
        self.cases = self.table["case"]
        self.publications = self.table["publication"]
        self.group_types = {t.id: t for t in self.catalog.group_work.typology}

    def records(self, kind: str) -> list:
        return getattr(self.catalog, KINDS[kind].section)

    def lookup(self, kind: str, key) -> object:
        return self.table[kind][str(key)]

    # --- backlinks ------------------------------------------------------------------------------

    @cached_property
    def _referrers(self) -> dict[tuple[str, str], dict[str, list]]:
        """(kind, key) -> referring kind -> records that point to it, in catalogue order."""
        index: dict[tuple[str, str], dict[str, list]] = {}
        for kind in KINDS.values():
            for record in self.records(kind.name):
                # Once per target, however many of the record's fields name it (an organisation's
                # variant and its own module that "lijkt op" the same module).
                targets = dict.fromkeys((target_kind, str(key)) for path, target_kind in self.references_of(kind).items()
                                        for key in walk(record, path))
                for target in targets:
                    index.setdefault(target, {}).setdefault(kind.name, []).append(record)
        return index

    @staticmethod
    def references_of(kind: RecordKind) -> dict[str, str]:
        return kind.all_references

    def referring(self, record, kind: str) -> list:
        """Records of `kind` that point to `record`: referring(intake, 'programme')."""
        own = kind_of(record)
        return self._referrers.get((own.name, own.key_of(record)), {}).get(kind, [])

    def resolve(self, record, path: str) -> list:
        """The records a field of `record` points to: resolve(module, 'functions')."""
        target = self.references_of(kind_of(record))[path]
        return [self.lookup(target, key) for key in dict.fromkeys(walk(record, path))]

    # --- facets ---------------------------------------------------------------------------------

    def modules_via_functions(self, veld: Prestatieveld) -> list[tuple[Module, str, str]]:
        """Modules a field takes in through a whole function: (module, function id, extent).
        Modules the field also names are left out: they are listed as named."""
        named = {m.id for m in self.referring(veld, "module")}
        out, seen = [], set(named)
        for assignment in veld.functions:
            for module in self.referring(self.functions[assignment.function], "module"):
                if module.id not in seen:
                    seen.add(module.id)
                    out.append((module, assignment.function, assignment.extent))
        return out

    def modules_listed_on(self, record) -> list[Module]:
        """The modules a facet record's page lists, page by page (for a field: those it names;
        the modules it takes in through a function follow per function)."""
        if kind_of(record).name in ("function", "veld", "target_group", "partner"):
            return self.referring(record, "module")
        return []

    def velden_of(self, module: Module) -> tuple[list[Prestatieveld], list[Prestatieveld]]:
        """(named, via a function) prestatievelden of a module."""
        named = [self.velden[n] for n in module.prestatievelden]
        via = [v for v in self.catalog.prestatievelden if v.number not in module.prestatievelden
               and any(a.function in module.functions for a in v.functions)]
        return named, via

    def programmes_with_function(self, function_id: str) -> list[Programme]:
        modules = {m.id for m in self.referring(self.functions[function_id], "module")}
        return [p for p in self.catalog.programmes if modules & set(self.programme_module_ids(p))]

    @staticmethod
    def programme_module_ids(programme: Programme) -> list[str]:
        return list(dict.fromkeys(walk(programme, "steps.modules.module")))

    def related_modules(self, module: Module) -> list[Module]:
        """Related both ways: a link written on either module shows on both pages."""
        back = [m for m in self.referring(module, "module") if m.id not in module.related]
        return [self.modules[i] for i in module.related] + back

    @cached_property
    def matrix(self) -> dict[tuple[str, int], list[tuple[Module, bool]]]:
        """(function, veld) -> (module, named) pairs; named False: the field takes in the function."""
        cells: dict[tuple[str, int], list[tuple[Module, bool]]] = {}
        for veld in self.catalog.prestatievelden:
            for m in self.referring(veld, "module"):
                for f in m.functions:
                    cells.setdefault((f, veld.number), []).append((m, True))
            for m, function, _ in self.modules_via_functions(veld):
                cells.setdefault((function, veld.number), []).append((m, False))
        return cells

    def settings(self, module: Module) -> list[str]:
        found = [module.kind]
        if self._AT_HOME.search(module.setting or ""):
            found.append("aan-huis")
        return found

    def duration_class(self, module: Module) -> str:
        weeks = self.figures(module).weeks
        if weeks is None:
            return "onbekend"
        return "kort" if weeks.max <= 6 else "middel" if weeks.max <= 26 else "lang"

    # --- durations ------------------------------------------------------------------------------

    def duration(self, module: Module) -> tuple[Duration, str | None]:
        """A module's duration and where it comes from. A *described* group module without figures
        of its own falls back on the general group-work guideline, labelled as such; a module that
        is only named or still to be developed has no figures at all."""
        own = module.duration or Duration()
        if own.weeks or own.contacts:
            return own, OWN
        if module.kind == "groep" and module.status == "beschreven":
            defaults = self.catalog.group_work.defaults
            merged = {k: getattr(own, k) if getattr(own, k) is not None else getattr(defaults, k)
                      for k in Duration.model_fields if k != "text"}
            return Duration(text=own.text, **merged), GROUP_WORK
        return own, None

    def figures(self, module: Module) -> Figures:
        d, origin = self.duration(module)
        return Figures(module.id, module.name,
                       Span(d.weeks.min, d.weeks.max) if d.weeks else None,
                       Span(d.contacts.min, d.contacts.max) if d.contacts else None,
                       origin if (d.weeks or d.contacts) else None)

    def plan_total(self, plan: list[list[str]]) -> PlanTotal:
        """Indicative duration of any plan: steps of module ids (programme pages, trajectbouwer)."""
        return durations.total([[self.figures(self.modules[i]) for i in step] for step in plan])

    def programme_plan(self, programme: Programme, roles=("kern",)) -> list[list[str]]:
        steps = [[e.module for e in step.modules if e.role in roles] for step in programme.steps]
        return [s for s in steps if s]

    def programme_total(self, programme: Programme, roles=("kern",)) -> PlanTotal:
        return self.plan_total(self.programme_plan(programme, roles))

    # --- regional variants ----------------------------------------------------------------------

    def variants_of(self, module: Module) -> list[tuple[Organisation, Variant]]:
        """Which organisations record a variant of this module, and how."""
        return self._variants_by_module.get(module.id, [])

    @cached_property
    def _variants_by_module(self) -> dict[str, list[tuple[Organisation, Variant]]]:
        # Asked for on every module page, its search markup and open data: index once.
        found: dict[str, list[tuple[Organisation, Variant]]] = {}
        for org in self.catalog.organisations:
            for variant in org.variants:
                found.setdefault(variant.module, []).append((org, variant))
        return found

    def own_modules_like(self, module: Module) -> list[tuple[Organisation, OwnModule]]:
        return [(org, own) for org in self.referring(module, "organisation")
                for own in org.own_modules if own.like == module.id]

    @cached_property
    def municipalities(self) -> dict[str, list[Organisation]]:
        """gemeente -> organisations that serve it, gemeenten in alphabetical order."""
        found: dict[str, list[Organisation]] = {}
        for org in self.catalog.organisations:
            for gemeente in org.werkgebied:
                found.setdefault(gemeente, []).append(org)
        return dict(sorted(found.items(), key=lambda item: item[0].lstrip("'").lower()))

    def traject_check(self, module_ids: list[str]) -> list[str]:
        """Seed 002: a traject has at least one access and one execution module. Returns the kinds
        ('toegang', 'uitvoering') that are missing."""
        kinds = {self.functions[f].kind for i in module_ids for f in self.modules[i].functions}
        return [k for k in ("toegang", "uitvoering") if k not in kinds]
