"""Many documents at once: in order for a stream (map_each), or in shards for an archive (run_batch).

A layer on top of the pipeline that knows nothing of how a place is chosen: it calls
geo.pipeline.map_text and a writer (geo.tables.extract_record) per document. Each worker
process opens its own read-only :class:`~geo.gazetteer.Gazetteer` once.

- :func:`map_each` (``geo extract``): results come back in input order, one at a time, so a
  caller can write each as soon as it is ready.
- :func:`run_batch` (``geo batch``): the input is cut into shards (:func:`make_shards`, which
  depends on the input only); :func:`map_shard` maps one shard to records and errors, and is
  what this process, the local process pool (:func:`run_in_pool`) and Dask (geo.dask) all
  run; geo.shards writes each shard whole into the output folder, and a rerun resumes.

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
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from geo.errors import InputError
from geo.gazetteer import Gazetteer
from geo.pipeline import map_text
from geo.records import Document, Place, SourceDocument, SourceError
from geo.tables import extract_record

__all__ = ["map_each", "map_one", "failure_reason", "summary", "default_jobs", "AUTO", "Shard", "ShardResult",
           "make_shards", "map_shard", "run_in_process", "run_in_pool", "run_batch", "DEFAULT_SHARD_SIZE",
           "SHARD_MAX_CHARS"]

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
    # Ctrl-C is the parent's to handle (it stops the run, and a rerun resumes it): a worker
    # that took it too would print a traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
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



# ---------------------------------------------------------------- shards: the unit of an archive run

#: Documents per shard (``geo batch --shard-size``): a shard is the unit that is retried,
#: resumed and written at once; 1,000 news articles are about 3 MB, 2 s of one core.
DEFAULT_SHARD_SIZE = 1000
#: A shard also ends once it holds this many characters, so a shard of long texts stays small.
SHARD_MAX_CHARS = 16_000_000
#: Times a shard is mapped again after the worker mapping it alone died (out of memory, killed).
SHARD_RETRIES = 2


@dataclass(frozen=True, slots=True)
class Shard:
    """Consecutive documents of the input (and the errors met reading them), numbered from 0."""

    index: int
    items: tuple[SourceDocument | SourceError, ...]


@dataclass(frozen=True, slots=True)
class ShardResult:
    """What :func:`map_shard` made of a shard: records and errors in input order, and counts."""

    index: int
    records: tuple[dict[str, Any], ...]
    errors: tuple[SourceError, ...]
    counts: dict[str, Any]


def make_shards(items: Iterable[SourceDocument | SourceError], *, size: int = DEFAULT_SHARD_SIZE,
                max_chars: int = SHARD_MAX_CHARS) -> Iterator[Shard]:
    """Cut the input into shards of ``size`` items (fewer when ``max_chars`` is reached first).

    Depends only on the input, never on the number of workers: the same input gives the same
    shards, so a resumed run or one on a cluster writes the same files.
    """
    if not isinstance(size, int) or size < 1:
        raise InputError(f"shard size must be a positive integer, got {size!r}")
    batch: list[SourceDocument | SourceError] = []
    chars, index = 0, 0
    for item in items:
        batch.append(item)
        chars += len(item.text) if isinstance(item, SourceDocument) else 0
        if len(batch) >= size or chars >= max_chars:
            yield Shard(index, tuple(batch))
            batch, chars, index = [], 0, index + 1
    if batch:
        yield Shard(index, tuple(batch))


def map_shard(shard: Shard, *, gazetteer: Gazetteer | None = None, home: Place | None = None,
              render: Callable[[Document], dict[str, Any]] = extract_record) -> ShardResult:
    """Map one shard: the one function the local process pool and Dask both run.

    Every document becomes a record (``render``, by default the ``geo extract`` JSONL
    record) or an error; nothing a document does costs another its output.
    """
    started = time.perf_counter()
    gz = gazetteer if gazetteer is not None else Gazetteer()
    records, errors = [], []
    chars = toponyms = 0
    for item in shard.items:
        if isinstance(item, SourceDocument):
            chars += len(item.text)
        result = map_one(item, render, gz, home=home)
        if isinstance(result, SourceError):
            errors.append(result)
        else:
            records.append(result)
            toponyms += len(result.get("toponyms", ()))
    counts = {"documents": len(shard.items), "mapped": len(records), "failed": len(errors), "characters": chars,
              "toponyms": toponyms, "worker_seconds": round(time.perf_counter() - started, 3)}
    return ShardResult(shard.index, tuple(records), tuple(errors), counts)


def _map_shard_in_worker(shard: Shard, home: Place | None) -> ShardResult:
    return map_shard(shard, gazetteer=_worker_gazetteer, home=home)


def _lost_shard(shard: Shard, reason: str) -> ShardResult:
    """A shard no worker survived: each of its documents is reported, none silently lost."""
    errors = tuple(item if isinstance(item, SourceError) else SourceError(item.id, item.location, reason)
                   for item in shard.items)
    counts = {"documents": len(shard.items), "mapped": 0, "failed": len(errors), "toponyms": 0, "worker_seconds": 0.0,
              "characters": sum(len(i.text) for i in shard.items if isinstance(i, SourceDocument))}
    return ShardResult(shard.index, (), errors, counts)


def run_in_process(shards: Iterable[Shard], on_done: Callable[[ShardResult], None], *,
                   gazetteer: Gazetteer, home: Place | None = None) -> None:
    """Map every shard here, one after another."""
    for shard in shards:
        on_done(map_shard(shard, gazetteer=gazetteer, home=home))


def run_in_pool(shards: Iterable[Shard], on_done: Callable[[ShardResult], None], *, jobs: int,
                gazetteer: Gazetteer, home: Place | None = None) -> None:
    """Map the shards in ``jobs`` worker processes, a few ahead of the workers (memory stays
    bounded on any input). A worker that dies (killed, out of memory) takes its pool down:
    a new pool maps the shards that were in flight again, one at a time; a shard whose own
    worker dies SHARD_RETRIES + 1 times is reported, document by document, as failed."""
    gazetteer.ensure_index()  # built here, once, before the workers open it
    fork = "fork" in multiprocessing.get_all_start_methods()
    if fork:
        _warm_up(gazetteer)
    context = multiprocessing.get_context("fork" if fork else "spawn")

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker,
                                   initargs=(str(gazetteer.data_dir), str(gazetteer.cache_dir)))

    source, suspects = iter(shards), deque()
    deaths: dict[int, int] = {}  # shard index -> times its worker died while it ran alone
    pending: dict[Any, Shard] = {}
    pool = new_pool()
    try:
        while True:
            # Shards in flight when a worker died are mapped again one at a time, nothing beside
            # them: a shard that kills its worker then is known, and the others are not blamed.
            broken = False
            while len(pending) < (1 if suspects else 2 * jobs):
                if suspects and pending:
                    break
                shard = suspects.popleft() if suspects else next(source, None)
                if shard is None:
                    break
                try:
                    pending[pool.submit(_map_shard_in_worker, shard, home)] = shard
                except BrokenProcessPool:  # a worker died since the last look: this shard was never sent
                    suspects.appendleft(shard)
                    broken = True
                    break
            lost: list[Shard] = []  # in flight when a worker died: its pool took them down with it
            if not broken:
                if not pending:
                    return
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    shard = pending.pop(future)
                    try:
                        result = future.result()
                    except BrokenProcessPool:
                        lost.append(shard)
                        continue
                    on_done(result)
            if broken or lost:
                lost.extend(pending.values())
                pending.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                if len(lost) == 1:  # it ran alone: its own worker died
                    shard = lost[0]
                    deaths[shard.index] = deaths.get(shard.index, 0) + 1
                    if deaths[shard.index] > SHARD_RETRIES:
                        on_done(_lost_shard(shard, f"a worker process died mapping this document's shard "
                                                   f"{SHARD_RETRIES + 1} times (out of memory?)"))
                        lost = []
                suspects.extend(lost)
                pool = new_pool()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# ---------------------------------------------------------------- a whole run

#: How a run's shards are mapped: ``runner(shards, on_done, gazetteer=..., home=...)``;
#: run_in_process, run_in_pool (with jobs) and geo.dask.shard_runner(client) are runners.
Runner = Callable[..., None]


def run_batch(
    source: str,
    outdir: str,
    *,
    shard_format: str = "jsonl",
    shard_size: int = DEFAULT_SHARD_SIZE,
    jobs: int | None = None,
    runner: Runner | None = None,
    overwrite: bool = False,
    encoding: str = "auto",
    text_field: str = "text",
    id_field: str = "id",
    max_chars: int | None = None,
    home: Place | None = None,
    gazetteer: Gazetteer | None = None,
    progress: Any = None,
) -> dict[str, Any]:
    """Map every document of ``source`` into the shard folder ``outdir`` (see geo.shards); the
    manifest written to ``_SUCCESS``.

    Rerun on the same ``outdir``, it maps only the shards not yet complete; a different input,
    different options or another geo or data version are refused unless ``overwrite``.
    ``jobs``: worker processes (None: one per CPU; 1: this process); ``runner`` replaces them
    (geo.dask.shard_runner). ``progress``: a geo.progress.Progress, or None for none.
    """
    from geo import __version__
    from geo.inputs import DEFAULT_MAX_CHARS, read_documents
    from geo.shards import OutputFolder, data_version, input_fingerprint

    if max_chars is None:
        max_chars = DEFAULT_MAX_CHARS
    if source == "-":
        raise InputError("geo batch reads a file or a folder (standard input cannot be resumed); use geo extract for pipes")
    if not Path(source).exists():
        raise FileNotFoundError(f"{source}: no such file")
    src, out_path = Path(source).resolve(), Path(outdir).resolve()
    if src.is_dir() and (out_path == src or src in out_path.parents):
        raise InputError(f"{outdir}: the output folder must not be inside the input folder {source}")
    if not isinstance(shard_size, int) or shard_size < 1:
        raise InputError(f"--shard-size must be a positive integer, got {shard_size!r}")
    gz = gazetteer if gazetteer is not None else Gazetteer()
    identity = {
        "geo_version": __version__,
        "data_version": data_version(gz.data_dir),
        "input": str(src),
        "input_fingerprint": input_fingerprint(src),
        "format": shard_format,
        "shard_size": shard_size,
        "shard_max_chars": SHARD_MAX_CHARS,
        "encoding": encoding,
        "text_field": text_field,
        "id_field": id_field,
        "max_chars": max_chars,
        "home": home.id if home is not None else None,
    }
    out = OutputFolder(outdir, shard_format)
    out.start(identity, overwrite=overwrite)
    try:
        index = gz.ensure_index()  # built here once (about half a minute), before any worker needs it
        started = time.perf_counter()
        seen = {"shards": 0, "resumed": 0, "characters": 0}

        def todo() -> Iterator[Shard]:
            items = read_documents(str(src), encoding=encoding, text_field=text_field, id_field=id_field, max_chars=max_chars)
            for shard in make_shards(items, size=shard_size):
                seen["shards"] += 1
                if out.complete(shard.index):  # done by an earlier run of this same run
                    seen["resumed"] += 1
                    if progress is not None:
                        progress.advance(out.shard_counts(shard.index), resumed=True)
                    continue
                yield shard

        def on_done(result: ShardResult) -> None:
            out.write_shard(result.index, list(result.records), result.errors, result.counts)
            seen["characters"] += result.counts["characters"]
            if progress is not None:
                progress.advance(result.counts)

        jobs = default_jobs() if jobs is None else jobs
        if not isinstance(jobs, int) or jobs < 1:
            raise InputError(f"--jobs must be a positive integer, got {jobs!r}")
        try:
            shards = todo()
            first = list(itertools.islice(shards, 2))
            shards = itertools.chain(first, shards)
            if runner is not None:
                workers = getattr(runner, "description", "custom")
                runner(shards, on_done, gazetteer=gz, home=home)
            elif jobs == 1 or len(first) < 2:  # one shard to do: workers would only cost their start
                workers = "1 process"
                run_in_process(shards, on_done, gazetteer=gz, home=home)
            else:
                workers = f"{jobs} worker processes"
                run_in_pool(shards, on_done, jobs=jobs, gazetteer=gz, home=home)
        finally:
            if progress is not None:
                progress.close()
        seconds = time.perf_counter() - started
        return out.finish(seen["shards"], {
            **identity,
            "workers": workers,
            "index": str(index),
            "resumed_shards": seen["resumed"],
            "seconds": round(seconds, 3),
            "characters_per_second_this_run": round(seen["characters"] / seconds) if seconds > 0 else None,
        })
    finally:
        out.release()  # the folder is free for another run, whether this one finished or not
