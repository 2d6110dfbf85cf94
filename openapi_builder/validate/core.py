"""``validate``: structure (step 1) and semantics + lint (step 2) into one sorted report."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from openapi_builder._gc import paused_gc
from openapi_builder.docset import Bundle, bundle_set, load_document_set, may_refer_elsewhere
from openapi_builder.load import LoadedDocument, load_document, nearest_position
from openapi_builder.validate.catalogue import LINT_RULES
from openapi_builder.validate.config import effective_severities, read_config
from openapi_builder.validate.findings import Finding
from openapi_builder.validate.reference import REFERENCE_RULE, reference_findings
from openapi_builder.validate.report import Problem, Severity, ValidationReport
from openapi_builder.validate.rules.context import Context, RefResolver
from openapi_builder.validate.structure import check_structure
from openapi_builder.validate.versions import SpecVersion, detect_version
from openapi_builder.validate.walk import DEPTH_LIMIT, Index, index_document

__all__ = ["ENGINES", "validate"]

ENGINES = ("builtin", "openapi-spec-validator")
Source = Mapping[str, Any] | str | os.PathLike[str] | bytes


@paused_gc()
def validate(
    doc_or_path: Source,
    *,
    lint: bool = True,
    rules: Mapping[str, str] | None = None,
    config: str | os.PathLike[str] | None = None,
    allow_remote_refs: bool = False,
    engine: str = "builtin",
    follow_refs: bool = True,
    root: str | os.PathLike[str] | None = None,
) -> ValidationReport:
    """Validate an OpenAPI document (2.0, 3.0, 3.1 or 3.2) and return every finding.

    Args:
        doc_or_path: the document as a dict, or a JSON/YAML file path (``str`` or
            ``os.PathLike``; text and ``bytes`` are read as documents, as ``load`` does).
            Findings on files carry ``source``, ``line`` and ``column``.
        lint: run the lint rules; ``False`` keeps only what makes the document invalid
            (structure, references, operationIds, path parameters, defaults, examples...:
            the rules whose default severity is ``error``).
        rules: rule id -> ``"error" | "warning" | "info" | "off"``, applied last; enables
            the off-by-default style rules too.
        config: a YAML/JSON file with a ``rules:`` mapping, or a ``pyproject.toml`` with
            ``[tool.openapi-builder.rules]``; ``rules`` wins over it.
        allow_remote_refs: with ``follow_refs=False``, still resolve ``$ref``s to files inside
            the spec's directory one by one (HTTP is never fetched).
        engine: ``"builtin"``, or ``"openapi-spec-validator"`` to run the reference instead
            (its errors as ``openapi-spec-validator`` findings; ``lint`` and ``rules`` ignored).
        follow_refs: for a file, follow ``$ref``s to other local files (relative to the file
            holding them, never outside ``root``, never over the network) and validate
            what they reach as part of the document: a finding inside a referenced file
            names that file, line and column. A ``$ref`` that cannot be followed is an
            ``unresolved-ref`` finding at its own place.
        root: the folder outside which no referenced file is opened (default: the file's
            folder).

    Returns:
        A ``ValidationReport`` with problems sorted by ``Problem.sort_key``. Input is never
        modified, and odd documents give findings, never exceptions.

    Raises:
        LoadError: ``doc_or_path`` is a file or text that cannot be loaded.
        ConfigError: an unknown rule id or severity, or an unreadable config file.
        ValueError: an unknown ``engine``.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")
    overrides: list[tuple[Mapping[str, str], str]] = []
    if config is not None:
        overrides.append((read_config(config), str(config)))
    if rules is not None:
        overrides.append((rules, "rules="))
    effective_severities(*overrides)  # a wrong rule id or level fails before any file is read

    loaded: LoadedDocument | None = None
    if not isinstance(doc_or_path, str | bytes | os.PathLike):
        document: Any = doc_or_path  # a dict, or anything else: findings say what is wrong
        base_dir = None
    else:
        loaded = load_document(doc_or_path)
        document = loaded.data
        base_dir = Path(loaded.source).parent if loaded.source else None

    version = detect_version(document)
    severities = effective_severities(
        *overrides, version=version.key if isinstance(version, SpecVersion) else None
    )
    if not isinstance(version, SpecVersion):
        findings: list[Finding] = [version]
    elif engine == "openapi-spec-validator":
        findings = list(reference_findings(document, version.key))
        severities = {**severities, REFERENCE_RULE: "error"}
    else:
        bundle = None
        if follow_refs and loaded is not None and loaded.source is not None:
            bundle = _bundle(loaded, root)
        if bundle is not None:
            document, base_dir, allow_remote_refs = bundle.document, None, False
        index = index_document(document, version.key)
        findings = _builtin(document, version, index, severities, lint, base_dir, allow_remote_refs)
        if bundle is not None:
            return _report(_with_issues(findings, bundle), severities, loaded, bundle)
    return _report(findings, severities, loaded)


