"""Declarations: construction checks, immutability, no aliasing of the caller's containers."""

from __future__ import annotations

import dataclasses

import pytest

import openapi_builder as ob
from openapi_builder.declare import parse_status_key, path_template_names


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: ob.Operation("FETCH", "/x"), "unknown HTTP method 'FETCH'"),
        (lambda: ob.Operation("GET", "x"), "path 'x' must start with '/' - at GET x"),
        (lambda: ob.Operation("GET", "/x?q=1"), "must not contain a query string"),
        (lambda: ob.Operation("GET", "/x", status_code=99), "response key 99 is not a status"),
        (lambda: ob.Operation("GET", "/x", tags="items"), "tags must be a list"),
        (lambda: ob.Operation("GET", "/x", parameters=["q"]), "must be Parameter objects"),
        (lambda: ob.Parameter("q", "body"), "parameter location 'body' is not one of"),
        (lambda: ob.Parameter("", "query"), "needs a non-empty name"),
        (lambda: ob.Parameter("id", "path", int, required=False), "always required"),
        (lambda: ob.Parameter("q", "query", extensions={"a": 1}), "must start with 'x-'"),
        (lambda: ob.Parameter("id", "path", int, include_in_schema=False), "cannot be left out"),
        (lambda: ob.Parameter("q", "query", examples="abc"), "examples is a list of example"),
        (
            lambda: ob.Parameter("q", "query", examples={"a": {}}, openapi_examples={"b": {}}),
            "give the named examples once",
        ),
        (lambda: ob.Body(""), "a body field needs a non-empty name"),
        (lambda: ob.Form("f", openapi_examples=["x"]), "openapi_examples maps example names"),  # type: ignore[arg-type]
        (lambda: ob.SecurityScheme(type="apiKey"), "needs name and location"),
        (lambda: ob.SecurityScheme(type="http"), "needs scheme"),
        (lambda: ob.SecurityScheme(type="oauth2"), "needs flows"),
        (lambda: ob.SecurityScheme(type="openIdConnect"), "needs open_id_connect_url"),
        (lambda: ob.SecurityScheme(type="magic"), "unknown security scheme type 'magic'"),  # type: ignore[arg-type]
        (lambda: ob.Server("https://{region}.example.com"), "variables has no 'region'"),
        (lambda: ob.Tag(""), "non-empty name"),
        (lambda: ob.RequestBody(), "needs a schema or content"),
        (lambda: ob.RequestBody(int, content={"a/b": int}), "not both"),
        (lambda: ob.API("", "1"), "non-empty title"),
        (lambda: ob.API("T", ""), "needs a version"),
    ],
)
def test_construction_checks(make: object, message: str) -> None:
    with pytest.raises(ob.DeclarationError, match=None) as raised:
        make()  # type: ignore[operator]
    assert message in str(raised.value)


def test_declaration_error_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        ob.Operation("GET", "nope")


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        (200, "200"),
        ("404", "404"),
        (" 201 ", "201"),
        ("4XX", "4XX"),
        ("4xx", "4XX"),
        ("5Xx", "5XX"),
        ("default", "default"),
        ("DEFAULT", "default"),
        (100, "100"),
        (599, "599"),
    ],
)
def test_status_keys_normalize(key: object, expected: str) -> None:
    assert parse_status_key(key) == expected


@pytest.mark.parametrize("key", ["abc", 99, 600, "6XX", "0XX", True, None, 2.0, "20", "2000", ""])
def test_bad_status_keys_are_refused(key: object) -> None:
    with pytest.raises(ob.DeclarationError, match="is not a status code"):
        parse_status_key(key)


def test_declarations_are_frozen() -> None:
    operation = ob.Operation("get", "/x")
    assert operation.method == "GET"
    with pytest.raises(dataclasses.FrozenInstanceError):
        operation.path = "/y"  # type: ignore[misc]


def test_containers_are_copied_not_aliased() -> None:
    tags = ["a"]
    responses = {404: {"description": "gone"}}
    operation = ob.Operation("GET", "/x", tags=tags, responses=responses)
    tags.append("b")
    responses[500] = {"description": "boom"}
    assert operation.tags == ("a",)
    assert list(operation.responses) == [404]
    with pytest.raises(TypeError):
        operation.responses[500] = {}  # type: ignore[index]


def test_callback_paths_may_be_runtime_expressions() -> None:
    callback = ob.Operation("POST", "{$request.body#/callbackUrl}")
    assert callback.label == "POST {$request.body#/callbackUrl}"


def test_path_template_names() -> None:
    assert path_template_names("/a/{x}/b/{y_z}") == ("x", "y_z")
    assert path_template_names("/plain") == ()


def test_response_object_as_dict_keeps_only_given_keys() -> None:
    response = ob.Response(description="Gone", extensions={"x-reason": "moved"})
    assert response.as_dict() == {"description": "Gone", "x-reason": "moved"}


def test_parameter_lists_and_mappings_are_frozen_copies() -> None:
    examples = ["a"]
    named = {"one": {"value": "a"}}
    parameter = ob.Parameter("q", "query", examples=examples, openapi_examples=named)
    examples.append("b")
    named["two"] = {"value": "b"}
    assert parameter.examples == ("a",)
    assert dict(parameter.openapi_examples or {}) == {"one": {"value": "a"}}
    assert parameter.wire_name == "q"
    assert ob.Parameter("q", "query", alias="item-query").wire_name == "item-query"
