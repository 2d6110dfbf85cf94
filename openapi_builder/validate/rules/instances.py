"""Checks that ``default`` and example values are valid against their schemas.

Every value is checked by jsonschema-rs, whose regex engine is linear-time or bounded (a
document's ``pattern`` never runs in Python's backtracking ``re``). Each schema is checked the
way its version reads it (``checking.py`` converts 2.0/3.0 schemas and honours ``readOnly`` /
``writeOnly`` per direction); ``$ref``s resolve against the document through one registry.

What the specification says, and so what is reported:

- an example that does not match its schema is a warning: every version says it SHOULD match;
- a ``default`` that does not match is an error in 2.0 and 3.0 ("Unlike JSON Schema, the value
  MUST conform to the defined type for the Schema Object defined at the same level") and a
  warning in 3.1 and 3.2, which defer to JSON Schema (it only RECOMMENDS a valid default);
- a string example of a media type JSON cannot represent (XML, text, CSV ...) is the
  serialized form, not a value: it is not checked;
- in 2.0 and 3.0, keys beside a ``$ref`` SHALL be ignored: an example or default there is not
  checked (``no-$ref-siblings`` reports it).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import jsonschema_rs

from openapi_builder.validate.findings import Finding, short_repr
from openapi_builder.validate.pointers import escape
from openapi_builder.validate.rules.checking import (
    OLD_VERSIONS,
    CheckingView,
    direction_of,
    media_type_of,
)
from openapi_builder.validate.rules.context import Context
from openapi_builder.validate.walk import InstanceSite, pointer_of

__all__ = ["default_violates_schema", "example_violates_schema"]

# What jsonschema-rs raises for a schema or value it refuses (a bad pattern, a dangling $ref).
_REFUSED: tuple[type[Exception], ...] = (
    ValueError,
    getattr(jsonschema_rs, "ReferencingError", ValueError),
)


def _is_json_media_type(name: str) -> bool:
    """Whether a media type's examples are values (JSON/YAML) rather than serialized text."""
    essence = name.split(";", 1)[0].strip().lower()
    kind, _, subtype = essence.partition("/")
    return (
        "*" in essence
        or subtype in ("json", "yaml", "x-yaml", "x-www-form-urlencoded", "form-data")
        or subtype.endswith(("+json", "+yaml"))
        or kind == "multipart"
    )


def _checked_sites(ctx: Context, kind: str) -> Iterator[InstanceSite]:
    old = ctx.version.key in OLD_VERSIONS
    for site in ctx.index.instances:
        if site.kind != kind:
            continue
        schema = site.schema
        if not isinstance(schema, dict | bool):
            continue
        if old and isinstance(schema, dict) and "$ref" in schema and site.schema_loc == site.loc[0]:
            continue  # a sibling of $ref: ignored by 2.0/3.0
        if isinstance(site.value, str):
            media = media_type_of(site)
            if media is not None and not _is_json_media_type(media):
                continue
        yield site


Failure = tuple[str, tuple[Any, ...]]  # jsonschema-rs's message, the path inside the value


def _failures(ctx: Context, kind: str) -> Iterator[tuple[InstanceSite, Failure]]:
    """Each site whose value fails its schema, in document order, with the first failure."""
    sites = list(_checked_sites(ctx, kind))
    by_direction: dict[str, list[InstanceSite]] = {}
    for site in sites:
        by_direction.setdefault(direction_of(site), []).append(site)
    failed: dict[int, Failure] = {}
    for direction, group in by_direction.items():
        view = CheckingView(ctx.document, ctx.version.key, direction)
        for site in group:
            view.add(site.schema)
        failed.update(_check_group(view, [site for site in group if view.verifiable(site.schema)]))
    for site in sites:
        if id(site) in failed:
            yield site, failed[id(site)]


def _check_group(view: CheckingView, sites: list[InstanceSite]) -> dict[int, Failure]:
    """One jsonschema-rs pass for the whole group: its values as one array, each item checked
    against its own schema. Should jsonschema-rs refuse one schema or value, the group is
    checked site by site instead, so that one cannot hide the others."""
    if not sites:
        return {}
    try:
        batch = view.batch_validator([site.schema for site in sites])
        first: dict[int, Failure] = {}
        for error in batch.iter_errors([site.value for site in sites]):
            path = tuple(error.instance_path)
            if path and isinstance(path[0], int) and path[0] not in first:
                first[path[0]] = (str(error.message), path[1:])
        return {id(sites[index]): failure for index, failure in first.items()}
    except _REFUSED:
        pass
    failed: dict[int, Failure] = {}
    for site in sites:
        try:
            error = next(iter(view.validator(site.schema).iter_errors(site.value)), None)
        except _REFUSED:
            continue  # a broken schema (other rules report it) or a value that is not JSON
        if error is not None:
            failed[id(site)] = (str(error.message), tuple(error.instance_path))
    return failed


def _finding(rule_id: str, site: InstanceSite, failure: Failure) -> Finding:
    message, path = failure
    where = pointer_of(site.loc) + "".join(f"/{escape(str(token))}" for token in path)
    detail = message if len(message) <= 100 else message[:97] + "..."
    return Finding(
        rule_id,
        where,
        f"{site.kind} {short_repr(site.value, 40)} does not match the schema at "
        f"{pointer_of(site.schema_loc) or '/'}: {detail}",
        hint=f"fix the {site.kind}, or the schema if the {site.kind} is right",
    )


def default_violates_schema(ctx: Context) -> Iterator[Finding]:
    """A ``default`` is valid against its schema (MUST in 2.0/3.0, RECOMMENDED after)."""
    for site, error in _failures(ctx, "default"):
        yield _finding("default-violates-schema", site, error)


def example_violates_schema(ctx: Context) -> Iterator[Finding]:
    """An ``example`` / ``examples`` value is valid against its schema (a SHOULD everywhere)."""
    for site, error in _failures(ctx, "example"):
        yield _finding("example-violates-schema", site, error)
