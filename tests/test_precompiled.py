"""rules/compiled.marshal holds, for every built-in pattern, what `regex` compiles it to now."""

from __future__ import annotations

import marshal
from pathlib import Path

import regex

from gkparse import precompiled, rules
from gkparse.hanzi import simplify

ROOT = Path(__file__).resolve().parents[1]
TEXTS = sorted((ROOT / "samples").glob("*.txt")) + sorted((ROOT / "tests" / "corpus").glob("*.txt"))


def stored() -> dict:
    return marshal.loads(precompiled.path().read_bytes())


def test_current_for_this_regex_and_these_rules():
    """Else rebuild it: python tools/build_compiled.py. `regex` orders the characters of a
    first-character set differently in each process: the code is compared as a multiset."""
    data = stored()
    assert data["regex"] == regex.__version__
    with precompiled.recording() as asked:
        loaded = rules._load.__wrapped__(())
        rules._any_of.__wrapped__(tuple(p.pattern.pattern for _, p in loaded.junk))
        rules._any_of.__wrapped__(tuple(r.pattern.pattern.pattern for r in loaded.outline))
    patterns = dict(data["patterns"])
    assert set(asked) | set(precompiled.module_patterns()) == set(patterns)
    for key, args in patterns.items():
        now = precompiled.core_args(*key)
        assert args[:2] + args[3:] == now[:2] + now[3:], key
        assert sorted(args[2]) == sorted(now[2]), key


def test_a_prepared_pattern_matches_as_regex_compiles_it():
    lines = [line for path in TEXTS for line in path.read_text(encoding="utf-8").splitlines()]
    lines += [simplify(line) for line in lines]
    for (pattern, flags), _ in stored()["patterns"]:
        mine, theirs = precompiled.compile(pattern, flags), regex.compile(pattern, flags)
        assert (mine.pattern, mine.flags, mine.groupindex) == (
            theirs.pattern,
            theirs.flags,
            theirs.groupindex,
        )
        for line in lines:
            a, b = mine.search(line), theirs.search(line)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), (pattern, line)


def test_a_pattern_it_does_not_hold_compiles_as_always():
    assert precompiled.compile(r"(?P<x>\d+)年", regex.V0).match("2024年").group("x") == "2024"
    try:
        precompiled.compile("(", regex.V0)
    except regex.error:
        pass
    else:
        raise AssertionError("a bad pattern must raise regex.error")


def test_another_regex_version_compiles_as_always(monkeypatch):
    precompiled._known.cache_clear()
    monkeypatch.setattr(regex, "__version__", "0.0")
    try:
        assert precompiled._known() == {}
        assert precompiled.compile(r"\d+", 0).match("12")
    finally:
        monkeypatch.undo()
        precompiled._known.cache_clear()


def test_the_rule_files_data_is_what_their_yaml_says():
    from ruamel.yaml import YAML

    files = stored()["files"]
    paths = sorted(rules.builtin_dir().glob("*.yaml"))
    assert sorted(files) == [p.name for p in paths]
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert precompiled.parsed(path.name, text) == YAML(typ="safe").load(text), path.name
    assert precompiled.parsed(paths[-1].name, text + "\n# edited\n") is None


def test_only_shipped_patterns_are_asked_without_a_time_limit(tmp_path):
    """A shipped pattern is fast on any line (tests/test_hostile.py); a user's may backtrack
    forever, and keeps its time limit, even where it overrides a built-in rule."""
    assert all(isinstance(p, rules.Shipped) for p in rules.load_rules().patterns())
    path = tmp_path / "mine.yaml"
    path.write_text(
        "junk:\n  - {id: mine, pattern: 'x+y'}\n  - {id: saved, pattern: '保存成功了'}\n",
        encoding="utf-8",
    )
    kinds = {p.where: type(p) for p in rules.load_rules((str(path),)).patterns()}
    assert kinds["junk.mine"] is rules.Guarded and kinds["junk.saved"] is rules.Guarded
    assert kinds["junk.share"] is rules.Shipped
