"""Test sessions for every supported Python and for the lowest dependencies we allow.

    nox -s tests-3.13     the suite on one Python, newest dependencies
    nox -s tests          the suite on 3.10, 3.11, 3.12 and 3.13
    nox -s lowest         the suite on 3.10 with every dependency at its lowest allowed version

``lowest`` pins each ``>=`` bound of ``pyproject.toml`` (runtime and test extra) exactly, so a
bound that no longer works fails here instead of on a user's machine.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

import nox

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - nox itself may run on 3.10
    import tomli as tomllib

ROOT = Path(__file__).parent
PYTHONS = ["3.10", "3.11", "3.12", "3.13"]
LOWEST_PYTHON = PYTHONS[0]

nox.options.sessions = ["tests", "lowest"]
nox.options.reuse_existing_virtualenvs = False


def _pytest(session: nox.Session) -> None:
    session.run("python", "-m", "pytest", *session.posargs)


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """The whole suite with the newest dependency versions the index serves."""
    session.install("-e", ".[test]")
    _pytest(session)


def lowest_pins(pyproject: dict[str, object]) -> list[str]:
    """``name==lowest`` for every requirement with a ``>=`` bound (markers kept)."""
    project = pyproject["project"]
    assert isinstance(project, dict)
    requirements = [*project["dependencies"], *project["optional-dependencies"]["test"]]
    pins = []
    for requirement in requirements:
        match = re.fullmatch(r"([A-Za-z0-9_.\-\[\]]+)\s*>=\s*([^,;\s]+)[^;]*(;.*)?", requirement)
        if match:
            name, version, marker = match.groups()
            pins.append(f"{name}=={version}{marker or ''}")
    return pins


@nox.session(python=LOWEST_PYTHON)
def lowest(session: nox.Session) -> None:
    """The whole suite on the oldest Python with every dependency at its lowest bound."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    # Not session.create_tmp(): it points TMPDIR inside the project, and tests that make
    # projects in temporary folders would then find this project's pyproject.toml above them.
    folder = Path(tempfile.mkdtemp(prefix="nox-lowest-"))
    constraints = folder / "lowest.txt"
    constraints.write_text("\n".join(lowest_pins(pyproject)) + "\n", encoding="utf-8")
    session.install("-e", ".[test]", "-c", str(constraints))
    session.run("python", "-m", "pip", "list", "--format=freeze", silent=False)
    _pytest(session)
