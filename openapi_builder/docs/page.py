"""The static reference page: one self-contained HTML file, no JavaScript, no network.

Layout: a table of contents beside the main column; the header (title, version, OpenAPI
version, description, servers); operations grouped by tag (the document's ``tags`` order,
then tags first met on operations, then untagged ones under "default"), an operation under
each of its tags; webhooks; named schemas; security schemes. The same document always gives
the same bytes: everything follows the document's own order.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from openapi_builder.docs import document as d
from openapi_builder.docs.markup import Anchors, esc, json_block
from openapi_builder.docs.schema_tree import render_tree
from openapi_builder.docs.style import CSS

_UNTAGGED = "default"


class _Page:
    """The state of one rendering: the document and the ids handed out so far."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        self.document = document
        self.anchors = Anchors()
        self.prefix = d.schema_prefix(document)
        # Named schemas get their ids first, so a link always finds the same one.
        for name in d.schemas(document):
            self.anchors.get("schema", str(name))

    def link(self, ref: str) -> tuple[str, str] | None:
        """A ``$ref`` to a named schema (or inside one) -> (id, text); else ``None``."""
        if not ref.startswith(self.prefix):
            return None
        rest = ref[len(self.prefix) :]
        name = rest.split("/", 1)[0].replace("~1", "/").replace("~0", "~")
        if name not in d.schemas(self.document):
            return None
        text = name if "/" not in rest else f"{name}/{rest.split('/', 1)[1]}"
        return self.anchors.get("schema", name), text

    def tree(self, schema: Any, label: str = "") -> str:
        return render_tree(schema, self.link, label=label)


def render_page(document: Mapping[str, Any], *, title: str | None = None) -> str:
    """The reference page of ``document`` (any OpenAPI version) as HTML text."""
    page = _Page(document)
    info = document.get("info") if isinstance(document.get("info"), Mapping) else {}
    assert isinstance(info, Mapping)
    heading = title or str(info.get("title") or "API reference")
    groups = _groups(document, d.operations(document))
    hooks = d.webhooks(document)
    # Ids for every operation before the TOC is written, in page order.
    body = "".join(_main(page, info, heading, groups, hooks))
    toc = "".join(_toc(page, groups, hooks))
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="color-scheme" content="light dark">\n'
        '<meta name="generator" content="openapi-builder">\n'
        f"<title>{esc(heading)}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n"
        f'<div class="layout">\n{toc}<main>\n{body}</main>\n</div>\n</body>\n</html>\n'
    )


Group = tuple[str, str, list[d.OperationView]]


def _groups(document: Mapping[str, Any], ops: list[d.OperationView]) -> list[Group]:
    """(tag name, tag description, operations) in page order; untagged ones last."""
    declared: dict[str, str] = {}
    for tag in document.get("tags") or []:
        if isinstance(tag, Mapping) and "name" in tag:
            declared.setdefault(str(tag["name"]), str(tag.get("description", "")))
    members: dict[str, list[d.OperationView]] = {name: [] for name in declared}
    untagged: list[d.OperationView] = []
    for op in ops:
        for tag in op.tags or ():
            members.setdefault(tag, []).append(op)
        if not op.tags:
            untagged.append(op)
    groups = [(name, declared.get(name, ""), found) for name, found in members.items() if found]
    if untagged:
        groups.append((_UNTAGGED if _UNTAGGED not in members else "untagged", "", untagged))
    return groups


def _op_id(page: _Page, group: str, op: d.OperationView) -> str:
    return page.anchors.get("op", f"{group} {op.method} {op.path}")


def _toc(page: _Page, groups: list[Group], hooks: list[d.OperationView]) -> Iterator[str]:
    yield '<nav class="toc">\n<strong>Contents</strong>\n<ul>\n'
    for name, _, ops in groups:
        yield f'<li><a href="#{page.anchors.get("tag", name)}">{esc(name)}</a><ul>\n'
        for op in ops:
            yield (
                f'<li><a href="#{_op_id(page, name, op)}">{_method(op.method)} '
                f"{esc(op.path)}</a></li>\n"
            )
        yield "</ul></li>\n"
    if hooks:
        yield '<li><a href="#webhooks">Webhooks</a><ul>\n'
        for op in hooks:
            anchor = page.anchors.get("hook", f"{op.method} {op.path}")
            yield f'<li><a href="#{anchor}">{_method(op.method)} {esc(op.path)}</a></li>\n'
        yield "</ul></li>\n"
    if d.schemas(page.document):
        yield '<li><a href="#schemas">Schemas</a></li>\n'
    if d.security_schemes(page.document):
        yield '<li><a href="#security-schemes">Security schemes</a></li>\n'
    yield "</ul>\n</nav>\n"


