"""Typed model of data/modules.yaml.

The pydantic classes are the single definition of the data: the loader validates against them,
the JSON Schema in data/modules.schema.json is exported from them, and the site reads them.
Field names are English; values an editor sees (status, kind, ...) are Dutch.
"""
from __future__ import annotations

from typing import Annotated, Literal, get_args

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

# Field names are English; editors think in Dutch. The Dutch word for each field, so a message can
# name both and "did you mean" finds 'doelgroepen' -> 'target_groups'.
DUTCH_FIELD_NAMES = {
    "target_groups": "doelgroepen", "audience": "doelgroep", "goals": "doelen", "method": "werkwijze",
    "preconditions": "randvoorwaarden", "additional_information": "aanvullende_informatie",
    "functions": "functies", "partners": "ketenpartners", "related": "verwant",
    "search_terms": "zoektermen", "summary": "samenvatting", "name": "naam", "duration": "duur",
    "notes": "opmerkingen", "source": "bron", "steps": "stappen", "results": "resultaten",
    "kind": "soort", "programmes": "programmas", "cases": "casussen", "story": "verhaal",
    "lessons": "lessen", "title": "titel", "description": "beschrijving", "modules": "modules",
    "weeks": "weken", "editorial_choice": "keuze_van_de_redactie", "contacts": "contacten", "text": "tekst", "role": "rol",
    "publication": "publicatie", "sector": "sector", "section": "paragraaf", "definition": "definitie",
    "local_name": "lokale_naam", "local_partners": "lokale_ketenpartners", "variants": "varianten",
    "own_modules": "eigen_modules", "like": "lijkt_op", "maintainers": "beheerders",
    "last_checked": "laatst_gecontroleerd", "note": "toelichting", "signup": "aanmelden",
}

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Id = Field(pattern=ID_PATTERN, description="Stabiele id: kleine letters, cijfers en koppeltekens.")


def _unique_terms(terms: list[str]) -> list[str]:
    seen = set()
    for term in terms:
        if term.lower() in seen:
            raise ValueError(f"zoekterm '{term}' staat er twee keer in")
        seen.add(term.lower())
    return terms


# Words people type to find a record; they feed the site search.
SearchTerms = Annotated[list[Annotated[str, Field(min_length=2)]], AfterValidator(_unique_terms)]


class Record(BaseModel):
    # Unknown keys are errors, not silently ignored: a typo in a field name must not lose text.
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Source(Record):
    publication: str = Field(description="Id van de bronpublicatie (zie 'publications').")
    section: str = Field(min_length=1, description="Hoofdstuk, paragraaf of pagina in de bron.")


class Range(Record):
    min: int = Field(ge=0)
    max: int = Field(ge=0)

    @model_validator(mode="after")
    def _min_not_above_max(self) -> Range:
        if self.min > self.max:
            raise ValueError(f"min ({self.min}) is groter dan max ({self.max})")
        return self


class Duration(Record):
    text: str | None = Field(None, description="Duur en frequentie in woorden.")
    contacts: Range | None = Field(None, description="Aantal contacten of bijeenkomsten.")
    minutes_per_contact: Range | None = None
    weeks: Range | None = Field(None, description="Totale looptijd in weken.")


class Sourced(Record):
    """A record that traces to a source, and says so where the editors had to choose."""
    source: Source
    editorial_choice: str | None = Field(
        None, description="Keuze van de redactie: wat de bronnen openlaten of waarin ze verschillen, "
                          "en wat de kennisbank daarom doet. Verschijnt op de pagina.")


class Publication(Record):
    id: str = Id
    title: str
    publisher: str
    year: str | None = None
    description: str


class Function(Sourced):
    id: str = Id
    name: str
    kind: Literal["toegang", "uitvoering"]
    definition: str


class VeldFunction(Record):
    """A Wmo field that draws on the modules of a whole function, as the book says it."""
    function: str
    extent: Literal["alle", "vrijwel alle", "als het nodig is"] = Field(
        "alle", description="Hoe de bron het zegt: alle modulen, vrijwel alle, of als het nodig is.")


