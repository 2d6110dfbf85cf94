"""Load fuzzing: hostile and mutated JSON/YAML gives ``LoadError`` or a document, nothing else.

"Nothing else" means: no other exception type, no hang (each input is timed), no unbounded
memory (the alias bomb runs in a subprocess whose time and memory are measured), and what
does load is JSON-compatible data, as ``load``'s docstring promises.
"""

from __future__ import annotations

import codecs
import json
import math
import time
from typing import Any

import pytest
from hypothesis import event, given
from hypothesis import strategies as st
from hypothesis.control import currently_in_test_context

import openapi_builder as ob
from tests.reliability.helpers import examples, run_python
from tests.reliability.strategies import json_documents

#: CPU seconds any single hostile input may take to load or be refused.
MAX_SECONDS = 1.0
DEEP = 100_000


def assert_json_compatible(value: Any, path: str = "") -> None:
    """Only dicts with str keys, lists, str, int, finite float, bool and None."""
    __tracebackhide__ = True
    stack = [(value, path)]
    while stack:
        item, where = stack.pop()
        if isinstance(item, dict):
            for key, child in item.items():
                assert type(key) is str, f"non-string key {key!r} at {where or '/'}"
                stack.append((child, f"{where}/{key}"))
        elif isinstance(item, list):
            stack.extend((child, f"{where}/{i}") for i, child in enumerate(item))
        elif isinstance(item, float):
            assert math.isfinite(item), f"non-finite number {item!r} at {where or '/'}"
        else:
            assert item is None or type(item) in (str, int, bool), (
                f"{type(item).__name__} at {where or '/'} is not a JSON value"
            )


def load_or_refuse(source: str | bytes) -> dict[str, Any] | None:
    """The loaded document (checked JSON-compatible), or None when refused with LoadError."""
    started = time.process_time()
    try:
        document = ob.loads(source)
    except ob.LoadError as error:
        assert error.reason, "a LoadError must say what is wrong"
        _event("refused")
        return None
    finally:
        elapsed = time.process_time() - started
        assert elapsed < MAX_SECONDS, f"loading took {elapsed:.2f}s of CPU"
    assert type(document) is dict
    assert_json_compatible(document)
    _event("loaded")
    return document


def _event(name: str) -> None:
    if currently_in_test_context():  # the same helper serves plain parametrized tests
        event(name)


# -- random and mutated text ------------------------------------------------------------------


@examples(4.0)
@given(st.binary(max_size=400))
def test_random_bytes_load_or_are_refused(data: bytes) -> None:
    load_or_refuse(data)


@examples(4.0)
@given(st.text(max_size=400))
def test_random_text_loads_or_is_refused(text: str) -> None:
    load_or_refuse(text)


_TOKENS = (
    "[", "]", "{", "}", ",", ":", '"', "'", "- ", "? ", "\t", "\ufeff", "\x00", "\r", "\n  ",
    "&a ", "*a", "<<: *a\n", "!!python/object/apply:os.system ['id']", "!!binary aGk=", "!x ",
    "1e999", "-1e999", "1.0e+999", "NaN", "Infinity", "9" * 5000, "\\ud800", "%YAML 1.2\n",
    "---\n", "...\n", "#", "|", ">", "~", "null", "yes", "0x1F", "2021-05-26",
)  # fmt: skip


@st.composite
def mutated_texts(draw: st.DrawFn) -> str:
    """A valid document's JSON or YAML text, truncated, spliced or with a line repeated."""
    document = draw(json_documents())
    text = str(draw(st.sampled_from((ob.to_json, ob.to_yaml)))(document))
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(("truncate", "insert", "delete", "repeat-line")))
        if kind == "truncate":
            text = text[:at]
        elif kind == "insert":
            text = text[:at] + draw(st.sampled_from(_TOKENS)) + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 8)) :]
        else:  # a repeated line is a duplicate key in YAML block style and in pretty JSON
            lines = text.splitlines(keepends=True) or [""]
            index = draw(st.integers(0, len(lines) - 1))
            text = "".join([*lines[: index + 1], lines[index], *lines[index + 1 :]])
    return text


@examples(4.0)
@given(mutated_texts(), st.booleans())
def test_mutated_documents_load_or_are_refused(text: str, as_bytes: bool) -> None:
    load_or_refuse(text.encode("utf-8", "surrogatepass") if as_bytes else text)


# -- hostile inputs, one by one ---------------------------------------------------------------

