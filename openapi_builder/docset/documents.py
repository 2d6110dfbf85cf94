"""A document set: the entry file plus every local file its ``$ref``s reach, with positions.

``load_document_set(path)`` reads the entry, walks it by object kind (``kinds``) and follows
each ``$ref`` that names another file, relative to the file holding it, breadth first: each
file is read once, whatever the number of references or cycles between files. What cannot be
followed (a remote URL, a ``file:`` URI, an absolute path, a ``..`` or a symlink leading out of
the root folder, a missing or broken file, a pointer to nothing) becomes a ``RefIssue`` naming
the ``$ref``'s own ``file:line:column``; it is never read. ``load_git_document_set`` does the
same at a git revision. The bounds: ``max_files`` files of at most ``max_bytes`` each.
"""

from __future__ import annotations

import os
import re
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from openapi_builder.docset.kinds import RefSite, family_of, iter_refs
from openapi_builder.docset.readers import FileReader, GitReader, Reader, git_prefix
from openapi_builder.docset.refs import FileRef, RefProblem, parse_ref
from openapi_builder.errors import LoadError
from openapi_builder.load import (
    DEFAULT_MAX_BYTES,
    LoadedDocument,
    load_document,
    nearest_position,
)
from openapi_builder.pointers import MISSING, escape, resolve

__all__ = [
    "DEFAULT_MAX_FILES",
    "DocumentSet",
    "RefIssue",
    "Reference",
    "load_document_set",
    "load_git_document_set",
    "may_refer_elsewhere",
    "text_may_refer_elsewhere",
]

#: Most files one document set may hold unless the caller passes ``max_files``.
DEFAULT_MAX_FILES = 10_000


@dataclass(frozen=True, slots=True)
class Reference:
    """A ``$ref`` to follow: in file ``file`` at ``pointer`` (the object holding it)."""

    file: str
    pointer: str
    site: RefSite
    target: FileRef


@dataclass(frozen=True, slots=True)
class RefIssue:
    """A ``$ref`` that is not followed: where it stands and why; ``pointer`` ends in ``/$ref``."""

    file: str
    pointer: str
    ref: str
    message: str
    hint: str
    source: str
    line: int | None = None
    column: int | None = None
    remote: bool = False  # a URL: never fetched, and nothing local is missing

    @property
    def location(self) -> str:
        """``file:line:column`` (or the file alone when the position is unknown)."""
        if self.line is None:
            return self.source
        return f"{self.source}:{self.line}:{self.column or 1}"

    def __str__(self) -> str:
        return f"{self.message}; {self.hint} - at {self.location}"


@dataclass(slots=True, eq=False)
class DocumentSet:
    """The files of one spec, keyed by root-relative ``/``-separated name.

    ``entry`` names the entry file, ``family`` its version family (``"3.1"``...),
    ``references`` every ``$ref`` to another file and every ``$ref`` inside a referenced file
    (in discovery order), ``issues`` those that cannot be followed.
    """

    entry: str
    family: str
    files: dict[str, LoadedDocument]
    references: list[Reference] = field(default_factory=list)
    issues: list[RefIssue] = field(default_factory=list)
    _reader: Reader | None = field(default=None, repr=False)
    _entry_source: str = ""

    @property
    def data(self) -> dict[str, Any]:
        """The entry document."""
        return self.files[self.entry].data

    @property
    def single(self) -> bool:
        """True when nothing refers outside the entry file (nothing to bundle)."""
        return not self.references

    def source(self, name: str) -> str:
        """How file ``name`` is named in messages."""
        if name == self.entry or self._reader is None:
            return self._entry_source
        return self._reader.display(name)

    def node(self, target: FileRef) -> Any:
        """The node a reference points at, or ``MISSING``."""
        loaded = self.files.get(target.name)
        return MISSING if loaded is None else resolve(loaded.data, target.pointer)

    def position(self, name: str, pointer: str) -> tuple[int, int] | None:
        """1-based (line, column) of ``pointer`` in file ``name``, else of its nearest parent."""
        loaded = self.files.get(name)
        return None if loaded is None else nearest_position(loaded, pointer)


