"""Load data/modules.yaml into the typed model, or explain in plain Dutch what is wrong.

Every problem is reported with file:line, the record, the field, what was expected and, for a
mistyped id or field name, the closest valid one. All problems are collected in one run so an
editor can fix them in one go.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import BaseModel, ValidationError

from .model import DUTCH_FIELD_NAMES, ID_PATTERN, Catalog, Organisation
from .paths import repo_relative
from .registry import KINDS

# Sections that hold lists of records, the key that identifies a record in each, and the Dutch word.
RECORD_SECTIONS = {kind.section: kind.key for kind in KINDS.values()}
SECTION_NAMES = {kind.section: kind.singular for kind in KINDS.values()} | {"group_work": "groepswerk"}


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    record: str
    field: str
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}"
        what = f"{self.record}, veld '{self.field}'" if self.field else self.record
        text = f"{where}: {what}: {self.message}"
        return f"{text}. {self.hint}" if self.hint else text


class CatalogError(Exception):
    """Raised with every problem found; str() is the full report for an editor."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        count = f"{len(problems)} fout" + ("en" if len(problems) != 1 else "")
        super().__init__(f"{count} in de catalogus:\n" + "\n".join(f"  {p}" for p in problems))


@dataclass(frozen=True)
class LoadedCatalog:
    catalog: Catalog
    path: Path
    lines: dict[tuple[str, str], tuple[int, int]]  # (section, id) -> first and last line, 1-based
    warnings: tuple[Problem, ...] = ()  # worth a look, but the catalogue is usable
    record_files: dict[str, str] = field(default_factory=dict)  # organisation id -> its file


def suggest(value: object, candidates) -> str:
    """'Bedoelde je ...?' for the closest candidate, or an empty string."""
    match = difflib.get_close_matches(str(value), [str(c) for c in candidates], n=1, cutoff=0.6)
    return f"Bedoelde je '{match[0]}'?" if match else ""


def load_catalog(path: str | Path) -> LoadedCatalog:
    """The catalogue in `path` plus every organisation file in organisaties/ beside it."""
    path = Path(path)
    label = repo_relative(path)  # messages name the file as the editor sees it in the repository
    raw = _parse_yaml(path, label)
    problems = _schema_problems(label, raw) + _reference_problems(label, raw)
    organisations, org_problems, org_files = _load_organisations(path.parent, raw)
    problems = sorted(set(problems), key=lambda p: (p.line, p.field, p.message)) + org_problems
    if problems:
        raise CatalogError(problems)
    catalog = Catalog.model_validate({**_plain(raw), "organisations": organisations})
    lines = _record_lines(raw, raw.line_count)
    lines.update({("organisations", key): (1, count) for key, (_, count) in org_files.items()})
    return LoadedCatalog(catalog, path, lines, tuple(_traject_warnings(label, raw, catalog)),
                         {key: file for key, (file, _) in org_files.items()})


# --- organisation files: data/organisaties/<id>.yaml ------------------------------------------------

ORGANISATION_FOLDER = "organisaties"
MUNICIPALITIES_FILE = "gemeenten.yaml"


@dataclass(frozen=True)
class Municipalities:
    names: frozenset[str]
    aliases: dict[str, str]
    source: str


def load_municipalities(data_dir: Path) -> Municipalities | None:
    path = data_dir / MUNICIPALITIES_FILE
    if not path.exists():
        return None
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    names = frozenset(n for province in data["provinces"].values() for n in province)
    return Municipalities(names, dict(data.get("aliases") or {}), str(data.get("source", "")))


def _load_organisations(data_dir: Path, catalogue_raw):
    """Each file is validated like the catalogue: all problems, with its own file and line."""
    folder = data_dir / ORGANISATION_FOLDER
    files = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    if not files:
        return [], [], {}
    municipalities = load_municipalities(data_dir)
    ids = {kind.name: _ids(catalogue_raw, kind.section) for kind in KINDS.values()}
    organisations, problems, seen = [], [], {}
    for file in files:
        label = repo_relative(file)
        try:
            org = _parse_yaml(file, label)
        except CatalogError as exc:
            problems += exc.problems
            continue
        root = LocatedDict({"organisations": LocatedList([org])})  # locate as a catalogue section
        root.key_lines, root["organisations"].item_lines = {"organisations": 1}, [1]
        found = []
        try:
            Organisation.model_validate(_plain(org))
        except ValidationError as exc:
            for err in exc.errors():
                err = dict(err, loc=("organisations", 0, *err["loc"]))
                found.append(_problem_from_error(label, root, err))
        found += _organisation_references(label, root, org, ids, municipalities)
        ident = org.get("id")
        if ident != file.stem:
            found.append(Problem(label, org.key_lines.get("id", 1), f"organisatie '{ident}'", "id",
                                 f"de id '{ident}' verschilt van de bestandsnaam '{file.name}'",
                                 f"Noem het bestand '{ident}.yaml' of geef het record de id '{file.stem}'."))
        if ident in seen:
            found.append(Problem(label, org.key_lines.get("id", 1), f"organisatie '{ident}'", "id",
                                 f"organisatie '{ident}' staat ook in {seen[ident]}", "Geef elke organisatie een eigen id."))
        seen[ident] = label
        problems += sorted(set(found), key=lambda p: (p.line, p.field, p.message))
        if not found:
            organisations.append(_plain(org))
    files_by_id = {file.stem: (repo_relative(file), len(file.read_text(encoding="utf-8").splitlines()))
                   for file in files}  # id == file name, checked above: for edit links
    return organisations, problems, files_by_id


