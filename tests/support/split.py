"""Split a one-file document into one file per component schema (for tests and benchmarks).

``split_document(doc, folder)`` writes ``folder/openapi.json`` and ``folder/schemas/<Name>.json``:
every ``#/components/schemas/<Name>`` becomes ``schemas/<Name>.json`` in the entry and
``<Name>.json`` inside the schema files. With ``wrappers`` the entry keeps
``components.schemas.<Name>: {$ref: schemas/<Name>.json}``; without, it has no schemas left
and the bundle must name them from their files.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

from openapi_builder.merge import copy_json

_PREFIX = "#/components/schemas/"


def _rewrite(node: Any, folder: str, files: set[str]) -> Any:
    """A copy of ``node`` with its refs to the schemas in ``files`` pointing at them."""
    copied = copy_json(node)
    stack = [copied]
    while stack:
        current = stack.pop()
        if isinstance(current, dict):
            ref = current.get("$ref")
            if isinstance(ref, str) and ref.startswith(_PREFIX) and ref[len(_PREFIX) :] in files:
                current["$ref"] = folder + quote(ref[len(_PREFIX) :]) + ".json"
            # Extensions are data: a `$ref` inside one is not a reference.
            stack.extend(
                v
                for k, v in current.items()
                if isinstance(v, dict | list) and not str(k).startswith("x-")
            )
        elif isinstance(current, list):
            stack.extend(v for v in current if isinstance(v, dict | list))
    return copied


def split_document(document: dict[str, Any], folder: Path, *, wrappers: bool = True) -> Path:
    """Write the split spec into ``folder``; return the entry file's path."""
    schemas = document.get("components", {}).get("schemas", {})
    files = {name for name, schema in schemas.items() if isinstance(schema, dict)}
    (folder / "schemas").mkdir(parents=True, exist_ok=True)
    for name in files:
        text = json.dumps(_rewrite(schemas[name], "", files), indent=1, ensure_ascii=False)
        (folder / "schemas" / f"{name}.json").write_text(text, encoding="utf-8")
    entry = {key: value for key, value in document.items() if key != "components"}
    entry = _rewrite(entry, "schemas/", files)
    components = {k: v for k, v in document.get("components", {}).items() if k != "schemas"}
    components = _rewrite(components, "schemas/", files)
    kept = {
        name: {"$ref": f"schemas/{quote(name)}.json"} if name in files else schema
        for name, schema in schemas.items()
        if wrappers or name not in files
    }
    if kept:
        components["schemas"] = kept
    if components:
        entry["components"] = components
    path = folder / "openapi.json"
    path.write_text(json.dumps(entry, indent=1, ensure_ascii=False), encoding="utf-8")
    return path
