"""Typed views of a decoded reply: what every client otherwise writes by hand.

>>> from encodingcom_getstatus import decode_response
>>> reply = decode_response(b"<response><id>7</id><status>Finished</status>"
...                         b"<created>2016-01-29 19:32:32</created><progress>99.5</progress>"
...                         b"<format><id>8</id><status>Saving</status>"
...                         b"<destination>s3://b/x.mp4</destination></format></response>")
>>> [(j.status, j.created, j.progress) for j in jobs(reply)]
[(<Status.FINISHED: 'Finished'>, datetime.datetime(2016, 1, 29, 19, 32, 32), 99.5)]
>>> jobs(reply)[0].formats[0].destinations
[Destination(url='s3://b/x.mp4', status=None)]
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from .generated import Format, Job, Response

ZERO_DATE = "0000-00-00 00:00:00"


class Status(StrEnum):
    """The status words the API is known to send. The vocabulary is open: see :func:`status`."""

    NEW = "New"
    DOWNLOADING = "Downloading"
    DOWNLOADED = "Downloaded"
    READY_TO_PROCESS = "Ready to process"
    WAITING_FOR_ENCODER = "Waiting for encoder"
    PROCESSING = "Processing"
    SAVING = "Saving"
    FINISHED = "Finished"
    STOPPED = "Stopped"
    ERROR = "Error"


def status(word: str) -> Status | str:
    """The :class:`Status` for a known word; an unknown word is returned as it is."""
    try:
        return Status(word)
    except ValueError:
        return word


def date(text: str | None) -> datetime | None:
    """A reply date as a naive ``datetime`` (no zone is stated); None when absent or unset."""
    if not text or text == ZERO_DATE:
        return None
    return datetime.fromisoformat(text)


def number(value: Decimal | None) -> float | None:
    """A percentage as a float."""
    return None if value is None else float(value)


@dataclass(frozen=True)
class Destination:
    """A destination URL and its status (None when the reply gave none, or an empty one)."""

    url: str
    status: str | None


@dataclass(frozen=True)
class FormatStatus:
    """One output format, typed. ``raw`` is the generated object with every field."""

    id: str
    status: Status | str
    description: str | None
    created: datetime | None
    started: datetime | None
    finished: datetime | None
    queued: datetime | None
    progress: float | None
    time_left: int | None
    destinations: list[Destination]
    raw: Format

    @classmethod
    def of(cls, fmt: Format) -> FormatStatus:
        return cls(
            id=fmt.id,
            status=status(fmt.status),
            description=fmt.description,
            created=date(fmt.created),
            started=date(fmt.started),
            finished=date(fmt.finished),
            queued=date(fmt.queued),
            progress=number(fmt.progress),
            time_left=fmt.time_left,
            destinations=destinations(fmt),
            raw=fmt,
        )


@dataclass(frozen=True)
class JobStatus:
    """One media, typed: the plain reply itself, or one job of an extended reply."""

    id: str
    status: Status | str
    description: str | None
    created: datetime | None
    started: datetime | None
    finished: datetime | None
    downloaded: datetime | None
    uploaded: datetime | None
    progress: float | None
    progress_current: float | None
    time_left: int | None
    time_left_current: int | None
    formats: list[FormatStatus]
    raw: Job

    @classmethod
    def of(cls, job: Job) -> JobStatus:
        return cls(
            id=job.id,
            status=status(job.status),
            description=job.description,
            created=date(job.created),
            started=date(job.started),
            finished=date(job.finished),
            downloaded=date(job.downloaded),
            uploaded=date(job.uploaded),
            progress=number(job.progress),
            progress_current=number(job.progress_current),
            time_left=job.time_left,
            time_left_current=job.time_left_current,
            formats=[FormatStatus.of(f) for f in job.format],
            raw=job,
        )


def destinations(fmt: Format) -> list[Destination]:
    """A format's destinations as ordered (url, status-or-None) pairs."""
    statuses = fmt.destination_status
    return [
        Destination(url, (statuses[i] or None) if i < len(statuses) else None)
        for i, url in enumerate(fmt.destination)
    ]


_JOB_FIELDS = [f.name for f in dataclasses.fields(Job)]


def as_jobs(response: Response) -> list[Job]:
    """The jobs of a reply as generated ``Job`` objects: one for a plain reply (built from
    the reply's own fields), each job of an extended one, none for an errors reply."""
    if response.job:
        return list(response.job)
    if response.id is None or response.status is None:
        return []
    return [Job(**{name: getattr(response, name) for name in _JOB_FIELDS})]


def jobs(response: Response) -> list[JobStatus]:
    """Typed jobs, the same for plain and extended replies; empty for an errors reply."""
    return [JobStatus.of(job) for job in as_jobs(response)]


def api_errors(response: Response) -> list[str]:
    """The API's error messages (``Wrong user id or key!``); empty unless it is an errors reply."""
    return list(response.errors.error) if response.errors is not None else []
