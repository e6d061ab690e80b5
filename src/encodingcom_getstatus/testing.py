"""Hypothesis strategies for GetStatus queries, replies and reply documents.

Install the extra (``pip install encodingcom-getstatus[testing]``), then property-test a client
against realistic replies::

    from hypothesis import given
    from encodingcom_getstatus import encode_response
    from encodingcom_getstatus.testing import responses

    @given(responses(shape="extended"))
    def test_client_reads_every_reply(reply):
        my_client.handle(encode_response(reply))

Objects: :func:`queries`, :func:`responses`, :func:`jobs`, :func:`formats` (and
:func:`unknown_elements`). Documents: :func:`valid_documents` (valid replies, children shuffled
at every level) and :func:`mutated_documents` (one mutation applied to a valid reply).

Nothing here is listed per field. Which elements each object (and each reply shape) has, how
often, and their XSD types are read from the canonical schema; value facets (pattern, lengths,
ranges, fraction digits), Python types, enumerations, lists and nested classes from the generated
classes' field metadata. An element added to the XSD is generated after regeneration. A few XSD
types get realistic values besides (dates, status words, free text), always checked against the
field's facets.
"""

from __future__ import annotations

import dataclasses
import math
import random
import re
import types
import typing
from collections import deque
from collections.abc import Callable, Mapping
from copy import deepcopy
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import Enum
from functools import cache
from typing import Any, Literal

from hypothesis import strategies as st
from lxml import etree

from ._canonical import units as canonical_units
from ._extra import HasExtra, UnknownElement
from ._layout import Layout, schema_layout
from .codec import encode_response
from .generated import Format, Job, Query, Response
from .schema import load_schema_tree
from .views import ZERO_DATE, Status

__all__ = [
    "MUTATIONS",
    "Shape",
    "formats",
    "jobs",
    "mutate",
    "mutated_documents",
    "queries",
    "responses",
    "shuffle",
    "unknown_elements",
    "valid_documents",
]

Shape = Literal["plain", "extended", "errors"]

#: The element that tells each reply shape apart (the rest of each shape is read from the XSD).
_SHAPE_KEYS: dict[str, str] = {"plain": "id", "extended": "job", "errors": "errors"}

_XS = "{http://www.w3.org/2001/XMLSchema}"

#: Extra copies of a repeated element beyond its minimum (keeps documents small and fast).
_MAX_EXTRA_ITEMS = 2

# ------------------------------------------------------------------------------ characters

#: Characters XML 1.0 can carry (\r is written as &#13; by the encoder, so it survives too).
_XML_CHARS = st.one_of(
    st.sampled_from("\t\n\r &<>\"'"),
    st.characters(min_codepoint=0x20, exclude_categories=["Cs"], exclude_characters="\ufffe\uffff"),
)
_ILLEGAL = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

#: Realistic free text: what replies carry in Text elements (URLs with &, file names, ...).
_SAMPLES = (
    "",
    "AMAZON",
    "RACKSPACE",
    "us-east-1",
    "oak-private-clive",
    "Saved",
    "Open",
    "Error (Connection refused)",
    "https://bucket.s3.amazonaws.com/in/a%20b.mov?AWSAccessKeyId=AKIA&Expires=1454095952",
    "s3://bucket/out/вывод 🎬.mp4",
    "ftp://user@ftp.example.com/thumbs/<1>&.jpg",
    "1920x1080",
    "0x1080",
    "3500k",
    "libx264",
    "dolby_aac",
    "yes",
    "no",
    "  padded  ",
    "line one\nline two",
    "a]]>b",
)


def _legal(text: str) -> bool:
    return _ILLEGAL.search(text) is None


def _text(min_size: int = 0, max_size: int | None = None) -> st.SearchStrategy[str]:
    upper = max_size if max_size is not None else max(min_size, 16)
    samples = [s for s in _SAMPLES if min_size <= len(s) <= (max_size or len(s))]
    arbitrary = st.text(_XML_CHARS, min_size=min_size, max_size=upper)
    return st.one_of(st.sampled_from(samples), arbitrary) if samples else arbitrary


