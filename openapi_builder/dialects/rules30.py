"""The table ``RULES_30``: JSON Schema 2020-12 keyword -> its OpenAPI 3.0 form.

A rule gets the keyword's value (subschemas already converted) and the whole schema
object (converted subschemas too, for siblings such as ``minimum`` next to
``exclusiveMinimum``) and returns the 3.0 keywords it stands for. It never knows where it
is: when it cannot express the keyword it raises ``Unsupported`` with the reason and what
to do, and the walker in ``schema30`` adds the JSON pointer. The choices where 3.0 has no
exact equivalent are listed in ``schema30``'s docstring.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeGuard

from openapi_builder.dialects.common import copy_json, is_sequence

__all__ = [
    "FALSE_30",
    "NEEDS_31",
    "NULL_30",
    "RULES_30",
    "Rule",
    "Schema",
    "Unsupported",
    "false_30",
]

Schema = dict[str, Any]
Rule = Callable[[Any, Mapping[str, Any]], Mapping[str, Any]]

#: What ``{"type": "null"}`` converts to; recognising it lets the ``anyOf`` rule find the
#: null branch among already converted branches.
#: It carries a ``type`` because OpenAPI 3.0.3 gives ``nullable`` a meaning only next to
#: one ("A true value adds null to the allowed values"); ``enum: [null]`` then admits null
#: alone. Strict 3.0.3 tools (Redocly's struct rule, our ``nullable-type-sibling``) accept it.
NULL_30: Mapping[str, Any] = {"type": "object", "nullable": True, "enum": [None]}
#: The 3.0 spelling of the boolean schema ``false`` (3.0 allows booleans only for
#: ``additionalProperties``).
FALSE_30: Mapping[str, Any] = {"not": {}}


def _null_30() -> Schema:
    return {"type": "object", "nullable": True, "enum": [None]}  # fresh: outputs share nothing


def false_30() -> Schema:
    """A fresh ``{"not": {}}``: the 3.0 form of the boolean schema ``false``."""
    return {"not": {}}


NEEDS_31 = 'needs openapi 3.1.0 or later (declare the API with openapi="3.1.0")'
_DIALECTS_2020 = frozenset(
    {
        "https://json-schema.org/draft/2020-12/schema",
        "https://spec.openapis.org/oas/3.1/dialect/base",
        "https://spec.openapis.org/oas/3.2/dialect/2025-09-17",
    }
)
#: In-place applicators: with any of them next to ``unevaluated*``, the evaluated set
#: depends on which branches matched, which 3.0's ``additionalProperties`` cannot follow.
_IN_PLACE = ("allOf", "anyOf", "oneOf", "if", "dependentSchemas", "$ref", "$dynamicRef")


class Unsupported(Exception):
    """A rule cannot express its keyword in 3.0; ``reason`` says why and what to do."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# --- rules ---------------------------------------------------------------------------------


def _same(keyword: str) -> Rule:
    """A keyword that means the same in 3.0: copied (data values deep-copied)."""

    def rule(value: Any, node: Mapping[str, Any]) -> Mapping[str, Any]:
        return {keyword: copy_json(value)}

    rule.__name__ = f"same_{keyword}"
    return rule


def _converted(keyword: str) -> Rule:
    """A keyword holding subschemas, same in 3.0: its children are converted already."""

    def rule(value: Any, node: Mapping[str, Any]) -> Mapping[str, Any]:
        # Shallow copies only: converted children are fresh, and copying them again at
        # every level would be quadratic on deep schemas.
        if isinstance(value, Mapping):
            return {keyword: dict(value)}
        return {keyword: list(value) if is_sequence(value) else value}

    rule.__name__ = f"converted_{keyword}"
    return rule


def _drop(value: Any, node: Mapping[str, Any]) -> Mapping[str, Any]:
    """Keywords with no meaning to keep (comments; ``then``/``else`` handled by ``if``)."""
    return {}


def _refuse(reason: str) -> Rule:
    def rule(value: Any, node: Mapping[str, Any]) -> Mapping[str, Any]:
        raise Unsupported(reason)

    return rule


def _as_extension(keyword: str) -> Rule:
    """An annotation 3.0 lacks, kept (not converted) as an ``x-`` extension."""

    def rule(value: Any, node: Mapping[str, Any]) -> Mapping[str, Any]:
        return {f"x-{keyword}": copy_json(value)}

    return rule


