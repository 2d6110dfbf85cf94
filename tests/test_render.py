"""Tests for openapi_builder.render: exact round trips, quoting, determinism, atomic writes."""

from __future__ import annotations

import functools
import json
import os
import re
import stat
import subprocess
import sys
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from openapi_builder._yaml_emit import scalar_text
from openapi_builder.errors import RenderError
from openapi_builder.limits import MAX_DEPTH
from openapi_builder.load import load, loads
from openapi_builder.render import to_json, to_yaml, write, write_text_atomic

ROOT = Path(__file__).parents[1]
STRIPE = ROOT / ".." / "shared" / "corpus" / "stripe"
STRIPE_FILES = ["spec3.2021-05-26.json", "spec3.2022-04-12.json"]

# Strings some YAML 1.1 or 1.2 loader reads as something else, or that need care to keep.
TRAPS = [
    "200",
    "404",
    "0",
    "-0",
    "+1",
    "-1",
    "1_000",
    "0012",
    "012",
    "0o12",
    "0x1F",
    "0b101",
    "1:30",
    "190:20:30",
    "1e3",
    "1E3",
    "1.0",
    "3.0.0",
    "1.",
    ".5",
    "6.8523015e+5",
    ".inf",
    "-.inf",
    ".Inf",
    ".nan",
    ".NaN",
    "NaN",
    "Infinity",
    "inf",
    "yes",
    "Yes",
    "YES",
    "no",
    "No",
    "on",
    "On",
    "ON",
    "off",
    "Off",
    "y",
    "Y",
    "n",
    "N",
    "true",
    "True",
    "TRUE",
    "tRuE",
    "false",
    "False",
    "null",
    "Null",
    "NULL",
    "nUlL",
    "~",
    "",
    "None",
    "2024-01-01",
    "2001-12-14t21:59:43.10-05:00",
    "2001-12-14 21:59:43.10 -5",
    "2002-12-14",
    "12:30:00",
    "<<",
    "=",
    "!",
    "&a",
    "*a",
    "!!str",
    "- x",
    "-",
    "--",
    "---",
    "...",
    "? q",
    "?",
    ": c",
    ":",
    "key:",
    "a: b",
    "a #b",
    "a#b",
    "#c",
    "|",
    "|-",
    ">",
    "> fold",
    "'single'",
    '"double"',
    "'",
    '"',
    "%TAG",
    "@at",
    "`tick`",
    "{a: 1}",
    "[1, 2]",
    "{}",
    "[]",
    ",",
    "a, b",
    "a]",
    "\\",
    " leading",
    "trailing ",
    " ",
    "  both  ",
    "tab\tinside",
    "\ttab",
    "multi\nline",
    "multi\nline\n",
    "trail\n\n",
    "trail\n\n\n",
    "\nlead",
    "\n",
    "\n\n",
    "  indented\nblock",
    "a\n  more indented\nb",
    "line \nspace",
    "   \nonly spaces",
    "a\n   \nb",
    "cr\rlf",
    "crlf\r\n",
    "nel\x85x",
    "ls\u2028x",
    "ps\u2029x",
    "bom\ufeffx",
    "\ufeff",
    "nonchar\ufffe",
    "ctrl\x01\x7f",
    "bell\x07",
    "esc\x1b",
    "nul\x00",
    "unicode ✓ Ünïcödé 日本",
    "emoji 😀 ok",
    "\xa0nbsp",
    "long " * 300,
    "x" * 5000,
    "http://example.com/a#frag",
    "$ref",
    "#/components/schemas/A",
    "application/json",
    "text/plain; charset=utf-8",
    "a: b\nc: d\n",
    "- a\n- b\n",
    "#!/bin/sh\necho",
]


def stripe(name: str) -> Path:
    path = STRIPE / name
    if not path.is_file():
        pytest.skip(f"corpus not available: {path}")
    return path


def typed(value: Any) -> Any:
    """A structure where equality is type-exact: True != 1, 1 != 1.0."""
    if isinstance(value, dict):
        return ("dict", [(k, typed(v)) for k, v in value.items()])
    if isinstance(value, (list, tuple)):
        return ("list", [typed(v) for v in value])
    return (type(value).__name__, value)


