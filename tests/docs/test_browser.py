"""The three pages in a real browser: everything shows, nothing is fetched, nothing errs.

Skipped with a reason where no Chromium is installed; CI sets
``OPENAPI_BUILDER_REQUIRE_BROWSER=1`` so that there they must run (see ``conftest.py``).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

import openapi_builder as ob
from openapi_builder.docs import document as d
from tests.conftest import CORPUS, FIXTURES
from tests.docs.conftest import screenshot
from tests.support.kitchen_sink import kitchen_sink

STRIPE_OLD = CORPUS / "stripe" / "spec3.2021-05-26.json"
STRIPE_NEW = CORPUS / "stripe" / "spec3.2022-04-12.json"
needs_stripe = pytest.mark.skipif(
    not (STRIPE_OLD.is_file() and STRIPE_NEW.is_file()), reason="the Stripe corpus is absent"
)
PAIR = FIXTURES / "diff" / "report"


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _expected_operations(doc: dict[str, Any]) -> set[tuple[str, str]]:
    return {(op.method, op.path) for op in [*d.operations(doc), *d.webhooks(doc)]}


def _shown_operations(page: Any) -> set[tuple[str, str]]:
    pairs = page.eval_on_selector_all(
        "article.op",
        "els => els.filter(e => e.offsetParent !== null)"
        ".map(e => [e.dataset.method, e.dataset.path])",
    )
    return {(method, path) for method, path in pairs}


def test_static_page_shows_every_kitchen_sink_operation(open_page: Any, tmp_path: Path) -> None:
    doc = kitchen_sink("3.2.0").build()
    visit = open_page(_write(tmp_path, "api.html", ob.docs_html(doc)))
    assert _shown_operations(visit.page) == _expected_operations(doc)
    assert screenshot(visit, "static-page", tmp_path).stat().st_size > 10_000
    # A link to a component lands on it.
    visit.page.click('article.op[data-path="/pets"] a.ref[href="#schema-Pet"] >> nth=0')
    assert visit.page.evaluate("location.hash") == "#schema-Pet"
    assert visit.page.is_visible("#schema-Pet")
    assert visit.blocked == [] and visit.errors == []


def test_static_page_follows_the_dark_scheme(open_page: Any, tmp_path: Path) -> None:
    path = _write(tmp_path, "api.html", ob.docs_html(kitchen_sink("3.1.0").build()))
    visits = [open_page(path, dark=dark) for dark in (False, True)]
    colours = [v.page.evaluate("getComputedStyle(document.body).backgroundColor") for v in visits]
    assert colours == ["rgb(255, 255, 255)", "rgb(13, 17, 23)"]
    screenshot(visits[1], "static-page-dark", tmp_path)


def test_escaped_script_does_not_run(open_page: Any, tmp_path: Path) -> None:
    evil = "<script>window.ran = 1</script><img src=x onerror='window.ran = 2'>"
    doc = {
        "openapi": "3.1.0",
        "info": {"title": evil, "version": "1", "description": evil},
        "paths": {"/x": {"get": {"summary": evil, "responses": {"200": {"description": evil}}}}},
    }
    visit = open_page(_write(tmp_path, "evil.html", ob.docs_html(doc)))
    assert visit.page.evaluate("window.ran") is None
    assert evil in visit.page.inner_text("h1")
    assert visit.blocked == []  # the <img> stayed text, so it fetched nothing


@needs_stripe
def test_static_page_shows_every_stripe_operation(open_page: Any, tmp_path: Path) -> None:
    doc = ob.load(STRIPE_NEW)
    visit = open_page(_write(tmp_path, "stripe.html", ob.docs_html(doc)))
    expected = _expected_operations(doc)
    assert len(expected) > 400
    assert _shown_operations(visit.page) == expected
    assert visit.blocked == [] and visit.errors == []


def test_swagger_page_renders_offline(open_page: Any, tmp_path: Path) -> None:
    pytest.importorskip("swagger_ui", reason="the docs extra (swagger-ui-py) is not installed")
    doc = kitchen_sink("3.1.0").build()
    visit = open_page(_write(tmp_path, "swagger.html", ob.docs_html(doc, ui="swagger")))
    visit.page.wait_for_selector(".opblock")
    shown = visit.page.eval_on_selector_all(
        ".opblock",
        "els => els.map(e => [e.querySelector('.opblock-summary-method').textContent,"
        " e.querySelector('[data-path]').getAttribute('data-path')])",
    )
    paths = {(method, path) for method, path in shown}
    assert {op for op in _expected_operations(doc) if op[1] in doc["paths"]} <= paths
    assert visit.blocked == [] and visit.errors == []
    screenshot(visit, "swagger-page", tmp_path)


def _levels(page: Any) -> list[str]:
    return page.eval_on_selector_all(
        "article.change",
        "els => els.filter(e => e.offsetParent !== null).map(e => e.dataset.level)",
    )


def _check_diff_page(visit: Any, counts: dict[str, int]) -> None:
    page = visit.page
    levels = _levels(page)
    assert len(levels) == sum(counts.values())
    ranks = ["breaking", "warning", "info"]
    assert levels == sorted(levels, key=ranks.index)  # breaking first
    for level in ranks:
        page.click(f'label[for="show-{level}"]')
        assert _levels(page) == [level] * counts[level]
    page.click('label[for="show-all"]')
    assert len(_levels(page)) == sum(counts.values())
    assert visit.blocked == [] and visit.errors == []


def test_diff_page_puts_breaking_first_and_filters(open_page: Any, tmp_path: Path) -> None:
    report = ob.diff(PAIR / "base.yaml", PAIR / "revision.yaml")
    visit = open_page(_write(tmp_path, "diff.html", report.to_html()))
    _check_diff_page(visit, report.counts())
    assert visit.page.is_visible(".side-base mark")


@needs_stripe
def test_stripe_year_diff_page(open_page: Any, tmp_path: Path) -> None:
    old, new = ob.load(STRIPE_OLD), ob.load(STRIPE_NEW)
    report = dataclasses.replace(
        ob.diff(old, new), base_source=STRIPE_OLD.name, revision_source=STRIPE_NEW.name
    )
    breaking = report.counts()["breaking"]
    assert breaking == sum(1 for change in report.changes if change.level == "breaking") > 0
    page_html = report.to_html(base=old, revision=new)
    visit = open_page(_write(tmp_path, "stripe-diff.html", page_html))
    page = visit.page
    page.click('label[for="show-breaking"]')
    screenshot(visit, "diff-page", tmp_path)
    page.click('label[for="show-all"]')
    first = page.eval_on_selector_all(
        "article.change", f"els => els.slice(0, {breaking + 1}).map(e => e.dataset.level)"
    )
    assert first[:breaking] == ["breaking"] * breaking and first[breaking] != "breaking"
    # More than ten operations: ten shown, the rest folded until asked for.
    folded = page.locator("article.change >> nth=0").locator("details")
    assert not folded.locator("li >> nth=0").is_visible()
    folded.locator("summary").click()
    assert folded.locator("li >> nth=0").is_visible()
    _check_diff_page(visit, report.counts())
