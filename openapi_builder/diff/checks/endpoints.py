"""Endpoint checks: added, removed (with the deprecation and sunset rule), deprecated,
stability, operationId, tags, and renamed path parameters.

Removing an operation is judged by its state in the base document and ``today``:

* not ``deprecated``: ``api-removed-without-deprecation`` (breaking);
* ``deprecated``, ``x-sunset`` after today: ``api-removed-before-sunset`` (breaking);
* ``deprecated``, ``x-sunset`` today or earlier: ``api-removed-with-deprecation`` (info);
* ``deprecated``, no ``x-sunset``: ``api-removed-without-sunset`` (warning);
* ``deprecated``, ``x-sunset`` not a date: ``api-path-sunset-parse`` (breaking: whether the
  promised date has passed cannot be told).

Deprecation and its sunset follow :mod:`openapi_builder.diff.checks.lifecycle`.
"""

from __future__ import annotations

from collections.abc import Iterator

from openapi_builder.diff.change import Change, make_change
from openapi_builder.diff.checks.lifecycle import (
    judge_lifecycle,
    judge_removal,
    judge_stability,
    lifecycle_pointers,
    stability_of,
)
from openapi_builder.diff.context import Context
from openapi_builder.diff.operations import OperationSite

# Outcomes of checks.lifecycle.judge_lifecycle and judge_removal, as endpoint rules.
_LIFECYCLE_RULES = {
    "reactivated": "endpoint-reactivated",
    "deprecated": "endpoint-deprecated",
    "sunset-missing": "api-deprecated-sunset-missing",
    "sunset-invalid": "api-deprecated-sunset-parse",
    "sunset-too-small": "api-sunset-date-too-small",
    "deleted": "api-sunset-deleted",
    "revision-invalid": "api-path-sunset-parse",
    "base-invalid": "api-path-sunset-parse",
    "moved-too-early": "api-sunset-date-changed-too-small",
}
_REMOVAL_RULES = {
    "not-deprecated": "api-removed-without-deprecation",
    "no-sunset": "api-removed-without-sunset",
    "sunset-invalid": "api-path-sunset-parse",
    "before-sunset": "api-removed-before-sunset",
    "with-deprecation": "api-removed-with-deprecation",
}


def check_removed(ctx: Context, old: OperationSite) -> Iterator[Change]:
    """The changes for an operation that is gone from the revision."""
    ops = (old.label,)
    if stability_of(old.node) is None:
        yield _invalid_stability(old, None, old)
    outcome, sunset = judge_removal(old.node, ctx.today)
    args = {} if outcome == "not-deprecated" else {"sunset": sunset or "missing"}
    yield make_change(
        _REMOVAL_RULES[outcome], base=old.pointer, revision=None, operations=ops, **args
    )


def check_added(new: OperationSite) -> Change:
    """The change for an operation that is new in the revision."""
    return make_change("endpoint-added", base=None, revision=new.pointer, operations=(new.label,))


def check_endpoint(ctx: Context, old: OperationSite, new: OperationSite) -> Iterator[Change]:
    """Deprecation, operationId, tags and path parameter names of a matched operation."""
    ops = (old.label,)
    yield from _deprecation_changes(ctx, old, new)
    old_id, new_id = old.node.get("operationId"), new.node.get("operationId")
    if old_id != new_id:
        if old_id is None:
            yield make_change(
                "api-operation-id-added",
                base=old.pointer,
                revision=new.pointer + "/operationId",
                operations=ops,
                new=new_id,
            )
        else:
            yield make_change(
                "api-operation-id-removed",
                base=old.pointer + "/operationId",
                revision=new.pointer + ("/operationId" if new_id is not None else ""),
                operations=ops,
                old=old_id,
                new="(none)" if new_id is None else new_id,
            )
    old_tags, new_tags = _tags(old), _tags(new)
    for rule, tags in (
        ("api-tag-removed", old_tags - new_tags),
        ("api-tag-added", new_tags - old_tags),
    ):
        if tags:
            yield make_change(
                rule,
                base=old.pointer,
                revision=new.pointer,
                operations=ops,
                tags=", ".join(sorted(tags)),
            )
    pairs = zip(old.path_parameter_names, new.path_parameter_names, strict=False)
    for position, (old_name, new_name) in enumerate(pairs):
        if old_name != new_name:
            key = ("path", f"#{position}")
            before, after = old.parameters.get(key), new.parameters.get(key)
            yield make_change(
                "request-path-parameter-renamed",
                base=before.pointer if before else old.pointer,
                revision=after.pointer if after else new.pointer,
                operations=ops,
                old=old_name,
                new=new_name,
            )


def _tags(site: OperationSite) -> frozenset[str]:
    tags = site.node.get("tags")
    return (
        frozenset(t for t in tags if isinstance(t, str)) if isinstance(tags, list) else frozenset()
    )


def _invalid_stability(
    old: OperationSite, new: OperationSite | None, flagged: OperationSite
) -> Change:
    """``flagged``'s ``x-stability-level`` is not a level: which promises apply to the
    operation cannot be told."""
    mark = "/x-stability-level"
    return make_change(
        "api-invalid-stability-level",
        base=old.pointer + (mark if flagged is old else ""),
        revision=None if new is None else new.pointer + (mark if flagged is new else ""),
        operations=(old.label,),
        value=flagged.node.get("x-stability-level"),
    )


def check_stability(
    old: OperationSite, new: OperationSite, *, base_in_scope: bool = True
) -> Iterator[Change]:
    """A matched operation's ``x-stability-level`` changed: unreadable on either side (always
    reported), or a level up or down (reported when the base was in the compared scope)."""
    change = judge_stability(old.node, new.node)
    if change is None:
        return
    if change.base_invalid:
        yield _invalid_stability(old, new, old)
    if change.revision_invalid:
        yield _invalid_stability(old, new, new)
    if base_in_scope and change.shift is not None:
        trend, before, after = change.shift
        yield make_change(
            f"api-stability-{trend}",
            base=old.pointer,
            revision=new.pointer,
            operations=(old.label,),
            old=before,
            new=after,
        )


def _deprecation_changes(ctx: Context, old: OperationSite, new: OperationSite) -> Iterator[Change]:
    """Deprecated, reactivated, or a deprecated endpoint's ``x-sunset`` changed."""
    judged = judge_lifecycle(old.node, new.node, ctx.policy.notice(new.node), ctx.today)
    if judged is None:
        return
    outcome, args = judged
    base, revision = lifecycle_pointers(outcome, old.pointer, new.pointer, new.node)
    yield make_change(
        _LIFECYCLE_RULES[outcome], base=base, revision=revision, operations=(old.label,), **args
    )
