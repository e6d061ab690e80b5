"""Put a parsed document into the canonical schema's order, in place.

- Children of every element of complex type are sorted by their canonical position; repeated
  elements keep their relative order (a stable sort).
- Destination pairs: a destination_status belongs to the destination directly before it
  (unknown elements set aside). A destination without a status gets an empty
  ``<destination_status/>``, so that the pairing survives binding into parallel lists. A status
  with no destination directly before it stays where the schema will refuse it.
- Elements the schema does not know are removed from the tree and returned, converted to
  :class:`UnknownElement`, keyed by the element of the object that will carry them (the
  reply, job, format or query they stand in, or the nearest one above a declared block): an
  object's own unknown elements first, in document order, then those of its blocks.

Each element's children are read in one pass (:func:`order`); an element already in order is
only read, one out of order is read again and reordered by moving just the children out of
place (:func:`reorder`). The decoder's fast path reorders elements with the same function.
"""

from __future__ import annotations

import operator
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Any, Generic, Protocol, Self, TypeVar

from lxml import etree

from ._extra import UnknownElement
from ._layout import Layout, SchemaLayout, schema_layout
from .errors import OversizeError, Violation

#: Parent -> (child -> its 1-based position among same-tag siblings, tag -> their count).
Positions = dict[etree._Element, tuple[dict[etree._Element, int], dict[object, int]]]


class Canonical:
    """What canonicalization found besides the reordered tree.

    Empty until something is found (most replies have no unknown or crowded element): the
    attributes start as shared, immutable empty values (``positions`` as None), replaced by
    the first write; write only through :meth:`set_aside` and :meth:`crowd`.
    """

    #: Owner element -> the unknown elements it carries, in document order.
    extras: Mapping[etree._Element, list[UnknownElement]] = MappingProxyType({})
    #: One violation per unknown element (reported in strict mode only).
    unknown: Sequence[Violation] = ()
    #: Elements with more children than :data:`CROWDED`: validated in windows.
    crowded: Sequence[etree._Element] = ()
    #: Positions of elements among their siblings, for :func:`element_path`.
    positions: Positions | None = None

    def set_aside(
        self, owner: etree._Element, unknown: UnknownElement, violation: Violation
    ) -> None:
        """Note an unknown element removed from the tree, and the object that carries it."""
        if not isinstance(self.unknown, list):
            self.unknown, self.extras = [], {}
        assert isinstance(self.extras, dict)
        self.unknown.append(violation)
        self.extras.setdefault(owner, []).append(unknown)

    def crowd(self, element: etree._Element) -> None:
        """Note an element of more children than :data:`CROWDED`."""
        if not isinstance(self.crowded, list):
            self.crowded = []
        self.crowded.append(element)


def canonicalize(root: etree._Element, layout: SchemaLayout, owners: frozenset[str]) -> Canonical:
    """Reorder ``root``'s tree into canonical order; ``owners`` names the types with ``extra``."""
    result = Canonical()
    _walk(root, layout.roots[root.tag], layout, owners, root, result)
    return result


def _walk(
    element: etree._Element,
    layout: Layout,
    schema: SchemaLayout,
    owners: frozenset[str],
    owner: etree._Element,
    result: Canonical,
) -> None:
    if layout.name in owners:
        owner = element
    types = schema.types
    for declared, child in order(element, layout.children, owner, result):
        sub = types.get(declared.type_name)
        if sub is not None:
            _walk(child, sub, schema, owners, owner, result)


class Declared(Protocol):
    """What putting children in order needs to know of each: a layout's Child, or a Field of
    the bindings (which read the same declarations)."""

    @property
    def tag(self) -> str: ...
    @property
    def slot(self) -> int: ...
    @property
    def is_follower(self) -> bool: ...
    @property
    def follower(self) -> Self | None: ...


D = TypeVar("D", bound=Declared)


def order(
    element: etree._Element, table: Mapping[str, D], owner: etree._Element, result: Canonical
) -> list[tuple[D, etree._Element]]:
    """Put ``element``'s children in canonical order, in place (unknown ones set aside for
    ``owner``); returns them with their declarations (``table``: tag -> declaration).

    An element already in order (only declared children, in slot order, each lead of a pair
    directly followed by its follower and each follower directly after its lead) is only
    read. One with more children than :data:`CROWDED` is noted in ``result.crowded``.
    """
    # (element[:] is a list made in C: several times cheaper than iterating for few children.)
    children = element[:]
    items: list[tuple[D, etree._Element]] = []
    last = -1
    expect: D | None = None  # the follower that must come next
    for child in children:
        declared = table.get(child.tag)
        if declared is None or declared.slot < last:
            break  # unknown, or out of order
        if expect is not None:
            if declared is not expect:
                break  # a lead without its follower
            expect = None
        elif declared.is_follower:
            break  # a follower without its lead
        else:
            expect = declared.follower
        last = declared.slot
        items.append((declared, child))
    if len(items) < len(children) or expect is not None:  # stopped, or the last lead is alone
        items = reorder(element, children, table, owner, result)
    if len(items) > CROWDED:
        result.crowd(element)
    return items


