"""Rule severities: the catalogue's defaults, then a config file, then the caller's ``rules``.

A config file is one of:

- YAML or JSON (``.yaml``, ``.yml``, ``.json``) with a ``rules`` mapping::

      rules:
        operation-summary: warning      # enable an off-by-default style rule
        no-unused-components: "off"     # quote off: YAML reads a bare off as false
- a ``pyproject.toml`` with a ``[tool.openapi-builder.rules]`` table (Python 3.11+).

Severities are ``error``, ``warning``, ``info`` or ``off``. An unknown rule id or severity
raises ``ConfigError`` naming the file (or ``rules=``) and the closest known rule ids.
"""

from __future__ import annotations

import difflib
import json
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

if sys.version_info >= (3, 11):
    import tomllib
else:  # the same parser, from PyPI
    import tomli as tomllib

from openapi_builder.errors import ConfigError
from openapi_builder.validate.catalogue import RULES_BY_ID
from openapi_builder.validate.report import Severity
from openapi_builder.validate.versions import VersionKey

__all__ = ["SEVERITIES", "ConfigError", "effective_severities", "read_config"]

SEVERITIES = ("error", "warning", "info", "off")


def read_config(path: str | os.PathLike[str]) -> dict[str, str]:
    """The ``rules`` mapping of a YAML/JSON config file or a pyproject.toml."""
    file = Path(path)
    where = str(path)
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read the config file: {error}", where=where) from None
    if file.name == "pyproject.toml" or file.suffix == ".toml":
        rules = _from_toml(text, where)
    else:
        try:
            data = json.loads(text) if file.suffix == ".json" else yaml.safe_load(text)
        except (ValueError, yaml.YAMLError) as error:
            raise ConfigError(f"the config file does not parse: {error}", where=where) from None
        if not isinstance(data, dict) or not isinstance(data.get("rules"), dict):
            raise ConfigError("expected a mapping with a `rules:` mapping inside", where=where)
        rules = data.get("rules", {})
    return {str(key): _severity_text(value) for key, value in rules.items()}


def _from_toml(text: str, where: str) -> Mapping[str, Any]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"the TOML does not parse: {error}", where=where) from None
    table = data.get("tool", {}).get("openapi-builder", {}).get("rules", {})
    if not isinstance(table, dict):
        raise ConfigError("[tool.openapi-builder.rules] must be a table", where=where)
    return table


def _severity_text(value: object) -> str:
    # YAML 1.1 reads a bare `off` as False; accept it rather than make users quote it.
    return "off" if value is False else str(value)


def effective_severities(
    *overrides: tuple[Mapping[str, str], str], version: VersionKey | None = None
) -> dict[str, Severity | None]:
    """Rule id -> severity (``None`` = off), applying ``(mapping, where)`` overrides in order.

    Defaults are those of ``version`` (the specification words some rules per version).
    """
    result: dict[str, Severity | None] = {
        rule.id: rule.severity_for(version) for rule in RULES_BY_ID.values()
    }
    for mapping, where in overrides:
        for rule_id, severity in mapping.items():
            if rule_id not in RULES_BY_ID:
                close = difflib.get_close_matches(rule_id, list(RULES_BY_ID), n=3)
                suggestion = f"; did you mean {', '.join(close)}?" if close else ""
                raise ConfigError(f"unknown rule id {rule_id!r}{suggestion}", where=where)
            if severity not in SEVERITIES:
                raise ConfigError(
                    f"severity of {rule_id!r} must be one of {', '.join(SEVERITIES)}, "
                    f"got {severity!r}",
                    where=where,
                )
            result[rule_id] = None if severity == "off" else severity  # type: ignore[assignment]
    return result
