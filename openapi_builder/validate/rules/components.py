"""Checks on components: each one is reachable from the API."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from openapi_builder.validate.findings import Finding
from openapi_builder.validate.pointers import escape, split_ref, unescape
from openapi_builder.validate.rules.context import Context
from openapi_builder.validate.walk import Loc, tokens_of

__all__ = ["no_unused_components"]

_ROOT: tuple[str, ...] = ("",)
# Where reusable things live, per version: pointer prefix tokens of one component.
_SECTIONS_V3 = (
    "schemas",
    "responses",
    "parameters",
    "examples",
    "requestBodies",
    "headers",
    "links",
    "callbacks",
    "pathItems",
    "mediaTypes",
)


def _owner(tokens: list[str], v2: bool) -> tuple[str, ...]:
    """The component a location lies in, as tokens (``("components", "schemas", "A")``)."""
    if v2 and len(tokens) >= 2 and tokens[0] in ("definitions", "parameters", "responses"):
        return tuple(tokens[:2])
    if not v2 and len(tokens) >= 3 and tokens[0] == "components":
        return tuple(tokens[:3])
    return _ROOT


def _components(ctx: Context) -> list[tuple[str, ...]]:
    document = ctx.document
    if ctx.version.is_v2:
        sections: list[tuple[tuple[str, ...], Any]] = [
            ((name,), document.get(name)) for name in ("definitions", "parameters", "responses")
        ]
    else:
        components = document.get("components")
        if not isinstance(components, dict):
            return []
        sections = [(("components", name), components.get(name)) for name in _SECTIONS_V3]
    return [
        (*prefix, str(key))
        for prefix, section in sections
        if isinstance(section, dict)
        for key in section
        if not str(key).startswith("x-")
    ]


def _mapping_targets(ctx: Context) -> Iterator[tuple[Loc, str]]:
    """(location of the schema, ref) for discriminator mappings, which use schemas by name."""
    for loc, schema in ctx.index.with_keyword("discriminator"):
        discriminator = schema.get("discriminator")
        mapping = discriminator.get("mapping") if isinstance(discriminator, dict) else None
        if not isinstance(mapping, dict):
            continue
        for value in mapping.values():
            if isinstance(value, str):
                prefix = "#/definitions/" if ctx.version.is_v2 else "#/components/schemas/"
                yield loc, value if "#" in value or "/" in value else prefix + value


def no_unused_components(ctx: Context) -> Iterator[Finding]:
    """Every component is reachable through ``$ref``s from the paths, webhooks or security."""
    v2 = ctx.version.is_v2
    edges: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    uses = [(site.loc, site.ref) for site in ctx.index.refs]
    targets: dict[str, tuple[str, ...] | None] = {}  # refs repeat: resolve each text once
    for loc, ref in [*uses, *_mapping_targets(ctx)]:
        if not isinstance(ref, str):
            continue
        if ref not in targets:
            where, fragment = split_ref(ref)
            targets[ref] = (
                None
                if where or not fragment.startswith("/")
                else _owner([unescape(token) for token in fragment.split("/")[1:4]], v2)
            )
        target = targets[ref]
        if target is not None and target != _ROOT:
            edges.setdefault(_owner([str(t) for t in tokens_of(loc)[:3]], v2), set()).add(target)
    reached: set[tuple[str, ...]] = {_ROOT}
    frontier = [_ROOT]
    while frontier:
        for target in edges.get(frontier.pop(), ()):
            if target not in reached:
                reached.add(target)
                frontier.append(target)
    yield from _unused_security_schemes(ctx)
    for component in _components(ctx):
        if component not in reached:
            yield Finding(
                "no-unused-components",
                "/" + "/".join(escape(token) for token in component),
                f"component {component[-1]!r} is never used",
                hint="remove it, or reference it where it is meant to be used",
            )


def _requirement_names(requirements: Any) -> Iterator[str]:
    if isinstance(requirements, list):
        for requirement in requirements:
            if isinstance(requirement, dict):
                yield from (str(name) for name in requirement)


def _unused_security_schemes(ctx: Context) -> Iterator[Finding]:
    """Security schemes are used by name in security requirements, never by ``$ref``."""
    document = ctx.document
    if ctx.version.is_v2:
        schemes, prefix = document.get("securityDefinitions"), "/securityDefinitions/"
    else:
        components = document.get("components")
        schemes = components.get("securitySchemes") if isinstance(components, dict) else None
        prefix = "/components/securitySchemes/"
    if not isinstance(schemes, dict):
        return
    used = set(_requirement_names(document.get("security")))
    for site in ctx.index.operations:
        used.update(_requirement_names(site.node.get("security")))
    for name in schemes:
        if str(name) not in used and not str(name).startswith("x-"):
            yield Finding(
                "no-unused-components",
                prefix + escape(str(name)),
                f"security scheme {str(name)!r} is required by no operation",
                hint="remove it, or name it in a security requirement (top level or operation)",
            )
