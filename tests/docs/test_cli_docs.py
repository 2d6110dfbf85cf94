"""``openapi-builder docs``: a spec file or MODULE:ATTR to a page, stdout or a file."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import openapi_builder as ob
from openapi_builder.cli import run
from tests.conftest import FIXTURES
from tests.support.kitchen_sink import kitchen_sink

PETSTORE_V2 = FIXTURES / "docs" / "petstore-2.0.json"

APP = """
import openapi_builder as ob

api = ob.API(title="Pets <beta>", version="1.0.0")
api.add(ob.Operation("GET", "/pets", operation_id="list_pets", summary="List pets"))
"""


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_spec_file_to_stdout_is_the_library_page() -> None:
    code, out, err = _run("docs", str(PETSTORE_V2))
    assert (code, err) == (0, "")
    assert out == ob.docs_html(ob.load(PETSTORE_V2))


def test_module_to_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "docs_app.py").write_text(APP, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = _run("docs", "docs_app.py:api", "-o", "api.html", "--title", "Mine")
    assert (code, out, err) == (0, "", "")
    page = (tmp_path / "api.html").read_text(encoding="utf-8")
    assert "<title>Mine</title>" in page and 'data-path="/pets"' in page
    assert list(tmp_path.glob(".*.tmp")) == []  # written atomically, nothing left behind


def test_swagger_ui_option() -> None:
    pytest.importorskip("swagger_ui", reason="the docs extra (swagger-ui-py) is not installed")
    code, out, _ = _run("docs", str(PETSTORE_V2), "--ui", "swagger")
    assert code == 0 and "SwaggerUIBundle" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["docs", "missing.yaml"], "no such file: 'missing.yaml'; give a spec file or MODULE:ATTR"),
        (["docs", "nothing"], "no such file: 'nothing'"),
        (["docs", str(PETSTORE_V2), "--openapi", "3.1.0"], "--openapi applies to MODULE:ATTR"),
        (["docs", str(PETSTORE_V2), "-o", "/no/such/dir/x.html"], "does not exist"),
        (["docs", "no_such_module_xyz:api"], "cannot import 'no_such_module_xyz'"),
    ],
)
def test_unusable_input_is_one_line_and_exit_2(argv: list[str], message: str) -> None:
    code, out, err = _run(*argv)
    assert code == 2 and out == ""
    assert message in err and err.count("\n") == 1


def test_a_broken_file_says_where(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("openapi: 3.1.0\ninfo: [\n", encoding="utf-8")
    code, _, err = _run("docs", str(broken))
    assert code == 2 and "broken.yaml:" in err


def test_module_with_another_openapi_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "docs_app_v30.py").write_text(APP, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = _run("docs", "docs_app_v30.py:api", "--openapi", "3.0.3")
    assert code == 0 and "OpenAPI 3.0.3" in out and "Pets &lt;beta&gt;" in out


def test_swagger_refuses_3_2_in_one_line(tmp_path: Path) -> None:
    spec = tmp_path / "v32.json"
    spec.write_text(ob.to_json(kitchen_sink("3.2.0").build()), encoding="utf-8")
    code, out, err = _run("docs", str(spec), "--ui", "swagger")
    assert (code, out) == (2, "")
    assert "cannot show OpenAPI 3.2.0" in err and err.count("\n") == 1
