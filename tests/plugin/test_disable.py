"""The plugin through its real ``pytest11`` entry point, and ``-p no:openapi_builder``.

The child pytest finds the plugin through the installed package's metadata, exactly as a
user's does after ``pip install``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.plugin.conftest import QUIET


@pytest.fixture
def entry_point(project: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> pytest.Pytester:
    """The project with plugin autoloading on, as a user's pytest runs."""
    monkeypatch.delenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", raising=False)
    return project


def test_the_entry_point_loads_the_plugin(entry_point: pytest.Pytester) -> None:
    result = entry_point.runpytest_subprocess(*QUIET, "-v")
    result.assert_outcomes(passed=2)


def test_disabled_plugin_leaves_other_tests_alone(entry_point: pytest.Pytester) -> None:
    result = entry_point.runpytest_subprocess(*QUIET, "-p", "no:openapi_builder")
    result.assert_outcomes(passed=1, errors=1)
    result.stdout.fnmatch_lines(["*fixture 'openapi_snapshot' not found*"])
    assert not Path(entry_point.path / ".openapi_builder").exists()


def test_disabled_plugin_has_no_options(entry_point: pytest.Pytester) -> None:
    result = entry_point.runpytest_subprocess(
        *QUIET, "-p", "no:openapi_builder", "--openapi-update"
    )
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*unrecognized arguments: --openapi-update*"])
