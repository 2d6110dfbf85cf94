"""Recipes: random API declarations written as plain JSON data, and how to realize them.

A recipe is what the hypothesis strategies generate (``strategies.py``). Keeping it plain data
(no classes, no callables) lets the same recipe be shrunk by hypothesis, stored as a fixture in
``fixtures/reliability/``, and sent to a subprocess running with another ``PYTHONHASHSEED``.

``realize(recipe, openapi)`` turns a recipe into an ``ob.API`` plus the list of mutable user
inputs it was built from (responses dicts, raw schemas, ``openapi_extra``...), so tests can
check that building leaves them unchanged.

Run as a script (``python -m tests.reliability.recipes RECIPES.json``) it builds every recipe
for every supported version and prints one line of JSON per build: the JSON and YAML text, or
the DeclarationError's message. The determinism test compares that output across seeds.

Type specs (``TypeSpec``) are small lists: ``["int"]``, ``["str"]``, ``["float"]``,
``["bool"]``, ``["list", T]``, ``["optional", T]``, ``["dict", T]``, ``["literal", [...]]``,
``["model", key]`` and ``["raw", {json schema}]``.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from typing import Any, Literal, Optional

from pydantic import create_model
from typing_extensions import TypedDict

import openapi_builder as ob

__all__ = ["VERSIONS", "Realized", "build_all", "realize"]

VERSIONS = ("3.0.3", "3.1.0", "3.2.0")

Recipe = dict[str, Any]
TypeSpec = list[Any]


@dataclasses.dataclass
class Realized:
    """An API built from a recipe and every mutable object the recipe handed to it."""

    api: ob.API
    inputs: list[Any]


class _Models:
    """The recipe's classes, created once; pydantic models may refer to any model by key."""

    def __init__(self, specs: list[dict[str, Any]]) -> None:
        self.classes: dict[str, Any] = {}
        pydantic_models = []
        for spec in specs:
            cls: Any
            form = spec["form"]
            if form == "pydantic":
                # Forward references by key let models refer to later ones and to themselves.
                fields: dict[str, Any] = {
                    name: (self.annotation(t, forward=True), ...) for name, t in spec["fields"]
                }
                cls = create_model(spec["name"], __module__=spec["module"], **fields)
                pydantic_models.append(cls)
            elif form == "dataclass":
                cls = dataclasses.make_dataclass(
                    spec["name"], [(name, self.annotation(t)) for name, t in spec["fields"]]
                )
                cls.__module__ = spec["module"]
            else:
                fields = {name: self.annotation(t) for name, t in spec["fields"]}
                cls = TypedDict(spec["name"], fields)  # type: ignore[misc,no-redef]
                cls.__module__ = spec["module"]
            self.classes[spec["key"]] = cls
        for model in pydantic_models:
            model.model_rebuild(_types_namespace=dict(self.classes))

    def annotation(self, spec: TypeSpec, *, forward: bool = False) -> Any:
        kind = spec[0]
        if kind in _SCALARS:
            return _SCALARS[kind]
        if kind == "list":
            return list[self.annotation(spec[1], forward=forward)]  # type: ignore[misc]
        if kind == "dict":
            return dict[str, self.annotation(spec[1], forward=forward)]  # type: ignore[misc]
        if kind == "optional":
            return Optional[self.annotation(spec[1], forward=forward)]  # noqa: UP045
        if kind == "literal":
            return Literal[tuple(spec[1])]
        if kind == "model":
            return spec[1] if forward and spec[1] not in self.classes else self.classes[spec[1]]
        raise ValueError(f"type spec {spec!r} cannot be a field annotation")

    def schema(self, spec: TypeSpec, inputs: list[Any]) -> Any:
        """What a declaration receives: a class or type, or a raw JSON Schema dict."""
        if spec[0] == "raw":
            raw = json.loads(json.dumps(spec[1]))
            inputs.append(raw)
            return raw
        return self.annotation(spec)


_SCALARS: dict[str, Any] = {"int": int, "str": str, "float": float, "bool": bool}


def _status_key(key: dict[str, Any]) -> Any:
    ((_form, value),) = key.items()
    return value  # {"int": 404} -> 404, {"str": "4xx"} -> "4xx", {"bool": true} -> True


def _response(spec: dict[str, Any], models: _Models, inputs: list[Any]) -> Any:
    out: dict[str, Any] = {}
    if spec.get("description") is not None:
        out["description"] = spec["description"]
    if spec.get("model") is not None:
        out["model"] = models.schema(spec["model"], inputs)
    if spec.get("content") is not None:
        out["content"] = {
            media: ({} if t is None else {"schema": models.schema(t, inputs)})
            for media, t in spec["content"]
        }
    if spec.get("headers") is not None:
        out["headers"] = {
            name: ob.Header(models.schema(t, inputs), description=description)
            for name, t, description in spec["headers"]
        }
    if spec.get("form") == "Response":
        return ob.Response(**out)
    inputs.append(out)
    return out


