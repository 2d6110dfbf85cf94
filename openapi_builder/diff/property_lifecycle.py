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
    judge_deprecation,
    judge_sunset_change,
    stability_of,
    stability_rank,
    sunset_date,
    timing_args,
)

Schema = Mapping[str, Any]

_DEPRECATION_SUFFIXES = {
    "sunset-missing": "deprecated-sunset-missing",
    "sunset-invalid": "deprecated-sunset-invalid",
    "sunset-too-small": "sunset-date-too-small",
}
_SUNSET_SUFFIXES = {
    "deleted": "sunset-deleted",
    "revision-invalid": "sunset-parse",
    "base-invalid": "sunset-parse",
    "moved-too-early": "sunset-date-changed-too-small",
}


@dataclass(frozen=True, slots=True)
class Deprecation:
    """A property deprecated on either side, with where the finding goes."""

    direction: str
    was: bool
    now: bool
    old: Schema
    new: Schema
    args: Args
    pointers: tuple[str, str]

    def judge(self, notice: int, today: date) -> tuple[str, Args] | None:
        """The rule and extra arguments: reactivated, newly deprecated (its sunset judged
        against the ``notice`` owed), or deprecated on both sides with its sunset changed."""
        stem = f"{self.direction}-property"
        if not self.now:
            return f"{stem}-reactivated", ()
        if not self.was:
            problem, shown = judge_deprecation(self.new, notice, today)
            if problem is None:
                return f"{stem}-deprecated", ()
            return f"{stem}-{_DEPRECATION_SUFFIXES[problem]}", (
                *timing_args(problem, notice).items(),
                ("sunset", "missing" if shown is None else show(shown)),
            )
        changed = judge_sunset_change(self.old, self.new, notice, today)
        if changed is None:
            return None
        change, shown = changed
        timing = timing_args(change, notice).items()
        return f"{stem}-{_SUNSET_SUFFIXES[change]}", (*timing, ("sunset", show(shown)))


def stability_changes(
    direction: str, old: Schema, new: Schema, threshold: int
) -> Iterator[tuple[str, Args]]:
    """A property's own ``x-stability-level`` changed: unreadable on either side, or a level
    up or down (when the base level is at least the ``threshold`` rank)."""
    if old.get("x-stability-level") == new.get("x-stability-level"):
        return
    before, after = stability_of(old), stability_of(new)
    for level, side in ((before, old), (after, new)):
        if level is None:
            yield "api-invalid-stability-level", (("value", show(side["x-stability-level"])),)
    if before is None or after is None or before == after:
        return
    if stability_rank(before) < threshold:
        return
    trend = "decreased" if stability_rank(after) < stability_rank(before) else "increased"
    yield f"{direction}-property-stability-{trend}", (("new", after), ("old", before))


def removed_deprecated(
    direction: str, rule: str, args: Args, old: Schema, today: date
) -> tuple[str, Args]:
    """A deprecated property removed: judged by its ``x-sunset`` like an endpoint."""
    sunset = sunset_date(old.get("x-sunset"))
    if sunset is None:
        return rule, args  # no promise was made: judged as any removal
    stem = "with-deprecation" if sunset <= today else "before-sunset"
    return f"{direction}-property-removed-{stem}", (*args, ("sunset", sunset.isoformat()))
