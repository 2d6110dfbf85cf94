"""Operations of a document, keyed so that base and revision can be matched.

An operation is matched by method and path *shape*: path parameter names are ignored
(``/pets/{id}`` and ``/pets/{petId}`` are the same endpoint), so renaming one is reported as
``request-path-parameter-renamed`` rather than a removal plus an addition. Parameters are
merged the OpenAPI way before comparing: path-level ones apply unless the operation redefines
the same ``(in, name)``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from openapi_builder.diff.pointer import join
from openapi_builder.diff.resolve import Resolved, Resolver, Unresolved

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace", "query")
_TEMPLATE = re.compile(r"\{([^{}/]*)\}")


@dataclass(frozen=True, slots=True)
class ParameterSite:
    """A merged parameter: its resolved node and pointer, its location and its name."""

    location: str
    name: str
    node: Mapping[str, Any]
    pointer: str


@dataclass(frozen=True, slots=True)
class OperationSite:
    """One operation of one document, with everything the checks need to compare it."""

    method: str
    path: str
    node: Mapping[str, Any]
    pointer: str
    parameters: Mapping[tuple[str, str], ParameterSite]
    path_parameter_names: tuple[str, ...]
    unresolved: tuple[Unresolved, ...]

    @property
    def label(self) -> str:
        """``METHOD /path`` as written in this document."""
        return f"{self.method.upper()} {self.path}"


def path_shape(path: str) -> str:
    """The path with every parameter name blanked: ``/pets/{id}`` -> ``/pets/{}``."""
    return _TEMPLATE.sub("{}", path)


def operation_key(method: str, path: str) -> str:
    """The key operations are matched by: ``GET /pets/{}``."""
    return f"{method.upper()} {path_shape(path)}"


def parameter_key(location: str, name: str, path_names: tuple[str, ...]) -> tuple[str, str]:
    """Match key of a parameter: path ones by position, headers case-insensitively."""
    if location == "path" and name in path_names:
        return ("path", f"#{path_names.index(name)}")
    if location == "header":
        return ("header", name.lower())
    return (location, name)


def collect_operations(
    document: Mapping[str, Any],
    resolver: Resolver,
    keep: Callable[[str], bool] = lambda _path: True,
) -> dict[str, OperationSite]:
    """Every operation under ``paths`` whose path passes ``keep``, keyed by :func:`operation_key`.

    Paths are visited in sorted order so that, if two paths of one (invalid) document have the
    same shape, the outcome is still deterministic.
    """
    paths = document.get("paths")
    found: dict[str, OperationSite] = {}
    if not isinstance(paths, Mapping):
        return found
    for path in sorted(p for p in paths if isinstance(p, str)):
        if not keep(path):
            continue
        item_pointer = join("/paths", path)
        item = paths[path]
        if not isinstance(item, Mapping):
            continue
        resolved_item = resolver.resolve(item, item_pointer)
        if isinstance(resolved_item, Unresolved):
            continue
        item, item_pointer = resolved_item.node, resolved_item.pointer
        names = tuple(_TEMPLATE.findall(path))
        for method in METHODS:
            operation = item.get(method)
            if not isinstance(operation, Mapping):
                continue
            pointer = join(item_pointer, method)
            unresolved: list[Unresolved] = []
            merged: dict[tuple[str, str], ParameterSite] = {}
            # Path-level first, then operation-level: the later definition wins.
            for owner, owner_pointer in ((item, item_pointer), (operation, pointer)):
                params = owner.get("parameters")
                if not isinstance(params, list):
                    continue
                for index, raw in enumerate(params):
                    if not isinstance(raw, Mapping):
                        continue
                    target = resolver.resolve(raw, join(owner_pointer, "parameters", index))
                    if isinstance(target, Unresolved):
                        unresolved.append(target)
                        continue
                    site = _parameter_site(target)
                    if site is not None:
                        merged[parameter_key(site.location, site.name, names)] = site
            found[operation_key(method, path)] = OperationSite(
                method=method,
                path=path,
                node=operation,
                pointer=pointer,
                parameters=merged,
                path_parameter_names=names,
                unresolved=tuple(unresolved),
            )
    return found


def _parameter_site(target: Resolved) -> ParameterSite | None:
    location, name = target.node.get("in"), target.node.get("name")
    if not isinstance(location, str) or not isinstance(name, str):
        return None
    return ParameterSite(location, name, target.node, target.pointer)
