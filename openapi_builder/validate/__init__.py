"""Validation of OpenAPI documents: structure (jsonschema-rs, official schemas) + lint rules.

``validate(doc_or_path)`` returns a ``ValidationReport``; formatters render it as text, JSON,
GitHub annotations or JUnit XML; ``LINT_RULES`` is the rule catalogue. Nothing here touches
the network.
"""

from openapi_builder.errors import ConfigError
from openapi_builder.validate.catalogue import LINT_RULES, Rule
from openapi_builder.validate.core import validate
from openapi_builder.validate.formats import (
    FORMATS,
    exit_code,
    format_report,
    to_github,
    to_json,
    to_junit,
    to_text,
)
from openapi_builder.validate.report import Problem, Severity, ValidationReport

__all__ = [
    "FORMATS",
    "LINT_RULES",
    "ConfigError",
    "Problem",
    "Rule",
    "Severity",
    "ValidationReport",
    "exit_code",
    "format_report",
    "to_github",
    "to_json",
    "to_junit",
    "to_text",
    "validate",
]
