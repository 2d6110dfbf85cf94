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
    judge_deprecation,
    judge_sunset_change,
    stability_of,
    stability_rank,
    sunset_date,
    timing_args,
)
from openapi_builder.diff.context import Context
from openapi_builder.diff.operations import OperationSite

_DEPRECATION_RULES = {
    "sunset-missing": "api-deprecated-sunset-missing",
    "sunset-invalid": "api-deprecated-sunset-parse",
    "sunset-too-small": "api-sunset-date-too-small",
}
_SUNSET_RULES = {
    "deleted": "api-sunset-deleted",
    "revision-invalid": "api-path-sunset-parse",
    "base-invalid": "api-path-sunset-parse",
    "moved-too-early": "api-sunset-date-changed-too-small",
}


def check_removed(ctx: Context, old: OperationSite) -> Iterator[Change]:
    """The changes for an operation that is gone from the revision."""
    ops = (old.label,)
    yield from _invalid_stability(old, None)
    if old.node.get("deprecated") is not True:
        yield make_change(
            "api-removed-without-deprecation", base=old.pointer, revision=None, operations=ops
        )
        return
    raw = old.node.get("x-sunset")
    sunset = sunset_date(raw)
    if raw is None:
        rule, shown = "api-removed-without-sunset", "missing"
    elif sunset is None:
        rule, shown = "api-path-sunset-parse", str(raw)
    else:
        reached = sunset <= ctx.today
        rule = "api-removed-with-deprecation" if reached else "api-removed-before-sunset"
        shown = sunset.isoformat()
    yield make_change(rule, base=old.pointer, revision=None, operations=ops, sunset=shown)


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


def _invalid_stability(old: OperationSite, new: OperationSite | None) -> Iterator[Change]:
    """An ``x-stability-level`` that is not a level, on either side of a change to it (or of
    the operation's removal): which promises apply to the operation cannot be told. One left
    as it was is the validator's business, not the diff's."""
    if new is not None and old.node.get("x-stability-level") == new.node.get("x-stability-level"):
        return
    for site in (old, new):
        if site is None or stability_of(site.node) is not None:
            continue
        flag = "/x-stability-level"
        yield make_change(
            "api-invalid-stability-level",
            base=old.pointer + (flag if site is old else ""),
            revision=None if new is None else new.pointer + (flag if site is new else ""),
            operations=(old.label,),
            value=site.node.get("x-stability-level"),
        )


def check_stability(
    old: OperationSite, new: OperationSite, *, base_in_scope: bool = True
) -> Iterator[Change]:
    """A matched operation's ``x-stability-level``: unreadable on either side (always
    reported), or changed (reported when the base was in the compared scope)."""
    yield from _invalid_stability(old, new)
    before, after = stability_of(old.node), stability_of(new.node)
    if not base_in_scope or before is None or after is None or before == after:
        return
    decreased = stability_rank(after) < stability_rank(before)
    yield make_change(
        "api-stability-decreased" if decreased else "api-stability-increased",
        base=old.pointer,
        revision=new.pointer,
        operations=(old.label,),
        old=before,
        new=after,
    )


def _deprecation_changes(ctx: Context, old: OperationSite, new: OperationSite) -> Iterator[Change]:
    """Deprecated, reactivated, or a deprecated endpoint's ``x-sunset`` changed."""
    ops = (old.label,)
    was, now = old.node.get("deprecated") is True, new.node.get("deprecated") is True
    # An unreadable level (reported on its own) is held to the notice of a stable one.
    notice = ctx.policy.days(stability_of(new.node) or "stable")
    if was and not now:
        yield make_change(
            "endpoint-reactivated", base=old.pointer, revision=new.pointer, operations=ops
        )
    elif now and not was:
        problem, shown = judge_deprecation(new.node, notice, ctx.today)
        if problem is None:
            yield make_change(
                "endpoint-deprecated", base=old.pointer, revision=new.pointer, operations=ops
            )
        else:
            yield make_change(
                _DEPRECATION_RULES[problem],
                base=old.pointer,
                revision=new.pointer + ("/x-sunset" if "x-sunset" in new.node else ""),
                operations=ops,
                sunset="missing" if shown is None else shown,
                **timing_args(problem, notice),
            )
    elif was and now:
        found = judge_sunset_change(old.node, new.node, notice, ctx.today)
        if found is not None:
            change, shown = found
            yield make_change(
                _SUNSET_RULES[change],
                base=old.pointer + "/x-sunset",
                revision=new.pointer + ("/x-sunset" if "x-sunset" in new.node else ""),
                operations=ops,
                sunset=shown,
                **timing_args(change, notice),
            )
