"""Bundling: one self-contained document, components by kind, names that never collide."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import openapi_builder as ob
from openapi_builder.errors import RefResolutionError
from tests.multifile.conftest import FIXTURES


def _refs(node: Any) -> Iterator[str]:
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, dict):
            if isinstance(current.get("$ref"), str):
                yield current["$ref"]
            stack.extend(current.values())
        elif isinstance(current, list):
            stack.extend(current)


@pytest.mark.parametrize(
    "entry",
    [
        "petstore/openapi.yaml",
        "moved/revision/openapi.yaml",
        "clash/openapi.yaml",
        "swagger2/swagger.yaml",
    ],
)
def test_a_bundle_is_self_contained_valid_and_round_trips(entry: str) -> None:
    bundled = ob.bundle(FIXTURES / entry)
    assert all(ref.startswith("#/") for ref in _refs(bundled)), list(_refs(bundled))
    report = ob.validate(bundled)
    assert report.ok, report.problems
    assert ob.loads(ob.to_yaml(bundled)) == bundled
    assert ob.loads(ob.to_json(bundled)) == bundled
    assert ob.to_json(ob.bundle(FIXTURES / entry)) == ob.to_json(bundled)  # deterministic


def test_objects_go_into_components_by_kind_and_path_items_are_inlined() -> None:
    bundled = ob.bundle(FIXTURES / "petstore" / "openapi.yaml")
    components = bundled["components"]
    # The entry's Pet was a $ref to schemas/pet.yaml: it becomes that schema, named Pet.
    assert sorted(components["schemas"]) == ["Pet", "error", "owner"]
    assert components["schemas"]["Pet"]["required"] == ["id", "name"]
    assert sorted(components["responses"]) == ["Error"]
    assert sorted(components["parameters"]) == ["limit"]
    pets = bundled["paths"]["/pets"]["get"]
    assert pets["parameters"] == [{"$ref": "#/components/parameters/limit"}]
    assert pets["responses"]["default"] == {"$ref": "#/components/responses/Error"}
    items = pets["responses"]["200"]["content"]["application/json"]["schema"]["items"]
    assert items == {"$ref": "#/components/schemas/Pet"}
    # The cycle pet -> owner -> pet is two components pointing at each other.
    owner = components["schemas"]["owner"]
    assert owner["properties"]["pets"]["items"] == {"$ref": "#/components/schemas/Pet"}
    assert components["schemas"]["Pet"]["properties"]["owner"] == {
        "$ref": "#/components/schemas/owner"
    }
    # A reference into a bundled object points inside it instead of copying it.
    assert components["schemas"]["Pet"]["properties"]["tag"] == {
        "$ref": "#/components/schemas/Pet/$defs/Tag"
    }


def test_every_member_of_a_name_clash_is_qualified() -> None:
    bundled = ob.bundle(FIXTURES / "clash" / "openapi.yaml")
    schemas = bundled["components"]["schemas"]
    assert sorted(schemas) == ["a_pet", "b_pet", "pet"]
    assert schemas["pet"] == {"type": "string"}  # the entry's own keeps its name
    assert schemas["a_pet"]["properties"] == {"a": {"type": "integer"}}
    ref = bundled["paths"]["/b"]["get"]["responses"]["200"]["content"]["application/json"]
    assert ref["schema"] == {"$ref": "#/components/schemas/b_pet"}


def test_swagger_2_bundles_into_definitions_and_parameters() -> None:
    bundled = ob.bundle(FIXTURES / "swagger2" / "swagger.yaml")
    assert sorted(bundled["definitions"]) == ["pet"]
    assert sorted(bundled["parameters"]) == ["limit"]
    assert "components" not in bundled


def test_a_single_file_comes_back_as_loaded() -> None:
    path = FIXTURES.parent / "examples" / "items_api.yaml"
    assert ob.bundle(path) == ob.load(path)


def test_what_cannot_be_followed_raises_with_the_place_of_the_ref() -> None:
    with pytest.raises(RefResolutionError) as caught:
        ob.bundle(FIXTURES / "escape" / "spec" / "openapi.yaml")
    message = str(caught.value)
    assert "leaves the root folder" in message and "5 more" in message
    assert message.endswith("openapi.yaml:9:13")


def test_a_loop_of_inlined_objects_is_refused_not_followed_forever() -> None:
    with pytest.raises(RefResolutionError, match="loop") as caught:
        ob.bundle(FIXTURES / "loop" / "openapi.yaml")
    assert str(caught.value).endswith("b.yaml:8:15")


def test_a_wider_root_bundles_a_parent_folder(tmp_path: Path) -> None:
    (tmp_path / "common").mkdir()
    (tmp_path / "spec").mkdir()
    (tmp_path / "common" / "pet.json").write_text(json.dumps({"type": "object"}))
    spec = tmp_path / "spec" / "openapi.yaml"
    spec.write_text(
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n"
        "components:\n  schemas:\n    Pet: {$ref: '../common/pet.json'}\n"
    )
    with pytest.raises(RefResolutionError):
        ob.bundle(spec)
    assert ob.bundle(spec, root=tmp_path)["components"]["schemas"]["Pet"] == {"type": "object"}


def test_names_and_refs_are_safe_when_files_have_odd_names(tmp_path: Path) -> None:
    (tmp_path / "my pet (v2).yaml").write_text("type: object\n")
    (tmp_path / "openapi.yaml").write_text(
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\n"
        "paths:\n  /p/{id}:\n    get:\n      parameters:\n"
        "        - {name: id, in: path, required: true, schema: {type: string}}\n"
        "      responses:\n        '200':\n          description: OK\n"
        "          content:\n            application/json:\n"
        "              schema: {$ref: 'my%20pet%20(v2).yaml'}\n"
    )
    bundled = ob.bundle(tmp_path / "openapi.yaml")
    assert sorted(bundled["components"]["schemas"]) == ["my_pet_v2"]
    assert ob.validate(bundled).ok


def test_a_ref_back_into_the_entry_becomes_a_local_ref(tmp_path: Path) -> None:
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "list.yaml").write_text(
        "type: array\nitems: {$ref: '../openapi.yaml#/components/schemas/Item'}\n"
    )
    (tmp_path / "openapi.yaml").write_text(
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n"
        "components:\n  schemas:\n    Item: {type: object}\n"
        "    Items: {$ref: 'schemas/list.yaml'}\n"
    )
    bundled = ob.bundle(tmp_path / "openapi.yaml")
    assert bundled["components"]["schemas"]["Items"] == {
        "type": "array",
        "items": {"$ref": "#/components/schemas/Item"},
    }


def _shared(node: Any) -> list[str]:
    """Containers that appear twice in a tree (a bundle must be a tree, not a graph)."""
    seen: set[int] = set()
    twice: list[str] = []
    stack: list[tuple[Any, str]] = [(node, "")]
    while stack:
        current, where = stack.pop()
        if isinstance(current, dict | list):
            if id(current) in seen:
                twice.append(where)
                continue
            seen.add(id(current))
            items = current.items() if isinstance(current, dict) else enumerate(current)
            stack.extend((value, f"{where}/{key}") for key, value in items)
    return twice


def test_a_file_used_twice_is_a_tree_not_shared_objects(tmp_path: Path) -> None:
    (tmp_path / "item.yaml").write_text(
        "get:\n  responses:\n    '200':\n      description: OK\n"
        "      content:\n        application/json:\n          schema: {$ref: 'pet.yaml'}\n"
    )
    (tmp_path / "pet.yaml").write_text("type: object\nproperties:\n  id: {type: integer}\n")
    (tmp_path / "openapi.yaml").write_text(
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\n"
        "paths:\n  /a: {$ref: 'item.yaml'}\n  /b: {$ref: 'item.yaml'}\n"
        "  /c: {$ref: 'openapi.yaml#/paths/~1a'}\n"
    )
    bundled = ob.bundle(tmp_path / "openapi.yaml")
    assert bundled["paths"]["/a"] == bundled["paths"]["/b"]
    assert bundled["paths"]["/a"] is not bundled["paths"]["/b"]
    assert bundled["paths"]["/c"] == {"$ref": "#/paths/~1a"}  # the entry naming itself
    assert _shared(bundled) == []
    assert sorted(bundled["components"]["schemas"]) == ["pet"]


def test_a_schema_inside_an_inlined_path_item_is_copied_into_components(tmp_path: Path) -> None:
    (tmp_path / "item.yaml").write_text(
        "get:\n  responses:\n    '200':\n      description: OK\n"
        "      content:\n        application/json:\n          schema: {type: object}\n"
    )
    pointer = "item.yaml#/get/responses/200/content/application~1json/schema"
    (tmp_path / "openapi.yaml").write_text(
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\n"
        "paths:\n  /a: {$ref: 'item.yaml'}\n"
        f"components:\n  schemas:\n    Thing: {{$ref: '{pointer}'}}\n"
    )
    bundled = ob.bundle(tmp_path / "openapi.yaml")
    assert bundled["components"]["schemas"]["Thing"] == {"type": "object"}
    assert _shared(bundled) == []
    assert ob.validate(bundled).ok


@pytest.mark.parametrize("entry", ["petstore/openapi.yaml", "clash/openapi.yaml"])
def test_bundles_are_byte_identical_whatever_the_hash_seed(entry: str) -> None:
    import os
    import subprocess
    import sys

    script = "import sys, openapi_builder as ob; print(ob.to_yaml(ob.bundle(sys.argv[1])))"
    outputs = set()
    for seed in ("0", "1", "12345"):
        done = subprocess.run(
            [sys.executable, "-c", script, str(FIXTURES / entry)],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
            timeout=120,
        )
        outputs.add(done.stdout)
    assert len(outputs) == 1
