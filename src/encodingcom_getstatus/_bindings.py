"""Binding plans: how each generated class maps to and from XML elements.

Derived once per process from xsdata's own metadata of the generated classes (field names,
element names, types, list or not, nested classes) and from the schema layout (pairs), so
they follow the schema after every regeneration. The binder and the encoder walk these plans
directly: the same objects xsdata's generic XmlParser would build, several times faster.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from typing import Any

from lxml import etree
from xsdata.formats.dataclass.context import XmlContext

from ._extra import HasExtra, UnknownElement
from ._layout import Layout, schema_layout
from .errors import EncodeError


@dataclass
class Field:
    """One element child of a class."""

    attr: str
    tag: str
    many: bool
    #: Text -> value, for simple elements (unused for complex ones).
    convert: Callable[[str], Any]
    #: The plan of the nested class, for complex elements.
    plan: Plan | None
    #: For the lead of a pair (destination): its follower (destination_status).
    follower: Field | None = None
    #: For the follower of a pair: skipped by the encoder (written with its lead).
    is_follower: bool = False


@dataclass
class Plan:
    cls: type[Any]
    name: str  # the layout name: the XSD type name, or the root element's name
    fields: dict[str, Field] = field(default_factory=dict)
    has_extra: bool = False


def _converter(kind: type[Any]) -> Callable[[str], Any]:
    if kind is str:
        return str
    if kind is int:
        return int
    if kind is Decimal:
        return Decimal
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind
    raise TypeError(f"no converter for {kind!r}")  # pragma: no cover - schema has no such type


class _Builder:
    def __init__(self) -> None:
        self.context = XmlContext()
        self.layout = schema_layout()
        self.plans: dict[type[Any], Plan] = {}

    def plan(self, cls: type[Any], layout: Layout) -> Plan:
        if cls in self.plans:
            return self.plans[cls]
        plan = self.plans[cls] = Plan(cls, layout.name, has_extra=issubclass(cls, HasExtra))
        meta = self.context.build(cls)
        followers = {f: lead for lead, f in layout.pairs.items()}
        for var in meta.get_element_vars():
            tag = var.local_name
            child_cls = var.clazz
            sub = None
            if child_cls is not None:
                declared = layout.children[tag]
                sub = self.plan(child_cls, self.layout.types[declared.type_name])
            (kind,) = var.types
            plan.fields[tag] = Field(
                attr=var.name,
                tag=tag,
                many=bool(var.list_element),
                convert=str if sub else _converter(kind),
                plan=sub,
                is_follower=tag in followers,
            )
        for lead, follower in layout.pairs.items():
            plan.fields[lead].follower = plan.fields[follower]
        return plan


_plans: dict[str, Plan] = {}


def plan_for(cls: type[Any]) -> Plan:
    """The plan of a generated root class (Query or Response), built once per process."""
    name = cls.Meta.name
    if name not in _plans:
        _plans[name] = _Builder().plan(cls, schema_layout().roots[name])
    return _plans[name]


def extra_owners() -> frozenset[str]:
    """Layout names of the types whose objects carry unknown elements."""
    from .generated import Query, Response

    names: set[str] = set()
    for root in (Query, Response):
        stack = [plan_for(root)]
        while stack:
            plan = stack.pop()
            if plan.has_extra:
                names.add(plan.name)
            stack.extend(f.plan for f in plan.fields.values() if f.plan is not None)
    return frozenset(names)


# ------------------------------------------------------------------------------ binding


def bind(
    element: etree._Element, plan: Plan, extras: dict[etree._Element, list[UnknownElement]]
) -> Any:
    """Build the object of ``plan`` from a canonical, validated element."""
    values: dict[str, Any] = {}
    fields = plan.fields
    for child in element:
        f = fields[child.tag]
        sub = f.plan
        value = bind(child, sub, extras) if sub is not None else f.convert(child.text or "")
        if f.many:
            values.setdefault(f.attr, []).append(value)
        else:
            values[f.attr] = value
    if plan.has_extra and element in extras:
        values["extra"] = extras[element]
    return plan.cls(**values)


# ----------------------------------------------------------------------------- encoding

_SPECIAL = re.compile("[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _text(value: Any) -> str:
    if isinstance(value, Enum):
        value = value.value
    elif isinstance(value, Decimal):
        value = format(value, "f")  # never an exponent
    text = value if isinstance(value, str) else str(value)
    if _SPECIAL.search(text) is None:
        return text
    bad = _INVALID.search(text)
    if bad is not None:
        raise EncodeError(f"character {bad.group()!r} cannot be written in XML 1.0")
    # \r is escaped, or parsers would read it back as \n.
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    )


def _simple(tag: str, value: Any, out: list[str]) -> None:
    text = _text(value)
    out.append(f"<{tag}>{text}</{tag}>" if text else f"<{tag}/>")


def encode(obj: Any, plan: Plan, tag: str, out: list[str]) -> None:
    """Append the XML of ``obj`` (children in canonical order, then its extras) to ``out``."""
    out.append(f"<{tag}>")
    for f in plan.fields.values():
        if f.is_follower:
            continue
        value = getattr(obj, f.attr)
        if value is None:
            continue
        if f.follower is not None:
            statuses = getattr(obj, f.follower.attr)
            for i, lead in enumerate(value):
                _simple(f.tag, lead, out)
                status = statuses[i] if i < len(statuses) else None
                _simple(f.follower.tag, "" if status is None else status, out)
        elif f.plan is not None:
            for item in value if f.many else (value,):
                encode(item, f.plan, f.tag, out)
        elif f.many:
            for item in value:
                _simple(f.tag, item, out)
        else:
            _simple(f.tag, value, out)
    if plan.has_extra:
        for unknown in obj.extra:
            out.append(_unknown_xml(unknown))
    out.append(f"</{tag}>")


def _unknown_xml(unknown: UnknownElement) -> str:
    try:
        return str(etree.tostring(_to_lxml(unknown), encoding="unicode"))
    except (ValueError, TypeError) as exc:
        raise EncodeError(f"unknown element {unknown.tag!r} cannot be written: {exc}") from None


def _to_lxml(unknown: UnknownElement) -> etree._Element:
    element = etree.Element(unknown.tag, dict(unknown.attributes))
    element.text = unknown.text or None
    for child in unknown.children:
        sub = _to_lxml(child)
        sub.tail = child.tail or None
        element.append(sub)
    return element
