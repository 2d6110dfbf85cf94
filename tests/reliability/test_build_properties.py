"""Invariants 1, 3, 4 and 9 on random declarations.

For every recipe and every supported OpenAPI version, ``build()`` either returns a document
that openapi-spec-validator accepts, or raises ``DeclarationError`` — never another type and
never an invalid document. Building never changes what the user passed in, and the rendered
document loads back equal (JSON and YAML).
"""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from hypothesis import event as hypothesis_event
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.control import currently_in_test_context
from pydantic import BaseModel

import openapi_builder as ob
from tests.reliability.helpers import FIXTURES, assert_reference_valid, examples, snapshot
from tests.reliability.recipes import VERSIONS, realize
from tests.reliability.strategies import json_documents, recipes
from tests.support.caused import DECLARATION_CAUSED


def event(name: str) -> None:
    """Count an outcome in hypothesis' statistics (when running under hypothesis)."""
    if currently_in_test_context():
        hypothesis_event(name)


def build_or_refuse(recipe: dict[str, Any], openapi: str) -> dict[str, Any] | None:
    """The built document, or ``None`` when the declarations were refused as they must be."""
    try:
        realized = realize(recipe, openapi)
    except ob.DeclarationError:
        event("refused when declared")
        return None
    before = snapshot(realized.inputs)
    try:
        document = realized.api.build()
    except ob.DeclarationError as error:
        assert str(error), "a DeclarationError must say what is wrong"
        event("refused by build()")
        assert snapshot(realized.inputs) == before, "a refused build changed the user's input"
        return None
    assert snapshot(realized.inputs) == before, "build() changed the user's input"
    event(f"built {openapi}")
    return document


@examples(0.6)
@given(recipes())
def test_build_returns_a_valid_document_or_raises_declaration_error(recipe: dict[str, Any]) -> None:
    for openapi in VERSIONS:
        document = build_or_refuse(recipe, openapi)
        if document is not None:
            assert document["openapi"] == openapi
            assert_reference_valid(document)


@examples(0.6)
@given(recipes(valid_only=True))
def test_rendered_documents_load_back_equal(recipe: dict[str, Any]) -> None:
    for openapi in VERSIONS:
        document = build_or_refuse(recipe, openapi)
        if document is None:
            continue
        snapshot = copy.deepcopy(document)
        assert ob.load(ob.to_yaml(document)) == document
        assert ob.load(ob.to_json(document)) == document
        assert document == snapshot, "rendering changed the document"


@examples(0.4)
@given(recipes(valid_only=True))
def test_building_twice_gives_the_same_text(recipe: dict[str, Any]) -> None:
    try:
        realized = realize(recipe, "3.1.0")
        first = realized.api.build(validate=False)
        second = realized.api.build(validate=False)
    except ob.DeclarationError:
        return
    assert ob.to_json(first) == ob.to_json(second)


@examples(4.0)
@given(json_documents())
def test_any_json_document_survives_a_round_trip(document: dict[str, Any]) -> None:
    snapshot = copy.deepcopy(document)
    assert ob.loads(ob.to_yaml(document)) == document
    assert ob.loads(ob.to_json(document)) == document
    assert document == snapshot


# -- known bugs, kept as minimal examples (remove the mark when fixed) -------------------------


@pytest.mark.parametrize(
    ("path_operation", "webhook"),
    [
        (ob.Operation("GET", "/"), ob.Operation("GET", "/")),  # the same default id 'get'
        (ob.Operation("GET", "/a", operation_id="x"), ob.Operation("POST", "/", operation_id="x")),
    ],
)
def test_webhook_operation_id_clash_is_a_declaration_error(
    path_operation: ob.Operation, webhook: ob.Operation
) -> None:
    api = ob.API("T", "1", operations=[path_operation], webhooks={"hook": webhook})
    with pytest.raises(ob.DeclarationError, match="operationId"):
        api.build()


@pytest.mark.parametrize(
    "declaration",
    [
        ob.Response(description="Not found"),
        ob.Header(int),
        ob.Operation("GET", "/"),
        ob.Parameter("q", "query"),
        ob.MediaType(schema=int),
    ],
    ids=lambda d: type(d).__name__,
)
def test_declarations_can_be_deep_copied(declaration: Any) -> None:
    # Users deep-copy shared response tables ({404: ob.Response(...)}) before editing them.
    assert copy.deepcopy(declaration) == declaration


