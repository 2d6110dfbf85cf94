"""Tests for openapi_builder.load: formats, safety bounds, errors with places, positions."""

from __future__ import annotations

import codecs
import importlib
import json
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from openapi_builder import _yaml_load
from openapi_builder.errors import LoadError
from openapi_builder.limits import MAX_DEPTH
from openapi_builder.load import DEFAULT_MAX_BYTES, LoadedDocument, load, load_document, loads
from openapi_builder.render import to_json, to_yaml

# The module itself: ``openapi_builder.load`` as an attribute is the re-exported function.
load_module = importlib.import_module("openapi_builder.load")

ROOT = Path(__file__).parents[1]
FIXTURES = ROOT / "fixtures" / "load"
STRIPE = ROOT / ".." / "shared" / "corpus" / "stripe"
STRIPE_FILES = ["spec3.2021-05-26.json", "spec3.2022-04-12.json"]


def load_error(text: str | bytes, **kwargs: Any) -> LoadError:
    with pytest.raises(LoadError) as caught:
        loads(text, **kwargs)
    return caught.value


# -- what comes out -------------------------------------------------------------------------


def test_json_and_yaml_give_the_same_document() -> None:
    expected = {
        "openapi": "3.1.0",
        "info": {"title": "T", "version": "1"},
        "n": [1, 2.5, None, True],
    }
    yaml_text = "openapi: 3.1.0\ninfo:\n  title: T\n  version: '1'\nn: [1, 2.5, null, true]\n"
    assert loads(json.dumps(expected)) == expected
    assert loads(yaml_text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("d: 2024-01-01\n", {"d": "2024-01-01"}),  # dates stay strings
        ("t: 2001-12-14t21:59:43.10-05:00\n", {"t": "2001-12-14t21:59:43.10-05:00"}),
        ("200: ok\n", {"200": "ok"}),  # integer keys become their text
        ("0x1F: hex\n", {"0x1F": "hex"}),  # ... exactly as written
        ("'404': q\n", {"404": "q"}),
        (
            "a: 0x1F\nb: 0o17\nc: 012\nd: 1_000\ne: 1:30\n",
            {"a": 31, "b": "0o17", "c": 10, "d": 1000, "e": 90},
        ),
        (
            "a: yes\nb: Off\nc: ~\nd: 1e3\ne: 1.0e+3\n",
            {"a": True, "b": False, "c": None, "d": "1e3", "e": 1000.0},
        ),
        ("a: 123456789012345678901234567890\n", {"a": 123456789012345678901234567890}),
        ("a: =\nb: <<\n", {"a": "=", "b": "<<"}),
        ("a: !!str 12\nb: !!int '12'\nc: !!float '1'\n", {"a": "12", "b": 12, "c": 1.0}),
        ('"<<": literal merge-looking key\n', {"<<": "literal merge-looking key"}),
        ("a: |\n  x\n   y\n", {"a": "x\n y\n"}),
    ],
)
def test_yaml_values_are_json_compatible(text: str, expected: dict[str, Any]) -> None:
    result = loads(text)
    assert result == expected
    assert [type(v) for v in result.values()] == [type(v) for v in expected.values()]


def test_merge_keys_follow_the_yaml_merge_rules() -> None:
    text = (
        "base: &base {a: 1, b: 1}\n"
        "other: &other {b: 2, c: 2}\n"
        "one:\n  <<: *base\n  a: own\n"
        "many:\n  <<: [*other, *base]\n  d: own\n"
    )
    doc = loads(text)
    assert doc["one"] == {"a": "own", "b": 1}
    # Earlier sources win over later ones; explicit keys win over all.
    assert doc["many"] == {"b": 2, "c": 2, "a": 1, "d": "own"}


def test_a_quoted_merge_looking_key_is_a_string_beside_a_real_merge() -> None:
    assert loads('a: &a {x: 1}\nb:\n  "<<": s\n  <<: *a\n')["b"] == {"x": 1, "<<": "s"}
    error = load_error("a: &a {x: 1}\nb:\n  <<: *a\n  <<: *a\n")
    assert (error.line, error.column) == (4, 3)
    assert "duplicate key '<<'" in error.reason and "first at line 3, column 3" in error.reason


