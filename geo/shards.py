"""A batch run's output folder: shards written whole or not at all, the run's identity, resume.

The folder of ``geo batch INPUT -o OUTDIR``::

    part-00000.jsonl      one record per mapped document (the ``geo extract --format jsonl``
    part-00001.jsonl      contract), or part-NNNNN.parquet; a shard exists only when complete
    _errors.jsonl         one line per document that failed: {"id", "location", "reason"}
    _SUCCESS              the manifest, written last: counts, figures, geo and data versions
    _run.json             what the run is (input, options, versions): a rerun must match it
    _parts/               per shard, its errors and counts (kept for resume and the manifest)

Each file is written under a hidden temporary name and renamed into place when complete, so a
reader (or a rerun after a kill) never sees half a file. A shard's errors and counts are
renamed into ``_parts/`` before the shard itself: the shard file is the commit.

>>> import tempfile
>>> out = OutputFolder(tempfile.mkdtemp(), "jsonl")
>>> out.write_shard(0, [{"id": "a", "toponyms": []}], [], {"documents": 1})
>>> out.complete(0), out.complete(1)
(True, False)
>>> (out.path / "part-00000.jsonl").read_text()
'{"id": "a", "toponyms": []}\\n'
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil

try:
    import fcntl
except ImportError:  # not POSIX
    fcntl = None
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from geo.errors import InputError
from geo.records import SourceError

__all__ = ["OutputFolder", "SHARD_FORMATS", "input_fingerprint", "data_version"]

SHARD_FORMATS = ("jsonl", "parquet")
RUN_FILE = "_run.json"
SUCCESS_FILE = "_SUCCESS"
ERRORS_FILE = "_errors.jsonl"
PARTS_DIR = "_parts"
#: Held (flock) by the run writing the folder: a second run into it is refused, not interleaved.
#: The OS drops the lock when the process ends, SIGKILL included, so a killed run never leaves it stuck.
LOCK_FILE = "_lock"


def data_version(data_dir: str | Path) -> str:
    """A short hash of the gazetteer's manifest: changes whenever data/ does."""
    manifest = Path(data_dir) / "manifest.json"
    try:
        return hashlib.sha256(manifest.read_bytes()).hexdigest()[:16]
    except FileNotFoundError:
        return "missing"


