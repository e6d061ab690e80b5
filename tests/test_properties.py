"""Property-based tests: round trips, fixpoints, order independence, differential validation.

The strategies come from encodingcom_getstatus.testing (what downstream users import). The
validators here are built independently of the codec's own cached ones: libxml2 (lxml) and
xmlschema, each for the canonical and the any-order schema. Failures hypothesis found are kept
as explicit @example()s. Run with HYPOTHESIS_PROFILE=ci for the CI budget.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import random
import urllib.parse
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import xmlschema
from hypothesis import event, example, given
from hypothesis import strategies as st
from lxml import etree

from encodingcom_getstatus import (
    CodecError,
    Decoder,
    ForbiddenConstructError,
    Format,
    Job,
    MalformedXMLError,
    Query,
    Response,
    SchemaViolationError,
    _canonical,
    _crowded,
    decode_query,
    decode_response,
    encode_query,
    encode_response,
    form_body,
    schema_path,
    testing,
    to_report,
)
from encodingcom_getstatus._canonical import canonicalize
from encodingcom_getstatus._layout import schema_layout
from encodingcom_getstatus._parse import parse
from encodingcom_getstatus.testing import (
    formats,
    jobs,
    mutated_documents,
    queries,
    responses,
    shuffle,
    valid_documents,
)

# ----------------------------------------------------------------- reference validators


def _schema_tree(any_order: bool) -> etree._ElementTree:
    return etree.parse(str(schema_path(any_order)), etree.XMLParser(resolve_entities=False))


LIBXML2 = {flag: etree.XMLSchema(_schema_tree(flag)) for flag in (False, True)}
XMLSCHEMA = {flag: xmlschema.XMLSchema10(_schema_tree(flag).getroot()) for flag in (False, True)}

# A plain, safe parser: no DOCTYPE refusal and no comment removal (what the codec adds).
REFERENCE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
#: The same, dropping comments and processing instructions: the canonicalizer's input.
CANONICAL_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, remove_comments=True, remove_pis=True
)

STRICT = Decoder(strict=True)
MODES = [
    {},
    {"strict": True},
    {"all_errors": True},
    {"strict": True, "all_errors": True},
    {"max_bytes": 64},
]

#: Python refuses to convert integers of more than 4300 digits; xmlschema (also Python) refuses
#: them as invalid, libxml2 accepts integers of any length. The codec sides with xmlschema.
HUGE_INTEGER = 4300
XML_SPACE = " \t\r\n"


def reference_parse(data: bytes) -> etree._Element | None:
    try:
        return etree.fromstring(data, REFERENCE_PARSER)
    except etree.XMLSyntaxError:
        return None


def verdict(decoder: Decoder, data: bytes) -> bool:
    """True if the decoder accepts ``data``; only CodecErrors may say no."""
    try:
        decoder.decode_response(data)
    except CodecError:
        return False
    return True


def huge_integers(root: etree._Element) -> bool:
    return any(len((e.text or "").strip()) > HUGE_INTEGER for e in root.iter())


def unicode_space_between_elements(root: etree._Element) -> bool:
    """Text between child elements that Python calls whitespace but XML does not (U+00A0...).

    xmlschema ignores it (str.isspace); libxml2, rightly, refuses it in element-only content.
    """
    for element in root.iter():
        if len(element):
            texts = [element.text or "", *((c.tail or "") for c in element)]
            if any(not t.strip() and t.strip(XML_SPACE) for t in texts):
                return True
    return False


def accepted(tree: etree._Element, any_order: bool, bare: etree._Element | None = None) -> bool:
    """Both validators' verdict, asserted equal (differential testing of the validators).

    ``bare``: the same document without comments and processing instructions, for xmlschema,
    which takes those inside simple content for child elements (``<id>1<!--c--></id>`` is
    invalid to it; XSD says they are ignored, and libxml2 ignores them).
    """
    by_libxml2 = LIBXML2[any_order].validate(tree)
    log = str(LIBXML2[any_order].error_log)
    by_xmlschema = XMLSCHEMA[any_order].is_valid(tree if bare is None else bare)
    if huge_integers(tree):
        return by_xmlschema
    if unicode_space_between_elements(tree):
        return by_libxml2
    assert by_libxml2 == by_xmlschema, (any_order, log)
    return by_libxml2


def count(root: etree._Element) -> tuple[int, int, int]:
    """Jobs, formats and destinations of a raw reply, counted with lxml."""
    if root.find("job") is not None:
        media = root.findall("job")
    elif root.find("errors") is not None:
        media = []
    else:
        media = [root]
    found = [f for m in media for f in m.findall("format")]
    return len(media), len(found), sum(len(f.findall("destination")) for f in found)


# ------------------------------------------------------------------------------ examples

PLAIN = b"<response><id>1</id><status>New</status></response>"
PAIRS = (
    b"<response><id>1</id><status>New</status><format><id>2</id><status>New</status>"
    b"<destination>a</destination><destination>b</destination>"
    b"<destination_status>Saved</destination_status></format></response>"
)
#: Found by hypothesis/fuzzing: a Count of more than 4300 digits used to raise ValueError.
HUGE_COUNT = (
    b"<response><id>1</id><status>New</status><time_left>"
    + b"9" * 5000
    + b"</time_left></response>"
)

DATE_PATTERN = next(f.metadata["pattern"] for f in dataclasses.fields(Job) if f.name == "created")

#: Found by hypothesis: the codec's parser read this file (a DOCTYPE's external subset).
LOCAL_DTD = f'<!DOCTYPE response SYSTEM "{Path(__file__).resolve().as_uri()}">'.encode()

# ---------------------------------------------------------------------------- properties


@given(responses())
def test_reply_encodes_to_a_document_both_validators_accept(reply: Response) -> None:
    data = encode_response(reply)
    tree = etree.fromstring(data, REFERENCE_PARSER)
    assert LIBXML2[False].validate(tree), str(LIBXML2[False].error_log)
    assert XMLSCHEMA[False].is_valid(tree)
    assert LIBXML2[True].validate(tree), str(LIBXML2[True].error_log)
    assert STRICT.decode_response(data) == reply


@given(responses(extras=True))
def test_reply_round_trips(reply: Response) -> None:
    assert decode_response(encode_response(reply)) == reply


@given(jobs(extras=True), st.lists(formats(extras=True), max_size=2))
def test_jobs_and_formats_round_trip(job: Job, items: list[Format]) -> None:
    reply = Response(job=[job, dataclasses.replace(job, format=items)])
    assert decode_response(encode_response(reply)) == reply


@given(queries())
def test_query_encodes_to_a_document_both_validators_accept(query: Query) -> None:
    data = encode_query(query)
    tree = etree.fromstring(data, REFERENCE_PARSER)
    assert LIBXML2[False].validate(tree), str(LIBXML2[False].error_log)
    assert XMLSCHEMA[False].is_valid(tree)
    assert LIBXML2[True].validate(tree), str(LIBXML2[True].error_log)
    assert decode_query(data, strict=True) == query


@given(queries(extras=True))
def test_query_round_trips(query: Query) -> None:
    assert decode_query(encode_query(query)) == query


@given(queries(extras=True))
def test_form_body_carries_the_query_document(query: Query) -> None:
    body = form_body(query)
    assert body.isascii()
    fields = urllib.parse.parse_qs(
        body.decode("ascii"), keep_blank_values=True, strict_parsing=True
    )
    assert fields == {"xml": [encode_query(query).decode("utf-8")]}


@given(responses(extras=True))
def test_reply_encoding_is_a_fixpoint(reply: Response) -> None:
    data = encode_response(reply)
    assert encode_response(decode_response(data)) == data


@given(queries(extras=True))
def test_query_encoding_is_a_fixpoint(query: Query) -> None:
    data = encode_query(query)
    assert encode_query(decode_query(data)) == data


@example(decode_response(PAIRS), random.Random(0))
@given(responses(extras=True), st.randoms(use_true_random=False))
def test_shuffling_children_never_changes_the_decoded_reply(reply: Response, rng: Any) -> None:
    assert decode_response(shuffle(encode_response(reply), rng)) == reply


@example(HUGE_COUNT).via("ValueError from int() on a 5000-digit count")
@example(PAIRS.replace(b"<destination>b", b"<destination_status/><destination>b"))
@example(PAIRS.replace(b"<destination>a</destination>", b""))
@example(b"<!DOCTYPE response>" + PLAIN)
@example(LOCAL_DTD + PLAIN).via("libxml2 opened the external DTD file (collect_ids=False)")
@example(PLAIN.replace(b"</id>", b"<!--note--></id>")).via("xmlschema refuses, libxml2 accepts")
@example(PLAIN.replace(b"</id>", "</id>\u00a0".encode())).via("xmlschema accepts, libxml2 refuses")
@example(PLAIN.replace(b"<status>", b"<!-- c --><status>"))
@example(PLAIN.replace(b"<response>", b'<response xmlns="urn:x">'))
@example(
    b"<query><userid>1</userid><userkey>k</userkey><action>GetStatus</action>"
    b"<mediaid>1</mediaid></query>"
)
@given(st.one_of(valid_documents(extras=True), valid_documents(), mutated_documents()))
def test_strict_verdict_equals_the_schemas_verdicts(data: bytes) -> None:
    strict = verdict(STRICT, data)
    default = verdict(Decoder(), data)
    event(f"default {'accepts' if default else 'refuses'}")
    event(f"strict {'accepts' if strict else 'refuses'}")
    root = reference_parse(data)
    if root is None:  # not well-formed: both parsers refuse it, with a package error
        with pytest.raises((MalformedXMLError, ForbiddenConstructError)):
            decode_response(data)
        return
    if root.getroottree().docinfo.doctype:
        with pytest.raises(ForbiddenConstructError):
            decode_response(data)
        return
    if root.tag != "response":
        assert not strict and not default
        with pytest.raises(SchemaViolationError):
            decode_response(data)
        return
    # As received: the any-order schema, in both validators.
    bare = etree.fromstring(data, CANONICAL_PARSER)
    assert strict == accepted(root, any_order=True, bare=bare)
    # In canonical order (unknown elements set aside): the canonical schema.
    canonical = etree.fromstring(data, CANONICAL_PARSER)
    found = canonicalize(canonical, schema_layout(), frozenset())
    canonical_ok = accepted(canonical, any_order=False)
    assert default == canonical_ok
    assert strict == (canonical_ok and not found.unknown)


@example(HUGE_COUNT)
@example(PLAIN.replace(b"</id>", "</id>\u00a0".encode())).via("all_errors accepted it")
@example(b"")
@example(b"\xff\xfe<\x00")
@example(b"<response>" * 300 + b"</response>" * 300)
@given(st.one_of(mutated_documents(), st.binary(max_size=64)))
def test_decode_raises_nothing_but_codec_errors(data: bytes) -> None:
    verdicts = []
    for mode in MODES:
        try:
            decode_response(data, **mode)
        except CodecError:
            verdicts.append(False)
        else:
            verdicts.append(True)
    # all_errors lists more violations, never a different verdict.
    assert verdicts[0] == verdicts[2]
    assert verdicts[1] == verdicts[3]


def outcome(call: Any, *args: Any, **kwargs: Any) -> tuple[str, object]:
    """What a call gave: ("ok", None), or the CodecError's class and what it says."""
    try:
        call(*args, **kwargs)
    except SchemaViolationError as exc:
        return type(exc).__name__, exc.violations
    except CodecError as exc:
        return type(exc).__name__, (str(exc), exc.line)
    return "ok", None


