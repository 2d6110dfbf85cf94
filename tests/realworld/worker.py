"""Run every real-world document through load, validate, render and diff; one JSON line each.

Started by ``test_corpus.py`` in a child process, so a hang is caught by the parent's watchdog
(it names the document in progress: a ``start`` line precedes each result). Nothing here
asserts: the parent judges the results.
"""

from __future__ import annotations

import json
import sys
import time
import traceback
from pathlib import Path
from typing import Any

import openapi_builder as ob
from tests.realworld.corpus import CORPUS, documents


def _result(path: Path) -> dict[str, Any]:
    result: dict[str, Any] = {"document": path.relative_to(CORPUS).as_posix()}
    try:
        document = ob.load(path)
    except ob.LoadError as error:
        result["load_error"] = {"line": error.line, "column": error.column, "reason": error.reason}
        return result
    started = time.perf_counter()
    report = ob.validate(path)
    result["validate_seconds"] = round(time.perf_counter() - started, 4)
    result["errors"] = sorted({(p.rule_id, p.pointer) for p in report.errors})
    result["unplaced"] = sum(1 for p in report.problems if p.line is None)
    result["roundtrip"] = {
        "json": ob.load(ob.to_json(document).encode()) == document,
        "yaml": ob.load(ob.to_yaml(document).encode()) == document,
    }
    result["self_diff"] = len(ob.diff(document, document).changes)
    return result


def main(argv: list[str]) -> int:
    paths = [CORPUS / name for name in argv] if argv else documents()
    for path in paths:
        print(json.dumps({"start": path.relative_to(CORPUS).as_posix()}), flush=True)
        try:
            result = _result(path)
        except Exception:  # reported, not raised: the parent fails that document's row
            result = {"document": path.relative_to(CORPUS).as_posix()}
            result["crash"] = traceback.format_exc(limit=8)
        print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
