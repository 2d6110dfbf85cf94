"""Helpers shared by the reliability tests: example budgets, the oracle, subprocess runs."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from hypothesis import settings
from openapi_spec_validator import validate as reference_validate

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures" / "reliability"
CORPUS = ROOT.parent / "shared" / "corpus"


def examples(fraction: float = 1.0, *, at_least: int = 1) -> settings:
    """Settings with the active profile's ``max_examples`` scaled by this test's cost."""
    current = settings.default
    assert current is not None
    budget = max(at_least, int(current.max_examples * fraction))
    return settings(max_examples=budget)


def assert_reference_valid(document: dict[str, Any]) -> None:
    """openapi-spec-validator (the oracle) accepts ``document``, or the test fails."""
    __tracebackhide__ = True
    try:
        reference_validate(document)
    except Exception as error:  # the oracle raises several unrelated types
        raise AssertionError(f"openapi-spec-validator rejects the document: {error}") from None


def run_python(
    code: str,
    *args: str,
    env: dict[str, str] | None = None,
    timeout: float = 60,
    cwd: Path | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter with the repository importable; never a shell."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=full_env,
        cwd=cwd or ROOT,
        check=False,
    )


def snapshot(value: Any) -> Any:
    """A deep, immutable copy of plain data and declarations, for before/after comparison.

    ``copy.deepcopy`` cannot copy declarations (their mappings are read-only proxies), so
    this walks them: dataclasses by field, mappings and sequences by item, in order (a
    reordering is a change too); classes and other objects by identity.
    """
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = tuple(
            (field.name, snapshot(getattr(value, field.name)))
            for field in dataclasses.fields(value)
        )
        return ("dataclass", type(value), fields)
    if isinstance(value, Mapping):
        return ("mapping", type(value), tuple((snapshot(k), snapshot(v)) for k, v in value.items()))
    if isinstance(value, (list, tuple)):
        return ("sequence", type(value), tuple(snapshot(item) for item in value))
    if isinstance(value, (str, bytes, int, float, bool, type(None))):
        return ("scalar", type(value), value)
    return ("object", id(value))
