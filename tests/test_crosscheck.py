"""Cross-object checks: every problem across declarations, reported at once by build()."""

from __future__ import annotations

from typing import Any

import pytest

import openapi_builder as ob

ID = ob.Parameter("item_id", "path", int)


def build(*operations: ob.Operation, **api: Any) -> dict[str, Any]:
    return ob.API("T", "1", operations=operations, **api).build(validate=False)


@pytest.mark.parametrize(
    ("operations", "message"),
    [
        (
            [ob.Operation("GET", "/a"), ob.Operation("get", "/a")],
            "this method and path are declared twice",
        ),
        (
            [
                ob.Operation("GET", "/a/{x}", parameters=[ob.Parameter("x", "path")]),
                ob.Operation("GET", "/a/{y}", parameters=[ob.Parameter("y", "path")]),
            ],
            "path parameter names do not make paths different",
        ),
        (
            [
                ob.Operation("GET", "/a", operation_id="same"),
                ob.Operation("GET", "/b", operation_id="same"),
            ],
            "operationId 'same' is already used by GET /a",
        ),
        (
            [ob.Operation("GET", "/a-b"), ob.Operation("GET", "/a/b")],
            "operationId 'get_a_b' is already used by GET /a-b",
        ),
        (
            [ob.Operation("GET", "/items/{item_id}")],
            "the path uses {item_id} but no path parameter 'item_id' is declared",
        ),
        (
            [ob.Operation("GET", "/items", parameters=[ID])],
            "path parameter 'item_id' does not appear in the path",
        ),
        (
            [
                ob.Operation(
                    "GET", "/a", parameters=[ob.Parameter("q", "query"), ob.Parameter("q", "query")]
                )
            ],
            "parameter 'q' in query is declared twice",
        ),
        (
            [ob.Operation("GET", "/a", security=[{"nope": []}])],
            "security requirement names unknown scheme 'nope'",
        ),
    ],
)
def test_cross_object_checks(operations: list[ob.Operation], message: str) -> None:
    with pytest.raises(ob.DeclarationError) as raised:
        build(*operations)
    assert message in str(raised.value)


def test_every_problem_is_reported_at_once() -> None:
    with pytest.raises(ob.DeclarationError) as raised:
        build(
            ob.Operation("GET", "/items/{item_id}"),
            ob.Operation("GET", "/other", parameters=[ID]),
            ob.Operation("GET", "/x", responses={"abc": {}}),
        )
    message = str(raised.value)
    assert message.startswith("3 problems in the declarations:")
    assert "- at GET /items/{item_id}" in message
    assert "- at GET /other" in message
    assert "- at GET /x" in message


def test_unknown_oauth_scope_is_refused() -> None:
    oauth = ob.SecurityScheme(
        type="oauth2",
        flows={
            "clientCredentials": {
                "tokenUrl": "https://t.example/token",
                "scopes": {"read": "Read things"},
            }
        },
    )
    with pytest.raises(ob.DeclarationError, match=r"unknown scope\(s\) \['write'\]"):
        build(
            ob.Operation("GET", "/a", security=[{"oauth": ["write"]}]),
            security_schemes={"oauth": oauth},
        )


def test_webhook_operation_ids_are_checked_with_the_paths() -> None:
    with pytest.raises(ob.DeclarationError) as raised:
        build(ob.Operation("GET", "/"), webhooks={"hook": ob.Operation("GET", "/")})
    assert "operationId 'get' is already used by GET /" in str(raised.value)
    assert str(raised.value).endswith("- at webhook 'hook' GET")


def test_paths_differing_only_in_parameter_names_are_refused_across_methods() -> None:
    user = ob.Parameter("user_id", "path", int)
    item = ob.Parameter("item_id", "path", int)
    with pytest.raises(ob.DeclarationError) as raised:
        build(
            ob.Operation("GET", "/{user_id}", parameters=[user]),
            ob.Operation("POST", "/{item_id}", parameters=[item]),
        )
    message = str(raised.value)
    assert "this path is '/{user_id}' with other parameter names" in message
    assert message.endswith("- at POST /{item_id}")
