"""The two XSD files, checked by three independent validators.

schema/getstatus.xsd (canonical order) and schema/getstatus-any-order.xsd (derived, any order)
are compiled by libxml2 (lxml), xmlschema and the JDK (javax.xml.validation, through
tests/jvm/XsdValidate.java, compiled once per session and run once for the whole corpus).

- every example and every shape of the facts file is valid in the any-order schema as received,
  and its canonical form (written by the codec) is valid in the canonical schema;
- documents breaking one rule each are invalid in both schemas;
- the any-order schema accepts valid documents with their children shuffled at every level,
  and on canonically ordered documents gives the canonical schema's verdict;
- both schemas are checked field by field: every optional field given twice, every required
  field left out, is invalid.
"""

from __future__ import annotations

import copy
import hashlib
import itertools
import random
import shutil
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from encodingcom_getstatus import decode_query, decode_response, encode_query, encode_response

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = {
    "canonical": ROOT / "schema" / "getstatus.xsd",
    "any-order": ROOT / "schema" / "getstatus-any-order.xsd",
}
EXAMPLES = sorted((ROOT / "examples").glob("*.xml"))
JAVA_SOURCE = Path(__file__).resolve().parent / "jvm" / "XsdValidate.java"
XS = "{http://www.w3.org/2001/XMLSchema}"

SHUFFLES_PER_DOCUMENT = 8


def xml(body: str) -> bytes:
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + body.encode("utf-8")


def safe_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def parse(data: bytes) -> etree._Element:
    return etree.fromstring(data, safe_parser())


def serialize(root: etree._Element) -> bytes:
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True)


def is_query(data: bytes) -> bool:
    return parse(data).tag == "query"


# ------------------------------------------------------------------ valid documents

