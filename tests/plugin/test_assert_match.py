"""The ``openapi_snapshot`` fixture: pass, stale (with a diff), missing, formats, misuse."""

from __future__ import annotations

import sys
from collections.abc import Callable

import pytest

import openapi_builder as ob
from tests.plugin.conftest import LOAD, PROJECT, add_operation


def test_committed_snapshot_is_the_current_build(golden: Callable[[str, str], None]) -> None:
    sys.path.insert(0, str(PROJECT))
    try:
        import petstore  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(PROJECT))
        sys.modules.pop("petstore", None)
    golden("plugin_project/openapi.yaml", ob.to_yaml(petstore.api.build()))


def test_up_to_date_snapshot_passes(project: pytest.Pytester) -> None:
    result = project.runpytest(*LOAD)
    result.assert_outcomes(passed=2)


def test_stale_snapshot_fails_with_a_diff_and_the_fix(project: pytest.Pytester) -> None:
    add_operation(project)
    before = (project.path / "openapi.yaml").read_bytes()
    result = project.runpytest(*LOAD)
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(
        [
            f"*OpenAPI snapshot {project.path / 'openapi.yaml'} is stale; "
            "run pytest --openapi-update to rewrite it",
            "--- openapi.yaml (snapshot)",
            "+++ openapi.yaml (current)",
            "*+    delete:",
            "*+      operationId: delete_pet",
        ]
    )
    # Readable: no traceback through the plugin's helpers, only the failure message.
    assert "pytest_plugin.py" not in result.stdout.str()
    assert (project.path / "openapi.yaml").read_bytes() == before


def test_missing_snapshot_fails(project: pytest.Pytester) -> None:
    (project.path / "openapi.yaml").unlink()
    result = project.runpytest(*LOAD)
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(
        ["*openapi.yaml does not exist; run pytest --openapi-update to create it"]
    )
    assert not (project.path / "openapi.yaml").exists()


def test_documents_and_json_snapshots(pytester: pytest.Pytester) -> None:
    document = {"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": {}}
    (pytester.path / "spec.json").write_text(ob.to_json(document), encoding="utf-8")
    pytester.makepyfile(
        f"""
        DOC = {document!r}

        def test_same(openapi_snapshot):
            openapi_snapshot.assert_match(DOC, "spec.json")

        def test_absolute_path(openapi_snapshot, tmp_path):
            target = tmp_path / "spec.yml"
            target.write_text("openapi: '3.1.0'\\n", encoding="utf-8")
            openapi_snapshot.assert_match(DOC, target)

        def test_changed(openapi_snapshot):
            openapi_snapshot.assert_match({{**DOC, "paths": {{"/a": {{}}}}}}, "spec.json")
        """
    )
    result = pytester.runpytest(*LOAD)
    result.assert_outcomes(passed=1, failed=2)
    result.stdout.fnmatch_lines(['*+  "paths": {', '*+    "/a": {}'])


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            'openapi_snapshot.assert_match({"openapi": "3.1.0"}, "spec.txt")',
            "*RenderError: cannot tell the snapshot format from the suffix '.txt'*",
        ),
        (
            'openapi_snapshot.assert_match(42, "spec.json")',
            "*TypeError: assert_match takes an openapi_builder.API or a document dict, not int",
        ),
    ],
    ids=["unknown-suffix", "wrong-type"],
)
def test_misuse_is_a_clear_error(pytester: pytest.Pytester, call: str, message: str) -> None:
    pytester.makepyfile(f"def test_it(openapi_snapshot):\n    {call}\n")
    result = pytester.runpytest(*LOAD)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([message])


def test_an_api_that_does_not_build_fails_the_test(project: pytest.Pytester) -> None:
    petstore = project.path / "petstore.py"
    petstore.write_text(
        petstore.read_text(encoding="utf-8")
        + '\napi.add(ob.Operation("GET", "/x", openapi_extra={"deprecated": "yes"}))\n',
        encoding="utf-8",
    )
    result = project.runpytest(*LOAD)
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*SpecValidationError*", "*expected boolean, got string*"])


def test_option_group_in_help(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest(*LOAD, "--help")
    result.stdout.fnmatch_lines(
        [
            "OpenAPI snapshots (openapi-builder):",
            "*--openapi-update*rewrite stale or missing OpenAPI snapshots instead of*",
        ]
    )
