"""Benchmark: validate and diff of Stripe split into one file per schema vs the single file.

Run: ``python bench/multifile.py [--runs 9]``. Stripe's 2022-04-12 document is split into a
temporary folder (``tests/support/split.py``: an entry plus 561 schema files whose ``$ref``s
point at each other), and each measurement runs on the single file and on the split, the
two interleaved run by run so both see the same machine. It reports the best of ``--runs``
as process CPU time (the machine is shared: wall time moves with the neighbours' load, CPU
time much less) and as wall time, and the split/single ratios; the target is 1.5x. It also
checks that both give the same findings and that the split diffs against the single file
with no change, and that the split 2021 -> 2022 diff finds as many changes as the single
files' diff. Prints a markdown table.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from openapi_builder import diff, load, validate  # noqa: E402
from openapi_builder.docset import bundle_set, load_document_set  # noqa: E402
from tests.support.split import split_document  # noqa: E402

STRIPE = ROOT / ".." / "shared" / "corpus" / "stripe"
STRIPE_2022 = STRIPE / "spec3.2022-04-12.json"
STRIPE_2021 = STRIPE / "spec3.2021-05-26.json"
TARGET = 1.5


def _pair(
    single: Callable[[], object], split: Callable[[], object], runs: int
) -> tuple[tuple[float, float], tuple[float, float]]:
    """Best (cpu, wall) of each action over ``runs`` interleaved runs."""
    best = [[float("inf")] * 2, [float("inf")] * 2]
    for _ in range(runs):
        for side, action in enumerate((single, split)):
            cpu, wall = time.process_time(), time.perf_counter()
            action()
            best[side][0] = min(best[side][0], time.process_time() - cpu)
            best[side][1] = min(best[side][1], time.perf_counter() - wall)
    return (best[0][0], best[0][1]), (best[1][0], best[1][1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="runs of each (best is kept)")
    args = parser.parse_args(argv)
    if not STRIPE_2022.is_file():
        print(f"(Stripe corpus not found at {STRIPE_2022}; nothing to measure)")
        return 0
    with tempfile.TemporaryDirectory() as folder, tempfile.TemporaryDirectory() as old:
        entry = split_document(load(STRIPE_2022), Path(folder))
        previous = split_document(load(STRIPE_2021), Path(old))
        files = len(list((Path(folder) / "schemas").glob("*.json"))) + 1
        same = sorted((p.rule_id, p.message) for p in validate(STRIPE_2022).problems) == sorted(
            (p.rule_id, p.message) for p in validate(entry).problems
        )
        no_change = diff(STRIPE_2022, entry).changes == ()
        same_diff = len(diff(STRIPE_2021, STRIPE_2022).changes) == len(
            diff(previous, entry).changes
        )
        rows = [
            ("validate (file)", *_pair(
                lambda: validate(STRIPE_2022), lambda: validate(entry), args.runs
            )),
            ("diff against itself", *_pair(
                lambda: diff(STRIPE_2022, STRIPE_2022), lambda: diff(entry, entry), args.runs
            )),
            ("diff 2021-05-26 -> 2022-04-12", *_pair(
                lambda: diff(STRIPE_2021, STRIPE_2022), lambda: diff(previous, entry), args.runs
            )),
            ("load + bundle", *_pair(
                lambda: load(STRIPE_2022),
                lambda: bundle_set(load_document_set(entry)),
                args.runs,
            )),
        ]  # fmt: skip
    print(f"Stripe spec3.2022-04-12.json: single file vs {files} files\n")
    print("| action | single: CPU | split: CPU | ratio (CPU) | single: wall | split: wall "
          "| ratio (wall) | target |")  # fmt: skip
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    worst = 0.0
    for name, (cpu1, wall1), (cpu2, wall2) in rows:
        target = "-" if name == "load + bundle" else f"<= {TARGET}x"
        print(
            f"| {name} | {cpu1:.3f} s | {cpu2:.3f} s | {cpu2 / cpu1:.2f}x | {wall1:.3f} s "
            f"| {wall2:.3f} s | {wall2 / wall1:.2f}x | {target} |"
        )
        if name != "load + bundle":
            worst = max(worst, cpu2 / cpu1)
    print(f"\nsame findings: {'yes' if same else 'NO'}; split vs single diff: "
          f"{'no change' if no_change else 'CHANGES'}; same 2021 -> 2022 changes: "
          f"{'yes' if same_diff else 'NO'}")  # fmt: skip
    return 0 if same and no_change and same_diff and worst <= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