def _responses(pairs: list[Any], models: _Models, inputs: list[Any]) -> dict[Any, Any]:
    out = {_status_key(key): _response(value, models, inputs) for key, value in pairs}
    inputs.append(out)
    return out


def _parameter(spec: dict[str, Any], models: _Models, inputs: list[Any]) -> ob.Parameter:
    kwargs: dict[str, Any] = {}
    for key in ("required", "description", "default", "example", "deprecated"):
        if spec.get(key) is not None:
            kwargs[key] = spec[key]
    return ob.Parameter(spec["name"], spec["in"], models.schema(spec["type"], inputs), **kwargs)


def _request_body(spec: Any, models: _Models, inputs: list[Any]) -> Any:
    if spec is None:
        return None
    if spec["form"] == "type":
        return models.schema(spec["type"], inputs)
    content = {media: ob.MediaType(schema=models.schema(t, inputs)) for media, t in spec["content"]}
    return ob.RequestBody(
        content=content, required=spec["required"], description=spec.get("description")
    )


def _security_scheme(spec: dict[str, Any]) -> ob.SecurityScheme:
    return ob.SecurityScheme(**spec)


def _operation(
    spec: dict[str, Any], recipe: Recipe, models: _Models, inputs: list[Any]
) -> ob.Operation:
    kwargs: dict[str, Any] = {}
    if spec.get("operation_id") is not None:
        kwargs["operation_id"] = spec["operation_id"]
    for key in ("summary", "description", "status_code", "deprecated"):
        if spec.get(key) is not None:
            kwargs[key] = spec[key]
    if spec.get("media_type") is not None:
        kwargs["media_type"] = spec["media_type"]
    if spec.get("tags"):
        kwargs["tags"] = list(spec["tags"])
    if spec.get("params"):
        kwargs["parameters"] = [_parameter(p, models, inputs) for p in spec["params"]]
    body = _request_body(spec.get("body"), models, inputs)
    if body is not None:
        kwargs["request_body"] = body
    if spec.get("response_model") is not None:
        kwargs["response_model"] = models.schema(spec["response_model"], inputs)
    responses = _responses(spec.get("responses", []), models, inputs)
    if spec.get("use_common"):
        # The FastAPI idiom: a shared dict combined with ** into many operations.
        responses = {**recipe["_common"], **responses}
        inputs.append(responses)
    if responses:
        kwargs["responses"] = responses
    if spec.get("security") is not None:
        security = [{name: list(scopes) for name, scopes in req} for req in spec["security"]]
        inputs.append(security)
        kwargs["security"] = security
    if spec.get("openapi_extra") is not None:
        extra = json.loads(json.dumps(spec["openapi_extra"]))
        inputs.append(extra)
        kwargs["openapi_extra"] = extra
    return ob.Operation(spec["method"], spec["path"], **kwargs)


def realize(recipe: Recipe, openapi: str) -> Realized:
    """Declarations for ``recipe`` as an ``ob.API`` emitting ``openapi``.

    Raises whatever the declarations raise on construction (``DeclarationError`` is the
    only acceptable one; the property tests check that).
    """
    inputs: list[Any] = []
    models = _Models(recipe.get("models", []))
    recipe = dict(recipe)
    recipe["_common"] = _responses(recipe.get("common", []), models, inputs)
    operations = [_operation(op, recipe, models, inputs) for op in recipe.get("operations", [])]
    api_responses = _responses(recipe.get("api_responses", []), models, inputs)
    webhooks = {
        name: _operation(op, recipe, models, inputs) for name, op in recipe.get("webhooks", [])
    }
    api = ob.API(
        recipe.get("title", "Reliability"),
        recipe.get("version", "1.0.0"),
        openapi,
        description=recipe.get("description"),
        servers=[ob.Server(url) for url in recipe.get("servers", [])],
        tags=[ob.Tag(name, description=text) for name, text in recipe.get("tags", [])],
        security_schemes={
            name: _security_scheme(spec) for name, spec in recipe.get("security_schemes", [])
        },
        responses=api_responses or None,
        operations=operations,
        webhooks=webhooks or None,
        extensions=dict(recipe.get("extensions", [])) or None,
    )
    return Realized(api, inputs)


def build_all(recipes: list[Recipe]) -> list[dict[str, Any]]:
    """Build every recipe for every version: rendered text, or the DeclarationError message."""
    results: list[dict[str, Any]] = []
    for index, recipe in enumerate(recipes):
        for openapi in VERSIONS:
            try:
                document = realize(recipe, openapi).api.build()
            except ob.DeclarationError as error:
                results.append({"recipe": index, "openapi": openapi, "error": str(error)})
                continue
            results.append(
                {
                    "recipe": index,
                    "openapi": openapi,
                    "json": ob.to_json(document),
                    "yaml": ob.to_yaml(document),
                }
            )
    return results


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as handle:
        loaded = json.load(handle)
    for line in build_all(loaded):
        print(json.dumps(line, sort_keys=True))
