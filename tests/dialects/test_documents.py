"""document_to_30 and document_to_version: schema positions, goldens, pydantic models."""

from __future__ import annotations

import copy
import datetime
import enum
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated, Any, Literal, Optional, Union

import pytest
from openapi_spec_validator import validate
from pydantic import BaseModel, Field, conint, constr

from openapi_builder.dialects import document_to_30, document_to_version
from openapi_builder.errors import DeclarationError

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "dialects"
GOLDENS = ("pets", "positions", "no-paths")


def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / f"{name}.3.1.json").read_text(encoding="utf-8"))
    return data


def _text(doc: dict[str, Any]) -> str:
    return json.dumps(doc, indent=2) + "\n"


@pytest.mark.parametrize("name", GOLDENS)
def test_golden_documents(name: str, golden: Callable[[str, str], None]) -> None:
    before = _load(name)
    validate(copy.deepcopy(before))  # the input is a valid 3.1 document
    untouched = copy.deepcopy(before)
    after = document_to_30(before)
    assert before == untouched
    golden(f"dialects/{name}.3.0.json", _text(after))
    assert after["openapi"] == "3.0.3"
    validate(after)  # and the output a valid 3.0 one, by the reference validator


def _walk(value: Any, pointer: str = "") -> Iterator[tuple[str, Any]]:
    yield pointer, value
    if isinstance(value, dict):
        for key, item in value.items():
            token = str(key).replace("~", "~0").replace("/", "~1")
            yield from _walk(item, f"{pointer}/{token}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, f"{pointer}/{index}")


MT = "content/application~1json/schema"
POSITIONS = sorted(
    [
        "/paths/~1p~1{id}/parameters/0/schema",
        "/paths/~1p~1{id}/get/parameters/0/schema",
        f"/paths/~1p~1{{id}}/get/parameters/1/{MT}",
        f"/paths/~1p~1{{id}}/get/requestBody/{MT}",
        "/paths/~1p~1{id}/get/responses/200/headers/H/schema",
        f"/paths/~1p~1{{id}}/get/responses/200/headers/HC/{MT}",
        f"/paths/~1p~1{{id}}/get/responses/200/{MT}",
        f"/paths/~1p~1{{id}}/get/callbacks/cb/{{$request.query.url}}/post/requestBody/{MT}",
        f"/paths/~1p~1{{id}}/get/callbacks/cb/{{$request.query.url}}/post/responses/200/{MT}",
        "/components/schemas/S",
        "/components/parameters/P/schema",
        f"/components/parameters/PC/{MT}",
        "/components/headers/H/schema",
        "/components/responses/R/headers/X/schema",
        f"/components/responses/R/{MT}",
        "/components/requestBodies/B/content/multipart~1form-data/schema",
        "/components/requestBodies/B/content/multipart~1form-data/encoding/e/headers/EH/schema",
        "/components/callbacks/C/{$request.body#~1url}/put/parameters/0/schema",
    ]
)


def test_every_schema_position_is_converted_and_nothing_else() -> None:
    doc = _load("positions")
    converted = dict(_walk(document_to_30(doc)))
    nullable = {"type": "string", "nullable": True}
    assert sorted(p for p, v in converted.items() if v == nullable) == POSITIONS
    # Values that merely look like schemas (examples, extensions) are data: left alone.
    left = sorted(p for p, v in converted.items() if v == {"type": ["string", "null"]})
    assert left == ["/components/examples/E/value", "/paths/~1p~1{id}/get/x-extension"]
    assert converted["/paths/~1p~1{id}/get/requestBody/content/application~1json/example"] == {
        "type": ["not", "a schema"]
    }


def test_missing_paths_become_empty_paths_after_info() -> None:
    out = document_to_30(_load("no-paths"))
    assert list(out) == ["openapi", "info", "paths", "components"]
    assert out["paths"] == {}


@pytest.mark.parametrize(
    ("dialect", "kept"),
    [("https://spec.openapis.org/oas/3.1/dialect/base", False)],
)
def test_default_dialect_is_dropped(dialect: str, kept: bool) -> None:
    doc = {"openapi": "3.1.0", "jsonSchemaDialect": dialect, "info": {"title": "t", "version": "1"}}
    assert ("jsonSchemaDialect" in document_to_30(doc)) is kept


def test_custom_dialect_is_refused() -> None:
    doc = {
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://example.com/dialect",
        "info": {"title": "t", "version": "1"},
    }
    with pytest.raises(DeclarationError, match=re.escape("needs openapi 3.1.0 or later")) as caught:
        document_to_30(doc)
    assert caught.value.where == "/jsonSchemaDialect"


def test_document_and_schema_problems_are_reported_together() -> None:
    doc = _load("pets")
    doc["webhooks"] = {"w": {"post": {"responses": {"200": {"description": "OK"}}}}}
    doc["components"]["schemas"]["Pair"] = {
        "prefixItems": [{"type": "integer"}, {"type": "string"}]
    }
    with pytest.raises(DeclarationError) as caught:
        document_to_30(doc)
    message = str(caught.value)
    assert "2 problems" in message
    assert "`webhooks` needs openapi 3.1.0 or later" in message
    assert message.endswith("- at /webhooks")
    assert "- at /components/schemas/Pair/prefixItems" in message


# --- real pydantic models ------------------------------------------------------------------


class Colour(str, enum.Enum):
    red = "red"
    blue = "blue"


class Cat(BaseModel):
    pet_type: Literal["cat"]
    meows: int


class Dog(BaseModel):
    pet_type: Literal["dog"]
    barks: float = Field(examples=[1.5, 2.0])


class Node(BaseModel):
    value: int
    children: list[Node] = []
    parent: Optional[Node] = None  # noqa: UP045 - the spelling users write


class Everything(BaseModel):
    optional: Optional[int] = None  # noqa: UP045
    colour: Colour
    literal: Literal["x", "y"] = "x"
    literal_or_none: Literal["x", None] = None
    union: Union[int, str]  # noqa: UP007
    union_or_none: Union[int, str, None] = None  # noqa: UP007
    pet: Annotated[Union[Cat, Dog], Field(discriminator="pet_type")]  # noqa: UP007
    maybe_pet: Optional[Annotated[Union[Cat, Dog], Field(discriminator="pet_type")]] = None  # noqa: UP007, UP045
    positive: conint(gt=0, le=10)  # type: ignore[valid-type]
    code: constr(min_length=2, max_length=8, pattern="^[A-Z]+$")  # type: ignore[valid-type]
    count: int = Field(default=0, ge=0, examples=[3, 5])
    pair: tuple[int, int]
    many: tuple[str, ...]
    data: bytes
    when: datetime.datetime
    day: Optional[datetime.date] = None  # noqa: UP045
    scores: dict[str, float]
    nodes: dict[str, Node] = {}
    tree: Optional[Node] = None  # noqa: UP045


def _document(*models: type[BaseModel]) -> dict[str, Any]:
    schemas: dict[str, Any] = {}
    for model in models:
        schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
        schemas.update(schema.pop("$defs", {}))
        schemas[model.__name__] = schema
    ref = {"$ref": f"#/components/schemas/{models[0].__name__}"}
    content = {"application/json": {"schema": ref}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "Models", "version": "1.0.0"},
        "paths": {
            "/things": {
                "post": {
                    "requestBody": {"content": content, "required": True},
                    "responses": {"200": {"description": "OK", "content": content}},
                }
            }
        },
        "components": {"schemas": schemas},
    }


