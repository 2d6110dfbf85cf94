"""The argument parser: subcommands, their options, and help with an example each."""

from __future__ import annotations

import argparse
from typing import Any, NoReturn, TextIO

from openapi_builder.cli import _bundle
from openapi_builder.cli._common import EXIT_USAGE, PROG
from openapi_builder.cli._docs import DOCS_EPILOG, add_docs_parser
from openapi_builder.cli._serve import SERVE_EPILOG, add_serve_parser
from openapi_builder.validate.formats import FORMATS as VALIDATE_FORMATS

OPENAPI_VERSIONS = ("3.0.3", "3.1.0", "3.2.0")


DOCUMENT_FORMATS = ("json", "yaml")


_DIFF_FORMATS = ("text", "markdown", "json", "github", "junit", "html")


class ParserExit(Exception):
    """argparse wanted to exit (``--help``, a usage error); carries the exit code."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


class Parser(argparse.ArgumentParser):
    """An ArgumentParser that writes to the given streams and never calls ``sys.exit``."""

    def __init__(self, *args: Any, out: TextIO, err: TextIO, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", argparse.RawDescriptionHelpFormatter)
        super().__init__(*args, **kwargs)
        self._out = out
        self._err = err

    def print_help(self, file: Any = None) -> None:
        (file or self._out).write(self.format_help())

    def print_usage(self, file: Any = None) -> None:
        (file or self._out).write(self.format_usage())

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            self._err.write(message)
        raise ParserExit(status)

    def error(self, message: str) -> NoReturn:
        # One line, saying where the usage is described, instead of argparse's two.
        self._err.write(f"{self.prog}: error: {message}; see '{self.prog} --help'\n")
        raise ParserExit(EXIT_USAGE)


_BUILD_EPILOG = """\
examples:
  openapi-builder build myapp.api:api -o openapi.yaml
  openapi-builder build examples/items_api.py:api --format yaml
  openapi-builder build myapp.api:create_api --openapi 3.0.3 -o openapi.json

MODULE is a dotted module name, imported with the current directory on sys.path, or a
.py file path. ATTR names an openapi_builder.API or a zero-argument callable returning one.
"""


_CHECK_EPILOG = """\
examples:
  openapi-builder check myapp.api:api openapi.yaml
  openapi-builder check myapp.api:api openapi.yaml --update

