"""The subcommands: each takes the parsed arguments and the streams, and returns an exit code."""

from __future__ import annotations

import argparse
import difflib
import shlex
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openapi_builder as ob
from openapi_builder.cli._bundle import cmd_bundle
from openapi_builder.cli._common import EXIT_FINDINGS, EXIT_OK, PROG, Failure, Io, Paint
from openapi_builder.cli._docs import cmd_docs
from openapi_builder.cli._serve import cmd_serve
from openapi_builder.cli._target import build_document, load_api
from openapi_builder.diff import diff as diff_documents
from openapi_builder.diff import format_rules_table, parse_severity_overrides
from openapi_builder.render import write_text_atomic
from openapi_builder.validate.catalogue import LINT_RULES, VERSIONS
from openapi_builder.validate.formats import exit_code, format_report

_SUFFIX_FORMATS = {".json": "json", ".yaml": "yaml", ".yml": "yaml"}
# A stale snapshot's unified diff is cut here: the point is to show what changed, not all of it.
_MAX_DIFF_LINES = 80


def _render(doc: dict[str, Any], fmt: str) -> str:
    return ob.to_json(doc) if fmt == "json" else ob.to_yaml(doc)


def _format_for(path: str, explicit: str | None) -> str:
    if explicit is not None:
        return explicit
    fmt = _SUFFIX_FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        raise Failure(
            f"cannot tell the format of {path!r} from its suffix; use .json, .yaml or .yml, "
            "or pass --format json|yaml"
        )
    return fmt


def _cmd_build(args: argparse.Namespace, io: Io) -> int:
    """``build``: the document on stdout, or written atomically to ``-o PATH``."""
    to_stdout = args.output == "-"
    fmt = args.format or ("json" if to_stdout else _format_for(args.output, None))
    text = _render(build_document(load_api(args.target, args.openapi)), fmt)
    if to_stdout:
        io.out.write(text)
    else:
        _write(args.output, text)
    return EXIT_OK


def _write(path: str, text: str) -> None:
    try:
        write_text_atomic(path, text)
    except ob.RenderError as error:
        raise Failure(f"{error}; nothing was written") from error


def _cmd_check(args: argparse.Namespace, io: Io) -> int:
    """``check``: 0 when PATH equals a fresh build byte for byte; else 1 and what changed."""
    path = Path(args.path)
    if path.is_dir():
        raise Failure(f"{args.path!r} is a directory; give the path of the committed document")
    fmt = _format_for(args.path, args.format)
    text = _render(build_document(load_api(args.target, args.openapi)), fmt)
    update = _update_command(args)
    try:
        current = path.read_bytes() if path.exists() else None
    except OSError as error:
        raise Failure(f"cannot read {args.path!r}: {error.strerror or error}") from error
    if current == text.encode("utf-8"):
        io.out.write(f"{args.path} is up to date\n")
        return EXIT_OK
    if args.update:
        _write(args.path, text)
        io.out.write(f"{'updated' if current is not None else 'created'} {args.path}\n")
        return EXIT_OK
    if current is None:
        io.out.write(f"{args.path} does not exist; create it with:\n  {update}\n")
        return EXIT_FINDINGS
    io.out.write(f"{args.path} is stale: it differs from a fresh build of {args.target}\n\n")
    io.out.write(_what_changed(current, text, args.path, io.paint_out))
    io.out.write(f"\nupdate it with:\n  {update}\n")
    return EXIT_FINDINGS


def _update_command(args: argparse.Namespace) -> str:
    words = [PROG, "check", args.target, args.path, "--update"]
    if args.format:
        words += ["--format", args.format]
    if args.openapi:
        words += ["--openapi", args.openapi]
    return shlex.join(words)


