"""Benchmark: Stripe's static reference page and its year diff page, beside Redocly.

Run: ``python bench/docs.py [--runs N] [--redocly PATH]``. Prints the best and median of N
runs for: the static page of spec3.2022-04-12.json (render only, and load + render), the
Swagger UI page, and the diff page of 2021-05-26 -> 2022-04-12 (diff + page, and the page
alone). With ``--redocly`` (the ``redocly`` executable of ``npm install @redocly/cli``),
Redocly's ``build-docs`` runs once on the same file in the same run, for scale.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from openapi_builder.diff import diff
from openapi_builder.docs import docs_html
from openapi_builder.load import load

STRIPE = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "stripe"
OLD, NEW = STRIPE / "spec3.2021-05-26.json", STRIPE / "spec3.2022-04-12.json"
TARGET_SECONDS = 1.0


def _timed(action: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def _redocly(executable: str) -> tuple[float, int] | None:
    """Seconds and output bytes of one ``redocly build-docs`` of the new spec."""
    with tempfile.TemporaryDirectory() as scratch:
        output = Path(scratch) / "redoc.html"
        start = time.perf_counter()
        done = subprocess.run(
            [executable, "build-docs", str(NEW), "-o", str(output)],
            env={
                **os.environ,
                "REDOCLY_TELEMETRY": "off",
                "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true",
            },
            capture_output=True,
            text=True,
            check=False,
            timeout=600,
        )
        elapsed = time.perf_counter() - start
        if done.returncode != 0 or not output.is_file():
            print(f"redocly build-docs failed: {done.stderr.strip()[-400:]}", file=sys.stderr)
            return None
        return elapsed, output.stat().st_size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--redocly", metavar="PATH", help="the redocly executable to compare")
    args = parser.parse_args(argv)
    if not OLD.exists():
        print(f"Stripe corpus not found at {STRIPE}", file=sys.stderr)
        return 2
    old, new = load(OLD), load(NEW)
    report = diff(old, new)
    sizes = {
        "static": len(docs_html(new).encode()),
        "swagger": len(docs_html(new, ui="swagger").encode()),
        "diff": len(report.to_html(base=old, revision=new).encode()),
    }
    rows = [
        ("static page, render", _timed(lambda: docs_html(new), args.runs), sizes["static"]),
        ("static page, load + render", _timed(lambda: docs_html(load(NEW)), args.runs), None),
        ("swagger page, render", _timed(lambda: docs_html(new, ui="swagger"), args.runs), None),
        (
            "diff page, page only",
            _timed(lambda: report.to_html(base=old, revision=new), args.runs),
            sizes["diff"],
        ),
        (
            "diff page, load + diff + page",
            _timed(lambda: diff(OLD, NEW).to_html(), args.runs),
            None,
        ),
    ]
    print(f"Stripe {NEW.name}; diff {OLD.name} -> {NEW.name}: {report.counts()}")
    print(f"{'what':<34}{'best':>9}{'median':>9}{'size':>10}")
    for label, times, size in rows:
        shown = f"{size / 2**20:>8.1f}MB" if size else ""
        print(f"{label:<34}{min(times):>8.3f}s{statistics.median(times):>8.3f}s{shown}")
    print(f"{'swagger page size':<52}{sizes['swagger'] / 2**20:>8.1f}MB")
    if args.redocly:
        measured = _redocly(args.redocly)
        if measured is not None:
            seconds, size = measured
            label = "redocly build-docs (one run)"
            print(f"{label:<34}{seconds:>8.3f}s{'':>9}{size / 2**20:>8.1f}MB")
    static, diff_page = min(rows[0][1]), min(rows[4][1])
    for name, seconds in (("static page", static), ("diff page (load + diff + page)", diff_page)):
        verdict = "met" if seconds < TARGET_SECONDS else "MISSED"
        print(f"target: {name} under {TARGET_SECONDS:.0f} s - {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