def _dates() -> st.SearchStrategy[str]:
    """Dates as replies write them: real ones, leap days, the zero date and the empty one."""
    moments = st.one_of(
        st.datetimes(min_value=datetime(2008, 1, 1), max_value=datetime(2030, 12, 31)),
        st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31)),
    )
    leap_years = st.integers(1, 2499).map(lambda k: 4 * k).filter(lambda y: y % 100 or y % 400 == 0)
    return st.one_of(
        st.sampled_from([ZERO_DATE, ""]),
        moments.map(lambda d: d.isoformat(sep=" ", timespec="seconds")),
        st.builds(
            lambda y, d: f"{y:04d}-02-29 {d.time().isoformat(timespec='seconds')}",
            leap_years,
            moments,
        ),
    )


def _type_hints(type_name: str) -> list[st.SearchStrategy[str]]:
    """Realistic values for a few XSD types, on top of what the facets generate."""
    if type_name == "DateTime":
        return [_dates()]
    if type_name == "StatusWord":
        return [st.sampled_from([s.value for s in Status])]
    return []


# ----------------------------------------------------------------------- the schema model

Occurs = tuple[int, int | None]  # (min, max); max None: unbounded


@dataclass(frozen=True, eq=False)  # hashed by identity: one per field, cached
class _Slot:
    """One element child of a generated class."""

    tag: str
    attr: str
    many: bool
    kind: Any  # str, int, Decimal, an Enum subclass, or a nested generated class
    nested: bool
    type_name: str
    meta: Mapping[str, Any]


@dataclass(frozen=True)
class _Model:
    cls: type[Any]
    layout: Layout
    slots: dict[str, _Slot]
    #: Each way the XSD content model can be filled (one per branch of every xs:choice):
    #: element name -> how often it occurs.
    alternatives: tuple[dict[str, Occurs], ...]
    has_extra: bool


def _occurs(node: etree._Element) -> Occurs:
    high = node.get("maxOccurs", "1")
    return int(node.get("minOccurs", "1")), None if high == "unbounded" else int(high)


def _scale(alternatives: list[dict[str, Occurs]], occurs: Occurs) -> list[dict[str, Occurs]]:
    low, high = occurs
    if occurs == (1, 1):
        return alternatives
    return [
        {
            name: (a * low, None if high is None or b is None else b * high)
            for name, (a, b) in alternative.items()
        }
        for alternative in alternatives
    ]


class _Content:
    """Reads the alternatives of XSD content models (sequences, choices, group references)."""

    def __init__(self, schema: etree._Element) -> None:
        self.groups = {g.get("name"): g for g in schema.iterfind(f"{_XS}group")}

    def particle(self, node: etree._Element) -> list[dict[str, Occurs]]:
        tag = node.tag
        if tag == f"{_XS}element":
            return [{str(node.get("name")): _occurs(node)}]
        if tag == f"{_XS}group":
            return _scale(self.sequence(self.groups[node.get("ref")]), _occurs(node))
        if tag == f"{_XS}sequence":
            return _scale(self.sequence(node), _occurs(node))
        if tag == f"{_XS}choice":
            branches = [b for child in self._particles(node) for b in self.particle(child)]
            return _scale(branches, _occurs(node))
        return [{}]  # annotations, attributes: no elements

    def sequence(self, node: etree._Element) -> list[dict[str, Occurs]]:
        """Every particle of ``node`` in turn (a sequence, a complex type or a group)."""
        result: list[dict[str, Occurs]] = [{}]
        for child in self._particles(node):
            result = [{**a, **b} for a in result for b in self.particle(child)]
        return result

    @staticmethod
    def _particles(node: etree._Element) -> list[etree._Element]:
        return [c for c in node if isinstance(c.tag, str) and c.tag != f"{_XS}annotation"]


@cache
def _xsd() -> tuple[_Content, dict[str, etree._Element]]:
    """The content reader, and each complex type's definition by layout name."""
    schema = load_schema_tree().getroot()
    nodes = {str(t.get("name")): t for t in schema.iterfind(f"{_XS}complexType")}
    for element in schema.iterfind(f"{_XS}element"):
        anonymous = element.find(f"{_XS}complexType")
        if anonymous is not None:
            nodes[str(element.get("name"))] = anonymous
    return _Content(schema), nodes


def _unwrap(hint: Any) -> tuple[Any, bool]:
    """``list[X]`` -> (X, True); ``X | None`` -> (X, False)."""
    origin = typing.get_origin(hint)
    if origin is list:
        return typing.get_args(hint)[0], True
    if origin in (typing.Union, types.UnionType):
        (kind,) = [a for a in typing.get_args(hint) if a is not type(None)]
        return _unwrap(kind)
    return hint, False


