"""The decode fast path against xsdata's generic parser, and its plans against xsdata's metadata.

The fast path (``_bindings.canonical_bind``) canonicalizes and binds in one pass, before
validation. On every valid document it must give exactly what xsdata's generic ``XmlParser``
builds from the same canonical, validated tree (``extra`` aside: xsdata ignores that field),
and leave the tree, the unknown elements and their violations exactly as ``canonicalize``
does.
"""

from __future__ import annotations

import copy
import dataclasses
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES, reply_examples
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree
from xsdata.formats.dataclass.context import XmlContext
from xsdata.formats.dataclass.parsers import XmlParser
from xsdata.formats.dataclass.parsers.config import ParserConfig
from xsdata.formats.dataclass.parsers.handlers import LxmlEventHandler

from encodingcom_getstatus import (
    Query,
    Response,
    _canonical,
    decode_query,
    decode_response,
    encode_query,
    encode_response,
)
from encodingcom_getstatus._bindings import Plan, bind, canonical_bind, extra_owners, plan_for
from encodingcom_getstatus._canonical import Canonical, canonicalize
from encodingcom_getstatus._extra import HasExtra
from encodingcom_getstatus._layout import schema_layout
from encodingcom_getstatus._parse import parse
from encodingcom_getstatus.errors import CodecError, OversizeError
from encodingcom_getstatus.schema import lxml_schema
from encodingcom_getstatus.testing import queries, responses, shuffle, valid_documents

_XSDATA = XmlParser(
    config=ParserConfig(fail_on_unknown_properties=True, fail_on_converter_warnings=True),
    handler=LxmlEventHandler,
)


def _without_extra(obj: Any) -> Any:
    """A deep copy of ``obj`` with every ``extra`` emptied (xsdata does not fill it)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        changes = {f.name: _without_extra(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
        if isinstance(obj, HasExtra):
            changes["extra"] = []
        return type(obj)(**changes)
    if isinstance(obj, list):
        return [_without_extra(item) for item in obj]
    return obj


def assert_identical(fast: Any, generic: Any) -> None:
    """Equal, and equal in every detail ``==`` overlooks (Decimal('1.0') == Decimal('1'))."""
    fast, generic = _without_extra(fast), _without_extra(generic)
    assert fast == generic
    assert repr(fast) == repr(generic)


def fast_path(root: etree._Element, cls: type[Any] = Response) -> tuple[Any, Canonical]:
    """The fast path's object (None if it gave up) and what it found."""
    found = Canonical()
    return canonical_bind(root, plan_for(cls), found), found


def differential(data: bytes, cls: type[Any] = Response) -> Any:
    """Fast path and xsdata on one canonical validated tree; returns the fast path's object."""
    root = parse(data)
    fast, found = fast_path(root, cls)
    assert lxml_schema().validate(root), lxml_schema().error_log
    assert fast is not None
    generic = _XSDATA.parse(copy.deepcopy(root), cls)  # xsdata clears what it has read
    assert_identical(fast, generic)
    # The generic binder of plans (used when the fast path gives up) agrees as well.
    assert bind(root, plan_for(cls), found.extras) == fast
    # And the public decoder returns the same object, extras included.
    decoded = decode_response(data) if cls is Response else decode_query(data)
    assert decoded == fast
    assert repr(decoded) == repr(fast)
    return fast


def same_canonical_tree(data: bytes, cls: type[Any] = Response) -> None:
    """canonical_bind leaves tree, extras and unknown-element violations as canonicalize does."""
    reference = parse(data)
    expected = canonicalize(reference, schema_layout(), extra_owners())
    root = parse(data)
    _, found = fast_path(root, cls)
    assert etree.tostring(root) == etree.tostring(reference)
    assert found.unknown == expected.unknown
    paths = {id(e): e.getroottree().getpath(e) for e in expected.extras}
    assert {paths[id(e)]: v for e, v in expected.extras.items()} == {
        e.getroottree().getpath(e): v for e, v in found.extras.items()
    }


# ------------------------------------------------------------------------ the plans


def _plans(plan: Plan, seen: dict[type[Any], Plan]) -> dict[type[Any], Plan]:
    if plan.cls not in seen:
        seen[plan.cls] = plan
        for f in plan.fields.values():
            if f.plan is not None:
                _plans(f.plan, seen)
    return seen


@pytest.mark.parametrize("root", [Response, Query])
def test_plans_match_xsdata_metadata(root: type[Any]) -> None:
    context = XmlContext()
    for cls, plan in _plans(plan_for(root), {}).items():
        meta = context.build(cls)
        assert not meta.attributes and meta.text is None and not meta.wildcards
        element_vars = meta.get_element_vars()
        assert [f.attr for f in plan.fields.values()] == [v.name for v in element_vars]
        for var, f in zip(element_vars, plan.fields.values(), strict=True):
            assert f.tag == var.local_name
            assert f.many == bool(var.list_element)
            if var.clazz is not None:
                assert f.plan is not None and f.plan.cls is var.clazz
            else:
                assert f.plan is None and var.types == (f.convert,)


