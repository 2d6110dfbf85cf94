"""Defects injected (in memory) into Stripe's 2022 spec are found at the right pointers."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

from openapi_builder.validate import validate

Doc = dict[str, Any]
GET_CUSTOMER = "/paths/~1v1~1customers~1{customer}/get"


def _response_without_description(doc: Doc) -> str:
    del doc["paths"]["/v1/customers/{customer}"]["get"]["responses"]["200"]["description"]
    return f"{GET_CUSTOMER}/responses/200"


def _dangling_ref(doc: Doc) -> str:
    schema = doc["components"]["schemas"]["customer"]["properties"]["address"]
    schema["anyOf"][0]["$ref"] = "#/components/schemas/adress"
    return "/components/schemas/customer/properties/address/anyOf/0/$ref"


def _type_typo(doc: Doc) -> str:
    doc["components"]["schemas"]["customer"]["properties"]["email"]["type"] = "strng"
    return "/components/schemas/customer/properties/email/type"


def _undeclared_path_param(doc: Doc) -> str:
    doc["paths"]["/v1/customers/{customer}"]["get"]["parameters"] = [
        p for p in doc["paths"]["/v1/customers/{customer}"]["get"]["parameters"]
        if p.get("in") != "path"
    ]  # fmt: skip
    return GET_CUSTOMER


def _duplicate_operation_id(doc: Doc) -> str:
    first = doc["paths"]["/v1/customers"]["get"]["operationId"]
    doc["paths"]["/v1/customers/{customer}"]["get"]["operationId"] = first
    return f"{GET_CUSTOMER}/operationId"


def _bad_status_key(doc: Doc) -> str:
    responses = doc["paths"]["/v1/customers/{customer}"]["get"]["responses"]
    responses["2OO"] = responses["200"]
    return f"{GET_CUSTOMER}/responses/2OO"


INJECTIONS: dict[str, tuple[Callable[[Doc], str], str]] = {
    "response-without-description": (_response_without_description, "structure"),
    "dangling-ref": (_dangling_ref, "unresolved-ref"),
    "type-typo": (_type_typo, "structure"),
    "undeclared-path-param": (_undeclared_path_param, "path-params"),
    "duplicate-operation-id": (_duplicate_operation_id, "operation-operationId-unique"),
    "bad-status-key": (_bad_status_key, "structure"),
}


@pytest.mark.parametrize("name", sorted(INJECTIONS))
def test_injected_defect_is_found(stripe_2022: Doc, name: str) -> None:
    inject, rule_id = INJECTIONS[name]
    pointer = inject(stripe_2022)
    before = copy.deepcopy(stripe_2022)
    report = validate(stripe_2022)
    assert stripe_2022 == before  # validate never mutates
    errors = {(p.rule_id, p.pointer) for p in report.errors}
    assert (rule_id, pointer) in errors, sorted(errors)[:10]
    assert len(report.errors) <= 3, report.errors
