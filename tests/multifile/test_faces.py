"""The pre-commit hook, ``check`` and the plugin's snapshots keep working with bundled files."""

from __future__ import annotations

import io
import shlex
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

import openapi_builder as ob
from openapi_builder.cli import run
from tests.multifile.conftest import FIXTURES

ROOT = FIXTURES.parents[1]

APP = """
import openapi_builder as ob
from pydantic import BaseModel


class Pet(BaseModel):
    id: int


api = ob.API(title="Pets", version="1.0.0")
api.add(ob.Operation("GET", "/pets", operation_id="list_pets", response_model=list[Pet]))
"""


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return run(list(argv), stdout=out, stderr=err), out.getvalue(), err.getvalue()


def test_the_pre_commit_validate_hook_follows_the_refs_of_the_files_it_is_given() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = [h for h in hooks if h["id"] == "openapi-builder-validate"]
    words = shlex.split(hook["entry"])
    assert words[:1] == ["openapi-builder"]
    good, bad = FIXTURES / "petstore" / "openapi.yaml", FIXTURES / "broken" / "openapi.yaml"
    assert _run(*words[1:], str(good))[0] == 0
    code, out, _ = _run(*words[1:], str(good), str(bad))
    assert code == 1 and "schemas/item.yaml:6:11" in out  # the referenced file, not the entry


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pets_app_faces.py").write_text(APP, encoding="utf-8")
    yield tmp_path
    sys.modules.pop("pets_app_faces", None)


def test_check_passes_on_a_bundle_of_the_built_file(app: Path) -> None:
    assert _run("build", "pets_app_faces:api", "-o", "openapi.yaml")[0] == 0
    assert _run("bundle", "openapi.yaml", "-o", "bundled.yaml")[0] == 0
    # A one-file spec bundles to itself, byte for byte: the snapshot check still passes.
    assert (app / "bundled.yaml").read_bytes() == (app / "openapi.yaml").read_bytes()
    code, out, _ = _run("check", "pets_app_faces:api", "bundled.yaml")
    assert code == 0 and "up to date" in out


def test_a_snapshot_diff_follows_a_split_snapshot(app: Path) -> None:
    # The snapshot split in two files diffs against the fresh build with no change.
    assert _run("build", "pets_app_faces:api", "-o", "openapi.json")[0] == 0
    built = ob.load(app / "openapi.json")
    pet = built["components"]["schemas"].pop("Pet")
    (app / "pet.json").write_text(ob.to_json(pet), encoding="utf-8")
    built["components"]["schemas"]["Pet"] = {"$ref": "pet.json"}
    (app / "split.json").write_text(ob.to_json(built), encoding="utf-8")
    code, out, _ = _run("diff", "openapi.json", "split.json")
    assert (code, out.splitlines()[0]) == (0, "0 changes: 0 breaking, 0 warning, 0 info")
