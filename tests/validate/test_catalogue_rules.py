"""The rule catalogue, walked through its fixture pairs.

Each rule has ``fixtures/validate/rules/<rule-id>/{fail,pass}.yaml`` and ``expected.yaml``
(the pointers the rule must report on ``fail.yaml``). One parametrized test runs them all;
a meta-test fails on a rule without fixtures or fixtures without a rule.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from openapi_builder.validate import LINT_RULES, validate
from openapi_builder.validate.catalogue import RULES_BY_ID

from .conftest import FIXTURES

RULE_DIR = FIXTURES / "rules"
RULE_IDS = sorted(RULES_BY_ID)


def _expected(rule_id: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((RULE_DIR / rule_id / "expected.yaml").read_text())
    return data


def _only(rule_id: str) -> dict[str, str]:
    """Turn every rule off but ``rule_id`` (enabled at its default severity, or warning)."""
    rules = {other: "off" for other in RULES_BY_ID if other != rule_id}
    rules[rule_id] = RULES_BY_ID[rule_id].severity
    return rules


def test_every_rule_has_fixtures_and_every_fixture_a_rule() -> None:
    folders = {path.name for path in RULE_DIR.iterdir() if path.is_dir()}
    assert folders == set(RULE_IDS)
    for rule_id in RULE_IDS:
        for name in ("fail.yaml", "pass.yaml", "expected.yaml"):
            assert (RULE_DIR / rule_id / name).is_file(), f"{rule_id}/{name} missing"
        assert _expected(rule_id)["rule"] == rule_id


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_rule_reports_exactly_the_expected_pointers_on_fail(rule_id: str) -> None:
    report = validate(RULE_DIR / rule_id / "fail.yaml", rules=_only(rule_id))
    found = sorted(p.pointer for p in report.problems if p.rule_id == rule_id)
    expected = sorted(item["pointer"] for item in _expected(rule_id)["findings"])
    assert found == expected, report.problems
    for problem in report.problems:
        assert problem.severity == RULES_BY_ID[rule_id].severity
        assert problem.line is not None, f"no file position for {problem}"
        assert problem.hint, f"{rule_id} findings should say what to do"


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_rule_is_silent_on_pass(rule_id: str) -> None:
    report = validate(RULE_DIR / rule_id / "pass.yaml", rules=_only(rule_id))
    assert [p for p in report.problems if p.rule_id == rule_id] == []


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_pass_fixtures_are_clean_under_defaults(rule_id: str) -> None:
    """The passing half of every pair is a valid document under the default rules."""
    report = validate(RULE_DIR / rule_id / "pass.yaml")
    assert report.ok, report.problems


def test_catalogue_rows_are_complete_and_style_rules_off() -> None:
    style = {"operation-summary", "operation-tags", "info-contact", "operation-4xx-response"}
    for rule in LINT_RULES:
        assert rule.id and rule.rationale and rule.severity in ("error", "warning", "info")
        assert rule.enabled == (rule.id not in style)
        assert (rule.check is None) == (rule.id == "structure")
    assert len({rule.id for rule in LINT_RULES}) == len(LINT_RULES)


@pytest.mark.parametrize("rule_id", sorted({"operation-summary", "info-contact"}))
def test_style_rules_run_only_when_enabled(rule_id: str) -> None:
    path: Path = RULE_DIR / rule_id / "fail.yaml"
    assert not [p for p in validate(path).problems if p.rule_id == rule_id]
    enabled = validate(path, rules={rule_id: "info"})
    assert [p.severity for p in enabled.problems if p.rule_id == rule_id] == ["info"]


def test_the_readme_severity_table_is_the_catalogue() -> None:
    from openapi_builder.validate.catalogue import severity_table

    from .conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- validate-rules:start -->\n", 1)[1]
    assert block.split("<!-- validate-rules:end -->", 1)[0] == severity_table()


@pytest.mark.parametrize(
    ("rule_id", "version", "severity"),
    [
        ("default-violates-schema", "2.0", "error"),
        ("default-violates-schema", "3.0", "error"),
        ("default-violates-schema", "3.1", "warning"),
        ("default-violates-schema", "3.2", "warning"),
        ("example-violates-schema", "3.0", "warning"),
        ("path-template-name-repeated", "3.1", "warning"),
        ("path-template-name-repeated", "3.2", "error"),
        ("no-identical-paths", "2.0", "warning"),
        ("no-identical-paths", "3.0", "error"),
        ("allof-required-undefined", "3.1", "warning"),
        ("no-$ref-siblings", "3.1", None),
        ("nullable-type-sibling", "3.0", "warning"),
        ("nullable-type-sibling", "3.1", None),
    ],
)
def test_severities_follow_the_words_of_each_version(
    rule_id: str, version: str, severity: str | None
) -> None:
    assert RULES_BY_ID[rule_id].severity_for(version) == severity  # type: ignore[arg-type]


def test_every_error_rule_rests_on_a_must() -> None:
    from openapi_builder.validate.catalogue import VERSIONS

    for rule in LINT_RULES:
        if any(rule.severity_for(v) == "error" for v in VERSIONS):
            assert "MUST" in rule.basis or "REQUIRED" in rule.basis, rule.id
