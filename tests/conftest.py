from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
GOLDEN = ROOT / "tests" / "golden"
CORPUS = sorted((ROOT / "tests" / "corpus").glob("*.txt"))
# texts written and labelled by hand for shapes the samples and corpus lack (tests/dev/synth/)
SYNTH = sorted((ROOT / "tests" / "dev" / "synth").glob("*.txt"))


def given(path: Path) -> str:
    """A notice's path as a user at the top of the repository names it (`samples/x.txt`): the
    `metadata.source.file` of its golden."""
    return path.relative_to(ROOT).as_posix()


@pytest.fixture(scope="session")
def rules():
    from gkparse.rules import load_rules

    return load_rules()
