"""Build the same N-operation API side by side, in one run, with four tools.

Columns (seconds, best of ``--runs``; each run declares the API afresh and times the build):

- openapi_builder: ``api.build()`` **with validation on** (structure + semantic checks);
- FastAPI: ``app.openapi()`` on a fresh app (the reference implementation);
- apispec + apispec-pydantic-plugin: registering the models and paths (validates nothing);
- pydantic floor: ``models_json_schema`` for the same models, the work any pydantic-based
  builder must do at least.

Then, for the largest N, openapi-spec-validator on our document beside our own validation.
The workload (models, parameters, the shared 404) is ``bench/workload.py``.

Usage: ``python bench/build.py [--sizes 100 500 2000] [--runs 3] [--skip-reference]``.
Prints a markdown table; bench/RESULTS.md keeps a copy.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import openapi_builder as ob
from bench.workload import Message, fastapi_app, operations
from openapi_builder.validate import validate


def declare_ours(n: int) -> ob.API:
    api = ob.API("Workload", "1.0.0")
    for spec in operations(n):
        api.add(
            ob.Operation(
                spec.method,
                spec.path,
                operation_id=spec.operation_id,
                summary=spec.summary,
                tags=[spec.tag],
                parameters=[
                    ob.Parameter(spec.path_parameter, "path", int),
                    ob.Parameter(spec.query_parameter, "query", str | None),
                ],
                response_model=spec.response_model,
                responses={404: {"model": Message, "description": "Item not found"}},
            )
        )
    return api


def build_ours(n: int) -> Callable[[], Any]:
    api = declare_ours(n)
    return lambda: api.build(validate=True)


def build_fastapi(n: int) -> Callable[[], Any]:
    app = fastapi_app(n)
    return app.openapi  # type: ignore[no-any-return]


def build_apispec(n: int) -> Callable[[], Any]:
    from apispec import APISpec
    from apispec_pydantic_plugin import PydanticPlugin

    specs = operations(n)

    def run() -> Any:
        spec = APISpec(
            title="Workload", version="1.0.0", openapi_version="3.1.0", plugins=[PydanticPlugin()]
        )
        spec.components.schema("Message", model=Message)
        for item in specs:
            name = item.response_model.__name__
            spec.components.schema(name, model=item.response_model)
            spec.path(
                path=item.path,
                operations={
                    item.method.lower(): {
                        "operationId": item.operation_id,
                        "summary": item.summary,
                        "tags": [item.tag],
                        "parameters": [
                            {
                                "name": "item_id",
                                "in": "path",
                                "required": True,
                                "schema": {"type": "integer"},
                            },
                            {
                                "name": "q",
                                "in": "query",
                                "required": False,
                                "schema": {"anyOf": [{"type": "string"}, {"type": "null"}]},
                            },
                        ],
                        "responses": {
                            "200": {
                                "description": "Successful Response",
                                "content": {"application/json": {"schema": _ref(name)}},
                            },
                            "404": {
                                "description": "Item not found",
                                "content": {"application/json": {"schema": _ref("Message")}},
                            },
                        },
                    }
                },
            )
        return spec.to_dict()

    return run


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def build_pydantic_floor(n: int) -> Callable[[], Any]:
    from pydantic.json_schema import models_json_schema

    models = [(spec.response_model, "serialization") for spec in operations(n)]
    models.append((Message, "serialization"))
    return lambda: models_json_schema(models, ref_template="#/components/schemas/{model}")  # type: ignore[arg-type]


TOOLS: dict[str, Callable[[int], Callable[[], Any]]] = {
    "openapi_builder (validated)": build_ours,
    "FastAPI app.openapi()": build_fastapi,
    "apispec + pydantic plugin": build_apispec,
    "pydantic floor": build_pydantic_floor,
}


def best_of(runs: int, prepare: Callable[[], Callable[[], Any]]) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(runs):
        job = prepare()  # declared afresh: no tool reuses a cached document
        gc.collect()
        start = time.perf_counter()
        result = job()
        best = min(best, time.perf_counter() - start)
    return best, result


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 500, 2000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--skip-reference",
        action="store_true",
        help="do not time openapi-spec-validator on the largest document",
    )
    args = parser.parse_args(argv)

    names = list(TOOLS)
    print("| N | " + " | ".join(names) + " | FastAPI / ours | apispec / ours |")
    print("|---|" + "---|" * (len(names) + 2))
    documents: dict[int, Any] = {}
    for n in args.sizes:
        times = {}
        for name, tool in TOOLS.items():
            times[name], result = best_of(args.runs, lambda tool=tool, n=n: tool(n))
            if name.startswith("openapi_builder"):
                documents[n] = result
        ours = times[names[0]]
        cells = " | ".join(f"{times[name]:.3f} s" for name in names)
        print(f"| {n} | {cells} | {times[names[1]] / ours:.1f}x | {times[names[2]] / ours:.2f}x |")
        sys.stdout.flush()

    largest = max(args.sizes)
    document = documents[largest]
    ours_validation, report = best_of(args.runs, lambda: lambda: validate(document, lint=False))
    line = f"\nValidation of the N={largest} document: openapi_builder {ours_validation:.3f} s"
    if not args.skip_reference:
        from openapi_spec_validator import validate as reference

        start = time.perf_counter()
        reference(document)
        theirs = time.perf_counter() - start
        line += f", openapi-spec-validator {theirs:.2f} s ({theirs / ours_validation:.0f}x)"
    print(line + f"; findings: {len(report.problems)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
