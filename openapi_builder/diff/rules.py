"""The rule catalogue: every change the diff can report, one row each.

A row is a :class:`Rule`: its id (borrowed from oasdiff where oasdiff has one), its level
(``breaking``, ``warning`` or ``info``), the direction of traffic it judges (``request``,
``response`` or ``none`` for changes to the endpoint itself), and the message template that
reports render with the change's arguments (``str.format`` fields). Check code never formats
text; it yields ids and arguments, so the catalogue is the single source of every message and
``openapi-builder rules`` (:func:`format_rules_table`) prints exactly what the diff uses.

Schema rules exist once per *subject* - a request parameter's own schema
(``request-parameter-*``), anything inside a request body (``request-property-*``) and
anything inside a response body or response header (``response-property-*``) - and are
generated from the small tables below, so the wording stays uniform.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

Level = Literal["breaking", "warning", "info"]
Direction = Literal["request", "response", "none"]

FailOn = Literal["breaking", "warning", "info", "never"]

LEVELS: tuple[Level, ...] = ("breaking", "warning", "info")
LEVEL_RANK: Mapping[str, int] = {"breaking": 0, "warning": 1, "info": 2}
FAIL_ON_VALUES: tuple[FailOn, ...] = ("breaking", "warning", "info", "never")


def reaches(level: Level, fail_on: FailOn) -> bool:
    """True when a change of ``level`` reaches the ``fail_on`` threshold."""
    if fail_on == "never":
        return False
    return LEVEL_RANK[level] <= LEVEL_RANK[fail_on]


@dataclass(frozen=True, slots=True, kw_only=True)
class Rule:
    """One row of the catalogue: id, level, direction and message template."""

    id: str
    level: Level
    direction: Direction
    template: str

    def render(self, args: Mapping[str, str]) -> str:
        """The message for a change of this rule with ``args`` filled in."""
        return self.template.format_map(args)


def _rule(rule_id: str, level: Level, direction: Direction, template: str) -> Rule:
    return Rule(id=rule_id, level=level, direction=direction, template=template)


# Rows about endpoints, parameters, bodies, responses, security and webhooks.
_FIXED_RULES: tuple[Rule, ...] = (
    # endpoints
    _rule("endpoint-added", "info", "none", "endpoint added"),
    _rule(
        "api-removed-without-deprecation",
        "breaking",
        "none",
        "endpoint removed without being deprecated first",
    ),
    _rule(
        "api-removed-before-sunset",
        "breaking",
        "none",
        "endpoint removed before its sunset date {sunset}",
    ),
    _rule(
        "api-removed-without-sunset",
        "warning",
        "none",
        "deprecated endpoint removed, but it had no valid x-sunset date ({sunset})",
    ),
    _rule(
        "api-removed-with-deprecation",
        "info",
        "none",
        "deprecated endpoint removed after its sunset date {sunset}",
    ),
    _rule("endpoint-deprecated", "info", "none", "endpoint deprecated"),
    _rule("endpoint-reactivated", "info", "none", "endpoint no longer deprecated"),
    _rule("api-operation-id-added", "info", "none", "operationId {new} added"),
    _rule("api-operation-id-removed", "info", "none", "operationId {old} replaced by {new}"),
    _rule("api-tag-added", "info", "none", "tags added: {tags}"),
    _rule("api-tag-removed", "info", "none", "tags removed: {tags}"),
    _rule(
        "request-path-parameter-renamed",
        "info",
        "request",
        "path parameter {old} renamed to {new}",
    ),
    _rule("webhook-added", "info", "none", "webhook {name} added"),
    _rule("webhook-removed", "breaking", "none", "webhook {name} removed"),
    _rule(
        "ref-unresolvable",
        "warning",
        "none",
        "$ref {ref} cannot be resolved (remote and dangling references are never fetched); "
        "the schema behind it was not compared",
    ),
    # security
    _rule("api-security-added", "info", "request", "security requirement {requirement} added"),
    _rule(
        "api-security-removed",
        "breaking",
        "request",
        "security requirement {requirement} removed",
    ),
    _rule(
        "api-security-scope-added",
        "breaking",
        "request",
        "scopes now required by security requirement {requirement}: {scopes}",
    ),
    _rule(
        "api-security-scope-removed",
        "info",
        "request",
        "scopes no longer required by security requirement {requirement}: {scopes}",
    ),
    # parameters
    _rule(
        "new-required-request-parameter",
        "breaking",
        "request",
        "added the required {in} parameter {name}",
    ),
    _rule(
        "new-optional-request-parameter",
        "info",
        "request",
        "added the optional {in} parameter {name}",
    ),
    _rule("request-parameter-removed", "warning", "request", "removed the {in} parameter {name}"),
    _rule(
        "request-parameter-became-required",
        "breaking",
        "request",
        "the {in} parameter {name} became required",
    ),
    _rule(
        "request-parameter-became-optional",
        "info",
        "request",
        "the {in} parameter {name} became optional",
    ),
    _rule(
        "request-parameter-deprecated", "info", "request", "the {in} parameter {name} deprecated"
    ),
    # request body
    _rule("request-body-added-required", "breaking", "request", "added a required request body"),
    _rule("request-body-added-optional", "info", "request", "added an optional request body"),
    _rule("request-body-removed", "warning", "request", "removed the request body"),
    _rule(
        "request-body-became-required", "breaking", "request", "the request body became required"
    ),
    _rule("request-body-became-optional", "info", "request", "the request body became optional"),
    _rule(
        "request-body-media-type-added",
        "info",
        "request",
        "added the media type {media_type} to the request body",
    ),
    _rule(
        "request-body-media-type-removed",
        "breaking",
        "request",
        "removed the media type {media_type} from the request body",
    ),
    # request body properties
    _rule(
        "new-required-request-property",
        "breaking",
        "request",
        "added the required request property {property}",
    ),
    _rule(
        "new-optional-request-property",
        "info",
        "request",
        "added the optional request property {property}",
    ),
    _rule(
        "request-property-removed", "warning", "request", "removed the request property {property}"
    ),
    _rule(
        "request-property-became-required",
        "breaking",
        "request",
        "the request property {property} became required",
    ),
    _rule(
        "request-property-became-optional",
        "info",
        "request",
        "the request property {property} became optional",
    ),
    # responses
    _rule(
        "response-success-status-added", "info", "response", "added the success response {status}"
    ),
    _rule(
        "response-success-status-removed",
        "breaking",
        "response",
        "removed the success response {status}",
    ),
    _rule(
        "response-non-success-status-added",
        "info",
        "response",
        "added the non-success response {status}",
    ),
    _rule(
        "response-non-success-status-removed",
        "info",
        "response",
        "removed the non-success response {status}",
    ),
    _rule(
        "response-media-type-added",
        "info",
        "response",
        "added the media type {media_type} to the response {status}",
    ),
    _rule(
        "response-media-type-removed",
        "breaking",
        "response",
        "removed the media type {media_type} from the response {status}",
    ),
    _rule(
        "response-header-added",
        "info",
        "response",
        "added the header {header} to response {status}",
    ),
    _rule(
        "required-response-header-removed",
        "breaking",
        "response",
        "removed the required header {header} from response {status}",
    ),
    _rule(
        "optional-response-header-removed",
        "warning",
        "response",
        "removed the optional header {header} from response {status}",
    ),
    _rule(
        "response-header-became-optional",
        "breaking",
        "response",
        "the header {header} of response {status} became optional",
    ),
    # response body properties
    _rule(
        "response-required-property-added",
        "info",
        "response",
        "added the required response property {property}",
    ),
    _rule(
        "response-optional-property-added",
        "info",
        "response",
        "added the optional response property {property}",
    ),
    _rule(
        "response-required-property-removed",
        "breaking",
        "response",
        "removed the required response property {property}",
    ),
    _rule(
        "response-optional-property-removed",
        "warning",
        "response",
        "removed the optional response property {property}",
    ),
    _rule(
        "response-property-became-optional",
        "breaking",
        "response",
        "the response property {property} became optional",
    ),
    _rule(
        "response-property-became-required",
        "info",
        "response",
        "the response property {property} became required",
    ),
    # alternatives (anyOf / oneOf) and conjunctions (allOf)
    _rule(
        "request-property-any-of-added",
        "info",
        "request",
        "request property {property}: {keyword} alternative {alternative} added",
    ),
    _rule(
        "request-property-any-of-removed",
        "breaking",
        "request",
        "request property {property}: {keyword} alternative {alternative} removed",
    ),
    _rule(
        "request-property-all-of-added",
        "breaking",
        "request",
        "request property {property}: allOf member {alternative} added",
    ),
    _rule(
        "request-property-all-of-removed",
        "info",
        "request",
        "request property {property}: allOf member {alternative} removed",
    ),
    _rule(
        "response-property-any-of-added",
        "breaking",
        "response",
        "response property {property}: {keyword} alternative {alternative} added",
    ),
    _rule(
        "response-property-any-of-removed",
        "info",
        "response",
        "response property {property}: {keyword} alternative {alternative} removed",
    ),
    _rule(
        "response-property-all-of-added",
        "info",
        "response",
        "response property {property}: allOf member {alternative} added",
    ),
    _rule(
        "response-property-all-of-removed",
        "breaking",
        "response",
        "response property {property}: allOf member {alternative} removed",
    ),
)

# Schema subjects: the id prefix, its direction, and how messages name the schema.
SUBJECTS: Mapping[str, tuple[Direction, str]] = {
    "request-parameter": ("request", "{in} parameter {name}"),
    "request-property": ("request", "request property {property}"),
    "response-property": ("response", "response property {property}"),
}

# Schema checks shared by subjects: (id suffix, subjects it exists for, level, template).
# `{subject}` is replaced by the subject's phrase when the table is expanded.
_REQ = ("request-parameter", "request-property")
_RESP = ("response-property",)
_SCHEMA_ROWS: tuple[tuple[str, tuple[str, ...], Level, str], ...] = (
    ("type-changed", _REQ, "breaking", "{subject}: type changed from {old} to {new}"),
    ("type-generalized", _REQ, "info", "{subject}: type widened from {old} to {new}"),
    ("type-changed", _RESP, "breaking", "{subject}: type changed from {old} to {new}"),
    ("type-specialized", _RESP, "info", "{subject}: type narrowed from {old} to {new}"),
    ("became-enum", _REQ, "breaking", "{subject}: restricted to the enum values {values}"),
    ("enum-value-removed", _REQ, "breaking", "{subject}: enum values removed: {values}"),
    ("enum-value-added", _REQ, "info", "{subject}: enum values added: {values}"),
    (
        "x-extensible-enum-value-removed",
        _REQ,
        "breaking",
        "{subject}: x-extensible-enum values removed: {values}",
    ),
    ("enum-value-removed", _RESP, "info", "{subject}: enum values removed: {values}"),
    ("enum-value-added", _RESP, "warning", "{subject}: enum values added: {values}"),
    (
        "x-extensible-enum-value-added",
        _RESP,
        "info",
        "{subject}: extensible enum values added: {values}",
    ),
    ("became-nullable", _REQ, "info", "{subject}: became nullable"),
    ("became-not-nullable", _REQ, "breaking", "{subject}: became not nullable"),
    ("became-nullable", _RESP, "breaking", "{subject}: became nullable"),
    ("became-not-nullable", _RESP, "info", "{subject}: became not nullable"),
    ("pattern-added", _REQ, "breaking", "{subject}: pattern {new} added"),
    ("pattern-changed", _REQ, "warning", "{subject}: pattern changed from {old} to {new}"),
    ("pattern-removed", _REQ, "info", "{subject}: pattern {old} removed"),
)

# Request constraints: keyword -> (id stem, True for an upper bound). Tightening an upper bound
# decreases it, tightening a lower bound increases it; setting a bound that was absent tightens.
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
}


def constraint_rule_suffix(keyword: str, *, tightened: bool) -> str:
    """The id suffix for a change of ``keyword`` (``max-length-decreased`` ...)."""
    stem, upper = CONSTRAINTS[keyword]
    return f"{stem}-{'decreased' if upper == tightened else 'increased'}"


def _schema_rules() -> Iterator[Rule]:
    for suffix, subjects, level, template in _SCHEMA_ROWS:
        for subject in subjects:
            direction, phrase = SUBJECTS[subject]
            yield _rule(
                f"{subject}-{suffix}", level, direction, template.replace("{subject}", phrase)
            )
    for keyword in CONSTRAINTS:
        for subject in _REQ:
            direction, phrase = SUBJECTS[subject]
            tight = constraint_rule_suffix(keyword, tightened=True)
            loose = constraint_rule_suffix(keyword, tightened=False)
            yield _rule(
                f"{subject}-{tight}",
                "breaking",
                direction,
                f"{phrase}: {keyword} tightened from {{old}} to {{new}}",
            )
            yield _rule(
                f"{subject}-{loose}",
                "info",
                direction,
                f"{phrase}: {keyword} relaxed from {{old}} to {{new}}",
            )


def _catalogue() -> dict[str, Rule]:
    rules: dict[str, Rule] = {}
    for rule in (*_FIXED_RULES, *_schema_rules()):
        if rule.id in rules:  # pragma: no cover - guards the tables above
            raise AssertionError(f"duplicate rule id {rule.id}")
        rules[rule.id] = rule
    return dict(sorted(rules.items()))


RULES: Mapping[str, Rule] = _catalogue()
"""Every rule, keyed by id, in id order."""


def format_rules_table() -> str:
    """The catalogue as an aligned text table (id, level, direction, message template)."""
    header = ("ID", "LEVEL", "DIRECTION", "MESSAGE")
    rows = [(r.id, r.level, r.direction, r.template) for r in RULES.values()]
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(3)]
    lines = []
    for row in (header, *rows):
        cells = [row[i].ljust(widths[i]) for i in range(3)]
        lines.append("  ".join([*cells, row[3]]).rstrip())
    return "\n".join(lines) + "\n"