def assert_round_trips(doc: dict[str, Any]) -> None:
    as_yaml = to_yaml(doc)
    as_json = to_json(doc)
    assert typed(loads(as_yaml)) == typed(doc), as_yaml
    assert typed(loads(as_json)) == typed(doc), as_json
    # Another consumer: plain PyYAML (a YAML 1.1 loader, with its timestamp resolver).
    assert typed(yaml.safe_load(as_yaml)) == typed(doc), as_yaml


# -- nothing is lost ------------------------------------------------------------------------


@pytest.mark.parametrize("text", TRAPS, ids=[repr(t)[:40] for t in TRAPS])
def test_trap_strings_round_trip_as_values_and_keys(text: str) -> None:
    assert_round_trips({"value": text, "list": [text, {"k": text}]})
    assert_round_trips({text: 1, "nested": {text: [text]}})


@pytest.mark.parametrize(
    "text",
    [
        "200",
        "yes",
        "ON",
        "n",
        "null",
        "~",
        "",
        "1e3",
        "0012",
        "0o12",
        "0x1F",
        "1_000",
        ".inf",
        ".nan",
        "+1",
        "2024-01-01",
        "12:30:00",
        "<<",
        "=",
        " padded",
        "padded ",
        "3.0.0",
        "-1",
    ],
)
def test_ambiguous_strings_are_quoted(text: str) -> None:
    line = to_yaml({"k": text}).rstrip("\n")
    assert line in (f"k: '{text}'", f'k: "{text}"'), line
    key_line = to_yaml({text: 1}).rstrip("\n")
    assert key_line in (f"'{text}': 1", f'"{text}": 1'), key_line


@pytest.mark.parametrize(
    "text", ["plain", "a b c", "$ref", "application/json", "/items/{id}", "a:b", "x-n", "日本"]
)
def test_unambiguous_strings_stay_plain(text: str) -> None:
    assert to_yaml({text: text}) == f"{text}: {text}\n"


def test_multi_line_strings_are_literal_blocks() -> None:
    doc = {"d": "line one\n  indented\nline three\n", "e": "no final newline\nx", "f": "keep\n\n"}
    text = to_yaml(doc)
    assert text == (
        "d: |\n  line one\n    indented\n  line three\n"
        "e: |-\n  no final newline\n  x\n"
        "f: |+\n  keep\n\n"
    )
    assert loads(text) == doc


def test_a_literal_block_starting_with_a_space_states_its_indentation() -> None:
    doc = {"seq": [" lead\nnext"], "map": {"k": "\nfirst empty\n"}}
    text = to_yaml(doc)
    # Content sits 2 columns right of its collection: the item's leading space is the 5th.
    assert "seq:\n  - |2-\n     lead\n    next\n" in text and "k: |2\n\n    first empty\n" in text
    assert loads(text) == doc == yaml.safe_load(text)


def test_long_strings_are_never_folded() -> None:
    long = " ".join(["word"] * 400)
    key = " ".join(["key"] * 200)  # 799 characters: still an implicit key
    text = to_yaml({"description": long, key: long})
    assert text.count("\n") == 2
    assert loads(text) == {"description": long, key: long}


def test_keys_longer_than_a_simple_key_use_an_explicit_key() -> None:
    key = "k" * 1500
    doc = {key: {"a": 1}, "b": [key]}
    text = to_yaml(doc)
    assert text.startswith("? " + key + "\n:\n  a: 1\n")
    assert loads(text) == doc == yaml.safe_load(text)


def test_layout_is_block_style_with_compact_sequences() -> None:
    doc = {
        "openapi": "3.1.0",
        "paths": {"/a": {"get": {"tags": ["x", "z"], "responses": {"200": {"description": "OK"}}}}},
        "matrix": [[1, 2], [], {}, [{"a": None, "b": True}], {"c": 1.5}],
        "empty": {},
        "none": [],
    }
    assert to_yaml(doc) == (
        "openapi: '3.1.0'\n"  # YAML 1.1's float pattern matches 3.1.0: quoted to be safe
        "paths:\n"
        "  /a:\n"
        "    get:\n"
        "      tags:\n"
        "        - x\n"
        "        - z\n"
        "      responses:\n"
        "        '200':\n"
        "          description: OK\n"
        "matrix:\n"
        "  - - 1\n"
        "    - 2\n"
        "  - []\n"
        "  - {}\n"
        "  - - a: null\n"
        "      b: true\n"
        "  - c: 1.5\n"
        "empty: {}\n"
        "none: []\n"
    )
    assert loads(to_yaml(doc)) == doc