@example(HUGE_COUNT)
@example(HUGE_COUNT.replace(b"<response>", b"<response><zz/>"))
@example(b"<query/>")
@given(st.one_of(valid_documents(extras=True), mutated_documents(), st.binary(max_size=64)))
def test_validate_gives_the_verdict_of_decode(data: bytes) -> None:
    # Decoder.validate builds no objects (nor imports the generated classes): it must still
    # raise exactly what decoding raises.
    for mode in MODES:
        decoder = Decoder(**mode)  # type: ignore[arg-type]
        assert outcome(decoder.validate, data) == outcome(decoder.decode_response, data)
    assert outcome(STRICT.validate, data, query=True) == outcome(STRICT.decode_query, data)


_FORMAT = (
    b"<format><id>1</id><status>New</status><destination>a</destination>"
    b"<destination_status>s</destination_status><destination>b</destination></format>"
)
#: Runs within runs: the second job's second format is invalid.
NESTED_RUNS = (
    b"<response><job><id>1</id><status>New</status>"
    + _FORMAT * 2
    + b"</job><job><id>2</id><status>New</status>"
    + _FORMAT
    + _FORMAT.replace(b"</format>", b"<progress>abc</progress></format>")
    + b"</job></response>"
)


@contextlib.contextmanager
def windows(crowded: int, window: int) -> Iterator[list[object]]:
    """Validate elements of more than ``crowded`` children in windows of ``window`` units;
    yields the list of the trees validated in windows meanwhile."""
    saved = _canonical.CROWDED, _crowded.WINDOW, _crowded.validate
    calls: list[object] = []

    def spy(root: Any, *args: Any) -> Any:
        calls.append(root)
        return saved[2](root, *args)

    _canonical.CROWDED, _crowded.WINDOW, _crowded.validate = crowded, window, spy
    try:
        yield calls
    finally:
        _canonical.CROWDED, _crowded.WINDOW, _crowded.validate = saved


