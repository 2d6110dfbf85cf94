"""Response media types relabelled: matched with their old name, judged, schemas compared."""

from __future__ import annotations

from typing import Any

import pytest

from openapi_builder.diff import diff
from openapi_builder.diff.checks.media_types import match_renamed, relate

Doc = dict[str, Any]


@pytest.mark.parametrize(
    ("old", "new", "relation"),
    [
        ("application/json", "application/problem+json", "specialized"),
        ("application/problem+json", "application/json", "generalized"),
        ("application/*", "application/json", "specialized"),
        ("*/*", "text/plain", "specialized"),
        ("text/plain", "*/*", "generalized"),
        ("text/plain", "text/plain; charset=utf-8", "parameters"),
        ("Application/JSON", "application/json", "same"),
        ("application/json", "application/problem+json; charset=utf-8", "changed"),
        ("application/json", "application/xml", None),
        ("application/json", "text/json", None),
        ("application/xml", "application/problem+json", None),
    ],
)
def test_relate(old: str, new: str, relation: str | None) -> None:
    assert relate(old, new) == relation


def test_each_added_media_type_is_matched_once_in_name_order() -> None:
    pairs = match_renamed(["application/json", "application/*"], ["application/problem+json"])
    assert pairs == [("application/*", "application/problem+json", "specialized")]


def spec(media_type: str, schema: Doc) -> Doc:
    response = {"description": "OK", "content": {media_type: {"schema": schema}}}
    operation = {"responses": {"200": response}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {"/a": {"get": operation}},
    }


def test_a_relabelled_media_types_schema_is_still_compared() -> None:
    base = spec("application/json", {"type": "object", "properties": {"id": {"type": "string"}}})
    revision = spec("application/problem+json", {"type": "object", "properties": {}})
    found = sorted((c.rule_id, c.level) for c in diff(base, revision).changes)
    assert found == [
        ("response-media-type-name-specialized", "info"),
        ("response-optional-property-removed", "warning"),
    ]


def test_a_media_type_renamed_in_case_only_is_no_change() -> None:
    schema = {"type": "string"}
    assert diff(spec("Application/JSON", schema), spec("application/json", schema)).changes == ()


def test_unrelated_media_types_are_removed_and_added() -> None:
    schema = {"type": "string"}
    found = {
        c.rule_id for c in diff(spec("application/json", schema), spec("text/csv", schema)).changes
    }
    assert found == {"response-media-type-removed", "response-media-type-added"}
