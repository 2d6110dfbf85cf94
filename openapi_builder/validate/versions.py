"""Which OpenAPI version a document declares: ``swagger: "2.0"`` or ``openapi: 3.x.y``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from openapi_builder.validate.findings import Finding

__all__ = ["VERSIONS", "SpecVersion", "detect_version"]

VersionKey = Literal["2.0", "3.0", "3.1", "3.2"]

VERSIONS: tuple[VersionKey, ...] = ("2.0", "3.0", "3.1", "3.2")

_OPENAPI = re.compile(r"^3\.([0-2])\.\d+(-.+)?$")


@dataclass(frozen=True, slots=True)
class SpecVersion:
    """The version family (``key``, which selects the schema) and the declared string."""

    key: VersionKey
    declared: str

    @property
    def is_v2(self) -> bool:
        return self.key == "2.0"


def detect_version(document: Any) -> SpecVersion | Finding:
    """The document's version, or a ``structure`` finding saying why it cannot be told."""
    if not isinstance(document, dict):
        kind = type(document).__name__
        return Finding(
            "structure",
            "",
            f"an OpenAPI document must be an object, got {kind}",
            hint="the top level needs `openapi` (or `swagger`), `info` and `paths`",
        )
    if "openapi" in document:
        declared = document["openapi"]
        if isinstance(declared, str) and (match := _OPENAPI.match(declared)):
            key: VersionKey = ("3.0", "3.1", "3.2")[int(match.group(1))]
            return SpecVersion(key, declared)
        return Finding(
            "structure",
            "/openapi",
            f"unsupported OpenAPI version {_short(declared)}",
            hint='use a string such as "3.0.3", "3.1.0" or "3.2.0" (quote it in YAML)',
        )
    if "swagger" in document:
        declared = document["swagger"]
        if declared == "2.0":
            return SpecVersion("2.0", "2.0")
        return Finding(
            "structure",
            "/swagger",
            f"unsupported Swagger version {_short(declared)}",
            hint='Swagger documents must say swagger: "2.0" (a string)',
        )
    return Finding(
        "structure",
        "",
        "no `openapi` or `swagger` field: the version cannot be told",
        hint='add openapi: "3.1.0" (or the version the document follows)',
    )


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
