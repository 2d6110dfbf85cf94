"""``docs``: an HTML reference page of a spec file or of an API declared in Python."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import openapi_builder as ob
from openapi_builder.cli._common import EXIT_OK, Failure, Io
from openapi_builder.cli._target import build_document, load_api
from openapi_builder.render import write_text_atomic

UIS = ("static", "swagger")

DOCS_EPILOG = """\
examples:
  openapi-builder docs openapi.yaml -o api.html
  openapi-builder docs myapp.api:api -o api.html --ui swagger
  openapi-builder docs specs/stripe.json > stripe.html

SOURCE is a JSON/YAML spec file or MODULE:ATTR (as for 'build'). The page is one file that
needs no network to view. --ui swagger needs the docs extra:
pip install 'openapi-builder-toolkit[docs]'.
"""


def add_source_argument(parser: argparse.ArgumentParser) -> None:
    """The ``SOURCE`` positional and the options that go with it (``docs`` and ``serve``)."""
    parser.add_argument(
        "source",
        metavar="SOURCE",
        help="a spec file (.json/.yaml/.yml) or MODULE:ATTR (myapp.api:api, app.py:api)",
    )
    parser.add_argument(
        "--ui",
        choices=UIS,
        default="static",
        help="static: our page, no JavaScript (default); swagger: Swagger UI, inlined",
    )
    parser.add_argument("--title", help="the page title (default: the document's info.title)")
    parser.add_argument(
        "--openapi",
        choices=("3.0.3", "3.1.0", "3.2.0"),
        help="for MODULE:ATTR: the OpenAPI version to build (default: the API's own)",
    )
    parser.add_argument(
        "--traceback",
        action="store_true",
        help="show the full traceback when the module or the API fails",
    )


def add_docs_parser(parser: argparse.ArgumentParser) -> None:
    add_source_argument(parser)
    parser.add_argument(
        "-o",
        "--output",
        default="-",
        metavar="PATH",
        help="HTML file to write atomically; '-' (the default) prints to stdout",
    )


def load_source(source: str, openapi: str | None) -> dict[str, Any]:
    """The document of ``SOURCE``: a spec file as loaded, or MODULE:ATTR built and validated."""
    path = Path(source)
    if path.is_file():
        if openapi is not None:
            raise Failure("--openapi applies to MODULE:ATTR only; a spec file is shown as it is")
        try:
            return ob.load(path)
        except ob.OpenAPIBuilderError as error:
            raise Failure(str(error)) from error
    if path.suffix.lower() in (".json", ".yaml", ".yml") or ":" not in source:
        raise Failure(f"no such file: {source!r}; give a spec file or MODULE:ATTR")
    return build_document(load_api(source, openapi))


def render_page(document: dict[str, Any], ui: str, title: str | None) -> str:
    """The page for ``--ui``; a missing extra is a one-line failure naming it."""
    try:
        return ob.docs_html(document, ui="swagger" if ui == "swagger" else "static", title=title)
    except ob.RenderError as error:
        raise Failure(str(error)) from error


def cmd_docs(args: argparse.Namespace, io: Io) -> int:
    """``docs``: the page on stdout, or written atomically to ``-o PATH``."""
    text = render_page(load_source(args.source, args.openapi), args.ui, args.title)
    if args.output == "-":
        io.out.write(text)
        return EXIT_OK
    try:
        write_text_atomic(args.output, text)
    except ob.RenderError as error:
        raise Failure(f"{error}; nothing was written") from error
    return EXIT_OK
