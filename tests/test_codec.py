"""The codec's rules (issue 3), one explicit test each: decoding in any order, unknown elements
kept, round trips, strict mode, destinations, text fidelity, validation of every known value,
error reports, queries, and a Decoder shared by threads or sent to processes.

Each test that relies on a guard shows the input that needs it: a shuffled document is first
shown to break the canonical schema, a bad value to pass xsdata's own parser, and so on.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import pickle
import random
import threading
import urllib.parse
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

from encodingcom_getstatus import (
    CodecError,
    Decoder,
    Destination,
    EncodeError,
    Format,
    InvalidQueryError,
    Job,
    MalformedXMLError,
    Query,
    Response,
    SchemaViolationError,
    UnknownElement,
    Violation,
    build_query,
    decode_query,
    decode_response,
    encode_query,
    encode_response,
    form_body,
    jobs,
    schema_path,
)
from encodingcom_getstatus.generated import Action, Errors, Stream, VideoCodecParameters, YesNo

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
REPLIES = ["plain.xml", "extended.xml", "errors.xml"]
XSI = "http://www.w3.org/2001/XMLSchema-instance"


def example(name: str) -> bytes:
    return (EXAMPLES / name).read_bytes()


def canonical_schema() -> etree.XMLSchema:
    """An independent validator of the installed canonical schema (not the codec's own)."""
    return etree.XMLSchema(etree.parse(str(schema_path())))


def any_order_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(schema_path(any_order=True))))


CANONICAL = canonical_schema()
ANY_ORDER = any_order_schema()


def canonical_ok(data: bytes) -> bool:
    return bool(CANONICAL.validate(etree.fromstring(data)))


def any_order_ok(data: bytes) -> bool:
    return bool(ANY_ORDER.validate(etree.fromstring(data)))


def outcome(decode: Callable[[bytes], object], data: bytes) -> tuple[str, str]:
    """What decoding gives: the object's repr, or the error class and message."""
    try:
        return ("ok", repr(decode(data)))
    except CodecError as error:
        return (type(error).__name__, str(error))


def all_extras(reply: Response) -> list[UnknownElement]:
    """Every unknown element a reply carries: its own, its jobs' and its formats'."""
    found = list(reply.extra)
    for job in [*reply.job, reply]:
        if job is not reply:
            found += job.extra
        for fmt in job.format:
            found += fmt.extra
    return found


def violations_of(data: bytes, **options: bool) -> list[Violation]:
    with pytest.raises(SchemaViolationError) as caught:
        decode_response(data, **options)
    return caught.value.violations


# --------------------------------------------------------------------- shuffling children


def shuffle(data: bytes, seed: int) -> bytes:
    """The same document with the children of every element shuffled, except that repeated
    elements keep their relative order and a destination_status stays right after its
    destination (what real servers may send, and all that order may mean)."""
    rng = random.Random(seed)
    root = etree.fromstring(data)
    for element in list(root.iter()):
        if len(element) < 2:
            continue
        units: list[list[etree._Element]] = []
        for child in element:
            lead = units[-1] if units else None
            if (
                child.tag == "destination_status"
                and lead is not None
                and lead[0].tag == "destination"
                and len(lead) == 1
            ):
                lead.append(child)
            else:
                units.append([child])
        queues: dict[str, list[list[etree._Element]]] = {}
        for unit in units:
            queues.setdefault(str(unit[0].tag), []).append(unit)
        order = [tag for tag, queue in queues.items() for _ in queue]
        rng.shuffle(order)
        taken = {tag: iter(queue) for tag, queue in queues.items()}
        element[:] = [node for tag in order for node in next(taken[tag])]
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))


def first_shuffle_out_of_order(data: bytes) -> bytes:
    """A shuffle that the canonical schema refuses: proof that order had to be restored."""
    for seed in range(100):
        shuffled = shuffle(data, seed)
        if not canonical_ok(shuffled):
            return shuffled
    raise AssertionError("no shuffle changed the order")  # pragma: no cover


# ----------------------------------------------------------------- decoding in any order


@pytest.mark.parametrize("name", REPLIES)
def test_examples_are_valid_and_decode_as_is(name: str) -> None:
    data = example(name)
    assert any_order_ok(data)
    reply = decode_response(data)
    assert reply == decode_response(data, strict=True)
    assert isinstance(reply, Response)


@pytest.mark.parametrize("name", REPLIES)
@pytest.mark.parametrize("seed", range(8))
def test_shuffled_children_decode_to_the_same_object(name: str, seed: int) -> None:
    data = example(name)
    shuffled = shuffle(data, seed)
    assert any_order_ok(shuffled)  # the shuffle keeps the document valid...
    reply = decode_response(data)
    assert decode_response(shuffled) == reply
    assert decode_response(shuffled, strict=True) == reply
    assert decode_response(shuffled, all_errors=True) == reply


@pytest.mark.parametrize("name", ["plain.xml", "extended.xml"])
def test_shuffles_the_canonical_schema_refuses_still_decode(name: str) -> None:
    data = example(name)
    shuffled = first_shuffle_out_of_order(data)
    assert not canonical_ok(shuffled)  # ...but only the canonicalizer makes it so
    assert decode_response(shuffled) == decode_response(data)


def test_fields_of_every_level_in_reverse_order() -> None:
    data = b"""<response>
      <job>
        <format>
          <stream><size>9</size><sub_path>p</sub_path></stream>
          <progress>10</progress>
          <video_codec_parameters><refs>3</refs><coder>1</coder></video_codec_parameters>
          <destination>d</destination><destination_status>Saved</destination_status>
          <created>2016-01-29 19:32:32</created>
          <status>Processing</status>
          <id>5</id>
        </format>
        <queue_time>4</queue_time>
        <progress>20.5</progress>
        <status>Processing</status>
        <userid>7</userid>
        <id>101</id>
      </job>
    </response>"""
    assert not canonical_ok(data)
    job = decode_response(data).job[0]
    assert (job.id, job.userid, job.status, job.progress, job.queue_time) == (
        "101",
        "7",
        "Processing",
        Decimal("20.5"),
        4,
    )
    fmt = job.format[0]
    assert (fmt.id, fmt.status, fmt.created, fmt.progress) == (
        "5",
        "Processing",
        "2016-01-29 19:32:32",
        Decimal("10"),
    )
    assert fmt.stream == [Stream(sub_path="p", size="9")]
    assert fmt.video_codec_parameters == VideoCodecParameters(coder="1", refs="3")
    assert (fmt.destination, fmt.destination_status) == (["d"], ["Saved"])


