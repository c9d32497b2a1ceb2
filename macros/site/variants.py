"""How a regional variant differs from the national module, field by field, in Dutch."""
from __future__ import annotations

from dataclasses import dataclass

from ..catalogue.model import Module, Organisation, OwnModule, Variant
from ..catalogue.views import Views
from . import wording

STATUS_LABELS = {"zoals-beschreven": "Aangeboden zoals beschreven", "aangepast": "Aangeboden met lokale aanpassingen",
                 "niet-aangeboden": "Niet aangeboden"}


@dataclass(frozen=True)
class Difference:
    field: str        # Dutch field name as on the module page
    national: str
    local: str


def differences(views: Views, module: Module, variant: Variant) -> list[Difference]:
    """Only what the organisation changed; the rest of the module is as described nationally."""
    out = []
    if variant.local_name:
        out.append(Difference("Naam", module.name, variant.local_name))
    if variant.duration:
        national, origin = views.duration(module)
        out.append(Difference("Duur en frequentie", duration_text(national, origin),
                              duration_text(variant.duration, "eigen")))
    if variant.setting:
        out.append(Difference("Setting", module.setting or "niet beschreven", variant.setting))
    if variant.preconditions:
        out.append(Difference("Randvoorwaarden", "; ".join(module.preconditions) or "geen",
                              "; ".join(variant.preconditions)))
    if variant.local_partners:
        national = ", ".join(views.partners[p].name for p in module.partners) or "geen genoemd"
        out.append(Difference("Ketenpartners", national, ", ".join(variant.local_partners)))
    return out


def duration_text(duration, origin) -> str:
    figures = wording.module_figures(duration, origin)
    text = " ".join((duration.text or "").split())
    return " ".join(part for part in (text, f"({figures})" if figures else "") if part) or "geen duur bekend"


@dataclass(frozen=True)
class Regional:
    """Everything the organisations recorded about one national module, grouped by what a reader
    needs: who changed what, who offers it as described, who does not offer it."""
    adapted: list[tuple[Organisation, Variant, list[Difference]]]
    as_described: list[tuple[Organisation, Variant]]
    not_offered: list[tuple[Organisation, Variant]]
    own_like: list[tuple[Organisation, OwnModule]]

    @property
    def total(self) -> int:
        return len(self.adapted) + len(self.as_described) + len(self.not_offered)

    def summary(self) -> str:
        """'8 organisaties hebben vastgelegd hoe zij deze module aanbieden: 3 zoals beschreven, ...'"""
        counts = [(len(self.as_described), "zoals beschreven"), (len(self.adapted), "met lokale aanpassingen"),
                  (len(self.not_offered), "niet")]
        if self.total == 1:
            if self.not_offered:
                return "1 organisatie heeft vastgelegd dat zij deze module niet aanbiedt."
            only = next(label for n, label in counts if n)
            return f"1 organisatie heeft vastgelegd hoe zij deze module aanbiedt: {only}."
        parts = ", ".join(f"{n} {label}" for n, label in counts if n)
        return f"{self.total} organisaties hebben vastgelegd hoe zij deze module aanbieden: {parts}."

    def examples(self, limit: int) -> list[tuple[Organisation, Variant, list[Difference]]]:
        """A few variants for the module page, changed ones first: they say the most."""
        rest = [(org, var, []) for org, var in self.as_described + self.not_offered]
        return (self.adapted + rest)[:limit]

    def national(self) -> list[tuple[str, str]]:
        """The national value of every field some organisation changed, once: (field, value)."""
        return list(dict.fromkeys((d.field, d.national) for _, _, diffs in self.adapted for d in diffs))

    def exceeds(self, limit: int) -> bool:
        return self.total > limit or len(self.own_like) > limit


def overview(views: Views, module: Module) -> Regional:
    return Regional(*_by_status(views, [(org, module, var) for org, var in views.variants_of(module)]),
                    views.own_modules_like(module))


@dataclass(frozen=True)
class Offer:
    """An organisation's recorded variants, grouped as on its page."""
    adapted: list[tuple[Module, Variant, list[Difference]]]
    as_described: list[tuple[Module, Variant]]
    not_offered: list[tuple[Module, Variant]]


def offer(views: Views, organisation: Organisation) -> Offer:
    modules = [views.modules[var.module] for var in organisation.variants]
    return Offer(*_by_status(views, [(m, m, var) for m, var in zip(modules, organisation.variants)]))


def _by_status(views: Views, items) -> tuple[list, list, list]:
    """(what is listed, its national module, the variant) -> changed (with the differences),
    offered as described, not offered."""
    groups: dict[str, list] = {"aangepast": [], "zoals-beschreven": [], "niet-aangeboden": []}
    for shown, module, var in items:
        groups[var.status].append((shown, var, differences(views, module, var)) if var.status == "aangepast"
                                  else (shown, var))
    return groups["aangepast"], groups["zoals-beschreven"], groups["niet-aangeboden"]
