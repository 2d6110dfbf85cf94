"""Checks on path keys: identical or ambiguous templates, trailing slashes, query strings."""

from __future__ import annotations

import re
from collections.abc import Iterator

from openapi_builder.validate.findings import Finding
from openapi_builder.validate.pointers import escape
from openapi_builder.validate.rules.context import Context

__all__ = [
    "no_ambiguous_paths",
    "no_identical_paths",
    "path_keys_no_trailing_slash",
    "path_not_include_query",
]

_TEMPLATE = re.compile(r"\{[^{}]*\}")


def _paths(ctx: Context) -> list[str]:
    paths = ctx.document.get("paths")
    if not isinstance(paths, dict):
        return []
    return [key for key in paths if isinstance(key, str) and key.startswith("/")]


def _shape(path: str) -> tuple[str, ...]:
    """Segments with every template replaced by ``{}``: ``/a/{id}`` -> ``("a", "{}")``."""
    return tuple(_TEMPLATE.sub("{}", segment) for segment in path.split("/")[1:])


def no_identical_paths(ctx: Context) -> Iterator[Finding]:
    """Two paths that differ only in parameter names are the same path."""
    first: dict[tuple[str, ...], str] = {}
    for path in _paths(ctx):
        shape = _shape(path)
        if shape in first:
            yield Finding(
                "no-identical-paths",
                f"/paths/{escape(path)}",
                f"{path!r} is identical to {first[shape]!r} but for parameter names",
                hint="merge the two path items",
            )
        else:
            first[shape] = path


def _compatible(shape: tuple[str, ...], trie: dict[str, object]) -> Iterator[str]:
    """Paths in ``trie`` whose shape could match a request that ``shape`` matches."""
    frontier: list[tuple[dict[str, object], int]] = [(trie, 0)]
    while frontier:
        node, depth = frontier.pop()
        if depth == len(shape):
            yield from node.get("", ())  # type: ignore[misc]
            continue
        segment = shape[depth]
        # Trie keys are "s:<segment>"; "" holds the paths ending at that node.
        keys = [key for key in node if key] if segment == "{}" else [f"s:{segment}", "s:{}"]
        for key in keys:
            child = node.get(key)
            if isinstance(child, dict):
                frontier.append((child, depth + 1))


def no_ambiguous_paths(ctx: Context) -> Iterator[Finding]:
    """Two templated paths that can match the same request, neither more specific.

    ``/a/b`` vs ``/a/{x}`` is fine (the literal wins); ``/a/{x}/c`` vs ``/a/b/{y}`` is not.
    A trie of segments keeps this near-linear for real APIs instead of comparing all pairs.
    """
    trie: dict[str, object] = {}
    for path in _paths(ctx):
        shape = _shape(path)
        if "{}" not in shape:
            continue  # a literal path is never the ambiguous partner: it always wins
        for other in sorted(set(_compatible(shape, trie))):
            other_shape = _shape(other)
            mine = any(a != "{}" and b == "{}" for a, b in zip(shape, other_shape, strict=True))
            theirs = any(a == "{}" and b != "{}" for a, b in zip(shape, other_shape, strict=True))
            if mine and theirs:
                yield Finding(
                    "no-ambiguous-paths",
                    f"/paths/{escape(path)}",
                    f"{path!r} and {other!r} can match the same request",
                    hint="make one of them literal where the other is templated",
                )
        node = trie
        for segment in shape:
            child = node.setdefault(f"s:{segment}", {})
            assert isinstance(child, dict)
            node = child
        leaf = node.setdefault("", [])
        assert isinstance(leaf, list)
        leaf.append(path)


def path_keys_no_trailing_slash(ctx: Context) -> Iterator[Finding]:
    """Path keys do not end with ``/`` (except the root path)."""
    for path in _paths(ctx):
        if len(path) > 1 and path.endswith("/"):
            yield Finding(
                "path-keys-no-trailing-slash",
                f"/paths/{escape(path)}",
                f"path {path!r} ends with a slash",
                hint="remove the trailing slash; servers often treat both forms differently",
            )


def path_not_include_query(ctx: Context) -> Iterator[Finding]:
    """Path keys carry no query string: query parameters are declared as parameters."""
    for path in _paths(ctx):
        if "?" in path:
            yield Finding(
                "path-not-include-query",
                f"/paths/{escape(path)}",
                f"path {path!r} includes a query string",
                hint="declare query parameters with in: query instead",
            )