def test_aliases_are_expanded_into_independent_copies() -> None:
    doc = loads("a: &x {k: [1, 2]}\nb: *x\nc: [*x, *x]\nm: {<<: *x, q: 1}\n")
    assert doc["a"] == doc["b"] == doc["c"][0] == doc["c"][1] == {"k": [1, 2]}
    assert doc["m"] == {"k": [1, 2], "q": 1}
    doc["b"]["k"].append(3)
    doc["c"][1]["k"].append(4)
    doc["m"]["k"].append(5)
    assert doc["a"] == doc["c"][0] == {"k": [1, 2]}, "an alias must not share objects"
    assert (doc["b"]["k"], doc["c"][1]["k"], doc["m"]["k"]) == ([1, 2, 3], [1, 2, 4], [1, 2, 5])


def test_many_anchors_in_a_normal_spec_still_load() -> None:
    schema = "{" + ", ".join(f"p{i}: {{type: string, maxLength: {i}}}" for i in range(30)) + "}"
    lines = [f"base: &s {schema}"] + [f"use{i}: *s" for i in range(2000)]
    doc = loads("\n".join(lines) + "\n")
    assert len(doc) == 2001 and doc["use1999"]["p29"] == {"type": "string", "maxLength": 29}


@pytest.mark.parametrize("prefix", ["", "\ufeff", " \n\n"])
def test_text_detection_for_str_sources(prefix: str) -> None:
    assert load(prefix + '{"a": 1}') == {"a": 1}
    assert load(prefix + "a: 1\nb: 2") == {"a": 1, "b": 2}


def test_a_str_without_newline_or_bracket_is_a_path(tmp_path: Path) -> None:
    (tmp_path / "spec.yaml").write_text("a: 1\n")
    assert load(str(tmp_path / "spec.yaml")) == {"a": 1}
    with pytest.raises(LoadError) as caught:
        load("openapi: 3.1.0")
    assert caught.value.source == "openapi: 3.1.0" and "no such file" in str(caught.value)


def test_format_sniffing_uses_the_suffix_and_the_first_character(tmp_path: Path) -> None:
    flow = tmp_path / "flow.yaml"
    flow.write_text("{a: 1, b: [x]}\n")  # JSON-looking but YAML: the suffix decides
    assert load(flow) == {"a": 1, "b": ["x"]}
    assert load_document(flow).format == "yaml"
    plain = tmp_path / "spec.json"
    plain.write_text("a: 1\n")  # named .json but not JSON text: read as YAML
    assert load(plain) == {"a": 1}
    assert load_document(b'{"a": 1}').format == "json"
    assert loads("{a: 1}", source="x.yml") == {"a": 1}


@pytest.mark.parametrize(
    ("encoded", "name"),
    [
        (codecs.BOM_UTF8 + "a: é\n".encode(), "utf-8 bom"),
        ("a: é\n".encode("utf-16"), "utf-16 bom"),
        ('{"a": "é"}'.encode("utf-16-be"), "utf-16-be without bom"),
        ("a: é\n".encode("utf-32"), "utf-32 bom"),
    ],
)
def test_byte_order_marks(encoded: bytes, name: str) -> None:
    if name == "utf-16-be without bom":
        with pytest.raises(LoadError):  # NUL bytes: not silently mis-decoded
            loads(encoded)
    else:
        assert loads(encoded) == {"a": "é"}


def test_a_utf8_bom_before_json_keeps_the_json_fast_path() -> None:
    doc = load_document(codecs.BOM_UTF8 + b'{"a": {"b": 1}}')
    assert (doc.data, doc.format, doc.position("/a/b")) == ({"a": {"b": 1}}, "json", (1, 13))
    error = load_error(codecs.BOM_UTF8 + b'{"a": 1, "a": 2}')
    assert (error.line, error.column) == (1, 10) and "in this object" in error.reason


