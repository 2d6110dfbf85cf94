"""``--openapi-update``: stale and missing snapshots are rewritten and the run passes."""

from __future__ import annotations

import os

import pytest

from tests.plugin.conftest import LOAD, add_operation


def test_rewrites_a_stale_snapshot(project: pytest.Pytester) -> None:
    add_operation(project)
    result = project.runpytest(*LOAD, "--openapi-update")
    result.assert_outcomes(passed=2)
    snapshot = project.path / "openapi.yaml"
    result.stdout.fnmatch_lines(["*openapi-builder*", f"snapshot written: {snapshot}"])
    assert "operationId: delete_pet" in snapshot.read_text(encoding="utf-8")
    # Rewritten, the snapshot is now current: a plain run passes.
    project.runpytest(*LOAD).assert_outcomes(passed=2)
    assert [p.name for p in project.path.iterdir() if p.name.startswith(".openapi")] == []


def test_creates_a_missing_snapshot(project: pytest.Pytester) -> None:
    (project.path / "openapi.yaml").unlink()
    project.runpytest(*LOAD, "--openapi-update").assert_outcomes(passed=2)
    assert (project.path / "openapi.yaml").read_text(encoding="utf-8").startswith("openapi: ")
    project.runpytest(*LOAD).assert_outcomes(passed=2)


def test_leaves_a_current_snapshot_alone(project: pytest.Pytester) -> None:
    snapshot = project.path / "openapi.yaml"
    os.utime(snapshot, (1_000_000, 1_000_000))
    result = project.runpytest(*LOAD, "--openapi-update")
    result.assert_outcomes(passed=2)
    assert snapshot.stat().st_mtime == 1_000_000
    assert "snapshot written" not in result.stdout.str()


def test_an_unwritable_snapshot_fails_clearly(project: pytest.Pytester) -> None:
    project.makepyfile(
        test_blocked="""
        import petstore

        def test_blocked(openapi_snapshot):
            openapi_snapshot.assert_match(petstore.api, "pytest.ini/openapi.json")
        """
    )
    result = project.runpytest(*LOAD, "--openapi-update", "test_blocked.py")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*RenderError: cannot write*does not exist*"])
