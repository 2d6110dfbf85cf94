"""Read a document of any version (2.0, 3.0, 3.1, 3.2) into what a reference page shows.

The page code never asks which version it has: this module turns Swagger 2.0's body and
formData parameters, ``produces``/``consumes`` and ``definitions`` into the 3.x shapes
(a request body with media types, responses with content, schemas under one name table),
and resolves local ``$ref``s of parameters, bodies, responses and headers (never schemas:
those stay links, which is what keeps cycles finite). Nothing here mutates the document.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

#: Path item keys that are operations, in the order a page lists them.
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace", "query")
#: How many ``$ref`` hops a parameter, body or response may take before we give up.
MAX_REF_HOPS = 16
#: Swagger 2.0 parameter keys that describe its value (its schema, in 3.x terms).
_V2_SCHEMA_KEYS = (
    "type",
    "format",
    "items",
    "collectionFormat",
    "default",
    "maximum",
    "exclusiveMaximum",
    "minimum",
    "exclusiveMinimum",
    "maxLength",
    "minLength",
    "pattern",
    "maxItems",
    "minItems",
    "uniqueItems",
    "enum",
    "multipleOf",
)


def version_of(document: Mapping[str, Any]) -> str:
    """``2.0``, ``3.0.3``, ``3.1.0``... as the document says; empty when it says nothing."""
    if "swagger" in document:
        return str(document["swagger"])
    return str(document.get("openapi", ""))


def is_v2(document: Mapping[str, Any]) -> bool:
    return "swagger" in document


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def pointer_target(document: Mapping[str, Any], ref: str) -> Any:
    """What a local ``#/a/b`` reference points at, or ``None`` (external, missing, bad)."""
    if not ref.startswith("#"):
        return None
    node: Any = document
    for raw in unquote(ref[1:]).split("/")[1:]:
        token = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(node, Mapping):
            if token not in node:
                return None
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return None
    return node


def resolve(document: Mapping[str, Any], value: Any) -> tuple[Mapping[str, Any], str | None]:
    """Follow ``$ref``s (bounded, cycle-safe); return the object and the first ref, if any.

    An unresolvable reference gives an empty object: the page shows the ref as text.
    """
    first: str | None = None
    seen: set[str] = set()
    for _ in range(MAX_REF_HOPS):
        if not isinstance(value, Mapping):
            return {}, first
        ref = value.get("$ref")
        if not isinstance(ref, str):
            return value, first
        if first is None:
            first = ref
        if ref in seen:
            return {}, first
        seen.add(ref)
        value = pointer_target(document, ref)
    return {}, first


@dataclass(frozen=True, slots=True)
class MediaView:
    """One media type of a body or response: its schema and examples (any may be absent)."""

    media_type: str
    schema: Any = None
    examples: tuple[tuple[str, Any], ...] = ()
    #: The schema is 3.2's ``itemSchema``: it describes each item of a stream.
    streamed: bool = False


@dataclass(frozen=True, slots=True)
class ParameterView:
    name: str
    location: str
    required: bool
    deprecated: bool
    description: str
    schema: Any
    examples: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True, slots=True)
class BodyView:
    description: str
    required: bool
    content: tuple[MediaView, ...]
    ref: str | None = None


@dataclass(frozen=True, slots=True)
class ResponseView:
    status: str
    description: str
    headers: tuple[ParameterView, ...]
    content: tuple[MediaView, ...]
    ref: str | None = None


@dataclass(frozen=True, slots=True)
class OperationView:
    """One operation as the page shows it; ``pointer`` is its JSON pointer in the document."""

    method: str
    path: str
    pointer: str
    operation: Mapping[str, Any]
    tags: tuple[str, ...]
    parameters: tuple[ParameterView, ...]
    body: BodyView | None
    responses: tuple[ResponseView, ...]
    security: tuple[Mapping[str, Any], ...] | None
    callbacks: tuple[tuple[str, tuple[OperationView, ...]], ...] = field(default=())

    @property
    def label(self) -> str:
        """``GET /pets``, the way the diff reports name operations."""
        return f"{self.method} {self.path}"

    @property
    def deprecated(self) -> bool:
        return self.operation.get("deprecated") is True


