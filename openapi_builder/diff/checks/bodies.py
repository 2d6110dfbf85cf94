"""Request body and response checks: presence, requiredness, media types, status codes,
headers; the schemas under each media type and header go to the comparer."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from openapi_builder.diff.change import Change, make_change
from openapi_builder.diff.checks.media_types import (
    Relation,
    bare_name,
    match_renamed,
    parameter_changes,
)
from openapi_builder.diff.checks.schema import types_of
from openapi_builder.diff.context import Context, mapping
from openapi_builder.diff.operations import OperationSite
from openapi_builder.diff.pointer import join
from openapi_builder.diff.resolve import Resolved


def check_request_body(ctx: Context, old: OperationSite, new: OperationSite) -> Iterator[Change]:
    """Request body added, removed, made required, and its media types."""
    ops = (old.label,)
    old_body, new_body, problems = ctx.resolve_pair(
        old.node.get("requestBody"),
        join(old.pointer, "requestBody"),
        new.node.get("requestBody"),
        join(new.pointer, "requestBody"),
        old.label,
    )
    yield from problems
    if problems:
        return
    if old_body is None and new_body is not None:
        required = new_body.node.get("required") is True
        rule = "request-body-added-required" if required else "request-body-added-optional"
        yield make_change(rule, base=old.pointer, revision=new_body.pointer, operations=ops)
        return
    if new_body is None and old_body is not None:
        yield make_change(
            "request-body-removed", base=old_body.pointer, revision=new.pointer, operations=ops
        )
        return
    if old_body is None or new_body is None:
        return
    was, now = old_body.node.get("required") is True, new_body.node.get("required") is True
    if was != now:
        rule = "request-body-became-required" if now else "request-body-became-optional"
        yield make_change(rule, base=old_body.pointer, revision=new_body.pointer, operations=ops)
    yield from _content(
        ctx,
        mapping(old_body.node, "content"),
        join(old_body.pointer, "content"),
        mapping(new_body.node, "content"),
        join(new_body.pointer, "content"),
        direction="request",
        operation=old.label,
        status=None,
    )


def _is_success(status: str) -> bool:
    return status.startswith("2")


def check_responses(ctx: Context, old: OperationSite, new: OperationSite) -> Iterator[Change]:
    """Status codes added and removed, and each kept response's media types and headers."""
    ops = (old.label,)
    old_all = mapping(old.node, "responses")
    new_all = mapping(new.node, "responses")
    # Status keys compared as text, ranges upper-cased: YAML may give 200 as an int.
    old_by = {str(k).upper(): k for k in old_all}
    new_by = {str(k).upper(): k for k in new_all}
    for status in sorted(old_by.keys() | new_by.keys()):
        success = _is_success(status)
        if status not in new_by:
            rule = (
                "response-success-status-removed"
                if success
                else "response-non-success-status-removed"
            )
            yield make_change(
                rule,
                base=join(old.pointer, "responses", old_by[status]),
                revision=join(new.pointer, "responses"),
                operations=ops,
                status=status,
            )
            continue
        if status not in old_by:
            rule = (
                "response-success-status-added" if success else "response-non-success-status-added"
            )
            yield make_change(
                rule,
                base=join(old.pointer, "responses"),
                revision=join(new.pointer, "responses", new_by[status]),
                operations=ops,
                status=status,
            )
            continue
        before, after, problems = ctx.resolve_pair(
            old_all[old_by[status]],
            join(old.pointer, "responses", old_by[status]),
            new_all[new_by[status]],
            join(new.pointer, "responses", new_by[status]),
            old.label,
        )
        yield from problems
        if before is None or after is None:
            continue
        yield from _content(
            ctx,
            mapping(before.node, "content"),
            join(before.pointer, "content"),
            mapping(after.node, "content"),
            join(after.pointer, "content"),
            direction="response",
            operation=old.label,
            status=status,
        )
        yield from _headers(
            ctx,
            mapping(before.node, "headers"),
            join(before.pointer, "headers"),
            mapping(after.node, "headers"),
            join(after.pointer, "headers"),
            operation=old.label,
            status=status,
        )


def _content(
    ctx: Context,
    old: Mapping[str, Any],
    old_pointer: str,
    new: Mapping[str, Any],
    new_pointer: str,
    *,
    direction: str,
    operation: str,
    status: str | None,
) -> Iterator[Change]:
    ops = (operation,)
    where = {} if status is None else {"status": status}
    prefix = "request-body" if direction == "request" else "response"
    renamed: dict[str, tuple[str, Relation]] = {}
    if direction == "response":
        gone, new_names = old.keys() - new.keys(), new.keys() - old.keys()
        renamed = {o: (n, rel) for o, n, rel in match_renamed(gone, new_names)}
    renamed_to = {n for n, _ in renamed.values()}
    for media_type in sorted(old.keys() | new.keys()):
        if media_type in renamed:
            new_type, relation = renamed[media_type]
            yield from _renamed(
                old_pointer, new_pointer, media_type, new_type, relation, ops, where
            )
            yield from _same_content(
                ctx,
                old,
                old_pointer,
                new,
                new_pointer,
                media_type,
                new_type,
                direction=direction,
                operation=operation,
                where=where,
            )
        elif media_type in renamed_to:
            continue
        elif media_type not in new:
            yield make_change(
                f"{prefix}-media-type-removed",
                base=join(old_pointer, media_type),
                revision=new_pointer,
                operations=ops,
                media_type=media_type,
                **where,
            )
        elif media_type not in old:
            yield make_change(
                f"{prefix}-media-type-added",
                base=old_pointer,
                revision=join(new_pointer, media_type),
                operations=ops,
                media_type=media_type,
                **where,
            )
        else:
            yield from _same_content(
                ctx,
                old,
                old_pointer,
                new,
                new_pointer,
                media_type,
                media_type,
                direction=direction,
                operation=operation,
                where=where,
            )