def test_input_is_not_mutated_and_bytes_and_paths_agree(tmp_path: Path) -> None:
    raw = b"a: [1, 2]\nb: {c: d}\n"
    path = tmp_path / "s.yaml"
    path.write_bytes(raw)
    assert load(path) == load(raw) == loads(raw.decode()) == {"a": [1, 2], "b": {"c": "d"}}
    assert path.read_bytes() == raw


# -- errors: what and where -----------------------------------------------------------------


ERRORS = [
    ('{"a": 1, "a": 2}', 1, 10, ["duplicate key 'a'", "first at line 1, column 2"]),
    (
        '{\n "x": {"b": [1, {"c": 1,\n  "c": 2}]}}',
        3,
        3,
        ["duplicate key 'c'", "first at line 2, column 18"],
    ),
    ("a: 1\nb:\n  c: 2\n  c: 3\n", 4, 3, ["duplicate key 'c'", "first at line 3, column 3"]),
    ("x: {a: 1, a: 2}\n", 1, 11, ["duplicate key 'a'"]),
    ("a: &x 1\nb: &x 2\n", 2, 4, ["anchor &x is defined twice"]),
    ('{"a": 1,}', 1, 8, ["invalid JSON", "no trailing comma", "a YAML file should be named .yaml"]),
    ("[1,\n  2 ,\n ]", 2, 5, ["invalid JSON", "a comma before ']'"]),
    ('{"a": [1, 2}', 1, 12, ["invalid JSON", "unexpected text"]),
    ('{"a": [1', 1, 9, ["invalid JSON", "the text ends before the document does"]),
    ('{"a": NaN}', 1, 7, ["NaN is not valid JSON"]),
    ('{"a": [1, -Infinity]}', 1, 11, ["-Infinity is not valid JSON"]),
    ('{"a": ' + "9" * 5000 + "}", 1, 7, ["more digits than Python reads"]),
    ("a: [1, 2\nb: 3\n", 2, 2, ["invalid YAML", "fix the YAML syntax"]),
    ("a:\n\tb: 1\n", 2, 1, ["invalid YAML", "tabs for indentation"]),
    (
        "a: !!python/object/apply:os.system ['echo hi']\n",
        1,
        4,
        ["refusing tag !!python/object/apply:os.system", "never constructs Python objects"],
    ),
    ("a: !!python/name:os.system\n", 1, 4, ["refusing tag !!python/name:os.system"]),
    ("a: !!binary aGk=\n", 1, 4, ["unsupported tag !!binary"]),
    ("a: !!set {x}\n", 1, 4, ["unsupported tag !!set"]),
    ("a: !custom 1\n", 1, 4, ["unsupported tag !custom"]),
    ("a: !!timestamp 2001-01-01\n", 1, 4, ["unsupported tag !!timestamp"]),
    ("a: !!int x\n", 1, 4, ["cannot read 'x' as !!int"]),
    ("a: 1\n!!bool yes: 2\n", 2, 1, ["unsupported tag !!bool"]),
    ("? [a]\n: 2\n", 1, 3, ["a mapping key must be a string"]),
    ("a: .nan\n", 1, 4, ["not a finite number"]),
    ("a: -.inf\n", 1, 4, ["not a finite number"]),
    ("a: *nowhere\n", 1, 4, ["alias *nowhere refers to no anchor"]),
    ("a: &r [*r]\n", 1, 8, ["refers to a node that contains it"]),
    ("a: 1\n---\nb: 2\n", 2, 1, ["more than one YAML document"]),
    ("a: 1\x01\n", 1, 5, ["cannot contain character #x0001"]),
    ("<<: 1\n", 1, 1, ["merge key '<<' must be a mapping"]),
    ("- a\n- b\n", 1, 1, ["the top level is a sequence", "an OpenAPI document is a mapping"]),
    ('  "just text"', 1, 3, ["the top level is a string"]),
    ("---\n", 2, 1, ["the top level is null"]),
    ("# only a comment\n", 2, 1, ["the document is empty"]),
]