@cache
def _model(cls: type[Any], layout_name: str) -> _Model:
    layout = schema_layout()
    current = layout.roots.get(layout_name) or layout.types[layout_name]
    hints = typing.get_type_hints(cls)
    slots: dict[str, _Slot] = {}
    for f in dataclasses.fields(cls):
        if f.metadata.get("type") != "Element":
            continue
        tag = f.metadata.get("name", f.name)
        kind, many = _unwrap(hints[f.name])
        declared = current.children[tag]
        slots[tag] = _Slot(
            tag,
            f.name,
            many,
            kind,
            dataclasses.is_dataclass(kind),
            declared.type_name,
            f.metadata,
        )
    content, nodes = _xsd()
    alternatives = tuple(content.sequence(nodes[layout_name]))
    return _Model(cls, current, slots, alternatives, issubclass(cls, HasExtra))


def _model_of(slot: _Slot) -> _Model:
    return _model(slot.kind, slot.type_name)


# ------------------------------------------------------------------------- simple values


def _facets_ok(meta: Mapping[str, Any], text: str) -> bool:
    pattern = meta.get("pattern")
    if pattern is not None and re.fullmatch(pattern, text) is None:
        return False
    low = meta.get("length", meta.get("min_length", 0))
    high = meta.get("length", meta.get("max_length"))
    return len(text) >= low and (high is None or len(text) <= high)


def _strings(slot: _Slot) -> st.SearchStrategy[str]:
    meta = slot.meta
    pattern = meta.get("pattern")
    if pattern is not None:
        base = st.from_regex(pattern, fullmatch=True, alphabet=_XML_CHARS).filter(_legal)
    else:
        low = meta.get("length", meta.get("min_length", 0))
        base = _text(low, meta.get("length", meta.get("max_length")))
    hints = [h.filter(lambda t: _facets_ok(meta, t)) for h in _type_hints(slot.type_name)]
    return st.one_of(*hints, base) if hints else base


def _bounds(slot: _Slot, step: Decimal) -> tuple[Decimal | None, Decimal | None]:
    """The inclusive range of a number, from the facets or the XSD built-in base type."""
    meta = slot.meta
    base = schema_layout().bases.get(slot.type_name, "")
    low: Decimal | None = {
        "nonNegativeInteger": Decimal(0),
        "positiveInteger": Decimal(1),
        "unsignedLong": Decimal(0),
        "unsignedInt": Decimal(0),
        "unsignedShort": Decimal(0),
        "unsignedByte": Decimal(0),
    }.get(base)
    high: Decimal | None = {"nonPositiveInteger": Decimal(0), "negativeInteger": Decimal(-1)}.get(
        base
    )
    if "min_inclusive" in meta:
        low = Decimal(meta["min_inclusive"])
    if "min_exclusive" in meta:
        low = Decimal(meta["min_exclusive"]) + step
    if "max_inclusive" in meta:
        high = Decimal(meta["max_inclusive"])
    if "max_exclusive" in meta:
        high = Decimal(meta["max_exclusive"]) - step
    return low, high


def _integers(slot: _Slot) -> st.SearchStrategy[int]:
    low, high = _bounds(slot, Decimal(1))
    lo = None if low is None else math.ceil(low)
    hi = None if high is None else math.floor(high)
    start = lo if lo is not None else (hi - 1000 if hi is not None else 0)
    small = st.integers(start, start + 1000 if hi is None else min(hi, start + 1000))
    return st.one_of(small, st.integers(lo, hi))


def _decimals(slot: _Slot) -> st.SearchStrategy[Decimal]:
    digits = int(slot.meta.get("fraction_digits", 2))

    @st.composite
    def build(draw: st.DrawFn) -> Decimal:
        scale = draw(st.integers(0, digits))
        step = Decimal(1).scaleb(-scale)
        low, high = _bounds(slot, step)
        lo = -(10**6) if low is None else math.ceil(low / step)
        hi = 10**6 if high is None else math.floor(high / step)
        return Decimal(draw(st.integers(lo, hi))).scaleb(-scale)

    return build().filter(lambda d: _total_digits_ok(slot, d))


def _total_digits_ok(slot: _Slot, value: Decimal) -> bool:
    total = slot.meta.get("total_digits")
    return total is None or len(value.as_tuple().digits) <= total


