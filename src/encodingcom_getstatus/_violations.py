"""Turn what the validators report into :class:`Violation` objects.

Paths use the package's form (``/response/job[2]/format[1]/progress``: repeatable elements
always carry their position) and messages name the value and its type, read from the schema
("'abc' is not a valid percentage"); other messages are libxml2's or xmlschema's, on one line.
Every step is linear in the size of the document, however many errors it has.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from lxml import etree

from ._canonical import Positions, declared_type, element_path
from ._layout import schema_layout
from .errors import OversizeError, SchemaViolationError, Violation
from .schema import lxml_schema, xmlschema_schema

_VALUE_ERROR = re.compile(r"\[facet '|is not a valid value of the")
_PREFIX = re.compile(r"^Element '[^']*'(, attribute '[^']*')?: ")


def _describe(element: etree._Element | None, raw: str, value_error: bool) -> str:
    """A message naming the value and its expected type, or libxml2's text, tidied."""
    if element is not None and value_error:
        text = element.text or ""
        if len(text) > 200:
            text = text[:200] + "..."
        # repr: 'abc', with line breaks and control characters escaped (one line per problem).
        return f"{text!r} is not a valid {_label(element)}"
    return " ".join(_PREFIX.sub("", raw).rstrip(".").split())


def _label(element: etree._Element) -> str:
    return schema_layout().labels.get(declared_type(element), "value")


def check(
    root: etree._Element,
    unknown: Sequence[Violation],
    crowded: Sequence[etree._Element],
    strict: bool,
    all_errors: bool,
) -> None:
    """Raise :class:`SchemaViolationError` unless the canonical tree ``root`` is valid.

    ``unknown``: the unknown elements canonicalization set aside, violations when ``strict``.
    ``crowded``: its elements of more children than :data:`._canonical.CROWDED`, validated in
    windows. ``all_errors``: list every violation (xmlschema), not just libxml2's first under
    each element.
    """
    schema = lxml_schema()
    if crowded:
        from . import _crowded

        valid, located = _crowded.validate(root, schema, crowded)
    else:
        valid, located = schema.validate(root), None
    if valid and not (strict and unknown):
        return
    violations = list(unknown) if strict else []
    if not valid:
        # libxml2's verdict decides; xmlschema only lists more of the problems. (They can
        # disagree: xmlschema takes U+00A0 between elements for whitespace.)
        found_all = all_violations(root) if all_errors else []
        if located is None:
            located = locate(root, schema.error_log)
        violations += found_all or violations_of(located)
    raise SchemaViolationError(violations)


def wrong_root(root: etree._Element, expected: str) -> SchemaViolationError:
    message = f"expected root element '{expected}'"
    return SchemaViolationError([Violation(f"/{root.tag}", root.sourceline, message)])


def conversion_error(element: etree._Element, exc: Exception) -> Exception:
    """The error for a valid value Python cannot convert: an integer of more digits than
    ``sys.get_int_max_str_digits()`` (4300 unless the program set another limit)."""
    path, line = element_path(element), element.sourceline
    text = element.text or ""
    if len(text) > 1000:
        return OversizeError(f"{path}: a value of {len(text)} characters is too large", line=line)
    return SchemaViolationError([Violation(path, line, f"'{text}' cannot be read: {exc}")])


#: A validation error (a libxml2 log entry) and its element, None when unsure.
Located = tuple[etree._Element | None, Any]


def locate(
    root: etree._Element,
    log: Any,
    originals: dict[etree._Element, etree._Element] | None = None,
) -> list[Located]:
    """The elements of the errors in libxml2's ``log`` of a validation of ``root``; where
    ``root`` is a copy, ``originals`` maps its elements to theirs."""
    tree = root.getroottree()
    children: dict[etree._Element, dict[str, list[etree._Element]]] = {}
    found: list[Located] = []
    for entry in log:
        element = _find(root, entry.path, children) if entry.path else None
        if element is None and entry.path:
            nodes = tree.xpath(entry.path)
            element = nodes[0] if nodes and isinstance(nodes[0], etree._Element) else None
        if element is not None and originals:
            element = originals.get(element, element)
        found.append((element, entry))
    return found


