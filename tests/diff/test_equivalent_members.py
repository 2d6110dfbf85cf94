"""Composition members that are the same schema as one that stays: the instances accepted do
not change, so adding or removing one is information, never a break."""

from __future__ import annotations

from typing import Any

import pytest

from openapi_builder.diff import diff
from openapi_builder.diff.members import same_schema
from openapi_builder.diff.resolve import Resolver

Doc = dict[str, Any]
NAMED = {"type": "object", "properties": {"name": {"type": "string"}}}


def spec(keyword: str, members: list[str], *, response: bool = True, **schemas: Doc) -> Doc:
    schema = {keyword: [{"$ref": f"#/components/schemas/{m}"} for m in members]}
    body = {"content": {"application/json": {"schema": schema}}}
    operation: Doc = {"responses": {"200": {"description": "OK", **(body if response else {})}}}
    if not response:
        operation["requestBody"] = body
    return {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {"/pets": {"post": operation}},
        "components": {"schemas": {"Dog": {**NAMED, "required": ["name"]}, **schemas}},
    }


def rules(base: Doc, revision: Doc) -> list[tuple[str, str]]:
    return [(c.rule_id, c.level) for c in diff(base, revision).changes]


PETS = {
    "Cat": NAMED,
    "Rabbit": NAMED,
    "Fox": {"type": "object", "properties": {"den": {"type": "string"}}},
}


@pytest.mark.parametrize(
    ("keyword", "before", "after", "response", "expected"),
    [
        (
            "anyOf",
            ["Dog", "Cat"],
            ["Dog", "Cat", "Rabbit"],
            True,
            ("response-property-any-of-equivalent-added", "info"),
        ),
        (
            "anyOf",
            ["Dog", "Cat"],
            ["Dog", "Cat", "Fox"],
            True,
            ("response-property-any-of-added", "breaking"),
        ),
        (
            "anyOf",
            ["Dog", "Cat", "Rabbit"],
            ["Dog", "Cat"],
            False,
            ("request-property-any-of-equivalent-removed", "info"),
        ),
        (
            "anyOf",
            ["Dog", "Cat", "Fox"],
            ["Dog", "Cat"],
            False,
            ("request-property-any-of-removed", "breaking"),
        ),
        (
            "allOf",
            ["Dog", "Cat"],
            ["Dog", "Cat", "Rabbit"],
            False,
            ("request-property-all-of-equivalent-added", "info"),
        ),
        (
            "allOf",
            ["Dog", "Cat"],
            ["Dog", "Cat", "Fox"],
            False,
            ("request-property-all-of-added", "breaking"),
        ),
        (
            "allOf",
            ["Dog", "Cat", "Rabbit"],
            ["Dog", "Cat"],
            True,
            ("response-property-all-of-equivalent-removed", "info"),
        ),
        # oneOf: a second Cat makes every cat match two alternatives, so it is rejected
        (
            "oneOf",
            ["Dog", "Cat"],
            ["Dog", "Cat", "Rabbit"],
            True,
            ("response-property-one-of-equivalent-added", "breaking"),
        ),
        (
            "oneOf",
            ["Dog", "Cat"],
            ["Dog", "Cat", "Rabbit"],
            False,
            ("request-property-one-of-equivalent-added", "breaking"),
        ),
        (
            "oneOf",
            ["Dog", "Cat"],
            ["Dog", "Cat", "Fox"],
            False,
            ("request-property-any-of-added", "info"),
        ),
    ],
)
def test_a_member_the_same_as_one_that_stays(
    keyword: str, before: list[str], after: list[str], response: bool, expected: tuple[str, str]
) -> None:
    base = spec(keyword, before, response=response, **PETS)
    revision = spec(keyword, after, response=response, **PETS)
    assert rules(base, revision) == [expected]


def test_same_schema_follows_refs_across_documents_and_cycles() -> None:
    tree = {"type": "object", "properties": {"child": {"$ref": "#/components/schemas/Tree"}}}
    left = {"components": {"schemas": {"Tree": tree}}}
    right = {
        "components": {
            "schemas": {"Tree": {**tree}, "Alias": {"$ref": "#/components/schemas/Tree"}}
        }
    }
    a, b = Resolver(left), Resolver(right)
    ref = {"$ref": "#/components/schemas/Tree"}
    assert same_schema(ref, a, {"$ref": "#/components/schemas/Alias"}, b)
    assert not same_schema(ref, a, {"type": "object"}, b)
    assert not same_schema({"enum": [1]}, a, {"enum": [True]}, b)  # 1 and True differ in JSON
