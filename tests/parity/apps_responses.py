"""Responses: response_model, extra_models, response_status_code, additional_responses,
additional_status_codes, path_operation_configuration, path_operation_advanced_configuration."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, status
from fastapi.responses import FileResponse, JSONResponse
from pydantic import BaseModel

import openapi_builder as ob
from tests.parity.common import App, api, op


class Item(BaseModel):
    name: str
    description: str | None = None
    price: float
    tax: float | None = None
    tags: list[str] = []


class UserIn(BaseModel):
    username: str
    password: str
    email: str  # the docs use EmailStr (needs email-validator)
    full_name: str | None = None


class UserOut(BaseModel):
    username: str
    email: str  # the docs use EmailStr (needs email-validator)
    full_name: str | None = None


def response_model_002_fastapi() -> FastAPI:
    app = FastAPI()

    @app.post("/items/", response_model=Item)
    async def create_item(item: Item) -> Any:
        return item

    @app.get("/items/", response_model=list[Item])
    async def read_items() -> Any:
        return []

    return app


def response_model_002_ours() -> ob.API:
    return api(
        op("POST", "/items/", "create_item", request_body=Item, response_model=Item),
        op("GET", "/items/", "read_items", response_model=list[Item]),
    )


def response_model_003_fastapi() -> FastAPI:
    app = FastAPI()

    @app.post("/user/", response_model=UserOut)
    async def create_user(user: UserIn) -> Any:
        return user

    return app


def response_model_003_ours() -> ob.API:
    return api(op("POST", "/user/", "create_user", request_body=UserIn, response_model=UserOut))


class BaseItem(BaseModel):
    description: str
    type: str


class CarItem(BaseItem):
    type: str = "car"


class PlaneItem(BaseItem):
    type: str = "plane"
    size: int


def extra_models_003_fastapi() -> FastAPI:
    app = FastAPI()

    @app.get("/items/{item_id}", response_model=PlaneItem | CarItem)
    async def read_item(item_id: str) -> Any:
        return {}

    return app


def extra_models_003_ours() -> ob.API:
    return api(
        op(
            "GET",
            "/items/{item_id}",
            "read_item",
            parameters=[ob.Parameter("item_id", "path", str)],
            response_model=PlaneItem | CarItem,
        )
    )


class Named(BaseModel):
    name: str
    description: str


def extra_models_004_fastapi() -> FastAPI:
    app = FastAPI()

    @app.get("/items/", response_model=list[Named])
    async def read_items() -> Any:
        return []

    @app.get("/keyword-weights/", response_model=dict[str, float])
    async def read_keyword_weights() -> Any:
        return {}

    return app


def extra_models_004_ours() -> ob.API:
    return api(
        op("GET", "/items/", "read_items", response_model=list[Named]),
        op("GET", "/keyword-weights/", "read_keyword_weights", response_model=dict[str, float]),
    )


def status_code_fastapi() -> FastAPI:
    app = FastAPI()

    @app.post("/items/", status_code=201)
    async def create_item(name: str) -> Any:
        return {"name": name}

    @app.delete("/items/{item_id}", status_code=status.HTTP_204_NO_CONTENT)
    async def delete_item(item_id: int) -> None:
        return None

    return app


def status_code_ours() -> ob.API:
    return api(
        op(
            "POST",
            "/items/",
            "create_item",
            status_code=201,
            parameters=[ob.Parameter("name", "query", str)],
            response_model=Any,
        ),
        op(
            "DELETE",
            "/items/{item_id}",
            "delete_item",
            status_code=204,
            parameters=[ob.Parameter("item_id", "path", int)],
        ),
    )


class PlainItem(BaseModel):
    id: str
    value: str


class Message(BaseModel):
    message: str


def additional_001_fastapi() -> FastAPI:
    app = FastAPI()

    @app.get("/items/{item_id}", response_model=PlainItem, responses={404: {"model": Message}})
    async def read_item(item_id: str) -> Any:
        return JSONResponse(status_code=404, content={"message": "Item not found"})

    return app


def additional_001_ours() -> ob.API:
    return api(
        op(
            "GET",
            "/items/{item_id}",
            "read_item",
            parameters=[ob.Parameter("item_id", "path", str)],
            response_model=PlainItem,
            responses={404: {"model": Message}},
        )
    )


IMAGE = {200: {"content": {"image/png": {}}, "description": "Return the JSON item or an image."}}


def additional_002_fastapi() -> FastAPI:
    app = FastAPI()

    @app.get("/items/{item_id}", response_model=PlainItem, responses=IMAGE)  # type: ignore[arg-type]
    async def read_item(item_id: str, img: bool | None = None) -> Any:
        return FileResponse("image.png", media_type="image/png")

    return app


def additional_002_ours() -> ob.API:
    return api(
        op(
            "GET",
            "/items/{item_id}",
            "read_item",
            parameters=[
                ob.Parameter("item_id", "path", str),
                ob.Parameter("img", "query", bool | None),
            ],
            response_model=PlainItem,
            responses=IMAGE,
        )
    )


COMBINED: dict[int | str, dict[str, Any]] = {
    404: {"model": Message, "description": "The item was not found"},
    200: {
        "description": "Item requested by ID",
        "content": {"application/json": {"example": {"id": "bar", "value": "The bar tenders"}}},
    },
}


def additional_003_fastapi() -> FastAPI:
    app = FastAPI()

    @app.get("/items/{item_id}", response_model=PlainItem, responses=COMBINED)
    async def read_item(item_id: str) -> Any:
        return {}

    return app


def additional_003_ours() -> ob.API:
    return api(
        op(
            "GET",
            "/items/{item_id}",
            "read_item",
            parameters=[ob.Parameter("item_id", "path", str)],
            response_model=PlainItem,
            responses=COMBINED,
        )
    )


PREDEFINED: dict[int | str, dict[str, Any]] = {
    404: {"description": "Item not found"},
    302: {"description": "The item was moved"},
    403: {"description": "Not enough privileges"},
}


def additional_004_fastapi() -> FastAPI:
    app = FastAPI()

    @app.get(
        "/items/{item_id}",
        response_model=PlainItem,
        responses={**PREDEFINED, 200: {"content": {"image/png": {}}}},
    )
    async def read_item(item_id: str, img: bool | None = None) -> Any:
        return {}

    return app


def additional_004_ours() -> ob.API:
    return api(
        op(
            "GET",
            "/items/{item_id}",
            "read_item",
            parameters=[
                ob.Parameter("item_id", "path", str),
                ob.Parameter("img", "query", bool | None),
            ],
            response_model=PlainItem,
            responses={**PREDEFINED, 200: {"content": {"image/png": {}}}},
        )
    )


def additional_status_codes_fastapi() -> FastAPI:
    app = FastAPI()
    items = {"foo": {"name": "Fighters", "size": 6}}

    @app.put("/items/{item_id}")
    async def upsert_item(item_id: str, name: str | None = None, size: int | None = None) -> Any:
        if item_id in items:
            return items[item_id]
        return JSONResponse(status_code=status.HTTP_201_CREATED, content={})

    return app


def additional_status_codes_ours() -> ob.API:
    # FastAPI documents only the 200: a JSONResponse returned at run time is invisible.
    return api(
        op(
            "PUT",
            "/items/{item_id}",
            "upsert_item",
            parameters=[
                ob.Parameter("item_id", "path", str),
                ob.Parameter("name", "query", str | None),
                ob.Parameter("size", "query", int | None),
            ],
            response_model=Any,
        )
    )


def configuration_fastapi() -> FastAPI:
    app = FastAPI()

    @app.post(
        "/items/",
        response_model=Item,
        status_code=status.HTTP_201_CREATED,
        tags=["items"],
        summary="Create an item",
        response_description="The created item",
    )
    async def create_item(item: Item) -> Any:
        """Create an item with all the information."""
        return item

    @app.get("/items/", tags=["items"], deprecated=True)
    async def read_items() -> Any:
        return []

    @app.get("/users/", tags=["users"])
    async def read_users() -> Any:
        return []

    return app


def configuration_ours() -> ob.API:
    return api(
        op(
            "POST",
            "/items/",
            "create_item",
            response_model=Item,
            status_code=201,
            tags=["items"],
            summary="Create an item",
            description="Create an item with all the information.",
            response_description="The created item",
            request_body=Item,
        ),
        op("GET", "/items/", "read_items", tags=["items"], deprecated=True, response_model=Any),
        op("GET", "/users/", "read_users", tags=["users"], response_model=Any),
    )


def advanced_configuration_fastapi() -> FastAPI:
    app = FastAPI()

    @app.get("/items/", operation_id="some_specific_id_you_define")
    async def read_items() -> Any:
        return []

    @app.get("/hidden/", include_in_schema=False)
    async def read_hidden() -> Any:
        return []

    @app.post(
        "/magic/",
        openapi_extra={
            "requestBody": {
                "content": {"application/json": {"schema": {"type": "object"}}},
                "required": True,
            },
            "x-aperture-labs-portal": "blue",
        },
    )
    async def magic() -> Any:
        return {}

    return app


def advanced_configuration_ours() -> ob.API:
    return api(
        op(
            "GET",
            "/items/",
            "read_items",
            operation_id="some_specific_id_you_define",
            response_model=Any,
        ),
        op("GET", "/hidden/", "read_hidden", include_in_schema=False),
        op(
            "POST",
            "/magic/",
            "magic",
            response_model=Any,
            openapi_extra={
                "requestBody": {
                    "content": {"application/json": {"schema": {"type": "object"}}},
                    "required": True,
                },
                "x-aperture-labs-portal": "blue",
            },
        ),
    )


APPS = [
    App(
        "response_model_002", "response_model", response_model_002_fastapi, response_model_002_ours
    ),
    App(
        "response_model_003", "response_model", response_model_003_fastapi, response_model_003_ours
    ),
    App("extra_models_003", "extra_models", extra_models_003_fastapi, extra_models_003_ours),
    App("extra_models_004", "extra_models", extra_models_004_fastapi, extra_models_004_ours),
    App("response_status_code", "response_status_code", status_code_fastapi, status_code_ours),
    App(
        "additional_responses_001",
        "additional_responses",
        additional_001_fastapi,
        additional_001_ours,
    ),
    App(
        "additional_responses_002",
        "additional_responses",
        additional_002_fastapi,
        additional_002_ours,
    ),
    App(
        "additional_responses_003",
        "additional_responses",
        additional_003_fastapi,
        additional_003_ours,
    ),
    App(
        "additional_responses_004",
        "additional_responses",
        additional_004_fastapi,
        additional_004_ours,
    ),
    App(
        "additional_status_codes",
        "additional_status_codes",
        additional_status_codes_fastapi,
        additional_status_codes_ours,
    ),
    App(
        "path_operation_configuration",
        "path_operation_configuration",
        configuration_fastapi,
        configuration_ours,
    ),
    App(
        "path_operation_advanced_configuration",
        "path_operation_advanced_configuration",
        advanced_configuration_fastapi,
        advanced_configuration_ours,
    ),
]
