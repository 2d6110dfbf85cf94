"""Security requirement checks on a matched operation.

The effective requirement list is the operation's ``security`` or else the document's. It is a
list of alternatives (any one suffices); an empty or missing list, or an empty ``{}`` entry,
is the anonymous alternative. Removing an alternative, or adding a scope to one, locks clients
out (breaking); adding an alternative or dropping a scope does not. Allowing anonymous access
(every requirement dropped, or an empty ``{}`` alternative added) is never breaking: clients
that still send credentials keep working; taking it away is.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from openapi_builder.diff.change import Change, make_change
from openapi_builder.diff.operations import OperationSite

ANONYMOUS = "(anonymous)"


_Alternatives = dict[str, tuple[dict[str, frozenset[str]], str | None]]


def _effective(
    document: Mapping[str, Any], site: OperationSite
) -> tuple[_Alternatives, str | None]:
    """Alternatives keyed by their scheme names (``a + b``) with their pointers, and the
    pointer of the list (None when there is none: anonymous access)."""
    if isinstance(site.node.get("security"), list):
        raw, pointer = site.node["security"], site.pointer + "/security"
    elif isinstance(document.get("security"), list):
        raw, pointer = document["security"], "/security"
    else:
        raw, pointer = [], None
    alternatives: _Alternatives = {}
    for index, requirement in enumerate(raw or [{}]):
        if not isinstance(requirement, Mapping):
            continue
        schemes = {
            str(name): frozenset(s for s in scopes if isinstance(s, str))
            if isinstance(scopes, list)
            else frozenset()
            for name, scopes in requirement.items()
        }
        where = f"{pointer}/{index}" if pointer is not None and raw else pointer
        alternatives[" + ".join(sorted(schemes)) or ANONYMOUS] = (schemes, where)
    return alternatives, pointer


def check_security(
    base: Mapping[str, Any],
    revision: Mapping[str, Any],
    old: OperationSite,
    new: OperationSite,
) -> Iterator[Change]:
    """Alternatives and scopes added or removed for one operation."""
    ops = (old.label,)
    before, old_list = _effective(base, old)
    after, new_list = _effective(revision, new)
    removed = sorted(before.keys() - after.keys() - {ANONYMOUS})
    if ANONYMOUS in after and ANONYMOUS not in before:
        # Anonymous access allowed now: clients that still send credentials keep working.
        yield make_change(
            "api-security-anonymous-access-added",
            base=old_list,
            revision=after[ANONYMOUS][1],
            operations=ops,
            requirements=", ".join(removed) or "none",
        )
        removed = []
    elif ANONYMOUS in before and ANONYMOUS not in after:
        yield make_change(
            "api-security-anonymous-access-removed",
            base=before[ANONYMOUS][1],
            revision=new_list,
            operations=ops,
        )
    for name in removed:
        yield make_change(
            "api-security-removed",
            base=before[name][1],
            revision=new_list,
            operations=ops,
            requirement=name,
        )
    for name in sorted(after.keys() - before.keys() - {ANONYMOUS}):
        yield make_change(
            "api-security-added",
            base=old_list,
            revision=after[name][1],
            operations=ops,
            requirement=name,
        )
    for name in sorted(before.keys() & after.keys()):
        (old_schemes, old_where), (new_schemes, new_where) = before[name], after[name]
        added = {s for scheme in old_schemes for s in new_schemes[scheme] - old_schemes[scheme]}
        dropped = {s for scheme in old_schemes for s in old_schemes[scheme] - new_schemes[scheme]}
        for rule, scopes in (
            ("api-security-scope-added", added),
            ("api-security-scope-removed", dropped),
        ):
            if scopes:
                yield make_change(
                    rule,
                    base=old_where,
                    revision=new_where,
                    operations=ops,
                    requirement=name,
                    scopes=", ".join(sorted(scopes)),
                )
