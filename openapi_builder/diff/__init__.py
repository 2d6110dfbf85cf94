"""Breaking-change detection between two OpenAPI documents.

``diff(base, revision)`` works on plain dicts or files (any OpenAPI 3.x document, not only
ours) and returns a :class:`DiffReport`. The rule catalogue is :data:`RULES`; the CLI prints it
with :func:`format_rules_table`.
"""

from openapi_builder.diff.change import Change
from openapi_builder.diff.formats import JSON_SCHEMA
from openapi_builder.diff.ignore import IgnoreEntry, parse_ignore_file, parse_ignore_text
from openapi_builder.diff.options import parse_severity_overrides
from openapi_builder.diff.report import DiffReport, ReportedChange
from openapi_builder.diff.rules import (
    FAIL_ON_VALUES,
    RULES,
    FailOn,
    Level,
    Rule,
    format_rules_table,
)
from openapi_builder.diff.run import diff
from openapi_builder.diff.sources import read_spec_source
from openapi_builder.errors import DiffOptionError

__all__ = [
    "FAIL_ON_VALUES",
    "JSON_SCHEMA",
    "RULES",
    "Change",
    "DiffOptionError",
    "DiffReport",
    "FailOn",
    "IgnoreEntry",
    "Level",
    "ReportedChange",
    "Rule",
    "diff",
    "format_rules_table",
    "parse_ignore_file",
    "parse_ignore_text",
    "parse_severity_overrides",
    "read_spec_source",
]
