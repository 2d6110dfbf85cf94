"""Schemas as a version and a direction read them, ready for jsonschema-rs instance checks.

A ``CheckingView`` holds converted copies of the schemas values are checked against, and of
every schema they reach through local ``$ref``s, placed at the same JSON pointers in one
registry resource, so ``#/components/schemas/Pet`` still resolves. Converting:

- 2.0 / 3.0: ``nullable: true`` (and 2.0's ``x-nullable``) admits ``null``; keys beside a
  ``$ref`` are dropped ("SHALL be ignored"); 2.0's ``type: file`` admits anything;
- request values do not need ``readOnly`` properties, response values do not need
  ``writeOnly`` ones (3.0: "the required will take effect on the response only" and its
  mirror); values of unknown direction (a component schema's own example) need neither.

Only what is reachable is copied, shallowly (literal values are shared, never changed), so a
view costs little beside the document. Copies and reference collection are iterative.
"""

from __future__ import annotations

from typing import Any

import jsonschema_rs

from openapi_builder.schema_keywords import SCHEMA_LISTS, SCHEMA_MAPS, SCHEMA_ONE
from openapi_builder.validate.pointers import MISSING, escape, resolve, split_ref, tokens
from openapi_builder.validate.walk import InstanceSite, tokens_of

__all__ = ["OLD_VERSIONS", "CheckingView", "direction_of", "media_type_of"]

_BASE = "urn:openapi-builder:checking"
_SITES = "$openapi-builder-sites"
#: Versions whose schemas are read as draft 4 with OpenAPI's own keywords (nullable, ...).
OLD_VERSIONS = ("2.0", "3.0")
_VALIDATOR = {
    "2.0": jsonschema_rs.Draft4Validator,
    "3.0": jsonschema_rs.Draft4Validator,
    "3.1": jsonschema_rs.Draft202012Validator,
    "3.2": jsonschema_rs.Draft202012Validator,
}
_NOT_REQUIRED = {
    "request": ("readOnly",),
    "response": ("writeOnly",),
    "any": ("readOnly", "writeOnly"),
}


def direction_of(site: InstanceSite) -> str:
    """``request``, ``response`` or ``any``, from where the value sits in the document."""
    parts = [str(token) for token in tokens_of(site.loc)]
    if len(parts) < 2:
        return "any"
    if parts[0] == "components" or (parts[0] in ("parameters", "responses")):
        section = parts[1] if parts[0] == "components" else parts[0]
        return {
            "requestBodies": "request",
            "parameters": "request",
            "responses": "response",
            "headers": "response",
        }.get(section, "any")
    if parts[0] not in ("paths", "webhooks"):
        return "any"
    i = 2
    while i < len(parts):
        token = parts[i]
        if token in ("requestBody", "parameters"):
            return "request"
        if token == "responses":
            return "response"
        if token == "callbacks":
            i += 4  # name, expression, method
        elif i == 2:
            i += 1  # the method (path-level parameters are caught above)
        else:
            return "any"
    return "any"


def media_type_of(site: InstanceSite) -> str | None:
    """The media type whose ``example``/``examples`` holds the value, if it is one."""
    parts = tokens_of(site.loc)
    for end in (3, 5):  # .../content/<type>/example, .../content/<type>/examples/<n>/value
        if len(parts) >= end and parts[-end] == "content":
            kind = parts[-end + 2]
            if (end == 3 and kind == "example") or (end == 5 and kind == "examples"):
                return str(parts[-end + 1])
    return None


