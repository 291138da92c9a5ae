"""Rule files under attack: every mistake is one line naming the file and the key, caught by
`rules --check` before any notice is parsed; a rule that backtracks costs a file seconds, once."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
from conftest import SAMPLES

from gkparse import parse_file
from gkparse.rules import RuleError, load_rules

BAD = {
    "unit_suffixes: [1]\n": "unit_suffixes: must be a list of strings",
    "lead_labels: 5\n": "lead_labels: must be a list",
    "stopwords: [[x]]\n": "stopwords: must be a list of strings",
    "division_names: ['']\n": "division_names: must be a list of strings",
    "delimiters: {'、': 1}\n": "delimiters: must map strings to strings",
    "page_containers: [zoom]\n": "page_containers: 'zoom' must be #id or .class",
    "outline:\n  - {id: x, pattern: '(?P<num>[0-9]+)、', numeral: arabic, kind: x, marker: '{number}、'}\n": "outline.x: marker",
    "outline:\n  - {id: x, pattern: '(?P<num>[0-9]+)、', numeral: arabic, kind: x, marker: '{num'}\n": "outline.x: marker",
    "outline:\n  - {id: x, pattern: '(?P<num>[0-9]+)、', numeral: arabic, kind: x, marker: '{0}'}\n": "outline.x: marker",
}


@pytest.mark.parametrize(
    "body", list(BAD), ids=[b.split(":")[0] + str(i) for i, b in enumerate(BAD)]
)
def test_a_bad_rule_file_is_caught_by_check(tmp_path, body):
    path = tmp_path / "my.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(RuleError, match=BAD[body].replace("(", r"\(").replace("[", r"\[")):
        load_rules((str(path),))
    check = subprocess.run(
        [sys.executable, "-m", "gkparse", "rules", "--check", str(path)],
        capture_output=True,
        timeout=120,
    )
    assert check.returncode == 1
    err = check.stderr.decode()
    assert "Traceback" not in err and len(err.splitlines()) == 1 and str(path) in err
    use = subprocess.run(
        [
            sys.executable,
            "-m",
            "gkparse",
            "--rules",
            str(path),
            str(SAMPLES[0]),
            "-o",
            str(tmp_path),
        ],
        capture_output=True,
        timeout=120,
    )
    assert use.returncode == 2 and b"Traceback" not in use.stderr


def test_a_backtracking_rule_costs_a_file_one_timeout(tmp_path):
    # it fullmatches a line without 。 fast, and backtracks for RULE_TIMEOUT on a line ending in 。
    path = tmp_path / "evil.yaml"
    path.write_text("junk:\n  - {id: evil, pattern: '(?:[^。]|[^。][^。])+$'}\n", encoding="utf-8")
    rules = load_rules((str(path),))
    start = time.perf_counter()
    doc = parse_file(SAMPLES[0], rules=rules, keywords=False)  # 9 KB, forty lines ending in 。
    elapsed = time.perf_counter() - start
    assert any("junk.evil timed out 1 time(s)" in w for w in doc.metadata.warnings)
    assert elapsed < 20, elapsed  # 49.7 s before: two seconds a line


def test_a_marker_whose_number_matched_nothing_is_no_number():
    """A user's outline rule with `(?P<num>[0-9]*)` can match an empty number: no heading."""
    from gkparse.numerals import READERS, value

    assert all(value(numeral, "") is None for numeral in READERS)


@pytest.mark.parametrize("section", ["header", "unit_phrases"])
def test_a_rule_the_code_asks_for_cannot_be_disabled(tmp_path, section):
    """Disabling a built-in rule of a section the code reads by id is a rule error at load, or
    the notice parses without it: never an internal error on the first notice (inline_label,
    unit_split and unit_trim gave a KeyError)."""
    ids = [key.split(".", 1)[1] for key in load_rules(()).sources if key.startswith(f"{section}.")]
    for rule_id in ids:
        path = tmp_path / f"{rule_id}.yaml"
        path.write_text(f"{section}:\n  - {{id: {rule_id}, disabled: true}}\n", encoding="utf-8")
        try:
            rules = load_rules((str(path),))
        except RuleError as exc:
            assert f"{section} rule {rule_id!r} is missing or disabled" in str(exc)
            continue
        parse_file(SAMPLES[0], rules=rules, keywords=False)
