"""Dutch sentences for figures: durations of modules and plans, and the rule behind them.

Templates print these; they never compose a sentence about figures themselves, so the wording of
a programme page, the trajectbouwer's print view and open data stay the same.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..catalogue.durations import GROUP_WORK, PlanTotal, Span

CAVEAT = ("De duur is indicatief: *Modulen als bouwstenen voor de hulpverlening* (MOVISIE) noemt de "
          "gebruikelijke (modale) duur, geen norm.")
RULE = ("Modules die na elkaar komen, tellen op. Modules die naast elkaar lopen, delen gesprekken: "
        "samen duren ze langer dan de langste, maar korter dan alle samen. Voor zo'n stap rekent de "
        "kennisbank van de langste module tot de som, voor weken én voor contacten.")
GROUP_WORK_LABEL = "algemene richtlijn groepswerk, geen eigen cijfers"
INCOMPLETE_TITLE = "Onvolledig traject"


def incomplete_text(missing: list[str], subject: str = "Dit programma") -> str:
    """Seed 002's warning when a traject lacks an access or an execution module ('toegang',
    'uitvoering'); the trajectbouwer says it of 'Dit traject'."""
    return (f"{subject} heeft geen {' en geen '.join(missing)}smodule. Volgens de notitie over AMW en "
            "BMW heeft een traject ten minste één toegangs- en één uitvoeringsmodule.")


# "1 contact", not "1 contacten" (docs/assets/js/plan-duration.js says it the same way).
SINGULAR = {"weken": "week", "contacten": "contact", "minuten per contact": "minuut per contact"}


def counted(n: int, unit: str) -> str:
    return f"{n} {SINGULAR.get(unit, unit) if n == 1 else unit}"


def span_text(span: Span | None, unit: str) -> str:
    if span is None:
        return ""
    if span.min == span.max:
        return counted(span.min, unit)
    return f"{span.min} tot {span.max} {unit}"


def names(modules) -> str:
    items = [m.name for m in modules]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]


@dataclass(frozen=True)
class PlanWording:
    headline: str          # the total in one sentence
    open_note: str         # which modules leave the upper bound open ('' if none)
    borrowed_note: str     # which modules use the group-work guideline ('' if none)
    steps: list[str]       # the arithmetic, one line per step
    sum_line: str          # how the steps add up


def bound_phrase(span: Span | None, is_open: bool, unit: str) -> str:
    """'12 tot 20 weken', or 'ten minste 12 weken' when a module without figures leaves it open."""
    if span is None:
        return ""
    return f"ten minste {counted(span.min, unit)}" if is_open else span_text(span, unit)


def weeks_phrase(total: PlanTotal) -> str:
    return bound_phrase(total.weeks, total.weeks_open, "weken")


def contacts_phrase(total: PlanTotal) -> str:
    return bound_phrase(total.contacts, total.contacts_open, "contacten")


def plan_wording(total: PlanTotal, lead: str = "Dit traject duurt") -> PlanWording:
    """lead: the start of the headline, e.g. 'Met de kernmodules duurt dit programma'."""
    weeks, contacts = weeks_phrase(total), contacts_phrase(total)
    if weeks:
        headline = f"{lead} naar schatting {weeks}"
        headline += f", met {contacts}." if contacts else "."
    elif contacts:
        headline = f"Een looptijd in weken is niet te geven; samen omvatten de modules naar schatting {contacts}."
    else:
        headline = "Voor deze modules is geen duur in cijfers te geven."
    open_note = ""
    if total.without_weeks and total.weeks is not None:
        open_note = (f"Geen looptijd in weken bekend voor {names(total.without_weeks)}; daarom is er "
                     "geen bovengrens. De ondergrens telt alleen de modules met cijfers.")
    elif total.without_weeks:
        open_note = f"Geen looptijd in weken bekend voor {names(total.without_weeks)}."
    borrowed_note = ""
    if total.borrowed:
        borrowed_note = (f"Voor {names(total.borrowed)} gelden de cijfers van de {GROUP_WORK_LABEL}.")
    steps, sums = [], []
    for n, step in enumerate(total.steps, 1):
        parts = [f"{m.name} " + (span_text(m.weeks, "weken") if m.weeks else "(geen weken bekend)")
                 + (" (richtlijn groepswerk)" if m.origin == GROUP_WORK else "")
                 for m in step.modules]
        counted = [m for m in step.modules if m.weeks]
        if step.weeks is None:
            result = "geen weken bekend"
        elif len(counted) > 1:
            result = (f"naast elkaar: van de langste ({step.weeks.min}) tot de som ({step.weeks.max}) = "
                      + span_text(step.weeks, "weken"))
        else:
            result = span_text(step.weeks, "weken")
        if step.weeks is not None:
            sums.append(step.weeks)
        steps.append(f"Stap {n}: " + "; ".join(parts) + f" → {result}")
    sum_line = ""
    if sums:
        sum_line = ("Totaal: " + " + ".join(span_text(s, "").strip() for s in sums)
                    + f" = {span_text(total.weeks, 'weken')}"
                    + (" (zonder de modules zonder weken)" if total.weeks_open else ""))
    return PlanWording(headline, open_note, borrowed_note, steps, sum_line)


def module_figures(duration, origin: str | None) -> str:
    """'8 tot 12 contacten, 60 minuten per contact, 12 tot 24 weken in totaal' (+ label)."""
    parts = []
    if duration.contacts:
        parts.append(span_text(duration.contacts, "contacten"))
    if duration.minutes_per_contact:
        parts.append(span_text(duration.minutes_per_contact, "minuten per contact"))
    if duration.weeks:
        parts.append(span_text(duration.weeks, "weken") + " in totaal")
    text = ", ".join(parts)
    if text and origin == GROUP_WORK:
        text += f" ({GROUP_WORK_LABEL})"
    return text
