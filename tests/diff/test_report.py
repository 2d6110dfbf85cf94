"""DiffReport: order, levels, exit codes, and the diff() options that shape it."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from openapi_builder.diff import DiffOptionError, IgnoreEntry, diff, parse_severity_overrides
from openapi_builder.diff.report import DiffReport, ReportedChange
from openapi_builder.load import load

PAIR = Path(__file__).resolve().parents[2] / "fixtures" / "diff" / "report"
BASE, REVISION = load(PAIR / "base.yaml"), load(PAIR / "revision.yaml")


def _change(
    level: str, rule_id: str = "endpoint-added", operation: str = "GET /a"
) -> ReportedChange:
    return ReportedChange(
        rule_id=rule_id,
        level=level,  # type: ignore[arg-type]
        direction="none",
        operations=(operation,),
        base_pointer=None,
        revision_pointer="/paths/~1a/get",
        message="m",
        args={},
    )


@pytest.mark.parametrize(
    ("levels", "fail_on", "exit_code"),
    [
        ((), "breaking", 0),
        (("info",), "breaking", 0),
        (("warning",), "breaking", 0),
        (("breaking",), "breaking", 1),
        (("warning",), "warning", 1),
        (("info",), "warning", 0),
        (("breaking",), "warning", 1),
        (("info",), "info", 1),
        ((), "info", 0),
        (("breaking", "warning", "info"), "never", 0),
    ],
)
def test_exit_code_follows_fail_on(levels: tuple[str, ...], fail_on: Any, exit_code: int) -> None:
    report = DiffReport(changes=tuple(_change(level) for level in levels), fail_on=fail_on)
    assert report.exit_code == exit_code
    assert bool(report.failing) == bool(exit_code)


def test_changes_are_sorted_by_level_operation_rule_pointer() -> None:
    report = diff(BASE, REVISION)
    keys = [c.sort_key() for c in report.changes]
    assert keys == sorted(keys)
    assert [c.level for c in report.changes] == ["breaking"] * 3 + ["warning"] + ["info"] * 5
    assert report.breaking == report.changes[:3]
    assert report.warnings == report.changes[3:4]
    assert report.infos == report.changes[4:]
    assert report.counts() == {"breaking": 3, "warning": 1, "info": 5}


def test_output_does_not_depend_on_key_order() -> None:
    def reverse_keys(node: Any) -> Any:
        if isinstance(node, dict):
            return {k: reverse_keys(node[k]) for k in reversed(list(node))}
        if isinstance(node, list):
            return [reverse_keys(v) for v in node]
        return node

    assert (
        diff(reverse_keys(BASE), reverse_keys(REVISION)).to_json() == diff(BASE, REVISION).to_json()
    )


def test_severity_overrides_change_levels_and_can_switch_rules_off() -> None:
    report = diff(
        BASE,
        REVISION,
        severity={"response-property-enum-value-added": "breaking", "api-tag-added": "off"},
    )
    by_rule = {c.rule_id: c.level for c in report.changes}
    assert by_rule["response-property-enum-value-added"] == "breaking"
    assert "api-tag-added" not in by_rule
    assert len(report.breaking) == 4


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"no-such-rule": "info"}, "unknown rule id 'no-such-rule' in severity overrides"),
        ({"api-tag-added": "fatal"}, "unknown level 'fatal' for rule 'api-tag-added'"),
    ],
)
def test_bad_severity_overrides_are_refused(overrides: dict[str, str], message: str) -> None:
    with pytest.raises(DiffOptionError, match=message):
        diff(BASE, REVISION, severity=overrides)


def test_parse_severity_overrides() -> None:
    assert parse_severity_overrides(["api-tag-added=warning", " webhook-added = off "]) == {
        "api-tag-added": "warning",
        "webhook-added": "off",
    }
    with pytest.raises(DiffOptionError, match="must look like RULE-ID=LEVEL"):
        parse_severity_overrides(["api-tag-added"])


def test_bad_fail_on_is_refused() -> None:
    with pytest.raises(
        DiffOptionError, match="fail_on must be one of breaking, warning, info, never"
    ):
        diff(BASE, REVISION, fail_on="sometimes")  # type: ignore[arg-type]


def test_ignore_entries_move_accepted_operations_out() -> None:
    entries = [
        IgnoreEntry(rule_id="api-removed-without-deprecation", operation="DELETE /pets/{id}"),
        # A shared-schema change keeps the operations that were not accepted.
        IgnoreEntry(rule_id="response-property-enum-value-added", operation="POST /pets"),
    ]
    report = diff(BASE, REVISION, ignore=entries)
    assert "api-removed-without-deprecation" not in {c.rule_id for c in report.changes}
    enum = [c for c in report.changes if c.rule_id == "response-property-enum-value-added"]
    assert [c.operations for c in enum] == [("GET /pets", "GET /pets/{petId}")]
    assert [(c.rule_id, c.operations) for c in report.ignored] == [
        ("api-removed-without-deprecation", ("DELETE /pets/{petId}",)),
        ("response-property-enum-value-added", ("POST /pets",)),
    ]
    assert '"ignored": 2' in report.to_json()


def test_match_and_unmatch_path() -> None:
    only_item = diff(BASE, REVISION, match_path=r"\{")
    assert {op for c in only_item.changes for op in c.operations} == {
        "DELETE /pets/{petId}",
        "GET /pets/{petId}",
    }
    without_item = diff(BASE, REVISION, unmatch_path=[r"\{", "^/nothing"])
    assert {op for c in without_item.changes for op in c.operations} == {"GET /pets", "POST /pets"}
    with pytest.raises(DiffOptionError, match="match_path '\\(' is not a valid regex"):
        diff(BASE, REVISION, match_path="(")


def test_webhook_changes_are_kept_by_path_filters_and_ignored_by_star() -> None:
    base = copy.deepcopy(BASE)
    base["webhooks"] = {"ping": {"post": {"responses": {"200": {"description": "OK"}}}}}
    report = diff(base, REVISION, match_path="^/nothing$")
    assert [c.rule_id for c in report.changes] == ["webhook-removed"]
    accepted = diff(
        base,
        REVISION,
        match_path="^/nothing$",
        ignore=[IgnoreEntry(rule_id="webhook-removed", operation=None)],
    )
    assert accepted.changes == () and [c.rule_id for c in accepted.ignored] == ["webhook-removed"]


def test_reported_changes_are_hashable_and_read_only() -> None:
    change = diff(BASE, REVISION).changes[0]
    assert change in {change}
    with pytest.raises(TypeError):
        change.args["x"] = "y"  # type: ignore[index]
