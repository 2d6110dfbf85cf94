"""``openapi-builder diff``: levels, --fail-on, formats, ignore files, path filters, git."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree

import pytest

from tests.cli.conftest import FIXTURES, Result

Cli = Callable[..., Result]
DIFF = FIXTURES / "diff"
BASE = str(DIFF / "base.yaml")
# Each revision of BASE makes exactly one change of one level.
BREAKING, WARNING, INFO = (str(DIFF / f"{n}.yaml") for n in ("breaking", "warning", "info"))


@pytest.mark.parametrize(
    ("revision", "fail_on", "code"),
    [
        (BASE, None, 0),
        (BREAKING, None, 1),
        (WARNING, None, 0),
        (INFO, None, 0),
        (BREAKING, "never", 0),
        (WARNING, "warning", 1),
        (INFO, "warning", 0),
        (INFO, "info", 1),
        (BASE, "info", 0),
        (BREAKING, "breaking", 1),
    ],
)
def test_exit_code_follows_fail_on(cli: Cli, revision: str, fail_on: str | None, code: int) -> None:
    result = cli("diff", BASE, revision, *(["--fail-on", fail_on] if fail_on else []))
    assert result.code == code, result.out + result.err
    assert result.err == ""


def test_text_report(cli: Cli) -> None:
    result = cli("diff", BASE, BREAKING)
    assert result.out.splitlines()[0] == "1 change: 1 breaking, 0 warning, 0 info"
    assert "breaking [api-removed-without-deprecation]" in result.out
    assert "in DELETE /pets/{pet_id}" in result.out


def test_json_format(cli: Cli) -> None:
    payload = json.loads(cli("diff", BASE, WARNING, "--format", "json").out)
    assert payload["summary"]["warning"] == 1
    assert [c["rule_id"] for c in payload["changes"]] == ["request-parameter-removed"]
    assert payload["changes"][0]["operations"] == ["GET /pets"]


def test_markdown_format(cli: Cli) -> None:
    result = cli("diff", BASE, BREAKING, "--format", "markdown")
    assert "api-removed-without-deprecation" in result.out
    assert "|" in result.out  # a table


def test_github_format(cli: Cli) -> None:
    result = cli("diff", BASE, BREAKING, "--format", "github")
    assert result.out.startswith("::error ")
    assert "api-removed-without-deprecation" in result.out


def test_junit_format(cli: Cli) -> None:
    result = cli("diff", BASE, BREAKING, "--format", "junit")
    root = ElementTree.fromstring(
        result.out.split("\n", 1)[1] if result.out.startswith("<?xml") else result.out
    )
    assert len(root.findall(".//failure")) == 1


def test_ignore_file_accepts_a_breaking_change(cli: Cli) -> None:
    result = cli("diff", BASE, BREAKING, "--ignore", str(DIFF / "accepted.ignore"))
    assert result.code == 0, result.out
    assert (
        json.loads(
            cli(
                "diff",
                BASE,
                BREAKING,
                "--ignore",
                str(DIFF / "accepted.ignore"),
                "--format",
                "json",
            ).out
        )["summary"]["ignored"]
        == 1
    )


def test_severity_override(cli: Cli) -> None:
    assert cli("diff", BASE, WARNING, "--severity", "request-parameter-removed=breaking").code == 1
    assert (
        cli("diff", BASE, BREAKING, "--severity", "api-removed-without-deprecation=off").code == 0
    )


@pytest.mark.parametrize(
    ("options", "code"),
    [
        ([], 1),
        (["--match-path", "^/admin"], 1),
        (["--match-path", "^/pets"], 0),
        (["--unmatch-path", "admin"], 0),
        (["--match-path", "^/pets", "--match-path", "^/admin"], 1),
    ],
)
def test_path_filters(cli: Cli, options: list[str], code: int) -> None:
    # admin_removed.yaml removes GET /admin/stats only.
    result = cli("diff", BASE, str(DIFF / "admin_removed.yaml"), *options)
    assert result.code == code, result.out


@pytest.fixture
def git_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    monkeypatch.chdir(tmp_path)

    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
            check=True,
            capture_output=True,
        )

    git("init", "-q", "-b", "main")
    shutil.copy(BASE, tmp_path / "openapi.yaml")
    git("add", "openapi.yaml")
    git("commit", "-q", "-m", "base")
    shutil.copy(BREAKING, tmp_path / "openapi.yaml")
    return tmp_path


def test_base_from_a_git_revision(cli: Cli, git_repo: Path) -> None:
    result = cli("diff", "main:openapi.yaml", "openapi.yaml")
    assert result.code == 1, result.err
    assert "api-removed-without-deprecation" in result.out
    assert cli("diff", "HEAD:openapi.yaml", "HEAD:openapi.yaml").code == 0


def test_a_missing_git_revision_exits_2(cli: Cli, git_repo: Path) -> None:
    result = cli("diff", "nosuchbranch:openapi.yaml", "openapi.yaml")
    assert result.code == 2
    assert "nosuchbranch" in result.err
    assert result.err.startswith("error: ")


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["diff", BASE, "missing.yaml"], "no such file"),
        (["diff", ".", BASE], "directory"),
        (["diff", BASE, BASE, "--match-path", "("], "not a valid regex"),
        (["diff", BASE, BASE, "--ignore", "missing.ignore"], "missing.ignore"),
        (["diff", BASE, BASE, "--severity", "nonsense"], "RULE-ID=LEVEL"),
        (["diff", BASE, BASE, "--severity", "no-such-rule=info"], "no-such-rule"),
        (["diff", BASE, BASE, "--format", "pdf"], "invalid choice: 'pdf'"),
        (["diff", BASE], "the following arguments are required: REVISION"),
    ],
)
def test_unusable_input_exits_2_with_one_line(
    cli: Cli, argv: list[str], expected: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli(*argv)
    assert result.code == 2
    assert result.out == ""
    assert result.err.count("\n") == 1, result.err
    assert expected in result.err


RULE_CASES = Path(__file__).resolve().parents[2] / "fixtures" / "diff" / "rules"


def test_deprecation_policy_options(cli: Cli) -> None:
    case = RULE_CASES / "api-deprecated-sunset-missing"  # deprecated with no x-sunset
    base, revision = str(case / "base.yaml"), str(case / "revision.yaml")
    lenient = cli("diff", base, revision, "--format", "json")
    assert lenient.code == 0
    assert [c["rule_id"] for c in json.loads(lenient.out)["changes"]] == ["endpoint-deprecated"]
    strict = cli("diff", base, revision, "--format", "json", "--deprecation-days-stable", "180")
    assert strict.code == 1
    (change,) = json.loads(strict.out)["changes"]
    assert change["rule_id"] == "api-deprecated-sunset-missing"
    assert change["args"]["days"] == "180"
    # beta's notice does not apply to a stable operation
    beta_only = cli("diff", base, revision, "--deprecation-days-beta", "31")
    assert beta_only.code == 0


def test_stability_level_option(cli: Cli) -> None:
    case = RULE_CASES / "api-stability-increased"  # alpha -> beta
    base, revision = str(case / "base.yaml"), str(case / "revision.yaml")
    assert "api-stability-increased" in cli("diff", base, revision).out
    scoped = cli("diff", base, revision, "--stability-level", "beta")
    assert scoped.code == 0 and "api-stability-increased" not in scoped.out


@pytest.mark.parametrize(
    "option",
    [
        ("--deprecation-days-beta", "-3"),
        ("--deprecation-days-stable", "x"),
        ("--stability-level", "gamma"),
    ],
)
def test_lifecycle_options_refuse_bad_values(cli: Cli, option: tuple[str, str]) -> None:
    result = cli("diff", BASE, BASE, *option)
    assert result.code == 2
    assert option[0] in result.err