def _simple_values(slot: _Slot) -> st.SearchStrategy[Any]:
    kind = slot.kind
    if isinstance(kind, type) and issubclass(kind, Enum):
        return st.sampled_from(list(kind))
    if kind is bool:
        return st.booleans()
    if kind is int:
        return _integers(slot)
    if kind is Decimal:
        return _decimals(slot)
    if kind is str:
        return _strings(slot)
    raise TypeError(f"no strategy for {kind!r} ({slot.tag})")  # pragma: no cover


@cache
def _values(slot: _Slot, extras: bool) -> st.SearchStrategy[Any]:
    if slot.nested:
        model = _model_of(slot)
        return st.deferred(lambda: _objects(model, model.alternatives, extras))
    return _simple_values(slot)


def _follower_values(slot: _Slot) -> st.SearchStrategy[Any]:
    """A paired status: '' (the destination has none) or a value."""
    return st.one_of(st.just(""), _values(slot, False))


# ---------------------------------------------------------------------- unknown elements

_NAME_START = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_\u00c0\u00c9\u00d1\u00e9\u0416\u03a9"
)
_NAME_CHARS = _NAME_START + "0123456789.-\u00b7"
#: XML names (ASCII mostly, some Unicode), never starting with "xml" (reserved).
_NAMES = st.builds(
    "".join,
    st.tuples(st.sampled_from(_NAME_START), st.text(st.sampled_from(_NAME_CHARS), max_size=9)),
).filter(lambda n: not n.lower().startswith("xml"))
_NAMESPACES = st.sampled_from(["urn:example:extra", "http://example.com/ns"])
_TAGS = st.one_of(_NAMES, _NAMES, st.builds(lambda ns, n: f"{{{ns}}}{n}", _NAMESPACES, _NAMES))
_SHORT_TEXT = _text(max_size=8)
_NONBLANK = _text(1, 8).filter(lambda t: not _blank(t))
_TAILS = st.one_of(st.just(""), _NONBLANK)
_ATTRIBUTES = st.dictionaries(_NAMES, _SHORT_TEXT, max_size=2)


def _blank(text: str) -> bool:
    return not text.strip()


@cache
def unknown_elements(
    exclude: frozenset[str] = frozenset(), depth: int = 2
) -> st.SearchStrategy[UnknownElement]:
    """Elements the schema does not know (``tag`` never in ``exclude``), with attributes,
    text and nested unknown elements, in the form decoding gives them back (whitespace-only
    text beside child elements, and tails, are indentation: left empty)."""
    tags = _TAGS.filter(lambda t: t not in exclude) if exclude else _TAGS
    if depth <= 0:
        return st.builds(UnknownElement, tag=tags, text=_SHORT_TEXT, attributes=_ATTRIBUTES)
    children = st.lists(
        st.builds(dataclasses.replace, unknown_elements(depth=depth - 1), tail=_TAILS),
        max_size=2,
    ).map(tuple)

    @st.composite
    def build(draw: st.DrawFn) -> UnknownElement:
        inner = draw(children)
        text = draw(st.one_of(st.just(""), _NONBLANK) if inner else _SHORT_TEXT)
        return UnknownElement(
            tag=draw(tags), text=text, attributes=draw(_ATTRIBUTES), children=inner
        )

    return build()


# ----------------------------------------------------------------------------- objects


def _objects(
    model: _Model, alternatives: tuple[dict[str, Occurs], ...], extras: bool
) -> st.SearchStrategy[Any]:
    return st.one_of(*(_alternative(model, a, extras) for a in alternatives))


def _with_followers(
    statuses: st.SearchStrategy[Any],
) -> Callable[[list[Any]], st.SearchStrategy[tuple[list[Any], list[Any]]]]:
    """Leads -> (leads, one follower value per lead)."""

    def pair(leads: list[Any]) -> st.SearchStrategy[tuple[list[Any], list[Any]]]:
        size = len(leads)
        return st.tuples(st.just(leads), st.lists(statuses, min_size=size, max_size=size))

    return pair


