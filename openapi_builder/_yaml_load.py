"""YAML text -> JSON-compatible data, built from the parser's event stream.

Only the *parser* of PyYAML's safe loader is used (libyaml's ``CSafeLoader`` when present); the
composer and constructor are replaced by the loop below because it owns every rule that makes
loading safe and lossless in one place, without recursion:

- only JSON values come out: strings, ints, finite floats, booleans, null, dicts, lists; any
  other tag (``!!python/object``, ``!!binary``, ``!!set``, custom tags) is refused;
- timestamps stay strings (no timestamp resolver);
- mapping keys are strings, read by the YAML failsafe schema as OpenAPI requires: a plain key
  keeps its text as written (``200:`` -> ``"200"``, ``on:`` -> ``"on"``);
- duplicate keys and duplicate anchors are refused, with both places;
- merge keys (``<<``) work;
- aliases are expanded into copies (the result is a tree, as JSON would be); the number of
  nodes all expansions would create is counted from each anchor's size *before* anything is
  copied, so a "billion laughs" file is refused in under a millisecond;
- nesting deeper than ``limits.MAX_DEPTH`` is refused before the parser goes further (our
  bound sits below libyaml's own, so the refusal is always ours).

Measured on Stripe's 2022 spec as YAML (3 MB, 2 shared cores): this loop over libyaml's
events takes ~0.25 s, where ``yaml.compose`` alone takes ~0.9 s and
``yaml.load(..., CSafeLoader)`` ~1.3 s.
"""

from __future__ import annotations

import math
import re
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.resolver import Resolver

from openapi_builder.errors import LoadError
from openapi_builder.limits import MAX_ALIAS_NODES, MAX_DEPTH

__all__ = ["MAX_ALIAS_NODES", "MAX_DEPTH", "PARSER", "parse_yaml"]


#: The parser class whose event stream is read: libyaml's when PyYAML was built with it.
PARSER: type[Any] = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader

_T = "tag:yaml.org,2002:"
STR, INT, FLOAT, BOOL, NULL = _T + "str", _T + "int", _T + "float", _T + "bool", _T + "null"
MAP, SEQ, MERGE, VALUE, TIMESTAMP = (
    _T + "map",
    _T + "seq",
    _T + "merge",
    _T + "value",
    _T + "timestamp",
)

# PyYAML's YAML 1.1 implicit resolvers, without timestamps (dates stay strings).
_RESOLVERS: dict[str | None, list[tuple[str, re.Pattern[str]]]] = {
    first: [(tag, rx) for tag, rx in pairs if tag != TIMESTAMP]
    for first, pairs in Resolver.yaml_implicit_resolvers.items()
}
_BOOL_TRUE = frozenset({"yes", "true", "on"})
_BOOL_FALSE = frozenset({"no", "false", "off"})
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_KIND = {BOOL: "a boolean", NULL: "null", FLOAT: "a number"}
_UNSEEN = object()
_PLAIN_CACHE = 1 << 16  # distinct plain scalar texts remembered per document
_DEEPER_THAN = (
    f"the document nests deeper than {MAX_DEPTH} levels of mappings and sequences; "
    "this is not a real OpenAPI document: flatten it (e.g. with $ref)"
)


def resolve_plain(value: str) -> str:
    """The tag YAML 1.1 (as PyYAML reads it, minus timestamps) gives a plain scalar."""
    for tag, rx in _RESOLVERS.get(value[:1] if value else "", ()):
        if rx.match(value):
            return tag
    return STR


def short_tag(tag: str) -> str:
    """``tag:yaml.org,2002:binary`` -> ``!!binary`` (as users write it)."""
    return "!!" + tag[len(_T) :] if tag.startswith(_T) else tag


class _Frame:
    """One open mapping or sequence while its children arrive."""

    __slots__ = (
        "anchor",
        "awaiting_key",
        "is_map",
        "key",
        "keys",
        "mark",
        "marks",
        "merge_mark",
        "merges",
        "size",
        "value",
    )

    def __init__(self, is_map: bool, anchor: str | None, mark: Any) -> None:
        self.is_map = is_map
        self.anchor = anchor
        self.mark = mark
        self.value: Any = {} if is_map else []
        self.size = 1
        self.awaiting_key = True
        self.key: str | None = None
        self.keys: dict[str, Any] = {}  # explicit key -> its mark, for duplicate messages
        self.merges: list[dict[str, Any]] | None = None
        self.merge_mark: Any = None
        # Where each member's value starts: key -> mark, or one mark per item.
        self.marks: Any = {} if is_map else []


