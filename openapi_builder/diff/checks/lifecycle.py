"""Deprecation, ``x-sunset`` and ``x-stability-level``: the promises an API makes about how
long a thing stays and how far clients may rely on it.

``x-sunset`` is an ISO 8601 date (``2024-06-30``) or date-time (its date part is used), as text
or as the date a YAML loader already made of it. The sunset day itself counts as reached.
Removing a deprecated thing before its sunset breaks the promise its deprecation made; after
it, it is expected.

A sunset that is withdrawn, unreadable, already past when the thing is deprecated, or moved
earlier than the policy allows is a broken promise too: clients plan their migration on it.
Where the date cannot be read the diff cannot confirm the promise is kept, so it fails closed.

``x-stability-level`` is ``draft``, ``alpha``, ``beta`` or ``stable`` (the default when it is
absent). A :class:`DeprecationPolicy` gives the minimum notice, in days, that deprecating a
``beta`` or ``stable`` operation must give before its sunset.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Literal

_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[Tt ].*)?$")

STABILITY_LEVELS = ("draft", "alpha", "beta", "stable")
"""From least to most stable."""

DeprecationProblem = Literal["sunset-missing", "sunset-invalid", "sunset-too-small"]
SunsetProblem = Literal["deleted", "revision-invalid", "base-invalid", "moved-too-early"]


def sunset_date(value: object) -> date | None:
    """The date of an ``x-sunset`` value, or None when it is missing or not a date."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        match = _DATE.match(value.strip())
        if match:
            try:
                return date.fromisoformat(match.group(1))
            except ValueError:
                return None
    return None


def stability_of(node: Mapping[str, Any]) -> str | None:
    """A node's ``x-stability-level``: ``stable`` when absent, None when it is not a level."""
    value = node.get("x-stability-level", "stable")
    return value if isinstance(value, str) and value in STABILITY_LEVELS else None


def stability_rank(level: str) -> int:
    return STABILITY_LEVELS.index(level)


@dataclass(frozen=True, slots=True)
class DeprecationPolicy:
    """The minimum days between deprecating a ``beta`` or ``stable`` thing and its sunset
    (0: no minimum, only a sunset already past is refused). ``draft`` and ``alpha`` things
    may go at any time."""

    beta_days: int = 0
    stable_days: int = 0

    def days(self, stability: str) -> int:
        """The notice a deprecation must give at this stability level."""
        return {"beta": self.beta_days, "stable": self.stable_days}.get(stability, 0)

    def notice(self, operation: Mapping[str, Any]) -> int:
        """The notice deprecating ``operation`` (or one of its parameters or properties) must
        give: by its stability, an unreadable one (reported on its own) held to stable's."""
        return self.days(stability_of(operation) or "stable")


NO_POLICY = DeprecationPolicy()


def _timing_args(problem: str, days: int) -> dict[str, str]:
    """The message arguments of a problem about the notice given: the days the policy asks
    for, and how a too-soon sunset falls short; none for the other problems."""
    if problem not in ("sunset-missing", "sunset-too-small", "moved-too-early"):
        return {}
    short = "a date already past" if days == 0 else f"less than {days} days from today"
    return {"days": str(days), "notice": short}


def _deadline(today: date, notice_days: int) -> date:
    """The first sunset that gives ``notice_days`` of notice (the calendar's end for a notice
    longer than it)."""
    try:
        return today + timedelta(days=notice_days)
    except OverflowError:
        return date.max


def judge_deprecation(
    node: Mapping[str, Any], notice_days: int, today: date
) -> tuple[DeprecationProblem | None, object]:
    """What is wrong with a thing newly deprecated with ``node``'s ``x-sunset``, if anything,
    and the value to show: no sunset while a notice is required, a sunset that is not a date,
    or one sooner than ``notice_days`` from ``today`` (a sunset already past is always too
    soon: the thing may go at once)."""
    raw = node.get("x-sunset")
    if raw is None:
        return ("sunset-missing" if notice_days > 0 else None), None
    sunset = sunset_date(raw)
    if sunset is None:
        return "sunset-invalid", raw
    if sunset < _deadline(today, notice_days):
        return "sunset-too-small", sunset.isoformat()
    return None, sunset.isoformat()


