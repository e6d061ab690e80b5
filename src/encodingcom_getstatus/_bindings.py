"""Binding plans: how each generated class maps to and from XML elements.

Derived once per process from the generated classes' own xsdata metadata (``dataclasses.fields``:
the ``metadata`` xsdata writes - element type, element name, namespace - and the annotations:
list or not, value type, nested class) and from the schema layout (canonical slots and
destination pairs), so they follow the schema after every regeneration; nothing is listed
by hand. tests/test_fast_path.py checks them against xsdata's own ``XmlContext`` metadata,
and the objects they build against xsdata's generic ``XmlParser``. Deriving them from the
dataclasses keeps xsdata (about 25 ms) out of the import.

Walkers over the plans:

- :func:`canonical_bind`: the decode fast path. One pass over the parsed tree that puts it
  into canonical order in place and builds the objects at the same time; the caller
  validates the canonical tree before trusting them. Each element's children are bound in
  the pass that checks their order as :func:`._canonical.order` checks it; an element out
  of order then goes through :func:`._canonical.reorder` (the plans' fields carry the same
  slots and pairs as the layout). So it leaves exactly the tree, unknown elements and
  violations :func:`._canonical.canonicalize` leaves (tests check it).
- :func:`bind`: builds the objects from a tree that is already canonical and valid.
- :func:`encode`: writes objects back, children in canonical order.

Objects are built the way the dataclass ``__init__`` would build them (every field, in
field order, defaults and fresh lists for absent ones), without calling ``__init__``: the
generated classes have 130 fields, most of them absent from any one reply.
"""

from __future__ import annotations

import builtins
import dataclasses
import functools
import re
import sys
import types
import typing
from collections.abc import Callable, Mapping
from decimal import Decimal
from enum import Enum
from typing import Any

from lxml import etree

from . import _canonical
from ._canonical import Canonical, _walk, reorder
from ._extra import HasExtra, UnknownElement
from ._layout import Layout, schema_layout
from ._violations import conversion_error
from .errors import EncodeError

# Kinds of element fields.
TEXT, VALUE, COMPLEX = 0, 1, 2

_MISSING = object()  # a required field the document did not fill


class _Incomplete(ValueError):
    """A required element is missing: the document is invalid."""


class Field:
    """One element child of a class."""

    __slots__ = (
        "attr",
        "convert",
        "follower",
        "is_follower",
        "kind",
        "many",
        "paired",
        "plan",
        "slot",
        "tag",
    )

    def __init__(
        self,
        attr: str,
        tag: str,
        many: bool,
        convert: Callable[[str], Any],
        plan: Plan | None,
        slot: int,
        is_follower: bool = False,
    ) -> None:
        self.attr = attr
        self.tag = tag
        self.many = many
        #: Text -> value, for simple elements (``str`` for text and complex ones).
        self.convert = convert
        #: The plan of the nested class, for complex elements.
        self.plan = plan
        #: Canonical position (the two members of a pair, and repeats, share one).
        self.slot = slot
        #: TEXT (kept as it is), VALUE (converted) or COMPLEX (a nested object).
        self.kind = COMPLEX if plan is not None else TEXT if convert is str else VALUE
        #: For the lead of a pair (destination): its follower (destination_status).
        self.follower: Field | None = None
        #: For the follower of a pair: skipped by the encoder (written with its lead).
        self.is_follower = is_follower
        #: Either member of a pair (the lead's is set with its follower).
        self.paired = is_follower

    def __repr__(self) -> str:
        return f"Field({self.attr!r}, tag={self.tag!r}, many={self.many}, slot={self.slot})"


