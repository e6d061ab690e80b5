"""iter_jobs: decode_response's jobs, streamed, with the same verdicts, in bounded memory."""

from __future__ import annotations

import gc
import io
import os
import re
import subprocess
import sys
import threading
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES
from hypothesis import given
from hypothesis import strategies as st

import encodingcom_getstatus.stream as stream
from encodingcom_getstatus import (
    ApiErrorReply,
    CodecError,
    ForbiddenConstructError,
    Job,
    MalformedXMLError,
    OversizeError,
    SchemaViolationError,
    decode_response,
    iter_jobs,
)
from encodingcom_getstatus.testing import mutated_documents, valid_documents
from encodingcom_getstatus.views import as_jobs

PLAIN = (EXAMPLES / "plain.xml").read_bytes()
EXTENDED = (EXAMPLES / "extended.xml").read_bytes()
ERRORS = (EXAMPLES / "errors.xml").read_bytes()

_JOBS = re.findall(rb"  <job>.*?</job>\n", EXTENDED, re.S)


def reply(jobs: list[bytes] | int, *, before: bytes = b"", after: bytes = b"") -> bytes:
    """An extended reply: the given job elements, or that many copies of the example's."""
    if isinstance(jobs, int):
        jobs = [_JOBS[i % len(_JOBS)].replace(b"<id>1", b"<id>%d" % i, 1) for i in range(jobs)]
    return (
        b"<?xml version='1.0'?>\n<response>\n" + before + b"".join(jobs) + after + b"</response>\n"
    )


def expected(data: bytes, **options: Any) -> list[Job]:
    return as_jobs(decode_response(data, **options))


def outcome(run: Callable[[], object]) -> object:
    """The value, or the class of the CodecError raised."""
    try:
        return run()
    except CodecError as error:
        return type(error)


def streamed(data: bytes, **options: Any) -> object:
    return outcome(lambda: list(iter_jobs(data, **options)))


def decoded(data: bytes, **options: Any) -> object:
    """What iter_jobs should give: decode_response's jobs, or the class of its error."""
    try:
        reply = decode_response(data, **options)
    except CodecError as error:
        return type(error)
    if reply.errors is not None:
        return ApiErrorReply
    return as_jobs(reply)


# ----------------------------------------------------------------------------- the jobs


@pytest.mark.parametrize("data", [PLAIN, EXTENDED], ids=["plain", "extended"])
def test_examples_give_the_jobs_of_decode_response(data: bytes) -> None:
    jobs = list(iter_jobs(data))
    assert jobs == expected(data) and all(type(job) is Job for job in jobs)
    assert [repr(job) for job in jobs] == [repr(job) for job in expected(data)]


def test_every_kind_of_source(tmp_path: Path) -> None:
    path = tmp_path / "reply.xml"
    path.write_bytes(EXTENDED)
    want = expected(EXTENDED)
    with open(path, "rb") as file:
        assert list(iter_jobs(file)) == want
        assert not file.closed  # a file object given is not closed
    for source in (EXTENDED, bytearray(EXTENDED), memoryview(EXTENDED), str(path), path):
        assert list(iter_jobs(source)) == want
    assert list(iter_jobs(io.BytesIO(EXTENDED))) == want


def test_sources_that_are_not_bytes_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "reply.xml"
    path.write_bytes(EXTENDED)
    with pytest.raises(TypeError):
        iter_jobs(12)  # type: ignore[arg-type]
    with open(path, encoding="utf-8") as text, pytest.raises(TypeError):
        list(iter_jobs(text))  # type: ignore[arg-type]


def test_jobs_keep_their_unknown_elements() -> None:
    job = _JOBS[0].replace(b"<status>", b"<x-new a='1'>v<i/></x-new><status>", 1)
    data = reply([job, _JOBS[1]])
    jobs = list(iter_jobs(data))
    assert jobs == expected(data)
    assert [u.tag for u in jobs[0].extra] == ["x-new"]


