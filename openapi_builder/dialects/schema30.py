"""JSON Schema 2020-12 (OpenAPI 3.1/3.2) -> OpenAPI 3.0 Schema Object.

The conversion is a table, ``rules30.RULES_30``: keyword -> small pure function that never
knows where it is; this module walks the schema and adds the JSON pointer to whatever a
rule could not express.

The walker is iterative and post-order (children before parents), so schemas nested
10,000 deep convert without ``RecursionError``, and it collects every unsupported keyword
of the schema before raising one ``DeclarationError``.

Choices where 3.0 has no exact equivalent (each one tested):

- Validation keywords are converted to an equivalent 3.0 form or refused, never
  approximated: ``if``/``then``/``else``, ``dependentRequired``, ``dependentSchemas`` and
  ``contains`` become ``anyOf``/``allOf``/``not`` formulas with the same instances valid;
  ``prefixItems`` becomes ``items`` only when every position has the same schema (a
  homogeneous tuple), because 3.0's single ``items`` cannot constrain one position;
  ``patternProperties``, ``propertyNames``, ``minContains``/``maxContains`` and
  ``unevaluated*`` next to applicators are refused.
- Annotations 3.0 lacks are kept as ``x-`` extensions rather than dropped: ``examples``
  becomes ``example`` (the first) plus ``x-examples`` (the rest); a non-binary
  ``contentMediaType`` becomes ``x-contentMediaType``; ``contentSchema`` ``x-contentSchema``.
- ``$comment`` is dropped: JSON Schema lets tools strip it (it is a note for schema
  authors, not for readers of the API). ``$schema`` naming the 2020-12 or OAS dialect is
  dropped (it says what we convert from); any other ``$schema`` is refused.
- ``null``: OpenAPI 3.0.3 gives ``nullable`` a meaning only next to ``type``, so every
  form we emit has one. ``type: [X, "null"]`` -> ``type: X, nullable: true``;
  ``anyOf``/``oneOf`` ``[A, {"type": "null"}]`` with A typed -> A merged with
  ``nullable: true`` (``null`` added to A's ``enum``, which 3.0.3 requires); a ``$ref`` or
  an untyped A, or several non-null branches, keep their branches and the null one
  becomes ``{"type": "object", "nullable": true, "enum": [null]}`` (admits null alone):
  ``anyOf: [{"$ref"}, {type: object, nullable: true, enum: [null]}]``. Redocly's struct
  rule and our ``nullable-type-sibling`` accept it; tools that ignore ``nullable`` read
  it as the model alone, never as "anything".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from openapi_builder.dialects.common import (
    Finding,
    copy_json,
    is_sequence,
    join_pointer,
    raise_findings,
)
from openapi_builder.dialects.rules30 import NEEDS_31, RULES_30, Schema, Unsupported, false_30

__all__ = ["convert_schema_to_30", "schema_findings_30"]

#: Keywords that may hold boolean schemas in 3.0 (everywhere else ``true``/``false``
#: become ``{}``/``{"not": {}}``).
_BOOLEAN_OK = frozenset({"additionalProperties", "unevaluatedProperties"})


# --- subschema positions -----------------------------------------------------------------
# Where the walker descends. Keywords that are always refused (patternProperties, $defs,
# propertyNames) are not descended into: one finding for the keyword is enough.
_SINGLE = (
    "items",
    "additionalProperties",
    "not",
    "if",
    "then",
    "else",
    "contains",
    "unevaluatedItems",
    "unevaluatedProperties",
)
_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
_MAPS = ("properties", "dependentSchemas")

Slot = tuple[str, "str | int | None"]


def _children(node: Mapping[str, Any]) -> list[tuple[Slot, Any]]:
    """Every subschema of ``node`` with its slot (keyword, key or index), in document order."""
    found: list[tuple[Slot, Any]] = []
    for keyword, value in node.items():
        if keyword in _SINGLE:
            found.append(((keyword, None), value))
        elif keyword in _LISTS and is_sequence(value):
            found.extend(((keyword, index), item) for index, item in enumerate(value))
        elif keyword in _MAPS and isinstance(value, Mapping):
            found.extend(((keyword, name), item) for name, item in value.items())
    return found


# --- the node and the walker --------------------------------------------------------------


def _merge(out: Schema, patch: Mapping[str, Any], keyword: str) -> None:
    """Add one rule's keywords to the node being built; the constraints all apply."""
    for name, value in patch.items():
        if name not in out:
            out[name] = value
        elif out[name] == value:
            continue
        elif name == "allOf":
            out[name] = [*out[name], *value]
        elif name in ("anyOf", "oneOf", "not"):
            # Two rules both need e.g. `anyOf`: conjunction of both, through allOf.
            out["allOf"] = [*out.get("allOf", []), {name: value}]
        elif name == "enum":
            common = [item for item in out[name] if item in value]
            if not common:
                raise Unsupported(
                    f"`{keyword}` leaves no allowed value next to the sibling `enum`/`const`/"
                    "`type`; the schema accepts nothing, which is almost surely a mistake"
                )
            out[name] = common
        else:
            raise Unsupported(
                f"`{keyword}` becomes `{name}: {value!r}` in OpenAPI 3.0, which clashes with "
                f"`{name}: {out[name]!r}` from a sibling keyword; {NEEDS_31}"
            )


