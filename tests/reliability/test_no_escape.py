"""Invariant 5: no network and no reads outside the spec's directory.

A spec whose ``$ref``s point at a local HTTP server (started here, counting every request),
at ``/etc/passwd``, ``file:///etc/passwd``, ``../../secret`` and a symlink leading out, is
validated (both engines) and diffed in a subprocess whose audit hook records every file
open and socket use. Nothing may reach the server, the network, or a file outside the spec's
directory. Local file refs are followed by default, so a file inside the directory is read
(which also proves the hook sees reads), and still nothing outside it.
"""

from __future__ import annotations

import http.server
import json
import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.reliability.helpers import run_python

#: Longest a test's HTTP server lives, whatever happens to the test.
SERVER_LIFETIME_SECONDS = 60


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: list[str]

    def do_GET(self) -> None:
        self.hits.append(self.path)
        body = b"Pet: {type: object}\nx: {type: string}\n"
        self.send_response(200)
        self.send_header("Content-Type", "application/yaml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def server() -> Iterator[tuple[int, list[str]]]:
    """An HTTP server on 127.0.0.1 that records request paths; stopped after the test."""
    hits: list[str] = []
    handler = type("Handler", (_Recorder,), {"hits": hits})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    deadline = threading.Timer(SERVER_LIFETIME_SECONDS, httpd.shutdown)
    deadline.daemon = True
    deadline.start()
    try:
        yield httpd.server_address[1], hits
    finally:
        deadline.cancel()
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


def _spec(port: int, *, title: str) -> dict[str, Any]:
    refs = {
        "Remote": f"http://127.0.0.1:{port}/remote.yaml#/Pet",
        "SchemeRelative": f"//127.0.0.1:{port}/remote.yaml#/Pet",
        "Passwd": "/etc/passwd#/x",
        "FileUrl": "file:///etc/passwd#/x",
        "Secret": "../../secret#/x",
        "Link": "link.yaml#/x",
        "Local": "local.yaml#/Pet",
    }
    schemas = {name: {"$ref": ref} for name, ref in refs.items()}
    properties = {name.lower(): {"$ref": f"#/components/schemas/{name}"} for name in refs}
    return {
        "openapi": "3.1.0",
        "info": {"title": title, "version": "1.0.0"},
        "paths": {
            "/pets": {
                "get": {
                    "operationId": "list_pets",
                    "parameters": [{"$ref": f"http://127.0.0.1:{port}/params.yaml#/limit"}],
                    "responses": {
                        "200": {
                            "description": "OK",
                            "content": {
                                "application/json": {
                                    "schema": {"type": "object", "properties": properties}
                                }
                            },
                        },
                        "404": {"$ref": "../../secret#/response"},
                    },
                }
            }
        },
        "components": {"schemas": schemas},
    }


@pytest.fixture
def spec_dir(tmp_path: Path, server: tuple[int, list[str]]) -> Path:
    """tmp/a/b/spec/{base,revision,local,link}.yaml, with tmp/a/secret just outside."""
    port, _ = server
    outside = tmp_path / "a"
    spec = outside / "b" / "spec"
    spec.mkdir(parents=True)
    (outside / "secret").write_text("x: {type: string}\nresponse: {description: s}\n")
    (spec / "local.yaml").write_text("Pet: {type: object}\n")
    (spec / "link.yaml").symlink_to(outside / "secret")
    (spec / "base.json").write_text(json.dumps(_spec(port, title="base")))
    revision = _spec(port, title="revision")
    revision["paths"]["/pets"]["get"]["responses"]["200"]["description"] = "Changed"
    del revision["components"]["schemas"]["Local"]
    (spec / "revision.json").write_text(json.dumps(revision))
    return spec


# The subprocess warms up (imports, lazily loaded schemas) before the hook goes in, so what
# the hook sees is what handling the spec itself does.
_AUDITED = """
import json, os, sys
import openapi_builder as ob
from openapi_builder.diff import diff
spec = sys.argv[1]
warm = {"openapi": "3.1.0", "info": {"title": "w", "version": "1"}, "paths": {}}
ob.validate(warm); ob.validate(warm, engine="openapi-spec-validator"); diff(warm, warm)
events = []
def hook(name, args):
    if name == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
        events.append(["open", os.fsdecode(args[0])])
    elif name.startswith(("socket.", "urllib.", "http.", "subprocess.", "os.system")):
        events.append([name, repr(args)[:200]])
sys.addaudithook(hook)
action = sys.argv[2]
base, revision = os.path.join(spec, "base.json"), os.path.join(spec, "revision.json")
if action == "validate":
    report = ob.validate(base)
elif action == "validate-allowed":
    report = ob.validate(base, allow_remote_refs=True)
elif action == "validate-reference":
    report = ob.validate(base, engine="openapi-spec-validator")
else:
    try:
        report = diff(base, revision)
    except ob.LoadError as error:  # a local $ref that cannot be followed stops the diff
        report = None
        found = [str(error)]
if report is not None:
    found = [str(p) for p in getattr(report, "problems", getattr(report, "changes", ()))]
print(json.dumps({"events": events, "findings": found}))
"""


def _audited(spec: Path, action: str) -> dict[str, Any]:
    done = run_python(_AUDITED, str(spec), action, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def _code_file(path: str) -> bool:
    # Lazily imported modules are code, not spec content; they live under the interpreter.
    prefixes = tuple({os.path.realpath(p) for p in (sys.prefix, sys.base_prefix)})
    return path.endswith((".py", ".pyc", ".so")) and os.path.realpath(path).startswith(prefixes)


def _outside(events: list[list[str]], spec: Path) -> list[list[str]]:
    root = os.path.realpath(spec)
    bad = []
    for kind, detail in events:
        if kind != "open":
            bad.append([kind, detail])
            continue
        real = os.path.realpath(detail)
        if not (real == root or real.startswith(root + os.sep)) and not _code_file(real):
            bad.append([kind, detail])
    return bad


@pytest.mark.parametrize(
    "action",
    [
        "validate",
        "validate-reference",
        "diff",
    ],
)
def test_refs_cause_no_request_and_no_read_outside_the_spec_dir(
    spec_dir: Path, server: tuple[int, list[str]], action: str
) -> None:
    outcome = _audited(spec_dir, action)
    _, hits = server
    assert hits == [], f"{action} made HTTP requests: {hits}"
    assert _outside(outcome["events"], spec_dir) == []
    opened_local = any(e[1].endswith("local.yaml") for e in outcome["events"] if e[0] == "open")
    # The reference engine reads nothing; ours follow local file refs inside the directory.
    assert opened_local == (action != "validate-reference")
    assert outcome["findings"], f"{action} reported nothing about the refs"
    if action == "diff":  # a local ref it cannot follow stops the diff, naming its place
        (error,) = outcome["findings"]
        assert "base.json:1:" in error


def test_allowed_file_refs_read_inside_the_directory_only(
    spec_dir: Path, server: tuple[int, list[str]]
) -> None:
    outcome = _audited(spec_dir, "validate-allowed")
    _, hits = server
    assert hits == []
    opened = [os.path.realpath(path) for kind, path in outcome["events"] if kind == "open"]
    assert os.path.realpath(spec_dir / "local.yaml") in opened, "the hook saw no allowed read"
    assert _outside(outcome["events"], spec_dir) == []
    flagged = "\n".join(outcome["findings"])
    for ref in ("http://127.0.0.1", "/etc/passwd", "../../secret", "link.yaml"):
        assert ref in flagged, f"{ref} was not reported as unresolved"
    assert "local.yaml" not in flagged


@pytest.mark.parametrize("ref", ["http://127.0.0.1:{port}/x.json#/Pet", "file:///etc/passwd#/x"])
def test_reference_engine_does_not_fetch(
    tmp_path: Path, server: tuple[int, list[str]], ref: str
) -> None:
    """Minimal example of a bug this suite found: the reference engine fell back to urllib."""
    port, hits = server
    spec = tmp_path / "spec"
    spec.mkdir()
    document = _spec(port, title="minimal")
    document["paths"] = {}
    document["components"] = {"schemas": {"A": {"$ref": ref.format(port=port)}}}
    (spec / "base.json").write_text(json.dumps(document))
    outcome = _audited(spec, "validate-reference")
    assert hits == []
    assert _outside(outcome["events"], spec) == []
