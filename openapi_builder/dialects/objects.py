"""Where each kind of OpenAPI object sits in a document (3.0, 3.1 and 3.2 shapes).

``iter_objects`` walks a document and yields every object with its kind (``"operation"``,
``"media-type"``, ``"schema"``, ...) and its path, from one table, ``CHILDREN``: kind ->
the fields holding other objects. Schema Objects are yielded where OpenAPI places them
(components, parameters, headers, media types) but not walked into; ``iter_subschemas``
does that, iteratively, for checks that look inside schemas.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Literal

from openapi_builder.dialects.common import is_sequence
from openapi_builder.schema_keywords import SCHEMA_LISTS, SCHEMA_MAPS, SCHEMA_ONE

__all__ = ["CHILDREN", "METHODS", "Path", "Trail", "iter_objects", "iter_subschemas"]

Path = tuple[str | int, ...]
Shape = Literal["one", "map", "list"]

#: Operation fields of a Path Item (``query`` is 3.2 only; the feature table says so).
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace", "query")

_PARAMETER_LIKE: tuple[tuple[str, Shape, str], ...] = (
    ("schema", "one", "schema"),
    ("content", "map", "media-type"),
    ("examples", "map", "example"),
)

#: kind -> (field, shape, kind of the objects in it). Fields of versions other than the
#: document's are listed too: a 3.2 field in a 3.1 document is what the checks look for.
CHILDREN: Mapping[str, tuple[tuple[str, Shape, str], ...]] = {
    "document": (
        ("info", "one", "info"),
        ("servers", "list", "server"),
        ("paths", "map", "path-item"),
        ("webhooks", "map", "path-item"),
        ("components", "one", "components"),
        ("tags", "list", "tag"),
    ),
    "info": (("license", "one", "license"),),
    "components": (
        ("schemas", "map", "schema"),
        ("responses", "map", "response"),
        ("parameters", "map", "parameter"),
        ("examples", "map", "example"),
        ("requestBodies", "map", "request-body"),
        ("headers", "map", "header"),
        ("securitySchemes", "map", "security-scheme"),
        ("links", "map", "link"),
        ("callbacks", "map", "callback"),
        ("pathItems", "map", "path-item"),
        ("mediaTypes", "map", "media-type"),
    ),
    "path-item": (
        ("servers", "list", "server"),
        ("parameters", "list", "parameter"),
        *((method, "one", "operation") for method in METHODS),
        ("additionalOperations", "map", "operation"),
    ),
    "operation": (
        ("parameters", "list", "parameter"),
        ("requestBody", "one", "request-body"),
        ("responses", "map", "response"),
        ("callbacks", "map", "callback"),
        ("servers", "list", "server"),
    ),
    "callback": (),  # expression -> path item; handled as a map of itself below
    "request-body": (("content", "map", "media-type"),),
    "response": (
        ("headers", "map", "header"),
        ("content", "map", "media-type"),
        ("links", "map", "link"),
    ),
    "parameter": _PARAMETER_LIKE,
    "header": _PARAMETER_LIKE,
    "media-type": (
        ("schema", "one", "schema"),
        ("itemSchema", "one", "schema"),
        ("examples", "map", "example"),
        ("encoding", "map", "encoding"),
        ("prefixEncoding", "list", "encoding"),
        ("itemEncoding", "one", "encoding"),
    ),
    "encoding": (
        ("headers", "map", "header"),
        ("encoding", "map", "encoding"),
        ("prefixEncoding", "list", "encoding"),
        ("itemEncoding", "one", "encoding"),
    ),
    "security-scheme": (("flows", "one", "oauth-flows"),),
    "link": (("server", "one", "server"),),
}

#: Maps that are also extensible objects: their ``x-`` keys are extensions, not entries.
_EXTENSIBLE_MAPS = frozenset({"paths", "responses"})

#: Kinds whose ``$ref`` is part of the object itself rather than a Reference Object.
_OWN_REF = frozenset({"schema", "path-item"})


def iter_objects(doc: Mapping[str, Any]) -> Iterator[tuple[str, Path, Any]]:
    """Yield ``(kind, path, object)`` for every OpenAPI object in ``doc``, in document order.

    Reference Objects (``{"$ref": ...}`` where a non-schema object may stand) are yielded
    with kind ``"<kind>-reference"`` (e.g. ``"parameter-reference"``) and not followed.
    Objects are mappings, except Schema Objects, which may also be booleans. Values of the
    wrong type are skipped: structural validation reports them, this walk only finds
    features.
    """
    stack: list[tuple[str, Path, Any]] = [("document", (), doc)]
    while stack:
        kind, path, obj = stack.pop()
        if kind == "schema" and isinstance(obj, bool):
            yield kind, path, obj  # boolean schemas are schemas too (`true`, `false`)
            continue
        if not isinstance(obj, Mapping):
            continue
        if "$ref" in obj and kind not in _OWN_REF:
            yield f"{kind}-reference", path, obj
            continue
        yield kind, path, obj
        found: list[tuple[str, Path, Any]] = []
        if kind == "callback":
            found.extend(
                ("path-item", (*path, expression), item)
                for expression, item in obj.items()
                if not str(expression).startswith("x-")
            )
        for field, shape, child in CHILDREN.get(kind, ()):
            value = obj.get(field)
            if shape == "one":
                found.append((child, (*path, field), value))
            elif shape == "map" and isinstance(value, Mapping):
                found.extend(
                    (child, (*path, field, key), item)
                    for key, item in value.items()
                    if field not in _EXTENSIBLE_MAPS or not str(key).startswith("x-")
                )
            elif shape == "list" and is_sequence(value):
                found.extend((child, (*path, field, i), item) for i, item in enumerate(value))
        stack.extend(reversed(found))


# Subschema positions of JSON Schema 2020-12 (and 3.0, a subset), for walks inside schemas:
# keyword -> how it holds them (one schema, a list of schemas, a map of schemas). The shared
# table less what 2020-12 dropped (``additionalItems``, ``definitions``); ``items`` is one.
_SCHEMA_SHAPES: Mapping[str, Shape] = {
    **dict.fromkeys(("items", *sorted(SCHEMA_ONE - {"additionalItems"})), "one"),
    **dict.fromkeys(sorted(SCHEMA_LISTS), "list"),
    **dict.fromkeys(sorted(SCHEMA_MAPS - {"definitions"}), "map"),
}


class Trail:
    """Where a subschema sits, as a link to its parent: paths are built only when asked for.

    Building every path eagerly would cost O(depth^2) on 10,000-deep schemas.
    """

    __slots__ = ("parent", "tokens")

    def __init__(self, parent: Trail | None, tokens: Path) -> None:
        self.parent = parent
        self.tokens = tokens

    def path(self) -> Path:
        """The full path from the document root."""
        parts: list[Path] = []
        trail: Trail | None = self
        while trail is not None:
            parts.append(trail.tokens)
            trail = trail.parent
        return tuple(token for tokens in reversed(parts) for token in tokens)


def iter_subschemas(schema: Any, path: Path = ()) -> Iterator[tuple[Trail, Mapping[str, Any]]]:
    """Yield ``(trail, schema object)`` for ``schema`` and every schema nested in it.

    Iterative, so any depth works; boolean schemas are skipped (they hold no keywords).
    ``trail.path()`` gives the object's path, starting with ``path``.
    """
    stack: list[tuple[Trail, Any]] = [(Trail(None, path), schema)]
    shapes = _SCHEMA_SHAPES
    while stack:
        trail, node = stack.pop()
        if not (type(node) is dict or isinstance(node, Mapping)):
            continue
        yield trail, node
        found: list[tuple[Trail, Any]] = []
        for keyword, value in node.items():
            shape = shapes.get(keyword)
            if shape is None:
                continue
            if shape == "one":
                found.append((Trail(trail, (keyword,)), value))
            elif shape == "list" and is_sequence(value):
                found.extend((Trail(trail, (keyword, i)), item) for i, item in enumerate(value))
            elif shape == "map" and isinstance(value, Mapping):
                found.extend((Trail(trail, (keyword, key)), item) for key, item in value.items())
        stack.extend(reversed(found))
