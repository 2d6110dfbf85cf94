"""Hypothesis strategies: random API recipes (see ``recipes.py``) and JSON-like documents.

Vocabularies are deliberately small so that collisions happen often: two models with the
same class name, two operations on the same route, an operationId used twice, a path
parameter missing from the template. Strings come from a pool of YAML traps (``"yes"``,
``"on"``, ``"null"``, ``"1e3"``, ``"0012"``, dates, long text) so every document exercises
the renderer and the loader too. Most recipes are valid; the invalid ones must make
``build()`` raise ``DeclarationError``, nothing else.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

__all__ = [
    "TRAP_STRINGS",
    "json_documents",
    "json_values",
    "recipes",
    "status_keys",
    "type_specs",
]

#: Strings YAML 1.1 would read as something else, or that look like numbers or dates.
TRAP_STRINGS = (
    "yes",
    "no",
    "on",
    "off",
    "y",
    "n",
    "true",
    "False",
    "null",
    "~",
    "",
    "1e3",
    "0012",
    "0o17",
    "0x1F",
    "1_000",
    ".inf",
    "-.inf",
    ".nan",
    "12:30:45",
    "2021-05-26",
    "2022-04-12T10:00:00Z",
    "200",
    "4XX",
    "- item",
    "key: value",
    "#comment",
    "&anchor",
    "*alias",
    "!!python/object",
    "'quoted'",
    '"double"',
    "tab\there",
    "line\nbreak",
    "trailing space ",
    " leading",
    "unicode é ☃ 𝄞",
    "x" * 300,
    "a long sentence " * 12,
)

texts = st.sampled_from(TRAP_STRINGS) | st.text(max_size=20)
safe_texts = st.sampled_from(TRAP_STRINGS)

_MODEL_NAMES = ("Item", "User", "Node", "Error", "Message")
_MODULES = ("app.models", "app.other")
_FIELD_NAMES = ("id", "name", "items", "child", "parent", "tags", "value", "yes", "on", "null")
_MEDIA_TYPES = ("application/json", "application/xml", "text/plain", "application/vnd.api+json")
_BODY_MEDIA = (*_MEDIA_TYPES, "multipart/form-data", "application/x-www-form-urlencoded")
_PATH_WORDS = ("items", "users", "v1", "search", "a-b", "a", "b")
_PARAM_NAMES = ("item_id", "user_id", "q", "limit", "X-Trace", "session", "on", "null")
_METHODS = ("GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "get", "QUERY")
_TAGS = ("items", "users", "yes", "2021-05-26")

_VALID_STATUS = (200, 201, 204, 301, 304, 400, 404, 418, 422, 500, 503, 102)
_RAW_SCHEMAS: tuple[dict[str, Any], ...] = (
    {"type": "string", "format": "date-time"},
    {"type": "integer", "minimum": 0, "maximum": 10},
    {"type": "array", "items": {"type": "string"}},
    {"type": "object", "properties": {"yes": {"type": "boolean"}}, "required": ["yes"]},
    {"enum": ["on", "off", "null", "1e3"]},
    {"anyOf": [{"type": "string"}, {"type": "null"}]},
    {"type": ["string", "null"]},
    {"const": "0012"},
    {},
)


def _as_lists(items: list[tuple[Any, ...]]) -> list[list[Any]]:
    # Recipes are JSON: tuples drawn by hypothesis become lists.
    return [list(item) for item in items]


def status_keys(*, valid_only: bool = False) -> st.SearchStrategy[dict[str, Any]]:
    """A responses key in every accepted form, or (sometimes) one that must be refused.

    Encoded as ``{"int": 404}``/``{"str": "4xx"}``/``{"bool": true}`` so recipes stay JSON.
    """
    valid = st.one_of(
        st.sampled_from(_VALID_STATUS).map(lambda code: {"int": code}),
        st.sampled_from(_VALID_STATUS).map(lambda code: {"str": str(code)}),
        st.sampled_from(("1XX", "2XX", "3xx", "4XX", "4xx", "5XX", "default", "DEFAULT")).map(
            lambda text: {"str": text}
        ),
    )
    if valid_only:
        return valid
    invalid = st.one_of(
        st.sampled_from((99, 600, 0, -1)).map(lambda code: {"int": code}),
        st.sampled_from(("4YY", "abc", "20", "2000", "")).map(lambda text: {"str": text}),
        st.just({"bool": True}),
    )
    return st.one_of(valid, valid, valid, valid, valid, valid, invalid)


def _scalar_specs() -> st.SearchStrategy[list[Any]]:
    return st.sampled_from((["int"], ["str"], ["float"], ["bool"])) | st.lists(
        safe_texts, min_size=1, max_size=3, unique=True
    ).map(lambda values: ["literal", values])


def type_specs(model_keys: list[str]) -> st.SearchStrategy[list[Any]]:
    """A type spec: scalars, containers, optional, a model by key, or a raw JSON Schema."""
    leaves = _scalar_specs()
    if model_keys:
        leaves = leaves | st.sampled_from(model_keys).map(lambda key: ["model", key])
    return st.recursive(
        leaves,
        lambda inner: st.one_of(
            inner.map(lambda t: ["list", t]),
            inner.map(lambda t: ["optional", t]),
            inner.map(lambda t: ["dict", t]),
        ),
        max_leaves=3,
    )


def _schema_specs(model_keys: list[str]) -> st.SearchStrategy[list[Any]]:
    return type_specs(model_keys) | st.sampled_from(_RAW_SCHEMAS).map(lambda s: ["raw", s])


@st.composite
def _models(draw: st.DrawFn) -> list[dict[str, Any]]:
    count = draw(st.integers(0, 4))
    keys = [f"M{i}" for i in range(count)]
    models = []
    for index, key in enumerate(keys):
        form = draw(st.sampled_from(("pydantic", "pydantic", "pydantic", "dataclass", "typeddict")))
        # Pydantic models may point anywhere (recursion, mutual recursion); dataclasses and
        # TypedDicts only at earlier classes, as plain Python would allow.
        reachable = keys if form == "pydantic" else keys[:index]
        names = draw(st.lists(st.sampled_from(_FIELD_NAMES), max_size=3, unique=True))
        fields = [[name, draw(type_specs(reachable))] for name in names]
        models.append(
            {
                "key": key,
                "form": form,
                "name": draw(st.sampled_from(_MODEL_NAMES)),
                "module": draw(st.sampled_from(_MODULES)),
                "fields": fields,
            }
        )
    return models


def _response(model_keys: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    schema = _schema_specs(model_keys)
    return st.fixed_dictionaries(
        {},
        optional={
            "form": st.sampled_from(("dict", "Response")),
            "description": safe_texts,
            "model": schema,
            "content": st.lists(
                st.tuples(st.sampled_from((*_MEDIA_TYPES, "image/png")), st.none() | schema),
                max_size=2,
                unique_by=lambda pair: pair[0],
            ).map(_as_lists),
            "headers": st.lists(
                st.tuples(st.sampled_from(("X-Rate-Limit", "ETag")), _scalar_specs(), safe_texts),
                max_size=2,
                unique_by=lambda triple: triple[0],
            ).map(_as_lists),
        },
    )


def _responses(model_keys: list[str], *, valid_only: bool) -> st.SearchStrategy[list[Any]]:
    return st.lists(
        st.tuples(status_keys(valid_only=valid_only), _response(model_keys)),
        max_size=3,
        unique_by=lambda pair: repr(pair[0]),
    ).map(_as_lists)


@st.composite
def _operation(
    draw: st.DrawFn, model_keys: list[str], schemes: list[list[Any]], *, valid_only: bool
) -> dict[str, Any]:
    segments = draw(
        st.lists(
            st.sampled_from(_PATH_WORDS) | st.sampled_from(_PARAM_NAMES[:2]).map("{{{}}}".format),
            max_size=3,
            unique=True,
        )
    )
    path = "/" + "/".join(segments)
    template = [s[1:-1] for s in segments if s.startswith("{")]
    params: list[dict[str, Any]] = [
        {"name": name, "in": "path", "type": draw(_scalar_specs())} for name in template
    ]
    if not valid_only and draw(st.integers(0, 9)) == 0:
        drop = draw(st.booleans())
        if params and drop:
            params.pop()  # a template name without a parameter
        else:
            params.append({"name": "stray", "in": "path", "type": ["int"]})
    extra = draw(
        st.lists(
            st.tuples(
                st.sampled_from(_PARAM_NAMES[2:]),
                st.sampled_from(("query", "header", "cookie")),
            ),
            max_size=3,
            unique=True,
        )
    )
    for name, location in extra:
        param: dict[str, Any] = {"name": name, "in": location, "type": draw(_scalar_specs())}
        if draw(st.booleans()):
            param["type"] = ["optional", param["type"]]
        if draw(st.integers(0, 3)) == 0:
            param["description"] = draw(safe_texts)
        params.append(param)
    method = draw(st.sampled_from(_METHODS))
    op: dict[str, Any] = {"method": method, "path": path, "params": params}
    schema = _schema_specs(model_keys)
    if method.upper() in ("POST", "PUT", "PATCH", "QUERY") and draw(st.booleans()):
        if draw(st.booleans()):
            op["body"] = {"form": "type", "type": draw(schema)}
        else:
            content = draw(
                st.lists(
                    st.tuples(st.sampled_from(_BODY_MEDIA), schema),
                    min_size=1,
                    max_size=2,
                    unique_by=lambda pair: pair[0],
                )
            )
            op["body"] = {
                "form": "RequestBody",
                "content": [list(pair) for pair in content],
                "required": draw(st.booleans()),
                "description": draw(st.none() | safe_texts),
            }
    if draw(st.booleans()):
        op["response_model"] = draw(schema)
    if draw(st.integers(0, 3)) == 0:
        op["status_code"] = draw(st.sampled_from((201, 202, 204, "201", 206)))
    if draw(st.integers(0, 3)) == 0:
        op["media_type"] = draw(st.sampled_from(_MEDIA_TYPES))
    op["responses"] = draw(_responses(model_keys, valid_only=valid_only))
    op["use_common"] = draw(st.booleans())
    op["tags"] = draw(st.lists(st.sampled_from(_TAGS), max_size=2, unique=True))
    if draw(st.integers(0, 2)) == 0:
        op["operation_id"] = draw(st.sampled_from(("read", "write", "on", "list_items")))
    for key in ("summary", "description"):
        if draw(st.booleans()):
            op[key] = draw(safe_texts)
    if draw(st.integers(0, 4)) == 0:
        op["deprecated"] = True
    secured = draw(st.booleans())
    if schemes and secured:
        names = [name for name, _ in schemes]
        op["security"] = draw(
            st.lists(
                st.lists(
                    st.tuples(st.sampled_from(names), st.just([])),
                    max_size=2,
                    unique_by=lambda pair: pair[0],
                ).map(_as_lists),
                max_size=2,
            )
        )
        if not valid_only and draw(st.integers(0, 9)) == 0:
            op["security"].append([["unknown-scheme", []]])
    if draw(st.integers(0, 4)) == 0:
        op["openapi_extra"] = draw(
            st.sampled_from(
                (
                    {"x-internal": True},
                    {"x-yes": "yes", "x-codes": {"200": "on"}},
                    {"responses": {"418": {"description": "I'm a teapot"}}},
                )
            )
        )
    return op


_SCHEME_POOL = (
    ("bearer", {"type": "http", "scheme": "bearer", "bearer_format": "JWT"}),
    ("api_key", {"type": "apiKey", "name": "X-API-Key", "location": "header"}),
    (
        "oauth",
        {
            "type": "oauth2",
            "flows": {
                "clientCredentials": {
                    "tokenUrl": "https://auth.example.com/token",
                    "scopes": {"read": "Read", "write": "Write"},
                }
            },
        },
    ),
)


@st.composite
def recipes(
    draw: st.DrawFn, *, valid_only: bool = False, max_operations: int = 4
) -> dict[str, Any]:
    """A random API recipe; with ``valid_only`` only declarations meant to build."""
    models = draw(_models())
    keys = [model["key"] for model in models]
    schemes = [
        list(s)
        for s in draw(st.lists(st.sampled_from(_SCHEME_POOL), unique_by=lambda pair: pair[0]))
    ]
    operations = draw(
        st.lists(
            _operation(keys, schemes, valid_only=valid_only),
            min_size=1 if valid_only else 0,
            max_size=max_operations,
        )
    )
    if valid_only:  # routes and operationIds unique, as the cross checks demand
        seen_routes: set[tuple[str, str]] = set()
        seen_ids: set[str] = set()
        unique = []
        for op in operations:
            route = (op["method"].upper(), op["path"])
            if route in seen_routes or op.get("operation_id") in seen_ids:
                continue
            seen_routes.add(route)
            if op.get("operation_id"):
                seen_ids.add(op["operation_id"])
            unique.append(op)
        operations = unique
    recipe: dict[str, Any] = {
        "title": draw(safe_texts.filter(bool)),
        "version": draw(st.sampled_from(("1.0.0", "1.0", "2021-05-26", "yes", "0012"))),
        "models": models,
        "security_schemes": schemes,
        "tags": draw(
            st.lists(
                st.tuples(st.sampled_from(_TAGS), st.none() | safe_texts),
                max_size=2,
                unique_by=lambda pair: pair[0],
            ).map(_as_lists)
        ),
        "common": draw(_responses(keys, valid_only=True)),
        "api_responses": draw(_responses(keys, valid_only=valid_only)),
        "operations": operations,
    }
    if draw(st.integers(0, 4)) == 0:
        recipe["description"] = draw(safe_texts)
    if draw(st.integers(0, 4)) == 0:
        recipe["extensions"] = [["x-logo", {"url": "yes", "200": "on"}]]
    if draw(st.integers(0, 5)) == 0:
        recipe["servers"] = ["https://api.example.com/v1"]
    if not valid_only and draw(st.integers(0, 5)) == 0:
        hook = draw(_operation(keys, [], valid_only=True))
        hook["path"] = "/"
        # Sometimes let the webhook's default operationId clash with a path operation's.
        if draw(st.booleans()):
            hook["operation_id"] = "on_new_item"
        hook["params"] = [p for p in hook["params"] if p["in"] != "path"]
        recipe["webhooks"] = [["newItem", hook]]
    return recipe


#: JSON scalars, with the YAML traps and awkward numbers.
json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63),
    st.floats(allow_nan=False, allow_infinity=False),
    texts,
)


def json_values(max_leaves: int = 30) -> st.SearchStrategy[Any]:
    """Any JSON value: nested dicts (string keys, traps included) and lists."""
    return st.recursive(
        json_scalars,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(texts, inner, max_size=4),
        max_leaves=max_leaves,
    )


def json_documents() -> st.SearchStrategy[dict[str, Any]]:
    """A minimal valid-shaped document carrying arbitrary JSON under extension keys."""
    return st.dictionaries(texts.map(lambda key: "x-" + key), json_values(), max_size=4).map(
        lambda extra: {
            "openapi": "3.1.0",
            "info": {"title": "Round trip", "version": "1.0.0"},
            "paths": {},
            **extra,
        }
    )
