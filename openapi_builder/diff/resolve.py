"""Local ``$ref`` resolution for one document, memoized and safe against alias cycles.

Only same-document references (``#/...``, percent-encoding decoded) are followed: a
multi-file spec is bundled into one document before the diff (``sources``), so its file
references are same-document ones by then. Remote ones (``https://...``) are never fetched:
they come back as :class:`Unresolved`, as do dangling references and chains of ``$ref`` that
loop on themselves, so the diff can report them instead of crashing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from openapi_builder.diff.pointer import last_token, unescape

# Keywords that may sit beside a `$ref` without changing what it validates (3.1 allows siblings).
_ANNOTATIONS = frozenset({"description", "summary", "title", "example", "examples", "$comment"})


@dataclass(frozen=True, slots=True)
class Resolved:
    """A node after following ``$ref``: the node, its pointer, and the ref's name if any."""

    node: Mapping[str, Any]
    pointer: str
    name: str | None  # last token of the followed $ref (a component name), None if inline


@dataclass(frozen=True, slots=True)
class Unresolved:
    """A ``$ref`` that cannot be followed; ``pointer`` is where the ``$ref`` stands."""

    ref: str
    pointer: str


class Resolver:
    """Follows local ``$ref`` chains in one document; results are cached per ref string.

    ``show`` (for a bundled multi-file spec) turns the pointer of a followed ``$ref``'s target
    into the one reported: ``schemas/pet.yaml#/properties`` rather than the bundle's
    ``/components/schemas/pet/properties``.
    """

    def __init__(
        self, document: Mapping[str, Any], *, show: Callable[[str], str] | None = None
    ) -> None:
        self.document = document
        self._targets: dict[str, tuple[Mapping[str, Any], str] | None] = {}
        self._merged: dict[int, Mapping[str, Any]] = {}
        self._show = show
        self._shown: dict[str, str] = {}

    def lookup(self, ref: str) -> tuple[Mapping[str, Any], str] | None:
        """The node a single local ``$ref`` points at and its pointer, or None."""
        if ref in self._targets:
            return self._targets[ref]
        found: tuple[Mapping[str, Any], str] | None = None
        if ref.startswith("#"):
            pointer = unquote(ref[1:]) if "%" in ref else ref[1:]
            node: Any = self.document
            ok = pointer == "" or pointer.startswith("/")
            for token in pointer.split("/")[1:] if ok else ():
                key = unescape(token)
                if isinstance(node, Mapping) and key in node:
                    node = node[key]
                elif isinstance(node, list) and key.isdigit() and int(key) < len(node):
                    node = node[int(key)]
                else:
                    ok = False
                    break
            if ok and isinstance(node, Mapping):
                found = (node, pointer)
        self._targets[ref] = found
        return found

    def resolve(self, node: Mapping[str, Any], pointer: str) -> Resolved | Unresolved:
        """Follow ``node``'s ``$ref`` chain (if any) to a node without one."""
        name: str | None = None
        seen: set[str] = set()
        origin, origin_pointer = node, pointer
        while isinstance(node.get("$ref"), str):
            ref = node["$ref"]
            target = self.lookup(ref) if ref not in seen else None
            if target is None:
                return Unresolved(ref, pointer)
            seen.add(ref)
            node, pointer = target
            name = last_token(pointer)
        if self._show is not None and origin is not node:
            shown = self._shown.get(pointer)
            if shown is None:
                shown = self._shown[pointer] = self._show(pointer)
            pointer = shown
        if origin is not node and set(origin) - _ANNOTATIONS - {"$ref"}:
            # A 3.1 `$ref` with constraining siblings: both apply, so compare their union.
            # Cached per origin so the merged node keeps one identity (memo keys use id()).
            merged = self._merged.get(id(origin))
            if merged is None:
                merged = {**node, **{k: v for k, v in origin.items() if k != "$ref"}}
                self._merged[id(origin)] = merged
            return Resolved(merged, origin_pointer, name)
        return Resolved(node, pointer, name)
