"""``validate`` never raises on odd input and never mutates it (hypothesis)."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from openapi_builder.validate import ValidationReport, validate

KEYS = st.sampled_from(
    [
        "openapi", "swagger", "info", "paths", "components", "schemas", "$ref", "get",
        "parameters", "responses", "schema", "properties", "required", "items", "allOf",
        "oneOf", "enum", "default", "example", "examples", "type", "name", "in", "tags",
        "/a/{id}", "/a", "200", "4XX", "value", "pattern", "minimum", "maximum", "nullable",
        "operationId", "x-ext", "content", "application/json", "discriminator", "mapping",
    ]
)  # fmt: skip
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 5),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.sampled_from(["3.0.3", "3.1.0", "3.2.0", "2.0", "#/components/schemas/A", "#/x~1y",
                     "[a-", "string", "object", "path", "id", "", "http://x/y#/z"]),
)  # fmt: skip
JSONISH = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(KEYS | st.text(max_size=4), inner, max_size=5)
    ),
    max_leaves=40,
)


@st.composite
def documents(draw: st.DrawFn) -> dict[str, Any]:
    body: dict[str, Any] = draw(st.dictionaries(KEYS, JSONISH, max_size=6))
    version = draw(st.sampled_from(["openapi", "swagger", None]))
    if version == "openapi":
        body["openapi"] = draw(st.sampled_from(["3.0.3", "3.1.0", "3.2.0", "3.9.9", 3]))
    elif version == "swagger":
        body["swagger"] = "2.0"
    return body


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_validate_returns_a_sorted_report_and_never_mutates(document: dict[str, Any]) -> None:
    before = copy.deepcopy(document)
    report = validate(document, rules={"operation-summary": "info", "info-contact": "info"})
    assert isinstance(report, ValidationReport)
    assert list(report.problems) == sorted(report.problems, key=lambda p: p.sort_key())
    assert document == before
    for problem in report.problems:
        assert problem.pointer == "" or problem.pointer.startswith("/")
        assert len(problem.message) <= 250


@settings(max_examples=60, deadline=None)
@given(documents())
def test_validate_is_deterministic(document: dict[str, Any]) -> None:
    assert validate(document) == validate(copy.deepcopy(document))
