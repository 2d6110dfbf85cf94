"""The pytest plugin: keep a committed OpenAPI document in step with the API, from tests.

Registered under the ``pytest11`` entry point as ``openapi_builder``; disable it with
``pytest -p no:openapi_builder``. One fixture and one flag::

    def test_openapi_snapshot(openapi_snapshot):
        openapi_snapshot.assert_match(myapp.api, "openapi.yaml")

    pytest                      # fails with a diff when openapi.yaml is stale or missing
    pytest --openapi-update     # rewrites stale snapshots instead (atomically)

Relative snapshot paths are resolved against pytest's rootdir (where ``pytest.ini`` or
``pyproject.toml`` is), so they read like the paths committed in the repository.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

import openapi_builder as ob
from openapi_builder.render import write_text_atomic

__all__ = ["OpenAPISnapshot"]

_FORMATS = {".json": "json", ".yaml": "yaml", ".yml": "yaml"}
_UPDATE_FLAG = "--openapi-update"
# Snapshots written in this session, for the terminal summary.
_WRITTEN = pytest.StashKey[list[str]]()
# A stale document's diff is cut here: enough to see what changed, short enough to read.
_MAX_DIFF_LINES = 120


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("openapi-builder", "OpenAPI snapshots (openapi-builder)")
    group.addoption(
        _UPDATE_FLAG,
        action="store_true",
        default=False,
        dest="openapi_update",
        help="rewrite stale or missing OpenAPI snapshots instead of failing the test",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.stash[_WRITTEN] = []


class OpenAPISnapshot:
    """What the ``openapi_snapshot`` fixture gives a test: ``assert_match``.

    Args:
        root: the directory relative snapshot paths are resolved against.
        update: rewrite stale snapshots instead of failing (``--openapi-update``).
        written: where the paths of rewritten snapshots are recorded (for the summary).
    """

    def __init__(self, *, root: Path, update: bool, written: list[str] | None = None) -> None:
        self.root = root
        self.update = update
        self._written = written if written is not None else []

    def assert_match(
        self, api_or_doc: ob.API | Mapping[str, Any], path: str | os.PathLike[str]
    ) -> None:
        """Fail the test unless ``path`` holds exactly the document ``api_or_doc`` renders to.

        ``api_or_doc`` is an ``openapi_builder.API`` (built and validated here) or a document
        dict. The format comes from the suffix of ``path`` (``.json``, ``.yaml``, ``.yml``);
        the comparison is byte for byte with ``ob.to_json`` / ``ob.to_yaml``. With
        ``--openapi-update`` a stale or missing file is rewritten and the test passes.

        Raises:
            RenderError: ``path`` has no known suffix, or cannot be written on update.
            SpecValidationError, DeclarationError: the API does not build.
        """
        __tracebackhide__ = True
        target = Path(path) if Path(path).is_absolute() else self.root / path
        text = _render(api_or_doc, target)
        if target.is_dir():
            raise ob.RenderError(
                f"the snapshot path is a directory; name a file in it - at {target}"
            )
        try:
            current: str | None = target.read_text(encoding="utf-8")
        except (FileNotFoundError, NotADirectoryError):
            current = None  # a missing snapshot: created on update, reported otherwise
        if current == text:
            return
        if self.update:
            write_text_atomic(target, text)
            self._written.append(str(target))
            return
        if current is None:
            pytest.fail(
                f"OpenAPI snapshot {target} does not exist; run pytest {_UPDATE_FLAG} to create it",
                pytrace=False,
            )
        pytest.fail(
            f"OpenAPI snapshot {target} is stale; run pytest {_UPDATE_FLAG} to rewrite it\n"
            + _unified(current, text, target.name),
            pytrace=False,
        )


def _render(api_or_doc: ob.API | Mapping[str, Any], target: Path) -> str:
    __tracebackhide__ = True
    fmt = _FORMATS.get(target.suffix.lower())
    if fmt is None:
        raise ob.RenderError(
            f"cannot tell the snapshot format from the suffix {target.suffix or '(none)'!r}; "
            f"name it .json, .yaml or .yml - at {target}"
        )
    if isinstance(api_or_doc, ob.API):
        document: Mapping[str, Any] = api_or_doc.build()
    elif isinstance(api_or_doc, Mapping):
        document = api_or_doc
    else:
        raise TypeError(
            f"assert_match takes an openapi_builder.API or a document dict, "
            f"not {type(api_or_doc).__name__}"
        )
    return ob.to_json(document) if fmt == "json" else ob.to_yaml(document)


def _unified(old: str, new: str, name: str) -> str:
    lines = list(
        difflib.unified_diff(
            old.splitlines(),
            new.splitlines(),
            f"{name} (snapshot)",
            f"{name} (current)",
            lineterm="",
        )
    )
    text = "\n".join(lines[:_MAX_DIFF_LINES])
    if len(lines) > _MAX_DIFF_LINES:
        text += f"\n... {len(lines) - _MAX_DIFF_LINES} more diff lines"
    return text


@pytest.fixture
def openapi_snapshot(request: pytest.FixtureRequest) -> OpenAPISnapshot:
    """Compare OpenAPI documents with committed snapshot files (``--openapi-update`` rewrites)."""
    config = request.config
    return OpenAPISnapshot(
        root=config.rootpath,
        update=bool(config.getoption("openapi_update")),
        written=config.stash[_WRITTEN],
    )


def pytest_terminal_summary(
    terminalreporter: Any,  # pytest.TerminalReporter (exported by pytest only since 8.3)
    config: pytest.Config,
) -> None:
    written = config.stash.get(_WRITTEN, [])
    if written:
        terminalreporter.section("openapi-builder")
        for path in sorted(set(written)):
            terminalreporter.write_line(f"snapshot written: {path}")
