"""The static reference page: golden pages, every operation, links, escaping, bounds."""

from __future__ import annotations

import copy
import json
import time
from collections.abc import Callable
from typing import Any

import pytest

import openapi_builder as ob
from openapi_builder.docs import document as d
from openapi_builder.docs.schema_tree import MAX_DEPTH
from tests.conftest import CORPUS, FIXTURES
from tests.docs.helpers import parse
from tests.support.kitchen_sink import kitchen_sink

PETSTORE_V2 = FIXTURES / "docs" / "petstore-2.0.json"
STRIPE = CORPUS / "stripe" / "spec3.2022-04-12.json"


def _doc(**extra: Any) -> dict[str, Any]:
    return {"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": {}, **extra}


@pytest.mark.parametrize("version", ["3.0.3", "3.1.0", "3.2.0"])
def test_kitchen_sink_golden(version: str, golden: Callable[[str, str], None]) -> None:
    golden(f"docs/kitchen-sink-{version}.html", ob.docs_html(kitchen_sink(version).build()))


def test_swagger_2_golden(golden: Callable[[str, str], None]) -> None:
    golden("docs/petstore-2.0.html", ob.docs_html(ob.load(PETSTORE_V2)))


def _operation_articles(page: str) -> set[tuple[str, str]]:
    return {
        (a["data-method"], a["data-path"])
        for a in parse(page).articles
        if "op" in a.get("class", "").split()
    }


@pytest.mark.parametrize("version", ["3.0.3", "3.1.0", "3.2.0"])
def test_every_operation_and_webhook_appears(version: str) -> None:
    doc = kitchen_sink(version).build()
    page = ob.docs_html(doc)
    expected = {(m.upper(), p) for p, item in doc["paths"].items() for m in item if m in d.METHODS}
    expected |= {(m.upper(), n) for n, item in doc.get("webhooks", {}).items() for m in item}
    assert expected <= _operation_articles(page)
    assert len(expected) >= 7


def test_swagger_2_body_form_data_and_definitions() -> None:
    page = ob.docs_html(ob.load(PETSTORE_V2))
    assert _operation_articles(page) == {
        ("GET", "/pets"),
        ("POST", "/pets"),
        ("POST", "/pets/{petId}/photo"),
    }
    assert "OpenAPI 2.0" in page
    assert "https://petstore.example.com/v1" in page
    assert "<h4>Request body" in page  # the body parameter became a request body
    assert "<td>formData</td>" in page
    assert 'href="#schema-Pet"' in page
    assert "<td>body</td>" not in page


def test_links_all_land_on_an_id_and_ids_are_unique() -> None:
    for doc in (kitchen_sink("3.1.0").build(), ob.load(PETSTORE_V2)):
        parsed = parse(ob.docs_html(doc))
        assert parsed.unbalanced == []
        assert len(parsed.ids) == len(set(parsed.ids))
        targets = {h[1:] for h in parsed.hrefs if h.startswith("#")}
        assert targets and targets <= set(parsed.ids)


def test_no_javascript_and_both_colour_schemes() -> None:
    page = ob.docs_html(kitchen_sink("3.1.0").build())
    assert parse(page).scripts == 0
    assert "@media (prefers-color-scheme:dark)" in page
    assert "http://" not in page.split("<body>")[0]  # nothing to fetch: styles are inline


def test_deprecated_operations_and_parameters_are_marked() -> None:
    page = ob.docs_html(kitchen_sink("3.1.0").build())
    delete = page.split('data-method="DELETE"', 1)[1].split("</article>", 1)[0]
    assert '<span class="badge deprecated">deprecated</span>' in delete
    assert 'class="op deprecated"' in page
    get = page.split('data-method="GET" data-path="/pets"', 1)[1].split("</article>", 1)[0]
    assert 'session</code> <span class="badge deprecated">' in get
    assert (
        'class="op deprecated"'
        not in page.split('data-method="DELETE"', 1)[0].rsplit("<article", 1)[0]
    )


def test_security_examples_and_refs_are_shown() -> None:
    page = ob.docs_html(kitchen_sink("3.1.0").build())
    assert 'href="#scheme-oauth">oauth</a> (pets:read) or <a href="#scheme-api_key">' in page
    assert '<strong>Security:</strong> <span class="muted">none</span>' in page  # DELETE
    assert "Example rex" in page and "&quot;Rex&quot;" in page  # a $ref'd example, resolved
    assert "No such pet" in page  # a $ref'd response, resolved
    assert '<a class="ref" href="#schema-Pet">Pet</a>' in page


def test_escaping_keeps_every_text_as_text() -> None:
    evil = '<script>alert("x")</script>'
    doc = _doc(
        info={"title": evil, "version": evil, "description": evil},
        tags=[{"name": evil, "description": evil}],
        paths={
            f"/a/{evil}": {
                "get": {
                    "tags": [evil],
                    "summary": evil,
                    "description": evil,
                    "operationId": evil,
                    "parameters": [
                        {"name": evil, "in": "query", "description": evil, "example": evil}
                    ],
                    "responses": {
                        "200": {
                            "description": evil,
                            "content": {
                                evil: {
                                    "schema": {
                                        "$ref": f"#/components/schemas/{evil}",
                                        "description": evil,
                                    },
                                    "example": {evil: evil},
                                }
                            },
                        }
                    },
                    "security": [{evil: [evil]}],
                }
            }
        },
        components={
            "schemas": {
                evil: {
                    "type": "object",
                    "title": evil,
                    "properties": {evil: {"type": "string", "enum": [evil], "pattern": evil}},
                }
            },
            "securitySchemes": {evil: {"type": "apiKey", "name": evil, "in": "header"}},
        },
    )
    page = ob.docs_html(doc)
    assert "<script" not in page
    assert "&lt;script&gt;" in page
    parsed = parse(page)
    assert parsed.unbalanced == [] and parsed.scripts == 0
    assert sum(evil in chunk for chunk in parsed.text) >= 10  # shown, as text
    assert all(" " not in i and "<" not in i for i in parsed.ids)


