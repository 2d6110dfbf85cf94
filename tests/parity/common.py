"""What every parity app shares: FastAPI's names for operations, and the App row.

FastAPI derives an operation's id and summary from the handler's name; the ``ob`` side
names them explicitly with ``op()``, which computes them the way FastAPI does, so both
documents can be compared whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI

import openapi_builder as ob


@dataclass(frozen=True)
class App:
    """One of FastAPI's documentation apps, written with FastAPI and with ``ob``.

    ``chapter`` names the ``docs_src/`` directory it follows; ``warns`` is True when the
    app's own examples do not match their schemas (FastAPI documents them anyway; we warn).
    """

    name: str
    chapter: str
    fastapi: Callable[[], FastAPI]
    ours: Callable[[], ob.API]
    warns: bool = False


def fastapi_id(function: str, path: str, method: str) -> str:
    """FastAPI's generated operation id: ``read_item`` + ``/items/{item_id}`` + ``get``."""
    return re.sub(r"\W", "_", f"{function}{path}") + "_" + method.lower()


def fastapi_summary(function: str) -> str:
    """FastAPI's summary: the handler's name in title case."""
    return function.replace("_", " ").title()


def op(method: str, path: str, function: str, **declared: Any) -> ob.Operation:
    """An ``ob.Operation`` with the id and summary FastAPI gives handler ``function``."""
    declared.setdefault("operation_id", fastapi_id(function, path, method))
    declared.setdefault("summary", fastapi_summary(function))
    return ob.Operation(method, path, **declared)


def api(*operations: ob.Operation, **declared: Any) -> ob.API:
    """``ob.API`` with FastAPI's default title and version."""
    title = declared.pop("title", "FastAPI")
    version = declared.pop("version", "0.1.0")
    return ob.API(title, version, operations=operations, **declared)