def _enum_patch(values: list[Any], node: Mapping[str, Any]) -> Mapping[str, Any]:
    # 2020-12: ``enum: [.., null]`` without ``type`` admits null; 3.0.3 wants nullable too.
    if any(value is None for value in values) and "type" not in node:
        others = [value for value in values if value is not None]
        if not others:
            return _null_30()
        kinds = {_json_type(value) for value in others}
        if len(kinds) == 1 and None not in kinds:
            return {"enum": values, "type": kinds.pop(), "nullable": True}
        return {"anyOf": [{"enum": others}, _null_30()]}
    return {"enum": values}


def _json_type(value: Any) -> str | None:
    """The one JSON type of an enum value, or None when it has no single 3.0 type name."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return None


def _enum(value: Any, node: Mapping[str, Any]) -> Mapping[str, Any]:
    if not is_sequence(value) or not value:
        raise Unsupported("`enum` must be a non-empty array of allowed values")
    return _enum_patch(copy_json(list(value)), node)


def _const(value: Any, node: Mapping[str, Any]) -> Mapping[str, Any]:
    return _enum_patch([copy_json(value)], node)


def _type(value: Any, node: Mapping[str, Any]) -> Mapping[str, Any]:
    names = [value] if isinstance(value, str) else list(dict.fromkeys(value))
    others = [name for name in names if name != "null"]
    if not others:
        return _null_30()
    if len(others) > 1:
        branches: list[Schema] = [{"type": name} for name in others]
        return {"anyOf": [*branches, _null_30()] if "null" in names else branches}
    patch: dict[str, Any] = {"type": others[0]}
    if "null" in names:
        patch["nullable"] = True
    return patch


def _nullable_union(keyword: str) -> Rule:
    """``anyOf``/``oneOf`` whose null branches become ``nullable: true``."""

    def rule(value: Any, node: Mapping[str, Any]) -> Mapping[str, Any]:
        branches = list(value)
        rest = [branch for branch in branches if branch != NULL_30]
        if len(rest) == len(branches):
            return {keyword: branches}
        if not rest:
            return _null_30()
        if len(rest) > 1:
            return {keyword: [*rest, _null_30()]}
        (only,) = rest
        siblings = set(node) - {keyword}
        if "$ref" in only or "type" not in only or set(only) & siblings:
            # 3.0 ignores $ref siblings, `nullable` needs a `type` beside it, and merging
            # would clash with the parent's keywords: keep the null branch as a branch.
            return {keyword: [only, _null_30()]}
        merged = dict(only)
        if "enum" in merged and None not in merged["enum"]:
            # OpenAPI 3.0.3: with an enum, null is allowed only when listed in it.
            merged["enum"] = [*merged["enum"], None]
        merged["nullable"] = True
        return merged

    return rule


def _exclusive(bound: str, inclusive: str, stricter: Callable[[float, float], bool]) -> Rule:
    """Numeric ``exclusiveMinimum: n`` -> ``minimum: n, exclusiveMinimum: true``.

    When an inclusive bound sits next to it, the stricter of the two is kept (the other one
    excludes nothing more, so dropping it loses nothing).
    """

    def rule(value: Any, node: Mapping[str, Any]) -> Mapping[str, Any]:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise Unsupported(
                f"`{bound}` must be a number in OpenAPI 3.1 (the boolean form is 3.0 syntax: "
                f"write `{bound}: <limit>` instead of `{inclusive}` + `{bound}: true`)"
            )
        other = node.get(inclusive)
        if _is_number(other) and stricter(other, value):
            return {}
        return {inclusive: value, bound: True}

    return rule


def _inclusive(bound: str, exclusive: str, stricter: Callable[[float, float], bool]) -> Rule:
    def rule(value: Any, node: Mapping[str, Any]) -> Mapping[str, Any]:
        other = node.get(exclusive)
        if _is_number(other) and not stricter(value, other):
            return {}  # the exclusive bound is at least as strict; its rule emits it
        return {bound: value}

    return rule


def _is_number(value: Any) -> TypeGuard[float]:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _examples(value: Any, node: Mapping[str, Any]) -> Mapping[str, Any]:
    if not is_sequence(value):
        raise Unsupported("`examples` must be an array of example values")
    examples = copy_json(list(value))
    if not examples:
        return {}
    if "example" in node:
        return {"x-examples": examples}
    if len(examples) == 1:
        return {"example": examples[0]}
    return {"example": examples[0], "x-examples": examples[1:]}


def _schema_uri(value: Any, node: Mapping[str, Any]) -> Mapping[str, Any]:
    if value in _DIALECTS_2020:
        return {}
    raise Unsupported(f"`$schema` {value!r} is not the JSON Schema 2020-12 dialect")


_TEXT_MEDIA = ("text/", "application/json", "application/xml", "application/x-www-form")


def _content_encoding(value: Any, node: Mapping[str, Any]) -> Mapping[str, Any]:
    if value == "base64":
        return {"format": "byte"}
    return {"x-contentEncoding": value}


def _content_media_type(value: Any, node: Mapping[str, Any]) -> Mapping[str, Any]:
    if "contentEncoding" in node:
        # base64 text of some media type: contentEncoding gives the 3.0 format.
        return {} if value == "application/octet-stream" else {"x-contentMediaType": value}
    if value == "application/octet-stream":
        return {"format": "binary"}
    textual = str(value).startswith(_TEXT_MEDIA) or str(value).endswith(("+json", "+xml"))
    if textual:
        return {"x-contentMediaType": value}
    # Raw bytes of a binary type (image/png, ...): 3.0 says `format: binary`.
    return {"format": "binary", "x-contentMediaType": value}


def _if(value: Any, node: Mapping[str, Any]) -> Mapping[str, Any]:
    # if/then/else holds exactly when (if and then) or (not if and else).
    then, otherwise = node.get("then"), node.get("else")
    if then is None and otherwise is None:
        return {}
    negated = {"not": copy_json(value)}  # a copy: the output must not hold one dict twice
    matched = value if then is None else {"allOf": [value, then]}
    unmatched = negated if otherwise is None else {"allOf": [negated, otherwise]}
    return {"anyOf": [matched, unmatched]}


def _when_present(name: str, schema: Mapping[str, Any]) -> Schema:
    # `not {type: object, required: [name]}` holds for non-objects too, as the 2020-12
    # dependent* keywords ignore non-objects.
    return {"anyOf": [{"not": {"type": "object", "required": [name]}}, schema]}


def _dependent_required(value: Any, node: Mapping[str, Any]) -> Mapping[str, Any]:
    clauses = [
        _when_present(name, {"required": list(needed)}) for name, needed in value.items() if needed
    ]
    return {"allOf": clauses} if clauses else {}


def _dependent_schemas(value: Any, node: Mapping[str, Any]) -> Mapping[str, Any]:
    clauses = [_when_present(name, schema) for name, schema in value.items()]
    return {"allOf": clauses} if clauses else {}


def _contains(value: Any, node: Mapping[str, Any]) -> Mapping[str, Any]:
    minimum = node.get("minContains", 1)
    if minimum == 0:
        return {}  # zero matches required: `contains` accepts every array
    if minimum != 1 or "maxContains" in node:
        raise Unsupported(
            "`minContains`/`maxContains` (count of matching items) has no OpenAPI 3.0 "
            f"equivalent; {NEEDS_31}"
        )
    # Some item matches C  <=>  not (every item fails C); only arrays are constrained.
    return {"not": {"type": "array", "items": {"not": value}}}


def _items(value: Any, node: Mapping[str, Any]) -> Mapping[str, Any]:
    if "prefixItems" in node:
        return {}  # the prefixItems rule decides what the tail becomes
    return {"items": value}


def _prefix_items(value: Any, node: Mapping[str, Any]) -> Mapping[str, Any]:
    positions = list(value)
    tail = node.get("items")
    max_items = node.get("maxItems")
    if not positions:
        return {} if tail is None else {"items": tail}
    if all(position == positions[0] for position in positions):
        shared = positions[0]
        if tail == FALSE_30:
            bound = len(positions) if max_items is None else min(max_items, len(positions))
            return {"items": shared, "maxItems": bound}
        if tail == shared or (max_items is not None and max_items <= len(positions)):
            return {"items": shared}
    raise Unsupported(
        "`prefixItems` (a tuple with a schema per position) cannot be expressed in "
        "OpenAPI 3.0, whose single `items` schema applies to every position: use a "
        f"homogeneous tuple or a list; a tuple {NEEDS_31}"
    )


def _unevaluated(keyword: str, target: str, covering: tuple[str, ...]) -> Rule:
    """``unevaluated*`` is plain ``items``/``additionalProperties`` when nothing else evaluates.

    Args:
        keyword: ``unevaluatedItems`` or ``unevaluatedProperties``.
        target: the 3.0 keyword it becomes.
        covering: siblings that evaluate the same items/properties (and so interfere).
    """

    def rule(value: Any, node: Mapping[str, Any]) -> Mapping[str, Any]:
        if target in node:
            return {}  # `items`/`additionalProperties` already evaluated the rest: no effect
        blockers = [name for name in (*_IN_PLACE, *covering) if name in node]
        if blockers:
            raise Unsupported(
                f"`{keyword}` next to {', '.join(blockers)} depends on which subschemas "
                f"matched, which OpenAPI 3.0 cannot express; {NEEDS_31}"
            )
        if target == "items" and isinstance(value, bool):
            value = {} if value else false_30()
        return {target: value}

    return rule


def _ref(value: Any, node: Mapping[str, Any]) -> Mapping[str, Any]:
    return {"$ref": value}


_SAME = (
    "title",
    "description",
    "default",
    "multipleOf",
    "maxLength",
    "minLength",
    "pattern",
    "maxItems",
    "minItems",
    "uniqueItems",
    "maxProperties",
    "minProperties",
    "required",
    "format",
    "readOnly",
    "writeOnly",
    "deprecated",
    "discriminator",
    "xml",
    "externalDocs",
    "example",
)
_SAME_SCHEMAS = ("properties", "additionalProperties", "allOf", "not")

#: keyword -> rule turning it into OpenAPI 3.0 keywords. Keywords absent from this table
#: (and not ``x-`` extensions) are unknown to both dialects and refused.
RULES_30: Mapping[str, Rule] = {
    **{keyword: _same(keyword) for keyword in _SAME},
    **{keyword: _converted(keyword) for keyword in _SAME_SCHEMAS},
    "type": _type,
    "enum": _enum,
    "const": _const,
    "anyOf": _nullable_union("anyOf"),
    "oneOf": _nullable_union("oneOf"),
    "$ref": _ref,
    "exclusiveMinimum": _exclusive("exclusiveMinimum", "minimum", lambda a, b: a > b),
    "exclusiveMaximum": _exclusive("exclusiveMaximum", "maximum", lambda a, b: a < b),
    "minimum": _inclusive("minimum", "exclusiveMinimum", lambda a, b: a > b),
    "maximum": _inclusive("maximum", "exclusiveMaximum", lambda a, b: a < b),
    "examples": _examples,
    "$schema": _schema_uri,
    "$comment": _drop,
    "contentEncoding": _content_encoding,
    "contentMediaType": _content_media_type,
    "contentSchema": _as_extension("contentSchema"),
    "if": _if,
    "then": _drop,
    "else": _drop,
    "dependentRequired": _dependent_required,
    "dependentSchemas": _dependent_schemas,
    "contains": _contains,
    "minContains": _drop,  # read by the `contains` rule; alone it has no effect
    "maxContains": _drop,
    "items": _items,
    "prefixItems": _prefix_items,
    "unevaluatedItems": _unevaluated("unevaluatedItems", "items", ("prefixItems", "contains")),
    "unevaluatedProperties": _unevaluated(
        "unevaluatedProperties", "additionalProperties", ("patternProperties",)
    ),
    "patternProperties": _refuse(
        "`patternProperties` (schemas chosen by a property-name pattern, e.g. a dict with "
        f"constrained keys) has no OpenAPI 3.0 equivalent; {NEEDS_31}"
    ),
    "propertyNames": _refuse(
        f"`propertyNames` (a schema for property names) has no OpenAPI 3.0 equivalent; {NEEDS_31}"
    ),
    "$defs": _refuse(
        "`$defs` (local definitions) has no OpenAPI 3.0 equivalent: move them to "
        f"#/components/schemas and point `$ref`s there, or {NEEDS_31}"
    ),
    "$id": _refuse(f"`$id` (schema resources) is not supported by OpenAPI 3.0; {NEEDS_31}"),
    "$anchor": _refuse(f"`$anchor` is not supported by OpenAPI 3.0; {NEEDS_31}"),
    "$dynamicRef": _refuse(f"`$dynamicRef` is not supported by OpenAPI 3.0; {NEEDS_31}"),
    "$dynamicAnchor": _refuse(f"`$dynamicAnchor` is not supported by OpenAPI 3.0; {NEEDS_31}"),
    "$vocabulary": _refuse(f"`$vocabulary` belongs in meta-schemas only; {NEEDS_31}"),
    "nullable": _refuse(
        "`nullable` is OpenAPI 3.0 syntax and means nothing in a 3.1 schema: write "
        '`type: [<type>, "null"]` or `anyOf: [<schema>, {"type": "null"}]`'
    ),
}
