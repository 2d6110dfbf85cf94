"""Plain data from declarations: copies, deep merges and field tables; inputs never change."""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["copy_json", "deep_merge", "present_fields"]


def deep_merge(base: Mapping[str, Any], update: Mapping[str, Any]) -> dict[str, Any]:
    """Return ``base`` with ``update`` merged in: mappings merge key by key, later wins.

    Anything that is not a mapping on both sides (lists included) is replaced by the
    ``update`` value. Both inputs stay as they were; the result shares nothing with them.
    """
    merged = {key: copy.deepcopy(value) for key, value in base.items()}
    for key, value in update.items():
        current = merged.get(key)
        if isinstance(current, Mapping) and isinstance(value, Mapping):
            merged[key] = deep_merge(current, value)
        else:
            merged[key] = copy.deepcopy(value)
    return merged


def copy_json(value: Any, replace: Mapping[int, Any] | None = None) -> Any:
    """Deep-copy JSON-like data (dicts, lists, scalars) without recursion.

    ``copy.deepcopy`` recurses once per level and fails on 10,000-deep schemas; mappings
    become dicts and sequences (but strings) become lists.
    ``replace`` maps ``id()`` of containers inside ``value`` to what stands in their place
    in the copy (used as is, not copied): converted schemas skip a copy they do not need.
    """
    swaps = replace or {}
    root: list[Any] = [None]
    # Each entry: (source value, target container, key in target to fill).
    stack: list[tuple[Any, Any, Any]] = [(value, root, 0)]
    while stack:
        source, target, key = stack.pop()
        if id(source) in swaps:
            target[key] = swaps[id(source)]
        elif type(source) is dict or isinstance(source, Mapping):
            new_map: dict[str, Any] = dict.fromkeys(source)
            target[key] = new_map
            for name, item in source.items():
                if type(item) in _SCALARS:
                    new_map[name] = item
                else:
                    stack.append((item, new_map, name))
        elif type(source) is list or isinstance(source, tuple):
            new_list: list[Any] = list(source)
            target[key] = new_list
            for index, item in enumerate(source):
                if type(item) not in _SCALARS:
                    stack.append((item, new_list, index))
        else:
            target[key] = source
    return root[0]


_SCALARS = frozenset({str, int, float, bool, type(None)})


def present_fields(obj: object, fields: Sequence[tuple[str, str]]) -> dict[str, Any]:
    """``obj``'s attributes that are not None, under their OpenAPI names, in table order."""
    out: dict[str, Any] = {}
    for attribute, name in fields:
        value = getattr(obj, attribute)
        if value is not None:
            out[name] = copy_json(value)
    return out
