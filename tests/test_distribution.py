"""What ships: the sdist and wheel build, and the installed wheel (not the source tree) works.

A package-data file missing from the wheel (the official OpenAPI schemas, ``py.typed``) would
pass every other test, because they import the source tree; here the wheel is installed into a
fresh virtual environment and its console script runs from a directory outside the project.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

TIMEOUT = 600  # a hang guard, far above the ~20 s a build takes


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=TIMEOUT,
    )
    return out


def _project_metadata() -> dict[str, object]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:
        import tomli as tomllib
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    project = data["project"]
    assert isinstance(project, dict)
    return project


def test_the_distribution_name_is_ours_and_the_import_name_stays(dist: Path) -> None:
    project = _project_metadata()
    assert project["name"] == "openapi-builder-toolkit"
    (wheel,) = dist.glob("*.whl")
    (sdist,) = dist.glob("*.tar.gz")
    assert wheel.name.startswith("openapi_builder_toolkit-")
    assert sdist.name.startswith("openapi_builder_toolkit-")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert "openapi_builder/__init__.py" in names
    assert "openapi_builder/py.typed" in names
    schemas = {name for name in names if name.startswith("openapi_builder/validate/schemas/")}
    shipped = {
        "openapi_builder/" + path.relative_to(ROOT / "openapi_builder").as_posix()
        for path in (ROOT / "openapi_builder" / "validate" / "schemas").rglob("*.json")
    }
    assert shipped and shipped <= schemas
    with tarfile.open(sdist) as archive:
        members = {Path(name).as_posix().split("/", 1)[-1] for name in archive.getnames()}
    assert {"pyproject.toml", "README.md", "openapi_builder/py.typed"} <= members


def test_classifiers_list_exactly_the_pythons_the_sessions_test() -> None:
    import ast

    tree = ast.parse((ROOT / "noxfile.py").read_text(encoding="utf-8"))
    (pythons,) = [
        ast.literal_eval(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "PYTHONS"
    ]
    classifiers = _project_metadata()["classifiers"]
    assert isinstance(classifiers, list)
    listed = sorted(
        c.rsplit(" :: ", 1)[1]
        for c in classifiers
        if c.startswith("Programming Language :: Python :: 3.")
    )
    assert listed == sorted(pythons)
    assert _project_metadata()["requires-python"] == f">={pythons[0]}"
    assert "Typing :: Typed" in classifiers


def test_the_installed_wheel_validates_and_builds(dist: Path, tmp_path: Path) -> None:
    (wheel,) = dist.glob("*.whl")
    env_dir = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(env_dir)], check=True, timeout=TIMEOUT)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / "python"
    # The wheel alone; its dependencies come from this environment's site-packages, which an
    # editable install of the project does not put on a plain PYTHONPATH.
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--no-deps", str(wheel)],
        check=True,
        timeout=TIMEOUT,
    )
    env = {**os.environ, "PYTHONPATH": sysconfig.get_paths()["purelib"], "NO_COLOR": "1"}
    env.pop("PYTHONHOME", None)
    work = tmp_path / "elsewhere"
    work.mkdir()

    def run(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            argv, cwd=work, env=env, capture_output=True, text=True, timeout=TIMEOUT
        )

    where = run(str(python), "-c", "import openapi_builder; print(openapi_builder.__file__)")
    assert where.returncode == 0, where.stderr
    assert Path(where.stdout.strip()).is_relative_to(env_dir)

    script = bin_dir / "openapi-builder"
    built = run(str(script), "build", str(ROOT / "examples" / "items_api.py") + ":api")
    assert built.returncode == 0, built.stderr
    document = json.loads(built.stdout)
    assert document["openapi"].startswith("3.")
    spec = work / "openapi.json"
    spec.write_text(built.stdout, encoding="utf-8")
    checked = run(str(script), "validate", str(spec))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    broken = work / "broken.yaml"
    broken.write_text("openapi: 3.1.0\ninfo: {title: T}\npaths: {}\n", encoding="utf-8")
    refused = run(str(script), "validate", str(broken))
    assert refused.returncode == 1, refused.stdout + refused.stderr
