"""JSON pointers for the validate package: the shared ``openapi_builder.pointers``."""

from openapi_builder.pointers import (
    MISSING,
    escape,
    join,
    resolve,
    split_ref,
    to_pointer,
    tokens,
    unescape,
)

__all__ = ["MISSING", "escape", "join", "resolve", "split_ref", "to_pointer", "tokens", "unescape"]