class CheckingView:
    """Converted schemas for one version and direction, and validators against them."""

    def __init__(self, document: Any, version: str, direction: str) -> None:
        self.document = document
        self.old = version in OLD_VERSIONS
        self.v2 = version == "2.0"
        self.cls = _VALIDATOR.get(version, jsonschema_rs.Draft202012Validator)
        self.not_required = _NOT_REQUIRED[direction]
        self.pending: dict[int, Any] = {}
        self.slots: dict[int, int] = {}
        self.unverifiable: set[int] = set()
        self.resource: dict[str, Any] = {_SITES: []}
        self.placed: set[tuple[str, ...]] = set()
        self.registry: Any = None

    def add(self, schema: Any) -> None:
        """Queue a schema that values will be checked against (before any ``validator``)."""
        self.pending.setdefault(id(schema), schema)

    def verifiable(self, schema: Any) -> bool:
        """Whether values can be checked against ``schema`` (no ``$ref`` leaves the document)."""
        self._build()
        return id(schema) in self.slots and id(schema) not in self.unverifiable

    def validator(self, schema: Any) -> Any:
        """A jsonschema-rs validator for ``schema`` as this view reads it, or ``None``.

        ``None`` when the schema reaches a ``$ref`` outside the document (other rules report
        those; nothing is ever fetched). Raises ``ValueError`` for a schema jsonschema-rs
        refuses.
        """
        if not self.verifiable(schema):
            return None
        return self.cls(self._site_ref(schema), registry=self.registry, validate_formats=False)

    def batch_validator(self, schemas: list[Any]) -> Any:
        """One validator for an array whose item ``i`` is checked against ``schemas[i]``
        (each one verifiable).

        Raises ``ValueError`` (or ``ReferencingError``) when jsonschema-rs refuses a schema.
        """
        self._build()
        keyword = "items" if self.old else "prefixItems"  # draft 4's tuple form
        refs = [self._site_ref(schema) for schema in schemas]
        return self.cls({keyword: refs}, registry=self.registry, validate_formats=False)

    def _site_ref(self, schema: Any) -> dict[str, str]:
        return {"$ref": f"{_BASE}#/{escape(_SITES)}/{self.slots[id(schema)]}"}

    # -- building -------------------------------------------------------------------------

    def _build(self) -> None:
        """Convert the queued schemas and all they reach, once, into one registry."""
        if self.registry is not None:
            return
        sites: list[Any] = self.resource[_SITES]
        targets: list[str] = []
        for key, schema in self.pending.items():
            converted, refs, external = self._convert(schema)
            if external:
                self.unverifiable.add(key)
            self.slots[key] = len(sites)
            sites.append(converted)
            targets.extend(refs)
        seen: set[str] = set()
        while targets:
            pointer = targets.pop()
            if pointer in seen:
                continue
            seen.add(pointer)
            target = resolve(self.document, pointer)
            if target is MISSING:
                continue  # unresolved-ref reports it; the validator build will fail
            converted, refs, _ = self._convert(target)
            self._place(pointer, converted)
            targets.extend(refs)
        self.registry = jsonschema_rs.Registry([(_BASE, self.resource)])

    def _place(self, pointer: str, value: Any) -> None:
        path = tuple(tokens(pointer))
        if not path:
            return  # a $ref to the whole document is not a schema
        if any(path[:i] in self.placed for i in range(1, len(path))):
            return  # already inside a converted target
        node = self.resource
        for token in path[:-1]:
            child = node.get(token)
            if not isinstance(child, dict):
                child = node[token] = {}
            node = child
        node[path[-1]] = value
        self.placed.add(path)

    def _convert(self, schema: Any) -> tuple[Any, list[str], bool]:
        """(converted copy, local ref pointers it holds, whether it holds a non-local ref)."""
        refs: list[str] = []
        external = False
        if not isinstance(schema, dict):
            return schema, refs, external
        root: dict[str, Any] = {}
        stack: list[tuple[dict[str, Any], dict[str, Any]]] = [(schema, root)]
        # One copy per source object: shared sub-schemas stay shared, and a Python object
        # that contains itself (never JSON) becomes a cycle instead of a loop.
        copies: dict[int, dict[str, Any]] = {id(schema): root}
        while stack:
            source, out = stack.pop()
            ref = source.get("$ref")
            if isinstance(ref, str):
                where, fragment = split_ref(ref)
                if where:
                    external = True
                else:
                    refs.append(fragment)
                if self.old:
                    out["$ref"] = ref
                    continue
            for key, value in source.items():
                if key in SCHEMA_MAPS and isinstance(value, dict):
                    members: dict[str, Any] = {}
                    for name, member in value.items():
                        members[name] = self._child(member, stack, copies)
                    out[key] = members
                elif (key in SCHEMA_ONE or key == "items") and isinstance(value, dict):
                    out[key] = self._child(value, stack, copies)
                elif (key in SCHEMA_LISTS or key == "items") and isinstance(value, list):
                    out[key] = [self._child(member, stack, copies) for member in value]
                else:
                    out[key] = value
            self._adjust(out, source)
        return root, refs, external

    @staticmethod
    def _child(
        value: Any,
        stack: list[tuple[dict[str, Any], dict[str, Any]]],
        copies: dict[int, dict[str, Any]],
    ) -> Any:
        if not isinstance(value, dict):
            return value
        copy = copies.get(id(value))
        if copy is None:
            copy = copies[id(value)] = {}
            stack.append((value, copy))
        return copy

    def _adjust(self, schema: dict[str, Any], source: dict[str, Any]) -> None:
        """Apply the version's and direction's reading to one converted Schema Object.

        Property schemas are read from ``source``: their converted copies fill in later.
        """
        if self.v2 and schema.get("type") == "file":
            del schema["type"]
        required = schema.get("required")
        properties = source.get("properties")
        if isinstance(required, list) and isinstance(properties, dict):
            kept = [name for name in required if not self._excused(properties.get(name))]
            if len(kept) != len(required):
                schema["required"] = kept
                if not kept and self.old:
                    del schema["required"]  # draft 4 wants at least one name
        if self.old and (schema.get("nullable") is True or schema.get("x-nullable") is True):
            self._admit_null(schema)

    def _excused(self, member: Any) -> bool:
        """Whether a required property need not be present in values of this direction."""
        if not isinstance(member, dict):
            return False
        ref = member.get("$ref")
        if isinstance(ref, str) and (
            self.old or not any(flag in member for flag in self.not_required)
        ):
            where, fragment = split_ref(ref)
            target = resolve(self.document, fragment) if not where else MISSING
            if isinstance(target, dict):
                member = target
        return any(member.get(flag) is True for flag in self.not_required)

    @staticmethod
    def _admit_null(schema: dict[str, Any]) -> None:
        kind = schema.get("type")
        if isinstance(kind, str):
            schema["type"] = [kind, "null"]
        elif kind is None:
            rest = {key: value for key, value in schema.items() if key not in ("nullable",)}
            schema.clear()
            schema["anyOf"] = [rest, {"type": "null"}]
            return
        enum = schema.get("enum")
        if isinstance(enum, list) and None not in enum:
            schema["enum"] = [*enum, None]
