"""Lifecycle of a property inside a compared schema: its deprecation and ``x-sunset``, its own
``x-stability-level``, and its removal once deprecated (the rules in
:mod:`openapi_builder.diff.lifecycle_rules`; the dates in
:mod:`openapi_builder.diff.checks.lifecycle`).

A deprecation is recorded while the schemas are walked and judged only once the operations
using the schema are known, because each operation owes the notice of its own stability.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from openapi_builder.diff.change import Args, show
from openapi_builder.diff.checks.lifecycle import (
    judge_lifecycle,
    judge_removal,
    judge_stability,
    stability_rank,
)

Schema = Mapping[str, Any]

# Outcomes of checks.lifecycle.judge_lifecycle and judge_removal, as property rule suffixes.
_LIFECYCLE_SUFFIXES = {
    "reactivated": "reactivated",
    "deprecated": "deprecated",
    "sunset-missing": "deprecated-sunset-missing",
    "sunset-invalid": "deprecated-sunset-invalid",
    "sunset-too-small": "sunset-date-too-small",
    "deleted": "sunset-deleted",
    "revision-invalid": "sunset-parse",
    "base-invalid": "sunset-parse",
    "moved-too-early": "sunset-date-changed-too-small",
}
# A property removed without a readable sunset promised nothing: judged as any removal.
_REMOVAL_SUFFIXES = {
    "before-sunset": "removed-before-sunset",
    "with-deprecation": "removed-with-deprecation",
}


@dataclass(frozen=True, slots=True)
class Deprecation:
    """A property deprecated on either side, with where the finding goes."""

    direction: str
    old: Schema
    new: Schema
    args: Args
    pointers: tuple[str, str]

    def judge(self, notice: int, today: date) -> tuple[str, Args] | None:
        """The rule and extra arguments of its deprecation change (see
        :func:`judge_lifecycle`), its sunset judged against the ``notice`` owed."""
        judged = judge_lifecycle(self.old, self.new, notice, today)
        if judged is None:
            return None
        outcome, args = judged
        shown = tuple((key, show(value)) for key, value in args.items())
        return f"{self.direction}-property-{_LIFECYCLE_SUFFIXES[outcome]}", shown


def stability_changes(
    direction: str, old: Schema, new: Schema, threshold: int
) -> Iterator[tuple[str, Args]]:
    """A property's own ``x-stability-level`` changed: unreadable on either side, or a level
    up or down (when the base level is at least the ``threshold`` rank)."""
    change = judge_stability(old, new)
    if change is None:
        return
    for invalid, side in ((change.base_invalid, old), (change.revision_invalid, new)):
        if invalid:
            yield "api-invalid-stability-level", (("value", show(side["x-stability-level"])),)
    if change.shift is None:
        return
    trend, before, after = change.shift
    if stability_rank(before) >= threshold:
        yield f"{direction}-property-stability-{trend}", (("new", after), ("old", before))


def removed_deprecated(
    direction: str, rule: str, args: Args, old: Schema, today: date
) -> tuple[str, Args]:
    """A deprecated property removed: judged by its ``x-sunset`` like an endpoint."""
    outcome, sunset = judge_removal(old, today)
    suffix = _REMOVAL_SUFFIXES.get(outcome)
    if suffix is None or sunset is None:
        return rule, args
    return f"{direction}-property-{suffix}", (*args, ("sunset", sunset))