def test_query_children_in_any_order() -> None:
    data = (
        b"<query><mediaid>101,102</mediaid><extended>yes</extended><action>GetStatus</action>"
        b"<userkey>secret</userkey><userid>40311</userid></query>"
    )
    assert not canonical_ok(data)
    assert decode_query(data) == decode_query(example("query.xml"))


def test_repeated_elements_keep_their_relative_order() -> None:
    data = b"""<response>
      <job><status>New</status><id>9</id>
        <format><stream><sub_path>s1</sub_path></stream><status>New</status>
          <audio_validation><stream_id>a1</stream_id></audio_validation><id>7</id>
          <stream><sub_path>s2</sub_path></stream>
          <audio_validation><stream_id>a2</stream_id></audio_validation>
          <stream><sub_path>s3</sub_path></stream>
        </format>
        <queue_time>1</queue_time>
        <format><id>2</id><status>New</status></format>
      </job>
      <job><id>3</id><status>New</status></job>
      <job><id>5</id><status>New</status></job>
    </response>"""
    assert not canonical_ok(data)
    reply = decode_response(data)
    assert [job.id for job in reply.job] == ["9", "3", "5"]
    assert [fmt.id for fmt in reply.job[0].format] == ["7", "2"]
    first = reply.job[0].format[0]
    assert [s.sub_path for s in first.stream] == ["s1", "s2", "s3"]
    assert [a.stream_id for a in first.audio_validation] == ["a1", "a2"]


def test_destination_pairs_keep_their_order_among_other_elements() -> None:
    data = b"""<response><id>1</id><status>New</status>
      <format>
        <destination>d1</destination><destination_status>S1</destination_status>
        <size>0x1080</size>
        <destination>d2</destination>
        <status>New</status>
        <destination>d3</destination><destination_status>S3</destination_status>
        <id>2</id>
        <destination>d4</destination><destination_status/>
      </format>
    </response>"""
    assert not canonical_ok(data)
    fmt = decode_response(data).format[0]
    assert fmt.destination == ["d1", "d2", "d3", "d4"]
    assert fmt.destination_status == ["S1", "", "S3", ""]
    assert jobs(decode_response(data))[0].formats[0].destinations == [
        Destination("d1", "S1"),
        Destination("d2", None),
        Destination("d3", "S3"),
        Destination("d4", None),
    ]


# -------------------------------------------------------------------- unknown elements


PLAIN_WITH_UNKNOWNS = b"""<?xml version="1.0"?>
<response xmlns:n="urn:n">
  <id>1</id>
  <api_version a="1">2</api_version>
  <status>Finished</status>
  <format>
    <id>2</id>
    <status>Finished</status>
    <n:thing n:attr="v" plain="w">mixed <n:inner>x</n:inner> more<b/></n:thing>
    <video_codec_parameters><coder>1</coder><x265>on</x265></video_codec_parameters>
    <stream><sub_path>p</sub_path><bandwidth>800</bandwidth></stream>
    <audio_validation><state>ok</state><loudness>-23</loudness></audio_validation>
    <destination>d1</destination>
  </format>
  <cdn><edge region="eu">a</edge><edge region="us">b</edge></cdn>
</response>
"""

THING = UnknownElement(
    tag="{urn:n}thing",
    text="mixed ",
    attributes={"{urn:n}attr": "v", "plain": "w"},
    children=(
        UnknownElement(tag="{urn:n}inner", text="x", tail=" more"),
        UnknownElement(tag="b"),
    ),
)
CDN = UnknownElement(
    tag="cdn",
    children=(
        UnknownElement(tag="edge", text="a", attributes={"region": "eu"}),
        UnknownElement(tag="edge", text="b", attributes={"region": "us"}),
    ),
)


def test_unknown_elements_are_kept_where_they_stand() -> None:
    reply = decode_response(PLAIN_WITH_UNKNOWNS)
    assert reply.extra == [UnknownElement(tag="api_version", text="2", attributes={"a": "1"}), CDN]
    fmt = reply.format[0]
    # Unknowns inside declared blocks belong to the nearest object that has extra: the format.
    # (Its own unknowns first, then those of its blocks, in canonical order of the blocks.)
    assert sorted(fmt.extra, key=lambda u: u.tag) == [
        UnknownElement(tag="bandwidth", text="800"),
        UnknownElement(tag="loudness", text="-23"),
        UnknownElement(tag="x265", text="on"),
        THING,
    ]
    assert fmt.video_codec_parameters == VideoCodecParameters(coder="1")
    assert fmt.stream == [Stream(sub_path="p")]
    assert [a.state for a in fmt.audio_validation] == ["ok"]
    assert (fmt.destination, fmt.destination_status) == (["d1"], [""])


def test_unknown_elements_of_an_extended_reply_and_of_jobs() -> None:
    data = b"""<response><region_set>eu</region_set>
      <job><id>1</id><priority>high</priority><status>New</status></job>
      <job><id>2</id><status>New</status><format><id>3</id><status>New</status><queue>q</queue>
      </format></job></response>"""
    reply = decode_response(data)
    assert reply.extra == [UnknownElement(tag="region_set", text="eu")]
    assert reply.job[0].extra == [UnknownElement(tag="priority", text="high")]
    assert reply.job[1].extra == []
    assert reply.job[1].format[0].extra == [UnknownElement(tag="queue", text="q")]


def test_unknown_elements_inside_errors_belong_to_the_reply() -> None:
    data = b"<response><errors><error>Wrong query format</error><code>7</code></errors></response>"
    reply = decode_response(data)
    assert reply.errors == Errors(error=["Wrong query format"])
    assert reply.extra == [UnknownElement(tag="code", text="7")]


def test_unknown_elements_of_a_query() -> None:
    data = example("query.xml").replace(b"</query>", b"<client>ruby 1.0</client></query>")
    query = decode_query(data)
    assert query.extra == [UnknownElement(tag="client", text="ruby 1.0")]
    assert decode_query(encode_query(query)) == query