def test_plans_follow_the_schema_layout() -> None:
    layout = schema_layout()
    for plan in _plans(plan_for(Response), {}).values():
        declared = (layout.roots.get(plan.name) or layout.types[plan.name]).children
        assert list(plan.fields) == list(declared)
        for tag, f in plan.fields.items():
            assert f.slot == declared[tag].slot
            assert f.is_follower == (declared[tag].follows is not None)


def test_a_type_has_at_most_one_pair() -> None:
    """Canonical order pairs a follower with whichever lead waits for one (_Shape), and the
    fast path with the one follower it expects: the same only while a type has one pair."""
    layout = schema_layout()
    pairs = [len(t.pairs) for t in (*layout.types.values(), *layout.roots.values())]
    assert max(pairs) == 1


def test_objects_are_built_as_init_builds_them() -> None:
    """Same fields, same values, same attribute order, fresh lists; __init__ not bypassed
    for classes that need it."""
    reply = decode_response((EXAMPLES / "extended.xml").read_bytes())
    for job in reply.job:
        rebuilt = type(job)(**{f.name: getattr(job, f.name) for f in dataclasses.fields(job)})
        assert list(vars(job)) == list(vars(rebuilt))
        assert job == rebuilt
    first, second = reply.job[0].format[0], reply.job[1].format[0]
    assert first.audio_validation is not second.audio_validation
    assert first.extra is not second.extra


# ------------------------------------------------------------------------- examples


@pytest.mark.parametrize("path", reply_examples(), ids=lambda p: p.name)
def test_examples_match_xsdata(path: Path) -> None:
    data = path.read_bytes()
    differential(data)
    same_canonical_tree(data)


def test_query_example_matches_xsdata() -> None:
    data = (EXAMPLES / "query.xml").read_bytes()
    differential(data, Query)
    same_canonical_tree(data, Query)


@pytest.mark.parametrize("path", reply_examples(), ids=lambda p: p.name)
def test_shuffled_examples_match_xsdata(path: Path) -> None:
    data = path.read_bytes()
    for seed in range(20):
        shuffled = shuffle(data, random.Random(seed))
        differential(shuffled)
        same_canonical_tree(shuffled)


# ---------------------------------------------------------------- generated documents


@given(responses())
def test_generated_canonical_replies_match_xsdata(reply: Response) -> None:
    assert differential(encode_response(reply)) == reply


@given(valid_documents())
def test_generated_shuffled_replies_match_xsdata(data: bytes) -> None:
    differential(data)
    same_canonical_tree(data)


@given(valid_documents(extras=True))
def test_unknown_elements_are_set_aside_as_canonicalize_does(data: bytes) -> None:
    # The canonical tree holds no unknown element any more: xsdata sees the declared ones.
    differential(data)
    same_canonical_tree(data)


def test_blocks_out_of_order_are_walked_in_canonical_order() -> None:
    """Blocks are bound after their parent is ordered, in canonical order, not document
    order: their unknown elements come in the canonical tree's pre-order."""
    data = (
        b"<response><errors><error>e</error><b/></errors><status>s</status><a/>"
        b"<format><id>2</id><c/></format></response>"
    )
    same_canonical_tree(data)
    _, found = fast_path(parse(data))
    assert [v.path for v in found.unknown] == [
        "/response/a",
        "/response/format[1]/c",
        "/response/errors/b",
    ]


@given(queries(), st.randoms(use_true_random=False))
def test_generated_queries_match_xsdata(query: Query, rng: random.Random) -> None:
    data = encode_query(query)
    assert differential(data, Query) == query
    root = parse(data)
    children = list(root)
    rng.shuffle(children)
    root[:] = children
    same_canonical_tree(etree.tostring(root), Query)


# ------------------------------------------------------------------ invalid documents

_INVALID = [
    # a value the binder cannot convert, in an element out of order
    b"<response><status>New</status><id>1</id><progress>abc</progress></response>",
    b"<response><id>1</id><status>New</status><time_left>-1</time_left></response>",
    # a required element missing
    b"<response><job><id>1</id></job></response>",
    b"<response><job><id>1</id><status>x</status><format><id>2</id></format></job></response>",
    # conversion fails early, the rest of the tree still gets canonical order and set-asides
    b"<response><job><progress>x</progress><status>s</status><id>1</id><zz/></job>"
    b"<job><format><status>s</status><id>2</id><yy/></format><status>s</status><id>3</id>"
    b"</job></response>",
]


@pytest.mark.parametrize("data", _INVALID)
def test_invalid_documents_canonicalize_as_before(data: bytes) -> None:
    same_canonical_tree(data)
    root = parse(data)
    obj, _ = fast_path(root)
    assert not lxml_schema().validate(root)
    with pytest.raises(CodecError):
        decode_response(data)
    with pytest.raises(CodecError):
        decode_response(data, strict=True)
    del obj


