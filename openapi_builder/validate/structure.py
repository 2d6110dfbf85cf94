"""Step 1: one jsonschema-rs pass against the official schema for the document's version.

For 3.1 and 3.2 the document schema is composed with the OAS schema dialect (see
``schemas/SOURCES.md``), so every Schema Object is checked in the same pass. Validators are
built once per version, from files shipped with the package, in one ``Registry``: nothing is
fetched. Errors become ``structure`` findings at the offending node's JSON pointer.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from functools import cache
from importlib.resources import files
from typing import Any

import jsonschema_rs

from openapi_builder.validate.findings import Finding, short_repr
from openapi_builder.validate.pointers import escape
from openapi_builder.validate.versions import VersionKey
from openapi_builder.validate.walk import DEPTH_LIMIT, Loc, pointer_of

__all__ = ["MAX_DEPTH", "check_structure", "structure_validator"]

# jsonschema-rs recurses on the native stack (~3 KB per level measured); past this depth we
# refuse rather than risk the process. 10,000-deep schemas are ~20,000 levels of JSON.
MAX_DEPTH = DEPTH_LIMIT
_SMALL_DEPTH = 256  # below this, the calling thread's stack is plenty
_CHUNK_DEPTH = 96  # deeper documents are validated in chunks (see check_structure)
_STACK_PER_LEVEL = 8 * 1024
_STACK_FLOOR = 32 * 1024 * 1024
_STACK_CEILING = 1024 * 1024 * 1024
_stack_lock = threading.Lock()

_DOCUMENT_SCHEMAS: dict[VersionKey, str] = {
    "2.0": "oas/v2.0/schema.json",
    "3.0": "oas/v3.0/schema.json",
    "3.1": "oas/v3.1/schema.json",
    "3.2": "oas/v3.2/schema.json",
}
# The dialect (and its vocabulary) each version's Schema Objects are checked against.
_DIALECTS: dict[VersionKey, tuple[str, ...]] = {
    "3.1": ("dialect/oas3.1-dialect-base.json", "dialect/oas3.1-meta-base.json"),
    "3.2": ("dialect/oas3.2-dialect-2025-09-17.json", "dialect/oas3.2-meta-2025-09-17.json"),
}


def _read(relative: str) -> Any:
    resource = files("openapi_builder.validate").joinpath("schemas", *relative.split("/"))
    return json.loads(resource.read_text(encoding="utf-8"))


@cache
def structure_validator(version: VersionKey) -> jsonschema_rs.Validator:
    """The compiled validator for ``version``, built once per process."""
    document_schema = _read(_DOCUMENT_SCHEMAS[version])
    if version not in _DIALECTS:
        return jsonschema_rs.validator_for(document_schema, offline=True)
    dialect, vocabulary = (_read(path) for path in _DIALECTS[version])
    # The same composition as the OAI's schema-base: the outermost `$dynamicAnchor: meta` wins,
    # so each `$dynamicRef: "#meta"` (a Schema Object) lands on the OAS dialect.
    composed = {
        "$id": f"urn:openapi-builder:oas-{version}",
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$ref": document_schema["$id"],
        "$defs": {"schema": {"$dynamicAnchor": "meta", "$ref": dialect["$id"]}},
    }
    registry = jsonschema_rs.Registry(
        [(schema["$id"], schema) for schema in (document_schema, dialect, vocabulary)]
    )
    return jsonschema_rs.validator_for(composed, registry=registry, offline=True)


@cache
def schema_object_validator(version: VersionKey) -> jsonschema_rs.Validator:
    """A validator for one Schema Object of ``version`` (used on chunks of deep documents)."""
    document_schema = _read(_DOCUMENT_SCHEMAS[version])
    if version == "2.0":
        uri = "urn:openapi-builder:swagger-2.0"
        registry = jsonschema_rs.Registry([(uri, document_schema)])
        wrapper: dict[str, Any] = {
            "$schema": "http://json-schema.org/draft-04/schema#",
            "$ref": f"{uri}#/definitions/schema",
        }
    elif version == "3.0":
        uri = document_schema["id"]
        registry = jsonschema_rs.Registry([(uri, document_schema)])
        wrapper = {
            "$schema": "http://json-schema.org/draft-04/schema#",
            "oneOf": [
                {"$ref": f"{uri}#/definitions/Schema"},
                {"$ref": f"{uri}#/definitions/Reference"},
            ],
        }
    else:
        dialect, vocabulary = (_read(path) for path in _DIALECTS[version])
        registry = jsonschema_rs.Registry([(s["$id"], s) for s in (dialect, vocabulary)])
        wrapper = {
            "$id": f"urn:openapi-builder:schema-{version}",
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$dynamicAnchor": "meta",
            "$ref": dialect["$id"],
        }
    return jsonschema_rs.validator_for(wrapper, registry=registry, offline=True)


def check_structure(
    document: Any,
    version: VersionKey,
    depth: int,
    cuts: Sequence[tuple[Loc, Any]] = (),
) -> list[Finding]:
    """Every structural finding for ``document``, deduplicated, in validator order.

    ``depth`` is the document's nesting depth (from the walk); deep documents are validated on
    a thread with a stack large enough for them, and absurdly deep ones are refused.
    ``cuts`` (from the walk) are Schema Objects at regular nesting intervals: a deep document
    is validated in chunks cut there, because one error deep inside nested ``oneOf``s makes
    jsonschema-rs build an error tree quadratic in the depth (gigabytes at 2,000 levels).
    """
    if depth > MAX_DEPTH:
        return [
            Finding(
                "structure",
                "",
                f"the document nests {depth} levels deep; structure was not checked",
                hint=f"documents deeper than {MAX_DEPTH} levels are not supported",
            )
        ]
    if depth <= _CHUNK_DEPTH or not cuts:
        validator = structure_validator(version)
        if depth <= _SMALL_DEPTH:
            return _findings(validator, document)
        return _on_big_stack(lambda: _findings(validator, document), depth)
    return _on_big_stack(lambda: _chunked(document, version, cuts), depth)


def _chunked(document: Any, version: VersionKey, cuts: Sequence[tuple[Loc, Any]]) -> list[Finding]:
    """Validate the document with every cut replaced by ``{}``, then each cut likewise."""
    index_of = {id(loc): i for i, (loc, _) in enumerate(cuts)}
    inner: dict[int | None, list[list[Any]]] = {}  # enclosing cut (None: root) -> token paths
    for loc, _ in cuts:
        tokens: list[Any] = []
        enclosing: int | None = None
        current = loc
        while current:
            parent, token = current
            tokens.append(token)
            if id(parent) in index_of:
                enclosing = index_of[id(parent)]
                break
            current = parent
        tokens.reverse()
        inner.setdefault(enclosing, []).append(tokens)
    findings = _findings(structure_validator(version), _pruned(document, inner.get(None, [])))
    schema_validator = schema_object_validator(version)
    for i, (loc, node) in enumerate(cuts):
        prefix = pointer_of(loc)
        for finding in _findings(schema_validator, _pruned(node, inner.get(i, []))):
            findings.append(replace(finding, pointer=prefix + finding.pointer))
    return findings


def _pruned(root: Any, paths: list[list[Any]]) -> Any:
    """A copy of ``root`` with the node at each token path replaced by ``{}`` (copy on write)."""
    if not paths:
        return root
    copies: dict[tuple[Any, ...], Any] = {(): _shallow(root)}
    for tokens in paths:
        parent = copies[()]
        for length in range(1, len(tokens)):
            prefix = tuple(tokens[:length])
            if prefix not in copies:
                copies[prefix] = _shallow(parent[tokens[length - 1]])
                parent[tokens[length - 1]] = copies[prefix]
            parent = copies[prefix]
        parent[tokens[-1]] = {}
    return copies[()]


def _shallow(node: Any) -> Any:
    return dict(node) if isinstance(node, dict) else list(node)


def _findings(validator: jsonschema_rs.Validator, document: Any) -> list[Finding]:
    seen: set[tuple[str, str]] = set()
    result: list[Finding] = []
    try:
        errors = list(validator.iter_errors(document))
    except (ValueError, TypeError, OverflowError) as refused:
        # Not JSON data (non-string keys, sets, objects...): say so instead of crashing.
        reason = " ".join(str(refused).split())[:120]
        return [
            Finding(
                "structure",
                "",
                f"the document is not JSON data: {reason}",
                hint="use only dicts with string keys, lists, strings, numbers, booleans, None",
            )
        ]
    for error in errors:
        for finding in _describe(error, document):
            if (finding.pointer, finding.message) not in seen:
                seen.add((finding.pointer, finding.message))
                result.append(finding)
    return result


def _on_big_stack(work: Callable[[], list[Finding]], depth: int) -> list[Finding]:
    size = min(max(depth * _STACK_PER_LEVEL, _STACK_FLOOR), _STACK_CEILING)
    outcome: list[list[Finding]] = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            outcome.append(work())
        except BaseException as error:  # re-raised on the caller's thread below
            failure.append(error)

    # stack_size is process-wide state: set it only around our own thread's creation.
    with _stack_lock:
        previous = threading.stack_size(size)
        try:
            thread = threading.Thread(target=run, name="openapi-builder-structure")
            thread.start()
        finally:
            threading.stack_size(previous)
    thread.join()
    if failure:
        raise failure[0]
    return outcome[0]


# -- error -> finding ---------------------------------------------------------------------------


def _pointer(path: Sequence[str | int]) -> str:
    """The JSON pointer for an instance path (jsonschema-rs gives digit-only keys as ints)."""
    return "".join(f"/{escape(token)}" for token in path)


def _describe(error: jsonschema_rs.ValidationError, document: Any) -> Iterator[Finding]:
    pointer = _pointer(error.instance_path)
    kind = error.kind
    name = kind.name
    if name in ("oneOf", "anyOf") and isinstance(
        kind,
        jsonschema_rs.ValidationErrorKind.OneOfNotValid | jsonschema_rs.ValidationErrorKind.AnyOf,
    ):
        merged = _merged_choices(kind.context)
        if merged is not None:
            yield merged
            return
        branch = _best_branch(kind.context, len(error.instance_path))
        if branch is not None:
            for inner in branch:
                yield from _describe(inner, document)
            return
        yield Finding(
            "structure",
            pointer,
            f"{short_repr(error.instance)} does not match any of the allowed forms",
            hint=_hint(pointer, name),
        )
        return
    if name in ("additionalProperties", "unevaluatedProperties") and isinstance(
        kind,
        jsonschema_rs.ValidationErrorKind.AdditionalProperties
        | jsonschema_rs.ValidationErrorKind.UnevaluatedProperties,
    ):
        for key in kind.unexpected:
            child = f"{pointer}/{escape(key)}"
            yield Finding(
                "structure", child, f"unexpected property {key!r}", hint=_hint(child, name)
            )
        return
    message = _MESSAGES.get(name, _fallback)(error)
    options = kind.options if isinstance(kind, jsonschema_rs.ValidationErrorKind.Enum) else []
    hint = _TYPES_HINT if _names_types(pointer, options) else _hint(pointer, name, kind)
    yield Finding("structure", pointer, message, hint=hint)


_TYPES_HINT = "JSON Schema types: array, boolean, integer, null, number, object, string"


def _names_types(pointer: str, options: Sequence[object]) -> bool:
    """A Schema Object's ``type`` (its allowed values are the JSON types)."""
    return pointer.endswith("/type") and "object" in options and "string" in options