def _method(method: str) -> str:
    return f'<span class="method {esc(method.lower())}">{esc(method)}</span>'


def _text(value: Any, css: str = "text") -> str:
    return f'<div class="{css}">{esc(value)}</div>\n' if isinstance(value, str) and value else ""


def _main(
    page: _Page,
    info: Mapping[str, Any],
    heading: str,
    groups: list[Group],
    hooks: list[d.OperationView],
) -> Iterator[str]:
    version = info.get("version")
    yield f"<header>\n<h1>{esc(heading)}"
    if version is not None:
        yield f' <span class="version">{esc(version)}</span>'
    yield "</h1>\n"
    yield f'<p class="muted">OpenAPI {esc(d.version_of(page.document) or "?")}</p>\n'
    yield _text(info.get("summary"))
    yield _text(info.get("description"))
    yield from _info_facts(info)
    yield from _servers(page.document)
    yield from _security_line(page, page.document.get("security"), "Security (all operations)")
    yield "</header>\n"
    for name, description, ops in groups:
        tag_id = page.anchors.get("tag", name)
        yield f'<section class="group" id="{tag_id}">\n<h2>{esc(name)}</h2>\n'
        yield _text(description)
        for op in ops:
            yield from _operation(page, op, _op_id(page, name, op))
        yield "</section>\n"
    if hooks:
        yield '<section class="group" id="webhooks">\n<h2>Webhooks</h2>\n'
        for op in hooks:
            yield from _operation(page, op, page.anchors.get("hook", f"{op.method} {op.path}"))
        yield "</section>\n"
    yield from _schemas(page)
    yield from _security_schemes(page)


def _info_facts(info: Mapping[str, Any]) -> Iterator[str]:
    """Terms, contact and licence, as text: a URL from a document never becomes a link, so
    no ``javascript:`` address can reach a reader's click."""
    facts = []
    if isinstance(info.get("termsOfService"), str):
        facts.append(("Terms of service", info["termsOfService"]))
    contact = info.get("contact")
    if isinstance(contact, Mapping):
        parts = [str(contact[k]) for k in ("name", "email", "url") if contact.get(k)]
        if parts:
            facts.append(("Contact", " · ".join(parts)))
    licence = info.get("license")
    if isinstance(licence, Mapping) and licence.get("name"):
        extra = licence.get("identifier") or licence.get("url")
        facts.append(("License", f"{licence['name']} ({extra})" if extra else licence["name"]))
    if facts:
        yield '<p class="muted">'
        yield "<br>".join(f"{esc(label)}: {esc(value)}" for label, value in facts)
        yield "</p>\n"


def _servers(document: Mapping[str, Any]) -> Iterator[str]:
    servers = document.get("servers")
    if isinstance(servers, list) and servers:
        yield "<h4>Servers</h4>\n<ul>\n"
        for server in servers:
            if isinstance(server, Mapping):
                note = (
                    f' <span class="muted">{esc(server["description"])}</span>'
                    if isinstance(server.get("description"), str)
                    else ""
                )
                yield f"<li><code>{esc(server.get('url', ''))}</code>{note}</li>\n"
        yield "</ul>\n"
    elif "host" in document or "basePath" in document:  # 2.0
        schemes = "/".join(str(s) for s in document.get("schemes") or ["https"])
        url = f"{schemes}://{document.get('host', '')}{document.get('basePath', '')}"
        yield f"<h4>Server</h4>\n<p><code>{esc(url)}</code></p>\n"


def _security_line(page: _Page, security: Any, title: str) -> Iterator[str]:
    if not isinstance(security, list | tuple):
        return
    if not security:
        yield f'<p><strong>{esc(title)}:</strong> <span class="muted">none</span></p>\n'
        return
    options = []
    for requirement in security:
        if not isinstance(requirement, Mapping):
            continue
        if not requirement:
            options.append('<span class="muted">anonymous</span>')
            continue
        names = []
        for name, scopes in requirement.items():
            link = f'<a href="#{page.anchors.get("scheme", str(name))}">{esc(name)}</a>'
            if isinstance(scopes, list) and scopes:
                link += f" ({esc(', '.join(str(s) for s in scopes))})"
            names.append(link)
        options.append(" and ".join(names))
    yield f'<p class="security"><strong>{esc(title)}:</strong> {" or ".join(options)}</p>\n'