def reorder(
    element: etree._Element,
    children: list[etree._Element],
    table: Mapping[str, D],
    owner: etree._Element,
    result: Canonical,
) -> list[tuple[D, etree._Element]]:
    """Put ``element``'s ``children`` in canonical order, in place; returns what
    :func:`order` returns, with the followers added for leads that had none.

    Unknown children are set aside first, in document order: setting each aside as it is met
    would only move text, and give the same tree. The moves depend only on the sequence of
    declarations: they are worked out once per sequence (:class:`_Shape`).
    """
    sequence: list[D] = []
    nodes: list[etree._Element] = []
    for child in children:
        declared = table.get(child.tag)
        if declared is None:
            _set_aside(element, child, owner, result)
        else:
            sequence.append(declared)
            nodes.append(child)
    key = tuple(sequence)
    shape: _Shape[D] | None = _shapes.get(key)
    if shape is None:
        shape = _Shape(key)
        if len(key) <= _SHAPE_MAX_CHILDREN:
            if len(_shapes) >= _SHAPES_MAX:  # rather than keep stale shapes forever
                _shapes.clear()
            shape.moves = _moves(len(key), shape.source)
            _shapes[key] = shape
    nodes += [element.makeelement(follower.tag) for follower in shape.added]
    if shape.moves is None:  # not kept (too many children): _place finds them as it goes
        _place(element, [nodes[i] for i in shape.source])
    else:
        for node, previous in shape.moves:
            if previous < 0:
                element.insert(0, nodes[node])
            else:
                nodes[previous].addnext(nodes[node])
    return list(zip(shape.declared, [nodes[i] for i in shape.source], strict=True))


class _Shape(Generic[D]):
    """How children declared as ``sequence`` (in document order) go into canonical order.

    - ``source``: the canonical order, as indices into the children; the followers added for
      leads without one get the indices after the last child.
    - ``declared``: the declarations, in canonical order.
    - ``added``: the declarations of those added followers.
    - ``moves``: set for a cached shape: (child, the child it goes after, or -1 for first),
      what :func:`_place` would do, worked out on indices; children already after the right
      one stay.
    """

    __slots__ = ("added", "declared", "moves", "source")

    def __init__(self, sequence: tuple[D, ...]) -> None:
        units: list[tuple[int, list[int]]] = []
        waiting: list[int] | None = None  # a lead without its follower yet
        for i, declared in enumerate(sequence):
            if declared.is_follower and waiting is not None:
                waiting.append(i)
                waiting = None
                continue
            unit = [i]
            units.append((declared.slot, unit))
            waiting = unit if declared.follower is not None else None
        added: list[D] = []
        for _, unit in units:
            follower = sequence[unit[0]].follower
            if follower is not None and len(unit) == 1:
                unit.append(len(sequence) + len(added))
                added.append(follower)
        units.sort(key=_slot)  # stable: repeated elements keep their order
        self.source = [i for _, unit in units for i in unit]
        every = (*sequence, *added)
        self.declared = tuple(every[i] for i in self.source)
        self.added = tuple(added)
        self.moves: tuple[tuple[int, int], ...] | None = None


def _moves(count: int, target: list[int]) -> tuple[tuple[int, int], ...]:
    """The moves :func:`_place` makes to turn children ``0..count-1`` (and new nodes,
    numbered from ``count``) into ``target``, simulated on a linked list (-1: the start)."""
    before = {i: i - 1 for i in range(count)}  # only for nodes in the list
    after: dict[int, int | None] = {i - 1: i for i in range(count)}
    after[count - 1] = None
    moves = []
    previous = -1
    for node in target:
        if before.get(node) != previous:  # a new node, or one after the wrong sibling
            if node in before:  # unlink it
                left, right = before[node], after[node]
                after[left] = right
                if right is not None:
                    before[right] = left
            right = after[previous]  # link it after previous
            after[previous], after[node], before[node] = node, right, previous
            if right is not None:
                before[right] = node
            moves.append((node, previous))
        previous = node
    return tuple(moves)


#: Shapes met so far, by the sequence of declarations they are for. Bounded: at most about
#: 5 MB, emptied when full (real servers send a handful of shapes; adversaries, any number).
_shapes: dict[tuple[Declared, ...], Any] = {}
_SHAPES_MAX = 512
_SHAPE_MAX_CHILDREN = 64


_slot = operator.itemgetter(0)

#: Elements with more children than this are validated in windows (see _crowded).
CROWDED = 8192


