"""What a ``$ref`` string names, decided from its text alone: a file under the root, or why not.

Relative references are resolved against the folder of the file holding them, lexically
(``posixpath.normpath``), and must stay under the root folder; symlinks are judged later, by
the reader, against the real root. Nothing here reads a file or touches the network.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import quote, unquote

__all__ = ["FileRef", "RefProblem", "fragment_of", "parse_ref"]

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
# Characters a JSON pointer keeps when written as a URI fragment (RFC 3986 pchar + "/?").
_FRAGMENT_SAFE = "/?:@!$&'()*+,;=-._~"


@dataclass(frozen=True, slots=True)
class FileRef:
    """A reference to ``pointer`` inside the file ``name`` (root-relative, ``/``-separated)."""

    name: str
    pointer: str


@dataclass(frozen=True, slots=True)
class RefProblem:
    """Why a reference is not followed, and what would fix it; ``remote`` for URLs."""

    message: str
    hint: str
    remote: bool = False


def fragment_of(pointer: str) -> str:
    """A JSON pointer written as a ``$ref`` fragment (``#`` included, percent-encoded)."""
    return "#" + quote(pointer, safe=_FRAGMENT_SAFE)


def parse_ref(ref: str, holder: str) -> FileRef | RefProblem:
    """Where ``ref``, written in the file ``holder``, points; or why it is not followed.

    ``holder`` is root-relative. ``#/a/b`` stays in ``holder``; ``pet.yaml`` and
    ``../common.yaml#/X`` are resolved against ``holder``'s folder.
    """
    where, _, fragment = ref.partition("#")
    pointer = unquote(fragment)
    if pointer and not pointer.startswith("/"):
        return RefProblem(
            f"$ref {ref!r} uses a plain-name fragment, which is not supported",
            "use a JSON pointer fragment such as #/components/schemas/Name",
        )
    if not where:
        return FileRef(holder, pointer)
    if where.startswith("//") or re.match(r"^https?:", where, re.IGNORECASE):
        return RefProblem(
            f"remote $ref {ref!r} is not fetched",
            "copy the document into the spec's folder and refer to it by a relative path",
            remote=True,
        )
    if where.lower().startswith("file:"):
        return RefProblem(
            f"$ref {ref!r} is a file: URI, which is not followed",
            "write the reference as a path relative to the file holding it",
        )
    if _SCHEME.match(where) or where.startswith(("/", "\\")):
        return RefProblem(
            f"$ref {ref!r} is an absolute path or URI, which is not followed",
            "write the reference as a path relative to the file holding it",
        )
    path = unquote(where)
    if any(ord(char) < 0x20 or char == "\x7f" for char in path):
        return RefProblem(
            f"$ref {ref!r} names a file with a control character, which is not followed",
            "rename the file, or fix the reference",
        )
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(holder), path))
    if joined == ".." or joined.startswith("../") or joined in ("", "."):
        return RefProblem(
            f"$ref {ref!r} leaves the root folder",
            "keep referenced files under the root folder, or widen it (root=, --root)",
        )
    return FileRef(joined, pointer)