class Prestatieveld(Sourced):
    number: int = Field(ge=1, le=9)
    name: str
    short_name: str = Field(description="Korte naam voor overzichten, zoals 'Meedoen'.")
    functions: list[VeldFunction] = Field(
        [], description="Functies waarvan de bron (vrijwel) alle modulen bij dit veld rekent.")
    law: str
    amw_offer: str


class TargetGroup(Sourced):
    id: str = Id
    name: str
    description: str


# Sectors of chain partners, in the order the partner index shows them; Dutch labels per id.
SECTORS = {"zorg": "Zorg", "jeugd-en-onderwijs": "Jeugd en onderwijs", "veiligheid": "Veiligheid",
           "werk-en-inkomen": "Werk en inkomen", "gemeente-en-welzijn": "Gemeente en welzijn",
           "opvang-en-wonen": "Opvang en wonen", "overig": "Overig"}
Sector = Literal["zorg", "jeugd-en-onderwijs", "veiligheid", "werk-en-inkomen", "gemeente-en-welzijn",
                 "opvang-en-wonen", "overig"]
assert set(SECTORS) == set(get_args(Sector)), "SECTORS and Sector name the same sectors"


class Partner(Sourced):
    id: str = Id
    name: str
    sector: Sector = Field(description="Sector waarin de ketenpartner werkt; het overzicht van "
                                       "ketenpartners groepeert hierop.")
    description: str
    offer: str
    referral: str
    feedback: str
    search_terms: SearchTerms = Field([], description="Woorden waarop mensen zoeken, ook de huidige naam "
                                                        "van een organisatie die niet meer zo heet.")


class GroupType(Record):
    id: str = Id
    name: str
    description: str


class GroupWork(Sourced):
    introduction: str
    typology: list[GroupType] = Field(min_length=1)
    features: list[str] = Field(min_length=1)
    defaults: Duration


class Module(Sourced):
    id: str = Id
    name: str
    status: Literal["beschreven", "genoemd", "nog-te-ontwikkelen"]
    discipline: Literal["AMW", "BMW"]
    kind: Literal["individueel", "groep"]
    functions: list[str] = Field(min_length=1, max_length=2, description="Hoofdfunctie eerst.")
    summary: str
    target_groups: list[str] = Field(min_length=1)
    prestatievelden: list[int] = []
    partners: list[str] = []
    related: list[str] = []
    search_terms: SearchTerms = []
    group_type: str | None = None
    audience: str | None = Field(None, description="Doelgroep in woorden: wie, in welke situatie, wie verwijst.")
    goals: list[str] = Field([], description="Doelen, gezien vanuit de cliënt.")
    duration: Duration | None = None
    setting: str | None = None
    method: list[str] = Field([], description="Werkwijze: elk punt begint met een werkwoord.")
    additional_information: str | None = Field(None, description="Aanvullende informatie uit de bron.")
    preconditions: list[str] = Field([], description="Randvoorwaarden voor de organisatie.")
    notes: str | None = None

    @model_validator(mode="after")
    def _described_modules_are_complete(self) -> Module:
        if self.status == "beschreven":
            missing = [f for f in ("audience", "goals", "duration", "setting", "method",
                                   "preconditions") if not getattr(self, f)]
            if missing:
                raise ValueError("een beschreven module mist: " + ", ".join(
                    f"{f} ({DUTCH_FIELD_NAMES.get(f, f)})" for f in missing))
        elif not self.notes:
            raise ValueError("een module die alleen genoemd is heeft 'notes' nodig: "
                             "wat zeggen de bronnen erover?")
        return self


class ProgrammeModule(Record):
    module: str
    role: Literal["kern", "optioneel"]


class Step(Record):
    modules: list[ProgrammeModule] = Field(min_length=1)


