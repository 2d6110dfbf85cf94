"""The rule catalogue: one row per rule, the single source for defaults, docs and the CLI.

``openapi-builder rules`` prints ``LINT_RULES``; ``validate`` runs each enabled row's check.
The ``structure`` row stands for step 1 (the schema pass) and has no check function.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from openapi_builder.validate.findings import Finding
from openapi_builder.validate.report import Severity
from openapi_builder.validate.rules import components, instances, operations, paths, refs, style
from openapi_builder.validate.rules import schemas as schema_rules
from openapi_builder.validate.rules.context import Context

__all__ = ["LINT_RULES", "RULES_BY_ID", "Check", "Rule"]

Check = Callable[[Context], Iterable[Finding]]


@dataclass(frozen=True, slots=True, kw_only=True)
class Rule:
    """One row: id, default severity, whether it runs by default, why, and its check."""

    id: str
    severity: Severity
    enabled: bool
    rationale: str
    check: Check | None


def _row(rule_id: str, severity: Severity, rationale: str, check: Check | None) -> Rule:
    return Rule(id=rule_id, severity=severity, enabled=True, rationale=rationale, check=check)


def _style(rule_id: str, rationale: str, check: Check) -> Rule:
    return Rule(id=rule_id, severity="warning", enabled=False, rationale=rationale, check=check)


LINT_RULES: tuple[Rule, ...] = (
    _row(
        "structure",
        "error",
        "the document follows the official schema for its version, Schema Objects included",
        None,
    ),
    _row(
        "unresolved-ref",
        "error",
        "every $ref resolves; remote refs are never fetched",
        refs.unresolved_ref,
    ),
    _row(
        "operation-operationId-unique",
        "error",
        "operationIds name one operation each",
        operations.operation_operation_id_unique,
    ),
    _row(
        "path-params",
        "error",
        "path templates and path parameters match both ways",
        operations.path_params,
    ),
    _row(
        "operation-parameters-unique",
        "error",
        "a parameter list has no two entries with the same name and location",
        operations.operation_parameters_unique,
    ),
    _row(
        "tags-unique",
        "error",
        "top-level tag names are unique (3.2: parents declared, no cycles)",
        operations.tags_unique,
    ),
    _row(
        "allof-required-undefined",
        "error",
        "with allOf, each required name is defined by the schema or its parts",
        schema_rules.allof_required_undefined,
    ),
    _row(
        "default-violates-schema",
        "error",
        "a default is valid against its schema",
        instances.default_violates_schema,
    ),
    _row(
        "example-violates-schema",
        "error",
        "an example is valid against its schema",
        instances.example_violates_schema,
    ),
    _row(
        "schema-pattern-regex-invalid",
        "error",
        "patterns compile as regular expressions",
        schema_rules.schema_pattern_regex_invalid,
    ),
    _row(
        "minimum-exceeds-maximum",
        "error",
        "a lower bound above its upper bound admits nothing",
        schema_rules.minimum_exceeds_maximum,
    ),
    _row(
        "no-identical-paths",
        "error",
        "two paths that differ only in parameter names are one path",
        paths.no_identical_paths,
    ),
    _row(
        "no-required-schema-properties-undefined",
        "warning",
        "an object schema defines each property it requires",
        schema_rules.no_required_schema_properties_undefined,
    ),
    _row(
        "duplicated-entry-in-enum",
        "warning",
        "enum values are listed once",
        schema_rules.duplicated_entry_in_enum,
    ),
    _row("no-$ref-siblings", "warning", "2.0/3.0 ignore keys beside $ref", refs.no_ref_siblings),
    _row(
        "no-unused-components",
        "warning",
        "every component is reachable from the API",
        components.no_unused_components,
    ),
    _row(
        "operation-tag-defined",
        "warning",
        "operation tags are declared at the top level",
        operations.operation_tag_defined,
    ),
    _row(
        "no-ambiguous-paths",
        "warning",
        "no two templated paths can match the same request",
        paths.no_ambiguous_paths,
    ),
    _row(
        "path-keys-no-trailing-slash",
        "warning",
        "path keys do not end with a slash",
        paths.path_keys_no_trailing_slash,
    ),
    _row(
        "path-not-include-query",
        "warning",
        "path keys carry no query string",
        paths.path_not_include_query,
    ),
    _row(
        "nullable-type-sibling",
        "warning",
        "3.0: nullable needs a type beside it",
        schema_rules.nullable_type_sibling,
    ),
    _row(
        "operation-success-response",
        "warning",
        "each operation documents a 2XX or 3XX response",
        operations.operation_success_response,
    ),
    _style("operation-summary", "each operation has a summary", operations.operation_summary),
    _style("operation-tags", "each operation has at least one tag", operations.operation_tags),
    _style("info-contact", "info names a contact", style.info_contact),
    _style(
        "operation-4xx-response",
        "each operation documents a 4XX response",
        operations.operation_4xx_response,
    ),
)

RULES_BY_ID: dict[str, Rule] = {rule.id: rule for rule in LINT_RULES}
