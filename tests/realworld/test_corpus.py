"""Every real-world document: loaded (or refused with a place), validated, rendered and loaded
back equal, diffed against itself with no change - under a hang guard, never a crash.

The documents run in one child process (``worker.py``) watched by the parent: a document that
takes longer than ``HANG_GUARD`` seconds (far above the ~0.5 s the slowest takes) fails as a
hang, by name. Our errors are compared with openapi-spec-validator's verdicts
(``fixtures/realworld/reference.tsv``) through the golden table ``expected.yaml``: an error on
a document the reference accepts must be listed, with a rule whose basis is a MUST; a document
the reference rejects must get an error from us, or be listed with the reason we differ.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from typing import Any

import pytest
import yaml

from openapi_builder.validate.catalogue import RULES_BY_ID
from tests.conftest import FIXTURES, ROOT
from tests.realworld.corpus import CORPUS, documents

HANG_GUARD = 120.0
TABLE = FIXTURES / "realworld"
DOCUMENTS = [path.relative_to(CORPUS).as_posix() for path in documents()]

pytestmark = pytest.mark.skipif(not DOCUMENTS, reason=f"corpus not available: {CORPUS}")


def _run_worker() -> dict[str, dict[str, Any]]:
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.realworld.worker"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    lines: queue.Queue[str | None] = queue.Queue()

    def read() -> None:
        assert child.stdout is not None
        for line in child.stdout:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=read, daemon=True).start()
    results: dict[str, dict[str, Any]] = {}
    current: str | None = None
    try:
        while True:
            try:
                line = lines.get(timeout=HANG_GUARD)
            except queue.Empty:
                if current is not None:
                    results[current] = {"hang": HANG_GUARD}
                break
            if line is None:
                break
            record = json.loads(line)
            if "start" in record:
                current = record["start"]
            else:
                results[record["document"]] = record
                current = None
    finally:
        child.kill()
        child.wait()
    return results


@pytest.fixture(scope="module")
def results() -> dict[str, dict[str, Any]]:
    return _run_worker()


@pytest.fixture(scope="module")
def expected() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((TABLE / "expected.yaml").read_text(encoding="utf-8"))
    return data


def _reference() -> dict[str, str]:
    rows = (TABLE / "reference.tsv").read_text(encoding="utf-8").splitlines()[1:]
    return dict(row.split("\t") for row in rows)


REFERENCE = _reference()


def test_the_reference_verdicts_cover_the_corpus() -> None:
    assert sorted(REFERENCE) == sorted(DOCUMENTS)


@pytest.mark.parametrize("document", DOCUMENTS)
def test_document_is_read_checked_rendered_and_diffed(
    document: str, results: dict[str, dict[str, Any]], expected: dict[str, Any]
) -> None:
    result = results.get(document)
    assert result is not None, f"{document}: never finished (the worker stopped before it)"
    assert "hang" not in result, f"{document}: no answer within {HANG_GUARD} s"
    assert "crash" not in result, result.get("crash")
    refused = {row["document"]: row for row in expected["load_errors"]}
    if "load_error" in result:
        row = refused.get(document)
        assert row is not None, f"{document}: refused, not listed: {result['load_error']}"
        place = result["load_error"]
        assert (place["line"], place["column"]) == (row["line"], row["column"])
        return
    assert document not in refused, f"{document}: loads now; remove its load_errors row"
    assert result["roundtrip"] == {"json": True, "yaml": True}
    assert result["self_diff"] == 0
    assert result["unplaced"] == 0, f"{document}: findings without a line and column"


@pytest.mark.parametrize("document", DOCUMENTS)
def test_errors_agree_with_the_reference_or_say_why(
    document: str, results: dict[str, dict[str, Any]], expected: dict[str, Any]
) -> None:
    result = results.get(document, {})
    if "errors" not in result:
        return  # not loaded (judged above)
    ours = {tuple(error) for error in result["errors"]}
    verdict = REFERENCE[document]
    listed = {
        (row["rule"], row["pointer"])
        for row in expected["errors_where_the_reference_accepts"]
        if row["document"] == document
    }
    if verdict == "accepts":
        assert ours == listed, f"{document}: update errors_where_the_reference_accepts"
        for rule, _ in ours:
            assert "MUST" in RULES_BY_ID[rule].basis, f"{rule} is an error without a MUST"
    else:
        assert not listed
    differs = {row["document"] for row in expected["accepted_where_the_reference_rejects"]}
    if verdict == "rejects":
        assert bool(ours) != (document in differs), (
            f"{document}: the reference rejects it; we find "
            + (f"{sorted(ours)}: remove its row" if ours else "no error: justify it or fix us")
        )


def test_the_table_has_no_rows_for_documents_that_are_gone(expected: dict[str, Any]) -> None:
    for section in expected.values():
        for row in section:
            assert row["document"] in DOCUMENTS, row
            assert row.get("why", "x"), row


def test_the_slowest_document_finishes_far_inside_the_guard(
    results: dict[str, dict[str, Any]],
) -> None:
    # Not a speed claim (bench/validate.py measures): proof the guard is not what passes.
    slowest = max(r.get("validate_seconds", 0.0) for r in results.values())
    assert slowest < HANG_GUARD / 4
