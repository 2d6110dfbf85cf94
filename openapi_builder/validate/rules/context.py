"""What every check receives: the document, its version, the walk's index and a ref resolver."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openapi_builder.errors import LoadError
from openapi_builder.load import load
from openapi_builder.validate.pointers import MISSING, resolve, split_ref
from openapi_builder.validate.versions import SpecVersion
from openapi_builder.validate.walk import Index

__all__ = ["Context", "RefResolver", "Resolution"]

_MAX_HOPS = 64  # a chain of $ref -> $ref longer than this is treated as a cycle


@dataclass(frozen=True, slots=True)
class Resolution:
    """The target of a ``$ref`` (``MISSING`` when unresolved) and, if so, why and what to do."""

    target: Any
    reason: str | None = None
    hint: str | None = None


@dataclass(slots=True)
class RefResolver:
    """Resolves ``$ref`` strings: local pointers always; files only when allowed; never HTTP.

    Files are read (with ``openapi_builder.load``) only when ``allow_files`` is set and the
    file lies inside ``base_dir`` (the spec's directory); each file is read once.
    """

    document: Any
    base_dir: Path | None = None
    allow_files: bool = False
    _files: dict[Path, Any] = field(default_factory=dict)
    _resolved: dict[str, Resolution] = field(default_factory=dict)

    def lookup(self, ref: str) -> Resolution:
        """Resolve ``ref``; never raises and never touches the network (memoized per ref)."""
        resolution = self._resolved.get(ref)
        if resolution is None:
            resolution = self._resolved[ref] = self._lookup(ref)
        return resolution

    def _lookup(self, ref: str) -> Resolution:
        where, fragment = split_ref(ref)
        if fragment and not fragment.startswith("/"):
            return Resolution(
                MISSING,
                f"$ref {ref!r} uses a plain-name fragment, which is not supported",
                "use a JSON pointer fragment such as #/components/schemas/Name",
            )
        if not where:
            target = resolve(self.document, fragment)
            if target is MISSING:
                return Resolution(
                    MISSING,
                    f"$ref {ref!r} points to nothing in this document",
                    "check the spelling: the pointer must name an existing node",
                )
            return Resolution(target)
        if "://" in where or where.startswith("//"):
            return Resolution(
                MISSING,
                f"remote $ref {ref!r} is not fetched",
                "bundle the spec into one file (remote references are never fetched)",
            )
        return self._file(ref, where, fragment)

    def deref(self, node: Any) -> Any:
        """Follow local ``$ref`` chains from ``node``; ``MISSING`` when broken or cyclic."""
        for _ in range(_MAX_HOPS):
            if not (isinstance(node, dict) and isinstance(node.get("$ref"), str)):
                return node
            node = self.lookup(node["$ref"]).target
            if node is MISSING:
                return MISSING
        return MISSING

    def _file(self, ref: str, where: str, fragment: str) -> Resolution:
        if not self.allow_files or self.base_dir is None:
            return Resolution(
                MISSING,
                f"external $ref {ref!r} is not followed",
                "bundle the spec, or validate the file with allow_remote_refs=True",
            )
        base = self.base_dir.resolve()
        path = (base / where).resolve()
        if not path.is_relative_to(base):
            return Resolution(
                MISSING,
                f"$ref {ref!r} leaves the spec's directory",
                "only files inside the spec's directory are followed",
            )
        if path not in self._files:
            try:
                self._files[path] = load(path)
            except LoadError as error:
                self._files[path] = MISSING
                return Resolution(MISSING, f"$ref {ref!r}: {error.reason}", "fix the file")
        loaded = self._files[path]
        target = MISSING if loaded is MISSING else resolve(loaded, fragment)
        if target is MISSING:
            return Resolution(MISSING, f"$ref {ref!r} points to nothing", "check the pointer")
        return Resolution(target)


@dataclass(frozen=True, slots=True)
class Context:
    """The input of every check function."""

    document: dict[str, Any]
    version: SpecVersion
    index: Index
    refs: RefResolver
