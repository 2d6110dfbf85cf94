"""Small tools shared by the dialect modules: JSON pointers, findings, copies, versions."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeGuard

from openapi_builder.errors import DeclarationError
from openapi_builder.merge import copy_json

__all__ = [
    "SUPPORTED_VERSIONS",
    "Finding",
    "Version",
    "copy_json",
    "is_sequence",
    "join_pointer",
    "parse_version",
    "raise_findings",
]

Version = tuple[int, int]
"""An OpenAPI minor version, e.g. ``(3, 1)``; patch levels never change features."""

#: The ``openapi`` values the official schemas accept (3.0's schema allows one patch digit).
_VERSION = re.compile(r"3\.(?:0\.\d|[12]\.\d+)")
SUPPORTED_VERSIONS = ("3.0.x", "3.1.x", "3.2.x")


def parse_version(version: str) -> Version:
    """Return ``(3, minor)`` for a supported ``openapi`` version string.

    Raises:
        DeclarationError: the string is not ``3.0.x``, ``3.1.x`` or ``3.2.x``.
    """
    if not isinstance(version, str) or not _VERSION.fullmatch(version):
        raise DeclarationError(
            f"unsupported OpenAPI version {version!r}: use one of "
            f'{", ".join(SUPPORTED_VERSIONS)} (e.g. "3.0.3", "3.1.0", "3.2.0")',
            where="/openapi",
        )
    return (3, int(version.split(".")[1]))


def join_pointer(pointer: str, *tokens: str | int) -> str:
    """Extend a JSON pointer by reference tokens, escaping ``~`` and ``/`` (RFC 6901)."""
    parts = [pointer]
    for token in tokens:
        parts.append("/" + str(token).replace("~", "~0").replace("/", "~1"))
    return "".join(parts)


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a target version cannot express: where it is and what to do about it."""

    pointer: str
    message: str

    def __str__(self) -> str:
        return f"{self.message} - at {self.pointer or '/'}"


def raise_findings(findings: Iterable[Finding], *, title: str) -> None:
    """Raise one ``DeclarationError`` naming every finding (sorted by pointer), if any.

    A single finding keeps its pointer in ``where``; several are listed in the message, one
    line each, so the whole set can be fixed in one go.
    """
    unique = sorted(set(findings), key=lambda f: (f.pointer, f.message))
    if not unique:
        return
    if len(unique) == 1:
        raise DeclarationError(unique[0].message, where=unique[0].pointer or "/")
    lines = [f"{title}: {len(unique)} problems"]
    lines.extend(f"  - {finding}" for finding in unique)
    raise DeclarationError("\n".join(lines))


def is_sequence(value: Any) -> TypeGuard[Sequence[Any]]:
    """True for JSON arrays (lists and tuples), false for strings and mappings."""
    return isinstance(value, Sequence) and not isinstance(value, (str, bytes))
