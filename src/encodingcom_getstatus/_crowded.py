"""Validate trees with thousands of same-named siblings in linear time.

libxml2 reports each validation error with its element, and lxml computes the element's path
by counting its preceding siblings of the same name: a document with N invalid jobs costs
N²/2 steps (100,000 take 20 s; a 16 MB reply of tiny ones, minutes). So each run of more
than :data:`WINDOW` units (consecutive repetitions of one declared element, or of a
destination with its status) under an element of more than ``CROWDED`` children (counted
while canonicalizing) is validated in windows:

- first the tree with every such run cut to its first unit (runs within cut units too);
- then the other units, :data:`WINDOW` at a time, each window standing for its run's first
  unit under a copy of its ancestors (the "spine") in which every repeated run is cut to
  one unit;
- stopping at the first validation that fails: the document is invalid, and its violations
  are that validation's. (Every spine is made of content already found valid, so each costs
  what the schema allows, however the rest of the document is made.)

Every unit is validated once, under ancestors with the same declarations and content, save
for the number of units of their repeated runs. The schema's repeats are all unbounded, none
is required twice, and it declares no identity constraints (a test checks that), so the tree
is valid exactly when each of those validations is (a property test compares verdicts).
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from ._canonical import CROWDED, _place
from ._canonical import units as units_of
from ._layout import Layout, SchemaLayout, schema_layout
from ._violations import Located, locate

__all__ = ["CROWDED", "WINDOW", "validate"]

#: Units validated at once: lxml's cost for their errors grows with its square.
WINDOW = 4096

Units = list[list[etree._Element]]  # units (see _canonical.units), in order


def validate(
    root: etree._Element, schema: etree.XMLSchema, crowded: Sequence[etree._Element]
) -> tuple[bool, list[Located]]:
    """Validate the canonical tree ``root``, whose ``crowded`` elements (in document order)
    have more than ``CROWDED`` children; returns the verdict and each error with its element
    (in the tree as it is again on return)."""
    schemas = schema_layout()
    runs: list[tuple[etree._Element, Units]] = []
    restore: dict[etree._Element, list[etree._Element]] = {}  # children before the cuts
    home: dict[etree._Element, etree._Element] = {}  # a cut unit's node -> where it was
    try:
        for element in crowded:  # outer before inner: units are cut before what they hold
            layout = _layout(element, root, schemas, home)
            if layout is None:
                continue  # not under root (decode_tree of a subtree), or undeclared
            for units in _long_runs(element, layout):
                restore.setdefault(element, list(element))
                runs.append((element, units))
                for unit in units[1:]:
                    for node in unit:
                        home[node] = element
                        element.remove(node)
        valid = bool(schema.validate(root))
        found = locate(root, schema.error_log)
        for element, units in runs:
            for start in range(1, len(units), WINDOW):
                if not valid:
                    break
                window = [node for unit in units[start : start + WINDOW] for node in unit]
                spine, originals = _spine(root, element, units[0][0], window, schemas, home)
                valid = bool(schema.validate(spine))
                found += locate(spine, schema.error_log, originals)
                for node in window:  # out of the spine, which can go
                    spine_parent = node.getparent()
                    assert spine_parent is not None
                    spine_parent.remove(node)
    finally:
        for element, children in restore.items():
            _place(element, children)
    return valid, found


def _parent(
    node: etree._Element, home: dict[etree._Element, etree._Element]
) -> etree._Element | None:
    parent = node.getparent()
    return home.get(node) if parent is None else parent


def _layout(
    element: etree._Element,
    root: etree._Element,
    schemas: SchemaLayout,
    home: dict[etree._Element, etree._Element],
) -> Layout | None:
    """The layout of ``element``'s type, None unless it stands (maybe in a cut unit) under
    ``root``, declared."""
    if element is root:
        return schemas.roots.get(str(root.tag))
    parent = _parent(element, home)
    layout = _layout(parent, root, schemas, home) if parent is not None else None
    declared = layout.children.get(str(element.tag)) if layout is not None else None
    return schemas.types.get(declared.type_name) if declared is not None else None


def _slot(node: etree._Element, layout: Layout | None) -> int | None:
    """The slot of a repeated element, None for any other element."""
    declared = layout.children.get(str(node.tag)) if layout is not None else None
    return declared.slot if declared is not None and declared.repeated else None


def _runs(element: etree._Element, layout: Layout | None) -> list[Units]:
    """The units of ``element``, grouped: each run of one repeated element, each other
    child alone."""
    runs: list[Units] = []
    previous = None
    for unit in units_of(element, layout):
        slot = _slot(unit[0], layout)
        if slot is not None and slot == previous:
            runs[-1].append(unit)
        else:
            runs.append([unit])
        previous = slot
    return runs


def _long_runs(element: etree._Element, layout: Layout | None) -> list[Units]:
    return [units for units in _runs(element, layout) if len(units) > WINDOW]


def _spine(
    root: etree._Element,
    parent: etree._Element,
    first: etree._Element,
    window: list[etree._Element],
    schemas: SchemaLayout,
    home: dict[etree._Element, etree._Element],
) -> tuple[etree._Element, dict[etree._Element, etree._Element]]:
    """A copy of ``parent`` and its ancestors, each repeated run cut to one unit, in which
    ``window`` (moved there) stands for the run whose first unit starts with ``first``, and
    each ancestor on the path for its own run; and the map of each copy to its original."""
    path = [parent]
    while path[-1] is not root:
        up = _parent(path[-1], home)
        assert up is not None
        path.append(up)
    path.reverse()
    originals: dict[etree._Element, etree._Element] = {}
    top = copy = _shallow(root, originals)
    layout = schemas.roots.get(str(root.tag))
    for depth, element in enumerate(path):
        below = path[depth + 1] if depth + 1 < len(path) else None
        target = below if below is not None else first
        slot = _slot(target, layout)
        next_copy = None
        for run in _runs(element, layout):
            head = run[0][0]
            if head is target or (slot is not None and _slot(head, layout) == slot):
                if below is None:
                    copy.extend(window)
                else:
                    next_copy = _shallow(below, originals)
                    copy.append(next_copy)
            else:
                for node in run[0]:  # a run cut to its first unit
                    copy.append(_cut_copy(node, layout, schemas, originals))
        if below is not None:
            assert layout is not None and next_copy is not None
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
    for run in _runs(element, layout):
        for node in run[0]:
            copy.append(_cut_copy(node, layout, schemas, originals))
    return copy