def units(element: etree._Element, layout: Layout | None) -> list[list[etree._Element]]:
    """``element``'s children in units: a destination with the status that directly follows
    it, or any other child on its own (``layout``: that of ``element``'s type, if known)."""
    declared = layout.children if layout is not None else {}
    found: list[list[etree._Element]] = []
    for child in element:
        child_declared = declared.get(_name(child.tag))
        lead = found[-1] if found else None
        if (
            child_declared is not None
            and child_declared.is_follower
            and lead is not None
            and len(lead) == 1
            and lead[0].tag == child_declared.follows
        ):
            lead.append(child)
        else:
            found.append([child])
    return found


def _place(element: etree._Element, nodes: list[etree._Element]) -> None:
    """Make ``nodes`` the children of ``element``, in order, moving only those out of place.

    The same tree as ``element[:] = nodes`` (each element keeps its tail), several times
    faster when most children are already in place.
    """
    previous = None
    for node in nodes:
        if node.getparent() is None or node.getprevious() is not previous:
            if previous is None:
                element.insert(0, node)
            else:
                previous.addnext(node)
        previous = node


def _set_aside(
    parent: etree._Element, child: etree._Element, owner: etree._Element, result: Canonical
) -> None:
    tail = child.tail
    if tail and tail.strip():
        # Text after an unknown element is the parent's mixed content: keep it in the tree so
        # that validation still sees (and refuses) it.
        previous = child.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    if result.positions is None:
        result.positions = {}
    path = f"{element_path(parent, result.positions)}/{_name(child.tag)}"
    violation = Violation(path, child.sourceline, f"unknown element '{_name(child.tag)}'")
    result.set_aside(owner, to_unknown(child), violation)
    parent.remove(child)


def _name(tag: object) -> str:
    return tag if isinstance(tag, str) else str(tag)


#: Unknown elements nested deeper than this are refused: the objects holding them could not
#: be printed or pickled (Python's recursion limit), so a worker could not return them.
MAX_UNKNOWN_DEPTH = 64


def to_unknown(element: etree._Element, depth: int = 1) -> UnknownElement:
    """Convert an lxml element (and its content) into an :class:`UnknownElement`."""
    if depth > MAX_UNKNOWN_DEPTH:
        raise OversizeError(
            f"unknown element '{_name(element.tag)}' nested more than {MAX_UNKNOWN_DEPTH} deep",
            line=element.sourceline,
        )
    children = tuple(to_unknown(c, depth + 1) for c in element if isinstance(c.tag, str))
    text = element.text or ""
    if children and not text.strip():
        text = ""
    tail = element.tail or ""
    return UnknownElement(
        tag=_name(element.tag),
        text=text,
        # Not dict(element.attrib): lxml reads each value by a linear search (quadratic).
        attributes={a.attrname: str(a) for a in element.xpath("@*")} if element.attrib else {},
        children=children,
        tail=tail if tail.strip() else "",
    )


def element_path(element: etree._Element, positions: Positions | None = None) -> str:
    """``/response/job[2]/format[1]/progress``: repeatable elements always show a position.

    ``positions``: a cache for naming many elements of one tree (which must not change in the
    meantime) in linear time; without it, each call costs the number of siblings on the path.
    """
    schema = schema_layout()
    positions = {} if positions is None else positions
    steps: list[str] = []
    node: etree._Element | None = element
    while node is not None:
        parent = node.getparent()
        tag = _name(node.tag)
        step = tag
        if parent is not None:
            layout = _layout_of(parent, schema)
            declared = layout.children.get(tag) if layout else None
            if declared is None or declared.repeated:
                index, counts = _positions(parent, node, positions)
                if declared is not None or counts[node.tag] > 1:
                    step = f"{tag}[{index[node]}]"
        steps.append(step)
        node = parent
    return "/" + "/".join(reversed(steps))


def _positions(
    parent: etree._Element, node: etree._Element, positions: Positions
) -> tuple[dict[etree._Element, int], dict[object, int]]:
    found = positions.get(parent)
    if found is None or node not in found[0]:  # not cached yet, or the children changed
        # The dictionaries hold the element proxies: lxml hands out the same ones while they live.
        index: dict[etree._Element, int] = {}
        counts: dict[object, int] = {}
        for child in parent:
            index[child] = counts[child.tag] = counts.get(child.tag, 0) + 1
        found = positions[parent] = (index, counts)
    return found


def declared_type(element: etree._Element) -> str:
    """The XSD type name the schema declares for ``element`` where it stands ("" if none)."""
    parent = element.getparent()
    layout = _layout_of(parent, schema_layout()) if parent is not None else None
    declared = layout.children.get(_name(element.tag)) if layout is not None else None
    return declared.type_name if declared is not None else ""


def _layout_of(element: etree._Element, schema: SchemaLayout) -> Layout | None:
    parent = element.getparent()
    if parent is None:
        return schema.roots.get(_name(element.tag))
    layout = _layout_of(parent, schema)
    if layout is None:
        return None
    declared = layout.children.get(_name(element.tag))
    return schema.types.get(declared.type_name) if declared else None
