"""FastAPI's documentation apps, built by FastAPI and by ``ob``: whole documents compared.

One row per app (``tests/parity/apps_*.py``), each written with FastAPI and with ``ob``
after the ``docs_src/`` chapter it names. Both documents are built and compared whole —
``openapi``, ``info``, ``paths``, ``components``, ``tags``, ``webhooks`` — after removing
only the differences ``normalize`` lists (and the README's "Differences from FastAPI"
section explains). A new disagreement fails its row.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest
from openapi_spec_validator import validate as reference_validate

import openapi_builder as ob
from tests.parity import apps_body, apps_docs, apps_forms, apps_params, apps_responses
from tests.parity.common import App
from tests.parity.normalize import without_default_null, without_fastapi_validation_errors
from tests.support.caused import DECLARATION_CAUSED

APPS: list[App] = [
    *apps_params.APPS,
    *apps_body.APPS,
    *apps_responses.APPS,
    *apps_forms.APPS,
    *apps_docs.APPS,
]

README = Path(__file__).resolve().parents[2] / "README.md"


def build_ours(app: App) -> dict[str, Any]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        document = app.ours().build()
    example_warnings = [w for w in caught if issubclass(w.category, ob.ExampleWarning)]
    assert bool(example_warnings) == app.warns, [str(w.message) for w in example_warnings]
    return document


def test_the_table_is_large_and_its_names_unique() -> None:
    names = [app.name for app in APPS]
    assert len(names) == len(set(names))
    assert len(APPS) >= 40


@pytest.mark.parametrize("app", APPS, ids=lambda app: app.name)
def test_whole_document_equals_fastapi(app: App) -> None:
    theirs = without_fastapi_validation_errors(app.fastapi().openapi())
    ours = without_default_null(build_ours(app))
    assert ours == theirs


@pytest.mark.parametrize("app", APPS, ids=lambda app: app.name)
def test_our_document_passes_our_default_rules(app: App) -> None:
    # Invariant 9 on FastAPI's own apps: nothing reported that the declarations did not cause.
    report = ob.validate(build_ours(app))
    assert [p for p in report.problems if p.rule_id not in DECLARATION_CAUSED] == []


def test_the_readme_quotes_the_figure_this_table_computes() -> None:
    # Every row must match (a row that does not fails above), so the figure is all of them.
    figure = f"**{len(APPS)} of {len(APPS)}** of FastAPI's documentation apps"
    assert figure in README.read_text(encoding="utf-8")


#: Apps using what 3.0 lacks (info.summary, a license identifier, webhooks): refused in 3.0.
ONLY_31 = {"metadata_001", "openapi_webhooks"}


@pytest.mark.parametrize("openapi", ["3.0.3", "3.2.0"])
@pytest.mark.parametrize("app", APPS, ids=lambda app: app.name)
def test_every_app_builds_at_the_other_versions(app: App, openapi: str) -> None:
    declared = app.ours()
    declared.openapi = openapi
    if openapi == "3.0.3" and app.name in ONLY_31:
        with pytest.raises(ob.DeclarationError, match=r"needs openapi 3\.1\.0"):
            declared.build()
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ob.ExampleWarning)
        document = declared.build()
    reference_validate(document)
    report = ob.validate(document)
    assert [p for p in report.problems if p.rule_id not in DECLARATION_CAUSED] == []