def test_text_after_an_unknown_element_is_still_refused() -> None:
    """Mixed text in a known element stays an error even beside an unknown element."""
    data = b"<response><id>1</id><zz/>stray<status>New</status></response>"
    (violation,) = violations_of(data)
    assert violation.path == "/response"
    assert "Character content" in violation.message


# ------------------------------------------------------------------------- round trips


def extras_free(data: bytes) -> bytes:
    """The document without the elements the canonical schema does not declare."""
    root = etree.fromstring(data)
    declared = {
        str(e.get("name"))
        for e in etree.parse(str(schema_path())).iter("{http://www.w3.org/2001/XMLSchema}element")
    }
    for element in list(root.iter()):
        if element.tag not in declared and element.getparent() is not None:
            element.getparent().remove(element)
    return bytes(etree.tostring(root))


ROUND_TRIPS = {
    **{name: example(name) for name in REPLIES},
    "unknowns": PLAIN_WITH_UNKNOWNS,
    "shuffled-extended": shuffle(example("extended.xml"), 3),
    "missing-statuses": b"<response><id>1</id><status>New</status><format><id>2</id>"
    b"<status>New</status><destination>a</destination><destination>b</destination>"
    b"<destination_status>Saved</destination_status><destination>c</destination>"
    b"<destination_status/></format></response>",
}


@pytest.mark.parametrize("name", sorted(ROUND_TRIPS))
def test_decode_encode_round_trip(name: str) -> None:
    reply = decode_response(ROUND_TRIPS[name])
    again = decode_response(encode_response(reply))
    assert again == reply
    assert [u.tag for u in again.extra] == [u.tag for u in reply.extra]
    assert encode_response(again) == encode_response(reply)  # a fixpoint


@pytest.mark.parametrize("name", sorted(ROUND_TRIPS))
def test_encoded_replies_validate_against_the_canonical_schema(name: str) -> None:
    reply = decode_response(ROUND_TRIPS[name])
    encoded = encode_response(reply)
    assert encoded.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n')
    has_extras = bool(all_extras(reply))
    assert has_extras is (name == "unknowns")
    assert canonical_ok(encoded) is not has_extras
    assert canonical_ok(extras_free(encoded))  # extras are written last, order is canonical
    if not has_extras:
        assert decode_response(encoded, strict=True) == reply


def test_round_trip_keeps_extras_of_every_owner() -> None:
    reply = Response(
        job=[
            Job(
                id="1",
                status="New",
                format=[Format(id="2", status="New", extra=[THING])],
                extra=[UnknownElement(tag="j", text="1")],
            )
        ],
        extra=[CDN],
    )
    assert decode_response(encode_response(reply)) == reply


def test_missing_destination_status_is_written_empty() -> None:
    fmt = Format(id="2", status="New", destination=["a", "b", "c"], destination_status=["S"])
    reply = Response(id="1", status="New", format=[fmt])
    encoded = encode_response(reply)
    assert (
        b"<destination>a</destination><destination_status>S</destination_status>"
        b"<destination>b</destination><destination_status/>"
        b"<destination>c</destination><destination_status/>"
    ) in encoded
    assert canonical_ok(encoded)
    assert jobs(decode_response(encoded))[0].formats[0].destinations == [
        Destination("a", "S"),
        Destination("b", None),
        Destination("c", None),
    ]


def test_absent_and_empty_destination_status_are_the_same() -> None:
    base = b"<response><id>1</id><status>New</status><format><id>2</id><status>New</status>%s"
    absent = decode_response(base % b"<destination>a</destination></format></response>")
    empty = decode_response(
        base % b"<destination>a</destination><destination_status/></format></response>"
    )
    assert absent == empty
    assert jobs(absent)[0].formats[0].destinations == [Destination("a", None)]
    assert b"<destination>a</destination><destination_status/>" in encode_response(absent)


@pytest.mark.parametrize(
    "children",
    [
        b"<destination_status>S</destination_status><destination>d</destination>",
        b"<destination_status>S</destination_status>",
        b"<destination>d</destination><output>o</output><destination_status>S</destination_status>",
        b"<destination>d</destination><destination_status>S</destination_status>"
        b"<destination_status>T</destination_status>",
    ],
    ids=["before", "alone", "after-another-element", "twice"],
)
def test_status_not_right_after_a_destination_is_refused(children: bytes) -> None:
    data = b"<response><id>1</id><status>New</status><format><id>2</id><status>New</status>"
    data += children + b"</format></response>"
    for strict in (False, True):
        (first, *_) = violations_of(data, strict=strict)
        assert first.path.startswith("/response/format[1]/destination_status[")
    assert not any_order_ok(data)


def test_an_unknown_element_between_destination_and_status_is_set_aside() -> None:
    data = (
        b"<response><id>1</id><status>New</status><format><id>2</id><status>New</status>"
        b"<destination>d</destination><hop>x</hop><destination_status>S</destination_status>"
        b"</format></response>"
    )
    fmt = decode_response(data).format[0]
    assert (fmt.destination, fmt.destination_status) == (["d"], ["S"])
    assert fmt.extra == [UnknownElement(tag="hop", text="x")]


# -------------------------------------------------------------------------- strict mode


def test_strict_refuses_each_unknown_element_by_path() -> None:
    violations = violations_of(PLAIN_WITH_UNKNOWNS, strict=True)
    assert sorted((v.path, v.line) for v in violations) == [
        ("/response/api_version", 4),
        ("/response/cdn", 15),
        ("/response/format[1]/audio_validation[1]/loudness", 12),
        ("/response/format[1]/stream[1]/bandwidth", 11),
        ("/response/format[1]/video_codec_parameters/x265", 10),
        ("/response/format[1]/{urn:n}thing", 9),
    ]
    messages = {v.path: v.message for v in violations}
    assert messages["/response/api_version"] == "unknown element 'api_version'"
    assert messages["/response/format[1]/{urn:n}thing"] == "unknown element '{urn:n}thing'"