def _bundle(loaded: LoadedDocument, root: str | os.PathLike[str] | None) -> Bundle | None:
    """The spec bundled with the files its ``$ref``s reach; ``None`` when it is one file."""
    assert loaded.source is not None
    if not may_refer_elsewhere(loaded.source):  # the common case, decided without a walk
        return None
    docset = load_document_set(loaded.source, root=root, entry_document=loaded)
    if docset.single and not docset.issues:
        return None
    return bundle_set(docset)


def _with_issues(findings: Iterable[Finding], bundle: Bundle) -> list[Finding]:
    """Findings on the bundle, where the set's own word replaces "not followed" on a ``$ref``.

    A reference the set could not follow stays as written in the bundle, so the ref rule
    flags it too; the set knows why (outside the root, missing file...), so its issue wins.
    """
    places = {(issue.file, issue.pointer) for issue in bundle.issues}
    kept = [
        finding
        for finding in findings
        if finding.rule_id != "unresolved-ref" or bundle.origin(finding.pointer) not in places
    ]
    return kept


def _builtin(
    document: Any,
    version: SpecVersion,
    index: Index,
    severities: Mapping[str, Severity | None],
    lint: bool,
    base_dir: Path | None,
    allow_remote_refs: bool,
) -> list[Finding]:
    if index.depth > DEPTH_LIMIT:
        # A Python object containing itself (never JSON) or absurd nesting: jsonschema-rs
        # would exhaust any stack, and the rules would chase the loop.
        return [
            Finding(
                "structure",
                "",
                f"the document nests more than {DEPTH_LIMIT:,} levels deep, or contains itself",
                hint="build the document as a tree of fresh dicts; use $ref for repetition",
            )
        ]
    findings: list[Finding] = []
    if severities.get("structure") is not None:
        findings.extend(check_structure(document, version.key, index.depth, index.cuts))
    resolver = RefResolver(document, base_dir=base_dir, allow_files=allow_remote_refs)
    context = Context(document=document, version=version, index=index, refs=resolver)
    for rule in LINT_RULES:
        severity = severities.get(rule.id)
        if rule.check is None or severity is None:
            continue
        if not lint and severity != "error":
            continue
        findings.extend(rule.check(context))
    return findings


def _report(
    findings: Iterable[Finding],
    severities: Mapping[str, Severity | None],
    loaded: LoadedDocument | None,
    bundle: Bundle | None = None,
) -> ValidationReport:
    source = loaded.source if loaded is not None else None
    problems: dict[tuple[str, str | None, str, str], Problem] = {}
    # (finding, file of the bundle's set, pointer in that file); None: not from a bundle.
    placed: list[tuple[Finding, str | None, str]] = []
    if bundle is None:
        placed.extend((finding, None, finding.pointer) for finding in findings)
    else:
        for finding in findings:
            placed.append((finding, *bundle.origin(finding.pointer)))
        for issue in bundle.issues:
            found = Finding("unresolved-ref", issue.pointer, issue.message, issue.hint)
            placed.append((found, issue.file, issue.pointer))
    for finding, file, pointer in placed:
        severity = severities.get(finding.rule_id, "error")
        if severity is None:
            continue
        where = source if bundle is None or file is None else bundle.docset.source(file)
        key = (finding.rule_id, where, pointer, finding.message)
        if key in problems:
            continue
        if bundle is not None and file is not None:
            position = bundle.docset.position(file, pointer)
        else:
            position = nearest_position(loaded, pointer) if loaded is not None else None
        line, column = position if position is not None else (None, None)
        problems[key] = Problem(
            rule_id=finding.rule_id,
            severity=severity,
            pointer=pointer,
            message=finding.message,
            hint=finding.hint,
            source=where,
            line=line,
            column=column,
        )
    ordered = sorted(problems.values(), key=Problem.sort_key)
    return ValidationReport(problems=tuple(ordered), source=source)
