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

from openapi_builder.diff.schema_rules import CONSTRAINTS, KEYED, PRESENCE, constraint_rule_suffix

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
    """True for a branch that admits only null: ``{"type": "null"}`` (pydantic's Optional
    inside anyOf), or 3.0's ``{"nullable": true, "enum": [null]}`` (with or without a type)."""
    if not isinstance(schema, Mapping):
        return False
    if schema.get("type") == "null" and len(schema) == 1:
        return True
    extra = set(schema) - {"type", "nullable", "enum"}
    return schema.get("nullable") is True and schema.get("enum") == [None] and not extra


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


def _multi(types: frozenset[str] | None) -> bool:
    return types is not None and len(types) > 1


def check_type(base: Schema, revision: Schema, direction: str) -> Iterator[Finding]:
    """Type and format: widening is fine in requests, narrowing is fine in responses.

    When either side lists several types, a pure widening or narrowing of the list is
    reported as ``list-of-types-widened`` / ``-narrowed`` (oasdiff's ids)."""
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
    if (_multi(old_types) or _multi(new_types)) and old_format == new_format:
        if widened and not narrowed:
            yield ("list-of-types-widened", args)
            return
        if narrowed and not widened:
            yield ("list-of-types-narrowed", args)
            return
    if direction == "request":
        yield ("type-generalized" if widened else "type-changed", args)
    else:
        yield ("type-specialized" if narrowed and not widened else "type-changed", args)


_SCALARS = frozenset({"integer", "number", "boolean", "string"})


def text_widened(base: Schema, revision: Schema) -> dict[str, object] | None:
    """``{"old", "new"}`` when a scalar type becomes a plain string inside a parameter
    serialized as text: ``?a=5`` and ``?a=true`` are strings too, so nothing sent before is
    refused. None otherwise, including the widenings :func:`check_type` already sees."""
    old_types, new_types = types_of(base), types_of(revision)
    if old_types is None or new_types is None or old_types <= new_types:
        return None
    if not old_types <= _SCALARS or "string" not in new_types or "format" in revision:
        return None
    return {"old": _type_text(old_types, base.get("format")), "new": _type_text(new_types, None)}


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


def _pattern(schema: Schema) -> object:
    # An empty pattern matches every string: it constrains nothing, like no pattern at all.
    value = schema.get("pattern")
    return None if value == "" else value


def check_pattern(base: Schema, revision: Schema, direction: str) -> Iterator[Finding]:
    """Patterns: added narrows, removed widens, changed warns (regex inclusion is not
    decided here). An empty pattern counts as none."""
    old, new = _pattern(base), _pattern(revision)
    if old == new:
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
    """Bounds. A request bound tightened breaks clients; one newly set is a warning (it
    cannot be checked against what clients send); one relaxed or removed is fine. In a
    response it is the reverse: relaxed or removed bounds break what clients were promised."""
    present = _BOUNDED & (base.keys() | revision.keys())
    for keyword, (stem, upper) in CONSTRAINTS.items():
        if keyword not in present:
            continue
        old, new = _bound(base, keyword), _bound(revision, keyword)
        if old == new:
            continue
        args: dict[str, object] = {
            "old": "none" if old is None else old,
            "new": "none" if new is None else new,
        }
        if old is None:
            suffix = f"{stem}-set" if direction == "request" else None
            yield (suffix or constraint_rule_suffix(keyword, tightened=True), args)
            continue
        if new is None:
            if direction == "request":
                yield (constraint_rule_suffix(keyword, tightened=False), args)
            else:
                yield (f"{stem}-unset", args)
            continue
        tightened = new < old if upper else new > old
        yield (constraint_rule_suffix(keyword, tightened=tightened), args)


_ABSENT = object()


def _present(schema: Schema, keyword: str) -> bool:
    value = schema.get(keyword, _ABSENT)
    if keyword == "uniqueItems":
        return value is True
    return value is not _ABSENT and value is not None


def check_presence(base: Schema, revision: Schema, direction: str) -> Iterator[Finding]:
    """Constraining keywords added or removed (``contains``, ``if``, ``propertyNames`` ...);
    their sub-schemas, when on both sides, are compared by the walker."""
    keys = base.keys() | revision.keys()
    for keyword, (stem, _phrase) in PRESENCE.items():
        if keyword not in keys:
            continue
        was, now = _present(base, keyword), _present(revision, keyword)
        if was != now:
            yield (f"{stem}-{'added' if now else 'removed'}", {})
        elif keyword == "multipleOf" and was and base[keyword] != revision[keyword]:
            old, new = base[keyword], revision[keyword]
            if _divides(new, old):
                continue  # every multiple of the old step is a multiple of the new one
            yield ("multiple-of-changed", {"old": old, "new": new})


def _divides(step: object, value: object) -> bool:
    if not isinstance(step, int | float) or not isinstance(value, int | float) or not step:
        return False
    quotient = value / step
    return bool(quotient == int(quotient))


