"""Invariant 2: same declarations -> byte-identical JSON and YAML, whatever the hash seed.

A batch of random recipes is built (for every version) in fresh
interpreters with different ``PYTHONHASHSEED`` values and import orders; every output line
(rendered JSON and YAML, or the DeclarationError message) must be identical.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.reliability.helpers import examples, run_python
from tests.reliability.strategies import recipes

#: Hash seeds each batch is built under (besides this process's own, usually random, seed).
SEEDS = ("0", "1", "4294967295", "random")

_WORKER = """
import importlib, runpy, sys
for name in sys.argv[2].split(","):
    if name:
        importlib.import_module(name)
sys.argv = ["recipes", sys.argv[1]]
runpy.run_module("tests.reliability.recipes", run_name="__main__")
"""
# A different import order must not change names or ordering either.
_IMPORT_ORDERS = (
    "",
    "openapi_builder.diff,openapi_builder.validate,openapi_builder.render",
    "tests.support.models_b,tests.support.models_a,openapi_builder.schemas",
    "",
)


def _outputs(recipe_file: Path, seed: str, imports: str) -> list[str]:
    done = run_python(_WORKER, str(recipe_file), imports, env={"PYTHONHASHSEED": seed}, timeout=240)
    assert done.returncode == 0, f"worker failed with PYTHONHASHSEED={seed}:\n{done.stderr}"
    return done.stdout.splitlines()


@examples(0.02)
@given(batch=st.lists(recipes(valid_only=True), min_size=10, max_size=10))
def test_output_is_identical_across_hash_seeds(
    tmp_path_factory: pytest.TempPathFactory, batch: list[dict[str, Any]]
) -> None:
    recipe_file = tmp_path_factory.mktemp("determinism") / "recipes.json"
    recipe_file.write_text(json.dumps(batch), encoding="utf-8")
    # Every build runs in a fresh interpreter: typing caches unions by *equality*, and
    # Literal["a", "b"] == Literal["b", "a"], so in a process that already built
    # Optional[Literal["a", "b"]], Optional[Literal["b", "a"]] *is* that object. Comparing
    # against this long-lived test process would test its history, not the hash seed.
    here = _outputs(recipe_file, "12345", "")
    assert any('"json"' in line for line in here), "the batch built nothing: widen the strategy"
    for seed, imports in zip(SEEDS, _IMPORT_ORDERS, strict=True):
        there = _outputs(recipe_file, seed, imports)
        assert len(there) == len(here)
        for mine, theirs in zip(here, there, strict=True):
            assert mine == theirs, f"output differs under PYTHONHASHSEED={seed} imports={imports!r}"