# Written in canonical order: each is valid in both schemas exactly as written.
SHAPES: dict[str, str] = {
    "plain-minimal": "<response><id>1</id><status>New</status></response>",
    "plain-facts-example-with-format-ids": (
        "<response><id>1234</id><status>Finished</status><progress>100</progress>"
        "<format><id>1</id><status>Finished</status></format>"
        "<format><id>2</id><status>Finished</status></format></response>"
    ),
    "plain-every-media-field": (
        "<response><id>30919634</id><userid>40311</userid><version>2</version>"
        "<sourcefile>https://example.com/in.mov</sourcefile><status>Finished</status>"
        "<prevstatus></prevstatus><description></description>"
        "<notifyurl>https://hooks.example.com/n</notifyurl>"
        "<created>2016-01-29 19:32:32</created><started>2016-01-29 19:32:38</started>"
        "<finished>2016-01-29 19:40:12</finished><downloaded>2016-01-29 19:32:51</downloaded>"
        "<uploaded>2016-01-29 19:40:00</uploaded><time_left>0</time_left>"
        "<progress>100.0</progress><time_left_current>0</time_left_current>"
        "<progress_current>100</progress_current><filesize>104857600</filesize>"
        "<processor>AMAZON</processor><region>us-east-1</region>"
        "<format><id>93481882</id><status>Finished</status></format>"
        "<queue_time>3</queue_time></response>"
    ),
    "plain-reply-id-with-leading-zero": "<response><id>007</id><status>New</status></response>",
    "extended-one-job": (
        "<response><job><id>101</id><userid>40311</userid><status>Processing</status>"
        "<progress>61.5</progress><filesize>2147483648</filesize><processor>AMAZON</processor>"
        "<format><id>5001</id><status>Processing</status></format></job></response>"
    ),
    "extended-several-jobs": (
        "<response>"
        "<job><id>101</id><status>Finished</status>"
        "<format><id>1</id><status>Finished</status></format>"
        "<format><id>2</id><status>Finished</status></format><queue_time>4</queue_time></job>"
        "<job><id>102</id><status>Error</status><description>Bad source</description>"
        "<progress>50.0</progress></job>"
        "<job><id>103</id><status>New</status></job>"
        "</response>"
    ),
    "errors-facts-example": (
        "<response><errors><error>Wrong user id or key!</error></errors></response>"
    ),
    "errors-several": (
        "<response><errors><error>Wrong query format</error><error>No formats specified!</error>"
        "<error>Source file is not indicated!</error></errors></response>"
    ),
    "errors-with-empty-message": (
        "<response><errors><error>Wrong user id or key!</error></errors><message/></response>"
    ),
    "errors-with-message-text": (
        "<response><errors><error></error></errors><message>see the errors</message></response>"
    ),
    "destination-with-status": (
        "<response><id>1</id><status>Finished</status><format><id>2</id><status>Finished</status>"
        "<destination>s3://b/out.mp4</destination><destination_status>Saved</destination_status>"
        "</format></response>"
    ),
    "destination-without-status": (
        "<response><id>1</id><status>Processing</status><format><id>2</id>"
        "<status>Processing</status><destination>s3://b/out.mp4</destination></format></response>"
    ),
    "destinations-with-and-without-status": (
        "<response><id>1</id><status>Finished</status><format><id>2</id><status>Finished</status>"
        "<output>mp4</output>"
        "<destination>ftp://f.example.com/a.mp4</destination>"
        "<destination_status>Error (Connection refused)</destination_status>"
        "<destination>s3://b/a.mp4</destination>"
        "<destination>s3://b/c.mp4</destination><destination_status>Open</destination_status>"
        "<destination>s3://b/d.mp4</destination><destination_status/>"
        "<size>0x1080</size></format></response>"
    ),
    "zero-date": (
        "<response><id>1</id><status>New</status><created>2016-01-29 19:32:32</created>"
        "<started>0000-00-00 00:00:00</started><finished>0000-00-00 00:00:00</finished>"
        "<format><id>2</id><status>New</status><finished>0000-00-00 00:00:00</finished>"
        "<queued>0000-00-00 00:00:00</queued></format></response>"
    ),
    "empty-date": (
        "<response><id>1</id><status>New</status><started></started><finished/>"
        "<format><id>2</id><status>New</status><queued></queued></format></response>"
    ),
    "date-leap-day-2016": (
        "<response><id>1</id><status>New</status><created>2016-02-29 23:59:59</created></response>"
    ),
    "date-leap-day-2000": (
        "<response><id>1</id><status>New</status><created>2000-02-29 00:00:00</created></response>"
    ),
    "date-range-ends": (
        "<response><id>1</id><status>New</status><created>0001-01-01 00:00:00</created>"
        "<started>9999-12-31 23:59:59</started><finished>2016-04-30 12:00:00</finished></response>"
    ),
    **{
        f"progress-{value}": (
            f"<response><id>1</id><status>Waiting for encoder</status><progress>{value}</progress>"
            f"<progress_current>{value}</progress_current><format><id>2</id><status>New</status>"
            f"<progress>{value}</progress></format></response>"
        )
        for value in ("100", "100.0", "99.3", "0.0", "0")
    },
    "unicode-and-ampersand": (
        "<response><id>1</id><sourcefile>https://e.example/Résumé vidéo 第1回 🎬.mp4?a=1&amp;b=2"
        "</sourcefile><status>Error</status><description>Échec &lt;décodage&gt; &amp; «ошибка»"
        "</description><format><id>2</id><status>Error</status>"
        "<destination>s3://b/κ.mp4?x=1&amp;y=2</destination>"
        "<destination_status>Error (Zugriff verweigert &amp; 拒否)</destination_status>"
        "</format></response>"
    ),
    "open-status-vocabulary": (
        "<response><job><id>1</id><status>Waiting for encoder</status>"
        "<format><id>2</id><status>Stopped</status></format></job>"
        "<job><id>3</id><status>Some future word</status></job></response>"
    ),
    "format-nested-blocks": (
        "<response><id>1</id><status>Finished</status><format><id>2</id><status>Finished</status>"
        "<video_codec>libx264</video_codec><profile>high</profile>"
        "<VCodecParameters>no</VCodecParameters>"
        "<video_codec_parameters><coder>1</coder><flags>+loop</flags><psy>1</psy>"
        "</video_codec_parameters><audio_codec>dolby_aac</audio_codec>"
        "<drm-content-id></drm-content-id><drm-policy-file>p.json</drm-policy-file>"
        "<file_size>10</file_size>"
        "<audio_validation><stream_id>0</stream_id><state>ok</state></audio_validation>"
        "<audio_validation><stream_id>1</stream_id><high_freq_lfe>no</high_freq_lfe>"
        "</audio_validation>"
        "<stream><sub_path>hls/1</sub_path><size>1920x1080</size></stream><stream/>"
        "</format></response>"
    ),
    "query-facts-example": (
        "<query><userid>40311</userid><userkey>secret</userkey><action>GetStatus</action>"
        "<mediaid>101,102</mediaid><extended>yes</extended></query>"
    ),
    "query-oidc-refresh-token": (
        "<query><oidc_refresh_token>eyJhbGciOi.token</oidc_refresh_token>"
        "<action>GetStatus</action><mediaid>101</mediaid></query>"
    ),
    "query-every-flag": (
        "<query><userid>1</userid><userkey>k</userkey><action>GetStatus</action>"
        "<mediaid>1,20,300</mediaid><extended>no</extended>"
        "<include_task_status>yes</include_task_status>"
        "<include_qc_task_status>no</include_qc_task_status></query>"
    ),
}


# --------------------------------------------- documents built from the canonical schema


@dataclass(frozen=True)
class Field:
    """One element declared in a canonical sequence."""

    name: str
    type: str
    optional: bool
    repeated: bool
    pair: bool  # part of the repeated (destination, destination_status?) sequence


@cache
def canonical_schema_tree() -> etree._ElementTree:
    return etree.parse(str(SCHEMAS["canonical"]), safe_parser())


def fields_of(name: str) -> list[Field]:
    """The fields of a complex type or group of the canonical schema, in order."""
    schema = canonical_schema_tree().getroot()
    (node,) = schema.xpath(
        "xs:complexType[@name=$n] | xs:group[@name=$n]", n=name, namespaces={"xs": XS[1:-1]}
    )
    (sequence,) = node.iterfind(f"{XS}sequence")
    return list(_walk(sequence, pair=False))