@example(PAIRS)
@example(PAIRS.replace(b"<destination_status>", b"<zz/><destination_status>"))
@example(NESTED_RUNS)
@example(NESTED_RUNS.replace(b"<progress>abc</progress>", b""))
@given(st.one_of(valid_documents(extras=True), valid_documents(), mutated_documents()))
def test_validation_in_windows_gives_the_whole_trees_verdict(data: bytes) -> None:
    # Runs of repeated elements are validated in windows in long documents (_crowded);
    # here every element is crowded and each window holds one unit.
    for mode in MODES[:2]:
        whole = outcome(decode_response, data, **mode)
        with windows(0, 1):
            windowed = outcome(decode_response, data, **mode)
            validated = outcome(Decoder(**mode).validate, data)
        assert windowed[0] == whole[0] == validated[0]
        if whole[0] != "SchemaViolationError":
            assert windowed == whole
        if whole[0] == "ok":
            with windows(0, 1) as calls:
                windowed_reply = decode_response(data, **mode)
            assert windowed_reply == decode_response(data, **mode)
            # Every element with children was crowded: the decoder did use windows.
            assert bool(calls) == (len(parse(data)) > 0)


@example(b"<response>&nbsp;</response>")
@example("<response>\u00e9</response>".encode("utf-16"))
@example("<response>\u00e9</response>".encode("utf-32"))  # the push parser refuses it
@given(st.one_of(valid_documents(extras=True), mutated_documents(), st.binary(max_size=64)))
def test_the_push_parser_builds_the_one_shot_parsers_tree(data: bytes) -> None:
    # parse() feeds the push parser (faster for small documents); fromstring() is the reference.
    try:
        reference = etree.fromstring(data, CANONICAL_PARSER)
    except etree.XMLSyntaxError:
        with pytest.raises(CodecError):
            parse(data)
        return
    try:
        root = parse(data)
    except CodecError:  # only a DOCTYPE, which the reference parser lets through
        assert reference.getroottree().docinfo.internalDTD is not None
        return
    assert etree.tostring(root) == etree.tostring(reference)
    assert [e.sourceline for e in root.iter()] == [e.sourceline for e in reference.iter()]