_RENAME_RULES = {
    "specialized": "response-media-type-name-specialized",
    "generalized": "response-media-type-name-generalized",
    "changed": "response-media-type-name-changed",
}


def _renamed(
    old_pointer: str,
    new_pointer: str,
    old_type: str,
    new_type: str,
    relation: Relation,
    ops: tuple[str, ...],
    where: Mapping[str, str],
) -> Iterator[Change]:
    """A response media type relabelled: its name, or each of its parameters."""
    pointers = {"base": join(old_pointer, old_type), "revision": join(new_pointer, new_type)}
    if relation == "same":
        return
    if relation != "parameters":
        yield make_change(
            _RENAME_RULES[relation], **pointers, operations=ops, old=old_type, new=new_type, **where
        )
        return
    for change, name, before, after in parameter_changes(old_type, new_type):
        yield make_change(
            f"response-media-type-parameter-{change}",
            **pointers,
            operations=ops,
            media_type=bare_name(old_type),
            parameter=name,
            old=before,
            new=after,
            **where,
        )


def _same_content(
    ctx: Context,
    old: Mapping[str, Any],
    old_pointer: str,
    new: Mapping[str, Any],
    new_pointer: str,
    old_type: str,
    new_type: str,
    *,
    direction: str,
    operation: str,
    where: Mapping[str, str],
) -> Iterator[Change]:
    """One media type present on both sides (under the same name, or relabelled): whether
    it has a schema, and the schemas compared."""
    ops = (operation,)
    base, revision = join(old_pointer, old_type), join(new_pointer, new_type)
    old_schema = mapping(old[old_type], "schema")
    new_schema = mapping(new[new_type], "schema")
    side = "request" if direction == "request" else "response"
    if bool(old_schema) != bool(new_schema):
        state = "added" if new_schema else "removed"
        yield make_change(
            f"{side}-body-media-type-schema-{state}",
            base=base,
            revision=revision,
            operations=ops,
            media_type=new_type,
            **where,
        )
        return
    if not old_schema:
        return
    loose = _loosely_typed_change(new_type, old_schema, new_schema)
    if loose is not None:
        yield make_change(
            f"{side}-body-type-compatible",
            base=join(base, "schema"),
            revision=join(revision, "schema"),
            operations=ops,
            media_type=new_type,
            **loose,
            **where,
        )
        # The type is judged; the rest of the schema is still compared.
        old_schema = {**old_schema, "type": new_schema.get("type")}
    ctx.schemas.use(
        old_schema,
        join(base, "schema"),
        new_schema,
        join(revision, "schema"),
        direction=direction,
        subject=f"{direction}-property",
        label="body",
        operation=operation,
    )


def _loosely_typed_change(
    media_type: str, old: Mapping[str, Any], new: Mapping[str, Any]
) -> dict[str, str] | None:
    """``{"old", "new"}`` when an XML body's type moved between string and object: XML
    carries both as an element, so neither side can tell (oasdiff calls this compatible)."""
    if "xml" not in media_type.lower():
        return None
    old_types, new_types = types_of(old), types_of(new)
    if {old_types, new_types} != {frozenset({"string"}), frozenset({"object"})}:
        return None
    return {"old": "|".join(sorted(old_types or ())), "new": "|".join(sorted(new_types or ()))}


def _headers(
    ctx: Context,
    old: Mapping[str, Any],
    old_pointer: str,
    new: Mapping[str, Any],
    new_pointer: str,
    *,
    operation: str,
    status: str,
) -> Iterator[Change]:
    ops = (operation,)
    # Header names are case-insensitive; Content-Type is described by `content`, not here.
    old_by = {k.lower(): k for k in old if k.lower() != "content-type"}
    new_by = {k.lower(): k for k in new if k.lower() != "content-type"}
    for key in sorted(old_by.keys() | new_by.keys()):
        if key not in new_by:
            name = old_by[key]
            header = old[name]
            target = (
                ctx.base.resolve(header, join(old_pointer, name))
                if isinstance(header, Mapping)
                else None
            )
            required = isinstance(target, Resolved) and target.node.get("required") is True
            yield make_change(
                "required-response-header-removed"
                if required
                else "optional-response-header-removed",
                base=join(old_pointer, name),
                revision=new_pointer,
                operations=ops,
                header=name,
                status=status,
            )
            continue
        if key not in old_by:
            name = new_by[key]
            yield make_change(
                "response-header-added",
                base=old_pointer,
                revision=join(new_pointer, name),
                operations=ops,
                header=name,
                status=status,
            )
            continue
        old_name, new_name = old_by[key], new_by[key]
        before, after, problems = ctx.resolve_pair(
            old[old_name],
            join(old_pointer, old_name),
            new[new_name],
            join(new_pointer, new_name),
            operation,
        )
        yield from problems
        if before is None or after is None:
            continue
        if before.node.get("required") is True and after.node.get("required") is not True:
            yield make_change(
                "response-header-became-optional",
                base=before.pointer,
                revision=after.pointer,
                operations=ops,
                header=old_name,
                status=status,
            )
        old_schema, new_schema = mapping(before.node, "schema"), mapping(after.node, "schema")
        if old_schema and new_schema:
            ctx.schemas.use(
                old_schema,
                join(before.pointer, "schema"),
                new_schema,
                join(after.pointer, "schema"),
                direction="response",
                subject="response-property",
                label=f"header {old_name}",
                operation=operation,
            )
