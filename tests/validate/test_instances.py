"""Examples and defaults checked against their schemas: as each version reads them, never hung.

One table row per reading the specification asks for; each would fail if the check ignored
the version, the direction or the media type.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from typing import Any

import pytest

from openapi_builder.validate import validate

# The pattern that backtracks exponentially in Python's `re` on a URL it does not match.
EVIL = r"^(https?:\/\/)?([\da-z\.-]+)\.([a-z\.]{2,6})([\/\w \.-]*)*\/?$"
URL = "http://www.example.com/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!"


def _doc(version: str, media: dict[str, Any], *, components: Any = None) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "openapi": version,
        "info": {"title": "T", "version": "1"},
        "paths": {
            "/a": {
                "post": {
                    "operationId": "a",
                    "requestBody": {"content": media},
                    "responses": {"200": {"description": "OK", "content": media}},
                }
            }
        },
    }
    if components is not None:
        doc["components"] = {"schemas": components}
    return doc


def _rules(report: Any) -> list[tuple[str, str, str]]:
    return sorted(
        (p.rule_id, p.severity, p.pointer)
        for p in report.problems
        if p.rule_id in ("example-violates-schema", "default-violates-schema")
    )


PET = {
    "type": "object",
    "required": ["id", "name", "secret"],
    "properties": {
        "id": {"type": "integer", "readOnly": True},
        "name": {"type": "string"},
        "secret": {"type": "string", "writeOnly": True},
    },
}


@pytest.mark.parametrize("version", ["3.0.3", "3.1.0"])
def test_read_only_and_write_only_follow_the_direction(version: str) -> None:
    media = {
        "application/json": {"schema": {"$ref": "#/components/schemas/Pet"}, "example": {}},
    }
    document = _doc(version, media, components={"Pet": PET})
    operation = document["paths"]["/a"]["post"]
    operation["requestBody"]["content"]["application/json"]["example"] = {
        "name": "rex",
        "secret": "s",
    }  # no id: read-only, not sent in requests
    operation["responses"]["200"]["content"] = {
        "application/json": {
            "schema": {"$ref": "#/components/schemas/Pet"},
            "example": {"id": 1, "name": "rex"},  # no secret: write-only, never returned
        }
    }
    assert _rules(validate(document)) == []
    operation["responses"]["200"]["content"]["application/json"]["example"] = {"name": "rex"}
    assert _rules(validate(document)) == [
        (
            "example-violates-schema",
            "warning",
            "/paths/~1a/post/responses/200/content/application~1json/example",
        )
    ]


@pytest.mark.parametrize(
    ("media_type", "checked"),
    [
        ("application/json", True),
        ("application/problem+json", True),
        ("application/xml", False),
        ("text/plain", False),
        ("text/csv", False),
    ],
)
def test_string_examples_of_non_json_media_types_are_serialized_text(
    media_type: str, checked: bool
) -> None:
    schema = {"type": "object", "properties": {"a": {"type": "integer"}}}
    media = {media_type: {"schema": schema, "example": "<a>1</a>"}}
    found = _rules(validate(_doc("3.1.0", media)))
    assert bool(found) == checked
    # A non-string example is a value whatever the media type, and is checked.
    media[media_type]["example"] = {"a": "x"}
    assert _rules(validate(_doc("3.1.0", media)))


@pytest.mark.parametrize(("version", "checked"), [("3.0.3", False), ("3.1.0", True)])
def test_examples_beside_a_ref_are_ignored_where_siblings_are(version: str, checked: bool) -> None:
    components = {
        "Pet": {"type": "object", "properties": {"n": {"type": "integer"}}},
        "Holder": {
            "type": "object",
            "properties": {"pet": {"$ref": "#/components/schemas/Pet", "example": {"n": "x"}}},
        },
    }
    media = {"application/json": {"schema": {"$ref": "#/components/schemas/Holder"}}}
    found = _rules(validate(_doc(version, media, components=components)))
    assert bool(found) == checked


@pytest.mark.parametrize(
    ("version", "severity"),
    [("3.0.3", "error"), ("3.1.0", "warning"), ("3.2.0", "warning")],
)
def test_a_default_that_does_not_match_is_an_error_only_where_the_text_says_must(
    version: str, severity: str
) -> None:
    schema = {"type": "integer", "maximum": 5, "default": 10}
    report = validate(_doc(version, {"application/json": {"schema": schema}}))
    assert {p.severity for p in report.problems if p.rule_id == "default-violates-schema"} == {
        severity
    }
    assert report.ok == (severity != "error")


def test_an_example_mismatch_is_a_warning_in_every_version() -> None:
    for version in ("3.0.3", "3.1.0", "3.2.0"):
        media = {"application/json": {"schema": {"type": "integer"}, "example": "x"}}
        report = validate(_doc(version, media))
        assert report.ok
        assert {p.severity for p in report.problems if p.rule_id.startswith("example")} == {
            "warning"
        }


def test_nullable_admits_null_in_30_examples_and_defaults() -> None:
    schema = {
        "type": "object",
        "properties": {
            "a": {"type": "string", "nullable": True, "default": None},
            "b": {"allOf": [{"$ref": "#/components/schemas/E"}], "nullable": True},
            "c": {"type": "string", "enum": ["x"], "nullable": True},
        },
    }
    media = {"application/json": {"schema": schema, "example": {"a": None, "b": None, "c": None}}}
    document = _doc("3.0.3", media, components={"E": {"type": "string", "enum": ["y"]}})
    assert _rules(validate(document)) == []


def test_a_backtracking_pattern_never_runs_in_python() -> None:
    # Run in a child with a hang guard far above normal: Python's re would never return.
    code = textwrap.dedent(
        f"""
        import openapi_builder as ob
        schema = {{"type": "string", "pattern": {EVIL!r}, "example": {URL!r}}}
        doc = {{"openapi": "3.0.3", "info": {{"title": "T", "version": "1"}},
               "paths": {{}}, "components": {{"schemas": {{"U": schema}}}}}}
        report = ob.validate(doc)
        print(sorted(p.rule_id for p in report.problems))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "example-violates-schema" in result.stdout


def test_the_package_never_compiles_a_document_pattern_with_re() -> None:
    import ast
    from pathlib import Path

    import openapi_builder

    package = Path(openapi_builder.__file__).parent
    offenders = []
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "re"
                and node.args
                and not isinstance(node.args[0], ast.Constant)
            ):
                offenders.append(f"{path.relative_to(package)}:{node.lineno}")
    # Only the CLI's --match-path expressions (the user's own option, not a document) remain.
    assert offenders == ["diff/options.py:68"], offenders