def _unshare(root: Any) -> Any:
    """Make a tree of a document whose aliases attached shared objects: copy repeats, in place.

    The first place a container is met keeps it; every later place gets a deep copy, so the
    result behaves as JSON would (changing one expansion never changes another).
    """
    seen = {id(root)}
    stack = [root]
    while stack:
        node = stack.pop()
        for key, child in list(node.items() if type(node) is dict else enumerate(node)):
            if type(child) is dict or type(child) is list:
                if id(child) in seen:
                    node[key] = _copy(child)  # a fresh tree: nothing in it is shared
                else:
                    seen.add(id(child))
                    stack.append(child)
    return root


def _copy(value: Any) -> Any:
    """A deep copy of a JSON-like tree, without recursion (scalars are immutable: shared)."""
    if type(value) is not dict and type(value) is not list:
        return value
    root: Any = {} if type(value) is dict else []
    stack: list[tuple[Any, Any]] = [(value, root)]
    while stack:
        src, dst = stack.pop()
        items = src.items() if type(src) is dict else enumerate(src)
        for key, item in items:
            if type(item) is dict or type(item) is list:
                item_copy: Any = {} if type(item) is dict else []
                stack.append((item, item_copy))
                item = item_copy
            if type(dst) is dict:
                dst[key] = item
            else:
                dst.append(item)
    return root


