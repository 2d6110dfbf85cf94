"""Checks that ``default`` and example values are valid against their schemas.

Values are checked with openapi-schema-validator's validators (the same the reference uses:
3.0's ``nullable``, formats), with ``$ref``s resolved against the document through a
``referencing`` registry. One validator is built per schema object and reused.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import jsonschema.exceptions
from jsonschema.protocols import Validator
from openapi_schema_validator import (
    OAS30Validator,
    OAS31Validator,
    OAS32Validator,
    oas30_format_checker,
    oas31_format_checker,
    oas32_format_checker,
)
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4, DRAFT202012

from openapi_builder.validate.findings import Finding, short_repr
from openapi_builder.validate.pointers import escape
from openapi_builder.validate.rules.context import Context
from openapi_builder.validate.walk import InstanceSite, pointer_of

__all__ = ["default_violates_schema", "example_violates_schema"]

_BASE = "urn:openapi-builder:document"
_VALIDATORS: dict[str, tuple[Any, Any, Any]] = {
    "2.0": (OAS30Validator, oas30_format_checker, DRAFT4),
    "3.0": (OAS30Validator, oas30_format_checker, DRAFT4),
    "3.1": (OAS31Validator, oas31_format_checker, DRAFT202012),
    "3.2": (OAS32Validator, oas32_format_checker, DRAFT202012),
}


def _factory(ctx: Context) -> Callable[[Any], Validator]:
    cls, format_checker, specification = _VALIDATORS[ctx.version.key]
    resource: Resource[Any] = specification.create_resource(ctx.document)
    registry: Registry[Any] = Registry().with_resource(_BASE, resource)
    resolver = registry.resolver(base_uri=_BASE)
    built: dict[int, Validator] = {}

    def validator(schema: Any) -> Validator:
        # Keyed by identity: the walk hands over the document's own schema objects.
        key = id(schema)
        if key not in built:
            built[key] = cls(schema, _resolver=resolver, format_checker=format_checker)
        return built[key]

    return validator


def _check(ctx: Context, kind: str, rule_id: str) -> Iterator[Finding]:
    sites = [site for site in ctx.index.instances if site.kind == kind]
    if not sites:
        return
    validator = _factory(ctx)
    # Generated documents repeat the same (schema, value) pair thousands of times (every
    # optional field's `default: null`); a pair without $refs is valid or not wherever it is.
    known_valid: set[tuple[str, str]] = set()
    for site in sites:
        schema = site.schema
        if not isinstance(schema, dict | bool):
            continue
        if site.value is None and isinstance(schema, dict) and schema.get("nullable") is True:
            continue  # the reference skips these too
        key = _content_key(schema, site.value)
        if key is not None and key in known_valid:
            continue
        finding = _first_error(validator, site, rule_id)
        if finding is not None:
            yield finding
        elif key is not None:
            known_valid.add(key)


def _content_key(schema: Any, value: Any) -> tuple[str, str] | None:
    """A key for the pair when the outcome depends on nothing else (no ``$ref`` inside)."""
    try:
        text = json.dumps(schema, sort_keys=True)
        if '"$ref"' in text:
            return None
        return text, json.dumps(value, sort_keys=True)
    except (TypeError, ValueError):  # not JSON data: check it the slow way
        return None


def _first_error(
    validator: Callable[[Any], Validator], site: InstanceSite, rule_id: str
) -> Finding | None:
    try:
        checker = validator(site.schema)
        if checker.is_valid(site.value):
            return None
        error = jsonschema.exceptions.best_match(checker.iter_errors(site.value))
    except RecursionError:
        return None  # a self-referencing schema the value cannot settle; nothing to say
    except Exception:  # unresolvable $ref, broken schema: other rules report those
        return None
    if error is None:
        return None
    where = pointer_of(site.loc) + "".join(f"/{escape(token)}" for token in error.absolute_path)
    detail = error.message if len(error.message) <= 100 else error.message[:97] + "..."
    return Finding(
        rule_id,
        where,
        f"{site.kind} {short_repr(site.value, 40)} does not match the schema at "
        f"{pointer_of(site.schema_loc) or '/'}: {detail}",
        hint=f"fix the {site.kind}, or the schema if the {site.kind} is right",
    )


def default_violates_schema(ctx: Context) -> Iterator[Finding]:
    """A ``default`` is valid against its schema."""
    return _check(ctx, "default", "default-violates-schema")


def example_violates_schema(ctx: Context) -> Iterator[Finding]:
    """An ``example`` / ``examples`` value is valid against its schema."""
    return _check(ctx, "example", "example-violates-schema")
