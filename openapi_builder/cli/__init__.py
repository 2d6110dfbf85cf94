"""The command line: ``openapi-builder`` and ``python -m openapi_builder``.

Commands (each has ``--help`` with an example)::

    build MODULE:ATTR [-o PATH] [--format json|yaml] [--openapi VERSION]
    check MODULE:ATTR PATH [--update] [--format json|yaml] [--openapi VERSION]
    validate FILE... [--format text|json|github|junit] [--fail-on error|warning|info]
                     [--config FILE] [--engine builtin|openapi-spec-validator] [--root DIR]
    diff BASE REVISION [--format text|markdown|json|github|junit|html]
                       [--fail-on breaking|warning|info|never] [--ignore FILE]
                       [--match-path RE] [--unmatch-path RE] [--severity RULE=LEVEL]
                       [--deprecation-days-beta N] [--deprecation-days-stable N]
                       [--stability-level draft|alpha|beta|stable] [--root DIR]
    bundle FILE [-o PATH] [--format json|yaml] [--root DIR]
    rules
    docs SOURCE [-o PATH] [--ui static|swagger] [--title TEXT] [--openapi VERSION]
    serve SOURCE [--port N] [--ui static|swagger]

Exit codes: 0 ok; 1 findings (invalid document, breaking change, stale snapshot); 2 usage
error or unusable input (unimportable module, unreadable file). Errors go to stderr as one
line that says what to do; reports go to stdout. ``NO_COLOR`` turns colour off.

Everything happens in :func:`run`, which takes its streams as arguments so tests drive it
with ``StringIO``; :func:`main` is the console script. Nothing in the package imports this.
The parts: ``_parser`` (arguments, help), ``_target`` (``MODULE:ATTR`` -> API -> document),
``_commands`` (one function per subcommand), ``_common`` (exit codes, failures, colour).
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Sequence
from typing import TextIO

import openapi_builder as ob
from openapi_builder.cli._commands import COMMANDS
from openapi_builder.cli._common import EXIT_OK, EXIT_USAGE, PROG, Failure, Io, Paint
from openapi_builder.cli._parser import ParserExit, build_parser

__all__ = ["main", "run"]


def run(argv: Sequence[str], *, stdout: TextIO, stderr: TextIO) -> int:
    """Run the command line ``argv`` (without the program name); return the exit code.

    Reports and documents go to ``stdout``; errors to ``stderr``, one line each. Never calls
    ``sys.exit``. Exit codes: 0 ok, 1 findings, 2 usage error or unusable input.
    """
    parser = build_parser(stdout, stderr)
    try:
        args = parser.parse_args(list(argv))
    except ParserExit as done:
        return done.code
    if args.version:
        stdout.write(f"{PROG} {ob.__version__}\n")
        return EXIT_OK
    if args.command is None:
        parser.print_help(stderr)
        return EXIT_USAGE
    io = Io(
        out=stdout,
        err=stderr,
        paint_out=Paint.for_stream(stdout, args.color),
        paint_err=Paint.for_stream(stderr, args.color),
    )
    try:
        return COMMANDS[args.command](args, io)
    except Failure as failure:
        if getattr(args, "traceback", False) and failure.__cause__ is not None:
            stderr.write("".join(traceback.format_exception(failure.__cause__)))
        stderr.write(f"{io.paint_err('error:', '1;31')} {failure.message}\n")
        return failure.code


def main(argv: Sequence[str] | None = None) -> int:
    """The ``openapi-builder`` console script: ``run`` on ``sys.argv`` and the real streams."""
    try:
        code = run(sys.argv[1:] if argv is None else argv, stdout=sys.stdout, stderr=sys.stderr)
        sys.stdout.flush()  # here, so a closed pipe shows up inside the try
    except BrokenPipeError:
        # `openapi-builder build x:api | head`: the reader left, which is not our error.
        # Point stdout at devnull so the interpreter's final flush does not fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    return code
