"""geo on Dask: the shards of ``geo batch`` as Dask tasks, and :func:`extract` for Dask collections.

The cluster is an option, not a rewrite: each task runs :func:`geo.batch.map_shard` (or, for
a collection, the same mapping on one partition), exactly what the local process pool runs,
so the records are the same. Each worker process opens its gazetteer once, on its first task,
and keeps it (the index lives in ``cache_dir``, else ``$GEO_CACHE_DIR``, else ``~/.cache/geo``
on the worker's machine, and is built there once). A worker that dies mid-task loses nothing:
the scheduler sends its tasks to another worker (a shard is written only when complete).

Needs ``pip install 'geo[dask]'``; importing this module does not (dask is imported on use).

>>> import dask.bag as db
>>> bag = db.from_sequence([{"id": "a", "text": "Rain over Baku."}], npartitions=1)
>>> [(r["id"], [t["name"] for t in r["toponyms"]]) for r in extract(bag).compute(scheduler="sync")]
[('a', ['Baku'])]
"""

from __future__ import annotations

import contextlib
import itertools
import socket
import threading
from collections.abc import Callable, Iterable
from typing import Any

from geo.batch import ShardResult, Shard, default_jobs, map_one, map_shard
from geo.errors import InputError
from geo.gazetteer import Gazetteer
from geo.records import Place, SourceDocument, SourceError
from geo.tables import extract_record

__all__ = ["extract", "shard_runner", "worker_gazetteer", "INSTALL_HINT"]

INSTALL_HINT = "pip install 'geo[dask]' (dask[distributed], pyarrow)"
#: How long --dask ADDRESS waits for the scheduler before it says it cannot reach it.
CONNECT_TIMEOUT = "10s"

# One gazetteer per worker process and (data_dir, cache_dir), opened by the first task that
# needs it: tasks come and go, the gazetteer (and its memos, its open index) stays.
_gazetteers: dict[tuple[str | None, str | None], Gazetteer] = {}
_lock = threading.Lock()


def worker_gazetteer(data_dir: str | None = None, cache_dir: str | None = None) -> Gazetteer:
    """This process's gazetteer for ``data_dir`` and ``cache_dir`` (None: the defaults), opened once.

    On a Dask worker whose machine has no index yet, one worker of the machine builds it
    while the others wait for it (a Dask lock per machine and index): built once per
    machine, not once per worker process, which would also need each build's memory at once.
    """
    key = (data_dir, cache_dir)
    with _lock:
        gazetteer = _gazetteers.get(key)
        if gazetteer is None:
            gazetteer = Gazetteer(data_dir, cache_dir=cache_dir)
            with _machine_lock(gazetteer):
                gazetteer.ensure_index()
            _gazetteers[key] = gazetteer
        return gazetteer


def _machine_lock(gazetteer: Gazetteer) -> Any:
    """A Dask lock for building this machine's index, inside a Dask worker; else nothing."""
    index = gazetteer.index_path()
    if index.exists():
        return contextlib.nullcontext()
    try:
        from distributed import Lock, get_worker

        get_worker()  # raises ValueError outside a worker's task
    except (ImportError, ValueError):
        return contextlib.nullcontext()
    return Lock(f"geo-index-{socket.gethostname()}-{index}")


def _distributed():
    try:
        import distributed
    except ImportError:
        raise InputError(f"--dask needs dask's distributed scheduler: {INSTALL_HINT}") from None
    return distributed


# ---------------------------------------------------------------- geo batch --dask


def _shard_task(shard: Shard, home: Place | None, data_dir: str | None, cache_dir: str | None,
                render: Callable[..., dict[str, Any]] = extract_record) -> ShardResult:
    return map_shard(shard, gazetteer=worker_gazetteer(data_dir, cache_dir), home=home, render=render)


