"""The reference as oracle: whatever openapi-spec-validator rejects, ``validate`` rejects.

``fixtures/validate/defects/`` holds small broken documents (2.0, 3.0, 3.1, 3.2); its
``expected.yaml`` names, per file, one finding that must be reported (rule id and pointer)
and the reference's verdict, so the cases where we are stricter are listed, not implied.
The valid corpus (both Stripe specs and every rule's ``pass.yaml``) passes both.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_spec_validator import validate as reference_validate

from openapi_builder.load import load
from openapi_builder.validate import validate

from .conftest import FIXTURES, STRIPE_2021, STRIPE_2022, read_stripe

DEFECTS = FIXTURES / "defects"
EXPECTED: dict[str, dict[str, str]] = yaml.safe_load((DEFECTS / "expected.yaml").read_text())
# Defects the specification words as SHOULD (or not at all) are warnings (`ours: warning`);
# where the reference rejects one of those, the entry says `why` we do not.


def _reference_accepts(document: Any) -> bool:
    try:
        reference_validate(document)
    except Exception:  # any refusal counts, whatever its type
        return False
    return True


def test_defect_corpus_is_big_and_fully_described() -> None:
    files = sorted(p.name for p in DEFECTS.iterdir() if p.suffix in (".yaml", ".json"))
    files.remove("expected.yaml")
    assert files == sorted(EXPECTED)
    assert len(files) >= 25
    versions = {name.split("-")[0] for name in files}
    assert {"v20", "v30", "v31", "v32"} <= versions


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_defect_is_found_where_expected(name: str) -> None:
    expected = EXPECTED[name]
    report = validate(DEFECTS / name)
    severity = expected.get("ours", "error")
    if severity == "error":
        assert not report.ok, report.problems
    found = {(p.rule_id, p.pointer, p.severity) for p in report.problems}
    assert (expected["rule"], expected["pointer"], severity) in found, report.problems
    for problem in report.problems:
        assert len(problem.message) <= 200, problem
        assert problem.source == str(DEFECTS / name) and problem.line is not None


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_we_reject_whatever_the_reference_rejects(name: str) -> None:
    document = load(DEFECTS / name)
    reference_ok = _reference_accepts(document)
    assert reference_ok == (EXPECTED[name]["reference"] == "accepts")
    if not reference_ok and "why" not in EXPECTED[name]:
        assert not validate(document).ok
    if "why" in EXPECTED[name]:  # a written-down difference is a real one, not a stale note
        assert not reference_ok and validate(document).ok


VALID: list[Path] = sorted((FIXTURES / "rules").glob("*/pass.yaml"))


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.parent.name)
def test_valid_fixtures_pass_both(path: Path) -> None:
    document = load(path)
    assert _reference_accepts(document)
    assert validate(document).ok


@pytest.mark.parametrize("path", [STRIPE_2021, STRIPE_2022], ids=lambda p: p.name)
def test_stripe_passes_both(path: Path) -> None:
    document = read_stripe(path)
    report = validate(document)
    assert report.ok, report.errors[:5]
    assert _reference_accepts(document)
