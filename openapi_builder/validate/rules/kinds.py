"""A ``$ref`` reaches an object of the kind its slot holds: a Schema slot a Schema, and so on.

Only targets whose kind is certain from their place are judged: a component (``#/components/
<section>/<name>``; 2.0's ``#/definitions``, ``#/parameters``, ``#/responses``) or anything
inside a component schema. A ``$ref`` to another file, or to an inline object elsewhere in the
document, is left to ``unresolved-ref``.
"""

from __future__ import annotations

from collections.abc import Iterator

from openapi_builder.validate.findings import Finding
from openapi_builder.validate.pointers import split_ref, tokens
from openapi_builder.validate.rules.context import Context
from openapi_builder.validate.walk import RefSite, tokens_of

__all__ = ["ref_target_kind"]

# Slot kind -> the component section that holds objects of that kind.
_V3_SECTIONS = {
    "schema": "schemas",
    "parameter": "parameters",
    "header": "headers",
    "request body": "requestBodies",
    "response": "responses",
    "example": "examples",
    "link": "links",
    "callback": "callbacks",
    "path item": "pathItems",
}
_V2_SECTIONS = {"schema": "definitions", "parameter": "parameters", "response": "responses"}
# A map key (the token before the holder's own name or index) -> the kind of its members.
_MEMBER_KINDS = {
    "parameters": "parameter",
    "headers": "header",
    "requestBodies": "request body",
    "responses": "response",
    "examples": "example",
    "links": "link",
    "callbacks": "callback",
    "pathItems": "path item",
}


def _slot_kind(site: RefSite, v2: bool) -> str | None:
    """What kind of object the ``$ref`` stands in for, from where it is written."""
    if site.in_schema:
        return "schema"
    parts = [str(token) for token in tokens_of(site.loc)]
    if not parts:
        return None
    if parts[-1] == "requestBody":
        return "request body"
    if len(parts) == 2 and parts[0] in ("paths", "webhooks"):
        return "path item"
    if len(parts) >= 2:
        kind = _MEMBER_KINDS.get(parts[-2])
        if v2 and kind not in ("parameter", "response"):
            return None
        return kind
    return None


def _target_kind(fragment: str, v2: bool) -> tuple[str, str] | None:
    """(kind, section) of a local pointer's target when its place makes the kind certain."""
    path = tokens(fragment)
    if v2:
        if len(path) >= 2 and path[0] == "definitions":
            return "schema", "definitions"
        if len(path) == 2 and path[0] in ("parameters", "responses"):
            return path[0][:-1], path[0]
        return None
    if len(path) < 3 or path[0] != "components":
        return None
    section = path[1]
    if section == "schemas":
        return "schema", section
    kinds = {value: key for key, value in _V3_SECTIONS.items()}
    if len(path) == 3 and section in kinds:
        return kinds[section], section
    return None


def ref_target_kind(ctx: Context) -> Iterator[Finding]:
    """A ``$ref`` in a slot of one kind reaches a component of that kind."""
    v2 = ctx.version.is_v2
    sections = _V2_SECTIONS if v2 else _V3_SECTIONS
    for site in ctx.index.refs:
        if not isinstance(site.ref, str):
            continue
        where, fragment = split_ref(site.ref)
        if where or not fragment.startswith("/"):
            continue
        slot = _slot_kind(site, v2)
        target = _target_kind(fragment, v2)
        if slot is None or target is None or slot not in sections or target[0] == slot:
            continue
        yield Finding(
            "ref-target-kind",
            site.pointer + "/$ref",
            f"this {slot} $ref reaches a {target[0]} ({site.ref})",
            hint=f"point it at an object under #/{'' if v2 else 'components/'}{sections[slot]}"
            f", or move the $ref to a {target[0]} slot",
        )