_REFUSED: list[tuple[str, str | bytes, str]] = [
    ("deep JSON arrays", "[" * DEEP + "]" * DEEP, "nests deeper than"),
    ("deep JSON objects", '{"a":' * DEEP + "1" + "}" * DEEP, "nests deeper than"),
    ("deep JSON, unclosed", '{"a":' * DEEP, "nests deeper than"),
    ("deep YAML flow sequences", "a: " + "[" * DEEP + "]" * DEEP, "nests deeper than"),
    ("deep YAML flow mappings", "a: " + "{b: " * DEEP + "1" + "}" * DEEP, "nests deeper than"),
    (
        "deep YAML block mappings",
        "".join("  " * i + f"k{i}:\n" for i in range(3000)),
        "nests deeper than",
    ),
    ("huge JSON integer", '{"a": ' + "9" * DEEP + "}", "digits"),
    ("huge YAML integer", "a: " + "9" * DEEP + "\n", "digits"),
    ("YAML float overflow", "a: 1.0e+999\n", "not a finite number"),
    ("JSON NaN", '{"a": NaN}', "NaN"),
    ("JSON Infinity", '{"a": Infinity}', "finite"),
    ("YAML .nan", "a: .nan\n", "not a finite number"),
    ("invalid UTF-8", b"openapi: 3.1.0\ninfo: \xff\xfe\n", "invalid UTF-8"),
    ("truncated UTF-8", b'{"a": "\xe2\x82"}', "invalid UTF-8"),
    ("UTF-16 BOM, odd length", codecs.BOM_UTF16_LE + b"a\x00:", "UTF-16"),
    ("UTF-16 BOM, lone surrogate", codecs.BOM_UTF16_LE + b"\x00\xd8", "UTF-16"),
    ("tab indentation", "a:\n\tb: 1\n", "invalid YAML"),
    ("duplicate JSON key", '{"a": 1, "a": 2}', "duplicate key 'a'"),
    ("duplicate YAML key", "a: 1\na: 2\n", "duplicate key 'a'"),
    ("duplicate key via flow", "x: {a: 1, a: 1}\n", "duplicate key 'a'"),
    ("duplicate anchor", "a: &x 1\nb: &x 2\nc: *x\n", "anchor"),
    ("undefined alias", "a: *nowhere\n", "alias"),
    ("!!python/object/apply", "a: !!python/object/apply:os.system ['id']\n", "refusing tag"),
    ("!!python/name", "a: !!python/name:os.system\n", "refusing tag"),
    ("!!python/object/new", "a: !!python/object/new:builtins.dict {}\n", "refusing tag"),
    ("!!binary", "a: !!binary aGVsbG8=\n", "unsupported tag"),
    ("!!set", "a: !!set {x, y}\n", "unsupported tag"),
    ("custom tag", "a: !include other.yaml\n", "unsupported tag"),
    ("tagged key", "!!bool yes: 1\n", "unsupported tag"),
    ("complex key", "? [1, 2]\n: 1\n", "key"),
    ("two documents", "a: 1\n---\nb: 2\n", "more than one YAML document"),
    ("NUL byte", "a: \x00\n", "#x0000"),
    ("empty", "", "empty"),
    ("only a BOM", codecs.BOM_UTF8, "empty"),
    ("top level list", "[1, 2]", "top level"),
    ("top level scalar", "openapi\n", "top level"),
    ("truncated JSON", '{"openapi": "3.1.0", "info": {"tit', "JSON"),
    ("truncated YAML", 'openapi: "3.1.0\ninfo:\n  title: x\n', "YAML"),
]


@pytest.mark.parametrize(
    ("source", "fragment"),
    [pytest.param(source, fragment, id=name) for name, source, fragment in _REFUSED],
)
def test_hostile_input_is_refused_with_a_place(source: str | bytes, fragment: str) -> None:
    started = time.process_time()
    with pytest.raises(ob.LoadError) as raised:
        ob.loads(source)
    assert time.process_time() - started < MAX_SECONDS
    assert fragment.lower() in raised.value.reason.lower()
    assert raised.value.line is None or raised.value.line >= 1
    assert str(raised.value).endswith(
        f"<text>:{raised.value.line}:{raised.value.column}"
        if raised.value.column is not None
        else ("<text>" if raised.value.line is None else f"<text>:{raised.value.line}")
    )


