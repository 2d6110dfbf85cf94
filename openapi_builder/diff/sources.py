"""Where documents come from: a file path, or ``GITREV:path`` read with ``git show``."""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

from openapi_builder.errors import LoadError
from openapi_builder.load import load_document, loads

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
    spec: str | os.PathLike[str], *, cwd: str | os.PathLike[str] | None = None
) -> dict[str, Any]:
    """Load a document from a path, or from ``GITREV:path`` (e.g. ``main:openapi.yaml``).

    For ``GITREV:path``, ``path`` is relative to ``cwd`` (default: the current directory), as
    in ``git show REV:./path``. git runs as a subprocess without a shell.

    Raises:
        LoadError: the file cannot be read or parsed, git is not installed, or git cannot
            show that revision or path (git's own message is included).
    """
    return read_spec_with_positions(spec, cwd=cwd)[0]


def read_spec_with_positions(
    spec: str | os.PathLike[str], *, cwd: str | os.PathLike[str] | None = None
) -> tuple[dict[str, Any], Callable[[str], tuple[int, int] | None] | None]:
    """Like :func:`read_spec_source`, plus a JSON pointer -> (line, column) lookup for files.

    The lookup is ``None`` for ``GITREV:path`` sources: there is no file in the work tree
    whose lines an annotation could point at.
    """
    if isinstance(spec, str) and is_git_spec(spec, cwd=cwd):
        return _read_git(spec, cwd), None
    loaded = load_document(Path(cwd or ".") / os.fspath(spec))
    return loaded.data, loaded.position


def _read_git(spec: str, cwd: str | os.PathLike[str] | None) -> dict[str, Any]:
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
    return loads(done.stdout, source=spec)
