"""What every part of the command line shares: exit codes, the one-line failure, colour."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TextIO

PROG = "openapi-builder"
EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class Failure(Exception):
    """A command cannot go on: ``message`` is the one line for stderr, ``code`` the exit code."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


@dataclass(frozen=True, slots=True)
class Paint:
    """ANSI colour for one stream, or none at all (``NO_COLOR``, not a terminal, ``--color``)."""

    enabled: bool

    def __call__(self, text: str, code: str) -> str:
        return f"\033[{code}m{text}\033[0m" if self.enabled and text else text

    @classmethod
    def for_stream(cls, stream: TextIO, mode: str) -> Paint:
        if mode != "auto":
            return cls(mode == "always")
        # https://no-color.org: present and not empty disables colour.
        if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
            return cls(False)
        isatty = getattr(stream, "isatty", None)
        return cls(bool(isatty and isatty()))


@dataclass(frozen=True, slots=True)
class Io:
    """The streams of one run and whether each may be coloured."""

    out: TextIO
    err: TextIO
    paint_out: Paint
    paint_err: Paint