def check_keyed(base: Schema, revision: Schema, direction: str) -> Iterator[Finding]:
    """``dependentRequired``, ``dependentSchemas``, ``patternProperties``: entries added or
    removed by key; a ``dependentRequired`` entry whose list changed."""
    for keyword, (stem, _phrase) in KEYED.items():
        old, new = base.get(keyword), revision.get(keyword)
        if not isinstance(old, Mapping) and not isinstance(new, Mapping):
            continue
        old = old if isinstance(old, Mapping) else {}
        new = new if isinstance(new, Mapping) else {}
        for key in sorted(old.keys() - new.keys(), key=str):
            yield (f"{stem}-removed", {"key": key})
        for key in sorted(new.keys() - old.keys(), key=str):
            yield (f"{stem}-added", {"key": key})
        if keyword != "dependentRequired":
            continue
        for key in sorted(old.keys() & new.keys(), key=str):
            before, after = _names(old[key]), _names(new[key])
            if before == after:
                continue
            if direction == "request" and after < before:
                continue  # fewer co-required properties: requests only widen
            if direction == "response" and after > before:
                continue  # more co-required properties: responses only narrow
            yield (
                "dependent-required-changed",
                {"key": key, "old": sorted(before), "new": sorted(after)},
            )


def _names(value: object) -> frozenset[str]:
    return (
        frozenset(v for v in value if isinstance(v, str))
        if isinstance(value, list)
        else (frozenset())
    )


def check_const(base: Schema, revision: Schema, direction: str) -> Iterator[Finding]:
    """``const`` added (narrows), removed (widens) or changed (both)."""
    old, new = base.get("const", _ABSENT), revision.get("const", _ABSENT)
    if old is _ABSENT and new is _ABSENT:
        return
    if old is _ABSENT:
        yield ("const-added", {"new": new})
    elif new is _ABSENT:
        yield ("const-removed", {"old": old})
    elif json.dumps(old, sort_keys=True) != json.dumps(new, sort_keys=True):
        yield ("const-changed", {"old": old, "new": new})


def check_default(base: Schema, revision: Schema, direction: str) -> Iterator[Finding]:
    """``default``: a changed default changes behaviour for clients that omit the value."""
    old, new = base.get("default", _ABSENT), revision.get("default", _ABSENT)
    if old is _ABSENT and new is _ABSENT:
        return
    if old is _ABSENT:
        yield ("default-value-added", {"new": new})
    elif new is _ABSENT:
        yield ("default-value-removed", {"old": old})
    elif json.dumps(old, sort_keys=True) != json.dumps(new, sort_keys=True):
        yield ("default-value-changed", {"old": old, "new": new})


def check_content(base: Schema, revision: Schema, direction: str) -> Iterator[Finding]:
    """``contentMediaType`` and ``contentEncoding`` (how a string's content is encoded)."""
    for keyword, suffix in (
        ("contentMediaType", "content-media-type-changed"),
        ("contentEncoding", "content-encoding-changed"),
    ):
        old, new = base.get(keyword), revision.get(keyword)
        if old != new:
            yield (
                suffix,
                {"old": "none" if old is None else old, "new": "none" if new is None else new},
            )


def check_discriminator(base: Schema, revision: Schema, direction: str) -> Iterator[Finding]:
    """Discriminator added, removed, its property renamed, its mapping changed."""
    old, new = base.get("discriminator"), revision.get("discriminator")
    if not isinstance(old, Mapping) and not isinstance(new, Mapping):
        return
    if not isinstance(old, Mapping):
        yield ("discriminator-added", {"new": _text(new, "propertyName")})
        return
    if not isinstance(new, Mapping):
        yield ("discriminator-removed", {"old": _text(old, "propertyName")})
        return
    if old.get("propertyName") != new.get("propertyName"):
        yield (
            "discriminator-property-name-changed",
            {"old": _text(old, "propertyName"), "new": _text(new, "propertyName")},
        )
    old_map, new_map = old.get("mapping"), new.get("mapping")
    old_map = old_map if isinstance(old_map, Mapping) else {}
    new_map = new_map if isinstance(new_map, Mapping) else {}
    for suffix, keys in (
        ("discriminator-mapping-removed", old_map.keys() - new_map.keys()),
        ("discriminator-mapping-added", new_map.keys() - old_map.keys()),
        (
            "discriminator-mapping-changed",
            {k for k in old_map.keys() & new_map.keys() if old_map[k] != new_map[k]},
        ),
    ):
        if keys:
            yield (suffix, {"values": ", ".join(sorted(str(k) for k in keys))})


def _text(node: object, key: str) -> object:
    return node.get(key, "none") if isinstance(node, Mapping) else "none"


def check_access(base: Schema, revision: Schema, direction: str) -> Iterator[Finding]:
    """``readOnly`` in requests and ``writeOnly`` in responses, set or cleared."""
    keyword = "readOnly" if direction == "request" else "writeOnly"
    was, now = base.get(keyword) is True, revision.get(keyword) is True
    if was == now:
        return
    stem = "read-only" if keyword == "readOnly" else "write-only"
    yield (f"became-{stem}" if now else f"became-not-{stem}", {})


KEYWORD_CHECKS: tuple[tuple[frozenset[str], KeywordCheck], ...] = (
    (frozenset({"type", "format"}), check_type),
    (frozenset({"type", "nullable", "anyOf", "oneOf"}), check_nullable),
    (frozenset({"enum", "x-extensible-enum"}), check_enum),
    (frozenset({"pattern"}), check_pattern),
    (_BOUNDED, check_constraints),
    (frozenset(PRESENCE), check_presence),
    (frozenset(KEYED), check_keyed),
    (frozenset({"const"}), check_const),
    (frozenset({"default"}), check_default),
    (frozenset({"contentMediaType", "contentEncoding"}), check_content),
    (frozenset({"discriminator"}), check_discriminator),
    (frozenset({"readOnly", "writeOnly"}), check_access),
)
"""Every local check with the keywords that can make it report: a check runs on a pair of
schemas only when one of them has one of its keywords."""