def _walk(sequence: etree._Element, pair: bool) -> Iterator[Field]:
    for child in sequence:
        if child.tag == f"{XS}element":
            yield Field(
                child.get("name", ""),
                child.get("type", ""),
                child.get("minOccurs") == "0",
                child.get("maxOccurs") == "unbounded",
                pair,
            )
        elif child.tag == f"{XS}sequence":
            yield from _walk(child, pair=True)
        elif child.tag != f"{XS}annotation":
            raise AssertionError(f"unexpected particle {child.tag} in a canonical sequence")


SAMPLE_VALUES = {
    "Text": "text & more",
    "DigitString": "12345",
    "StatusWord": "Finished",
    "DateTime": "2016-01-29 19:32:32",
    "Percentage": "12.5",
    "Count": "42",
}
COMPLEX_TYPES = {"Format", "VideoCodecParameters", "AudioValidation", "Stream"}


def add_value(parent: etree._Element, field: Field) -> etree._Element:
    """Append ``field`` to ``parent`` with a sample value (complex blocks stay empty)."""
    child = etree.SubElement(parent, field.name)
    if field.type not in COMPLEX_TYPES:
        child.text = SAMPLE_VALUES[field.type]
    return child


def fill(parent: etree._Element, type_name: str, full: bool = True) -> etree._Element:
    """Give ``parent`` the fields of ``type_name`` in canonical order: all of them (repeated
    ones twice, the second time with required fields only), or only the required ones."""
    fields = fields_of(type_name)
    pair = [f for f in fields if f.pair]
    for field in fields:
        if field.optional and not full:
            continue
        if pair and field is pair[0]:  # one full pair, then a destination without status
            for with_status in (True, False):
                etree.SubElement(parent, pair[0].name).text = f"s3://b/{with_status}.mp4"
                if with_status:
                    etree.SubElement(parent, pair[1].name).text = "Saved"
        elif field.pair:
            continue
        else:
            child = add_value(parent, field)
            if field.type in COMPLEX_TYPES:
                fill(child, field.type, full)
            if field.repeated:
                second = add_value(parent, field)
                if field.type in COMPLEX_TYPES:
                    fill(second, field.type, full=False)
    return parent


def every_field_plain() -> etree._Element:
    return fill(etree.Element("response"), "MediaFields")


def every_field_extended() -> etree._Element:
    return fill(etree.SubElement(etree.Element("response"), "job"), "MediaFields").getparent()


FULL_DOCUMENTS: dict[str, Callable[[], etree._Element]] = {
    "every-field-plain": every_field_plain,
    "every-field-extended": every_field_extended,
}


# ----------------------------------------------------------------- broken documents


@dataclass(frozen=True)
class Broken:
    id: str
    body: str
    order_dependent: bool = False  # a shuffled copy may become valid


def response(inner: str) -> str:
    return f"<response>{inner}</response>"


def media(inner: str) -> str:
    """A plain reply: id, status, then ``inner``."""
    return response(f"<id>1</id><status>New</status>{inner}")


def fmt(inner: str) -> str:
    """A plain reply with one format whose fields after status are ``inner``."""
    return media(f"<format><id>2</id><status>New</status>{inner}</format>")


def query(credentials: str, rest: str = "<action>GetStatus</action><mediaid>1</mediaid>") -> str:
    return f"<query>{credentials}{rest}</query>"


USER = "<userid>40311</userid><userkey>secret</userkey>"

