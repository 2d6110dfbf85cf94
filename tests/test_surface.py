"""The full operation surface on every OpenAPI version: goldens, version limits, examples."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from openapi_spec_validator import validate as reference_validate
from pydantic import BaseModel

import openapi_builder as ob
from tests.support.kitchen_sink import Event, kitchen_sink


def test_kitchen_sink_golden_and_valid(
    openapi_version: str, golden: Callable[[str, str], None]
) -> None:
    document = kitchen_sink(openapi_version).build()
    assert document["openapi"] == openapi_version
    reference_validate(document)
    golden(f"surface/kitchen_sink.{openapi_version}.json", ob.to_json(document))
    golden(f"surface/kitchen_sink.{openapi_version}.yaml", ob.to_yaml(document))


def test_every_operation_of_the_common_surface_survives_conversion_to_30() -> None:
    as_31 = kitchen_sink("3.1.0").build()
    as_30 = kitchen_sink("3.0.3").build()
    assert list(as_30["paths"]) == list(as_31["paths"])
    for path, item in as_31["paths"].items():
        assert list(as_30["paths"][path]) == list(item), path
        for method, operation in item.items():
            converted = as_30["paths"][path][method]
            assert list(converted) == list(operation), (path, method)
            assert list(converted["responses"]) == list(operation["responses"])
    assert set(as_30["components"]["schemas"]) == set(as_31["components"]["schemas"])


def test_optional_fields_become_30_nullable() -> None:
    schemas = kitchen_sink("3.0.3").build()["components"]["schemas"]
    assert schemas["Owner"]["properties"]["email"] == {
        "type": "string",
        "nullable": True,
        "default": None,
        "title": "Email",
    }
    # 3.0.3 reads nullable only next to a type: the null branch carries one.
    assert schemas["Pet"]["properties"]["owner"] == {
        "anyOf": [
            {"$ref": "#/components/schemas/Owner"},
            {"type": "object", "nullable": True, "enum": [None]},
        ],
        "default": None,
    }


class Pair(BaseModel):
    pair: tuple[int, str]


def _api(version: str, **changes: Any) -> ob.API:
    operations = changes.pop("operations", [ob.Operation("GET", "/x")])
    return ob.API("T", "1", version, operations=operations, **changes)


@pytest.mark.parametrize(
    ("version", "make", "message"),
    [
        (
            "3.0.3",
            lambda v: _api(v, webhooks={"hook": ob.Operation("POST", "/hook")}),
            "needs openapi 3.1.0 or later",
        ),
        ("3.0.3", lambda v: _api(v, summary="Short"), "needs openapi 3.1.0 or later"),
        (
            "3.0.3",
            lambda v: _api(v, security_schemes={"mtls": ob.SecurityScheme(type="mutualTLS")}),
            "needs openapi 3.1.0 or later",
        ),
        (
            "3.0.3",
            lambda v: _api(v, operations=[ob.Operation("GET", "/p", response_model=Pair)]),
            'openapi="3.1.0"',
        ),
        (
            "3.1.0",
            lambda v: _api(v, operations=[ob.Operation("QUERY", "/search")]),
            "needs openapi 3.2.0 or later",
        ),
        (
            "3.1.0",
            lambda v: _api(v, tags=[ob.Tag("a"), ob.Tag("b", parent="a")]),
            "needs openapi 3.2.0 or later",
        ),
        (
            "3.1.0",
            lambda v: _api(
                v,
                operations=[
                    ob.Operation(
                        "GET",
                        "/s",
                        responses={
                            200: {"content": {"application/jsonl": ob.MediaType(item_schema=Event)}}
                        },
                    )
                ],
            ),
            "needs openapi 3.2.0 or later",
        ),
    ],
)
def test_what_a_version_cannot_express_is_a_declaration_error(
    version: str, make: Callable[[str], ob.API], message: str
) -> None:
    with pytest.raises(ob.DeclarationError) as raised:
        make(version).build()
    assert message in str(raised.value)


EXAMPLE_MISMATCHES = [
    (
        ob.Operation("GET", "/x", parameters=[ob.Parameter("n", "query", int, example="ten")]),
        "/paths/~1x/get/parameters/0/example",
    ),
    (
        ob.Operation(
            "GET",
            "/x",
            responses={
                200: {
                    "content": {
                        "application/json": {"schema": {"type": "integer"}, "example": "seven"}
                    }
                }
            },
        ),
        "/paths/~1x/get/responses/200/content/application~1json/example",
    ),
]


@pytest.mark.parametrize(("operation", "pointer"), EXAMPLE_MISMATCHES)
def test_an_example_that_violates_its_schema_warns_and_the_build_goes_on(
    operation: ob.Operation, pointer: str, openapi_version: str
) -> None:
    # Every version says an example SHOULD match its schema: worth telling, not invalid.
    with pytest.warns(ob.ExampleWarning) as caught:
        document = ob.API("T", "1", openapi_version, operations=[operation]).build()
    assert document["paths"]["/x"]["get"]
    (warning,) = caught
    assert pointer in str(warning.message)
    assert "(declared by GET /x)" in str(warning.message)


@pytest.mark.parametrize(("operation", "pointer"), EXAMPLE_MISMATCHES)
def test_strict_examples_makes_an_example_mismatch_an_error(
    operation: ob.Operation, pointer: str, openapi_version: str
) -> None:
    api = ob.API("T", "1", openapi_version, operations=[operation], strict_examples=True)
    with pytest.raises(ob.SpecValidationError) as raised:
        api.build()
    assert pointer in {problem.pointer for problem in raised.value.problems}
    assert "(declared by GET /x)" in str(raised.value)


def test_a_default_that_violates_its_schema_fails_only_where_the_version_says_must(
    openapi_version: str,
) -> None:
    # 3.0: "the value MUST conform"; 3.1/3.2 defer to JSON Schema, which RECOMMENDS it.
    operation = ob.Operation(
        "GET", "/x", parameters=[ob.Parameter("n", "query", int, default="ten")]
    )
    pointer = "/paths/~1x/get/parameters/0/schema/default"
    api = ob.API("T", "1", openapi_version, operations=[operation])
    if openapi_version == "3.0.3":
        with pytest.raises(ob.SpecValidationError) as raised:
            api.build()
        assert pointer in {problem.pointer for problem in raised.value.problems}
        assert "(declared by GET /x)" in str(raised.value)
        return
    with pytest.warns(ob.ExampleWarning, match="default-violates-schema") as caught:
        api.build()
    assert any(pointer in str(w.message) and "GET /x" in str(w.message) for w in caught)
    strict = ob.API("T", "1", openapi_version, operations=[operation], strict_examples=True)
    with pytest.raises(ob.SpecValidationError):
        strict.build()