def _what_changed(current: bytes, fresh: str, name: str, paint: Paint) -> str:
    """The diff engine's report when it sees API changes, else a (cut) unified text diff."""
    try:
        old: dict[str, Any] | None = ob.loads(current, source=name)
    except ob.OpenAPIBuilderError:
        old = None  # the committed file does not even load: the text diff shows why
    if old is not None:
        new = ob.loads(fresh, source=name)
        if old == new:
            return "same content; only the formatting or the order of keys differs\n"
        report = diff_documents(old, new, fail_on="never")
        if report.changes:
            return report.to_text()
    return _unified(current.decode("utf-8", "replace"), fresh, name, paint)


def _unified(old: str, new: str, name: str, paint: Paint) -> str:
    lines = list(
        difflib.unified_diff(
            old.splitlines(),
            new.splitlines(),
            f"{name} (committed)",
            f"{name} (fresh build)",
            lineterm="",
        )
    )
    shown = lines[:_MAX_DIFF_LINES]
    colours = {"+": "32", "-": "31", "@": "36"}
    text = "".join(paint(line, colours.get(line[:1], "")) + "\n" for line in shown)
    if len(lines) > len(shown):
        text += f"... {len(lines) - len(shown)} more diff lines\n"
    return text


def _cmd_validate(args: argparse.Namespace, io: Io) -> int:
    """``validate``: one report for the files; 1 when a problem reaches ``--fail-on``."""
    reports = []
    for name in args.files:
        try:
            reports.append(
                ob.validate(Path(name), config=args.config, engine=args.engine, root=args.root)
            )
        except ob.OpenAPIBuilderError as error:
            raise Failure(str(error)) from error
    code = max(exit_code(report, args.fail_on) for report in reports)
    if args.format in ("text", "github") or len(reports) == 1:
        io.out.write("".join(format_report(report, args.format) for report in reports))
        return code
    # JSON and JUnit must stay one document: one report whose problems name their files.
    problems = sorted((p for report in reports for p in report.problems), key=ob.Problem.sort_key)
    io.out.write(format_report(ob.ValidationReport(problems=tuple(problems)), args.format))
    return code


def _cmd_diff(args: argparse.Namespace, io: Io) -> int:
    """``diff``: the diff engine's report; 1 when a change reaches ``--fail-on``."""
    try:
        report = diff_documents(
            args.base,
            args.revision,
            fail_on=args.fail_on,
            ignore=args.ignore,
            severity=parse_severity_overrides(args.severity or ()),
            match_path=args.match_path,
            unmatch_path=args.unmatch_path,
            deprecation_days_beta=args.deprecation_days_beta,
            deprecation_days_stable=args.deprecation_days_stable,
            stability_level=args.stability_level,
            root=args.root,
        )
    except ob.OpenAPIBuilderError as error:
        raise Failure(str(error)) from error
    io.out.write(report.format(args.format))
    return report.exit_code


def _cmd_rules(args: argparse.Namespace, io: Io) -> int:
    """``rules``: both catalogues, as the commands use them."""
    io.out.write("validate rules (openapi-builder validate): default severity per version\n\n")
    rows = [
        (
            r.id,
            *((r.severity_for(v) or "-") if r.enabled else "off" for v in VERSIONS),
            r.rationale,
        )
        for r in LINT_RULES
    ]
    header = ("ID", "2.0", "3.0", "3.1", "3.2", "RATIONALE")
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(5)]
    for row in (header, *rows):
        io.out.write(
            "  ".join(cell.ljust(width) for cell, width in zip(row[:5], widths, strict=True))
        )
        io.out.write(f"  {row[5]}\n")
    io.out.write("\ndiff rules (openapi-builder diff)\n\n")
    table = format_rules_table()
    io.out.write(table if table.endswith("\n") else table + "\n")
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace, Io], int]] = {
    "build": _cmd_build,
    "check": _cmd_check,
    "validate": _cmd_validate,
    "diff": _cmd_diff,
    "rules": _cmd_rules,
    "bundle": cmd_bundle,
    "docs": cmd_docs,
    "serve": cmd_serve,
}
