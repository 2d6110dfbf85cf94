"""The rule catalogue and its cases: one fixture pair per rule, walked by one test."""

from __future__ import annotations

import importlib.util
import re
import string
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from openapi_builder.diff import RULES, diff, format_rules_table
from openapi_builder.diff.rules import format_rules_markdown
from openapi_builder.load import load

CASES = Path(__file__).resolve().parents[2] / "fixtures" / "diff" / "rules"
CASE_IDS = sorted(p.name for p in CASES.iterdir() if p.is_dir())
# The x-sunset cases use 2020-01-31 (passed) and 2999-12-31 (to come).
TODAY = date(2025, 1, 1)


def _observed(base: Any, revision: Any, options: Any = None) -> list[dict[str, Any]]:
    report = diff(base, revision, today=TODAY, **(options or {}))
    return [
        {
            "rule_id": c.rule_id,
            "level": c.level,
            "operations": list(c.operations),
            "base_pointer": c.base_pointer,
            "revision_pointer": c.revision_pointer,
        }
        for c in report.changes
    ]


@pytest.mark.parametrize("rule_id", CASE_IDS)
def test_rule_case(rule_id: str) -> None:
    folder = CASES / rule_id
    expected = yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))["changes"]
    observed = _observed(
        load(folder / "base.yaml"), load(folder / "revision.yaml"), _options(folder)
    )
    assert observed == expected


def _options(folder: Path) -> Any:
    """The diff options a case needs (a deprecation policy), from its ``options.yaml``."""
    path = folder / "options.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None


# Changes that read the same both ways (a -> b and b -> a).
SYMMETRIC = {
    "api-operation-id-removed",
    "ref-unresolvable",
    "request-path-parameter-renamed",
    "request-parameter-type-changed",
    "request-property-type-changed",
    "response-property-type-changed",
    "request-parameter-pattern-changed",
    "request-property-pattern-changed",
    "request-body-type-compatible",
    "response-body-type-compatible",
    "response-media-type-name-changed",
    "response-media-type-parameter-changed",
    # an unreadable x-sunset or stability level is reported on whichever side it is
    "api-invalid-stability-level",
    "api-path-sunset-parse",
    "request-parameter-sunset-parse",
    "request-property-sunset-parse",
    "response-property-sunset-parse",
    # value changes read the same both ways round, in every subject
    *(
        f"{subject}-{suffix}"
        for subject in ("request-parameter", "request-property", "response-property")
        for suffix in (
            "const-changed",
            "content-encoding-changed",
            "content-media-type-changed",
            "default-value-changed",
            "discriminator-mapping-changed",
            "discriminator-property-name-changed",
            "multiple-of-changed",
            "pattern-changed",
        )
    ),
}


@pytest.mark.parametrize("rule_id", sorted(set(CASE_IDS) - SYMMETRIC))
def test_rule_case_reversed_is_not_the_same_rule(rule_id: str) -> None:
    # Swapping the documents must not report the same rule: catches checks that ignore
    # which side is which (a removal reported for an addition).
    folder = CASES / rule_id
    swapped = _observed(
        load(folder / "revision.yaml"), load(folder / "base.yaml"), _options(folder)
    )
    assert rule_id not in {c["rule_id"] for c in swapped}


def test_every_rule_has_a_case_and_every_case_a_rule() -> None:
    assert sorted(RULES) == CASE_IDS


@pytest.mark.parametrize("rule", RULES.values(), ids=lambda r: r.id)
def test_rule_rows_are_complete(rule: Any) -> None:
    assert re.fullmatch(r"[a-z][a-z0-9-]*[a-z0-9]", rule.id)
    assert rule.level in ("breaking", "warning", "info")
    assert rule.direction in ("request", "response", "none")
    fields = {name for _, name, _, _ in string.Formatter().parse(rule.template) if name}
    # Every field renders with text, and nothing is left unformatted.
    message = rule.render(dict.fromkeys(fields, "X"))
    assert "{" not in message and message.strip() == message and message


def test_rules_table_lists_every_rule_once_with_its_level() -> None:
    table = format_rules_table()
    lines = table.splitlines()
    assert lines[0].split() == ["ID", "LEVEL", "DIRECTION", "MESSAGE"]
    assert len(lines) == len(RULES) + 1
    for line, rule in zip(lines[1:], RULES.values(), strict=True):
        assert line.split()[:3] == [rule.id, rule.level, rule.direction]
        assert line.endswith(rule.template)


@pytest.mark.parametrize(
    ("rule_id", "level"),
    [
        ("api-removed-without-deprecation", "breaking"),
        ("request-parameter-became-required", "breaking"),
        ("response-property-enum-value-added", "warning"),
        ("response-property-x-extensible-enum-value-added", "info"),
        ("request-property-type-generalized", "info"),
        ("response-property-type-changed", "breaking"),
        ("request-property-pattern-changed", "warning"),
        ("request-parameter-removed", "warning"),
        ("webhook-removed", "breaking"),
    ],
)
def test_levels_that_the_issue_fixes(rule_id: str, level: str) -> None:
    assert RULES[rule_id].level == level


def test_readme_lists_every_rule_with_its_level_and_direction() -> None:
    readme = (CASES.parents[2] / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- diff-rules:start -->\n", 1)[1].split("<!-- diff-rules:end -->", 1)[0]
    assert block == format_rules_markdown()


@pytest.mark.parametrize("rule", RULES.values(), ids=lambda r: r.id)
def test_breaking_and_warning_rules_say_what_keeps_clients_working(rule: Any) -> None:
    # Rows added with the mitigation column carry one whenever clients can be hurt.
    if rule.mitigation:
        assert rule.level in ("breaking", "warning") and rule.mitigation.strip() == rule.mitigation


def test_a_parameter_alternative_is_named_as_the_parameter() -> None:
    # A parameter's own `anyOf` members are the parameter's value, not a request body property:
    # a change inside one, and one added, carry the parameter's rules and name.
    def spec(alternatives: list[dict[str, Any]]) -> dict[str, Any]:
        parameter = {"name": "q", "in": "query", "schema": {"anyOf": alternatives}}
        operation = {"parameters": [parameter], "responses": {"200": {"description": "OK"}}}
        return {
            "openapi": "3.1.0",
            "info": {"title": "t", "version": "1"},
            "paths": {"/items": {"get": operation}},
        }

    base = spec([{"type": "string", "maxLength": 10}, {"type": "integer"}])
    revision = spec([{"type": "string", "maxLength": 5}, {"type": "integer"}, {"type": "boolean"}])
    changes = {c.rule_id: c.message for c in diff(base, revision).changes}
    assert set(changes) == {
        "request-parameter-max-length-decreased",
        "request-parameter-any-of-added",
    }
    assert all(message.startswith("query parameter q: ") for message in changes.values())


def test_the_committed_cases_are_what_the_generator_writes() -> None:
    # The cases are written by fixtures/diff/make_rule_cases.py, with every expectation by
    # hand; a case edited or added beside it would be lost the next time it runs.
    spec = importlib.util.spec_from_file_location(
        "make_rule_cases", CASES.parent / "make_rule_cases.py"
    )
    assert spec is not None and spec.loader is not None
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    assert sorted(generator.CASES) == CASE_IDS
    for rule, (base, revision, expected) in generator.CASES.items():
        folder = CASES / rule
        assert load(folder / "base.yaml") == base, rule
        assert load(folder / "revision.yaml") == revision, rule
        assert yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8")) == {
            "changes": expected
        }, rule
        assert _options(folder) == generator.OPTIONS.get(rule), rule
