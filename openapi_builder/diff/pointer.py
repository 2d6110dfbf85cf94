"""JSON pointers (RFC 6901): build them from tokens, and read the last token back."""

from __future__ import annotations


def escape(token: str) -> str:
    """Escape one reference token: ``~`` becomes ``~0`` and ``/`` becomes ``~1``."""
    if "~" not in token and "/" not in token:  # the common case, and a hot path
        return token
    return token.replace("~", "~0").replace("/", "~1")


def unescape(token: str) -> str:
    """Undo :func:`escape` (the order matters: ``~1`` first, then ``~0``)."""
    return token.replace("~1", "/").replace("~0", "~")


def join(pointer: str, *tokens: str | int) -> str:
    """Append escaped tokens to ``pointer`` (``""`` is the document root)."""
    return pointer + "".join("/" + escape(str(token)) for token in tokens)


def last_token(pointer: str) -> str:
    """The last token of ``pointer``, unescaped (``""`` for the root)."""
    return unescape(pointer.rsplit("/", 1)[-1]) if pointer else ""
