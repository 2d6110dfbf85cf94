"""openapi_builder: generate, validate and diff OpenAPI documents from plain declarations.

This module is the one public door: everything a user needs is re-exported here, and
nothing else in the package is public API.
"""

from contextlib import suppress as _suppress

from openapi_builder.api import API, ExampleWarning
from openapi_builder.body_fields import Body, File, Form, password_form
from openapi_builder.declare import (
    Header,
    MediaType,
    Operation,
    Parameter,
    RequestBody,
    Response,
    SecurityScheme,
    Server,
    Tag,
)
from openapi_builder.diff import DiffReport, ReportedChange, diff
from openapi_builder.docs import docs_html
from openapi_builder.docset import bundle
from openapi_builder.errors import (
    ConfigError,
    DeclarationError,
    DiffOptionError,
    LoadError,
    OpenAPIBuilderError,
    RefResolutionError,
    RenderError,
    SpecValidationError,
)
from openapi_builder.load import LoadedDocument, load, load_document, loads
from openapi_builder.render import to_json, to_yaml, write
from openapi_builder.validate import Problem, ValidationReport, validate

__version__ = "0.1.0"

__all__ = [
    "API",
    "Body",
    "ConfigError",
    "DeclarationError",
    "DiffOptionError",
    "DiffReport",
    "ExampleWarning",
    "File",
    "Form",
    "Header",
    "LoadError",
    "LoadedDocument",
    "MediaType",
    "OpenAPIBuilderError",
    "Operation",
    "Parameter",
    "Problem",
    "RefResolutionError",
    "RenderError",
    "ReportedChange",
    "RequestBody",
    "Response",
    "SecurityScheme",
    "Server",
    "SpecValidationError",
    "Tag",
    "ValidationReport",
    "bundle",
    "diff",
    "docs_html",
    "load",
    "load_document",
    "loads",
    "password_form",
    "to_json",
    "to_yaml",
    "validate",
    "write",
]

# Public names read as openapi_builder.X in reprs and tracebacks, not their home module.
for _name in __all__:
    _value = globals()[_name]
    with _suppress(AttributeError, TypeError):  # some objects refuse a new __module__
        _value.__module__ = __name__
del _name, _value