def _escape_token(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def _examples(document: Mapping[str, Any], holder: Mapping[str, Any]) -> list[tuple[str, Any]]:
    found: list[tuple[str, Any]] = []
    if "example" in holder:
        found.append(("example", holder["example"]))
    examples = holder.get("examples")
    if isinstance(examples, Mapping):
        for name, raw in examples.items():
            example, _ = resolve(document, raw)
            if "value" in example:
                found.append((str(name), example["value"]))
            elif "externalValue" in example:
                found.append((str(name), {"externalValue": example["externalValue"]}))
            elif "dataValue" in example:
                found.append((str(name), example["dataValue"]))
    elif isinstance(examples, list):  # a schema's (JSON Schema) list of examples
        found.extend((f"example {i + 1}", value) for i, value in enumerate(examples))
    return found


def _content(document: Mapping[str, Any], content: Any) -> tuple[MediaView, ...]:
    views = []
    for media_type, raw in _mapping(content).items():
        media = _mapping(raw)
        streamed = "schema" not in media and "itemSchema" in media
        schema = media.get("itemSchema") if streamed else media.get("schema")
        examples = tuple(_examples(document, media))
        views.append(MediaView(str(media_type), schema, examples, streamed))
    return tuple(views)


def _parameter(document: Mapping[str, Any], raw: Mapping[str, Any], v2: bool) -> ParameterView:
    if v2 and "schema" not in raw:
        schema: Any = {key: raw[key] for key in _V2_SCHEMA_KEYS if key in raw}
    elif "schema" in raw:
        schema = raw["schema"]
    else:  # 3.x `content` instead of `schema`: the first media type's schema
        media = next(iter(_content(document, raw.get("content"))), None)
        schema = media.schema if media else None
    return ParameterView(
        name=str(raw.get("name", "")),
        location=str(raw.get("in", "")),
        required=raw.get("required") is True,
        deprecated=raw.get("deprecated") is True,
        description=str(raw.get("description", "")),
        schema=schema,
        examples=tuple(_examples(document, raw)),
    )


def _parameters(
    document: Mapping[str, Any], path_item: Mapping[str, Any], operation: Mapping[str, Any]
) -> tuple[list[Mapping[str, Any]], Mapping[str, Any] | None]:
    """Path-level then operation-level parameters, the later winning by (name, in); plus a
    Swagger 2.0 body parameter, taken out of the list."""
    merged: dict[tuple[str, str], Mapping[str, Any]] = {}
    for raw in [*_list(path_item.get("parameters")), *_list(operation.get("parameters"))]:
        parameter, _ = resolve(document, raw)
        if parameter:
            merged[(str(parameter.get("name")), str(parameter.get("in")))] = parameter
    body = next((p for p in merged.values() if p.get("in") == "body"), None)
    return [p for p in merged.values() if p.get("in") != "body"], body


def _v2_media_types(
    document: Mapping[str, Any], operation: Mapping[str, Any], key: str
) -> list[str]:
    types = _list(operation.get(key, document.get(key)))
    return [str(t) for t in types] or ["application/json"]


def _body(
    document: Mapping[str, Any], operation: Mapping[str, Any], v2_body: Mapping[str, Any] | None
) -> BodyView | None:
    if v2_body is not None:
        media = tuple(
            MediaView(t, v2_body.get("schema"), tuple(_examples(document, v2_body)))
            for t in _v2_media_types(document, operation, "consumes")
        )
        return BodyView(str(v2_body.get("description", "")), v2_body.get("required") is True, media)
    if "requestBody" not in operation:
        return None
    body, ref = resolve(document, operation["requestBody"])
    return BodyView(
        description=str(body.get("description", "")),
        required=body.get("required") is True,
        content=_content(document, body.get("content")),
        ref=ref,
    )


def _headers(document: Mapping[str, Any], headers: Any, v2: bool) -> tuple[ParameterView, ...]:
    views = []
    for name, raw in _mapping(headers).items():
        header, _ = resolve(document, raw)
        views.append(_parameter(document, {**header, "name": name, "in": "header"}, v2))
    return tuple(views)


def _responses(
    document: Mapping[str, Any], operation: Mapping[str, Any], v2: bool
) -> tuple[ResponseView, ...]:
    views = []
    for status, raw in _mapping(operation.get("responses")).items():
        response, ref = resolve(document, raw)
        if v2:
            content: tuple[MediaView, ...] = ()
            if "schema" in response or "examples" in response:
                examples = _mapping(response.get("examples"))
                content = tuple(
                    MediaView(
                        t,
                        response.get("schema"),
                        (("example", examples[t]),) if t in examples else (),
                    )
                    for t in _v2_media_types(document, operation, "produces")
                )
        else:
            content = _content(document, response.get("content"))
        views.append(
            ResponseView(
                status=str(status),
                description=str(response.get("description", "")),
                headers=_headers(document, response.get("headers"), v2),
                content=content,
                ref=ref,
            )
        )
    return tuple(views)


def _operation_keys(path_item: Mapping[str, Any]) -> Iterator[tuple[str, Any, str]]:
    """(METHOD, operation, pointer suffix): the fixed methods, then 3.2's additional ones."""
    for method in METHODS:
        if isinstance(path_item.get(method), Mapping):
            yield method.upper(), path_item[method], method
    for method, operation in _mapping(path_item.get("additionalOperations")).items():
        if isinstance(operation, Mapping):
            yield str(method), operation, f"additionalOperations/{_escape_token(str(method))}"


def _view(
    document: Mapping[str, Any],
    path: str,
    path_item: Mapping[str, Any],
    method: str,
    operation: Mapping[str, Any],
    pointer: str,
    depth: int,
) -> OperationView:
    v2 = is_v2(document)
    parameters, v2_body = _parameters(document, path_item, operation)
    security = operation.get("security")
    callbacks: list[tuple[str, tuple[OperationView, ...]]] = []
    if depth == 0:  # callbacks of callbacks are not shown (and cannot nest forever)
        for name, raw in _mapping(operation.get("callbacks")).items():
            callback, _ = resolve(document, raw)
            callbacks.append(
                (
                    str(name),
                    tuple(
                        _path_operations(
                            document, callback, f"{pointer}/callbacks/{_escape_token(name)}", 1
                        )
                    ),
                )
            )
    return OperationView(
        method=method,
        path=path,
        pointer=pointer,
        operation=operation,
        tags=tuple(str(t) for t in _list(operation.get("tags"))),
        parameters=tuple(_parameter(document, p, v2) for p in parameters),
        body=_body(document, operation, v2_body),
        responses=_responses(document, operation, v2),
        security=(tuple(_mapping(s) for s in security) if isinstance(security, list) else None),
        callbacks=tuple(callbacks),
    )


def _path_operations(
    document: Mapping[str, Any], paths: Mapping[str, Any], base: str, depth: int
) -> Iterator[OperationView]:
    for path, raw in paths.items():
        path_item, _ = resolve(document, raw)
        for method, operation, suffix in _operation_keys(path_item):
            pointer = f"{base}/{_escape_token(str(path))}/{suffix}"
            yield _view(document, str(path), path_item, method, operation, pointer, depth)


def operations(document: Mapping[str, Any]) -> list[OperationView]:
    """Every operation under ``paths``, in document order of paths, methods in page order."""
    return list(_path_operations(document, _mapping(document.get("paths")), "#/paths", 0))


def webhooks(document: Mapping[str, Any]) -> list[OperationView]:
    """Every webhook operation (3.1 and later); its ``path`` is the webhook's name."""
    return list(_path_operations(document, _mapping(document.get("webhooks")), "#/webhooks", 0))


def schemas(document: Mapping[str, Any]) -> Mapping[str, Any]:
    """The named schemas: ``components/schemas`` (3.x) or ``definitions`` (2.0)."""
    if is_v2(document):
        return _mapping(document.get("definitions"))
    return _mapping(_mapping(document.get("components")).get("schemas"))


def schema_prefix(document: Mapping[str, Any]) -> str:
    """The ``$ref`` prefix of a named schema in this document's version."""
    return "#/definitions/" if is_v2(document) else "#/components/schemas/"


def security_schemes(document: Mapping[str, Any]) -> Mapping[str, Any]:
    if is_v2(document):
        return _mapping(document.get("securityDefinitions"))
    return _mapping(_mapping(document.get("components")).get("securitySchemes"))
