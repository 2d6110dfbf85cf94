"""Parameter checks on a matched operation (parameters already merged path + operation)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from openapi_builder.diff.change import Change, make_change
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
            yield make_change(
                "request-parameter-removed",
                base=before.pointer,
                revision=new.pointer,
                operations=ops,
                **{"in": before.location, "name": before.name},
            )
            continue
        assert before is not None and after is not None
        transitions = []
        if _required(before) != _required(after):
            became = "required" if _required(after) else "optional"
            transitions.append(f"request-parameter-became-{became}")
        if after.node.get("deprecated") is True and before.node.get("deprecated") is not True:
            transitions.append("request-parameter-deprecated")
        for rule in transitions:
            yield make_change(
                rule,
                base=before.pointer,
                revision=after.pointer,
                operations=ops,
                **{"in": before.location, "name": before.name},
            )
        old_schema, new_schema = _schema(before), _schema(after)
        if old_schema is not None and new_schema is not None:
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
            )