def test_pydantic_models_convert_to_a_valid_30_document() -> None:
    doc = _document(Everything)
    validate(copy.deepcopy(doc))
    out = document_to_30(doc)
    validate(out)
    props = out["components"]["schemas"]["Everything"]["properties"]
    assert props["optional"] == {
        "type": "integer",
        "nullable": True,
        "default": None,
        "title": "Optional",
    }
    assert props["tree"]["anyOf"] == [
        {"$ref": "#/components/schemas/Node"},
        {"type": "object", "nullable": True, "enum": [None]},
    ]
    assert props["positive"]["exclusiveMinimum"] is True
    assert props["pair"]["items"] == {"type": "integer"}
    assert props["count"]["example"] == 3


def test_pydantic_heterogeneous_tuple_is_refused_with_its_pointer() -> None:
    class Point(BaseModel):
        where: tuple[int, str]

    with pytest.raises(DeclarationError) as caught:
        document_to_30(_document(Point))
    assert caught.value.where == "/components/schemas/Point/properties/where/prefixItems"
    assert 'openapi="3.1.0"' in str(caught.value)


def test_pydantic_constrained_dict_keys_are_refused() -> None:
    class Labels(BaseModel):
        labels: dict[constr(pattern="^x-"), str]  # type: ignore[valid-type]

    with pytest.raises(DeclarationError, match="patternProperties") as caught:
        document_to_30(_document(Labels))
    assert caught.value.where == "/components/schemas/Labels/properties/labels/patternProperties"


