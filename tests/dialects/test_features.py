"""check_version_features: one case per row of the version table, checked against the oracle.

Each case adds one feature to a minimal valid 3.1 document. The document with the
feature must pass openapi-spec-validator as the version that introduced it (so the row is
a real feature of that version), and check_version_features must refuse it, naming the
JSON pointer and the version needed, for every older target.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
from openapi_spec_validator import validate

from openapi_builder.dialects import check_version_features
from openapi_builder.dialects.features import FEATURES
from openapi_builder.errors import DeclarationError

OK = {"200": {"description": "OK"}}
BASE: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Features", "version": "1.0.0"},
    "paths": {"/a": {"get": {"responses": copy.deepcopy(OK)}}},
}
GET = ("paths", "/a", "get")
CONTENT = (*GET, "responses", "200", "content")
OBJ = {"type": "object"}


def _case(
    label: str, since: str, pointer: str, *edits: tuple[tuple[str, ...], Any]
) -> tuple[str, str, str, tuple[tuple[tuple[str, ...], Any], ...]]:
    return (label, since, pointer, edits)


# (label of the FEATURES row, version that has it, pointer reported, edits to BASE)
CASES = [
    _case(
        "`webhooks`", "3.1.0", "/webhooks", (("webhooks",), {"hook": {"post": {"responses": OK}}})
    ),
    _case(
        "a non-default `jsonSchemaDialect`",
        "3.1.0",
        "/jsonSchemaDialect",
        (("jsonSchemaDialect",), "https://json-schema.org/draft/2020-12/schema"),
    ),
    _case("`info.summary`", "3.1.0", "/info/summary", (("info", "summary"), "Short")),
    _case(
        "`license.identifier` (SPDX)",
        "3.1.0",
        "/info/license/identifier",
        (("info", "license"), {"name": "MIT", "identifier": "MIT"}),
    ),
    _case(
        "`components.pathItems`",
        "3.1.0",
        "/components/pathItems",
        (("components", "pathItems"), {"P": {"get": {"responses": OK}}}),
    ),
    _case(
        "the `mutualTLS` security type",
        "3.1.0",
        "/components/securitySchemes/mtls/type",
        (("components", "securitySchemes"), {"mtls": {"type": "mutualTLS"}}),
    ),
    _case(
        "an operation without `responses`",
        "3.1.0",
        "/paths/~1b/post",
        (("paths", "/b"), {"post": {"summary": "no responses"}}),
    ),
    _case(
        "`summary` next to `$ref`",
        "3.1.0",
        "/paths/~1a/get/parameters/0/summary",
        ((*GET, "parameters"), [{"$ref": "#/components/parameters/p", "summary": "S"}]),
        (("components", "parameters"), {"p": {"name": "p", "in": "query", "schema": OBJ}}),
    ),
    _case(
        "`description` next to `$ref`",
        "3.1.0",
        "/paths/~1a/get/responses/404/description",
        ((*GET, "responses", "404"), {"$ref": "#/components/responses/NF", "description": "x"}),
        (("components", "responses"), {"NF": {"description": "Not Found"}}),
    ),
    _case("`$self`", "3.2.0", "/$self", (("$self",), "https://example.com/openapi.json")),
    _case(
        "the `query` operation",
        "3.2.0",
        "/paths/~1a/query",
        (("paths", "/a", "query"), {"responses": OK}),
    ),
    _case(
        "`additionalOperations`",
        "3.2.0",
        "/paths/~1a/additionalOperations",
        (("paths", "/a", "additionalOperations"), {"LINK": {"responses": OK}}),
    ),
    _case(
        "`components.mediaTypes`",
        "3.2.0",
        "/components/mediaTypes",
        (("components", "mediaTypes"), {"Json": {"schema": OBJ}}),
    ),
    _case(
        "a `$ref` to a media type",
        "3.2.0",
        "/paths/~1a/get/responses/200/content/application~1json/$ref",
        (CONTENT, {"application/json": {"$ref": "#/components/mediaTypes/Json"}}),
        (("components", "mediaTypes"), {"Json": {"schema": OBJ}}),
    ),
    _case(
        "media type `itemSchema`",
        "3.2.0",
        "/paths/~1a/get/responses/200/content/application~1jsonl/itemSchema",
        (CONTENT, {"application/jsonl": {"itemSchema": OBJ}}),
    ),
    _case(
        "media type `itemEncoding`",
        "3.2.0",
        "/paths/~1a/get/responses/200/content/multipart~1mixed/itemEncoding",
        (CONTENT, {"multipart/mixed": {"itemEncoding": {"contentType": "text/plain"}}}),
    ),
    _case(
        "media type `prefixEncoding`",
        "3.2.0",
        "/paths/~1a/get/responses/200/content/multipart~1mixed/prefixEncoding",
        (CONTENT, {"multipart/mixed": {"prefixEncoding": [{"contentType": "text/plain"}]}}),
    ),
    _case(
        "media type `description`",
        "3.2.0",
        "/paths/~1a/get/responses/200/content/text~1plain/description",
        (CONTENT, {"text/plain": {"description": "Plain text"}}),
    ),
    _case(
        "nested `encoding` in an Encoding Object",
        "3.2.0",
        "/paths/~1a/get/responses/200/content/multipart~1form-data/encoding/a/encoding",
        (
            CONTENT,
            {
                "multipart/form-data": {
                    "encoding": {"a": {"encoding": {"b": {"contentType": "text/plain"}}}}
                }
            },
        ),
    ),
    _case(
        "encoding `itemEncoding`",
        "3.2.0",
        "/paths/~1a/get/responses/200/content/multipart~1form-data/encoding/a/itemEncoding",
        (
            CONTENT,
            {
                "multipart/form-data": {
                    "encoding": {"a": {"itemEncoding": {"contentType": "text/plain"}}}
                }
            },
        ),
    ),
    _case(
        "encoding `prefixEncoding`",
        "3.2.0",
        "/paths/~1a/get/responses/200/content/multipart~1form-data/encoding/a/prefixEncoding",
        (
            CONTENT,
            {
                "multipart/form-data": {
                    "encoding": {"a": {"prefixEncoding": [{"contentType": "text/plain"}]}}
                }
            },
        ),
    ),
    _case(
        "tag `summary`", "3.2.0", "/tags/0/summary", (("tags",), [{"name": "a", "summary": "A"}])
    ),
    _case(
        "tag `parent`",
        "3.2.0",
        "/tags/1/parent",
        (("tags",), [{"name": "a"}, {"name": "b", "parent": "a"}]),
    ),
    _case("tag `kind`", "3.2.0", "/tags/0/kind", (("tags",), [{"name": "a", "kind": "nav"}])),
    _case(
        "parameters `in: querystring`",
        "3.2.0",
        "/paths/~1a/get/parameters/0/in",
        (
            (*GET, "parameters"),
            [
                {
                    "name": "q",
                    "in": "querystring",
                    "content": {"application/x-www-form-urlencoded": {"schema": OBJ}},
                }
            ],
        ),
    ),
    _case(
        "the `cookie` parameter style",
        "3.2.0",
        "/components/parameters/c/style",
        (
            ("components", "parameters"),
            {"c": {"name": "c", "in": "cookie", "style": "cookie", "schema": OBJ}},
        ),
    ),
    _case(
        "security scheme `oauth2MetadataUrl`",
        "3.2.0",
        "/components/securitySchemes/o/oauth2MetadataUrl",
        (
            ("components", "securitySchemes"),
            {
                "o": {
                    "type": "oauth2",
                    "flows": {"clientCredentials": {"tokenUrl": "https://x.test/t", "scopes": {}}},
                    "oauth2MetadataUrl": "https://x.test/.well-known/oauth-authorization-server",
                }
            },
        ),
    ),
    _case(
        "security scheme `deprecated`",
        "3.2.0",
        "/components/securitySchemes/basic/deprecated",
        (
            ("components", "securitySchemes"),
            {"basic": {"type": "http", "scheme": "basic", "deprecated": True}},
        ),
    ),
    _case(
        "the `deviceAuthorization` OAuth flow",
        "3.2.0",
        "/components/securitySchemes/o/flows/deviceAuthorization",
        (
            ("components", "securitySchemes"),
            {
                "o": {
                    "type": "oauth2",
                    "flows": {
                        "deviceAuthorization": {
                            "deviceAuthorizationUrl": "https://x.test/device",
                            "tokenUrl": "https://x.test/t",
                            "scopes": {},
                        }
                    },
                }
            },
        ),
    ),
    _case(
        "response `summary`",
        "3.2.0",
        "/paths/~1a/get/responses/200/summary",
        ((*GET, "responses", "200"), {"description": "OK", "summary": "Fine"}),
    ),
    _case(
        "a response without `description`",
        "3.2.0",
        "/paths/~1a/get/responses/201",
        ((*GET, "responses", "201"), {"summary": "Created"}),
    ),
    _case(
        "server `name`",
        "3.2.0",
        "/servers/0/name",
        (("servers",), [{"url": "https://x.test", "name": "prod"}]),
    ),
    _case(
        "example `dataValue`",
        "3.2.0",
        "/components/examples/E/dataValue",
        (("components", "examples"), {"E": {"dataValue": {"a": 1}}}),
    ),
    _case(
        "example `serializedValue`",
        "3.2.0",
        "/components/examples/E/serializedValue",
        (("components", "examples"), {"E": {"serializedValue": "a=1"}}),
    ),
    _case(
        "`defaultMapping`",
        "3.2.0",
        "/components/schemas/S/properties/pet/discriminator/defaultMapping",
        (
            ("components", "schemas"),
            {
                "A": OBJ,
                "S": {
                    "type": "object",
                    "properties": {
                        "pet": {
                            "oneOf": [{"$ref": "#/components/schemas/A"}],
                            "discriminator": {
                                "propertyName": "k",
                                "defaultMapping": "#/components/schemas/A",
                            },
                        }
                    },
                },
            },
        ),
    ),
    _case(
        "xml `nodeType`",
        "3.2.0",
        "/components/schemas/X/items/xml/nodeType",
        (
            ("components", "schemas"),
            {"X": {"type": "array", "items": {"type": "string", "xml": {"nodeType": "text"}}}},
        ),
    ),
]

TARGETS = ("3.0.3", "3.1.0", "3.2.0")


def _build(
    edits: tuple[tuple[tuple[str, ...], Any], ...], openapi: str = "3.1.0"
) -> dict[str, Any]:
    doc = copy.deepcopy(BASE)
    doc["openapi"] = openapi
    for path, value in edits:
        target = doc
        for token in path[:-1]:
            target = target.setdefault(token, {})
        target[path[-1]] = copy.deepcopy(value)
    return doc


def test_every_feature_row_has_a_case() -> None:
    rows = {feature.label for features in FEATURES.values() for feature in features}
    assert rows == {case[0] for case in CASES}


def test_the_base_document_has_no_feature_problem() -> None:
    validate(copy.deepcopy(BASE))
    for target in TARGETS:
        check_version_features(BASE, target)


@pytest.mark.parametrize(("label", "since", "pointer", "edits"), CASES, ids=[c[0] for c in CASES])
def test_feature_is_real_in_its_version(
    label: str, since: str, pointer: str, edits: tuple[tuple[tuple[str, ...], Any], ...]
) -> None:
    validate(_build(edits, openapi=since))  # the oracle agrees the feature exists there


@pytest.mark.parametrize(("label", "since", "pointer", "edits"), CASES, ids=[c[0] for c in CASES])
def test_feature_needs_its_version(
    label: str, since: str, pointer: str, edits: tuple[tuple[tuple[str, ...], Any], ...]
) -> None:
    doc = _build(edits)
    before = copy.deepcopy(doc)
    for target in TARGETS:
        if target >= since:
            check_version_features(doc, target)
            continue
        with pytest.raises(DeclarationError) as caught:
            check_version_features(doc, target)
        message = str(caught.value)
        assert f"{pointer}" in message
        assert f"{label} needs openapi {since} or later" in message
        assert f'openapi="{since}"' in message
    assert doc == before


def test_all_problems_in_one_error_sorted_by_pointer() -> None:
    doc = _build(
        (
            (("webhooks",), {"hook": {"post": {"responses": OK}}}),
            (("info", "summary"), "Short"),
            (("tags",), [{"name": "a", "summary": "A"}]),
        )
    )
    with pytest.raises(DeclarationError) as caught:
        check_version_features(doc, "3.0.3")
    assert caught.value.where is None
    lines = str(caught.value).splitlines()
    assert lines[0] == "this document cannot be written as OpenAPI 3.0.3: 3 problems"
    assert [line.rsplit(" - at ", 1)[1] for line in lines[1:]] == [
        "/info/summary",
        "/tags/0/summary",
        "/webhooks",
    ]
    with pytest.raises(DeclarationError) as only_one:
        check_version_features(doc, "3.1.0")
    assert only_one.value.where == "/tags/0/summary"


def test_30_target_includes_schema_keywords() -> None:
    doc = _build(
        (
            (
                ("components", "schemas"),
                {"T": {"prefixItems": [{"type": "integer"}, {"type": "string"}]}},
            ),
            (("info", "summary"), "Short"),
        )
    )
    with pytest.raises(DeclarationError) as caught:
        check_version_features(doc, "3.0.3")
    message = str(caught.value)
    assert "/components/schemas/T/prefixItems" in message
    assert "/info/summary" in message
    check_version_features(doc, "3.1.0")


def test_extension_keys_are_not_paths_or_responses() -> None:
    doc = _build(
        (
            (("paths", "x-internal"), {"owner": "team"}),
            ((*GET, "responses", "x-note"), {"text": "no description needed"}),
        )
    )
    validate(copy.deepcopy(doc))
    check_version_features(doc, "3.0.3")


def test_callbacks_are_walked() -> None:
    callback = {"{$request.body#/url}": {"post": {"summary": "no responses"}}}
    doc = _build((((*GET, "callbacks"), {"done": callback}),))
    with pytest.raises(DeclarationError) as caught:
        check_version_features(doc, "3.0.3")
    assert caught.value.where == "/paths/~1a/get/callbacks/done/{$request.body#~1url}/post"


@pytest.mark.parametrize("version", ["3.3.0", "2.0", "3.1", "3.0.10", "v3.1.0", "3.1.0-rc1", ""])
def test_unsupported_version_is_refused(version: str) -> None:
    with pytest.raises(DeclarationError) as caught:
        check_version_features(BASE, version)
    assert "3.0.x, 3.1.x, 3.2.x" in str(caught.value)
    assert repr(version) in str(caught.value)
