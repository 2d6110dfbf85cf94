"""pytester drives a copy of ``fixtures/plugin_project``; the plugin loads by its entry point."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2] / "fixtures" / "plugin_project"
# Plugins the test project does not need; each inner run would import them afresh (~1 s).
QUIET = ("-p", "no:cacheprovider", "-p", "no:hypothesispytest", "-p", "no:anyio")
# The installed package's pytest11 entry point loads the plugin, as it does for users.
LOAD = QUIET


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    """The plugin project copied into pytester's directory (its rootdir)."""
    for item in PROJECT.iterdir():
        if item.is_file():
            shutil.copy(item, pytester.path / item.name)
    return pytester


def add_operation(pytester: pytest.Pytester) -> None:
    """Change the project's API: one more operation, so the committed snapshot is stale."""
    petstore = pytester.path / "petstore.py"
    petstore.write_text(
        petstore.read_text(encoding="utf-8")
        + '\napi.add(ob.Operation("DELETE", "/pets/{pet_id}", operation_id="delete_pet",'
        ' parameters=[ob.Parameter("pet_id", "path", int)], status_code=204))\n',
        encoding="utf-8",
    )
