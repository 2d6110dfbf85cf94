"""The real thing: ``python -m openapi_builder`` in a subprocess, for every command and exit code.

In-process tests (``run()`` with StringIO) cover the options; these prove the process-level
contract: exit status, what lands on stdout versus stderr, files on disk, terminals, pipes.
Each run costs an interpreter start, so there is one per command and exit code, no more.
"""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from openapi_builder.cli import run
from tests.cli.conftest import APP_SOURCE, FIXTURES, ROOT

VALIDATE, DIFF = FIXTURES / "validate", FIXTURES / "diff"
# Builds, but fails validation: `deprecated` must be a boolean.
INVALID_EXTRA = 'api.add(ob.Operation("GET", "/x", openapi_extra={"deprecated": "yes"}))'


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "TERM")}
    # The project importable, as when installed; the working directory is the app's.
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def _spawn(argv: list[str], cwd: Path, **kwargs: object) -> subprocess.CompletedProcess[str]:
    options: dict[str, object] = {"capture_output": True, "text": True, **kwargs}
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        argv, cwd=cwd, env=_env(), timeout=60, check=False, **options
    )


@pytest.fixture
def app_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "petapp.py").write_text(APP_SOURCE.replace("{extra}", ""), encoding="utf-8")
    (tmp_path / "badapp.py").write_text(
        APP_SOURCE.replace("{extra}", INVALID_EXTRA), encoding="utf-8"
    )
    (tmp_path / "somefile").write_text("not a directory", encoding="utf-8")
    (tmp_path / "stale.json").write_text("{}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # for the in-process reference run
    return tmp_path


def _files(directory: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(directory)): p.read_bytes()
        for p in sorted(directory.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


CASES = [
    # (argv, exit code, text expected in stdout (codes 0/1) or in the one stderr line (2))
    (["build", "petapp.py:api", "-o", "out.yaml"], 0, ""),
    (["build", "badapp:api"], 1, ""),
    (["build", "nosuchmodule:api"], 2, "cannot import 'nosuchmodule'"),
    (["build", "petapp:nosuch"], 2, "has no attribute 'nosuch'"),
    (["build", "petapp:Pet"], 2, "needs arguments"),
    (["build", "petapp:api", "-o", "somefile/out.json"], 2, "cannot write 'somefile/out.json'"),
    (["check", "petapp:api", "stale.json", "--update"], 0, "updated stale.json"),
    (["check", "petapp:api", "stale.json"], 1, "stale.json is stale"),
    (["check", "petapp:api", "."], 2, "'.' is a directory"),
    (["validate", str(VALIDATE / "valid.yaml")], 0, "no problems"),
    (["validate", str(VALIDATE / "invalid.yaml")], 1, "unresolved-ref"),
    (["validate", "."], 2, "directory"),
    (["diff", str(DIFF / "base.yaml"), str(DIFF / "base.yaml")], 0, "0 changes"),
    (["diff", str(DIFF / "base.yaml"), str(DIFF / "breaking.yaml")], 1, "1 breaking"),
    (["diff", "missing.yaml", str(DIFF / "base.yaml")], 2, "no such file"),
    (["rules"], 0, "api-removed-without-deprecation"),
    (["--version"], 0, "openapi-builder "),
    (["build"], 2, "the following arguments are required: MODULE:ATTR"),
]


IDS = [
    "build-0",
    "build-invalid-1",
    "unimportable-2",
    "missing-attribute-2",
    "wrong-type-2",
    "read-only-location-2",
    "check-update-0",
    "check-stale-1",
    "check-directory-2",
    "validate-0",
    "validate-1",
    "validate-directory-2",
    "diff-0",
    "diff-1",
    "diff-missing-2",
    "rules-0",
    "version-0",
    "usage-2",
]


@pytest.mark.parametrize(("argv", "code", "text"), CASES, ids=IDS)
def test_exit_code_and_streams(app_dir: Path, argv: list[str], code: int, text: str) -> None:
    done = _spawn([sys.executable, "-m", "openapi_builder", *argv], app_dir)
    assert done.returncode == code, done.stderr
    if code == 2:  # unusable input: nothing on stdout, one line on stderr, nothing written
        assert done.stdout == ""
        assert done.stderr.count("\n") == 1, done.stderr
        assert text in done.stderr
    else:
        assert text in done.stdout
    if code == 1 and argv[0] == "build":  # an invalid API: a line that says so, then problems
        assert done.stderr.startswith("error: API 'Pets' builds an invalid document (1 problem")
        assert "[structure] expected boolean" in done.stderr
    elif code != 2:
        assert done.stderr == ""
    # The process does what run() does in-process, byte for byte.
    after = _files(app_dir)
    if argv[:1] == ["check"] and "--update" in argv:
        (app_dir / "stale.json").write_text("{}\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert run(argv, stdout=out, stderr=err) == code
    assert (out.getvalue(), err.getvalue()) == (done.stdout, done.stderr)
    assert _files(app_dir) == after
    assert (app_dir / "somefile").read_bytes() == b"not a directory"


@pytest.mark.parametrize("no_color", [None, "1"], ids=["colour", "NO_COLOR"])
def test_no_color_on_a_real_terminal(tmp_path: Path, no_color: str | None) -> None:
    env = _env()
    if no_color is not None:
        env["NO_COLOR"] = no_color
    primary, secondary = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "openapi_builder", "validate", "missing.yaml"],
            cwd=tmp_path,
            env=env,
            stdout=secondary,
            stderr=secondary,
            timeout=60,
            check=False,
        )
        os.close(secondary)
        output = b""
        while True:
            try:
                chunk = os.read(primary, 4096)
            except OSError:  # EIO: the terminal is closed and drained
                break
            if not chunk:
                break
            output += chunk
    finally:
        os.close(primary)
    assert done.returncode == 2
    assert output.startswith(b"\x1b[1;31merror:" if no_color is None else b"error: "), output


def test_a_closed_pipe_is_not_an_error(app_dir: Path) -> None:
    reader, writer = os.pipe()
    os.close(reader)  # the reader is gone before the first byte is written
    try:
        done = _spawn(
            [sys.executable, "-m", "openapi_builder", "build", "petapp:api"],
            app_dir,
            stdout=writer,
            stderr=subprocess.PIPE,
            capture_output=False,
        )
    finally:
        os.close(writer)
    assert (done.returncode, done.stderr) == (0, "")
