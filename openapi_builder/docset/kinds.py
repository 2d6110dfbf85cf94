"""Which kind of OpenAPI object stands where, and the ``$ref``s a subtree holds, by kind.

A ``$ref`` is only a reference where the specification allows one: in a Schema Object, or in
place of a response, parameter, path item and so on. The same key inside an example or an
extension is data. So the walk follows a table of fields per object kind (per version
family), never guesses at key names, and records each ``$ref`` with the kind of the object
it stands for: a bundled target lands in the ``components`` section of that kind.
The walk is iterative (explicit stack), so any depth works.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from openapi_builder.schema_keywords import SCHEMA_LISTS, SCHEMA_MAPS, SCHEMA_ONE

__all__ = ["RefSite", "family_of", "iter_refs", "section_of"]

# A location is (parent location, token), the root is (): cheap to build, turned into a
# pointer only for the few locations holding a `$ref`.
Loc = tuple[Any, ...]

_METHODS = frozenset({"get", "put", "post", "delete", "options", "head", "patch", "trace", "query"})

# kind -> field -> kind of the value; "map:K"/"list:K": every member is a K. Fields not
# listed are "any" (searched for references of unknown kind); x- fields are data.
_V3: dict[str, dict[str, str]] = {
    "root": {"paths": "map:path-item", "webhooks": "map:path-item", "components": "components"},
    "components": {
        "schemas": "map:schema",
        "responses": "map:response",
        "parameters": "map:parameter",
        "examples": "map:example",
        "requestBodies": "map:request-body",
        "headers": "map:header",
        "securitySchemes": "map:security-scheme",
        "links": "map:link",
        "callbacks": "map:callback",
        "pathItems": "map:path-item",
        "mediaTypes": "map:media",
    },
    "path-item": {"parameters": "list:parameter", "additionalOperations": "map:operation"},
    "operation": {
        "parameters": "list:parameter",
        "requestBody": "request-body",
        "responses": "map:response",
        "callbacks": "map:callback",
    },
    "parameter": {
        "schema": "schema",
        "content": "map:media",
        "examples": "map:example",
        "example": "data",
    },
    "header": {
        "schema": "schema",
        "content": "map:media",
        "examples": "map:example",
        "example": "data",
    },
    "request-body": {"content": "map:media"},
    "media": {
        "schema": "schema",
        "itemSchema": "schema",
        "examples": "map:example",
        "example": "data",
        "encoding": "map:encoding",
        "prefixEncoding": "list:encoding",
        "itemEncoding": "encoding",
    },
    "encoding": {"headers": "map:header"},
    "response": {"headers": "map:header", "content": "map:media", "links": "map:link"},
    "example": {"value": "data", "dataValue": "data"},
    "link": {"requestBody": "data", "parameters": "data"},
    "security-scheme": {},
    "any": {},
}
_V2: dict[str, dict[str, str]] = {
    "root": {
        "paths": "map:path-item",
        "definitions": "map:schema",
        "parameters": "map:parameter",
        "responses": "map:response",
    },
    "path-item": {"parameters": "list:parameter"},
    "operation": {"parameters": "list:parameter", "responses": "map:response"},
    "parameter": {"schema": "schema", "items": "data", "default": "data"},
    "response": {"schema": "schema", "headers": "data", "examples": "data"},
    "any": {},
}

# Where a bundled object of each kind goes, per version family; a kind without a section is
# inlined at its reference instead.
_SECTIONS: dict[str, dict[str, tuple[str, ...]]] = {
    "2.0": {
        "schema": ("definitions",),
        "parameter": ("parameters",),
        "response": ("responses",),
    },
    "3.0": {
        "schema": ("components", "schemas"),
        "response": ("components", "responses"),
        "parameter": ("components", "parameters"),
        "example": ("components", "examples"),
        "request-body": ("components", "requestBodies"),
        "header": ("components", "headers"),
        "security-scheme": ("components", "securitySchemes"),
        "link": ("components", "links"),
        "callback": ("components", "callbacks"),
    },
}
_SECTIONS["3.1"] = _SECTIONS["3.0"]
_SECTIONS["3.2"] = {**_SECTIONS["3.0"], "media": ("components", "mediaTypes")}


def family_of(document: Any) -> str:
    """``"2.0"``, ``"3.0"``, ``"3.1"`` or ``"3.2"`` from the top-level version field.

    An unknown or missing version reads as 3.1, the shape most documents have; validation
    reports the version itself.
    """
    if isinstance(document, dict):
        if document.get("swagger") == "2.0":
            return "2.0"
        declared = document.get("openapi")
        if isinstance(declared, str):
            for family in ("3.0", "3.2", "3.1"):
                if declared.startswith(family + "."):
                    return family
    return "3.1"


def section_of(family: str, kind: str) -> tuple[str, ...] | None:
    """The components section objects of ``kind`` are bundled into, or ``None`` (inline)."""
    return _SECTIONS[family].get(kind)


@dataclass(frozen=True, slots=True)
class RefSite:
    """An object holding a ``$ref``: where it stands, the object, its parent slot, its kind."""

    loc: Loc
    holder: dict[str, Any]
    parent: Any  # the dict or list holding ``holder``; None for a subtree's root
    key: Any  # ``holder``'s key or index in ``parent``
    ref: object
    kind: str


def iter_refs(node: Any, kind: str, family: str) -> list[RefSite]:
    """Every ``$ref`` in the subtree ``node`` (an object of ``kind``), in a fixed order.

    Locations are relative to ``node``. Below a non-schema ``$ref`` object nothing is
    searched (its other keys are a summary and a description at most); below a schema
    ``$ref`` the sibling keywords are (3.1 applies them too).
    """
    tables = _V2 if family == "2.0" else _V3
    sites: list[RefSite] = []
    # (node, loc, kind, parent, key). The order only has to be fixed, not the document's.
    stack: list[tuple[Any, Loc, str, Any, Any]] = [(node, (), kind, None, None)]
    pop, push = stack.pop, stack.append
    while stack:
        current, loc, kind, parent, key = pop()
        if kind == "schema":
            _schema_refs(current, loc, parent, key, sites)
            continue
        if type(current) is list:
            member = kind[5:] if kind.startswith("list:") else "any"
            for i, item in enumerate(current):
                if type(item) is dict or type(item) is list:
                    push((item, (loc, i), member, current, i))
            continue
        if type(current) is not dict:
            continue
        if kind.startswith("map:"):
            member = kind[4:]
            for name, value in current.items():
                if (type(value) is dict or type(value) is list) and not (
                    member != "schema" and str(name).startswith("x-")
                ):
                    push((value, (loc, name), member, current, name))
            continue
        ref = current.get("$ref")
        if ref is not None:
            sites.append(RefSite(loc, current, parent, key, ref, kind))
            continue
        if kind == "callback":
            for name, value in current.items():
                if type(value) is dict and not str(name).startswith("x-"):
                    push((value, (loc, name), "path-item", current, name))
            continue
        if kind == "data":
            continue
        fields = tables.get(kind, _V3["any"])
        for name, value in current.items():
            if type(value) is not dict and type(value) is not list:
                continue
            text = str(name)
            if text.startswith("x-"):
                continue
            if kind == "path-item" and text in _METHODS:
                child_kind = "operation"
            else:
                child_kind = fields.get(text, "any")
            push((value, (loc, name), child_kind, current, name))
    return sites


# What a schema keyword's value is: 1 a map of schemas, 2 a list of them, 3 one schema,
# 4 either (``items``). One lookup per container child; scalars are skipped before it.
_SCHEMA_ROLES: dict[str, int] = {
    **dict.fromkeys(SCHEMA_MAPS, 1),
    **dict.fromkeys(SCHEMA_LISTS, 2),
    **dict.fromkeys(SCHEMA_ONE, 3),
    "items": 4,
}


def _schema_refs(node: Any, loc: Loc, parent: Any, key: Any, sites: list[RefSite]) -> None:
    """The ``$ref``s of one schema subtree (most of a document: kept to one tight loop)."""
    stack: list[tuple[Any, Loc, Any, Any]] = [(node, loc, parent, key)]
    pop, push, roles = stack.pop, stack.append, _SCHEMA_ROLES.get
    while stack:
        current, loc, parent, key = pop()
        if type(current) is list:  # a list of schemas (allOf, anyOf, ...)
            for i, item in enumerate(current):
                if type(item) is dict:
                    push((item, (loc, i), current, i))
            continue
        if type(current) is not dict:
            continue
        if "$ref" in current:
            sites.append(RefSite(loc, current, parent, key, current["$ref"], "schema"))
        for name, value in current.items():
            kind = type(value)
            if kind is not dict and kind is not list:
                continue
            role = roles(name)
            if role is None:
                continue
            if role == 1:
                if kind is dict:
                    child = (loc, name)
                    for member, schema in value.items():
                        if type(schema) is dict:
                            push((schema, (child, member), value, member))
            elif (role == 2 and kind is list) or (role == 3 and kind is dict) or role == 4:
                push((value, (loc, name), current, name))
