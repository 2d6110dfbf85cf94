"""Plain data from declarations: copies, deep merges and field tables; inputs never change."""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["deep_merge", "plain", "present_fields"]


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


def plain(value: Any) -> Any:
    """A deep copy made of plain dicts and lists (read-only mappings and tuples included)."""
    if isinstance(value, Mapping):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    return copy.deepcopy(value)


def present_fields(obj: object, fields: Sequence[tuple[str, str]]) -> dict[str, Any]:
    """``obj``'s attributes that are not None, under their OpenAPI names, in table order."""
    out: dict[str, Any] = {}
    for attribute, name in fields:
        value = getattr(obj, attribute)
        if value is not None:
            out[name] = plain(value)
    return out
