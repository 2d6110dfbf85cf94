"""Checks on Schema Objects: required vs properties, enums, nullable, patterns, bounds."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

import jsonschema_rs

from openapi_builder.validate.findings import Finding, short_repr
from openapi_builder.validate.rules.context import Context
from openapi_builder.validate.walk import pointer_of

__all__ = [
    "allof_required_undefined",
    "duplicated_entry_in_enum",
    "minimum_exceeds_maximum",
    "no_required_schema_properties_undefined",
    "nullable_type_sibling",
    "schema_pattern_regex_invalid",
]


def _collect_properties(ctx: Context, roots: Iterable[Any]) -> set[str]:
    """Property names defined by ``roots`` and, through ``$ref``s, their compositions.

    Mirrors openapi-spec-validator's ``_collect_properties`` (properties, allOf, anyOf,
    oneOf, items, not), iteratively and cycle-safe.
    """
    names: set[str] = set()
    stack = list(roots)
    seen: set[int] = set()
    while stack:
        node = ctx.refs.deref(stack.pop())
        if not isinstance(node, dict) or id(node) in seen:
            continue
        seen.add(id(node))
        properties = node.get("properties")
        if isinstance(properties, dict):
            names.update(str(key) for key in properties)
        for keyword in ("allOf", "anyOf", "oneOf"):
            branches = node.get(keyword)
            if isinstance(branches, list):
                stack.extend(branches)
        for keyword in ("items", "not"):
            if isinstance(node.get(keyword), dict):
                stack.append(node[keyword])
    return names


def _required(schema: dict[str, Any]) -> list[str]:
    required = schema.get("required")
    if not isinstance(required, list):
        return []
    return [name for name in required if isinstance(name, str)]


def _own_properties(schema: dict[str, Any]) -> set[str]:
    properties = schema.get("properties")
    return {str(key) for key in properties} if isinstance(properties, dict) else set()


def allof_required_undefined(ctx: Context) -> Iterator[Finding]:
    """With ``allOf``, every required name is defined by the schema or one of its parts.

    openapi-spec-validator rejects this case, so it is an error by default.
    """
    for loc, schema in ctx.index.with_keyword("required"):
        required = _required(schema)
        if not required or not isinstance(schema.get("allOf"), list):
            continue
        defined = _own_properties(schema) | _collect_properties(ctx, schema["allOf"])
        missing = [name for name in required if name not in defined]
        if missing:
            yield Finding(
                "allof-required-undefined",
                f"{pointer_of(loc)}/required",
                f"required {', '.join(map(repr, missing))} defined by no property or allOf part",
                hint="define the property, or remove it from required",
            )


def no_required_schema_properties_undefined(ctx: Context) -> Iterator[Finding]:
    """An object schema without ``allOf`` defines each name it lists as required.

    Schemas that admit other properties by pattern or ``additionalProperties`` schema, and
    property-less fragments (``anyOf: [{required: [a]}, ...]``), are left alone.
    """
    for loc, schema in ctx.index.with_keyword("required"):
        required = _required(schema)
        if not required or "allOf" in schema or "patternProperties" in schema:
            continue
        if "properties" not in schema and schema.get("type") != "object":
            continue
        if isinstance(schema.get("additionalProperties"), dict):
            continue
        branches = [
            branch
            for keyword in ("anyOf", "oneOf")
            if isinstance(schema.get(keyword), list)
            for branch in schema[keyword]
        ]
        defined = _own_properties(schema) | _collect_properties(ctx, branches)
        missing = [name for name in required if name not in defined]
        if missing:
            yield Finding(
                "no-required-schema-properties-undefined",
                f"{pointer_of(loc)}/required",
                f"required {', '.join(map(repr, missing))} not defined in properties",
                hint="define the property, or remove it from required",
            )


def _identity(value: Any) -> object:
    # Tagging by type keeps true and 1 apart, as JSON Schema equality does; containers are
    # compared by their canonical JSON text.
    if isinstance(value, str | int | float | bool) or value is None:
        return (type(value).__name__, value)
    try:
        return json.dumps(value, sort_keys=True)
    except (TypeError, ValueError, RecursionError):
        return repr(value)


def duplicated_entry_in_enum(ctx: Context) -> Iterator[Finding]:
    """An ``enum`` lists each value once."""
    for loc, schema in ctx.index.with_keyword("enum"):
        values = schema.get("enum")
        if not isinstance(values, list):
            continue
        if all(type(value) is str for value in values) and len(set(values)) == len(values):
            continue  # the common case: distinct strings, no identity tagging needed
        seen: set[object] = set()
        for position, value in enumerate(values):
            identity = _identity(value)
            if identity in seen:
                yield Finding(
                    "duplicated-entry-in-enum",
                    f"{pointer_of(loc)}/enum/{position}",
                    f"enum value {short_repr(value)} is listed twice",
                    hint="remove the duplicate",
                )
            seen.add(identity)


def nullable_type_sibling(ctx: Context) -> Iterator[Finding]:
    """OpenAPI 3.0: ``nullable`` only means something next to ``type``."""
    if ctx.version.key != "3.0":
        return
    for loc, schema in ctx.index.with_keyword("nullable"):
        if "type" not in schema:
            yield Finding(
                "nullable-type-sibling",
                f"{pointer_of(loc)}/nullable",
                "nullable without a type has no effect",
                hint="add a type next to nullable (or wrap the $ref in allOf with a type)",
            )


def schema_pattern_regex_invalid(ctx: Context) -> Iterator[Finding]:
    """``pattern`` and ``patternProperties`` keys compile as regular expressions."""
    verdicts: dict[str, bool] = {}
    sites = {id(schema): (loc, schema) for loc, schema in ctx.index.with_keyword("pattern")}
    for loc, schema in ctx.index.with_keyword("patternProperties"):
        sites[id(schema)] = (loc, schema)
    for loc, schema in sites.values():
        candidates: list[tuple[str, object]] = [("/pattern", schema.get("pattern"))]
        pattern_properties = schema.get("patternProperties")
        if isinstance(pattern_properties, dict):
            candidates.extend(("/patternProperties", key) for key in pattern_properties)
        for where, pattern in candidates:
            if not isinstance(pattern, str):
                continue
            if pattern not in verdicts:
                verdicts[pattern] = _compiles(pattern)
            if not verdicts[pattern]:
                yield Finding(
                    "schema-pattern-regex-invalid",
                    pointer_of(loc) + where,
                    f"pattern {short_repr(pattern)} is not a regular expression the checking "
                    "engine compiles",
                    hint="fix the expression (ECMA-262 syntax)",
                )


def _compiles(pattern: str) -> bool:
    """Whether jsonschema-rs compiles ``pattern`` (Python's ``re`` never sees a document's)."""
    try:
        jsonschema_rs.Draft202012Validator({"pattern": pattern})
    except ValueError:
        return False
    return True


_BOUNDS = (
    ("minimum", "maximum"),
    ("minLength", "maxLength"),
    ("minItems", "maxItems"),
    ("minProperties", "maxProperties"),
    ("minContains", "maxContains"),
)


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def minimum_exceeds_maximum(ctx: Context) -> Iterator[Finding]:
    """A lower bound above its upper bound leaves no valid value."""
    for low, high in _BOUNDS:
        for loc, schema in ctx.index.with_keyword(low):
            lower, upper = schema.get(low), schema.get(high)
            if _number(lower) and _number(upper) and lower > upper:  # type: ignore[operator]
                yield Finding(
                    "minimum-exceeds-maximum",
                    f"{pointer_of(loc)}/{low}",
                    f"{low} {lower} is greater than {high} {upper}: no value can pass",
                    hint=f"swap or correct {low} and {high}",
                )
