"""Schema pairs: one (base, revision) pair of schemas at their pointers, and the pairs below it.

A pair knows its subject (``request-parameter``, ``request-property``, ``response-property``)
and direction; the children of a pair are the sub-schemas both sides have at the same place
(``items``, ``if``/``then``/``else``, ``not`` with the direction flipped, ``patternProperties``
and ``dependentSchemas`` by key, ``prefixItems`` by position).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

from openapi_builder.diff.change import Args
from openapi_builder.diff.pointer import join

Schema = Mapping[str, Any]


@dataclass(slots=True)
class Pair:
    """Two schemas compared as one: where each stands, what they are (``subject``, its message
    arguments, ``label``), the ``$ref`` strings that led here, and the traffic direction."""

    base: Schema
    base_pointer: str
    revision: Schema
    revision_pointer: str
    label: str
    subject: str
    subject_args: Args
    refs: tuple[object, object] = (None, None)
    direction: str = "request"
    # inside a parameter serialized as text (query, path, header, cookie `schema`): every
    # scalar travels as its text, so a string accepts what a number or boolean did
    textual: bool = False


def member_tokens(keyword: str, position: int | None) -> tuple[str | int, ...]:
    """The pointer tokens of a composition member (none for a plain schema standing in)."""
    return () if position is None else (keyword, position)


def child_pair(
    pair: Pair,
    tokens: str | tuple[str | int, ...],
    old: Schema,
    new: Schema,
    label: str,
    subject: str,
    revision_tokens: tuple[str | int, ...] | None = None,
    *,
    flip: bool = False,
) -> Pair:
    """The pair of sub-schemas at ``tokens`` below ``pair`` (at ``revision_tokens`` on the
    revision side when they differ); ``flip`` for one under ``not``."""
    tokens = (tokens,) if isinstance(tokens, str) else tokens
    direction = pair.direction
    if flip:  # under `not`, what the sub-schema accepts is what the schema rejects
        direction = "response" if direction == "request" else "request"
        subject = f"{direction}-property"
    return Pair(
        old,
        join(pair.base_pointer, *tokens),
        new,
        join(pair.revision_pointer, *(tokens if revision_tokens is None else revision_tokens)),
        label,
        subject,
        (("property", label),),
        direction=direction,
        textual=pair.textual,
    )


# Sub-schemas compared in place when both sides have them: keyword -> label suffix.
SUBSCHEMAS: Mapping[str, str] = {
    "items": "[]",
    "additionalProperties": "{}",
    "if": "/if",
    "then": "/then",
    "else": "/else",
    "not": "/not",
    "contains": "/contains",
    "propertyNames": "/propertyNames",
    "contentSchema": "/contentSchema",
    "unevaluatedItems": "/unevaluatedItems",
    "unevaluatedProperties": "/unevaluatedProperties",
}
KEYED_SUBSCHEMAS = ("patternProperties", "dependentSchemas")


SUBSCHEMA_KEYWORDS = frozenset({*SUBSCHEMAS, *KEYED_SUBSCHEMAS, "prefixItems"})


def subschemas(pair: Pair, subject: str, label: str) -> Iterator[Pair]:
    base, revision = pair.base, pair.revision
    if SUBSCHEMA_KEYWORDS.isdisjoint(base.keys() | revision.keys()):
        return
    for keyword, suffix in SUBSCHEMAS.items():
        old, new = base.get(keyword), revision.get(keyword)
        if isinstance(old, Mapping) and isinstance(new, Mapping):
            if keyword == "items" and pair.subject == "request-parameter":
                # An array parameter's items are still the parameter (`?a=1&a=2`).
                yield replace(
                    child_pair(pair, keyword, old, new, label, pair.subject),
                    subject_args=pair.subject_args,
                )
                continue
            flip = keyword == "not"
            yield child_pair(pair, keyword, old, new, label + suffix, subject, flip=flip)
    for keyword in KEYED_SUBSCHEMAS:
        old_map, new_map = base.get(keyword), revision.get(keyword)
        if not isinstance(old_map, Mapping) or not isinstance(new_map, Mapping):
            continue
        for key in sorted(old_map.keys() & new_map.keys(), key=str):
            old, new = old_map[key], new_map[key]
            if isinstance(old, Mapping) and isinstance(new, Mapping):
                yield child_pair(
                    pair, (keyword, key), old, new, f"{label}/{keyword}/{key}", subject
                )
    yield from prefix_items(pair, subject, label)


def prefix_items(pair: Pair, subject: str, label: str) -> Iterator[Pair]:
    """``prefixItems`` position by position; a position one side lacks is governed there by
    ``items`` (or anything), so a new tuple member is compared with what was allowed before."""
    old_list, new_list = pair.base.get("prefixItems"), pair.revision.get("prefixItems")
    if not isinstance(old_list, list) and not isinstance(new_list, list):
        return
    old_list = old_list if isinstance(old_list, list) else []
    new_list = new_list if isinstance(new_list, list) else []
    old_rest, new_rest = pair.base.get("items"), pair.revision.get("items")
    for index in range(max(len(old_list), len(new_list))):
        old_tokens: tuple[str | int, ...] = ("prefixItems", index)
        new_tokens: tuple[str | int, ...] = ("prefixItems", index)
        if index < len(old_list):
            old = old_list[index]
        else:
            old, old_tokens = (old_rest if isinstance(old_rest, Mapping) else {}), ("items",)
        if index < len(new_list):
            new = new_list[index]
        else:
            new, new_tokens = (new_rest if isinstance(new_rest, Mapping) else {}), ("items",)
        if isinstance(old, Mapping) and isinstance(new, Mapping):
            yield child_pair(pair, old_tokens, old, new, f"{label}[{index}]", subject, new_tokens)
