"""Semantics of the comparison: harmless refactors, shared schemas, cycles, depth, direction."""

from __future__ import annotations

import copy
import sys
from datetime import date
from typing import Any

import pytest

from openapi_builder.diff import diff

Doc = dict[str, Any]
PET = {
    "type": "object",
    "description": "A pet.",
    "required": ["name"],
    "properties": {
        "name": {"type": "string", "example": "Rex"},
        "kind": {"type": "string", "enum": ["cat", "dog"]},
    },
}


def pet_api(pet_ref: str = "#/components/schemas/Pet", *, name: str = "Pet") -> Doc:
    """Three operations sharing one component, in request and response bodies."""

    def json_body() -> Doc:  # a fresh dict per use: tests edit one place at a time
        return {"content": {"application/json": {"schema": {"$ref": pet_ref}}}}

    return {
        "openapi": "3.1.0",
        "info": {"title": "Pets", "version": "1"},
        "paths": {
            "/pets": {
                "get": {
                    "summary": "List pets",
                    "responses": {"200": {"description": "OK", **_array_of({"$ref": pet_ref})}},
                },
                "post": {
                    "requestBody": json_body(),
                    "responses": {"201": {"description": "Made", **json_body()}},
                },
            },
            "/pets/{petId}": {
                "parameters": [
                    {"name": "petId", "in": "path", "required": True, "schema": {"type": "integer"}}
                ],
                "get": {"responses": {"200": {"description": "OK", **json_body()}}},
            },
        },
        "components": {"schemas": {name: copy.deepcopy(PET)}},
    }


def _array_of(schema: Doc) -> Doc:
    return {"content": {"application/json": {"schema": {"type": "array", "items": schema}}}}


def _rename_component(doc: Doc) -> Doc:
    renamed = pet_api("#/components/schemas/Animal", name="Animal")
    return renamed


def _inline_everything(doc: Doc) -> Doc:
    inlined = copy.deepcopy(doc)
    for item in inlined["paths"].values():
        for operation in item.values():
            if not isinstance(operation, dict):
                continue
            for holder in [operation.get("requestBody", {}), *operation["responses"].values()]:
                for media in holder.get("content", {}).values():
                    schema = media["schema"]
                    target = schema.get("items", schema)
                    if "$ref" in target:
                        target.clear()
                        target.update(copy.deepcopy(PET))
    del inlined["components"]
    return inlined


def _edit_words(doc: Doc) -> Doc:
    edited = copy.deepcopy(doc)
    pet = edited["components"]["schemas"]["Pet"]
    pet["description"] = "Something else entirely."
    pet["properties"]["name"]["example"] = "Fido"
    pet["properties"]["name"]["examples"] = ["Fido", "Rex"]
    pet["title"] = "Pet!"
    edited["paths"]["/pets"]["get"]["summary"] = "All the pets"
    edited["paths"]["/pets"]["get"]["description"] = "Lists them."
    edited["paths"]["/pets"]["get"]["responses"]["200"]["description"] = "Here they are"
    return edited


def _ref_to_equal_schema(doc: Doc) -> Doc:
    # The list's items point at a second, equal component instead of Pet.
    other = copy.deepcopy(doc)
    other["components"]["schemas"]["PetCopy"] = copy.deepcopy(PET)
    other["paths"]["/pets"]["get"]["responses"]["200"]["content"]["application/json"]["schema"][
        "items"
    ] = {"$ref": "#/components/schemas/PetCopy"}
    return other


def _rename_path_parameter(doc: Doc) -> Doc:
    renamed = copy.deepcopy(doc)
    item = renamed["paths"].pop("/pets/{petId}")
    item["parameters"][0]["name"] = "id"
    renamed["paths"]["/pets/{id}"] = item
    return renamed


@pytest.mark.parametrize(
    "refactor",
    [_rename_component, _inline_everything, _edit_words, _ref_to_equal_schema],
    ids=lambda f: f.__name__.strip("_"),
)
def test_harmless_refactors_report_nothing(refactor: Any) -> None:
    base = pet_api()
    for old, new in ((base, refactor(base)), (refactor(base), base)):
        report = diff(old, new)
        assert report.changes == ()
        assert report.exit_code == 0