def violations_of(located: list[Located]) -> list[Violation]:
    """The violations of located errors, named in the tree as it is now."""
    positions: Positions = {}
    found: dict[str, Violation] = {}
    for element, entry in located:
        path = element_path(element, positions) if element is not None else str(entry.path)
        line = element.sourceline if element is not None else (entry.line or None)
        message = _describe(element, entry.message, bool(_VALUE_ERROR.search(entry.message)))
        # libxml2 may log a follow-on error for the same element: keep the first.
        found.setdefault(path, Violation(path, line, message))
    return list(found.values())


def libxml2_violations(root: etree._Element, log: Any) -> list[Violation]:
    """The violations in libxml2's error log of a validation of ``root``."""
    return violations_of(locate(root, log))


_STEP = re.compile(r"([^/\[\]:*()@=']+)(?:\[([1-9][0-9]*)\])?")


def _find(
    root: etree._Element, path: str, children: dict[etree._Element, dict[str, list[etree._Element]]]
) -> etree._Element | None:
    """The element at libxml2's ``path`` (``/response/job[2]/progress``), None if unsure.

    Not ``tree.xpath(path)``: each evaluation costs the number of siblings, so naming one
    error in each of many jobs would take quadratic time.
    """
    steps = path.split("/")
    if len(steps) < 2 or steps[0] or steps[1] != root.tag:
        return None
    node = root
    for step in steps[2:]:
        match = _STEP.fullmatch(step)
        if match is None:
            return None
        by_tag = children.get(node)
        if by_tag is None:
            by_tag = children[node] = {}
            for child in node:
                by_tag.setdefault(str(child.tag), []).append(child)
        same = by_tag.get(match[1], [])
        index = int(match[2] or 1) - 1
        if index >= len(same) or (match[2] is None and len(same) > 1):
            return None
        node = same[index]
    return node


_XSI = "{http://www.w3.org/2001/XMLSchema-instance}"
_XSI_ATTRIBUTES = frozenset(
    _XSI + name for name in ("type", "nil", "schemaLocation", "noNamespaceSchemaLocation")
)


def all_violations(root: etree._Element) -> list[Violation]:
    """Every violation in ``root``, listed by xmlschema (slower; imports xmlschema)."""
    positions: Positions = {}
    violations = _attribute_violations(root, positions)
    for error in xmlschema_schema().iter_errors(root):
        element = error.elem if isinstance(error.elem, etree._Element) else None
        path = element_path(element, positions) if element is not None else str(error.path)
        line = element.sourceline if element is not None else None
        simple = _is_value_error(error.validator)
        violations.append(Violation(path, line, _describe(element, error.reason or "", simple)))
    return violations


def _is_value_error(validator: object) -> bool:
    """True when xmlschema refused a value: a simple type, one of its facets (pattern,
    fractionDigits, maxInclusive...) or a built-in type's check function."""
    from xmlschema.validators import XsdComponent, XsdFacet

    if isinstance(validator, XsdFacet):
        return True
    if not isinstance(validator, XsdComponent):
        return callable(validator)
    return bool(getattr(validator, "is_simple", lambda: False)())


def _attribute_violations(root: etree._Element, positions: Positions) -> list[Violation]:
    """The attributes the schema refuses (it declares none; xsi:type and its kin aside).

    Listed here and removed from the tree before xmlschema runs: each of its errors holds a
    repr of the element's whole attribute map, which lxml builds in quadratic time (cubic in
    all for an element with many attributes).
    """
    violations = []
    for element in root.iter():
        if not element.attrib:
            continue
        kept = {}
        for attribute in element.xpath("@*"):
            name = str(attribute.attrname)
            if name in _XSI_ATTRIBUTES:
                kept[name] = str(attribute)
            else:
                path = element_path(element, positions)
                message = f"The attribute '{name}' is not allowed"
                violations.append(Violation(path, element.sourceline, message))
        element.attrib.clear()
        element.attrib.update(kept)
    return violations
