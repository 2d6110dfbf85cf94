"""The FastAPI parity cases: each builds one API with FastAPI and with openapi_builder.

The cases follow FastAPI's "Additional Responses in OpenAPI" and "Additional Status Codes"
chapters, plus the naming cases (a class-name collision across modules, an Input/Output
split), a 204 response, and range and ``default`` keys. Every operation names its
``operation_id`` and ``summary`` on both sides, since FastAPI derives them from function names.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI
from fastapi.responses import JSONResponse
from pydantic import BaseModel, computed_field

import openapi_builder as ob
from tests.support import models_a, models_b


class Item(BaseModel):
    id: str
    value: str


class Message(BaseModel):
    message: str


class Priced(BaseModel):
    name: str
    price: float

    @computed_field  # type: ignore[prop-decorator]
    @property
    def price_with_tax(self) -> float:
        return round(self.price * 1.2, 2)


ITEM_ID = ob.Parameter("item_id", "path", str)
PREDEFINED: dict[int | str, dict[str, Any]] = {
    404: {"description": "Item not found"},
    302: {"description": "The item was moved"},
    403: {"description": "Not enough privileges"},
}


@dataclass(frozen=True)
class Case:
    name: str
    fastapi: Callable[[], FastAPI]
    ours: Callable[[], ob.API]


def _app() -> FastAPI:
    return FastAPI(title="Parity", version="1.0.0")


def _api(*operations: ob.Operation) -> ob.API:
    return ob.API("Parity", "1.0.0", operations=operations)


def model_404_fastapi() -> FastAPI:
    app = _app()

    @app.get(
        "/items/{item_id}",
        response_model=Item,
        operation_id="read_item",
        summary="Read Item",
        responses={404: {"model": Message}},
    )
    async def read_item(item_id: str) -> Any: ...

    return app


def model_404_ours() -> ob.API:
    return _api(
        ob.Operation(
            "GET",
            "/items/{item_id}",
            operation_id="read_item",
            summary="Read Item",
            parameters=[ITEM_ID],
            response_model=Item,
            responses={404: {"model": Message}},
        )
    )


def image_png_fastapi() -> FastAPI:
    app = _app()

    @app.get(
        "/items/{item_id}",
        response_model=Item,
        operation_id="read_item",
        summary="Read Item",
        responses={
            200: {"content": {"image/png": {}}, "description": "Return the JSON item or an image."}
        },
    )
    async def read_item(item_id: str) -> Any: ...

    return app


def image_png_ours() -> ob.API:
    return _api(
        ob.Operation(
            "GET",
            "/items/{item_id}",
            operation_id="read_item",
            summary="Read Item",
            parameters=[ITEM_ID],
            response_model=Item,
            responses={
                200: {
                    "content": {"image/png": {}},
                    "description": "Return the JSON item or an image.",
                }
            },
        )
    )


COMBINED = {
    404: {"model": Message, "description": "The item was not found"},
    200: {
        "description": "Item requested by ID",
        "content": {"application/json": {"example": {"id": "bar", "value": "The bar tenders"}}},
    },
}


def combined_fastapi() -> FastAPI:
    app = _app()

    @app.get(
        "/items/{item_id}",
        response_model=Item,
        operation_id="read_item",
        summary="Read Item",
        responses=COMBINED,
    )  # type: ignore[arg-type]
    async def read_item(item_id: str) -> Any: ...

    return app


def combined_ours() -> ob.API:
    return _api(
        ob.Operation(
            "GET",
            "/items/{item_id}",
            operation_id="read_item",
            summary="Read Item",
            parameters=[ITEM_ID],
            response_model=Item,
            responses=COMBINED,
        )
    )


def predefined_fastapi() -> FastAPI:
    app = _app()

    @app.get(
        "/items/{item_id}",
        response_model=Item,
        operation_id="read_item",
        summary="Read Item",
        responses={**PREDEFINED, 200: {"content": {"image/png": {}}}},
    )
    async def read_item(item_id: str) -> Any: ...

    @app.get("/users", operation_id="read_users", summary="Read Users", responses={**PREDEFINED})
    async def read_users() -> Any: ...

    return app


def predefined_ours() -> ob.API:
    return _api(
        ob.Operation(
            "GET",
            "/items/{item_id}",
            operation_id="read_item",
            summary="Read Item",
            parameters=[ITEM_ID],
            response_model=Item,
            responses={**PREDEFINED, 200: {"content": {"image/png": {}}}},
        ),
        ob.Operation(
            "GET",
            "/users",
            operation_id="read_users",
            summary="Read Users",
            response_model=Any,  # FastAPI's handler is annotated "-> Any"
            responses={**PREDEFINED},
        ),
    )


def upsert_fastapi() -> FastAPI:
    app = _app()

    @app.put(
        "/items/{item_id}",
        response_model=Item,
        operation_id="upsert_item",
        summary="Upsert Item",
        responses={201: {"model": Item}},
    )
    async def upsert_item(item_id: str, item: Item) -> Any:
        return JSONResponse(status_code=201, content=item.model_dump())

    return app


def upsert_ours() -> ob.API:
    return _api(
        ob.Operation(
            "PUT",
            "/items/{item_id}",
            operation_id="upsert_item",
            summary="Upsert Item",
            parameters=[ITEM_ID],
            request_body=Item,
            response_model=Item,
            responses={201: {"model": Item}},
        )
    )


def collision_fastapi() -> FastAPI:
    app = _app()

    @app.get("/a", response_model=models_a.Item, operation_id="read_a", summary="Read A")
    async def read_a() -> Any: ...

    @app.get("/b", response_model=models_b.Item, operation_id="read_b", summary="Read B")
    async def read_b() -> Any: ...

    return app


def collision_ours() -> ob.API:
    return _api(
        ob.Operation(
            "GET", "/a", operation_id="read_a", summary="Read A", response_model=models_a.Item
        ),
        ob.Operation(
            "GET", "/b", operation_id="read_b", summary="Read B", response_model=models_b.Item
        ),
    )


def split_fastapi() -> FastAPI:
    app = _app()

    @app.post("/prices", response_model=Priced, operation_id="create_price", summary="Create Price")
    async def create_price(priced: Priced) -> Any: ...

    return app


def split_ours() -> ob.API:
    return _api(
        ob.Operation(
            "POST",
            "/prices",
            operation_id="create_price",
            summary="Create Price",
            request_body=Priced,
            response_model=Priced,
        )
    )


def no_content_fastapi() -> FastAPI:
    app = _app()

    @app.delete(
        "/items/{item_id}",
        status_code=204,
        operation_id="delete_item",
        summary="Delete Item",
        responses={404: {"model": Message}},
    )
    async def delete_item(item_id: str) -> None: ...

    return app


def no_content_ours() -> ob.API:
    return _api(
        ob.Operation(
            "DELETE",
            "/items/{item_id}",
            status_code=204,
            operation_id="delete_item",
            summary="Delete Item",
            parameters=[ITEM_ID],
            responses={404: {"model": Message}},
        )
    )


RANGES = {
    "4XX": {"model": Message},
    "5XX": {"description": "Server trouble"},
    "default": {"model": Message},
}


def ranges_fastapi() -> FastAPI:
    app = _app()

    @app.get(
        "/things",
        response_model=list[Item],
        operation_id="list_things",
        summary="List Things",
        responses=RANGES,
    )  # type: ignore[arg-type]
    async def list_things() -> Any: ...

    return app


def ranges_ours() -> ob.API:
    return _api(
        ob.Operation(
            "GET",
            "/things",
            operation_id="list_things",
            summary="List Things",
            response_model=list[Item],
            responses=RANGES,
        )
    )


CASES = [
    Case("model_404", model_404_fastapi, model_404_ours),
    Case("image_png", image_png_fastapi, image_png_ours),
    Case("combined", combined_fastapi, combined_ours),
    Case("predefined", predefined_fastapi, predefined_ours),
    Case("upsert", upsert_fastapi, upsert_ours),
    Case("name_collision", collision_fastapi, collision_ours),
    Case("input_output", split_fastapi, split_ours),
    Case("no_content", no_content_fastapi, no_content_ours),
    Case("ranges", ranges_fastapi, ranges_ours),
]
