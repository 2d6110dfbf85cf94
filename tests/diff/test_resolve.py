"""JSON pointers, local $ref resolution and operation collection."""

from __future__ import annotations

from typing import Any

import pytest

from openapi_builder.diff.operations import collect_operations, operation_key, parameter_key
from openapi_builder.diff.pointer import escape, join, last_token, unescape
from openapi_builder.diff.resolve import Resolved, Resolver, Unresolved


@pytest.mark.parametrize(
    ("token", "escaped"),
    [
        ("plain", "plain"),
        ("/pets/{id}", "~1pets~1{id}"),
        ("a~b", "a~0b"),
        ("~/", "~0~1"),
        ("~1", "~01"),
    ],
)
def test_escape_round_trip(token: str, escaped: str) -> None:
    assert escape(token) == escaped
    assert unescape(escaped) == token
    assert last_token(join("/paths", token)) == token


DOC: dict[str, Any] = {
    "components": {
        "schemas": {
            "A": {"$ref": "#/components/schemas/B"},
            "B": {"type": "string"},
            "a/b": {"type": "integer"},
            "Sib": {"$ref": "#/components/schemas/B", "maxLength": 3},
            "Doc": {"$ref": "#/components/schemas/B", "description": "words only"},
        }
    },
    "list": [{"type": "boolean"}],
}


@pytest.mark.parametrize(
    ("ref", "expected"),
    [
        ("#/components/schemas/A", Resolved({"type": "string"}, "/components/schemas/B", "B")),
        (
            "#/components/schemas/a~1b",
            Resolved({"type": "integer"}, "/components/schemas/a~1b", "a/b"),
        ),
        ("#/list/0", Resolved({"type": "boolean"}, "/list/0", "0")),
        ("#/components/schemas/Doc", Resolved({"type": "string"}, "/components/schemas/B", "B")),
        ("#/list/7", Unresolved("#/list/7", "/x")),
        ("#/components/schemas/Nope", Unresolved("#/components/schemas/Nope", "/x")),
        ("other.yaml#/components/schemas/B", Unresolved("other.yaml#/components/schemas/B", "/x")),
        ("https://example.com/s.json", Unresolved("https://example.com/s.json", "/x")),
        ("#components", Unresolved("#components", "/x")),
    ],
)
def test_resolve(ref: str, expected: Resolved | Unresolved) -> None:
    assert Resolver(DOC).resolve({"$ref": ref}, "/x") == expected


def test_constraining_siblings_of_a_ref_are_kept() -> None:
    resolver = Resolver(DOC)
    node = DOC["components"]["schemas"]["Sib"]
    first = resolver.resolve(node, "/components/schemas/Sib")
    assert first == Resolved({"type": "string", "maxLength": 3}, "/components/schemas/Sib", "B")
    # The merged node keeps one identity, so memo keys built from id() stay stable.
    second = resolver.resolve(node, "/components/schemas/Sib")
    assert isinstance(first, Resolved) and isinstance(second, Resolved)
    assert first.node is second.node


def test_operation_keys_ignore_parameter_names() -> None:
    assert operation_key("get", "/pets/{petId}/toys/{toy}") == "GET /pets/{}/toys/{}"
    assert parameter_key("path", "toy", ("petId", "toy")) == ("path", "#1")
    assert parameter_key("header", "X-Trace", ()) == ("header", "x-trace")
    assert parameter_key("query", "Q", ()) == ("query", "Q")


def test_collect_operations_resolves_path_items_and_merges_parameters() -> None:
    q = {"name": "q", "in": "query", "schema": {"type": "string"}}
    doc = {
        "paths": {
            "/a/{id}": {"$ref": "#/components/pathItems/A"},
            "/skipped": {"get": {}},
            "/bad": "not a path item",
        },
        "components": {
            "pathItems": {
                "A": {
                    "parameters": [q, {"name": "id", "in": "path", "required": True}],
                    "get": {"parameters": [{**q, "required": True}]},
                    "query": {},
                    "x-not-a-method": {},
                }
            }
        },
    }
    ops = collect_operations(doc, Resolver(doc), keep=lambda path: path != "/skipped")
    assert sorted(ops) == ["GET /a/{}", "QUERY /a/{}"]
    get = ops["GET /a/{}"]
    assert get.label == "GET /a/{id}" and get.pointer == "/components/pathItems/A/get"
    assert get.parameters[("query", "q")].node["required"] is True  # the operation's wins
    assert get.parameters[("path", "#0")].pointer == "/components/pathItems/A/parameters/1"
    assert ops["QUERY /a/{}"].parameters[("query", "q")].node.get("required") is None
