"""The page package sees only documents: it imports nothing above the loader and errors."""

from __future__ import annotations

import pytest

from tests.test_project import PACKAGE, _imports

ALLOWED = ("openapi_builder.docs", "openapi_builder.errors")


@pytest.mark.parametrize("path", sorted((PACKAGE / "docs").rglob("*.py")), ids=lambda p: p.name)
def test_docs_imports_only_itself_and_errors(path: object) -> None:
    imported = _imports(path)  # type: ignore[arg-type]
    assert {name for name in imported if not name.startswith(ALLOWED)} == set()


def test_the_diff_page_uses_only_diff_and_the_page_helpers() -> None:
    imported = _imports(PACKAGE / "diff" / "html.py")
    allowed = ("openapi_builder.diff", "openapi_builder.docs.markup", "openapi_builder.docs.style")
    allowed += ("openapi_builder.errors",)
    assert {name for name in imported if not name.startswith(allowed)} == set()
