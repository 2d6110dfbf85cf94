"""Checks across operations: unique operationIds, parameters, path templates, responses, tags."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from openapi_builder.validate.findings import Finding
from openapi_builder.validate.pointers import MISSING
from openapi_builder.validate.rules.context import Context
from openapi_builder.validate.walk import OperationSite, pointer_of

__all__ = [
    "operation_4xx_response",
    "operation_operation_id_unique",
    "operation_parameters_unique",
    "operation_success_response",
    "operation_summary",
    "operation_tag_defined",
    "operation_tags",
    "path_params",
    "tags_unique",
]

_TEMPLATE = re.compile(r"\{([^{}]*)\}")


def _where(site: OperationSite) -> str:
    return f"{site.method.upper()} {site.path}" if site.path else site.pointer


def operation_operation_id_unique(ctx: Context) -> Iterator[Finding]:
    """An operationId names one operation in the whole document."""
    first: dict[str, OperationSite] = {}
    for site in ctx.index.operations:
        operation_id = site.node.get("operationId")
        if not isinstance(operation_id, str):
            continue
        if operation_id in first:
            yield Finding(
                "operation-operationId-unique",
                f"{site.pointer}/operationId",
                f"operationId {operation_id!r} is already used by {_where(first[operation_id])}",
                hint="give every operation its own operationId",
            )
        else:
            first[operation_id] = site


def _key(ctx: Context, parameter: Any) -> tuple[str, str] | None:
    resolved = ctx.refs.deref(parameter)
    if not isinstance(resolved, dict):
        return None
    name, location = resolved.get("name"), resolved.get("in")
    if isinstance(name, str) and isinstance(location, str):
        return name, location
    return None


def operation_parameters_unique(ctx: Context) -> Iterator[Finding]:
    """No two parameters of one list share ``name`` and ``in`` (``$ref``s followed)."""
    for loc, parameters in ctx.index.parameter_lists:
        seen: set[tuple[str, str]] = set()
        for position, parameter in enumerate(parameters):
            key = _key(ctx, parameter)
            if key is None:
                continue
            if key in seen:
                yield Finding(
                    "operation-parameters-unique",
                    f"{pointer_of(loc)}/{position}",
                    f"parameter {key[0]!r} in {key[1]} is declared twice",
                    hint="remove the duplicate, or change its name or location",
                )
            seen.add(key)


def _path_parameters(ctx: Context, site: OperationSite) -> dict[str, str]:
    """Declared ``in: path`` names -> pointer; operation-level entries override path-level."""
    declared: dict[str, str] = {}
    for owner, loc in ((site.path_item, site.path_item_loc), (site.node, site.loc)):
        parameters = owner.get("parameters")
        if not isinstance(parameters, list):
            continue
        for position, parameter in enumerate(parameters):
            key = _key(ctx, parameter)
            if key is not None and key[1] == "path":
                declared[key[0]] = f"{pointer_of(loc)}/parameters/{position}"
    return declared


def path_params_repeated(ctx: Context) -> Iterator[Finding]:
    """A path template uses each parameter name once (3.2 says MUST NOT repeat)."""
    for loc, path, _ in ctx.index.path_items:
        if not path:
            continue
        seen: set[str] = set()
        for name in _TEMPLATE.findall(path):
            if name in seen:
                yield Finding(
                    "path-template-name-repeated",
                    pointer_of(loc),
                    f"path template {path!r} uses {{{name}}} twice",
                    hint="give each path parameter its own name",
                )
            seen.add(name)


def path_params(ctx: Context) -> Iterator[Finding]:
    """Path templates and ``in: path`` parameters match both ways, for every operation."""
    for site in ctx.index.operations:
        if site.path is None:
            continue
        names = _TEMPLATE.findall(site.path)
        declared = _path_parameters(ctx, site)
        for name in names:
            if name not in declared:
                yield Finding(
                    "path-params",
                    site.pointer,
                    f"{_where(site)}: path parameter {name!r} is not declared",
                    hint=f"add a parameter {{name: {name}, in: path, required: true}}",
                )
        for name, pointer in declared.items():
            if name not in names:
                yield Finding(
                    "path-params",
                    pointer,
                    f"{_where(site)}: path parameter {name!r} is not in the path template",
                    hint=f"add {{{name}}} to the path, or remove the parameter",
                )


def _status_keys(site: OperationSite) -> list[str]:
    responses = site.node.get("responses")
    return [str(key) for key in responses] if isinstance(responses, dict) else []


def operation_success_response(ctx: Context) -> Iterator[Finding]:
    """Each operation documents at least one 2XX or 3XX response."""
    for site in ctx.index.operations:
        keys = _status_keys(site)
        if "responses" in site.node and not any(key[:1] in ("2", "3") for key in keys):
            yield Finding(
                "operation-success-response",
                f"{site.pointer}/responses",
                f"{_where(site)} documents no 2XX or 3XX response",
                hint="document what the operation returns when it succeeds",
            )


def operation_4xx_response(ctx: Context) -> Iterator[Finding]:
    """Each operation documents at least one 4XX response (style)."""
    for site in ctx.index.operations:
        if "responses" in site.node and not any(k[:1] == "4" for k in _status_keys(site)):
            yield Finding(
                "operation-4xx-response",
                f"{site.pointer}/responses",
                f"{_where(site)} documents no 4XX response",
                hint="document how the operation fails on bad input",
            )


def _declared_tags(ctx: Context) -> list[tuple[int, str]]:
    tags = ctx.document.get("tags")
    if not isinstance(tags, list):
        return []
    return [
        (i, tag["name"])
        for i, tag in enumerate(tags)
        if isinstance(tag, dict) and isinstance(tag.get("name"), str)
    ]


def operation_tag_defined(ctx: Context) -> Iterator[Finding]:
    """Every tag an operation uses is declared in the top-level ``tags``."""
    declared = {name for _, name in _declared_tags(ctx)}
    for site in ctx.index.operations:
        tags = site.node.get("tags")
        if not isinstance(tags, list):
            continue
        for position, tag in enumerate(tags):
            if isinstance(tag, str) and tag not in declared:
                yield Finding(
                    "operation-tag-defined",
                    f"{site.pointer}/tags/{position}",
                    f"tag {tag!r} is not declared in the top-level tags",
                    hint=f"add {{name: {tag}}} to the top-level tags",
                )


def tags_unique(ctx: Context) -> Iterator[Finding]:
    """Top-level tag names are unique; in 3.2 a ``parent`` names a declared tag, without cycles."""
    declared = _declared_tags(ctx)
    seen: set[str] = set()
    for position, name in declared:
        if name in seen:
            yield Finding(
                "tags-unique",
                f"/tags/{position}/name",
                f"tag {name!r} is declared twice",
                hint="merge the two tag declarations",
            )
        seen.add(name)
    tags = ctx.document.get("tags")
    if ctx.version.key != "3.2" or not isinstance(tags, list):
        return
    parents = {
        name: tags[position].get("parent")
        for position, name in declared
        if isinstance(tags[position].get("parent"), str)
    }
    for position, name in declared:
        parent = parents.get(name)
        if parent is None:
            continue
        if parent not in seen:
            yield Finding(
                "tags-unique",
                f"/tags/{position}/parent",
                f"tag {name!r} names an undeclared parent {parent!r}",
                hint="declare the parent tag, or fix the name",
            )
            continue
        trail = {name}
        current: Any = parent
        while current is not None and current is not MISSING:
            if current in trail:
                yield Finding(
                    "tags-unique",
                    f"/tags/{position}/parent",
                    f"tag {name!r} leads to a cycle of parent tags",
                    hint="tag parents must form a tree",
                )
                break
            trail.add(current)
            current = parents.get(current)


def operation_summary(ctx: Context) -> Iterator[Finding]:
    """Each operation has a summary (style)."""
    for site in ctx.index.operations:
        if not site.node.get("summary"):
            yield Finding(
                "operation-summary",
                site.pointer,
                f"{_where(site)} has no summary",
                hint="add a one-line summary",
            )


def operation_tags(ctx: Context) -> Iterator[Finding]:
    """Each operation has at least one tag (style)."""
    for site in ctx.index.operations:
        if not site.node.get("tags"):
            yield Finding(
                "operation-tags",
                site.pointer,
                f"{_where(site)} has no tags",
                hint="add a tag to group the operation in documentation",
            )
