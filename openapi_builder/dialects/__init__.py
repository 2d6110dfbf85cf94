"""OpenAPI versions: 3.1 -> 3.0 schema and document conversion, and version feature checks.

The builder assembles every document as OpenAPI 3.1 with JSON Schema 2020-12 schemas;
``document_to_version`` turns it into the version the user chose. Everything here works
on plain dicts and never mutates its input:

- ``schema30``: one Schema Object, 2020-12 -> 3.0 (a keyword -> rule table);
- ``objects``: where each kind of OpenAPI object (and every Schema Object) sits in a document;
- ``features``: which fields and values need which version (one table keyed by version);
- ``document``: the whole-document conversions and the builder's entry point.
"""

from __future__ import annotations

from openapi_builder.dialects.common import parse_version
from openapi_builder.dialects.document import document_to_30, document_to_version
from openapi_builder.dialects.features import check_version_features
from openapi_builder.dialects.schema30 import convert_schema_to_30

__all__ = [
    "check_version_features",
    "convert_schema_to_30",
    "document_to_30",
    "document_to_version",
    "parse_version",
]