def test_strict_mode_names_the_unknown_element_in_its_message() -> None:
    data = example("extended.xml").replace(b"<queue_time>1</queue_time>", b"<lane>2</lane>")
    with pytest.raises(SchemaViolationError) as caught:
        decode_response(data, strict=True)
    assert str(caught.value) == "/response/job[1]/lane, line 49: unknown element 'lane'"
    assert decode_response(data).job[0].extra == [UnknownElement(tag="lane", text="2")]


DIFFERENTIAL = {
    **{f"example-{name}": example(name) for name in REPLIES},
    **{f"shuffled-{name}": shuffle(example(name), 5) for name in REPLIES},
    "unknown-top": PLAIN_WITH_UNKNOWNS,
    "unknown-in-errors": b"<response><errors><error>x</error><y/></errors></response>",
    "bad-progress": b"<response><id>1</id><status>New</status><progress>abc</progress></response>",
    "no-id": b"<response><status>New</status></response>",
    "two-ids": b"<response><id>1</id><status>New</status><id>2</id></response>",
    "two-statuses": b"<response><status>New</status><id>1</id><status>New</status></response>",
    "shapes-mixed": b"<response><id>1</id><status>New</status><job><id>2</id>"
    b"<status>New</status></job></response>",
    "errors-and-job": b"<response><errors><error>x</error></errors><job><id>2</id>"
    b"<status>New</status></job></response>",
    "empty-reply": b"<response/>",
    "lone-status": b"<response><id>1</id><status>New</status><format><id>2</id>"
    b"<status>New</status><destination_status>S</destination_status></format></response>",
    "pairs-shuffled": b"<response><id>1</id><status>New</status><format><destination>a"
    b"</destination><id>2</id><destination>b</destination><destination_status>S"
    b"</destination_status><status>New</status></format></response>",
    "format-without-id": b"<response><id>1</id><status>New</status><format><status>New"
    b"</status></format></response>",
    "attribute": b'<response><id a="1">1</id><status>New</status></response>',
    "xsi-type-same": b'<response xmlns:xsi="' + XSI.encode() + b'"><id xsi:type="DigitString">'
    b"1</id><status>New</status></response>",
    "query": example("query.xml"),
    "query-shuffled": shuffle(example("query.xml"), 2),
    "query-unknown": example("query.xml").replace(b"</query>", b"<client/></query>"),
    "query-token-and-key": b"<query><userid>1</userid><userkey>k</userkey><oidc_refresh_token>"
    b"t</oidc_refresh_token><action>GetStatus</action><mediaid>1</mediaid></query>",
    "query-no-credentials": b"<query><action>GetStatus</action><mediaid>1</mediaid></query>",
    "query-two-mediaids": b"<query><mediaid>1</mediaid><oidc_refresh_token>t</oidc_refresh_token>"
    b"<action>GetStatus</action><mediaid>1</mediaid></query>",
}


def strict_decode(data: bytes) -> object:
    if etree.fromstring(data).tag == "query":
        return decode_query(data, strict=True)
    return decode_response(data, strict=True)


@pytest.mark.parametrize("name", sorted(DIFFERENTIAL))
def test_strict_verdict_is_the_any_order_schema_verdict(name: str) -> None:
    data = DIFFERENTIAL[name]
    try:
        strict_decode(data)
        strict = True
    except SchemaViolationError:
        strict = False
    assert strict == any_order_ok(data)


@pytest.mark.parametrize("name", sorted(DIFFERENTIAL))
def test_default_mode_differs_from_strict_only_by_unknown_elements(name: str) -> None:
    data = DIFFERENTIAL[name]
    if name.startswith("query"):
        assert outcome(decode_response, data)[0] == "SchemaViolationError"  # not a reply
        return
    default = outcome(decode_response, data)
    strict = outcome(strict_decode, data)
    if default[0] == "ok" and not all_extras(decode_response(data)):
        assert strict == default
    elif default[0] == "ok":
        refused = violations_of(data, strict=True)
        assert [v.message for v in refused] == [
            f"unknown element '{u.tag}'" for u in all_extras(decode_response(data))
        ]
    elif default[0] == "SchemaViolationError":
        assert set(violations_of(data)) <= set(violations_of(data, strict=True))
    else:
        assert strict == default


# --------------------------------------------------------------------- text fidelity


def test_comment_inside_text_does_not_truncate_it() -> None:
    data = (
        b"<response><id>1</id><status>Fin<!-- x -->ished</status>"
        b"<description>a<!--1-->b<!--2-->c</description><zz>u<!-- -->v</zz></response>"
    )
    reply = decode_response(data)
    assert (reply.status, reply.description) == ("Finished", "abc")
    assert reply.extra == [UnknownElement(tag="zz", text="uv")]


def test_processing_instruction_inside_text_does_not_truncate_it() -> None:
    data = b"<response><id>1</id><status>Fin<?pi x?>ished</status></response>"
    assert decode_response(data).status == "Finished"


def test_cdata_is_text() -> None:
    data = (
        b"<response><id>1</id><status>New</status><description><![CDATA[a < b & c]]>"
        b"</description></response>"
    )
    reply = decode_response(data)
    assert reply.description == "a < b & c"
    assert b"<description>a &lt; b &amp; c</description>" in encode_response(reply)
    assert decode_response(encode_response(reply)) == reply


def test_carriage_return_survives_encode_and_decode() -> None:
    reply = decode_response(
        b"<response><id>1</id><status>New</status><description>a&#13;b&#13;&#10;c"
        b"</description></response>"
    )
    assert reply.description == "a\rb\r\nc"
    encoded = encode_response(reply)
    assert b"a&#13;b&#13;\nc" in encoded
    assert decode_response(encoded) == reply
    # A raw carriage return is a line end, which XML normalizes:
    raw = decode_response(b"<response><id>1</id><status>New</status><description>a\r\nb\rc"
                          b"</description></response>")  # fmt: skip
    assert raw.description == "a\nb\nc"


def test_carriage_return_in_extras_survives() -> None:
    reply = Response(
        id="1",
        status="New",
        extra=[UnknownElement(tag="x", text="a\rb", attributes={"k": "1\r2\n3\t4"}, tail="")],
    )
    assert decode_response(encode_response(reply)) == reply


def test_unicode_and_escapes_survive() -> None:
    text = "Résumé 第1回 & <tag> \"quoted\" 'single' \U0001f600 ]]>"
    reply = Response(id="1", status="New", description=text, sourcefile="a?b=1&c=2")
    assert decode_response(encode_response(reply)) == reply


