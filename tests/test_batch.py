"""geo.batch: many documents in order, in this process or in workers, and the automatic choice."""

from __future__ import annotations

import pytest

from geo import batch
from geo.batch import AUTO, map_each, summary


def _items(sizes):
    return [(str(i), "Rain over Baku. " + "x" * n) for i, n in enumerate(sizes)]


def test_auto_stays_in_this_process_for_a_small_input_and_keeps_every_item():
    items = _items([10, 20, 30])
    ahead, jobs = batch._auto_jobs(iter(items))
    assert jobs == 1 and list(ahead) == items


def test_auto_starts_one_worker_per_cpu_once_the_input_is_big_and_keeps_the_order(monkeypatch):
    monkeypatch.setattr(batch, "AUTO_MIN_CHARS", 100)
    monkeypatch.setattr(batch, "default_jobs", lambda: 3)
    consumed = []

    def stream():
        for item in _items([60, 60, 60, 60]):
            consumed.append(item[0])
            yield item

    ahead, jobs = batch._auto_jobs(stream())
    assert jobs == 3 and consumed == ["0", "1"]  # read ahead only as far as needed
    assert [doc_id for doc_id, _ in ahead] == ["0", "1", "2", "3"]


def test_auto_gives_what_one_process_gives(monkeypatch):
    monkeypatch.setattr(batch, "AUTO_MIN_CHARS", 50)
    items = [(str(i), t) for i, t in enumerate(["Rain in Paris, Texas.", "Snow over Tovuz, Azerbaijan.", "Baku."] * 4)]
    assert list(map_each(items, render=summary, jobs=AUTO)) == list(map_each(items, render=summary, jobs=1))


@pytest.mark.parametrize("jobs", [0, -1, "many", 1.5])
def test_a_bad_jobs_value_is_refused_with_the_value(jobs):
    with pytest.raises(ValueError, match=repr(jobs).replace(".", r"\.")):
        list(map_each([("a", "Baku.")], render=summary, jobs=jobs))
