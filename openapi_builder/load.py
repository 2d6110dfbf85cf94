"""Read an OpenAPI document from a JSON or YAML file or text, safely, with places in errors.

``load`` and ``loads`` return the document as a plain ``dict``; ``load_document`` also keeps
the text, so ``LoadedDocument.position(pointer)`` can say on which line and column a node
stands (computed only when asked). Every problem raises ``LoadError`` carrying ``source``,
``line`` and ``column`` (1-based, as editors show them) and a message that says what to do.

What comes out is always JSON-compatible: strings, ints, finite floats, booleans, ``None``,
dicts with string keys and lists; aliases in YAML are expanded into copies (a tree, never
shared objects). YAML specifics (see ``_yaml_load``): dates stay strings, integer-looking
keys keep their text (``200:`` -> ``"200"``), boolean/null/float keys are refused.
"""

from __future__ import annotations

import bisect
import codecs
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml

from openapi_builder._gc import paused_gc
from openapi_builder._json_load import JsonOffsets, line_column, parse_json
from openapi_builder._yaml_load import MERGE, PARSER, parse_yaml
from openapi_builder.errors import LoadError
from openapi_builder.limits import DEFAULT_MAX_BYTES

__all__ = ["DEFAULT_MAX_BYTES", "LoadedDocument", "load", "load_document", "loads"]


Format = Literal["json", "yaml"]
_JSON_WS = " \t\r\n"
_YAML_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True, slots=True, eq=False)
class LoadedDocument:
    """A loaded document: its data, where it came from, and positions of its nodes on demand.

    ``data`` is the document (a dict), ``source`` the file name as given (``None`` for text),
    ``format`` ``"json"`` or ``"yaml"``. Build one with ``load_document``.
    """

    data: dict[str, Any]
    source: str | None
    format: Format
    _locator: _Locator = field(repr=False)

    def position(self, pointer: str) -> tuple[int, int] | None:
        """1-based ``(line, column)`` of the node at an RFC 6901 JSON pointer, else ``None``.

        ``""`` is the whole document; ``"/paths/~1items/get"`` the ``get`` under ``/items``
        (``~1`` stands for ``/`` and ``~0`` for ``~``); array items are addressed by index.
        The position is where the node's value starts (for a YAML block mapping or sequence,
        its first entry). ``None`` when no node is there. Nothing is computed until the first
        call; each container on a looked-up path is indexed once.

        Raises:
            ValueError: ``pointer`` is not a JSON pointer (it must be ``""`` or start with
                ``/``, and ``~`` must be followed by ``0`` or ``1``).
        """
        return self._locator.position(parse_pointer(pointer))

    def __repr__(self) -> str:
        return f"LoadedDocument(source={self.source!r}, format={self.format!r})"


def nearest_position(loaded: LoadedDocument, pointer: str) -> tuple[int, int] | None:
    """The node's position, else its nearest existing ancestor's (a missing key's parent);
    None for a string that is not a pointer."""
    while True:
        try:
            position = loaded.position(pointer)
        except ValueError:
            return None
        if position is not None or not pointer:
            return position
        pointer = pointer.rpartition("/")[0]