@pytest.mark.parametrize(
    "reply",
    [
        Response(id="1", status="New\x01"),
        Response(id="1", status="New", description="nul\x00"),
        Response(id="1", status="New", description="\x1b[31m"),
        Response(id="1", status="New", description="lone \ud800 surrogate"),
        Response(id="1", status="New", description="not a character \ufffe"),
        Response(id="1", status="New", extra=[UnknownElement(tag="x", text="\x07")]),
        Response(id="1", status="New", extra=[UnknownElement(tag="x", attributes={"a": "\x02"})]),
        Response(id="1", status="New", extra=[UnknownElement(tag="1bad")]),
        Response(id="1", status="New", extra=[UnknownElement(tag="")]),
        Response(job=[Job(id="1", status="New", format=[Format(id="2", status="\x0c")])]),
    ],
    ids=[
        "status",
        "nul",
        "escape",
        "surrogate",
        "fffe",
        "extra-text",
        "extra-attribute",
        "extra-bad-name",
        "extra-empty-name",
        "nested-format",
    ],
)
def test_control_characters_cannot_be_encoded(reply: Response) -> None:
    with pytest.raises(EncodeError) as caught:
        encode_response(reply)
    assert isinstance(caught.value, CodecError)


def test_encode_refuses_other_objects() -> None:
    with pytest.raises(TypeError):
        encode_response(Query(mediaid="1"))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        encode_query(Response(id="1", status="New"))  # type: ignore[arg-type]


# ------------------------------------------------ everything the schema knows is valid


def one(field: bytes) -> bytes:
    return b"<response><id>1</id><status>New</status>" + field + b"</response>"


def in_format(field: bytes) -> bytes:
    return one(b"<format><id>2</id><status>New</status>" + field + b"</format>")


VALID_VALUES = {
    "leap-day": one(b"<created>2016-02-29 10:00:00</created>"),
    "leap-day-2000": one(b"<created>2000-02-29 00:00:00</created>"),
    "zero-date": one(b"<created>0000-00-00 00:00:00</created>"),
    "empty-date": one(b"<created></created>"),
    "year-1": one(b"<started>0001-01-01 00:00:00</started>"),
    "end-of-year": one(b"<finished>9999-12-31 23:59:59</finished>"),
    "progress-100": one(b"<progress>100</progress>"),
    "progress-100.0": one(b"<progress>100.0</progress>"),
    "progress-0.0": one(b"<progress>0.0</progress>"),
    "progress-99.3": one(b"<progress>99.3</progress>"),
    "count-0": one(b"<time_left>0</time_left>"),
    "count-big": one(b"<filesize>99999999999999999999</filesize>"),
    "id-leading-zero": b"<response><id>007</id><status>New</status></response>",
    "status-unknown-word": b"<response><id>1</id><status>Transcoding</status></response>",
    "empty-text": one(b"<prevstatus/>"),
    "format-queued-empty": in_format(b"<queued/>"),
}


@pytest.mark.parametrize("name", sorted(VALID_VALUES))
def test_valid_values_decode(name: str) -> None:
    decode_response(VALID_VALUES[name], strict=True)


INVALID_VALUES = {
    # name: (document, path, message)
    "not-a-leap-year": (
        one(b"<created>2015-02-29 00:00:00</created>"),
        "/response/created",
        "'2015-02-29 00:00:00' is not a valid date (YYYY-MM-DD HH:MM:SS)",
    ),
    "century-not-leap": (one(b"<created>1900-02-29 00:00:00</created>"), "/response/created", ""),
    "april-31": (one(b"<started>2016-04-31 00:00:00</started>"), "/response/started", ""),
    "month-13": (one(b"<finished>2016-13-01 00:00:00</finished>"), "/response/finished", ""),
    "hour-24": (one(b"<downloaded>2016-01-01 24:00:00</downloaded>"), "/response/downloaded", ""),
    "iso-t": (one(b"<uploaded>2016-01-01T00:00:00</uploaded>"), "/response/uploaded", ""),
    "date-only": (one(b"<created>2016-01-01</created>"), "/response/created", ""),
    "year-0": (one(b"<created>0000-01-01 00:00:00</created>"), "/response/created", ""),
    "format-date": (
        in_format(b"<queued>yesterday</queued>"),
        "/response/format[1]/queued",
        "'yesterday' is not a valid date (YYYY-MM-DD HH:MM:SS)",
    ),
    "progress-text": (
        one(b"<progress>abc</progress>"),
        "/response/progress",
        "'abc' is not a valid percentage",
    ),
    "progress-over-100": (
        one(b"<progress>100.5</progress>"),
        "/response/progress",
        "'100.5' is not a valid percentage",
    ),
    "progress-two-digits": (
        one(b"<progress>99.35</progress>"),
        "/response/progress",
        "'99.35' is not a valid percentage",
    ),
    "progress-negative": (one(b"<progress>-1</progress>"), "/response/progress", ""),
    "progress-exponent": (one(b"<progress>1e2</progress>"), "/response/progress", ""),
    "progress-nan": (one(b"<progress>NaN</progress>"), "/response/progress", ""),
    "progress-underscore": (one(b"<progress>1_0</progress>"), "/response/progress", ""),
    "progress-empty": (one(b"<progress/>"), "/response/progress", ""),
    "count-text": (
        one(b"<time_left>soon</time_left>"),
        "/response/time_left",
        "'soon' is not a valid non-negative integer",
    ),
    "count-negative": (one(b"<time_left>-1</time_left>"), "/response/time_left", ""),
    "count-decimal": (one(b"<filesize>1.0</filesize>"), "/response/filesize", ""),
    "count-underscore": (one(b"<filesize>1_000</filesize>"), "/response/filesize", ""),
    "count-arabic-digits": (
        one("<queue_time>\u0661\u0662</queue_time>".encode()),
        "/response/queue_time",
        "",
    ),
    "count-empty": (one(b"<time_left_current/>"), "/response/time_left_current", ""),
    "format-count": (
        in_format(b"<convertedsize>big</convertedsize>"),
        "/response/format[1]/convertedsize",
        "'big' is not a valid non-negative integer",
    ),
    "id-text": (
        b"<response><id>x1</id><status>New</status></response>",
        "/response/id",
        "'x1' is not a valid id (digits only)",
    ),
    "id-empty": (b"<response><id/><status>New</status></response>", "/response/id", ""),
    "id-space": (b"<response><id> 1</id><status>New</status></response>", "/response/id", ""),
    "status-empty": (
        b"<response><id>1</id><status/></response>",
        "/response/status",
        "'' is not a valid status word",
    ),
    "format-id-text": (
        one(b"<format><id>a</id><status>New</status></format>"),
        "/response/format[1]/id",
        "",
    ),
    "child-in-simple": (one(b"<progress>1<b/></progress>"), "/response/progress", ""),
    "attribute": (
        b'<response><id a="1">1</id><status>New</status></response>',
        "/response/id",
        "The attribute 'a' is not allowed",
    ),
    "xsi-type-other": (
        b'<response xmlns:xsi="' + XSI.encode() + b'" xmlns:xs="http://www.w3.org/2001/XMLSchema">'
        b'<id>1</id><status>New</status><time_left xsi:type="xs:string">x</time_left></response>',
        "/response/time_left",
        "",
    ),
    "xsi-nil": (
        b'<response xmlns:xsi="' + XSI.encode() + b'"><id>1</id><status>New</status>'
        b'<progress xsi:nil="true"/></response>',
        "/response/progress",
        "",
    ),
}


