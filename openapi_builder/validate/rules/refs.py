"""Checks on ``$ref``s: they resolve; in 3.0 and 2.0 they stand alone."""

from __future__ import annotations

from collections.abc import Iterator

from openapi_builder.validate.findings import Finding, short_repr
from openapi_builder.validate.rules.context import Context

__all__ = ["no_ref_siblings", "unresolved_ref"]


def unresolved_ref(ctx: Context) -> Iterator[Finding]:
    """Every ``$ref`` resolves: locally, or to a file inside the spec's directory if allowed.

    A chain of ``$ref``-only objects that loops (``A: {$ref: B}``, ``B: {$ref: A}``) resolves
    to nothing either, and is reported with the loop.
    """
    cycles: dict[str, list[str] | None] = {}
    for site in ctx.index.refs:
        if not isinstance(site.ref, str):
            yield Finding(
                "unresolved-ref",
                f"{site.pointer}/$ref",
                f"$ref must be a string, got {short_repr(site.ref)}",
                hint="write the reference as a string, e.g. '#/components/schemas/Name'",
            )
            continue
        resolution = ctx.refs.lookup(site.ref)
        if resolution.reason is not None:
            yield Finding(
                "unresolved-ref", f"{site.pointer}/$ref", resolution.reason, hint=resolution.hint
            )
            continue
        cycle = _pure_cycle(ctx, site.ref, resolution.target, cycles)
        if cycle is not None:
            yield Finding(
                "unresolved-ref",
                f"{site.pointer}/$ref",
                "$ref chain never reaches a definition: " + " -> ".join(cycle),
                hint="make one of these references point at an actual schema or object",
            )


def _pure_cycle(
    ctx: Context, ref: str, target: object, seen: dict[str, list[str] | None]
) -> list[str] | None:
    """The loop of refs when ``ref`` leads through ``$ref``-only objects back to itself.

    Only a chain of objects that are nothing but a ``$ref`` can loop without reaching a
    definition (a schema that refers to itself *inside* is fine). ``seen`` memoizes per ref.
    """
    if ref in seen:
        return seen[ref]
    chain = [ref]
    while isinstance(target, dict) and isinstance(target.get("$ref"), str):
        following = target["$ref"]
        if following in chain:
            loop = [*chain[chain.index(following) :], following]
            for member in chain:
                seen[member] = loop
            return loop
        chain.append(following)
        target = ctx.refs.lookup(following).target
    for member in chain:
        seen[member] = None
    return None


def no_ref_siblings(ctx: Context) -> Iterator[Finding]:
    """In 2.0 and 3.0 a ``$ref`` object's other keys are ignored: flag them (not extensions)."""
    if ctx.version.key not in ("2.0", "3.0"):
        return
    for site in ctx.index.refs:
        ignored = [key for key in site.siblings if key != "$ref" and not key.startswith("x-")]
        if ignored:
            names = ", ".join(sorted(ignored))
            yield Finding(
                "no-$ref-siblings",
                site.pointer,
                f"keys beside $ref are ignored in OpenAPI {ctx.version.key}: {names}",
                hint="wrap the reference in allOf: [{$ref: ...}] to add keywords to it",
            )
