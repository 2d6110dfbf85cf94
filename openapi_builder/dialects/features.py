"""Which document features need which OpenAPI version: one table keyed by version.

``FEATURES[(3, 1)]`` lists what 3.1 added over 3.0 and ``FEATURES[(3, 2)]`` what 3.2 added
over 3.1, each row an object kind (as ``objects.iter_objects`` names them), a label and a
small predicate. The rows follow the official schemas shipped with openapi-spec-validator
(``resources/schemas/v3.{0,1,2}/schema.json``) and the OAS 3.2 schema vocabulary.

Schema keywords 3.0 lacks are not rows here: ``schema30`` converts what it can and
reports the rest, and ``check_version_features`` includes those reports for 3.0 targets.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any

from openapi_builder.dialects.common import (
    Finding,
    Version,
    join_pointer,
    parse_version,
    raise_findings,
)
from openapi_builder.dialects.objects import CHILDREN, Path, iter_objects, iter_subschemas
from openapi_builder.dialects.schema30 import schema_findings_30

__all__ = [
    "DEFAULT_DIALECT_31",
    "FEATURES",
    "Feature",
    "check_version_features",
    "feature_findings",
]

#: The schema dialect a 3.1 document has when it declares none; dropping it loses nothing.
DEFAULT_DIALECT_31 = "https://spec.openapis.org/oas/3.1/dialect/base"

#: Returns the path (relative to the object) of the feature, or None when absent.
Probe = Callable[[Mapping[str, Any]], "Path | None"]

_KINDS = frozenset({"document", "schema", "callback", *CHILDREN})
#: Reference Objects are yielded as ``<kind>-reference`` (the kind they stand for).
_REFERENCES = frozenset(f"{kind}-reference" for kind in _KINDS)


@dataclass(frozen=True, slots=True)
class Feature:
    """One row: objects of ``kinds`` for which ``probe`` finds something use ``label``."""

    kinds: frozenset[str]
    label: str
    probe: Probe


def _field(name: str) -> Probe:
    return lambda obj: (name,) if name in obj else None


def _nested(outer: str, name: str) -> Probe:
    def probe(obj: Mapping[str, Any]) -> Path | None:
        inner = obj.get(outer)
        return (outer, name) if isinstance(inner, Mapping) and name in inner else None

    return probe


def _value(name: str, value: str) -> Probe:
    return lambda obj: (name,) if obj.get(name) == value else None


def _missing(name: str) -> Probe:
    return lambda obj: () if name not in obj else None


def _custom_dialect(obj: Mapping[str, Any]) -> Path | None:
    dialect = obj.get("jsonSchemaDialect")
    return ("jsonSchemaDialect",) if dialect not in (None, DEFAULT_DIALECT_31) else None


def _row(kind: str | frozenset[str], label: str, probe: Probe) -> Feature:
    return Feature(frozenset({kind}) if isinstance(kind, str) else kind, label, probe)


#: version -> what that version added over the one before it.
FEATURES: Mapping[Version, tuple[Feature, ...]] = {
    (3, 1): (
        _row("document", "`webhooks`", _field("webhooks")),
        _row("document", "a non-default `jsonSchemaDialect`", _custom_dialect),
        _row("info", "`info.summary`", _field("summary")),
        _row("license", "`license.identifier` (SPDX)", _field("identifier")),
        _row("components", "`components.pathItems`", _field("pathItems")),
        _row("security-scheme", "the `mutualTLS` security type", _value("type", "mutualTLS")),
        _row("operation", "an operation without `responses`", _missing("responses")),
        _row(_REFERENCES, "`summary` next to `$ref`", _field("summary")),
        _row(_REFERENCES, "`description` next to `$ref`", _field("description")),
    ),
    (3, 2): (
        _row("document", "`$self`", _field("$self")),
        _row("path-item", "the `query` operation", _field("query")),
        _row("path-item", "`additionalOperations`", _field("additionalOperations")),
        _row("components", "`components.mediaTypes`", _field("mediaTypes")),
        _row("media-type-reference", "a `$ref` to a media type", lambda obj: ("$ref",)),
        _row("media-type", "media type `itemSchema`", _field("itemSchema")),
        _row("media-type", "media type `itemEncoding`", _field("itemEncoding")),
        _row("media-type", "media type `prefixEncoding`", _field("prefixEncoding")),
        _row("media-type", "media type `description`", _field("description")),
        _row("encoding", "nested `encoding` in an Encoding Object", _field("encoding")),
        _row("encoding", "encoding `itemEncoding`", _field("itemEncoding")),
        _row("encoding", "encoding `prefixEncoding`", _field("prefixEncoding")),
        _row("tag", "tag `summary`", _field("summary")),
        _row("tag", "tag `parent`", _field("parent")),
        _row("tag", "tag `kind`", _field("kind")),
        _row("parameter", "parameters `in: querystring`", _value("in", "querystring")),
        _row("parameter", "the `cookie` parameter style", _value("style", "cookie")),
        _row("security-scheme", "security scheme `oauth2MetadataUrl`", _field("oauth2MetadataUrl")),
        _row("security-scheme", "security scheme `deprecated`", _field("deprecated")),
        _row("oauth-flows", "the `deviceAuthorization` OAuth flow", _field("deviceAuthorization")),
        _row("response", "response `summary`", _field("summary")),
        _row("response", "a response without `description`", _missing("description")),
        _row("server", "server `name`", _field("name")),
        _row("example", "example `dataValue`", _field("dataValue")),
        _row("example", "example `serializedValue`", _field("serializedValue")),
        _row("schema", "`defaultMapping`", _nested("discriminator", "defaultMapping")),
        _row("schema", "xml `nodeType`", _nested("xml", "nodeType")),
    ),
}


def feature_findings(doc: Mapping[str, Any], target: Version) -> list[Finding]:
    """Every use in ``doc`` of a document feature newer than ``target`` (schemas excepted).

    Schema rows (``kinds`` containing ``"schema"``) are checked in every nested subschema.
    """
    by_kind: dict[str, list[tuple[Version, Feature]]] = {}
    for since, features in sorted(FEATURES.items()):
        if since > target:
            for feature in features:
                for kind in feature.kinds:
                    by_kind.setdefault(kind, []).append((since, feature))
    findings: list[Finding] = []
    if not by_kind:
        return findings
    for kind, path, obj in iter_objects(doc):
        rows = by_kind.get(kind)
        if not rows:
            continue
        if kind == "schema":
            for trail, node in iter_subschemas(obj, path):
                findings.extend(_probe(rows, trail.path, node, target))
        else:
            findings.extend(_probe(rows, partial(_same_path, path), obj, target))
    return findings


def _same_path(path: Path) -> Path:
    return path


def _probe(
    rows: list[tuple[Version, Feature]],
    where: Callable[[], Path],
    obj: Mapping[str, Any],
    target: Version,
) -> list[Finding]:
    found: list[Finding] = []
    for since, feature in rows:
        relative = feature.probe(obj)
        if relative is not None:
            pointer = join_pointer("", *where(), *relative)
            found.append(Finding(pointer, _message(feature.label, since, target)))
    return found


def _message(label: str, since: Version, target: Version) -> str:
    return (
        f"{label} needs openapi {since[0]}.{since[1]}.0 or later, but the document targets "
        f'{target[0]}.{target[1]}: declare the API with openapi="{since[0]}.{since[1]}.0" '
        "or remove it"
    )


def check_version_features(doc: Mapping[str, Any], version: str) -> None:
    """Raise if ``doc`` uses features that OpenAPI ``version`` does not have.

    Every problem is collected first; one ``DeclarationError`` lists them all, each with its
    JSON pointer and the version that has the feature. For a 3.0 target this includes the
    schema keywords that cannot be converted to OpenAPI 3.0 (see ``convert_schema_to_30``).

    Args:
        doc: an OpenAPI 3.1 (or 3.2) document, as the builder assembles it.
        version: the target, ``"3.0.x"``, ``"3.1.x"`` or ``"3.2.x"``.

    Raises:
        DeclarationError: ``version`` is not supported, or ``doc`` needs a newer version.
    """
    target = parse_version(version)
    findings = feature_findings(doc, target)
    if target < (3, 1):
        for kind, path, obj in iter_objects(doc):
            if kind == "schema":
                findings.extend(schema_findings_30(obj, join_pointer("", *path))[1])
    raise_findings(findings, title=f"this document cannot be written as OpenAPI {version}")