def _merged_choices(
    branches: Sequence[Sequence[jsonschema_rs.ValidationError]],
) -> Finding | None:
    """When every branch rejects the same value by ``enum``/``const``, list all the choices.

    3.0's Parameter (one branch per ``in``) would otherwise say "'body' is not one of
    ['query']" for whichever branch happened to win.
    """
    per_branch: list[dict[tuple[str | int, ...], list[object]]] = []
    instances: dict[tuple[str | int, ...], object] = {}
    for branch in branches:
        found: dict[tuple[str | int, ...], list[object]] = {}
        for error in branch:
            kind = error.kind
            path = tuple(error.instance_path)
            if isinstance(kind, jsonschema_rs.ValidationErrorKind.Enum):
                found.setdefault(path, []).extend(kind.options)
            elif isinstance(kind, jsonschema_rs.ValidationErrorKind.Constant):
                found.setdefault(path, []).append(kind.expected_value)
            else:
                continue
            instances[path] = error.instance
        if not found:
            return None
        per_branch.append(found)
    if not per_branch:
        return None
    common = set(per_branch[0]).intersection(*per_branch[1:])
    if not common:
        return None
    path = min(common)
    choices = [choice for found in per_branch for choice in found[path]]
    unique = list(dict.fromkeys(short_repr(choice, 20) for choice in choices))
    listed = ", ".join(unique[:10]) + (", ..." if len(unique) > 10 else "")
    target = _pointer(path)
    hint = _TYPES_HINT if _names_types(target, choices) else _hint(target, "enum")
    return Finding(
        "structure", target, f"{short_repr(instances[path])} is not one of [{listed}]", hint=hint
    )


