"""The command line on multi-file specs: validate, diff and bundle through ``run``."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import openapi_builder as ob
from openapi_builder.cli import run
from tests.multifile.conftest import FIXTURES


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def _one_line(err: str) -> None:
    assert err.count("\n") == 1 and err.startswith("error: "), err


def test_validate_exit_codes() -> None:
    assert _run("validate", str(FIXTURES / "petstore" / "openapi.yaml"))[0] == 0
    code, out, _ = _run("validate", str(FIXTURES / "broken" / "openapi.yaml"))
    assert code == 1 and "item.yaml:6:11" in out
    code, _, err = _run("validate", str(FIXTURES / "nope.yaml"))
    assert code == 2
    _one_line(err)


def test_validate_root_option(tmp_path: Path) -> None:
    entry = FIXTURES / "escape" / "spec" / "openapi.yaml"
    code, out, _ = _run("validate", str(entry), "--root", str(entry.parent.parent))
    assert code == 1 and "leaves the root folder" not in out


def test_validate_many_files_as_the_pre_commit_hook_passes_them(tmp_path: Path) -> None:
    bundled = tmp_path / "openapi.bundled.json"
    bundled.write_text(ob.to_json(ob.bundle(FIXTURES / "petstore" / "openapi.yaml")))
    code, out, _ = _run("validate", str(FIXTURES / "petstore" / "openapi.yaml"), str(bundled))
    assert code == 0 and out.count("no problems") == 2


def test_diff_exit_codes(copy_fixture: Callable[..., Path]) -> None:
    base = copy_fixture("petstore", "base") / "openapi.yaml"
    revision = copy_fixture("petstore", "revision") / "openapi.yaml"
    assert _run("diff", str(base), str(revision))[0] == 0
    pet = revision.parent / "schemas" / "pet.yaml"
    pet.write_text(pet.read_text().replace("id:\n    type: integer", "id:\n    type: string"))
    code, out, _ = _run("diff", str(base), str(revision))
    assert code == 1 and "1 breaking" in out
    (revision.parent / "schemas" / "owner.json").unlink()
    code, _, err = _run("diff", str(base), str(revision))
    assert code == 2 and "pet.yaml:9:11" in err
    _one_line(err)


def test_bundle_to_stdout_and_to_a_file(tmp_path: Path) -> None:
    entry = FIXTURES / "petstore" / "openapi.yaml"
    code, out, err = _run("bundle", str(entry))
    assert (code, err) == (0, "") and ob.loads(out) == ob.bundle(entry)
    target = tmp_path / "dist.yaml"
    code, out, err = _run("bundle", str(entry), "-o", str(target))
    assert (code, out, err) == (0, "", "")
    assert target.read_text() == ob.to_yaml(ob.bundle(entry))  # format from the suffix
    assert [p.name for p in tmp_path.iterdir()] == ["dist.yaml"]  # no temporary left behind
    code, out, _ = _run("bundle", str(entry), "--format", "yaml")
    assert ob.loads(out) == ob.bundle(entry) and not out.lstrip().startswith("{")


def test_bundle_errors_are_one_line_and_write_nothing(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    code, _, err = _run(
        "bundle", str(FIXTURES / "escape" / "spec" / "openapi.yaml"), "-o", str(target)
    )
    assert code == 2 and "openapi.yaml:9:13" in err and not target.exists()
    _one_line(err)
    code, _, err = _run("bundle", str(FIXTURES / "petstore" / "openapi.yaml"), "-o", "x.txt")
    assert code == 2 and "suffix" in err
    _one_line(err)


def test_bundle_of_an_invalid_spec_is_written_and_exits_1(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    code, _, err = _run("bundle", str(FIXTURES / "broken" / "openapi.yaml"), "-o", str(target))
    assert code == 1 and target.exists() and "openapi-builder validate" in err
    _one_line(err)


def test_bundle_help_has_an_example() -> None:
    code, out, _ = _run("bundle", "--help")
    assert code == 0 and "openapi-builder bundle openapi.yaml -o" in out


def test_diff_root_option() -> None:
    entry = FIXTURES / "escape" / "spec" / "openapi.yaml"
    code, _, err = _run("diff", str(entry), str(entry))
    assert code == 2 and "leaves the root folder" in err
    code, _, err = _run("diff", str(entry), str(entry), "--root", str(entry.parent.parent))
    assert code == 2 and "leaves the root folder" not in err  # /etc/passwd is still refused
