"""Bundling: one self-contained document from a document set, and where its parts came from.

Every object another file provides moves into the ``components`` section of its kind (2.0:
``definitions``, ``parameters``, ``responses``), under a name from ``names``, and every
``$ref`` to it is rewritten to point there. Two shortcuts keep bundles close to what people
write by hand: an entry component that is nothing but a ``$ref`` to a file *becomes* that
file's object (so ``schemas: {Pet: {$ref: pet.yaml}}`` bundles to ``Pet``), and a reference into
an object already bundled points inside it instead of copying it. Kinds without a section
(path items, and anything met where no kind is known) are inlined at their reference; a chain
of those that loops cannot be inlined and is an issue. ``origins`` maps each moved or inlined
subtree's pointer in the bundle to its file and pointer, so findings can name the file.

``bundle_set`` consumes the set (it rewrites the files' data in place, which only ever
belongs to the set): nothing a user passed in is touched.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from openapi_builder.docset.documents import DocumentSet, Reference, RefIssue
from openapi_builder.docset.kinds import section_of
from openapi_builder.docset.names import assign_names
from openapi_builder.docset.refs import FileRef, fragment_of
from openapi_builder.merge import copy_json
from openapi_builder.pointers import escape

__all__ = ["Bundle", "bundle_set"]


@dataclass(slots=True)
class Bundle:
    """A bundled document, with ``origins`` (bundle pointer -> (file, pointer)) and issues."""

    document: dict[str, Any]
    docset: DocumentSet
    origins: dict[str, tuple[str, str]] = field(default_factory=dict)
    issues: list[RefIssue] = field(default_factory=list)
    #: entry components that were a ``$ref`` to a file: the key itself stays the entry's
    wrappers: set[str] = field(default_factory=set)

    def origin(self, pointer: str, *, keys: bool = True) -> tuple[str, str]:
        """The (file, pointer) a bundle pointer comes from (the entry's, when not moved).

        With ``keys``, an entry component that was a ``$ref`` to a file is itself the entry's
        (its key is written there: a finding about the key belongs there); without, it is
        the file's object it became.
        """
        prefix = pointer
        while True:
            found = self.origins.get(prefix)
            if found is not None and keys and prefix == pointer and prefix in self.wrappers:
                return self.docset.entry, pointer
            if found is not None:
                return found[0], found[1] + pointer[len(prefix) :]
            if not prefix:
                return self.docset.entry, pointer
            prefix = prefix.rpartition("/")[0]


@dataclass(slots=True)
class _Target:
    ref: FileRef
    kind: str
    node: Any
    holders: list[Reference] = field(default_factory=list)
    section: tuple[str, ...] | None = None
    name: str | None = None
    wrapper: Reference | None = None
    via: tuple[_Target, str] | None = None  # (bundled ancestor, pointer below it)
    nested: bool = False  # inside another target of its file: placed as a copy

    @property
    def placed_at(self) -> str:
        assert self.section is not None and self.name is not None
        if self.wrapper is not None:
            return self.wrapper.pointer
        return "".join(f"/{escape(part)}" for part in (*self.section, self.name))


def _below(pointer: str, ancestor: str) -> bool:
    return pointer.startswith(ancestor + "/") or (ancestor == "" and pointer != "")


def bundle_set(docset: DocumentSet) -> Bundle:
    """Bundle ``docset`` into its entry document (in place) and return the ``Bundle``."""
    bundle = Bundle(docset.data, docset, issues=list(docset.issues))
    if docset.single:
        return bundle
    targets: dict[FileRef, _Target] = {}
    for reference in docset.references:
        target = targets.get(reference.target)
        if target is None:
            node = docset.node(reference.target)
            target = targets[reference.target] = _Target(
                reference.target, reference.site.kind, node
            )
        target.holders.append(reference)
    external = [t for t in targets.values() if t.ref.name != docset.entry]
    _classify(docset, external)
    _name(docset, external)
    order, unbundled = _inline_order(docset, external, bundle)
    rewritten: dict[int, str | None] = {}  # per target: its new `$ref`, computed once
    for reference in docset.references:  # 1. rewrite references to sections and the entry
        target = targets[reference.target]
        if id(reference) in unbundled or target.wrapper is reference:
            continue
        new = rewritten.get(id(target), "")
        if new == "":
            new = rewritten[id(target)] = _ref_to(target, docset.entry)
        if new is not None:
            reference.site.holder["$ref"] = new
    for target in order:  # 2. inline, innermost first
        for index, holder in enumerate(target.holders):
            if id(holder) in unbundled:
                continue
            value = target.node if index == 0 and not target.nested else copy_json(target.node)
            _replace(holder, value, keep_siblings=True)
    for target in sorted(external, key=lambda t: (t.ref.name, t.ref.pointer)):  # 3. sections
        if target.section is None or target.via is not None:
            continue
        value = copy_json(target.node) if target.nested else target.node
        if target.wrapper is not None:
            _replace(target.wrapper, value, keep_siblings=False)
            bundle.wrappers.add(target.placed_at)
        else:
            container: Any = bundle.document
            for part in target.section:
                container = container.setdefault(part, {}) if type(container) is dict else None
            if type(container) is not dict:
                continue  # the entry's own section is not an object: validation says so
            container[target.name] = value
        bundle.origins[target.placed_at] = (target.ref.name, target.ref.pointer)
    _inline_origins(docset, external, order, unbundled, bundle)
    return bundle


def _classify(docset: DocumentSet, external: list[_Target]) -> None:
    """Sections, the targets below another section target, and the entry's wrappers."""
    by_file: dict[str, dict[str, _Target]] = {}
    for target in external:
        target.section = section_of(docset.family, target.kind)
        by_file.setdefault(target.ref.name, {})[target.ref.pointer] = target
    for target in external:
        in_file = by_file[target.ref.name]
        pointer = target.ref.pointer
        prefix = pointer
        while prefix:
            prefix = prefix.rpartition("/")[0]
            ancestor = in_file.get(prefix)
            if ancestor is None:
                continue
            target.nested = True
            if ancestor.section is not None and target.via is None:
                target.via = (ancestor, pointer[len(prefix) :])
        # The outermost section ancestor wins, so every reference lands in one component.
    for target in external:
        while target.via is not None and target.via[0].via is not None:
            outer, rest = target.via[0].via
            target.via = (outer, rest + target.via[1])
        if target.section is None or target.via is not None:
            continue
        section_pointer = "".join(f"/{escape(part)}" for part in target.section)
        for holder in sorted(target.holders, key=lambda h: h.pointer):
            if (
                holder.file == docset.entry
                and holder.pointer.rpartition("/")[0] == section_pointer
                and len(holder.site.holder) == 1
            ):
                target.wrapper = holder
                target.name = holder.pointer.rpartition("/")[2]
                break


def _name(docset: DocumentSet, external: list[_Target]) -> None:
    sections: dict[tuple[str, ...], list[_Target]] = {}
    for target in external:
        if target.section is not None and target.via is None and target.wrapper is None:
            sections.setdefault(target.section, []).append(target)
    for section, members in sorted(sections.items()):
        container: Any = docset.data
        for part in section:
            container = container.get(part) if type(container) is dict else None
        taken = set(container) if type(container) is dict else set()
        names = assign_names([t.ref for t in members], taken)
        for target in members:
            target.name = names[target.ref]


def _ref_to(target: _Target, entry: str) -> str | None:
    """The new ``$ref`` of a reference to ``target``; ``None`` when it is inlined."""
    if target.ref.name == entry:
        return fragment_of(target.ref.pointer)
    if target.via is not None:
        ancestor, rest = target.via
        return fragment_of(ancestor.placed_at + rest)
    if target.section is not None:
        return fragment_of(target.placed_at)
    return None


def _inline_order(
    docset: DocumentSet, external: list[_Target], bundle: Bundle
) -> tuple[list[_Target], dict[int, Reference]]:
    """Inlined targets innermost first, and the references not bundled (by ``id``).

    A target depends on every inlined target referenced from inside it; a loop of those can
    never be inlined, so the reference closing it stays as it is and becomes an issue.
    """
    inline = [t for t in external if t.section is None and t.via is None]
    inline.sort(key=lambda t: (t.ref.name, t.ref.pointer))
    holders_in: dict[str, list[tuple[Reference, _Target]]] = {}  # file -> inlined refs in it
    for other in inline:
        for holder in other.holders:
            holders_in.setdefault(holder.file, []).append((holder, other))
    inside: dict[int, list[tuple[Reference, _Target]]] = {id(t): [] for t in inline}
    for target in inline:
        base = target.ref.pointer
        for holder, other in holders_in.get(target.ref.name, ()):
            if holder.pointer == base or _below(holder.pointer, base):
                inside[id(target)].append((holder, other))
    unbundled: dict[int, Reference] = {}
    order: list[_Target] = []
    state: dict[int, int] = {}  # 1: on the current path, 2: done
    for start in inline:
        if id(start) in state:
            continue
        state[id(start)] = 1
        stack: list[tuple[_Target, int]] = [(start, 0)]
        while stack:
            target, position = stack.pop()
            children = inside[id(target)]
            if position < len(children):
                stack.append((target, position + 1))
                holder, child = children[position]
                if state.get(id(child)) == 1:
                    unbundled[id(holder)] = holder
                    _loop_issue(docset, holder, bundle)
                elif id(child) not in state:
                    state[id(child)] = 1
                    stack.append((child, 0))
                continue
            state[id(target)] = 2
            order.append(target)
    return order, unbundled


def _loop_issue(docset: DocumentSet, holder: Reference, bundle: Bundle) -> None:
    where = f"{holder.pointer}/$ref"
    position = docset.position(holder.file, where)
    bundle.issues.append(
        RefIssue(
            file=holder.file,
            pointer=where,
            ref=str(holder.site.ref),
            message=f"$ref {holder.site.ref!r} closes a loop of objects that must be inlined "
            "(they have no components section), so it cannot be bundled",
            hint="break the loop, or move one of these objects where components can hold it",
            source=docset.source(holder.file),
            line=position[0] if position else None,
            column=position[1] if position else None,
        )
    )


def _replace(holder: Reference, value: Any, *, keep_siblings: bool) -> None:
    site = holder.site
    siblings = {k: v for k, v in site.holder.items() if k != "$ref"} if keep_siblings else {}
    if type(value) is dict:
        merged = {**value, **siblings}
        site.holder.clear()
        site.holder.update(merged)
    elif site.parent is not None:
        site.parent[site.key] = value


def _inline_origins(
    docset: DocumentSet,
    external: list[_Target],
    order: list[_Target],
    unbundled: dict[int, Reference],
    bundle: Bundle,
) -> None:
    """Origins of inlined targets: where each holder ended up, outermost first."""
    placed: dict[str, list[tuple[str, list[str]]]] = {}  # file -> (pointer, bundle pointers)
    for target in external:
        if target.section is not None and target.via is None and target.name is not None:
            placed.setdefault(target.ref.name, []).append((target.ref.pointer, [target.placed_at]))
    for target in reversed(order):
        locations: list[str] = []
        for holder in target.holders:
            if id(holder) in unbundled:
                continue
            locations.extend(_locate(docset.entry, placed, holder.file, holder.pointer))
        for location in locations:
            bundle.origins.setdefault(location, (target.ref.name, target.ref.pointer))
        placed.setdefault(target.ref.name, []).append((target.ref.pointer, locations))


def _locate(
    entry: str, placed: dict[str, list[tuple[str, list[str]]]], file: str, pointer: str
) -> list[str]:
    if file == entry:
        return [pointer]
    best: tuple[str, list[str]] | None = None
    for base, locations in placed.get(file, ()):
        if (base == pointer or _below(pointer, base)) and (
            best is None or len(base) > len(best[0])
        ):
            best = (base, locations)
    if best is None:
        return []
    return [location + pointer[len(best[0]) :] for location in best[1]]
