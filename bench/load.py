"""Load and render Stripe's 4 MB spec side by side with the stdlib and PyYAML (libyaml).

Usage: ``python bench/load.py [--runs 5]``. Prints a markdown table; bench/RESULTS.md keeps
a copy. Times are the best of ``--runs``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import openapi_builder as ob

SPEC = (
    Path(__file__).resolve().parents[2] / "shared" / "corpus" / "stripe" / "spec3.2022-04-12.json"
)


def best(runs: int, job: Callable[[], Any]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        job()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    text = SPEC.read_text(encoding="utf-8")
    document = ob.load(SPEC)
    yaml_text = ob.to_yaml(document)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    rows = [
        ("JSON load", lambda: ob.load(SPEC), lambda: json.loads(SPEC.read_text())),
        (
            "JSON dump",
            lambda: ob.to_json(document),
            lambda: json.dumps(document, indent=2, ensure_ascii=False),
        ),
        (
            "YAML dump",
            lambda: ob.to_yaml(document),
            lambda: yaml.dump(document, Dumper=dumper, sort_keys=False),
        ),
        ("YAML load", lambda: ob.loads(yaml_text), lambda: yaml.load(yaml_text, Loader=loader)),
    ]
    print(f"Stripe spec3.2022-04-12.json ({len(text) / 2**20:.1f} MB), best of {args.runs}")
    print("| step | openapi_builder | baseline | baseline / ours |")
    print("|---|---:|---:|---:|")
    for name, ours, theirs in rows:
        mine, base = best(args.runs, ours), best(args.runs, theirs)
        baseline = "stdlib json" if name.startswith("JSON") else f"PyYAML {loader.__name__}"
        if name == "YAML dump":
            baseline = f"PyYAML {dumper.__name__}"
        print(f"| {name} | {mine:.3f} s | {base:.3f} s ({baseline}) | {base / mine:.1f}x |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