def _kept_examples() -> list[Any]:
    params = []
    for path in sorted(FIXTURES.glob("*.json")):
        kept = json.loads(path.read_text(encoding="utf-8"))
        marks = [pytest.mark.xfail(strict=True, reason=kept["xfail"])] if kept["xfail"] else []
        params.append(pytest.param(kept["recipe"], id=path.stem, marks=marks))
    return params


@pytest.mark.parametrize("recipe", _kept_examples())
def test_kept_examples_build_valid_or_raise_declaration_error(recipe: dict[str, Any]) -> None:
    """Every minimal example in fixtures/reliability/ keeps the invariants (or is a known bug)."""
    built = [build_or_refuse(recipe, openapi) for openapi in VERSIONS]
    for document in built:
        if document is not None:
            assert_reference_valid(document)
            assert ob.load(ob.to_yaml(document)) == document


@examples(0.6)
@given(recipes(valid_only=True))
def test_default_rules_find_nothing_the_declarations_did_not_cause(
    recipe: dict[str, Any],
) -> None:
    for openapi in VERSIONS:
        document = build_or_refuse(recipe, openapi)
        if document is None:
            continue
        report = ob.validate(document)
        ours = [p for p in report.problems if p.rule_id not in DECLARATION_CAUSED]
        assert not ours, f"{openapi}: the builder caused {[str(p) for p in ours]}"
        for problem in report.problems:
            event(f"declared: {problem.rule_id}")


@pytest.mark.parametrize("openapi", VERSIONS)
def test_optional_model_in_30_has_no_nullable_without_type(openapi: str) -> None:
    from pydantic import BaseModel

    class Owner(BaseModel):
        name: str

    class Pet(BaseModel):
        owner: Owner | None = None
        tags: list[str] | int | None = None

    api = ob.API(
        "T",
        "1",
        openapi,
        operations=[
            ob.Operation(
                "POST", "/pets", operation_id="add", request_body=Pet, response_model=Pet | None
            )
        ],
    )
    assert ob.validate(api.build()).problems == ()


# -- body fields, forms and files ---------------------------------------------------------------


class _Part(BaseModel):
    label: str
    size: int | None = None


_FIELD_TYPES: tuple[Any, ...] = (int, str, float | None, list[int], _Part, _Part | None)
_FILE_TYPES: tuple[Any, ...] = (bytes, list[bytes], bytes | None)


@st.composite
def _body_fields(draw: st.DrawFn) -> list[ob.Body]:
    names = draw(
        st.lists(
            st.from_regex(r"[a-z][a-z_]{0,6}", fullmatch=True), min_size=1, max_size=4, unique=True
        )
    )
    fields: list[ob.Body] = []
    for name in names:
        kind = draw(st.sampled_from([ob.Body, ob.Form, ob.File]))
        schema = draw(st.sampled_from(_FILE_TYPES if kind is ob.File else _FIELD_TYPES))
        fields.append(
            kind(
                name,
                schema,
                description=draw(st.none() | st.just("about " + name)),
                embed=draw(st.booleans()),
            )
        )
    return fields


@examples(0.3)
@given(_body_fields(), st.sampled_from(["update_item", "make it/now", "x"]))
def test_body_fields_build_valid_documents_our_rules_accept(
    fields: list[ob.Body], operation_id: str
) -> None:
    before = snapshot(fields)
    for openapi in VERSIONS:
        api = ob.API(
            "T",
            "1",
            openapi,
            operations=[ob.Operation("POST", "/x", operation_id=operation_id, request_body=fields)],
        )
        document = api.build()
        assert_reference_valid(document)
        report = ob.validate(document)
        assert [p for p in report.problems if p.rule_id not in DECLARATION_CAUSED] == []
        body = document["paths"]["/x"]["post"]["requestBody"]
        (media_type,) = body["content"]
        if any(isinstance(f, ob.File) for f in fields):
            assert media_type == "multipart/form-data"
        elif any(isinstance(f, ob.Form) for f in fields):
            assert media_type == "application/x-www-form-urlencoded"
        else:
            assert media_type == "application/json"
    assert snapshot(fields) == before, "build() changed the user's fields"
