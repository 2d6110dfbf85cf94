"""FastAPI parity: the same API declared in FastAPI and here gives the same paths/components.

FastAPI's automatic 422 response (and its two schemas) is stripped from its side: we do not
generate request validation errors.
Each case's document is also kept as a golden file, JSON and YAML, passed through
openapi-spec-validator.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest
from openapi_spec_validator import validate as reference_validate

import openapi_builder as ob
from tests.support.parity import CASES, Case

FASTAPI_ONLY_SCHEMAS = ("HTTPValidationError", "ValidationError")


def fastapi_side(document: dict[str, Any]) -> dict[str, Any]:
    document = copy.deepcopy(document)
    for item in document["paths"].values():
        for operation in item.values():
            operation["responses"].pop("422", None)
    schemas = document.get("components", {}).get("schemas", {})
    for name in FASTAPI_ONLY_SCHEMAS:
        schemas.pop(name, None)
    if not schemas:
        document.pop("components", None)
    return document


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_paths_and_components_equal_fastapi(case: Case) -> None:
    theirs = fastapi_side(case.fastapi().openapi())
    ours = case.ours().build()
    assert ours["paths"] == theirs["paths"]
    assert ours.get("components") == theirs.get("components")


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_golden_documents(case: Case, golden: Callable[[str, str], None]) -> None:
    document = case.ours().build()
    reference_validate(document)
    golden(f"parity/{case.name}.json", ob.to_json(document))
    golden(f"parity/{case.name}.yaml", ob.to_yaml(document))
    assert ob.load(ob.to_yaml(document)) == document