@pytest.mark.parametrize("name", sorted(INVALID_VALUES))
def test_invalid_values_are_refused_in_every_mode(name: str) -> None:
    data, path, message = INVALID_VALUES[name]
    for options in ({}, {"strict": True}, {"all_errors": True}):
        violations = violations_of(data, **options)
        found = [v for v in violations if v.path == path]
        assert found, (options, violations)
        assert found[0].line == 1
        if message:
            assert found[0].message == message, options


def test_xsdata_alone_would_accept_a_bad_value() -> None:
    """Why validation is needed: xsdata's parser takes 'abc' for a percentage."""
    from xsdata.formats.dataclass.parsers import XmlParser

    with pytest.warns(Warning):
        reply = XmlParser().from_bytes(one(b"<progress>abc</progress>"), Response)
    assert reply.progress == "abc"
    with pytest.raises(SchemaViolationError):
        decode_response(one(b"<progress>abc</progress>"))


STRUCTURE_ERRORS = {
    "no-status": b"<response><id>1</id></response>",
    "no-id": b"<response><status>New</status></response>",
    "two-ids": b"<response><id>1</id><id>2</id><status>New</status></response>",
    "shapes-mixed": b"<response><id>1</id><status>New</status><job><id>2</id>"
    b"<status>New</status></job></response>",
    "errors-and-fields": b"<response><id>1</id><status>New</status><errors><error>x</error>"
    b"</errors></response>",
    "empty-errors": b"<response><errors/></response>",
    "empty-reply": b"<response/>",
    "job-without-status": b"<response><job><id>2</id></job></response>",
    "mixed-text": b"<response>hello<id>1</id><status>New</status></response>",
}


@pytest.mark.parametrize("name", sorted(STRUCTURE_ERRORS))
def test_structure_errors_are_refused(name: str) -> None:
    data = STRUCTURE_ERRORS[name]
    for options in ({}, {"strict": True}, {"all_errors": True}):
        with pytest.raises(SchemaViolationError):
            decode_response(data, **options)


def test_a_known_element_in_the_wrong_block_is_unknown_there() -> None:
    data = in_format(b"<stream><sub_path/><format><id>3</id><status>x</status></format></stream>")
    fmt = decode_response(data).format[0]
    assert fmt.stream == [Stream(sub_path="")]
    assert [u.tag for u in fmt.extra] == ["format"]
    assert violations_of(data, strict=True)[0].path == "/response/format[1]/stream[1]/format"


@pytest.mark.parametrize("root", [b"<query/>", b"<Response/>", b'<response xmlns="urn:x"/>'])
def test_wrong_root_is_refused(root: bytes) -> None:
    with pytest.raises(SchemaViolationError) as caught:
        decode_response(root)
    assert caught.value.violations[0].message == "expected root element 'response'"
    assert caught.value.violations[0].line == 1


# ------------------------------------------------------------------------ error reports

MULTI_LINE = b"""<?xml version="1.0"?>
<response>
  <job>
    <id>101</id>
    <status>Finished</status>
  </job>
  <job>
    <id>102</id>
    <status>Processing</status>
    <format>
      <id>5</id>
      <status>Processing</status>
      <progress>abc</progress>
    </format>
  </job>
</response>
"""


@pytest.mark.parametrize("all_errors", [False, True])
def test_message_names_path_line_and_reason(all_errors: bool) -> None:
    with pytest.raises(SchemaViolationError) as caught:
        decode_response(MULTI_LINE, all_errors=all_errors)
    error = caught.value
    expected = "/response/job[2]/format[1]/progress, line 13: 'abc' is not a valid percentage"
    assert str(error) == expected
    assert error.violations == [
        Violation("/response/job[2]/format[1]/progress", 13, "'abc' is not a valid percentage")
    ]
    assert error.line == 13


def test_line_numbers_are_those_of_the_input_after_reordering() -> None:
    data = b"""<response>
<progress>abc</progress>
<status>New</status>
<id>1</id>
<format>
<progress>200</progress>
<status>New</status>
<id>2</id>
</format>
</response>"""
    for all_errors in (False, True):
        violations = violations_of(data, all_errors=all_errors)
        assert sorted((v.path, v.line) for v in violations) == [
            ("/response/format[1]/progress", 6),
            ("/response/progress", 2),
        ]


THREE_BAD = one(
    b"<created>2015-02-29 00:00:00</created><time_left>soon</time_left><progress>abc</progress>"
)


def test_all_errors_lists_every_violation() -> None:
    violations = violations_of(THREE_BAD, all_errors=True)
    assert sorted(str(v) for v in violations) == [
        "/response/created, line 1: '2015-02-29 00:00:00' is not a valid date"
        " (YYYY-MM-DD HH:MM:SS)",
        "/response/progress, line 1: 'abc' is not a valid percentage",
        "/response/time_left, line 1: 'soon' is not a valid non-negative integer",
    ]
    with pytest.raises(SchemaViolationError) as caught:
        decode_response(THREE_BAD, all_errors=True)
    assert str(caught.value).endswith(" (and 2 more)")