@pytest.mark.parametrize(
    "key",
    [
        "on",
        "off",
        "On",
        "OFF",
        "yes",
        "No",
        "y",
        "N",
        "true",
        "False",
        "~",
        "null",
        "1.5",
        "0012",
        "1e3",
        "2024-01-01",
        "200",
    ],
)
def test_plain_keys_are_failsafe_strings(key: str) -> None:
    # OpenAPI: map keys are strings "as defined by the YAML Failsafe schema ruleset".
    assert loads(f"{key}: 1\nb:\n  {key}: [x]\n") == {key: 1, "b": {key: ["x"]}}


def test_values_keep_their_yaml_reading() -> None:
    assert loads("a: on\nb: no\nc: ~\nd: 1.5\ne: y\n") == {
        "a": True,
        "b": False,
        "c": None,
        "d": 1.5,
        "e": "y",
    }


@pytest.mark.parametrize(("text", "line", "column", "words"), ERRORS)
def test_load_errors_say_what_and_where(
    text: str, line: int, column: int, words: list[str]
) -> None:
    error = load_error(text, source="spec.txt")
    assert (error.source, error.line, error.column) == ("spec.txt", line, column)
    for word in words:
        assert word in error.reason
    assert str(error).endswith(f" - at spec.txt:{line}:{column}")


@pytest.mark.skipif(_yaml_load.PARSER is yaml.SafeLoader, reason="libyaml is not available")
def test_the_pure_python_parser_gives_the_same_places(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without libyaml, PyYAML's own parser feeds the same loop: same errors, same places."""
    yaml_cases = [case for case in ERRORS if not case[0].lstrip().startswith(("{", '"'))]
    with_libyaml = [load_error(text) for text, *_ in yaml_cases]
    monkeypatch.setattr(_yaml_load, "PARSER", yaml.SafeLoader)
    monkeypatch.setattr(load_module, "PARSER", yaml.SafeLoader)
    for (text, *_), expected in zip(yaml_cases, with_libyaml, strict=True):
        error = load_error(text)
        assert (error.line, error.column) == (expected.line, expected.column), text
        if not error.reason.startswith(("invalid YAML", "YAML cannot contain")):
            assert error.reason == expected.reason  # our own messages; the parsers word theirs
    assert loads("a: &x {k: 1}\nb:\n  <<: *x\n") == {"a": {"k": 1}, "b": {"k": 1}}
    assert load_document(FIXTURES / "positions.yaml").position("/x-list/2/shared") == (16, 11)
    with pytest.raises(LoadError, match="aliases expand"):
        loads((FIXTURES / "billion_laughs.yaml").read_text())


def test_invalid_utf8_is_reported_at_the_bad_byte() -> None:
    error = load_error(b"openapi: 3.1.0\ninfo: caf\xc3\xa9 \xff\n")
    assert (error.source, error.line, error.column) == (None, 2, 12)
    assert "invalid UTF-8 (byte 0xff" in error.reason and "save the file as UTF-8" in error.reason


def test_too_big_says_the_size_the_limit_and_how_to_raise_it(tmp_path: Path) -> None:
    for source in (b"a: 123456\n", "a: 123456\n"):
        error = load_error(source, max_bytes=5)
        assert "10 bytes, more than the limit of 5 bytes" in error.reason
        assert "max_bytes=" in error.reason
    path = tmp_path / "big.yaml"
    path.write_text("a: 123456\n")
    with pytest.raises(LoadError, match="limit of 5 bytes") as caught:
        load(path, max_bytes=5)
    assert caught.value.source == str(path)
    assert load(path, max_bytes=10) == {"a": 123456}
    assert DEFAULT_MAX_BYTES == 64 * 2**20


def test_multibyte_text_is_measured_in_utf8_bytes() -> None:
    with pytest.raises(LoadError, match="14 bytes"):
        loads("a: ééééé\n", max_bytes=11)  # 9 characters but 14 UTF-8 bytes


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000,
        '[{"a":' * 50_000,
        '{"a":' * 100_000,
        "- " * 100_000 + "x\n",
        "a: " + "[" * 100_000,
        "".join(" " * i + "k:\n" for i in range(1100)),
    ],
    ids=["json-arrays", "json-mixed", "json-objects", "yaml-block", "yaml-flow", "yaml-indent"],
)
def test_deep_nesting_is_a_load_error_not_a_crash(text: str) -> None:
    started = time.process_time()  # CPU time: a guard against hangs, not a speed claim
    error = load_error(text)
    assert time.process_time() - started < 2
    assert f"nests deeper than {MAX_DEPTH} levels" in error.reason
    assert error.line is not None and error.column is not None