def test_the_fast_path_notes_unknown_elements_even_when_it_gives_up() -> None:
    obj, found = fast_path(parse(_INVALID[-1]))
    assert obj is None and [v.path for v in found.unknown] == [
        "/response/job[1]/zz",
        "/response/job[2]/format[1]/yy",
    ]


def test_a_valid_integer_python_cannot_read_is_an_oversize_error() -> None:
    # The schema accepts any number of digits; Python refuses to convert more than 4300.
    data = b"<response><id>1</id><status>New</status><time_left>%s</time_left></response>" % (
        b"7" * 5000
    )
    with pytest.raises(OversizeError, match="time_left"):
        decode_response(data)


# ------------------------------------------------------------------------------ startup

_STARTUP = """
import sys
import encodingcom_getstatus
from encodingcom_getstatus import _bindings, _layout, schema

def loaded(*names):
    return sorted({m.split(".")[0] for m in sys.modules if m.split(".")[0] in names})

print(loaded("xmlschema", "xsdata", "hypothesis"))
print(bool(schema._local.__dict__), bool(schema._xmlschema_cache), bool(_bindings._plans))
print(_layout.schema_layout.cache_info().currsize)
reply = encodingcom_getstatus.decode_response(sys.stdin.buffer.read())
print(loaded("xmlschema", "xsdata", "hypothesis"))
"""


def test_import_builds_nothing_and_decoding_needs_neither_xmlschema_nor_xsdata() -> None:
    result = subprocess.run(
        [sys.executable, "-c", _STARTUP],
        input=(EXAMPLES / "extended.xml").read_bytes(),
        capture_output=True,
        check=True,
    )
    assert result.stdout.decode().splitlines() == ["[]", "False False False", "0", "[]"]


# ------------------------------------------------------------------- cached reorders

_FORMAT = schema_layout().types["Format"]


@given(
    st.lists(
        st.sampled_from(["id", "status", "destination", "destination_status", "size", "stream"]),
        max_size=12,
    )
)
def test_reorder_makes_the_tree_a_stable_sort_of_units_makes(tags: list[str]) -> None:
    """Fresh, replayed from the cache, or too long to be cached: reorder leaves the tree
    that sorting the units (a destination with the status directly after it, or one added
    for it) by canonical position leaves, tails and repeats' order included."""

    def element() -> etree._Element:
        root = etree.Element("format")
        for i, tag in enumerate(tags):
            etree.SubElement(root, tag).text = str(i)
            root[-1].tail = f" t{i} "
        return root

    expected = element()
    units = _canonical.units(expected, _FORMAT)
    for unit in units:
        follower = _FORMAT.children[str(unit[0].tag)].follower
        if follower is not None and len(unit) == 1:
            unit.append(expected.makeelement(follower.tag))
    units.sort(key=lambda unit: _FORMAT.children[str(unit[0].tag)].slot)
    expected[:] = [node for unit in units for node in unit]

    _canonical._shapes.clear()
    for limit in (64, 64, 0):  # computed and kept, replayed, not kept
        _canonical._SHAPE_MAX_CHILDREN = limit
        try:
            moved = element()
            ordered = _canonical.reorder(moved, moved[:], _FORMAT.children, moved, Canonical())
        finally:
            _canonical._SHAPE_MAX_CHILDREN = 64
        assert etree.tostring(moved) == etree.tostring(expected)
        assert [c for _, c in ordered] == list(moved)
        assert [d.tag for d, _ in ordered] == [c.tag for c in moved]


def test_the_reorder_cache_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """Long sequences are reordered without being kept, and a full cache starts again:
    replies shuffled every which way cannot grow memory, nor leave stale shapes for good."""
    monkeypatch.setattr(_canonical, "_shapes", {})
    monkeypatch.setattr(_canonical, "_SHAPES_MAX", 3)
    monkeypatch.setattr(_canonical, "_SHAPE_MAX_CHILDREN", 4)
    tags = ["size", "status", "id", "created", "started", "finished"]
    kept = []
    for n in range(2, 7):
        for sequence in (tags[:n], tags[:n][::-1]):
            root = etree.Element("format")
            for tag in sequence:
                etree.SubElement(root, tag)
            ordered = _canonical.reorder(root, root[:], _FORMAT.children, root, Canonical())
            assert (
                [d.tag for d, _ in ordered]
                == [c.tag for c in root]
                == sorted(sequence, key=lambda tag: _FORMAT.children[tag].slot)
            )
            kept.append(len(_canonical._shapes))
    # 2, 3 and 4 children are kept (the 4th shape empties the cache); 5 and 6 are not.
    assert kept == [1, 2, 3, 1, 2, 3, 3, 3, 3, 3]
    assert all(len(key) <= 4 for key in _canonical._shapes)
