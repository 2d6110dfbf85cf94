"""Regenerate ``fixtures/realworld/reference.tsv``: openapi-spec-validator's verdict per document.

Run: ``python -m tests.realworld.reference_verdicts`` (a few minutes). The verdicts are data:
the corpus test compares our errors with them without running the slow reference each time.
A document the reference cannot finish within ``TIMEOUT`` seconds is recorded as ``timeout``.
"""

from __future__ import annotations

import signal
import sys
from pathlib import Path
from typing import Any

from openapi_spec_validator import validate as reference_validate

from openapi_builder import LoadError, load
from tests.realworld.corpus import CORPUS, documents

TIMEOUT = 120
OUT = Path(__file__).resolve().parents[2] / "fixtures" / "realworld" / "reference.tsv"


def _alarm(signum: int, frame: Any) -> None:
    raise TimeoutError


def verdict(path: Path) -> str:
    try:
        document = load(path)
    except LoadError:
        return "unloadable"
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(TIMEOUT)
    try:
        reference_validate(document)
    except TimeoutError:
        return "timeout"
    except Exception:  # any refusal counts, whatever its type
        return "rejects"
    finally:
        signal.alarm(0)
    return "accepts"


def main() -> int:
    rows = ["document\treference"]
    for path in documents():
        name = path.relative_to(CORPUS).as_posix()
        rows.append(f"{name}\t{verdict(path)}")
        print(rows[-1], file=sys.stderr, flush=True)
    OUT.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
