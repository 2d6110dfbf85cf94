"""``serve``: a live preview of the reference page on 127.0.0.1, rebuilt when files change.

Each build runs in a child interpreter (:mod:`openapi_builder.cli._build_page`), which also
reports the files it read; a thread polls their modification times and rebuilds on a
change. A failed build is shown on the page, never fatal. The page asks ``/__version``
once a second and reloads itself when a new build is ready. Ctrl-C stops the server.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from openapi_builder.cli._common import EXIT_OK, Failure, Io
from openapi_builder.cli._docs import add_source_argument
from openapi_builder.docs.markup import esc
from openapi_builder.docs.style import CSS

HOST = "127.0.0.1"
#: Seconds between two looks at the watched files.
POLL_SECONDS = 0.5
#: A build that takes longer than this is stopped and reported on the page.
BUILD_TIMEOUT_SECONDS = 120

SERVE_EPILOG = """\
examples:
  openapi-builder serve myapp.api:api
  openapi-builder serve openapi.yaml --port 8080 --ui swagger

Serves on 127.0.0.1 only; the page rebuilds and reloads when the module's files or the spec
change. A build or validation error is shown on the page. --port 0 picks a free port.
"""

_RELOAD = """<script>
(function () {
  var version = "%s";
  setInterval(function () {
    fetch("/__version", {cache: "no-store"}).then(function (r) { return r.text(); })
      .then(function (t) { if (t !== version) { location.reload(); } })
      .catch(function () {});
  }, 1000);
})();
</script>
"""


def add_serve_parser(parser: argparse.ArgumentParser) -> None:
    add_source_argument(parser)
    parser.add_argument(
        "--port", type=int, default=8000, help="port on 127.0.0.1 (default: 8000; 0: any free)"
    )


@dataclass(frozen=True, slots=True)
class Build:
    """One build's outcome: the page (or the error page), and the files it depends on."""

    number: int
    page: str
    files: tuple[str, ...]
    ok: bool


def _error_page(source: str, message: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>Build failed: {esc(source)}</title>\n<style>\n{CSS}"
        ".serve-error{border:2px solid var(--breaking);border-radius:8px;padding:12px}\n"
        "</style>\n</head>\n<body>\n<main>\n"
        f'<div class="serve-error" role="alert"><h1>Cannot show {esc(source)}</h1>\n'
        f'<pre class="build-error">{esc(message.strip())}</pre>\n'
        "<p>Fix it and save: the page rebuilds on its own.</p></div>\n"
        "</main>\n</body>\n</html>\n"
    )


def run_build(request: dict[str, Any], number: int, known: tuple[str, ...]) -> Build:
    """Build once in a child interpreter; never raises for the user's errors."""
    with tempfile.TemporaryDirectory(prefix="openapi-builder-serve-") as scratch:
        page_path, files_path = Path(scratch, "page.html"), Path(scratch, "files.json")
        child = {**request, "page": str(page_path), "files": str(files_path)}
        command = [sys.executable, "-m", "openapi_builder.cli._build_page", json.dumps(child)]
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=BUILD_TIMEOUT_SECONDS, check=False
            )
            failure = done.stderr if done.returncode != 0 else ""
        except subprocess.TimeoutExpired:
            failure = f"the build took longer than {BUILD_TIMEOUT_SECONDS} s and was stopped"
        try:
            files = tuple(json.loads(files_path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            files = ()
        # A failed import may not list every module; keep watching what the last build read.
        files = tuple(sorted({*files, *known})) if failure else files
        if failure or not page_path.is_file():
            message = failure or "the build wrote no page"
            return Build(number, _error_page(request["source"], message), files, ok=False)
        return Build(number, page_path.read_text(encoding="utf-8"), files, ok=True)


def _signature(files: tuple[str, ...]) -> tuple[tuple[str, int, int], ...]:
    stamps = []
    for name in files:
        try:
            status = os.stat(name)
        except OSError:
            stamps.append((name, -1, -1))  # gone: coming back is a change too
        else:
            stamps.append((name, status.st_mtime_ns, status.st_size))
    return tuple(stamps)


class Preview:
    """The current build, swapped atomically by the watcher thread, read by the handlers."""

    def __init__(self, request: dict[str, Any], log: Callable[[str], None]) -> None:
        self.request = request
        self.log = log
        self.stop = threading.Event()
        self._lock = threading.Lock()
        self._build = run_build(request, 1, ())
        # Taken now, before the server is up, not when the watcher thread gets to run: an edit
        # made as soon as the page is served must differ from it.
        self._seen = _signature(self._build.files)
        self._report(self._build)

    @property
    def current(self) -> Build:
        with self._lock:
            return self._build

    def _report(self, build: Build) -> None:
        self.log(f"build {build.number}: {'ok' if build.ok else 'failed (shown on the page)'}")

    def watch(self) -> None:
        """Poll the files of the current build until ``stop`` is set; rebuild on a change."""
        seen = self._seen
        while not self.stop.wait(POLL_SECONDS):
            now = _signature(self.current.files)
            if now == seen:
                continue
            build = run_build(self.request, self.current.number + 1, self.current.files)
            with self._lock:
                self._build = build
            self._report(build)
            # The files this build read, as they were before it ran where that is known: an
            # edit made while it built differs, and brings the next build.
            before = {name: (modified, size) for name, modified, size in now}
            seen = tuple(
                (name, *before.get(name, (modified, size)))
                for name, modified, size in _signature(build.files)
            )


def _handler(preview: Preview) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            build = preview.current
            if self.path == "/__version":
                self._send(str(build.number), "text/plain; charset=utf-8")
            elif self.path in ("/", "/index.html"):
                reload = _RELOAD % build.number
                page = build.page.replace("</body>", reload + "</body>", 1)
                self._send(page, "text/html; charset=utf-8")
            else:
                self._send("not found", "text/plain; charset=utf-8", HTTPStatus.NOT_FOUND)

        def _send(self, text: str, kind: str, status: HTTPStatus = HTTPStatus.OK) -> None:
            data = text.encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:
            pass  # one line per build is enough; requests are not news

    return Handler


def cmd_serve(args: argparse.Namespace, io: Io) -> int:
    """``serve``: build, serve on 127.0.0.1, rebuild on change, stop on Ctrl-C."""
    if not 0 <= args.port <= 65535:
        raise Failure(f"--port must be between 0 and 65535, not {args.port}")

    def log(line: str) -> None:
        io.out.write(line + "\n")
        io.out.flush()

    request = {
        "source": args.source,
        "ui": args.ui,
        "title": args.title,
        "openapi": args.openapi,
    }
    preview = Preview(request, log)
    try:
        server = ThreadingHTTPServer((HOST, args.port), _handler(preview))
    except OSError as error:
        raise Failure(
            f"cannot listen on {HOST}:{args.port}: {error.strerror or error}; "
            "pass another --port (0 picks a free one)"
        ) from error
    server.daemon_threads = True
    watcher = threading.Thread(target=preview.watch, name="serve-watch", daemon=True)
    watcher.start()
    log(f"serving http://{HOST}:{server.server_address[1]}/ (Ctrl-C stops)")
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        preview.stop.set()
        server.server_close()
        # A second Ctrl-C while a build finishes still ends quietly; the thread is a daemon.
        with contextlib.suppress(KeyboardInterrupt):
            watcher.join(timeout=5)
    log("stopped")
    return EXIT_OK