BROKEN: list[Broken] = [
    # media fields
    Broken("two-ids", response("<id>1</id><id>2</id><status>New</status>")),
    Broken("no-id", response("<status>New</status>")),
    Broken("no-status", response("<id>1</id>")),
    Broken("two-statuses", response("<id>1</id><status>New</status><status>New</status>")),
    Broken("empty-status", response("<id>1</id><status/>")),
    Broken("id-not-digits", response("<id>12a</id><status>New</status>")),
    Broken("empty-id", response("<id></id><status>New</status>")),
    Broken("two-progress", media("<progress>1</progress><progress>2</progress>")),
    Broken("empty-response", response("")),
    Broken("job-two-ids", response("<job><id>1</id><id>2</id><status>New</status></job>")),
    Broken("job-no-status", response("<job><id>1</id></job>")),
    Broken(
        "job-two-progress",
        response(
            "<job><id>1</id><status>New</status><progress>1</progress><progress>2</progress></job>"
        ),
    ),
    Broken("job-empty", response("<job/>")),
    # formats
    Broken("format-two-ids", media("<format><id>1</id><id>2</id><status>New</status></format>")),
    Broken(
        "format-no-id-facts-example",
        response(
            "<id>1234</id><status>Finished</status><progress>100</progress>"
            "<format><status>Finished</status></format><format><status>Finished</status></format>"
        ),
    ),
    Broken("format-no-status", media("<format><id>2</id></format>")),
    Broken("format-two-progress", fmt("<progress>1</progress><progress>2</progress>")),
    Broken(
        "job-format-two-ids",
        response(
            "<job><id>1</id><status>New</status>"
            "<format><id>2</id><id>3</id><status>New</status></format></job>"
        ),
    ),
    Broken(
        "job-format-two-outputs",
        response(
            "<job><id>1</id><status>New</status>"
            "<format><id>2</id><status>New</status><output>a</output><output>b</output></format></job>"
        ),
    ),
    Broken(
        "destination-status-without-destination",
        fmt("<output>mp4</output><destination_status>Saved</destination_status>"),
    ),
    Broken(
        "destination-status-before-its-destination",
        fmt("<destination_status>Saved</destination_status><destination>s3://b/a</destination>"),
        order_dependent=True,
    ),
    Broken(
        "two-statuses-for-one-destination",
        fmt(
            "<destination>s3://b/a</destination><destination_status>Saved</destination_status>"
            "<destination_status>Saved</destination_status>"
        ),
    ),
    Broken(
        "two-video-codec-parameters",
        fmt(
            "<video_codec_parameters><coder>1</coder></video_codec_parameters>"
            "<video_codec_parameters><coder>0</coder></video_codec_parameters>"
        ),
    ),
    Broken(
        "video-codec-parameters-two-coders",
        fmt("<video_codec_parameters><coder>1</coder><coder>0</coder></video_codec_parameters>"),
    ),
    Broken(
        "audio-validation-two-states",
        fmt("<audio_validation><state>a</state><state>b</state></audio_validation>"),
    ),
    Broken("stream-unknown-child", fmt("<stream><bitrate>1</bitrate></stream>")),
    # values
    Broken("date-with-t", media("<created>2016-01-29T19:32:32</created>")),
    Broken("date-without-time", media("<created>2016-01-29</created>")),
    Broken("date-one-digit-month", media("<created>2016-1-29 19:32:32</created>")),
    Broken("date-with-zone", media("<created>2016-01-29 19:32:32Z</created>")),
    Broken("date-2015-02-29", media("<created>2015-02-29 10:00:00</created>")),
    Broken("date-1900-02-29", media("<created>1900-02-29 10:00:00</created>")),
    Broken("date-april-31", media("<created>2016-04-31 10:00:00</created>")),
    Broken("date-month-13", media("<created>2016-13-01 10:00:00</created>")),
    Broken("date-hour-24", media("<created>2016-01-29 24:00:00</created>")),
    Broken("date-year-zero-not-unset", media("<created>0000-01-01 00:00:00</created>")),
    Broken("date-text", fmt("<queued>never</queued>")),
    Broken("time-left-abc", media("<time_left>abc</time_left>")),
    Broken("time-left-negative", media("<time_left>-1</time_left>")),
    Broken("time-left-empty", media("<time_left/>")),
    Broken("filesize-decimal", media("<filesize>1.5</filesize>")),
    Broken("converttime-abc", fmt("<converttime>abc</converttime>")),
    Broken("progress-100.5", media("<progress>100.5</progress>")),
    Broken("progress-5.15", media("<progress>5.15</progress>")),
    Broken("progress-101", media("<progress>101</progress>")),
    Broken("progress-negative", media("<progress>-0.1</progress>")),
    Broken("progress-abc", media("<progress>abc</progress>")),
    Broken("progress-empty", media("<progress></progress>")),
    Broken("format-progress-current-5.15", fmt("<progress_current>5.15</progress_current>")),
    # shapes
    Broken("plain-and-job-mixed", media("<job><id>2</id><status>New</status></job>")),
    Broken(
        "job-then-plain-fields",
        response("<job><id>2</id><status>New</status></job><id>1</id><status>New</status>"),
    ),
    Broken(
        "errors-and-job-mixed",
        response("<job><id>2</id><status>New</status></job><errors><error>x</error></errors>"),
    ),
    Broken(
        "errors-and-plain-mixed",
        response("<id>1</id><status>New</status><errors><error>x</error></errors>"),
    ),
    Broken("errors-without-error", response("<errors/>")),
    Broken(
        "two-errors-blocks",
        response("<errors><error>x</error></errors><errors><error>y</error></errors>"),
    ),
    Broken("two-messages", response("<errors><error>x</error></errors><message/><message/>")),
    Broken("message-without-errors", response("<message>x</message>")),
    # names and namespaces
    Broken("unknown-root", "<reply><id>1</id><status>New</status></reply>"),
    Broken(
        "foreign-namespace-root",
        '<response xmlns="urn:example"><id>1</id><status>New</status></response>',
    ),
    Broken(
        "prefixed-foreign-root",
        '<x:response xmlns:x="urn:example"><id>1</id><status>New</status></x:response>',
    ),
    Broken("foreign-namespace-child", media('<x:extra xmlns:x="urn:example">1</x:extra>')),
    Broken("foreign-namespace-child-in-format", fmt('<size xmlns="urn:example">1</size>')),
    Broken("unknown-element", media("<colour>blue</colour>")),
    Broken(
        "unknown-element-in-job",
        response("<job><id>1</id><status>New</status><colour>blue</colour></job>"),
    ),
    Broken("unknown-element-in-format", fmt("<colour>blue</colour>")),
    Broken(
        "unknown-element-in-errors", response("<errors><error>x</error><code>1</code></errors>")
    ),
    Broken("attribute-on-root", '<response version="2"><id>1</id><status>New</status></response>'),
    Broken("text-beside-elements", response("<id>1</id>stray text<status>New</status>")),
    # the query
    Broken(
        "query-userid-and-oidc-token", query(f"{USER}<oidc_refresh_token>t</oidc_refresh_token>")
    ),
    Broken("query-userid-without-userkey", query("<userid>40311</userid>")),
    Broken("query-userkey-without-userid", query("<userkey>secret</userkey>")),
    Broken("query-no-credentials", query("")),
    Broken("query-empty-userkey", query("<userid>40311</userid><userkey/>")),
    Broken("query-userid-zero", query("<userid>0</userid><userkey>k</userkey>")),
    Broken("query-userid-not-digits", query("<userid>me</userid><userkey>k</userkey>")),
    Broken("query-two-userids", query("<userid>1</userid><userid>2</userid><userkey>k</userkey>")),
    Broken("query-empty-oidc-token", query("<oidc_refresh_token/>")),
    Broken("query-no-action", query(USER, "<mediaid>1</mediaid>")),
    Broken("query-other-action", query(USER, "<action>AddMedia</action><mediaid>1</mediaid>")),
    Broken("query-no-mediaid", query(USER, "<action>GetStatus</action>")),
    Broken(
        "query-two-mediaids",
        query(USER, "<action>GetStatus</action><mediaid>1</mediaid><mediaid>2</mediaid>"),
    ),
    *(
        Broken(
            f"query-mediaid-{label}",
            query(USER, f"<action>GetStatus</action><mediaid>{value}</mediaid>"),
        )
        for label, value in (
            ("empty-item", "1,,2"),
            ("leading-zero", "01"),
            ("zero", "0"),
            ("space", "1, 2"),
            ("trailing-comma", "1,"),
            ("empty", ""),
        )
    ),
    *(
        Broken(
            f"query-{name}-{value}",
            query(USER, f"<action>GetStatus</action><mediaid>1</mediaid><{name}>{value}</{name}>"),
        )
        for name, value in (
            ("extended", "maybe"),
            ("extended", "Yes"),
            ("include_task_status", "1"),
        )
    ),
    Broken(
        "query-two-extended",
        query(
            USER,
            "<action>GetStatus</action><mediaid>1</mediaid><extended>yes</extended><extended>no</extended>",
        ),
    ),
    Broken(
        "query-unknown-element",
        query(USER, "<action>GetStatus</action><mediaid>1</mediaid><format>mp4</format>"),
    ),
]


