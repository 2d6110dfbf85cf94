"""Checks across declarations, run before assembly: every problem is reported at once.

The same method and path twice (path parameter names do not make paths different), the
same operationId twice (paths and webhooks alike), path parameters that do not match the
path template (``$ref`` parameters resolved against ``components.parameters``), duplicate
parameters, and security requirements naming unknown schemes or scopes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from openapi_builder.declare import (
    Declarations,
    Operation,
    Parameter,
    default_operation_id,
    path_template_names,
)
from openapi_builder.errors import DeclarationError

__all__ = ["cross_check", "raise_all"]


def cross_check(declared: Declarations) -> list[DeclarationError]:
    """Every problem across the declarations, in declaration order."""
    problems: list[DeclarationError] = []
    seen_routes: set[tuple[str, str]] = set()
    path_of_shape: dict[str, str] = {}
    seen_ids: dict[str, str] = {}
    for operation in declared.operations:
        shape = _route_shape(operation.path)
        route = (operation.method, shape)
        if route in seen_routes:
            problems.append(
                DeclarationError(
                    "this method and path are declared twice (path parameter names do not "
                    "make paths different): remove or merge one",
                    where=operation.label,
                )
            )
        elif path_of_shape.setdefault(shape, operation.path) != operation.path:
            # OpenAPI: templated paths that differ only in parameter names are identical.
            problems.append(
                DeclarationError(
                    f"this path is {path_of_shape[shape]!r} with other parameter names; "
                    "OpenAPI treats them as one path: use the same names in both",
                    where=operation.label,
                )
            )
        seen_routes.add(route)
        problems.extend(_operation_id_problems(operation, operation.label, seen_ids))
        problems.extend(_path_parameter_problems(operation, declared))
        problems.extend(_security_problems(operation.security or (), declared, operation.label))
    for name, operations in declared.webhooks.items():
        for operation in operations:
            label = f"webhook {name!r} {operation.method}"
            problems.extend(_operation_id_problems(operation, label, seen_ids))
            problems.extend(_security_problems(operation.security or (), declared, label))
    problems.extend(_security_problems(declared.security or (), declared, "API security"))
    return problems


def _operation_id_problems(
    operation: Operation, label: str, seen_ids: dict[str, str]
) -> list[DeclarationError]:
    """operationIds are unique across paths, webhooks (and what they share) alike."""
    operation_id = operation.operation_id or default_operation_id(operation)
    if operation_id in seen_ids:
        return [
            DeclarationError(
                f"operationId {operation_id!r} is already used by {seen_ids[operation_id]}: "
                "give one of them a distinct operation_id=",
                where=label,
            )
        ]
    seen_ids[operation_id] = label
    return []


def _route_shape(path: str) -> str:
    return re.sub(r"\{[^{}]*\}", "{}", path)


def _path_parameter_problems(
    operation: Operation, declared: Declarations
) -> list[DeclarationError]:
    problems = []
    parameters: list[tuple[str, str]] = []
    for parameter in operation.parameters:
        if isinstance(parameter, Parameter):
            parameters.append((parameter.wire_name, parameter.location))
            continue
        target = _component_parameter(parameter["$ref"], declared)
        if target is None:
            problems.append(
                DeclarationError(
                    f"parameter $ref {parameter['$ref']!r} names no parameter in "
                    "API(components={'parameters': ...})",
                    where=operation.label,
                )
            )
        else:
            parameters.append(target)
    in_template = path_template_names(operation.path)
    in_path = [name for name, location in parameters if location == "path"]
    for name in in_template:
        if name not in in_path:
            problems.append(
                DeclarationError(
                    f"the path uses {{{name}}} but no path parameter {name!r} is declared: "
                    f"add ob.Parameter({name!r}, 'path', <type>)",
                    where=operation.label,
                )
            )
    for name in in_path:
        if name not in in_template:
            problems.append(
                DeclarationError(
                    f"path parameter {name!r} does not appear in the path: add {{{name}}} to "
                    "the path or declare it in 'query'",
                    where=operation.label,
                )
            )
    seen: set[tuple[str, str]] = set()
    for name, location in parameters:
        if (name, location) in seen:
            problems.append(
                DeclarationError(
                    f"parameter {name!r} in {location} is declared twice",
                    where=operation.label,
                )
            )
        seen.add((name, location))
    return problems


def _component_parameter(ref: str, declared: Declarations) -> tuple[str, str] | None:
    """``(name, in)`` of ``#/components/parameters/<key>``, or None when it is not declared."""
    prefix = "#/components/parameters/"
    if not ref.startswith(prefix):
        return None
    key = ref[len(prefix) :].replace("~1", "/").replace("~0", "~")
    value = declared.components.get("parameters", {}).get(key)
    if isinstance(value, Parameter):
        return (value.wire_name, value.location)
    if isinstance(value, Mapping) and "name" in value and "in" in value:
        return (str(value["name"]), str(value["in"]))
    return None


def _security_problems(
    requirements: Iterable[Mapping[str, Sequence[str]]], declared: Declarations, where: str
) -> list[DeclarationError]:
    problems = []
    for requirement in requirements:
        for name, scopes in requirement.items():
            scheme = declared.security_schemes.get(name)
            if scheme is None:
                known = ", ".join(sorted(declared.security_schemes)) or "none declared"
                problems.append(
                    DeclarationError(
                        f"security requirement names unknown scheme {name!r} (known: {known}): "
                        "add it to API(security_schemes=...)",
                        where=where,
                    )
                )
                continue
            if scheme.type == "oauth2" and scheme.flows is not None:
                known_scopes = {
                    scope
                    for flow in scheme.flows.values()
                    if isinstance(flow, Mapping)
                    for scope in flow.get("scopes", {})
                }
                unknown = [scope for scope in scopes if scope not in known_scopes]
                if unknown:
                    problems.append(
                        DeclarationError(
                            f"security requirement {name!r} asks for unknown scope(s) "
                            f"{unknown}: declare them in the scheme's flows",
                            where=where,
                        )
                    )
    return problems


def raise_all(problems: Sequence[DeclarationError]) -> None:
    if not problems:
        return
    if len(problems) == 1:
        raise problems[0]
    lines = "\n".join(f"  - {problem}" for problem in problems)
    raise DeclarationError(f"{len(problems)} problems in the declarations:\n{lines}")
