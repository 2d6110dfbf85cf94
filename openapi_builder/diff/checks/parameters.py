"""Parameter checks on a matched operation (parameters already merged path + operation)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from openapi_builder.diff.change import Change, make_change
from openapi_builder.diff.checks.lifecycle import (
    judge_lifecycle,
    judge_removal,
    lifecycle_pointers,
)
from openapi_builder.diff.checks.schema import types_of
from openapi_builder.diff.context import Context
from openapi_builder.diff.operations import OperationSite, ParameterSite
from openapi_builder.diff.pointer import join


def _required(site: ParameterSite) -> bool:
    # A path parameter is always required, whatever `required` says.
    return site.location == "path" or site.node.get("required") is True


def _schema(site: ParameterSite) -> tuple[Mapping[str, Any], str] | None:
    """The parameter's schema: ``schema``, or the one media type of ``content``."""
    schema = site.node.get("schema")
    if isinstance(schema, Mapping):
        return schema, join(site.pointer, "schema")
    content = site.node.get("content")
    if isinstance(content, Mapping):
        for media_type in sorted(content):
            media = content[media_type]
            if isinstance(media, Mapping) and isinstance(media.get("schema"), Mapping):
                return media["schema"], join(site.pointer, "content", media_type, "schema")
    return None


def check_parameters(ctx: Context, old: OperationSite, new: OperationSite) -> Iterator[Change]:
    """Added, removed, required and deprecated parameters; their schemas go to the comparer."""
    ops = (old.label,)
    for site in old.unresolved:
        yield make_change(
            "ref-unresolvable", base=site.pointer, revision=None, operations=ops, ref=site.ref
        )
    for site in new.unresolved:
        yield make_change(
            "ref-unresolvable", base=None, revision=site.pointer, operations=ops, ref=site.ref
        )
    for key in sorted(old.parameters.keys() | new.parameters.keys()):
        before, after = old.parameters.get(key), new.parameters.get(key)
        if before is None and after is not None:
            rule = (
                "new-required-request-parameter"
                if _required(after)
                else "new-optional-request-parameter"
            )
            yield make_change(
                rule,
                base=old.pointer,
                revision=after.pointer,
                operations=ops,
                **{"in": after.location, "name": after.name},
            )
            continue
        if after is None and before is not None:
            yield _removed(ctx, before, new.pointer, ops)
            continue
        assert before is not None and after is not None
        where = {"in": before.location, "name": before.name}
        transitions = []
        if _required(before) != _required(after):
            became = "required" if _required(after) else "optional"
            transitions.append(f"request-parameter-became-{became}")
        for rule in transitions:
            yield make_change(
                rule, base=before.pointer, revision=after.pointer, operations=ops, **where
            )
        yield from _deprecation_changes(ctx, new, before, after, ops)
        old_schema, new_schema = _schema(before), _schema(after)
        if old_schema is None or new_schema is None:
            continue
        # With `schema` (not `content`), values travel as text: see Pair.textual.
        textual = all(isinstance(site.node.get("schema"), Mapping) for site in (before, after))
        widened = _exploded_array(before, old_schema[0], after, new_schema[0])
        if widened is not None:
            # A single value is a one-element array under form/explode: judge the items
            # against the old scalar instead of reporting a type change.
            yield make_change(
                "request-parameter-type-generalized",
                base=old_schema[1],
                revision=new_schema[1],
                operations=ops,
                old=_types_text(old_schema[0]),
                new=f"array of {_types_text(widened)}",
                **where,
            )
            # The type is settled above; the items' other keywords are judged against the
            # old scalar's (a pattern on the items still narrows).
            old_schema = ({**old_schema[0], "type": widened.get("type")}, old_schema[1])
            new_schema = (widened, new_schema[1] + "/items")
        ctx.schemas.use(
            old_schema[0],
            old_schema[1],
            new_schema[0],
            new_schema[1],
            direction="request",
            subject="request-parameter",
            label=before.name,
            operation=old.label,
            subject_args=(("in", before.location), ("name", before.name)),
            textual=textual,
        )


