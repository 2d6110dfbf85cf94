"""JSON text -> data through the stdlib C decoder, and character offsets of nodes on demand.

The fast path is one ``json`` decode whose ``object_pairs_hook`` refuses duplicate keys and whose
``parse_constant`` refuses NaN/Infinity; measured on Stripe's 4 MB spec it costs the same as a
plain ``json.loads`` (~30 ms). The hooks only know *that* something is wrong, so the slow path,
taken only on error, walks down from the root with the same C scanner, skipping every member
that scans cleanly, until it stands on the culprit: that gives its line and column.
"""

from __future__ import annotations

import json
import math
import re
from json.decoder import scanstring  # type: ignore[attr-defined]
from typing import Any

from openapi_builder.errors import LoadError
from openapi_builder.limits import MAX_DEPTH

__all__ = ["JsonOffsets", "parse_json"]

_WS = re.compile(r"[ \t\n\r]*")
# A member of an object from its leading whitespace to its value: group 1 is the raw key.
_MEMBER = re.compile(r'[ \t\n\r]*"([^"\\]*(?:\\.[^"\\]*)*)"[ \t\n\r]*:[ \t\n\r]*', re.DOTALL)
# After a value: whitespace, then the comma or the closing bracket (included in the match).
_NEXT = re.compile(r"[ \t\n\r]*[,}\]]")
_BRACKETS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.DOTALL)


