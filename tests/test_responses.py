"""Response normalization: every rule of DESIGN.md's "Response normalization" section."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from pydantic import BaseModel

import openapi_builder as ob
from openapi_builder.responses import body_allowed, status_description


class Item(BaseModel):
    id: str
    value: str


class Message(BaseModel):
    message: str


def responses_of(operation: ob.Operation, **api: Any) -> dict[str, Any]:
    document = ob.API("T", "1", operations=[operation], **api).build(validate=False)
    item = document["paths"][operation.path][operation.method.lower()]
    return item["responses"]  # type: ignore[no-any-return]


def ref(name: str) -> dict[str, Any]:
    return {"$ref": f"#/components/schemas/{name}"}


def test_main_response_defaults() -> None:
    responses = responses_of(ob.Operation("GET", "/items", response_model=Item))
    assert responses == {
        "200": {
            "description": "Successful Response",
            "content": {"application/json": {"schema": ref("Item")}},
        }
    }


def test_main_response_without_model_has_an_open_schema() -> None:
    responses = responses_of(ob.Operation("GET", "/x"))
    assert responses["200"]["content"] == {"application/json": {"schema": {}}}


def test_status_code_description_and_media_type_are_honoured() -> None:
    operation = ob.Operation(
        "POST",
        "/items",
        response_model=Item,
        status_code=201,
        response_description="Created it",
        media_type="application/vnd.api+json",
    )
    assert responses_of(operation) == {
        "201": {
            "description": "Created it",
            "content": {"application/vnd.api+json": {"schema": ref("Item")}},
        }
    }


@pytest.mark.parametrize("status", [204, 205, 304, 100, 101])
def test_statuses_without_body_have_no_content(status: int) -> None:
    responses = responses_of(ob.Operation("DELETE", "/x", status_code=status))
    assert responses == {str(status): {"description": "Successful Response"}}


@pytest.mark.parametrize(
    ("status", "allowed"),
    [
        ("200", True),
        ("204", False),
        ("205", False),
        ("304", False),
        ("101", False),
        ("4XX", True),
        ("1XX", False),
        ("default", True),
        ("302", True),
    ],
)
def test_body_allowed(status: str, allowed: bool) -> None:
    assert body_allowed(status) is allowed


@pytest.mark.parametrize(
    ("key", "emitted"),
    [
        (404, "404"),
        ("404", "404"),
        ("4XX", "4XX"),
        ("4xx", "4XX"),
        ("default", "default"),
        ("DEFAULT", "default"),
    ],
)
def test_response_keys_are_emitted_as_strings(key: object, emitted: str) -> None:
    responses = responses_of(ob.Operation("GET", "/x", responses={key: {"model": Message}}))
    assert list(responses) == ["200", emitted]
    assert responses[emitted]["content"] == {"application/json": {"schema": ref("Message")}}


@pytest.mark.parametrize("key", ["abc", 99, 600, "6XX"])
def test_invalid_response_keys_name_the_operation_and_key(key: object) -> None:
    with pytest.raises(ob.DeclarationError) as raised:
        ob.API(
            "T",
            "1",
            operations=[
                ob.Operation(
                    "GET",
                    "/items/{id}",
                    parameters=[ob.Parameter("id", "path")],
                    responses={key: {"description": "x"}},
                )
            ],
        ).build(validate=False)
    assert f"response key {key!r} is not a status code" in str(raised.value)
    assert str(raised.value).endswith("- at GET /items/{id}")


@pytest.mark.parametrize("value", ["Not found", None, 404, ["description"]])
def test_non_dict_response_values_are_refused(value: object) -> None:
    with pytest.raises(ob.DeclarationError) as raised:
        responses_of(ob.Operation("GET", "/x", responses={404: value}))
    message = str(raised.value)
    assert "response '404' must be a dict or ob.Response" in message
    assert message.endswith("- at GET /x")


@pytest.mark.parametrize(
    ("declared", "existing_status", "expected"),
    [
        ({"description": "Mine"}, "404", "Mine"),  # declared wins
        ({}, "404", "Not Found"),  # status phrase
        ({}, "418", "I'm a Teapot"),
        ({}, "4XX", "Client Error"),  # range text
        ({}, "2XX", "Success"),
        ({}, "5XX", "Server Error"),
        ({}, "default", "Default Response"),
        ({}, "299", "Additional Response"),  # no phrase, no range
    ],
)
def test_description_precedence(
    declared: dict[str, Any], existing_status: str, expected: str
) -> None:
    responses = responses_of(ob.Operation("GET", "/x", responses={existing_status: declared}))
    assert responses[existing_status]["description"] == expected


def test_description_already_there_beats_the_status_phrase() -> None:
    operation = ob.Operation(
        "GET",
        "/x",
        response_description="Item or image",
        responses={200: {"content": {"image/png": {}}}},
    )
    assert responses_of(operation)["200"]["description"] == "Item or image"


def test_status_description_table() -> None:
    assert status_description("404") == "Not Found"
    assert status_description("3XX") == "Redirection"
    assert status_description("1XX") == "Information"
    assert status_description("299") is None


def test_extra_media_type_merges_into_the_main_response() -> None:
    operation = ob.Operation(
        "GET",
        "/items/{id}",
        parameters=[ob.Parameter("id", "path")],
        response_model=Item,
        responses={200: {"content": {"image/png": {}}, "description": "JSON or an image"}},
    )
    assert responses_of(operation)["200"] == {
        "description": "JSON or an image",
        "content": {"application/json": {"schema": ref("Item")}, "image/png": {}},
    }


def test_declared_content_deep_merges_and_later_wins() -> None:
    operation = ob.Operation(
        "GET",
        "/x",
        response_model=Item,
        responses={200: {"content": {"application/json": {"example": {"id": "a", "value": "b"}}}}},
    )
    assert responses_of(operation)["200"]["content"]["application/json"] == {
        "schema": ref("Item"),
        "example": {"id": "a", "value": "b"},
    }


def test_lists_are_replaced_not_concatenated() -> None:
    api_level = {200: {"x-flags": ["a", "b"]}}
    operation = ob.Operation("GET", "/x", responses={200: {"x-flags": ["c"]}})
    assert responses_of(operation, responses=api_level)["200"]["x-flags"] == ["c"]


def test_predefined_dicts_combine_with_star_star_and_are_never_mutated() -> None:
    common = {
        404: {"model": Message, "description": "Item not found"},
        302: {"description": "The item was moved"},
        403: {"description": "Not enough privileges"},
    }
    snapshot = copy.deepcopy(common)
    first = ob.Operation("GET", "/a", responses={**common, 200: {"content": {"image/png": {}}}})
    second = ob.Operation("GET", "/b", responses={**common})
    api = ob.API("T", "1", operations=[first, second])
    document = api.build(validate=False)
    assert common == snapshot
    for path in ("/a", "/b"):
        responses = document["paths"][path]["get"]["responses"]
        assert list(responses)[:4] == ["200", "404", "302", "403"]
        assert responses["404"]["description"] == "Item not found"
        assert responses["302"] == {"description": "The item was moved"}
    # The two operations share nothing: changing one leaves the other alone.
    document["paths"]["/a"]["get"]["responses"]["404"]["description"] = "changed"
    assert document["paths"]["/b"]["get"]["responses"]["404"]["description"] == "Item not found"


def test_api_level_responses_apply_and_operation_level_override_per_key() -> None:
    operation = ob.Operation("GET", "/x", responses={"500": {"description": "Mine"}})
    responses = responses_of(
        operation, responses={500: {"model": Message}, 503: {"description": "Later"}}
    )
    assert responses["500"] == {"description": "Mine"}
    assert responses["503"] == {"description": "Later"}


def test_response_objects_are_interchangeable_with_dicts() -> None:
    header = {"X-Rate": ob.Header(int, description="Calls left")}
    as_object = ob.Operation(
        "GET",
        "/x",
        responses={
            404: ob.Response(
                model=Message,
                description="Gone",
                headers=header,
                links={"self": {"operationId": "get_x"}},
            )
        },
    )
    as_dict = ob.Operation(
        "GET",
        "/x",
        responses={
            404: {
                "model": Message,
                "description": "Gone",
                "headers": header,
                "links": {"self": {"operationId": "get_x"}},
            }
        },
    )
    assert responses_of(as_object) == responses_of(as_dict)
    assert responses_of(as_object)["404"] == {
        "description": "Gone",
        "headers": {"X-Rate": {"description": "Calls left", "schema": {"type": "integer"}}},
        "content": {"application/json": {"schema": ref("Message")}},
        "links": {"self": {"operationId": "get_x"}},
    }


def test_headers_accept_dicts_and_types() -> None:
    operation = ob.Operation(
        "GET",
        "/x",
        responses={
            200: {
                "headers": {
                    "X-A": {"description": "a", "schema": {"type": "string", "format": "uuid"}},
                    "X-B": int,
                }
            }
        },
    )
    assert responses_of(operation)["200"]["headers"] == {
        "X-A": {"description": "a", "schema": {"type": "string", "format": "uuid"}},
        "X-B": {"schema": {"type": "integer"}},
    }


def test_media_type_objects_in_content() -> None:
    operation = ob.Operation(
        "GET",
        "/x",
        responses={
            200: {
                "content": {
                    "text/csv": ob.MediaType(schema=str, example="a,b"),
                }
            }
        },
    )
    assert responses_of(operation)["200"]["content"]["text/csv"] == {
        "schema": {"type": "string"},
        "example": "a,b",
    }


def test_model_uses_the_operation_media_type() -> None:
    operation = ob.Operation(
        "GET", "/x", media_type="application/xml", responses={404: {"model": Message}}
    )
    assert responses_of(operation)["404"]["content"] == {
        "application/xml": {"schema": ref("Message")}
    }


def test_a_reference_replaces_the_response_and_nothing_merges_in() -> None:
    operation = ob.Operation(
        "GET",
        "/x",
        response_model=Item,
        responses={
            404: {"$ref": "#/components/responses/NotFound"},
            200: {"$ref": "#/components/responses/Items"},
        },
    )
    responses = responses_of(
        operation,
        components={
            "responses": {"NotFound": {"description": "Missing"}, "Items": {"description": "Items"}}
        },
    )
    assert responses == {
        "200": {"$ref": "#/components/responses/Items"},
        "404": {"$ref": "#/components/responses/NotFound"},
    }


def test_a_response_schema_that_is_not_a_ref_is_titled_after_the_operation() -> None:
    # FastAPI: "Response " + the operation id in title case, "_" as spaces.
    responses = responses_of(
        ob.Operation(
            "GET",
            "/items",
            operation_id="read_items_items__get",
            response_model=list[Item],
            responses={404: {"model": list[Item]}, 400: {"model": Item}},
        )
    )
    assert responses["200"]["content"]["application/json"]["schema"]["title"] == (
        "Response Read Items Items  Get"
    )
    assert responses["404"]["content"]["application/json"]["schema"]["title"] == (
        "Response 404 Read Items Items  Get"
    )
    assert responses["400"]["content"]["application/json"]["schema"] == ref("Item")


def test_a_raw_response_schema_gets_no_title() -> None:
    raw = {"type": "integer"}
    responses = responses_of(ob.Operation("GET", "/n", response_model=raw))
    assert responses["200"]["content"]["application/json"]["schema"] == raw
