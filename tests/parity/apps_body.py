"""Request bodies: body, body_multiple_params, body_fields, body_nested_models,
schema_extra_example, dataclasses, separate_openapi_schemas."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Literal

from fastapi import Body, FastAPI, Path
from fastapi.openapi.models import Example
from pydantic import BaseModel, Field, HttpUrl

import openapi_builder as ob
from tests.parity.common import App, api, op


class Item(BaseModel):
    name: str
    description: str | None = None
    price: float
    tax: float | None = None


class User(BaseModel):
    username: str
    full_name: str | None = None


def body_001_fastapi() -> FastAPI:
    app = FastAPI()

    @app.post("/items/")
    async def create_item(item: Item):  # type: ignore[no-untyped-def]
        return item

    return app


def body_001_ours() -> ob.API:
    return api(op("POST", "/items/", "create_item", request_body=Item))


def body_004_fastapi() -> FastAPI:
    app = FastAPI()

    @app.put("/items/{item_id}")
    async def update_item(item_id: int, item: Item, q: str | None = None):  # type: ignore[no-untyped-def]
        return {}

    return app


def body_004_ours() -> ob.API:
    return api(
        op(
            "PUT",
            "/items/{item_id}",
            "update_item",
            parameters=[
                ob.Parameter("item_id", "path", int),
                ob.Parameter("q", "query", str | None),
            ],
            request_body=Item,
        )
    )


def multiple_001_fastapi() -> FastAPI:
    app = FastAPI()

    @app.put("/items/{item_id}")
    async def update_item(  # type: ignore[no-untyped-def]
        item_id: Annotated[int, Path(title="The ID of the item to get", ge=0, le=1000)],
        q: str | None = None,
        item: Item | None = None,
    ):
        return {}

    return app


def multiple_001_ours() -> ob.API:
    item_id = Annotated[int, Field(ge=0, le=1000)]
    return api(
        op(
            "PUT",
            "/items/{item_id}",
            "update_item",
            parameters=[
                ob.Parameter("item_id", "path", item_id, title="The ID of the item to get"),
                ob.Parameter("q", "query", str | None),
            ],
            request_body=ob.Body("item", Item | None),
        )
    )


def multiple_002_fastapi() -> FastAPI:
    app = FastAPI()

    @app.put("/items/{item_id}")
    async def update_item(item_id: int, item: Item, user: User):  # type: ignore[no-untyped-def]
        return {}

    return app


def multiple_002_ours() -> ob.API:
    return api(
        op(
            "PUT",
            "/items/{item_id}",
            "update_item",
            parameters=[ob.Parameter("item_id", "path", int)],
            request_body=[ob.Body("item", Item), ob.Body("user", User)],
        )
    )


def multiple_004_fastapi() -> FastAPI:
    app = FastAPI()

    @app.put("/items/{item_id}")
    async def update_item(  # type: ignore[no-untyped-def]
        *,
        item_id: int,
        item: Item,
        user: User,
        importance: Annotated[int, Body(gt=0)],
        q: str | None = None,
    ):
        return {}

    return app


def multiple_004_ours() -> ob.API:
    return api(
        op(
            "PUT",
            "/items/{item_id}",
            "update_item",
            parameters=[
                ob.Parameter("item_id", "path", int),
                ob.Parameter("q", "query", str | None),
            ],
            request_body=[
                ob.Body("item", Item),
                ob.Body("user", User),
                ob.Body("importance", Annotated[int, Field(gt=0)]),
            ],
        )
    )


def multiple_005_fastapi() -> FastAPI:
    app = FastAPI()

    @app.put("/items/{item_id}")
    async def update_item(item_id: int, item: Annotated[Item, Body(embed=True)]):  # type: ignore[no-untyped-def]
        return {}

    return app


def multiple_005_ours() -> ob.API:
    return api(
        op(
            "PUT",
            "/items/{item_id}",
            "update_item",
            parameters=[ob.Parameter("item_id", "path", int)],
            request_body=ob.Body("item", Item, embed=True),
        )
    )


class FieldItem(BaseModel):
    name: str
    description: str | None = Field(
        default=None, title="The description of the item", max_length=300
    )
    price: float = Field(gt=0, description="The price must be greater than zero")
    tax: float | None = None


def body_fields_fastapi() -> FastAPI:
    app = FastAPI()

    @app.put("/items/{item_id}")
    async def update_item(item_id: int, item: Annotated[FieldItem, Body(embed=True)]):  # type: ignore[no-untyped-def]
        return {}

    return app


def body_fields_ours() -> ob.API:
    return api(
        op(
            "PUT",
            "/items/{item_id}",
            "update_item",
            parameters=[ob.Parameter("item_id", "path", int)],
            request_body=[ob.Body("item", FieldItem, embed=True)],
        )
    )


class Image(BaseModel):
    url: HttpUrl
    name: str


class NestedItem(BaseModel):
    name: str
    price: float
    tags: set[str] = set()
    images: list[Image] | None = None


class Offer(BaseModel):
    name: str
    items: list[NestedItem]


def nested_fastapi() -> FastAPI:
    app = FastAPI()

    @app.post("/offers/")
    async def create_offer(offer: Offer):  # type: ignore[no-untyped-def]
        return offer

    @app.post("/images/multiple/")
    async def create_multiple_images(images: list[Image]):  # type: ignore[no-untyped-def]
        return images

    @app.post("/index-weights/")
    async def create_index_weights(weights: dict[int, float]):  # type: ignore[no-untyped-def]
        return weights

    return app


def nested_ours() -> ob.API:
    return api(
        op("POST", "/offers/", "create_offer", request_body=Offer),
        op(
            "POST",
            "/images/multiple/",
            "create_multiple_images",
            request_body=ob.Body("images", list[Image]),
        ),
        op(
            "POST",
            "/index-weights/",
            "create_index_weights",
            request_body=ob.Body("weights", dict[int, float]),
        ),
    )


class ConfigExampleItem(BaseModel):
    name: str
    price: float

    model_config = {"json_schema_extra": {"examples": [{"name": "Foo", "price": 35.4}]}}


def schema_extra_001_fastapi() -> FastAPI:
    app = FastAPI()

    @app.put("/items/{item_id}")
    async def update_item(item_id: int, item: ConfigExampleItem):  # type: ignore[no-untyped-def]
        return {}

    return app


def schema_extra_001_ours() -> ob.API:
    return api(
        op(
            "PUT",
            "/items/{item_id}",
            "update_item",
            parameters=[ob.Parameter("item_id", "path", int)],
            request_body=ConfigExampleItem,
        )
    )


class FieldExampleItem(BaseModel):
    name: str = Field(examples=["Foo"])
    description: str | None = Field(default=None, examples=["A very nice Item"])
    price: float = Field(examples=[35.4])


def schema_extra_002_fastapi() -> FastAPI:
    app = FastAPI()

    @app.put("/items/{item_id}")
    async def update_item(item_id: int, item: FieldExampleItem):  # type: ignore[no-untyped-def]
        return {}

    return app


def schema_extra_002_ours() -> ob.API:
    return api(
        op(
            "PUT",
            "/items/{item_id}",
            "update_item",
            parameters=[ob.Parameter("item_id", "path", int)],
            request_body=FieldExampleItem,
        )
    )


BODY_EXAMPLES = [
    {"name": "Foo", "description": "A very nice Item", "price": 35.4, "tax": 3.2},
    {"name": "Bar", "price": "35.4"},  # FastAPI's docs: data that does not match
    {"name": "Baz", "price": "thirty five point four"},
]


def schema_extra_004_fastapi() -> FastAPI:
    app = FastAPI()

    @app.put("/items/{item_id}")
    async def update_item(item_id: int, item: Annotated[Item, Body(examples=BODY_EXAMPLES)]):  # type: ignore[no-untyped-def]
        return {}

    return app


def schema_extra_004_ours() -> ob.API:
    return api(
        op(
            "PUT",
            "/items/{item_id}",
            "update_item",
            parameters=[ob.Parameter("item_id", "path", int)],
            request_body=ob.Body("item", Item, examples=BODY_EXAMPLES),
        )
    )


OPENAPI_EXAMPLES: dict[str, Any] = {
    "normal": {
        "summary": "A normal example",
        "description": "A **normal** item works correctly.",
        "value": {"name": "Foo", "description": "A very nice Item", "price": 35.4, "tax": 3.2},
    },
    "converted": {
        "summary": "An example with converted data",
        "description": "FastAPI can convert price `strings` to actual `numbers` automatically",
        "value": {"name": "Bar", "price": "35.4"},
    },
    "invalid": {
        "summary": "Invalid data is rejected with an error",
        "value": {"name": "Baz", "price": "thirty five point four"},
    },
}


# Module level: FastAPI resolves the handler's string annotations in this module's globals.
FASTAPI_EXAMPLES = {name: Example(**value) for name, value in OPENAPI_EXAMPLES.items()}  # type: ignore[typeddict-item]


def schema_extra_005_fastapi() -> FastAPI:
    app = FastAPI()

    @app.put("/items/{item_id}")
    async def update_item(  # type: ignore[no-untyped-def]
        *, item_id: int, item: Annotated[Item, Body(openapi_examples=FASTAPI_EXAMPLES)]
    ):
        return {}

    return app


def schema_extra_005_ours() -> ob.API:
    return api(
        op(
            "PUT",
            "/items/{item_id}",
            "update_item",
            parameters=[ob.Parameter("item_id", "path", int)],
            request_body=ob.Body("item", Item, openapi_examples=OPENAPI_EXAMPLES),
        )
    )


@dataclass
class DataItem:
    name: str
    price: float
    description: str | None = None
    tax: float | None = None


def dataclasses_fastapi() -> FastAPI:
    app = FastAPI()

    @app.post("/items/")
    async def create_item(item: DataItem):  # type: ignore[no-untyped-def]
        return item

    return app


def dataclasses_ours() -> ob.API:
    return api(op("POST", "/items/", "create_item", request_body=DataItem))


class SeparateItem(BaseModel):
    name: str
    description: str | None = None


def separate_schemas_fastapi() -> FastAPI:
    app = FastAPI()

    @app.post("/items/")
    def create_item(item: SeparateItem):  # type: ignore[no-untyped-def]
        return item

    @app.get("/items/")
    def read_items() -> list[SeparateItem]:
        return []

    return app


def separate_schemas_ours() -> ob.API:
    return api(
        op("POST", "/items/", "create_item", request_body=SeparateItem),
        op("GET", "/items/", "read_items", response_model=list[SeparateItem]),
    )


class Cat(BaseModel):
    kind: Literal["cat"]


class Dog(BaseModel):
    kind: Literal["dog"]


class Pets(BaseModel):
    pets: list[Annotated[Cat | Dog, Field(discriminator="kind")]] = []


def discriminated_fastapi() -> FastAPI:
    app = FastAPI()

    @app.post("/pets/", response_model=Pets)
    def replace_pets(pets: Pets) -> Any:
        return pets

    return app


def discriminated_ours() -> ob.API:
    return api(op("POST", "/pets/", "replace_pets", request_body=Pets, response_model=Pets))


APPS = [
    App("body_001", "body", body_001_fastapi, body_001_ours),
    App("body_004", "body", body_004_fastapi, body_004_ours),
    App("multiple_params_001", "body_multiple_params", multiple_001_fastapi, multiple_001_ours),
    App("multiple_params_002", "body_multiple_params", multiple_002_fastapi, multiple_002_ours),
    App("multiple_params_004", "body_multiple_params", multiple_004_fastapi, multiple_004_ours),
    App("multiple_params_005", "body_multiple_params", multiple_005_fastapi, multiple_005_ours),
    App("body_fields", "body_fields", body_fields_fastapi, body_fields_ours),
    App("body_nested_models", "body_nested_models", nested_fastapi, nested_ours),
    App(
        "schema_extra_001", "schema_extra_example", schema_extra_001_fastapi, schema_extra_001_ours
    ),
    App(
        "schema_extra_002", "schema_extra_example", schema_extra_002_fastapi, schema_extra_002_ours
    ),
    App(
        "schema_extra_004",
        "schema_extra_example",
        schema_extra_004_fastapi,
        schema_extra_004_ours,
        warns=True,
    ),
    App(
        "schema_extra_005",
        "schema_extra_example",
        schema_extra_005_fastapi,
        schema_extra_005_ours,
        warns=True,
    ),
    App("dataclasses", "dataclasses", dataclasses_fastapi, dataclasses_ours),
    App(
        "separate_schemas",
        "separate_openapi_schemas",
        separate_schemas_fastapi,
        separate_schemas_ours,
    ),
    App(
        "discriminated_union_both_ways",
        "separate_openapi_schemas",
        discriminated_fastapi,
        discriminated_ours,
    ),
]