def test_path_parameter_rename_is_only_info() -> None:
    report = diff(pet_api(), _rename_path_parameter(pet_api()))
    assert [(c.rule_id, c.level, c.operations, c.args) for c in report.changes] == [
        (
            "request-path-parameter-renamed",
            "info",
            ("GET /pets/{petId}",),
            {"new": "id", "old": "petId"},
        )
    ]


def test_a_shared_schema_change_is_reported_once_with_every_operation() -> None:
    base = pet_api()
    revision = copy.deepcopy(base)
    revision["components"]["schemas"]["Pet"]["properties"]["kind"]["enum"].append("bird")
    report = diff(base, revision)
    pointer = "/components/schemas/Pet/properties/kind"
    assert [
        (c.rule_id, c.level, c.base_pointer, c.revision_pointer, c.operations)
        for c in report.changes
    ] == [
        # Widening a response enum warns; the same widening is fine in the request.
        (
            "response-property-enum-value-added",
            "warning",
            pointer,
            pointer,
            ("GET /pets", "GET /pets/{petId}", "POST /pets"),
        ),
        ("request-property-enum-value-added", "info", pointer, pointer, ("POST /pets",)),
    ]
    assert report.changes[0].message == 'response property Pet.kind: enum values added: "bird"'


def test_requests_and_responses_are_judged_oppositely() -> None:
    base = pet_api()
    revision = copy.deepcopy(base)
    revision["components"]["schemas"]["Pet"]["required"] = []
    report = diff(base, revision)
    by_rule = {c.rule_id: c for c in report.changes}
    assert by_rule["response-property-became-optional"].level == "breaking"
    assert by_rule["request-property-became-optional"].level == "info"
    assert set(by_rule) == {"response-property-became-optional", "request-property-became-optional"}


def _cycle_api(length: int, *, changed: bool) -> Doc:
    """Components N0 -> N1 -> ... -> N{length-1} -> N0 via `next`; the last one loses
    its required `label` in the revision."""
    schemas = {}
    for i in range(length):
        schemas[f"N{i}"] = {
            "type": "object",
            "required": ["label"] if not (changed and i == length - 1) else [],
            "properties": {
                "label": {"type": "string"},
                "next": {"$ref": f"#/components/schemas/N{(i + 1) % length}"},
            },
        }
    ref = {"$ref": "#/components/schemas/N0"}
    return {
        "openapi": "3.1.0",
        "info": {"title": "Cycle", "version": "1"},
        "paths": {
            "/nodes": {
                "get": {
                    "responses": {
                        "200": {
                            "description": "OK",
                            "content": {"application/json": {"schema": ref}},
                        }
                    }
                }
            }
        },
        "components": {"schemas": schemas},
    }


@pytest.mark.parametrize("length", [1, 2, 50])
def test_circular_references_finish_and_report_the_real_change(length: int) -> None:
    base, revision = _cycle_api(length, changed=False), _cycle_api(length, changed=True)
    assert diff(base, copy.deepcopy(base)).changes == ()
    report = diff(base, revision)
    pointer = f"/components/schemas/N{length - 1}/properties/label"
    assert [(c.rule_id, c.base_pointer, c.operations) for c in report.changes] == [
        ("response-property-became-optional", pointer, ("GET /nodes",))
    ]


DEPTH = 10_000


def _deep_schema(leaf_type: str) -> Doc:
    schema: Doc = {"type": leaf_type}
    for _ in range(DEPTH):  # built bottom-up in a loop: no recursion here either
        schema = {"type": "object", "properties": {"c": schema}}
    return schema


def _deep_api(leaf_type: str) -> Doc:
    schema = _deep_schema(leaf_type)
    content = {"application/json": {"schema": schema}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "Deep", "version": "1"},
        "paths": {
            "/deep": {
                "post": {
                    "requestBody": {"content": content},
                    "responses": {"204": {"description": "-"}},
                }
            }
        },
    }


def test_a_10000_deep_schema_finishes_without_recursion_and_reports_the_leaf() -> None:
    assert sys.getrecursionlimit() < DEPTH
    report = diff(_deep_api("string"), _deep_api("integer"))
    (change,) = report.changes
    expected = (
        "/paths/~1deep/post/requestBody/content/application~1json/schema" + "/properties/c" * DEPTH
    )
    assert (change.rule_id, change.level, change.base_pointer) == (
        "request-property-type-changed",
        "breaking",
        expected,
    )
    assert change.args["old"] == "string" and change.args["new"] == "integer"


