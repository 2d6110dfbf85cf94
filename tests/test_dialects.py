"""convert_schema_to_30: one before/after row per conversion rule, and every refusal.

Whole documents, version features, pydantic models, goldens and the "nothing dropped
silently" properties live in tests/dialects/.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping
from typing import Any

import pytest

from openapi_builder.dialects import convert_schema_to_30
from openapi_builder.errors import DeclarationError

REF = {"$ref": "#/components/schemas/Pet"}
INT = {"type": "integer"}
STR = {"type": "string"}
# The 3.0 null branch: typed, since 3.0.3 reads `nullable` only next to `type`.
NULL = {"type": "object", "nullable": True, "enum": [None]}

# (id, 3.1 schema, expected 3.0 schema)
CONVERSIONS: list[tuple[str, dict[str, Any], dict[str, Any]]] = [
    # type
    ("type-null-pair", {"type": ["string", "null"]}, {"type": "string", "nullable": True}),
    ("type-null-alone", {"type": "null"}, NULL),
    ("type-single-list", {"type": ["integer"]}, {"type": "integer"}),
    (
        "type-several",
        {"type": ["string", "integer"], "minLength": 1},
        {"anyOf": [STR, INT], "minLength": 1},
    ),
    (
        "type-several-null",
        {"type": ["string", "integer", "null"]},
        {"anyOf": [STR, INT, NULL]},
    ),
    # anyOf / oneOf with a null branch
    (
        "anyof-null-merged",
        {"anyOf": [INT, {"type": "null"}], "default": None, "title": "A"},
        {"type": "integer", "nullable": True, "default": None, "title": "A"},
    ),
    (
        "oneof-null-merged",
        {"oneOf": [{"type": "null"}, {"type": "string", "maxLength": 3}]},
        {"type": "string", "maxLength": 3, "nullable": True},
    ),
    ("anyof-null-ref", {"anyOf": [REF, {"type": "null"}]}, {"anyOf": [REF, NULL]}),
    ("oneof-null-ref", {"oneOf": [REF, {"type": "null"}]}, {"oneOf": [REF, NULL]}),
    (
        "anyof-null-untyped",
        {"anyOf": [{"minimum": 1}, {"type": "null"}]},
        {"anyOf": [{"minimum": 1}, NULL]},
    ),
    (
        "anyof-null-several",
        {"anyOf": [INT, STR, {"type": "null"}]},
        {"anyOf": [INT, STR, NULL]},
    ),
    (
        "oneof-null-several-discriminator",
        {
            "oneOf": [REF, {"$ref": "#/components/schemas/Cat"}, {"type": "null"}],
            "discriminator": {"propertyName": "kind"},
        },
        {
            "oneOf": [REF, {"$ref": "#/components/schemas/Cat"}, NULL],
            "discriminator": {"propertyName": "kind"},
        },
    ),
    (
        "anyof-null-enum-gets-null",
        {"anyOf": [{"enum": ["a", "b"], "type": "string"}, {"type": "null"}]},
        {"enum": ["a", "b", None], "type": "string", "nullable": True},
    ),
    (
        "anyof-null-clashing-sibling",
        {"anyOf": [{"type": "string", "title": "X"}, {"type": "null"}], "title": "Y"},
        {"anyOf": [{"type": "string", "title": "X"}, NULL], "title": "Y"},
    ),
    ("anyof-only-null", {"anyOf": [{"type": "null"}]}, NULL),
    ("anyof-without-null", {"anyOf": [INT, STR]}, {"anyOf": [INT, STR]}),
    (
        "anyof-null-nested",
        {"anyOf": [{"type": "array", "items": {"type": ["string", "null"]}}, {"type": "null"}]},
        {"type": "array", "items": {"type": "string", "nullable": True}, "nullable": True},
    ),
    # const / enum
    ("const", {"const": 5}, {"enum": [5]}),
    ("const-null", {"const": None}, NULL),
    ("const-typed", {"const": "cat", "type": "string"}, {"enum": ["cat"], "type": "string"}),
    ("const-and-enum", {"const": "a", "enum": ["a", "b"]}, {"enum": ["a"]}),
    (
        "enum-with-null",
        {"enum": ["x", None]},
        {"enum": ["x", None], "type": "string", "nullable": True},
    ),
    ("enum-mixed-null", {"enum": ["x", 1, None]}, {"anyOf": [{"enum": ["x", 1]}, NULL]}),
    (
        "enum-typed-null",
        {"enum": ["x", None], "type": "string"},
        {"enum": ["x", None], "type": "string"},
    ),
    # examples
    ("examples-one", {"examples": [1]}, {"example": 1}),
    ("examples-many", {"examples": [1, 2, 3]}, {"example": 1, "x-examples": [2, 3]}),
    ("examples-empty", {"examples": [], "type": "integer"}, {"type": "integer"}),
    ("examples-and-example", {"example": 0, "examples": [1]}, {"example": 0, "x-examples": [1]}),
    # numeric bounds
    ("exclusive-minimum", {"exclusiveMinimum": 0}, {"minimum": 0, "exclusiveMinimum": True}),
    ("exclusive-maximum", {"exclusiveMaximum": 9.5}, {"maximum": 9.5, "exclusiveMaximum": True}),
    ("minimum-stricter", {"minimum": 5, "exclusiveMinimum": 3}, {"minimum": 5}),
    (
        "exclusive-stricter",
        {"minimum": 3, "exclusiveMinimum": 5},
        {"minimum": 5, "exclusiveMinimum": True},
    ),
    (
        "exclusive-equal",
        {"exclusiveMinimum": 3, "minimum": 3},
        {"minimum": 3, "exclusiveMinimum": True},
    ),
    ("maximum-stricter", {"maximum": 3, "exclusiveMaximum": 5}, {"maximum": 3}),
    (
        "exclusive-maximum-stricter",
        {"maximum": 5, "exclusiveMaximum": 3},
        {"maximum": 3, "exclusiveMaximum": True},
    ),
    # $ref siblings
    ("ref-alone", dict(REF), dict(REF)),
    (
        "ref-siblings",
        {"$ref": REF["$ref"], "description": "The pet", "readOnly": True},
        {"allOf": [REF], "description": "The pet", "readOnly": True},
    ),
    (
        "ref-siblings-allof",
        {"$ref": REF["$ref"], "allOf": [{"required": ["id"]}]},
        {"allOf": [REF, {"required": ["id"]}]},
    ),
    # content keywords
    (
        "base64",
        {"type": "string", "contentEncoding": "base64"},
        {"type": "string", "format": "byte"},
    ),
    (
        "octet-stream",
        {"type": "string", "contentMediaType": "application/octet-stream"},
        {"type": "string", "format": "binary"},
    ),
    (
        "binary-media-type",
        {"type": "string", "contentMediaType": "image/png"},
        {"type": "string", "format": "binary", "x-contentMediaType": "image/png"},
    ),
    (
        "text-media-type",
        {"type": "string", "contentMediaType": "application/json"},
        {"type": "string", "x-contentMediaType": "application/json"},
    ),
    (
        "base64-media-type",
        {"type": "string", "contentEncoding": "base64", "contentMediaType": "image/png"},
        {"type": "string", "format": "byte", "x-contentMediaType": "image/png"},
    ),
    (
        "base64-octet-stream",
        {
            "type": "string",
            "contentMediaType": "application/octet-stream",
            "contentEncoding": "base64",
        },
        {"type": "string", "format": "byte"},
    ),
    ("other-encoding", {"contentEncoding": "base32"}, {"x-contentEncoding": "base32"}),
    (
        "content-schema",
        {"contentMediaType": "application/json", "contentSchema": {"type": ["integer", "null"]}},
        {
            "x-contentMediaType": "application/json",
            "x-contentSchema": {"type": ["integer", "null"]},
        },
    ),
    (
        "pydantic-bytes",
        {"type": "string", "format": "binary"},
        {"type": "string", "format": "binary"},
    ),
    # dropped on purpose
    ("comment", {"$comment": "internal note", "type": "string"}, {"type": "string"}),
    (
        "schema-2020",
        {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "string"},
        {"type": "string"},
    ),
    (
        "schema-oas-dialect",
        {"$schema": "https://spec.openapis.org/oas/3.1/dialect/base", "type": "string"},
        {"type": "string"},
    ),
    # conditionals and dependencies as anyOf/allOf/not formulas
    (
        "if-then-else",
        {"if": {"minimum": 10}, "then": {"multipleOf": 2}, "else": {"multipleOf": 3}},
        {
            "anyOf": [
                {"allOf": [{"minimum": 10}, {"multipleOf": 2}]},
                {"allOf": [{"not": {"minimum": 10}}, {"multipleOf": 3}]},
            ]
        },
    ),
    (
        "if-then",
        {"if": {"minimum": 10}, "then": {"multipleOf": 2}},
        {"anyOf": [{"allOf": [{"minimum": 10}, {"multipleOf": 2}]}, {"not": {"minimum": 10}}]},
    ),
    (
        "if-else",
        {"if": {"minimum": 10}, "else": {"multipleOf": 3}},
        {"anyOf": [{"minimum": 10}, {"allOf": [{"not": {"minimum": 10}}, {"multipleOf": 3}]}]},
    ),
    ("if-alone", {"if": {"minimum": 10}, "type": "integer"}, {"type": "integer"}),
    ("then-alone", {"then": {"minimum": 10}}, {}),
    (
        "dependent-required",
        {"dependentRequired": {"card": ["billing"], "none": []}},
        {
            "allOf": [
                {
                    "anyOf": [
                        {"not": {"type": "object", "required": ["card"]}},
                        {"required": ["billing"]},
                    ]
                }
            ]
        },
    ),
    (
        "dependent-schemas",
        {"dependentSchemas": {"card": {"required": ["cvc"]}}, "type": "object"},
        {
            "allOf": [
                {
                    "anyOf": [
                        {"not": {"type": "object", "required": ["card"]}},
                        {"required": ["cvc"]},
                    ]
                }
            ],
            "type": "object",
        },
    ),
    (
        "contains",
        {"type": "array", "contains": INT},
        {"type": "array", "not": {"type": "array", "items": {"not": INT}}},
    ),
    (
        "contains-min-1",
        {"contains": INT, "minContains": 1},
        {"not": {"type": "array", "items": {"not": INT}}},
    ),
    ("contains-min-0", {"contains": INT, "minContains": 0}, {}),
    ("min-contains-alone", {"minContains": 2, "maxContains": 3}, {}),
    # tuples
    (
        "prefix-items-homogeneous",
        {"type": "array", "prefixItems": [INT, INT], "minItems": 2, "maxItems": 2},
        {"type": "array", "items": INT, "minItems": 2, "maxItems": 2},
    ),
    (
        "prefix-items-closed",
        {"prefixItems": [INT, INT], "items": False},
        {"items": INT, "maxItems": 2},
    ),
    (
        "prefix-items-closed-max",
        {"prefixItems": [INT, INT], "items": False, "maxItems": 1},
        {"items": INT, "maxItems": 1},
    ),
    ("prefix-items-same-tail", {"prefixItems": [INT], "items": INT}, {"items": INT}),
    ("prefix-items-empty", {"prefixItems": [], "items": STR}, {"items": STR}),
    ("prefix-items-empty-alone", {"prefixItems": []}, {}),
    # unevaluated* where nothing else evaluates
    (
        "unevaluated-properties",
        {"type": "object", "properties": {"a": INT}, "unevaluatedProperties": False},
        {"type": "object", "properties": {"a": INT}, "additionalProperties": False},
    ),
    ("unevaluated-items", {"unevaluatedItems": INT}, {"items": INT}),
    ("unevaluated-items-false", {"unevaluatedItems": False}, {"items": {"not": {}}}),
    ("unevaluated-items-after-items", {"items": STR, "unevaluatedItems": False}, {"items": STR}),
    (
        "unevaluated-after-additional",
        {"additionalProperties": True, "unevaluatedProperties": False},
        {"additionalProperties": True},
    ),
    # boolean subschemas
    (
        "boolean-properties",
        {"properties": {"a": True, "b": False}},
        {"properties": {"a": {}, "b": {"not": {}}}},
    ),
    ("boolean-additional-kept", {"additionalProperties": False}, {"additionalProperties": False}),
    ("boolean-items", {"items": False}, {"items": {"not": {}}}),
    ("boolean-not", {"not": True}, {"not": {}}),
    # extensions and recursion into every position
    (
        "extension",
        {"x-internal": {"const": 1}, "type": "string"},
        {"x-internal": {"const": 1}, "type": "string"},
    ),
    (
        "recursion",
        {
            "properties": {"a": {"type": ["string", "null"]}},
            "additionalProperties": {"const": 1},
            "items": {"const": 2},
            "allOf": [{"const": 3}],
            "anyOf": [{"const": 4}, {"const": 5}],
            "oneOf": [{"const": 6}, {"const": 7}],
            "not": {"const": 8},
        },
        {
            "properties": {"a": {"type": "string", "nullable": True}},
            "additionalProperties": {"enum": [1]},
            "items": {"enum": [2]},
            "allOf": [{"enum": [3]}],
            "anyOf": [{"enum": [4]}, {"enum": [5]}],
            "oneOf": [{"enum": [6]}, {"enum": [7]}],
            "not": {"enum": [8]},
        },
    ),
    # two rules asking for the same keyword: both constraints kept, through allOf
    (
        "clash-anyof",
        {"type": ["string", "integer"], "anyOf": [{"minLength": 1}, {"minimum": 0}]},
        {"anyOf": [STR, INT], "allOf": [{"anyOf": [{"minLength": 1}, {"minimum": 0}]}]},
    ),
    (
        "clash-not",
        {"not": {"const": 0}, "contains": INT},
        {"not": {"enum": [0]}, "allOf": [{"not": {"type": "array", "items": {"not": INT}}}]},
    ),
    (
        "data-not-converted",
        {"default": {"type": ["a", "null"]}, "enum": [{"const": 1}], "example": {"$ref": "x"}},
        {"default": {"type": ["a", "null"]}, "enum": [{"const": 1}], "example": {"$ref": "x"}},
    ),
]


@pytest.mark.parametrize(
    ("before", "after"), [c[1:] for c in CONVERSIONS], ids=[c[0] for c in CONVERSIONS]
)
def test_conversion_rules(before: dict[str, Any], after: dict[str, Any]) -> None:
    original = copy.deepcopy(before)
    assert convert_schema_to_30(before) == after
    assert before == original  # never mutated


def test_output_keeps_keyword_order() -> None:
    converted = convert_schema_to_30({"title": "T", "type": ["integer", "null"], "default": 1})
    assert list(converted) == ["title", "type", "nullable", "default"]


def _containers(value: Any) -> Iterator[int]:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, (dict, list)):
            yield id(item)
            stack.extend(item.values() if isinstance(item, dict) else item)


@pytest.mark.parametrize(
    ("before", "after"), [c[1:] for c in CONVERSIONS], ids=[c[0] for c in CONVERSIONS]
)
def test_output_shares_no_container_with_input(
    before: dict[str, Any], after: dict[str, Any]
) -> None:
    converted = convert_schema_to_30(before)
    assert not set(_containers(before)) & set(_containers(converted))
    ids = list(_containers(converted))
    assert len(ids) == len(set(ids)), "the output holds one container twice"


# (id, schema, pointer of the finding, words the message must contain)
REFUSALS: list[tuple[str, dict[str, Any], str, tuple[str, ...]]] = [
    (
        "tuple",
        {"prefixItems": [INT, STR], "minItems": 2, "maxItems": 2},
        "/prefixItems",
        ("`prefixItems`", "homogeneous", 'openapi="3.1.0"'),
    ),
    (
        "tuple-open-tail",
        {"prefixItems": [INT, INT]},
        "/prefixItems",
        ("`prefixItems`", "3.1.0"),
    ),
    (
        "pattern-properties",
        {"type": "object", "patternProperties": {"^x": INT}},
        "/patternProperties",
        ("`patternProperties`", "3.1.0"),
    ),
    (
        "property-names",
        {"propertyNames": {"maxLength": 3}},
        "/propertyNames",
        ("`propertyNames`", "3.1.0"),
    ),
    ("defs", {"$defs": {"A": INT}}, "/$defs", ("`$defs`", "#/components/schemas", "3.1.0")),
    ("id", {"$id": "https://example.com/a"}, "/$id", ("`$id`", "3.1.0")),
    ("anchor", {"$anchor": "a"}, "/$anchor", ("`$anchor`", "3.1.0")),
    ("dynamic-ref", {"$dynamicRef": "#meta"}, "/$dynamicRef", ("`$dynamicRef`", "3.1.0")),
    (
        "dynamic-anchor",
        {"$dynamicAnchor": "meta"},
        "/$dynamicAnchor",
        ("`$dynamicAnchor`", "3.1.0"),
    ),
    ("vocabulary", {"$vocabulary": {}}, "/$vocabulary", ("`$vocabulary`", "3.1.0")),
    (
        "other-dialect",
        {"$schema": "http://json-schema.org/draft-07/schema#"},
        "/$schema",
        ("`$schema`", "draft-07"),
    ),
    ("min-contains", {"contains": INT, "minContains": 2}, "/contains", ("`minContains`", "3.1.0")),
    ("max-contains", {"contains": INT, "maxContains": 2}, "/contains", ("`maxContains`", "3.1.0")),
    (
        "unevaluated-with-allof",
        {"allOf": [{"properties": {"a": INT}}], "unevaluatedProperties": False},
        "/unevaluatedProperties",
        ("`unevaluatedProperties`", "allOf", "3.1.0"),
    ),
    (
        "unevaluated-items-with-prefix",
        {"contains": INT, "unevaluatedItems": False},
        "/unevaluatedItems",
        ("`unevaluatedItems`", "contains", "3.1.0"),
    ),
    ("unknown", {"type": "string", "foo": 1}, "/foo", ("`foo`", "`x-`")),
    ("nullable-is-30", {"type": "string", "nullable": True}, "/nullable", ("`nullable`", "null")),
    (
        "boolean-exclusive",
        {"minimum": 0, "exclusiveMinimum": True},
        "/exclusiveMinimum",
        ("`exclusiveMinimum`", "number"),
    ),
    (
        "format-clash",
        {"type": "string", "format": "date", "contentEncoding": "base64"},
        "/contentEncoding",
        ("`contentEncoding`", "format", "clashes"),
    ),
    ("not-a-schema", {"properties": {"a": 5}}, "/properties/a", ("schema must be an object",)),
    ("empty-enum", {"enum": []}, "/enum", ("`enum`", "non-empty")),
    ("examples-not-array", {"examples": "abc"}, "/examples", ("`examples`", "array")),
    (
        "nothing-allowed",
        {"type": "null", "enum": ["a"]},
        "/enum",
        ("`enum`", "no allowed value"),
    ),
    (
        "nested",
        {"properties": {"a/b": {"items": {"anyOf": [{"$id": "x"}]}}}},
        "/properties/a~1b/items/anyOf/0/$id",
        ("`$id`",),
    ),
]


@pytest.mark.parametrize(
    ("schema", "pointer", "words"), [r[1:] for r in REFUSALS], ids=[r[0] for r in REFUSALS]
)
def test_refusals_name_keyword_and_pointer(
    schema: dict[str, Any], pointer: str, words: tuple[str, ...]
) -> None:
    with pytest.raises(DeclarationError) as caught:
        convert_schema_to_30(schema, pointer="/components/schemas/Thing")
    error = caught.value
    assert error.where == "/components/schemas/Thing" + pointer
    assert str(error).endswith(f" - at /components/schemas/Thing{pointer}")
    for word in words:
        assert word in error.reason


def test_every_problem_is_reported_in_one_error() -> None:
    schema = {
        "properties": {"t": {"prefixItems": [INT, STR]}, "d": {"patternProperties": {}}},
        "$id": "x",
    }
    with pytest.raises(DeclarationError) as caught:
        convert_schema_to_30(schema, pointer="/components/schemas/M")
    message = str(caught.value)
    assert caught.value.where is None
    assert "3 problems" in message
    lines = [line for line in message.splitlines() if line.startswith("  - ")]
    assert [line.rsplit(" - at ", 1)[1] for line in lines] == [
        "/components/schemas/M/$id",
        "/components/schemas/M/properties/d/patternProperties",
        "/components/schemas/M/properties/t/prefixItems",
    ]


def test_root_pointer_is_shown_as_slash() -> None:
    with pytest.raises(DeclarationError) as caught:
        convert_schema_to_30({"foo": 1, "type": "string"})
    assert caught.value.where == "/foo"


@pytest.mark.parametrize(("schema", "expected"), [(True, {}), (False, {"not": {}})])
def test_boolean_root_schema(schema: bool, expected: dict[str, Any]) -> None:
    assert convert_schema_to_30(schema) == expected  # type: ignore[arg-type]


def test_non_schema_root_is_refused() -> None:
    with pytest.raises(DeclarationError, match="schema must be an object"):
        convert_schema_to_30([1, 2])  # type: ignore[arg-type]


DEPTH = 10_000


def _nest(depth: int, leaf: Mapping[str, Any], wrap: str) -> dict[str, Any]:
    schema: dict[str, Any] = dict(leaf)
    for _ in range(depth):
        if wrap == "properties":
            schema = {"type": "object", "properties": {"child": schema}}
        else:  # the nullable form pydantic emits for Optional[...] at every level
            schema = {"anyOf": [{"type": "array", "items": schema}, {"type": "null"}]}
    return schema


def _depth_and_leaf(schema: Mapping[str, Any], wrap: str) -> tuple[int, Mapping[str, Any]]:
    depth = 0
    while True:
        if wrap == "properties" and "properties" in schema:
            schema = schema["properties"]["child"]
        elif wrap == "anyOf" and "items" in schema:
            assert schema["nullable"] is True and schema["type"] == "array"
            schema = schema["items"]
        else:
            return depth, schema
        depth += 1


@pytest.mark.parametrize("wrap", ["properties", "anyOf"])
def test_deep_schema_converts_without_recursion_error(wrap: str) -> None:
    schema = _nest(DEPTH, {"const": 1}, wrap)
    converted = convert_schema_to_30(schema)
    assert _depth_and_leaf(converted, wrap) == (DEPTH, {"enum": [1]})


def test_deep_schema_error_points_at_the_bottom() -> None:
    schema = _nest(DEPTH, {"$anchor": "deep"}, "properties")
    with pytest.raises(DeclarationError) as caught:
        convert_schema_to_30(schema)
    assert caught.value.where == "/properties/child" * DEPTH + "/$anchor"
