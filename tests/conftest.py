from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
GOLDEN = ROOT / "tests" / "golden"
CORPUS = sorted((ROOT / "tests" / "corpus").glob("*.txt"))


@pytest.fixture(scope="session")
def rules():
    from gkparse.rules import load_rules

    return load_rules()