def judge_sunset_change(
    old: Mapping[str, Any], new: Mapping[str, Any], notice_days: int, today: date
) -> tuple[SunsetProblem, object] | None:
    """What is wrong with the ``x-sunset`` of a thing deprecated on both sides, if anything,
    and the value to show: withdrawn, unreadable on either side (the change cannot be checked
    against the promise), or moved earlier to a date sooner than ``notice_days`` away."""
    before, after = old.get("x-sunset"), new.get("x-sunset")
    if before is None or before == after:
        return None
    new_date, old_date = sunset_date(after), sunset_date(before)
    if after is None:
        return "deleted", before if old_date is None else old_date.isoformat()
    if new_date is None:
        return "revision-invalid", after
    if old_date is None:
        return "base-invalid", before
    if new_date < old_date and new_date < _deadline(today, notice_days):
        return "moved-too-early", f"{old_date.isoformat()} -> {new_date.isoformat()}"
    return None


LifecycleOutcome = Literal["reactivated", "deprecated"] | DeprecationProblem | SunsetProblem
SUNSET_CHANGES: frozenset[str] = frozenset(
    {"deleted", "revision-invalid", "base-invalid", "moved-too-early"}
)
"""Outcomes about a sunset already announced in the base: they point at the base's x-sunset."""


def judge_lifecycle(
    old: Mapping[str, Any], new: Mapping[str, Any], notice_days: int, today: date
) -> tuple[LifecycleOutcome, dict[str, object]] | None:
    """The deprecation change of one thing (an endpoint, a parameter, a property) between
    ``old`` and ``new``, with its message arguments: reactivated, deprecated (fine, or with one
    of :func:`judge_deprecation`'s problems), or deprecated on both sides with a sunset problem
    (:func:`judge_sunset_change`). None when nothing about its deprecation changed."""
    was, now = old.get("deprecated") is True, new.get("deprecated") is True
    if was and not now:
        return "reactivated", {}
    if now and not was:
        problem, shown = judge_deprecation(new, notice_days, today)
        if problem is None:
            return "deprecated", {}
        sunset = "missing" if shown is None else shown
        return problem, {"sunset": sunset, **_timing_args(problem, notice_days)}
    if was and now:
        changed = judge_sunset_change(old, new, notice_days, today)
        if changed is not None:
            change, shown = changed
            return change, {"sunset": shown, **_timing_args(change, notice_days)}
    return None


def lifecycle_pointers(
    outcome: LifecycleOutcome, base: str, revision: str, new: Mapping[str, Any]
) -> tuple[str, str]:
    """Where a :func:`judge_lifecycle` outcome points: the thing itself, or for a problem
    with its sunset, the revision's ``x-sunset`` (when written) and, for a sunset already
    announced, the base's."""
    if outcome in ("reactivated", "deprecated"):
        return base, revision
    if outcome in SUNSET_CHANGES:
        base += "/x-sunset"
    return base, revision + ("/x-sunset" if "x-sunset" in new else "")


RemovalOutcome = Literal[
    "not-deprecated", "no-sunset", "sunset-invalid", "before-sunset", "with-deprecation"
]


def judge_removal(old: Mapping[str, Any], today: date) -> tuple[RemovalOutcome, str | None]:
    """A removed thing judged by the promise its base made, with the sunset to show: not
    deprecated, deprecated without a sunset, with one that is not a date (whether it has
    passed cannot be told), or removed before or after its sunset (the day itself counts as
    reached)."""
    if old.get("deprecated") is not True:
        return "not-deprecated", None
    raw = old.get("x-sunset")
    if raw is None:
        return "no-sunset", None
    sunset = sunset_date(raw)
    if sunset is None:
        return "sunset-invalid", str(raw)
    return ("with-deprecation" if sunset <= today else "before-sunset"), sunset.isoformat()


Trend = Literal["decreased", "increased"]


@dataclass(frozen=True, slots=True)
class StabilityChange:
    """A changed ``x-stability-level``: which sides are unreadable, and the shift between two
    readable levels (``decreased`` or ``increased``, from, to) when there is one."""

    base_invalid: bool
    revision_invalid: bool
    shift: tuple[Trend, str, str] | None


def judge_stability(old: Mapping[str, Any], new: Mapping[str, Any]) -> StabilityChange | None:
    """The ``x-stability-level`` change between ``old`` and ``new`` (absent reads as stable);
    None when it is written the same on both sides, readable or not (an unreadable one left as
    it was is the validator's business, not the diff's)."""
    if old.get("x-stability-level") == new.get("x-stability-level"):
        return None
    before, after = stability_of(old), stability_of(new)
    shift: tuple[Trend, str, str] | None = None
    if before is not None and after is not None and before != after:
        trend: Trend = (
            "decreased" if stability_rank(after) < stability_rank(before) else "increased"
        )
        shift = (trend, before, after)
    return StabilityChange(before is None, after is None, shift)
