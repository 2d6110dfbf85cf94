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


NO_POLICY = DeprecationPolicy()


def timing_args(problem: str, days: int) -> dict[str, str]:
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