def _rebuild(node: Mapping[str, Any], done: Mapping[Slot, Any]) -> dict[str, Any]:
    """``node`` with every subschema position replaced by its converted form."""
    view: dict[str, Any] = dict(node)
    for (keyword, key), converted in done.items():
        if key is None:
            view[keyword] = converted
        else:
            container = view[keyword]
            if container is node[keyword]:  # copy each container once before filling it
                container = list(container) if is_sequence(container) else dict(container)
                view[keyword] = container
            container[key] = converted
    return view


def _convert_node(
    node: Mapping[str, Any], done: Mapping[Slot, Any], findings: list[Finding]
) -> Schema:
    """Apply the rule of every keyword of one node; findings point at the keyword only."""
    view = _rebuild(node, done)
    out: Schema = {}
    for keyword, value in view.items():
        rule = RULES_30.get(keyword)
        try:
            if rule is None:
                if not keyword.startswith("x-"):
                    raise Unsupported(
                        f"`{keyword}` is not an OpenAPI 3.0 schema keyword (nor a JSON Schema "
                        "2020-12 one we can convert); prefix custom keywords with `x-`"
                    )
                patch: Mapping[str, Any] = {keyword: copy_json(value)}
            else:
                patch = rule(value, view)
            _merge(out, patch, keyword)
        except Unsupported as problem:
            findings.append(Finding(keyword, problem.reason))
    if "$ref" in out and len(out) > 1:
        # 3.0 ignores everything next to $ref: wrap the reference so the siblings count.
        ref = out.pop("$ref")
        out = {"allOf": [{"$ref": ref}, *out.pop("allOf", [])], **out}
    return out


@dataclass(slots=True)
class _Frame:
    """One schema object being converted: its children first, then itself."""

    node: Mapping[str, Any]
    parent: _Frame | None
    slot: Slot | None
    pending: list[tuple[Slot, Any]]
    done: dict[Slot, Any] = field(default_factory=dict)

    def pointer(self, root: str) -> str:
        # Built only when a finding needs it: joining pointers at every level would cost
        # O(depth^2) on deep schemas.
        tokens: list[str | int] = []
        frame: _Frame | None = self
        while frame is not None and frame.slot is not None:
            keyword, key = frame.slot
            tokens.extend(reversed((keyword,) if key is None else (keyword, key)))
            frame = frame.parent
        return join_pointer(root, *reversed(tokens))


def _frame(node: Mapping[str, Any], parent: _Frame | None, slot: Slot | None) -> _Frame:
    return _Frame(node, parent, slot, list(reversed(_children(node))))


def schema_findings_30(schema: Any, pointer: str = "") -> tuple[Schema, list[Finding]]:
    """Convert ``schema`` to 3.0; return the result and every finding (nothing raised)."""
    findings: list[Finding] = []
    if isinstance(schema, bool):
        return ({} if schema else false_30()), findings
    if not isinstance(schema, Mapping):
        findings.append(Finding(pointer, "a schema must be an object or a boolean"))
        return {}, findings
    result: Schema = {}
    stack = [_frame(schema, None, None)]
    while stack:
        top = stack[-1]
        if top.pending:
            slot, child = top.pending.pop()
            if isinstance(child, bool):
                keep = slot[0] in _BOOLEAN_OK
                top.done[slot] = child if keep else ({} if child else false_30())
            elif isinstance(child, Mapping):
                stack.append(_frame(child, top, slot))
            else:
                where = _frame({}, top, slot).pointer(pointer)
                findings.append(Finding(where, "a schema must be an object or a boolean"))
                top.done[slot] = {}
            continue
        stack.pop()
        local: list[Finding] = []
        converted = _convert_node(top.node, top.done, local)
        if local:
            here = top.pointer(pointer)
            findings.extend(Finding(join_pointer(here, f.pointer), f.message) for f in local)
        if top.slot is None:
            result = converted
        else:
            stack[-1].done[top.slot] = converted
    return result, findings


def convert_schema_to_30(schema: Mapping[str, Any], *, pointer: str = "") -> dict[str, Any]:
    """Convert a JSON Schema 2020-12 schema into an OpenAPI 3.0 Schema Object.

    The input is never mutated and the output shares no containers with it. Every keyword
    is converted by its row in ``RULES_30``; see this module's docstring for the choices
    where 3.0 has no exact equivalent.

    Args:
        schema: the schema, as pydantic's ``model_json_schema`` or a user writes it.
        pointer: JSON pointer of ``schema`` in its document, used in error messages.

    Returns:
        A new dict valid as an OpenAPI 3.0 Schema Object.

    Raises:
        DeclarationError: some keywords have no 3.0 form; one error lists all of them,
            each with its JSON pointer and what to do (usually: declare openapi="3.1.0").
    """
    result, findings = schema_findings_30(schema, pointer)
    raise_findings(findings, title="this schema cannot be expressed in OpenAPI 3.0")
    return dict(result)
