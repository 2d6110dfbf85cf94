"""Renderings of a :class:`~openapi_builder.diff.report.DiffReport`: text, Markdown, JSON,
GitHub Actions annotations, JUnit XML and HTML. Each is a pure function of the report (HTML
reads the documents again from the report's sources, to show the changed fragments).

The JSON format is versioned (``format_version``) and described by :data:`JSON_SCHEMA`;
fields are only ever added within a version::

    {"format_version": 1,
     "summary": {"breaking": int, "warning": int, "info": int, "ignored": int,
                 "fail_on": "breaking"|"warning"|"info"|"never", "exit_code": 0|1},
     "changes": [{"rule_id", "level", "direction", "operations": ["GET /p"],
                  "base_pointer": str|null, "revision_pointer": str|null,
                  "message", "args": {str: str}}],
     "ignored": [ ...same items... ]}
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any
from xml.etree import ElementTree

from openapi_builder._github import workflow_command
from openapi_builder.diff.groups import group_changes, place
from openapi_builder.diff.rules import Level, reaches

if TYPE_CHECKING:
    from openapi_builder.diff.report import DiffReport, ReportedChange

JSON_FORMAT_VERSION = 1

_CHANGE_SCHEMA: Mapping[str, Any] = {
    "type": "object",
    "required": [
        "rule_id",
        "level",
        "direction",
        "operations",
        "base_pointer",
        "revision_pointer",
        "message",
        "args",
    ],
    "properties": {
        "rule_id": {"type": "string"},
        "level": {"enum": ["breaking", "warning", "info"]},
        "direction": {"enum": ["request", "response", "none"]},
        "operations": {"type": "array", "items": {"type": "string"}},
        "base_pointer": {"type": ["string", "null"]},
        "revision_pointer": {"type": ["string", "null"]},
        "message": {"type": "string"},
        "args": {"type": "object", "additionalProperties": {"type": "string"}},
    },
}

JSON_SCHEMA: Mapping[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "openapi-builder diff report",
    "type": "object",
    "required": ["format_version", "summary", "changes", "ignored"],
    "properties": {
        "format_version": {"const": JSON_FORMAT_VERSION},
        "summary": {
            "type": "object",
            "required": ["breaking", "warning", "info", "ignored", "fail_on", "exit_code"],
            "properties": {
                "breaking": {"type": "integer", "minimum": 0},
                "warning": {"type": "integer", "minimum": 0},
                "info": {"type": "integer", "minimum": 0},
                "ignored": {"type": "integer", "minimum": 0},
                "fail_on": {"enum": ["breaking", "warning", "info", "never"]},
                "exit_code": {"enum": [0, 1]},
            },
        },
        "changes": {"type": "array", "items": _CHANGE_SCHEMA},
        "ignored": {"type": "array", "items": _CHANGE_SCHEMA},
    },
}
"""JSON Schema of :func:`to_json`'s output."""


def summary_line(report: DiffReport) -> str:
    """``3 changes: 1 breaking, 1 warning, 1 info`` (plus ignored ones, when any)."""
    counts = report.counts()
    total = sum(counts.values())
    text = f"{total} change{'s' if total != 1 else ''}: " + ", ".join(
        f"{count} {level}" for level, count in counts.items()
    )
    if report.ignored:
        text += f" ({len(report.ignored)} ignored)"
    return text


def _where(change: ReportedChange) -> str:
    parts = []
    if change.base_pointer is not None:
        parts.append(f"base {change.base_pointer or '/'}")
    if change.revision_pointer is not None:
        parts.append(f"revision {change.revision_pointer or '/'}")
    return ", ".join(parts)


def to_text(report: DiffReport) -> str:
    """A summary line, then per change: level, rule id, message, operations and pointers.

    Changes that are the same edit (see :mod:`openapi_builder.diff.groups`) are one block
    with their count and places."""
    lines = [summary_line(report)]
    for group in group_changes(report.changes):
        change = group.first
        lines.append("")
        if group.count == 1:
            lines.append(f"{change.level} [{change.rule_id}] {change.message}")
            if change.operations:
                lines.append(f"    in {_listed(change.operations, ', ')}")
            lines.append(f"    at {_where(change)}")
            continue
        lines.append(f"{change.level} [{change.rule_id}] {group.message} ({group.count} places)")
        if group.operations:
            lines.append(f"    in {_listed(group.operations, ', ')}")
        for member in group.changes[:_SHOWN_PLACES]:
            lines.append(f"    - {place(member)}: {_where(member)}")
        if group.count > _SHOWN_PLACES:
            lines.append(f"    - and {group.count - _SHOWN_PLACES} more")
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    # Pipes end a table cell and newlines end a row; backticks would open code spans.
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("`", "'")


_TITLES: Mapping[Level, str] = {
    "breaking": "Breaking changes",
    "warning": "Warnings",
    "info": "Other changes",
}


def to_markdown(report: DiffReport) -> str:
    """A heading, the summary, and one table per level that has changes."""
    lines = ["## OpenAPI changes", "", summary_line(report)]
    for level, title in _TITLES.items():
        changes = report.at_level(level)
        if not changes:
            continue
        lines += ["", f"### {title}", "", "| Operations | Change | Rule |", "| --- | --- | --- |"]
        for group in group_changes(changes):
            ops = group.operations
            shown = [f"`{_cell(op)}`" for op in ops[:_SHOWN_OPERATIONS]]
            if len(ops) > _SHOWN_OPERATIONS:
                shown.append(f"and {len(ops) - _SHOWN_OPERATIONS} more")
            operations = "<br>".join(shown) or "-"
            text = _cell(group.message)
            if group.count > 1:
                places = [_cell(place(c)) for c in group.changes[:_SHOWN_PLACES_MARKDOWN]]
                if group.count > _SHOWN_PLACES_MARKDOWN:
                    places.append(f"and {group.count - _SHOWN_PLACES_MARKDOWN} more")
                text += (
                    f" <details><summary>{group.count} places</summary>"
                    f"{'<br>'.join(places)}</details>"
                )
            lines.append(f"| {operations} | {text} | `{group.first.rule_id}` |")
    return "\n".join(lines) + "\n"


