"""Parameters serialized as text: a value travels as its text, so a plain string accepts every
scalar sent before (``?q=5`` is a string too), while ``content`` parameters stay JSON."""

from __future__ import annotations

from typing import Any

import pytest

from openapi_builder.diff import diff

Doc = dict[str, Any]


def spec(schema: Doc, *, location: str = "query", content: bool = False, **style: Any) -> Doc:
    parameter: Doc = {"name": "q", "in": location, "required": location == "path", **style}
    if content:
        parameter["content"] = {"application/json": {"schema": schema}}
    else:
        parameter["schema"] = schema
    path = "/a/{q}" if location == "path" else "/a"
    operation = {"parameters": [parameter], "responses": {"200": {"description": "OK"}}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {path: {"get": operation}},
    }


def rules(base: Doc, revision: Doc) -> list[tuple[str, str]]:
    return [(c.rule_id, c.level) for c in diff(base, revision).changes]


INTEGER, STRING = {"type": "integer"}, {"type": "string"}


@pytest.mark.parametrize("location", ["query", "path", "header", "cookie"])
@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (INTEGER, STRING, [("request-parameter-type-generalized", "info")]),
        ({"type": "number"}, STRING, [("request-parameter-type-generalized", "info")]),
        ({"type": "boolean"}, STRING, [("request-parameter-type-generalized", "info")]),
        (
            {"type": ["integer", "boolean"]},
            STRING,
            [("request-parameter-type-generalized", "info")],
        ),
        (STRING, INTEGER, [("request-parameter-type-changed", "breaking")]),
        # a string with a format does not take every text
        (
            INTEGER,
            {"type": "string", "format": "date"},
            [("request-parameter-type-changed", "breaking")],
        ),
        # what else narrows is still judged
        (
            INTEGER,
            {"type": "string", "maxLength": 3},
            [
                ("request-parameter-max-length-set", "warning"),
                ("request-parameter-type-generalized", "info"),
            ],
        ),
    ],
)
def test_scalar_to_string(
    location: str, old: Doc, new: Doc, expected: list[tuple[str, str]]
) -> None:
    assert sorted(rules(spec(old, location=location), spec(new, location=location))) == sorted(
        expected
    )


def test_a_content_parameter_is_json_so_a_number_is_not_a_string() -> None:
    assert rules(spec(INTEGER, content=True), spec(STRING, content=True)) == [
        ("request-parameter-type-changed", "breaking")
    ]


def test_properties_and_items_of_a_text_parameter_are_text_too() -> None:
    def filters(kind: str) -> Doc:
        return {"type": "object", "properties": {"group": {"type": kind}}}

    deep = {"style": "deepObject", "explode": True}
    assert rules(spec(filters("number"), **deep), spec(filters("string"), **deep)) == [
        ("request-property-type-generalized", "info")
    ]
    listed = rules(
        spec({"type": "array", "items": INTEGER}), spec({"type": "array", "items": STRING})
    )
    assert listed == [("request-parameter-type-generalized", "info")]


def test_the_same_schema_in_a_body_is_still_json() -> None:
    # One component used by a text parameter and a JSON body: judged apart.
    def doc(kind: str) -> Doc:
        shared = {"$ref": "#/components/schemas/N"}
        operation = {
            "parameters": [{"name": "q", "in": "query", "schema": shared}],
            "requestBody": {"content": {"application/json": {"schema": shared}}},
            "responses": {"200": {"description": "OK"}},
        }
        return {
            "openapi": "3.1.0",
            "info": {"title": "t", "version": "1"},
            "paths": {"/a": {"post": operation}},
            "components": {"schemas": {"N": {"type": kind}}},
        }

    assert sorted(rules(doc("integer"), doc("string"))) == [
        ("request-parameter-type-generalized", "info"),
        ("request-property-type-changed", "breaking"),
    ]