def test_a_10000_long_ref_chain_finishes_and_reports_the_end() -> None:
    def chain(leaf_type: str) -> Doc:
        schemas = {
            f"S{i}": {
                "type": "object",
                "properties": {"c": {"$ref": f"#/components/schemas/S{i + 1}"}},
            }
            for i in range(DEPTH)
        }
        schemas[f"S{DEPTH}"] = {"type": leaf_type}
        api = _deep_api("string")
        api["paths"]["/deep"]["post"]["requestBody"]["content"]["application/json"]["schema"] = {
            "$ref": "#/components/schemas/S0"
        }
        api["components"] = {"schemas": schemas}
        return api

    (change,) = diff(chain("string"), chain("integer")).changes
    assert (change.rule_id, change.base_pointer) == (
        "request-property-type-changed",
        f"/components/schemas/S{DEPTH}",
    )


def test_path_level_and_operation_level_parameters_are_merged() -> None:
    def api(path_required: bool, op_param: Doc | None) -> Doc:
        item: Doc = {
            "parameters": [
                {
                    "name": "q",
                    "in": "query",
                    "required": path_required,
                    "schema": {"type": "string"},
                }
            ],
            "get": {"responses": {"200": {"description": "OK"}}},
            "put": {"responses": {"200": {"description": "OK"}}},
        }
        if op_param is not None:
            item["put"]["parameters"] = [op_param]
        return {"openapi": "3.1.0", "info": {"title": "P", "version": "1"}, "paths": {"/p": item}}

    # Moving a parameter from the path item into the operation changes nothing.
    q = {"name": "q", "in": "query", "required": False, "schema": {"type": "string"}}
    moved = api(False, None)
    moved["paths"]["/p"]["get"]["parameters"] = moved["paths"]["/p"].pop("parameters")
    moved["paths"]["/p"]["put"]["parameters"] = [q]
    assert diff(api(False, None), moved).changes == ()
    # A path-level change reaches every operation that does not override the parameter.
    report = diff(api(False, q), api(True, q))
    assert [(c.rule_id, c.operations) for c in report.changes] == [
        ("request-parameter-became-required", ("GET /p",))
    ]


def test_global_security_change_is_one_change_listing_every_operation() -> None:
    base = pet_api()
    base["components"]["securitySchemes"] = {"key": {"type": "apiKey", "in": "header", "name": "K"}}
    revision = copy.deepcopy(base)
    revision["security"] = [{"key": []}]
    report = diff(base, revision)
    assert [
        (c.rule_id, c.level, c.args.get("requirement"), len(c.operations)) for c in report.changes
    ] == [
        ("api-security-anonymous-access-removed", "breaking", None, 3),
        ("api-security-added", "info", "key", 3),
    ]
    # And back: every requirement dropped is anonymous access allowed, which breaks no one.
    back = diff(revision, base)
    assert [(c.rule_id, c.level, c.args.get("requirements")) for c in back.changes] == [
        ("api-security-anonymous-access-added", "info", "key")
    ]


@pytest.mark.parametrize(
    ("old", "new", "rule_id"),
    [
        (
            {"type": "string"},
            {"type": "string", "nullable": True},
            "response-property-became-nullable",
        ),
        (
            {"type": "string"},
            {"anyOf": [{"type": "string"}, {"type": "null"}]},
            "response-property-became-nullable",
        ),
        (
            {"$ref": "#/components/schemas/Pet"},
            {"anyOf": [{"$ref": "#/components/schemas/Pet"}, {"type": "null"}]},
            "response-property-became-nullable",
        ),
        (
            {"type": "integer"},
            {"type": "integer", "format": "int64"},
            "response-property-type-specialized",
        ),
        (
            {"type": "integer", "format": "int32"},
            {"type": "integer", "format": "int64"},
            "response-property-type-changed",
        ),
        (
            {"type": "string", "enum": ["a"], "x-extensible-enum": True},
            {"type": "string", "enum": ["a", "b"], "x-extensible-enum": True},
            "response-property-x-extensible-enum-value-added",
        ),
        (
            {"$ref": "#/components/schemas/Pet"},
            {"anyOf": [{"$ref": "#/components/schemas/Pet"}, {"type": "string"}]},
            "response-property-any-of-added",
        ),
    ],
)
def test_response_schema_spellings(old: Doc, new: Doc, rule_id: str) -> None:
    def api(schema: Doc) -> Doc:
        doc = pet_api()
        doc["paths"]["/pets/{petId}"]["get"]["responses"]["200"]["content"]["application/json"][
            "schema"
        ] = schema
        return doc

    assert [c.rule_id for c in diff(api(old), api(new)).changes] == [rule_id]