class Programme(Sourced):
    id: str = Id
    name: str
    summary: str
    description: str
    target_groups: list[str] = Field(min_length=1)
    prestatievelden: list[int] = []
    partners: list[str] = []
    search_terms: SearchTerms = []
    steps: list[Step] = Field(min_length=1, description="Na elkaar; modules binnen een stap naast elkaar.")
    results: list[str] = Field(min_length=1)


class Case(Sourced):
    id: str = Id
    title: str
    summary: str
    story: str
    lessons: list[str] = []
    modules: list[str] = Field(min_length=1)
    programmes: list[str] = []
    partners: list[str] = []


# --- regional variants: one file per organisation in data/organisaties/ ---------------------------

class Contact(Record):
    phone: str | None = Field(None, description="Openbaar telefoonnummer.")
    email: str | None = Field(None, description="Openbaar e-mailadres.")
    address: str | None = Field(None, description="Bezoekadres.")
    signup: str = Field(description="Hoe je je aanmeldt of iemand verwijst, in één of twee zinnen.")


class Variant(Record):
    """How one organisation offers a base module: only what differs from the national text."""
    module: str = Field(description="Id van de landelijke module.")
    status: Literal["zoals-beschreven", "aangepast", "niet-aangeboden"]
    local_name: str | None = Field(None, description="Naam waaronder de organisatie de module aanbiedt.")
    duration: Duration | None = None
    setting: str | None = None
    preconditions: list[str] = Field([], description="Extra of andere randvoorwaarden.")
    local_partners: list[str] = Field([], description="Lokale ketenpartners, met naam.")
    note: str | None = Field(None, description="Wat verder anders is, of waarom de module er niet is.")

    @model_validator(mode="after")
    def _changes_only_when_changed(self) -> Variant:
        changed = [f for f in ("local_name", "duration", "setting", "preconditions", "local_partners")
                   if getattr(self, f)]
        if self.status != "aangepast" and changed:
            raise ValueError(f"status '{self.status}' maar toch afwijkingen ({', '.join(changed)}); "
                             "gebruik status 'aangepast'")
        if self.status == "aangepast" and not (changed or self.note):
            raise ValueError("status 'aangepast' zonder afwijking: noem wat anders is")
        return self


class OwnModule(Record):
    """A module an organisation offers that the national catalogue lacks."""
    id: str = Id
    name: str
    like: str | None = Field(None, description="Id van de landelijke module waar deze op lijkt.")
    functions: list[str] = Field(min_length=1, max_length=2)
    target_groups: list[str] = Field(min_length=1)
    summary: str
    audience: str | None = None
    goals: list[str] = Field(min_length=1)
    duration: Duration | None = None
    setting: str | None = None
    method: list[str] = []
    preconditions: list[str] = []


class Organisation(Record):
    id: str = Id
    name: str
    kind: Literal["AMW", "BMW", "AMW en BMW"]
    example: bool = Field(False, description="true: een verzonnen voorbeeld, geen echte organisatie.")
    werkgebied: list[str] = Field(min_length=1, description="Gemeenten, zoals het CBS ze noemt.")
    contact: Contact
    website: str | None = None
    last_checked: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$", description="Laatst gecontroleerd, JJJJ-MM-DD.")
    maintainers: list[str] = Field(min_length=1, description="GitHub-namen (@naam) die dit bestand beheren.")
    variants: list[Variant] = []
    own_modules: list[OwnModule] = []


class Catalog(Record):
    """The whole catalogue: everything the site shows comes from here."""
    version: str = Field(description="Versie van de catalogus, bijvoorbeeld 2026.11.")
    licence: str
    publications: list[Publication] = Field(min_length=1)
    functions: list[Function] = Field(min_length=1)
    prestatievelden: list[Prestatieveld] = Field(min_length=1)
    target_groups: list[TargetGroup] = Field(min_length=1)
    partners: list[Partner] = Field(min_length=1)
    group_work: GroupWork
    modules: list[Module] = Field(min_length=1)
    programmes: list[Programme] = []
    cases: list[Case] = []
    organisations: list[Organisation] = Field([], description="Uit data/organisaties/*.yaml, niet uit dit bestand.")
