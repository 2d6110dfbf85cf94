"""Step 2's single pass: an iterative, typed walk that indexes what the rules look at.

The walk knows which nodes are Schema Objects, operations, parameters, examples and ``$ref``s
from a table of object kinds per version (not from guessing at key names), so a property
called ``schema`` or an example value holding ``$ref`` is never mistaken for the real thing.
It uses an explicit stack, so any depth works; a container that contains itself (possible in
Python objects, never in JSON) shows up as a depth beyond ``DEPTH_LIMIT`` instead of a loop.
``$ref``s are recorded, never followed, so cyclic schemas cost nothing here. Locations are
kept as cheap linked tuples (``Loc``) and turned into JSON pointers only when reported.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from openapi_builder.schema_keywords import SCHEMA_LISTS, SCHEMA_MAPS, SCHEMA_ONE
from openapi_builder.validate.pointers import MISSING, escape, resolve, split_ref
from openapi_builder.validate.versions import VersionKey

__all__ = [
    "DEPTH_LIMIT",
    "Index",
    "InstanceSite",
    "Loc",
    "OperationSite",
    "RefSite",
    "index_document",
    "pointer_of",
    "tokens_of",
]

#: Deeper than this, the walk stops descending (and structure refuses the document).
DEPTH_LIMIT = 100_000
#: Schema nesting levels between the chunks deep documents are validated in.
CUT_EVERY = 16

# A location is (parent location, token), the root is (): building one costs a tuple, and the
# string pointer is only assembled for the few locations that end up in a finding.
Loc = tuple[Any, ...]


def tokens_of(loc: Loc) -> list[Any]:
    """The raw (unescaped) tokens of a location, from the root down."""
    tokens: list[Any] = []
    while loc:
        loc, token = loc
        tokens.append(token)
    tokens.reverse()
    return tokens


def pointer_of(loc: Loc) -> str:
    """The JSON pointer of a location."""
    tokens: list[str] = []
    while loc:
        loc, token = loc
        tokens.append(escape(token))
    return "".join(f"/{token}" for token in reversed(tokens))


_METHODS: dict[VersionKey, frozenset[str]] = {
    "2.0": frozenset({"get", "put", "post", "delete", "options", "head", "patch"}),
    "3.0": frozenset({"get", "put", "post", "delete", "options", "head", "patch", "trace"}),
    "3.1": frozenset({"get", "put", "post", "delete", "options", "head", "patch", "trace"}),
    "3.2": frozenset(
        {"get", "put", "post", "delete", "options", "head", "patch", "trace", "query"}
    ),
}

# Object kind -> field -> kind of the field's value. "map:K" / "list:K": every member is a K.
# Fields not listed are "any" (walked for $refs) unless they are extensions (literal).
_V3_FIELDS: dict[str, dict[str, str]] = {
    "root": {
        "paths": "map:path-item",
        "webhooks": "map:path-item",
        "components": "components",
    },
    "components": {
        "schemas": "map:schema",
        "responses": "map:response",
        "parameters": "map:parameter",
        "examples": "map:example",
        "requestBodies": "map:request-body",
        "headers": "map:parameter",
        "callbacks": "map:callback",
        "pathItems": "map:path-item",
        "mediaTypes": "map:media",
    },
    "path-item": {"parameters": "list:parameter", "additionalOperations": "map:operation"},
    "operation": {
        "parameters": "list:parameter",
        "requestBody": "request-body",
        "responses": "map:response",
        "callbacks": "map:callback",
    },
    "callback": {},  # handled as map:path-item
    "parameter": {"schema": "schema", "content": "map:media"},
    "request-body": {"content": "map:media"},
    "media": {
        "schema": "schema",
        "itemSchema": "schema",
        "encoding": "map:encoding",
    },
    "encoding": {"headers": "map:parameter"},
    "response": {"headers": "map:parameter", "content": "map:media"},
    "example": {"value": "literal", "dataValue": "literal"},
    "any": {},
}
_V2_FIELDS: dict[str, dict[str, str]] = {
    "root": {
        "paths": "map:path-item",
        "definitions": "map:schema",
        "parameters": "map:parameter",
        "responses": "map:response",
    },
    "path-item": {"parameters": "list:parameter"},
    "operation": {"parameters": "list:parameter", "responses": "map:response"},
    "parameter": {"schema": "schema", "items": "literal"},
    "response": {"schema": "schema", "headers": "literal", "examples": "literal"},
    "any": {},
}

_V2_PARAMETER_FIELDS = frozenset(
    {"name", "in", "required", "description", "allowEmptyValue", "collectionFormat", "default"}
)
# Owners of `example`/`examples` whose values are checked against the owner's `schema`.
_EXAMPLE_OWNERS = frozenset({"parameter", "media"})
_NO_FIELDS: dict[str, str] = {}
_PATHS: tuple[Any, ...] = ((), "paths")
_KINDS = ("schema", "path-item", "operation", "parameter", "media", "example", "response",
          "request-body", "encoding", "callback", "any")  # fmt: skip
_MAP_MEMBERS = {f"map:{kind}": kind for kind in _KINDS}
_LIST_MEMBERS = {f"list:{kind}": kind for kind in _KINDS}


@dataclass(frozen=True, slots=True)
class RefSite:
    """A ``$ref``: ``loc`` is the object holding it; ``in_schema`` for Schema Objects."""

    loc: Loc
    ref: object
    in_schema: bool
    siblings: tuple[str, ...]

    @property
    def pointer(self) -> str:
        return pointer_of(self.loc)


@dataclass(frozen=True, slots=True)
class InstanceSite:
    """A ``default`` or example value at ``loc``, to check against the schema at ``schema_loc``."""

    kind: str  # "default" | "example"
    loc: Loc
    value: Any
    schema_loc: Loc
    schema: Any


@dataclass(frozen=True, slots=True)
class OperationSite:
    """An operation; ``path`` is its template when it sits under ``/paths``."""

    loc: Loc
    method: str
    path: str | None
    node: dict[str, Any]
    path_item_loc: Loc
    path_item: dict[str, Any]

    @property
    def pointer(self) -> str:
        return pointer_of(self.loc)


# Schema keywords the rules look at: the walk lists the schemas using each one, so a rule
# visits only the schemas it can say something about.
KEYWORDS = frozenset(
    {
        "required",
        "enum",
        "nullable",
        "pattern",
        "patternProperties",
        "discriminator",
        "minimum",
        "minLength",
        "minItems",
        "minProperties",
        "minContains",
    }
)


@dataclass(slots=True)
class Index:
    """Everything the rules need, gathered in one walk."""

    depth: int = 0
    refs: list[RefSite] = field(default_factory=list)
    schemas: list[tuple[Loc, dict[str, Any]]] = field(default_factory=list)
    by_keyword: dict[str, list[tuple[Loc, dict[str, Any]]]] = field(default_factory=dict)
    instances: list[InstanceSite] = field(default_factory=list)
    operations: list[OperationSite] = field(default_factory=list)
    path_items: list[tuple[Loc, str, dict[str, Any]]] = field(default_factory=list)
    parameter_lists: list[tuple[Loc, list[Any]]] = field(default_factory=list)
    # Schema Objects nested a multiple of CUT_EVERY levels deep: structure validates deep
    # documents in chunks cut there, so no single validation error nests too deep.
    cuts: list[tuple[Loc, dict[str, Any]]] = field(default_factory=list)

    def with_keyword(self, keyword: str) -> list[tuple[Loc, dict[str, Any]]]:
        """The Schema Objects that use ``keyword`` (one of ``KEYWORDS``)."""
        return self.by_keyword.get(keyword, [])


def index_document(document: Any, version: VersionKey) -> Index:
    """Walk ``document`` once (iteratively) and index it for the rules of ``version``."""
    index = Index(by_keyword={keyword: [] for keyword in KEYWORDS})
    walker = _Walker(document, version, index)
    # (node, location, kind, depth, context); context is the path template for path items
    # under /paths and (path, path item location, path item) for operations. Only
    # containers are pushed: scalars have nothing to index.
    stack: list[tuple[Any, Loc, str, int, Any]] = [(document, (), "root", 1, None)]
    pop, push = stack.pop, stack.append
    children, schema_children = walker.children, walker.schema_children
    refs = index.refs
    deepest = 0
    while stack:
        node, loc, kind, depth, context = pop()
        if kind == "schema" and type(node) is dict and depth <= DEPTH_LIMIT:
            # Schema Objects are most of a document: handled here without a dispatch call.
            ref = node.get("$ref")
            if ref is not None:
                refs.append(RefSite(loc, ref, True, tuple(str(key) for key in node)))
            schema_children(node, loc, depth + 1, context if type(context) is int else 0, push)
        elif kind == "literal":
            # Literal values (examples, defaults, extensions) matter only for their depth.
            depth = _literal_depth(node, depth)
        elif depth <= DEPTH_LIMIT:
            children(node, loc, kind, depth, context, stack)
        if depth > deepest:
            deepest = depth
    index.depth = deepest
    return index


def _literal_depth(node: Any, depth: int) -> int:
    """The deepest level inside a literal value (stops past ``DEPTH_LIMIT``)."""
    deepest = depth
    stack = [(node, depth)]
    pop, push = stack.pop, stack.append
    while stack:
        node, depth = pop()
        if depth > deepest:
            deepest = depth
            if depth > DEPTH_LIMIT:
                break
        for value in node.values() if type(node) is dict else node:
            if isinstance(value, _CONTAINERS):
                push((value, depth + 1))
    return deepest


_CONTAINERS = (dict, list)


class _Walker:
    """The per-kind child tables of one version, and the recording of indexed nodes."""

    def __init__(self, document: Any, version: VersionKey, index: Index) -> None:
        self.document = document
        self.v2 = version == "2.0"
        self.tables = _V2_FIELDS if self.v2 else _V3_FIELDS
        self.methods = _METHODS[version]
        self.index = index

    def children(
        self,
        node: Any,
        loc: Loc,
        kind: str,
        depth: int,
        context: Any,
        stack: list[tuple[Any, Loc, str, int, Any]],
    ) -> None:
        """Push the container children of ``node`` with their kinds; record ``node`` itself.

        Children are pushed last-first so they pop in document order: indexed lists (and so
        "first occurrence" in the rules) follow the document.
        """
        push = stack.append
        depth += 1
        if kind == "schema" and type(node) is dict:  # the bulk of most documents: first
            ref = node.get("$ref")
            if ref is not None:
                siblings = tuple(str(key) for key in node)
                self.index.refs.append(RefSite(loc, ref, True, siblings))
            self.schema_children(node, loc, depth, context if type(context) is int else 0, push)
            return
        if type(node) is list:
            member = _LIST_MEMBERS.get(kind, "any")
            passed = context if member == "schema" else None  # a schema's nesting level
            for i in range(len(node) - 1, -1, -1):
                item = node[i]
                if isinstance(item, _CONTAINERS):
                    push((item, (loc, i), member, depth, passed))
            return
        if type(node) is not dict:
            return
        mapped = _MAP_MEMBERS.get(kind)
        if mapped is not None:
            keyed = mapped == "path-item" and loc == _PATHS
            passed = context if mapped == "schema" else None
            for key, value in reversed(node.items()):
                if isinstance(value, _CONTAINERS) and not str(key).startswith("x-"):
                    push((value, (loc, key), mapped, depth, key if keyed else passed))
            return
        ref = node.get("$ref")
        if ref is not None:
            siblings = tuple(str(key) for key in node)
            self.index.refs.append(RefSite(loc, ref, kind == "schema", siblings))
        if kind == "schema":
            self.schema_children(node, loc, depth, context if type(context) is int else 0, push)
            return
        if kind == "callback":
            for key, value in reversed(node.items()):
                if isinstance(value, _CONTAINERS) and not str(key).startswith("x-"):
                    push((value, (loc, key), "path-item", depth, None))
            return
        self.record(node, loc, kind, context)
        fields = self.tables.get(kind, _NO_FIELDS)
        owner = kind in _EXAMPLE_OWNERS
        for key, value in reversed(node.items()):
            if not isinstance(value, _CONTAINERS):
                continue
            name = str(key)
            if kind == "path-item" and name in self.methods:
                path = context if isinstance(context, str) else None
                push((value, (loc, key), "operation", depth, (path, loc, node)))
            elif kind == "path-item" and name == "additionalOperations" and type(value) is dict:
                # 3.2: custom methods are operations of this path item too.
                path = context if isinstance(context, str) else None
                for method, operation in reversed(value.items()):
                    if isinstance(operation, _CONTAINERS):
                        where = ((loc, key), method)
                        push((operation, where, "operation", depth + 1, (path, loc, node)))
            elif name.startswith("x-") or (owner and name in ("example", "default")):
                push((value, (loc, key), "literal", depth, None))
            elif owner and name == "examples":
                member = "literal" if self.v2 else "map:example"
                push((value, (loc, key), member, depth, None))
            else:
                push((value, (loc, key), fields.get(name, "any"), depth, None))

    def record(self, node: dict[str, Any], loc: Loc, kind: str, context: Any) -> None:
        index = self.index
        if kind == "path-item":
            index.path_items.append((loc, context if isinstance(context, str) else "", node))
        elif kind == "operation" and isinstance(context, tuple):
            path, item_loc, item = context
            index.operations.append(OperationSite(loc, str(loc[1]), path, node, item_loc, item))
        if kind in ("path-item", "operation") and isinstance(node.get("parameters"), list):
            index.parameter_lists.append(((loc, "parameters"), node["parameters"]))
        if kind in _EXAMPLE_OWNERS:
            self.record_examples(node, loc)
        if self.v2 and kind == "parameter" and "schema" not in node and "default" in node:
            # Swagger 2.0 non-body parameters are their own schema (less the parameter
            # fields, whose `required: true` is not a valid JSON Schema keyword value).
            own = {key: value for key, value in node.items() if key not in _V2_PARAMETER_FIELDS}
            index.instances.append(
                InstanceSite("default", (loc, "default"), node["default"], loc, own)
            )

    def schema_children(
        self,
        node: dict[str, Any],
        loc: Loc,
        depth: int,
        level: int,
        push: Callable[[tuple[Any, Loc, str, int, Any]], None],
    ) -> None:
        index = self.index
        index.schemas.append((loc, node))
        if level and level % CUT_EVERY == 0:
            index.cuts.append((loc, node))
        role_of = _SCHEMA_KEY_ROLES.get
        below = level + 1
        for key, value in reversed(node.items()):
            role = role_of(key)
            if role is None:  # title, type, description, x-...: the common case, kept short
                if type(value) is dict or type(value) is list:
                    push((value, (loc, key), "literal", depth, below))
                continue
            if role & _KEYWORD:
                index.by_keyword[key].append((loc, node))
            if role & _MAP:
                if type(value) is dict:
                    # Members pushed directly (one stack round trip less per map); property
                    # names starting with x- are real names here, not extensions.
                    child = (loc, key)
                    for member, schema in reversed(value.items()):
                        if isinstance(schema, _CONTAINERS):
                            push((schema, (child, member), "schema", depth + 1, below))
                    continue
                child_kind = "map:schema"
            elif role & _ONE or (role & _ITEMS and type(value) is dict):
                child_kind = "schema"
            elif role & (_LIST | _ITEMS):
                if type(value) is list:
                    child = (loc, key)
                    for i in range(len(value) - 1, -1, -1):
                        if isinstance(value[i], _CONTAINERS):
                            push((value[i], (child, i), "schema", depth + 1, below))
                    continue
                child_kind = "list:schema"
            else:
                child_kind = "literal"
                if role & _DEFAULT:
                    index.instances.append(InstanceSite("default", (loc, key), value, loc, node))
                elif role & _EXAMPLE:
                    index.instances.append(InstanceSite("example", (loc, key), value, loc, node))
                elif role & _EXAMPLES and type(value) is list:
                    for i, item in enumerate(value):
                        index.instances.append(
                            InstanceSite("example", ((loc, key), i), item, loc, node)
                        )
            if isinstance(value, _CONTAINERS):
                push((value, (loc, key), child_kind, depth, below))

    def record_examples(self, node: dict[str, Any], loc: Loc) -> None:
        """Queue a parameter's or media type's ``example``/``examples`` against its ``schema``."""
        schema = node.get("schema")
        if schema is None:
            return
        schema_loc = (loc, "schema")
        instances = self.index.instances
        if "example" in node:
            instances.append(
                InstanceSite("example", (loc, "example"), node["example"], schema_loc, schema)
            )
        examples = node.get("examples")
        if self.v2 or not isinstance(examples, dict):
            return
        for name, example in examples.items():
            target = example
            if isinstance(example, dict) and isinstance(example.get("$ref"), str):
                where, fragment = split_ref(example["$ref"])
                target = resolve(self.document, fragment) if not where else MISSING
            if isinstance(target, dict) and "value" in target:
                value_loc = (((loc, "examples"), name), "value")
                instances.append(
                    InstanceSite("example", value_loc, target["value"], schema_loc, schema)
                )


# What a key of a Schema Object means to the walk, as bit flags looked up once per key:
# most keys (title, type, description, format, x-...) have no role and take the short path.
_KEYWORD, _MAP, _ONE, _LIST, _ITEMS, _DEFAULT, _EXAMPLE, _EXAMPLES = (1 << i for i in range(8))


def _schema_key_roles() -> dict[str, int]:
    roles: dict[str, int] = {}
    for flag, names in (
        (_KEYWORD, KEYWORDS),
        (_MAP, SCHEMA_MAPS),
        (_ONE, SCHEMA_ONE),
        (_LIST, SCHEMA_LISTS),
        (_ITEMS, {"items"}),
        (_DEFAULT, {"default"}),
        (_EXAMPLE, {"example"}),
        (_EXAMPLES, {"examples"}),
    ):
        for name in names:
            roles[name] = roles.get(name, 0) | flag
    return roles


_SCHEMA_KEY_ROLES = _schema_key_roles()
