"""The benchmark workload builds the shape FastAPI emits, valid for both validators."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

from openapi_spec_validator import validate as reference_validate

from openapi_builder.validate import validate

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
workload = importlib.import_module("workload")
Message, fastapi_document = workload.Message, workload.fastapi_document
models_for, operations = workload.models_for, workload.operations


def test_workload_document_shape() -> None:
    document = fastapi_document(3)
    schemas = document["components"]["schemas"]
    assert {"Item0", "Address0", "Status0", "Item2", "Message"} <= set(schemas)
    assert len(schemas["Item1"]["properties"]) == 8
    operation = document["paths"]["/items1/{item_id}"]["get"]
    assert [(p["name"], p["in"]) for p in operation["parameters"]] == [
        ("item_id", "path"),
        ("q", "query"),
    ]
    assert operation["responses"]["404"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Message"
    }
    assert models_for(1) is models_for(1) and models_for(1)[0] is not models_for(2)[0]
    assert [spec.operation_id for spec in operations(2)] == ["read_item_0", "read_item_1"]
    assert Message(message="x").message == "x"


def test_workload_document_passes_both_validators() -> None:
    document = fastapi_document(5)
    reference_validate(document)
    report = validate(document)
    assert report.ok
    assert {p.rule_id for p in report.problems} == {"operation-tag-defined"}
