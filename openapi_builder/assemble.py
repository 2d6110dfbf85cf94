"""Declarations + schema registry -> an OpenAPI 3.1 document (a plain dict).

``assemble`` runs in three steps, so component names are decided before anything is
emitted: normalize every operation (markers where Python types stand), generate and name
every schema at once, then emit the document with the markers replaced. The cross-object
checks of ``crosscheck`` run first and report every problem together.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from openapi_builder.crosscheck import cross_check, raise_all
from openapi_builder.declare import (
    HTTP_METHODS,
    Declarations,
    Header,
    MediaType,
    Operation,
    Parameter,
    RequestBody,
    SecurityScheme,
    Server,
    Tag,
    default_operation_id,
)
from openapi_builder.errors import DeclarationError
from openapi_builder.merge import copy_json, deep_merge, present_fields
from openapi_builder.request import normalize_parameter, normalize_request_body
from openapi_builder.responses import normalize_headers, normalize_response, normalize_responses
from openapi_builder.schemas import SchemaRegistry, SchemaUse

__all__ = ["assemble", "declaration_at"]

_OPERATION_FIELDS = (
    "tags",
    "summary",
    "description",
    "externalDocs",
    "operationId",
    "parameters",
    "requestBody",
    "responses",
    "callbacks",
    "deprecated",
    "security",
    "servers",
)


def assemble(declared: Declarations) -> dict[str, Any]:
    """The OpenAPI 3.1 document for ``declared``; raises DeclarationError listing problems."""
    problems = cross_check(declared)
    bodies = _BodyModels()
    paths: dict[str, dict[str, Any]] = {}
    for operation in declared.operations:
        if not operation.include_in_schema:
            continue
        try:
            item = paths.setdefault(operation.path, {})
            item[operation.method.lower()] = _operation(operation, declared, bodies)
        except DeclarationError as error:
            problems.append(error.at(operation.label))
    webhooks: dict[str, dict[str, Any]] = {}
    for name, operations in declared.webhooks.items():
        for operation in operations:
            if not operation.include_in_schema:
                continue
            try:
                webhooks.setdefault(name, {})[operation.method.lower()] = _operation(
                    operation, declared, bodies
                )
            except DeclarationError as error:
                problems.append(error.at(f"webhook {name!r} {operation.method}"))
    raise_all(problems)

    document = _document_frame(declared)
    document["paths"] = paths
    if webhooks:
        document["webhooks"] = webhooks
    components = _components(declared, bodies)
    declared_schemas = set(components.get("schemas", {}))
    for name, (schema, label) in bodies.models.items():
        if name in declared_schemas:
            raise DeclarationError(
                f"the body fields make the component schema {name!r}, which "
                "API(components={'schemas': ...}) declares too: rename the declared schema "
                "or give the operation another operation_id",
                where=label,
            )
        components.setdefault("schemas", {})[name] = schema
    if components:
        document["components"] = components
    _trailer(document, declared)

    registry = SchemaRegistry(_uses(document))
    generated = registry.components
    clashes = sorted(set(generated) & set(components.get("schemas", {})))
    body_clashes = [name for name in clashes if name in bodies.models]
    if body_clashes:
        raise DeclarationError(
            f"component schema name(s) {body_clashes} are made by body fields (Body_"
            "<operation_id>) and also by a model class of that name: rename the class or "
            "give the operation another operation_id",
            where=bodies.models[body_clashes[0]][1],
        )
    if clashes:
        raise DeclarationError(
            f"component schema name(s) {clashes} are declared in components and also "
            "generated from a model: rename the declared schema or the class"
        )
    emitted = _emit(document, registry)
    if generated:
        components = emitted.get("components", {})
        schemas = {**components.get("schemas", {}), **generated}
        rest = {kind: entries for kind, entries in components.items() if kind != "schemas"}
        # "schemas" leads, as in the specification's Components Object.
        emitted["components"] = {"schemas": {n: schemas[n] for n in sorted(schemas)}, **rest}
    return _in_specification_order(emitted)


_DOCUMENT_FIELDS = (
    "openapi",
    "info",
    "jsonSchemaDialect",
    "servers",
    "paths",
    "webhooks",
    "components",
    "security",
    "tags",
    "externalDocs",
)


def _in_specification_order(document: dict[str, Any]) -> dict[str, Any]:
    ordered = {key: document[key] for key in _DOCUMENT_FIELDS if key in document}
    ordered.update((key, value) for key, value in document.items() if key not in ordered)
    return ordered


def declaration_at(pointer: str) -> str | None:
    """The declaration a JSON pointer into an assembled document came from, if any.

    ``/paths/~1items/get/...`` -> ``"GET /items"``; ``/webhooks/new/post`` -> ``"webhook
    'new' POST"``; ``/components/schemas/Item/...`` -> ``"component schema 'Item'"``.
    """
    tokens = [t.replace("~1", "/").replace("~0", "~") for t in pointer.split("/")[1:]]
    if len(tokens) >= 3 and tokens[0] == "paths" and tokens[2].upper() in HTTP_METHODS:
        return f"{tokens[2].upper()} {tokens[1]}"
    if len(tokens) >= 3 and tokens[0] == "webhooks" and tokens[2].upper() in HTTP_METHODS:
        return f"webhook {tokens[1]!r} {tokens[2].upper()}"
    if len(tokens) >= 3 and tokens[0] == "components":
        return f"component {tokens[1].rstrip('s')} {tokens[2]!r}"
    if tokens and tokens[0] in ("info", "servers", "tags", "security", "externalDocs"):
        return "API"
    return None


def _document_frame(declared: Declarations) -> dict[str, Any]:
    info = present_fields(declared, _INFO_FIELDS)
    document: dict[str, Any] = {"openapi": "3.1.0", "info": info}
    if declared.servers:
        document["servers"] = [_server(server) for server in declared.servers]
    return document


def _trailer(document: dict[str, Any], declared: Declarations) -> None:
    if declared.security is not None:
        document["security"] = _security(declared.security)
    if declared.tags:
        document["tags"] = [_tag(tag) for tag in declared.tags]
    if declared.external_docs is not None:
        document["externalDocs"] = copy_json(declared.external_docs)
    document.update(copy_json(declared.extensions))


class _BodyModels:
    """The ``Body_<operation_id>`` schemas made by body fields, with who made each."""

    def __init__(self) -> None:
        self.models: dict[str, tuple[dict[str, Any], str]] = {}

    def add(self, components: Mapping[str, Any], label: str) -> None:
        for name, schema in components.items():
            if name in self.models:
                raise DeclarationError(
                    f"the body fields of {self.models[name][1]} already make the component "
                    f"schema {name!r}: give one of the operations another operation_id",
                    where=label,
                )
            self.models[name] = (schema, label)


def _operation(operation: Operation, declared: Declarations, bodies: _BodyModels) -> dict[str, Any]:
    where = operation.label
    out: dict[str, Any] = {}
    if operation.tags:
        out["tags"] = list(operation.tags)
    if operation.summary is not None:
        out["summary"] = operation.summary
    if operation.description is not None:
        out["description"] = operation.description
    if operation.external_docs is not None:
        out["externalDocs"] = copy_json(operation.external_docs)
    out["operationId"] = operation.operation_id or default_operation_id(operation)
    parameters = [
        normalize_parameter(p, where=where) if isinstance(p, Parameter) else dict(p)
        for p in operation.parameters
        if not isinstance(p, Parameter) or p.include_in_schema
    ]
    if parameters:
        out["parameters"] = parameters
    if operation.request_body is not None:
        body = normalize_request_body(
            operation.request_body, where=where, operation_id=out["operationId"]
        )
        out["requestBody"] = body.request_body
        bodies.add(body.components, where)
    out["responses"] = normalize_responses(operation, declared.responses)
    if operation.callbacks:
        out["callbacks"] = _callbacks(operation.callbacks, declared, bodies)
    if operation.deprecated:
        out["deprecated"] = True
    if operation.security is not None:
        out["security"] = _security(operation.security)
    if operation.servers:
        out["servers"] = [_server(server) for server in operation.servers]
    if operation.openapi_extra:
        out = deep_merge(out, operation.openapi_extra)
    ordered = {key: out[key] for key in _OPERATION_FIELDS if key in out}
    ordered.update((key, value) for key, value in out.items() if key not in ordered)
    return ordered


def _callbacks(
    callbacks: Mapping[str, Any], declared: Declarations, bodies: _BodyModels
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, operations in callbacks.items():
        if isinstance(operations, Operation):
            operations = [operations]
        expressions: dict[str, Any] = {}
        for callback in operations:
            if not isinstance(callback, Operation):
                raise DeclarationError(
                    f"callback {name!r} must be a list of ob.Operation, got "
                    f"{type(callback).__name__}"
                )
            if not callback.include_in_schema:
                continue
            expressions.setdefault(callback.path, {})[callback.method.lower()] = _operation(
                callback, declared, bodies
            )
        out[str(name)] = expressions
    return out


def _server(server: Server) -> dict[str, Any]:
    out = present_fields(server, _SERVER_FIELDS)
    if not server.variables:
        out.pop("variables")
    out.update(copy_json(server.extensions))
    return out


def _tag(tag: Tag) -> dict[str, Any]:
    out = present_fields(tag, _TAG_FIELDS)
    out.update(copy_json(tag.extensions))
    return out


def _security(requirements: Iterable[Mapping[str, Sequence[str]]]) -> list[dict[str, list[str]]]:
    return [{name: list(scopes) for name, scopes in req.items()} for req in requirements]


def _security_scheme(scheme: SecurityScheme) -> dict[str, Any]:
    out = present_fields(scheme, _SECURITY_SCHEME_FIELDS)
    out.update(copy_json(scheme.extensions))
    return out


# Declaration attribute -> OpenAPI field, in the order the specification lists the fields.
_INFO_FIELDS = (
    ("title", "title"),
    ("summary", "summary"),
    ("description", "description"),
    ("terms_of_service", "termsOfService"),
    ("contact", "contact"),
    ("license_info", "license"),
    ("version", "version"),
)
_SERVER_FIELDS = (("url", "url"), ("description", "description"), ("variables", "variables"))
_TAG_FIELDS = (
    ("name", "name"),
    ("summary", "summary"),
    ("description", "description"),
    ("external_docs", "externalDocs"),
    ("parent", "parent"),
    ("kind", "kind"),
)
_SECURITY_SCHEME_FIELDS = (
    ("type", "type"),
    ("description", "description"),
    ("name", "name"),
    ("location", "in"),
    ("scheme", "scheme"),
    ("bearer_format", "bearerFormat"),
    ("flows", "flows"),
    ("open_id_connect_url", "openIdConnectUrl"),
)


Normalizer = Callable[[Any, str, Declarations, _BodyModels], Any]


def _components(declared: Declarations, bodies: _BodyModels) -> dict[str, Any]:
    """Reusable components: declaration objects normalized, dicts emitted as given."""
    components: dict[str, Any] = {}
    for kind, entries in declared.components.items():
        normalize: Normalizer = _COMPONENT_NORMALIZERS.get(kind, _as_given)
        components[kind] = {
            str(name): normalize(value, f"components.{kind}[{name!r}]", declared, bodies)
            for name, value in entries.items()
        }
    if declared.security_schemes:
        schemes = components.setdefault("securitySchemes", {})
        for name, scheme in declared.security_schemes.items():
            schemes[name] = _security_scheme(scheme)
    return components


def _as_given(value: Any, where: str, declared: Declarations, bodies: _BodyModels) -> Any:
    if isinstance(value, Mapping):
        return copy_json(value)
    raise DeclarationError(
        f"expected a dict (the OpenAPI object itself), got {type(value).__name__}", where=where
    )


def _schema_component(value: Any, where: str, declared: Declarations, bodies: _BodyModels) -> Any:
    if isinstance(value, (Mapping, bool)):
        return copy_json(value)
    raise DeclarationError(
        "components.schemas takes JSON Schema dicts; models used by operations are added "
        "to components.schemas automatically under their own names",
        where=where,
    )


def _parameter_component(
    value: Any, where: str, declared: Declarations, bodies: _BodyModels
) -> Any:
    if isinstance(value, Parameter):
        return normalize_parameter(value, where=where)
    return _as_given(value, where, declared, bodies)


def _response_component(value: Any, where: str, declared: Declarations, bodies: _BodyModels) -> Any:
    response = normalize_response(value, media_type="application/json", where=where, label=where)
    if "description" not in response:
        raise DeclarationError("a reusable response needs a description", where=where)
    return response


def _header_component(value: Any, where: str, declared: Declarations, bodies: _BodyModels) -> Any:
    if isinstance(value, Header):
        return normalize_headers({"header": value}, where=where)["header"]
    return _as_given(value, where, declared, bodies)


def _request_body_component(
    value: Any, where: str, declared: Declarations, bodies: _BodyModels
) -> Any:
    if isinstance(value, (RequestBody, MediaType)):
        return normalize_request_body(value, where=where).request_body
    return _as_given(value, where, declared, bodies)


def _callback_component(value: Any, where: str, declared: Declarations, bodies: _BodyModels) -> Any:
    if isinstance(value, Operation) or (
        isinstance(value, Sequence) and all(isinstance(v, Operation) for v in value)
    ):
        return _callbacks({"callback": value}, declared, bodies)["callback"]
    return _as_given(value, where, declared, bodies)


def _path_item_component(
    value: Any, where: str, declared: Declarations, bodies: _BodyModels
) -> Any:
    if isinstance(value, Operation):
        value = [value]
    if isinstance(value, Sequence) and all(isinstance(v, Operation) for v in value):
        return {op.method.lower(): _operation(op, declared, bodies) for op in value}
    return _as_given(value, where, declared, bodies)


_COMPONENT_NORMALIZERS = {
    "schemas": _schema_component,
    "parameters": _parameter_component,
    "responses": _response_component,
    "headers": _header_component,
    "requestBodies": _request_body_component,
    "callbacks": _callback_component,
    "pathItems": _path_item_component,
}


def _uses(document: Any) -> list[SchemaUse]:
    """Every SchemaUse in the document, in document order (deterministic naming input)."""
    found: list[SchemaUse] = []
    stack: list[Any] = [document]
    while stack:
        value = stack.pop()
        if isinstance(value, SchemaUse):
            found.append(value)
        elif isinstance(value, dict):
            stack.extend(reversed(list(value.values())))
        elif isinstance(value, list):
            stack.extend(reversed(value))
    return found


def _emit(value: Any, registry: SchemaRegistry) -> Any:
    """A copy of ``value`` with every SchemaUse replaced by its generated schema.

    Iterative, like every walk over user data here: raw schemas may nest deeper than
    Python's recursion limit.
    """
    root: list[Any] = [None]
    stack: list[tuple[Any, Any, Any]] = [(value, root, 0)]
    while stack:
        source, target, key = stack.pop()
        if isinstance(source, SchemaUse):
            target[key] = registry.schema_for(source)
        elif type(source) is dict:
            copied: dict[str, Any] = dict.fromkeys(source)
            target[key] = copied
            stack.extend((item, copied, name) for name, item in source.items())
        elif type(source) is list:
            items: list[Any] = list(source)
            target[key] = items
            stack.extend((item, items, index) for index, item in enumerate(source))
        else:
            target[key] = source
    return root[0]
