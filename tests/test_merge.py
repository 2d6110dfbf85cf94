"""Plain-data helpers: deep merge, plain copies, field tables; inputs never change."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

import pytest

from openapi_builder.declare import FrozenMapping
from openapi_builder.merge import copy_json, deep_merge, present_fields


@pytest.mark.parametrize(
    ("base", "update", "expected"),
    [
        ({"a": 1}, {"b": 2}, {"a": 1, "b": 2}),
        ({"a": {"x": 1, "y": 2}}, {"a": {"y": 3}}, {"a": {"x": 1, "y": 3}}),
        ({"a": [1, 2]}, {"a": [3]}, {"a": [3]}),  # lists are replaced
        ({"a": {"x": 1}}, {"a": 5}, {"a": 5}),  # a non-mapping replaces a mapping
        ({"a": 5}, {"a": {"x": 1}}, {"a": {"x": 1}}),
        ({}, {}, {}),
    ],
)
def test_deep_merge(base: dict[str, Any], update: dict[str, Any], expected: dict[str, Any]) -> None:
    before = copy.deepcopy((base, update))
    merged = deep_merge(base, update)
    assert merged == expected
    assert (base, update) == before
    for key, value in merged.items():  # nothing is shared with the inputs
        if isinstance(value, (dict, list)):
            assert value is not base.get(key) and value is not update.get(key)


def test_copy_json_turns_read_only_containers_into_dicts_and_lists() -> None:
    frozen = FrozenMapping({"a": (1, FrozenMapping({"b": [2]}))})
    assert copy_json(frozen) == {"a": [1, {"b": [2]}]}
    assert type(copy_json(frozen)) is dict and type(copy_json(frozen)["a"]) is list


def test_present_fields_keeps_table_order_and_skips_none() -> None:
    @dataclass
    class Thing:
        first: str | None
        second: int | None
        third: bool

    table = (("third", "Third"), ("first", "first"), ("second", "secondField"))
    assert present_fields(Thing("x", None, False), table) == {"Third": False, "first": "x"}
    assert list(present_fields(Thing("x", 2, True), table)) == ["Third", "first", "secondField"]