class _Builder:
    """Turns one event stream into one document; raises LoadError at the first problem."""

    def __init__(self, source: str | None) -> None:
        self.source = source
        self.anchors: dict[str, tuple[Any, int, Any]] = {}  # name -> (value, size, mark)
        self.open_anchors: set[str] = set()
        self.alias_nodes = 0
        self.shared = False  # whether an alias attached an object that appears twice
        self.stack: list[_Frame] = []  # the open containers (read when the parser fails)
        # id(container) -> its members' value marks; only kept while no alias or merge key
        # made the tree differ from the text (then positions fall back to composing).
        self.marks: dict[int, Any] | None = {}

    def error(self, message: str, mark: Any) -> LoadError:
        return LoadError(message, source=self.source, line=mark.line + 1, column=mark.column + 1)

    # -- scalars ------------------------------------------------------------------------------

    def scalar_tag(self, event: ScalarEvent) -> str:
        tag = event.tag
        if tag is None or tag == "!":
            return resolve_plain(event.value) if event.implicit[0] else STR
        return tag

    def key_of(self, event: ScalarEvent) -> str | None:
        """The string key of a scalar key event; ``None`` for the merge key ``<<``.

        OpenAPI: "Keys used in YAML maps MUST be limited to a scalar string, as defined by the
        YAML Failsafe schema ruleset". So a plain key is its text as written - ``200``, ``on``,
        ``yes``, ``n``, ``true``, ``1.5`` and ``~`` included - as the JavaScript linters read it.
        """
        tag = event.tag
        value: str = event.value
        if tag is None or tag == "!":
            return None if event.implicit[0] and value == "<<" else value
        if tag in (STR, INT, VALUE):
            return value
        if tag == MERGE:
            return None
        raise self.tag_error(tag, event.start_mark)

    def scalar_value(self, event: ScalarEvent) -> Any:
        tag = self.scalar_tag(event)
        value: str = event.value
        if tag in (STR, VALUE, MERGE):
            return value  # "=" and "<<" outside key position are plain strings
        try:
            if tag == INT:
                return _to_int(value)
            if tag == FLOAT:
                number = _to_float(value)
                if not math.isfinite(number):
                    raise OverflowError(value)
                return number
            if tag == BOOL:
                lowered = value.lower()
                if lowered in _BOOL_TRUE or lowered in _BOOL_FALSE:
                    return lowered in _BOOL_TRUE
                raise ValueError(value)
            if tag == NULL:
                if value in _NULLS:
                    return None
                raise ValueError(value)
        except OverflowError:
            raise self.error(
                f"{value!r} is not a finite number and cannot be represented in JSON; "
                f"quote it ({_quote_hint(value)}) if it is meant as text",
                event.start_mark,
            ) from None
        except ValueError as exc:
            detail = "too many digits" if "digits" in str(exc) else "not a valid value"
            raise self.error(
                f"cannot read {value[:40]!r} as {short_tag(tag)} ({detail}); "
                f"quote it to keep it as text",
                event.start_mark,
            ) from None
        raise self.tag_error(tag, event.start_mark)

    def tag_error(self, tag: str, mark: Any) -> LoadError:
        shown = short_tag(tag)
        if "python/" in tag:
            return self.error(
                f"refusing tag {shown}: YAML is loaded safely and never constructs Python "
                f"objects; remove the tag",
                mark,
            )
        return self.error(
            f"unsupported tag {shown}: an OpenAPI document holds only JSON values (strings, "
            f"numbers, booleans, null, mappings, sequences); remove the tag",
            mark,
        )

    # -- the loop -----------------------------------------------------------------------------

    def run(self, parser: Any) -> tuple[Any, Any]:
        """Read events until the single document ends; return (root value, root mark)."""
        get_event = parser.get_event
        stack = self.stack
        plain: dict[str, Any] = {}
        documents = 0
        while True:
            event = get_event()
            kind = type(event)
            if kind is ScalarEvent:
                top = stack[-1] if stack else None
                text: str = event.value
                untagged = event.tag is None
                if top is not None and top.is_map and top.awaiting_key:
                    if (
                        untagged
                        and text not in top.keys
                        and not (text == "<<" and event.implicit[0])
                    ):
                        # The common key, inlined: plain or quoted text, new in this mapping.
                        top.keys[text] = event.start_mark
                        top.key = text
                        top.awaiting_key = False
                    else:
                        self.take_key(top, self.key_of(event), event.start_mark)
                    if event.anchor is not None:
                        self.define(event.anchor, text, 1, event.start_mark)
                    continue
                if untagged and not event.implicit[0]:
                    value: Any = text  # quoted: a string
                elif untagged:
                    # Plain scalars repeat ("string", "object", "true"): resolve each text once.
                    value = plain.get(text, _UNSEEN)
                    if value is _UNSEEN:
                        value = self.scalar_value(event)
                        if len(plain) < _PLAIN_CACHE:
                            plain[text] = value
                else:
                    value = self.scalar_value(event)
                if (
                    event.anchor is None
                    and top is not None
                    and (top.key is not None or not top.is_map)
                ):
                    # The common value, inlined: an entry of a mapping or an item of a list.
                    top.size += 1
                    if top.is_map:
                        top.value[top.key] = value
                        top.marks[top.key] = event.start_mark
                        top.awaiting_key = True
                    else:
                        top.value.append(value)
                        top.marks.append(event.start_mark)
                    continue
                if event.anchor is not None:
                    self.define(event.anchor, value, 1, event.start_mark)
                root = self.attach(stack, value, 1, event.start_mark)
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                is_map = kind is MappingStartEvent
                self.check_container(stack, event, MAP if is_map else SEQ)
                if event.anchor is not None:
                    self.open_anchors.add(event.anchor)
                stack.append(_Frame(is_map, event.anchor, event.start_mark))
                continue
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                frame = stack.pop()
                value = self.finish_mapping(frame) if frame.is_map else frame.value
                if self.marks is not None:
                    self.marks[id(value)] = frame.marks
                if frame.anchor is not None:
                    self.open_anchors.discard(frame.anchor)
                    self.define(frame.anchor, value, frame.size, frame.mark)
                root = self.attach(stack, value, frame.size, frame.mark)
            elif kind is AliasEvent:
                self.marks = None
                root = self.alias(stack, event)
            elif kind is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise self.error(
                        "more than one YAML document in the stream ('---'); a spec file holds "
                        "exactly one document: split it into separate files",
                        event.start_mark,
                    )
                continue
            elif kind is StreamEndEvent:
                raise self.error(
                    "the document is empty; an OpenAPI document is a mapping "
                    "(it starts with 'openapi: ...')",
                    event.start_mark,
                )
            else:
                continue  # stream start, document end
            if root is not None:
                self.expect_end(get_event)
                return (_unshare(root[0]), root[1]) if self.shared else root

    def expect_end(self, get_event: Any) -> None:
        """After the root node: only the end of the document and of the stream may follow."""
        while True:
            event = get_event()
            if type(event) is StreamEndEvent:
                return
            if type(event) is DocumentStartEvent:
                raise self.error(
                    "more than one YAML document in the stream ('---'); a spec file holds "
                    "exactly one document: split it into separate files",
                    event.start_mark,
                )

    def check_container(self, stack: list[_Frame], event: Any, tag: str) -> None:
        if event.tag not in (None, "!", tag):
            raise self.tag_error(event.tag, event.start_mark)
        if stack and stack[-1].is_map and stack[-1].awaiting_key:
            raise self.error(
                "a mapping key must be a string, not a mapping or sequence (a YAML complex "
                "key); write the key as a plain or quoted string",
                event.start_mark,
            )
        if len(stack) >= MAX_DEPTH:
            raise self.error(_DEEPER_THAN, event.start_mark)

    def take_key(self, frame: _Frame, key: str | None, mark: Any) -> None:
        """Start an entry of ``frame`` (``key`` None for the merge key ``<<``)."""
        # The merge key is tracked apart: a quoted "<<" is an ordinary string key beside it.
        first = frame.merge_mark if key is None else frame.keys.get(key)
        if first is not None:
            raise self.error(
                f"duplicate key {'<<' if key is None else key!r} in this mapping (first at line "
                f"{first.line + 1}, column {first.column + 1}); keys must be unique: remove or "
                "rename one",
                mark,
            )
        if key is None:
            frame.merge_mark = mark
        else:
            frame.keys[key] = mark
        frame.key = key
        frame.awaiting_key = False

    def attach(
        self, stack: list[_Frame], value: Any, size: int, mark: Any
    ) -> tuple[Any, Any] | None:
        """Hand a finished node to its parent; return (value, mark) when it is the root."""
        if not stack:
            return value, mark
        top = stack[-1]
        top.size += size
        if not top.is_map:
            top.value.append(value)
            top.marks.append(mark)
            return None
        if top.key is None:  # the value of a merge key
            self.marks = None
            sources = value if type(value) is list else [value]
            if not all(type(source) is dict for source in sources):
                raise self.error(
                    "the value of a merge key '<<' must be a mapping or a list of mappings",
                    top.merge_mark,
                )
            if top.merges is None:
                top.merges = []
            top.merges.extend(sources)
        else:
            top.value[top.key] = value
            top.marks[top.key] = mark
        top.awaiting_key = True
        return None

    def finish_mapping(self, frame: _Frame) -> dict[str, Any]:
        if frame.merges is None:
            return frame.value  # type: ignore[no-any-return]
        # Earlier merge sources win over later ones; explicit keys win over all (YAML merge spec).
        merged: dict[str, Any] = {}
        for source in frame.merges:
            for key, item in source.items():
                merged.setdefault(key, item)
        merged.update(frame.value)
        return merged

    def define(self, name: str, value: Any, size: int, mark: Any) -> None:
        first = self.anchors.get(name)
        if first is not None:
            raise self.error(
                f"anchor &{name} is defined twice (first at line {first[2].line + 1}, "
                f"column {first[2].column + 1}); rename one",
                mark,
            )
        self.anchors[name] = (value, size, mark)

    def alias(self, stack: list[_Frame], event: Any) -> tuple[Any, Any] | None:
        name: str = event.anchor
        if name in self.open_anchors:
            raise self.error(
                f"alias *{name} refers to a node that contains it; a recursive structure "
                "cannot be represented in JSON",
                event.start_mark,
            )
        found = self.anchors.get(name)
        if found is None:
            raise self.error(
                f"alias *{name} refers to no anchor defined before it; define &{name} first",
                event.start_mark,
            )
        value, size, _ = found
        self.alias_nodes += size
        if self.alias_nodes > MAX_ALIAS_NODES:
            raise self.error(
                f"aliases expand to more than {MAX_ALIAS_NODES:,} nodes (an alias bomb such as "
                "'billion laughs'?); write shared parts once and reference them with $ref",
                event.start_mark,
            )
        if stack and stack[-1].is_map and stack[-1].awaiting_key:
            if type(value) is not str:
                raise self.error(
                    f"alias *{name} used as a key must refer to a string", event.start_mark
                )
            self.take_key(stack[-1], value, event.start_mark)
            return None
        # Attach the anchored object itself: copying waits until the whole document is read
        # (``_unshare``), so a document over the budget is refused before any expansion.
        self.shared = True
        return self.attach(stack, value, size, event.start_mark)


