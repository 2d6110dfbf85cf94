"""Step 1: the single jsonschema-rs pass, version detection, messages, depth and cycles."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from openapi_builder.validate import validate
from openapi_builder.validate.structure import check_structure, structure_validator
from openapi_builder.validate.versions import SpecVersion, detect_version


def doc(version: str = "3.1.0", **extra: Any) -> dict[str, Any]:
    document: dict[str, Any] = {
        "openapi": version,
        "info": {"title": "T", "version": "1"},
        "paths": {},
    }
    document.update(extra)
    return document


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ({"openapi": "3.0.3"}, "3.0"),
        ({"openapi": "3.0.0-rc1"}, "3.0"),
        ({"openapi": "3.1.0"}, "3.1"),
        ({"openapi": "3.2.0"}, "3.2"),
        ({"swagger": "2.0"}, "2.0"),
    ],
)
def test_version_detection(document: dict[str, Any], expected: str) -> None:
    version = detect_version(document)
    assert isinstance(version, SpecVersion) and version.key == expected


@pytest.mark.parametrize(
    ("document", "pointer"),
    [
        ({"openapi": "3.3.0"}, "/openapi"),
        ({"openapi": 3.1}, "/openapi"),
        ({"openapi": None}, "/openapi"),
        ({"swagger": 2.0}, "/swagger"),
        ({"info": {}}, ""),
        ([], ""),
        ("openapi", ""),
    ],
)
def test_unknown_versions_are_findings(document: Any, pointer: str) -> None:
    report = validate(document) if not isinstance(document, str) else validate([document])  # type: ignore[arg-type]
    assert [(p.rule_id, p.pointer) for p in report.problems] == [("structure", pointer)]


@pytest.mark.parametrize("version", ["3.1.0", "3.2.0"])
def test_schema_objects_deep_in_components_are_checked_in_the_one_pass(version: str) -> None:
    schema = {"type": "object", "properties": {"a": {"type": "strin"}, "b": {"required": "x"}}}
    nested: dict[str, Any] = {"type": "object", "properties": {"inner": schema}}
    document = doc(version, components={"schemas": {"Deep": {"allOf": [nested]}}})
    findings = check_structure(document, version[:3], depth=12)  # type: ignore[arg-type]
    base = "/components/schemas/Deep/allOf/0/properties/inner/properties"
    assert {(f.pointer, f.rule_id) for f in findings} == {
        (f"{base}/a/type", "structure"),
        (f"{base}/b/required", "structure"),
    }


def test_30_schema_typo_is_reported_at_the_keyword_with_the_types_hint() -> None:
    document = doc("3.0.3", components={"schemas": {"A": {"properties": {"b": {"type": "strin"}}}}})
    (problem,) = [p for p in validate(document).problems if p.severity == "error"]
    assert problem.pointer == "/components/schemas/A/properties/b/type"
    assert "strin" in problem.message and "string" in problem.message
    assert problem.hint is not None and "integer" in problem.hint


def test_one_of_failures_pick_the_informative_branch() -> None:
    document = doc("3.0.3", paths={"/a": {"get": {"responses": {"200": {}}}}})
    (problem,) = validate(document).errors
    assert problem.pointer == "/paths/~1a/get/responses/200"
    assert problem.message == "missing required property 'description'"
    assert problem.hint == "add a description (required on every response)"


def test_enum_branches_are_merged_into_one_list() -> None:
    parameter = {"name": "q", "in": "body", "schema": {}}
    document = doc("3.0.3", paths={"/a": {"get": {"parameters": [parameter], "responses": {}}}})
    (problem,) = [p for p in validate(document).errors if p.pointer.endswith("/in")]
    assert problem.message == '"body" is not one of ["path", "query", "header", "cookie"]'


def test_messages_never_embed_a_subdocument() -> None:
    huge = {f"key{i}": {"nested": list(range(100))} for i in range(200)}
    document = doc("3.0.3", paths={"/a": {"get": {"responses": {"200": huge}}}})
    report = validate(document)
    assert report.problems
    assert all(len(p.message) < 200 for p in report.problems)


def test_validators_are_built_once_per_version() -> None:
    assert structure_validator("3.1") is structure_validator("3.1")
    assert structure_validator("3.0") is not structure_validator("3.1")


def _deep_schema(depth: int) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "string"}
    for _ in range(depth):
        schema = {"type": "object", "properties": {"a": schema}}
    return schema


@pytest.mark.parametrize("version", ["3.0.3", "3.1.0"])
def test_ten_thousand_levels_deep_validate_without_recursion_error(version: str) -> None:
    deep = _deep_schema(10_000)
    leaf = deep
    for _ in range(10_000):
        leaf = leaf["properties"]["a"]
    leaf["type"] = "strin"  # a defect at the very bottom must still be found
    document = doc(version, components={"schemas": {"Deep": deep}})
    report = validate(document, rules={"no-unused-components": "off"})
    (problem,) = report.problems
    assert problem.pointer.endswith("/properties/a/type")
    assert problem.pointer.count("/properties/a") == 10_000


def _cycle(length: int) -> dict[str, Any]:
    schemas = {
        f"S{i}": {
            "type": "object",
            "properties": {"next": {"$ref": f"#/components/schemas/S{(i + 1) % length}"}},
            "default": {"next": {}},
        }
        for i in range(length)
    }
    content = {"application/json": {"schema": {"$ref": "#/components/schemas/S0"}}}
    paths = {"/a": {"get": {"responses": {"200": {"description": "OK", "content": content}}}}}
    return doc("3.1.0", paths=paths, components={"schemas": schemas})


@pytest.mark.parametrize("length", [1, 2, 50])
def test_ref_cycles_validate(length: int) -> None:
    document = _cycle(length)
    before = copy.deepcopy(document)
    report = validate(document)
    assert report.ok, report.problems
    assert document == before


def test_a_schema_that_is_only_a_ref_to_itself_is_reported_not_followed() -> None:
    schemas = {"Loop": {"$ref": "#/components/schemas/Loop"}}
    report = validate(doc("3.1.0", components={"schemas": schemas}))
    assert [p.rule_id for p in report.problems] == ["no-unused-components", "unresolved-ref"]
    assert "never reaches a definition" in report.problems[1].message


def test_python_object_containing_itself_is_a_finding_not_a_hang() -> None:
    schema: dict[str, Any] = {"type": "object", "properties": {}}
    schema["properties"]["self"] = schema
    (problem,) = validate(doc("3.1.0", components={"schemas": {"A": schema}})).problems
    assert problem.rule_id == "structure" and "contains itself" in problem.message


def test_non_json_data_is_a_finding() -> None:
    document: dict[Any, Any] = doc("3.1.0")
    document["info"] = {1: "one"}
    report = validate(document)
    assert any("not JSON data" in p.message for p in report.errors)


@pytest.mark.parametrize("version", ["3.0.3", "3.1.0"])
def test_chunked_validation_finds_what_one_pass_finds(version: str) -> None:
    deep = _deep_schema(60)  # ~120 JSON levels: validated in chunks
    node = deep
    for level in range(60):
        if level % 7 == 0:
            node["minProperties"] = -level - 1  # a defect every few levels, across cuts
        node = node["properties"]["a"]
    document = doc(version, components={"schemas": {"Deep": deep}})
    from openapi_builder.validate.walk import index_document

    index = index_document(document, version[:3])  # type: ignore[arg-type]
    assert index.cuts, "the walk should mark cut points in a document this deep"
    chunked = check_structure(document, version[:3], index.depth, index.cuts)  # type: ignore[arg-type]
    whole = check_structure(document, version[:3], index.depth)  # type: ignore[arg-type]
    assert sorted(f.pointer for f in chunked) == sorted(f.pointer for f in whole)
    assert len(chunked) == 9
