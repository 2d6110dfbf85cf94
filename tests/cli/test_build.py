"""``openapi-builder build``: targets, formats, versions, output files and every failure."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

import openapi_builder as ob
from tests.cli.conftest import ROOT, Result

Cli = Callable[..., Result]


def test_prints_json_to_stdout_by_default(cli: Cli, write_app: Callable[..., str]) -> None:
    module = write_app()
    result = cli("build", f"{module}:api")
    assert (result.code, result.err) == (0, "")
    document = json.loads(result.out)
    assert document["info"] == {"title": "Pets", "version": "1.0.0"}
    assert result.out == ob.to_json(document)


@pytest.mark.parametrize("output", [[], ["-o", "-"]], ids=["no-o", "dash"])
def test_yaml_to_stdout(cli: Cli, write_app: Callable[..., str], output: list[str]) -> None:
    module = write_app()
    result = cli("build", f"{module}:api", "--format", "yaml", *output)
    assert result.code == 0
    assert result.out == ob.to_yaml(yaml.safe_load(result.out))
    assert result.out.startswith("openapi: ")


@pytest.mark.parametrize(
    ("name", "fmt", "loads"),
    [
        ("out.json", None, json.loads),
        ("out.yaml", None, yaml.safe_load),
        ("out.yml", None, yaml.safe_load),
        ("out.txt", "json", json.loads),
        ("out.json", "yaml", yaml.safe_load),  # an explicit --format wins over the suffix
    ],
)
def test_writes_the_file_in_the_format_of_its_suffix(
    cli: Cli,
    write_app: Callable[..., str],
    project: Path,
    name: str,
    fmt: str | None,
    loads: Callable[[str], object],
) -> None:
    module = write_app()
    result = cli("build", f"{module}:api", "-o", name, *(["--format", fmt] if fmt else []))
    assert (result.code, result.out, result.err) == (0, "", "")
    text = (project / name).read_text(encoding="utf-8")
    document = loads(text)
    assert isinstance(document, dict)
    assert text == (ob.to_json(document) if loads is json.loads else ob.to_yaml(document))
    assert [p.name for p in project.iterdir() if p.name.startswith(".")] == []  # no temp left


def test_the_example_api_matches_its_golden_file(
    cli: Cli, golden: Callable[[str, str], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    result = cli("build", "examples.items_api:api", "--format", "yaml")
    assert result.code == 0, result.err
    golden("cli/items_api.yaml", result.out)
    # The same document passes the reference validator.
    from openapi_spec_validator import validate

    validate(yaml.safe_load(result.out))


def test_file_path_and_dotted_module_give_the_same_bytes(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    dotted = cli("build", "examples.items_api:api")
    by_path = cli("build", "examples/items_api.py:api")
    assert dotted.code == by_path.code == 0
    assert dotted.out == by_path.out


def test_a_file_path_outside_the_working_directory(
    cli: Cli, write_app: Callable[..., str], project: Path
) -> None:
    module = write_app()
    (project / "elsewhere").mkdir()
    os.chdir(project / "elsewhere")
    result = cli("build", f"{project / module}.py:api")
    assert result.code == 0, result.err
    assert json.loads(result.out)["info"]["title"] == "Pets"


def test_a_zero_argument_factory(cli: Cli, write_app: Callable[..., str]) -> None:
    module = write_app()
    direct, factory = cli("build", f"{module}:api"), cli("build", f"{module}:create_api")
    assert factory.code == 0
    assert factory.out == direct.out


@pytest.mark.parametrize("version", ["3.0.3", "3.1.0", "3.2.0"])
def test_openapi_version_option(
    cli: Cli, write_app: Callable[..., str], project: Path, version: str
) -> None:
    module = write_app()
    result = cli("build", f"{module}:api", "--openapi", version)
    assert result.code == 0, result.err
    assert json.loads(result.out)["openapi"] == version


def test_openapi_option_leaves_the_users_api_unchanged(
    cli: Cli, write_app: Callable[..., str]
) -> None:
    module = write_app()
    assert cli("build", f"{module}:api", "--openapi", "3.0.3").code == 0
    api = sys.modules[module].api
    assert api.openapi == "3.1.0"
    assert json.loads(cli("build", f"{module}:api").out)["openapi"] == "3.1.0"


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        (None, "{m}", "is not MODULE:ATTR"),
        (None, "{m}:", "is not MODULE:ATTR"),
        (None, "no_such_module_xyz:api", "cannot import 'no_such_module_xyz': no module named"),
        (None, "{m}:apy", "has no attribute 'apy'; it has API objects: api"),
        (None, "{m}:Pet", "needs arguments"),
        (None, "{m}:ob", "not an openapi_builder.API or a zero-argument callable"),
        ("import not_installed_dep_xyz\n", "{m}:api", "No module named 'not_installed_dep_xyz'"),
        ("x = 1\nraise RuntimeError('boom')\n", "{m}:api", "raised RuntimeError: boom (at "),
        ("def f(:\n", "{m}:f", "raised SyntaxError"),
        ("def api():\n    raise ValueError('nope')\n", "{m}:api", "calling "),
        ("def api():\n    return 42\n", "{m}:api", "returned a builtins.int, not an"),
        ("api = 'text'\n", "{m}:api", "is a builtins.str, not an openapi_builder.API"),
        (None, "missing_file.py:api", "no such file: 'missing_file.py'"),
        (None, "sub/:api", "'sub/' is a directory; name the .py file"),
    ],
    ids=[
        "no-colon",
        "empty-attr",
        "unimportable",
        "missing-attr",
        "class-needs-args",
        "module-attr",
        "missing-dependency",
        "import-raises",
        "syntax-error",
        "factory-raises",
        "factory-returns-int",
        "wrong-type",
        "missing-file",
        "directory",
    ],
)
def test_unusable_targets_exit_2_with_one_line(
    cli: Cli,
    write_app: Callable[..., str],
    project: Path,
    source: str | None,
    target: str,
    expected: str,
) -> None:
    (project / "sub").mkdir()
    module = write_app(source)
    result = cli("build", target.replace("{m}", module))
    assert result.code == 2
    assert result.out == ""
    assert result.err.startswith("error: ")
    assert result.err.count("\n") == 1, result.err
    assert expected in result.err


def test_traceback_option_shows_the_cause(cli: Cli, write_app: Callable[..., str]) -> None:
    module = write_app("def api():\n    raise ValueError('nope')\n")
    result = cli("build", f"{module}:api", "--traceback")
    assert result.code == 2
    assert "Traceback (most recent call last)" in result.err
    assert "ValueError: nope" in result.err


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        (  # two operations with one operationId: a declaration error
            'api.add(ob.Operation("GET", "/other", operation_id="read_pet"))',
            "error: API 'Pets' cannot be built: operationId 'read_pet'",
        ),
        (  # builds, but the document is invalid: every problem on its own line
            'api.add(ob.Operation("GET", "/x", openapi_extra={"deprecated": "yes"}))',
            "error: API 'Pets' builds an invalid document (1 problem(s)); fix the declarations "
            "below\n  error [structure] expected boolean, got string"
            " - at /paths/~1x/get/deprecated\n",
        ),
    ],
    ids=["declaration-error", "spec-validation-error"],
)
def test_an_invalid_api_is_a_finding(
    cli: Cli, write_app: Callable[..., str], extra: str, expected: str
) -> None:
    module = write_app(extra=extra)
    result = cli("build", f"{module}:api")
    assert result.code == 1
    assert result.out == ""
    assert result.err.startswith(expected)


@pytest.mark.parametrize(
    ("output", "expected"),
    [
        ("out.txt", "cannot tell the format of 'out.txt'"),
        ("adir.json", "it is a directory"),
        ("afile/out.json", "does not exist"),
        ("missing/out.json", "does not exist"),
    ],
)
def test_unwritable_outputs_exit_2_and_write_nothing(
    cli: Cli, write_app: Callable[..., str], project: Path, output: str, expected: str
) -> None:
    module = write_app()
    (project / "adir.json").mkdir()
    (project / "afile").write_text("keep", encoding="utf-8")
    before = sorted(
        p.relative_to(project) for p in project.rglob("*") if "__pycache__" not in str(p)
    )
    result = cli("build", f"{module}:api", "-o", output)
    assert result.code == 2
    assert expected in result.err
    assert result.err.count("\n") == 1
    after = sorted(
        p.relative_to(project) for p in project.rglob("*") if "__pycache__" not in str(p)
    )
    assert after == before
    assert (project / "afile").read_text(encoding="utf-8") == "keep"


def test_read_only_directory(cli: Cli, write_app: Callable[..., str], project: Path) -> None:
    module = write_app()
    locked = project / "locked"
    locked.mkdir()
    (locked / "openapi.json").write_text("old", encoding="utf-8")
    locked.chmod(0o555)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("this user (root?) can write into a read-only directory")
        result = cli("build", f"{module}:api", "-o", "locked/openapi.json")
        assert result.code == 2
        assert "cannot write 'locked/openapi.json'" in result.err
        assert (locked / "openapi.json").read_text(encoding="utf-8") == "old"
        assert sorted(p.name for p in locked.iterdir()) == ["openapi.json"]
    finally:
        locked.chmod(0o755)