def _nested(kind: str, depth: int) -> str:
    """Text whose innermost container sits ``depth`` levels deep."""
    if kind == "json-arrays":
        return '{"a":' + "[" * (depth - 1) + "]" * (depth - 1) + "}"
    if kind == "json-objects":
        return '{"a":' * (depth - 1) + "{}" + "}" * (depth - 1)
    if kind == "yaml-flow":
        return "a: " + "[" * (depth - 1) + "]" * (depth - 1) + "\n"
    return "".join(" " * i + "k:\n" for i in range(depth - 2)) + " " * (depth - 2) + "k: []\n"


@pytest.mark.parametrize("kind", ["json-arrays", "json-objects", "yaml-flow", "yaml-block"])
def test_the_depth_bound_is_ours_and_exact(kind: str) -> None:
    # The same answer on every interpreter and parser version: MAX_DEPTH loads, one more not.
    assert loads(_nested(kind, MAX_DEPTH)) is not None
    error = load_error(_nested(kind, MAX_DEPTH + 1))
    assert f"nests deeper than {MAX_DEPTH} levels" in error.reason
    assert error.line is not None and error.column is not None


def test_nesting_up_to_the_bound_loads() -> None:
    depth = 200
    assert loads("a: " + "[" * depth + "]" * depth + "\n")["a"] != []
    assert loads('{"a":' + "[" * depth + "]" * depth + "}")["a"] != []


def test_billion_laughs_is_refused_fast_and_small() -> None:
    text = (FIXTURES / "billion_laughs.yaml").read_text()
    assert len(text.encode()) < 1024
    tracemalloc.start()
    started = time.process_time()  # the bound: refused within 1 s (of CPU)
    try:
        with pytest.raises(LoadError) as caught:
            loads(text)
        elapsed = time.process_time() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "aliases expand to more than 1,000,000 nodes" in caught.value.reason
    assert caught.value.line is not None
    assert elapsed < 1.0, elapsed
    assert peak < 100 * 2**20, peak


def test_alias_budget_counts_expanded_nodes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_yaml_load, "MAX_ALIAS_NODES", 10)
    assert loads("a: &a [1, 2, 3]\nb: *a\nc: *a\n")["c"] == [1, 2, 3]  # 4 + 4 nodes
    error = load_error("a: &a [1, 2, 3]\nb: *a\nc: *a\nd: *a\n")
    assert (error.line, error.column) == (4, 4)


