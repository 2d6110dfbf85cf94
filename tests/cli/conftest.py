"""Helpers for the command-line tests: run ``cli.run`` in-process, and write throwaway apps."""

from __future__ import annotations

import io
import sys
import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from openapi_builder.cli import run

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures" / "cli"

# A small valid API used by most tests; {extra} lets a test add one more operation.
APP_SOURCE = """
import openapi_builder as ob
from pydantic import BaseModel


class Pet(BaseModel):
    id: int
    name: str


api = ob.API(title="Pets", version="1.0.0")
api.add(ob.Operation("GET", "/pets/{pet_id}", operation_id="read_pet",
                     parameters=[ob.Parameter("pet_id", "path", int)], response_model=Pet))
{extra}

def create_api():
    return api
"""


@dataclass(frozen=True)
class Result:
    """What one ``run`` call did: exit code and everything written to each stream."""

    code: int
    out: str
    err: str


class FakeTerminal(io.StringIO):
    """A StringIO that says it is a terminal, to see colour decisions."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def cli() -> Callable[..., Result]:
    """Call ``run(argv)`` with StringIO streams; ``tty=True`` makes stdout/stderr terminals."""

    def call(*argv: str, tty: bool = False) -> Result:
        stream = FakeTerminal if tty else io.StringIO
        out, err = stream(), stream()
        code = run(list(argv), stdout=out, stderr=err)
        return Result(code, out.getvalue(), err.getvalue())

    return call


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty working directory; modules imported from it are forgotten afterwards."""
    monkeypatch.chdir(tmp_path)
    before = set(sys.modules)
    path_before = list(sys.path)
    yield tmp_path
    for name in set(sys.modules) - before:
        del sys.modules[name]
    assert sys.path == path_before, "the CLI left an entry on sys.path"


@pytest.fixture
def write_app(project: Path, request: pytest.FixtureRequest) -> Callable[..., str]:
    """Write an app module into the project; return its (test-unique) module name."""
    counter = iter(range(1000))

    def write(source: str | None = None, *, extra: str = "", name: str | None = None) -> str:
        module = name or f"app_{request.node.name.split('[')[0]}_{next(counter)}"
        text = APP_SOURCE.replace("{extra}", extra) if source is None else source
        (project / f"{module}.py").write_text(textwrap.dedent(text), encoding="utf-8")
        return module

    return write
