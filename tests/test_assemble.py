"""Assembly: cross-object checks, operation ids, document shape and order."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any

import pytest
from pydantic import BaseModel

import openapi_builder as ob
from openapi_builder.declare import default_operation_id


class Item(BaseModel):
    name: str


ID = ob.Parameter("item_id", "path", int)


def build(*operations: ob.Operation, **api: Any) -> dict[str, Any]:
    return ob.API("T", "1", operations=operations, **api).build(validate=False)


@pytest.mark.parametrize(
    ("method", "path", "expected"),
    [
        ("GET", "/items/{item_id}", "get_items_item_id"),
        ("POST", "/", "post"),
        ("DELETE", "/a-b/c_d", "delete_a_b_c_d"),
    ],
)
def test_default_operation_id(method: str, path: str, expected: str) -> None:
    parameters = [ob.Parameter("item_id", "path")] if "{" in path else []
    assert default_operation_id(ob.Operation(method, path, parameters=parameters)) == expected


def test_document_shape_and_order() -> None:
    api = ob.API(
        "Items",
        "2.0",
        summary="S",
        description="D",
        terms_of_service="https://t.example",
        contact={"name": "Team"},
        license_info={"name": "MIT"},
        servers=[ob.Server("https://{env}.example.com", variables={"env": {"default": "api"}})],
        tags=[ob.Tag("items", description="Item things")],
        security_schemes={"bearer": ob.SecurityScheme(type="http", scheme="bearer")},
        security=[{"bearer": []}],
        external_docs={"url": "https://docs.example"},
        extensions={"x-owner": "team"},
        operations=[
            ob.Operation("GET", "/items", tags=["items"], response_model=Item, security=[])
        ],
    )
    document = api.build(validate=False)
    assert list(document) == [
        "openapi",
        "info",
        "servers",
        "paths",
        "components",
        "security",
        "tags",
        "externalDocs",
        "x-owner",
    ]
    assert list(document["info"]) == [
        "title",
        "summary",
        "description",
        "termsOfService",
        "contact",
        "license",
        "version",
    ]
    assert document["components"]["securitySchemes"] == {
        "bearer": {"type": "http", "scheme": "bearer"}
    }
    assert list(document["components"]) == ["schemas", "securitySchemes"]
    operation = document["paths"]["/items"]["get"]
    assert operation["security"] == []  # opted out of the API-wide requirement
    assert list(operation) == ["tags", "operationId", "responses", "security"]


def test_paths_keep_declaration_order() -> None:
    document = build(
        ob.Operation("GET", "/z"), ob.Operation("GET", "/a"), ob.Operation("POST", "/z")
    )
    assert list(document["paths"]) == ["/z", "/a"]
    assert list(document["paths"]["/z"]) == ["get", "post"]


def test_openapi_extra_is_deep_merged_last() -> None:
    operation = ob.Operation(
        "GET",
        "/x",
        summary="Plain",
        response_model=Item,
        openapi_extra={
            "summary": "Extra",
            "x-internal": True,
            "responses": {"200": {"x-cache": "1h"}},
        },
    )
    item = build(operation)["paths"]["/x"]["get"]
    assert item["summary"] == "Extra"
    assert item["x-internal"] is True
    assert item["responses"]["200"]["x-cache"] == "1h"
    assert item["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Item"
    }


def test_request_bodies_of_every_form() -> None:
    raw = {"type": "object"}
    document = build(
        ob.Operation("POST", "/model", request_body=Item),
        ob.Operation("POST", "/raw", request_body=raw),
        ob.Operation(
            "POST",
            "/form",
            request_body=ob.RequestBody(
                content={
                    "application/x-www-form-urlencoded": Item,
                    "multipart/form-data": ob.MediaType(
                        schema={
                            "type": "object",
                            "properties": {"file": {"type": "string", "format": "binary"}},
                        },
                        encoding={"file": {"contentType": "image/png"}},
                    ),
                },
                required=False,
                description="Upload",
            ),
        ),
    )
    body = document["paths"]["/model"]["post"]["requestBody"]
    assert body == {
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Item"}}},
        "required": True,
    }
    assert document["paths"]["/raw"]["post"]["requestBody"]["content"]["application/json"] == {
        "schema": raw
    }
    form = document["paths"]["/form"]["post"]["requestBody"]
    # Not required: false is the default, so FastAPI leaves the key out, and so do we.
    assert form["description"] == "Upload" and "required" not in form
    assert list(form["content"]) == ["application/x-www-form-urlencoded", "multipart/form-data"]
    assert form["content"]["multipart/form-data"]["encoding"] == {
        "file": {"contentType": "image/png"}
    }


@pytest.mark.parametrize(
    ("parameter", "expected"),
    [
        (
            ob.Parameter("item_id", "path", int),
            {
                "name": "item_id",
                "in": "path",
                "required": True,
                "schema": {"type": "integer", "title": "Item Id"},
            },
        ),
        (
            ob.Parameter("q", "query", str | None),
            {
                "name": "q",
                "in": "query",
                "required": False,
                "schema": {"anyOf": [{"type": "string"}, {"type": "null"}], "title": "Q"},
            },
        ),
        (
            ob.Parameter("limit", "query", int, default=10, description="Page size"),
            {
                "name": "limit",
                "in": "query",
                "description": "Page size",
                "required": False,
                # FastAPI writes the description on the parameter and in its schema.
                "schema": {
                    "type": "integer",
                    "title": "Limit",
                    "description": "Page size",
                    "default": 10,
                },
            },
        ),
        (
            ob.Parameter("x-token", "header", str),
            {
                "name": "x-token",
                "in": "header",
                "required": True,
                "schema": {"type": "string", "title": "X-Token"},
            },
        ),
        (
            ob.Parameter(
                "ids",
                "query",
                list[int],
                required=False,
                style="form",
                explode=False,
                deprecated=True,
            ),
            {
                "name": "ids",
                "in": "query",
                "required": False,
                "deprecated": True,
                "style": "form",
                "explode": False,
                "schema": {
                    "type": "array",
                    "items": {"type": "integer"},
                    "title": "Ids",
                    "deprecated": True,
                },
            },
        ),
        (
            ob.Parameter("raw", "cookie", {"type": "string", "maxLength": 3}),
            {
                "name": "raw",
                "in": "cookie",
                "required": True,
                "schema": {"type": "string", "maxLength": 3},
            },
        ),
    ],
)
def test_parameters(parameter: ob.Parameter, expected: dict[str, Any]) -> None:
    path = "/x/{item_id}" if parameter.location == "path" else "/x"
    document = build(ob.Operation("GET", path, parameters=[parameter]))
    assert document["paths"][path]["get"]["parameters"] == [expected]


def test_callbacks_are_declared_as_operations() -> None:
    callback = ob.Operation("POST", "{$request.body#/callbackUrl}", response_model=Item)
    document = build(ob.Operation("POST", "/subscribe", callbacks={"onEvent": [callback]}))
    callbacks = document["paths"]["/subscribe"]["post"]["callbacks"]
    assert list(callbacks["onEvent"]) == ["{$request.body#/callbackUrl}"]
    assert "post" in callbacks["onEvent"]["{$request.body#/callbackUrl}"]


def test_build_does_not_mutate_the_api() -> None:
    api = ob.API("T", "1", operations=[ob.Operation("GET", "/x", response_model=Item)])
    first = api.build(validate=False)
    first["paths"]["/x"]["get"]["summary"] = "changed"
    assert api.build(validate=False) != first


@pytest.mark.parametrize(
    ("pointer", "expected"),
    [
        ("/paths/~1items~1{id}/get/responses/200", "GET /items/{id}"),
        ("/paths/~1items/parameters/0", None),
        ("/webhooks/newPet/post/requestBody", "webhook 'newPet' POST"),
        ("/components/schemas/Item/properties/a", "component schema 'Item'"),
        ("/info/version", "API"),
        ("", None),
    ],
)
def test_declaration_at(pointer: str, expected: str | None) -> None:
    from openapi_builder.assemble import declaration_at

    assert declaration_at(pointer) == expected


# -- FastAPI's parameter keywords --------------------------------------------------------------


def parameter_of(document: dict[str, Any], path: str = "/x") -> dict[str, Any]:
    parameters: list[dict[str, Any]] = document["paths"][path]["get"]["parameters"]
    (parameter,) = parameters
    return parameter


def test_alias_is_the_wire_name_and_gives_the_title() -> None:
    document = build(
        ob.Operation("GET", "/x", parameters=[ob.Parameter("q", "query", str, alias="item-query")])
    )
    assert parameter_of(document) == {
        "name": "item-query",
        "in": "query",
        "required": True,
        "schema": {"type": "string", "title": "Item-Query"},
    }


def test_a_declared_title_wins_over_the_derived_one() -> None:
    from pydantic import Field

    explicit = ob.Parameter("item_id", "path", int, title="The ID")
    in_field = ob.Parameter("item_id", "path", Annotated[int, Field(title="From Field", ge=1)])
    for parameter, title in ((explicit, "The ID"), (in_field, "From Field")):
        document = build(ob.Operation("GET", "/x/{item_id}", parameters=[parameter]))
        assert parameter_of(document, "/x/{item_id}")["schema"]["title"] == title


def test_examples_go_into_the_schema_and_openapi_examples_on_the_parameter() -> None:
    named = {"normal": {"summary": "A normal query", "value": "x"}}
    document = build(
        ob.Operation(
            "GET",
            "/x",
            parameters=[ob.Parameter("q", "query", str, examples=["x"], openapi_examples=named)],
        )
    )
    parameter = parameter_of(document)
    assert parameter["schema"]["examples"] == ["x"]
    assert parameter["examples"] == named


def test_a_mapping_given_as_examples_is_taken_as_openapi_examples() -> None:
    named = {"one": {"value": "x"}}
    parameter = ob.Parameter("q", "query", str, examples=named)
    assert parameter.openapi_examples == named and parameter.examples is None
    with pytest.raises(ob.DeclarationError, match="give the named examples once"):
        ob.Parameter("q", "query", str, examples=named, openapi_examples=named)


def test_hidden_parameters_and_operations_are_left_out() -> None:
    hidden = ob.Parameter("secret", "query", str, include_in_schema=False)
    document = build(
        ob.Operation("GET", "/x", parameters=[hidden]),
        ob.Operation("GET", "/internal", include_in_schema=False),
        ob.Operation(
            "POST",
            "/y",
            callbacks={"cb": [ob.Operation("POST", "{$url}", include_in_schema=False)]},
        ),
        webhooks={"hook": ob.Operation("POST", "/hook", include_in_schema=False)},
    )
    assert "parameters" not in document["paths"]["/x"]["get"]
    assert "/internal" not in document["paths"]
    assert "webhooks" not in document
    assert document["paths"]["/y"]["post"]["callbacks"] == {"cb": {}}


def test_a_path_parameter_cannot_be_hidden() -> None:
    with pytest.raises(ob.DeclarationError, match="cannot be left out"):
        ob.Parameter("item_id", "path", int, include_in_schema=False)


class Color(str, Enum):
    red = "red"
    blue = "blue"


class Filter(BaseModel):
    limit: int = 10


@pytest.mark.parametrize(
    ("annotation", "default", "expected"),
    [
        (Color, Color.red, "red"),
        (Filter, {"limit": 5}, {"limit": 5}),
    ],
)
def test_a_default_is_kept_when_the_type_is_a_component(
    annotation: Any, default: Any, expected: Any
) -> None:
    parameter = ob.Parameter("p", "query", annotation, default=default)
    document = build(ob.Operation("GET", "/x", parameters=[parameter]))
    schema = parameter_of(document)["schema"]
    assert schema == {"$ref": f"#/components/schemas/{annotation.__name__}", "default": expected}
    as_30 = ob.API(
        "T", "1", "3.0.3", operations=[ob.Operation("GET", "/x", parameters=[parameter])]
    )
    schema_30 = parameter_of(as_30.build())["schema"]
    assert schema_30 == {
        "allOf": [{"$ref": f"#/components/schemas/{annotation.__name__}"}],
        "default": expected,
    }


# -- request bodies ------------------------------------------------------------------------------


def test_an_optional_body_has_no_required_key() -> None:
    document = build(
        ob.Operation("POST", "/a", request_body=Item | None),
        ob.Operation("POST", "/b", request_body=ob.RequestBody(Item, required=False)),
        ob.Operation("POST", "/c", request_body=ob.RequestBody(Item)),
    )
    bodies = {path: document["paths"][path]["post"]["requestBody"] for path in ("/a", "/b", "/c")}
    assert "required" not in bodies["/a"] and "required" not in bodies["/b"]
    assert bodies["/c"]["required"] is True


def test_a_request_body_reference_is_a_reference_object_in_its_place() -> None:
    document = ob.API(
        "T",
        "1",
        operations=[
            ob.Operation("POST", "/x", request_body={"$ref": "#/components/requestBodies/New"})
        ],
        components={"requestBodies": {"New": ob.RequestBody(Item)}},
    ).build()
    assert document["paths"]["/x"]["post"]["requestBody"] == {
        "$ref": "#/components/requestBodies/New"
    }


@pytest.mark.parametrize(
    ("operation", "message"),
    [
        (
            ob.Operation("POST", "/x", request_body={"$ref": "#/components/responses/R"}),
            "neither a request body",
        ),
        (
            ob.Operation("GET", "/x", response_model={"$ref": "#/components/requestBodies/B"}),
            "points at components.requestBodies, not at a schema",
        ),
        (
            ob.Operation(
                "GET",
                "/x",
                parameters=[ob.Parameter("q", "query", {"$ref": "#/components/parameters/Q"})],
            ),
            r"reference it as parameters=\[\{'\$ref': \.\.\.\}\]",
        ),
    ],
)
def test_a_schema_ref_into_another_component_kind_is_refused(
    operation: ob.Operation, message: str
) -> None:
    with pytest.raises(ob.DeclarationError, match=message) as raised:
        build(operation)
    assert f"- at {operation.label}" in str(raised.value)


def test_a_model_instance_or_datetime_default_is_written_as_json() -> None:
    import datetime

    document = build(
        ob.Operation(
            "GET",
            "/x",
            parameters=[
                ob.Parameter("f", "query", Filter, default=Filter(limit=5)),
                ob.Parameter("d", "query", datetime.date, default=datetime.date(2020, 1, 2)),
            ],
        )
    )
    schemas = [p["schema"] for p in document["paths"]["/x"]["get"]["parameters"]]
    assert schemas[0]["default"] == {"limit": 5}
    assert schemas[1]["default"] == "2020-01-02"
    with pytest.raises(ob.DeclarationError, match="has no JSON form"):
        build(
            ob.Operation(
                "GET", "/y", parameters=[ob.Parameter("o", "query", Any, default=object())]
            )
        )
