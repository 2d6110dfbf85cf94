"""``MODULE:ATTR`` -> the user's ``ob.API`` -> its document, with one-line failures."""

from __future__ import annotations

import copy
import importlib
import inspect
import os
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import openapi_builder as ob
from openapi_builder.cli._common import EXIT_FINDINGS, Failure

# Frames of the command line itself are never "the user's" place of an error.
_CLI_DIR = Path(__file__).resolve().parent


@contextmanager
def _on_sys_path(directory: Path) -> Iterator[None]:
    """Put ``directory`` first on ``sys.path`` for the import, and take it away afterwards."""
    entry = str(directory)
    added = entry not in sys.path
    if added:
        sys.path.insert(0, entry)
    try:
        yield
    finally:
        if added and entry in sys.path:
            sys.path.remove(entry)


def _module_for_file(path: Path) -> tuple[str, Path]:
    """The dotted name of a ``.py`` file and the directory to import it from.

    Walking up through packages (directories with ``__init__.py``) means that
    ``examples/items_api.py`` imports as ``examples.items_api``, exactly as the dotted form
    does, so both forms give the same models and so the same document.
    """
    resolved = path.resolve()
    parts = [] if resolved.name == "__init__.py" else [resolved.stem]
    directory = resolved.parent
    while (directory / "__init__.py").is_file() and directory.parent != directory:
        parts.insert(0, directory.name)
        directory = directory.parent
    return ".".join(parts), directory


def _user_frame(error: BaseException) -> str:
    """``file:line`` of the innermost frame outside the import machinery and the command line."""
    if isinstance(error, SyntaxError) and error.filename:
        return f" (at {_relative(error.filename)}:{error.lineno})"
    frames = [
        frame
        for frame in traceback.extract_tb(error.__traceback__)
        if not frame.filename.startswith("<") and Path(frame.filename).resolve().parent != _CLI_DIR
    ]
    return f" (at {_relative(frames[-1].filename)}:{frames[-1].lineno})" if frames else ""


def _relative(filename: str) -> str:
    try:
        return str(Path(filename).resolve().relative_to(Path.cwd()))
    except ValueError:
        return filename


def _describe(error: BaseException) -> str:
    """``Type: first line of the message``: an exception in the space of one line."""
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0]}" if text else type(error).__name__


def _import(target: str) -> tuple[Any, str]:
    """Import the module part of ``MODULE:ATTR``; return it and its display name."""
    module_part, sep, attr = target.rpartition(":")
    if not sep or not module_part or not attr:
        raise Failure(f"{target!r} is not MODULE:ATTR; write e.g. 'myapp.api:api' or 'app.py:api'")
    path: Path | None = None
    if module_part.endswith(".py") or "/" in module_part or os.sep in module_part:
        path = Path(module_part)
        if path.is_dir():
            raise Failure(f"{module_part!r} is a directory; name the .py file that defines the API")
        if not path.is_file():
            raise Failure(
                f"no such file: {module_part!r}; check the path (relative to {os.getcwd()})"
            )
        name, directory = _module_for_file(path)
    else:
        name, directory = module_part, Path.cwd()
    importlib.invalidate_caches()  # files written since the last import must be seen
    with _on_sys_path(directory):
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name is not None and (name == error.name or name.startswith(f"{error.name}.")):
                raise Failure(
                    f"cannot import {name!r}: no module named {error.name!r} in {directory} or "
                    "on sys.path; run from the project root or pass a file path"
                ) from error
            raise Failure(
                f"importing {name!r} failed: {_describe(error)}{_user_frame(error)}; "
                "install the missing package or fix the import"
            ) from error
        except Exception as error:  # the user's module raised while importing
            raise Failure(
                f"importing {name!r} raised {_describe(error)}{_user_frame(error)}; fix the module"
            ) from error
    loaded_from = getattr(module, "__file__", None)
    if path is not None and loaded_from and Path(loaded_from).resolve() != path.resolve():
        # Another module of that name was imported first; silently using it would be wrong.
        raise Failure(
            f"{module_part!r} would import as {name!r}, but that name is already taken by "
            f"{loaded_from}; rename one of them"
        )
    return module, name


def load_api(target: str, openapi: str | None) -> ob.API:
    """Resolve ``MODULE:ATTR`` to an ``ob.API`` (calling ATTR when it is a factory)."""
    module, name = _import(target)
    attr = target.rpartition(":")[2]
    value: Any = module
    for part in attr.split("."):
        if not hasattr(value, part):
            apis = sorted(k for k, v in vars(module).items() if isinstance(v, ob.API))
            hint = f"; it has API objects: {', '.join(apis)}" if apis else ""
            raise Failure(f"module {name!r} has no attribute {attr!r}{hint}")
        value = getattr(value, part)
    api = value if isinstance(value, ob.API) else _call_factory(value, f"{name}:{attr}")
    if openapi is not None and openapi != api.openapi:
        # A copy: the user's API object is never changed by a command-line option.
        api = copy.copy(api)
        api.openapi = openapi
    return api


def _call_factory(value: Any, where: str) -> ob.API:
    kind = f"{type(value).__module__}.{type(value).__qualname__}"
    if not callable(value):
        raise Failure(
            f"{where} is a {kind}, not an openapi_builder.API or a zero-argument callable "
            "returning one; point at the API object"
        )
    try:
        inspect.signature(value).bind()
    except TypeError:
        raise Failure(
            f"{where} needs arguments; point at an openapi_builder.API or a callable that "
            "takes none"
        ) from None
    except ValueError:
        pass  # no signature to inspect (a builtin): calling it will tell
    try:
        result = value()
    except Exception as error:
        raise Failure(f"calling {where}() raised {_describe(error)}{_user_frame(error)}") from error
    if not isinstance(result, ob.API):
        got = f"{type(result).__module__}.{type(result).__qualname__}"
        raise Failure(
            f"{where}() returned a {got}, not an openapi_builder.API; return the API object"
        )
    return result


def build_document(api: ob.API) -> dict[str, Any]:
    """Build and validate; a declaration or validation problem is a finding (exit 1)."""
    try:
        return api.build()
    except ob.SpecValidationError as error:
        count = len(error.problems)
        lines = [
            f"API {api.title!r} builds an invalid document ({count} problem(s)); "
            "fix the declarations below"
        ]
        lines.extend(f"  {problem}" for problem in error.problems)
        raise Failure("\n".join(lines), EXIT_FINDINGS) from error
    except ob.DeclarationError as error:
        raise Failure(f"API {api.title!r} cannot be built: {error}", EXIT_FINDINGS) from error
    except ob.OpenAPIBuilderError:
        raise
    except Exception as error:  # raised by the user's models or hooks while building
        raise Failure(
            f"building API {api.title!r} raised {_describe(error)}{_user_frame(error)}; "
            "rerun with --traceback for details"
        ) from error
