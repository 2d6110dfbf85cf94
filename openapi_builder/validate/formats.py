"""Report formatters (pure functions to ``str``) and the CLI's exit code.

JSON shape (stable; keys sorted, two-space indent)::

    {"ok": bool, "source": str | null,
     "summary": {"error": int, "warning": int, "info": int},
     "problems": [{"rule_id", "severity", "pointer", "message", "hint",
                   "source", "line", "column"}, ...]}      # in report order
"""

from __future__ import annotations

import json
from collections.abc import Callable
from xml.etree import ElementTree

from openapi_builder._github import workflow_command
from openapi_builder.validate.report import SEVERITY_RANK, Problem, ValidationReport

__all__ = [
    "FAIL_ON",
    "FORMATS",
    "exit_code",
    "format_report",
    "to_github",
    "to_json",
    "to_junit",
    "to_text",
]

FAIL_ON = ("error", "warning", "info", "never")


def _summary(report: ValidationReport) -> dict[str, int]:
    counts = dict.fromkeys(SEVERITY_RANK, 0)
    for problem in report.problems:
        counts[problem.severity] += 1
    return counts


def to_text(report: ValidationReport) -> str:
    """One line per problem (``severity [rule] message - at place (hint: ...)``), then totals."""
    # One line per problem, whatever a message holds.
    lines = [" ".join(str(problem).splitlines()) for problem in report.problems]
    counts = _summary(report)
    name = report.source or "document"
    if report.problems:
        totals = ", ".join(f"{n} {severity}(s)" for severity, n in counts.items() if n)
        lines.append(f"{name}: {totals}")
    else:
        lines.append(f"{name}: no problems")
    return "\n".join(lines) + "\n"


def _as_dict(problem: Problem) -> dict[str, object]:
    return {
        "rule_id": problem.rule_id,
        "severity": problem.severity,
        "pointer": problem.pointer,
        "message": problem.message,
        "hint": problem.hint,
        "source": problem.source,
        "line": problem.line,
        "column": problem.column,
    }


def to_json(report: ValidationReport) -> str:
    """The documented JSON shape (see the module docstring)."""
    payload = {
        "ok": report.ok,
        "source": report.source,
        "summary": _summary(report),
        "problems": [_as_dict(problem) for problem in report.problems],
    }
    return json.dumps(payload, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def to_github(report: ValidationReport) -> str:
    """GitHub Actions workflow commands: ``::error file=F,line=L,col=C,title=rule::message``."""
    lines = []
    for problem in report.problems:
        message = f"{problem.message} - at {problem.pointer or '/'}"
        if problem.hint:
            message += f" (hint: {problem.hint})"
        lines.append(
            workflow_command(
                _GITHUB_LEVEL[problem.severity],
                message,
                file=problem.source,
                line=problem.line,
                column=problem.column,
                title=problem.rule_id,
            )
        )
    return "".join(line + "\n" for line in lines)


def to_junit(report: ValidationReport) -> str:
    """JUnit XML: one test case per problem (errors fail), one passing case when clean."""
    name = report.source or "document"
    suite = ElementTree.Element(
        "testsuite",
        name=f"openapi-builder validate {name}",
        tests=str(max(len(report.problems), 1)),
        failures=str(len(report.errors)),
        errors="0",
    )
    if not report.problems:
        ElementTree.SubElement(suite, "testcase", classname=name, name="valid")
    for problem in report.problems:
        case = ElementTree.SubElement(
            suite,
            "testcase",
            classname=name,
            name=f"{problem.rule_id} at {problem.location}",
        )
        text = problem.message + (f"\nhint: {problem.hint}" if problem.hint else "")
        if problem.severity == "error":
            failure = ElementTree.SubElement(
                case, "failure", type=problem.rule_id, message=problem.message
            )
            failure.text = text
        else:
            out = ElementTree.SubElement(case, "system-out")
            out.text = f"{problem.severity}: {text}"
    root = ElementTree.Element("testsuites")
    root.append(suite)
    ElementTree.indent(root)
    body = ElementTree.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'


FORMATS: dict[str, Callable[[ValidationReport], str]] = {
    "text": to_text,
    "json": to_json,
    "github": to_github,
    "junit": to_junit,
}


def format_report(report: ValidationReport, fmt: str = "text") -> str:
    """Render ``report`` in one of ``FORMATS``; ``ValueError`` for an unknown format."""
    try:
        return FORMATS[fmt](report)
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}") from None


def exit_code(report: ValidationReport, fail_on: str = "error") -> int:
    """1 when a problem is at least as severe as ``fail_on`` (``never``: always 0), else 0."""
    if fail_on not in FAIL_ON:
        raise ValueError(f"unknown fail_on {fail_on!r}; use one of {', '.join(FAIL_ON)}")
    if fail_on == "never":
        return 0
    threshold = SEVERITY_RANK[fail_on]
    return int(any(SEVERITY_RANK[p.severity] <= threshold for p in report.problems))
