"""Shared fixtures and the hypothesis profiles: HYPOTHESIS_PROFILE=ci (default), dev or deep."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

# ci: hundreds of examples per property, within a few minutes on two cores.
settings.register_profile(
    "ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=30, deadline=None)
settings.register_profile(
    "deep", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def reply_examples() -> list[Path]:
    """The bundled example replies (every file but the query)."""
    return sorted(p for p in EXAMPLES.glob("*.xml") if p.name != "query.xml")


@pytest.fixture(params=reply_examples(), ids=lambda p: p.name)
def reply_example(request: pytest.FixtureRequest) -> bytes:
    path: Path = request.param
    return path.read_bytes()