def _quote_hint(value: str) -> str:
    return f'"{value}"' if "'" in value else f"'{value}'"


def _to_int(text: str) -> int:
    """YAML 1.1 integer text -> int (as PyYAML reads it: 0x, 0b, 0 octal, sexagesimal, _)."""
    value = text.replace("_", "")
    sign = -1 if value[:1] == "-" else 1
    if value[:1] in "+-":
        value = value[1:]
    if value == "0":
        return 0
    if value.startswith("0b"):
        return sign * int(value[2:], 2)
    if value.startswith("0x"):
        return sign * int(value[2:], 16)
    if value[:1] == "0":
        return sign * int(value, 8)
    if ":" in value:
        total = 0
        for part in value.split(":"):
            total = total * 60 + int(part)
        return sign * total
    return sign * int(value)


def _to_float(text: str) -> float:
    """YAML 1.1 float text -> float (``.inf``, ``.nan`` and sexagesimal included)."""
    value = text.replace("_", "").lower()
    sign = -1.0 if value[:1] == "-" else 1.0
    if value[:1] in "+-":
        value = value[1:]
    if value == ".inf":
        return sign * float("inf")
    if value == ".nan":
        return float("nan")
    if ":" in value:
        total = 0.0
        for part in value.split(":"):
            total = total * 60 + float(part)
        return sign * total
    return sign * float(value)