@pytest.mark.parametrize("size", [1, 7, 64, 4096])
def test_chunk_boundaries_anywhere(monkeypatch: pytest.MonkeyPatch, size: int) -> None:
    """Jobs are moved out of the tree under construction: cutting the input anywhere (in a
    tag, in the text between jobs, in an unknown element) changes nothing."""
    monkeypatch.setattr(stream, "_CHUNK", size)
    unknown = b"  <x-gap>t<y/></x-gap>\n"
    for data in (
        EXTENDED,
        PLAIN,
        reply(5, before=unknown, after=unknown),
        reply([_JOBS[0], unknown, _JOBS[1], b"\n\n   \t", _JOBS[0]]),
    ):
        assert list(iter_jobs(io.BytesIO(data))) == expected(data)
        assert streamed(data, strict=True) == decoded(data, strict=True)
    bad = reply([_JOBS[0], b"  text between jobs  ", _JOBS[1]])
    with pytest.raises(SchemaViolationError):
        list(iter_jobs(io.BytesIO(bad)))


@given(valid_documents(shape="extended", extras=True))
def test_generated_extended_replies(data: bytes) -> None:
    assert streamed(data) == decoded(data)
    assert streamed(data, strict=True) == decoded(data, strict=True)


@given(valid_documents())
def test_generated_replies_of_every_shape(data: bytes) -> None:
    assert streamed(data) == decoded(data)
    assert outcome(lambda: list(iter_jobs(io.BytesIO(data)))) == decoded(data)


# ----------------------------------------------------------------------------- verdicts


def test_an_errors_reply_raises_api_error_reply() -> None:
    with pytest.raises(ApiErrorReply) as caught:
        list(iter_jobs(ERRORS))
    assert caught.value.errors == ["Wrong user id or key!"]
    assert caught.value.message == ""  # the example has an empty <message/>
    assert isinstance(caught.value, CodecError)
    with_message = ERRORS.replace(b"<message/>", b"<message>m</message>")
    with pytest.raises(ApiErrorReply) as caught:
        list(iter_jobs(with_message))
    assert caught.value.message == "m"


def test_an_invalid_errors_reply_is_a_schema_violation() -> None:
    data = b"<response><errors/></response>"
    assert streamed(data) == decoded(data) == SchemaViolationError


def test_an_invalid_job_names_its_position_after_the_jobs_before_it() -> None:
    bad = _JOBS[1].replace(b"<progress>50.0</progress>", b"<progress>abc</progress>")
    data = reply([_JOBS[0], _JOBS[1], _JOBS[0], bad, _JOBS[1]])
    jobs = iter_jobs(data)
    assert [next(jobs).id for _ in range(3)] == ["101", "102", "101"]
    with pytest.raises(SchemaViolationError) as caught:
        next(jobs)
    (violation,) = caught.value.violations
    assert violation.path == "/response/job[4]/progress"
    assert violation.message == "'abc' is not a valid percentage"
    line = data[: data.index(b"<progress>abc")].count(b"\n") + 1
    assert violation.line == line
    # decode_response reports the same violation.
    with pytest.raises(SchemaViolationError) as whole:
        decode_response(data)
    assert whole.value.violations == caught.value.violations


def test_all_errors_lists_every_violation_of_the_job() -> None:
    bad = _JOBS[1].replace(b"<progress>50.0</progress>", b"<progress>abc</progress>")
    bad = bad.replace(b"<created>2026-11-29 08:01:00</created>", b"<created>x</created>")
    data = reply([_JOBS[0], bad])
    with pytest.raises(SchemaViolationError) as caught:
        list(iter_jobs(data, all_errors=True))
    paths = [v.path for v in caught.value.violations]
    assert paths == [
        "/response/job[2]/created",
        "/response/job[2]/progress",
        "/response/job[2]/format[1]/created",
    ]
    with pytest.raises(SchemaViolationError) as whole:
        decode_response(data, all_errors=True)
    assert whole.value.violations == caught.value.violations


