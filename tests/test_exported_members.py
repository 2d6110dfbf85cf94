"""The public surface is exactly ``__all__``: nothing grows by accident."""

from __future__ import annotations

import openapi_builder as ob


def test_all_lists_every_public_name() -> None:
    public = {name for name in dir(ob) if not name.startswith("_")}
    modules = {name for name in public if type(getattr(ob, name)).__name__ == "module"}
    assert public - modules == set(ob.__all__)


def test_all_is_sorted_and_names_read_as_the_package() -> None:
    assert list(ob.__all__) == sorted(ob.__all__, key=str.casefold) or list(ob.__all__) == sorted(
        ob.__all__
    )
    for name in ob.__all__:
        assert getattr(ob, name).__module__ == "openapi_builder", name


def test_errors_read_as_the_package_in_tracebacks() -> None:
    assert repr(ob.DeclarationError("x")) == "DeclarationError('x')"
    assert ob.DeclarationError.__module__ == "openapi_builder"