def parse_yaml(text: str, source: str | None) -> tuple[Any, Any, dict[int, Any] | None]:
    """Parse one YAML document; return (root value, root mark, marks). Raises LoadError.

    ``marks`` says where each value starts: ``id(container)`` -> its members' marks (a dict
    by key, or a list by index), or ``None`` when aliases or merge keys were used."""
    parser = None
    builder = _Builder(source)
    try:
        parser = PARSER(text)  # the pure-Python reader already checks characters here
        root, mark = builder.run(parser)
        return root, mark, builder.marks
    except yaml.MarkedYAMLError as exc:
        raise (_too_deep(builder, exc, text) or _syntax_error(exc, text, source)) from None
    except yaml.reader.ReaderError as exc:
        line, column = _line_column(text, exc.position)
        raise LoadError(
            f"YAML cannot contain character #x{exc.character:04x} ({exc.reason}); "
            "remove it or escape it inside a double-quoted string",
            source=source,
            line=line,
            column=column,
        ) from None
    except yaml.YAMLError as exc:  # pragma: no cover - every parser error carries a mark
        raise LoadError(f"invalid YAML: {exc}", source=source) from None
    finally:
        dispose = getattr(parser, "dispose", None)  # None also when construction failed
        if dispose is not None:
            dispose()


def _line_column(text: str, index: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


_FLOW_BRACKETS = re.compile(r"[\[\]{}]")


def _too_deep(builder: _Builder, exc: yaml.MarkedYAMLError, text: str) -> LoadError | None:
    """Our nesting error when the parser failed on nesting we would have refused anyway.

    The scanner reads up to 1,024 characters ahead of the events (to find simple keys), so a
    run of ``[`` can reach the parser's own depth guard before our event loop sees it. Count
    the flow brackets opened after the innermost container we know of: when they take the
    nesting past ``MAX_DEPTH``, that is the problem, at the place where it passes the bound.
    """
    mark = exc.problem_mark or exc.context_mark
    if mark is None:
        return None
    depth = len(builder.stack)
    start = builder.stack[-1].mark.index + 1 if builder.stack else 0
    for match in _FLOW_BRACKETS.finditer(text, start, mark.index + 1):
        depth += 1 if match.group() in "[{" else -1
        if depth > MAX_DEPTH:
            line, column = _line_column(text, match.start())
            return LoadError(_DEEPER_THAN, source=builder.source, line=line, column=column)
    return None


def _syntax_error(exc: yaml.MarkedYAMLError, text: str, source: str | None) -> LoadError:
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or exc.context or "invalid YAML"
    line = mark.line + 1 if mark is not None else None
    column = mark.column + 1 if mark is not None else None
    hint = "fix the YAML syntax here"
    if mark is not None and _has_tab_near(text, mark.line):
        hint = "YAML does not allow tabs for indentation: indent with spaces"
    context = f" ({exc.context})" if exc.context and exc.problem else ""
    return LoadError(
        f"invalid YAML: {problem}{context}; {hint}", source=source, line=line, column=column
    )


def _has_tab_near(text: str, line_index: int) -> bool:
    """True when the problem line (or the one before) has a tab in its indentation."""
    lines = text.split("\n", line_index + 1)[max(0, line_index - 1) : line_index + 1]
    return any("\t" in line[: len(line) - len(line.lstrip(" \t"))] for line in lines)
