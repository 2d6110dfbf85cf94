"""Findings of validation: one ``Problem`` per finding, gathered in a ``ValidationReport``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning", "info"]

SEVERITY_RANK: dict[str, int] = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True, slots=True, kw_only=True)
class Problem:
    """One finding: which rule, how bad, where (JSON pointer, and file position when known)."""

    rule_id: str
    severity: Severity
    pointer: str
    message: str
    hint: str | None = None
    source: str | None = None
    line: int | None = None
    column: int | None = None

    @property
    def location(self) -> str:
        """``file:line:col`` when known, else the JSON pointer (``/`` for the root)."""
        if self.source is not None and self.line is not None:
            return f"{self.source}:{self.line}:{self.column or 1}"
        return self.pointer or "/"

    def sort_key(self) -> tuple[str, int, int, str, int, str, str]:
        """Findings sort by file, position, pointer, severity, rule id and message."""
        return (
            self.source or "",
            self.line or 0,
            self.column or 0,
            self.pointer,
            SEVERITY_RANK[self.severity],
            self.rule_id,
            self.message,
        )

    def __str__(self) -> str:
        text = f"{self.severity} [{self.rule_id}] {self.message} - at {self.location}"
        return f"{text} (hint: {self.hint})" if self.hint else text


@dataclass(frozen=True, slots=True)
class ValidationReport:
    """Every finding about one document, sorted by ``Problem.sort_key``."""

    problems: tuple[Problem, ...] = field(default=())
    source: str | None = None

    @property
    def ok(self) -> bool:
        """True when no finding is an error (warnings and infos do not fail a document)."""
        return not any(problem.severity == "error" for problem in self.problems)

    @property
    def errors(self) -> tuple[Problem, ...]:
        """The problems whose severity is ``error`` (what makes ``ok`` false)."""
        return tuple(p for p in self.problems if p.severity == "error")