# Field by field, from the canonical schema: each optional single field twice, each required
# field left out, in a small document (xmlschema is slow on large ones with the any-order
# schema). Contexts: the (element, type) chain under the root down to the changed element.
CONTEXTS: dict[str, list[tuple[str, str]]] = {
    "response": [],
    "job": [("job", "MediaFields")],
    "format": [("format", "Format")],
    "job-format": [("job", "MediaFields"), ("format", "Format")],
    "video_codec_parameters": [
        ("format", "Format"),
        ("video_codec_parameters", "VideoCodecParameters"),
    ],
    "audio_validation": [("format", "Format"), ("audio_validation", "AudioValidation")],
    "stream": [("format", "Format"), ("stream", "Stream")],
}


def with_field(chain: list[tuple[str, str]], name: str, count: int) -> bytes:
    """A minimal reply (required fields only) down ``chain``; in its last element, the field
    ``name`` appears ``count`` times, at its canonical place."""

    def build(parent: etree._Element, type_name: str, chain: list[tuple[str, str]]) -> None:
        for field in fields_of(type_name):
            if chain and field.name == chain[0][0]:
                build(etree.SubElement(parent, field.name), chain[0][1], chain[1:])
            elif not chain and field.name == name:
                for _ in range(count):
                    add_value(parent, field)
            elif not field.optional:
                add_value(parent, field)

    root = etree.Element("response")
    if chain and chain[0][0] == "job":
        build(etree.SubElement(root, "job"), "MediaFields", chain[1:])
    else:
        build(root, "MediaFields", chain)
    return serialize(root)


def single_fields() -> Iterator[tuple[str, list[tuple[str, str]], Field]]:
    for label, chain in CONTEXTS.items():
        type_name = chain[-1][1] if chain else "MediaFields"
        for field in fields_of(type_name):
            if not (field.repeated or field.pair):
                yield label, chain, field


def field_mutations() -> Iterator[tuple[str, bytes]]:
    for label, chain, field in single_fields():
        if field.optional:
            yield f"{label}-{field.name}-twice", with_field(chain, field.name, 2)
        else:
            yield f"{label}-{field.name}-missing", with_field(chain, field.name, 0)


