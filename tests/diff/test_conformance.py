"""Conformance with oasdiff's own test suite, case by case (``fixtures/oasdiff_conformance.yaml``).

Each row is one oasdiff checker test whose fixture pair it diffs unmodified: the pair, the
direction of traffic its check judges (``scope``), the rule ids and levels oasdiff's test
expects, our verdict (breaking or not, within the scope) and the ids we share with oasdiff,
which we must report. A row where our verdict differs from oasdiff's (any ERR) says why in
``differs``; one where we report a shared id differently says why in ``ids_differ``. A new
disagreement fails the suite; the agreement figure is the one the README quotes.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from openapi_builder.diff import RULES, diff

ROOT = Path(__file__).resolve().parents[2]
TABLE = ROOT / "fixtures" / "oasdiff_conformance.yaml"
DATA = ROOT.parent / "shared" / "corpus" / "oasdiff" / "data"
ROWS: list[dict[str, Any]] = yaml.safe_load(TABLE.read_text(encoding="utf-8"))
TODAY = date(2025, 1, 1)
# oasdiff's options a row may set, under our diff's names.
OPTIONS = {"deprecation_days_beta", "deprecation_days_stable", "stability_level"}
needs_corpus = pytest.mark.skipif(not DATA.is_dir(), reason="oasdiff corpus absent")


def oasdiff_breaking(row: dict[str, Any]) -> bool:
    return any(entry["level"] == "ERR" for entry in row["oasdiff"])


def observed(row: dict[str, Any]) -> tuple[bool, set[str]]:
    """Our verdict within the row's scope, and every rule id we reported in it."""
    options = row.get("options", {})
    report = diff(DATA / row["base"], DATA / row["revision"], today=TODAY, **options)
    only = re.compile(row["only"]) if "only" in row else None
    changes = [
        c
        for c in report.changes
        if (row["scope"] == "any" or c.direction in (row["scope"], "none"))
        and (only is None or only.search(c.rule_id))
    ]
    return any(c.level == "breaking" for c in changes), {c.rule_id for c in changes}


def test_rows_are_well_formed() -> None:
    names = [row["test"] for row in ROWS]
    assert len(names) == len(set(names)), "one row per oasdiff test"
    for row in ROWS:
        assert row["scope"] in ("request", "response", "any")
        assert set(row.get("options", {})) <= OPTIONS, row["test"]
        assert all(entry["level"] in ("ERR", "WARN", "INFO") for entry in row["oasdiff"])
        assert set(row["ids"]) <= set(RULES), row["test"]
        # A verdict that differs from oasdiff's always says why, and only then.
        assert ("differs" in row) == (row["breaking"] != oasdiff_breaking(row)), row["test"]
        # Every oasdiff id of the row that is also ours is expected, or the row says why not.
        shared = {e["id"] for e in row["oasdiff"]} & set(RULES)
        assert shared <= set(row["ids"]) or "ids_differ" in row, row["test"]


@needs_corpus
@pytest.mark.parametrize("row", ROWS, ids=[row["test"] for row in ROWS])
def test_case(row: dict[str, Any]) -> None:
    breaking, ids = observed(row)
    assert breaking == row["breaking"], sorted(ids)
    assert set(row["ids"]) <= ids, sorted(ids)


def agreement() -> tuple[int, int, int, int]:
    """(verdicts agreeing, rows, shared ids reported, shared ids) over the whole table; a
    shared id is an oasdiff id of a row that is also one of ours, in a row that does not
    document (``ids_differ``) why we name that change otherwise."""
    agree = sum(row["breaking"] == oasdiff_breaking(row) for row in ROWS)
    shared = [
        (row, entry["id"])
        for row in ROWS
        if "ids_differ" not in row
        for entry in row["oasdiff"]
        if entry["id"] in RULES
    ]
    same = sum(rule in row["ids"] for row, rule in shared)
    return agree, len(ROWS), same, len(shared)


@needs_corpus
def test_agreement_figure_is_the_one_the_readme_quotes() -> None:
    agree, rows, same, shared = agreement()
    # A floor on the figure: every row's verdict is asserted above, so a new disagreement fails
    # there unless the row documents it.
    assert agree / rows >= 0.95
    assert same == shared
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"{agree} of {rows} oasdiff checker cases ({100 * agree / rows:.1f}%)" in readme
    assert f"{same} of {shared} shared rule ids" in readme
