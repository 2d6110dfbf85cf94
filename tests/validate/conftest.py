"""Shared fixtures for the validation tests: fixture folders and the Stripe corpus."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures" / "validate"
STRIPE = ROOT / ".." / "shared" / "corpus" / "stripe"
STRIPE_2022 = STRIPE / "spec3.2022-04-12.json"
STRIPE_2021 = STRIPE / "spec3.2021-05-26.json"


def read_stripe(path: Path) -> dict[str, Any]:
    """The Stripe document at ``path``, or a clean skip when the corpus is absent."""
    if not path.is_file():
        pytest.skip(f"Stripe corpus not found at {path}")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="session")
def _stripe_2022_pristine() -> dict[str, Any]:
    return read_stripe(STRIPE_2022)


@pytest.fixture
def stripe_2022(_stripe_2022_pristine: dict[str, Any]) -> dict[str, Any]:
    """A private deep copy of Stripe's 2022-04-12 spec (tests may change it)."""
    return copy.deepcopy(_stripe_2022_pristine)
