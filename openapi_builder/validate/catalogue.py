"""The rule catalogue: one row per rule, the single source for defaults, docs and the CLI.

``openapi-builder rules`` prints ``LINT_RULES``; ``validate`` runs each enabled row's check.
The ``structure`` row stands for step 1 (the schema pass) and has no check function.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from openapi_builder.validate.findings import Finding
from openapi_builder.validate.report import Severity
from openapi_builder.validate.rules import (
    components,
    instances,
    kinds,
    operations,
    paths,
    refs,
    servers,
    style,
)
from openapi_builder.validate.rules import schemas as schema_rules
from openapi_builder.validate.rules.context import Context
from openapi_builder.validate.versions import VersionKey

__all__ = ["LINT_RULES", "RULES_BY_ID", "VERSIONS", "Check", "Rule", "severity_table"]

Check = Callable[[Context], Iterable[Finding]]


VERSIONS: tuple[VersionKey, ...] = ("2.0", "3.0", "3.1", "3.2")


@dataclass(frozen=True, slots=True, kw_only=True)
class Rule:
    """One row: id, default severity, whether it runs by default, why, and its check.

    ``by_version`` overrides ``severity`` for the versions whose specification words it
    differently (``None``: the rule does not apply there); ``basis`` quotes those words, or
    says the rule is an opinion - so the severity table in the README cannot drift from them.
    """

    id: str
    severity: Severity
    enabled: bool
    rationale: str
    check: Check | None
    basis: str
    by_version: Mapping[VersionKey, Severity | None] = field(default_factory=dict)

    def severity_for(self, version: VersionKey | None) -> Severity | None:
        """The default severity for documents of ``version`` (``None``: off or not applicable)."""
        if not self.enabled:
            return None
        if version is not None and version in self.by_version:
            return self.by_version[version]
        return self.severity


def _row(
    rule_id: str,
    severity: Severity,
    rationale: str,
    check: Check | None,
    basis: str,
    **by_version: Severity | None,
) -> Rule:
    versions = {_VERSION_ARGS[name]: level for name, level in by_version.items()}
    return Rule(
        id=rule_id,
        severity=severity,
        enabled=True,
        rationale=rationale,
        check=check,
        basis=basis,
        by_version=versions,
    )


_VERSION_ARGS: dict[str, VersionKey] = {"v2": "2.0", "v30": "3.0", "v31": "3.1", "v32": "3.2"}
_OPINION = "no specification sentence: a lint opinion (turn it off with rules=)"


def _style(rule_id: str, rationale: str, check: Check) -> Rule:
    return Rule(
        id=rule_id,
        severity="warning",
        enabled=False,
        rationale=rationale,
        check=check,
        basis=_OPINION + "; off by default",
    )


LINT_RULES: tuple[Rule, ...] = (
    _row(
        "structure",
        "error",
        "the document follows the official schema for its version, Schema Objects included",
        None,
        "the fixed fields and their types, which each version's text defines with REQUIRED "
        "and MUST (its official JSON Schema encodes them)",
    ),
    _row(
        "unresolved-ref",
        "error",
        "every $ref resolves; remote refs are never fetched",
        refs.unresolved_ref,
        'Reference Object: "$ref: REQUIRED. The reference identifier."; an identifier that '
        "identifies nothing leaves the object undefined",
    ),
    _row(
        "ref-target-kind",
        "error",
        "a $ref in a slot of one kind reaches an object of that kind",
        kinds.ref_target_kind,
        'Reference Object (3.x): "the referenced structure MUST be of the same type as the '
        'object that holds it"; 2.0: a Schema $ref points to a definition, a Parameter $ref '
        "to a parameter, a Response $ref to a response",
        v2="error",
    ),
    _row(
        "operation-operationId-unique",
        "error",
        "operationIds name one operation each",
        operations.operation_operation_id_unique,
        'operationId: "The id MUST be unique among all operations described in the API."',
    ),
    _row(
        "path-params",
        "error",
        "path templates and path parameters match both ways",
        operations.path_params,
        'Path Templating: "Each template expression in the path MUST correspond to a path '
        'parameter"; Parameter: "If the parameter location is "path", this property is '
        'REQUIRED and its value MUST be true."',
    ),
    _row(
        "path-template-name-repeated",
        "warning",
        "a path template uses each name once",
        operations.path_params_repeated,
        '3.2 Path Templating: "The same template expression MUST NOT appear more than once '
        'in a single path template"; earlier versions do not say it (a warning there)',
        v32="error",
    ),
    _row(
        "operation-parameters-unique",
        "error",
        "a parameter list has no two entries with the same name and location",
        operations.operation_parameters_unique,
        'parameters: "The list MUST NOT include duplicated parameters. A unique parameter is '
        'defined by a combination of a name and location."',
    ),
    _row(
        "tags-unique",
        "error",
        "top-level tag names are unique (3.2: parents declared, no cycles)",
        operations.tags_unique,
        'tags: "Each tag name in the list MUST be unique."',
    ),
    _row(
        "allof-required-undefined",
        "warning",
        "with allOf, each required name is defined by the schema or its parts",
        schema_rules.allof_required_undefined,
        "JSON Schema lets required name a property no subschema defines (such a schema only "
        "demands the key): an opinion",
    ),
    _row(
        "default-violates-schema",
        "warning",
        "a default is valid against its schema",
        instances.default_violates_schema,
        '2.0/3.0: "Unlike JSON Schema, the value MUST conform to the defined type for the '
        'Schema Object defined at the same level"; 3.1/3.2 defer to JSON Schema: "It is '
        'RECOMMENDED that a default value be valid against the associated schema"',
        v2="error",
        v30="error",
    ),
    _row(
        "example-violates-schema",
        "warning",
        "an example is valid against its schema",
        instances.example_violates_schema,
        'Parameter and Media Type Objects: "The example SHOULD match the specified schema '
        'and encoding properties if present"; Schema Object (3.0) example: a free-form '
        "illustration",
    ),
    _row(
        "schema-pattern-regex-invalid",
        "warning",
        "patterns compile as regular expressions",
        schema_rules.schema_pattern_regex_invalid,
        'JSON Schema Validation, pattern: "This string SHOULD be a valid regular expression, '
        'according to the ECMA-262 regular expression dialect."',
    ),
    _row(
        "minimum-exceeds-maximum",
        "warning",
        "a lower bound above its upper bound admits nothing",
        schema_rules.minimum_exceeds_maximum,
        "JSON Schema allows an unsatisfiable schema: an opinion (it is almost always a typo)",
    ),
    _row(
        "no-identical-paths",
        "error",
        "two paths that differ only in parameter names are one path",
        paths.no_identical_paths,
        'Paths Object (3.x): "Templated paths with the same hierarchy but different templated '
        'names MUST NOT exist as they are identical."; 2.0 does not say it',
        v2="warning",
    ),
    _row(
        "no-required-schema-properties-undefined",
        "warning",
        "an object schema defines each property it requires",
        schema_rules.no_required_schema_properties_undefined,
        _OPINION,
    ),
    _row(
        "duplicated-entry-in-enum",
        "warning",
        "enum values are listed once",
        schema_rules.duplicated_entry_in_enum,
        'JSON Schema Validation, enum: "Elements in the array SHOULD be unique."',
    ),
    _row(
        "no-$ref-siblings",
        "warning",
        "2.0/3.0 ignore keys beside $ref",
        refs.no_ref_siblings,
        '3.0 Reference Object: "This object cannot be extended with additional properties '
        'and any properties added SHALL be ignored."',
        v31=None,
        v32=None,
    ),
    _row(
        "no-unused-components",
        "warning",
        "every component (security schemes included) is used by the API",
        components.no_unused_components,
        _OPINION,
    ),
    _row(
        "operation-tag-defined",
        "warning",
        "operation tags are declared at the top level",
        operations.operation_tag_defined,
        _OPINION + ' (tags: "Not all tags that are used by the Operation Object must be declared")',
    ),
    _row(
        "no-ambiguous-paths",
        "warning",
        "no two templated paths can match the same request",
        paths.no_ambiguous_paths,
        "Path Templating Matching: \"ambiguous matching ... it's up to the tooling to decide "
        'which one to use": an opinion',
    ),
    _row(
        "path-keys-no-trailing-slash",
        "warning",
        "path keys do not end with a slash",
        paths.path_keys_no_trailing_slash,
        _OPINION,
    ),
    _row(
        "path-not-include-query",
        "warning",
        "path keys carry no query string",
        paths.path_not_include_query,
        'Paths Object: "Path templating is allowed" on the path only; query strings in '
        "path keys are not matched by any tool: an opinion",
    ),
    _row(
        "server-url-trailing-slash",
        "warning",
        "a server URL does not end with a slash (paths begin with one)",
        servers.server_url_trailing_slash,
        'Paths Object: the path "MUST begin with a forward slash" and is appended to the '
        "server URL, so a trailing slash there makes //: an opinion",
        v2=None,
    ),
    _row(
        "nullable-type-sibling",
        "warning",
        "3.0: nullable needs a type beside it",
        schema_rules.nullable_type_sibling,
        '3.0.3 nullable: "A true value adds "null" to the allowed types specified by the '
        'type keyword, only if type is explicitly defined within the same Schema Object."',
        v2=None,
        v31=None,
        v32=None,
    ),
    _row(
        "operation-success-response",
        "warning",
        "each operation documents a 2XX or 3XX response",
        operations.operation_success_response,
        'Responses Object: "it SHOULD be the response for a successful operation call"',
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


def severity_table() -> str:
    """The catalogue as a Markdown table: default severity per version, and its basis.

    The README holds this table verbatim (a test keeps it so); ``off`` means the rule is off
    by default, ``-`` that it does not apply to that version.
    """
    lines = [
        "| rule | 2.0 | 3.0 | 3.1 | 3.2 | why (the specification's words, or an opinion) |",
        "|---|---|---|---|---|---|",
    ]
    for rule in LINT_RULES:
        cells = []
        for version in VERSIONS:
            if not rule.enabled:
                cells.append("off")
            else:
                severity = rule.severity_for(version)
                cells.append(severity if severity is not None else "-")
        basis = rule.basis.replace("|", "\\|")
        lines.append(f"| `{rule.id}` | {' | '.join(cells)} | {basis} |")
    return "\n".join(lines) + "\n"
