"""The schema rule tables: one row per (keyword change, subject), expanded into the catalogue.

Schema rules exist once per *subject* - a request parameter's own schema
(``request-parameter-*``), anything inside a request body (``request-property-*``) and anything
inside a response body or response header (``response-property-*``). A webhook's request body
is sent by the API and read by the subscriber, so it is judged as a response; what the
subscriber answers is judged as a request (see :mod:`openapi_builder.diff.checks.webhooks`).

Requests and responses are judged oppositely: a request schema may only widen (accept more), a
response schema may only narrow (promise more). Every table below states both sides, so a
flipped comparison shows up as a wrong level in the rule cases.
"""

from __future__ import annotations

from collections.abc import Mapping

# Subjects: the id prefix, the direction it is judged in, and how messages name the schema.
SUBJECTS: Mapping[str, tuple[str, str]] = {
    "request-parameter": ("request", "{in} parameter {name}"),
    "request-property": ("request", "request property {property}"),
    "response-property": ("response", "response property {property}"),
}
REQUEST_SUBJECTS = ("request-parameter", "request-property")
RESPONSE_SUBJECTS = ("response-property",)
ALL_SUBJECTS = (*REQUEST_SUBJECTS, *RESPONSE_SUBJECTS)

# (id suffix, subjects, level, template, mitigation); `{subject}` becomes the subject's phrase.
SchemaRow = tuple[str, tuple[str, ...], str, str, str]
_REQ, _RESP = REQUEST_SUBJECTS, RESPONSE_SUBJECTS
_PROPS = ("request-property", "response-property")
_KEEP = "keep accepting what was accepted before, or ship the change as a new version"
_PROMISE = "keep returning only what clients were promised, or ship it as a new version"
SCHEMA_ROWS: tuple[SchemaRow, ...] = (
    ("type-changed", _REQ, "breaking", "{subject}: type changed from {old} to {new}", _KEEP),
    ("type-generalized", _REQ, "info", "{subject}: type widened from {old} to {new}", ""),
    ("type-changed", _RESP, "breaking", "{subject}: type changed from {old} to {new}", _PROMISE),
    ("type-specialized", _RESP, "info", "{subject}: type narrowed from {old} to {new}", ""),
    (
        "list-of-types-widened",
        _REQ,
        "info",
        "{subject}: list of types widened from {old} to {new}",
        "",
    ),
    (
        "list-of-types-narrowed",
        _REQ,
        "breaking",
        "{subject}: list of types narrowed from {old} to {new}",
        _KEEP,
    ),
    (
        "list-of-types-widened",
        _RESP,
        "breaking",
        "{subject}: list of types widened from {old} to {new}",
        _PROMISE,
    ),
    (
        "list-of-types-narrowed",
        _RESP,
        "info",
        "{subject}: list of types narrowed from {old} to {new}",
        "",
    ),
    ("became-enum", _REQ, "breaking", "{subject}: restricted to the enum values {values}", _KEEP),
    ("enum-value-removed", _REQ, "breaking", "{subject}: enum values removed: {values}", _KEEP),
    ("enum-value-added", _REQ, "info", "{subject}: enum values added: {values}", ""),
    (
        "x-extensible-enum-value-removed",
        _REQ,
        "breaking",
        "{subject}: x-extensible-enum values removed: {values}",
        _KEEP,
    ),
    ("enum-value-removed", _RESP, "info", "{subject}: enum values removed: {values}", ""),
    (
        "enum-value-added",
        _RESP,
        "warning",
        "{subject}: enum values added: {values}",
        "tell clients to handle unknown values, or mark the enum x-extensible-enum",
    ),
    (
        "x-extensible-enum-value-added",
        _RESP,
        "info",
        "{subject}: extensible enum values added: {values}",
        "",
    ),
    ("became-nullable", _REQ, "info", "{subject}: became nullable", ""),
    ("became-not-nullable", _REQ, "breaking", "{subject}: became not nullable", _KEEP),
    ("became-nullable", _RESP, "breaking", "{subject}: became nullable", _PROMISE),
    ("became-not-nullable", _RESP, "info", "{subject}: became not nullable", ""),
    ("pattern-added", _REQ, "breaking", "{subject}: pattern {new} added", _KEEP),
    (
        "pattern-changed",
        _REQ,
        "warning",
        "{subject}: pattern changed from {old} to {new}",
        "check that the new pattern accepts every value the old one did",
    ),
    ("pattern-removed", _REQ, "info", "{subject}: pattern {old} removed", ""),
    ("pattern-added", _RESP, "info", "{subject}: pattern {new} added", ""),
    (
        "pattern-changed",
        _RESP,
        "warning",
        "{subject}: pattern changed from {old} to {new}",
        "check that the new pattern matches only values the old one did",
    ),
    ("pattern-removed", _RESP, "breaking", "{subject}: pattern {old} removed", _PROMISE),
    ("const-added", _REQ, "breaking", "{subject}: restricted to the constant {new}", _KEEP),
    ("const-removed", _REQ, "info", "{subject}: constant {old} lifted", ""),
    ("const-changed", _REQ, "breaking", "{subject}: constant changed from {old} to {new}", _KEEP),
    ("const-added", _RESP, "info", "{subject}: now always the constant {new}", ""),
    ("const-removed", _RESP, "breaking", "{subject}: no longer always {old}", _PROMISE),
    (
        "const-changed",
        _RESP,
        "breaking",
        "{subject}: constant changed from {old} to {new}",
        _PROMISE,
    ),
    ("default-value-added", _REQ, "info", "{subject}: default {new} added", ""),
    ("default-value-removed", _REQ, "info", "{subject}: default {old} removed", ""),
    (
        "default-value-changed",
        _REQ,
        "warning",
        "{subject}: default changed from {old} to {new}",
        "clients that omit the value now get other behaviour; say so in the release notes",
    ),
    ("default-value-added", _RESP, "info", "{subject}: default {new} added", ""),
    ("default-value-removed", _RESP, "info", "{subject}: default {old} removed", ""),
    ("default-value-changed", _RESP, "info", "{subject}: default changed from {old} to {new}", ""),
    (
        "content-media-type-changed",
        ALL_SUBJECTS,
        "breaking",
        "{subject}: contentMediaType changed from {old} to {new}",
        "keep the encoded content's media type, or add a new property",
    ),
    (
        "content-encoding-changed",
        ALL_SUBJECTS,
        "breaking",
        "{subject}: contentEncoding changed from {old} to {new}",
        "keep the content encoding, or add a new property",
    ),
    (
        "dependent-required-changed",
        ALL_SUBJECTS,
        "breaking",
        "{subject}: properties required with {key} changed from {old} to {new}",
        "keep the dependency as it was, or ship it as a new version",
    ),
    (
        "discriminator-property-name-changed",
        ALL_SUBJECTS,
        "warning",
        "{subject}: discriminator property changed from {old} to {new}",
        "check that both sides agree on which property selects the variant",
    ),
    ("discriminator-added", ALL_SUBJECTS, "info", "{subject}: discriminator {new} added", ""),
    ("discriminator-removed", ALL_SUBJECTS, "info", "{subject}: discriminator {old} removed", ""),
    (
        "discriminator-mapping-added",
        ALL_SUBJECTS,
        "info",
        "{subject}: discriminator mapping added: {values}",
        "",
    ),
    (
        "discriminator-mapping-removed",
        ALL_SUBJECTS,
        "warning",
        "{subject}: discriminator mapping removed: {values}",
        "check that no client sends or expects the removed values",
    ),
    (
        "discriminator-mapping-changed",
        ALL_SUBJECTS,
        "warning",
        "{subject}: discriminator mapping changed for {values}",
        "check that every value still selects a compatible schema",
    ),
    ("became-read-only", _REQ, "info", "{subject}: became readOnly (no longer sent)", ""),
    ("became-not-read-only", _REQ, "info", "{subject}: no longer readOnly", ""),
    (
        "became-write-only",
        _RESP,
        "warning",
        "{subject}: became writeOnly (no longer returned)",
        "check that no client reads it from responses",
    ),
    ("became-not-write-only", _RESP, "info", "{subject}: no longer writeOnly", ""),
    ("deprecated", _PROPS, "info", "{subject}: deprecated", ""),
    ("reactivated", _PROPS, "info", "{subject}: no longer deprecated", ""),
    (
        "multiple-of-changed",
        ALL_SUBJECTS,
        "breaking",
        "{subject}: multipleOf changed from {old} to {new}",
        "keep the step, or ship it as a new version",
    ),
)