class DaskRunner:
    """Maps a run's shards as tasks on a Dask cluster (a runner for geo.batch.run_batch)."""

    def __init__(self, client: Any, *, cluster: Any = None, cache_dir: str | None = None,
                 data_dir: str | None = None, render: Callable[..., dict[str, Any]] = extract_record):
        self.client, self.cluster = client, cluster
        self.cache_dir, self.data_dir, self.render = cache_dir, data_dir, render
        workers = len(client.scheduler_info().get("workers", {}))
        where = "a LocalCluster" if cluster is not None else f"the cluster at {client.scheduler.address}"
        self.description = f"Dask, {workers} workers on {where}"

    def __call__(self, shards: Iterable[Shard], on_done: Callable[[ShardResult], None], *,
                 gazetteer: Gazetteer, home: Place | None = None) -> None:
        distributed = _distributed()
        from geo.batch import _lost_shard

        # A few shards ahead of the workers: the input is read as the run goes, never all at once.
        ahead = 2 * max(1, sum(self.client.nthreads().values()))
        source = iter(shards)
        futures = {}

        def submit(shard: Shard):
            future = self.client.submit(_shard_task, shard, home, self.data_dir, self.cache_dir, self.render,
                                        key=f"geo-shard-{shard.index:05d}-{id(self):x}", pure=False, retries=1)
            futures[future.key] = shard
            return future

        queue = distributed.as_completed([submit(shard) for shard in itertools.islice(source, ahead)])
        for future in queue:
            shard = futures.pop(future.key)
            try:
                result = future.result()
            except Exception as exc:  # KilledWorker: the scheduler gave up after several dead workers
                result = _lost_shard(shard, f"the Dask task for this document's shard failed: {type(exc).__name__}")
            future.release()
            on_done(result)
            following = next(source, None)
            if following is not None:
                queue.add(submit(following))

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def shard_runner(address: str, *, cache_dir: str | None = None, workers: int | None = None,
                 render: Callable[..., dict[str, Any]] = extract_record) -> DaskRunner:
    """A runner for ``geo batch --dask ADDRESS``: a client of the scheduler at ``address``,
    or of a new LocalCluster (``workers`` processes, one thread each) when it is ``"local"``."""
    distributed = _distributed()
    if address == "local":
        n = workers or default_jobs()
        cluster = distributed.LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                           dashboard_address=":0", silence_logs=40)
        return DaskRunner(distributed.Client(cluster), cluster=cluster, cache_dir=cache_dir, render=render)
    try:
        client = distributed.Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as exc:
        raise InputError(f"--dask: cannot reach a Dask scheduler at {address!r} ({' '.join(str(exc).split())[:200]})") from None
    return DaskRunner(client, cache_dir=cache_dir, render=render)


# ---------------------------------------------------------------- collections


def _source(item: Any, position: int, text_field: str, id_field: str) -> SourceDocument | SourceError:
    if isinstance(item, tuple) and len(item) == 2:
        return SourceDocument(str(item[0]), item[1], str(item[0])) if isinstance(item[1], str) \
            else SourceError(str(item[0]), str(item[0]), "the text is not a string")
    if isinstance(item, str):
        return SourceDocument(str(position), item, str(position))
    if isinstance(item, dict):
        doc_id = str(item[id_field]) if item.get(id_field) is not None else str(position)
        text = item.get(text_field)
        if not isinstance(text, str) or not text.strip():
            return SourceError(doc_id, doc_id, f"no {text_field!r} text")
        return SourceDocument(doc_id, text, doc_id)
    return SourceError(None, str(position), f"expected a dict, an (id, text) pair or a text, got {type(item).__name__}")


def _record(item: SourceDocument | SourceError, gazetteer: Gazetteer, home: Place | None) -> dict[str, Any]:
    result = map_one(item, extract_record, gazetteer, home=home)
    if isinstance(result, SourceError):
        return {"id": result.id, "toponyms": None, "error": result.reason}
    return {**result, "error": None}


def _bag_partition(items: Iterable[Any], text_field: str, id_field: str, home: Place | None,
                   cache_dir: str | None) -> list[dict[str, Any]]:
    gazetteer = worker_gazetteer(None, cache_dir)
    return [_record(_source(item, i, text_field, id_field), gazetteer, home) for i, item in enumerate(items)]


def _frame_partition(frame: Any, text_field: str, id_field: str, home: Place | None, cache_dir: str | None) -> Any:
    import pandas as pd

    gazetteer = worker_gazetteer(None, cache_dir)
    ids = frame[id_field] if id_field in frame.columns else frame.index
    rows = [_record(_source({"id": i, "text": t}, i, "text", "id"), gazetteer, home)
            for i, t in zip(ids, frame[text_field])]
    return pd.DataFrame({key: pd.Series([row[key] for row in rows], index=frame.index, dtype=object)
                         for key in ("id", "toponyms", "error")})


def extract(collection: Any, *, text_field: str = "text", id_field: str = "id", home: Place | None = None,
            cache_dir: str | None = None) -> Any:
    """The ``geo extract`` record of every document of a Dask collection, lazily.

    A ``dask.bag.Bag`` of dicts (``{"id", "text"}``, field names selectable), ``(id, text)``
    pairs or texts gives a Bag of records ``{"id", "toponyms", "error"}``; a
    ``dask.dataframe.DataFrame`` with a text column gives a DataFrame with the columns
    ``id``, ``toponyms`` (a list of dicts) and ``error``, on the same index. ``error`` is None,
    or says in one line why that document could not be mapped (its ``toponyms`` then None).
    """
    import dask.bag as db

    if isinstance(collection, db.Bag):
        return collection.map_partitions(_bag_partition, text_field, id_field, home, cache_dir)
    try:
        import dask.dataframe as dd
    except ImportError:
        dd = None
    if dd is not None and isinstance(collection, dd.DataFrame):
        if text_field not in collection.columns:
            raise InputError(f"no {text_field!r} column (columns: {', '.join(map(str, collection.columns))})")
        import pandas as pd

        meta = pd.DataFrame({"id": pd.Series(dtype=object), "toponyms": pd.Series(dtype=object),
                             "error": pd.Series(dtype=object)})
        return collection.map_partitions(_frame_partition, text_field, id_field, home, cache_dir, meta=meta)
    raise InputError(f"geo.dask.extract takes a dask Bag or DataFrame, got {type(collection).__name__}")
