"""The diff report as one self-contained HTML page (``diff --format html``).

The same content as the Markdown report - the summary, then the changes by level, breaking
first, each with its message, rule and affected operations (ten shown, the rest folded) -
plus, when the documents are at hand, the base and revision fragments side by side with the
changed member highlighted. A level filter works without a server or JavaScript: radio
buttons and CSS. Rendered from ``DiffReport.changes`` alone, so it is byte-stable.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from openapi_builder.diff.formats import _SHOWN_OPERATIONS, _TITLES, summary_line
from openapi_builder.diff.pointer import unescape
from openapi_builder.diff.rules import Level
from openapi_builder.docs.markup import esc, to_json_text
from openapi_builder.docs.style import CSS

if TYPE_CHECKING:
    from openapi_builder.diff.report import DiffReport, ReportedChange

#: Lines of one member's JSON shown in a fragment before "… N more lines".
MAX_FRAGMENT_LINES = 40
#: Sibling members shown on each side of the changed one.
_SIBLINGS = 3

_LEVELS: tuple[Level, ...] = ("breaking", "warning", "info")

_PAGE_CSS = """\
.filter{position:absolute;opacity:0;pointer-events:none}
.counts{display:flex;gap:8px;flex-wrap:wrap;margin:12px 0}
.counts label{cursor:pointer;border:1px solid var(--line);border-radius:6px;padding:6px 12px;
background:var(--panel)}
.counts label b{font-size:18px;margin-right:4px}
label.breaking b,.level-breaking{color:var(--breaking)}
label.warning b,.level-warning{color:var(--warning)}
label.info b,.level-info{color:var(--info)}
#show-all:checked~main label[for=show-all],#show-breaking:checked~main label[for=show-breaking],
#show-warning:checked~main label[for=show-warning],#show-info:checked~main label[for=show-info]
{outline:2px solid var(--link)}
#show-breaking:checked~main section.level:not(.breaking),
#show-warning:checked~main section.level:not(.warning),
#show-info:checked~main section.level:not(.info){display:none}
article.change{border:1px solid var(--line);border-left-width:4px;border-radius:6px;
margin:10px 0;padding:6px 12px}
article.change.breaking{border-left-color:var(--breaking)}
article.change.warning{border-left-color:var(--warning)}
article.change.info{border-left-color:var(--info)}
.rule{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;color:var(--muted);
overflow-wrap:anywhere}
.sides{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:8px}
.sides pre{margin:2px 0;max-height:20em}
.sides mark{display:block;color:inherit}
.side-base mark{background:var(--old)}.side-revision mark{background:var(--new)}
ul.ops{margin:4px 0;padding-left:20px}
"""


def read_source(source: str | None) -> Mapping[str, Any] | None:
    """The document a report was made from, read again; ``None`` when it cannot be."""
    if source is None:
        return None
    from openapi_builder.diff.sources import read_spec_source
    from openapi_builder.errors import OpenAPIBuilderError

    try:
        return read_spec_source(source)
    except OpenAPIBuilderError:
        return None  # changed or gone since the diff: the page shows pointers instead


def _target(document: Mapping[str, Any] | None, pointer: str) -> tuple[bool, Any]:
    node: Any = document
    if node is None:
        return False, None
    for raw in pointer.split("/")[1:] if pointer else []:
        token = unescape(raw)
        if isinstance(node, Mapping) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return False, None
    return True, node


def pretty_lines(value: Any, limit: int = MAX_FRAGMENT_LINES) -> list[str]:
    """``json.dumps(value, indent=2)`` as lines, but only the first ``limit`` of them.

    Iterative, and it stops once ``limit`` lines are out, so a fragment of a huge schema
    costs as much as the part shown (the standard encoder is pure Python when indenting).
    """
    lines: list[str] = []
    stack: list[tuple[int, str, Any, str] | str] = [(0, "", value, "")]
    while stack:
        if len(lines) >= limit:
            lines.append("  … more lines not shown")
            break
        item = stack.pop()
        if isinstance(item, str):
            lines.append(item)
            continue
        depth, prefix, node, suffix = item
        pad = "  " * depth
        # Each entry takes a line at least, so entries past `limit` could never be shown.
        if isinstance(node, Mapping) and node:
            entries: list[tuple[str, Any]] = [
                (json.dumps(str(k), ensure_ascii=False) + ": ", v)
                for k, v in itertools.islice(node.items(), limit + 1)
            ]
            opening, closing = "{", "}"
        elif isinstance(node, list | tuple) and node:
            entries = [("", v) for v in itertools.islice(node, limit + 1)]
            opening, closing = "[", "]"
        else:
            text = (
                "{}"
                if isinstance(node, Mapping)
                else "[]"
                if isinstance(node, list | tuple)
                else to_json_text(node, indent=None)
            )
            lines.append(f"{pad}{prefix}{text}{suffix}")
            continue
        lines.append(f"{pad}{prefix}{opening}")
        stack.append(f"{pad}{closing}{suffix}")
        last = len(node) - 1  # the real last entry, which a cut list may not reach
        stack.extend(
            (depth + 1, key, sub, "" if index == last else ",")
            for index, (key, sub) in reversed(list(enumerate(entries)))
        )
    return lines


def _short(value: Any) -> str:
    if isinstance(value, Mapping):
        return "{…}" if value else "{}"
    if isinstance(value, list):
        return "[…]" if value else "[]"
    text = to_json_text(value, indent=None)
    return text if len(text) <= 60 else text[:59] + "…"


def fragment(document: Mapping[str, Any] | None, pointer: str | None) -> str:
    """The fragment at ``pointer`` in context, as ``<pre>`` HTML with the member marked.

    The parent object is shown with the changed member in full (cut at
    :data:`MAX_FRAGMENT_LINES`) and a few siblings folded to one line each.
    """
    if pointer is None:
        return '<p class="muted">(absent)</p>'
    if document is None:
        return f'<p class="muted">at <code>{esc(pointer or "/")}</code></p>'
    found, value = _target(document, pointer)
    if not found:
        return f'<p class="muted"><code>{esc(pointer or "/")}</code> not found</p>'
    head = f'<div class="rule">{esc(pointer or "/")}</div>'
    parent_pointer, _, raw_key = pointer.rpartition("/")
    _, parent = _target(document, parent_pointer) if pointer else (False, None)
    member = pretty_lines(value)
    if isinstance(parent, Mapping):
        keys: list[Any] = list(parent)
        at = keys.index(unescape(raw_key))
        opening, closing = "{", "}"
    elif isinstance(parent, list):
        keys, at = list(range(len(parent))), int(raw_key)
        opening, closing = "[", "]"
    else:  # the root
        return f"{head}<pre><mark>{esc(chr(10).join(member))}</mark></pre>"
    start, stop = max(0, at - _SIBLINGS), min(len(keys), at + _SIBLINGS + 1)
    parts = [esc(opening) + "\n"]
    if start:
        parts.append(f"  … {start} more\n")
    for index in range(start, stop):
        name = keys[index]
        label = f"{json.dumps(name, ensure_ascii=False)}: " if opening == "{" else ""
        if index == at:
            body = [f"  {label}{member[0]}", *(f"  {line}" for line in member[1:])]
            parts.append(f"<mark>{esc(chr(10).join(body))}</mark>")
        else:
            parts.append(esc(f"  {label}{_short(parent[name])}") + "\n")
    if stop < len(keys):
        parts.append(f"  … {len(keys) - stop} more\n")
    parts.append(esc(closing))
    return f"{head}<pre>{''.join(parts)}</pre>"


def _operations(change: ReportedChange) -> Iterator[str]:
    if not change.operations:
        return
    shown = change.operations[:_SHOWN_OPERATIONS]
    rest = change.operations[_SHOWN_OPERATIONS:]
    yield '<ul class="ops">'
    yield from (f"<li><code>{esc(op)}</code></li>" for op in shown)
    yield "</ul>"
    if rest:
        yield f'<details><summary>and {len(rest)} more</summary><ul class="ops">'
        yield from (f"<li><code>{esc(op)}</code></li>" for op in rest)
        yield "</ul></details>"


def _change(
    change: ReportedChange,
    number: int,
    base: Mapping[str, Any] | None,
    revision: Mapping[str, Any] | None,
) -> Iterator[str]:
    yield (
        f'<article class="change {change.level}" id="change-{number}" '
        f'data-level="{change.level}" data-rule="{esc(change.rule_id)}">\n'
        f'<p><span class="badge level-{change.level}">{change.level}</span> '
        f'<span class="message">{esc(change.message)}</span> '
        f'<span class="rule">{esc(change.rule_id)}</span> '
        f'<span class="muted">({esc(change.direction)})</span></p>\n'
    )
    yield from _operations(change)
    yield (
        '<div class="sides">'
        f'<div class="side-base"><strong>base</strong>{fragment(base, change.base_pointer)}</div>'
        f'<div class="side-revision"><strong>revision</strong>'
        f"{fragment(revision, change.revision_pointer)}</div></div>\n</article>\n"
    )


def to_html(
    report: DiffReport,
    *,
    base: Mapping[str, Any] | None = None,
    revision: Mapping[str, Any] | None = None,
) -> str:
    """The report as an HTML page; ``base``/``revision`` documents add the fragments.

    Without the documents, each change shows its pointers instead of the fragments.
    """
    counts = report.counts()
    total = sum(counts.values())
    sources = ""
    if report.base_source or report.revision_source:
        sources = (
            f'<p class="muted"><code>{esc(report.base_source or "base")}</code> → '
            f"<code>{esc(report.revision_source or 'revision')}</code></p>\n"
        )
    parts = [
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="color-scheme" content="light dark">\n'
        '<meta name="generator" content="openapi-builder">\n'
        f"<title>OpenAPI changes</title>\n<style>\n{CSS}{_PAGE_CSS}</style>\n</head>\n<body>\n",
        '<input type="radio" name="level" id="show-all" class="filter" checked>\n',
        *(
            f'<input type="radio" name="level" id="show-{level}" class="filter">\n'
            for level in _LEVELS
        ),
        "<main>\n<h1>OpenAPI changes</h1>\n",
        sources,
        f'<p class="summary">{esc(summary_line(report))}</p>\n',
        '<div class="counts">',
        f'<label for="show-all"><b>{total}</b>all</label>',
        *(
            f'<label for="show-{level}" class="{level}"><b>{counts[level]}</b>{level}</label>'
            for level in _LEVELS
        ),
        "</div>\n",
    ]
    number = 0
    for level in _LEVELS:
        changes = report.at_level(level)
        if not changes:
            continue
        parts.append(f'<section class="level {level}">\n<h2>{esc(_TITLES[level])}</h2>\n')
        for change in changes:
            number += 1
            parts.extend(_change(change, number, base, revision))
        parts.append("</section>\n")
    if not total:
        parts.append('<p class="muted">No changes.</p>\n')
    parts.append("</main>\n</body>\n</html>\n")
    return "".join(parts)
