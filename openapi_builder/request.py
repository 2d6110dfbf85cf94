"""The request side of an operation: parameters and request bodies -> OpenAPI objects.

Schemas given as Python types are left as ``SchemaUse`` markers (validation mode: this is
what clients send) for the schema registry. Body fields (``ob.Body``, ``ob.Form``,
``ob.File``) become FastAPI's ``Body_<operation_id>`` component, returned beside the
Request Body Object for the assembler to add to ``components.schemas``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from pydantic_core import PydanticSerializationError, to_jsonable_python

from openapi_builder.body_fields import Body, File, Form
from openapi_builder.declare import MediaType, Parameter, RequestBody
from openapi_builder.errors import DeclarationError
from openapi_builder.merge import copy_json
from openapi_builder.responses import normalize_content
from openapi_builder.schemas import (
    REF_PREFIX,
    SchemaUse,
    admits_none,
    binary_files,
    field_title,
    schema_slot,
)

__all__ = [
    "NormalizedBody",
    "body_model_name",
    "normalize_parameter",
    "normalize_request_body",
    "parameter_required",
]


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
    out: dict[str, Any] = {"name": parameter.wire_name, "in": parameter.location}
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
    if parameter.openapi_examples is not None:
        out["examples"] = copy_json(parameter.openapi_examples)
    out.update(copy_json(parameter.extensions))
    return out


def _parameter_schema(parameter: Parameter, *, where: str) -> Any:
    slot = schema_slot(parameter.schema, "validation", where=where)
    if not isinstance(slot, SchemaUse):
        return slot  # a raw schema is emitted untouched
    return _field_use(
        slot.annotation,
        where=where,
        name=parameter.wire_name,
        title=parameter.title,
        description=parameter.description,
        deprecated=parameter.deprecated,
        default=parameter.default,
        examples=parameter.examples,
    )


def _field_use(
    annotation: Any,
    *,
    where: str,
    name: str,
    title: str | None,
    description: str | None,
    deprecated: bool,
    default: Any,
    examples: Any,
) -> SchemaUse:
    """A field's schema the way FastAPI writes it: titled after the name, keywords beside."""
    extra: dict[str, Any] = {}
    if description is not None:
        extra["description"] = description
    if deprecated:
        extra["deprecated"] = True
    if default is not None:
        extra["default"] = _jsonable(default)
    if examples is not None:
        extra["examples"] = copy_json(list(examples))
    return SchemaUse(
        annotation, "validation", where, extra, title=title, fallback_title=field_title(name)
    )


def _jsonable(value: Any) -> Any:
    """A default as pydantic writes it: an enum member as its value, a model or dataclass
    instance as its JSON data, a datetime as its string; dicts and lists are copied."""
    if isinstance(value, Enum):
        return _jsonable(value.value)
    if isinstance(value, (Mapping, list)):
        return copy_json(value)  # iterative: user data may nest deeply
    try:
        return to_jsonable_python(value)
    except PydanticSerializationError as error:
        raise DeclarationError(
            f"the default {value!r} has no JSON form: give a JSON value, an enum member, "
            "or a model or dataclass instance"
        ) from error


@dataclass(frozen=True, slots=True)
class NormalizedBody:
    """A Request Body Object, and the ``Body_<operation_id>`` schema it refers to, if any."""

    request_body: dict[str, Any]
    components: dict[str, Any] = field(default_factory=dict)


_COMPONENT_KEY = re.compile(r"[^A-Za-z0-9._-]")


def body_model_name(operation_id: str) -> str:
    """FastAPI's name for the model of several body fields: ``Body_<operation_id>``
    (characters a component name cannot hold become ``_``)."""
    return "Body_" + _COMPONENT_KEY.sub("_", operation_id)