def _organisation_references(label, root, org, ids, municipalities) -> list[Problem]:
    problems = []
    kind = KINDS["organisation"]
    for path, target in kind.all_references.items():
        for loc, value in _walk_located(org, path.split("."), ("organisations", 0)):
            if value is not None and value not in ids[target]:
                word = KINDS[target].singular
                problems.append(Problem(label, _line_of(root, loc), _record_label(root, loc), _field_path(loc),
                                        f"onbekende {word} '{value}'",
                                        suggest(value, ids[target]) or f"Kies een id uit '{KINDS[target].section}'."))
    for loc, value in _walk_located(org, ["own_modules", "id"], ("organisations", 0)):
        if value in ids["module"]:
            problems.append(Problem(label, _line_of(root, loc), _record_label(root, loc), _field_path(loc),
                                    f"'{value}' is al een landelijke module",
                                    "Beschrijf je versie als variant (variants) of kies een andere id."))
    seen_variants: set = set()
    for loc, value in _walk_located(org, ["variants", "module"], ("organisations", 0)):
        if value in seen_variants:
            problems.append(Problem(label, _line_of(root, loc), _record_label(root, loc), _field_path(loc),
                                    f"module '{value}' heeft twee varianten", "Voeg ze samen tot één variant."))
        seen_variants.add(value)
    if municipalities:
        for loc, value in _walk_located(org, ["werkgebied"], ("organisations", 0)):
            if value in municipalities.names:
                continue
            official = municipalities.aliases.get(value)
            hint = (f"De officiële naam is '{official}'." if official else
                    suggest(value, municipalities.names) or "Zie data/gemeenten.yaml voor de namen.")
            problems.append(Problem(label, _line_of(root, loc), _record_label(root, loc), _field_path(loc),
                                    f"'{value}' is geen gemeente volgens {municipalities.source}", hint))
    return problems


def _traject_warnings(label: str, raw, catalog: Catalog) -> list[Problem]:
    """Seed 002: every traject has at least one access and at least one execution module."""
    kinds = {f.id: f.kind for f in catalog.functions}
    modules = {m.id: m for m in catalog.modules}
    warnings = []
    for i, programme in enumerate(catalog.programmes):
        present = {kinds[f] for step in programme.steps for e in step.modules
                   for f in modules[e.module].functions}
        for kind, word in (("toegang", "toegangsmodule"), ("uitvoering", "uitvoeringsmodule")):
            if kind not in present:
                warnings.append(Problem(
                    label, _line_of(raw, ("programmes", i, "steps")), f"programma '{programme.id}'",
                    "steps", f"waarschuwing: geen {word}",
                    "Een traject heeft ten minste één toegangs- en één uitvoeringsmodule "
                    "(notitie AMW en BMW). Voeg er een toe, of leg in de beschrijving uit waarom niet."))
    return warnings


# --- parsing ---------------------------------------------------------------------------------

class LocatedDict(dict):
    """A YAML mapping that remembers the line of each key (1-based)."""
    key_lines: dict
    line_count: int


class LocatedList(list):
    """A YAML sequence that remembers the line of each item (1-based)."""
    item_lines: list


# libyaml's C parser: a fraction of the time of a pure-Python one on the whole catalogue.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _parse_yaml(path: Path, label: str):
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogError([Problem(label, 1, "bestand", "", f"kan het bestand niet lezen ({exc})")]) from None
    try:
        root = yaml.compose(text, Loader=_Loader)
        raw = _located(root, yaml.constructor.SafeConstructor(), label) if root else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message, hint = _explain_yaml_error(" ".join(filter(None, (exc.context, exc.problem))))
        raise CatalogError([Problem(label, line, f"YAML-fout in kolom {col}", "", message, hint)]) from None
    if not isinstance(raw, LocatedDict):
        raise CatalogError([Problem(label, 1, "bestand", "", "het bestand bevat geen velden",
                                    "Begin met 'version:', 'modules:' enzovoort.")])
    raw.line_count = len(text.splitlines())  # for the last record's edit-link range
    return raw


