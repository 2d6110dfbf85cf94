"""Atomic writes: a process killed mid-write leaves the old file or the new one, never half.

Two ways in. Deterministic: the writing subprocess is paused at each stage of the write
(half the bytes written, before fsync, before the rename) and killed there. Random: a
subprocess rewrites a multi-megabyte file in a loop and is killed after varying delays.
After every kill the file must be byte-identical to one complete version.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.reliability.helpers import ROOT

OLD = "openapi: 3.1.0\ninfo: {title: old, version: '1'}\npaths: {}\n"

# Pauses the write at one stage: prints "paused" and sleeps until killed.
_STAGED = r"""
import os, sys, time
from openapi_builder.render import write_text_atomic
target, stage, size = sys.argv[1], sys.argv[2], int(sys.argv[3])

def pause():
    print("paused", flush=True)
    time.sleep(120)

real_fdopen, real_fsync, real_replace = os.fdopen, os.fsync, os.replace

class HalfWriter:
    def __init__(self, stream):
        self.stream = stream
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        return self.stream.__exit__(*exc)
    def write(self, data):
        self.stream.write(data[: len(data) // 2])
        self.stream.flush()
        pause()
    def __getattr__(self, name):
        return getattr(self.stream, name)

if stage == "mid-write":
    os.fdopen = lambda *a, **k: HalfWriter(real_fdopen(*a, **k))
elif stage == "before-fsync":
    os.fsync = lambda fd: pause()
elif stage == "before-rename":
    os.replace = lambda *a: pause()
write_text_atomic(target, "new: " + "x" * size + "\n")
print("done", flush=True)
"""

_LOOP = r"""
import sys
from openapi_builder.render import write_text_atomic
target, size = sys.argv[1], int(sys.argv[2])
versions = ["a: " + "a" * size + "\n", "b: " + "b" * size + "\n"]
print("started", flush=True)
i = 0
while True:
    write_text_atomic(target, versions[i % 2])
    i += 1
"""


def _start(code: str, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _wait_for(process: subprocess.Popen[str], word: str) -> None:
    assert process.stdout is not None
    line = process.stdout.readline()
    if line.strip() != word:
        process.kill()
        _, err = process.communicate(timeout=10)
        pytest.fail(f"expected {word!r} from the writer, got {line!r}:\n{err}")


def _stop(process: subprocess.Popen[str], signum: int) -> None:
    process.send_signal(signum)
    try:
        process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate(timeout=10)


def _temp_files(directory: Path, name: str) -> list[Path]:
    return sorted(p for p in directory.iterdir() if p.name != name)


@pytest.mark.parametrize("stage", ["mid-write", "before-fsync", "before-rename"])
@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM])
def test_a_kill_at_any_stage_leaves_the_old_file(tmp_path: Path, stage: str, signum: int) -> None:
    target = tmp_path / "openapi.yaml"
    target.write_text(OLD)
    writer = _start(_STAGED, str(target), stage, str(1_000_000))
    _wait_for(writer, "paused")
    _stop(writer, signum)
    assert target.read_text() == OLD
    # The temporary file may be left behind by a kill (nothing can clean up after SIGKILL),
    # but never under the target's name, and always hidden next to it.
    for leftover in _temp_files(tmp_path, target.name):
        assert leftover.name.startswith(".openapi.yaml.") and leftover.name.endswith(".tmp")


@pytest.mark.parametrize("stage", ["mid-write", "before-fsync", "before-rename"])
def test_an_interrupt_leaves_the_old_file_and_no_temporary_file(tmp_path: Path, stage: str) -> None:
    target = tmp_path / "openapi.yaml"
    target.write_text(OLD)
    writer = _start(_STAGED, str(target), stage, str(1_000_000))
    _wait_for(writer, "paused")
    _stop(writer, signal.SIGINT)  # KeyboardInterrupt: the writer's cleanup runs
    assert target.read_text() == OLD
    assert _temp_files(tmp_path, target.name) == []


def test_an_unpaused_write_completes(tmp_path: Path) -> None:
    target = tmp_path / "openapi.yaml"
    target.write_text(OLD)
    writer = _start(_STAGED, str(target), "none", "10")
    _wait_for(writer, "done")
    writer.communicate(timeout=20)
    assert target.read_text() == "new: " + "x" * 10 + "\n"


@pytest.mark.parametrize("delay", [0.05, 0.15, 0.3, 0.6, 1.0])
def test_killing_a_busy_writer_leaves_one_complete_version(tmp_path: Path, delay: float) -> None:
    size = 4_000_000
    target = tmp_path / "openapi.yaml"
    target.write_text(OLD)
    writer = _start(_LOOP, str(target), str(size))
    _wait_for(writer, "started")
    time.sleep(delay)
    _stop(writer, signal.SIGKILL)
    content = target.read_text()
    complete = {OLD, "a: " + "a" * size + "\n", "b: " + "b" * size + "\n"}
    assert content in complete, f"partial file: {len(content)} characters, {content[:20]!r}..."
