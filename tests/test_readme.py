"""The README's Python examples run as written (from the repository root)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from encodingcom_getstatus import decode_response, to_report

ROOT = Path(__file__).resolve().parent.parent
BLOCKS = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(), re.S)


def test_readme_has_python_examples() -> None:
    assert len(BLOCKS) >= 2


@pytest.mark.parametrize("code", BLOCKS, ids=[f"block{i}" for i in range(len(BLOCKS))])
def test_readme_example_runs(code: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {"__name__": "readme"}
    # Not "README.md" as the file name: its line numbers would be the block's, and tools that
    # read a function's source (hypothesis does) would read the wrong lines of the README.
    exec(compile(code, "<README.md example>", "exec"), namespace)  # our own documentation
    assert os.getcwd() == str(ROOT)
    # Tests the README shows are run too (hypothesis runs each with the active profile).
    for name, function in namespace.items():
        if name.startswith("test_") and callable(function):
            function()


def _scalars(value: object, key: str = "") -> set[tuple[str, str]]:
    """Every (key, scalar value) pair in a JSON value, at any depth."""
    if isinstance(value, dict):
        return {pair for k, v in value.items() for pair in _scalars(v, k)}
    if isinstance(value, list):
        return {pair for item in value for pair in _scalars(item, key)}
    return {(key, json.dumps(value))}


def test_readme_report_sample_matches_the_real_report() -> None:
    """What the quick start shows of `decode examples/plain.xml` is what the report holds."""
    readme = (ROOT / "README.md").read_text()
    sample = json.loads(re.findall(r"```json\n(.*?)```", readme, re.S)[0])
    report = to_report(decode_response((ROOT / "examples" / "plain.xml").read_bytes()))
    assert sample.keys() == report.keys()
    assert _scalars(sample) <= _scalars(report)
