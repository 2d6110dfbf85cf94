"""The rule catalogue: every change the diff can report, one row each.

A row is a :class:`Rule`: its id (borrowed from oasdiff where oasdiff has one), its level
(``breaking``, ``warning`` or ``info``), the direction of traffic it judges (``request``,
``response`` or ``none`` for changes to the endpoint itself), and the message template that
reports render with the change's arguments (``str.format`` fields). Check code never formats
text; it yields ids and arguments, so the catalogue is the single source of every message and
``openapi-builder rules`` (:func:`format_rules_table`) prints exactly what the diff uses.

Lifecycle rules (deprecation, sunset, stability) come from
:mod:`openapi_builder.diff.lifecycle_rules`. Schema rules exist once per *subject* (a
parameter's schema, a request body, a response body) and are generated from the tables of
:mod:`openapi_builder.diff.schema_rules`, so the wording stays uniform.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Literal, cast

from openapi_builder.diff.lifecycle_rules import LIFECYCLE_ROWS
from openapi_builder.diff.schema_rules import (
    SCHEMA_ROWS,
    SUBJECTS,
    constraint_rows,
)

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
    """One row of the catalogue: id, level, direction, message template and mitigation.

    ``mitigation`` says what keeps clients working (empty for changes that need nothing)."""

    id: str
    level: Level
    direction: Direction
    template: str
    mitigation: str = ""

    def render(self, args: Mapping[str, str]) -> str:
        """The message for a change of this rule with ``args`` filled in."""
        return self.template.format_map(args)


def _rule(
    rule_id: str, level: Level, direction: Direction, template: str, mitigation: str = ""
) -> Rule:
    return Rule(
        id=rule_id, level=level, direction=direction, template=template, mitigation=mitigation
    )


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
        "api-security-anonymous-access-added",
        "info",
        "request",
        "anonymous access now allowed (no longer needed: {requirements}); clients that still "
        "send credentials keep working",
    ),
    _rule(
        "api-security-anonymous-access-removed",
        "breaking",
        "request",
        "anonymous access no longer allowed; clients that sent no credentials are rejected",
        "keep an empty {} alternative in security, or announce the change first",
    ),
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
    # request body
    _rule("request-body-added-required", "breaking", "request", "added a required request body"),
    _rule("request-body-added-optional", "info", "request", "added an optional request body"),
    # The body is the operation's input: what clients send is no longer taken at all.
    _rule(
        "request-body-removed",
        "breaking",
        "request",
        "removed the request body",
        "keep accepting the body, or ship the operation without it as a new version",
    ),
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
    _rule(
        "request-body-media-type-schema-added",
        "breaking",
        "request",
        "the media type {media_type} of the request body now has a schema",
        "make sure every body clients sent before matches the new schema",
    ),
    _rule(
        "request-body-media-type-schema-removed",
        "info",
        "request",
        "the media type {media_type} of the request body no longer has a schema",
    ),
    _rule(
        "request-body-type-compatible",
        "info",
        "request",
        "the {media_type} request body's type changed from {old} to {new}; XML carries "
        "both as an element",
    ),
    _rule(
        "request-body-wrapped-in-one-of",
        "breaking",
        "request",
        "request property {property}: its properties moved into oneOf alternatives "
        "{alternatives}; a body that matches more than one is now rejected",
        "use anyOf, or make the alternatives exclusive (a const discriminator)",
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
    # A media type relabelled (see checks/media_types.py): the same body, named otherwise.
    _rule(
        "response-media-type-name-specialized",
        "info",
        "response",
        "the response {status} media type {old} is now the more specific {new}",
    ),
    _rule(
        "response-media-type-name-generalized",
        "breaking",
        "response",
        "the response {status} media type {old} is now the less specific {new}",
        "keep the specific media type: clients cannot tell what the body is",
    ),
    _rule(
        "response-media-type-name-changed",
        "warning",
        "response",
        "the response {status} media type {old} is now {new}",
        "check that clients matching the Content-Type also accept the new one",
    ),
    _rule(
        "response-media-type-parameter-added",
        "info",
        "response",
        "the response {status} media type {media_type} gained the parameter {parameter}={new}",
    ),
    _rule(
        "response-media-type-parameter-removed",
        "warning",
        "response",
        "the response {status} media type {media_type} lost the parameter {parameter}={old}",
        "clients that relied on the parameter must no longer assume its value",
    ),
    _rule(
        "response-media-type-parameter-changed",
        "warning",
        "response",
        "the response {status} media type {media_type} parameter {parameter} changed from "
        "{old} to {new}",
        "check that clients handle the new value",
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
    _rule(
        "response-body-type-compatible",
        "info",
        "response",
        "the {media_type} body of the response {status} changed type from {old} to {new}; "
        "XML carries both as an element",
    ),
    _rule(
        "response-body-media-type-schema-added",
        "info",
        "response",
        "the media type {media_type} of the response {status} now has a schema",
    ),
    _rule(
        "response-body-media-type-schema-removed",
        "breaking",
        "response",
        "the media type {media_type} of the response {status} no longer has a schema",
        "keep documenting what the response contains",
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
    # A parameter's own schema: named as the parameter (`query parameter limit`).
    _rule(
        "request-parameter-any-of-added",
        "info",
        "request",
        "{in} parameter {name}: {keyword} alternative {alternative} added",
    ),
    _rule(
        "request-parameter-any-of-removed",
        "breaking",
        "request",
        "{in} parameter {name}: {keyword} alternative {alternative} removed",
    ),
    _rule(
        "request-parameter-all-of-added",
        "breaking",
        "request",
        "{in} parameter {name}: allOf member {alternative} added",
    ),
    _rule(
        "request-parameter-all-of-removed",
        "info",
        "request",
        "{in} parameter {name}: allOf member {alternative} removed",
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


def _equivalent_member_rules() -> Iterator[Rule]:
    """A member added or removed while the same schema is (was) already a member: for anyOf
    and allOf the instances accepted do not change, whichever way the traffic goes; a oneOf
    alternative added beside its twin rejects what matched the twin, both ways too."""
    for subject, direction, phrase in (
        ("request-parameter", "request", "{in} parameter {name}"),
        ("request-property", "request", "request property {property}"),
        ("response-property", "response", "response property {property}"),
    ):
        for family, noun in (("any-of", "{keyword} alternative"), ("all-of", "allOf member")):
            for side in ("added", "removed"):
                yield Rule(
                    id=f"{subject}-{family}-equivalent-{side}",
                    level="info",
                    direction=cast(Direction, direction),
                    template=f"{phrase}: {noun} {{alternative}} {side}, the same schema as "
                    "{same}",
                )
        yield Rule(
            id=f"{subject}-one-of-equivalent-added",
            level="breaking",
            direction=cast(Direction, direction),
            template=f"{phrase}: oneOf alternative {{alternative}} added, the same schema as "
            "{same}: what matched it now matches two alternatives and is rejected",
            mitigation="make the alternatives exclusive, or use anyOf",
        )


def _schema_rules() -> Iterator[Rule]:
    for suffix, subjects, level, template, mitigation in (*SCHEMA_ROWS, *constraint_rows()):
        for subject in subjects:
            direction, phrase = SUBJECTS[subject]
            yield Rule(
                id=f"{subject}-{suffix}",
                level=cast(Level, level),
                direction=cast(Direction, direction),
                template=template.replace("{subject}", phrase),
                mitigation=mitigation,
            )


def _catalogue() -> dict[str, Rule]:
    rules: dict[str, Rule] = {}
    lifecycle = (
        Rule(
            id=rule_id,
            level=cast(Level, level),
            direction=cast(Direction, direction),
            template=template,
            mitigation=mitigation,
        )
        for rule_id, level, direction, template, mitigation in LIFECYCLE_ROWS
    )
    for rule in (*_FIXED_RULES, *lifecycle, *_equivalent_member_rules(), *_schema_rules()):
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


def format_rules_markdown() -> str:
    """The catalogue as a Markdown table (id, level, direction, message), as the README
    lists it; a test keeps the two identical."""
    lines = ["| Rule | Level | Direction | Message |", "| --- | --- | --- | --- |"]
    for rule in RULES.values():
        message = rule.template.replace("|", "\\|")
        lines.append(f"| `{rule.id}` | {rule.level} | {rule.direction} | {message} |")
    return "\n".join(lines) + "\n"
