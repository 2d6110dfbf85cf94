"""Where the real-world corpus is, and its documents in a stable order."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import CORPUS as SHARED

CORPUS = SHARED / "realworld"


def documents() -> list[Path]:
    """Every document listed in the corpus manifest, sorted by path."""
    manifest = CORPUS / "MANIFEST.tsv"
    if not manifest.exists():
        return []
    rows = manifest.read_text(encoding="utf-8").splitlines()[1:]
    paths = [row.split("\t")[2].removeprefix("APIs/") for row in rows if row.strip()]
    return [CORPUS / path for path in sorted(paths)]
