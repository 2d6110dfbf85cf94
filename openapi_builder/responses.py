"""``responses`` normalization: FastAPI's documented rules, as pure functions.

The main response is ``status_code`` (default 200) with ``response_description`` and,
when the status allows a body, ``content[media_type].schema`` from ``response_model``.
Each ``responses`` entry then merges into the response of its status key: ``model``
becomes ``content[media_type].schema``, the rest deep-merges (later wins, lists replaced),
and the description is the declared one, else the one already there, else the status
phrase, else the range text, else "Additional Response". API-level responses apply to
every operation; the operation's override them key by key.

Schemas given as Python types are left as ``SchemaUse`` markers for the schema registry.
"""

from __future__ import annotations

import http
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from openapi_builder.declare import (
    Header,
    MediaType,
    Operation,
    Response,
    default_operation_id,
    parse_status_key,
)
from openapi_builder.errors import DeclarationError
from openapi_builder.merge import copy_json, deep_merge
from openapi_builder.schemas import SchemaUse, field_title, schema_slot

__all__ = [
    "body_allowed",
    "normalize_content",
    "normalize_headers",
    "normalize_response",
    "normalize_responses",
    "status_description",
]

RANGE_DESCRIPTIONS = {
    "1XX": "Information",
    "2XX": "Success",
    "3XX": "Redirection",
    "4XX": "Client Error",
    "5XX": "Server Error",
    "default": "Default Response",
}
# Response Object fields in the order the OpenAPI specification lists them.
_RESPONSE_FIELDS = ("summary", "description", "headers", "content", "links")


def body_allowed(status: str) -> bool:
    """Whether a response with this status key may carry content (not 1xx, 204, 205, 304)."""
    if not status.isdigit():
        return status != "1XX"
    code = int(status)
    return code >= 200 and code not in (204, 205, 304)


def status_description(status: str) -> str | None:
    """The status phrase (``"404"`` -> "Not Found") or range text, if there is one."""
    if status in RANGE_DESCRIPTIONS:
        return RANGE_DESCRIPTIONS[status]
    try:
        return http.HTTPStatus(int(status)).phrase
    except ValueError:
        return None


def normalize_responses(
    operation: Operation, api_responses: Mapping[Any, Any] | None = None
) -> dict[str, dict[str, Any]]:
    """The ``responses`` object of one operation, with SchemaUse markers for types."""
    where = operation.label
    main_status = parse_status_key(operation.status_code or 200)
    responses: dict[str, dict[str, Any]] = {
        main_status: {"description": operation.response_description}
    }
    if body_allowed(main_status):
        operation_id = operation.operation_id or default_operation_id(operation)
        schema = (
            _titled(
                schema_slot(operation.response_model, "serialization", where=where),
                f"Response_{operation_id}",
            )
            if operation.response_model is not None
            else {}
        )
        responses[main_status]["content"] = {operation.media_type: {"schema": schema}}

    for status, (key, declared) in _declared_responses(operation, api_responses or {}).items():
        if isinstance(declared, Mapping) and "$ref" in declared:
            # A reference to components.responses replaces the response; nothing merges in.
            responses[status] = copy_json(declared)
            continue
        extra = normalize_response(
            declared,
            media_type=operation.media_type,
            where=f"{operation.label} responses[{status!r}]",
            label=f"response {status!r}",
            operation_label=operation.label,
            title=f"Response_{key}_{operation.operation_id or default_operation_id(operation)}",
        )
        existing = responses.get(status, {})
        description = (
            extra.get("description")
            or existing.get("description")
            or status_description(status)
            or "Additional Response"
        )
        merged = deep_merge(existing, extra)
        merged["description"] = description
        responses[status] = _ordered(merged)
    return responses


def _declared_responses(
    operation: Operation, api_responses: Mapping[Any, Any]
) -> dict[str, tuple[Any, Any]]:
    """API-level then operation-level ``(key as declared, entry)``, keyed by normalized
    status (later wins)."""
    declared: dict[str, tuple[Any, Any]] = {}
    for source in (api_responses, operation.responses):
        for key, value in source.items():
            try:
                status = parse_status_key(key)
            except DeclarationError as error:
                raise error.at(operation.label) from None
            declared[status] = (key, value)
    return declared


