"""The project's promises about itself: the README's set-up commands and the import layers."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "openapi_builder"


def _setup_commands(ci_script: str) -> list[str]:
    """The commands .ci/run traces (``set -x`` .. ``set +x``): the user's two."""
    traced = ci_script.split("set -x\n", 1)[1].split("set +x\n", 1)[0]
    return [line for line in traced.splitlines() if line and not line.startswith("#")]


def test_ci_runs_the_readme_set_up_commands_word_for_word() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Set up\n.*?```console\n(.*?)```", readme, re.S)
    assert block is not None, "README has no '## Set up' console block"
    commands = block.group(1).strip().splitlines()
    assert len(commands) == 2
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert _setup_commands(ci) == commands


def _imports(path: Path) -> set[str]:
    """Modules imported at run time (imports under ``if TYPE_CHECKING:`` are for types only)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING":
            node.body = []
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.startswith("openapi_builder")}


def _modules(*names: str) -> list[Path]:
    paths: list[Path] = []
    for name in names:
        target = PACKAGE / name
        paths.extend(sorted(target.rglob("*.py")) if target.is_dir() else [target])
    return paths


@pytest.mark.parametrize(
    ("layer", "forbidden"),
    [
        (("declare.py", "frozen.py"), ("openapi_builder.",)),
        (
            (
                "load.py",
                "_json_load.py",
                "_yaml_load.py",
                "render.py",
                "_yaml_emit.py",
                "errors.py",
                "merge.py",
            ),
            (
                "openapi_builder.declare",
                "openapi_builder.api",
                "openapi_builder.assemble",
                "openapi_builder.diff",
                "openapi_builder.validate",
                "openapi_builder.cli",
            ),
        ),
        (
            ("diff", "validate", "dialects"),
            (
                "openapi_builder.declare",
                "openapi_builder.api",
                "openapi_builder.assemble",
                "openapi_builder.schemas",
                "openapi_builder.responses",
                "openapi_builder.cli",
                "openapi_builder.pytest_plugin",
            ),
        ),
    ],
)
def test_lower_layers_never_import_higher_ones(
    layer: tuple[str, ...], forbidden: tuple[str, ...]
) -> None:
    for path in _modules(*layer):
        imported = _imports(path)
        if path.name in ("declare.py", "frozen.py"):
            imported -= {"openapi_builder.errors", "openapi_builder.frozen"}
        bad = sorted(name for name in imported if name.startswith(forbidden))
        assert not bad, f"{path.relative_to(ROOT)} imports {bad}"


def test_paused_gc_restores_the_collector_and_nests() -> None:
    import gc

    from openapi_builder._gc import paused_gc

    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    try:
        with paused_gc():
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    assert gc.isenabled()
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()  # a collector the caller disabled stays disabled
    finally:
        gc.enable()


def _python_blocks(text: str) -> list[str]:
    return re.findall(r"```python\n(.*?)```", text, re.S)


def test_readme_examples_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The quick start builds, writes and validates; the diff example compares snapshots."""
    import subprocess

    blocks = _python_blocks((ROOT / "README.md").read_text(encoding="utf-8"))
    quick_start, validation, diffing = blocks[0], blocks[1], blocks[2]
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {}
    exec(compile(quick_start, "README quick start", "exec"), namespace)
    assert (tmp_path / "openapi.yaml").exists()
    exec(compile(validation, "README validate", "exec"), namespace)
    assert namespace["report"].ok  # type: ignore[attr-defined]
    # The diff example compares the committed spec on `main` with the working copy.
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com"]
    subprocess.run([*git, "init", "-q", "-b", "main"], check=True)
    subprocess.run([*git, "add", "openapi.yaml"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "spec"], check=True)
    with pytest.raises(SystemExit) as exited:
        exec(compile(diffing, "README diff", "exec"), namespace)
    assert exited.value.code == 0  # nothing changed since the commit


@pytest.mark.parametrize(
    "command",
    [
        ["ruff", "check", "."],
        ["ruff", "format", "--check", "."],
        ["mypy", "openapi_builder"],  # strict, configured in pyproject.toml
    ],
    ids=["ruff-check", "ruff-format", "mypy-strict"],
)
def test_linters_are_clean(command: list[str], tmp_path: Path) -> None:
    import subprocess
    import sys

    extra = ["--cache-dir", str(tmp_path / "cache")] if command[0] == "mypy" else []
    result = subprocess.run(
        [sys.executable, "-m", *command, *extra], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
