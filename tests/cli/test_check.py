"""``openapi-builder check``: up to date, stale (with a readable diff), missing, --update."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

import openapi_builder as ob
from tests.cli.conftest import Result

Cli = Callable[..., Result]
# One more operation: a change the diff engine reports (endpoint added).
EXTRA = (
    'api.add(ob.Operation("DELETE", "/pets/{pet_id}", operation_id="delete_pet", '
    'parameters=[ob.Parameter("pet_id", "path", int)], status_code=204))'
)


@pytest.fixture
def app(write_app: Callable[..., str]) -> str:
    return write_app()


def _fresh(cli: Cli, target: str, fmt: str) -> str:
    result = cli("build", target, "--format", fmt)
    assert result.code == 0, result.err
    return result.out


@pytest.mark.parametrize(("name", "fmt"), [("openapi.json", "json"), ("openapi.yaml", "yaml")])
def test_up_to_date_exits_0(cli: Cli, app: str, project: Path, name: str, fmt: str) -> None:
    (project / name).write_text(_fresh(cli, f"{app}:api", fmt), encoding="utf-8")
    result = cli("check", f"{app}:api", name)
    assert (result.code, result.out, result.err) == (0, f"{name} is up to date\n", "")


def test_a_changed_api_is_stale_and_the_diff_engine_says_what_changed(
    cli: Cli, write_app: Callable[..., str], project: Path
) -> None:
    old = write_app()
    (project / "openapi.yaml").write_text(_fresh(cli, f"{old}:api", "yaml"), encoding="utf-8")
    new = write_app(extra=EXTRA)
    result = cli("check", f"{new}:api", "openapi.yaml")
    assert result.code == 1
    assert result.err == ""
    assert result.out.startswith(
        f"openapi.yaml is stale: it differs from a fresh build of {new}:api"
    )
    assert "DELETE /pets/{pet_id}" in result.out  # the diff engine's text report
    assert result.out.endswith(
        f"update it with:\n  openapi-builder check {new}:api openapi.yaml --update\n"
    )


def test_a_reformatted_file_is_stale_with_a_note(cli: Cli, app: str, project: Path) -> None:
    document = json.loads(_fresh(cli, f"{app}:api", "json"))
    (project / "openapi.json").write_text(json.dumps(document, indent=4) + "\n", encoding="utf-8")
    result = cli("check", f"{app}:api", "openapi.json")
    assert result.code == 1
    assert "same content; only the formatting or the order of keys differs\n" in result.out


def test_a_change_the_diff_engine_does_not_report_gets_a_unified_diff(
    cli: Cli, app: str, project: Path
) -> None:
    fresh = _fresh(cli, f"{app}:api", "yaml")
    (project / "openapi.yaml").write_text(
        fresh.replace("title: Pets", "title: Cats"), encoding="utf-8"
    )
    result = cli("check", f"{app}:api", "openapi.yaml")
    assert result.code == 1
    assert "--- openapi.yaml (committed)\n+++ openapi.yaml (fresh build)\n" in result.out
    assert "\n-  title: Cats\n+  title: Pets\n" in result.out


def test_a_long_diff_is_cut(cli: Cli, app: str, project: Path) -> None:
    (project / "openapi.json").write_text("x\n" * 500, encoding="utf-8")
    result = cli("check", f"{app}:api", "openapi.json")
    assert result.code == 1
    assert "more diff lines" in result.out
    assert result.out.count("\n-x") == 80 - 3  # 80 lines: two headers, one hunk, then lines


def test_a_committed_file_that_does_not_load_gets_a_unified_diff(
    cli: Cli, app: str, project: Path
) -> None:
    (project / "openapi.yaml").write_text("openapi: [unclosed\n", encoding="utf-8")
    result = cli("check", f"{app}:api", "openapi.yaml")
    assert result.code == 1
    assert "-openapi: [unclosed" in result.out


def test_missing_file_is_a_finding(cli: Cli, app: str, project: Path) -> None:
    result = cli("check", f"{app}:api", "openapi.yaml", "--openapi", "3.0.3")
    assert result.code == 1
    assert result.out == (
        "openapi.yaml does not exist; create it with:\n"
        f"  openapi-builder check {app}:api openapi.yaml --update --openapi 3.0.3\n"
    )
    assert not (project / "openapi.yaml").exists()


@pytest.mark.parametrize("exists", [True, False], ids=["stale", "missing"])
def test_update_rewrites_then_check_passes(cli: Cli, app: str, project: Path, exists: bool) -> None:
    target = project / "spec.yml"
    if exists:
        target.write_text("openapi: 3.1.0\n", encoding="utf-8")
    result = cli("check", f"{app}:api", "spec.yml", "--update")
    assert result.code == 0
    assert result.out == f"{'updated' if exists else 'created'} spec.yml\n"
    assert target.read_text(encoding="utf-8") == _fresh(cli, f"{app}:api", "yaml")
    assert cli("check", f"{app}:api", "spec.yml").code == 0


def test_update_leaves_an_up_to_date_file_untouched(cli: Cli, app: str, project: Path) -> None:
    target = project / "openapi.json"
    target.write_text(_fresh(cli, f"{app}:api", "json"), encoding="utf-8")
    os.utime(target, (1_000_000, 1_000_000))
    result = cli("check", f"{app}:api", "openapi.json", "--update")
    assert (result.code, result.out) == (0, "openapi.json is up to date\n")
    assert target.stat().st_mtime == 1_000_000


def test_format_option_overrides_the_suffix(cli: Cli, app: str, project: Path) -> None:
    (project / "spec.txt").write_text(_fresh(cli, f"{app}:api", "yaml"), encoding="utf-8")
    assert cli("check", f"{app}:api", "spec.txt", "--format", "yaml").code == 0
    assert cli("check", f"{app}:api", "spec.txt", "--format", "json").code == 1


def test_openapi_version_is_part_of_the_comparison(cli: Cli, app: str, project: Path) -> None:
    (project / "o.json").write_text(_fresh(cli, f"{app}:api", "json"), encoding="utf-8")
    assert cli("check", f"{app}:api", "o.json").code == 0
    assert cli("check", f"{app}:api", "o.json", "--openapi", "3.0.3").code == 1


@pytest.mark.parametrize(
    ("path", "expected"),
    [("adir.json", "is a directory"), ("spec.txt", "cannot tell the format of 'spec.txt'")],
)
def test_unusable_paths_exit_2(cli: Cli, app: str, project: Path, path: str, expected: str) -> None:
    (project / "adir.json").mkdir()
    result = cli("check", f"{app}:api", path)
    assert result.code == 2
    assert result.out == ""
    assert expected in result.err
    assert result.err.count("\n") == 1


def test_unimportable_module_exits_2(cli: Cli, project: Path) -> None:
    result = cli("check", "nowhere_xyz:api", "openapi.json")
    assert result.code == 2
    assert "cannot import 'nowhere_xyz'" in result.err


def test_an_invalid_api_exits_1(cli: Cli, write_app: Callable[..., str], project: Path) -> None:
    module = write_app(extra='api.add(ob.Operation("GET", "/x", operation_id="read_pet"))')
    result = cli("check", f"{module}:api", "openapi.json")
    assert result.code == 1
    assert result.err.startswith("error: API 'Pets' ")


def test_stale_output_is_coloured_only_on_a_terminal(
    cli: Cli, app: str, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("TERM", raising=False)
    (project / "openapi.json").write_text("x\n", encoding="utf-8")
    assert "\033[" not in cli("check", f"{app}:api", "openapi.json").out
    coloured = cli("check", f"{app}:api", "openapi.json", tty=True).out
    assert "\033[31m-x\033[0m" in coloured
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\033[" not in cli("check", f"{app}:api", "openapi.json", tty=True).out
    forced = cli("check", f"{app}:api", "openapi.json", "--color", "always").out
    assert "\033[32m+" in forced
    monkeypatch.delenv("NO_COLOR")
    never = cli("check", f"{app}:api", "openapi.json", "--color", "never", tty=True).out
    assert "\033[" not in never


def test_documents_match_the_public_renderers(cli: Cli, app: str, project: Path) -> None:
    assert cli("check", f"{app}:api", "o.yaml", "--update").code == 0
    text = (project / "o.yaml").read_text(encoding="utf-8")
    assert text == ob.to_yaml(ob.load(project / "o.yaml"))
