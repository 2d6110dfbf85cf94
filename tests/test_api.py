"""ob.API end to end: build, validation on and off, versions, write, determinism."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from openapi_spec_validator import validate as reference_validate
from pydantic import BaseModel

import openapi_builder as ob
from tests.conftest import ROOT


class Item(BaseModel):
    name: str
    price: float


def items_api(openapi: str = "3.1.0") -> ob.API:
    return ob.API(
        "Items",
        "1.0.0",
        openapi,
        operations=[
            ob.Operation(
                "GET",
                "/items/{item_id}",
                parameters=[ob.Parameter("item_id", "path", int)],
                response_model=Item,
                responses={404: {"description": "Missing"}},
            ),
            ob.Operation("POST", "/items", request_body=Item, response_model=Item, status_code=201),
        ],
    )


def test_build_passes_the_reference_validator_for_every_version(openapi_version: str) -> None:
    document = items_api(openapi_version).build()
    assert document["openapi"] == openapi_version
    reference_validate(document)


def test_build_rejects_an_invalid_document_listing_every_problem() -> None:
    # A raw schema with a wrong type is emitted untouched, so validation must catch it.
    api = ob.API(
        "T",
        "1",
        operations=[
            ob.Operation("GET", "/a", response_model={"type": "strin"}),
            ob.Operation("GET", "/b", response_model={"required": "name"}),
        ],
    )
    with pytest.raises(ob.SpecValidationError) as raised:
        api.build()
    pointers = {problem.pointer for problem in raised.value.problems}
    assert any(p.startswith("/paths/~1a/get") for p in pointers), pointers
    assert any(p.startswith("/paths/~1b/get") for p in pointers), pointers
    assert "API 'T' built an invalid document" in str(raised.value)
    assert "GET /a" in str(raised.value) and "GET /b" in str(raised.value)


def test_validate_false_skips_validation() -> None:
    api = ob.API("T", "1", operations=[ob.Operation("GET", "/a", response_model={"type": "strin"})])
    document = api.build(validate=False)
    assert document["paths"]["/a"]["get"]["responses"]["200"]["content"]["application/json"] == {
        "schema": {"type": "strin"}
    }


def test_unknown_openapi_version_is_a_declaration_error() -> None:
    with pytest.raises(ob.DeclarationError, match=r"3\.0\.3"):
        items_api("2.0").build()


@pytest.mark.parametrize("suffix", [".json", ".yaml", ".yml"])
def test_write_picks_the_format_from_the_suffix(tmp_path: Path, suffix: str) -> None:
    api = items_api()
    target = api.write(tmp_path / f"openapi{suffix}")
    text = target.read_text(encoding="utf-8")
    expected = ob.to_json(api.build()) if suffix == ".json" else ob.to_yaml(api.build())
    assert text == expected
    assert ob.load(target) == api.build()


def test_write_refuses_an_unknown_suffix_and_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(ob.RenderError, match=r"\.txt"):
        items_api().write(tmp_path / "openapi.txt")
    assert list(tmp_path.iterdir()) == []


def test_example_output_is_byte_identical_across_hash_seeds() -> None:
    outputs = set()
    for seed in ("0", "1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run(
            [sys.executable, str(ROOT / "examples" / "items_api.py")],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        outputs.add(result.stdout)
    assert len(outputs) == 1
    document: Any = ob.load(outputs.pop())
    reference_validate(document)


def test_example_document_is_golden(golden: Any) -> None:
    from examples.items_api import api

    golden("examples/items_api.yaml", ob.to_yaml(api.build()))
    golden("examples/items_api.json", ob.to_json(api.build()))
    json.loads(ob.to_json(api.build()))


@pytest.mark.parametrize("version", ["2.0", "3.1", "4.0.0", "3.0.10", ""])
def test_unsupported_versions_are_refused_when_the_api_is_declared(version: str) -> None:
    with pytest.raises(ob.DeclarationError) as raised:
        ob.API("T", "1", version)
    assert "unsupported OpenAPI version" in str(raised.value)
    assert str(raised.value).endswith("- at API(openapi=...)")


def test_a_raw_schema_deeper_than_the_recursion_limit_builds_and_validates() -> None:
    schema: dict[str, Any] = {"type": "string"}
    for _ in range(5000):
        schema = {"type": "object", "properties": {"a": schema}}
    document = ob.API(
        "T", "1", operations=[ob.Operation("GET", "/x", response_model=schema)]
    ).build()
    built = document["paths"]["/x"]["get"]["responses"]["200"]["content"]["application/json"]
    depth, node = 0, built["schema"]
    while "properties" in node:
        depth, node = depth + 1, node["properties"]["a"]
    assert (depth, node) == (5000, {"type": "string"})
    # JSON text that deep is refused by the renderer with a typed error, never a crash.
    with pytest.raises(ob.RenderError, match="nests deeper than"):
        ob.to_json(document)


def test_an_example_warning_points_at_the_caller_and_is_a_user_warning() -> None:
    operation = ob.Operation(
        "GET", "/x", parameters=[ob.Parameter("n", "query", int, example="ten")]
    )
    with pytest.warns(ob.ExampleWarning) as caught:
        ob.API("T", "1", operations=[operation]).build()
    assert issubclass(ob.ExampleWarning, UserWarning)
    assert caught[0].filename == __file__
    assert "strict_examples=True" in str(caught[0].message)


def test_a_backtracking_pattern_with_a_mismatching_example_builds_without_hanging() -> None:
    # Python's re backtracks exponentially on this pair; the check runs in jsonschema-rs.
    import subprocess
    import sys
    import textwrap

    code = textwrap.dedent(
        r"""
        import warnings
        from typing import Annotated
        from pydantic import BaseModel, Field
        import openapi_builder as ob

        P = r"^(https?:\/\/)?([\da-z\.-]+)\.([a-z\.]{2,6})([\/\w \.-]*)*\/?$"
        URL = "http://www.example.com/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!"

        class Site(BaseModel):
            url: Annotated[str, Field(pattern=P, examples=[URL])]

        api = ob.API("T", "1", operations=[ob.Operation("GET", "/s", response_model=Site)])
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            api.build()
        print(sum(isinstance(w.message, ob.ExampleWarning) for w in caught))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "1"
