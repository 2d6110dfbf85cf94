"""Property on real data: Stripe's document split into one file per component schema.

Split (``tests/support/split.py``), it must validate with the same findings as the single
file (each found in the schema's own file), diff against it with no change, diff against
the previous year's split exactly as the single files diff, and bundle back to it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import openapi_builder as ob
from openapi_builder.pointers import MISSING, resolve
from tests.support.split import split_document

STRIPE = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "stripe"
SINGLE = STRIPE / "spec3.2022-04-12.json"
PREVIOUS = STRIPE / "spec3.2021-05-26.json"

pytestmark = pytest.mark.skipif(not SINGLE.exists(), reason="Stripe's spec is not in the corpus")


@pytest.fixture(scope="module")
def single() -> dict[str, Any]:
    return ob.load(SINGLE)


@pytest.fixture(scope="module")
def split(single: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> Path:
    return split_document(single, tmp_path_factory.mktemp("stripe")).parent


@pytest.fixture(scope="module")
def previous_split(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not PREVIOUS.exists():
        pytest.skip("the previous Stripe spec is absent")
    return split_document(ob.load(PREVIOUS), tmp_path_factory.mktemp("stripe-previous"))


def _single_file_pointer(pointer: str | None) -> str | None:
    """``schemas/X.json#/a`` (a part of a split spec) -> ``/components/schemas/X/a``."""
    if pointer is None or not pointer.startswith("schemas/"):
        return pointer
    file, _, inner = pointer.partition("#")
    return f"/components/schemas/{Path(file).stem}{inner}"


def _comparable(changes: tuple[ob.ReportedChange, ...]) -> list[tuple[Any, ...]]:
    return sorted(
        (
            c.rule_id,
            c.level,
            c.message,
            c.operations,
            _single_file_pointer(c.base_pointer),
            _single_file_pointer(c.revision_pointer),
        )
        for c in changes
    )


def test_the_split_has_one_file_per_schema(single: dict[str, Any], split: Path) -> None:
    files = sorted(p.stem for p in (split / "schemas").glob("*.json"))
    assert files == sorted(single["components"]["schemas"])
    assert len(files) > 500


def test_the_split_validates_with_the_same_findings(split: Path) -> None:
    expected = [(p.rule_id, p.severity, p.message, p.pointer) for p in ob.validate(SINGLE).problems]
    found = []
    for problem in ob.validate(split / "openapi.json").problems:
        assert problem.source is not None and problem.line is not None
        where = Path(problem.source)
        pointer = problem.pointer
        if where.parent.name == "schemas":  # a schema's own file: its place in the single one
            pointer = f"/components/schemas/{where.stem}{pointer}"
        found.append((problem.rule_id, problem.severity, problem.message, pointer))
    assert expected  # Stripe has warnings: the property is not vacuous
    assert sorted(found) == sorted(expected)


def test_the_split_diffs_against_the_single_file_with_no_change(split: Path) -> None:
    assert ob.diff(SINGLE, split / "openapi.json").changes == ()
    assert ob.diff(split / "openapi.json", SINGLE).changes == ()


def test_split_versions_diff_as_the_single_files_do(split: Path, previous_split: Path) -> None:
    expected = ob.diff(PREVIOUS, SINGLE)
    found = ob.diff(previous_split, split / "openapi.json")
    assert expected.breaking  # a year of Stripe has breaking changes
    assert _comparable(found.changes) == _comparable(expected.changes)
    assert found.exit_code == expected.exit_code == 1


def test_the_split_bundles_back_to_the_single_file(single: dict[str, Any], split: Path) -> None:
    assert ob.bundle(split / "openapi.json") == single


def test_without_entry_components_it_bundles_back_up_to_names(
    single: dict[str, Any], tmp_path: Path
) -> None:
    entry = split_document(single, tmp_path, wrappers=False)
    bundled = ob.bundle(entry)
    # Names come from the files, which are named after the schemas: the same names back.
    assert sorted(bundled["components"]["schemas"]) == sorted(single["components"]["schemas"])
    assert bundled == single


def test_every_change_of_the_split_is_placed_where_its_value_is_written(
    split: Path, previous_split: Path
) -> None:
    # `revision_place` (what the GitHub annotations use) names the file a change is written in
    # and a line and column there; decoding that file's text at that place must give the very
    # node the change's pointer names in that file.
    report = ob.diff(previous_split, split / "openapi.json")
    assert report.revision_place is not None
    placed = 0
    loaded: dict[Path, tuple[Any, str]] = {}  # file -> (its data, its text)
    for change in report.changes:
        pointer = change.revision_pointer
        if pointer is None:
            continue
        file, inner = pointer.partition("#")[::2] if "#" in pointer else ("openapi.json", pointer)
        path = split / file
        if path not in loaded:
            loaded[path] = (ob.load(path), path.read_text(encoding="utf-8"))
        data, text = loaded[path]
        node = resolve(data, inner)
        if node is MISSING:
            continue  # a removal: placed at its nearest surviving parent
        place = report.revision_place(pointer)
        assert place is not None, pointer
        name, line, column = place
        assert Path(name).resolve() == path.resolve()
        offset = sum(len(row) + 1 for row in text.split("\n")[: line - 1]) + column - 1
        assert json.JSONDecoder().raw_decode(text, offset)[0] == node, pointer
        placed += 1
    assert placed > 100  # most of a year's changes are inside the schemas' own files
