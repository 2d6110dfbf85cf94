"""Changes that are the same edit, grouped: one entry with a count and the places behind it.

One edit often touches a thousand places (``maxLength: 5000`` put on every request string),
and a reviewer reads it once. :func:`group_changes` groups reported changes by level, rule and
the arguments that say *what* changed (``old``, ``new``, ``values`` ...), leaving out those that
say *where* (the property, the parameter, the status, the media type ...). The human formats
(text, Markdown, GitHub annotations, and the HTML report) render groups; JSON and JUnit keep
every change.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from openapi_builder.diff.rules import RULES

if TYPE_CHECKING:
    from openapi_builder.diff.report import ReportedChange

#: Message arguments that name the place of a change rather than the change itself.
PLACE_ARGS = frozenset(
    {"property", "name", "in", "status", "header", "media_type", "requirement", "key"}
)
#: What stands for a place argument in a group's message.
ANY_PLACE = "*"


@dataclass(frozen=True, slots=True)
class ChangeGroup:
    """Changes of one rule with the same before and after, in report order."""

    changes: tuple[ReportedChange, ...]

    @property
    def first(self) -> ReportedChange:
        """The first change of the group (level, rule id and direction are shared)."""
        return self.changes[0]

    @property
    def count(self) -> int:
        """How many places the edit touched."""
        return len(self.changes)

    @property
    def operations(self) -> tuple[str, ...]:
        """Every affected operation, sorted, each once."""
        return tuple(sorted({op for change in self.changes for op in change.operations}))

    @property
    def message(self) -> str:
        """The message itself for one change; for several, the message with every place
        argument shown as ``*`` (``request property *: maxLength set to 5000``)."""
        if self.count == 1:
            return self.first.message
        rule = RULES.get(self.first.rule_id)
        if rule is None:  # pragma: no cover - every reported change has a rule
            return self.first.message
        fields = {name for _, name, _, _ in string.Formatter().parse(rule.template) if name}
        args = {key: self.first.args.get(key, "") for key in fields}
        args.update({key: ANY_PLACE for key in fields & PLACE_ARGS})
        return rule.render(args)


def group_key(change: ReportedChange) -> tuple[object, ...]:
    """What makes two changes the same edit: level, rule and the non-place arguments (the
    before and after). A change with nothing but places (a property added) is its own edit:
    two different properties added are two edits, not one."""
    what = tuple(sorted((k, v) for k, v in change.args.items() if k not in PLACE_ARGS))
    if not what:
        return (change.level, change.rule_id, change.base_pointer, change.revision_pointer)
    return (change.level, change.rule_id, what)


def group_changes(changes: Iterable[ReportedChange]) -> tuple[ChangeGroup, ...]:
    """Group ``changes`` (already sorted) into :class:`ChangeGroup` s, in the order of each
    group's first change, so the output is as deterministic as the report."""
    groups: dict[tuple[object, ...], list[ReportedChange]] = {}
    for change in changes:
        groups.setdefault(group_key(change), []).append(change)
    return tuple(ChangeGroup(tuple(members)) for members in groups.values())


def place(change: ReportedChange) -> str:
    """Where one change of a group is: its place arguments, or its pointer."""
    args: Mapping[str, str] = change.args
    named = [f"{args[key]}" for key in ("in", "name", "property", "header") if key in args]
    if "status" in args:
        named.append(f"response {args['status']}")
    if "media_type" in args:
        named.append(args["media_type"])
    return " ".join(named) or (change.revision_pointer or change.base_pointer or "/")