def test_default_gives_at_least_the_first_violation() -> None:
    violations = violations_of(THREE_BAD)
    assert 1 <= len(violations) <= 3
    assert all(v.path in {"/response/created", "/response/time_left", "/response/progress"}
               for v in violations)  # fmt: skip


def test_all_errors_finds_what_libxml2_leaves_out() -> None:
    """libxml2 reports only the first content problem under an element; all_errors more."""
    data = b"<response><job><status>New</status><progress>abc</progress></job></response>"
    default = violations_of(data)
    listed = violations_of(data, all_errors=True)
    assert len(listed) > len(default) == 1
    assert ("/response/job[1]/progress", "'abc' is not a valid percentage") in [
        (v.path, v.message) for v in listed
    ]


def test_all_errors_lists_unknown_elements_and_value_errors_in_strict_mode() -> None:
    data = one(b"<zz/><progress>abc</progress><yy/>")
    violations = violations_of(data, strict=True, all_errors=True)
    assert [str(v) for v in violations] == [
        "/response/zz, line 1: unknown element 'zz'",
        "/response/yy, line 1: unknown element 'yy'",
        "/response/progress, line 1: 'abc' is not a valid percentage",
    ]


def test_violation_fields_and_text() -> None:
    violation = Violation("/response/progress", 3, "'abc' is not a valid percentage")
    assert (violation.path, violation.line, violation.message) == (
        "/response/progress",
        3,
        "'abc' is not a valid percentage",
    )
    assert str(violation) == "/response/progress, line 3: 'abc' is not a valid percentage"
    assert str(Violation("/response", None, "bad")) == "/response: bad"
    with pytest.raises(dataclasses.FrozenInstanceError):
        violation.line = 4  # type: ignore[misc]


def test_single_job_path_carries_its_position() -> None:
    data = b"<response><job><id>1</id><status>New</status><time_left>x</time_left></job></response>"
    assert violations_of(data)[0].path == "/response/job[1]/time_left"


def test_errors_pickle_with_their_violations() -> None:
    with pytest.raises(SchemaViolationError) as caught:
        decode_response(THREE_BAD, all_errors=True)
    error = caught.value
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is SchemaViolationError
    assert (str(again), again.violations, again.line) == (str(error), error.violations, error.line)
    malformed = pickle.loads(pickle.dumps(MalformedXMLError("bad", line=3)))
    assert (type(malformed), str(malformed), malformed.line) == (MalformedXMLError, "bad", 3)


# ---------------------------------------------------------------------------- queries


def test_build_query_with_user_id_and_key() -> None:
    query = build_query(40311, "secret", [101, 102], extended=True)
    assert query == Query(
        userid="40311",
        userkey="secret",
        action=Action.GET_STATUS,
        mediaid="101,102",
        extended=YesNo.YES,
    )
    assert encode_query(query) == (
        b'<?xml version="1.0" encoding="UTF-8"?>\n<query><userid>40311</userid>'
        b"<userkey>secret</userkey><action>GetStatus</action><mediaid>101,102</mediaid>"
        b"<extended>yes</extended></query>\n"
    )
    assert decode_query(encode_query(query)) == query
    assert decode_query(example("query.xml")) == query


def test_build_query_with_an_oidc_refresh_token() -> None:
    query = build_query(media_ids=7, oidc_refresh_token="tok")
    assert (query.userid, query.userkey, query.oidc_refresh_token) == (None, None, "tok")
    assert b"<oidc_refresh_token>tok</oidc_refresh_token><action>" in encode_query(query)
    assert decode_query(encode_query(query)) == query


@pytest.mark.parametrize(
    "arguments",
    [
        {"userid": 1, "userkey": "k", "oidc_refresh_token": "tok"},
        {"userid": 1, "oidc_refresh_token": "tok"},
        {},
        {"userid": 1},
        {"userkey": "k"},
        {"oidc_refresh_token": ""},
        {"userid": 0, "userkey": "k"},
        {"userid": "abc", "userkey": "k"},
        {"userid": True, "userkey": "k"},
        {"userid": 1, "userkey": ""},
        {"userid": 1, "userkey": "k\x00"},
    ],
    ids=[
        "both",
        "token-and-userid",
        "neither",
        "no-key",
        "no-userid",
        "empty-token",
        "userid-0",
        "userid-text",
        "userid-bool",
        "empty-key",
        "control-character",
    ],
)
def test_build_query_refuses_bad_credentials(arguments: dict[str, object]) -> None:
    with pytest.raises(InvalidQueryError) as caught:
        build_query(media_ids=[1], **arguments)  # type: ignore[arg-type]
    assert isinstance(caught.value, ValueError) and isinstance(caught.value, CodecError)
    assert str(caught.value)


@pytest.mark.parametrize(
    "media_ids",
    [[], (), "", "abc", 0, "0", [0], -5, "0101", "1,,2", "101,", ",101", "101, 102", "1.5",
     True, [True], False, [1.5], [None], None, b"101", "\u0661", 1.0],
)  # fmt: skip
def test_build_query_refuses_bad_media_ids(media_ids: object) -> None:
    with pytest.raises(InvalidQueryError) as caught:
        build_query(1, "k", media_ids)  # type: ignore[arg-type]
    assert isinstance(caught.value, ValueError)
    assert "media id" in str(caught.value) or "no media id" in str(caught.value)


@pytest.mark.parametrize(
    ("media_ids", "expected"),
    [
        (101, "101"),
        ("101", "101"),
        ("101,102,103", "101,102,103"),
        ([101, 102], "101,102"),
        (["101", 102], "101,102"),
        (("101,102", 103), "101,102,103"),
        (iter([5, 6]), "5,6"),
    ],
)
def test_build_query_accepts_ids_in_every_form(media_ids: object, expected: str) -> None:
    assert build_query(1, "k", media_ids).mediaid == expected  # type: ignore[arg-type]


