"""Nothing dropped silently: every 2020-12 keyword has a 3.0 counterpart, or conversion raised.

Two checks:
- a table, ``COUNTERPARTS``, says for each keyword of the rule table which 3.0 keywords may
  carry its information; a sample per keyword converts to an output holding one of them
  (or raises naming the keyword), and random schemas obey the same table;
- random schemas and random instances: an instance is valid against the 2020-12 schema
  (jsonschema) exactly when it is valid against the converted one (openapi-schema-
  validator's OAS 3.0 validator). ``null`` instances are left out where the output relies
  on ``nullable`` (the FastAPI-era convention the builder asked for; a strict 3.0.3
  validator ignores ``nullable`` without a ``type`` next to it); the rule table tests
  pin those forms.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from openapi_schema_validator import OAS30Validator

from openapi_builder.dialects import convert_schema_to_30
from openapi_builder.dialects.objects import iter_subschemas
from openapi_builder.dialects.rules30 import RULES_30
from openapi_builder.errors import DeclarationError

DROPPED: frozenset[str] = frozenset()  # documented drops: their information is not meant to survive
SAME = frozenset(
    {
        "title", "description", "default", "multipleOf", "maxLength", "minLength", "pattern",
        "maxItems", "minItems", "uniqueItems", "maxProperties", "minProperties", "required",
        "format", "readOnly", "writeOnly", "deprecated", "discriminator", "xml", "externalDocs",
        "example", "properties", "additionalProperties", "allOf", "not", "$ref",
    }
)  # fmt: skip

#: 2020-12 keyword -> 3.0 keywords that may carry its information (DROPPED: on purpose).
COUNTERPARTS: Mapping[str, frozenset[str]] = {
    **{keyword: frozenset({keyword}) for keyword in SAME},
    "type": frozenset({"type", "nullable", "anyOf"}),
    "enum": frozenset({"enum", "nullable"}),  # only-null enums become `nullable`
    "const": frozenset({"enum", "nullable"}),
    "anyOf": frozenset({"anyOf", "nullable"}),
    "oneOf": frozenset({"oneOf", "nullable"}),
    "exclusiveMinimum": frozenset({"exclusiveMinimum", "minimum"}),
    "exclusiveMaximum": frozenset({"exclusiveMaximum", "maximum"}),
    "minimum": frozenset({"minimum"}),
    "maximum": frozenset({"maximum"}),
    "examples": frozenset({"example", "x-examples"}),
    "$schema": DROPPED,  # names the dialect we convert from
    "$comment": DROPPED,  # JSON Schema lets tools strip comments
    "contentEncoding": frozenset({"format", "x-contentEncoding"}),
    "contentMediaType": frozenset({"format", "x-contentMediaType"}),
    "contentSchema": frozenset({"x-contentSchema"}),
    "if": frozenset({"anyOf"}),
    "then": frozenset({"allOf", "anyOf"}),
    "else": frozenset({"allOf", "anyOf"}),
    "dependentRequired": frozenset({"allOf"}),
    "dependentSchemas": frozenset({"allOf"}),
    "contains": frozenset({"not", "allOf"}),
    "minContains": frozenset({"not"}),
    "maxContains": frozenset(),  # always refused
    "items": frozenset({"items"}),
    "prefixItems": frozenset({"items"}),
    "unevaluatedItems": frozenset({"items"}),
    "unevaluatedProperties": frozenset({"additionalProperties"}),
    **{
        keyword: frozenset()  # always refused
        for keyword in (
            "patternProperties", "propertyNames", "$defs", "$id", "$anchor", "$dynamicRef",
            "$dynamicAnchor", "$vocabulary", "nullable",
        )
    },
}  # fmt: skip

INT = {"type": "integer"}
#: keyword -> schemas using it with information to keep (defaults carry none).
SAMPLES: Mapping[str, list[dict[str, Any]]] = {
    "type": [{"type": "string"}, {"type": ["string", "null"]}, {"type": ["string", "integer"]}],
    "enum": [{"enum": [1, 2]}],
    "const": [{"const": 1}],
    "anyOf": [{"anyOf": [INT, {"type": "null"}]}, {"anyOf": [INT, {"minimum": 3}]}],
    "oneOf": [{"oneOf": [{"type": "null"}, INT]}, {"oneOf": [INT, {"minimum": 3}]}],
    "exclusiveMinimum": [{"exclusiveMinimum": 1}, {"exclusiveMinimum": 1, "minimum": 2}],
    "exclusiveMaximum": [{"exclusiveMaximum": 1}, {"exclusiveMaximum": 2, "maximum": 1}],
    "minimum": [{"minimum": 1}, {"minimum": 1, "exclusiveMinimum": 0}],
    "maximum": [{"maximum": 1}, {"maximum": 1, "exclusiveMaximum": 2}],
    "examples": [{"examples": [1]}, {"examples": [1, 2]}, {"example": 0, "examples": [1]}],
    "$schema": [{"$schema": "https://json-schema.org/draft/2020-12/schema"}],
    "$comment": [{"$comment": "note"}],
    "contentEncoding": [{"contentEncoding": "base64"}, {"contentEncoding": "7bit"}],
    "contentMediaType": [{"contentMediaType": m} for m in ("image/png", "text/csv")],
    "contentSchema": [{"contentMediaType": "application/json", "contentSchema": INT}],
    "if": [{"if": INT, "then": {"minimum": 1}}],
    "then": [{"if": INT, "then": {"minimum": 1}, "else": {"minLength": 1}}],
    "else": [{"if": INT, "else": {"minLength": 1}}],
    "dependentRequired": [{"dependentRequired": {"a": ["b"]}}],
    "dependentSchemas": [{"dependentSchemas": {"a": {"required": ["b"]}}}],
    "contains": [{"contains": INT}],
    "minContains": [{"contains": INT, "minContains": 1}, {"contains": INT, "minContains": 2}],
    "maxContains": [{"contains": INT, "maxContains": 2}],
    "items": [{"items": INT}, {"items": False}],
    "prefixItems": [{"prefixItems": [INT, INT], "maxItems": 2}, {"prefixItems": [INT, {}]}],
    "unevaluatedItems": [{"unevaluatedItems": INT}, {"unevaluatedItems": False, "allOf": []}],
    "unevaluatedProperties": [
        {"unevaluatedProperties": INT},
        {"unevaluatedProperties": False, "anyOf": [INT]},
    ],
    "patternProperties": [{"patternProperties": {"^a": INT}}],
    "propertyNames": [{"propertyNames": {"maxLength": 2}}],
    "$defs": [{"$defs": {"A": INT}}],
    "$id": [{"$id": "https://example.com/s"}],
    "$anchor": [{"$anchor": "a"}],
    "$dynamicRef": [{"$dynamicRef": "#a"}],
    "$dynamicAnchor": [{"$dynamicAnchor": "a"}],
    "$vocabulary": [{"$vocabulary": {"https://example.com/v": True}}],
    "nullable": [{"type": "string", "nullable": True}],
    "$ref": [{"$ref": "#/components/schemas/A"}, {"$ref": "#/components/schemas/A", "title": "A"}],
    "properties": [{"properties": {"a": INT}}],
    "additionalProperties": [{"additionalProperties": False}, {"additionalProperties": INT}],
    "allOf": [{"allOf": [INT]}],
    "not": [{"not": INT}],
    "discriminator": [{"oneOf": [INT], "discriminator": {"propertyName": "k"}}],
    "xml": [{"xml": {"name": "a"}}],
    "externalDocs": [{"externalDocs": {"url": "https://example.com"}}],
    "uniqueItems": [{"uniqueItems": True}],
}


def _keywords(schema: Any) -> set[str]:
    found: set[str] = set()
    for _, node in iter_subschemas(schema):
        found.update(node)
        if "x-contentSchema" in node:  # kept verbatim as an extension: look inside too
            found |= _keywords(node["x-contentSchema"])
    return found


def _informative(keyword: str, node: Mapping[str, Any]) -> bool:
    """False when JSON Schema 2020-12 gives ``keyword`` no effect in ``node``."""
    value = node[keyword]
    if keyword == "examples":
        return bool(value)
    if keyword == "if":
        return "then" in node or "else" in node
    if keyword in ("then", "else"):
        return "if" in node
    if keyword == "contains":
        return bool(node.get("minContains", 1) != 0)
    if keyword == "minContains":
        return "contains" in node and bool(value != 1)
    if keyword == "maxContains":
        return "contains" in node
    if keyword == "dependentRequired":
        return any(bool(needed) for needed in value.values())
    if keyword == "prefixItems":
        return bool(value) or "items" in node
    if keyword == "unevaluatedItems":
        return "items" not in node
    if keyword == "unevaluatedProperties":
        return "additionalProperties" not in node
    return True


def _informative_keywords(schema: Any) -> set[str]:
    return {
        keyword
        for _, node in iter_subschemas(schema)
        for keyword in node
        if _informative(keyword, node)
    }


def test_every_rule_has_a_counterpart_decision() -> None:
    assert set(COUNTERPARTS) == set(RULES_30)


def _samples() -> Iterator[tuple[str, dict[str, Any]]]:
    for keyword in sorted(RULES_30):
        for schema in SAMPLES.get(keyword, [{keyword: 1}]):
            yield keyword, schema


def _check(schema: Mapping[str, Any]) -> None:
    """Every keyword of ``schema`` has a counterpart in its conversion, or it raised."""
    try:
        converted = convert_schema_to_30(schema)
    except DeclarationError:
        return
    present = _keywords(converted)
    for keyword in _informative_keywords(schema):
        expected = COUNTERPARTS.get(keyword)
        if expected is None or expected == DROPPED:
            continue
        assert expected & present, f"{keyword} left no trace in {converted}"


@pytest.mark.parametrize(
    ("keyword", "schema"), list(_samples()), ids=[f"{k}-{i}" for i, (k, _) in enumerate(_samples())]
)
def test_each_keyword_leaves_a_counterpart_or_raises(keyword: str, schema: dict[str, Any]) -> None:
    try:
        converted = convert_schema_to_30(schema)
    except DeclarationError as error:
        assert f"`{keyword}`" in str(error)
        return
    expected = COUNTERPARTS[keyword]
    if expected != DROPPED:
        assert expected & _keywords(converted), converted
    _check(schema)


# --- random schemas -----------------------------------------------------------------------

TYPES = ("string", "integer", "number", "boolean", "object", "array", "null")
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.sampled_from([-1.5, 0.5, 2.5]),  # integral floats differ between validators' "integer"
    st.sampled_from(["", "a", "ab", "ba"]),
)
INSTANCES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.sampled_from("abc"), inner, max_size=3),
    ),
    max_leaves=6,
)
SMALL = st.integers(-2, 3)

LEAVES = st.one_of(
    st.sampled_from(TYPES).map(lambda t: {"type": t}),
    st.lists(st.sampled_from(TYPES), min_size=1, max_size=3, unique=True).map(
        lambda t: {"type": t}
    ),
    SCALARS.map(lambda v: {"const": v}),
    st.lists(SCALARS, min_size=1, max_size=3).map(lambda v: {"enum": v}),
    SMALL.map(lambda n: {"minimum": n}),
    SMALL.map(lambda n: {"exclusiveMinimum": n}),
    SMALL.map(lambda n: {"maximum": n}),
    SMALL.map(lambda n: {"exclusiveMaximum": n}),
    st.tuples(SMALL, SMALL).map(lambda p: {"minimum": p[0], "exclusiveMinimum": p[1]}),
    st.tuples(SMALL, SMALL).map(lambda p: {"maximum": p[0], "exclusiveMaximum": p[1]}),
    st.integers(0, 2).map(lambda n: {"minLength": n}),
    st.integers(0, 2).map(lambda n: {"maxItems": n}),
    st.just({"required": ["a"]}),
    st.lists(SCALARS, max_size=2).map(lambda v: {"examples": v}),
    st.just({"$comment": "note"}),
    st.just({"dependentRequired": {"a": ["b"]}}),
    st.just({}),
)


def _extend(children: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    branches = st.lists(children, min_size=1, max_size=3)
    schema_or_bool = st.one_of(children, st.booleans())
    return st.one_of(
        branches.map(lambda b: {"anyOf": b}),
        branches.map(lambda b: {"oneOf": b}),
        branches.map(lambda b: {"allOf": b}),
        children.map(lambda s: {"anyOf": [s, {"type": "null"}]}),
        children.map(lambda s: {"not": s}),
        st.tuples(children, children, children).map(
            lambda t: {"if": t[0], "then": t[1], "else": t[2]}
        ),
        st.tuples(children, children).map(lambda t: {"if": t[0], "then": t[1]}),
        st.dictionaries(st.sampled_from("abc"), schema_or_bool, max_size=2).map(
            lambda p: {"type": "object", "properties": p}
        ),
        st.tuples(st.dictionaries(st.sampled_from("ab"), children, max_size=2), st.booleans()).map(
            lambda t: {"properties": t[0], "unevaluatedProperties": t[1]}
        ),
        schema_or_bool.map(lambda s: {"items": s}),
        children.map(lambda s: {"prefixItems": [s, s], "items": False}),
        children.map(lambda s: {"prefixItems": [s], "items": s}),
        children.map(lambda s: {"contains": s}),
        children.map(lambda s: {"dependentSchemas": {"a": s}}),
        schema_or_bool.map(lambda s: {"additionalProperties": s}),
        st.tuples(children, children).map(
            lambda t: (
                {**t[0], **t[1]} if isinstance(t[0], dict) and isinstance(t[1], dict) else t[0]
            )
        ),
    )


SCHEMAS = st.recursive(LEAVES, _extend, max_leaves=6)


def _relies_on_nullable(converted: Any) -> bool:
    return any(node.get("nullable") is True for _, node in iter_subschemas(converted))


def _has_none(instance: Any) -> bool:
    stack = [instance]
    while stack:
        item = stack.pop()
        if item is None:
            return True
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(schema=SCHEMAS)
def test_random_schemas_keep_every_keyword_or_raise(schema: dict[str, Any]) -> None:
    _check(schema)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(schema=SCHEMAS, instances=st.lists(INSTANCES, min_size=1, max_size=6))
def test_random_schemas_accept_the_same_instances(
    schema: dict[str, Any], instances: list[Any]
) -> None:
    try:
        converted = convert_schema_to_30(schema)
    except DeclarationError:
        return
    skip_null = _relies_on_nullable(converted)
    before, after = Draft202012Validator(schema), OAS30Validator(converted)
    for instance in instances:
        if skip_null and _has_none(instance):
            continue
        assert before.is_valid(instance) == after.is_valid(instance), (instance, converted)