@cache
def field_controls() -> dict[str, bytes]:
    """The same documents with the field once: valid, so the mutation alone breaks them."""
    return {
        f"{label}-{field.name}-once": with_field(chain, field.name, 1)
        for label, chain, field in single_fields()
    }


@cache
def broken_documents() -> dict[str, bytes]:
    documents = {case.id: xml(case.body) for case in BROKEN}
    documents.update(field_mutations())
    return documents


# -------------------------------------------------------------- document transforms


def shuffle(root: etree._Element, rng: random.Random) -> etree._Element:
    """A copy with the children of every element shuffled; each destination_status stays
    directly after the destination it belongs to."""
    root = copy.deepcopy(root)
    for element in root.iter():
        units: list[list[etree._Element]] = []
        for child in element:
            previous = units[-1][-1] if units else None
            glued = previous is not None and previous.tag == "destination"
            if child.tag == "destination_status" and glued:
                units[-1].append(child)
            else:
                units.append([child])
        rng.shuffle(units)
        for child in list(element):
            element.remove(child)
        for unit in units:
            element.extend(unit)
    return root


def shuffled_copies(data: bytes, seed: str) -> list[bytes]:
    rng = random.Random(seed)
    return [serialize(shuffle(parse(data), rng)) for _ in range(SHUFFLES_PER_DOCUMENT)]


def canonical_form(data: bytes) -> bytes:
    """The document as the codec writes it: canonical order."""
    if is_query(data):
        return encode_query(decode_query(data))
    return encode_response(decode_response(data))


def swap_first_pair(data: bytes) -> bytes | None:
    """A copy with the first two adjacent siblings of different names swapped (document
    order), or None. Destination pairs are left alone: their order is meaningful."""
    root = parse(data)
    for element in root.iter():
        children = list(element)
        for first, second in itertools.pairwise(children):
            paired = {first.tag, second.tag} & {"destination", "destination_status"}
            if first.tag != second.tag and not paired:
                first.addprevious(second)
                return serialize(root)
    return None


# ------------------------------------------------------------------------ the corpus


@cache
def valid_documents() -> dict[str, bytes]:
    """Every valid document, as received (examples) or as written (shapes, full documents)."""
    documents = {path.name: path.read_bytes() for path in EXAMPLES}
    documents.update({name: xml(body) for name, body in SHAPES.items()})
    documents.update({name: serialize(build()) for name, build in FULL_DOCUMENTS.items()})
    return documents


def canonically_written() -> dict[str, bytes]:
    """Valid documents already in canonical order (everything but the raw examples)."""
    examples = {path.name for path in EXAMPLES}
    return {k: v for k, v in valid_documents().items() if k not in examples}


def corpus() -> Iterator[bytes]:
    """Every document any test validates (the JDK validates them all in one run)."""
    for name, data in valid_documents().items():
        yield data
        yield from shuffled_copies(data, name)
        try:
            form = canonical_form(data)
        except Exception:  # the test of this document reports it
            continue
        yield form
        swapped = swap_first_pair(form)
        if swapped is not None:
            yield swapped
    yield from field_controls().values()
    for case in BROKEN:
        yield from shuffled_copies(xml(case.body), case.id)
    yield from broken_documents().values()
    yield from TRIVIAL.values()


TRIVIAL = {
    "valid": xml("<response><errors><error>x</error></errors></response>"),
    "invalid": xml("<nope/>"),
}


# ------------------------------------------------------------------------ validators


@dataclass(frozen=True)
class Verdict:
    valid: bool
    message: str = ""

    def __str__(self) -> str:
        return "valid" if self.valid else f"invalid: {self.message}"


class Libxml2:
    name = "libxml2"

    def __init__(self) -> None:
        self.schemas: dict[str, etree.XMLSchema] = {}

    def compile(self, kind: str) -> None:
        if kind not in self.schemas:
            tree = etree.parse(str(SCHEMAS[kind]), safe_parser())
            self.schemas[kind] = etree.XMLSchema(tree)

    def check(self, kind: str, data: bytes) -> Verdict:
        self.compile(kind)
        schema = self.schemas[kind]
        if schema.validate(parse(data)):
            return Verdict(True)
        return Verdict(False, str(schema.error_log[0]))  # the first error, not the last


class XmlSchema:
    name = "xmlschema"

    def __init__(self) -> None:
        self.schemas: dict[str, Any] = {}

    def compile(self, kind: str) -> None:
        import xmlschema

        if kind not in self.schemas:
            # a parsed tree, never a path string (xmlschema opens strings that look like paths)
            tree = etree.parse(str(SCHEMAS[kind]), safe_parser())
            self.schemas[kind] = xmlschema.XMLSchema10(tree.getroot())

    @cache  # noqa: B019 - one instance per session; slow on large any-order documents
    def check(self, kind: str, data: bytes) -> Verdict:
        self.compile(kind)
        error = next(iter(self.schemas[kind].iter_errors(parse(data))), None)
        if error is None:
            return Verdict(True)
        return Verdict(False, f"{error.reason} at {error.path}")


