"""The diff report as HTML: the Markdown report's content, fragments, folding, escaping."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from html import unescape

import pytest

import openapi_builder as ob
from openapi_builder.diff.html import MAX_FRAGMENT_LINES, fragment, pretty_lines
from openapi_builder.diff.report import DiffReport, ReportedChange
from tests.conftest import FIXTURES
from tests.docs.helpers import parse

PAIR = FIXTURES / "diff" / "report"


@pytest.fixture(scope="module")
def report() -> DiffReport:
    return ob.diff(PAIR / "base.yaml", PAIR / "revision.yaml")


def test_golden(report: DiffReport, golden: Callable[[str, str], None]) -> None:
    # Sources are shown as given; the golden page uses relative names so it is portable.
    portable = DiffReport(
        changes=report.changes, base_source="base.yaml", revision_source="revision.yaml"
    )
    base, revision = ob.load(PAIR / "base.yaml"), ob.load(PAIR / "revision.yaml")
    golden("docs/diff-report.html", portable.to_html(base=base, revision=revision))


def test_same_content_as_the_markdown_report(report: DiffReport) -> None:
    page = report.to_html()
    text = unescape(page)
    markdown = report.to_markdown()
    for title in re.findall(r"^### (.+)$", markdown, re.M):
        assert f"<h2>{title}</h2>" in page
    for change in report.changes:
        assert change.message in text and change.rule_id in text
        assert all(op in text for op in change.operations)
    assert "9 changes: 3 breaking, 1 warning, 5 info" in text
    # Breaking first, in the report's order.
    positions = [text.index(change.message) for change in report.changes]
    assert positions == sorted(positions)
    parsed = parse(page)
    assert parsed.unbalanced == [] and parsed.scripts == 0
    levels = [a["data-level"] for a in parsed.articles]
    assert levels == [c.level for c in report.changes]


def test_the_level_filter_needs_no_script(report: DiffReport) -> None:
    page = report.to_html()
    for level in ("all", "breaking", "warning", "info"):
        assert f'id="show-{level}"' in page and f'<label for="show-{level}"' in page
    assert "#show-breaking:checked~main section.level:not(.breaking)" in page
    assert parse(page).scripts == 0


def test_fragments_side_by_side_with_the_member_marked(report: DiffReport) -> None:
    page = report.to_html()  # documents read again from the report's files
    change = next(c for c in report.changes if c.rule_id == "request-parameter-max-decreased")
    article = page.split(f'data-rule="{change.rule_id}"', 1)[1].split("</article>", 1)[0]
    base_side, revision_side = article.split('<div class="side-revision">')
    assert "<mark>" in base_side and "100" in base_side.split("<mark>")[1]
    assert "<mark>" in revision_side and "50" in revision_side.split("<mark>")[1]


def test_without_documents_pointers_are_shown() -> None:
    change = ReportedChange(
        rule_id="api-removed-without-deprecation",
        level="breaking",
        direction="none",
        operations=("GET /a",),
        base_pointer="/paths/~1a/get",
        revision_pointer=None,
        message="endpoint removed",
    )
    page = DiffReport(changes=(change,)).to_html()
    assert "at <code>/paths/~1a/get</code>" in page
    assert '<p class="muted">(absent)</p>' in page


def test_fragment_context_and_cut() -> None:
    doc = {"a": {f"k{i}": i for i in range(20)}, "big": {"x": list(range(500))}}
    html = fragment(doc, "/a/k10")
    assert "… 7 more" in html and "… 6 more" in html  # three siblings each side
    assert "<mark>  &quot;k10&quot;: 10</mark>" in html
    assert "… more lines not shown" in fragment(doc, "/big/x")
    assert fragment(doc, "/big/x").count("\n") < MAX_FRAGMENT_LINES + 10
    assert "[\n" in fragment({"l": [1, 2, 3]}, "/l/1")
    assert "not found" in fragment(doc, "/nope")


@pytest.mark.parametrize(
    "value",
    [{"a": [1, {"b": None, "c": []}, {}], "d": 'é"', "e": 1.5, "f": True}, [], {}, "x", [[[]]]],
)
def test_pretty_lines_match_the_standard_encoder(value: object) -> None:
    assert pretty_lines(value, 1000) == json.dumps(value, indent=2, ensure_ascii=False).split("\n")


def test_operations_past_ten_are_folded() -> None:
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
    page = DiffReport(changes=(change,)).to_html()
    shown, folded = page.split("<details>", 1)
    assert shown.count("<li><code>GET /items/") == 10
    assert "<summary>and 15 more</summary>" in folded
    assert folded.count("<li><code>GET /items/") == 15


def test_text_from_documents_is_escaped() -> None:
    evil = "<script>alert(1)</script>"
    change = ReportedChange(
        rule_id="api-tag-added",
        level="info",
        direction="none",
        operations=(f"GET /{evil}",),
        base_pointer=f"/x/{evil}",
        revision_pointer=f"/x/{evil}",
        message=f"tags added: {evil}",
    )
    doc = {"x": {evil: evil}}
    page = DiffReport(changes=(change,), base_source=evil).to_html(base=doc, revision=doc)
    assert "<script" not in page
    assert parse(page).unbalanced == []


def test_cli_format_html(tmp_path: object) -> None:
    import io

    from openapi_builder.cli import run

    out, err = io.StringIO(), io.StringIO()
    code = run(
        ["diff", str(PAIR / "base.yaml"), str(PAIR / "revision.yaml"), "--format", "html"],
        stdout=out,
        stderr=err,
    )
    assert code == 1 and err.getvalue() == ""
    assert out.getvalue().startswith("<!DOCTYPE html>")
    assert out.getvalue().count('<article class="change') == 9