def load_document_set(
    path: str | os.PathLike[str],
    *,
    root: str | os.PathLike[str] | None = None,
    max_files: int = DEFAULT_MAX_FILES,
    max_bytes: int = DEFAULT_MAX_BYTES,
    entry_document: LoadedDocument | None = None,
) -> DocumentSet:
    """Load the file ``path`` and every local file its ``$ref``s reach.

    ``root`` is the folder outside which nothing is opened (default: the entry file's folder).
    ``entry_document`` is the entry already loaded, if it is (it is not read again).

    Raises:
        LoadError: the entry cannot be loaded, lies outside ``root``, or the set would hold
            more than ``max_files`` files. A referenced file that cannot be loaded is an
            issue of the set instead.
    """
    given = os.fspath(path)
    root_given = os.fspath(root) if root is not None else os.path.dirname(given)
    reader = FileReader(root_given, max_bytes=max_bytes)
    loaded = entry_document or load_document(given, max_bytes=max_bytes)
    real = os.path.realpath(given)
    prefix = reader.real_root.rstrip(os.sep) + os.sep
    if not real.startswith(prefix):
        raise LoadError(
            f"the entry file is outside the root folder {root_given or '.'!r}; "
            "pass a root folder that contains it",
            source=given,
        )
    entry = os.path.relpath(real, reader.real_root).replace(os.sep, "/")
    return _collect(entry, loaded, reader, given, max_files)


def load_git_document_set(
    rev: str,
    path: str,
    *,
    cwd: str | os.PathLike[str] | None = None,
    root: str | None = None,
    max_files: int = DEFAULT_MAX_FILES,
    max_bytes: int = DEFAULT_MAX_BYTES,
    entry_document: LoadedDocument | None = None,
) -> DocumentSet:
    """Like ``load_document_set``, reading ``path`` and its files at git revision ``rev``.

    ``path`` and ``root`` are relative to ``cwd`` (default: the current directory), as in
    ``git show REV:./path``; every referenced file is read at the same revision.
    ``entry_document`` is the entry already read from that revision, if it is.

    Raises:
        LoadError: git is missing or fails, the entry is not in that revision, or it lies
            outside ``root`` or the repository.
    """
    spec = f"{rev}:{path}"
    prefix = git_prefix(cwd)
    entry_repo = os.path.normpath(os.path.join(prefix, path)).replace(os.sep, "/")
    root_label = root if root is not None else os.path.dirname(path)
    root_repo = os.path.normpath(os.path.join(prefix, root_label)).replace(os.sep, "/")
    root_repo = "" if root_repo == "." else root_repo
    if entry_repo.startswith("../") or root_repo.startswith("../") or root_repo == "..":
        raise LoadError("the path leaves the git repository; name a file inside it", source=spec)
    entry = os.path.relpath(entry_repo, root_repo or ".").replace(os.sep, "/")
    if entry.startswith("../"):
        raise LoadError(
            f"the entry file is outside the root folder {root_label!r}; pass a root that "
            "contains it",
            source=spec,
        )
    reader = GitReader(rev, root_repo, cwd=cwd, label_root=root_label, max_bytes=max_bytes)
    found = entry_document or reader.read_many([entry])[entry]
    if isinstance(found, LoadError):
        raise LoadError(found.reason, source=spec, line=found.line, column=found.column)
    return _collect(entry, found, reader, spec, max_files)


# A `$ref` key (bare, or quoted as in JSON) whose value does not start with a quoted "#":
# in YAML a local reference must be quoted, since an unquoted "#" starts a comment.
_MAYBE_ELSEWHERE = re.compile(rb"""\$ref["']?\s*:\s*(?!\s)(?!["']#)""")


def may_refer_elsewhere(path: str | os.PathLike[str]) -> bool:
    """False only when no ``$ref`` in the file's text can name another document.

    A quick look at the bytes (no parsing), so a one-file spec skips the document set; any
    doubt (an unreadable file, a ``$ref`` key in an example) answers True.
    """
    try:
        with open(path, "rb") as handle:
            text = handle.read()
    except OSError:
        return True
    return text_may_refer_elsewhere(text)


def text_may_refer_elsewhere(text: bytes) -> bool:
    """``may_refer_elsewhere`` for a document's bytes."""
    return _MAYBE_ELSEWHERE.search(text) is not None


def _pointer(base: str, loc: Any) -> str:
    tokens: list[str] = []
    while loc:
        loc, token = loc
        if type(token) is str and "~" not in token and "/" not in token:
            tokens.append(token)  # the common case: nothing to escape
        else:
            tokens.append(escape(token))
    tokens.append(base)
    tokens.reverse()
    return "/".join(tokens) if len(tokens) > 1 else base