Exit 0 when PATH is byte-identical to a fresh build, 1 when it is stale or missing (a short
diff says what changed), 2 when the API cannot be loaded. --update rewrites PATH instead.
"""


_VALIDATE_EPILOG = """\
examples:
  openapi-builder validate openapi.yaml
  openapi-builder validate specs/*.json --format github --fail-on warning
  openapi-builder validate openapi.yaml --config pyproject.toml --format junit > report.xml

Exit 0 when no finding reaches --fail-on, 1 when one does, 2 when a file cannot be loaded.
"""


_DIFF_EPILOG = """\
examples:
  openapi-builder diff old.yaml new.yaml
  openapi-builder diff origin/main:openapi.yaml openapi.yaml --format markdown
  openapi-builder diff base.json rev.json --fail-on warning --ignore .openapi-ignore
  openapi-builder diff old.yaml new.yaml --deprecation-days-stable 180 --stability-level beta

BASE and REVISION are files or GITREV:path (read with `git show`). Exit 0 when no change
reaches --fail-on, 1 when one does, 2 when the diff cannot run.
"""


_RULES_EPILOG = """\
example:
  openapi-builder rules
"""


def build_parser(out: TextIO, err: TextIO) -> Parser:
    parser = Parser(
        prog=PROG,
        description="Generate, validate and diff OpenAPI documents.",
        epilog="example:\n  openapi-builder build myapp.api:api -o openapi.yaml\n\n"
        "Run 'openapi-builder COMMAND --help' for a command's options.",
        out=out,
        err=err,
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    def command(name: str, summary: str, epilog: str) -> Parser:
        sub: Parser = commands.add_parser(
            name, help=summary, description=summary, epilog=epilog, out=out, err=err
        )
        sub.add_argument(
            "--color",
            choices=("auto", "always", "never"),
            default="auto",
            help="colour the output: auto (a terminal, unless NO_COLOR is set), always, never",
        )
        return sub

    build = command("build", "Build an API's OpenAPI document.", _BUILD_EPILOG)
    _add_target_options(build)
    build.add_argument(
        "-o",
        "--output",
        default="-",
        metavar="PATH",
        help="file to write atomically; '-' (the default) prints to stdout",
    )

    check = command("check", "Check that a committed OpenAPI file is up to date.", _CHECK_EPILOG)
    _add_target_options(check)
    check.add_argument("path", metavar="PATH", help="the committed document (.json/.yaml/.yml)")
    check.add_argument("--update", action="store_true", help="rewrite PATH when it is stale")

    validate = command("validate", "Validate OpenAPI documents.", _VALIDATE_EPILOG)
    validate.add_argument("files", nargs="+", metavar="FILE", help="JSON or YAML documents")
    validate.add_argument(
        "--format",
        choices=tuple(VALIDATE_FORMATS),
        default="text",
        help="report format (default: text)",
    )
    validate.add_argument(
        "--fail-on",
        choices=("error", "warning", "info"),
        default="error",
        help="lowest severity that fails (default: error)",
    )
    validate.add_argument(
        "--config",
        metavar="FILE",
        help="rule severities: YAML/JSON with 'rules:' or a pyproject.toml",
    )
    validate.add_argument(
        "--engine",
        choices=("builtin", "openapi-spec-validator"),
        default="builtin",
        help="validator to run (default: builtin)",
    )
    validate.add_argument(
        "--root",
        metavar="DIR",
        help="folder outside which no $ref'd file is opened (default: each FILE's folder)",
    )

    diff = command("diff", "Compare two OpenAPI documents; flag breaking changes.", _DIFF_EPILOG)
    diff.add_argument("base", metavar="BASE", help="the old document: a file or GITREV:path")
    diff.add_argument(
        "revision", metavar="REVISION", help="the new document: a file or GITREV:path"
    )
    diff.add_argument(
        "--format", choices=_DIFF_FORMATS, default="text", help="report format (default: text)"
    )
    diff.add_argument(
        "--fail-on",
        choices=("breaking", "warning", "info", "never"),
        default="breaking",
        help="lowest level that fails (default: breaking)",
    )
    diff.add_argument("--ignore", metavar="FILE", help="accepted changes: RULE-ID METHOD /path")
    diff.add_argument(
        "--match-path",
        action="append",
        metavar="RE",
        help="only compare paths this regex finds (repeatable)",
    )
    diff.add_argument(
        "--unmatch-path",
        action="append",
        metavar="RE",
        help="skip paths this regex finds (repeatable)",
    )
    diff.add_argument(
        "--severity",
        action="append",
        metavar="RULE=LEVEL",
        help="override a rule's level: breaking, warning, info or off (repeatable)",
    )
    diff.add_argument(
        "--deprecation-days-beta",
        type=_days,
        default=0,
        metavar="N",
        help="days of notice a deprecated beta operation's x-sunset must give (default: 0)",
    )
    diff.add_argument(
        "--deprecation-days-stable",
        type=_days,
        default=0,
        metavar="N",
        help="days of notice a deprecated stable operation's x-sunset must give (default: 0)",
    )
    diff.add_argument(
        "--stability-level",
        choices=("draft", "alpha", "beta", "stable"),
        help="compare only operations at least this stable (x-stability-level)",
    )
    diff.add_argument(
        "--root",
        metavar="DIR",
        help="folder outside which no $ref'd file is read (default: each document's folder)",
    )

    _bundle.add_arguments(
        command("bundle", "Bundle a multi-file spec into one document.", _bundle.BUNDLE_EPILOG)
    )

    command("rules", "Print the validate lint rules and the diff rules.", _RULES_EPILOG)
    add_docs_parser(command("docs", "Write an HTML reference page of an API.", DOCS_EPILOG))
    add_serve_parser(
        command("serve", "Preview the reference page, rebuilt on change.", SERVE_EPILOG)
    )
    return parser


def _days(text: str) -> int:
    """A whole number of days, 0 or more."""
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"expected a whole number of days, not {text!r}")
    return int(text)


def _add_target_options(parser: Parser) -> None:
    parser.add_argument(
        "target",
        metavar="MODULE:ATTR",
        help="where the API is: myapp.api:api or path/to/file.py:api",
    )
    parser.add_argument(
        "--format",
        choices=DOCUMENT_FORMATS,
        help="output format (default: from the file suffix; json on stdout)",
    )
    parser.add_argument(
        "--openapi",
        choices=OPENAPI_VERSIONS,
        help="OpenAPI version to emit (default: the API's own)",
    )
    parser.add_argument(
        "--traceback",
        action="store_true",
        help="show the full traceback when the module or the API fails",
    )