def test_build_query_flags() -> None:
    plain = build_query(1, "k", 5)
    assert (plain.extended, plain.include_task_status, plain.include_qc_task_status) == (
        None,
        None,
        None,
    )
    assert b"extended" not in encode_query(plain)
    flagged = build_query(
        1, "k", 5, extended=True, include_task_status=True, include_qc_task_status=False
    )
    assert (flagged.extended, flagged.include_task_status, flagged.include_qc_task_status) == (
        YesNo.YES,
        YesNo.YES,
        YesNo.NO,
    )
    assert encode_query(flagged).endswith(
        b"<extended>yes</extended><include_task_status>yes</include_task_status>"
        b"<include_qc_task_status>no</include_qc_task_status></query>\n"
    )
    assert decode_query(encode_query(flagged)) == flagged


def test_form_body_is_the_urlencoded_query_document() -> None:
    query = build_query(40311, "s3cr&t key=é+", "101,102", extended=True)
    body = form_body(query)
    assert isinstance(body, bytes)
    body.decode("ascii")  # urlencoded: ASCII only
    document = encode_query(query).decode("utf-8")
    assert body == b"xml=" + urllib.parse.quote_plus(document).encode("ascii")
    assert urllib.parse.parse_qs(body.decode("ascii"), strict_parsing=True) == {"xml": [document]}
    assert decode_query(urllib.parse.parse_qs(body.decode())["xml"][0].encode()) == query


def test_decode_query_validates() -> None:
    bad = example("query.xml").replace(b"GetStatus", b"GetMediaInfo")
    with pytest.raises(SchemaViolationError) as caught:
        decode_query(bad)
    assert caught.value.violations[0].path == "/query/action"
    with pytest.raises(SchemaViolationError):
        decode_query(example("plain.xml"))


# ------------------------------------------------------------------ threads, processes

THREAD_DOCUMENTS = [
    *(example(name) for name in REPLIES),
    MULTI_LINE,
    THREE_BAD,
    PLAIN_WITH_UNKNOWNS,
    shuffle(example("extended.xml"), 1),
    one(b"<progress>100.5</progress>"),
    b"<response><job><status>New</status></job></response>",
    b"<response><id>1</id>",
]


@pytest.mark.parametrize(
    "decoder", [Decoder(), Decoder(strict=True), Decoder(all_errors=True)], ids=repr
)
def test_a_decoder_shared_by_threads_gives_each_its_own_verdict(decoder: Decoder) -> None:
    expected = [outcome(decoder.decode_response, data) for data in THREAD_DOCUMENTS]
    assert {kind for kind, _ in expected} >= {"ok", "SchemaViolationError"}
    work = [i % len(THREAD_DOCUMENTS) for i in range(40 * len(THREAD_DOCUMENTS))]
    random.Random(7).shuffle(work)
    start = threading.Barrier(8)

    def run(chunk: list[int]) -> list[tuple[int, tuple[str, str]]]:
        start.wait()
        return [(i, outcome(decoder.decode_response, THREAD_DOCUMENTS[i])) for i in chunk]

    with ThreadPoolExecutor(8) as pool:
        results = pool.map(run, [work[k::8] for k in range(8)])
        for chunk in results:
            for i, got in chunk:
                assert got == expected[i]


def test_a_decoder_pickles() -> None:
    decoder = Decoder(strict=True, all_errors=True, max_bytes=1000)
    decoder.decode_response(example("errors.xml"))  # compiled schemas exist by now
    again = pickle.loads(pickle.dumps(decoder))
    assert again == decoder
    assert again.decode_response(example("errors.xml")) == decode_response(example("errors.xml"))


def test_a_decoder_works_in_spawned_worker_processes() -> None:
    decoder = Decoder(all_errors=True)
    context = multiprocessing.get_context("spawn")
    with context.Pool(2) as pool:
        replies = pool.map(decoder.decode_response, [example(name) for name in REPLIES])
        assert replies == [decode_response(example(name)) for name in REPLIES]
        failed = pool.apply_async(decoder.decode_response, (THREE_BAD,))
        with pytest.raises(SchemaViolationError) as caught:
            failed.get(timeout=60)
    assert len(caught.value.violations) == 3
    assert str(caught.value) == outcome(decoder.decode_response, THREE_BAD)[1]


def test_each_problem_is_one_line() -> None:
    (violation,) = violations_of(one(b"<progress>1\n2\t3</progress>"))
    assert violation.message == "'1\\n2\\t3' is not a valid percentage"
    with pytest.raises(MalformedXMLError) as caught:
        decode_response(b"<response><id>1</id><status>N\x00ew</status></response>")
    assert "\n" not in str(caught.value)


def test_a_long_bad_value_is_shortened_in_the_message() -> None:
    (violation,) = violations_of(one(b"<progress>" + b"9" * 100_000 + b"</progress>"))
    assert violation.message == f"'{'9' * 200}...' is not a valid percentage"


def test_paths_and_lines_of_errors_among_many_siblings() -> None:
    """Errors deep in a long reply are named by position and line (each found in constant
    time: naming thousands of them must not take quadratic time)."""
    bad = {3, 700, 2999}
    data = (
        b"<response>\n"
        + b"".join(
            b"<job>\n<id>%d</id>\n<status>New</status>\n%s</job>\n"
            % (i, b"<progress>abc</progress>\n" if i in bad else b"<zz/>\n")
            for i in range(1, 3001)
        )
        + b"</response>\n"
    )
    lines = data.decode().splitlines()
    for options in ({}, {"all_errors": True}, {"strict": True}):
        violations = [
            v for v in violations_of(data, **options) if v.message != "unknown element 'zz'"
        ]
        assert [v.path for v in violations] == [f"/response/job[{i}]/progress" for i in sorted(bad)]
        for violation, i in zip(violations, sorted(bad), strict=True):
            assert violation.line is not None
            assert lines[violation.line - 1] == "<progress>abc</progress>"
            assert lines[violation.line - 3] == f"<id>{i}</id>"


def test_decoder_validate() -> None:
    decoder = Decoder()
    decoder.validate(example("plain.xml"))
    decoder.validate(example("query.xml"), query=True)
    with pytest.raises(SchemaViolationError):
        decoder.validate(example("query.xml"))
    with pytest.raises(SchemaViolationError):
        decoder.validate(example("plain.xml"), query=True)
