"""JSON pointers (RFC 6901, percent-encoded fragments) and the walk's index."""

from __future__ import annotations

from typing import Any

import pytest

from openapi_builder.validate.pointers import MISSING, escape, resolve, split_ref, unescape
from openapi_builder.validate.walk import index_document, pointer_of

DOC: dict[str, Any] = {
    "a/b": {"c~d": [10, {"e f": True}]},
    "%25": "percent",
    "": "empty key",
}


@pytest.mark.parametrize(
    ("pointer", "expected"),
    [
        ("", DOC),
        ("/a~1b/c~0d/0", 10),
        ("/a~1b/c~0d/1/e f", True),
        ("/%25", "percent"),
        ("/", "empty key"),
        ("/a~1b/c~0d/01", MISSING),  # leading zeros are not indexes
        ("/a~1b/c~0d/2", MISSING),
        ("/a~1b/c~0d/-", MISSING),
        ("/nope", MISSING),
        ("/a~1b/c~0d/0/deeper", MISSING),
        ("no-slash", MISSING),
    ],
)
def test_resolve(pointer: str, expected: object) -> None:
    assert resolve(DOC, pointer) is expected or resolve(DOC, pointer) == expected


@pytest.mark.parametrize(
    ("ref", "expected"),
    [
        ("#/a~1b/c~0d", ("", "/a~1b/c~0d")),
        ("#/e%20f", ("", "/e f")),
        ("other.yaml#/x", ("other.yaml", "/x")),
        ("other.yaml", ("other.yaml", "")),
    ],
)
def test_split_ref(ref: str, expected: tuple[str, str]) -> None:
    assert split_ref(ref) == expected


@pytest.mark.parametrize("token", ["plain", "a/b", "c~d", "~1", "/~", ""])
def test_escape_round_trips(token: str) -> None:
    assert unescape(escape(token)) == token


def test_the_walk_knows_what_is_a_schema_and_what_is_a_value() -> None:
    document = {
        "openapi": "3.1.0",
        "paths": {
            "/a/{id}": {
                "parameters": [{"$ref": "#/components/parameters/Id"}],
                "get": {
                    "responses": {
                        "200": {
                            "description": "OK",
                            "content": {
                                "application/json": {
                                    "schema": {"properties": {"schema": {"type": "string"}}},
                                    "example": {"$ref": "not a reference", "schema": {}},
                                }
                            },
                        }
                    }
                },
            }
        },
        "components": {"parameters": {"Id": {"name": "id", "in": "path", "schema": {}}}},
        "x-extension": {"$ref": "#/ignored"},
    }
    index = index_document(document, "3.1")
    assert [site.ref for site in index.refs] == ["#/components/parameters/Id"]
    media = "/paths/~1a~1{id}/get/responses/200/content/application~1json"
    assert [pointer_of(loc) for loc, _ in index.schemas] == [
        f"{media}/schema",
        f"{media}/schema/properties/schema",
        "/components/parameters/Id/schema",
    ]
    (operation,) = index.operations
    assert (operation.method, operation.path) == ("get", "/a/{id}")
    (example,) = index.instances
    assert pointer_of(example.loc) == f"{media}/example"


def test_32_additional_operations_are_operations() -> None:
    document = {
        "openapi": "3.2.0",
        "paths": {"/a/{id}": {"additionalOperations": {"COPY": {"operationId": "copy"}}}},
    }
    (operation,) = index_document(document, "3.2").operations
    assert (operation.method, operation.path) == ("COPY", "/a/{id}")
    assert operation.pointer == "/paths/~1a~1{id}/additionalOperations/COPY"


def test_property_names_starting_with_x_are_schemas_not_extensions() -> None:
    document = {
        "openapi": "3.1.0",
        "components": {"schemas": {"A": {"properties": {"x-rate": {"$ref": "#/nope"}}}}},
    }
    index = index_document(document, "3.1")
    assert [site.pointer for site in index.refs] == ["/components/schemas/A/properties/x-rate"]