def normalize_response(
    declared: Any,
    *,
    media_type: str,
    where: str,
    label: str,
    operation_label: str | None = None,
    title: str | None = None,
) -> dict[str, Any]:
    """One Response Object from a dict or ``ob.Response`` (``model`` -> content schema).

    ``title`` (``Response_<status>_<operation_id>``) titles the model's schema when it is
    not a bare ``$ref``, as FastAPI does.
    """
    if isinstance(declared, Response):
        declared = declared.as_dict()
    if not isinstance(declared, Mapping):
        raise DeclarationError(
            f"{label} must be a dict or ob.Response, got "
            f"{type(declared).__name__}: write {{'description': ..., 'model': ...}}",
            where=operation_label or where,
        )
    result: dict[str, Any] = {}
    for key, value in declared.items():
        if key == "model":
            continue
        if key == "content":
            result["content"] = normalize_content(value, "serialization", where=where)
        elif key == "headers":
            result["headers"] = normalize_headers(value, where=where)
        else:
            result[key] = copy_json(value)
    model = declared.get("model")
    if model is not None:
        content = result.setdefault("content", {})
        media = content.setdefault(media_type, {})
        slot = schema_slot(model, "serialization", where=where)
        media["schema"] = _titled(slot, title) if title is not None else slot
    return result


def _titled(slot: Any, name: str) -> Any:
    """FastAPI titles a response schema that is not a bare ``$ref`` after the operation:
    ``Response_read_items`` -> "Response Read Items" (a raw schema is left as given)."""
    if isinstance(slot, SchemaUse):
        return replace(slot, fallback_title=field_title(name))
    return slot


def normalize_content(content: Any, mode: Any, *, where: str) -> dict[str, Any]:
    """``{media type: MediaType | dict | type}`` -> Media Type Objects with schema slots."""
    if not isinstance(content, Mapping):
        raise DeclarationError(
            f"content must map media types to media type objects, got {type(content).__name__}",
            where=where,
        )
    return {
        str(media_type): _media_type_object(value, mode, where=f"{where} content[{media_type!r}]")
        for media_type, value in content.items()
    }


def _media_type_object(value: Any, mode: Any, *, where: str) -> dict[str, Any]:
    if value is None:
        return {}
    if isinstance(value, MediaType):
        out: dict[str, Any] = {}
        if value.schema is not None:
            out["schema"] = schema_slot(value.schema, mode, where=where)
        if value.item_schema is not None:
            out["itemSchema"] = schema_slot(value.item_schema, mode, where=where)
        if value.example is not None:
            out["example"] = copy_json(value.example)
        if value.examples is not None:
            out["examples"] = copy_json(value.examples)
        if value.encoding is not None:
            out["encoding"] = copy_json(value.encoding)
        out.update(copy_json(value.extensions))
        return out
    if isinstance(value, Mapping):
        out = {}
        for key, item in value.items():
            if key in ("schema", "itemSchema"):
                out[key] = schema_slot(item, mode, where=where)
            else:
                out[key] = copy_json(item)
        return out
    # A bare type is shorthand for {"schema": type}.
    return {"schema": schema_slot(value, mode, where=where)}


def normalize_headers(headers: Any, *, where: str) -> dict[str, Any]:
    """``{name: Header | dict | type}`` -> Header Objects with schema slots."""
    if not isinstance(headers, Mapping):
        raise DeclarationError(
            f"headers must map header names to ob.Header or dicts, got {type(headers).__name__}",
            where=where,
        )
    out: dict[str, Any] = {}
    for name, value in headers.items():
        here = f"{where} headers[{name!r}]"
        if isinstance(value, Header):
            header: dict[str, Any] = {}
            if value.description is not None:
                header["description"] = value.description
            if value.required:
                header["required"] = True
            if value.deprecated:
                header["deprecated"] = True
            header["schema"] = schema_slot(value.schema, "serialization", where=here)
            if value.example is not None:
                header["example"] = copy_json(value.example)
            header.update(copy_json(value.extensions))
            out[str(name)] = header
        elif isinstance(value, Mapping):
            header = {}
            for key, item in value.items():
                if key == "schema":
                    header[key] = schema_slot(item, "serialization", where=here)
                elif key == "content":
                    header[key] = normalize_content(item, "serialization", where=here)
                else:
                    header[key] = copy_json(item)
            out[str(name)] = header
        else:
            out[str(name)] = {"schema": schema_slot(value, "serialization", where=here)}
    return out


def _ordered(response: dict[str, Any]) -> dict[str, Any]:
    """Response fields in specification order, then anything else in declared order."""
    ordered = {key: response[key] for key in _RESPONSE_FIELDS if key in response}
    ordered.update((key, value) for key, value in response.items() if key not in ordered)
    return ordered