def test_missing_file_directory_and_unreadable(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    with pytest.raises(LoadError, match="no such file") as caught:
        load(missing)
    assert caught.value.source == str(missing) and str(caught.value).endswith(str(missing))
    with pytest.raises(LoadError, match="is a directory") as caught:
        load(tmp_path)
    assert caught.value.source == str(tmp_path)


def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.yaml"
    path.write_text("a: 1\n")
    path.chmod(0)
    try:
        if path.stat().st_mode & 0o777 == 0 and _readable(path):
            pytest.skip("running as root: permissions do not stop reading")
        with pytest.raises(LoadError, match="permission denied"):
            load(path)
    finally:
        path.chmod(0o600)


def _readable(path: Path) -> bool:
    try:
        path.read_bytes()
    except PermissionError:
        return False
    return True


# -- positions ------------------------------------------------------------------------------


POSITIONS = [
    ("", (1, 1), (1, 1)),
    ("/openapi", (2, 14), (1, 10)),
    ("/info/title", (3, 21), (3, 10)),
    ("/paths/~1items~1{id}/get", (6, 14), (8, 7)),  # YAML: a block mapping starts at its first key
    ("/paths/~1items~1{id}/get/tags/1", (7, 23), (8, 17)),
    ("/paths/~1items~1{id}/get/responses/200/description", (8, 46), (11, 24)),
    ("/paths/~1a~0b/x-n", (11, 21), (13, 10)),
    ("/x-list/0", (13, 14), (18, 5)),
    ("/x-list/1/1", (13, 23), (20, 7)),
    ("/x-list/2/k", (13, 34), (21, 8)),
]


@pytest.mark.parametrize(("pointer", "in_json", "in_yaml"), POSITIONS)
def test_position_of_nodes(
    pointer: str, in_json: tuple[int, int], in_yaml: tuple[int, int]
) -> None:
    json_doc = load_document(FIXTURES / "positions.json")
    yaml_doc = load_document(FIXTURES / "positions.yaml")
    assert json_doc.position(pointer) == in_json
    assert yaml_doc.position(pointer) == in_yaml


def test_fixture_positions_point_at_the_right_text() -> None:
    """Cross-check the table: the text at each position starts the value at that pointer."""
    for name in ("positions.json", "positions.yaml"):
        doc = load_document(FIXTURES / name)
        lines = (FIXTURES / name).read_text().splitlines()
        for pointer, *_ in POSITIONS[1:]:
            position = doc.position(pointer)
            assert position is not None
            line, column = position
            value: Any = doc.data
            for token in pointer[1:].split("/"):
                token = token.replace("~1", "/").replace("~0", "~")
                value = value[int(token)] if isinstance(value, list) else value[token]
            if isinstance(value, (str, int)):
                assert lines[line - 1][column - 1 :].lstrip("\"'").startswith(str(value)), pointer


def walk(value: Any, pointer: str = "") -> Iterator[tuple[str, Any]]:
    """Every (pointer, value) pair of a JSON-like document, the root included."""
    yield pointer, value
    if isinstance(value, (dict, list)):
        for key, item in value.items() if isinstance(value, dict) else enumerate(value):
            token = str(key).replace("~", "~0").replace("/", "~1")
            yield from walk(item, f"{pointer}/{token}")


keys = st.text(max_size=6) | st.sampled_from(["~", "/", "~1", "a/b~c", "200", "yes", ""])
scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8)
)
documents = st.dictionaries(
    keys,
    st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(keys, inner, max_size=3),
        max_leaves=12,
    ),
    max_size=4,
)


@settings(max_examples=100, deadline=None)
@given(documents)
def test_every_json_position_decodes_to_the_value_at_its_pointer(doc: dict[str, Any]) -> None:
    text = to_json(doc)
    loaded = load_document(text)
    lines = text.split("\n")
    for pointer, value in walk(doc):
        position = loaded.position(pointer)
        assert position is not None, pointer
        line, column = position
        offset = sum(len(row) + 1 for row in lines[: line - 1]) + column - 1
        decoded, _ = json.JSONDecoder().raw_decode(text, offset)
        assert decoded == value, pointer


@settings(max_examples=100, deadline=None)
@given(documents)
def test_every_yaml_scalar_position_starts_its_text(doc: dict[str, Any]) -> None:
    text = to_yaml(doc)
    loaded = load_document(text)
    lines = text.split("\n")
    for pointer, value in walk(doc):
        position = loaded.position(pointer)
        assert position is not None, pointer
        line, column = position
        rest = lines[line - 1][column - 1 :]
        if isinstance(value, (dict, list)) and value:
            continue  # a block collection starts at its first entry (checked through leaves)
        if isinstance(value, str) and rest.startswith("|"):
            continue  # a literal block: its text starts on the next line
        assert yaml.safe_load(rest) == value, (pointer, rest)


def test_positions_through_merge_keys_and_aliases() -> None:
    doc = load_document(FIXTURES / "positions.yaml")
    assert doc.data["x-list"][2] == {"kind": "own", "shared": "from-base", "k": None}
    assert doc.position("/x-list/2/kind") == (23, 11)  # the explicit key wins
    assert doc.position("/x-list/2/shared") == (16, 11)  # merged: where the anchor defines it


