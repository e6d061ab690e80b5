"""The canonical order of every element's children, read from the canonical XSD.

The codec uses it to put replies into canonical order, to pair destinations with their
statuses, to name paths and value types in messages, and to type the JSON report. It is
derived from schema/getstatus.xsd at first use, so it cannot drift from the schema.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from lxml import etree

from .schema import load_schema_tree

_XS = "{http://www.w3.org/2001/XMLSchema}"
ROOTS = ("query", "response")


@dataclass(frozen=True, eq=False)
class Child:
    """An element declared in a complex type (equal only to itself: a declaration is one
    place in the schema, and hashing it is fast)."""

    name: str
    #: Canonical position. The members of a repeated group share one slot.
    slot: int
    #: May occur more than once: paths always show its position.
    repeated: bool
    #: The XSD type name ("DateTime", "Format", ...); "" for an anonymous type.
    type_name: str
    #: The element this one must directly follow (destination_status -> destination).
    follows: str | None = None
    #: The element that belongs directly after this one (destination -> destination_status).
    follower: Child | None = None

    @property
    def tag(self) -> str:
        return self.name

    @property
    def is_follower(self) -> bool:
        return self.follows is not None


@dataclass
class Layout:
    """The children of one complex type, in canonical order."""

    name: str
    children: dict[str, Child] = field(default_factory=dict)
    #: Lead element of a pair -> the element that belongs to it (destination -> status).
    pairs: dict[str, str] = field(default_factory=dict)


@dataclass
class SchemaLayout:
    """Every complex type, and what the schema says of each simple type."""

    types: dict[str, Layout]
    #: Root element name -> the layout of its (anonymous) type, named like the element.
    roots: dict[str, Layout]
    #: Simple type name -> short label for messages ("percentage").
    labels: dict[str, str]
    #: Simple type name -> its XSD built-in base ("string", "decimal", "nonNegativeInteger").
    bases: dict[str, str]

    def child_layout(self, child: Child) -> Layout | None:
        """The layout of a complex child, None for a simple one."""
        return self.types.get(child.type_name)


def _occurs(node: etree._Element, name: str) -> int:
    value = node.get(name, "1")
    return 2 if value == "unbounded" else int(value)


class _Reader:
    def __init__(self, schema: etree._Element) -> None:
        self.groups = {g.get("name"): g for g in schema.iterfind(f"{_XS}group")}
        self.types: dict[str, Layout] = {}

    def read(self, name: str, content: etree._Element) -> Layout:
        layout = Layout(name)
        self._walk(content, layout, repeated=False)
        return layout

    def _walk(self, node: etree._Element, layout: Layout, repeated: bool) -> None:
        for particle in node:
            tag = particle.tag
            if tag == f"{_XS}element":
                name = particle.get("name", "")
                many = repeated or _occurs(particle, "maxOccurs") > 1
                layout.children[name] = Child(
                    name, len(layout.children), many, particle.get("type", "")
                )
            elif tag == f"{_XS}group":
                self._walk(self.groups[particle.get("ref")], layout, repeated)
            elif tag in (f"{_XS}sequence", f"{_XS}choice"):
                if tag == f"{_XS}sequence" and _occurs(particle, "maxOccurs") > 1:
                    self._pair(particle, layout)
                else:
                    self._walk(particle, layout, repeated)

    def _pair(self, sequence: etree._Element, layout: Layout) -> None:
        """A repeated (lead, follower?) sequence: both share one slot."""
        lead, follower = (e.get("name", "") for e in sequence.iterfind(f"{_XS}element"))
        slot = len(layout.children)
        types = {}
        for name in (lead, follower):
            element = sequence.find(f"{_XS}element[@name='{name}']")
            assert element is not None
            types[name] = element.get("type", "")
        second = Child(follower, slot, True, types[follower], follows=lead)
        layout.children[lead] = Child(lead, slot, True, types[lead], follower=second)
        layout.children[follower] = second
        layout.pairs[lead] = follower


@cache
def schema_layout() -> SchemaLayout:
    """The layout of the canonical schema (read once per process)."""
    schema = load_schema_tree().getroot()
    reader = _Reader(schema)
    types = {
        str(t.get("name")): reader.read(str(t.get("name")), t)
        for t in schema.iterfind(f"{_XS}complexType")
    }
    roots = {}
    for element in schema.iterfind(f"{_XS}element"):
        name = str(element.get("name"))
        anonymous = element.find(f"{_XS}complexType")
        assert anonymous is not None
        roots[name] = reader.read(name, anonymous)
    labels, bases = {}, {}
    for simple in schema.iterfind(f"{_XS}simpleType"):
        name = str(simple.get("name"))
        labels[name] = simple.findtext(f"{_XS}annotation/{_XS}appinfo") or name
        restriction = simple.find(f"{_XS}restriction")
        assert restriction is not None
        bases[name] = restriction.get("base", "xs:string").split(":")[-1]
    return SchemaLayout(types, roots, labels, bases)
