"""The result of a diff: reported changes with levels and messages, and the exit code.

``DiffReport.changes`` is sorted by :meth:`ReportedChange.sort_key`: level (breaking, warning,
info), then the first affected operation, rule id, base pointer, revision pointer and message -
so the same two documents always give the same report, byte for byte.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from openapi_builder.diff import formats
from openapi_builder.diff.rules import LEVEL_RANK, Direction, FailOn, Level, reaches


@dataclass(frozen=True, slots=True, kw_only=True)
class ReportedChange:
    """One change as reported: rule, level (after overrides), direction, where and message."""

    rule_id: str
    level: Level
    direction: Direction
    operations: tuple[str, ...]
    base_pointer: str | None
    revision_pointer: str | None
    message: str
    # Read-only; left out of the hash (a mapping is unhashable; `message` already reflects it).
    args: Mapping[str, str] = field(default_factory=dict, hash=False)

    def sort_key(self) -> tuple[int, str, str, str, str, str]:
        """Level rank, first operation, rule id, base pointer, revision pointer, message."""
        return (
            LEVEL_RANK[self.level],
            self.operations[0] if self.operations else "",
            self.rule_id,
            self.base_pointer or "",
            self.revision_pointer or "",
            self.message,
        )

    def to_dict(self) -> dict[str, object]:
        """The change as JSON-ready data (the ``changes`` items of ``to_json``)."""
        return {
            "rule_id": self.rule_id,
            "level": self.level,
            "direction": self.direction,
            "operations": list(self.operations),
            "base_pointer": self.base_pointer,
            "revision_pointer": self.revision_pointer,
            "message": self.message,
            "args": dict(sorted(self.args.items())),
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class DiffReport:
    """Every change between two documents, sorted, plus what was accepted by an ignore file.

    ``exit_code`` is 1 when any change reaches ``fail_on`` (``breaking``: any breaking change;
    ``warning``: any breaking or warning; ``info``: any change; ``never``: never), else 0.
    """

    changes: tuple[ReportedChange, ...]
    ignored: tuple[ReportedChange, ...] = ()
    fail_on: FailOn = "breaking"
    base_source: str | None = None
    revision_source: str | None = None
    #: JSON pointer -> (line, column) in the revision file, when it was read from a file;
    #: used by the GitHub annotations. Not data: left out of comparisons and the repr.
    revision_position: Callable[[str], tuple[int, int] | None] | None = field(
        default=None, compare=False, repr=False
    )
    #: Any revision pointer of a change, ``file#pointer`` ones into referenced files included
    #: -> (that file as named in messages, line, column); used by the GitHub annotations.
    revision_place: Callable[[str], tuple[str, int, int] | None] | None = field(
        default=None, compare=False, repr=False
    )

    @property
    def breaking(self) -> tuple[ReportedChange, ...]:
        """The breaking changes."""
        return self.at_level("breaking")

    @property
    def warnings(self) -> tuple[ReportedChange, ...]:
        """The warnings."""
        return self.at_level("warning")

    @property
    def infos(self) -> tuple[ReportedChange, ...]:
        """The informational changes."""
        return self.at_level("info")

    def at_level(self, level: Level) -> tuple[ReportedChange, ...]:
        """The changes of one level, in report order."""
        return tuple(change for change in self.changes if change.level == level)

    @property
    def failing(self) -> tuple[ReportedChange, ...]:
        """The changes that reach the ``fail_on`` threshold."""
        return tuple(c for c in self.changes if reaches(c.level, self.fail_on))

    @property
    def exit_code(self) -> int:
        """1 when the ``fail_on`` threshold is reached, else 0."""
        return 1 if self.failing else 0

    def counts(self) -> dict[str, int]:
        """Number of changes per level (every level present, zeros included)."""
        return {level: len(self.at_level(level)) for level in ("breaking", "warning", "info")}

    def to_text(self) -> str:
        """Plain text for a terminal: a summary line, then one block per change."""
        return formats.to_text(self)

    def to_markdown(self) -> str:
        """Markdown for a pull-request comment: a summary and a table per level."""
        return formats.to_markdown(self)

    def to_json(self) -> str:
        """JSON following ``openapi_builder.diff.formats.JSON_SCHEMA`` (stable, versioned)."""
        return formats.to_json(self)

    def to_github(self) -> str:
        """GitHub Actions workflow commands (``::error``/``::warning``/``::notice``)."""
        return formats.to_github(self)

    def to_junit(self) -> str:
        """JUnit XML: one test case per change, failing when it reaches ``fail_on``."""
        return formats.to_junit(self)

    def to_html(
        self, *, base: Mapping[str, Any] | None = None, revision: Mapping[str, Any] | None = None
    ) -> str:
        """One self-contained HTML page; pass the documents to show the changed fragments.

        Without them, the fragments are read again from ``base_source`` and
        ``revision_source`` when the report was made from files; else pointers are shown.
        """
        return formats.to_html(self, base=base, revision=revision)

    def format(self, name: str) -> str:
        """Render by format name: ``text``, ``markdown``, ``json``, ``github``, ``junit`` or
        ``html``."""
        if name not in formats.FORMATS:
            choices = ", ".join(formats.FORMATS)
            raise ValueError(f"unknown diff format {name!r}; choose one of {choices}")
        return formats.FORMATS[name](self)