def to_json(report: DiffReport) -> str:
    """The report as JSON (see :data:`JSON_SCHEMA`), keys sorted, two-space indented."""
    counts = report.counts()
    data = {
        "format_version": JSON_FORMAT_VERSION,
        "summary": {
            **counts,
            "ignored": len(report.ignored),
            "fail_on": report.fail_on,
            "exit_code": report.exit_code,
        },
        "changes": [change.to_dict() for change in report.changes],
        "ignored": [change.to_dict() for change in report.ignored],
    }
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


_GITHUB_COMMANDS = {"breaking": "error", "warning": "warning", "info": "notice"}


def to_github(report: DiffReport) -> str:
    """One workflow command per change, or per group of changes that are the same edit (at
    its first place), in the revision file that holds it: the entry document or, for a change
    inside a part a ``$ref`` reaches, that file."""
    lines = []
    for group in group_changes(report.changes):
        change = group.first
        ops = group.operations
        where = f" ({_listed(ops, ', ')})" if ops else ""
        file, position = _revision_place(report, change)
        at = f" - at {_where(change)}"
        if group.count > 1:
            shown = "; ".join(place(c) for c in group.changes[:_SHOWN_PLACES])
            more = (
                f"; and {group.count - _SHOWN_PLACES} more" if group.count > _SHOWN_PLACES else ""
            )
            at = f" - {group.count} places: {shown}{more}"
        lines.append(
            workflow_command(
                _GITHUB_COMMANDS[change.level],
                f"{group.message}{where}{at}",
                file=file,
                line=position[0] if position else None,
                column=position[1] if position else None,
                title=change.rule_id,
            )
        )
    return "".join(line + "\n" for line in lines)


def _revision_place(
    report: DiffReport, change: ReportedChange
) -> tuple[str | None, tuple[int, int] | None]:
    """The revision file that holds the change, and where in it (removals: the nearest
    surviving parent); the entry document without a position when it cannot be placed."""
    entry = report.revision_source or None
    pointer = change.revision_pointer
    if pointer is None:
        return entry, None
    if report.revision_place is not None:
        found = report.revision_place(pointer)
        return (entry, None) if found is None else (found[0], found[1:])
    if report.revision_position is None:
        return entry, None
    try:
        return entry, report.revision_position(pointer)
    except ValueError:  # not a pointer the file can answer; annotate the file only
        return entry, None


#: How many affected operations the human formats list before "and N more" (a change to a
#: shared schema can reach hundreds; JSON and JUnit list them all).
_SHOWN_OPERATIONS = 10
#: How many places of a grouped edit the text and GitHub formats list, and Markdown.
_SHOWN_PLACES = 10
_SHOWN_PLACES_MARKDOWN = 50


def _listed(operations: tuple[str, ...], separator: str) -> str:
    shown = separator.join(operations[:_SHOWN_OPERATIONS])
    hidden = len(operations) - _SHOWN_OPERATIONS
    return f"{shown}{separator}and {hidden} more" if hidden > 0 else shown


def to_junit(report: DiffReport) -> str:
    """JUnit XML: one ``testcase`` per change (class name = rule id); changes that reach
    ``fail_on`` carry a ``failure``, the others are passing cases with the message as output."""
    failing = [c for c in report.changes if reaches(c.level, report.fail_on)]
    suite = ElementTree.Element(
        "testsuite",
        {
            "name": "openapi-builder diff",
            "tests": str(len(report.changes)),
            "failures": str(len(failing)),
            "errors": "0",
            "skipped": "0",
        },
    )
    for change in report.changes:
        case = ElementTree.SubElement(
            suite,
            "testcase",
            {
                "classname": change.rule_id,
                "name": f"{', '.join(change.operations) or _where(change)}: {change.message}",
            },
        )
        body = f"{change.level}: {change.message}\nat {_where(change)}"
        if reaches(change.level, report.fail_on):
            failure = ElementTree.SubElement(
                case, "failure", {"message": change.message, "type": change.level}
            )
            failure.text = body
        else:
            ElementTree.SubElement(case, "system-out").text = body
    ElementTree.indent(suite)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        + ElementTree.tostring(suite, encoding="unicode")
        + "\n"
    )


def to_html(
    report: DiffReport,
    *,
    base: Mapping[str, Any] | None = None,
    revision: Mapping[str, Any] | None = None,
) -> str:
    """An HTML page (see :mod:`openapi_builder.diff.html`); documents not given are read
    again from the report's sources, when it has them, to show the changed fragments."""
    from openapi_builder.diff.html import read_source
    from openapi_builder.diff.html import to_html as render

    if base is None:
        base = read_source(report.base_source)
    if revision is None:
        revision = read_source(report.revision_source)
    return render(report, base=base, revision=revision)


FORMATS: Mapping[str, Callable[[DiffReport], str]] = {
    "text": to_text,
    "markdown": to_markdown,
    "json": to_json,
    "github": to_github,
    "junit": to_junit,
    "html": to_html,
}
"""Renderers by the names the CLI's ``--format`` accepts."""
