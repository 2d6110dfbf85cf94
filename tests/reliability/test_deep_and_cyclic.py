"""Deep and cyclic specs: validate and diff finish, with findings, and never recurse out.

Each case runs in a fresh interpreter, so a stack overflow in native code (a crash, not an
exception) fails one test instead of killing the run. Documents: a schema nested 10,000
levels (through ``properties``, ``items`` and ``allOf``), and reference cycles of length 1,
2 and 50 (recursive models) plus pure ``$ref`` alias cycles.
"""

from __future__ import annotations

import json

import pytest

from tests.reliability.helpers import run_python

DEPTH = 10_000

# Builds the documents in the subprocess (10,000-deep dicts do not survive json.dumps).
_RUN = r"""
import json, sys, time
import openapi_builder as ob
from openapi_builder.diff import diff

DEPTH = 10_000

def doc(schema, components=None):
    out = {
        "openapi": "3.1.0",
        "info": {"title": "Deep", "version": "1.0.0"},
        "paths": {"/x": {"get": {"operationId": "get_x", "responses": {"200": {
            "description": "OK", "content": {"application/json": {"schema": schema}}}}}}},
    }
    if components is not None:
        out["components"] = {"schemas": components}
    return out

def nested(keyword, leaf):
    schema = leaf
    for _ in range(DEPTH):
        if keyword == "properties":
            schema = {"type": "object", "properties": {"a": schema}, "required": ["a"]}
        elif keyword == "items":
            schema = {"type": "array", "items": schema}
        else:
            schema = {"allOf": [schema]}
    return schema

def cycle(length, extra):
    names = [f"C{i}" for i in range(length)]
    components = {}
    for i, name in enumerate(names):
        nxt = names[(i + 1) % length]
        components[name] = {"type": "object",
                            "properties": {"next": {"$ref": f"#/components/schemas/{nxt}"},
                                           "value": {"type": "string"}}}
    components[names[-1]]["properties"]["value"] = extra
    return doc({"$ref": "#/components/schemas/C0"}, components)

def alias_cycle(length):
    names = [f"A{i}" for i in range(length)]
    components = {name: {"$ref": f"#/components/schemas/{names[(i + 1) % length]}"}
                  for i, name in enumerate(names)}
    return doc({"$ref": "#/components/schemas/A0"}, components)

case = sys.argv[1]
if case.startswith("deep-"):
    keyword = case[len("deep-"):]
    base = doc(nested(keyword, {"type": "string"}))
    revision = doc(nested(keyword, {"type": "integer"}))
    broken = doc(nested(keyword, {"type": "strng"}))
elif case.startswith("cycle-"):
    length = int(case[len("cycle-"):])
    base = cycle(length, {"type": "string"})
    revision = cycle(length, {"type": "integer"})
    broken = cycle(length, {"type": "strng"})
else:
    length = int(case[len("alias-"):])
    base = revision = broken = alias_cycle(length)

out = {}
started = time.process_time()
report = ob.validate(broken)
out["validate"] = sorted({p.rule_id for p in report.problems})
out["validate_ok_base"] = ob.validate(base).ok
changes = diff(base, revision)
out["diff"] = sorted({c.rule_id for c in changes.changes})
out["cpu"] = time.process_time() - started
print(json.dumps(out))
"""


def _run(case: str) -> dict[str, object]:
    done = run_python(_RUN, case, timeout=180)
    assert "RecursionError" not in done.stderr, done.stderr[-2000:]
    assert done.returncode == 0, f"exit {done.returncode}:\n{done.stderr[-2000:]}"
    return json.loads(done.stdout)  # type: ignore[no-any-return]


@pytest.mark.parametrize("keyword", ["properties", "items", "allOf"])
def test_10000_deep_schemas_are_validated_and_diffed(keyword: str) -> None:
    outcome = _run(f"deep-{keyword}")
    assert outcome["validate"], "the misspelled type 10,000 levels down was not found"
    assert outcome["validate_ok_base"] is True
    assert outcome["diff"], "the type changed 10,000 levels down, and the diff saw nothing"


@pytest.mark.parametrize("length", [1, 2, 50])
def test_reference_cycles_are_validated_and_diffed(length: int) -> None:
    outcome = _run(f"cycle-{length}")
    assert outcome["validate"], "the misspelled type inside the cycle was not found"
    assert outcome["validate_ok_base"] is True
    assert outcome["diff"], "the type changed inside the cycle, and the diff saw nothing"


@pytest.mark.parametrize("length", [1, 2, 50])
def test_pure_ref_cycles_finish(length: int) -> None:
    outcome = _run(f"alias-{length}")
    # The same document on both sides: the diff finishes and flags the cycle it cannot follow.
    assert outcome["diff"] == ["ref-unresolvable"]


@pytest.mark.parametrize("length", [1, 2, 50])
def test_pure_ref_cycles_are_reported(length: int) -> None:
    outcome = _run(f"alias-{length}")
    assert outcome["validate"], "a $ref cycle that never reaches a schema was not reported"
