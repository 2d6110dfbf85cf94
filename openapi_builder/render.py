"""Deterministic JSON and YAML text for a document, and atomic writes to files.

Rendering never reorders: keys come out in the order the mapping holds them (ordering is
decided upstream), so the same document gives byte-identical text whatever ``PYTHONHASHSEED``.
Only JSON values render: ``dict`` with ``str`` keys, ``list``/``tuple``, ``str``, ``int``,
finite ``float``, ``bool`` and ``None``; anything else raises ``RenderError`` naming the JSON
pointer of the offending value. Both outputs load back equal (``load(to_yaml(d)) == d``).
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import re
import secrets
import stat
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from openapi_builder._yaml_emit import emit_yaml, pointer_of
from openapi_builder.errors import RenderError
from openapi_builder.limits import MAX_DEPTH

__all__ = ["to_json", "to_yaml", "write", "write_text_atomic"]

_FORMATS = {".json": "json", ".yaml": "yaml", ".yml": "yaml"}
_SURROGATE = re.compile("[\ud800-\udfff]")
_SCALARS = (str, int, float, bool, type(None))


def to_json(doc: Mapping[str, Any], *, indent: int = 2) -> str:
    """Render ``doc`` as JSON text: keys in the given order, non-ASCII kept, a final newline.

    Raises:
        RenderError: a value is not JSON (NaN or infinity, a set, an object, a non-``str``
            key, a lone surrogate, a circular reference) or the document nests deeper than
            ``limits.MAX_DEPTH`` levels; the message names its JSON pointer.
    """
    data = _as_dict(doc)
    _check_json(data)  # json.dumps would silently turn 1, True or None keys into strings
    try:
        text = json.dumps(data, indent=indent, ensure_ascii=False, allow_nan=False)
    except RecursionError:
        raise RenderError("cannot render: the document nests too deeply - at /") from None
    if _SURROGATE.search(text):
        raise RenderError(
            "cannot render: a string holds a lone surrogate, which is not Unicode and has no "
            f"UTF-8 form - at {_find_surrogate(data)}"
        )
    return text + "\n"


def to_yaml(doc: Mapping[str, Any]) -> str:
    """Render ``doc`` as block-style YAML that YAML 1.1 and 1.2 loaders read back exactly.

    Keys keep their order; no anchors or aliases (repeated sub-objects are written in full);
    non-ASCII text is kept; long strings are never folded; multi-line strings become literal
    blocks (``|``) where that reads back exactly, quoted strings otherwise; any string a loader
    could read as something else (``"200"``, ``"yes"``, ``"null"``, ``"1e3"``, ``"0o12"``,
    ``"2024-01-01"``, ``"<<"``, ``" padded "`` ...) is quoted.

    Raises:
        RenderError: a value is not JSON, or the document nests deeper than
            ``limits.MAX_DEPTH`` levels; the message names its JSON pointer.
    """
    return emit_yaml(_as_dict(doc))


def write(
    doc: Mapping[str, Any], path: str | os.PathLike[str], *, format: str | None = None
) -> Path:
    """Render ``doc`` and write it atomically to ``path``; return the path written.

    The format comes from the suffix (``.json``, ``.yaml``, ``.yml``); an explicit ``format``
    (``"json"`` or ``"yaml"``) wins.

    Raises:
        RenderError: unknown suffix or format, a value that is not JSON, or a path that cannot
            be written (see ``write_text_atomic``).
    """
    target = Path(path)
    if format is None:
        chosen = _FORMATS.get(target.suffix.lower())
        if chosen is None:
            raise RenderError(
                f"cannot tell the format of {str(target)!r} from its suffix "
                f"{target.suffix or '(none)'!r}: use one of .json, .yaml, .yml, "
                "or pass format='json' or format='yaml'"
            )
    elif format in ("json", "yaml"):
        chosen = format
    else:
        raise RenderError(f"unknown format {format!r}: use 'json' or 'yaml' - at {str(target)!r}")
    text = to_json(doc) if chosen == "json" else to_yaml(doc)
    return write_text_atomic(target, text)


def write_text_atomic(path: str | os.PathLike[str], text: str) -> Path:
    """Write ``text`` (UTF-8) to ``path`` so readers see the old file or the new, never half.

    The text goes to a temporary file in the same directory, is flushed and fsynced, then
    ``os.replace``-d over ``path`` (and the directory is fsynced, so the rename survives a
    crash). A symlink at ``path`` is replaced by the file, not followed. An existing file
    keeps its permission bits; a new one gets the usual ``0o666`` minus the umask. On any
    failure the temporary file is removed and the old file is untouched.

    Raises:
        RenderError: ``path`` is a directory, its directory does not exist, or it cannot be
            written (permissions, read-only file system, disk full); the message names it.
    """
    target = Path(path)
    where = str(target)
    if target.is_dir():
        raise RenderError(f"cannot write {where!r}: it is a directory; give a file path")
    parent = target.parent
    if not parent.is_dir():
        raise RenderError(
            f"cannot write {where!r}: the directory {str(parent)!r} does not exist; create it first"
        )
    try:
        mode: int | None = stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        mode = None  # a new file
    data = text.encode("utf-8")
    temp = parent / f".{target.name}.{secrets.token_hex(6)}.tmp"
    try:
        # 0o666 lets the umask decide a new file's bits, as open() would.
        handle = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as exc:
        raise RenderError(f"cannot write {where!r}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if mode is not None:
            os.chmod(temp, mode)
        os.replace(temp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(exc, OSError):
            raise RenderError(f"cannot write {where!r}: {exc.strerror or exc}") from None
        raise
    _sync_directory(parent)
    return target


def _sync_directory(directory: Path) -> None:
    """Persist the rename itself (POSIX); best effort, as some systems cannot open directories."""
    with contextlib.suppress(OSError):
        handle = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def _as_dict(doc: Mapping[str, Any]) -> dict[str, Any]:
    if isinstance(doc, dict):
        return doc
    if isinstance(doc, Mapping):
        return dict(doc)
    raise RenderError(f"cannot render a {type(doc).__name__}: a document is a mapping - at /")


def _check_json(doc: dict[str, Any]) -> None:
    """Raise RenderError at a value that is not JSON or nests past ``MAX_DEPTH`` (iteratively)."""
    stack: list[tuple[Any, list[Any]]] = [(doc, [])]
    active: set[int] = set()
    while stack:
        node, path = stack.pop()
        if node is None:  # the marker left after a container's children
            active.discard(path[0])
            continue
        active.add(id(node))
        stack.append((None, [id(node)]))
        items = node.items() if isinstance(node, dict) else enumerate(node)
        children = []
        for key, value in items:
            if isinstance(node, dict) and not isinstance(key, str):
                _fail(f"mapping key {key!r} is a {type(key).__name__}, not a str", [*path, key])
            if isinstance(value, (dict, list, tuple)):
                if len(path) + 2 > MAX_DEPTH:
                    _fail(
                        f"the document nests deeper than {MAX_DEPTH} levels, which no loader "
                        "of ours reads back; flatten it (e.g. with $ref)",
                        [*path, key],
                    )
                if id(value) in active:
                    _fail("circular reference: a container contains itself", [*path, key])
                children.append((value, [*path, key]))
            elif not isinstance(value, _SCALARS):
                _fail(f"{type(value).__name__} is not a JSON value", [*path, key])
            elif isinstance(value, float) and not math.isfinite(value):
                _fail(f"{value!r} is not a finite number and has no JSON form", [*path, key])
            elif isinstance(value, int) and value.bit_length() > 10_000:
                try:
                    int.__repr__(value)
                except ValueError:
                    _fail("the integer has more digits than Python writes", [*path, key])
        stack.extend(reversed(children))


def _fail(reason: str, path: list[Any]) -> None:
    raise RenderError(f"cannot render: {reason} - at {pointer_of(path)}")


def _find_surrogate(doc: dict[str, Any]) -> str:
    stack: list[tuple[Any, list[Any]]] = [(doc, [])]
    while stack:
        node, path = stack.pop()
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, value in items:
            for text in (key, value):
                if isinstance(text, str) and _SURROGATE.search(text):
                    return pointer_of([*path, key])
            if isinstance(value, (dict, list, tuple)):
                stack.append((value, [*path, key]))
    return "/"  # pragma: no cover - only called when json.dumps wrote a surrogate