def normalize_request_body(
    declared: Any, *, where: str, operation_id: str | None = None
) -> NormalizedBody:
    """A Request Body Object from a type, a raw schema dict, a MediaType, a RequestBody,
    a Reference Object to ``components.requestBodies``, or body fields."""
    here = f"{where} request_body"
    if isinstance(declared, Body) or (
        isinstance(declared, tuple) and declared and all(isinstance(f, Body) for f in declared)
    ):
        fields = (declared,) if isinstance(declared, Body) else declared
        return _body_fields(fields, where=here, operation_id=operation_id or "body")
    if isinstance(declared, tuple):
        raise DeclarationError(
            "a list given as request_body holds body fields only (ob.Body, ob.Form, ob.File)",
            where=here,
        )
    if isinstance(declared, Mapping) and isinstance(declared.get("$ref"), str):
        ref = declared["$ref"]
        if ref.startswith("#/components/requestBodies/"):
            return NormalizedBody(copy_json(declared))  # a Reference Object in its place
        if not ref.startswith(REF_PREFIX):
            raise DeclarationError(
                f"request_body $ref {ref!r} is neither a request body "
                "(#/components/requestBodies/...) nor a schema (#/components/schemas/...)",
                where=here,
            )
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
    required = body.required
    if required is None:
        required = body.schema is None or not admits_none(body.schema)
    if required:  # false is the default: FastAPI leaves it out, and so do we
        out["required"] = True
    out.update(copy_json(body.extensions))
    return NormalizedBody(out)


def _body_fields(fields: tuple[Body, ...], *, where: str, operation_id: str) -> NormalizedBody:
    names = [f.wire_name for f in fields]
    twice = sorted({name for name in names if names.count(name) > 1})
    if twice:
        raise DeclarationError(f"body field(s) {twice} are declared twice", where=where)
    uses = {f.wire_name: _body_field_use(f, where=f"{where} field {f.name!r}") for f in fields}
    required = [f.wire_name for f in fields if _body_field_required(f)]
    single = fields[0] if len(fields) == 1 else None
    if single is not None and type(single) is Body and not single.embed:
        # One JSON body field is the body itself, titled after its name.
        media: dict[str, Any] = {"schema": uses[single.wire_name]}
        if single.openapi_examples is not None:
            media["examples"] = copy_json(single.openapi_examples)
        out: dict[str, Any] = {"content": {single.media_type: media}}
        if required:
            out["required"] = True
        return NormalizedBody(out)
    with_examples = [f.name for f in fields if f.openapi_examples is not None]
    if with_examples:
        raise DeclarationError(
            f"openapi_examples on field(s) {with_examples}: named examples describe the whole "
            "body, which here is an object of several fields; give them with "
            "ob.RequestBody(content={...: ob.MediaType(examples=...)}) instead",
            where=where,
        )
    name = body_model_name(operation_id)
    model: dict[str, Any] = {"properties": uses, "type": "object"}
    if required:
        model["required"] = required
    model["title"] = name
    out = {"content": {_body_media_type(fields): {"schema": {"$ref": REF_PREFIX + name}}}}
    if required:
        out["required"] = True
    return NormalizedBody(out, {name: model})


def _body_media_type(fields: tuple[Body, ...]) -> str:
    """multipart/form-data with a file, form-urlencoded with a form field, else JSON's."""
    if any(isinstance(f, File) for f in fields):
        return "multipart/form-data"
    if any(isinstance(f, Form) for f in fields):
        return "application/x-www-form-urlencoded"
    declared = {f.media_type for f in fields}
    return declared.pop() if len(declared) == 1 else "application/json"


def _body_field_required(body: Body) -> bool:
    if body.required is not None:
        return body.required
    return body.default is None and not admits_none(body.schema)


def _body_field_use(body: Body, *, where: str) -> Any:
    slot = schema_slot(body.schema, "validation", where=where)
    if not isinstance(slot, SchemaUse):
        return slot  # a raw schema is emitted untouched
    annotation = binary_files(slot.annotation) if isinstance(body, File) else slot.annotation
    return _field_use(
        annotation,
        where=where,
        name=body.wire_name,
        title=body.title,
        description=body.description,
        deprecated=body.deprecated,
        default=body.default,
        examples=body.examples,
    )
