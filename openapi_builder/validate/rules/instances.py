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

import json
from collections.abc import Iterator
from typing import Any

import jsonschema_rs

from openapi_builder.validate.findings import Finding, short_repr
from openapi_builder.validate.pointers import escape
from openapi_builder.validate.rules.checking import CheckingView, direction_of, media_type_of
from openapi_builder.validate.rules.context import Context
from openapi_builder.validate.walk import InstanceSite, pointer_of

__all__ = ["default_violates_schema", "example_violates_schema"]

_OLD_VERSIONS = ("2.0", "3.0")


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
    old = ctx.version.key in _OLD_VERSIONS
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


class _Checker:
    """Validators per (direction, schema), built against one registry per direction."""

    def __init__(self, ctx: Context, sites: list[InstanceSite]) -> None:
        self.ctx = ctx
        self.views: dict[str, CheckingView] = {}
        self.directions = {id(site): direction_of(site) for site in sites}
        for site in sites:
            direction = self.directions[id(site)]
            view = self.views.get(direction)
            if view is None:
                view = self.views[direction] = CheckingView(
                    ctx.document, ctx.version.key, direction
                )
            view.add(site.schema)
        self.validators: dict[tuple[str, int], Any] = {}

    def validator(self, site: InstanceSite) -> Any:
        direction = self.directions[id(site)]
        key = (direction, id(site.schema))
        if key not in self.validators:
            try:
                self.validators[key] = self.views[direction].validator(site.schema)
            except (ValueError, jsonschema_rs.ReferencingError):
                # An unresolvable $ref or an invalid schema: other rules report those.
                self.validators[key] = None
        return self.validators[key]


def _content_key(schema: Any, value: Any) -> tuple[str, str] | None:
    """A key for the pair when the outcome depends on nothing else (no ``$ref`` inside)."""
    try:
        text = json.dumps(schema, sort_keys=True)
        if '"$ref"' in text:
            return None
        return text, json.dumps(value, sort_keys=True)
    except (TypeError, ValueError):  # not JSON data: check it the slow way
        return None


def _failures(ctx: Context, kind: str) -> Iterator[tuple[InstanceSite, Any]]:
    """Each site whose value fails its schema, with jsonschema-rs's first error."""
    sites = list(_checked_sites(ctx, kind))
    if not sites:
        return
    checker = _Checker(ctx, sites)
    # Generated documents repeat the same (schema, value) pair thousands of times (every
    # optional field's `default: null`); a pair without $refs is valid or not wherever it is.
    known_valid: set[tuple[str, str, str]] = set()
    for site in sites:
        content = _content_key(site.schema, site.value)
        key = None if content is None else (checker.directions[id(site)], *content)
        if key is not None and key in known_valid:
            continue
        validator = checker.validator(site)
        if validator is None:
            continue
        try:
            error = next(iter(validator.iter_errors(site.value)), None)
        except (ValueError, jsonschema_rs.ReferencingError):
            continue  # a value jsonschema-rs cannot take (not JSON data)
        if error is None:
            if key is not None:
                known_valid.add(key)
            continue
        yield site, error


def _finding(rule_id: str, site: InstanceSite, error: Any) -> Finding:
    where = pointer_of(site.loc) + "".join(f"/{escape(str(t))}" for t in error.instance_path)
    message = str(error.message)
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
