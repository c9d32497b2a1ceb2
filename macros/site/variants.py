"""How a regional variant differs from the national module, field by field, in Dutch."""
from __future__ import annotations

from dataclasses import dataclass

from ..catalogue.model import Module, Variant
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
