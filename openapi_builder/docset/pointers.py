"""JSON pointers (RFC 6901) over plain data, without recursion; ``MISSING`` for "nothing"."""

from __future__ import annotations

from typing import Any, Final

__all__ = ["MISSING", "escape", "resolve", "tokens", "unescape"]


class _Missing:
    """Marker for "nothing at this pointer" (``None`` is a legitimate JSON value)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Final = _Missing()


def escape(token: object) -> str:
    """Escape one reference token: ``~`` -> ``~0``, ``/`` -> ``~1``."""
    return str(token).replace("~", "~0").replace("/", "~1")


def unescape(token: str) -> str:
    """Undo ``escape``; ``~1`` is replaced first so ``~01`` reads as ``~1``."""
    return token.replace("~1", "/").replace("~0", "~")


def tokens(pointer: str) -> list[str]:
    """The unescaped tokens of a pointer (``""`` has none)."""
    return [unescape(raw) for raw in pointer[1:].split("/")] if pointer else []


def resolve(document: Any, pointer: str) -> Any:
    """The value at ``pointer`` in ``document``, or ``MISSING``; never raises."""
    if pointer == "":
        return document
    if not pointer.startswith("/"):
        return MISSING
    node = document
    for token in tokens(pointer):
        if type(node) is dict:
            if token in node:
                node = node[token]
                continue
            return MISSING
        if type(node) is list:
            # RFC 6901: array indexes are decimal without leading zeros.
            if token.isdigit() and token.isascii() and (token == "0" or token[0] != "0"):
                index = int(token)
                if index < len(node):
                    node = node[index]
                    continue
            return MISSING
        return MISSING
    return node
