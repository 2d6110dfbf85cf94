"""Parameters: path_params, query_params, query_params_str_validations,
path_params_numeric_validations, header_params, cookie_params."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any

from fastapi import Cookie, FastAPI, Header, Path, Query
from pydantic import Field

import openapi_builder as ob
from tests.parity.common import App, api, op


def path_params_001_fastapi() -> FastAPI:
    app = FastAPI()

    @app.get("/items/{item_id}")
    async def read_item(item_id):  # type: ignore[no-untyped-def]
        return {"item_id": item_id}

    return app


def path_params_001_ours() -> ob.API:
    return api(
        op(
            "GET",
            "/items/{item_id}",
            "read_item",
            parameters=[ob.Parameter("item_id", "path", Any)],
        )
    )


def path_params_002_fastapi() -> FastAPI:
    app = FastAPI()

    @app.get("/items/{item_id}")
    async def read_item(item_id: int):  # type: ignore[no-untyped-def]
        return {"item_id": item_id}

    @app.get("/users/me")
    async def read_user_me():  # type: ignore[no-untyped-def]
        return {"user_id": "the current user"}

    return app


def path_params_002_ours() -> ob.API:
    return api(
        op(
            "GET",
            "/items/{item_id}",
            "read_item",
            parameters=[ob.Parameter("item_id", "path", int)],
        ),
        op("GET", "/users/me", "read_user_me"),
    )


class ModelName(str, Enum):
    alexnet = "alexnet"
    resnet = "resnet"
    lenet = "lenet"


def path_params_enum_fastapi() -> FastAPI:
    app = FastAPI()

    @app.get("/models/{model_name}")
    async def get_model(model_name: ModelName):  # type: ignore[no-untyped-def]
        return {"model_name": model_name}

    return app


def path_params_enum_ours() -> ob.API:
    return api(
        op(
            "GET",
            "/models/{model_name}",
            "get_model",
            parameters=[ob.Parameter("model_name", "path", ModelName)],
        )
    )


def path_params_file_fastapi() -> FastAPI:
    app = FastAPI()

    @app.get("/files/{file_path:path}")
    async def read_file(file_path: str):  # type: ignore[no-untyped-def]
        return {"file_path": file_path}

    return app


def path_params_file_ours() -> ob.API:
    return api(
        op(
            "GET",
            "/files/{file_path}",
            "read_file",
            parameters=[ob.Parameter("file_path", "path", str)],
        )
    )


def query_params_001_fastapi() -> FastAPI:
    app = FastAPI()

    @app.get("/items/")
    async def read_item(skip: int = 0, limit: int = 10):  # type: ignore[no-untyped-def]
        return []

    return app


def query_params_001_ours() -> ob.API:
    return api(
        op(
            "GET",
            "/items/",
            "read_item",
            parameters=[
                ob.Parameter("skip", "query", int, default=0),
                ob.Parameter("limit", "query", int, default=10),
            ],
        )
    )


def query_params_003_fastapi() -> FastAPI:
    app = FastAPI()

    @app.get("/items/{item_id}")
    async def read_item(item_id: str, q: str | None = None, short: bool = False):  # type: ignore[no-untyped-def]
        return {}

    return app


def query_params_003_ours() -> ob.API:
    return api(
        op(
            "GET",
            "/items/{item_id}",
            "read_item",
            parameters=[
                ob.Parameter("item_id", "path", str),
                ob.Parameter("q", "query", str | None),
                ob.Parameter("short", "query", bool, default=False),
            ],
        )
    )


def query_params_006_fastapi() -> FastAPI:
    app = FastAPI()

    @app.get("/items/{item_id}")
    async def read_user_item(  # type: ignore[no-untyped-def]
        item_id: str, needy: str, skip: int = 0, limit: int | None = None
    ):
        return {}

    return app


def query_params_006_ours() -> ob.API:
    return api(
        op(
            "GET",
            "/items/{item_id}",
            "read_user_item",
            parameters=[
                ob.Parameter("item_id", "path", str),
                ob.Parameter("needy", "query", str),
                ob.Parameter("skip", "query", int, default=0),
                ob.Parameter("limit", "query", int | None),
            ],
        )
    )


def str_validations_003_fastapi() -> FastAPI:
    app = FastAPI()

    @app.get("/items/")
    async def read_items(  # type: ignore[no-untyped-def]
        q: Annotated[str | None, Query(min_length=3, max_length=50, pattern="^fixedquery$")] = None,
    ):
        return {}

    return app


def str_validations_003_ours() -> ob.API:
    q = Annotated[str | None, Field(min_length=3, max_length=50, pattern="^fixedquery$")]
    return api(op("GET", "/items/", "read_items", parameters=[ob.Parameter("q", "query", q)]))


def str_validations_006_fastapi() -> FastAPI:
    app = FastAPI()

    @app.get("/items/")
    async def read_items(q: Annotated[str, Query(min_length=3)] = "fixedquery"):  # type: ignore[no-untyped-def]
        return {}

    return app


def str_validations_006_ours() -> ob.API:
    q = Annotated[str, Field(min_length=3)]
    return api(
        op(
            "GET",
            "/items/",
            "read_items",
            parameters=[ob.Parameter("q", "query", q, default="fixedquery")],
        )
    )


DESCRIPTION_010 = "Query string for the items to search in the database that have a good match"


def str_validations_010_fastapi() -> FastAPI:
    app = FastAPI()

    @app.get("/items/")
    async def read_items(  # type: ignore[no-untyped-def]
        q: Annotated[
            str | None,
            Query(
                alias="item-query",
                title="Query string",
                description=DESCRIPTION_010,
                min_length=3,
                max_length=50,
                pattern="^fixedquery$",
                deprecated=True,
            ),
        ] = None,
    ):
        return {}

    return app


def str_validations_010_ours() -> ob.API:
    q = Annotated[str | None, Field(min_length=3, max_length=50, pattern="^fixedquery$")]
    return api(
        op(
            "GET",
            "/items/",
            "read_items",
            parameters=[
                ob.Parameter(
                    "q",
                    "query",
                    q,
                    alias="item-query",
                    title="Query string",
                    description=DESCRIPTION_010,
                    deprecated=True,
                )
            ],
        )
    )


def str_validations_011_fastapi() -> FastAPI:
    app = FastAPI()

    @app.get("/items/")
    async def read_items(q: Annotated[list[str] | None, Query()] = None):  # type: ignore[no-untyped-def]
        return {}

    return app


def str_validations_011_ours() -> ob.API:
    return api(
        op(
            "GET",
            "/items/",
            "read_items",
            parameters=[ob.Parameter("q", "query", list[str] | None)],
        )
    )


def str_validations_012_fastapi() -> FastAPI:
    app = FastAPI()

    @app.get("/items/")
    async def read_items(q: Annotated[list[str], Query()] = ["foo", "bar"]):  # type: ignore[no-untyped-def]  # noqa: B006
        return {}

    return app


def str_validations_012_ours() -> ob.API:
    return api(
        op(
            "GET",
            "/items/",
            "read_items",
            parameters=[ob.Parameter("q", "query", list[str], default=["foo", "bar"])],
        )
    )


def str_validations_014_fastapi() -> FastAPI:
    app = FastAPI()

    @app.get("/items/")
    async def read_items(  # type: ignore[no-untyped-def]
        hidden_query: Annotated[str | None, Query(include_in_schema=False)] = None,
    ):
        return {}

    return app


def str_validations_014_ours() -> ob.API:
    hidden = ob.Parameter("hidden_query", "query", str | None, include_in_schema=False)
    return api(op("GET", "/items/", "read_items", parameters=[hidden]))


def str_validations_examples_fastapi() -> FastAPI:
    app = FastAPI()

    @app.get("/items/")
    async def read_items(  # type: ignore[no-untyped-def]
        q: Annotated[
            str | None,
            Query(
                examples=["fixedquery"],
                openapi_examples={"normal": {"summary": "A normal query", "value": "fixedquery"}},
            ),
        ] = None,
    ):
        return {}

    return app


def str_validations_examples_ours() -> ob.API:
    q = ob.Parameter(
        "q",
        "query",
        str | None,
        examples=["fixedquery"],
        openapi_examples={"normal": {"summary": "A normal query", "value": "fixedquery"}},
    )
    return api(op("GET", "/items/", "read_items", parameters=[q]))


def numeric_001_fastapi() -> FastAPI:
    app = FastAPI()

    @app.get("/items/{item_id}")
    async def read_items(  # type: ignore[no-untyped-def]
        item_id: Annotated[int, Path(title="The ID of the item to get")],
        q: Annotated[str | None, Query(alias="item-query")] = None,
    ):
        return {}

    return app


def numeric_001_ours() -> ob.API:
    return api(
        op(
            "GET",
            "/items/{item_id}",
            "read_items",
            parameters=[
                ob.Parameter("item_id", "path", int, title="The ID of the item to get"),
                ob.Parameter("q", "query", str | None, alias="item-query"),
            ],
        )
    )


def numeric_006_fastapi() -> FastAPI:
    app = FastAPI()

    @app.get("/items/{item_id}")
    async def read_items(  # type: ignore[no-untyped-def]
        *,
        item_id: Annotated[int, Path(title="The ID of the item to get", ge=0, le=1000)],
        q: str,
        size: Annotated[float, Query(gt=0, lt=10.5)],
    ):
        return {}

    return app


def numeric_006_ours() -> ob.API:
    return api(
        op(
            "GET",
            "/items/{item_id}",
            "read_items",
            parameters=[
                ob.Parameter(
                    "item_id",
                    "path",
                    Annotated[int, Field(title="The ID of the item to get", ge=0, le=1000)],
                ),
                ob.Parameter("q", "query", str),
                ob.Parameter("size", "query", Annotated[float, Field(gt=0, lt=10.5)]),
            ],
        )
    )


def header_params_fastapi() -> FastAPI:
    app = FastAPI()

    @app.get("/items/")
    async def read_items(  # type: ignore[no-untyped-def]
        user_agent: Annotated[str | None, Header()] = None,
        x_token: Annotated[list[str] | None, Header()] = None,
    ):
        return {}

    return app


def header_params_ours() -> ob.API:
    return api(
        op(
            "GET",
            "/items/",
            "read_items",
            parameters=[
                ob.Parameter("user-agent", "header", str | None),
                ob.Parameter("x-token", "header", list[str] | None),
            ],
        )
    )


def cookie_params_fastapi() -> FastAPI:
    app = FastAPI()

    @app.get("/items/")
    async def read_items(ads_id: Annotated[str | None, Cookie()] = None):  # type: ignore[no-untyped-def]
        return {"ads_id": ads_id}

    return app


def cookie_params_ours() -> ob.API:
    return api(
        op(
            "GET",
            "/items/",
            "read_items",
            parameters=[ob.Parameter("ads_id", "cookie", str | None)],
        )
    )


def enum_query_default_fastapi() -> FastAPI:
    app = FastAPI()

    @app.get("/models/")
    async def list_models(model: ModelName = ModelName.lenet):  # type: ignore[no-untyped-def]
        return {}

    return app


def enum_query_default_ours() -> ob.API:
    return api(
        op(
            "GET",
            "/models/",
            "list_models",
            parameters=[ob.Parameter("model", "query", ModelName, default=ModelName.lenet)],
        )
    )


APPS = [
    App("path_params_001", "path_params", path_params_001_fastapi, path_params_001_ours),
    App("path_params_002", "path_params", path_params_002_fastapi, path_params_002_ours),
    App("path_params_enum", "path_params", path_params_enum_fastapi, path_params_enum_ours),
    App("path_params_file", "path_params", path_params_file_fastapi, path_params_file_ours),
    App("query_params_001", "query_params", query_params_001_fastapi, query_params_001_ours),
    App("query_params_003", "query_params", query_params_003_fastapi, query_params_003_ours),
    App("query_params_006", "query_params", query_params_006_fastapi, query_params_006_ours),
    App(
        "str_validations_003",
        "query_params_str_validations",
        str_validations_003_fastapi,
        str_validations_003_ours,
    ),
    App(
        "str_validations_006",
        "query_params_str_validations",
        str_validations_006_fastapi,
        str_validations_006_ours,
    ),
    App(
        "str_validations_010",
        "query_params_str_validations",
        str_validations_010_fastapi,
        str_validations_010_ours,
    ),
    App(
        "str_validations_011",
        "query_params_str_validations",
        str_validations_011_fastapi,
        str_validations_011_ours,
    ),
    App(
        "str_validations_012",
        "query_params_str_validations",
        str_validations_012_fastapi,
        str_validations_012_ours,
    ),
    App(
        "str_validations_014",
        "query_params_str_validations",
        str_validations_014_fastapi,
        str_validations_014_ours,
    ),
    App(
        "str_validations_examples",
        "query_params_str_validations",
        str_validations_examples_fastapi,
        str_validations_examples_ours,
    ),
    App("numeric_001", "path_params_numeric_validations", numeric_001_fastapi, numeric_001_ours),
    App("numeric_006", "path_params_numeric_validations", numeric_006_fastapi, numeric_006_ours),
    App("header_params", "header_params", header_params_fastapi, header_params_ours),
    App("cookie_params", "cookie_params", cookie_params_fastapi, cookie_params_ours),
    App("enum_query_default", "query_params", enum_query_default_fastapi, enum_query_default_ours),
]
