"""The public types as a user meets them: ``tests/typing/usage.py`` passes mypy --strict."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def test_public_api_type_checks_strictly(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--cache-dir",
            str(tmp_path / "cache"),
            str(ROOT / "tests" / "typing" / "usage.py"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_usage_runs(tmp_path: Path) -> None:
    from tests.typing.usage import use

    assert use(tmp_path) == (True, 0)