_TEXT = "tag:yaml.org,2002:str"


def _located(node, constructor, label: str):
    """YAML node tree -> dicts, lists and values that know their line numbers."""
    if isinstance(node, yaml.MappingNode):
        result = LocatedDict()
        result.key_lines = {}
        for key_node, value_node in node.value:
            key = _located(key_node, constructor, label)
            line = key_node.start_mark.line + 1
            if key in result:
                raise CatalogError([Problem(
                    label, line, f"YAML-fout in kolom {key_node.start_mark.column + 1}", "",
                    f"veld '{key}' staat twee keer in hetzelfde record",
                    "Haal een van de twee weg of voeg ze samen.")])
            result[key] = _located(value_node, constructor, label)
            result.key_lines[key] = line
        return result
    if isinstance(node, yaml.SequenceNode):
        result = LocatedList(_located(item, constructor, label) for item in node.value)
        result.item_lines = [item.start_mark.line + 1 for item in node.value]
        return result
    if node.tag == _TEXT:  # most values: the text as written, without the constructor's bookkeeping
        return node.value
    return constructor.construct_object(node)


GENERAL_YAML_HINT = ("Controleer de inspringing (spaties, geen tabs), de dubbele punt na elke veldnaam "
                     "en aanhalingstekens rond tekst met een dubbele punt erin.")
YAML_PROBLEMS = [  # the parser's words -> what an editor should know, in Dutch
    (r"tab character|(\\t|character) that cannot start", "er staat een tab of een teken dat hier niet mag",
     "Spring in met spaties, niet met tabs."),
    (r"could not find expected ':'", "er ontbreekt een dubbele punt",
     "Zet een dubbele punt direct na de veldnaam, bijvoorbeeld 'name: Intake'. Kijk ook op de regel erboven."),
    (r"mapping values are not allowed", "een dubbele punt op een plek waar YAML die niet verwacht",
     "Staat er een dubbele punt in je tekst? Zet de tekst dan tussen aanhalingstekens."),
    (r"expected <block end>|did not find expected (key|'-' indicator)", "de inspringing klopt niet",
     "Deze regel springt anders in dan de regels eromheen; lijn hem uit met zijn buren."),
]


def _explain_yaml_error(problem: str) -> tuple[str, str]:
    for pattern, message, hint in YAML_PROBLEMS:
        match = re.search(pattern, problem)
        if match:
            return message.format(*match.groups()), hint
    return f"onleesbare YAML ({problem or 'onbekende fout'})", GENERAL_YAML_HINT


def _plain(node):
    """Located containers -> plain dict/list, so the model holds ordinary values."""
    if isinstance(node, dict):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    return node


# --- locating things in the file ------------------------------------------------------------------

def _line_of(raw, loc) -> int:
    """1-based line of the deepest part of `loc` that exists in the YAML tree."""
    node, line = raw, 1
    for part in loc:
        if isinstance(node, LocatedDict) and part in node:
            line, node = node.key_lines[part], node[part]
        elif isinstance(node, LocatedList) and isinstance(part, int) and part < len(node):
            line, node = node.item_lines[part], node[part]
        else:
            break
    return line


def _record_label(raw, loc) -> str:
    section = loc[0] if loc else ""
    name = SECTION_NAMES.get(section, str(section) or "bestand")
    if section in RECORD_SECTIONS and len(loc) > 1 and isinstance(loc[1], int):
        items = raw.get(section)
        key = RECORD_SECTIONS[section]
        if isinstance(items, list) and loc[1] < len(items) and isinstance(items[loc[1]], dict):
            ident = items[loc[1]].get(key)
            if ident is not None:
                return f"{name} '{ident}'"
        return f"{name} nr. {loc[1] + 1}"
    return name


def _field_path(loc) -> str:
    section = loc[0] if loc else ""
    rest = loc[2:] if section in RECORD_SECTIONS and len(loc) > 1 else loc[1:]
    # Editors count from 1: ('functions', 0) reads as "functions, item 1".
    return ", ".join(f"item {p + 1}" if isinstance(p, int) else str(p) for p in rest)


