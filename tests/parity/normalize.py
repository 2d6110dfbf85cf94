"""The differences from FastAPI the README lists, normalized away; nothing else is.

1. FastAPI adds a 422 response (and the ``HTTPValidationError``/``ValidationError``
   schemas) to every operation with parameters or a body: its runtime validates requests
   and answers 422. ``ob`` declares documents, not a runtime, so it adds no response the
   user did not declare. The 422 and the two schemas are removed from FastAPI's side
   (the schemas only when nothing else refers to them).
2. FastAPI removes ``"default": null`` from the schemas pydantic generates for a model's
   optional fields (``description: str | None = None``); ``ob`` keeps what pydantic
   generates: the default is part of the model, and a client generator reads it. Every
   ``"default": null`` in a schema of ours is removed before comparing.
"""

from __future__ import annotations

import copy
import json
from typing import Any

FASTAPI_ONLY_SCHEMAS = ("HTTPValidationError", "ValidationError")


def without_default_null(document: dict[str, Any]) -> dict[str, Any]:
    """A copy of our document without ``"default": null`` in its component schemas."""
    document = copy.deepcopy(document)
    stack: list[Any] = [document.get("components", {}).get("schemas", {})]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            if "default" in value and value["default"] is None:
                del value["default"]
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return document


def without_fastapi_validation_errors(document: dict[str, Any]) -> dict[str, Any]:
    document = copy.deepcopy(document)
    operations: list[dict[str, Any]] = []
    for section in ("paths", "webhooks"):
        for item in document.get(section, {}).values():
            operations.extend(item.values())
    while operations:  # callbacks hold operations too
        operation = operations.pop()
        responses = operation.get("responses", {})
        if responses.get("422", {}).get("description") == "Validation Error":
            del responses["422"]
        for callback in operation.get("callbacks", {}).values():
            for item in callback.values():
                operations.extend(item.values())
    schemas = document.get("components", {}).get("schemas", {})
    for name in FASTAPI_ONLY_SCHEMAS:
        schemas.pop(name, None)
    if any(f"#/components/schemas/{name}" in json.dumps(document) for name in FASTAPI_ONLY_SCHEMAS):
        raise AssertionError("a FastAPI validation schema is still referred to")
    if "components" in document and not schemas:
        document["components"].pop("schemas", None)
        if not document["components"]:
            del document["components"]
    return document