class _Refused(Exception):
    """Raised by the decoder hooks; carries what is wrong (the place is found afterwards)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _unique_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _Refused("duplicate key")
    return result


def _refuse_constant(name: str) -> Any:
    raise _Refused(
        f"{name} is not valid JSON and not a finite number; "
        "write a number, or a string if it is meant as text"
    )


def _finite_float(text: str) -> float:
    value = float(text)
    if math.isinf(value):  # 1e999 parses to inf: not a number JSON consumers can share
        raise _Refused(
            f"{text} is too large for a finite number; write a smaller number, or a string "
            "if it is meant as text"
        )
    return value


# ``scan_once`` (the C scanner: one value at an offset -> (value, end)) is not in the stubs.
_STRICT: Any = json.JSONDecoder(
    object_pairs_hook=_unique_pairs, parse_constant=_refuse_constant, parse_float=_finite_float
)
# Only the end offset of a member is needed when indexing: a hook that returns a length
# instead of building each dict makes skipping a member about twice as fast. Numbers keep the
# C parser (a Python hook per number costs more than the number); the text decoded strictly
# before, so nothing here can fail.
_SKIP: Any = json.JSONDecoder(object_pairs_hook=len)


def parse_json(text: str, source: str | None) -> Any:
    """Decode JSON text strictly; raise LoadError with line and column on any problem."""
    try:
        data = _STRICT.decode(text)
    except json.JSONDecodeError as exc:
        offset, reason = _syntax_problem(text, exc)
        line, column = line_column(text, offset)
        raise LoadError(
            f"invalid JSON: {reason}; fix the JSON syntax here (the text starts with "
            "'{' or '[' so it was read as JSON; a YAML file should be named .yaml)",
            source=source,
            line=line,
            column=column,
        ) from None
    except (_Refused, ValueError) as exc:
        # ValueError here is int() refusing a number with more digits than Python allows.
        offset, message = _locate(text, exc)
        line, column = line_column(text, offset)
        raise LoadError(message, source=source, line=line, column=column) from None
    except RecursionError:
        raise _too_deep(text, source) from None
    # The decoder's own guard moves with the interpreter (3.13 decodes far deeper than 3.11),
    # so the bound we promise is checked here, on the result, without recursion.
    if _count_containers(text) > MAX_DEPTH and _depth_exceeds(data, MAX_DEPTH):
        raise _too_deep(text, source)
    return data


def _too_deep(text: str, source: str | None) -> LoadError:
    line, column = line_column(text, _deepest(text))
    return LoadError(
        f"the document nests deeper than {MAX_DEPTH} levels of arrays and objects; "
        "this is not a real OpenAPI document: flatten it (e.g. with $ref)",
        source=source,
        line=line,
        column=column,
    )


def _count_containers(text: str) -> int:
    """An upper bound of the nesting depth (brackets inside strings count too), in C speed."""
    return text.count("[") + text.count("{")


def _depth_exceeds(data: Any, limit: int) -> bool:
    """Whether decoded JSON nests more than ``limit`` arrays and objects deep (iteratively)."""
    stack = [(data, 1)] if type(data) in (dict, list) else []
    pop, push = stack.pop, stack.append
    while stack:
        node, depth = pop()
        if depth > limit:
            return True
        below = depth + 1
        for child in node.values() if type(node) is dict else node:
            kind = type(child)
            if kind is dict or kind is list:
                push((child, below))
    return False


_TRAILING_COMMA = re.compile(r",[ \t\n\r]*[}\]]")


def _syntax_problem(text: str, exc: json.JSONDecodeError) -> tuple[int, str]:
    """Where a syntax error is and what it is, in our words (CPython's vary by version)."""
    comma = _TRAILING_COMMA.match(text, exc.pos)
    if comma is None and exc.pos < len(text) and text[exc.pos] in "}]":
        before = text[: exc.pos].rstrip(" \t\n\r")
        if before.endswith(","):
            comma = _TRAILING_COMMA.match(text, len(before) - 1)
    if comma is not None:
        closing = text[comma.end() - 1]
        return comma.start(), f"a comma before '{closing}' (JSON allows no trailing comma)"
    if exc.pos >= len(text.rstrip(" \t\n\r")):
        return exc.pos, "the text ends before the document does (an unclosed bracket or string?)"
    return exc.pos, f"unexpected text at this place ({exc.msg})"


def _message(exc: Exception) -> str:
    if isinstance(exc, _Refused):
        return exc.reason
    return (
        "a number has more digits than Python reads (see sys.get_int_max_str_digits()); "
        "shorten it, or write it as a string"
    )


def _locate(text: str, exc: Exception) -> tuple[int, str]:
    """Find the offset of the node that made the strict decoder fail, and say what is wrong."""
    pos = _WS.match(text, 0).end()  # type: ignore[union-attr]
    while True:
        opening = text[pos]
        if opening not in "{[":
            return pos, _message(exc)  # a scalar refused by a hook
        index = pos + 1
        seen: dict[str, int] = {}
        while True:
            index = _WS.match(text, index).end()  # type: ignore[union-attr]
            if text[index] in "}]":
                return pos, _message(exc)
            if opening == "{":
                key, after = scanstring(text, index + 1)
                if key in seen:
                    first_line, first_column = line_column(text, seen[key])
                    return index, (
                        f"duplicate key {key!r} in this object (first at line {first_line}, "
                        f"column {first_column}); keys must be unique: remove or rename one"
                    )
                seen[key] = index
                index = _WS.match(text, after).end() + 1  # type: ignore[union-attr]  # the ':'
                index = _WS.match(text, index).end()  # type: ignore[union-attr]
            try:
                _, end = _STRICT.scan_once(text, index)
            except (_Refused, ValueError) as inner:
                pos, exc = index, inner  # the culprit is inside this member: descend
                break
            index = _WS.match(text, end).end()  # type: ignore[union-attr]
            if text[index] != ",":
                return pos, _message(exc)  # not reached for a document that failed to decode
            index += 1


def _deepest(text: str) -> int:
    """The offset where nesting first passes ``MAX_DEPTH``, else of its deepest point."""
    depth = best = best_offset = 0
    for match in _BRACKETS.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > best:
                best, best_offset = depth, match.start()
                if best > MAX_DEPTH:
                    break
        elif token in "]}":
            depth -= 1
    return best_offset


def line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of a character offset."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


class JsonOffsets:
    """Character offsets of nodes of a JSON text that decoded cleanly, computed on demand.

    A container's members are scanned only as far as a lookup needs (the C scanner skips
    each member's value), and the scan resumes there for the next lookup, so findings in
    document order cost about one pass over the containers they live in.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._root = _WS.match(text, 0).end()  # type: ignore[union-attr]
        self._scans: dict[int, _Scan] = {}

    def offset(self, tokens: tuple[str, ...]) -> int | None:
        """Offset of the value at the pointer ``tokens``, or None if there is no such node."""
        pos = self._root
        for token in tokens:
            scan = self._scans.get(pos)
            if scan is None:
                if self._text[pos] not in "{[":
                    return None  # a scalar has no children
                scan = self._scans[pos] = _Scan(self._text, pos)
            found = scan.find(token)
            if found is None:
                return None
            pos = found
        return pos


class _Scan:
    """The members of one container found so far, and where scanning resumes."""

    __slots__ = ("_keyed", "_next", "_positional", "_text", "is_object")

    def __init__(self, text: str, pos: int) -> None:
        self._text = text
        self.is_object = text[pos] == "{"
        self._keyed: dict[str, int] = {}
        self._positional: list[int] = []
        start = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]
        self._next: int | None = None if text[start] in "}]" else start

    def find(self, token: str) -> int | None:
        if self.is_object:
            found = self._keyed.get(token)
            while found is None and self._next is not None:
                key, value = self._step_member()
                if key == token:
                    found = value
            return found
        if not (token.isdigit() and token.isascii()) or (len(token) > 1 and token[0] == "0"):
            return None  # RFC 6901 array index: digits without a leading zero
        index = int(token)
        while len(self._positional) <= index and self._next is not None:
            self._step_item()
        return self._positional[index] if index < len(self._positional) else None

    def _step_member(self) -> tuple[str, int]:
        text, index = self._text, self._next
        found = _MEMBER.match(text, index)  # type: ignore[arg-type]
        assert found is not None  # the text decoded cleanly before
        raw, value = found.group(1), found.end()
        key = scanstring(f'{raw}"', 0)[0] if "\\" in raw else raw
        self._keyed.setdefault(key, value)
        self._advance(value)
        return key, value

    def _step_item(self) -> None:
        value = self._next
        assert value is not None
        self._positional.append(value)
        self._advance(value)

    def _advance(self, value: int) -> None:
        text = self._text
        after = _NEXT.match(text, _SKIP.scan_once(text, value)[1]).end()  # type: ignore[union-attr]
        self._next = _WS.match(text, after).end() if text[after - 1] == "," else None  # type: ignore[union-attr]
