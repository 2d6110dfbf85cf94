"""The request side of an operation: parameters and request bodies -> OpenAPI objects.

Schemas given as Python types are left as ``SchemaUse`` markers (validation mode: this is
what clients send) for the schema registry.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from openapi_builder.declare import MediaType, Parameter, RequestBody
from openapi_builder.errors import DeclarationError
from openapi_builder.merge import copy_json
from openapi_builder.responses import normalize_content
from openapi_builder.schemas import SchemaUse, admits_none, schema_slot

__all__ = ["normalize_parameter", "normalize_request_body", "parameter_required"]


def parameter_required(parameter: Parameter) -> bool:
    """Path parameters always; else as declared, or unless None or a default is accepted."""
    if parameter.location == "path":
        return True
    if parameter.required is not None:
        return parameter.required
    if parameter.default is not None:
        return False
    declared = parameter.schema
    if parameter.content is not None:
        return False
    return not admits_none(declared)


def normalize_parameter(parameter: Parameter, *, where: str) -> dict[str, Any]:
    """A Parameter Object, fields in specification order."""
    here = f"{where} parameter {parameter.name!r}"
    out: dict[str, Any] = {"name": parameter.name, "in": parameter.location}
    if parameter.description is not None:
        out["description"] = parameter.description
    out["required"] = parameter_required(parameter)
    if parameter.deprecated:
        out["deprecated"] = True
    if parameter.style is not None:
        out["style"] = parameter.style
    if parameter.explode is not None:
        out["explode"] = parameter.explode
    if parameter.allow_reserved is not None:
        out["allowReserved"] = parameter.allow_reserved
    if parameter.content is not None:
        out["content"] = normalize_content(parameter.content, "validation", where=here)
    else:
        out["schema"] = _parameter_schema(parameter, where=here)
    if parameter.example is not None:
        out["example"] = copy_json(parameter.example)
    if parameter.examples is not None:
        out["examples"] = copy_json(parameter.examples)
    out.update(copy_json(parameter.extensions))
    return out


def _parameter_schema(parameter: Parameter, *, where: str) -> Any:
    slot = schema_slot(parameter.schema, "validation", where=where)
    if not isinstance(slot, SchemaUse):
        return slot  # a raw schema is emitted untouched
    # FastAPI titles parameter schemas after the name ("item_id" -> "Item Id").
    extra: dict[str, Any] = {"title": parameter.name.title().replace("_", " ")}
    if parameter.default is not None:
        extra["default"] = _jsonable(parameter.default)
    return SchemaUse(slot.annotation, "validation", where, extra)


def _jsonable(value: Any) -> Any:
    # An enum member as a default is written as its value, as pydantic writes it.
    if isinstance(value, Enum):
        return value.value
    return copy_json(value)


def normalize_request_body(declared: Any, *, where: str) -> dict[str, Any]:
    """A Request Body Object from a type, a raw schema dict, a MediaType or a RequestBody."""
    here = f"{where} request_body"
    if isinstance(declared, RequestBody):
        body = declared
    elif isinstance(declared, MediaType):
        body = RequestBody(content={"application/json": declared})
    else:
        body = RequestBody(declared)
    if not body.media_types():
        raise DeclarationError("a request body needs at least one media type", where=here)
    out: dict[str, Any] = {}
    if body.description is not None:
        out["description"] = body.description
    out["content"] = normalize_content(body.media_types(), "validation", where=here)
    out["required"] = body.required
    out.update(copy_json(body.extensions))
    return out