def test_addresses_from_the_document_never_become_links() -> None:
    bad = "javascript:alert(1)"
    doc = _doc(
        info={"title": "T", "version": "1", "termsOfService": bad, "contact": {"url": bad}},
        servers=[{"url": bad}],
        externalDocs={"url": bad},
        tags=[{"name": "t", "externalDocs": {"url": bad}}],
        paths={"/p": {"get": {"tags": ["t"], "externalDocs": {"url": bad}, "responses": {}}}},
    )
    page = ob.docs_html(doc)
    assert bad in page  # shown, as text
    assert all(href.startswith("#") for href in parse(page).hrefs)


def test_cycles_are_links_not_expansions() -> None:
    node = {"type": "object", "properties": {"next": {"$ref": "#/components/schemas/Node"}}}
    pair = {
        "A": {"properties": {"b": {"$ref": "#/components/schemas/B"}}},
        "B": {"properties": {"a": {"$ref": "#/components/schemas/A"}}},
    }
    doc = _doc(components={"schemas": {"Node": node, **pair}})
    page = ob.docs_html(doc)
    assert page.count('href="#schema-Node"') == 1
    assert page.count('href="#schema-A"') == 1 and page.count('href="#schema-B"') == 1


def test_a_10000_deep_schema_renders_bounded_and_fast() -> None:
    deep: dict[str, Any] = {"type": "string"}
    for i in range(10_000):
        key = ("properties", "items", "allOf")[i % 3]
        deep = (
            {"type": "object", "properties": {"x": deep}}
            if key == "properties"
            else ({"type": "array", "items": deep} if key == "items" else {"allOf": [deep]})
        )
    example: Any = 1
    for _ in range(10_000):
        example = [example]
    doc = _doc(
        paths={
            "/deep": {
                "post": {
                    "requestBody": {
                        "content": {"application/json": {"schema": deep, "example": example}}
                    },
                    "responses": {"204": {"description": "ok"}},
                }
            }
        },
        components={"schemas": {"Deep": deep}},
    )
    started = time.perf_counter()
    page = ob.docs_html(doc)
    assert time.perf_counter() - started < 5
    assert f"nested deeper than {MAX_DEPTH} levels" in page
    assert "(too deeply nested to show)" in page
    assert parse(page).unbalanced == []


def test_a_ref_cycle_between_parameters_ends() -> None:
    doc = _doc(
        paths={"/p": {"get": {"parameters": [{"$ref": "#/components/parameters/A"}]}}},
        components={
            "parameters": {
                "A": {"$ref": "#/components/parameters/B"},
                "B": {"$ref": "#/components/parameters/A"},
            }
        },
    )
    assert ("GET", "/p") in _operation_articles(ob.docs_html(doc))


def test_deterministic_and_the_document_is_not_modified() -> None:
    doc = kitchen_sink("3.2.0").build()
    before = copy.deepcopy(doc)
    first = ob.docs_html(doc)
    assert doc == before
    assert ob.docs_html(json.loads(json.dumps(doc))) == first


def test_tags_group_in_declared_order_with_untagged_last() -> None:
    doc = _doc(
        tags=[{"name": "zebra"}, {"name": "apple"}, {"name": "unused"}],
        paths={
            "/u": {"get": {"responses": {}}},
            "/a": {"get": {"tags": ["apple", "zebra"], "responses": {}}},
            "/n": {"get": {"tags": ["new"], "responses": {}}},
        },
    )
    page = ob.docs_html(doc)
    order = [page.index(f"<h2>{name}</h2>") for name in ("zebra", "apple", "new", "default")]
    assert order == sorted(order)
    assert "<h2>unused</h2>" not in page
    assert page.count('data-path="/a"') == 2  # under each of its tags


def test_query_and_additional_operations_of_3_2() -> None:
    doc = _doc(
        openapi="3.2.0",
        paths={
            "/s": {
                "query": {"responses": {}},
                "additionalOperations": {"LINK": {"summary": "Link it", "responses": {}}},
            }
        },
    )
    assert _operation_articles(ob.docs_html(doc)) == {("QUERY", "/s"), ("LINK", "/s")}


def test_title_option_and_unknown_ui() -> None:
    page = ob.docs_html(_doc(), title="Other")
    assert "<title>Other</title>" in page
    with pytest.raises(TypeError, match="must be a mapping"):
        ob.docs_html([])  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown ui 'pdf'"):
        ob.docs_html(_doc(), ui="pdf")  # type: ignore[arg-type]


@pytest.mark.skipif(not STRIPE.is_file(), reason="the Stripe corpus is not checked out")
def test_stripe_every_operation_appears_within_a_second() -> None:
    doc = ob.load(STRIPE)
    started = time.perf_counter()
    page = ob.docs_html(doc)
    elapsed = time.perf_counter() - started
    expected = {(m.upper(), p) for p, item in doc["paths"].items() for m in item if m in d.METHODS}
    assert _operation_articles(page) >= expected
    assert len(expected) > 400
    assert elapsed < 3  # about 0.3 s here; the bound leaves room for a loaded machine
