"""Endpoint checks: added, removed (with the deprecation and sunset rule), deprecated,
operationId, tags, and renamed path parameters.

Removing an operation is judged by its state in the base document and ``today``:

* not ``deprecated``: ``api-removed-without-deprecation`` (breaking);
* ``deprecated``, ``x-sunset`` after today: ``api-removed-before-sunset`` (breaking);
* ``deprecated``, ``x-sunset`` today or earlier: ``api-removed-with-deprecation`` (info);
* ``deprecated``, ``x-sunset`` missing or not a date: ``api-removed-without-sunset`` (warning).

``x-sunset`` is an ISO 8601 date (``2024-06-30``) or date-time (its date part is used), as text
or as the date a YAML loader already made of it. The sunset day itself counts as reached.
"""

from __future__ import annotations

from collections.abc import Iterator

from openapi_builder.diff.change import Change, make_change
from openapi_builder.diff.checks.lifecycle import sunset_date
from openapi_builder.diff.context import Context
from openapi_builder.diff.operations import OperationSite


def check_removed(ctx: Context, old: OperationSite) -> Change:
    """The change for an operation that is gone from the revision."""
    if old.node.get("deprecated") is not True:
        rule, sunset_text = "api-removed-without-deprecation", None
    else:
        raw = old.node.get("x-sunset")
        sunset = sunset_date(raw)
        if sunset is None:
            rule = "api-removed-without-sunset"
            sunset_text = "missing" if raw is None else f"x-sunset: {raw}"
        else:
            reached = sunset <= ctx.today
            rule = "api-removed-with-deprecation" if reached else "api-removed-before-sunset"
            sunset_text = sunset.isoformat()
    args = {} if sunset_text is None else {"sunset": sunset_text}
    return make_change(rule, base=old.pointer, revision=None, operations=(old.label,), **args)


def check_added(new: OperationSite) -> Change:
    """The change for an operation that is new in the revision."""
    return make_change("endpoint-added", base=None, revision=new.pointer, operations=(new.label,))


def check_endpoint(ctx: Context, old: OperationSite, new: OperationSite) -> Iterator[Change]:
    """Deprecation, operationId, tags and path parameter names of a matched operation."""
    ops = (old.label,)
    was, now = old.node.get("deprecated") is True, new.node.get("deprecated") is True
    if was != now:
        rule = "endpoint-deprecated" if now else "endpoint-reactivated"
        yield make_change(rule, base=old.pointer, revision=new.pointer, operations=ops)
    if was and now:
        yield from _sunset_changes(old, new)
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


def _sunset_changes(old: OperationSite, new: OperationSite) -> Iterator[Change]:
    """A deprecated endpoint's ``x-sunset`` deleted, or changed into something not a date."""
    ops = (old.label,)
    before, after = old.node.get("x-sunset"), new.node.get("x-sunset")
    if before is None or before == after:
        return
    if after is None:
        yield make_change(
            "api-sunset-deleted",
            base=old.pointer + "/x-sunset",
            revision=new.pointer,
            operations=ops,
            sunset=before,
        )
    elif sunset_date(after) is None:
        yield make_change(
            "api-deprecated-sunset-parse",
            base=old.pointer + "/x-sunset",
            revision=new.pointer + "/x-sunset",
            operations=ops,
            sunset=after,
        )
