"""Components: pydantic types -> schemas collected once, named distinctly and stably."""

from __future__ import annotations

import dataclasses
import enum
from typing import Annotated, Any, Generic, Literal, TypeVar

import pytest
from pydantic import BaseModel, Field, computed_field
from typing_extensions import TypedDict

import openapi_builder as ob
from tests.support import models_a, models_b

T = TypeVar("T")


class Color(enum.Enum):
    RED = "red"
    BLUE = "blue"


class Inner(BaseModel):
    color: Color


class Outer(BaseModel):
    inner: Inner
    tags: list[str] = []
    extra: dict[str, int] | None = None


class Node(BaseModel):
    value: int
    children: list[Node] = []


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int


class Cat(BaseModel):
    kind: Literal["cat"]
    meows: bool


class Dog(BaseModel):
    kind: Literal["dog"]
    barks: bool


class Pet(BaseModel):
    pet: Annotated[Cat | Dog, Field(discriminator="kind")]


class Priced(BaseModel):
    price: float

    @computed_field  # type: ignore[prop-decorator]
    @property
    def with_tax(self) -> float:
        return self.price * 1.2


class Basket(BaseModel):
    item: Priced


@dataclasses.dataclass
class Point:
    x: int
    y: int


class Movie(TypedDict):
    title: str
    year: int


def build(*operations: ob.Operation) -> dict[str, Any]:
    return ob.API("T", "1", operations=operations).build(validate=False)


def schemas(document: dict[str, Any]) -> dict[str, Any]:
    return document["components"]["schemas"]  # type: ignore[no-any-return]


def response_schema(document: dict[str, Any], path: str, method: str = "get") -> Any:
    return document["paths"][path][method]["responses"]["200"]["content"]["application/json"][
        "schema"
    ]


def test_nested_models_and_enums_become_components_referenced_everywhere() -> None:
    document = build(ob.Operation("GET", "/outer", response_model=Outer))
    assert sorted(schemas(document)) == ["Color", "Inner", "Outer"]
    assert schemas(document)["Inner"]["properties"]["color"] == {
        "$ref": "#/components/schemas/Color"
    }
    assert response_schema(document, "/outer") == {"$ref": "#/components/schemas/Outer"}


def test_one_class_appears_once_however_often_it_is_used() -> None:
    document = build(
        ob.Operation("GET", "/a", response_model=Inner),
        ob.Operation("GET", "/b", response_model=list[Inner]),
        ob.Operation("GET", "/c", response_model=Outer),
    )
    assert sorted(schemas(document)) == ["Color", "Inner", "Outer"]
    assert response_schema(document, "/b") == {
        "type": "array",
        "items": {"$ref": "#/components/schemas/Inner"},
        "title": "Response Get B",
    }


def test_same_name_in_two_modules_gets_qualified_names_for_every_member() -> None:
    document = build(
        ob.Operation("GET", "/a", response_model=models_a.Item),
        ob.Operation("GET", "/b", response_model=models_b.Item),
    )
    names = sorted(schemas(document))
    assert names == ["tests__support__models_a__Item", "tests__support__models_b__Item"]
    assert schemas(document)["tests__support__models_a__Item"]["required"] == ["name", "price"]
    assert schemas(document)["tests__support__models_b__Item"]["required"] == ["sku"]


def test_classes_with_the_same_module_and_name_are_numbered_not_merged() -> None:
    def make() -> type[BaseModel]:
        class Twin(BaseModel):
            x: int

        return Twin

    first, second = make(), make()
    document = build(
        ob.Operation("GET", "/a", response_model=first),
        ob.Operation("GET", "/b", response_model=second),
    )
    names = sorted(schemas(document))
    assert len(names) == 2 and names[0] != names[1]
    assert response_schema(document, "/a") != response_schema(document, "/b")


def test_names_are_stable_across_builds_and_declaration_order() -> None:
    forward = build(
        ob.Operation("GET", "/a", response_model=models_a.Item),
        ob.Operation("GET", "/b", response_model=models_b.Item),
    )
    backward = build(
        ob.Operation("GET", "/b", response_model=models_b.Item),
        ob.Operation("GET", "/a", response_model=models_a.Item),
    )
    assert schemas(forward) == schemas(backward)


def test_input_output_split_when_schemas_differ() -> None:
    document = build(
        ob.Operation("POST", "/priced", request_body=Priced, response_model=Priced),
    )
    assert sorted(schemas(document)) == ["Priced-Input", "Priced-Output"]
    assert "with_tax" in schemas(document)["Priced-Output"]["properties"]
    assert "with_tax" not in schemas(document)["Priced-Input"]["properties"]
    body = document["paths"]["/priced"]["post"]["requestBody"]["content"]["application/json"]
    assert body["schema"] == {"$ref": "#/components/schemas/Priced-Input"}
    assert response_schema(document, "/priced", "post") == {
        "$ref": "#/components/schemas/Priced-Output"
    }


