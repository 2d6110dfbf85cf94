"""Ignore files: breaking changes a team has reviewed and accepted.

One entry per line; blank lines and lines starting with ``#`` are skipped::

    # rule id                      operation          free text (kept as the reason)
    api-removed-without-deprecation DELETE /pets/{id}  agreed with the mobile team, JIRA-42
    request-property-removed        *                  any operation

An entry is a rule id, then either ``METHOD /path`` or ``*`` (every operation, and changes
that belong to no operation such as ``webhook-removed``), then optional free text. Paths match
by shape, as operations do (``/pets/{id}`` accepts ``/pets/{petId}``). A change listing
several operations is split: accepted operations move to ``DiffReport.ignored``, the rest stay.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from openapi_builder.diff.operations import METHODS, operation_key
from openapi_builder.diff.rules import RULES
from openapi_builder.errors import LoadError


@dataclass(frozen=True, slots=True, kw_only=True)
class IgnoreEntry:
    """One accepted change: rule id, ``METHOD /path`` (None for ``*``), reason, line.

    Path parameter names do not matter: ``GET /pets/{id}`` accepts ``GET /pets/{petId}``.
    """

    rule_id: str
    operation: str | None
    reason: str = ""
    line: int | None = None

    def accepts(self, rule_id: str, operation: str | None) -> bool:
        """True when this entry covers ``rule_id`` at ``operation`` (a ``METHOD /path``)."""
        if rule_id != self.rule_id:
            return False
        if self.operation is None:
            return True
        if operation is None:
            return False
        return _key(operation) == _key(self.operation)


def _key(operation: str) -> str:
    method, _, path = operation.partition(" ")
    return operation_key(method, path)


def parse_ignore_text(text: str, *, source: str | None = None) -> tuple[IgnoreEntry, ...]:
    """Parse the text of an ignore file; ``source`` names it in errors.

    Raises:
        LoadError: a line has an unknown rule id or no ``METHOD /path`` / ``*`` after it
            (with ``source:line``).
    """
    entries = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        rule_id, *rest = line.split(None, 1)
        if rule_id not in RULES:
            raise LoadError(
                f"unknown rule id {rule_id!r} in ignore file; `openapi-builder rules` lists them",
                source=source,
                line=number,
                column=1,
            )
        words = rest[0].split(None, 2) if rest else []
        if words[:1] == ["*"]:
            reason = " ".join(words[1:])
            entries.append(IgnoreEntry(rule_id=rule_id, operation=None, reason=reason, line=number))
        elif len(words) >= 2 and words[0].lower() in METHODS and words[1].startswith("/"):
            operation = f"{words[0].upper()} {words[1]}"
            reason = words[2] if len(words) > 2 else ""
            entries.append(
                IgnoreEntry(rule_id=rule_id, operation=operation, reason=reason, line=number)
            )
        else:
            raise LoadError(
                f"expected `METHOD /path` or `*` after the rule id {rule_id!r}",
                source=source,
                line=number,
                column=len(raw) - len(raw.lstrip()) + len(rule_id) + 2,
            )
    return tuple(entries)


def parse_ignore_file(path: str | os.PathLike[str]) -> tuple[IgnoreEntry, ...]:
    """Read and parse an ignore file (UTF-8). Raises ``LoadError`` as parsing does, or when
    the file cannot be read."""
    name = os.fspath(path)
    try:
        text = Path(name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise LoadError(f"cannot read ignore file: {error}", source=name) from None
    return parse_ignore_text(text, source=name)


def split_ignored(
    rule_id: str, operations: tuple[str, ...], entries: Iterable[IgnoreEntry]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Split a change's ``operations`` into (kept, accepted) by the entries for ``rule_id``."""
    relevant = [e for e in entries if e.rule_id == rule_id]
    if not relevant:
        return operations, ()
    kept = tuple(op for op in operations if not any(e.accepts(rule_id, op) for e in relevant))
    accepted = tuple(op for op in operations if op not in kept)
    return kept, accepted


def accepts_everywhere(rule_id: str, entries: Iterable[IgnoreEntry]) -> bool:
    """True when a ``*`` entry accepts ``rule_id`` (how changes without operations match)."""
    return any(e.rule_id == rule_id and e.operation is None for e in entries)
