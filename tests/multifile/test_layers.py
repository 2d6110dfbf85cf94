"""The document set is a lower layer: it knows files and data, nothing of validate or diff."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "openapi_builder"
ALLOWED = ("openapi_builder.docset", "openapi_builder.load", "openapi_builder.errors",
           "openapi_builder.merge", "openapi_builder.pointers",
           "openapi_builder.schema_keywords")  # fmt: skip


def test_docset_imports_only_lower_layers() -> None:
    for path in sorted((PACKAGE / "docset").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            for name in names:
                if name.startswith("openapi_builder"):
                    assert name.startswith(ALLOWED), f"{path.name} imports {name}"
