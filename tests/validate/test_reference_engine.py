"""``engine="openapi-spec-validator"``: the reference's errors as short findings."""

from __future__ import annotations

from typing import Any

from openapi_builder.validate import validate


def doc(**paths: Any) -> dict[str, Any]:
    return {"openapi": "3.0.3", "info": {"title": "T", "version": "1"}, "paths": paths}


def test_unresolved_ref_becomes_one_short_finding() -> None:
    big = {f"S{i}": {"type": "object", "description": "x" * 200} for i in range(200)}
    document = doc(
        **{"/a": {"get": {"responses": {"200": {"$ref": "#/components/responses/Nope"}}}}}
    )
    document["components"] = {"schemas": big}
    report = validate(document, engine="openapi-spec-validator")
    (problem,) = report.problems
    assert problem.rule_id == "openapi-spec-validator" and problem.severity == "error"
    assert "/components/responses/Nope" in problem.message
    assert len(problem.message) <= 160


def test_structural_errors_keep_their_pointer() -> None:
    report = validate(
        doc(**{"/a": {"get": {"responses": {"200": {}}}}}), engine="openapi-spec-validator"
    )
    assert report.problems and not report.ok
    assert report.problems[0].pointer.startswith("/paths/~1a/get/responses")


def test_valid_documents_are_clean_with_the_reference() -> None:
    report = validate(doc(), engine="openapi-spec-validator")
    assert report.ok and report.problems == ()