def test_no_anchors_or_aliases_for_repeated_objects() -> None:
    shared = {"type": "object", "properties": {"a": {"type": "string"}}}
    doc = {"one": shared, "two": shared, "list": [shared, shared]}
    text = to_yaml(doc)
    assert "&" not in text and "*" not in text
    assert text.count("type: object") == 4
    assert loads(text) == doc


@pytest.mark.parametrize(
    ("value", "yaml_text", "json_text"),
    [
        (1e16, "1.0e+16", "1e+16"),
        (1.5e-07, "1.5e-07", "1.5e-07"),
        (-0.0, "-0.0", "-0.0"),
        (3.0, "3.0", "3.0"),
        (0.1, "0.1", "0.1"),
        (2**70, "1180591620717411303424", "1180591620717411303424"),
        (-7, "-7", "-7"),
        (True, "true", "true"),
        (None, "null", "null"),
    ],
)
def test_numbers_and_constants(value: Any, yaml_text: str, json_text: str) -> None:
    assert to_yaml({"v": value}) == f"v: {yaml_text}\n"
    assert to_json({"v": value}, indent=0) == f'{{\n"v": {json_text}\n}}\n'
    assert typed(loads(to_yaml({"v": value}))) == typed({"v": value})
    assert typed(yaml.safe_load(to_yaml({"v": value}))) == typed({"v": value})


json_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**200), max_value=2**200)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30)
    | st.sampled_from(TRAPS)
)
json_keys = st.text(max_size=12) | st.sampled_from(TRAPS)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(json_keys, inner, max_size=4),
    max_leaves=25,
)
json_documents = st.dictionaries(json_keys, json_values, max_size=6)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(json_documents)
def test_any_json_like_document_round_trips_exactly(doc: dict[str, Any]) -> None:
    assert_round_trips(doc)


# YAML 1.2 core schema (the JSON schema is a subset): what a plain scalar may resolve to.
YAML_12_NOT_STRINGS = re.compile(
    r"null|Null|NULL|~|true|True|TRUE|false|False|FALSE"
    r"|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
    r"|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?"
    r"|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)"
)
# PyYAML's YAML 1.1 resolver, timestamps included (typed here: PyYAML's method is not).
resolve_yaml_11: Callable[[type, str, tuple[bool, bool]], str] = yaml.resolver.Resolver().resolve


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=12) | st.sampled_from(TRAPS))
def test_plain_scalars_are_strings_to_yaml_11_and_12(text: str) -> None:
    rendered = scalar_text(text)
    if rendered[:1] in ("'", '"'):
        return  # quoted: a string to every loader
    assert rendered == text
    assert not YAML_12_NOT_STRINGS.fullmatch(text), text
    tag = resolve_yaml_11(yaml.ScalarNode, text, (True, False))
    assert tag == "tag:yaml.org,2002:str", (text, tag)


@functools.cache
def stripe_texts(name: str) -> tuple[dict[str, Any], str, str]:
    """A Stripe spec as loaded, as YAML and as JSON, rendered once per test session."""
    doc = load(stripe(name))
    return doc, to_yaml(doc), to_json(doc)


@pytest.mark.parametrize("name", STRIPE_FILES)
def test_stripe_round_trips(name: str) -> None:
    doc, as_yaml, as_json = stripe_texts(name)
    assert load(as_json) == doc
    assert load(as_yaml) == doc
    if name == STRIPE_FILES[-1]:  # another consumer: PyYAML (libyaml) reads the same document
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        assert yaml.load(as_yaml, Loader=loader) == doc


# -- determinism and inputs -----------------------------------------------------------------


