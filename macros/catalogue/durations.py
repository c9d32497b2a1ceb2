"""The book's rule for the indicative duration of combined modules, in one place.

Seed 003 (ch. 4): modules one after another add up; modules side by side share conversations, so
together they take longer than the longest and less than all of them together. That holds for
weeks and for contacts alike: a step runs from the longest module's minimum to the sum of the
maxima. A module without figures is named, never counted as zero, and leaves the upper bound open.

The trajectbouwer runs the same rule in the browser (docs/assets/js/plan-duration.js); a test
feeds both the same plans.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Span:
    """A min-max range of weeks or contacts."""
    min: int
    max: int

    def __add__(self, other: Span) -> Span:
        return Span(self.min + other.min, self.max + other.max)


OWN, GROUP_WORK = "eigen", "groepswerk"  # where a module's figures come from


@dataclass(frozen=True)
class Figures:
    """What the rule needs of one module."""
    id: str
    name: str
    weeks: Span | None
    contacts: Span | None
    origin: str | None  # OWN, GROUP_WORK, or None when there are no figures


@dataclass(frozen=True)
class StepTotal:
    modules: tuple[Figures, ...]
    weeks: Span | None
    contacts: Span | None


@dataclass(frozen=True)
class PlanTotal:
    steps: tuple[StepTotal, ...]
    weeks: Span | None          # over the modules that have weeks
    contacts: Span | None       # over the modules that have contacts
    without_weeks: tuple[Figures, ...] = field(default=())     # these leave the upper bound open
    without_contacts: tuple[Figures, ...] = field(default=())
    borrowed: tuple[Figures, ...] = field(default=())          # figures from the group-work guideline

    @property
    def weeks_open(self) -> bool:
        return bool(self.without_weeks)

    @property
    def contacts_open(self) -> bool:
        return bool(self.without_contacts)


def side_by_side(spans: list[Span]) -> Span | None:
    """Modules in one step: from the longest minimum to the sum of the maxima."""
    if not spans:
        return None
    return Span(max(s.min for s in spans), sum(s.max for s in spans))


def total(plan: list[list[Figures]]) -> PlanTotal:
    """A plan is a list of steps; a step is the modules that run side by side."""
    steps = []
    for modules in plan:
        steps.append(StepTotal(tuple(modules),
                               side_by_side([m.weeks for m in modules if m.weeks]),
                               side_by_side([m.contacts for m in modules if m.contacts])))
    everything = [m for step in plan for m in step]
    return PlanTotal(
        steps=tuple(steps),
        weeks=_sum(s.weeks for s in steps),
        contacts=_sum(s.contacts for s in steps),
        without_weeks=_unique(m for m in everything if not m.weeks),
        without_contacts=_unique(m for m in everything if not m.contacts),
        borrowed=_unique(m for m in everything if m.origin == GROUP_WORK),
    )


def _sum(spans) -> Span | None:
    result = None
    for span in spans:
        if span is not None:
            result = span if result is None else result + span
    return result


def _unique(modules) -> tuple[Figures, ...]:
    seen, out = set(), []
    for m in modules:
        if m.id not in seen:
            seen.add(m.id)
            out.append(m)
    return tuple(out)
