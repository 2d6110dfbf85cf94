"""Benchmark: our full validation vs openapi-spec-validator, side by side, in one run.

Run: ``python bench/validate.py [--n 2000] [--runs 3] [--corpus]``. For Stripe's 2022-04-12
spec and the N-operation FastAPI document of ``bench/workload.py`` (a temporary JSON file), it
times ``openapi_builder.validate(path)`` (load + structure + lint, default rules; best of
``--runs``), the same on the already-loaded dict, and ``openapi_spec_validator.validate`` on
the loaded dict (once: it is slow). It checks the superset property on both (whatever the
reference rejects, we reject) and prints a markdown table. ``--corpus`` first runs every
document of the real-world corpus both ways: from the file (the reference reading it as its
command line does) and on the loaded dict.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from openapi_spec_validator import validate as reference_validate

from openapi_builder.load import load
from openapi_builder.validate import ValidationReport, validate

sys.path.insert(0, str(Path(__file__).resolve().parent))
fastapi_document = importlib.import_module("workload").fastapi_document

STRIPE = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "stripe"
STRIPE_2022 = STRIPE / "spec3.2022-04-12.json"
TARGETS = {"stripe": 10.0, "generated": 50.0}
_YAML = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _best(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def _reference(document: Any) -> tuple[float, bool]:
    start = time.perf_counter()
    try:
        reference_validate(document)
        accepted = True
    except Exception:
        accepted = False
    return time.perf_counter() - start, accepted


def measure(name: str, path: Path, runs: int) -> dict[str, Any]:
    """Time both validators on the document at ``path``."""
    document = load(path)
    report: list[ValidationReport] = []
    ours_file = _best(lambda: report.append(validate(path)), runs)
    ours_dict = _best(lambda: validate(document), runs)
    reference_seconds, reference_ok = _reference(document)
    ours_ok = report[-1].ok
    return {
        "name": name,
        "bytes": path.stat().st_size,
        "ours_file": ours_file,
        "ours_dict": ours_dict,
        "reference": reference_seconds,
        "ratio": reference_seconds / ours_file,
        "ratio_dict": reference_seconds / ours_dict,
        "superset": ours_ok <= reference_ok,  # reference rejects -> we reject
        "verdicts": f"{'ok' if ours_ok else 'invalid'} / {'ok' if reference_ok else 'invalid'}",
        "findings": len(report[-1].problems),
    }


def table(rows: list[dict[str, Any]]) -> str:
    """The results as a markdown table."""
    lines = [
        "| document | size | ours: load+structure+lint (s) | ours on dict (s) "
        "| openapi-spec-validator (s) | ratio (file) | ratio (dict) | target "
        "| verdict ours / ref | superset |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    for row in rows:
        target = TARGETS["stripe" if row["name"].startswith("stripe") else "generated"]
        lines.append(
            f"| {row['name']} | {row['bytes'] / 2**20:.1f} MB | {row['ours_file']:.3f} "
            f"| {row['ours_dict']:.3f} | {row['reference']:.2f} | {row['ratio']:.0f}x "
            f"| {row['ratio_dict']:.0f}x "
            f"| >= {target:.0f}x | {row['verdicts']} ({row['findings']} findings) "
            f"| {'yes' if row['superset'] else 'NO'} |"
        )
    return "\n".join(lines)


REALWORLD = STRIPE.parent / "realworld"


def _reference_from_file(path: Path) -> tuple[float, bool]:
    """The reference as a user runs it on a file: read it (PyYAML with libyaml), validate."""
    start = time.perf_counter()
    text = path.read_text(encoding="utf-8")
    try:
        document = json.loads(text) if path.suffix == ".json" else yaml.load(text, Loader=_YAML)
    except Exception:  # PyYAML cannot construct it (e.g. a date that is no date): refused
        return time.perf_counter() - start, False
    _, accepted = _reference(document)
    return time.perf_counter() - start, accepted


def _row(ratio: float) -> str:
    return f"{ratio:.1f}x"


def corpus(runs: int) -> str:
    """Every real-world document both ways, side by side: ours from the file vs the reference
    reading the file, and both on the loaded dict; per document and in total."""
    manifest = REALWORLD / "MANIFEST.tsv"
    if not manifest.is_file():
        return f"(real-world corpus not found at {REALWORLD}; skipped)"
    names = sorted(
        row.split("\t")[2].removeprefix("APIs/")
        for row in manifest.read_text(encoding="utf-8").splitlines()[1:]
        if row.strip()
    )
    rows = []
    for name in names:
        path = REALWORLD / name
        try:
            document = load(path)
        except Exception:
            continue  # refused by the loader: both sides read YAML with PyYAML's scanner
        ours_file = _best(lambda path=path: validate(path), runs)
        ours_dict = _best(lambda document=document: validate(document), runs)
        reference_file, accepted = _reference_from_file(path)
        reference_dict, _ = _reference(document)
        rows.append((name, ours_file, ours_dict, reference_file, reference_dict, accepted))
    lines = [
        "| documents | n | ours, file (s) | reference, file (s) | ratio | ours, dict (s) "
        "| reference, dict (s) | ratio | median ratio (file) | slower than the reference (file) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for label, subset in (
        ("all", rows),
        ("the reference accepts", [r for r in rows if r[5]]),
        ("the reference rejects (it stops at the first error)", [r for r in rows if not r[5]]),
    ):
        if not subset:
            continue
        ratios = sorted(r[3] / r[1] for r in subset)
        totals = [sum(r[i] for r in subset) for i in (1, 3, 2, 4)]
        lines.append(
            f"| {label} | {len(subset)} | {totals[0]:.2f} | {totals[1]:.2f} "
            f"| {_row(totals[1] / totals[0])} | {totals[2]:.2f} | {totals[3]:.2f} "
            f"| {_row(totals[3] / totals[2])} | {_row(ratios[len(ratios) // 2])} "
            f"| {sum(1 for r in subset if r[1] > r[3])} |"
        )
    lines += [
        "",
        "| slowest by our time (file) | ours (s) | reference (s) | ratio | reference verdict |",
        "|---|---:|---:|---:|---|",
    ]
    for name, ours, _, reference, _, accepted in sorted(rows, key=lambda r: -r[1])[:8]:
        verdict = "accepts" if accepted else "rejects"
        lines.append(
            f"| {name} | {ours:.3f} | {reference:.3f} | {_row(reference / ours)} | {verdict} |"
        )
    lines += ["", "| lowest ratios (file) | ours (s) | reference (s) | ratio | reference verdict |"]
    lines.append("|---|---:|---:|---:|---|")
    for name, ours, _, reference, _, accepted in sorted(rows, key=lambda r: r[3] / r[1])[:8]:
        verdict = "accepts" if accepted else "rejects"
        lines.append(
            f"| {name} | {ours:.3f} | {reference:.3f} | {_row(reference / ours)} | {verdict} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="operations in the generated doc")
    parser.add_argument("--runs", type=int, default=3, help="runs of ours (best is kept)")
    parser.add_argument("--corpus", action="store_true", help="also run the real-world corpus")
    args = parser.parse_args(argv)
    if args.corpus:
        print(corpus(args.runs))
        print()
    rows = []
    if STRIPE_2022.is_file():
        rows.append(measure("stripe spec3.2022-04-12.json", STRIPE_2022, args.runs))
    else:
        print(f"(Stripe corpus not found at {STRIPE_2022}; skipped)")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fastapi-{args.n}.json"
        path.write_text(json.dumps(fastapi_document(args.n)), encoding="utf-8")
        rows.append(measure(f"FastAPI workload N={args.n}", path, args.runs))
    print(table(rows))
    return 0 if all(row["superset"] for row in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
