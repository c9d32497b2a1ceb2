"""What each kind of record *is*, written once.

The loader's reference checks, the backlink index in the views, page generation, open data and
the macros for hand-written pages all read this table. Adding a record kind is one entry here,
one model class and one page template (plus an index template) in macros/site/templates/.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .model import (
    Case,
    Function,
    Module,
    Organisation,
    Partner,
    Prestatieveld,
    Programme,
    Publication,
    TargetGroup,
)


@dataclass(frozen=True)
class RecordKind:
    name: str                 # 'module': the macro name and the kind in 'module:intake'
    model: type
    section: str              # the list in data/modules.yaml
    singular: str             # Dutch words an editor and a reader see
    plural: str
    key: str = "id"           # the field that identifies a record
    folder: str | None = None  # URL folder of its pages; None: no pages of its own
    # field -> kind name of the records it points to. A dotted field walks into lists:
    # 'steps.modules.module' is every module of every step.
    references: dict[str, str] = field(default_factory=dict)
    sourced: bool = True      # has a `source` that points to a publication

    @property
    def all_references(self) -> dict[str, str]:
        return {**self.references, **({"source.publication": "publication"} if self.sourced else {})}

    def key_of(self, record) -> str:
        return str(getattr(record, self.key))

    def title_of(self, record) -> str:
        if isinstance(record, Prestatieveld):
            return f"Prestatieveld {record.number}: {record.name}"
        if isinstance(record, Organisation) and record.example:
            return f"{record.name} (voorbeeld)"
        return getattr(record, "title", None) or record.name

    @property
    def template(self) -> str:
        return f"{self.name}.md.j2"

    @property
    def index_template(self) -> str:
        return f"{self.name}_index.md.j2"


KINDS: dict[str, RecordKind] = {kind.name: kind for kind in (
    RecordKind("publication", Publication, "publications", "publicatie", "publicaties",
               folder="bronnen", sourced=False),
    RecordKind("function", Function, "functions", "functie", "functies", folder="functies"),
    RecordKind("veld", Prestatieveld, "prestatievelden", "prestatieveld", "prestatievelden",
               key="number", folder="wmo", references={"functions.function": "function"}),
    RecordKind("target_group", TargetGroup, "target_groups", "doelgroep", "doelgroepen",
               folder="doelgroepen"),
    RecordKind("partner", Partner, "partners", "ketenpartner", "ketenpartners",
               folder="ketenpartners"),
    RecordKind("module", Module, "modules", "module", "modules", folder="modules", references={
        "functions": "function", "target_groups": "target_group", "prestatievelden": "veld",
        "partners": "partner", "related": "module"}),
    RecordKind("programme", Programme, "programmes", "programma", "programma's",
               folder="programmas", references={
        "target_groups": "target_group", "prestatievelden": "veld", "partners": "partner",
        "steps.modules.module": "module"}),
    RecordKind("case", Case, "cases", "casus", "casussen", folder="casussen", references={
        "modules": "module", "programmes": "programme", "partners": "partner"}),
    # Organisations live in data/organisaties/<id>.yaml, one file each, not in modules.yaml.
    RecordKind("organisation", Organisation, "organisations", "organisatie", "organisaties",
               folder="organisaties", sourced=False, references={
        "variants.module": "module", "own_modules.like": "module",
        "own_modules.functions": "function", "own_modules.target_groups": "target_group"}),
)}
BY_MODEL: dict[type, RecordKind] = {kind.model: kind for kind in KINDS.values()}


def kind_of(record) -> RecordKind:
    return BY_MODEL[type(record)]


def walk(value, path: str) -> list:
    """Values at a dotted path in plain data or in model objects: 'steps.modules.module'."""
    values = [value]
    for part in path.split("."):
        found = []
        for v in values:
            item = v.get(part) if isinstance(v, dict) else getattr(v, part, None)
            if isinstance(item, list):
                found.extend(item)
            elif item is not None:
                found.append(item)
        values = found
    return values
