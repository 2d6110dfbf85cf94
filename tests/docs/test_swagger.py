"""The Swagger UI page: assets inlined, the document unable to end its block, a clear
error without the docs extra."""

from __future__ import annotations

import json

import pytest

import openapi_builder as ob
from openapi_builder.docs import swagger
from tests.support.kitchen_sink import kitchen_sink


def test_document_json_cannot_end_the_script_block() -> None:
    doc = {"info": {"title": "</script><script>alert(1)</script>", "x": "a&b\u2028"}}
    text = swagger.document_json(doc)
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == doc


@pytest.mark.parametrize(
    ("script", "safe"),
    [
        ("var a = 1;", True),
        ("var s = '</script>';", False),
        ("var r = /<!--/, t = /-->/;", True),
        ("var r = /<!--/; var s = /<script>/;", False),  # double-escaped: our end tag is lost
        # Out of the double-escaped state again before the end: our end tag works.
        ("x = '<!--'; y = '<script '; z = '</script >'; w = '-->';", True),
        ("x = '<!-- <script>'; y = '-->';", True),
    ],
)
def test_inline_safety_follows_the_html_tokenizer(script: str, safe: bool) -> None:
    assert swagger._inline_safe(script) is safe


def test_unsafe_script_goes_in_a_data_url() -> None:
    tag = swagger._script_tag("var s = '</script>';")
    assert tag.startswith('<script src="data:text/javascript;base64,')


def test_page_inlines_everything() -> None:
    pytest.importorskip("swagger_ui", reason="the docs extra (swagger-ui-py) is not installed")
    doc = kitchen_sink("3.1.0").build()
    page = ob.docs_html(doc, ui="swagger", title="<Pets>")
    assert "<title>&lt;Pets&gt;</title>" in page
    assert 'src="http' not in page and 'href="http' not in page
    block = page.split('id="openapi-document">', 1)[1].split("</script>", 1)[0]
    assert json.loads(block) == doc
    assert page == ob.docs_html(doc, ui="swagger", title="<Pets>")


def test_missing_extra_is_one_line_naming_it(monkeypatch: pytest.MonkeyPatch) -> None:
    swagger._assets.cache_clear()
    monkeypatch.setattr(swagger.importlib.util, "find_spec", lambda name: None)
    try:
        with pytest.raises(ob.RenderError) as raised:
            ob.docs_html({"openapi": "3.1.0"}, ui="swagger")
    finally:
        swagger._assets.cache_clear()
    message = str(raised.value)
    assert "\n" not in message
    assert "pip install 'openapi-builder-toolkit[docs]'" in message


def test_openapi_3_2_is_refused_with_what_to_do() -> None:
    with pytest.raises(ob.RenderError, match=r"cannot show OpenAPI 3\.2\.0 .*--ui static"):
        ob.docs_html(kitchen_sink("3.2.0").build(), ui="swagger")


def test_a_too_deep_document_is_a_render_error() -> None:
    deep: dict[str, object] = {}
    for _ in range(10_000):
        deep = {"x": deep}
    with pytest.raises(ob.RenderError, match="nested too deeply"):
        swagger.document_json({"openapi": "3.1.0", "x-deep": deep})
