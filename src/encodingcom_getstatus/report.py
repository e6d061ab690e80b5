"""The JSON-ready report of a decoded reply (what ``encodingcom-getstatus decode`` prints).

Status replies: ``{"kind": "status", "extended": bool, "jobs": [...]}``. Each job holds every
element it has under its element name (absent ones are left out): text and ids as strings,
dates as ISO 8601 or null when unset, numbers as JSON numbers, nested blocks as objects (lists
when repeatable), then ``"formats"`` and ``"extra"`` (unknown elements). Each format likewise,
with ``"destinations": [{"url": ..., "status": ... or null}]``.

Errors replies: ``{"kind": "errors", "errors": [...], "message": ... or null}``.
Unknown elements directly under an extended or errors reply appear as a top-level ``"extra"``.
Types come from the schema: which element is a date or a number is read from the XSD.
"""

from __future__ import annotations

from decimal import Decimal
from enum import Enum
from typing import Any

from ._bindings import Plan, plan_for
from ._extra import UnknownElement
from ._layout import schema_layout
from .generated import Response
from .views import as_jobs, date, destinations


def to_report(response: Response) -> dict[str, Any]:
    """The report of a reply, ready for ``json.dumps``."""
    if response.errors is not None:
        report: dict[str, Any] = {
            "kind": "errors",
            "errors": list(response.errors.error),
            "message": response.message,
        }
        if response.extra:
            report["extra"] = extra_report(response.extra)
        return report
    extended = bool(response.job)
    job_plan = plan_for(Response).fields["job"].plan
    assert job_plan is not None
    # A plain reply's unknown elements belong to its only job: as_jobs copies them over.
    items = [_object(job, job_plan) for job in as_jobs(response)]
    report = {"kind": "status", "extended": extended, "jobs": items}
    if extended and response.extra:
        report["extra"] = extra_report(response.extra)
    return report


def _object(obj: Any, plan: Plan) -> dict[str, Any]:
    layout = schema_layout()
    types = (layout.roots.get(plan.name) or layout.types[plan.name]).children
    out: dict[str, Any] = {}
    for tag, f in plan.fields.items():
        if f.is_follower:
            continue
        value = getattr(obj, f.attr)
        if f.follower is not None:
            out["destinations"] = [{"url": d.url, "status": d.status} for d in destinations(obj)]
        elif f.plan is not None:
            if tag == "format":
                out["formats"] = [_object(item, f.plan) for item in value]
            elif f.many:
                if value:
                    out[tag] = [_object(item, f.plan) for item in value]
            elif value is not None:
                out[tag] = _object(value, f.plan)
        elif f.many:
            if value:
                out[tag] = [_simple(v, types[tag].type_name) for v in value]
        elif value is not None:
            out[tag] = _simple(value, types[tag].type_name)
    if plan.has_extra:
        out["extra"] = extra_report(obj.extra)
    return out


def _simple(value: Any, type_name: str) -> Any:
    if type_name == "DateTime":
        moment = date(value)
        return None if moment is None else moment.isoformat()
    if isinstance(value, Decimal):
        exponent = value.as_tuple().exponent
        return int(value) if isinstance(exponent, int) and exponent >= 0 else float(value)
    if isinstance(value, Enum):
        return value.value
    return value


def extra_report(extra: list[UnknownElement]) -> dict[str, Any]:
    """Unknown elements as JSON: text, or an object of attributes (``@name``), children and
    ``#text``; a name seen several times becomes a list."""
    out: dict[str, Any] = {}
    for unknown in extra:
        value = _unknown_value(unknown)
        if unknown.tag in out:
            previous = out[unknown.tag]
            out[unknown.tag] = (
                [*previous, value] if isinstance(previous, list) else [previous, value]
            )
        else:
            out[unknown.tag] = value
    return out


def _unknown_value(unknown: UnknownElement) -> Any:
    if not unknown.children and not unknown.attributes:
        return unknown.text
    value: dict[str, Any] = {f"@{k}": v for k, v in unknown.attributes.items()}
    value.update(extra_report(list(unknown.children)))
    if unknown.text:
        value["#text"] = unknown.text
    return value
