"""GitHub Actions workflow commands (``::error file=...,line=...::message``), escaped."""

from __future__ import annotations

__all__ = ["workflow_command"]


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def workflow_command(
    command: str,
    message: str,
    *,
    file: str | None = None,
    line: int | None = None,
    column: int | None = None,
    title: str | None = None,
) -> str:
    """One annotation line: ``command`` is error, warning or notice; the place is optional.

    ``line`` and ``column`` are written only with a ``file``, as GitHub reads them.
    """
    properties = []
    if file is not None:
        properties.append(f"file={_property(file)}")
        if line is not None:
            properties.append(f"line={line}")
            properties.append(f"col={column or 1}")
    if title is not None:
        properties.append(f"title={_property(title)}")
    return f"::{command} {','.join(properties)}::{_data(message)}"
