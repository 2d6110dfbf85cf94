"""Every report format, as golden files, plus the properties each format promises."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree

import jsonschema
import pytest

import openapi_builder as ob
from openapi_builder.diff import JSON_SCHEMA, DiffReport, diff

PAIR = Path(__file__).resolve().parents[2] / "fixtures" / "diff" / "report"


@pytest.fixture(scope="module")
def report() -> DiffReport:
    return diff(
        PAIR / "base.yaml",
        PAIR / "revision.yaml",
    )


@pytest.mark.parametrize(
    ("name", "golden_file"),
    [
        ("text", "report.txt"),
        ("markdown", "report.md"),
        ("json", "report.json"),
        ("junit", "report.junit.xml"),
    ],
)
def test_golden(
    report: DiffReport, name: str, golden_file: str, golden: Callable[[str, str], None]
) -> None:
    golden(f"diff/report/{golden_file}", report.format(name))


def test_formats_are_the_methods(report: DiffReport) -> None:
    assert report.format("text") == report.to_text()
    assert report.format("markdown") == report.to_markdown()
    assert report.format("json") == report.to_json()
    assert report.format("github") == report.to_github()
    assert report.format("junit") == report.to_junit()
    assert report.format("html") == report.to_html()
    with pytest.raises(ValueError, match="unknown diff format 'pdf'; choose one of text"):
        report.format("pdf")


def test_json_follows_its_schema_and_counts(report: DiffReport) -> None:
    data = json.loads(report.to_json())
    jsonschema.validate(data, JSON_SCHEMA)
    assert data["summary"] == {
        "breaking": 3,
        "warning": 1,
        "info": 5,
        "ignored": 0,
        "fail_on": "breaking",
        "exit_code": 1,
    }
    assert [c["rule_id"] for c in data["changes"]] == [c.rule_id for c in report.changes]


def test_github_annotations(report: DiffReport) -> None:
    lines = report.to_github().splitlines()
    assert len(lines) == len(report.changes)
    commands = [line.split(" ", 1)[0] for line in lines]
    assert commands == ["::error"] * 3 + ["::warning"] + ["::notice"] * 5
    assert lines[0].startswith(
        f"::error file={PAIR / 'revision.yaml'},title=api-removed-without-deprecation::"
        "endpoint removed without being deprecated first (DELETE /pets/{petId})"
    )
    # Changes that stand in the revision point at their line and column there.
    assert lines[1].startswith(
        f"::error file={PAIR / 'revision.yaml'},line=14,col=11,"
        "title=new-required-request-parameter::"
    )


def test_github_annotations_have_no_lines_for_documents_given_as_dicts() -> None:
    base = ob.load(PAIR / "base.yaml")
    revision = ob.load(PAIR / "revision.yaml")
    assert all(",line=" not in line for line in diff(base, revision).to_github().splitlines())


def test_github_escapes_newlines_and_property_separators() -> None:
    from openapi_builder._github import workflow_command

    assert workflow_command("error", "a%b\nc\rd") == "::error ::a%25b%0Ac%0Dd"
    assert workflow_command("notice", "m", file="x:y,z.yaml", line=3, title="r,1") == (
        "::notice file=x%3Ay%2Cz.yaml,line=3,col=1,title=r%2C1::m"
    )
    assert workflow_command("warning", "m", line=3) == "::warning ::m"  # no file, no line


@pytest.mark.parametrize(
    ("fail_on", "failures"), [("breaking", 3), ("warning", 4), ("info", 9), ("never", 0)]
)
def test_junit_failures_follow_fail_on(fail_on: str, failures: int) -> None:
    report = diff(PAIR / "base.yaml", PAIR / "revision.yaml", fail_on=fail_on)  # type: ignore[arg-type]
    suite = ElementTree.fromstring(report.to_junit().split("\n", 1)[1])
    assert suite.get("tests") == "9" and suite.get("failures") == str(failures)
    assert len(suite.findall("testcase/failure")) == failures
    assert len(suite.findall("testcase")) == 9


def test_markdown_escapes_table_cells(report: DiffReport) -> None:
    markdown = report.to_markdown()
    assert "tags added: store \\| shelf" in markdown
    rows = [line for line in markdown.splitlines() if line.startswith("| `")]
    # Every row has exactly three cells despite the pipe in the tag name.
    assert all(line.replace("\\|", "").count("|") == 4 for line in rows)


def test_an_empty_report_renders_everywhere() -> None:
    report = diff(PAIR / "base.yaml", PAIR / "base.yaml")
    assert report.to_text() == "0 changes: 0 breaking, 0 warning, 0 info\n"
    assert report.to_github() == ""
    assert json.loads(report.to_json())["changes"] == []
    assert "### " not in report.to_markdown()


def test_human_formats_list_ten_operations_then_say_how_many_more() -> None:
    from openapi_builder.diff.report import DiffReport, ReportedChange

    operations = tuple(f"GET /items/{i:02d}" for i in range(25))
    change = ReportedChange(
        rule_id="response-property-became-nullable",
        level="breaking",
        direction="response",
        operations=operations,
        base_pointer="/components/schemas/Item",
        revision_pointer="/components/schemas/Item",
        message="response property Item: became nullable",
    )
    report = DiffReport(changes=(change,))
    assert "GET /items/09, and 15 more" in report.to_text()
    assert "GET /items/10" not in report.to_text()
    assert "and 15 more" in report.to_markdown()
    assert "GET /items/09, and 15 more" in report.to_github()
    assert all(op in report.to_json() for op in operations)  # machines get them all
