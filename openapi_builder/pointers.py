"""JSON pointers (RFC 6901) and local ``$ref`` resolution, without recursion.

Shared by every layer that reads documents (validate, docset, diff): it imports nothing of ours.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Final
from urllib.parse import unquote

__all__ = [
    "MISSING",
    "escape",
    "join",
    "resolve",
    "split_ref",
    "to_pointer",
    "tokens",
    "unescape",
]


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


def join(pointer: str, token: object) -> str:
    """The pointer of ``token`` below ``pointer``."""
    return f"{pointer}/{escape(token)}"


def to_pointer(tokens: Iterable[object]) -> str:
    """A pointer from raw (unescaped) tokens; the empty sequence is the root ``""``."""
    return "".join(f"/{escape(token)}" for token in tokens)


def split_ref(ref: str) -> tuple[str, str]:
    """Split a ``$ref`` into its document part and its decoded fragment pointer.

    ``"other.yaml#/a%20b"`` -> ``("other.yaml", "/a b")``; ``"#/x"`` -> ``("", "/x")``.
    Percent-encoding is decoded in the fragment only, as the URI rules ask.
    """
    document, _, fragment = ref.partition("#")
    return document, unquote(fragment)


def resolve(document: Any, pointer: str) -> Any:
    """The value at ``pointer`` in ``document``, or ``MISSING``; never raises."""
    if pointer == "":
        return document
    if not pointer.startswith("/"):
        return MISSING
    node = document
    for raw in pointer[1:].split("/"):
        token = unescape(raw)
        if isinstance(node, dict):
            if token in node:
                node = node[token]
                continue
            return MISSING
        if isinstance(node, list):
            # RFC 6901: array indexes are decimal without leading zeros.
            if token.isdigit() and token.isascii() and (token == "0" or token[0] != "0"):
                index = int(token)
                if index < len(node):
                    node = node[index]
                    continue
            return MISSING
        return MISSING
    return node
