"""Each notice with a golden YAML parses to exactly that YAML (goldens are read against their input)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from conftest import CORPUS, GOLDEN, SAMPLES, given

from gkparse import parse_bytes
from gkparse.cli import main
from gkparse.emit import document_to_dict, to_yaml

CASES = [p for p in SAMPLES + CORPUS if (GOLDEN / f"{p.stem}.yaml").exists()]


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_matches_golden(path):
    expected = (GOLDEN / f"{path.stem}.yaml").read_text(encoding="utf-8")
    doc = parse_bytes(path.read_bytes(), name=given(path))
    assert to_yaml(document_to_dict(doc)) == expected


def test_every_sample_has_a_golden():
    assert [p.stem for p in SAMPLES] == [p.stem for p in SAMPLES if (GOLDEN / f"{p.stem}.yaml").exists()]


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_cli_writes_yaml_beside_input(path, tmp_path, monkeypatch):
    copy = tmp_path / given(path)
    copy.parent.mkdir()
    copy.write_bytes(path.read_bytes())
    monkeypatch.chdir(tmp_path)  # named as in the repository: `samples/x.txt`
    result = CliRunner().invoke(main, [given(path)])
    assert result.exit_code == 0, result.output
    assert (copy.parent / f"{path.stem}.yaml").read_text(encoding="utf-8") == (GOLDEN / f"{path.stem}.yaml").read_text(encoding="utf-8")
    assert copy.read_bytes() == path.read_bytes()  # the input is never written to