# Outcomes of checks.lifecycle.judge_removal and judge_lifecycle, as parameter rules. A
# parameter removed without a sunset promised nothing: it is judged as any removal.
_REMOVAL_RULES = {
    "not-deprecated": "request-parameter-removed",
    "no-sunset": "request-parameter-removed",
    "sunset-invalid": "request-parameter-sunset-parse",
    "before-sunset": "request-parameter-removed-before-sunset",
    "with-deprecation": "request-parameter-removed-with-deprecation",
}
_LIFECYCLE_RULES = {
    "reactivated": "request-parameter-reactivated",
    "deprecated": "request-parameter-deprecated",
    "sunset-missing": "request-parameter-deprecated-sunset-missing",
    "sunset-invalid": "request-parameter-sunset-parse",
    "sunset-too-small": "request-parameter-sunset-date-too-small",
    "deleted": "request-parameter-sunset-deleted",
    "revision-invalid": "request-parameter-sunset-parse",
    "base-invalid": "request-parameter-sunset-parse",
    "moved-too-early": "request-parameter-sunset-date-changed-too-small",
}


def _removed(ctx: Context, before: ParameterSite, pointer: str, ops: tuple[str, ...]) -> Change:
    """A parameter gone: a deprecated one is judged by its ``x-sunset`` like an endpoint."""
    where: dict[str, object] = {"in": before.location, "name": before.name}
    outcome, sunset = judge_removal(before.node, ctx.today)
    if sunset is not None:
        where["sunset"] = sunset
    return make_change(
        _REMOVAL_RULES[outcome], base=before.pointer, revision=pointer, operations=ops, **where
    )


def _deprecation_changes(
    ctx: Context,
    operation: OperationSite,
    before: ParameterSite,
    after: ParameterSite,
    ops: tuple[str, ...],
) -> Iterator[Change]:
    """A parameter deprecated or reactivated, or its sunset changed while deprecated; the
    notice owed is that of its operation's stability."""
    notice = ctx.policy.notice(operation.node)
    judged = judge_lifecycle(before.node, after.node, notice, ctx.today)
    if judged is None:
        return
    outcome, args = judged
    base, revision = lifecycle_pointers(outcome, before.pointer, after.pointer, after.node)
    yield make_change(
        _LIFECYCLE_RULES[outcome],
        base=base,
        revision=revision,
        operations=ops,
        **args,
        **{"in": before.location, "name": before.name},
    )


def _explodes(site: ParameterSite) -> bool:
    """True when the parameter is serialized as form with explode (``?a=1&a=2``): the
    default for query and cookie parameters."""
    if site.location not in ("query", "cookie"):
        return False
    style = site.node.get("style", "form")
    explode = site.node.get("explode", style == "form")
    return style == "form" and explode is True


def _exploded_array(
    before: ParameterSite, old: Mapping[str, Any], after: ParameterSite, new: Mapping[str, Any]
) -> Mapping[str, Any] | None:
    """The new array's items when a form/explode scalar parameter became an array of values
    whose items accept every old type (``?a=1`` is still valid), else None."""
    if not _explodes(before) or not _explodes(after):
        return None
    old_types, new_types = types_of(old), types_of(new)
    items = new.get("items")
    if new_types != frozenset({"array"}) or not isinstance(items, Mapping):
        return None
    if old_types is not None and "array" in old_types:
        return None
    item_types = types_of(items)
    # On the wire a query value is text: a string item accepts whatever a scalar did.
    if item_types is None or "string" in item_types:
        return items
    if old_types is not None and all(
        t in item_types or (t == "integer" and "number" in item_types) for t in old_types
    ):
        return items
    return None


def _types_text(schema: Mapping[str, Any]) -> str:
    types = types_of(schema)
    return "|".join(sorted(types)) if types else "any"