def _alternative(
    model: _Model, alternative: dict[str, Occurs], extras: bool
) -> st.SearchStrategy[Any]:
    """Objects filling one alternative: required elements, a random few optional ones.

    Optional lists and nested blocks (formats, destinations, ...) are present half the time
    each; optional simple elements are drawn as a short random subset (most stay absent).
    """
    followers = set(model.layout.pairs.values())
    tags = [t for t in alternative if t not in followers]
    required = [t for t in tags if alternative[t][0] > 0]
    optional = [t for t in tags if alternative[t][0] == 0]
    structural = [t for t in optional if model.slots[t].many or model.slots[t].nested]
    simple = [t for t in optional if t not in structural]
    chosen = st.tuples(
        st.lists(st.sampled_from(simple), unique=True) if simple else st.just([]),
        *(st.sampled_from([[], [t]]) for t in structural),
    ).map(lambda parts: [t for part in parts for t in part])
    strategies: dict[str, st.SearchStrategy[Any]] = {}
    for tag in tags:
        slot = model.slots[tag]
        if not slot.many:
            strategies[tag] = _values(slot, extras)
            continue
        low, high = alternative[tag]
        low = max(low, 1)  # an optional list drawn as present has at least one item
        cap = low + _MAX_EXTRA_ITEMS if high is None else min(high, low + _MAX_EXTRA_ITEMS)
        items: st.SearchStrategy[Any] = st.lists(_values(slot, extras), min_size=low, max_size=cap)
        follower = model.layout.pairs.get(tag)
        if follower is not None:
            statuses = _follower_values(model.slots[follower])
            items = items.flatmap(_with_followers(statuses))
        strategies[tag] = items
    unknowns = (
        st.lists(unknown_elements(frozenset(model.layout.children)), max_size=2)
        if extras and model.has_extra
        else None
    )

    @st.composite
    def build(draw: st.DrawFn) -> Any:
        values: dict[str, Any] = {}
        for tag in required + draw(chosen):
            value = draw(strategies[tag])
            follower = model.layout.pairs.get(tag)
            if follower is not None:
                value, values[model.slots[follower].attr] = value
            values[model.slots[tag].attr] = value
        if unknowns is not None:
            values["extra"] = draw(unknowns)
        return model.cls(**values)

    return build()


def _root_model(cls: Any) -> _Model:
    return _model(cls, cls.Meta.name)


def _nested_model(cls: type[Any]) -> _Model:
    """The model of a nested generated class, found by walking down from the reply."""
    stack = [_root_model(Response)]
    seen: set[type[Any]] = set()
    while stack:
        model = stack.pop()
        if model.cls is cls:
            return model
        seen.add(model.cls)
        stack.extend(_model_of(s) for s in model.slots.values() if s.nested and s.kind not in seen)
    raise LookupError(cls)  # pragma: no cover - every generated class is reachable


def queries(extras: bool = False) -> st.SearchStrategy[Query]:
    """GetStatus queries: user id and key or an OIDC token, media ids, optional flags.

    ``extras=True`` adds unknown elements (decoding keeps them in ``extra``).
    """
    model = _root_model(Query)
    strategy: st.SearchStrategy[Query] = _objects(model, model.alternatives, extras)
    return strategy


def responses(shape: Shape | None = None, extras: bool = False) -> st.SearchStrategy[Response]:
    """GetStatus replies: ``shape`` "plain", "extended", "errors", or None for any.

    Values are valid and realistic (dates incl. the zero date, leap days and empty ones,
    percentages with one decimal at most, open status words, Unicode text with & < > and
    characters outside the BMP), most optional elements absent, destinations with and without
    status. ``extras=True`` adds unknown elements to the reply, its jobs and formats.
    """
    model = _root_model(Response)
    alternatives = model.alternatives
    if shape is not None:
        if shape not in _SHAPE_KEYS:
            raise ValueError(f"shape must be one of {sorted(_SHAPE_KEYS)} or None, not {shape!r}")
        alternatives = tuple(a for a in alternatives if _SHAPE_KEYS[shape] in a)
    strategy: st.SearchStrategy[Response] = _objects(model, alternatives, extras)
    return strategy


def jobs(extras: bool = False) -> st.SearchStrategy[Job]:
    """Jobs of an extended reply (one media each, with its formats)."""
    model = _nested_model(Job)
    strategy: st.SearchStrategy[Job] = _objects(model, model.alternatives, extras)
    return strategy


def formats(extras: bool = False) -> st.SearchStrategy[Format]:
    """Formats of a job, with destinations paired with their statuses ('' for none)."""
    model = _nested_model(Format)
    strategy: st.SearchStrategy[Format] = _objects(model, model.alternatives, extras)
    return strategy


# --------------------------------------------------------------------------- documents