def load(
    source: str | os.PathLike[str] | bytes, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> dict[str, Any]:
    """Load an OpenAPI document (JSON or YAML) and return it as a dict.

    ``source`` is read as:

    - ``os.PathLike`` (e.g. ``pathlib.Path``): a file;
    - ``bytes``: the document's text (UTF-8; a UTF-8, UTF-16 or UTF-32 BOM is honoured);
    - ``str``: document text if it contains a line break or starts (after whitespace and a
      BOM) with ``{`` or ``[``; otherwise a file path. Use ``loads`` to pass text explicitly.

    The format is JSON when the text starts with ``{`` or ``[`` and the file name does not end
    in ``.yaml``/``.yml``; YAML otherwise.

    Raises:
        LoadError: the file cannot be read, is larger than ``max_bytes``, is not valid UTF-8,
            JSON or YAML, has duplicate keys, non-JSON values, unsafe tags, too deep nesting
            or too much alias expansion, or its top level is not a mapping.
    """
    return load_document(source, max_bytes=max_bytes).data


def loads(
    text: str | bytes, *, source: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> dict[str, Any]:
    """Load an OpenAPI document from its text; ``source`` only names it in errors.

    A ``source`` ending in ``.yaml``/``.yml`` forces YAML, as a file name would.
    Raises ``LoadError`` as ``load`` does.
    """
    if isinstance(text, bytes):
        decoded = _decode(text, source, max_bytes)
    else:
        decoded = _checked_text(text, source, max_bytes)
    return _parse(decoded, source, _suffix(source)).data


def load_document(
    source: str | os.PathLike[str] | bytes, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> LoadedDocument:
    """Load like ``load``, keeping the text so ``position(pointer)`` can locate nodes.

    Raises ``LoadError`` as ``load`` does.
    """
    if isinstance(source, bytes):
        return _parse(_decode(source, None, max_bytes), None, "")
    if isinstance(source, str) and _is_text(source):
        return _parse(_checked_text(source, None, max_bytes), None, "")
    path = os.fspath(source)
    return _parse(_decode(_read_file(path, max_bytes), path, max_bytes), path, _suffix(path))


# -- reading and decoding ---------------------------------------------------------------------


def _is_text(value: str) -> bool:
    return "\n" in value or "\r" in value or value.lstrip(_JSON_WS + "\ufeff")[:1] in ("{", "[")


def _suffix(name: str | None) -> str:
    return Path(name).suffix.lower() if name else ""


def _too_big(size: int, max_bytes: int, source: str | None) -> LoadError:
    return LoadError(
        f"the document is {size:,} bytes, more than the limit of {max_bytes:,} bytes; "
        "pass a larger max_bytes= if this document is expected to be that big",
        source=source,
    )


def _read_file(path: str, max_bytes: int) -> bytes:
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > max_bytes:
                raise _too_big(size, max_bytes, path)
            raw = handle.read(max_bytes + 1)  # a file may grow, or be a device
    except FileNotFoundError:
        raise LoadError(
            "no such file: check the path and the working directory", source=path
        ) from None
    except IsADirectoryError:
        raise LoadError(
            "this is a directory, not a file: name the spec file in it", source=path
        ) from None
    except PermissionError:
        raise LoadError(
            "permission denied: make the file readable for this user", source=path
        ) from None
    except OSError as exc:
        raise LoadError(
            f"cannot read the file ({exc.strerror or exc}); check the path", source=path
        ) from None
    if len(raw) > max_bytes:
        raise _too_big(len(raw), max_bytes, path)
    return raw


def _checked_text(text: str, source: str | None, max_bytes: int) -> str:
    # Characters never outnumber UTF-8 bytes, so only encode when the count could matter.
    if len(text) > max_bytes:
        raise _too_big(len(text), max_bytes, source)
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError as error:  # a lone surrogate: no file could hold this text
        line = text.count("\n", 0, error.start) + 1
        column = error.start - (text.rfind("\n", 0, error.start) + 1) + 1
        raise LoadError(
            f"the text holds a lone surrogate {text[error.start]!r}, which is not Unicode "
            "text; fix how the text was decoded",
            source=source,
            line=line,
            column=column,
        ) from None
    if size > max_bytes:
        raise _too_big(size, max_bytes, source)
    return text[1:] if text.startswith("\ufeff") else text


def _decode(raw: bytes, source: str | None, max_bytes: int) -> str:
    if len(raw) > max_bytes:
        raise _too_big(len(raw), max_bytes, source)
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    else:
        # UTF-32's little-endian BOM begins with UTF-16's: test the longer one first.
        for bom, codec in (
            (codecs.BOM_UTF32_LE, "utf-32"),
            (codecs.BOM_UTF32_BE, "utf-32"),
            (codecs.BOM_UTF16_LE, "utf-16"),
            (codecs.BOM_UTF16_BE, "utf-16"),
        ):
            if raw.startswith(bom):
                try:
                    return raw.decode(codec)
                except UnicodeDecodeError as exc:
                    raise LoadError(
                        f"the text starts with a {codec.upper()} byte order mark but is not "
                        f"valid {codec.upper()} ({exc.reason}); save the file as UTF-8",
                        source=source,
                    ) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        column = len(raw[line_start : exc.start].decode("utf-8")) + 1
        raise LoadError(
            f"invalid UTF-8 (byte 0x{raw[exc.start]:02x}: {exc.reason}); save the file as UTF-8",
            source=source,
            line=raw.count(b"\n", 0, exc.start) + 1,
            column=column,
        ) from None


# -- parsing ----------------------------------------------------------------------------------


def _sniff(text: str, suffix: str) -> Format:
    if suffix in _YAML_SUFFIXES:
        return "yaml"
    return "json" if text.lstrip(_JSON_WS)[:1] in ("{", "[") else "yaml"


_KINDS = {
    list: "a sequence",
    str: "a string",
    int: "a number",
    float: "a number",
    bool: "a boolean",
    type(None): "null",
}


@paused_gc()
def _parse(text: str, source: str | None, suffix: str) -> LoadedDocument:
    fmt = _sniff(text, suffix)
    marks = None
    if fmt == "json":
        data = parse_json(text, source)
        line, column = line_column(text, len(text) - len(text.lstrip(_JSON_WS)))
    else:
        data, mark, marks = parse_yaml(text, source)
        line, column = mark.line + 1, mark.column + 1
    if type(data) is not dict:
        raise LoadError(
            f"the top level is {_KINDS.get(type(data), 'not a mapping')}, but an OpenAPI "
            "document is a mapping (it starts with 'openapi: ...'); check that this is a spec",
            source=source,
            line=line,
            column=column,
        )
    locator = _Locator(text, fmt)
    if marks is not None:
        locator.use_marks(data, (line, column), marks)
    return LoadedDocument(data=data, source=source, format=fmt, _locator=locator)


# -- positions --------------------------------------------------------------------------------


def parse_pointer(pointer: str) -> tuple[str, ...]:
    """Split an RFC 6901 JSON pointer into unescaped tokens (``~1`` -> ``/``, ``~0`` -> ``~``)."""
    if pointer == "":
        return ()
    if not pointer.startswith("/"):
        raise ValueError(f"not a JSON pointer: {pointer!r} (it must be '' or start with '/')")
    if re.search(r"~(?![01])", pointer):
        raise ValueError(f"not a JSON pointer: {pointer!r} ('~' must be followed by 0 or 1)")
    return tuple(token.replace("~1", "/").replace("~0", "~") for token in pointer[1:].split("/"))


class _Locator:
    """Positions of nodes in a document's text; builds its indexes on first use."""

    __slots__ = ("_checkpoints", "_format", "_json", "_marks", "_text", "_yaml")

    def __init__(self, text: str, fmt: Format) -> None:
        self._text = text
        self._format = fmt
        self._json: JsonOffsets | None = None
        self._yaml: _YamlNodes | _YamlMarks | None = None
        self._checkpoints: tuple[list[int], list[int], list[int]] | None = None

    def use_marks(self, data: Any, root: tuple[int, int], marks: dict[int, Any]) -> None:
        """Answer YAML lookups from the marks the loader kept (no second parse)."""
        self._yaml = _YamlMarks(data, root, marks)

    def position(self, tokens: tuple[str, ...]) -> tuple[int, int] | None:
        if self._format == "json":
            if self._json is None:
                self._json = JsonOffsets(self._text)
            offset = self._json.offset(tokens)
            return None if offset is None else self._line_column(offset)
        if self._yaml is None:
            self._yaml = _YamlNodes(self._text)
        return self._yaml.position(tokens)

    def _line_column(self, offset: int) -> tuple[int, int]:
        # Lines are counted from the nearest known (offset, line) checkpoint below, so a
        # few hundred lookups cost a few C-level counts instead of indexing every line.
        if self._checkpoints is None:
            self._checkpoints = ([0], [1], [0])
        offsets, lines, line_starts = self._checkpoints
        i = bisect.bisect_right(offsets, offset) - 1
        text = self._text
        line = lines[i] + text.count("\n", offsets[i], offset)
        newline = text.rfind("\n", offsets[i], offset)
        line_start = newline + 1 if newline >= 0 else line_starts[i]
        offsets.insert(i + 1, offset)
        lines.insert(i + 1, line)
        line_starts.insert(i + 1, line_start)
        return line, offset - line_start + 1


class _YamlMarks:
    """Positions in YAML from the marks recorded while loading (a tree without aliases)."""

    __slots__ = ("_data", "_marks", "_root")

    def __init__(self, data: Any, root: tuple[int, int], marks: dict[int, Any]) -> None:
        self._data = data  # kept alive: the marks are keyed by the identity of its containers
        self._root = root
        self._marks = marks

    def position(self, tokens: tuple[str, ...]) -> tuple[int, int] | None:
        node = self._data
        mark: Any = None
        for token in tokens:
            members = self._marks.get(id(node))
            if members is None:
                return None
            if type(node) is dict:
                if token not in node:
                    return None
                mark, node = members[token], node[token]
            elif type(node) is list and _is_index(token, len(node)):
                mark, node = members[int(token)], node[int(token)]
            else:
                return None
        if mark is None:
            return self._root
        return mark.line + 1, mark.column + 1


class _YamlNodes:
    """Positions in YAML from libyaml's composed node graph (marks kept, aliases shared).

    Composing costs about as much as loading again, so it happens once, on the first lookup;
    a document that loaded is known to be within the depth bound, so composing is safe.
    """

    def __init__(self, text: str) -> None:
        try:
            self._root: yaml.Node | None = yaml.compose(text, Loader=PARSER)
        except RecursionError:  # pure-Python composer (no libyaml) on a very deep document
            self._root = None
        self._tables: dict[int, dict[str, yaml.Node]] = {}

    def position(self, tokens: tuple[str, ...]) -> tuple[int, int] | None:
        node = self._root
        if node is None:
            return None
        for token in tokens:
            if isinstance(node, yaml.MappingNode):
                found = self._table(node).get(token)
            elif isinstance(node, yaml.SequenceNode):
                found = node.value[int(token)] if _is_index(token, len(node.value)) else None
            else:
                found = None
            if found is None:
                return None
            node = found
        return node.start_mark.line + 1, node.start_mark.column + 1

    def _table(self, node: yaml.MappingNode) -> dict[str, yaml.Node]:
        """Key -> value node, with merge keys applied as the loader applies them."""
        table = self._tables.get(id(node))
        if table is not None:
            return table
        explicit: dict[str, yaml.Node] = {}
        merged: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            if key_node.tag == MERGE:
                sources = (
                    value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
                )
                for source in sources:
                    for key, item in self._table(source).items():
                        merged.setdefault(key, item)
            else:
                explicit[key_node.value] = value_node
        table = {**merged, **explicit}
        self._tables[id(node)] = table
        return table


def _is_index(token: str, length: int) -> bool:
    if not token.isdigit() or not token.isascii() or (len(token) > 1 and token[0] == "0"):
        return False
    return int(token) < length
