"""The public API used the way a user would, for mypy --strict (tests/test_typing.py).

Not a test module: it is type-checked, and imported once to be sure it also runs.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel

import openapi_builder as ob


class Item(BaseModel):
    name: str


COMMON: dict[int | str, dict[str, object]] = {404: {"description": "Not found"}}


def make_api() -> ob.API:
    api = ob.API(
        "Items",
        "1.0.0",
        "3.1.0",
        servers=[ob.Server("https://api.example.com")],
        tags=[ob.Tag("items", description="Items")],
        security_schemes={"bearer": ob.SecurityScheme(type="http", scheme="bearer")},
        security=[{"bearer": []}],
        responses={500: ob.Response(description="Oops")},
    )
    api.add(
        ob.Operation(
            "GET",
            "/items/{item_id}",
            operation_id="read_item",
            tags=["items"],
            parameters=[
                ob.Parameter("item_id", "path", int),
                ob.Parameter("q", "query", str | None),
            ],
            response_model=Item,
            responses={**COMMON, 200: {"content": {"image/png": {}}}},
        ),
        ob.Operation(
            "POST",
            "/items",
            request_body=ob.RequestBody(Item, description="The item"),
            response_model=Item,
            status_code=201,
            responses={"4XX": ob.Response(model=Item, headers={"X-Id": ob.Header(int)})},
            security=[],
        ),
    )
    return api


def use(tmp: Path) -> tuple[bool, int]:
    document: dict[str, object] = make_api().build()
    text: str = ob.to_yaml(document) + ob.to_json(document)
    written: Path = make_api().write(tmp / "openapi.json")
    loaded: dict[str, object] = ob.load(written)
    report: ob.ValidationReport = ob.validate(loaded)
    problems: tuple[ob.Problem, ...] = report.problems
    changes: ob.DiffReport = ob.diff(loaded, document)
    bundled: dict[str, object] = ob.bundle(written, root=tmp)
    assert bundled == loaded
    followed: ob.ValidationReport = ob.validate(written, follow_refs=True, root=tmp)
    assert followed.ok
    try:
        ob.loads(text[:10])
    except ob.LoadError as error:
        _where: int | None = error.line
    return report.ok and not problems, changes.exit_code
