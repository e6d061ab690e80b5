"""Typed views (jobs, dates, numbers, statuses, destinations, API errors) and the JSON report,
checked exactly against issue 3 on the bundled examples and on hand-made replies."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from encodingcom_getstatus import (
    Destination,
    FormatStatus,
    JobStatus,
    Response,
    Status,
    UnknownElement,
    api_errors,
    decode_response,
    encode_response,
    jobs,
    to_report,
)
from encodingcom_getstatus.generated import Errors, Format, Job

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def reply(name: str) -> Response:
    return decode_response((EXAMPLES / name).read_bytes())


# ----------------------------------------------------------------------------- views


def test_plain_reply_is_one_typed_job() -> None:
    (job,) = jobs(reply("plain.xml"))
    assert isinstance(job, JobStatus)
    assert (job.id, job.status, job.description) == ("30919634", Status.FINISHED, None)
    assert job.created == datetime(2016, 1, 29, 19, 32, 32)
    assert job.started == datetime(2016, 1, 29, 19, 32, 38)
    assert job.finished == datetime(2016, 1, 29, 19, 40, 12)
    assert job.downloaded == datetime(2016, 1, 29, 19, 32, 51)
    assert job.uploaded is None  # absent
    assert job.progress == 100.0 and type(job.progress) is float
    assert job.time_left == 0 and type(job.time_left) is int
    assert (job.progress_current, job.time_left_current) == (None, None)
    assert job.raw.queue_time == 3 and job.raw.region == "us-east-1"
    first, second = job.formats
    assert isinstance(first, FormatStatus)
    assert (first.id, first.status, first.queued) == (
        "93481882",
        Status.FINISHED,
        datetime(2016, 1, 29, 19, 32, 40),
    )
    assert first.destinations == [Destination("s3://example-bucket/out/trailer_1080p.mp4", "Saved")]
    assert second.finished is None  # the zero date
    assert second.queued is None  # an empty date
    assert second.destinations == [
        Destination("ftp://user@ftp.example.com/thumbs/trailer.jpg", "Error (Connection refused)"),
        Destination("s3://example-bucket/thumbs/trailer.jpg", None),
    ]
    assert second.raw.output == "thumbnail"


def test_extended_reply_gives_one_typed_job_per_media() -> None:
    first, second = jobs(reply("extended.xml"))
    assert (first.id, first.status, first.finished) == ("101", Status.PROCESSING, None)
    assert first.progress == 61.5 and first.time_left == 95
    (fmt,) = first.formats
    assert (fmt.progress, fmt.time_left, fmt.queued) == (
        61.5,
        95,
        datetime(2026, 11, 29, 8, 0, 6),
    )
    assert type(fmt.progress) is float and type(fmt.time_left) is int
    assert fmt.destinations == [Destination("s3://bucket/out/101-1080p.mp4", "Open")]
    assert (second.id, second.status) == ("102", Status.ERROR)
    assert second.description == "Source file is corrupted & cannot be decoded"
    assert second.progress == 50.0
    assert second.formats[0].started is None
    assert second.formats[0].destinations == [Destination("s3://bucket/out/102.webm", None)]


def test_errors_reply_has_no_jobs_and_lists_the_api_errors() -> None:
    errors = reply("errors.xml")
    assert jobs(errors) == []
    assert api_errors(errors) == ["Wrong user id or key!"]
    assert api_errors(reply("plain.xml")) == []
    assert api_errors(reply("extended.xml")) == []
    several = decode_response(
        b"<response><errors><error>Wrong query format</error><error>No formats specified!</error>"
        b"</errors></response>"
    )
    assert api_errors(several) == ["Wrong query format", "No formats specified!"]


def test_jobs_are_the_same_for_plain_and_extended_replies() -> None:
    plain = (EXAMPLES / "plain.xml").read_bytes()
    root = etree.fromstring(plain)
    job = etree.SubElement(root, "job")
    for child in list(root):
        if child is not job:
            job.append(child)
    extended = etree.tostring(root)
    assert jobs(decode_response(extended)) == jobs(decode_response(plain))
    with_extra = plain.replace(b"<queue_time>", b"<lane>x</lane><queue_time>")
    (job_status,) = jobs(decode_response(with_extra))
    assert job_status.raw.extra == [UnknownElement(tag="lane", text="x")]


@pytest.mark.parametrize("word", [s.value for s in Status])
def test_known_status_words_are_enum_members(word: str) -> None:
    data = b"<response><id>1</id><status>%s</status><format><id>2</id><status>%s</status>"
    data += b"</format></response>"
    (job,) = jobs(decode_response(data % (word.encode(), word.encode())))
    assert job.status is Status(word) and job.formats[0].status is Status(word)


@pytest.mark.parametrize("word", ["Transcoding", "finished", "Queued for retry", " "])
def test_unknown_status_words_still_decode_as_text(word: str) -> None:
    data = b"<response><id>1</id><status>%s</status></response>" % word.encode()
    (job,) = jobs(decode_response(data))
    assert job.status == word
    assert type(job.status) is str and not isinstance(job.status, Status)


def test_dates_are_naive_datetimes_and_unset_dates_none() -> None:
    data = (
        b"<response><id>1</id><status>New</status><created>2016-02-29 23:59:59</created>"
        b"<started>0000-00-00 00:00:00</started><finished></finished></response>"
    )
    (job,) = jobs(decode_response(data))
    assert job.created == datetime(2016, 2, 29, 23, 59, 59) and job.created.tzinfo is None
    assert (job.started, job.finished, job.downloaded) == (None, None, None)


def test_progress_as_float_and_time_left_as_int() -> None:
    data = (
        b"<response><id>1</id><status>New</status><time_left> 42 </time_left>"
        b"<progress>7</progress><time_left_current>5</time_left_current>"
        b"<progress_current>99.9</progress_current></response>"
    )
    (job,) = jobs(decode_response(data))
    assert (job.progress, job.progress_current, job.time_left, job.time_left_current) == (
        7.0,
        99.9,
        42,
        5,
    )
    assert [type(v) for v in (job.progress, job.progress_current)] == [float, float]
    assert [type(v) for v in (job.time_left, job.time_left_current)] == [int, int]


def test_destinations_of_a_hand_built_format() -> None:
    fmt = Format(
        id="1", status="New", destination=["a", "b", "c"], destination_status=["Saved", ""]
    )
    built = Response(job=[Job(id="1", status="New", format=[fmt])])
    expected = [Destination("a", "Saved"), Destination("b", None), Destination("c", None)]
    assert jobs(built)[0].formats[0].destinations == expected
    assert jobs(decode_response(encode_response(built)))[0].formats[0].destinations == expected


# ---------------------------------------------------------------------------- report

PLAIN_REPORT: dict[str, Any] = {
    "kind": "status",
    "extended": False,
    "jobs": [
        {
            "id": "30919634",
            "userid": "40311",
            "sourcefile": "https://example-bucket.s3.amazonaws.com/in/trailer%20final.mov"
            "?AWSAccessKeyId=AKIA&Expires=1454095952",
            "status": "Finished",
            "prevstatus": "Saving",
            "notifyurl": "https://hooks.example.com/encoding?job=7&secret=x",
            "created": "2016-01-29T19:32:32",
            "started": "2016-01-29T19:32:38",
            "finished": "2016-01-29T19:40:12",
            "downloaded": "2016-01-29T19:32:51",
            "time_left": 0,
            "progress": 100.0,
            "filesize": 104857600,
            "processor": "AMAZON",
            "region": "us-east-1",
            "formats": [
                {
                    "id": "93481882",
                    "status": "Finished",
                    "created": "2016-01-29T19:32:32",
                    "started": "2016-01-29T19:32:51",
                    "finished": "2016-01-29T19:40:12",
                    "s3_destination": "https://example-bucket.s3.amazonaws.com/out/"
                    "trailer_1080p.mp4",
                    "output": "mp4",
                    "destinations": [
                        {"url": "s3://example-bucket/out/trailer_1080p.mp4", "status": "Saved"}
                    ],
                    "size": "1920x1080",
                    "bitrate": "3500k",
                    "audio_bitrate": "128k",
                    "video_codec": "libx264",
                    "audio_codec": "dolby_aac",
                    "two_pass": "no",
                    "convertedsize": 52428800,
                    "queued": "2016-01-29T19:32:40",
                    "converttime": 441,
                    "extra": {},
                },
                {
                    "id": "93481883",
                    "status": "Finished",
                    "created": "2016-01-29T19:32:32",
                    "started": "2016-01-29T19:32:51",
                    "finished": None,
                    "output": "thumbnail",
                    "destinations": [
                        {
                            "url": "ftp://user@ftp.example.com/thumbs/trailer.jpg",
                            "status": "Error (Connection refused)",
                        },
                        {"url": "s3://example-bucket/thumbs/trailer.jpg", "status": None},
                    ],
                    "queued": None,
                    "extra": {},
                },
            ],
            "queue_time": 3,
            "extra": {},
        }
    ],
}

EXTENDED_REPORT: dict[str, Any] = {
    "kind": "status",
    "extended": True,
    "jobs": [
        {
            "id": "101",
            "userid": "40311",
            "sourcefile": "https://media.example.com/source/Résumé vidéo 第1回.mp4",
            "status": "Processing",
            "created": "2026-11-29T08:00:00",
            "started": "2026-11-29T08:00:05",
            "finished": None,
            "downloaded": "2026-11-29T08:00:40",
            "time_left": 95,
            "progress": 61.5,
            "filesize": 2147483648,
            "processor": "AMAZON",
            "region": "oak-private-clive",
            "formats": [
                {
                    "id": "5001",
                    "status": "Processing",
                    "created": "2026-11-29T08:00:00",
                    "started": "2026-11-29T08:00:41",
                    "finished": None,
                    "output": "mp4",
                    "output_preset": "hd_1080p",
                    "destinations": [{"url": "s3://bucket/out/101-1080p.mp4", "status": "Open"}],
                    "size": "0x1080",
                    "bitrate": "3500k",
                    "keep_aspect_ratio": "yes",
                    "video_codec": "libx264",
                    "profile": "high",
                    "video_codec_parameters": {
                        "coder": "1",
                        "flags": "+loop",
                        "me_method": "umh",
                        "subq": "7",
                        "refs": "3",
                    },
                    "audio_codec": "dolby_aac",
                    "drm-content-id": "",
                    "convertedsize": 0,
                    "queued": "2026-11-29T08:00:06",
                    "converttime": 0,
                    "time_left": 95,
                    "progress": 61.5,
                    "time_left_current": 30,
                    "progress_current": 80.0,
                    "extra": {},
                }
            ],
            "queue_time": 1,
            "extra": {},
        },
        {
            "id": "102",
            "userid": "40311",
            "sourcefile": "https://media.example.com/source/broken.avi",
            "status": "Error",
            "description": "Source file is corrupted & cannot be decoded",
            "created": "2026-11-29T08:01:00",
            "started": "2026-11-29T08:01:02",
            "finished": "2026-11-29T08:01:30",
            "progress": 50.0,
            "processor": "RACKSPACE",
            "formats": [
                {
                    "id": "5002",
                    "status": "Error",
                    "description": "Decoding failed",
                    "created": "2026-11-29T08:01:00",
                    "started": None,
                    "finished": None,
                    "output": "webm",
                    "destinations": [{"url": "s3://bucket/out/102.webm", "status": None}],
                    "extra": {},
                }
            ],
            "extra": {},
        },
    ],
}

ERRORS_REPORT: dict[str, Any] = {
    "kind": "errors",
    "errors": ["Wrong user id or key!"],
    "message": "",
}

REPORTS = {"plain.xml": PLAIN_REPORT, "extended.xml": EXTENDED_REPORT, "errors.xml": ERRORS_REPORT}


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_report_of_each_example_is_exactly_as_specified(name: str) -> None:
    report = to_report(reply(name))
    assert report == REPORTS[name]
    # JSON types, not only equal values: numbers are numbers, ids are strings.
    assert json.loads(json.dumps(report)) == REPORTS[name]
    assert json.loads(json.dumps(report, ensure_ascii=False)) == REPORTS[name]


def test_report_types_follow_the_schema() -> None:
    job = to_report(reply("plain.xml"))["jobs"][0]
    assert type(job["id"]) is str and type(job["userid"]) is str  # ids stay text
    assert type(job["time_left"]) is int and type(job["filesize"]) is int
    assert type(job["progress"]) is float
    text = json.dumps(to_report(reply("plain.xml")))
    assert '"progress": 100.0' in text and '"filesize": 104857600' in text
    assert '"finished": null' in text and '"created": "2016-01-29T19:32:32"' in text


def test_report_numbers_keep_their_form() -> None:
    data = (
        b"<response><id>1</id><status>New</status><progress>100</progress>"
        b"<progress_current>99.3</progress_current><time_left>12</time_left></response>"
    )
    job = to_report(decode_response(data))["jobs"][0]
    assert (job["progress"], job["progress_current"], job["time_left"]) == (100, 99.3, 12)
    assert json.dumps(job["progress"]) == "100" and json.dumps(job["progress_current"]) == "99.3"


def test_report_leaves_absent_elements_out_and_keeps_empty_ones() -> None:
    data = b"<response><id>1</id><status>New</status><prevstatus/><created/></response>"
    (job,) = to_report(decode_response(data))["jobs"]
    assert job == {
        "id": "1",
        "status": "New",
        "prevstatus": "",
        "created": None,
        "formats": [],
        "extra": {},
    }


def test_report_of_unknown_elements() -> None:
    data = b"""<response>
      <id>1</id><status>New</status><api_version a="1">2</api_version>
      <cdn><edge region="eu">a</edge><edge region="us">b</edge></cdn>
      <format><id>2</id><status>New</status><bw>800</bw>
        <stream><sub_path>p</sub_path><codec>hevc</codec></stream></format>
    </response>"""
    (job,) = to_report(decode_response(data))["jobs"]
    # A plain reply's unknown elements belong to its job.
    assert job["extra"] == {
        "api_version": {"@a": "1", "#text": "2"},
        "cdn": {"edge": [{"@region": "eu", "#text": "a"}, {"@region": "us", "#text": "b"}]},
    }
    assert job["formats"][0]["extra"] == {"bw": "800", "codec": "hevc"}
    assert job["formats"][0]["stream"] == [{"sub_path": "p"}]
    assert "extra" not in to_report(decode_response(data))


def test_report_of_unknown_elements_beside_jobs_and_errors() -> None:
    extended = decode_response(
        b"<response><shard>7</shard><job><id>1</id><status>New</status></job></response>"
    )
    assert to_report(extended)["extra"] == {"shard": "7"}
    assert to_report(extended)["jobs"][0]["extra"] == {}
    errors = decode_response(
        b"<response><errors><error>x</error><code>9</code></errors><message/></response>"
    )
    assert to_report(errors) == {
        "kind": "errors",
        "errors": ["x"],
        "message": "",
        "extra": {"code": "9"},
    }


def test_report_without_message() -> None:
    built = Response(errors=Errors(error=["Wrong query format"]))
    assert to_report(built) == {"kind": "errors", "errors": ["Wrong query format"], "message": None}


def test_report_is_json_for_awkward_content() -> None:
    built = Response(
        id="1",
        status="Unknown word",
        description='quotes " and \\ and \U0001f600',
        extra=[UnknownElement(tag="{urn:x}n", text="t", attributes={"{urn:x}a": "v"})],
    )
    report = to_report(decode_response(encode_response(built)))
    assert json.loads(json.dumps(report)) == report
    assert report["jobs"][0]["extra"] == {"{urn:x}n": {"@{urn:x}a": "v", "#text": "t"}}


def test_status_enum_lists_the_words_the_schema_documents() -> None:
    """Status is written by hand (a typed API); the XSD's StatusWord documentation is the source."""
    from lxml import etree

    from encodingcom_getstatus import Status, schema_path

    xs = "{http://www.w3.org/2001/XMLSchema}"
    word_type = etree.parse(str(schema_path())).find(f"{xs}simpleType[@name='StatusWord']")
    assert word_type is not None
    text = " ".join(word_type.findtext(f"{xs}annotation/{xs}documentation", "").split())
    listed = text.split("Known words: ")[1].split(".")[0]
    assert [w.strip() for w in listed.split(",")] == [s.value for s in Status]
