"""Each notice with a golden YAML parses to exactly that YAML (goldens are read against their input)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from conftest import CORPUS, GOLDEN, SAMPLES

from gkparse import parse_file
from gkparse.cli import main
from gkparse.emit import document_to_dict, to_yaml

CASES = [p for p in SAMPLES + CORPUS if (GOLDEN / f"{p.stem}.yaml").exists()]


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_matches_golden(path):
    expected = (GOLDEN / f"{path.stem}.yaml").read_text(encoding="utf-8")
    assert to_yaml(document_to_dict(parse_file(path))) == expected


def test_every_sample_has_a_golden():
    assert [p.stem for p in SAMPLES] == [p.stem for p in SAMPLES if (GOLDEN / f"{p.stem}.yaml").exists()]


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_cli_writes_yaml_beside_input(path, tmp_path):
    copy = tmp_path / path.name
    copy.write_bytes(path.read_bytes())
    result = CliRunner().invoke(main, [str(copy)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / f"{path.stem}.yaml").read_text(encoding="utf-8") == (GOLDEN / f"{path.stem}.yaml").read_text(encoding="utf-8")
    assert copy.read_bytes() == path.read_bytes()  # the input is never written to