def _record_lines(raw, last_line: int) -> dict[tuple[str, str], tuple[int, int]]:
    """First and last line of every record, for edit links that open the YAML at the record."""
    top_starts = sorted(raw.key_lines.values())
    lines = {}
    for section, key in RECORD_SECTIONS.items():
        items = raw.get(section)
        if not isinstance(items, LocatedList):
            continue
        section_end = next((s - 1 for s in top_starts if s > raw.key_lines[section]), last_line)
        starts = items.item_lines
        for i, item in enumerate(items):
            end = starts[i + 1] - 1 if i + 1 < len(items) else section_end
            lines[(section, str(item.get(key)))] = (starts[i], end)
    return lines


# --- schema problems (types, required fields, allowed values) -------------------------------------

def _schema_problems(label: str, raw) -> list[Problem]:
    try:
        Catalog.model_validate(_plain(raw))
        return []
    except ValidationError as exc:
        return [_problem_from_error(label, raw, err) for err in exc.errors()]


TYPE_WORDS = {
    "string_type": "tekst", "int_type": "een geheel getal", "int_parsing": "een geheel getal",
    "list_type": "een lijst (regels die beginnen met '- ')", "dict_type": "velden (naam: waarde)",
    "model_type": "velden (naam: waarde)", "model_attributes_type": "velden (naam: waarde)",
    "bool_type": "ja/nee (true/false)",
}


def _problem_from_error(label: str, raw, err) -> Problem:
    loc = tuple(err["loc"])
    kind = err["type"]
    ctx = err.get("ctx") or {}
    value = err.get("input")
    line = _line_of(raw, loc)
    record = _record_label(raw, loc)
    field = _field_path(loc)
    hint = ""
    if kind == "missing":
        message = "verplicht veld ontbreekt"
        hint = f"Voeg '{loc[-1]}:' toe aan dit record."
    elif kind == "extra_forbidden":
        message = f"onbekend veld '{loc[-1]}'"
        hint = suggest_field(str(loc[-1]), _allowed_fields(loc)) or \
            "Verwijder het veld of zie CONTRIBUTING.md voor de velden."
    elif kind == "literal_error":
        allowed = str(ctx.get("expected", "")).replace(" or ", " of ")
        message = f"ongeldige waarde '{value}'; toegestaan: {allowed}"
        hint = suggest(value, re.findall(r"'([^']+)'", str(ctx.get("expected", ""))))
    elif kind == "string_pattern_mismatch" and ctx.get("pattern") == ID_PATTERN:
        message = f"id '{value}' heeft niet de juiste vorm (alleen kleine letters, cijfers en koppeltekens)"
        hint = f"Bijvoorbeeld '{_slug(value)}'."
    elif kind in TYPE_WORDS:
        message = f"verwacht {TYPE_WORDS[kind]}, maar vond {_describe(value)}"
    elif kind == "too_short":
        message = f"te weinig items: minstens {ctx.get('min_length')} nodig"
    elif kind == "string_too_short":
        message = f"tekst is te kort: minstens {ctx.get('min_length')} tekens nodig"
    elif kind == "too_long":
        message = f"te veel items: hoogstens {ctx.get('max_length')} toegestaan"
    elif kind in ("greater_than_equal", "less_than_equal"):
        bound = ctx.get("ge", ctx.get("le"))
        word = "minstens" if kind == "greater_than_equal" else "hoogstens"
        message = f"waarde {value} moet {word} {bound} zijn"
    elif kind == "value_error":
        message = str(ctx.get("error", err["msg"]))
    else:
        message = err["msg"]
    return Problem(label, line, record, field, message, hint)


def suggest_field(name: str, allowed: list[str]) -> str:
    """'Bedoelde je ...?' for a mistyped field, in English or in Dutch: 'doelgroepen' and
    'target_group' both lead to 'target_groups'."""
    by_word = {field: field for field in allowed}
    by_word.update({DUTCH_FIELD_NAMES[f]: f for f in allowed if f in DUTCH_FIELD_NAMES})
    key = name.lower().replace(" ", "_")
    match = by_word.get(key) or next(iter(difflib.get_close_matches(key, list(by_word), n=1, cutoff=0.6)), None)
    if not match:
        return ""
    field = by_word[match]
    dutch = DUTCH_FIELD_NAMES.get(field)
    return f"Bedoelde je '{field}'" + (f" ({dutch})?" if dutch and dutch != field else "?")


def _allowed_fields(loc) -> list[str]:
    """Field names allowed at the place of an unknown field, for a suggestion."""
    model: type[BaseModel] | None = Catalog
    for part in loc[:-1]:
        if isinstance(part, int) or model is None:
            continue
        annotation = model.model_fields.get(part)
        model = _inner_model(annotation.annotation) if annotation else None
    return list(model.model_fields) if model else []


