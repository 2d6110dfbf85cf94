"""Severity overrides: ``rules=``, config files (YAML, JSON, pyproject.toml), ``lint=False``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from openapi_builder.errors import OpenAPIBuilderError
from openapi_builder.validate import ConfigError, validate

DOC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "T", "version": "1"},
    "paths": {"/a/": {"get": {"responses": {"200": {"description": "OK"}}}}},
    "components": {"schemas": {"Unused": {"type": "string"}}},
}


def rules_of(report: Any) -> dict[str, str]:
    return {p.rule_id: p.severity for p in report.problems}


def test_defaults() -> None:
    assert rules_of(validate(DOC)) == {
        "no-unused-components": "warning",
        "path-keys-no-trailing-slash": "warning",
    }


def test_rules_override_enable_and_turn_off() -> None:
    report = validate(
        DOC,
        rules={"no-unused-components": "off", "path-keys-no-trailing-slash": "error",
               "operation-summary": "info"},
    )  # fmt: skip
    assert rules_of(report) == {"path-keys-no-trailing-slash": "error", "operation-summary": "info"}
    assert not report.ok


def test_lint_false_keeps_only_error_rules() -> None:
    assert validate(DOC, lint=False).problems == ()
    escalated = validate(DOC, lint=False, rules={"no-unused-components": "error"})
    assert rules_of(escalated) == {"no-unused-components": "error"}


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("rules.yaml", "rules:\n  no-unused-components: off\n  operation-tags: error\n"),
        ("rules.json", '{"rules": {"no-unused-components": "off", "operation-tags": "error"}}'),
        (
            "pyproject.toml",
            '[tool.openapi-builder.rules]\n"no-unused-components" = "off"\n'
            '"operation-tags" = "error"\n',
        ),
    ],
)
def test_config_files(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text)
    report = validate(DOC, config=path)
    assert rules_of(report) == {"path-keys-no-trailing-slash": "warning", "operation-tags": "error"}


def test_rules_argument_wins_over_config(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text("rules:\n  no-unused-components: error\n")
    report = validate(DOC, config=path, rules={"no-unused-components": "info"})
    assert rules_of(report)["no-unused-components"] == "info"


@pytest.mark.parametrize(
    ("rules", "fragment"),
    [
        ({"no-unused-component": "off"}, "did you mean no-unused-components"),
        ({"made-up": "off"}, "unknown rule id 'made-up'"),
        ({"no-unused-components": "fatal"}, "must be one of error, warning, info, off"),
    ],
)
def test_bad_overrides_raise_config_error(rules: dict[str, str], fragment: str) -> None:
    with pytest.raises(ConfigError) as caught:
        validate(DOC, rules=rules)
    assert fragment in str(caught.value) and str(caught.value).endswith("- at rules=")
    assert isinstance(caught.value, ValueError | OpenAPIBuilderError)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("rules.yaml", "rules: [1, 2]\n"),
        ("rules.json", "{nope"),
        ("rules.yaml", "rules: {x: error}"),
        ("rules.yaml", "severity: {unresolved-ref: warning}\n"),  # no `rules:` at all
    ],
)
def test_bad_config_files_name_the_file(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text)
    with pytest.raises(ConfigError) as caught:
        validate(DOC, config=path)
    assert str(path) in str(caught.value)


def test_unknown_engine() -> None:
    with pytest.raises(ValueError, match="unknown engine"):
        validate(DOC, engine="spectral")
