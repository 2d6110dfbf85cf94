"""Component names for bundled objects: short when unique, qualified for every member of a clash.

Collect, then name: every object bundled into one section is known before any is named, so
the outcome does not depend on the order references are met. An object is first named after
what it is (``pet.yaml`` -> ``pet``, ``common.yaml#/components/schemas/Error`` -> ``Error``);
when two objects want one name, or the entry already uses it, *every* one of them takes its
file-qualified name (``schemas_pet``, ``common_Error``), and a number settles what is left.
Names match ``^[A-Za-z0-9._-]+$``, as component keys must.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Collection, Mapping, Sequence

from openapi_builder.docset.refs import FileRef
from openapi_builder.pointers import tokens

__all__ = ["assign_names"]

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def _clean(text: str) -> str:
    return _UNSAFE.sub("_", text).strip("_") or "_"


def _short(target: FileRef) -> str:
    parts = tokens(target.pointer)
    if parts:
        return _clean(parts[-1])
    return _clean(posixpath.splitext(posixpath.basename(target.name))[0])


def _qualified(target: FileRef) -> str:
    stem = posixpath.splitext(target.name)[0].replace("/", "_")
    parts = tokens(target.pointer)
    return _clean(f"{stem}_{parts[-1]}" if parts else stem)


def assign_names(targets: Sequence[FileRef], taken: Collection[str]) -> Mapping[FileRef, str]:
    """A distinct name per target of one section, none of them in ``taken``.

    ``targets`` are named in sorted order, so the result depends only on the set of targets.
    """
    ordered = sorted(set(targets), key=lambda t: (t.name, t.pointer))
    wanted: dict[str, list[FileRef]] = {}
    for target in ordered:
        wanted.setdefault(_short(target), []).append(target)
    names: dict[FileRef, str] = {}
    used = set(taken)
    clashing: list[FileRef] = []
    for short, members in wanted.items():
        if len(members) == 1 and short not in used:
            names[members[0]] = short
        else:
            clashing.extend(members)
    used.update(names.values())
    for target in sorted(clashing, key=lambda t: (t.name, t.pointer)):
        base = _qualified(target)
        name, number = base, 1
        while name in used:
            number += 1
            name = f"{base}_{number}"
        names[target] = name
        used.add(name)
    return names
