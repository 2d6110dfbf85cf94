"""What check code yields: a rule id, its arguments, where, and which operations it affects."""

from __future__ import annotations

import json
from dataclasses import dataclass

Args = tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Change:
    """One detected change, before levels, overrides and messages are applied.

    ``base_pointer`` / ``revision_pointer`` are JSON pointers into each document (``None`` when
    the thing does not exist on that side); ``operations`` are ``METHOD /path`` labels, sorted.
    Checks never format text: the report renders ``args`` through the rule's template.
    """

    rule_id: str
    args: Args = ()
    base_pointer: str | None = None
    revision_pointer: str | None = None
    operations: tuple[str, ...] = ()


def make_change(
    rule_id: str,
    *,
    base: str | None,
    revision: str | None,
    operations: tuple[str, ...] = (),
    **args: object,
) -> Change:
    """Build a :class:`Change`; argument values are turned into text the same way everywhere."""
    return Change(
        rule_id=rule_id,
        args=tuple(sorted((key, show(value)) for key, value in args.items())),
        base_pointer=base,
        revision_pointer=revision,
        operations=operations,
    )


def show(value: object) -> str:
    """Text for a value in a message: strings as they are, everything else as JSON."""
    if isinstance(value, str):
        return value
    return json.dumps(value, sort_keys=True, default=str)
