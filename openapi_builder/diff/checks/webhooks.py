"""Webhook checks (OpenAPI 3.1 ``webhooks``).

A webhook that disappears is one clients subscribed to and will silently stop receiving
(breaking). For a webhook kept on both sides, the traffic runs the other way round from a path
operation: the API sends the request and the subscriber's receiver must accept it, so the
request body is judged as a response (``response-property-*``: the API may only narrow what it
sends), and what the receiver answers is judged as a request (``request-property-*``: the API
may only widen what it accepts back). The operation is labelled ``WEBHOOK POST name``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from openapi_builder.diff.change import Change, make_change
from openapi_builder.diff.context import Context, mapping
from openapi_builder.diff.operations import METHODS
from openapi_builder.diff.pointer import join
from openapi_builder.diff.resolve import Unresolved


def check_webhooks(
    ctx: Context, base: Mapping[str, Any], revision: Mapping[str, Any]
) -> Iterator[Change]:
    """Webhooks removed (breaking) and added (info), by name; kept ones compared reversed."""
    old, new = mapping(base, "webhooks"), mapping(revision, "webhooks")
    for name in sorted(old.keys() - new.keys()):
        yield make_change("webhook-removed", base=join("/webhooks", name), revision=None, name=name)
    for name in sorted(new.keys() - old.keys()):
        yield make_change("webhook-added", base=None, revision=join("/webhooks", name), name=name)
    for name in sorted(old.keys() & new.keys()):
        yield from _webhook(ctx, name, old[name], new[name])


def _webhook(ctx: Context, name: str, old_item: object, new_item: object) -> Iterator[Change]:
    pointer = join("/webhooks", name)
    if not isinstance(old_item, Mapping) or not isinstance(new_item, Mapping):
        return
    old_target = ctx.base.resolve(old_item, pointer)
    new_target = ctx.revision.resolve(new_item, pointer)
    if isinstance(old_target, Unresolved) or isinstance(new_target, Unresolved):
        return
    for method in METHODS:
        before, after = old_target.node.get(method), new_target.node.get(method)
        if not isinstance(before, Mapping) or not isinstance(after, Mapping):
            continue
        label = f"WEBHOOK {method.upper()} {name}"
        old_pointer = join(old_target.pointer, method)
        new_pointer = join(new_target.pointer, method)
        body_old, body_new, problems = ctx.resolve_pair(
            before.get("requestBody"),
            join(old_pointer, "requestBody"),
            after.get("requestBody"),
            join(new_pointer, "requestBody"),
            label,
        )
        yield from problems
        if body_old is not None and body_new is not None:
            _schemas(
                ctx,
                mapping(body_old.node, "content"),
                join(body_old.pointer, "content"),
                mapping(body_new.node, "content"),
                join(body_new.pointer, "content"),
                "response",
                label,
            )
        old_responses, new_responses = mapping(before, "responses"), mapping(after, "responses")
        for status in sorted(old_responses.keys() & new_responses.keys(), key=str):
            r_old, r_new, problems = ctx.resolve_pair(
                old_responses[status],
                join(old_pointer, "responses", status),
                new_responses[status],
                join(new_pointer, "responses", status),
                label,
            )
            yield from problems
            if r_old is not None and r_new is not None:
                _schemas(
                    ctx,
                    mapping(r_old.node, "content"),
                    join(r_old.pointer, "content"),
                    mapping(r_new.node, "content"),
                    join(r_new.pointer, "content"),
                    "request",
                    label,
                )


def _schemas(
    ctx: Context,
    old: Mapping[str, Any],
    old_pointer: str,
    new: Mapping[str, Any],
    new_pointer: str,
    direction: str,
    operation: str,
) -> None:
    for media_type in sorted(old.keys() & new.keys()):
        old_schema, new_schema = (
            mapping(old[media_type], "schema"),
            mapping(new[media_type], "schema"),
        )
        if old_schema and new_schema:
            ctx.schemas.use(
                old_schema,
                join(old_pointer, media_type, "schema"),
                new_schema,
                join(new_pointer, media_type, "schema"),
                direction=direction,
                subject=f"{direction}-property",
                label="body",
                operation=operation,
            )