def test_unknown_elements_beside_the_jobs() -> None:
    data = reply(3, before=b"<x-a/>", after=b"<x-b>t</x-b>")
    assert list(iter_jobs(data)) == expected(data)
    with pytest.raises(SchemaViolationError) as caught:
        list(iter_jobs(data, strict=True))
    assert caught.value.violations[0].path == "/response/x-a"
    assert decoded(data, strict=True) == SchemaViolationError


HOSTILE = {
    "empty": b"",
    "blank": b"  \n ",
    "declaration only": b"<?xml version='1.0'?>",
    "truncated": EXTENDED[:-40],
    "truncated in a job": EXTENDED[:700],
    "two roots": EXTENDED + b"<response/>",
    "trailing garbage": EXTENDED + b"garbage",
    "invalid utf-8": EXTENDED.replace(b"Processing", b"Process\xffing", 1),
    "json": b'{"response": {"id": "1"}}',
    "doctype": b'<!DOCTYPE response [<!ENTITY a "b">]>' + EXTENDED.split(b"?>", 1)[1],
    "external entity": b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    b"<response><job><id>1</id><status>&x;</status></job></response>",
    "billion laughs": b'<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;'
    b'&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
    b"<response><job><id>1</id><status>&c;</status></job></response>",
    "undefined entity": reply(2).replace(b"Processing", b"Proc&e;essing", 1),
    "undefined entity late": reply(3)[:-30] + b"&e;" + reply(3)[-30:],
    "deep nesting": b"<response><job><id>1</id><status>s</status>"
    + b"<x>" * 3000
    + b"</x>" * 3000
    + b"</job></response>",
    "huge text": b"<response><job><id>1</id><status>"
    + b"s" * 11_000_000
    + b"</status></job></response>",
    "unknown root": b"<reply><job><id>1</id><status>s</status></job></reply>",
    "namespaced root": b'<response xmlns="urn:x"><job><id>1</id><status>s</status></job>'
    b"</response>",
    "empty reply": b"<response/>",
    "only unknown": b"<response><x/></response>",
    "jobs then fields": reply(2, after=b"<id>1</id><status>s</status>"),
    "fields then jobs": reply(2, before=b"<id>1</id><status>s</status>"),
    "jobs then errors": reply(2, after=b"<errors><error>e</error></errors>"),
    "text between jobs": reply([_JOBS[0], b"text", _JOBS[1]]),
    "text before the jobs": reply(2, before=b"text"),
    "text after the jobs": reply(2, after=b"text"),
    "text after an unknown": reply(2, before=b"<x/>text"),
    "attribute on the root": reply(2).replace(b"<response>", b"<response a='1'>"),
    "attribute on a job": reply(2).replace(b"<job>", b"<job a='1'>", 1),
    "job without id": reply([b"<job><status>s</status></job>"]),
    "empty job": reply([b"<job/>"]),
    "comment and pi": reply(2).replace(b"<job>", b"<!-- c --><?pi x?><job>", 1),
    "cdata": reply(2).replace(b"Processing", b"<![CDATA[Processing]]>", 1),
    "utf-16": reply(2).decode().replace("'1.0'?>", "'1.0' encoding='UTF-16'?>").encode("utf-16"),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_verdicts_agree_on_broken_documents(name: str) -> None:
    data = HOSTILE[name]
    want = decoded(data)
    assert streamed(data) == want
    assert streamed(data, strict=True) == decoded(data, strict=True)
    # A file object cannot be read again: the verdict agrees, the class where libxml2's
    # incremental parser tells the problem apart (it does not for undefined entities).
    got = outcome(lambda: list(iter_jobs(io.BytesIO(data))))
    if isinstance(want, type) and name.startswith("undefined entity"):
        assert isinstance(got, type) and issubclass(got, CodecError)
    else:
        assert got == want


def test_a_path_is_read_again_for_the_exact_syntax_error(tmp_path: Path) -> None:
    path = tmp_path / "reply.xml"
    path.write_bytes(HOSTILE["undefined entity"])
    with pytest.raises(ForbiddenConstructError, match="Entity 'e' not defined"):
        list(iter_jobs(path))


def test_trailing_garbage_after_the_jobs() -> None:
    # Jobs read before the problem have been yielded by the time it is found.
    jobs = iter_jobs(reply(200) + b"garbage")
    assert [next(jobs) for _ in range(2)] == expected(reply(200))[:2]
    with pytest.raises(MalformedXMLError):
        list(jobs)


def test_max_bytes(tmp_path: Path) -> None:
    data = reply(50)
    path = tmp_path / "reply.xml"
    path.write_bytes(data)
    limit = len(data) - 1
    for source in (data, path):
        jobs = iter_jobs(source, max_bytes=limit)
        with pytest.raises(OversizeError):
            next(jobs)  # before any job, as decode_response
    with pytest.raises(OversizeError):
        list(iter_jobs(io.BytesIO(data), max_bytes=limit))
    assert len(list(iter_jobs(io.BytesIO(data), max_bytes=len(data)))) == 50
    assert streamed(data, max_bytes=limit) == decoded(data, max_bytes=limit)


@given(mutated_documents())
def test_verdicts_agree_on_mutated_documents(data: bytes) -> None:
    want, got = decoded(data), streamed(data)
    if isinstance(want, list):
        assert got == want
    else:
        # Both refuse. Streaming reports the first problem in document order: with several
        # problems the class may differ (an invalid job before a syntax error at the end).
        assert isinstance(got, type) and issubclass(got, CodecError)
    assert isinstance(streamed(data, strict=True), list) == isinstance(
        decoded(data, strict=True), list
    )


def test_jobs_are_decoded_as_they_arrive() -> None:
    """The first job is yielded before the rest of the input has been read."""
    reads = []

    class Slow(io.RawIOBase):
        def __init__(self, data: bytes) -> None:
            self.data = io.BytesIO(data)

        def readable(self) -> bool:
            return True

        def read(self, size: int = -1) -> bytes:
            reads.append(size)
            return self.data.read(min(size, 4096))

    jobs = iter_jobs(Slow(reply(200)))
    next(jobs)
    assert len(reads) < 5
    assert sum(1 for _ in jobs) == 199


def test_threads_stream_independently() -> None:
    data = reply(40)
    want = expected(data)
    results: list[object] = []

    def run() -> None:
        results.append(list(iter_jobs(data)))

    threads = [threading.Thread(target=run) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [want] * 4


def test_garbage_collection_stays_enabled() -> None:
    assert gc.isenabled()
    list(iter_jobs(EXTENDED))
    with pytest.raises(SchemaViolationError):
        decode_response(b"<response><job><id>1</id></job></response>")
    assert gc.isenabled()


# ------------------------------------------------------------------------------- memory


def write_reply(path: Path, jobs: int) -> None:
    """A reply of ``jobs`` small jobs (a format with a destination each), written in pieces."""
    with open(path, "wb") as out:
        out.write(b"<?xml version='1.0'?>\n<response>\n")
        for i in range(jobs):
            out.write(
                b"<job><status>Finished</status><id>%d</id><progress>100</progress>"
                b"<format><id>%d</id><status>Finished</status><destination>s3://b/%d.mp4"
                b"</destination><output>mp4</output></format></job>\n" % (i + 1, i + 1, i)
            )
        out.write(b"</response>\n")


def _peak(path: Path) -> tuple[int, int]:
    gc.collect()
    tracemalloc.start()
    try:
        count = 0
        for _ in iter_jobs(path):
            count += 1
        return count, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_does_not_grow_with_the_jobs(tmp_path: Path) -> None:
    small, large = tmp_path / "1000.xml", tmp_path / "10000.xml"
    write_reply(small, 1_000)
    write_reply(large, 10_000)
    _peak(small)  # plans and schema built, caches filled
    count_small, peak_small = _peak(small)
    count_large, peak_large = _peak(large)
    assert (count_small, count_large) == (1_000, 10_000)
    # Python allocations: a job at a time (decode_response of the large reply holds tens of
    # megabytes of objects).
    assert peak_large < peak_small + 2_000_000, (peak_small, peak_large)


_RSS = """
import sys
from encodingcom_getstatus import iter_jobs
for _ in iter_jobs(sys.argv[1]):
    pass
with open("/proc/self/status") as status:
    print(next(l.split()[1] for l in status if l.startswith("VmHWM:")))
"""


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="needs Linux /proc")
def test_peak_resident_memory_does_not_grow_with_the_jobs(tmp_path: Path) -> None:
    """libxml2's memory too (tracemalloc does not see it): peak RSS of a new process."""
    small, large = tmp_path / "1000.xml", tmp_path / "10000.xml"
    write_reply(small, 1_000)
    write_reply(large, 10_000)

    def peak_kib(path: Path) -> int:
        command = [sys.executable, "-c", _RSS, str(path)]
        return int(subprocess.run(command, capture_output=True, text=True, check=True).stdout)

    assert peak_kib(large) < peak_kib(small) + 20 * 1024


@pytest.mark.parametrize("strict", [False, True])
def test_plain_reply_is_its_one_job(strict: bool) -> None:
    (job,) = iter_jobs(PLAIN, strict=strict)
    assert job == as_jobs(decode_response(PLAIN))[0]
    assert job.id == "30919634"


@given(st.integers(0, 30))
def test_any_number_of_jobs(n: int) -> None:
    data = reply(n)
    assert streamed(data) == decoded(data)


# ------------------------------------------------------------------- command line


def _validate(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "encodingcom_getstatus.cli", "validate", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def test_validate_streams_large_files_with_the_same_report(tmp_path: Path) -> None:
    from encodingcom_getstatus.cli import STREAM_FROM

    good = reply(1_200)
    assert len(good) > STREAM_FROM
    bad = bytearray(good)
    at = bad.index(b"<progress>50.0</progress>", len(bad) * 3 // 4)
    bad[at : at + 25] = b"<progress>abc</progress><x-new/>"
    paths = {}
    for name, data in (("good", good), ("bad", bytes(bad))):
        paths[name] = tmp_path / f"{name}.xml"
        paths[name].write_bytes(data)
    assert _validate(str(paths["good"])).returncode == 0
    for strict in ([], ["--strict"]):
        result = _validate(*strict, str(paths["bad"]))
        assert result.returncode == 1 and not result.stderr
        with pytest.raises(SchemaViolationError) as caught:
            decode_response(bytes(bad), strict=bool(strict), all_errors=True)
        want = [f"{paths['bad']}:{v.line}: {v.path}: {v.message}" for v in caught.value.violations]
        assert result.stdout.splitlines() == want
        assert "/response/job[" in result.stdout


def test_validate_accepts_a_large_errors_reply(tmp_path: Path) -> None:
    path = tmp_path / "errors.xml"
    path.write_bytes(
        b"<response><errors><error>" + b"e" * 1_100_000 + b"</error></errors></response>"
    )
    result = _validate(str(path))
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_a_value_python_cannot_read_names_the_job() -> None:
    huge = b"<time_left>" + b"7" * 5000 + b"</time_left>"
    job = b"<job><id>1</id><status>s</status>" + huge + b"</job>"
    data = reply([_JOBS[0], job])
    with pytest.raises(OversizeError, match=re.escape("/response/job[2]/time_left")):
        list(iter_jobs(data))
    assert decoded(data) == OversizeError
