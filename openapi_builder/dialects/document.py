"""Whole documents: 3.1 -> 3.0.3, and ``document_to_version``, the builder's entry point."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from openapi_builder.dialects.common import (
    Finding,
    copy_json,
    join_pointer,
    parse_version,
    raise_findings,
)
from openapi_builder.dialects.features import (
    DEFAULT_DIALECT_31,
    check_version_features,
    feature_findings,
)
from openapi_builder.dialects.objects import Path, iter_objects
from openapi_builder.dialects.schema30 import schema_findings_30
from openapi_builder.errors import DeclarationError

__all__ = ["document_to_30", "document_to_version"]

OPENAPI_30 = "3.0.3"


def document_to_30(doc: Mapping[str, Any]) -> dict[str, Any]:
    """Convert an OpenAPI 3.1 document into an OpenAPI 3.0.3 document.

    Every Schema Object (components, parameters and headers, media types of request
    bodies, responses and encodings, callbacks) is converted with ``convert_schema_to_30``;
    ``openapi`` becomes ``"3.0.3"``; the default ``jsonSchemaDialect`` is dropped; a missing
    ``paths`` (optional in 3.1, required in 3.0) becomes ``{}``, the empty Paths Object 3.0
    allows. ``doc`` is not mutated and the result shares nothing with it.

    Raises:
        DeclarationError: the document uses 3.1-only features (``webhooks``,
            ``components.pathItems``, ``info.summary``, ``license.identifier``, ``mutualTLS``,
            ``summary``/``description`` next to a ``$ref``, operations without responses,
            a custom ``jsonSchemaDialect``) or schema keywords 3.0 cannot express. One
            error lists every problem with its JSON pointer; each says it "needs openapi
            3.1.0 or later".
    """
    findings: list[Finding] = list(feature_findings(doc, (3, 0)))
    by_path: list[tuple[Path, Any]] = []
    converted: dict[int, Any] = {}  # id of each input schema -> its 3.0 form
    for kind, path, obj in iter_objects(doc):
        if kind == "schema":
            schema, problems = schema_findings_30(obj, join_pointer("", *path))
            findings.extend(problems)
            if isinstance(obj, bool) or id(obj) in converted:
                # Booleans are singletons and a dict may stand in two places: by path, so
                # the output never holds one container twice.
                by_path.append((path, schema))
            else:
                converted[id(obj)] = schema
    raise_findings(findings, title=f"this document cannot be written as OpenAPI {OPENAPI_30}")

    out: dict[str, Any] = copy_json(doc, replace=converted)
    for path, schema in by_path:
        _put(out, path, schema)
    out["openapi"] = OPENAPI_30
    if out.get("jsonSchemaDialect") == DEFAULT_DIALECT_31:
        del out["jsonSchemaDialect"]
    if "paths" not in out:
        out = _with_paths(out)
    return out


def _put(doc: dict[str, Any], path: Path, value: Any) -> None:
    """Replace the value at ``path`` (which exists: it came from walking the same shape)."""
    container: Any = doc
    for token in path[:-1]:
        container = container[token]
    container[path[-1]] = value


def _with_paths(doc: dict[str, Any]) -> dict[str, Any]:
    # Keep the customary order: paths right after info/servers, before components.
    out: dict[str, Any] = {}
    placed = False
    for key, value in doc.items():
        if not placed and key not in ("openapi", "info", "jsonSchemaDialect", "servers"):
            out["paths"] = {}
            placed = True
        out[key] = value
    if not placed:
        out["paths"] = {}
    return out


def document_to_version(
    doc: Mapping[str, Any], version: str, *, owned: bool = False
) -> dict[str, Any]:
    """Turn the builder's OpenAPI 3.1 document into the version the user chose.

    Validates ``version`` (``"3.0.x"``, ``"3.1.x"`` or ``"3.2.x"``), checks that the
    document uses no feature the target lacks, converts schemas for 3.0, and sets the
    ``openapi`` field. ``doc`` is not mutated and the result is a new dict, unless
    ``owned=True``: then the caller hands ``doc`` over (the builder does, for the document it
    has just assembled) and a 3.1/3.2 result may be ``doc`` itself, saving a full copy.

    Raises:
        DeclarationError: an unsupported version (the message lists the supported ones),
            features the target lacks (one error listing every JSON pointer), or a 3.0
            input asked to become 3.1 or later (not supported: the builder assembles 3.1).
    """
    target = parse_version(version)
    source = doc.get("openapi")
    if isinstance(source, str) and source.startswith("3.0."):
        if target != (3, 0):
            raise DeclarationError(
                f"cannot convert an OpenAPI {source} document to {version}: only 3.1/3.2 "
                "documents (JSON Schema 2020-12 schemas) are converted",
                where="/openapi",
            )
        out: dict[str, Any] = copy_json(doc)
    elif target == (3, 0):
        out = document_to_30(doc)
    else:
        check_version_features(doc, version)
        out = doc if owned and isinstance(doc, dict) else copy_json(doc)
    out["openapi"] = version
    return out
