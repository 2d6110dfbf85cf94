"""Every golden document, split into one file per component schema, is the same document.

The same property as the Stripe test, over the project's own goldens (3.0, 3.1 and 3.2, every
object kind): the split bundles back to the original, validates with the same findings (each
in its schema's file) and diffs against the original with no change. Without the entry's
components (``flat``), a schema nothing refers to is not reached, so it is not bundled: the
bundle is the original less those.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import openapi_builder as ob
from tests.support.split import split_document

ROOT = Path(__file__).resolve().parents[2] / "fixtures"
GOLDENS = sorted(
    path
    for folder in ("surface", "parity", "dialects", "examples")
    for path in (ROOT / folder).glob("*.json")
    if ob.load(path).get("components", {}).get("schemas")
)


@pytest.mark.parametrize("golden", GOLDENS, ids=lambda p: f"{p.parent.name}/{p.name}")
@pytest.mark.parametrize("wrappers", [True, False], ids=["wrappers", "flat"])
def test_a_split_golden_is_the_same_document(golden: Path, wrappers: bool, tmp_path: Path) -> None:
    single = ob.load(golden)
    entry = split_document(single, tmp_path, wrappers=wrappers)
    bundled = ob.bundle(entry)
    if wrappers:
        assert bundled == single
        expected = sorted((p.rule_id, p.message) for p in ob.validate(golden).problems)
        assert sorted((p.rule_id, p.message) for p in ob.validate(entry).problems) == expected
    else:
        schemas = single["components"]["schemas"]
        reached = bundled.get("components", {}).get("schemas", {})
        assert {name: schemas[name] for name in reached} == reached
        assert {**bundled, "components": {}} == {**single, "components": {}}
    assert ob.diff(golden, entry).changes == ()
    assert ob.diff(entry, golden).changes == ()
