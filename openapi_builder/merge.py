"""Deep merge of plain data, never touching either input."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

__all__ = ["deep_merge"]


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
