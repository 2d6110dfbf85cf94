"""Frozen containers and the small shape checks every declaration shares.

Declarations hold their mappings in ``FrozenMapping`` and their lists as tuples, so a
declaration never changes after construction and never aliases the caller's containers.
This module imports nothing else from openapi_builder but the errors.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from openapi_builder.errors import DeclarationError

__all__ = [
    "EMPTY",
    "FrozenMapping",
    "check_examples",
    "check_extensions",
    "empty",
    "frozen_mapping",
    "frozen_tuple",
    "is_ref",
    "set_field",
]


class FrozenMapping(Mapping[Any, Any]):
    """A read-only mapping that, unlike ``MappingProxyType``, copies and pickles.

    Declarations hold their mappings in one of these so that they can neither change after
    construction nor alias the caller's dict, and users can still deep-copy or pickle them.
    """

    __slots__ = ("_data",)
    _data: dict[Any, Any]

    def __init__(self, data: Mapping[Any, Any] = ()) -> None:  # type: ignore[assignment]
        object.__setattr__(self, "_data", dict(data))

    def __getitem__(self, key: Any) -> Any:
        return self._data[key]

    def __iter__(self) -> Iterator[Any]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __repr__(self) -> str:
        return repr(self._data)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self._data,))


EMPTY: Mapping[str, Any] = FrozenMapping()


def empty() -> Mapping[Any, Any]:
    return EMPTY


def frozen_mapping(value: Mapping[Any, Any] | None, what: str) -> Mapping[Any, Any]:
    if value is None:
        return EMPTY
    if not isinstance(value, Mapping):
        raise DeclarationError(f"{what} must be a mapping, got {type(value).__name__}")
    return FrozenMapping(value)


def frozen_tuple(value: Iterable[Any] | None, what: str) -> tuple[Any, ...]:
    if value is None:
        return ()
    if isinstance(value, (str, bytes, Mapping)):
        raise DeclarationError(f"{what} must be a list, got {type(value).__name__}")
    return tuple(value)


def is_ref(value: object) -> bool:
    return isinstance(value, Mapping) and isinstance(value.get("$ref"), str) and len(value) == 1


def set_field(obj: object, name: str, value: object) -> None:
    # Frozen dataclasses normalize their own fields in __post_init__ only.
    object.__setattr__(obj, name, value)


def check_extensions(extensions: Mapping[str, Any], where: str) -> None:
    bad = [key for key in extensions if not (isinstance(key, str) and key.startswith("x-"))]
    if bad:
        raise DeclarationError(f"extension keys must start with 'x-', got {bad!r}", where=where)


def check_examples(examples: Any) -> tuple[Any, ...] | None:
    """A schema's ``examples``: a list of values, stored as a tuple (None when not given)."""
    if examples is None:
        return None
    if isinstance(examples, (str, bytes, Mapping)) or not isinstance(examples, Iterable):
        raise DeclarationError(
            "examples is a list of example values (schema examples); named Example Objects "
            "go in openapi_examples={name: {'value': ...}}"
        )
    return tuple(examples)
