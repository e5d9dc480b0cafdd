"""Many documents at once: map them in order, in this process or in a pool of worker processes.

Each worker opens its own read-only :class:`~geo.gazetteer.Gazetteer` once and
runs the pure pipeline on the documents it is sent; results come back in input
order, one at a time, so a caller can write each as soon as it is ready.

>>> docs = [("a", "Rain over Baku."), ("b", "Snow in Tovuz, Azerbaijan.")]
>>> [record["id"] for record in map_each(docs, render=summary, jobs=1)]
['a', 'b']

A document the pipeline raises on comes back as a :class:`~geo.records.SourceError` in its
place, and the others are still mapped: one bad text never costs the rest of a run.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from geo.gazetteer import Gazetteer
from geo.pipeline import map_text
from geo.records import Document, Place, SourceDocument, SourceError

__all__ = ["map_each", "map_one", "summary", "default_jobs", "AUTO"]

_WARM_UP_TEXT = "Rain fell on Paris, Texas, and on Baku, Azerbaijan; Azerbaijani officials said so."
#: Documents sent to a worker at a time: fewer round trips, still fine-grained enough to share the work.
_CHUNKSIZE = 8
#: ``jobs=AUTO``: one worker per CPU once the input holds this many characters, else this
#: process. Starting workers costs about 0.3 s; below ~200 kB one process is as fast.
AUTO = "auto"
AUTO_MIN_CHARS = 200_000

# The worker process's own gazetteer, set once by _start_worker (one per process, never shared).
_worker_gazetteer: Gazetteer | None = None


def summary(document: Document) -> dict[str, Any]:
    """A small picklable result: the id and the places' names (for examples and tests)."""
    return {"id": document.id, "places": [mp.place.name for mp in document.places]}


def default_jobs() -> int:
    """Worker processes worth starting here: one per CPU the process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _warm_up(gazetteer: Gazetteer) -> None:
    """Map a short text here, before forking: the word-frequency tables (about 0.35 s to
    load), the recognizer model and the stages' memos are then loaded once, in the parent,
    and every forked worker starts with them instead of loading its own."""
    map_text(_WARM_UP_TEXT, gazetteer=gazetteer, outlines=False)


def _start_worker(data_dir: str, cache_dir: str) -> None:
    global _worker_gazetteer
    _worker_gazetteer = Gazetteer(data_dir, cache_dir=cache_dir)


def map_one(
    item: SourceDocument | SourceError,
    render: Callable[[Document], Any],
    gazetteer: Gazetteer | None,
    *,
    outlines: bool = False,
    home: Place | None = None,
) -> Any:
    """``render(map_text(item.text))``, or a SourceError when the item is one or the pipeline raises."""
    if isinstance(item, SourceError):
        return item
    try:
        return render(map_text(item.text, gazetteer=gazetteer, doc_id=item.id, outlines=outlines, home=home))
    except Exception as exc:  # a bug in geo on one text must not cost the rest of the run
        return SourceError(item.id, item.location, failure_reason(exc))


def failure_reason(exc: BaseException) -> str:
    """One line for an exception raised while mapping a document."""
    message = " ".join(str(exc).split())[:300]
    return f"geo raised {type(exc).__name__}{': ' + message if message else ''} while mapping this text"


def _as_source(item: tuple[str, str] | SourceDocument | SourceError) -> SourceDocument | SourceError:
    if isinstance(item, (SourceDocument, SourceError)):
        return item
    doc_id, text = item
    return SourceDocument(doc_id, text, doc_id)


def _work(item: SourceDocument | SourceError, render: Callable[[Document], Any], outlines: bool, home: Place | None) -> Any:
    return map_one(item, render, _worker_gazetteer, outlines=outlines, home=home)


def _call(args):
    return _work(*args)


def _auto_jobs(items: Iterator[Any]) -> tuple[Iterator[Any], int]:
    """The same items (the ones read ahead first) and the worker count they are worth."""
    ahead, chars = [], 0
    for item in items:
        ahead.append(item)
        chars += len(getattr(item, "text", "")) if not isinstance(item, tuple) else len(item[1])
        if chars >= AUTO_MIN_CHARS:
            jobs = default_jobs()
            return itertools.chain(ahead, items), jobs
    return iter(ahead), 1


def map_each(
    items: Iterable[tuple[str, str] | SourceDocument | SourceError],
    *,
    render: Callable[[Document], Any],
    jobs: int | str = 1,
    outlines: bool = False,
    gazetteer: Gazetteer | None = None,
    home: Place | None = None,
) -> Iterator[Any]:
    """``render(map_text(text))`` for every ``(id, text)`` or SourceDocument, in input order.

    A SourceError among the items, or a document the pipeline raises on, comes out as a
    SourceError in its place (see :func:`map_one`).

    ``render`` turns a Document into what the caller keeps (a JSON record, a row);
    with ``jobs > 1`` it runs in the workers and must be a module-level function.
    ``jobs=AUTO`` reads ahead until the input proves big enough (AUTO_MIN_CHARS) to
    repay starting one worker per CPU, and stays in this process otherwise.
    ``home``: the readers' home area for every document (geo.pipeline.find_home).
    """
    if jobs == AUTO:
        items, jobs = _auto_jobs(iter(items))
    if not isinstance(jobs, int) or jobs < 1:
        raise ValueError(f"jobs must be a positive integer or {AUTO!r}, got {jobs!r}")
    gz = gazetteer if gazetteer is not None else Gazetteer()
    if jobs == 1:
        for item in items:
            yield map_one(_as_source(item), render, gz, outlines=outlines, home=home)
        return
    gz.ensure_index()  # build the shared index here, once, before the workers open it
    fork = "fork" in multiprocessing.get_all_start_methods()
    if fork:
        _warm_up(gz)
    context = multiprocessing.get_context("fork" if fork else "spawn")
    with context.Pool(jobs, initializer=_start_worker, initargs=(str(gz.data_dir), str(gz.cache_dir))) as pool:
        yield from pool.imap(_call, ((_as_source(item), render, outlines, home) for item in items), chunksize=_CHUNKSIZE)


if __name__ == "__main__":  # pragma: no cover - a manual check: python -m geo.batch FILE.jsonl
    import json
    import sys
    import time

    texts = [(str(i), json.loads(line)["text"]) for i, line in enumerate(Path(sys.argv[1]).read_text().split("\n")) if line.strip()]
    for n in (1, default_jobs()):
        start = time.perf_counter()
        count = sum(1 for _ in map_each(texts, render=summary, jobs=n))
        print(f"jobs={n}: {count} docs, {sum(len(t) for _, t in texts) / (time.perf_counter() - start) / 1e6:.2f} MB/s")