class Jdk:
    """javax.xml.validation through tests/jvm/XsdValidate.java: one JVM run per batch."""

    name = "jdk"

    def __init__(self, classes: Path, workdir: Path) -> None:
        self.classes = classes
        self.workdir = workdir
        self.verdicts: dict[tuple[str, bytes], Verdict] = {}

    def _run(self, tasks: list[tuple[str, Path | None]]) -> list[tuple[str, str]]:
        manifest = "".join(f"{SCHEMAS[kind]}\t{path or ''}\n" for kind, path in tasks)
        result = subprocess.run(
            ["java", "-cp", str(self.classes), "XsdValidate"],
            input=manifest.encode("utf-8"),
            capture_output=True,
            check=True,
            timeout=600,
        )
        lines = result.stdout.decode("utf-8").splitlines()
        assert len(lines) == len(tasks), result.stderr.decode("utf-8", "replace")
        verdicts = []
        for n, line in enumerate(lines):
            number, status, *message = line.split("\t", 2)
            assert int(number) == n, line
            verdicts.append((status, message[0] if message else ""))
        return verdicts

    def _file(self, data: bytes) -> Path:
        path = self.workdir / f"{hashlib.sha256(data).hexdigest()}.xml"
        if not path.exists():
            path.write_bytes(data)
        return path

    def compile(self, kind: str) -> None:
        ((status, message),) = self._run([(kind, None)])
        assert status == "COMPILED", f"{status}: {message}"

    def validate_all(self, documents: list[bytes]) -> None:
        """Validate every document against both schemas in one JVM run; keep the verdicts."""
        tasks = [
            (kind, data)
            for data in dict.fromkeys(documents)
            for kind in SCHEMAS
            if (kind, data) not in self.verdicts
        ]
        if not tasks:
            return
        results = self._run([(kind, self._file(data)) for kind, data in tasks])
        for task, (status, message) in zip(tasks, results, strict=True):
            assert status in ("VALID", "INVALID"), f"{status}: {message}"
            self.verdicts[task] = Verdict(status == "VALID", message)

    def check(self, kind: str, data: bytes) -> Verdict:
        if (kind, data) not in self.verdicts:  # not in the corpus: one more (slow) run
            self.validate_all([data])
        return self.verdicts[(kind, data)]


@pytest.fixture(scope="session")
def libxml2() -> Libxml2:
    return Libxml2()


@pytest.fixture(scope="session")
def xmlschema_validator() -> XmlSchema:
    return XmlSchema()


@pytest.fixture(scope="session")
def jdk(tmp_path_factory: pytest.TempPathFactory) -> Jdk:
    if shutil.which("java") is None or shutil.which("javac") is None:
        pytest.skip("java and javac are needed for the JDK validator")
    classes = tmp_path_factory.mktemp("jvm-classes")
    subprocess.run(["javac", "-d", str(classes), str(JAVA_SOURCE)], check=True, capture_output=True)
    validator = Jdk(classes, tmp_path_factory.mktemp("jvm-documents"))
    validator.validate_all(list(corpus()))
    return validator


VALIDATORS = {"libxml2": "libxml2", "xmlschema": "xmlschema_validator", "jdk": "jdk"}


@pytest.fixture(params=list(VALIDATORS))
def validator(request: pytest.FixtureRequest) -> Libxml2 | XmlSchema | Jdk:
    return request.getfixturevalue(VALIDATORS[request.param])


def assert_verdict(validator: Any, kind: str, data: bytes, valid: bool) -> None:
    verdict = validator.check(kind, data)
    assert verdict.valid is valid, (
        f"{validator.name}, {kind} schema: expected {'valid' if valid else 'invalid'}, "
        f"got {verdict}\n{data.decode('utf-8')}"
    )


# ---------------------------------------------------------------------------- tests


def test_canonical_schema_allows_validation_in_windows() -> None:
    """What validating long runs in windows (encodingcom_getstatus._crowded) relies on: a
    tree is valid exactly when each unit of a run is, beside one unit of each other run."""
    tree = etree.parse(str(SCHEMAS["canonical"]))
    particles = list(tree.iter(*(f"{XS}{n}" for n in ("element", "sequence", "choice", "group"))))
    # Every repeat unbounded, none required twice: one unit is as valid as N.
    assert {p.get("maxOccurs", "1") for p in particles} <= {"1", "unbounded"}
    assert {p.get("minOccurs", "1") for p in particles} <= {"0", "1"}
    for name in ("unique", "key", "keyref"):  # no constraint between siblings
        assert not list(tree.iter(f"{XS}{name}")), name
    types = {e.get("type") for e in tree.iter(f"{XS}element")}
    bases = {r.get("base") for r in tree.iter(f"{XS}restriction")}
    assert not ({"xs:ID", "xs:IDREF", "xs:IDREFS"} & (types | bases))


@pytest.mark.parametrize("kind", list(SCHEMAS))
def test_schema_compiles(validator: Any, kind: str) -> None:
    validator.compile(kind)
    assert_verdict(validator, kind, TRIVIAL["valid"], True)
    assert_verdict(validator, kind, TRIVIAL["invalid"], False)