def _best_branch(
    branches: Sequence[Sequence[jsonschema_rs.ValidationError]], depth: int
) -> Sequence[jsonschema_rs.ValidationError] | None:
    """The ``oneOf``/``anyOf`` branch that explains the failure best, as ``best_match`` does.

    Weak errors (the instance is not even of the branch's type, or the branch is the
    ``$ref``-alternative) say little; deeper errors say more; fewer errors means a closer match.
    Returns None when every branch fails weakly at the top: no branch is a better story.
    """
    best: tuple[bool, int, int, int] | None = None
    chosen: Sequence[jsonschema_rs.ValidationError] | None = None
    for index, branch in enumerate(branches):
        if not branch:
            continue
        strong = any(not _weak(error, depth) for error in branch)
        deepest = max(len(error.instance_path) for error in branch)
        score = (strong, deepest, -len(branch), -index)
        if best is None or score > best:
            best, chosen = score, branch
    if best is None or not best[0]:
        return None
    return chosen


def _weak(error: jsonschema_rs.ValidationError, depth: int) -> bool:
    if len(error.instance_path) != depth:
        return False
    kind = error.kind
    if isinstance(kind, jsonschema_rs.ValidationErrorKind.Required):
        return kind.property == "$ref"
    return kind.name in ("type", "falseSchema", "const")


