"""Benchmark: diff Stripe's spec 2021-05-26 -> 2022-04-12, loading included.

Run: ``python bench/diff.py [--runs N]``. Prints the best and median of N runs for
load + diff, and for the diff alone. There is no Python peer to run side by side; for scale,
Redocly's ``diff`` took about 5.7 s on the same pair on this machine (measured earlier, not
re-run here: it needs Node and the network).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from openapi_builder.diff import diff
from openapi_builder.load import load

STRIPE = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "stripe"
OLD, NEW = STRIPE / "spec3.2021-05-26.json", STRIPE / "spec3.2022-04-12.json"
REDOCLY_SECONDS = 5.7
TARGET_SECONDS = 0.5


def _timed(action: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    if not OLD.exists():
        print(f"Stripe corpus not found at {STRIPE}", file=sys.stderr)
        return 2
    old, new = load(OLD), load(NEW)
    report = diff(old, new)  # warm-up, and the numbers below
    full = _timed(lambda: diff(OLD, NEW), args.runs)
    only = _timed(lambda: diff(old, new), args.runs)
    counts = report.counts()
    print(f"Stripe {OLD.name} -> {NEW.name}: {len(report.changes)} changes {counts}")
    print(f"{'tool':<34}{'best':>9}{'median':>9}")
    for label, times in (("load+diff", full), ("diff only", only)):
        name = f"openapi_builder diff ({label})"
        print(f"{name:<34}{min(times):>8.3f}s{statistics.median(times):>8.3f}s")
    print(f"{'redocly diff (earlier, not re-run)':<34}{REDOCLY_SECONDS:>8.1f}s{'':>9}")
    verdict = "met" if min(full) < TARGET_SECONDS else "MISSED"
    print(f"target: load+diff under {TARGET_SECONDS:.1f} s - {verdict}")
    print("changes by rule:")
    for rule_id, count in sorted(Counter(c.rule_id for c in report.changes).items()):
        print(f"  {count:>4}  {rule_id}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
