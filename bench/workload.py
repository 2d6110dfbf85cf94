"""The shared benchmark workload: N operations in the shape FastAPI emits.

For each operation ``i``: a distinct response model ``Item{i}`` of eight fields, including a
nested model ``Address{i}`` and an enum ``Status{i}``; one path parameter and one query
parameter; a 404 response with the shared ``Message`` model. The helpers build the models
and a plain description of every operation (``operations(n)``) so each side of a build
benchmark (FastAPI here; openapi_builder and apispec in ``bench/build.py``) declares the
very same API.

Run ``python bench/workload.py 200`` to print the size of the FastAPI document for N=200.
"""

from __future__ import annotations

import enum
import sys
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from pydantic import BaseModel, create_model

__all__ = [
    "Message",
    "OperationSpec",
    "fastapi_app",
    "fastapi_document",
    "models_for",
    "operations",
]


class Message(BaseModel):
    """The shared 404 body."""

    message: str


@dataclass(frozen=True, slots=True)
class OperationSpec:
    """One operation of the workload, independent of any framework."""

    index: int
    method: str
    path: str
    operation_id: str
    summary: str
    tag: str
    path_parameter: str  # an int
    query_parameter: str  # an optional str
    response_model: type[BaseModel]


@cache
def models_for(index: int) -> tuple[type[BaseModel], type[BaseModel], type[enum.Enum]]:
    """``(Item{i}, Address{i}, Status{i})``: distinct classes per operation, built once."""
    status = enum.Enum(  # type: ignore[misc]
        f"Status{index}", {"active": "active", "inactive": "inactive", "pending": "pending"},
        type=str,
    )  # fmt: skip
    address = create_model(
        f"Address{index}",
        street=(str, ...),
        city=(str, ...),
        postal_code=(str | None, None),
    )
    item = create_model(
        f"Item{index}",
        id=(int, ...),
        name=(str, ...),
        description=(str | None, None),
        price=(float, ...),
        tags=(list[str], []),
        status=(status, ...),
        address=(address, ...),
        created_at=(datetime, ...),
    )
    return item, address, status


def operations(n: int) -> list[OperationSpec]:
    """The ``n`` operations of the workload, in order."""
    return [
        OperationSpec(
            index=i,
            method="GET",
            path=f"/items{i}/{{item_id}}",
            operation_id=f"read_item_{i}",
            summary=f"Read item {i}",
            tag=f"group{i % 10}",
            path_parameter="item_id",
            query_parameter="q",
            response_model=models_for(i)[0],
        )
        for i in range(n)
    ]


def _endpoint() -> Any:
    def endpoint(item_id: int, q: str | None = None) -> None:
        """Never called: the benchmark only builds the schema."""

    return endpoint


def fastapi_app(n: int) -> Any:
    """A FastAPI app declaring the workload's ``n`` operations."""
    from fastapi import FastAPI

    app = FastAPI(title="Workload", version="1.0.0")
    for spec in operations(n):
        app.add_api_route(
            spec.path,
            _endpoint(),
            methods=[spec.method],
            response_model=spec.response_model,
            responses={404: {"model": Message, "description": "Item not found"}},
            operation_id=spec.operation_id,
            summary=spec.summary,
            tags=[spec.tag],
        )
    return app


def fastapi_document(n: int) -> dict[str, Any]:
    """``fastapi_app(n).openapi()``: the document FastAPI emits for the workload."""
    document: dict[str, Any] = fastapi_app(n).openapi()
    return document


if __name__ == "__main__":
    import json

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    text = json.dumps(fastapi_document(count))
    schemas = json.loads(text)["components"]["schemas"]
    print(f"N={count}: {len(text):,} bytes, {len(schemas):,} component schemas")
