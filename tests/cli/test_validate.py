"""``openapi-builder validate``: formats, --fail-on, --config, --engine, exit codes."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree

import pytest

from tests.cli.conftest import FIXTURES, Result

Cli = Callable[..., Result]
VALID, INVALID, WARNING, BROKEN, PROMOTE = (
    str(FIXTURES / "validate" / name)
    for name in ("valid.yaml", "invalid.yaml", "warning.yaml", "broken.yaml", "promote.yaml")
)


@pytest.mark.parametrize(
    ("files", "fail_on", "code"),
    [
        ([VALID], None, 0),
        ([INVALID], None, 1),
        ([WARNING], None, 0),
        ([WARNING], "error", 0),
        ([WARNING], "warning", 1),
        ([WARNING], "info", 1),
        ([VALID], "info", 0),
        ([VALID, INVALID], None, 1),
        ([VALID, WARNING], None, 0),
    ],
)
def test_exit_code_follows_fail_on(
    cli: Cli, files: list[str], fail_on: str | None, code: int
) -> None:
    result = cli("validate", *files, *(["--fail-on", fail_on] if fail_on else []))
    assert result.code == code, result.out + result.err
    assert result.err == ""


def test_text_report_names_rule_file_and_position(cli: Cli) -> None:
    result = cli("validate", INVALID)
    assert "error [unresolved-ref] $ref '#/components/schemas/Missing'" in result.out
    assert f"- at {INVALID}:15:" in result.out
    assert result.out.endswith(f"{INVALID}: 1 error(s)\n")


def test_text_report_of_several_files_has_one_summary_each(cli: Cli) -> None:
    result = cli("validate", VALID, WARNING)
    assert result.out.splitlines()[0] == f"{VALID}: no problems"
    assert result.out.endswith(f"{WARNING}: 1 warning(s)\n")


def test_json_format(cli: Cli) -> None:
    result = cli("validate", INVALID, "--format", "json")
    payload = json.loads(result.out)
    assert payload["ok"] is False
    assert [p["rule_id"] for p in payload["problems"]] == ["unresolved-ref"]
    assert payload["problems"][0]["pointer"].endswith("/schema/$ref")


def test_json_format_of_several_files_is_one_document(cli: Cli) -> None:
    result = cli("validate", WARNING, INVALID, "--format", "json")
    payload = json.loads(result.out)
    assert [(p["source"], p["rule_id"]) for p in payload["problems"]] == [
        (INVALID, "unresolved-ref"),  # sorted by file first
        (WARNING, "no-unused-components"),
    ]
    assert result.code == 1


def test_github_format(cli: Cli) -> None:
    result = cli("validate", INVALID, WARNING, "--format", "github")
    lines = result.out.splitlines()
    assert lines[0].startswith(f"::error file={INVALID},line=15,")
    assert lines[1].startswith(f"::warning file={WARNING},line=15,")
    assert len(lines) == 2


@pytest.mark.parametrize("files", [[INVALID], [VALID, INVALID]], ids=["one", "two"])
def test_junit_format(cli: Cli, files: list[str]) -> None:
    result = cli("validate", *files, "--format", "junit")
    root = ElementTree.fromstring(result.out.split("\n", 1)[1])
    assert root.tag == "testsuites"
    failures = root.findall(".//failure")
    assert [f.get("type") for f in failures] == ["unresolved-ref"]


def test_config_changes_severities(cli: Cli) -> None:
    result = cli("validate", WARNING, "--config", PROMOTE)
    assert result.code == 1
    assert "error [no-unused-components]" in result.out


def test_reference_engine(cli: Cli) -> None:
    assert cli("validate", VALID, "--engine", "openapi-spec-validator").code == 0
    result = cli("validate", INVALID, "--engine", "openapi-spec-validator")
    assert result.code == 1
    assert "[openapi-spec-validator]" in result.out


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["validate", "missing.yaml"], "no such file"),
        (["validate", "."], "directory"),
        (["validate", BROKEN], "invalid YAML"),
        (["validate", VALID, "--config", "missing.yaml"], "missing.yaml"),
        (["validate", VALID, "--config", "unknown-rule.yaml"], "no-such-rule"),
        (["validate", VALID, "--format", "xml"], "invalid choice: 'xml'"),
        (["validate", VALID, "--fail-on", "never-ever"], "invalid choice"),
        (["validate", VALID, "--engine", "other"], "invalid choice"),
        (["validate"], "the following arguments are required: FILE"),
    ],
)
def test_unusable_input_exits_2_with_one_line(
    cli: Cli, argv: list[str], expected: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "unknown-rule.yaml").write_text("rules:\n  no-such-rule: error\n", encoding="utf-8")
    result = cli(*argv)
    assert result.code == 2
    assert result.out == ""
    assert result.err.count("\n") == 1, result.err
    assert expected in result.err