# Request constraints: keyword -> (id stem, True for an upper bound). Tightening an upper bound
# decreases it, tightening a lower bound increases it.
CONSTRAINTS: Mapping[str, tuple[str, bool]] = {
    "maxLength": ("max-length", True),
    "minLength": ("min-length", False),
    "maximum": ("max", True),
    "minimum": ("min", False),
    "maxItems": ("max-items", True),
    "minItems": ("min-items", False),
    # The numeric (3.1) form; 3.0's boolean form qualifies maximum/minimum and is not a bound.
    "exclusiveMaximum": ("exclusive-max", True),
    "exclusiveMinimum": ("exclusive-min", False),
    "maxProperties": ("max-properties", True),
    "minProperties": ("min-properties", False),
    "maxContains": ("max-contains", True),
    "minContains": ("min-contains", False),
}

# Keywords judged by presence: adding one constrains the instance (breaking in a request,
# informational in a response), removing it lifts the constraint (the reverse).
# keyword -> (id stem, phrase).
PRESENCE: Mapping[str, tuple[str, str]] = {
    "contains": ("contains", "contains"),
    "contentSchema": ("content-schema", "contentSchema"),
    "propertyNames": ("property-names", "propertyNames"),
    "unevaluatedItems": ("unevaluated-items", "unevaluatedItems"),
    "unevaluatedProperties": ("unevaluated-properties", "unevaluatedProperties"),
    "if": ("if", "if"),
    "then": ("then", "then"),
    "else": ("else", "else"),
    "not": ("not", "not"),
    "uniqueItems": ("unique-items", "uniqueItems"),
    "multipleOf": ("multiple-of", "multipleOf"),
}

