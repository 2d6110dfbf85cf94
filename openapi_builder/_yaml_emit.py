"""JSON-like data -> block-style YAML text that every YAML 1.1 and 1.2 loader reads back exactly.

A small emitter of our own rather than PyYAML's dumper, because what we need is narrow and
must be exact: block style only, no anchors or aliases ever, no line folding, literal blocks
only where they round-trip, and one quoting rule that protects strings from *both* YAML 1.1
(PyYAML, libyaml users, Go's yaml.v2: ``yes``, ``on``, ``0012``, sexagesimal ``1:30``, dates)
and YAML 1.2 (``1e3``, ``0o12``, ``.inf``). It is also iterative, so depth is no problem, and
on Stripe's spec it is faster than ``yaml.dump`` with libyaml's emitter (see the tests/report).

The rules, in order, for a string:

1. Plain when it is certainly a string to every loader: printable, no line break or tab, no
   leading/trailing space, does not start with an indicator, a digit, ``+`` or ``.``, contains
   no ``": "`` or ``" #"``, does not end with ``:``, and is none of ``null``/``~``/booleans
   (any case, YAML 1.1's ``y``/``n``/``yes``/``no``/``on``/``off`` included), ``<<``, ``=``.
2. Literal block (``|``) for multi-line text whose characters are all printable, with no tab
   or carriage return and no line made only of spaces.
3. Single-quoted when every character is printable and on one line.
4. Otherwise double-quoted with escapes (which never fold).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from typing import Any

from openapi_builder.errors import RenderError
from openapi_builder.limits import MAX_DEPTH

# Text nested deeper than our loaders read would break "load(to_yaml(doc)) == doc".
_TOO_DEEP = (
    f"the document nests deeper than {MAX_DEPTH} levels, which no loader of ours reads back; "
    "flatten it (e.g. with $ref)"
)

__all__ = ["emit_yaml", "pointer_of", "scalar_text"]

# Characters that cannot appear raw in a plain or single-quoted scalar: C0 controls (tab and
# line breaks included), DEL and C1 (NEL \x85 is a YAML 1.1 line break), the Unicode line and
# paragraph separators (also line breaks in YAML 1.1), the BOM and the non-characters.
_NOT_RAW = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")
# Characters that cannot appear raw in a literal block: the same, except the line feed.
_NOT_LITERAL = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]"
)
_SURROGATE = re.compile("[\ud800-\udfff]")
_ESCAPE = re.compile('[\x00-\x1f"\\\\\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]')
_NAMED_ESCAPES = {
    "\0": "\\0",
    "\a": "\\a",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\v": "\\v",
    "\f": "\\f",
    "\r": "\\r",
    "\x1b": "\\e",
    '"': '\\"',
    "\\": "\\\\",
    "\x85": "\\N",
    "\u2028": "\\L",
    "\u2029": "\\P",
}
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_NUMERIC_START = frozenset("0123456789+.")
# Plain words some YAML 1.1 or 1.2 loader reads as null, a boolean, a merge or a value key.
_RESERVED = frozenset(
    {"", "~", "null", "y", "n", "yes", "no", "on", "off", "true", "false", "<<", "="}
)
#: Longest key written as an implicit (``key: value``) key; YAML caps those at 1024 characters.
_MAX_SIMPLE_KEY = 1000


def _escape_char(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED_ESCAPES.get(char)
    if named is not None:
        return named
    code = ord(char)
    return f"\\x{code:02X}" if code <= 0xFF else f"\\u{code:04X}"


def _plain_ok(text: str) -> bool:
    return not (
        text.lower() in _RESERVED
        or text[0] in _INDICATORS
        or text[0] in _NUMERIC_START
        or text[0] == " "
        or text[-1] == " "
        or text[-1] == ":"
        or ": " in text
        or " #" in text
    )


def quoted(text: str) -> str:
    """``text`` as a one-line quoted scalar: single quotes when nothing needs escaping."""
    if not _NOT_RAW.search(text):
        return "'" + text.replace("'", "''") + "'"
    if _SURROGATE.search(text):
        raise ValueError("a lone surrogate is not a Unicode character and has no UTF-8 form")
    return '"' + _ESCAPE.sub(_escape_char, text) + '"'


def scalar_text(text: str) -> str:
    """A one-line rendering of a string (plain or quoted) that reads back as ``text``."""
    if text and not _NOT_RAW.search(text) and _plain_ok(text):
        return text
    return quoted(text)


def _literal(text: str, column: int) -> list[str] | None:
    """Lines of a literal block scalar for ``text`` (content at ``column``), or None if unsafe."""
    if "\n" not in text or _NOT_LITERAL.search(text):
        return None
    body = text[:-1] if text.endswith("\n") else text
    lines = body.split("\n")
    if not any(lines) or any(line and not line.strip(" ") for line in lines):
        return None  # only line breaks, or a line of only spaces: ambiguous in a block
    if not text.endswith("\n"):
        chomp = "-"
    elif text.endswith("\n\n"):
        chomp = "+"
    else:
        chomp = ""
    # A first line starting with a space (or a leading empty line) would mislead the
    # indentation auto-detection: state the indentation (2, relative to the parent) instead.
    indicator = "2" if text[0] in " \n" else ""
    pad = " " * column
    return ["|" + indicator + chomp, *(pad + line if line else "" for line in lines)]


def _number(value: Any) -> str:
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{value!r} is not a finite number and has no JSON form")
        text = float.__repr__(value)
        mantissa, _, exponent = text.partition("e")
        if "." not in mantissa:
            mantissa += ".0"  # YAML 1.1 reads a float only with a dot: 1e+16 -> 1.0e+16
        if exponent and exponent[0] not in "+-":
            exponent = "+" + exponent  # ... and only with a signed exponent
        return mantissa + ("e" + exponent if exponent else "")
    return int.__repr__(value)


def pointer_of(tokens: list[Any]) -> str:
    """An RFC 6901 JSON pointer from path tokens (``/`` for the root, to be readable)."""
    if not tokens:
        return "/"
    return "".join("/" + str(t).replace("~", "~0").replace("/", "~1") for t in tokens)


class _Frame:
    __slots__ = ("column", "first", "ident", "is_map", "items", "token")

    def __init__(self, value: Any, column: int, first: str) -> None:
        self.is_map = isinstance(value, dict)
        self.items: Iterator[Any] = iter(value.items()) if self.is_map else enumerate(value)
        self.column = column
        self.first: str | None = first  # prefix of the first line ("- " of a compact item)
        self.ident = id(value)
        self.token: Any = None


def emit_yaml(doc: dict[str, Any]) -> str:
    """Render a JSON-like mapping as block YAML. Raises RenderError naming the JSON pointer."""
    if not doc:
        return "{}\n"
    out: list[str] = []
    cache: dict[str, str] = {}  # one-line renderings; specs repeat many strings
    stack = [_Frame(doc, 0, "")]
    active = {id(doc)}
    try:
        while stack:
            frame = stack[-1]
            entry = next(frame.items, None)
            if entry is None:
                stack.pop()
                active.discard(frame.ident)
                continue
            frame.token, value = entry
            lead = frame.first if frame.first is not None else " " * frame.column
            frame.first = None
            if frame.is_map:
                key = frame.token
                if not isinstance(key, str):
                    raise TypeError(f"mapping key {key!r} is a {type(key).__name__}, not a str")
                rendered = cache.get(key)
                if rendered is None:
                    rendered = cache[key] = scalar_text(str.__str__(key))
                if len(rendered) > _MAX_SIMPLE_KEY:
                    out.append(lead + "? " + rendered)
                    lead = " " * frame.column
                    rendered = ""
                head = lead + rendered + ":"
            else:
                head = lead + "-"
            if isinstance(value, (dict, list, tuple)) and len(stack) >= MAX_DEPTH:
                raise ValueError(_TOO_DEEP)
            if isinstance(value, (dict, list, tuple)) and value:
                if id(value) in active:
                    raise ValueError("circular reference: a container contains itself")
                if frame.is_map:
                    out.append(head)
                    stack.append(_Frame(value, frame.column + 2, " " * (frame.column + 2)))
                else:
                    stack.append(_Frame(value, frame.column + 2, head + " "))
                active.add(id(value))
            elif isinstance(value, str):
                text = cache.get(value)
                if text is None:
                    block = _literal(str.__str__(value), frame.column + 2)
                    if block is not None:
                        out.append(head + " " + block[0])
                        out.extend(block[1:])
                        continue
                    text = cache[value] = scalar_text(str.__str__(value))
                out.append(head + " " + text)
            elif value is None:
                out.append(head + " null")
            elif value is True or value is False:
                out.append(head + (" true" if value else " false"))
            elif isinstance(value, (int, float)):
                out.append(head + " " + _number(value))
            elif isinstance(value, (dict, list, tuple)):
                out.append(head + (" {}" if isinstance(value, dict) else " []"))
            else:
                raise TypeError(f"{type(value).__name__} is not a JSON value")
    except (TypeError, ValueError) as exc:
        pointer = pointer_of([f.token for f in stack])
        raise RenderError(f"cannot render as YAML: {exc} - at {pointer}") from None
    out.append("")
    return "\n".join(out)
