"""Invariant 6, as a property: two different classes never share a component name, and one
class never gets two — whatever the mix of same-named classes, modules and reuse."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, create_model

import openapi_builder as ob

# (module, class name, field type) for each class; classes may repeat names and modules.
class_specs = st.lists(
    st.tuples(
        st.sampled_from(["app.a", "app.b", "lib"]),
        st.sampled_from(["Item", "User", "Page"]),
        st.sampled_from([int, str, float]),
    ),
    min_size=1,
    max_size=6,
)


def make_class(module: str, name: str, field_type: type) -> type[BaseModel]:
    model = create_model(name, value=(field_type, ...), __module__=module)
    return model


@settings(max_examples=60, deadline=None)
@given(specs=class_specs, uses=st.lists(st.integers(0, 5), min_size=1, max_size=10))
def test_one_name_per_class_and_one_class_per_name(
    specs: list[tuple[str, str, type]], uses: list[int]
) -> None:
    classes = [make_class(*spec) for spec in specs]
    used = [classes[i % len(classes)] for i in uses]
    # Odd operations also send the class, so both request and response schemas exist.
    operations = [
        ob.Operation("POST", f"/r{i}", response_model=cls, request_body=cls)
        if i % 2
        else ob.Operation("GET", f"/r{i}", response_model=cls)
        for i, cls in enumerate(used)
    ]
    document = ob.API("T", "1", operations=operations).build()

    names_of: dict[int, set[str]] = {}
    for i, cls in enumerate(used):
        operation = document["paths"][f"/r{i}"]["get" if i % 2 == 0 else "post"]
        ref = operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
        names_of.setdefault(id(cls), set()).add(_base(ref))
    # One class, one (base) name; different classes, different names.
    assert all(len(names) == 1 for names in names_of.values())
    all_names = [next(iter(names)) for names in names_of.values()]
    assert len(all_names) == len(set(all_names))
    # Every component is some used class (no leftovers, no duplicates of one class).
    components = {_base(name) for name in document["components"]["schemas"]}
    assert components == set(all_names)


def _base(ref: str) -> str:
    name = ref.rsplit("/", 1)[-1]
    for suffix in ("-Input", "-Output"):
        name = name.removesuffix(suffix)
    return name


def test_same_schema_different_classes_still_get_different_names() -> None:
    first = make_class("app.a", "Item", int)
    second = make_class("app.b", "Item", int)  # identical schema, different class
    document: dict[str, Any] = ob.API(
        "T",
        "1",
        operations=[
            ob.Operation("GET", "/a", response_model=first),
            ob.Operation("GET", "/b", response_model=second),
        ],
    ).build()
    assert sorted(document["components"]["schemas"]) == ["app__a__Item", "app__b__Item"]
