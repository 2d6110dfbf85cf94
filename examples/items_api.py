"""The bundled example: a small Items API declared with openapi_builder.

Run it to print the OpenAPI document as YAML::

    python examples/items_api.py            # YAML
    python examples/items_api.py --json     # JSON
"""

from __future__ import annotations

import enum
import sys
from pathlib import Path

from pydantic import BaseModel, Field

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import openapi_builder as ob


class Status(enum.Enum):
    AVAILABLE = "available"
    SOLD_OUT = "sold_out"


class Item(BaseModel):
    """An item for sale."""

    id: int
    name: str = Field(max_length=80, examples=["Hammer"])
    price: float = Field(gt=0)
    status: Status = Status.AVAILABLE
    tags: list[str] = []


class Message(BaseModel):
    """A human-readable error message."""

    message: str


NOT_FOUND = {404: {"model": Message, "description": "Item not found"}}

api = ob.API(
    title="Items",
    version="1.0.0",
    description="An example API built with openapi_builder.",
    servers=[ob.Server("https://api.example.com", description="Production")],
    tags=[ob.Tag("items", description="Everything about items")],
    security_schemes={"bearer": ob.SecurityScheme(type="http", scheme="bearer")},
    security=[{"bearer": []}],
    responses={500: {"model": Message}},
)
api.add(
    ob.Operation(
        "GET",
        "/items",
        operation_id="list_items",
        summary="List items",
        tags=["items"],
        parameters=[
            ob.Parameter("status", "query", Status | None, description="Filter by status"),
            ob.Parameter("limit", "query", int, default=20, description="Page size"),
        ],
        response_model=list[Item],
    ),
    ob.Operation(
        "GET",
        "/items/{item_id}",
        operation_id="read_item",
        summary="Read an item",
        tags=["items"],
        parameters=[ob.Parameter("item_id", "path", int)],
        response_model=Item,
        responses={**NOT_FOUND, 200: {"content": {"image/png": {}}}},
    ),
    ob.Operation(
        "PUT",
        "/items/{item_id}",
        operation_id="upsert_item",
        summary="Create or replace an item",
        tags=["items"],
        parameters=[ob.Parameter("item_id", "path", int)],
        request_body=Item,
        response_model=Item,
        responses={201: {"model": Item, "description": "Created"}},
    ),
    ob.Operation(
        "DELETE",
        "/items/{item_id}",
        operation_id="delete_item",
        summary="Delete an item",
        tags=["items"],
        parameters=[ob.Parameter("item_id", "path", int)],
        status_code=204,
        responses=NOT_FOUND,
    ),
    ob.Operation("GET", "/health", operation_id="health", summary="Liveness probe", security=[]),
)


def main(argv: list[str]) -> int:
    document = api.build()
    sys.stdout.write(ob.to_json(document) if "--json" in argv else ob.to_yaml(document))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
