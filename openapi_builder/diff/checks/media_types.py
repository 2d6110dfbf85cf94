"""Media type names of a response that changed but still name the same content.

A response's ``application/json`` that becomes ``application/problem+json`` (a structured
syntax suffix, RFC 6839), ``application/*`` or ``application/json; charset=utf-8`` is not a
media type removed and another added: clients get the same body under a more or less
specific label. Such pairs are matched so their schemas are compared, and the label change is
judged on its own: more specific is information, less specific breaks the promise of what
clients receive, and parameters added, removed or changed are judged like a narrowing,
a widening and neither. Names that differ only in case (media types are case-insensitive)
are the same media type.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

Relation = Literal["same", "specialized", "generalized", "parameters", "changed"]


def bare_name(media_type: str) -> str:
    """The media type without its parameters, as written: ``text/plain; charset=utf-8`` ->
    ``text/plain``."""
    return media_type.partition(";")[0].strip()


def _parse(media_type: str) -> tuple[str, str, dict[str, str]]:
    """``type``, ``subtype`` and parameters, lower-cased (values as written)."""
    _, _, parameters = media_type.partition(";")
    params = parameters.split(";") if parameters else []
    kind, _, subtype = bare_name(media_type).lower().partition("/")
    parsed: dict[str, str] = {}
    for param in params:
        key, _, value = param.partition("=")
        if key.strip():
            parsed[key.strip().lower()] = value.strip()
    return kind, subtype, parsed


def _contains(wide: tuple[str, str], narrow: tuple[str, str]) -> bool:
    """Whether every media type ``narrow`` names is one ``wide`` names too."""
    if wide == narrow:
        return False
    if wide == ("*", "*"):
        return True
    if wide[0] != narrow[0]:
        return False
    return wide[1] == "*" or narrow[1].endswith("+" + wide[1])


def relate(old: str, new: str) -> Relation | None:
    """How ``new`` relates to ``old`` when both name the same content, else None."""
    old_kind, old_sub, old_params = _parse(old)
    new_kind, new_sub, new_params = _parse(new)
    bare_old, bare_new = (old_kind, old_sub), (new_kind, new_sub)
    if bare_old == bare_new:
        # names differ only in case or spacing when the parameters are equal too
        return "parameters" if old_params != new_params else "same"
    if _contains(bare_old, bare_new):
        relation: Relation = "specialized"
    elif _contains(bare_new, bare_old):
        relation = "generalized"
    else:
        return None
    return relation if old_params == new_params else "changed"


def parameter_changes(old: str, new: str) -> list[tuple[str, str, str, str]]:
    """``(added|removed|changed, parameter, old value, new value)`` between two media types
    that differ only in their parameters, in parameter order."""
    _, _, before = _parse(old)
    _, _, after = _parse(new)
    changes = []
    for name in sorted(before.keys() | after.keys()):
        if name not in before:
            changes.append(("added", name, "", after[name]))
        elif name not in after:
            changes.append(("removed", name, before[name], ""))
        elif before[name] != after[name]:
            changes.append(("changed", name, before[name], after[name]))
    return changes


def match_renamed(removed: Iterable[str], added: Iterable[str]) -> list[tuple[str, str, Relation]]:
    """Pairs ``(old, new, relation)`` of a removed and an added media type that name the same
    content, each used once; candidates are tried in name order, so the outcome is stable."""
    free = sorted(added)
    pairs = []
    for old in sorted(removed):
        for new in free:
            relation = relate(old, new)
            if relation is not None:
                pairs.append((old, new, relation))
                free.remove(new)
                break
    return pairs