def test_remote_and_dangling_refs_are_reported_not_fetched() -> None:
    base = pet_api()
    revision = copy.deepcopy(base)
    responses = revision["paths"]["/pets/{petId}"]["get"]["responses"]
    responses["200"]["content"]["application/json"]["schema"] = {
        "$ref": "https://example.com/pet.json"
    }
    revision["paths"]["/pets"]["post"]["requestBody"] = {"$ref": "#/components/requestBodies/Gone"}
    report = diff(base, revision)
    found = sorted((c.rule_id, c.args["ref"], c.operations) for c in report.changes)
    assert found == [
        ("ref-unresolvable", "#/components/requestBodies/Gone", ("POST /pets",)),
        ("ref-unresolvable", "https://example.com/pet.json", ("GET /pets/{petId}",)),
    ]
    assert {c.level for c in report.changes} == {"warning"}


def test_a_ref_loop_is_unresolvable_not_a_hang() -> None:
    base = pet_api()
    revision = copy.deepcopy(base)
    revision["components"]["schemas"]["Pet"] = {"$ref": "#/components/schemas/Loop"}
    revision["components"]["schemas"]["Loop"] = {"$ref": "#/components/schemas/Pet"}
    rules = {c.rule_id for c in diff(base, revision).changes}
    assert rules == {"ref-unresolvable"}


@pytest.mark.parametrize(
    ("sunset", "rule_id"),
    [
        ("2024-12-31", "api-removed-with-deprecation"),
        ("2025-01-01", "api-removed-with-deprecation"),  # the sunset day itself has come
        ("2025-01-02", "api-removed-before-sunset"),
        ("2024-06-01T12:00:00Z", "api-removed-with-deprecation"),
        (date(2030, 1, 1), "api-removed-before-sunset"),
        ("next spring", "api-path-sunset-parse"),
        ("2024-02-30", "api-path-sunset-parse"),
        (None, "api-removed-without-sunset"),
    ],
)
def test_sunset_rule(sunset: object, rule_id: str) -> None:
    base = pet_api()
    operation = base["paths"]["/pets"]["get"]
    operation["deprecated"] = True
    if sunset is not None:
        operation["x-sunset"] = sunset
    revision = copy.deepcopy(base)
    del revision["paths"]["/pets"]["get"]
    (change,) = diff(base, revision, today=date(2025, 1, 1)).changes
    assert change.rule_id == rule_id


def test_status_keys_written_as_numbers_match_strings() -> None:
    base = pet_api()
    revision = copy.deepcopy(base)
    responses = revision["paths"]["/pets/{petId}"]["get"]["responses"]
    responses[200] = responses.pop("200")
    assert diff(base, revision).changes == ()


def test_inputs_are_never_mutated() -> None:
    base, revision = pet_api(), _inline_everything(pet_api())
    revision["paths"]["/pets"]["get"]["deprecated"] = True
    snapshots = copy.deepcopy((base, revision))
    diff(base, revision)
    diff(revision, base)
    assert (base, revision) == snapshots


def test_documents_sharing_objects_are_still_compared_through_their_refs() -> None:
    # The revision reuses the base's `paths` objects but changes the component behind them.
    base = pet_api()
    revision = {**base, "components": {"schemas": {"Pet": {**PET, "required": []}}}}
    assert revision["paths"] is base["paths"]
    found = {c.rule_id: c.operations for c in diff(base, revision).changes}
    assert found == {
        # GET /pets reaches Pet through an inline array schema that both documents share.
        "response-property-became-optional": ("GET /pets", "GET /pets/{petId}", "POST /pets"),
        "request-property-became-optional": ("POST /pets",),
    }


def test_a_document_against_itself_reports_nothing() -> None:
    api = pet_api()
    assert diff(api, api).changes == ()


def _webhook_api(body: dict[str, Any], answer: dict[str, Any]) -> dict[str, Any]:
    def content(schema: dict[str, Any]) -> dict[str, Any]:
        return {"application/json": {"schema": schema}}

    operation = {
        "requestBody": {"content": content(body)},
        "responses": {"200": {"description": "OK", "content": content(answer)}},
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "W", "version": "1"},
        "paths": {},
        "webhooks": {"ping": {"post": operation}},
    }


