"""A JSON Schema as a readable nested tree of HTML lists, built without recursion.

Inline subschemas (properties, items, ``allOf``...) nest; a ``$ref`` is a link to the named
schema's section and is never expanded, so a cyclic model shows as a link back to itself.
The walk keeps its own stack and stops at :data:`MAX_DEPTH` levels and :data:`MAX_NODES`
nodes per tree with a note saying so: a 10,000-deep document renders in bounded time and
stack, and a page never grows without limit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from openapi_builder.docs.markup import esc, short_json

#: Levels of inline nesting shown before "nested deeper" (no real model nests this far).
MAX_DEPTH = 24
#: Nodes in one tree before the rest is summarised.
MAX_NODES = 4_000

#: ``$ref`` -> (href, text) for a link, or ``None`` to show the ref as plain text.
RefLink = Callable[[str], "tuple[str, str] | None"]

# Keywords shown after the type, in this order, as `name: value`.
_CONSTRAINTS = (
    "format",
    "const",
    "default",
    "minimum",
    "exclusiveMinimum",
    "maximum",
    "exclusiveMaximum",
    "multipleOf",
    "minLength",
    "maxLength",
    "pattern",
    "minItems",
    "maxItems",
    "uniqueItems",
    "minProperties",
    "maxProperties",
    "contentMediaType",
    "contentEncoding",
    "collectionFormat",
)
_FLAGS = ("deprecated", "readOnly", "writeOnly", "nullable")
_COMBINERS = (("allOf", "all of"), ("anyOf", "any of"), ("oneOf", "one of"))
_SINGLE = (
    ("not", "not"),
    ("if", "if"),
    ("then", "then"),
    ("else", "else"),
    ("contains", "contains"),
    ("propertyNames", "property names"),
)

Child = tuple[str, Any, bool]


def _type_text(schema: Mapping[str, Any]) -> str:
    kind = schema.get("type")
    if isinstance(kind, list):
        return " | ".join(str(k) for k in kind)
    if isinstance(kind, str):
        return kind
    if "properties" in schema or "additionalProperties" in schema:
        return "object"
    if "items" in schema or "prefixItems" in schema:
        return "array"
    for key, words in _COMBINERS:
        if key in schema:
            return words
    return ""


def _children(schema: Mapping[str, Any]) -> list[Child]:
    """(label, subschema, required) of every inline subschema, in display order."""
    found: list[Child] = []
    required = schema.get("required")
    names = {str(n) for n in required} if isinstance(required, list) else set()
    properties = schema.get("properties")
    if isinstance(properties, Mapping):
        found.extend((str(n), s, str(n) in names) for n, s in properties.items())
    patterns = schema.get("patternProperties")
    if isinstance(patterns, Mapping):
        found.extend((f"/{p}/", s, False) for p, s in patterns.items())
    extra = schema.get("additionalProperties")
    if isinstance(extra, Mapping):
        found.append(("additional properties", extra, False))
    prefix = schema.get("prefixItems")
    if isinstance(prefix, list):
        found.extend((f"item {i}", s, False) for i, s in enumerate(prefix))
    items = schema.get("items")
    if isinstance(items, Mapping):
        found.append(("items", items, False))
    elif isinstance(items, list):  # draft 4 tuple form (2.0, 3.0)
        found.extend((f"item {i}", s, False) for i, s in enumerate(items))
    for key, words in _COMBINERS:
        options = schema.get(key)
        if isinstance(options, list):
            found.extend((f"{words} #{i + 1}", s, False) for i, s in enumerate(options))
    for key, words in _SINGLE:
        if key in schema and isinstance(schema[key], Mapping | bool):
            found.append((words, schema[key], False))
    return found


def _head(label: str, schema: Any, required: bool, link: RefLink) -> str:
    """One node's line: name, type or link, flags, constraints, description."""
    parts = [f'<span class="name">{esc(label)}</span>'] if label else []
    if isinstance(schema, bool):
        parts.append(f'<span class="type">{"any value" if schema else "no value"}</span>')
        return " ".join(parts)
    if not isinstance(schema, Mapping):
        return " ".join([*parts, '<span class="type">?</span>'])
    ref = schema.get("$ref")
    if isinstance(ref, str):
        target = link(ref)
        if target is None:
            parts.append(f'<code class="ref">{esc(ref)}</code>')
        else:
            parts.append(f'<a class="ref" href="#{esc(target[0])}">{esc(target[1])}</a>')
    kind = _type_text(schema)
    if kind:
        parts.append(f'<span class="type">{esc(kind)}</span>')
    if required:
        parts.append('<span class="badge required">required</span>')
    parts.extend(
        f'<span class="badge {flag.lower()}">{flag}</span>'
        for flag in _FLAGS
        if schema.get(flag) is True
    )
    for key in _CONSTRAINTS:
        if key in schema:
            parts.append(
                f'<span class="kw">{key}: <code>{esc(short_json(schema[key]))}</code></span>'
            )
    if isinstance(schema.get("enum"), list):
        values = ", ".join(short_json(v, 60) for v in schema["enum"][:50])
        more = f" and {len(schema['enum']) - 50} more" if len(schema["enum"]) > 50 else ""
        parts.append(f'<span class="kw">one of: <code>{esc(values)}</code>{more}</span>')
    if "example" in schema:
        parts.append(
            f'<span class="kw">example: <code>{esc(short_json(schema["example"]))}</code></span>'
        )
    title = schema.get("title")
    if isinstance(title, str) and title and not label:
        parts.insert(0, f'<span class="title">{esc(title)}</span>')
    if not parts:
        parts.append('<span class="type">any</span>')
    line = " ".join(parts)
    description = schema.get("description")
    if isinstance(description, str) and description:
        line += f'<div class="desc">{esc(description)}</div>'
    return line


def render_tree(schema: Any, link: RefLink, *, label: str = "") -> str:
    """The schema as ``<ul class="tree">``; ``label`` names the root (a property, a param)."""
    return "".join(_walk(schema, link, label))


def _walk(root: Any, link: RefLink, label: str) -> Iterator[str]:
    # The stack holds either text to emit or a node to open: (label, schema, required, depth).
    stack: list[str | tuple[str, Any, bool, int]] = ["</ul>", (label, root, False, 0)]
    nodes = 0
    yield '<ul class="tree">'
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
            continue
        name, schema, required, depth = item
        nodes += 1
        if nodes > MAX_NODES:
            yield f'<li class="more">… more than {MAX_NODES} nodes; the rest is not shown</li>'
            # Drop the remaining nodes but keep every closing tag, so the HTML stays balanced.
            stack = [entry for entry in stack if isinstance(entry, str)]
            continue
        yield f"<li>{_head(name, schema, required, link)}"
        children = _children(schema) if isinstance(schema, Mapping) else []
        if not children:
            yield "</li>"
            continue
        if depth + 1 >= MAX_DEPTH:
            yield f'<ul><li class="more">… nested deeper than {MAX_DEPTH} levels</li></ul></li>'
            continue
        stack.append("</ul></li>")
        stack.extend((n, s, r, depth + 1) for n, s, r in reversed(children))
        stack.append("<ul>")
