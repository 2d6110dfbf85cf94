"""Body fields (``ob.Body``, ``ob.Form``, ``ob.File``): FastAPI's request-body parameters."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from openapi_spec_validator import validate as reference_validate
from pydantic import BaseModel

import openapi_builder as ob


class Item(BaseModel):
    name: str


class User(BaseModel):
    username: str


def build(*operations: ob.Operation, openapi: str = "3.1.0") -> dict[str, Any]:
    document = ob.API("T", "1", openapi, operations=operations).build()
    reference_validate(document)
    return document


def body_of(document: dict[str, Any], path: str = "/x", method: str = "post") -> Any:
    return document["paths"][path][method]["requestBody"]


def test_several_fields_become_the_body_model_named_after_the_operation() -> None:
    document = build(
        ob.Operation(
            "PUT",
            "/x",
            operation_id="update_item",
            request_body=[ob.Body("item", Item), ob.Body("importance", int)],
        )
    )
    assert body_of(document, method="put") == {
        "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/Body_update_item"}}
        },
        "required": True,
    }
    assert document["components"]["schemas"]["Body_update_item"] == {
        "properties": {
            "item": {"$ref": "#/components/schemas/Item"},
            "importance": {"type": "integer", "title": "Importance"},
        },
        "type": "object",
        "required": ["item", "importance"],
        "title": "Body_update_item",
    }


def test_one_field_alone_is_the_body_titled_after_its_name() -> None:
    document = build(ob.Operation("POST", "/x", request_body=ob.Body("items", list[int])))
    assert body_of(document)["content"]["application/json"]["schema"] == {
        "type": "array",
        "items": {"type": "integer"},
        "title": "Items",
    }
    assert "components" not in document


def test_embed_wraps_a_single_field() -> None:
    document = build(
        ob.Operation(
            "POST", "/x", operation_id="op", request_body=ob.Body("item", Item, embed=True)
        )
    )
    assert body_of(document)["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Body_op"
    }
    assert document["components"]["schemas"]["Body_op"]["required"] == ["item"]


def test_optional_fields_are_not_required_and_an_all_optional_body_is_not_either() -> None:
    document = build(
        ob.Operation(
            "POST",
            "/x",
            operation_id="op",
            request_body=[ob.Body("a", int | None), ob.Body("b", int, default=3)],
        )
    )
    assert "required" not in body_of(document)
    model = document["components"]["schemas"]["Body_op"]
    assert "required" not in model
    assert model["properties"]["b"] == {"type": "integer", "title": "B", "default": 3}


def test_field_keywords_go_into_the_field_schema() -> None:
    field = ob.Body(
        "q",
        str,
        alias="query",
        title="The query",
        description="What to find",
        examples=["a"],
        deprecated=True,
        embed=True,
    )
    document = build(ob.Operation("POST", "/x", operation_id="op", request_body=field))
    assert document["components"]["schemas"]["Body_op"]["properties"] == {
        "query": {
            "type": "string",
            "title": "The query",
            "description": "What to find",
            "examples": ["a"],
            "deprecated": True,
        }
    }


def test_openapi_examples_of_a_single_body_go_on_the_media_type() -> None:
    examples = {"one": {"summary": "One", "value": 1}}
    document = build(
        ob.Operation("POST", "/x", request_body=ob.Body("n", int, openapi_examples=examples))
    )
    assert body_of(document)["content"]["application/json"]["examples"] == examples


def test_openapi_examples_on_one_of_several_fields_are_refused() -> None:
    operation = ob.Operation(
        "POST",
        "/x",
        request_body=[ob.Body("a", int, openapi_examples={"e": {"value": 1}}), ob.Body("b", int)],
    )
    with pytest.raises(ob.DeclarationError, match=r"openapi_examples .* - at POST /x"):
        ob.API("T", "1", operations=[operation]).build()


def test_forms_are_urlencoded_and_files_make_the_body_multipart() -> None:
    document = build(
        ob.Operation("POST", "/login", operation_id="login", request_body=[ob.Form("user", str)]),
        ob.Operation(
            "POST",
            "/x",
            operation_id="upload",
            request_body=[ob.File("file"), ob.File("more", list[bytes]), ob.Form("token", str)],
        ),
    )
    assert list(body_of(document, "/login")["content"]) == ["application/x-www-form-urlencoded"]
    assert list(body_of(document)["content"]) == ["multipart/form-data"]
    properties = document["components"]["schemas"]["Body_upload"]["properties"]
    binary = {"type": "string", "contentMediaType": "application/octet-stream"}
    assert properties["file"] == {**binary, "title": "File"}
    assert properties["more"] == {"type": "array", "items": binary, "title": "More"}


def test_files_are_binary_strings_in_30() -> None:
    document = build(
        ob.Operation("POST", "/x", operation_id="up", request_body=ob.File("f", bytes | None)),
        openapi="3.0.3",
    )
    schema = document["components"]["schemas"]["Body_up"]["properties"]["f"]
    assert schema == {"type": "string", "format": "binary", "nullable": True, "title": "F"}
    assert ob.validate(document).problems == ()


def test_password_form_is_fastapis_oauth2_password_request_form() -> None:
    document = build(
        ob.Operation("POST", "/token", operation_id="login", request_body=ob.password_form())
    )
    model = document["components"]["schemas"]["Body_login"]
    assert list(model["properties"]) == [
        "grant_type",
        "username",
        "password",
        "scope",
        "client_id",
        "client_secret",
    ]
    assert model["required"] == ["username", "password"]
    assert model["properties"]["password"] == {
        "type": "string",
        "format": "password",
        "title": "Password",
    }
    assert model["properties"]["scope"]["default"] == ""
    strict = build(
        ob.Operation("POST", "/t", operation_id="s", request_body=ob.password_form(strict=True))
    )
    assert strict["components"]["schemas"]["Body_s"]["properties"]["grant_type"] == {
        "type": "string",
        "pattern": "^password$",
        "title": "Grant Type",
    }


def test_body_model_names_never_clash_silently() -> None:
    class Body_op(BaseModel):  # the name FastAPI would give the body model
        x: int

    with_class = ob.API(
        "T",
        "1",
        operations=[
            ob.Operation(
                "POST", "/x", operation_id="op", request_body=ob.Body("a", int, embed=True)
            ),
            ob.Operation("GET", "/y", response_model=Body_op),
        ],
    )
    with pytest.raises(ob.DeclarationError, match=r"Body_op.* - at POST /x"):
        with_class.build()
    with_component = ob.API(
        "T",
        "1",
        operations=[ob.Operation("POST", "/x", operation_id="op", request_body=ob.Form("a", int))],
        components={"schemas": {"Body_op": {"type": "object"}}},
    )
    with pytest.raises(ob.DeclarationError, match=r"Body_op.* - at POST /x"):
        with_component.build()


def test_operation_ids_become_valid_component_names() -> None:
    document = build(
        ob.Operation("POST", "/x", operation_id="make it/now", request_body=ob.Form("a", int))
    )
    assert list(document["components"]["schemas"]) == ["Body_make_it_now"]


def test_a_field_twice_and_a_list_of_non_fields_are_refused() -> None:
    twice = ob.Operation(
        "POST", "/x", request_body=[ob.Body("a", int), ob.Body("b", int, alias="a")]
    )
    with pytest.raises(ob.DeclarationError, match=r"\['a'\] are declared twice"):
        ob.API("T", "1", operations=[twice]).build()
    mixed = ob.Operation("POST", "/x", request_body=[ob.Body("a", int), Item])
    with pytest.raises(ob.DeclarationError, match="body fields only"):
        ob.API("T", "1", operations=[mixed]).build()


def test_field_declarations_check_their_shape_and_are_frozen() -> None:
    with pytest.raises(ob.DeclarationError, match="non-empty name"):
        ob.Body("")
    with pytest.raises(ob.DeclarationError, match="examples is a list"):
        ob.Body("a", examples={"x": 1})  # type: ignore[arg-type]
    field = ob.File("f")
    assert field.schema is bytes and field.media_type == "multipart/form-data"
    assert isinstance(field, ob.Form) and isinstance(field, ob.Body)
    assert copy.deepcopy(field) == field
    with pytest.raises(AttributeError):
        field.name = "g"  # type: ignore[misc]


def test_the_user_list_is_not_kept_or_changed() -> None:
    fields = [ob.Body("a", int), ob.Body("b", int)]
    operation = ob.Operation("POST", "/x", request_body=fields)
    fields.append(ob.Body("c", int))
    assert len(operation.request_body) == 2
