"""Keyword checks on one pair of resolved schemas, as a table of small pure functions.

Each check takes the base and revision schema and the direction of traffic and yields
``(rule suffix, args)``; it knows nothing of where the schema sits. The walker in
:mod:`openapi_builder.diff.compare` adds the subject (``request-property`` ...), the pointers
and the operations. Requests and responses are judged oppositely: a request schema may only
widen (accept more), a response schema may only narrow (promise more).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from openapi_builder.diff.rules import CONSTRAINTS, constraint_rule_suffix

Schema = Mapping[str, Any]
Finding = tuple[str, dict[str, object]]
KeywordCheck = Callable[[Schema, Schema, str], Iterator[Finding]]


def types_of(schema: Schema) -> frozenset[str] | None:
    """The non-null types a schema allows, or None when it does not restrict the type."""
    declared = schema.get("type")
    if isinstance(declared, str):
        return frozenset({declared} - {"null"}) or None
    if isinstance(declared, list):
        return frozenset(t for t in declared if isinstance(t, str) and t != "null") or None
    return None


def is_null_schema(schema: object) -> bool:
    """True for ``{"type": "null"}``: pydantic's way to spell Optional inside anyOf."""
    return isinstance(schema, Mapping) and schema.get("type") == "null" and len(schema) == 1


def is_nullable(schema: Schema) -> bool:
    """True when null is allowed: 3.0 ``nullable``, a ``null`` type, or a null alternative."""
    if schema.get("nullable") is True:
        return True
    declared = schema.get("type")
    if declared == "null" or (isinstance(declared, list) and "null" in declared):
        return True
    return any(
        isinstance(alternatives, list) and any(is_null_schema(a) for a in alternatives)
        for alternatives in (schema.get("anyOf"), schema.get("oneOf"))
    )


def _covers(wide: frozenset[str] | None, narrow: frozenset[str] | None) -> bool:
    """True when every value of ``narrow``'s types is also of ``wide``'s (integer < number)."""
    if wide is None:
        return True
    if narrow is None:
        return False
    return all(t in wide or (t == "integer" and "number" in wide) for t in narrow)


def _type_text(types: frozenset[str] | None, fmt: object) -> str:
    text = "|".join(sorted(types)) if types else "any"
    return f"{text}/{fmt}" if isinstance(fmt, str) else text


def _composed_without_type(schema: Schema) -> bool:
    return "type" not in schema and any(k in schema for k in ("anyOf", "oneOf", "allOf"))


def check_type(base: Schema, revision: Schema, direction: str) -> Iterator[Finding]:
    """Type and format: widening is fine in requests, narrowing is fine in responses."""
    if _composed_without_type(base) or _composed_without_type(revision):
        return  # the type lives in the members; member matching reports what changed there
    old_types, new_types = types_of(base), types_of(revision)
    old_format, new_format = base.get("format"), revision.get("format")
    if old_types == new_types and old_format == new_format:
        return
    widened = _covers(new_types, old_types) and (new_format is None or new_format == old_format)
    narrowed = _covers(old_types, new_types) and (old_format is None or old_format == new_format)
    args: dict[str, object] = {
        "old": _type_text(old_types, old_format),
        "new": _type_text(new_types, new_format),
    }
    if direction == "request":
        yield ("type-generalized" if widened else "type-changed", args)
    else:
        yield ("type-specialized" if narrowed and not widened else "type-changed", args)


def check_nullable(base: Schema, revision: Schema, direction: str) -> Iterator[Finding]:
    """Null allowed or not (any spelling): losing null breaks requests, gaining it responses."""
    old, new = is_nullable(base), is_nullable(revision)
    if old != new:
        yield ("became-nullable" if new else "became-not-nullable", {})


def _values(schema: Schema, keyword: str) -> dict[str, object] | None:
    values = schema.get(keyword)
    if not isinstance(values, list):
        return None
    # Keyed by canonical JSON so 1 and "1" stay different and order does not matter.
    return {json.dumps(v, sort_keys=True): v for v in values if v is not None}


def _extensible(schema: Schema) -> bool:
    return schema.get("x-extensible-enum") is True or isinstance(
        schema.get("x-extensible-enum"), list
    )


def check_enum(base: Schema, revision: Schema, direction: str) -> Iterator[Finding]:
    """Enum values, including Zalando's ``x-extensible-enum`` (a list, or ``true`` on enum).

    Values added or removed at one place are reported together, as one change."""
    for keyword in ("enum", "x-extensible-enum"):
        old, new = _values(base, keyword), _values(revision, keyword)
        extensible = keyword == "x-extensible-enum" or _extensible(revision)
        if old is None and new is not None and keyword == "enum":
            if direction == "request" and _values(base, "x-extensible-enum") is None:
                yield ("became-enum", {"values": ", ".join(sorted(new))})
            continue
        if old is None or new is None:
            continue
        removed, added = sorted(old.keys() - new.keys()), sorted(new.keys() - old.keys())
        if removed:
            extensible_removed = direction == "request" and keyword == "x-extensible-enum"
            rule = "x-extensible-enum-value-removed" if extensible_removed else "enum-value-removed"
            yield (rule, {"values": ", ".join(removed)})
        if added:
            extensible_added = direction == "response" and extensible
            rule = "x-extensible-enum-value-added" if extensible_added else "enum-value-added"
            yield (rule, {"values": ", ".join(added)})


def check_pattern(base: Schema, revision: Schema, direction: str) -> Iterator[Finding]:
    """Request patterns: added breaks, changed warns (regex inclusion is undecidable here)."""
    old, new = base.get("pattern"), revision.get("pattern")
    if direction != "request" or old == new:
        return
    if old is None:
        yield ("pattern-added", {"new": new})
    elif new is None:
        yield ("pattern-removed", {"old": old})
    else:
        yield ("pattern-changed", {"old": old, "new": new})


def _bound(schema: Schema, keyword: str) -> float | None:
    value = schema.get(keyword)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return value


_BOUNDED = frozenset(CONSTRAINTS)


def check_constraints(base: Schema, revision: Schema, direction: str) -> Iterator[Finding]:
    """Request bounds: a new or stricter bound rejects values that used to be accepted."""
    if direction != "request" or not (_BOUNDED & (base.keys() | revision.keys())):
        return
    for keyword, (_stem, upper) in CONSTRAINTS.items():
        old, new = _bound(base, keyword), _bound(revision, keyword)
        if old == new:
            continue
        if new is None:
            tightened = False
        elif old is None:
            tightened = True
        else:
            tightened = new < old if upper else new > old
        args: dict[str, object] = {
            "old": "none" if old is None else old,
            "new": "none" if new is None else new,
        }
        yield (constraint_rule_suffix(keyword, tightened=tightened), args)


KEYWORD_CHECKS: tuple[KeywordCheck, ...] = (
    check_type,
    check_nullable,
    check_enum,
    check_pattern,
    check_constraints,
)
"""Every local check, run on each compared pair of schemas."""