@example(PAIRS)
@given(st.one_of(valid_documents(extras=True), mutated_documents()))
def test_report_is_json_and_counts_match_the_document(data: bytes) -> None:
    try:
        reply = decode_response(data)
    except CodecError:
        return
    report = json.loads(json.dumps(to_report(reply), allow_nan=False))
    root = etree.fromstring(data, REFERENCE_PARSER)
    media, found, destinations = count(root)
    assert len(report.get("jobs", [])) == media
    assert sum(len(j["formats"]) for j in report.get("jobs", [])) == found
    reported = sum(len(f["destinations"]) for j in report.get("jobs", []) for f in j["formats"])
    assert reported == destinations


# -------------------------------------------------------------- the strategies themselves


def test_strategies_cover_every_declared_element() -> None:
    """Each element the schema declares is a slot of some model (so it gets generated)."""
    layout = schema_layout()
    seen: dict[str, set[str]] = {}
    stack = [testing._root_model(Response), testing._root_model(Query)]
    while stack:
        model = stack.pop()
        if model.layout.name in seen:
            continue
        seen[model.layout.name] = set(model.slots)
        assert set(model.slots) == set(model.layout.children)
        alternatives = {tag for a in model.alternatives for tag in a}
        assert alternatives == set(model.layout.children)
        stack.extend(testing._model_of(s) for s in model.slots.values() if s.nested)
    assert set(seen) == set(layout.types) | set(layout.roots)


FACETS = [
    (int, "Count", {}),
    (int, "Synthetic", {"min_exclusive": 5, "max_exclusive": 9}),
    (int, "Synthetic", {"max_inclusive": -3}),
    (Decimal, "Synthetic", {"fraction_digits": 3, "min_exclusive": Decimal("-1")}),
    (Decimal, "Synthetic", {"total_digits": 3, "max_inclusive": Decimal("5.5")}),
    (str, "Synthetic", {"min_length": 2, "max_length": 4}),
    (str, "Synthetic", {"length": 3}),
    (str, "StatusWord", {"min_length": 1}),
    (str, "DateTime", {"pattern": DATE_PATTERN}),
    (bool, "Synthetic", {}),
]


@pytest.mark.parametrize(("kind", "type_name", "meta"), FACETS)
@given(data=st.data())
def test_values_follow_the_field_facets(
    kind: type[Any], type_name: str, meta: dict[str, Any], data: st.DataObject
) -> None:
    slot = testing._Slot("x", "x", False, kind, False, type_name, meta)
    value = data.draw(testing._simple_values(slot))
    assert type(value) is kind
    if kind is str:
        assert testing._legal(value)
        assert testing._facets_ok(meta, value)
    if kind in (int, Decimal):
        number = Decimal(value)
        low = meta.get("min_inclusive", 0 if type_name == "Count" else None)
        assert low is None or number >= low
        assert "min_exclusive" not in meta or number > meta["min_exclusive"]
        assert "max_inclusive" not in meta or number <= meta["max_inclusive"]
        assert "max_exclusive" not in meta or number < meta["max_exclusive"]
        exponent = number.as_tuple().exponent
        assert isinstance(exponent, int)
        assert -exponent <= meta.get("fraction_digits", 2 if kind is Decimal else 0)
        assert len(number.as_tuple().digits) <= meta.get("total_digits", 10**6)


def test_shape_must_be_known() -> None:
    with pytest.raises(ValueError, match="shape"):
        responses("streaming")  # type: ignore[arg-type]