# Keywords keyed by a name, judged per key like PRESENCE: keyword -> (id stem, phrase).
KEYED: Mapping[str, tuple[str, str]] = {
    "dependentRequired": ("dependent-required", "dependentRequired"),
    "dependentSchemas": ("dependent-schema", "dependentSchemas"),
    "patternProperties": ("pattern-property", "patternProperties"),
}


def constraint_rule_suffix(keyword: str, *, tightened: bool) -> str:
    """The id suffix for a change of ``keyword`` (``max-length-decreased`` ...)."""
    stem, upper = CONSTRAINTS[keyword]
    return f"{stem}-{'decreased' if upper == tightened else 'increased'}"


def constraint_rows() -> list[SchemaRow]:
    """Rows for every bound: tightened, relaxed, newly set (request) and removed (response)."""
    rows: list[SchemaRow] = []
    for keyword in CONSTRAINTS:
        stem, _upper = CONSTRAINTS[keyword]
        tight = constraint_rule_suffix(keyword, tightened=True)
        loose = constraint_rule_suffix(keyword, tightened=False)
        rows += [
            (
                tight,
                _REQ,
                "breaking",
                f"{{subject}}: {keyword} tightened from {{old}} to {{new}}",
                _KEEP,
            ),
            (loose, _REQ, "info", f"{{subject}}: {keyword} relaxed from {{old}} to {{new}}", ""),
            (
                f"{stem}-set",
                _REQ,
                "warning",
                f"{{subject}}: {keyword} set to {{new}} (was unbounded)",
                "a new bound cannot be checked against what clients send; "
                "confirm that none sends more",
            ),
            (tight, _RESP, "info", f"{{subject}}: {keyword} tightened from {{old}} to {{new}}", ""),
            (
                loose,
                _RESP,
                "breaking",
                f"{{subject}}: {keyword} relaxed from {{old}} to {{new}}",
                _PROMISE,
            ),
            (
                f"{stem}-unset",
                _RESP,
                "breaking",
                f"{{subject}}: {keyword} {{old}} removed",
                _PROMISE,
            ),
        ]
    for keyword, (stem, phrase) in (*PRESENCE.items(), *KEYED.items()):
        key = " {key}" if keyword in KEYED else ""
        rows += [
            (f"{stem}-added", _REQ, "breaking", f"{{subject}}: {phrase}{key} added", _KEEP),
            (f"{stem}-removed", _REQ, "info", f"{{subject}}: {phrase}{key} removed", ""),
            (f"{stem}-added", _RESP, "info", f"{{subject}}: {phrase}{key} added", ""),
            (f"{stem}-removed", _RESP, "breaking", f"{{subject}}: {phrase}{key} removed", _PROMISE),
        ]
    return rows
