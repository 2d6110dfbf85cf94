"""``bundle``: a multi-file spec as one self-contained document, on stdout or written atomically."""

from __future__ import annotations

import argparse
from typing import Any

import openapi_builder as ob
from openapi_builder.cli._common import EXIT_FINDINGS, EXIT_OK, Failure, Io
from openapi_builder.render import write_text_atomic

__all__ = ["BUNDLE_EPILOG", "add_arguments", "cmd_bundle"]

BUNDLE_EPILOG = """\
examples:
  openapi-builder bundle openapi.yaml -o dist/openapi.json
  openapi-builder bundle specs/main.yaml --root . > bundled.yaml --format yaml

Every local file reached by $ref (relative to the file holding it, never outside --root,
default: FILE's folder; never over the network) is moved into components under its kind
and every $ref rewritten to point inside. Exit 0 when the bundle is valid, 1 when it was
written but does not validate, 2 when a $ref cannot be followed or a file cannot be read.
"""

_SUFFIXES = {".json": "json", ".yaml": "yaml", ".yml": "yaml"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The ``bundle`` subcommand's arguments."""
    parser.add_argument("file", metavar="FILE", help="the entry file (JSON or YAML)")
    parser.add_argument(
        "-o",
        "--output",
        default="-",
        metavar="PATH",
        help="file to write atomically (format from its suffix); '-' (default) prints",
    )
    parser.add_argument(
        "--format",
        choices=("json", "yaml"),
        help="output format (default: from the output's suffix; json on stdout)",
    )
    parser.add_argument(
        "--root",
        metavar="DIR",
        help="folder outside which no file is opened (default: FILE's folder)",
    )


def cmd_bundle(args: argparse.Namespace, io: Io) -> int:
    """Bundle FILE; write it; 1 when the result does not validate."""
    to_stdout = args.output == "-"
    fmt = args.format or ("json" if to_stdout else _format_of(args.output))
    try:
        document = ob.bundle(args.file, root=args.root)
    except ob.OpenAPIBuilderError as error:
        raise Failure(f"{error}; nothing was written") from error
    text = _render(document, fmt)
    if to_stdout:
        io.out.write(text)
    else:
        try:
            write_text_atomic(args.output, text)
        except ob.RenderError as error:
            raise Failure(f"{error}; nothing was written") from error
    errors = ob.validate(document, lint=False).errors
    if errors:
        first = errors[0]
        io.err.write(
            f"{io.paint_err('error:', '1;31')} the bundled document has {len(errors)} "
            f"error(s), first: {first.message} - at {first.pointer or '/'}; run "
            f"'openapi-builder validate {args.file}' to see them in their files\n"
        )
        return EXIT_FINDINGS
    return EXIT_OK


def _format_of(path: str) -> str:
    for suffix, fmt in _SUFFIXES.items():
        if path.lower().endswith(suffix):
            return fmt
    raise Failure(
        f"cannot tell the format of {path!r} from its suffix; use .json, .yaml or .yml, "
        "or pass --format json|yaml"
    )


def _render(document: dict[str, Any], fmt: str) -> str:
    return ob.to_json(document) if fmt == "json" else ob.to_yaml(document)
