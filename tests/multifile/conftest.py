"""Shared helpers: the multi-file fixtures, copied into a temporary folder when a test edits."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures" / "multifile"


@pytest.fixture
def copy_fixture(tmp_path: Path) -> Callable[[str], Path]:
    """Copy ``fixtures/multifile/<name>`` into the test's folder; return the copy."""

    def copy(name: str, to: str | None = None) -> Path:
        target = tmp_path / (to or name)
        shutil.copytree(FIXTURES / name, target)
        return target

    return copy
