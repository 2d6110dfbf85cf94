"""Where the files of a document set are read from: the file system, or a git revision.

A reader knows the root folder. ``canonical`` turns a lexically checked root-relative name
into the name of the file itself (symlinks resolved; a symlink leading out of the root is a
problem, never a read); ``read_many`` loads files by canonical name; ``display`` says how a
file is named in messages (relative to the working directory, as the user typed the entry).
"""

from __future__ import annotations

import os
import posixpath
import subprocess
from collections.abc import Sequence
from typing import Protocol

from openapi_builder.docset.refs import RefProblem
from openapi_builder.errors import LoadError
from openapi_builder.load import DEFAULT_MAX_BYTES, LoadedDocument, load_document

__all__ = ["FileReader", "GitReader", "Reader"]

_GIT_TIMEOUT_SECONDS = 60


class Reader(Protocol):
    """What a document set needs from where its files live."""

    def canonical(self, name: str) -> str | RefProblem: ...

    def read_many(self, names: Sequence[str]) -> dict[str, LoadedDocument | LoadError]: ...

    def display(self, name: str) -> str: ...


class FileReader:
    """Files under ``root`` (as the user wrote it; its real path is where checks are made)."""

    def __init__(self, root: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.root = root
        self.real_root = os.path.realpath(root or ".")
        self.max_bytes = max_bytes
        self._canonical: dict[str, str | RefProblem] = {}
        self._folders: dict[str, str] = {}
        self._names: dict[str, str] = {}  # folder -> its canonical name, "/"-terminated

    def canonical(self, name: str) -> str | RefProblem:
        found = self._canonical.get(name)
        if found is None:
            found = self._canonical[name] = self._resolve(name)
        return found

    def _resolve(self, name: str) -> str | RefProblem:
        folder, _, base = name.rpartition("/")
        real_folder = self._folders.get(folder)
        if real_folder is None:
            real_folder = os.path.realpath(os.path.join(self.real_root, *folder.split("/")))
            self._folders[folder] = real_folder
        real = os.path.join(real_folder, base)
        linked = os.path.islink(real)  # the folder's real path is known: only the file may link
        if linked:
            real = os.path.realpath(real)
        elif folder in self._names:  # the common case: no symlink, folder known to be inside
            return self._names[folder] + base
        if not (real == self.real_root or real.startswith(self.real_root.rstrip(os.sep) + os.sep)):
            return RefProblem(
                f"{name!r} is a symlink (or goes through one) leading out of the root folder",
                "replace the symlink by the file, or widen the root folder (root=, --root)",
            )
        canonical = os.path.relpath(real, self.real_root).replace(os.sep, "/")
        if not linked:
            self._names[folder] = canonical[: len(canonical) - len(base)]
        return canonical

    def read_many(self, names: Sequence[str]) -> dict[str, LoadedDocument | LoadError]:
        found: dict[str, LoadedDocument | LoadError] = {}
        for name in names:
            try:
                found[name] = load_document(self.display(name), max_bytes=self.max_bytes)
            except LoadError as error:
                found[name] = error
        return found

    def display(self, name: str) -> str:
        return os.path.normpath(os.path.join(self.root, *name.split("/")))


class GitReader:
    """Files of revision ``rev`` under ``root`` (a repository-relative folder).

    Each round of reads is one ``git cat-file --batch`` (no shell, with a timeout), so a set
    of a thousand files costs a few processes, not a thousand.
    """

    def __init__(
        self,
        rev: str,
        root: str,
        *,
        cwd: str | os.PathLike[str] | None = None,
        label_root: str = "",
        max_bytes: int = DEFAULT_MAX_BYTES,
    ) -> None:
        self.rev = rev
        self.root = root
        self.cwd = cwd
        self.label_root = label_root
        self.max_bytes = max_bytes

    def canonical(self, name: str) -> str | RefProblem:
        return name  # a revision's tree has no symlinks to follow: a link is its own blob

    def display(self, name: str) -> str:
        return f"{self.rev}:{posixpath.normpath(posixpath.join(self.label_root, name))}"

    def read_many(self, names: Sequence[str]) -> dict[str, LoadedDocument | LoadError]:
        found: dict[str, LoadedDocument | LoadError] = {}
        if not names:
            return found
        request = "".join(
            f"{self.rev}:{posixpath.normpath(posixpath.join(self.root, name))}\n" for name in names
        )
        output = _git(["git", "cat-file", "--batch"], request.encode(), self.cwd, names[0])
        offset = 0
        for name in names:
            end = output.find(b"\n", offset)
            header = output[offset:end].decode("utf-8", "replace").split()
            offset = end + 1
            if len(header) != 3 or header[1] != "blob":
                found[name] = LoadError(
                    f"git has no file {name!r} at revision {self.rev!r}; check the reference "
                    "and that the file is committed",
                    source=self.display(name),
                )
                continue
            size = int(header[2])
            raw = output[offset : offset + size]
            offset += size + 1
            found[name] = self._parse(name, raw, size)
        return found

    def _parse(self, name: str, raw: bytes, size: int) -> LoadedDocument | LoadError:
        source = self.display(name)
        if size > self.max_bytes:
            return LoadError(
                f"the document is {size:,} bytes, more than the limit of {self.max_bytes:,}",
                source=source,
            )
        try:
            return load_document(raw, max_bytes=self.max_bytes)
        except LoadError as error:  # read from bytes: name the file instead of "<text>"
            return LoadError(error.reason, source=source, line=error.line, column=error.column)


def _git(command: list[str], stdin: bytes, cwd: str | os.PathLike[str] | None, what: str) -> bytes:
    try:
        done = subprocess.run(
            command,
            input=stdin,
            cwd=cwd,
            capture_output=True,
            check=False,
            timeout=_GIT_TIMEOUT_SECONDS,
        )
    except FileNotFoundError:
        raise LoadError(
            "cannot read a git revision: `git` is not installed or not on PATH; "
            "pass a file path instead",
            source=what,
        ) from None
    except subprocess.TimeoutExpired:
        raise LoadError(f"`git` took longer than {_GIT_TIMEOUT_SECONDS} s", source=what) from None
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip() or f"exit code {done.returncode}"
        raise LoadError(f"git failed: {reason}", source=what)
    return done.stdout


def git_prefix(cwd: str | os.PathLike[str] | None) -> str:
    """The working directory's path inside its repository (``""`` at the top, else ``a/b/``)."""
    output = _git(["git", "rev-parse", "--show-prefix"], b"", cwd, str(cwd or "."))
    return output.decode("utf-8", "replace").strip()
