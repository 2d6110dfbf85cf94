"""The command line as a whole: help, version, usage errors, colour, rules, hooks, main()."""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Callable

import pytest
import yaml

import openapi_builder as ob
from openapi_builder import cli as cli_module
from openapi_builder.diff import RULES as DIFF_RULES
from openapi_builder.validate import LINT_RULES
from tests.cli.conftest import ROOT, Result

Cli = Callable[..., Result]
COMMANDS = ("build", "check", "validate", "diff", "rules", "docs", "serve")


def test_version(cli: Cli) -> None:
    assert cli("--version") == Result(0, f"openapi-builder {ob.__version__}\n", "")


def test_help_lists_every_command(cli: Cli) -> None:
    result = cli("--help")
    assert result.code == 0
    assert result.err == ""
    for command in COMMANDS:
        assert re.search(rf"^\s+{command}\s+\S", result.out, re.MULTILINE), command
    assert "example:\n  openapi-builder build" in result.out


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(cli: Cli, command: str) -> None:
    result = cli(command, "--help")
    assert (result.code, result.err) == (0, "")
    assert result.out.startswith(f"usage: openapi-builder {command} ")
    assert re.search(rf"^examples?:\n  openapi-builder {command}\b", result.out, re.MULTILINE)


def test_no_command_prints_help_to_stderr_and_exits_2(cli: Cli) -> None:
    result = cli()
    assert result.code == 2
    assert result.out == ""
    assert result.err.startswith("usage: openapi-builder")


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        (["--nope"], "unrecognized arguments: --nope"),
        (["build"], "the following arguments are required: MODULE:ATTR"),
        (["build", "a:b", "--openapi", "2.0"], "invalid choice: '2.0'"),
        (["check", "a:b"], "the following arguments are required: PATH"),
        (["rules", "extra"], "unrecognized arguments: extra"),
    ],
)
def test_usage_errors_are_one_line_on_stderr(cli: Cli, argv: list[str], expected: str) -> None:
    result = cli(*argv)
    assert result.code == 2
    assert result.out == ""
    assert result.err.count("\n") == 1, result.err
    assert expected in result.err
    assert result.err.rstrip().endswith("--help'")


def test_rules_prints_both_catalogues(cli: Cli) -> None:
    result = cli("rules")
    assert (result.code, result.err) == (0, "")
    validate_part, diff_part = result.out.split("diff rules (openapi-builder diff)")
    for rule in LINT_RULES:
        line = next(x for x in validate_part.splitlines() if x.startswith(f"{rule.id} "))
        cells = line.split()[1:5]
        expected = [
            (rule.severity_for(version) or "-") if rule.enabled else "off"
            for version in ("2.0", "3.0", "3.1", "3.2")
        ]
        assert cells == expected, line
        assert rule.rationale in line
    for rule_id, diff_rule in DIFF_RULES.items():
        assert re.search(rf"^{re.escape(rule_id)}\s+{diff_rule.level}\s", diff_part, re.MULTILINE)


def test_error_prefix_is_coloured_only_when_allowed(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("TERM", raising=False)
    argv = ("validate", "does-not-exist.yaml")
    assert cli(*argv).err.startswith("error: ")
    assert cli(*argv, tty=True).err.startswith("\033[1;31merror:\033[0m ")
    monkeypatch.setenv("TERM", "dumb")
    assert cli(*argv, tty=True).err.startswith("error: ")
    monkeypatch.delenv("TERM")
    monkeypatch.setenv("NO_COLOR", "")  # empty: not set, by the NO_COLOR convention
    assert cli(*argv, tty=True).err.startswith("\033[")
    monkeypatch.setenv("NO_COLOR", "1")
    assert cli(*argv, tty=True).err.startswith("error: ")
    assert cli(*argv, "--color", "always").err.startswith("\033[1;31merror:")


def test_main_uses_sys_argv_and_real_streams(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "argv", ["openapi-builder", "--version"])
    assert cli_module.main() == 0
    assert capsys.readouterr().out == f"openapi-builder {ob.__version__}\n"
    assert cli_module.main(["rules", "--bogus"]) == 2
    assert "unrecognized arguments: --bogus" in capsys.readouterr().err


def test_main_survives_a_closed_pipe(monkeypatch: pytest.MonkeyPatch) -> None:
    def closed(*args: object, **kwargs: object) -> int:
        raise BrokenPipeError

    monkeypatch.setattr(cli_module, "run", closed)
    with open("/dev/null", "w") as sink:  # main() points stdout at devnull: give it a real fd
        monkeypatch.setattr(sys, "stdout", sink)
        assert cli_module.main(["rules"]) == 0


def test_nothing_in_the_package_imports_the_faces() -> None:
    import ast

    for path in (ROOT / "openapi_builder").rglob("*.py"):
        if path.name in ("__main__.py", "pytest_plugin.py") or "cli" in path.parent.name:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            for name in names:
                assert not name.endswith(("cli", "pytest_plugin")), f"{path} imports {name}"


# -- .pre-commit-hooks.yaml ---------------------------------------------------------------------

HOOK_KEYS = {
    "id",
    "name",
    "entry",
    "language",
    "description",
    "files",
    "exclude",
    "types",
    "types_or",
    "exclude_types",
    "args",
    "pass_filenames",
    "always_run",
    "require_serial",
    "stages",
    "minimum_pre_commit_version",
    "verbose",
}


def _hooks() -> list[dict[str, object]]:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert isinstance(hooks, list)
    return hooks


def test_precommit_hooks_are_well_formed() -> None:
    hooks = _hooks()
    assert [hook["id"] for hook in hooks] == ["openapi-builder-check", "openapi-builder-validate"]
    for hook in hooks:
        assert set(hook) <= HOOK_KEYS
        assert {"id", "name", "entry", "language"} <= set(hook)
        assert hook["language"] == "python"
        if "files" in hook:
            re.compile(str(hook["files"]))


@pytest.mark.parametrize(
    ("hook_id", "command"),
    [("openapi-builder-check", "check"), ("openapi-builder-validate", "validate")],
)
def test_precommit_entries_are_real_commands(cli: Cli, hook_id: str, command: str) -> None:
    hook = next(h for h in _hooks() if h["id"] == hook_id)
    program, *words = str(hook["entry"]).split()
    assert program == "openapi-builder"
    assert words == [command]
    assert cli(*words, "--help").code == 0


@pytest.mark.parametrize(
    ("name", "matched"),
    [
        ("openapi.yaml", True),
        ("api/openapi.v2.json", True),
        ("swagger.yml", True),
        ("docs/openapi.md", False),
        ("config.yaml", False),
        ("my-openapi.yaml", False),
    ],
)
def test_validate_hook_selects_spec_files(name: str, matched: bool) -> None:
    hook = next(h for h in _hooks() if h["id"] == "openapi-builder-validate")
    assert bool(re.search(str(hook["files"]), name)) is matched


def test_check_hook_does_not_take_filenames() -> None:
    hook = next(h for h in _hooks() if h["id"] == "openapi-builder-check")
    # check takes MODULE:ATTR PATH from args; file names appended by pre-commit would break it.
    assert hook["pass_filenames"] is False


def test_streams_are_never_the_process_ones(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_out, fake_err = io.StringIO(), io.StringIO()
    monkeypatch.setattr(sys, "stdout", fake_out)
    monkeypatch.setattr(sys, "stderr", fake_err)
    for argv in (["--help"], ["rules"], ["build", "--help"], ["nope"], ["--version"]):
        cli(*argv)
    assert fake_out.getvalue() == fake_err.getvalue() == ""