def test_split_propagates_to_models_that_contain_a_split_model() -> None:
    document = build(ob.Operation("POST", "/basket", request_body=Basket, response_model=Basket))
    assert sorted(schemas(document)) == [
        "Basket-Input",
        "Basket-Output",
        "Priced-Input",
        "Priced-Output",
    ]


def test_no_split_when_schemas_are_equal() -> None:
    document = build(ob.Operation("PUT", "/outer", request_body=Outer, response_model=Outer))
    assert sorted(schemas(document)) == ["Color", "Inner", "Outer"]


def test_recursive_model() -> None:
    document = build(ob.Operation("GET", "/tree", response_model=Node))
    node = schemas(document)["Node"]
    assert node["properties"]["children"]["items"] == {"$ref": "#/components/schemas/Node"}


def test_generic_model() -> None:
    document = build(ob.Operation("GET", "/page", response_model=Page[Inner]))
    assert "Page_Inner_" in schemas(document)
    assert response_schema(document, "/page") == {"$ref": "#/components/schemas/Page_Inner_"}


def test_discriminated_union_mapping_points_at_components() -> None:
    document = build(ob.Operation("GET", "/pet", response_model=Pet))
    pet = schemas(document)["Pet"]["properties"]["pet"]
    assert pet["discriminator"] == {
        "propertyName": "kind",
        "mapping": {"cat": "#/components/schemas/Cat", "dog": "#/components/schemas/Dog"},
    }


@pytest.mark.parametrize(
    ("declared", "expected"),
    [
        (Point, {"$ref": "#/components/schemas/Point"}),
        (Movie, {"$ref": "#/components/schemas/Movie"}),
        (int, {"type": "integer", "title": "Response Get X"}),
        (list[str], {"type": "array", "items": {"type": "string"}, "title": "Response Get X"}),
        (
            dict[str, float],
            {
                "type": "object",
                "additionalProperties": {"type": "number"},
                "title": "Response Get X",
            },
        ),
        (Color, {"$ref": "#/components/schemas/Color"}),
        (
            Cat | Dog,
            {
                "anyOf": [
                    {"$ref": "#/components/schemas/Cat"},
                    {"$ref": "#/components/schemas/Dog"},
                ],
                "title": "Response Get X",
            },
        ),
    ],
)
def test_types_of_every_kind(declared: Any, expected: Any) -> None:
    document = build(ob.Operation("GET", "/x", response_model=declared))
    assert response_schema(document, "/x") == expected


def test_raw_json_schema_passes_through_untouched() -> None:
    raw = {
        "type": "object",
        "properties": {"a": {"type": "string", "x-odd": [1, 2]}},
        "$comment": "kept",
    }
    document = build(ob.Operation("GET", "/x", response_model=raw))
    assert response_schema(document, "/x") == raw
    assert response_schema(document, "/x") is not raw


def test_unsupported_type_names_the_operation() -> None:
    with pytest.raises(ob.DeclarationError) as raised:
        build(ob.Operation("GET", "/x", response_model=object()))
    assert "cannot make a JSON Schema" in str(raised.value)
    assert "GET /x" in str(raised.value)


def test_declared_component_clashing_with_a_model_is_refused() -> None:
    api = ob.API(
        "T",
        "1",
        components={"schemas": {"Inner": {"type": "string"}}},
        operations=[ob.Operation("GET", "/x", response_model=Inner)],
    )
    with pytest.raises(ob.DeclarationError, match=r"\['Inner'\]"):
        api.build(validate=False)


def test_literal_values_keep_their_declared_order_whatever_was_built_before() -> None:
    # Literal["a", "b"] == Literal["b", "a"] for typing; the enums must still differ.
    first = build(ob.Operation("GET", "/x", response_model=Literal["yes", "no"]))
    second = build(
        ob.Operation("GET", "/x", response_model=Literal["no", "yes"]),
        ob.Operation("GET", "/y", response_model=Literal["yes", "no"]),
    )
    assert response_schema(first, "/x")["enum"] == ["yes", "no"]
    assert response_schema(second, "/x")["enum"] == ["no", "yes"]
    assert response_schema(second, "/y")["enum"] == ["yes", "no"]


def test_a_discriminated_union_used_both_ways_is_not_split() -> None:
    class A(BaseModel):
        pets: list[Annotated[Cat | Dog, Field(discriminator="kind")]] = []

    document = build(ob.Operation("POST", "/a", request_body=A, response_model=A))
    assert sorted(schemas(document)) == ["A", "Cat", "Dog"]
    mapping = schemas(document)["A"]["properties"]["pets"]["items"]["discriminator"]["mapping"]
    assert mapping == {"cat": "#/components/schemas/Cat", "dog": "#/components/schemas/Dog"}


def test_a_model_whose_modes_differ_is_still_split() -> None:

    class Priced(BaseModel):
        price: float

        @computed_field  # type: ignore[prop-decorator]
        @property
        def total(self) -> float:
            return self.price

    document = build(ob.Operation("POST", "/p", request_body=Priced, response_model=Priced))
    assert sorted(schemas(document)) == ["Priced-Input", "Priced-Output"]