class Plan:
    """How one generated class is read from, and written to, an element."""

    __slots__ = (
        "cls",
        "fields",
        "has_extra",
        "layout",
        "lists",
        "name",
        "required",
        "template",
    )

    def __init__(self, cls: type[Any], layout: Layout) -> None:
        self.cls = cls
        #: The layout name: the XSD type name, or the root element's name.
        self.name = layout.name
        self.layout = layout
        #: Element name -> field, in the class's field order (= canonical order).
        self.fields: dict[str, Field] = {}
        self.has_extra = issubclass(cls, HasExtra)
        #: Every dataclass field, in order -> its default (None for lists, _MISSING if required).
        self.template: dict[str, Any] = {}
        #: Fields whose default is a fresh list.
        self.lists: tuple[str, ...] = ()
        #: Fields without a default.
        self.required: tuple[str, ...] = ()

    def __repr__(self) -> str:
        return f"Plan({self.cls.__name__}, {self.name!r})"


_new = object.__new__


#: The annotations xsdata writes (postponed, as strings): ``str``, ``None | Decimal``,
#: ``list[Format]``. Anything else is evaluated by typing.get_type_hints.
_ANNOTATION = re.compile(r"(?:None \| )?(list\[)?(\w+)(?(1)\])(?: \| None)?")


def _field_type(cls: type[Any], var: dataclasses.Field[Any]) -> tuple[bool, Any]:
    """(is a list, the item type) of a generated field (a tenth of get_type_hints' time)."""
    match = _ANNOTATION.fullmatch(var.type) if isinstance(var.type, str) else None
    if match is not None:
        namespace = vars(sys.modules[cls.__module__])
        name = match.group(2)
        kind = namespace[name] if name in namespace else getattr(builtins, name, None)
        if isinstance(kind, type):
            return match.group(1) is not None, kind
    return _element_type(typing.get_type_hints(cls)[var.name])  # pragma: no cover


