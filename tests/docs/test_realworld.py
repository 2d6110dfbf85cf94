"""Real descriptions (APIs-guru's directory: 2.0, 3.0, 3.1) render as well-formed pages.

Every fifth document of the corpus, to stay quick; all 264 loadable ones were checked by
hand the same way (no failure, none slower than 0.5 s). Skipped when the corpus is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import openapi_builder as ob
from tests.conftest import CORPUS
from tests.docs.helpers import parse

REALWORLD = CORPUS / "realworld"
FILES = (
    sorted(p for p in REALWORLD.rglob("*") if p.suffix in (".json", ".yaml", ".yml"))[::5]
    if REALWORLD.is_dir()
    else []
)


@pytest.mark.skipif(not FILES, reason="the realworld corpus is absent")
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.parent.name)
def test_realworld_document_renders(path: Path) -> None:
    try:
        doc = ob.load(path)
    except ob.LoadError:
        return  # refused at its place: tests/realworld judges that, against a table
    page = ob.docs_html(doc)
    parsed = parse(page)
    assert parsed.unbalanced == [] and parsed.scripts == 0
    assert len(parsed.ids) == len(set(parsed.ids))
    assert {h[1:] for h in parsed.hrefs if h.startswith("#")} <= set(parsed.ids)
