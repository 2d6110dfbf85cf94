"""Where documents come from: a file path, or ``GITREV:path`` read with ``git show``.

A document's local file ``$ref``s are followed (relative to the file holding each, never out
of the entry's folder, never over the network), at the same revision for ``GITREV:path``, and
the files bundled into one document (``openapi_builder.docset``), so the diff compares what
every reference reaches: a change in a shared file is found once, at its definition, and an
inline schema moved into its own file compares equal. A local reference that cannot be
followed stops the diff (``LoadError``): a verdict that skipped it could miss a breaking
change. Remote URLs are never fetched; the diff reports them as unresolvable.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openapi_builder.docset import (
    Bundle,
    bundle_set,
    load_document_set,
    load_git_document_set,
    may_refer_elsewhere,
    text_may_refer_elsewhere,
)
from openapi_builder.errors import LoadError
from openapi_builder.load import LoadedDocument, load_document

# `REV:path` where REV has no path separator of its own; `C:\x` (a drive) is not a revision.
_GIT_SPEC = re.compile(r"^(?P<rev>[^:/\\\s][^:\s]*):(?P<path>.+)$")
_GIT_TIMEOUT_SECONDS = 60


def is_git_spec(spec: str, *, cwd: str | os.PathLike[str] | None = None) -> bool:
    """True when ``spec`` names ``REV:path`` rather than an existing file."""
    match = _GIT_SPEC.match(spec)
    if match is None or len(match["rev"]) == 1:
        return False
    return not (Path(cwd or ".") / spec).exists()


def read_spec_source(
    spec: str | os.PathLike[str],
    *,
    cwd: str | os.PathLike[str] | None = None,
    root: str | os.PathLike[str] | None = None,
) -> dict[str, Any]:
    """Load a document from a path, or from ``GITREV:path`` (e.g. ``main:openapi.yaml``).

    For ``GITREV:path``, ``path`` is relative to ``cwd`` (default: the current directory), as
    in ``git show REV:./path``. git runs as a subprocess without a shell. Local files named by
    ``$ref`` are read too (at the same revision) and bundled in; ``root`` (relative to
    ``cwd``; default: the document's folder) is the folder none of them may be outside of.

    Raises:
        LoadError: the file cannot be read or parsed, git is not installed, or git cannot
            show that revision or path (git's own message is included), or a local ``$ref``
            cannot be followed (the message ends with its ``file:line:column``).
    """
    return read_spec_with_positions(spec, cwd=cwd, root=root)[0]


def read_spec_with_positions(
    spec: str | os.PathLike[str],
    *,
    cwd: str | os.PathLike[str] | None = None,
    root: str | os.PathLike[str] | None = None,
) -> tuple[dict[str, Any], Callable[[str], tuple[int, int] | None] | None]:
    """Like :func:`read_spec_source`, plus a JSON pointer -> (line, column) lookup for files.

    The lookup is ``None`` for ``GITREV:path`` sources: there is no file in the work tree
    whose lines an annotation could point at. It answers for pointers into the entry file;
    for a part bundled from another file it returns ``None``.
    """
    found = read_spec(spec, cwd=cwd, root=root)
    return found.data, found.position


#: A report pointer -> (file as named in messages, line, column), when it can be placed.
Place = Callable[[str], "tuple[str, int, int] | None"]


@dataclass(frozen=True, slots=True)
class Spec:
    """A document read for the diff: its data, positions in its file, and how to show
    pointers (``show`` turns a pointer into a bundled part into ``file#pointer``).

    ``place`` answers for every pointer a report can hold, ``file#pointer`` ones included:
    (the file as named in messages, line, column), so annotations land in the file that holds
    the change."""

    data: dict[str, Any]
    position: Callable[[str], tuple[int, int] | None] | None = None
    show: Callable[[str], str] | None = None
    place: Place | None = None


def read_spec(
    spec: str | os.PathLike[str],
    *,
    cwd: str | os.PathLike[str] | None = None,
    root: str | os.PathLike[str] | None = None,
) -> Spec:
    """Read ``spec`` (a path or ``GITREV:path``) and the files its ``$ref``s reach, bundled.

    Raises ``LoadError`` as :func:`read_spec_source` does.
    """
    if isinstance(spec, str) and is_git_spec(spec, cwd=cwd):
        match = _GIT_SPEC.match(spec)
        assert match is not None
        raw = _git_show(spec, cwd)
        entry = _parsed(raw, spec)
        if not text_may_refer_elsewhere(raw):
            return Spec(entry.data)
        docset = load_git_document_set(
            match["rev"],
            match["path"],
            cwd=cwd,
            root=None if root is None else os.fspath(root),
            entry_document=entry,
        )
        bundle = _bundled(bundle_set(docset))
        return Spec(bundle.document, None, _shower(bundle))
    path = os.path.join(os.fspath(cwd or ""), os.fspath(spec))
    if not may_refer_elsewhere(path):  # one file: no set to collect (the common case)
        loaded = load_document(path)
        return Spec(loaded.data, loaded.position, None, _single_placer(loaded, os.fspath(spec)))
    if root is not None:
        root = os.path.join(os.fspath(cwd or ""), os.fspath(root))
    bundle = _bundled(bundle_set(load_document_set(path, root=root)))
    return Spec(bundle.document, _locator(bundle), _shower(bundle), _placer(bundle))


def _shower(bundle: Bundle) -> Callable[[str], str]:
    """Bundle pointer -> ``name#pointer`` inside the file it came from (the entry's: as is)."""
    entry = bundle.docset.entry

    def show(pointer: str) -> str:
        file, inner = bundle.origin(pointer, keys=False)
        return pointer if file == entry else f"{file}#{inner}"

    return show


def _bundled(bundle: Bundle) -> Bundle:
    """``bundle``, unless a local reference could not be followed: that stops the diff."""
    local = [issue for issue in bundle.issues if not issue.remote]
    if local:
        first = min(local, key=lambda i: (i.source, i.line or 0, i.column or 0))
        more = f" ({len(local) - 1} more such $ref)" if len(local) > 1 else ""
        raise LoadError(
            f"{first.message}; {first.hint}{more}",
            source=first.source,
            line=first.line,
            column=first.column,
        )
    return bundle


def _locator(bundle: Bundle) -> Callable[[str], tuple[int, int] | None]:
    entry = bundle.docset.entry

    def position(pointer: str) -> tuple[int, int] | None:
        if pointer and not pointer.startswith("/"):
            return None  # `file#pointer`: a part from another file than the annotated one
        file, inner = bundle.origin(pointer)
        return bundle.docset.files[entry].position(inner) if file == entry else None

    return position


def _single_placer(loaded: LoadedDocument, name: str) -> Place:
    def place(pointer: str) -> tuple[str, int, int] | None:
        try:
            position = loaded.position(pointer)
        except ValueError:
            return None
        return None if position is None else (name, *position)

    return place


def _placer(bundle: Bundle) -> Place:
    """Any report pointer -> (file, line, column): a bundle pointer, or a ``file#pointer``
    into a part written in another file (the form ``_shower`` gives it)."""
    docset = bundle.docset

    def place(pointer: str) -> tuple[str, int, int] | None:
        if pointer == "" or pointer.startswith("/"):
            name, inner = bundle.origin(pointer)
        else:
            name, hash_sign, inner = pointer.partition("#")
            if not hash_sign or name not in docset.files:
                return None
        position = docset.position(name, inner)
        return None if position is None else (docset.source(name), *position)

    return place


def _parsed(raw: bytes, spec: str) -> LoadedDocument:
    try:
        return load_document(raw)
    except LoadError as error:  # read from bytes: name the revision and path instead
        raise LoadError(error.reason, source=spec, line=error.line, column=error.column) from None


def _git_show(spec: str, cwd: str | os.PathLike[str] | None) -> bytes:
    match = _GIT_SPEC.match(spec)
    assert match is not None
    rev, path = match["rev"], match["path"]
    relative = path if path.startswith(("./", "../", "/")) else f"./{path}"
    command = ["git", "show", f"{rev}:{relative}"]
    try:
        done = subprocess.run(
            command, cwd=cwd, capture_output=True, check=False, timeout=_GIT_TIMEOUT_SECONDS
        )
    except FileNotFoundError:
        raise LoadError(
            "cannot read a git revision: `git` is not installed or not on PATH; "
            "pass a file path instead",
            source=spec,
        ) from None
    except subprocess.TimeoutExpired:
        raise LoadError(
            f"`git show` took longer than {_GIT_TIMEOUT_SECONDS} s", source=spec
        ) from None
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip() or f"exit code {done.returncode}"
        raise LoadError(
            f"git cannot show revision {rev!r} of {path!r}: {reason}; check the revision "
            "exists (git fetch?) and the path is relative to the current directory",
            source=spec,
        )
    return done.stdout
