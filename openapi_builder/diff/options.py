"""Options of a diff run that users write by hand: severity overrides and path filters."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Literal

from openapi_builder.diff.rules import LEVELS, RULES
from openapi_builder.errors import DiffOptionError

Severity = Literal["breaking", "warning", "info", "off"]
SEVERITIES: tuple[Severity, ...] = (*LEVELS, "off")
_SEVERITY_BY_NAME: dict[str, Severity] = {name: name for name in SEVERITIES}


def check_severity_overrides(overrides: Mapping[str, str]) -> dict[str, Severity]:
    """Validate ``{rule id: level}``; level is breaking, warning, info, or ``off`` (drop)."""
    checked: dict[str, Severity] = {}
    for rule_id, level in sorted(overrides.items()):
        if rule_id not in RULES:
            raise DiffOptionError(
                f"unknown rule id {rule_id!r} in severity overrides; "
                "`openapi-builder rules` lists them"
            )
        severity = _SEVERITY_BY_NAME.get(level)
        if severity is None:
            raise DiffOptionError(
                f"unknown level {level!r} for rule {rule_id!r}; use one of {', '.join(SEVERITIES)}"
            )
        checked[rule_id] = severity
    return checked


def parse_severity_overrides(items: Iterable[str]) -> dict[str, Severity]:
    """Parse ``rule-id=level`` items (as given on a command line) into overrides."""
    overrides: dict[str, str] = {}
    for item in items:
        rule_id, sep, level = item.partition("=")
        if not sep:
            raise DiffOptionError(f"severity override {item!r} must look like RULE-ID=LEVEL")
        overrides[rule_id.strip()] = level.strip()
    return check_severity_overrides(overrides)


def path_filter(
    match_path: str | Sequence[str] | None, unmatch_path: str | Sequence[str] | None
) -> Callable[[str], bool]:
    """A predicate on paths: kept when some ``match_path`` regex matches (or none is given)
    and no ``unmatch_path`` regex does. Regexes are searched, not anchored."""
    keep = _compile(match_path, "match_path")
    drop = _compile(unmatch_path, "unmatch_path")

    def accept(path: str) -> bool:
        if keep and not any(p.search(path) for p in keep):
            return False
        return not any(p.search(path) for p in drop)

    return accept


def _compile(patterns: str | Sequence[str] | None, option: str) -> list[re.Pattern[str]]:
    if patterns is None:
        return []
    compiled = []
    for pattern in [patterns] if isinstance(patterns, str) else patterns:
        try:
            compiled.append(re.compile(pattern))
        except re.error as error:
            raise DiffOptionError(f"{option} {pattern!r} is not a valid regex: {error}") from None
    return compiled
