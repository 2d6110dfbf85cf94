"""``engine="openapi-spec-validator"``: the reference, its exceptions turned into findings.

The reference's errors can be enormous (an unresolved ``$ref`` error embeds the document);
each becomes one short finding with a pointer when the error carries a path. Every URI
scheme gets a handler that refuses, so the reference cannot fetch or open anything either
(with no handler for a scheme it would fall back to urllib).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from jsonschema.exceptions import ValidationError
from jsonschema_path import SchemaPath
from openapi_spec_validator.validation import (
    OpenAPIV2SpecValidator,
    OpenAPIV30SpecValidator,
    OpenAPIV31SpecValidator,
    OpenAPIV32SpecValidator,
)

from openapi_builder.validate.findings import Finding
from openapi_builder.validate.pointers import escape
from openapi_builder.validate.versions import VersionKey

__all__ = ["REFERENCE_RULE", "reference_findings"]

REFERENCE_RULE = "openapi-spec-validator"
_CLASSES: dict[VersionKey, Any] = {
    "2.0": OpenAPIV2SpecValidator,
    "3.0": OpenAPIV30SpecValidator,
    "3.1": OpenAPIV31SpecValidator,
    "3.2": OpenAPIV32SpecValidator,
}
_LIMIT = 160


def _short(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= _LIMIT else line[: _LIMIT - 3] + "..."


class RemoteRefRefused(LookupError):
    """Raised instead of fetching a ``$ref`` target: validation never leaves the document."""


def _refuse(uri: str) -> Any:
    raise RemoteRefRefused(f"not fetched: {uri}")


class _RefuseEveryScheme(dict[str, Any]):
    """A handler table that has a refusing handler for every URI scheme."""

    def __contains__(self, scheme: object) -> bool:
        return True

    def __getitem__(self, scheme: str) -> Any:
        return _refuse


def reference_findings(document: Any, version: VersionKey) -> Iterator[Finding]:
    """Every error openapi-spec-validator reports for ``document``, as findings."""
    path = SchemaPath.from_dict(document, handlers=_RefuseEveryScheme())
    try:
        for error in _CLASSES[version](path).iter_errors():
            yield _finding(error)
    except RecursionError:
        yield Finding(REFERENCE_RULE, "", "the reference validator ran out of recursion depth")
    except Exception as error:  # unresolvable refs and the like stop the reference
        ref = getattr(error, "ref", None)
        message = f"unresolvable $ref {ref!r}" if ref else f"{type(error).__name__}: {error}"
        yield Finding(REFERENCE_RULE, "", _short(message))


def _finding(error: ValidationError) -> Finding:
    pointer = "".join(f"/{escape(token)}" for token in error.absolute_path)
    return Finding(REFERENCE_RULE, pointer, _short(str(error.message)))