def test_examples_cover_every_shape() -> None:
    names = {path.name for path in EXAMPLES}
    assert {"plain.xml", "extended.xml", "errors.xml", "query.xml"} <= names


VALID_IDS = list(valid_documents())


@pytest.mark.parametrize("name", VALID_IDS)
def test_valid_as_received_in_any_order_schema(validator: Any, name: str) -> None:
    assert_verdict(validator, "any-order", valid_documents()[name], True)


@pytest.mark.parametrize("name", VALID_IDS)
def test_canonical_form_valid_in_canonical_schema(validator: Any, name: str) -> None:
    form = canonical_form(valid_documents()[name])
    assert_verdict(validator, "canonical", form, True)


@pytest.mark.parametrize("name", list(canonically_written()))
def test_canonically_written_valid_in_both_schemas(validator: Any, name: str) -> None:
    for kind in SCHEMAS:
        assert_verdict(validator, kind, canonically_written()[name], True)


@pytest.mark.parametrize("name", ["plain.xml", "extended.xml"])
def test_example_out_of_order_is_invalid_in_canonical_schema(validator: Any, name: str) -> None:
    # these examples keep the order of real replies (prevstatus late, region before progress)
    assert_verdict(validator, "canonical", (ROOT / "examples" / name).read_bytes(), False)


def swappable() -> list[str]:
    """Valid documents with two siblings to swap (errors with one child have none)."""
    names = []
    for name, data in valid_documents().items():
        try:
            if swap_first_pair(canonical_form(data)) is None:
                continue
        except Exception:  # test_canonical_form_valid_in_canonical_schema reports it
            pass
        names.append(name)
    return names


@pytest.mark.parametrize("name", swappable())
def test_swapped_siblings_only_valid_in_any_order_schema(validator: Any, name: str) -> None:
    swapped = swap_first_pair(canonical_form(valid_documents()[name]))
    assert swapped is not None
    assert_verdict(validator, "canonical", swapped, False)
    assert_verdict(validator, "any-order", swapped, True)


@pytest.mark.parametrize("name", list(broken_documents()))
def test_broken_document_invalid_in_both_schemas(validator: Any, name: str) -> None:
    for kind in SCHEMAS:
        assert_verdict(validator, kind, broken_documents()[name], False)


@pytest.mark.parametrize("name", list(field_controls()))
def test_field_once_valid_in_both_schemas(validator: Any, name: str) -> None:
    for kind in SCHEMAS:
        assert_verdict(validator, kind, field_controls()[name], True)


def test_field_mutations_cover_every_context() -> None:
    names = list(dict(field_mutations()))
    for label in CONTEXTS:
        assert any(name.startswith(f"{label}-") for name in names), label
    assert "format-id-missing" in names
    assert "job-format-progress-twice" in names
    assert "format-video_codec_parameters-twice" in names


@pytest.mark.parametrize("name", VALID_IDS)
def test_any_order_schema_accepts_shuffled_copies(validator: Any, name: str) -> None:
    data = valid_documents()[name]
    copies = shuffled_copies(data, name)
    failures = [
        f"{verdict}\n{variant.decode('utf-8')}"
        for variant in copies
        if not (verdict := validator.check("any-order", variant)).valid
    ]
    assert not failures, f"{len(failures)} of {len(copies)} shuffled copies refused:\n" + (
        "\n".join(failures[:2])
    )


ORDER_FREE_BROKEN = [case.id for case in BROKEN if not case.order_dependent]


@pytest.mark.parametrize("name", ORDER_FREE_BROKEN)
def test_any_order_schema_refuses_shuffled_broken_copies(validator: Any, name: str) -> None:
    copies = shuffled_copies(broken_documents()[name], name)
    accepted = [variant for variant in copies if validator.check("any-order", variant).valid]
    assert not accepted, f"shuffled broken copy accepted:\n{accepted[0].decode('utf-8')}"


def test_shuffle_changes_order_and_keeps_pairs() -> None:
    data = valid_documents()["destinations-with-and-without-status"]
    copies = shuffled_copies(data, "check")
    assert any(variant != serialize(parse(data)) for variant in copies)
    for variant in copies:
        for status in parse(variant).iter("destination_status"):
            previous = status.getprevious()
            assert previous is not None and previous.tag == "destination"


def test_any_order_verdict_equals_canonical_verdict_on_canonical_order(validator: Any) -> None:
    documents = {
        **canonically_written(),
        **{f"canonical form of {k}": canonical_form(v) for k, v in valid_documents().items()},
        **broken_documents(),
    }
    disagreements = [
        f"{name}: canonical {canonical}, any-order {any_order}"
        for name, data in documents.items()
        if (canonical := validator.check("canonical", data)).valid
        != (any_order := validator.check("any-order", data)).valid
    ]
    assert not disagreements, "\n".join(disagreements)
    valid = sum(validator.check("canonical", data).valid for data in documents.values())
    assert 0 < valid < len(documents)  # both verdicts occur