def _json_type(value: object) -> str:
    if value is None:
        return "null"
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
    return "object"


def _fallback(error: jsonschema_rs.ValidationError) -> str:
    text = error.message.replace("\n", " ")
    return text if len(text) <= 120 else text[:117] + "..."


def _options(error: jsonschema_rs.ValidationError) -> str:
    options = list(getattr(error.kind, "options", []))
    shown = ", ".join(short_repr(option, 20) for option in options[:8])
    return f"[{shown}{', ...' if len(options) > 8 else ''}]"


def _limit(error: jsonschema_rs.ValidationError) -> object:
    return getattr(error.kind, "limit", "?")


_MESSAGES: dict[str, Callable[[jsonschema_rs.ValidationError], str]] = {
    "required": lambda e: f"missing required property {getattr(e.kind, 'property', '?')!r}",
    "type": lambda e: (
        f"expected {' or '.join(getattr(e.kind, 'types', []))}, got {_json_type(e.instance)}"
    ),
    "enum": lambda e: f"{short_repr(e.instance)} is not one of {_options(e)}",
    "const": lambda e: f"expected {short_repr(getattr(e.kind, 'expected_value', None))}",
    "pattern": lambda e: (
        f"{short_repr(e.instance)} does not match {getattr(e.kind, 'pattern', '?')!r}"
    ),
    "format": lambda e: f"{short_repr(e.instance)} is not a valid {getattr(e.kind, 'format', '')}",
    "falseSchema": lambda e: "not allowed here",
    "not": lambda e: f"{short_repr(e.instance)} is not allowed here",
    "minItems": lambda e: f"needs at least {_limit(e)} item(s)",
    "maxItems": lambda e: f"allows at most {_limit(e)} item(s)",
    "minLength": lambda e: f"must be at least {_limit(e)} character(s) long",
    "maxLength": lambda e: f"must be at most {_limit(e)} character(s) long",
    "minProperties": lambda e: f"needs at least {_limit(e)} entr(y/ies)",
    "maxProperties": lambda e: f"allows at most {_limit(e)} entr(y/ies)",
    "minimum": lambda e: f"{short_repr(e.instance)} is less than {_limit(e)}",
    "maximum": lambda e: f"{short_repr(e.instance)} is greater than {_limit(e)}",
    "exclusiveMinimum": lambda e: f"{short_repr(e.instance)} must be greater than {_limit(e)}",
    "exclusiveMaximum": lambda e: f"{short_repr(e.instance)} must be less than {_limit(e)}",
    "uniqueItems": lambda e: "items must be unique",
    "oneOf": lambda e: f"{short_repr(e.instance)} matches more than one allowed form",
}

# Hints by the last token of the pointer (what the node is), then by keyword.
_HINTS_BY_FIELD: dict[str, str] = {
    "description": "add a description (required on every response)",
    "version": 'add info.version, e.g. "1.0.0"',
    "title": "add info.title",
    "responses": "add at least one response, e.g. 200 or default",
    "in": "parameters go in path, query, header or cookie",
    "required": "`required` is a list of property names (or a boolean on a Parameter)",
    "openapi": 'use a version string such as "3.0.3" or "3.1.0"',
}


def _hint(pointer: str, keyword: str, kind: object = None) -> str | None:
    parent, _, last = pointer.rpartition("/")
    if isinstance(kind, jsonschema_rs.ValidationErrorKind.Required):
        missing = str(kind.property)
        return _HINTS_BY_FIELD.get(missing, f"add {missing!r}")
    if keyword in ("additionalProperties", "unevaluatedProperties"):
        if parent.endswith("/responses"):
            return "response keys are HTTP status codes (200, 4XX) or 'default'"
        if parent == "/paths":
            return "path keys start with '/' (extensions start with 'x-')"
        return "remove it, or prefix it with 'x-' to make it an extension"
    if keyword == "falseSchema":
        return "remove it: this keyword is not allowed here"
    return _HINTS_BY_FIELD.get(last)