def test_webhook_bodies_are_judged_the_other_way_round() -> None:
    obj = {"type": "object", "properties": {"a": {"type": "string"}}}
    nullable = {"type": "object", "properties": {"a": {"type": ["string", "null"]}}}
    required = {**obj, "required": ["a"]}
    # The API sends the request body: null appearing in it breaks receivers (a response rule).
    report = diff(_webhook_api(obj, obj), _webhook_api(nullable, obj))
    assert [(c.rule_id, c.level, c.operations) for c in report.changes] == [
        ("response-property-became-nullable", "breaking", ("WEBHOOK POST ping",))
    ]
    # The receiver sends the answer: a property it must now send is a request rule.
    report = diff(_webhook_api(obj, obj), _webhook_api(obj, required))
    assert [(c.rule_id, c.level) for c in report.changes] == [
        ("request-property-became-required", "breaking")
    ]
    # And the same edit on a path operation's request body is only informational.
    path_op = _webhook_api(obj, obj)
    path_op["paths"] = {"/p": path_op.pop("webhooks")["ping"]}
    path_new = copy.deepcopy(path_op)
    path_new["paths"]["/p"]["post"]["requestBody"]["content"]["application/json"]["schema"] = (
        nullable
    )
    assert [(c.rule_id, c.level) for c in diff(path_op, path_new).changes] == [
        ("request-property-became-nullable", "info")
    ]


def test_a_bound_newly_set_warns_in_requests_and_a_removed_one_breaks_responses() -> None:
    def api(request: dict[str, Any], response: dict[str, Any]) -> dict[str, Any]:
        return {
            "openapi": "3.1.0",
            "info": {"title": "B", "version": "1"},
            "paths": {
                "/p": {
                    "post": {
                        "requestBody": {"content": {"application/json": {"schema": request}}},
                        "responses": {
                            "200": {
                                "description": "OK",
                                "content": {"application/json": {"schema": response}},
                            }
                        },
                    }
                }
            },
        }

    loose, bound = {"type": "string"}, {"type": "string", "maxLength": 5}
    assert [(c.rule_id, c.level) for c in diff(api(loose, bound), api(bound, bound)).changes] == [
        ("request-property-max-length-set", "warning")
    ]
    assert [(c.rule_id, c.level) for c in diff(api(loose, bound), api(loose, loose)).changes] == [
        ("response-property-max-length-unset", "breaking")
    ]
    wider = {"type": "string", "maxLength": 9}
    assert [(c.rule_id, c.level) for c in diff(api(loose, bound), api(loose, wider)).changes] == [
        ("response-property-max-length-increased", "breaking")
    ]


def test_an_empty_pattern_is_no_pattern() -> None:
    def api(pattern: str) -> dict[str, Any]:
        schema = {"type": "string", "pattern": pattern}
        param = {"name": "q", "in": "query", "schema": schema}
        return {
            "openapi": "3.1.0",
            "info": {"title": "P", "version": "1"},
            "paths": {
                "/p": {"get": {"parameters": [param], "responses": {"200": {"description": "OK"}}}}
            },
        }

    assert [(c.rule_id, c.level) for c in diff(api(""), api(r"^\w+$")).changes] == [
        ("request-parameter-pattern-added", "breaking")
    ]


@pytest.mark.parametrize("version", ["3.0.3", "3.1.0", "3.2.0"])
def test_an_optional_model_we_build_is_seen_as_nullable_at_every_version(version: str) -> None:
    # 3.0.3 spells Optional[Model] as anyOf [$ref, {nullable, enum: [null]}]: still a null branch.
    from typing import Optional

    from pydantic import BaseModel

    import openapi_builder as ob

    class Item(BaseModel):
        a: int

    class Before(BaseModel):
        item: Item

    class After(BaseModel):
        item: Optional[Item]  # noqa: UP045 - the spelling users write

    def build(model: type[BaseModel]) -> dict[str, Any]:
        operation = ob.Operation("POST", "/x", request_body=model, response_model=model)
        return ob.API("T", "1", version, operations=[operation]).build()

    report = ob.diff(build(Before), build(After))
    assert sorted((c.rule_id, c.level) for c in report.changes) == [
        ("request-property-became-nullable", "info"),
        ("response-property-became-nullable", "breaking"),
    ]
