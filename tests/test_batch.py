"""The worker pool: what the parent prepares for its workers changes no output."""

from __future__ import annotations

import pytest
from conftest import SAMPLES

from gkparse import batch, keywords, segdict
from gkparse.inputs import Size


def _jobs(copies: int, with_keywords: bool = True) -> list[batch.Job]:
    settings = batch.Settings((), "yaml", with_keywords, Size(1 << 26, "64M"))
    return [batch.Job(str(p), None, settings, p.name) for p in SAMPLES for _ in range(copies)]


@pytest.fixture
def fresh_segmenter():
    """A process whose keywords' segmenter starts over (and is cleared after the test)."""
    keywords.model.cache_clear()
    keywords._segmenter.cache_clear()
    yield
    keywords.model.cache_clear()
    keywords._segmenter.cache_clear()


def _whole_built() -> bool:
    from gkparse.rules import builtin_dir

    return keywords.model(builtin_dir()).seg.whole is not None


def test_a_long_batch_builds_the_whole_dictionary_once_before_forking(fresh_segmenter, monkeypatch):
    size = sum(p.stat().st_size for p in SAMPLES)
    # two workers, each of which would reach the switch: the parent builds it
    monkeypatch.setattr(segdict, "SWITCH", size // batch.BYTES_A_CHARACTER // 2)
    batch._prepare_shared(_jobs(1), 2)
    assert _whole_built()


def test_a_short_batch_leaves_it_to_the_workers(fresh_segmenter, monkeypatch):
    size = sum(p.stat().st_size for p in SAMPLES)
    monkeypatch.setattr(segdict, "SWITCH", size // batch.BYTES_A_CHARACTER)  # one worker's worth
    batch._prepare_shared(_jobs(1), 2)
    assert not _whole_built()
    monkeypatch.setattr(segdict, "SWITCH", 1)
    batch._prepare_shared(_jobs(1, with_keywords=False), 2)  # no keywords: no dictionary
    assert not _whole_built()


def test_prepared_workers_give_the_same_documents(fresh_segmenter, monkeypatch):
    one = list(batch.results(_jobs(1), 1))  # the table, then the whole dictionary after SWITCH
    monkeypatch.setattr(segdict, "SWITCH", 1_000)  # (the forked workers see it too)
    two = list(batch.results(_jobs(1), 2))
    assert _whole_built()
    assert [r[0] for r in two] == [r[0] for r in one]
    assert all(r[0] and "keywords: [" in r[0] for r in one)


@pytest.mark.parametrize("workers", [1, 2])
def test_a_batch_freezes_what_was_loaded_only_while_it_runs(workers):
    import gc

    seen = []
    for result in batch.results(_jobs(1, with_keywords=False), workers):
        seen.append(gc.get_freeze_count())
        assert result[2] is None
    assert seen and all(n > 0 for n in seen)  # (the modules and rules loaded before it)
    assert gc.get_freeze_count() == 0  # collected as before once the batch is over
