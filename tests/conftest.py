"""Shared fixtures: the OpenAPI versions every builder test runs on, and golden files."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus"
UPDATE_GOLDEN = os.environ.get("OPENAPI_BUILDER_UPDATE_GOLDEN") == "1"
#: Set by .ci/run: there the corpus (../shared) and every tool are present, so a test that
#: skips for want of them is a failure. Only skips about the machine itself stay skips.
REQUIRE_ALL = os.environ.get("OPENAPI_BUILDER_REQUIRE_ALL") == "1"
ALLOWED_SKIPS = ("running as root", "this user (root?)")

VERSIONS = ("3.0.3", "3.1.0", "3.2.0")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    outcome = yield
    report = outcome.get_result()
    if not (REQUIRE_ALL and report.skipped) or hasattr(report, "wasxfail"):
        return
    longrepr = report.longrepr
    reason = str(longrepr[2] if isinstance(longrepr, tuple) else longrepr)
    reason = reason.removeprefix("Skipped: ")
    if not reason.startswith(ALLOWED_SKIPS):
        report.outcome = "failed"
        report.longrepr = (
            f"skipped where everything must run (OPENAPI_BUILDER_REQUIRE_ALL=1): {reason}"
        )


@pytest.fixture(params=VERSIONS)
def openapi_version(request: pytest.FixtureRequest) -> str:
    """Every builder test that takes this runs on each supported OpenAPI version."""
    return str(request.param)


@pytest.fixture
def golden() -> Callable[[str, str], None]:
    """Compare text with ``fixtures/<name>``; OPENAPI_BUILDER_UPDATE_GOLDEN=1 rewrites it."""

    def check(name: str, text: str) -> None:
        __tracebackhide__ = True
        path = FIXTURES / name
        if UPDATE_GOLDEN or not path.exists():
            if not UPDATE_GOLDEN and os.environ.get("CI"):
                pytest.fail(
                    f"golden file {name} is missing; run with OPENAPI_BUILDER_UPDATE_GOLDEN=1"
                )
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            return
        expected = path.read_text(encoding="utf-8")
        if expected != text:
            import difflib

            diff = "".join(
                difflib.unified_diff(
                    expected.splitlines(keepends=True),
                    text.splitlines(keepends=True),
                    fromfile=f"fixtures/{name}",
                    tofile="built",
                )
            )
            pytest.fail(
                f"{name} differs from the golden file (OPENAPI_BUILDER_UPDATE_GOLDEN=1 "
                f"rewrites it):\n{diff}"
            )

    return check