def _document_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def _shuffle(element: etree._Element, layout: Layout, rng: random.Random) -> None:
    units = canonical_units(element, layout)
    # Elements of one name keep their relative order (lists), and so do unknown elements
    # (their order is that of ``extra``): permute the positions of the groups, not their items.
    keys = [u[0].tag if u[0].tag in layout.children else None for u in units]
    groups: dict[object, deque[list[etree._Element]]] = {}
    for key, unit in zip(keys, units, strict=True):
        groups.setdefault(key, deque()).append(unit)
    rng.shuffle(keys)
    element[:] = [node for key in keys for node in groups[key].popleft()]
    schema = schema_layout()
    for child in element:
        declared = layout.children.get(child.tag) if isinstance(child.tag, str) else None
        sub = schema.types.get(declared.type_name) if declared is not None else None
        if sub is not None:
            _shuffle(child, sub, rng)


def _drop_empty_followers(root: etree._Element, rng: random.Random) -> None:
    """A destination without a status means the same as one with an empty status."""
    schema = schema_layout()
    followers = {f for layout in schema.types.values() for f in layout.pairs.values()}
    for element in list(root.iter(*followers)):
        if not element.text and len(element) == 0 and rng.random() < 0.5:
            element.getparent().remove(element)


def _ascii_names(element: etree._Element) -> bool:
    names = [str(element.tag), *element.attrib]
    return all(n.isascii() for n in names)


def _serialize(root: etree._Element, rng: random.Random) -> bytes:
    if rng.random() < 0.3:
        etree.indent(root)
    encoding = rng.choice(["UTF-8", "UTF-8", "UTF-8", "UTF-16", "US-ASCII"])
    if encoding == "US-ASCII" and not all(_ascii_names(e) for e in root.iter()):
        encoding = "UTF-8"  # names cannot be written as character references
    declaration = encoding != "UTF-8" or rng.random() < 0.7
    data: bytes = etree.tostring(root, encoding=encoding, xml_declaration=declaration)
    return data


def shuffle(data: bytes, rng: random.Random) -> bytes:
    """The same reply with the children of every declared element in a random order.

    Kept: each paired follower directly after its lead (destination_status after its
    destination), the relative order of elements of one name, and of unknown elements (whose
    content is left as it is). Empty paired statuses may be dropped, the document indented,
    and written in another encoding: it decodes to the same object.
    """
    root = etree.fromstring(data, _document_parser())
    _shuffle(root, schema_layout().roots[root.tag], rng)
    _drop_empty_followers(root, rng)
    return _serialize(root, rng)


def valid_documents(shape: Shape | None = None, extras: bool = False) -> st.SearchStrategy[bytes]:
    """Valid reply documents (encoded :func:`responses`) with children shuffled into any order.

    With ``extras=True`` they hold unknown elements: valid by default, refused when strict.
    """
    return st.builds(
        lambda reply, rng: shuffle(encode_response(reply), rng),
        responses(shape, extras),
        st.randoms(use_true_random=False),
    )


# --------------------------------------------------------------------------- mutations

#: The mutations :func:`mutated_documents` applies (one per document).
MUTATIONS = (
    "wrong_type",
    "duplicate",
    "drop",
    "rename",
    "move",
    "truncate",
    "doctype",
    "entity",
    "attribute",
    "mixed_text",
    "comment",
    "namespace",
)

#: Values of the wrong type for typed elements (ids, dates, percentages, counts, flags).
_WRONG_VALUES = (
    "",
    " ",
    "abc",
    "-1",
    "+5",
    " 7 ",
    "1.5",
    "1e3",
    "0x1F",
    "NaN",
    "INF",
    "100.5",
    "100.05",
    "99.30",
    "101",
    "-0",
    ".5",
    "5.",
    "1,2",
    "١٢",
    "\uff11\uff12",  # full-width digits
    "007",
    "9" * 30,
    "2016-02-30 12:00:00",
    "2015-02-29 00:00:00",
    "2000-02-29 23:59:59",
    "1900-02-29 00:00:00",
    "2016-01-29T19:32:32",
    "2016-01-29 24:00:00",
    "0000-00-00",
    "0000-00-00 00:00:00",
    "yes",
    "YES",
    "GetStatus",
    "101,102",
    "101, 102",
    "0",
)

_DOCTYPES = (
    b"<!DOCTYPE response>",
    b'<!DOCTYPE response [<!ENTITY e "expanded">]>',
    b'<!DOCTYPE response SYSTEM "file:///etc/passwd">',
    b'<!DOCTYPE response [<!ENTITY % p SYSTEM "http://127.0.0.1/x.dtd"> %p;]>',
)