def _collect(
    entry: str, loaded: LoadedDocument, reader: Reader, entry_source: str, max_files: int
) -> DocumentSet:
    docset = DocumentSet(
        entry=entry,
        family=family_of(loaded.data),
        files={entry: loaded},
        _reader=reader,
        _entry_source=entry_source,
    )
    failed: dict[str, LoadError] = {}
    wanted: list[str] = []
    requested: set[str] = {entry}
    walked: set[tuple[str, str, str]] = set()
    references: dict[tuple[str, str], Reference] = {}
    problems: list[tuple[str, str, str, RefProblem]] = []
    seen: set[tuple[str, str]] = set()  # (file, pointer) of every `$ref` met: once each
    queue: deque[tuple[str, str, str]] = deque([(entry, "", "root")])
    # Most references repeat (every schema of a folder naming `error.json`): parse each once
    # per folder, and canonicalize each name once.
    parsed_refs: dict[tuple[str, str], FileRef | RefProblem] = {}
    while queue:
        name, pointer, kind = queue.popleft()
        if name not in docset.files and name not in failed:
            for got_name, got in reader.read_many(wanted).items():
                if isinstance(got, LoadError):
                    failed[got_name] = got
                else:
                    docset.files[got_name] = got
            wanted.clear()
        if (name, pointer, kind) in walked or name in failed:
            continue
        walked.add((name, pointer, kind))
        node = resolve(docset.files[name].data, pointer)
        if node is MISSING:
            continue  # reported when the references are checked below
        for site in iter_refs(node, kind, docset.family):
            ref = site.ref
            if not isinstance(ref, str) or (name == entry and ref.startswith("#")):
                continue  # not a string: validation says so; entry-local: nothing to follow
            where = _pointer(pointer, site.loc)
            if (name, where) in seen:
                continue  # two overlapping targets of one file walk the same `$ref`
            seen.add((name, where))
            folder = name.rpartition("/")[0]
            parsed = parsed_refs.get((ref, folder)) if not ref.startswith("#") else None
            if parsed is None:
                parsed = parse_ref(ref, name)
                if isinstance(parsed, FileRef) and not ref.startswith("#"):
                    canonical = reader.canonical(parsed.name)
                    if isinstance(canonical, RefProblem):
                        parsed = RefProblem(f"$ref {ref!r}: {canonical.message}", canonical.hint)
                    else:
                        parsed = FileRef(canonical, parsed.pointer)
                if not ref.startswith("#"):
                    parsed_refs[(ref, folder)] = parsed
            if isinstance(parsed, RefProblem):
                problems.append((name, where, ref, parsed))
                continue
            references[(name, where)] = Reference(name, where, site, parsed)
            if parsed.name not in requested:
                requested.add(parsed.name)
                if len(requested) > max_files:
                    raise LoadError(
                        f"the spec refers to more than {max_files:,} files; pass a larger "
                        "max_files= if that is expected",
                        source=entry_source,
                    )
                wanted.append(parsed.name)
            if parsed.name != entry:
                queue.append((parsed.name, parsed.pointer, site.kind))
    for reference in references.values():
        target = reference.target
        if target.name in failed:
            error = failed[target.name]
            where = f" at line {error.line}" if error.line is not None else ""
            problem = RefProblem(
                f"$ref {reference.site.ref!r}: {reader.display(target.name)}{where}: "
                f"{error.reason}",
                "fix the referenced file or the reference",
            )
        elif docset.node(target) is MISSING:
            problem = RefProblem(
                f"$ref {reference.site.ref!r} points to nothing in {docset.source(target.name)}",
                "check the spelling: the pointer must name an existing node of that file",
            )
        else:
            docset.references.append(reference)
            continue
        problems.append((reference.file, reference.pointer, str(reference.site.ref), problem))
    for name, where, ref, problem in problems:
        line_column = docset.position(name, f"{where}/$ref")
        docset.issues.append(
            RefIssue(
                file=name,
                pointer=f"{where}/$ref",
                ref=ref,
                message=problem.message,
                hint=problem.hint,
                source=docset.source(name),
                line=line_column[0] if line_column else None,
                column=line_column[1] if line_column else None,
                remote=problem.remote,
            )
        )
    return docset
