"""Grouping: one edit that touches many places is one entry in the human formats."""

from __future__ import annotations

import copy
import json
from typing import Any

from openapi_builder.diff import diff
from openapi_builder.diff.groups import group_changes, place


def api(max_length: int | None, names: int = 30) -> dict[str, Any]:
    string: dict[str, Any] = {"type": "string"}
    if max_length is not None:
        string["maxLength"] = max_length
    properties = {f"p{i:02}": dict(string) for i in range(names)}
    body = {
        "content": {"application/json": {"schema": {"type": "object", "properties": properties}}}
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "G", "version": "1"},
        "paths": {
            "/a": {"post": {"requestBody": body, "responses": {"200": {"description": "OK"}}}},
            "/b": {
                "put": {
                    "requestBody": copy.deepcopy(body),
                    "responses": {"200": {"description": "OK"}},
                }
            },
        },
    }


def test_a_bound_set_everywhere_is_one_group_with_every_place() -> None:
    report = diff(api(None), api(5000))
    assert {c.rule_id for c in report.changes} == {"request-property-max-length-set"}
    assert all(c.level == "warning" for c in report.changes)  # a new bound is not breaking
    groups = group_changes(report.changes)
    assert [g.count for g in groups] == [60]
    assert groups[0].message == "request property *: maxLength set to 5000 (was unbounded)"
    assert groups[0].operations == ("POST /a", "PUT /b")
    assert place(groups[0].changes[0]) == "body.p00"


def test_different_values_are_different_groups() -> None:
    revision = api(5000)
    revision["paths"]["/b"]["put"]["requestBody"]["content"]["application/json"]["schema"][
        "properties"
    ]["p00"]["maxLength"] = 10
    groups = group_changes(diff(api(None), revision).changes)
    assert sorted(g.count for g in groups) == [1, 59]


def test_human_formats_group_and_json_keeps_every_change() -> None:
    report = diff(api(None), api(5000))
    text = report.to_text()
    assert text.count("[request-property-max-length-set]") == 1
    assert "(60 places)" in text and "- and 50 more" in text
    markdown = report.to_markdown()
    assert markdown.count("`request-property-max-length-set`") == 1
    assert "<details><summary>60 places</summary>" in markdown
    github = report.to_github()
    assert len(github.splitlines()) == 1 and "60 places" in github
    assert len(json.loads(report.to_json())["changes"]) == 60


def test_grouped_output_is_deterministic() -> None:
    first = diff(api(None), api(5000))
    second = diff(api(None), api(5000))
    assert first.to_text() == second.to_text()
    assert first.to_markdown() == second.to_markdown()


def test_changes_without_a_before_and_after_are_not_grouped() -> None:
    # Thirty different properties added are thirty edits, each worth reading.
    base = api(None, names=1)
    report = diff(base, api(None))
    assert {c.rule_id for c in report.changes} == {"new-optional-request-property"}
    assert len(group_changes(report.changes)) == len(report.changes) == 58