def input_fingerprint(path: str | Path) -> str:
    """A hash of what the input is: each file geo reads in it, with its size and modification
    time (as make and rsync judge a change), without reading the files themselves."""
    from geo.inputs import folder_files

    p = Path(path)
    files = folder_files(p) if p.is_dir() else [p]
    h = hashlib.sha256()
    for f in files:
        stat = f.stat()
        name = f.relative_to(p).as_posix() if p.is_dir() else f.name
        h.update(f"{name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return h.hexdigest()[:16]


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    with open(tmp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def _record_line(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False) + "\n"  # the bytes geo extract writes


class OutputFolder:
    """The output folder of one run: write shards atomically, know which are done, finish."""

    def __init__(self, path: str | Path, shard_format: str = "jsonl"):
        if shard_format not in SHARD_FORMATS:
            from geo.errors import UnknownNameError

            raise UnknownNameError("shard format", shard_format, SHARD_FORMATS)
        self.path = Path(path)
        self.format = shard_format
        self._lock_file = None
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            (self.path / PARTS_DIR).mkdir(exist_ok=True)
        except OSError as exc:  # a file of that name, no permission, a read-only disk
            raise InputError(f"{self.path}: cannot be the output folder ({exc.strerror or exc})") from None

    # ------------------------------------------------------------ the run's identity

    def start(self, identity: dict[str, Any], *, overwrite: bool) -> None:
        """Begin or resume the run ``identity`` describes; refuse another run's folder, and a
        folder another run is writing now."""
        self._lock()
        run_file = self.path / RUN_FILE
        if run_file.exists() and not overwrite:
            try:
                previous = json.loads(run_file.read_text(encoding="utf-8"))
            except ValueError:
                previous = {}
            changed = [key for key in sorted(set(identity) | set(previous)) if identity.get(key) != previous.get(key)]
            if changed:
                what = ", ".join(f"{key} {previous.get(key)!r} -> {identity.get(key)!r}" for key in changed)
                raise InputError(f"{self.path} holds another run ({what}); rerun with --overwrite to start it again")
        else:
            foreign = [p.name for p in self.path.iterdir() if not self._ours(p.name)]
            if foreign and not overwrite:
                raise InputError(f"{self.path} is not empty and holds no geo batch run ({', '.join(sorted(foreign)[:3])}"
                                 "...); give an empty or new folder, or --overwrite")
            if overwrite:
                self._clear()
        for stale in self.path.glob(".*.tmp-*"):  # a killed run's half-written files
            stale.unlink()
        for stale in (self.path / PARTS_DIR).glob(".*.tmp-*"):
            stale.unlink()
        _atomic_write(run_file, (json.dumps(identity, indent=1, sort_keys=True) + "\n").encode())

    def _lock(self) -> None:
        if fcntl is None or self._lock_file is not None:  # no flock here (Windows): no guard
            return
        handle = open(self.path / LOCK_FILE, "a")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            raise InputError(f"{self.path}: another geo batch run is writing this folder now; "
                             "wait for it to end, or give another folder") from None
        self._lock_file = handle

    def release(self) -> None:
        """Let another run have the folder (the end of a run, finished or not)."""
        if self._lock_file is not None:
            self._lock_file.close()  # closing the file drops its flock
            self._lock_file = None

    @staticmethod
    def _ours(name: str) -> bool:
        return (name.startswith("part-") and name.endswith((".jsonl", ".parquet"))) or name in (
            RUN_FILE, SUCCESS_FILE, ERRORS_FILE, PARTS_DIR, LOCK_FILE) or (name.startswith(".") and ".tmp-" in name)

    def _clear(self) -> None:
        """Remove what a geo batch run writes here (only that: other files stay)."""
        for p in self.path.iterdir():
            if self._ours(p.name) and p.name != LOCK_FILE:  # the lock we hold stays (a new file would not be locked)
                shutil.rmtree(p) if p.is_dir() else p.unlink()
        (self.path / PARTS_DIR).mkdir(exist_ok=True)

    # ------------------------------------------------------------ shards

    def shard_path(self, index: int) -> Path:
        return self.path / f"part-{index:05d}.{self.format}"

    def _meta_path(self, index: int) -> Path:
        return self.path / PARTS_DIR / f"part-{index:05d}.json"

    def complete(self, index: int) -> bool:
        """Is shard ``index`` written whole (by this run or an earlier one of the same run)?"""
        return self.shard_path(index).exists() and self._meta_path(index).exists()

    def shard_counts(self, index: int) -> dict[str, Any]:
        return json.loads(self._meta_path(index).read_text(encoding="utf-8"))["counts"]

    def write_shard(self, index: int, records: list[dict[str, Any]], errors: Iterable[SourceError],
                    counts: dict[str, Any]) -> None:
        """Write shard ``index``: its errors and counts first, then the shard (the commit)."""
        meta = {"counts": counts, "errors": [{"id": e.id, "location": e.location, "reason": e.reason} for e in errors]}
        _atomic_write(self._meta_path(index), (json.dumps(meta, ensure_ascii=False, sort_keys=True) + "\n").encode())
        if self.format == "jsonl":
            _atomic_write(self.shard_path(index), "".join(_record_line(r) for r in records).encode("utf-8"))
        else:
            _atomic_write(self.shard_path(index), _parquet_bytes(records))

    # ------------------------------------------------------------ the end

    def finish(self, shard_count: int, manifest: dict[str, Any]) -> dict[str, Any]:
        """Gather every shard's errors into _errors.jsonl and write _SUCCESS; the totals."""
        totals: dict[str, Any] = {}
        lines = []
        for index in range(shard_count):
            meta = json.loads(self._meta_path(index).read_text(encoding="utf-8"))
            for key, value in meta["counts"].items():
                totals[key] = totals.get(key, 0) + value
            lines.extend(json.dumps(e, ensure_ascii=False) + "\n" for e in meta["errors"])
        # Shards of an earlier, longer run of the same identity cannot exist (same input, same
        # shards), but a folder cleared by hand might hold strays: remove shards past the end.
        for stray in self.path.glob(f"part-*.{self.format}"):
            if int(stray.name[5:10]) >= shard_count:
                stray.unlink()
        _atomic_write(self.path / ERRORS_FILE, "".join(lines).encode("utf-8"))
        result = {**manifest, "shards": shard_count, **totals}
        _atomic_write(self.path / SUCCESS_FILE, (json.dumps(result, indent=1, sort_keys=True) + "\n").encode())
        return result


def parquet_schema():
    """The Arrow schema of a Parquet shard: the JSONL record's fields, typed."""
    import pyarrow as pa

    toponym = pa.struct([
        ("start", pa.int64()), ("end", pa.int64()), ("text", pa.string()), ("mention_kind", pa.string()),
        ("place_id", pa.string()), ("name", pa.string()), ("kind", pa.string()), ("lat", pa.float64()),
        ("lon", pa.float64()), ("country_code", pa.string()), ("score", pa.float64()),
    ])  # fmt: skip
    return pa.schema([("id", pa.string()), ("toponyms", pa.list_(toponym))])


def _parquet_bytes(records: list[dict[str, Any]]) -> bytes:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError("--format parquet needs pyarrow: pip install 'geo[dask]' (or pip install pyarrow)") from None
    table = pa.Table.from_pylist(records, schema=parquet_schema())
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    return sink.getvalue().to_pybytes()