def _operation(page: _Page, op: d.OperationView, anchor: str) -> Iterator[str]:
    css = "op deprecated" if op.deprecated else "op"
    yield (
        f'<article class="{css}" id="{anchor}" data-method="{esc(op.method)}" '
        f'data-path="{esc(op.path)}">\n<h3>{_method(op.method)} '
        f'<code class="path">{esc(op.path)}</code>'
    )
    summary = op.operation.get("summary")
    if isinstance(summary, str) and summary:
        yield f' <span class="summary">{esc(summary)}</span>'
    if op.deprecated:
        yield ' <span class="badge deprecated">deprecated</span>'
    yield "</h3>\n"
    operation_id = op.operation.get("operationId")
    if operation_id is not None:
        yield f'<p class="muted">operationId: <code>{esc(operation_id)}</code></p>\n'
    yield _text(op.operation.get("description"))
    yield from _security_line(page, op.security, "Security")
    if op.parameters:
        yield from _parameters(page, op.parameters)
    if op.body is not None:
        yield from _body(page, op.body)
    if op.responses:
        yield "<h4>Responses</h4>\n"
        for response in op.responses:
            yield from _response(page, response)
    for name, callback_ops in op.callbacks:
        yield f"<h4>Callback <code>{esc(name)}</code></h4>\n<ul>\n"
        for callback in callback_ops:
            yield f"<li>{_method(callback.method)} <code>{esc(callback.path)}</code></li>\n"
        yield "</ul>\n"
    yield "</article>\n"


def _parameters(
    page: _Page, parameters: tuple[d.ParameterView, ...], title: str = "Parameters"
) -> Iterator[str]:
    yield (
        f"<h4>{esc(title)}</h4>\n<table><thead><tr><th>Name</th><th>In</th><th>Schema</th>"
        "<th>Description</th></tr></thead>\n<tbody>\n"
    )
    for p in parameters:
        badges = ' <span class="badge required">required</span>' if p.required else ""
        if p.deprecated:
            badges += ' <span class="badge deprecated">deprecated</span>'
        examples = "".join(
            f"<div>{esc(name)}:</div>{json_block(value)}" for name, value in p.examples
        )
        yield (
            f"<tr><td><code>{esc(p.name)}</code>{badges}</td><td>{esc(p.location)}</td>"
            f"<td>{page.tree(p.schema) if p.schema is not None else ''}</td>"
            f"<td>{_text(p.description, 'desc')}{examples}</td></tr>\n"
        )
    yield "</tbody></table>\n"


def _media(page: _Page, content: tuple[d.MediaView, ...]) -> Iterator[str]:
    for media in content:
        stream = ' <span class="muted">a stream; each item:</span>' if media.streamed else ""
        yield f"<h5><code>{esc(media.media_type)}</code>{stream}</h5>\n"
        if media.schema is not None:
            yield page.tree(media.schema)
        for name, value in media.examples:
            yield f'<div class="muted">Example {esc(name)}</div>\n{json_block(value)}\n'


def _body(page: _Page, body: d.BodyView) -> Iterator[str]:
    required = ' <span class="badge required">required</span>' if body.required else ""
    yield f"<h4>Request body{required}</h4>\n"
    yield _text(body.description)
    yield from _media(page, body.content)


def _response(page: _Page, response: d.ResponseView) -> Iterator[str]:
    status = response.status
    yield (
        f'<h5><span class="status s{esc(status[:1])}">{esc(status)}</span> '
        f"{esc(response.description)}</h5>\n"
    )
    if response.headers:
        yield from _parameters(page, response.headers, "Headers")
    yield from _media(page, response.content)


def _schemas(page: _Page) -> Iterator[str]:
    named = d.schemas(page.document)
    if not named:
        return
    yield '<section class="group" id="schemas">\n<h2>Schemas</h2>\n'
    for name, schema in named.items():
        yield (
            f'<article class="schema" id="{page.anchors.get("schema", str(name))}">\n'
            f"<h3><code>{esc(name)}</code></h3>\n{page.tree(schema)}\n</article>\n"
        )
    yield "</section>\n"


def _security_schemes(page: _Page) -> Iterator[str]:
    schemes = d.security_schemes(page.document)
    if not schemes:
        return
    yield '<section class="group" id="security-schemes">\n<h2>Security schemes</h2>\n'
    for name, raw in schemes.items():
        scheme, _ = d.resolve(page.document, raw)
        yield (
            f'<article class="scheme" id="{page.anchors.get("scheme", str(name))}">\n'
            f"<h3><code>{esc(name)}</code> "
            f'<span class="type">{esc(scheme.get("type", ""))}</span></h3>\n'
        )
        yield _text(scheme.get("description"))
        details = {k: v for k, v in scheme.items() if k not in ("type", "description")}
        if details:
            yield json_block(details)
        yield "</article>\n"
    yield "</section>\n"