@pytest.mark.parametrize(
    "pointer", ["/nope", "/info/title/x", "/x-list/3", "/x-list/01", "/x-list/-", "/x-list/a"]
)
def test_position_of_missing_nodes_is_none(pointer: str) -> None:
    for name in ("positions.json", "positions.yaml"):
        assert load_document(FIXTURES / name).position(pointer) is None


@pytest.mark.parametrize("pointer", ["info", "#/info", "/a~2b", "/a~"])
def test_position_refuses_malformed_pointers(pointer: str) -> None:
    with pytest.raises(ValueError, match="not a JSON pointer"):
        load_document(FIXTURES / "positions.json").position(pointer)


def test_loaded_document_is_frozen_and_small_in_repr() -> None:
    doc = load_document(FIXTURES / "positions.yaml")
    assert isinstance(doc, LoadedDocument)
    assert (
        repr(doc) == f"LoadedDocument(source={str(FIXTURES / 'positions.yaml')!r}, format='yaml')"
    )
    with pytest.raises(AttributeError):
        doc.source = "x"  # type: ignore[misc]
    text_doc = load_document('{"a": {"b": 1}}')
    assert text_doc.source is None and text_doc.position("/a/b") == (1, 13)


def test_positions_are_lazy_and_columns_count_characters() -> None:
    doc = load_document('{"é": {"ü": 1}}')
    assert doc._locator._json is None  # nothing indexed before the first question
    assert doc.position("/é/ü") == (1, 13)
    yaml_doc = load_document("é: {ü: 1}\n")
    assert yaml_doc.position("/é/ü") == (1, 8)


YAML_POSITIONS = """\
openapi: 3.1.0
info: {title: "T", version: '1'}
paths:
  /a:
    get:
      parameters:
      - name: q
        in: query
      - {name: r, in: header}
      responses:
        '200':
          description: |
            text
          content: {}
list: [1, [2, 3], {x: y}]
"""


def _pointers(data: Any, prefix: str = "") -> list[str]:
    found = [prefix]
    items = data.items() if isinstance(data, dict) else enumerate(data)
    for key, value in items:
        pointer = f"{prefix}/{str(key).replace('~', '~0').replace('/', '~1')}"
        found.extend(_pointers(value, pointer) if isinstance(value, dict | list) else [pointer])
    return found


@pytest.mark.parametrize(
    "extra", ["", "anchors: &a {k: v}\nuse: *a\n", "m: &m {k: 1}\nn: {<<: *m}\n"]
)
def test_yaml_positions_from_the_loader_equal_those_of_the_composed_graph(extra: str) -> None:
    from openapi_builder.load import _YamlNodes

    text = YAML_POSITIONS + extra
    document = load_document(text)
    composed = _YamlNodes(text)
    for pointer in _pointers(document.data):
        tokens = tuple(t.replace("~1", "/").replace("~0", "~") for t in pointer.split("/")[1:])
        assert document.position(pointer) == composed.position(tokens), pointer
    assert document.position("/paths/~1a/get/parameters/1/name") == (9, 16)
    assert document.position("/nowhere") is None


# -- the real corpus ------------------------------------------------------------------------


def stripe(name: str) -> Path:
    path = STRIPE / name
    if not path.is_file():
        pytest.skip(f"corpus not available: {path}")
    return path


@pytest.mark.parametrize("name", STRIPE_FILES)
def test_stripe_loads_equal_to_json_load(name: str) -> None:
    path = stripe(name)
    with path.open(encoding="utf-8") as handle:
        expected = json.load(handle)
    assert load(path) == expected


def test_stripe_positions() -> None:
    path = stripe("spec3.2022-04-12.json")
    doc = load_document(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    position = doc.position("/paths/~1v1~1accounts/get/operationId")
    assert position is not None
    line, column = position
    assert lines[line - 1][column - 1 :].startswith('"GetAccounts"')