def _inner_model(annotation):
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found:
            return found
    return None


def _describe(value) -> str:
    if isinstance(value, dict):
        return "velden (naam: waarde)"
    if isinstance(value, list):
        return "een lijst"
    if value is None:
        return "niets (leeg veld)"
    text = str(value)
    return f"'{text[:60]}…'" if len(text) > 60 else f"'{text}'"


def _slug(value) -> str:
    return re.sub(r"[^a-z0-9]+", "-", str(value).lower()).strip("-") or "mijn-id"


# --- reference problems (ids that must exist, be unique and be used) --------------------------------

def _reference_problems(label: str, raw) -> list[Problem]:
    """Every reference the registry names must resolve; ids must be unique."""
    ids = {kind.name: _ids(raw, kind.section) for kind in KINDS.values()}
    problems: list[Problem] = []

    def report(loc, message, hint=""):
        problems.append(Problem(label, _line_of(raw, loc), _record_label(raw, loc),
                                _field_path(loc), message, hint))

    def check(loc, value, kind_name):
        kind = KINDS[kind_name]
        if value is not None and value not in ids[kind_name]:
            report(loc, f"onbekende {kind.singular} '{value}'", suggest(value, ids[kind_name])
                   or f"Kies een id uit '{kind.section}'.")

    for kind in KINDS.values():
        seen: set = set()
        references = kind.all_references
        for i, item in _records(raw, kind.section):
            ident = item.get(kind.key)
            if ident in seen:
                report((kind.section, i, kind.key), f"{kind.singular} '{ident}' komt twee keer voor",
                       "Geef elk record een eigen id.")
            seen.add(ident)
            for path, target in references.items():
                for loc, value in _walk_located(item, path.split("."), (kind.section, i)):
                    check(loc, value, target)

    gw_source = _dict(_dict(raw.get("group_work")).get("source"))
    check(("group_work", "source", "publication"), gw_source.get("publication"), "publication")
    group_types = {t.get("id") for t in _list(_dict(raw.get("group_work")).get("typology"))
                   if isinstance(t, dict)}
    for i, module in _records(raw, "modules"):
        if module.get("id") in _list(module.get("related")):
            report(("modules", i, "related"), "een module kan niet aan zichzelf verwant zijn")
        group_type = module.get("group_type")
        if group_type is not None and group_type not in group_types:
            report(("modules", i, "group_type"), f"onbekend groepstype '{group_type}'",
                   suggest(group_type, group_types) or "Kies een id uit group_work.typology.")

    _report_unused(raw, report)
    return problems


def _walk_located(node, parts: list[str], loc: tuple):
    """(location, value) for every value at a dotted path, with list positions in the location."""
    if not parts:
        if isinstance(node, list):
            for j, value in enumerate(node):
                yield loc + (j,), value
        else:
            yield loc, node
        return
    if isinstance(node, list):
        for j, item in enumerate(node):
            yield from _walk_located(item, parts, loc + (j,))
    elif isinstance(node, dict) and parts[0] in node:
        yield from _walk_located(node[parts[0]], parts[1:], loc + (parts[0],))


def _report_unused(raw, report) -> None:
    """A target group or prestatieveld that nothing points to is a sign of a lost link."""
    used_groups, used_velden = set(), set()
    for section in ("modules", "programmes"):
        for _, item in _records(raw, section):
            used_groups.update(_list(item.get("target_groups")))
            used_velden.update(_list(item.get("prestatievelden")))
    for i, group in _records(raw, "target_groups"):
        if group.get("id") not in used_groups:
            report(("target_groups", i, "id"), f"doelgroep '{group.get('id')}' wordt door geen enkele "
                   "module of programma gebruikt", "Koppel haar aan een module of verwijder haar.")
    for i, veld in _records(raw, "prestatievelden"):
        if veld.get("number") not in used_velden:
            report(("prestatievelden", i, "number"), f"prestatieveld {veld.get('number')} wordt door "
                   "geen enkele module of programma gebruikt", "Koppel het aan een module of programma.")


def _ids(raw, section) -> set:
    key = RECORD_SECTIONS[section]  # ids compare as the YAML has them: prestatievelden by number
    return {item.get(key) for _, item in _records(raw, section)}


def _records(raw, section):
    return [(i, item) for i, item in enumerate(_list(raw.get(section))) if isinstance(item, dict)]


def _list(value) -> list:
    return value if isinstance(value, list) else []


def _dict(value) -> dict:
    return value if isinstance(value, dict) else {}
