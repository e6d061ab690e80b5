"""Validate trees with thousands of same-named siblings in linear time.

libxml2 reports each validation error with its element, and lxml computes the element's path
by counting its preceding siblings of the same name: a document with N invalid jobs costs
N²/2 steps (16,000 take 0.3 s; a 16 MB reply of 230,000 tiny ones, over a minute). So each
run of more than :data:`WINDOW` units (consecutive repetitions of one declared element, or
of a destination with its status) under an element of more than :data:`CROWDED` children is
validated in windows:

- the tree with every such run cut to its first unit, once;
- the other units, :data:`WINDOW` at a time, in place of the first unit, under a copy of
  their ancestors (the "spine") in which every repeated run is cut to one unit.

Every unit is validated once, under ancestors with the same declarations and content, save
for the number of units of their repeated runs. The schema's repeated elements are all
unbounded and it declares no identity constraints (tests check both), so the tree is valid
exactly when each of those validations is (tests compare the verdicts). Each validation
lists libxml2's first problem under each element, as one whole validation would, so the
violations may include a few more of them.
"""

from __future__ import annotations

from lxml import etree

from ._canonical import CROWDED, _layout_of, _place
from ._layout import Layout, SchemaLayout, schema_layout
from ._violations import Located, locate

__all__ = ["CROWDED", "WINDOW", "validate"]

#: Units validated at once: lxml's cost for their errors grows with its square.
WINDOW = 4096


def validate(
    root: etree._Element, schema: etree.XMLSchema, crowded: list[etree._Element]
) -> tuple[bool, list[Located]]:
    """Validate the canonical tree ``root``, whose ``crowded`` elements have more than
    :data:`CROWDED` children; returns the verdict and each error with its element (in the
    tree as it is again on return)."""
    schemas = schema_layout()
    runs: list[tuple[etree._Element, list[etree._Element], list[list[etree._Element]]]] = []
    for element in crowded:
        if not _attached(element, root):
            continue  # in a unit cut away already: validated with it (needs over 600 MB)
        children = list(element)
        for units in _long_runs(element, _layout_of(element, schemas)):
            runs.append((element, children, units))
            for unit in units[1:]:
                for node in unit:
                    element.remove(node)
    try:
        valid = bool(schema.validate(root))
        found = locate(root, schema.error_log)
        for element, _, units in runs:
            for start in range(1, len(units), WINDOW):
                window = [node for unit in units[start : start + WINDOW] for node in unit]
                spine, originals = _spine(root, element, units[0], window, schemas)
                valid = bool(schema.validate(spine)) and valid
                found += locate(spine, schema.error_log, originals)
    finally:
        for element, children, _ in runs:
            _place(element, children)
    return valid, found


def _attached(element: etree._Element, root: etree._Element) -> bool:
    top = element
    while (parent := top.getparent()) is not None:
        top = parent
    return top is root


def _units(element: etree._Element, layout: Layout | None) -> list[list[etree._Element]]:
    """``element``'s children in units: a repeated element, a destination with the status
    that directly follows it, or any other child on its own."""
    declared = layout.children if layout is not None else {}
    units: list[list[etree._Element]] = []
    for child in element:
        child_declared = declared.get(str(child.tag))
        lead = units[-1] if units else None
        if (
            child_declared is not None
            and child_declared.is_follower
            and lead is not None
            and len(lead) == 1
            and lead[0].tag == child_declared.follows
        ):
            lead.append(child)
        else:
            units.append([child])
    return units


def _slot(unit: list[etree._Element], layout: Layout | None) -> int | None:
    """The slot of a unit of a repeated element, None for any other unit."""
    declared = layout.children.get(str(unit[0].tag)) if layout is not None else None
    return declared.slot if declared is not None and declared.repeated else None


def _long_runs(element: etree._Element, layout: Layout | None) -> list[list[list[etree._Element]]]:
    """The runs of more than WINDOW units of one repeated element among the children."""
    runs: list[list[list[etree._Element]]] = []
    previous = None
    for unit in _units(element, layout):
        slot = _slot(unit, layout)
        if slot is not None and slot == previous:
            runs[-1].append(unit)
        else:
            runs.append([unit])
        previous = slot
    return [units for units in runs if len(units) > WINDOW]


def _cut(
    element: etree._Element, layout: Layout | None, keep: etree._Element | None = None
) -> list[list[etree._Element]]:
    """``element``'s units with each run of a repeated element cut to one unit: the one
    holding ``keep`` for its run, the first for the others."""
    kept_slot = None
    units = _units(element, layout)
    if keep is not None:
        kept_slot = next(_slot(u, layout) for u in units if any(n is keep for n in u))
    result: list[list[etree._Element]] = []
    previous = None
    for unit in units:
        slot = _slot(unit, layout)
        if slot is None:
            result.append(unit)
        elif slot == kept_slot:
            if any(n is keep for n in unit):
                result.append(unit)
        elif slot != previous:
            result.append(unit)
        previous = slot
    return result


def _spine(
    root: etree._Element,
    parent: etree._Element,
    first: list[etree._Element],
    window: list[etree._Element],
    schemas: SchemaLayout,
) -> tuple[etree._Element, dict[etree._Element, etree._Element]]:
    """A copy of the ancestors of ``parent`` and of ``parent``, each repeated run cut to one
    unit, where ``window`` (moved there) stands for the unit ``first``; and the map of each
    copy to its original."""
    path = [parent]
    while path[-1] is not root:
        up = path[-1].getparent()
        assert up is not None
        path.append(up)
    path.reverse()
    originals: dict[etree._Element, etree._Element] = {}
    top = copy = _shallow(root, originals)
    layout = schemas.roots.get(str(root.tag))
    for depth, element in enumerate(path):
        below = path[depth + 1] if depth + 1 < len(path) else None
        next_copy = None
        for unit in _cut(element, layout, below if below is not None else first[0]):
            if unit is not None and unit[0] is below:
                next_copy = _shallow(below, originals)
                copy.append(next_copy)
            elif below is None and unit[0] is first[0]:
                copy.extend(window)
            else:
                for node in unit:
                    copy.append(_cut_copy(node, layout, schemas, originals))
        if below is not None:
            assert next_copy is not None and layout is not None
            copy = next_copy
            layout = schemas.types.get(layout.children[str(below.tag)].type_name)
    return top, originals


def _shallow(
    element: etree._Element, originals: dict[etree._Element, etree._Element]
) -> etree._Element:
    """``element`` without its children: tag, attributes, text and tail."""
    copy = etree.Element(element.tag, dict(element.attrib))
    copy.text, copy.tail = element.text, element.tail
    originals[copy] = element
    return copy


def _cut_copy(
    element: etree._Element,
    parent_layout: Layout | None,
    schemas: SchemaLayout,
    originals: dict[etree._Element, etree._Element],
) -> etree._Element:
    """A copy of ``element`` and its content, each repeated run cut to its first unit."""
    copy = _shallow(element, originals)
    declared = parent_layout.children.get(str(element.tag)) if parent_layout else None
    layout = schemas.types.get(declared.type_name) if declared is not None else None
    for unit in _cut(element, layout):
        for node in unit:
            copy.append(_cut_copy(node, layout, schemas, originals))
    return copy