_LOADED: list[tuple[str, str | bytes, dict[str, Any]]] = [
    ("UTF-8 BOM", codecs.BOM_UTF8 + b"a: 1\n", {"a": 1}),
    ("UTF-16 with BOM", "a: 1\n".encode("utf-16"), {"a": 1}),
    ("UTF-32 with BOM", "a: 1\n".encode("utf-32"), {"a": 1}),
    ("BOM in str", '\ufeff{"a": 1}', {"a": 1}),
    ("tabs inside a flow mapping", "x: {a:\t1,\tb: 2}\n", {"x": {"a": 1, "b": 2}}),
    ("tab inside a string", 'a: "x\ty"\n', {"a": "x\ty"}),
    ("anchor and alias copy", "a: &x {k: 1}\nb: *x\n", {"a": {"k": 1}, "b": {"k": 1}}),
    ("merge key", "x: &x {a: 1}\ny:\n  <<: *x\n  b: 2\n", {"x": {"a": 1}, "y": {"a": 1, "b": 2}}),
    ("status keys stay text", "200: ok\n0012: z\n", {"200": "ok", "0012": "z"}),
    ("dates stay strings", "a: 2021-05-26\n", {"a": "2021-05-26"}),
    ("YAML 1e3 is a string", "a: 1e3\n", {"a": "1e3"}),
    ("big but readable integer", '{"a": ' + "9" * 4000 + "}", {"a": int("9" * 4000)}),
    ("1e-999 underflows to zero", '{"a": 1e-999}', {"a": 0.0}),
]


@pytest.mark.parametrize(
    ("source", "expected"),
    [pytest.param(source, expected, id=name) for name, source, expected in _LOADED],
)
def test_awkward_but_valid_input_loads(source: str | bytes, expected: dict[str, Any]) -> None:
    assert load_or_refuse(source) == expected


def test_aliases_come_out_as_independent_copies() -> None:
    document = ob.loads("a: &x {k: [1]}\nb: *x\n")
    document["a"]["k"].append(2)
    assert document["b"] == {"k": [1]}


def test_the_size_bound_refuses_before_parsing() -> None:
    with pytest.raises(ob.LoadError, match="more than the limit"):
        ob.loads("a: " + "x" * 2000 + "\n", max_bytes=1000)


# -- bugs these tests found, kept as minimal examples -----------------------------------------


@pytest.mark.parametrize(
    "text", ['{"a": 1e999}', '{"a": -1e999}', '{"a": 1E400}', "a: 1.0e+999\n", "a: -1.5e+400\n"]
)
def test_number_overflow_is_refused(text: str) -> None:
    with pytest.raises(ob.LoadError, match="finite") as raised:
        ob.loads(text)
    assert (raised.value.line, raised.value.column) in {(1, 7), (1, 4)}


def test_lone_surrogate_in_yaml_text_is_a_load_error() -> None:
    with pytest.raises(ob.LoadError, match="lone surrogate") as raised:
        ob.loads("a: b\nc: \ud800\n")
    assert (raised.value.line, raised.value.column) == (2, 4)


# -- alias bomb: time and memory measured in a fresh interpreter -------------------------------

_BOMB = """
import json, resource, sys, time
import openapi_builder as ob
ob.loads("warm: up\\n")
text = sys.argv[1]
base_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
cpu, wall = time.process_time(), time.perf_counter()
try:
    ob.loads(text)
    outcome = "loaded"
except ob.LoadError as error:
    outcome = "refused: " + error.reason
cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base_rss) * 1024
print(json.dumps({"outcome": outcome, "cpu": cpu, "wall": wall, "bytes": grown}))
"""


def alias_bomb(levels: int, width: int) -> str:
    """Each level's sequence holds ``width`` aliases of the previous: width**levels leaves."""
    lines = ['a0: &a0 ["lol"]']
    for level in range(1, levels):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * width) + "]")
    lines.append(f"openapi: *a{levels - 1}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(("levels", "width"), [(9, 10), (30, 3), (5, 40)])
def test_a_1kb_alias_bomb_is_refused_within_1s_and_100mb(levels: int, width: int) -> None:
    text = alias_bomb(levels, width)
    assert len(text.encode()) <= 1024
    done = run_python(_BOMB, text, timeout=30)
    assert done.returncode == 0, done.stderr
    measured = json.loads(done.stdout)
    assert measured["outcome"].startswith("refused: aliases expand"), measured
    assert measured["cpu"] < 1.0, f"refusing the bomb took {measured['cpu']:.2f} s of CPU"
    assert measured["bytes"] < 100 * 2**20, f"peak memory grew by {measured['bytes']:,} bytes"