_ENTITY_MARK = "@@entity-reference@@"


def _declared_names() -> list[str]:
    layout = schema_layout()
    names = {n for lay in (*layout.types.values(), *layout.roots.values()) for n in lay.children}
    return sorted(names | set(layout.roots))


def _after_declaration(data: bytes, insert: bytes) -> bytes:
    if data.startswith(b"<?xml"):
        end = data.index(b"?>") + 2
        return data[:end] + insert + data[end:]
    return insert + data


def mutate(data: bytes, mutation: str, draw: st.DrawFn) -> bytes:
    """Apply one of :data:`MUTATIONS` to a UTF-8 document, drawing its choices from ``draw``."""
    if mutation == "truncate":
        return data[: draw(st.integers(0, max(len(data) - 1, 0)))]
    if mutation == "doctype":
        return _after_declaration(data, draw(st.sampled_from(_DOCTYPES)))
    root = etree.fromstring(data, _document_parser())
    elements = list(root.iter())
    inner = elements[1:] or elements
    target = draw(st.sampled_from(inner))
    if mutation == "wrong_type":
        leaves = [e for e in elements if len(e) == 0]
        leaf = draw(st.sampled_from(leaves or elements))
        leaf.text = draw(st.one_of(st.sampled_from(_WRONG_VALUES), _text(max_size=6)))
    elif mutation == "entity":
        leaf = draw(st.sampled_from(elements))
        leaf.text = (leaf.text or "") + _ENTITY_MARK
    elif mutation == "duplicate" and target is not root:
        parent = target.getparent()
        copy = deepcopy(target)
        parent.insert(draw(st.integers(0, len(parent))), copy)
    elif mutation == "drop" and target is not root:
        target.getparent().remove(target)
    elif mutation == "rename":
        unknown = st.one_of(_NAMES, st.builds(lambda n: "{urn:example:extra}" + n, _NAMES))
        target.tag = draw(st.one_of(st.sampled_from(_declared_names()), unknown))
    elif mutation == "move" and target is not root:
        outside = [e for e in elements if e is not target and target not in e.iterancestors()]
        outside = [e for e in outside if e not in target.iter()]
        place = draw(st.sampled_from(outside))
        place.insert(draw(st.integers(0, len(place))), target)
    elif mutation == "attribute":
        target.set(draw(_NAMES), draw(_text(max_size=6)))
    elif mutation == "mixed_text":
        parents = [e for e in elements if len(e) > 0]
        parent = draw(st.sampled_from(parents))
        child = draw(st.sampled_from(list(parent)))
        child.tail = draw(st.sampled_from(["x", "  x  ", "\u00a0", "0"]))
    elif mutation == "comment":
        place = draw(st.sampled_from(elements))
        comment = etree.Comment("note")
        place.insert(draw(st.integers(0, len(place))), comment)
    elif mutation == "namespace":
        name = etree.QName(target.tag).localname
        target.tag = f"{{{draw(_NAMESPACES)}}}{name}"
    out: bytes = etree.tostring(root, encoding="UTF-8", xml_declaration=True)
    if mutation == "entity":
        out = out.replace(_ENTITY_MARK.encode(), draw(st.sampled_from([b"&e;", b"&amp;", b"&#0;"])))
    return out


def mutated_documents(shape: Shape | None = None) -> st.SearchStrategy[bytes]:
    """A valid reply (shuffled, with or without unknown elements) with one mutation applied:
    a value of the wrong type, an element duplicated, dropped, renamed or moved into another
    parent, the text truncated at a random byte, a DOCTYPE or an entity reference injected, an
    attribute, mixed text, a comment or a namespace added. Most are invalid; some stay valid.
    """

    @st.composite
    def build(draw: st.DrawFn) -> bytes:
        reply = draw(responses(shape, draw(st.booleans())))
        data = shuffle(encode_response(reply), draw(st.randoms(use_true_random=False)))
        # Mutate the UTF-8 form (the shuffle may have picked another encoding).
        root = etree.fromstring(data, _document_parser())
        utf8: bytes = etree.tostring(root, encoding="UTF-8", xml_declaration=True)
        return mutate(utf8, draw(st.sampled_from(MUTATIONS)), draw)

    strategy: st.SearchStrategy[bytes] = build()
    return strategy