# --- document_to_version -------------------------------------------------------------------


@pytest.mark.parametrize("version", ["3.1.0", "3.1.1", "3.2.0"])
def test_31_and_later_targets_copy_and_set_the_version(version: str) -> None:
    doc = _load("pets")
    untouched = copy.deepcopy(doc)
    out = document_to_version(doc, version)
    assert doc == untouched
    assert out["openapi"] == version
    assert {k: v for k, v in out.items() if k != "openapi"} == {
        k: v for k, v in doc.items() if k != "openapi"
    }
    out["components"]["schemas"]["Pet"]["title"] = "changed"
    assert doc == untouched  # the result shares nothing with the input
    validate(out)


@pytest.mark.parametrize("version", ["3.0.0", "3.0.3", "3.0.4"])
def test_30_targets_convert(version: str) -> None:
    out = document_to_version(_load("pets"), version)
    assert out["openapi"] == version
    validate(out)
    assert out == {**document_to_30(_load("pets")), "openapi": version}


def test_32_features_are_refused_for_31() -> None:
    doc = _load("positions")
    doc["tags"] = [{"name": "a", "kind": "nav"}]
    with pytest.raises(DeclarationError, match=re.escape("needs openapi 3.2.0 or later")) as caught:
        document_to_version(doc, "3.1.0")
    assert caught.value.where == "/tags/0/kind"
    assert document_to_version(doc, "3.2.0")["tags"] == [{"name": "a", "kind": "nav"}]


@pytest.mark.parametrize("version", ["3.3.0", "4.0.0", "3.1", "3.0.10", 31])
def test_unsupported_versions_list_the_supported_ones(version: Any) -> None:
    with pytest.raises(DeclarationError) as caught:
        document_to_version(_load("no-paths"), version)
    assert "use one of 3.0.x, 3.1.x, 3.2.x" in str(caught.value)
    assert caught.value.where == "/openapi"


def test_30_input_stays_30_and_cannot_go_up() -> None:
    doc = {"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {}}
    assert document_to_version(doc, "3.0.1") == {**doc, "openapi": "3.0.1"}
    with pytest.raises(
        DeclarationError, match=re.escape("cannot convert an OpenAPI 3.0.3 document")
    ):
        document_to_version(doc, "3.1.0")


def test_one_schema_object_in_two_places_gives_two_independent_copies() -> None:
    shared: dict[str, Any] = {"type": ["integer", "null"]}
    doc = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "components": {"schemas": {"A": shared, "B": shared, "T": True, "U": True}},
    }
    out = document_to_30(doc)
    schemas = out["components"]["schemas"]
    assert schemas["A"] == schemas["B"] == {"type": "integer", "nullable": True}
    assert schemas["A"] is not schemas["B"]
    assert schemas["T"] == schemas["U"] == {}
    assert schemas["T"] is not schemas["U"]
    assert shared == {"type": ["integer", "null"]}


def test_owned_documents_are_not_copied_for_31_and_32() -> None:
    from openapi_builder.dialects import document_to_version

    for version in ("3.1.0", "3.2.0"):
        doc = {"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": {}}
        assert document_to_version(doc, version, owned=True) is doc
        assert doc["openapi"] == version
        copied = document_to_version(doc, version)
        assert copied is not doc and copied == doc