def _element_type(hint: Any) -> tuple[bool, Any]:
    """(is a list, the item type) of a field annotation: ``None | str``, ``list[Format]``."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(args) != 1:
            raise TypeError(f"unsupported annotation {hint!r}")  # pragma: no cover
        hint = args[0]
    if typing.get_origin(hint) is list:
        (item,) = typing.get_args(hint)
        return True, item
    return False, hint


def _converter(kind: Any) -> Callable[[str], Any]:
    if kind is str:
        return str
    if kind is int:
        return int
    if kind is Decimal:
        return Decimal
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind
    raise TypeError(f"no converter for {kind!r}")  # pragma: no cover - schema has no such type


def _can_build_directly(cls: type[Any]) -> bool:
    params = getattr(cls, "__dataclass_params__", None)
    return (
        params is not None
        and not params.frozen
        and not hasattr(cls, "__post_init__")
        and "__slots__" not in cls.__dict__
        and all(f.init for f in dataclasses.fields(cls))
    )


class _Builder:
    def __init__(self) -> None:
        self.layout = schema_layout()
        self.plans: dict[type[Any], Plan] = {}

    def plan(self, cls: type[Any], layout: Layout) -> Plan:
        if cls in self.plans:
            return self.plans[cls]
        plan = self.plans[cls] = Plan(cls, layout)
        followers = {f for f in layout.pairs.values()}
        template: dict[str, Any] = {}
        lists, required = [], []
        for var in dataclasses.fields(cls):
            if var.default is not dataclasses.MISSING:
                template[var.name] = var.default
            elif var.default_factory is list:
                template[var.name] = None
                lists.append(var.name)
            elif var.default_factory is dataclasses.MISSING:
                template[var.name] = _MISSING
                required.append(var.name)
            else:  # pragma: no cover - xsdata only writes list factories
                raise TypeError(f"{cls.__name__}.{var.name}: unsupported default factory")
            xml_type = var.metadata.get("type", "Element")
            if xml_type == "Ignore":
                continue
            if xml_type != "Element":  # pragma: no cover - the schema has no attributes, text
                raise TypeError(f"{cls.__name__}.{var.name}: unsupported {xml_type!r} field")
            namespace = var.metadata.get("namespace") or ""
            tag = var.metadata.get("name", var.name)
            if namespace:  # pragma: no cover - GetStatus documents are unqualified
                tag = f"{{{namespace}}}{tag}"
            many, kind = _field_type(cls, var)
            declared = layout.children[tag]
            sub = None
            if dataclasses.is_dataclass(kind):
                assert isinstance(kind, type)
                sub = self.plan(kind, self.layout.types[declared.type_name])
            if many and var.default_factory is not list:  # pragma: no cover
                raise TypeError(f"{cls.__name__}.{var.name}: a list without a list default")
            plan.fields[tag] = Field(
                attr=var.name,
                tag=tag,
                many=many,
                convert=str if sub else _converter(kind),
                plan=sub,
                slot=declared.slot,
                is_follower=tag in followers,
            )
        for lead, follower in layout.pairs.items():
            plan.fields[lead].follower = plan.fields[follower]
            plan.fields[lead].paired = True
        plan.template, plan.lists, plan.required = template, tuple(lists), tuple(required)
        if not _can_build_directly(cls):  # pragma: no cover - xsdata writes plain dataclasses
            raise TypeError(f"{cls.__name__} cannot be built without calling __init__")
        return plan


_plans: dict[type[Any], Plan] = {}


def plan_for(cls: type[Any]) -> Plan:
    """The plan of a generated root class (Query or Response), built once per process."""
    try:
        return _plans[cls]
    except KeyError:
        plan = _plans[cls] = _Builder().plan(cls, schema_layout().roots[cls.Meta.name])
        return plan


@functools.cache
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


# --------------------------------------------------------------------- the fast path


def canonical_bind(
    root: etree._Element, plan: Plan, found: Canonical, owners: frozenset[str] = frozenset()
) -> Any:
    """Put ``root``'s tree into canonical order in place and build its object, in one pass.

    The tree, and what ``found`` notes (unknown elements, crowded elements), end up exactly
    as :func:`._canonical.canonicalize` leaves them. The object is only meaningful once the
    canonical tree has been validated; it is None when a value could not be converted or a
    required element is missing (the tree is canonicalized all the same: validation will say
    why). ``owners`` is only needed for that case (default: :func:`extra_owners`).
    """
    try:
        return _build(root, plan, root, found)
    except (ValueError, ArithmeticError):  # a value that does not convert, a missing element
        # Finish canonicalizing: elements already reordered keep their place (the walk only
        # reads them); the one whose value failed, and those not reached, are ordered now.
        _walk(root, plan.layout, schema_layout(), owners or extra_owners(), root, found)
        return None


def _build(element: etree._Element, plan: Plan, owner: etree._Element, found: Canonical) -> Any:
    """Bind ``element`` and put its children in canonical order, in one pass over them
    (a second, in :func:`._canonical.reorder`, only for an element out of order).

    Children are bound in document order: each field's values keep their document order,
    which the canonical order keeps too (a stable sort). A lead of a pair without its
    follower gets the empty value of the follower that canonical order adds. Nested blocks
    are built last, in canonical order, once this element's unknown elements are set aside:
    so unknown elements are found in the canonical tree's pre-order, as canonicalize finds
    them.
    """
    if plan.has_extra:
        owner = element
    fields = plan.fields
    values = plan.template.copy()
    for name in plan.lists:
        values[name] = []
    blocks: list[tuple[Field, etree._Element]] | None = None
    in_order = True  # only declared children, in slot order, each pair whole (as order())
    last = -1
    expect: Field | None = None  # the follower due next
    children = element[:]
    for child in children:
        f = fields.get(child.tag)
        if f is None:  # unknown: reorder sets it aside
            in_order = False
            continue
        if f.paired or expect is not None:  # (a type has at most one pair: tests check)
            if expect is None:
                if f.is_follower:  # a follower without its lead: the schema refuses it
                    in_order = False
            elif f is not expect:  # the lead before has no follower
                values[expect.attr].append(_empty(expect))
                in_order = False
            expect = f.follower
        slot = f.slot
        if slot < last:
            in_order = False
        last = slot
        if f.plan is not None:
            if blocks is None:
                blocks = []
            blocks.append((f, child))
            continue
        value = child.text or ""
        if f.kind == VALUE:
            value = f.convert(value)
        if f.many:
            values[f.attr].append(value)
        else:
            values[f.attr] = value
    if expect is not None or not in_order or len(children) > _canonical.CROWDED:  # rare
        if expect is not None:  # the last lead has no follower
            values[expect.attr].append(_empty(expect))
            in_order = False
        count = len(children)
        if not in_order:
            items = reorder(element, children, fields, owner, found)
            count = len(items)
            if blocks is not None:
                blocks = [(f, child) for f, child in items if f.plan is not None]
        if count > _canonical.CROWDED:  # (read here: tests lower it)
            found.crowd(element)
    if blocks is not None:
        for f, child in blocks:
            value = _build(child, f.plan, owner, found)  # type: ignore[arg-type]
            if f.many:
                values[f.attr].append(value)
            else:
                values[f.attr] = value
    if plan.has_extra and found.extras:  # (cheaper than a get() on the empty proxy)
        extra = found.extras.get(element)
        if extra is not None:
            values["extra"] = extra
    for name in plan.required:
        if values[name] is _MISSING:  # validation will refuse the document
            raise _Incomplete(f"{plan.cls.__name__}.{name} is missing")
    obj = _new(plan.cls)  # what __init__ would build (see the module's docstring)
    obj.__dict__ = values
    return obj


def _empty(f: Field) -> Any:
    """The value of an empty element of field ``f``."""
    return "" if f.kind == TEXT else f.convert("")


# ------------------------------------------------------------------------------ binding


def bind(
    element: etree._Element, plan: Plan, extras: Mapping[etree._Element, list[UnknownElement]]
) -> Any:
    """Build the object of ``plan`` from a canonical, validated element.

    A value the schema accepts but Python cannot convert (an integer of more than 4300
    digits) raises :class:`OversizeError`.
    """
    values: dict[str, Any] = {}
    fields = plan.fields
    for child in element:
        f = fields[child.tag]
        sub = f.plan
        if sub is not None:
            value = bind(child, sub, extras)
        else:
            try:
                value = f.convert(child.text or "")
            except (ValueError, ArithmeticError) as exc:
                raise conversion_error(child, exc) from None
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
    if isinstance(value, str):
        text = value
    elif isinstance(value, Enum):
        text = value.value
    elif isinstance(value, Decimal):
        text = format(value, "f")  # never an exponent
    else:
        try:
            text = str(value)
        except ValueError as exc:  # an int over Python's digit limit
            raise EncodeError(str(exc)) from None
    if _SPECIAL.search(text) is None:
        return text
    bad = _INVALID.search(text)
    if bad is not None:
        raise EncodeError(f"character {bad.group()!r} cannot be written in XML 1.0")
    # \r is escaped, or parsers would read it back as \n.
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    )


def encode(obj: Any, plan: Plan, tag: str, out: list[str]) -> None:
    """Append the XML of ``obj`` (children in canonical order, then its extras) to ``out``."""
    out.append(f"<{tag}>")
    append = out.append
    for f in plan.fields.values():
        if f.is_follower:
            continue
        value = getattr(obj, f.attr)
        if value is None:
            continue
        if f.follower is not None:
            statuses = getattr(obj, f.follower.attr)
            status_tag = f.follower.tag
            for i, lead in enumerate(value):
                text = _text(lead)
                append(f"<{f.tag}>{text}</{f.tag}>" if text else f"<{f.tag}/>")
                status = statuses[i] if i < len(statuses) else None
                text = "" if status is None else _text(status)
                append(f"<{status_tag}>{text}</{status_tag}>" if text else f"<{status_tag}/>")
        elif f.plan is not None:
            for item in value if f.many else (value,):
                encode(item, f.plan, f.tag, out)
        elif f.many:
            for item in value:
                text = _text(item)
                append(f"<{f.tag}>{text}</{f.tag}>" if text else f"<{f.tag}/>")
        else:
            text = _text(value)
            append(f"<{f.tag}>{text}</{f.tag}>" if text else f"<{f.tag}/>")
    if plan.has_extra:
        for unknown in obj.extra:
            append(_unknown_xml(unknown))
    append(f"</{tag}>")


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
