"""validate on a multi-file spec: what the refs reach is validated, and findings name its file."""

from __future__ import annotations

from pathlib import Path

import openapi_builder as ob
from tests.multifile.conftest import FIXTURES


def test_a_finding_inside_a_referenced_file_names_that_file_line_and_column() -> None:
    entry = FIXTURES / "broken" / "openapi.yaml"
    (problem,) = ob.validate(entry).problems
    assert problem.rule_id == "structure" and "strin" in problem.message
    assert problem.source == str(FIXTURES / "broken" / "schemas" / "item.yaml")
    assert (problem.pointer, problem.line, problem.column) == ("/properties/name/type", 6, 11)
    assert str(problem).count("item.yaml:6:11") == 1


def test_without_following_the_ref_is_reported_instead() -> None:
    entry = FIXTURES / "broken" / "openapi.yaml"
    (problem,) = ob.validate(entry, follow_refs=False).problems
    assert problem.rule_id == "unresolved-ref" and "is not followed" in problem.message


def test_a_split_spec_is_clean_and_each_refused_ref_is_found_at_its_place() -> None:
    assert ob.validate(FIXTURES / "petstore" / "openapi.yaml").problems == ()
    report = ob.validate(FIXTURES / "escape" / "spec" / "openapi.yaml", lint=False)
    refs = [(p.line, p.column) for p in report.problems if p.rule_id == "unresolved-ref"]
    assert refs == [(9, 13), (11, 13), (13, 13), (15, 13), (17, 13), (19, 13)]
    assert {p.source for p in report.problems} == {
        str(FIXTURES / "escape" / "spec" / "openapi.yaml")
    }


def test_a_finding_in_a_shared_file_is_reported_once(tmp_path: Path) -> None:
    (tmp_path / "pet.yaml").write_text("type: object\nproperties:\n  id: {type: intger}\n")
    (tmp_path / "openapi.yaml").write_text(
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n"
        + "".join(
            f"  /{name}:\n    get:\n      responses:\n        '200':\n"
            "          description: OK\n          content:\n"
            "            application/json:\n              schema: {$ref: 'pet.yaml'}\n"
            for name in ("a", "b")
        )
    )
    report = ob.validate(tmp_path / "openapi.yaml", lint=False)
    assert [(p.source, p.line) for p in report.problems] == [(str(tmp_path / "pet.yaml"), 3)]


def test_the_root_option_widens_what_may_be_opened(tmp_path: Path) -> None:
    (tmp_path / "spec").mkdir()
    (tmp_path / "common.yaml").write_text("type: object\n")
    spec = tmp_path / "spec" / "openapi.yaml"
    spec.write_text(
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n"
        "components:\n  schemas:\n    A: {$ref: '../common.yaml'}\n"
    )
    assert not ob.validate(spec, lint=False).ok
    assert ob.validate(spec, lint=False, root=tmp_path).ok


def test_a_dict_is_validated_as_it_stands() -> None:
    doc = ob.load(FIXTURES / "broken" / "openapi.yaml")
    (problem,) = ob.validate(doc).problems
    assert problem.rule_id == "unresolved-ref"


def test_a_loop_of_bare_refs_across_files_is_reported_in_the_files(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("$ref: b.yaml\n")
    (tmp_path / "b.yaml").write_text("$ref: a.yaml\n")
    (tmp_path / "openapi.yaml").write_text(
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n"
        "components:\n  schemas:\n    A: {$ref: 'a.yaml'}\n"
    )
    report = ob.validate(tmp_path / "openapi.yaml", lint=False)
    loops = [p for p in report.problems if "never reaches a definition" in p.message]
    assert loops and all(p.source is not None for p in loops)
    assert {Path(p.source).name for p in loops} <= {"a.yaml", "b.yaml", "openapi.yaml"}
