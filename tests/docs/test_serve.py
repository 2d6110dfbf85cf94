"""``openapi-builder serve`` as a user runs it: a real process on a free port.

Every wait has a deadline and the process is killed if a test leaves it running, so a
hang fails the test instead of the run.
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, ROOT

SPEC = (FIXTURES / "diff" / "report" / "base.yaml").read_text(encoding="utf-8")
DEADLINE = 30.0

APP = """
import openapi_builder as ob
from helpers_{n} import SUMMARY

api = ob.API(title="Live", version="1.0.0")
api.add(ob.Operation("GET", "/live", operation_id="live", summary=SUMMARY))
"""


class Server:
    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.process = process
        self.lines: queue.Queue[str] = queue.Queue()
        assert process.stdout is not None
        stream = process.stdout
        threading.Thread(target=lambda: [self.lines.put(x) for x in stream], daemon=True).start()
        self.url = self.expect("serving http://").split()[1]

    def expect(self, start: str) -> str:
        end = time.monotonic() + DEADLINE
        while time.monotonic() < end:
            try:
                line = self.lines.get(timeout=max(0.1, end - time.monotonic()))
            except queue.Empty:
                break
            if line.startswith(start):
                return line.strip()
        pytest.fail(f"the server did not print {start!r} within {DEADLINE} s")

    def get(self, path: str = "") -> str:
        with urllib.request.urlopen(self.url + path, timeout=DEADLINE) as response:
            return str(response.read().decode("utf-8"))

    def wait_for(self, check: Callable[[str], bool]) -> str:
        end = time.monotonic() + DEADLINE
        while time.monotonic() < end:
            page = self.get()
            if check(page):
                return page
            time.sleep(0.2)
        pytest.fail(f"the page did not change as expected within {DEADLINE} s")


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[Callable[..., Server]]:
    started: list[subprocess.Popen[str]] = []

    def start(*argv: str) -> Server:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
        process = subprocess.Popen(
            [sys.executable, "-m", "openapi_builder", "serve", *argv, "--port", "0"],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        started.append(process)
        return Server(process)

    yield start
    for process in started:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=DEADLINE)


def _touch_later(path: Path, text: str) -> None:
    # Modification times can be coarse: make sure the new one differs from the last.
    before = path.stat().st_mtime_ns
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(before + 2_000_000_000, before + 2_000_000_000))


def test_spec_rebuilds_shows_errors_and_stops_on_ctrl_c(
    serve: Callable[..., Server], tmp_path: Path
) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    server = serve("spec.yaml")
    assert server.url.startswith("http://127.0.0.1:")
    page = server.get()
    assert 'data-path="/pets"' in page and "/__version" in page
    assert server.get("__version") == "1"

    _touch_later(spec, SPEC.replace("/pets/{petId}", "/animals/{petId}"))
    server.wait_for(lambda p: 'data-path="/animals/{petId}"' in p)
    server.expect("build 2: ok")

    _touch_later(spec, SPEC + "\nbroken: [\n")
    page = server.wait_for(lambda p: "build-error" in p)
    assert "spec.yaml:" in page and "invalid YAML" in page
    server.expect("build 3: failed")

    # Loads but is invalid: the page is shown, under a banner listing the errors.
    _touch_later(spec, SPEC.replace("title:", "x-title:", 1))
    page = server.wait_for(lambda p: "The document is not valid" in p)
    assert "title" in page.split("serve-error", 1)[1].split("</div>", 1)[0]
    assert 'data-path="/pets"' in page

    server.process.send_signal(signal.SIGINT)
    assert server.process.wait(timeout=DEADLINE) == 0
    assert server.expect("stopped") == "stopped"


def test_module_rebuilds_when_an_imported_file_changes(
    serve: Callable[..., Server], tmp_path: Path
) -> None:
    (tmp_path / "helpers_1.py").write_text('SUMMARY = "first"\n', encoding="utf-8")
    (tmp_path / "live_app.py").write_text(APP.replace("{n}", "1"), encoding="utf-8")
    server = serve("live_app.py:api")
    assert "first" in server.get()
    _touch_later(tmp_path / "helpers_1.py", "SUMMARY = 'second'\n")
    server.wait_for(lambda p: "second" in p)
    _touch_later(tmp_path / "helpers_1.py", "raise RuntimeError('boom in helpers')\n")
    page = server.wait_for(lambda p: "build-error" in p)
    assert "boom in helpers" in page
    _touch_later(tmp_path / "helpers_1.py", "SUMMARY = 'third'\n")
    server.wait_for(lambda p: "third" in p)
    server.process.send_signal(signal.SIGINT)
    assert server.process.wait(timeout=DEADLINE) == 0


def test_only_loopback_and_a_taken_port_is_one_line(tmp_path: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        (tmp_path / "spec.yaml").write_text(SPEC, encoding="utf-8")
        done = subprocess.run(
            [sys.executable, "-m", "openapi_builder", "serve", "spec.yaml", "--port", str(port)],
            cwd=tmp_path,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            capture_output=True,
            text=True,
            timeout=DEADLINE,
            check=False,
        )
    assert done.returncode == 2
    assert f"cannot listen on 127.0.0.1:{port}" in done.stderr
    assert done.stderr.count("\n") == 1


def test_an_edit_made_before_the_watcher_runs_still_rebuilds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The watcher thread may get to run only after the page is served and the user has saved
    # again (a loaded machine): what it compares with is what the first build read, not what
    # the file holds when the thread starts.
    from openapi_builder.cli import _serve

    monkeypatch.chdir(tmp_path)
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    request = {"source": "spec.yaml", "ui": "static", "title": None, "openapi": None}
    preview = _serve.Preview(request, lambda line: None)
    assert preview.current.number == 1
    _touch_later(spec, SPEC.replace("/pets/{petId}", "/animals/{petId}"))
    monkeypatch.setattr(_serve, "POLL_SECONDS", 0.05)
    watcher = threading.Thread(target=preview.watch, daemon=True)
    watcher.start()
    try:
        end = time.monotonic() + DEADLINE
        while preview.current.number == 1 and time.monotonic() < end:
            time.sleep(0.05)
        assert preview.current.number == 2
        assert 'data-path="/animals/{petId}"' in preview.current.page
    finally:
        preview.stop.set()
        watcher.join(timeout=DEADLINE)