def test_order_is_preserved_never_sorted() -> None:
    doc = {"z": 1, "a": {"y": 2, "b": 3}, "m": [{"q": 1, "c": 2}]}
    assert list(loads(to_yaml(doc))) == ["z", "a", "m"]
    assert to_json(doc).index('"y"') < to_json(doc).index('"b"')
    assert to_yaml(doc).index("q:") < to_yaml(doc).index("c:")


def test_json_text_shape() -> None:
    doc = {"é": "日本", "n": [1, {}]}
    assert to_json(doc) == '{\n  "é": "日本",\n  "n": [\n    1,\n    {}\n  ]\n}\n'
    assert to_json(doc, indent=4).startswith('{\n    "é"')


def test_mappings_other_than_dict_and_tuples_are_accepted_without_mutation() -> None:
    inner = {"b": (1, 2)}
    doc = MappingProxyType({"a": inner})
    assert loads(to_yaml(doc)) == loads(to_json(doc)) == {"a": {"b": [1, 2]}}
    ordered = OrderedDict([("x", 1)])
    assert to_yaml(ordered) == "x: 1\n"
    assert inner == {"b": (1, 2)}


def test_output_is_the_same_whatever_the_hash_seed() -> None:
    script = (
        "from openapi_builder.render import to_json, to_yaml\n"
        "doc = {'k': {str(i): i for i in range(50)}, 'yes': 'no', 'f': 0.1, 'n': [None, True]}\n"
        "print(to_yaml(doc) + to_json(doc))\n"
    )
    outputs = set()
    for seed in ("0", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, done.stderr
        outputs.add(done.stdout)
    assert len(outputs) == 1


# -- refusals ---------------------------------------------------------------------------------


class Thing:
    pass


@pytest.mark.parametrize(
    ("doc", "pointer", "words"),
    [
        ({"a": {"b": [1, float("nan")]}}, "/a/b/1", "nan is not a finite number"),
        ({"a": float("inf")}, "/a", "inf is not a finite number"),
        ({"a": [{"s": {1, 2}}]}, "/a/0/s", "set is not a JSON value"),
        ({"a": Thing()}, "/a", "Thing is not a JSON value"),
        ({"a": b"bytes"}, "/a", "bytes is not a JSON value"),
        ({"a": {1: "x"}}, "/a/1", "mapping key 1 is a int, not a str"),
        ({"a": {None: "x"}}, "/a/None", "mapping key None is a NoneType"),
        ({"a/b": {"c~d": {True: 1}}}, "/a~1b/c~0d/True", "mapping key True is a bool"),
    ],
)
def test_non_json_values_are_refused_with_their_pointer(
    doc: dict[str, Any], pointer: str, words: str
) -> None:
    for render in (to_json, to_yaml):
        with pytest.raises(RenderError) as caught:
            render(doc)
        assert words in str(caught.value)
        assert str(caught.value).endswith(f" - at {pointer}")


def test_lone_surrogates_are_refused() -> None:
    for render in (to_json, to_yaml):
        with pytest.raises(RenderError, match="lone surrogate") as caught:
            render({"a": ["ok", "bad \ud800"]})
        assert str(caught.value).endswith(" - at /a/1")


def test_circular_references_are_refused() -> None:
    loop: dict[str, Any] = {"a": 1}
    loop["self"] = loop
    for render in (to_json, to_yaml):
        with pytest.raises(RenderError, match="circular reference") as caught:
            render({"x": loop})
        assert str(caught.value).endswith(" - at /x/self")


def _nested(depth: int) -> dict[str, Any]:
    doc: dict[str, Any] = {"leaf": []}
    for _ in range(depth - 2):
        doc = {"n": doc}
    return doc  # the list at the bottom sits `depth` levels deep


@pytest.mark.parametrize("render", [to_json, to_yaml])
def test_the_depth_bound_is_ours_and_every_rendering_loads_back(render: Any) -> None:
    doc = _nested(MAX_DEPTH)
    assert load(render(doc).encode()) == doc
    with pytest.raises(RenderError, match=f"nests deeper than {MAX_DEPTH} levels") as caught:
        render(_nested(MAX_DEPTH + 1))
    assert str(caught.value).endswith("/n" * (MAX_DEPTH - 1) + "/leaf")


def test_non_mapping_documents_are_refused() -> None:
    with pytest.raises(RenderError, match="a document is a mapping"):
        to_yaml([1, 2])  # type: ignore[arg-type]


def test_render_never_mutates_its_input() -> None:
    doc = {"b": [1, {"c": "yes"}], "a": "x\ny"}
    snapshot = json.dumps(doc)
    to_yaml(doc)
    to_json(doc)
    assert json.dumps(doc) == snapshot


# -- writing ----------------------------------------------------------------------------------


DOC = {"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": {}}


@pytest.mark.parametrize(
    ("name", "format", "expected"),
    [
        ("spec.json", None, "json"),
        ("spec.YAML", None, "yaml"),
        ("spec.yml", None, "yaml"),
        ("spec.txt", "json", "json"),
        ("spec.json", "yaml", "yaml"),
    ],
)
def test_write_picks_the_format(
    tmp_path: Path, name: str, format: str | None, expected: str
) -> None:
    written = write(DOC, tmp_path / name, format=format)
    assert written == tmp_path / name
    text = written.read_text(encoding="utf-8")
    assert text == (to_json(DOC) if expected == "json" else to_yaml(DOC))
    assert load(written) == DOC


def test_write_refuses_unknown_suffixes_and_formats(tmp_path: Path) -> None:
    with pytest.raises(RenderError, match=r"\.json, \.yaml, \.yml"):
        write(DOC, tmp_path / "spec.txt")
    with pytest.raises(RenderError, match="unknown format 'toml'"):
        write(DOC, tmp_path / "spec.json", format="toml")
    assert list(tmp_path.iterdir()) == []


def test_write_keeps_permission_bits_and_replaces_content(tmp_path: Path) -> None:
    path = tmp_path / "spec.yaml"
    path.write_text("old: 1\n")
    path.chmod(0o640)
    write(DOC, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert load(path) == DOC
    assert [p.name for p in tmp_path.iterdir()] == ["spec.yaml"]


def test_a_new_file_gets_umask_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_text_atomic(tmp_path / "new.txt", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o644


@pytest.mark.parametrize("failing", ["replace", "fsync", "write"])
def test_a_failed_write_leaves_the_old_file_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    path = tmp_path / "spec.json"
    path.write_text('{"old": true}\n')

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise OSError(28, "No space left on device")

    if failing == "write":
        monkeypatch.setattr(os, "fdopen", lambda fd, mode: _BrokenStream(fd))
    else:
        monkeypatch.setattr(os, failing, broken)
    with pytest.raises(RenderError, match="No space left on device") as caught:
        write(DOC, path)
    assert str(path) in str(caught.value)
    assert path.read_text() == '{"old": true}\n'
    assert [p.name for p in tmp_path.iterdir()] == ["spec.json"]


class _BrokenStream:
    def __init__(self, fd: int) -> None:
        self.fd = fd

    def __enter__(self) -> _BrokenStream:
        return self

    def __exit__(self, *exc: object) -> None:
        os.close(self.fd)

    def write(self, data: bytes) -> int:
        raise OSError(28, "No space left on device")


def test_an_interrupt_during_write_also_cleans_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "spec.yaml"

    def interrupted(*args: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write(DOC, path)
    assert list(tmp_path.iterdir()) == []


def test_unwritable_targets_are_render_errors(tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="it is a directory") as caught:
        write_text_atomic(tmp_path, "x")
    assert str(tmp_path) in str(caught.value)
    missing = tmp_path / "no" / "such" / "spec.json"
    with pytest.raises(RenderError, match="does not exist; create it first") as caught:
        write(DOC, missing)
    assert str(missing) in str(caught.value)


def test_read_only_directory(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "spec.json").write_text("{}\n")
    locked.chmod(0o555)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running as root: a read-only directory is still writable")
        with pytest.raises(RenderError, match="Permission denied") as caught:
            write(DOC, locked / "spec.json")
        assert str(locked / "spec.json") in str(caught.value)
        assert (locked / "spec.json").read_text() == "{}\n"
        assert [p.name for p in locked.iterdir()] == ["spec.json"]
    finally:
        locked.chmod(0o755)
