"""Report formatters (golden files) and ``exit_code``."""

from __future__ import annotations

import json
from collections.abc import Callable
from xml.etree import ElementTree

import pytest

from openapi_builder.validate import (
    FORMATS,
    Problem,
    ValidationReport,
    exit_code,
    format_report,
    to_github,
    to_json,
    to_junit,
    to_text,
)

PROBLEMS = (
    Problem(
        rule_id="structure",
        severity="error",
        pointer="/paths/~1pets/get/responses/200",
        message="missing required property 'description'",
        hint="add a description (required on every response)",
        source="specs/openapi.yaml",
        line=12,
        column=9,
    ),
    Problem(
        rule_id="no-unused-components",
        severity="warning",
        pointer="/components/schemas/Old",
        message="component 'Old' is never used",
        hint="remove it, or reference it where it is meant to be used",
        source="specs/openapi.yaml",
        line=40,
        column=5,
    ),
    Problem(
        rule_id="operation-summary",
        severity="info",
        pointer="/paths/~1pets/get",
        message='GET /pets has no summary, 100% <sure> & "odd"\nsecond line',
    ),
)
REPORT = ValidationReport(problems=PROBLEMS, source="specs/openapi.yaml")
CLEAN = ValidationReport(problems=(), source="specs/openapi.yaml")

Golden = Callable[[str, str], None]


@pytest.mark.parametrize(
    ("fmt", "suffix"), [("text", "txt"), ("json", "json"), ("github", "github"), ("junit", "xml")]
)
def test_formats_match_golden_files(golden: Golden, fmt: str, suffix: str) -> None:
    golden(f"validate/formats/report.{suffix}", format_report(REPORT, fmt))
    golden(f"validate/formats/clean.{suffix}", format_report(CLEAN, fmt))


def test_json_shape_is_stable() -> None:
    payload = json.loads(to_json(REPORT))
    assert set(payload) == {"ok", "source", "summary", "problems"}
    assert payload["ok"] is False
    assert payload["summary"] == {"error": 1, "warning": 1, "info": 1}
    assert [p["rule_id"] for p in payload["problems"]] == [p.rule_id for p in PROBLEMS]
    assert set(payload["problems"][0]) == {
        "rule_id", "severity", "pointer", "message", "hint", "source", "line", "column",
    }  # fmt: skip


def test_github_annotations_escape_and_locate() -> None:
    lines = to_github(REPORT).splitlines()
    assert lines[0].startswith("::error file=specs/openapi.yaml,line=12,col=9,title=structure::")
    assert lines[1].startswith("::warning file=specs/openapi.yaml,line=40,col=5,")
    assert lines[2].startswith("::notice title=operation-summary::")
    assert "100%25" in lines[2] and "%0Asecond line" in lines[2]
    assert len(lines) == 3


def test_junit_is_well_formed_and_counts_failures() -> None:
    root = ElementTree.fromstring(to_junit(REPORT).split("\n", 1)[1])
    (suite,) = root
    assert suite.get("tests") == "3" and suite.get("failures") == "1"
    cases = suite.findall("testcase")
    assert [len(case.findall("failure")) for case in cases] == [1, 0, 0]
    assert '"odd"' in (cases[2].findtext("system-out") or "")
    clean = ElementTree.fromstring(to_junit(CLEAN).split("\n", 1)[1])
    assert clean[0].get("failures") == "0" and len(clean[0].findall("testcase")) == 1


def test_text_ends_with_totals() -> None:
    assert (
        to_text(REPORT).splitlines()[-1]
        == "specs/openapi.yaml: 1 error(s), 1 warning(s), 1 info(s)"
    )
    assert to_text(CLEAN) == "specs/openapi.yaml: no problems\n"


@pytest.mark.parametrize(
    ("problems", "fail_on", "code"),
    [
        (PROBLEMS, "error", 1),
        (PROBLEMS[1:], "error", 0),
        (PROBLEMS[1:], "warning", 1),
        (PROBLEMS[2:], "warning", 0),
        (PROBLEMS[2:], "info", 1),
        (PROBLEMS, "never", 0),
        ((), "info", 0),
    ],
)
def test_exit_code(problems: tuple[Problem, ...], fail_on: str, code: int) -> None:
    assert exit_code(ValidationReport(problems=problems), fail_on) == code


def test_unknown_format_and_fail_on() -> None:
    with pytest.raises(ValueError, match="unknown format"):
        format_report(REPORT, "sarif")
    with pytest.raises(ValueError, match="unknown fail_on"):
        exit_code(REPORT, "fatal")
    assert set(FORMATS) == {"text", "json", "github", "junit"}
