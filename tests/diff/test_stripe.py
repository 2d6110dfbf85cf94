"""The diff on a real pair: Stripe's spec from 2021-05-26 to 2022-04-12."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from openapi_builder.diff import DiffReport, diff
from openapi_builder.load import load

STRIPE = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "stripe"
OLD, NEW = STRIPE / "spec3.2021-05-26.json", STRIPE / "spec3.2022-04-12.json"

pytestmark = pytest.mark.skipif(not OLD.exists(), reason="the Stripe corpus is not here")


@pytest.fixture(scope="module")
def documents() -> tuple[dict[str, Any], dict[str, Any]]:
    return load(OLD), load(NEW)


@pytest.fixture(scope="module")
def report(documents: tuple[dict[str, Any], dict[str, Any]]) -> DiffReport:
    return diff(*documents)


def test_a_document_against_itself_reports_nothing() -> None:
    # Two separate loads: equal content, different objects, so the walk really compares.
    assert diff(load(OLD), load(OLD)).changes == ()


def test_each_change_is_reported_once(report: DiffReport) -> None:
    places = Counter((c.rule_id, c.base_pointer, c.revision_pointer) for c in report.changes)
    assert [place for place, count in places.items() if count > 1] == []
    assert report.breaking and report.warnings and report.infos


def _refs(node: Any) -> Iterator[str]:
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if isinstance(item.get("$ref"), str):
                yield item["$ref"]
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def _operations_reaching(document: dict[str, Any], component: str) -> set[str]:
    """Operations whose success responses reach a component through any chain of $refs:
    computed here independently of the diff's own walk."""
    schemas = document["components"]["schemas"]
    direct = {
        f"#/components/schemas/{name}": set(_refs(schema)) for name, schema in schemas.items()
    }
    target = f"#/components/schemas/{component}"
    found = set()
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method not in ("get", "post", "delete"):
                continue
            seen: set[str] = set()
            todo = list(_refs(operation.get("responses", {})))
            while todo:
                ref = todo.pop()
                if ref in seen:
                    continue
                seen.add(ref)
                todo.extend(direct[ref])
            if target in seen:
                found.add(f"{method.upper()} {path}")
    return found


def test_a_shared_schema_change_lists_every_affected_operation(
    report: DiffReport, documents: tuple[dict[str, Any], dict[str, Any]]
) -> None:
    pointer = "/components/schemas/payment_method/properties/type"
    (change,) = [c for c in report.changes if c.base_pointer == pointer]
    assert change.rule_id == "response-property-enum-value-added"
    assert '"us_bank_account"' in change.args["values"]
    reaching = _operations_reaching(documents[0], "payment_method")
    assert len(reaching) > 100
    assert set(change.operations) == reaching


def test_every_schema_change_is_located_at_its_definition(report: DiffReport) -> None:
    # Changes inside shared components point into components, not into each operation.
    component_changes = [
        c for c in report.changes if (c.base_pointer or "").startswith("/components/")
    ]
    assert component_changes
    assert max(len(c.operations) for c in component_changes) > 100
