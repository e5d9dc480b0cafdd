"""geo batch, end to end: one process, the local process pool and a 2-worker Dask LocalCluster, side by side.

Usage (from the project root, with ``pip install -e '.[dask]'``)::

    python benchmarks/batch.py                  # the dev corpora, concatenated to >= 20 MB
    python benchmarks/batch.py --mb 5           # a smaller input
    python benchmarks/batch.py --corpora-dir DIR

Every figure is a real ``python -m geo batch`` run (a new process, wall clock, its own
output folder), on one input: the dev corpora's ``{"id", "text"}`` concatenated until the
input passes ``--mb`` million characters (each copy's ids made unique). Printed, not asserted:

- documents/s and MB/s (MB = 10**6 characters) for ``--jobs 1``, ``--jobs 2`` and
  ``--dask ADDRESS`` (a LocalCluster of 2 one-thread workers started beforehand, as a cluster
  already runs; its start-up is printed apart), beside the peer ``geo extract --jobs 2`` (the
  streaming tool) on the same input; the Dask path's overhead against the process pool;
- peak resident memory of every process of each run (the parent, each worker), sampled with
  psutil every 0.25 s: RSS counts the gazetteer's memory-mapped name store (~100 MB, shared
  between the processes of a machine and reclaimable) in full in every process;
- the one-time index build each machine does (a new cache folder), its time and peak memory;
- a run SIGKILLed once half its shards exist, then resumed: the time the rerun takes;
- how the cost grows: the process pool on a quarter, half and all of the input (s per MB).

Repeated copies of a corpus name the same places again, which the gazetteer's memos make
cheaper than new text: absolute MB/s are somewhat flattered (see benchmarks/throughput.py
for text geo has not seen); the comparisons between runs are like for like.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPORA = ROOT.parent / "shared" / "eval" / "data"
CORPORA = ("trnews", "geowebnews", "lgl")


def build_input(corpora_dir: Path, mb: float, path: Path) -> tuple[int, int]:
    """Write the corpora's texts, repeated until ``mb`` million characters; (documents, characters)."""
    texts = []
    for name in CORPORA:
        with open(corpora_dir / f"{name}.jsonl", encoding="utf-8") as fh:
            texts.extend((f"{name}-{json.loads(line)['id']}", json.loads(line)["text"]) for line in fh if line.strip())
    docs = chars = copy = 0
    with open(path, "w", encoding="utf-8") as out:
        while chars < mb * 1e6:
            for doc_id, text in texts:
                out.write(json.dumps({"id": f"{copy}-{doc_id}", "text": text}, ensure_ascii=False) + "\n")
                docs += 1
                chars += len(text)
            copy += 1
    return docs, chars


class PeakMemory:
    """Samples the RSS of a process and all its descendants; the peak of each process."""

    def __init__(self, pid: int, interval: float = 0.25):
        import psutil

        self.psutil, self.root, self.interval = psutil, psutil.Process(pid), interval
        self.peaks: dict[int, tuple[str, int]] = {}
        self._names: dict[int, str] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                processes = [self.root, *self.root.children(recursive=True)]
            except self.psutil.Error:
                return
            for p in processes:
                try:
                    rss = p.memory_info().rss
                    name = self._names.get(p.pid)
                    if name is None:  # once per process: sampling must cost next to nothing (its CPU is counted)
                        name = self._names[p.pid] = " ".join(p.cmdline()[1:4])[:80]
                except self.psutil.Error:
                    continue
                if rss > self.peaks.get(p.pid, ("", 0))[1]:
                    self.peaks[p.pid] = (name, rss)
            self._stop.wait(self.interval)

    def stop(self) -> dict[int, tuple[str, int]]:
        self._stop.set()
        self._thread.join()
        return self.peaks


def cpu_seconds(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def processes_cpu(processes) -> float:
    """User + system CPU seconds the given psutil processes have used so far."""
    total = 0.0
    for p in processes:
        try:
            times = p.cpu_times()
            total += times.user + times.system
        except Exception:  # gone
            pass
    return total


def _start_geo_on_worker() -> float:
    """On a Dask worker: what its first geo task pays once (import geo, open the gazetteer's
    index, load the recognizer and word tables); the process's CPU seconds for it."""
    start = time.process_time()
    from geo.dask import worker_gazetteer
    from geo.pipeline import map_text

    map_text("Rain fell on Paris, Texas, and on Baku, Azerbaijan.", gazetteer=worker_gazetteer(), outlines=False)
    return time.process_time() - start


def run_geo(args: list[str], *, env: dict | None = None) -> tuple[float, dict[int, tuple[str, int]], float]:
    """Run ``python -m geo ARGS``; (wall seconds, peak RSS per process with the parent's under key 0,
    CPU seconds of the run's processes and of this one, where a LocalCluster's scheduler runs)."""
    cpu_before = cpu_seconds(resource.RUSAGE_CHILDREN) + cpu_seconds(resource.RUSAGE_SELF)
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "geo", *args], cwd=ROOT, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True, env=env)
    memory = PeakMemory(process.pid)
    _, err = process.communicate()
    seconds = time.perf_counter() - start
    peaks = memory.stop()
    if process.pid in peaks:
        peaks[0] = peaks.pop(process.pid)
    if process.returncode not in (0, 3):
        raise SystemExit(f"geo {' '.join(args)} failed ({process.returncode}): {err.strip()[-500:]}")
    cpu = cpu_seconds(resource.RUSAGE_CHILDREN) + cpu_seconds(resource.RUSAGE_SELF) - cpu_before
    return seconds, peaks, cpu


def mb(n: int) -> str:
    return f"{n / 1e6:.0f} MB"


def worker_peak(peaks: dict[int, tuple[str, int]]) -> tuple[int, int]:
    """(the parent's peak, the largest other process's peak)."""
    return peaks.get(0, ("", 0))[1], max((rss for pid, (_, rss) in peaks.items() if pid != 0), default=0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpora-dir", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--mb", type=float, default=20.0, help="input size in million characters (default 20)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each configuration, taken in turn; the "
                        "fastest is shown (the machine is shared: the others are slowed by other work) (default 3)")
    parser.add_argument("--skip-index", action="store_true", help="skip the index build (about half a minute)")
    options = parser.parse_args()
    try:
        import distributed
        import psutil  # noqa: F401 (distributed's own dependency)
    except ImportError:
        raise SystemExit("benchmarks/batch.py needs the dask extra: pip install -e '.[dask]'")

    work = Path(tempfile.mkdtemp(prefix="geo-batch-bench-"))
    try:
        source = work / "input.jsonl"
        docs, chars = build_input(options.corpora_dir, options.mb, source)
        print(f"input: {docs:,} documents, {chars / 1e6:.1f} million characters ({source.stat().st_size / 1e6:.1f} MB "
              f"of JSONL), the dev corpora {', '.join(CORPORA)} concatenated; {os.cpu_count()} CPUs")
        # name -> (seconds, CPU seconds, parent peak, worker peak) of its fastest run
        best: dict[str, tuple[float, float, int, int]] = {}
        starts = []

        def keep(name: str, seconds: float, cpu: float, parent: int, worker: int) -> None:
            if name not in best or seconds < best[name][0]:
                best[name] = (seconds, cpu, parent, worker)

        for round_ in range(options.repeat):
            for name, extra in (("batch --jobs 1", ["--jobs", "1"]), ("batch --jobs 2", ["--jobs", "2"])):
                shutil.rmtree(work / name, ignore_errors=True)
                seconds, peaks, cpu = run_geo(["batch", str(source), "-o", str(work / name), "--quiet", *extra])
                keep(name, seconds, cpu, *worker_peak(peaks))
            # A new cluster each round: workers that had mapped the input before would be flattered by their memos.
            start = time.perf_counter()
            cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                               dashboard_address=":0", silence_logs=40)
            starts.append(time.perf_counter() - start)
            try:
                # The workers are the cluster's processes (children of this one), not the run's: sample them too.
                cluster_memory = PeakMemory(os.getpid())
                shutil.rmtree(work / "dask", ignore_errors=True)
                import psutil

                workers_now = [p for p in psutil.Process().children(recursive=True)
                               if "spawn_main" in " ".join(p.cmdline())]
                worker_cpu = processes_cpu(workers_now)
                seconds, peaks, cpu = run_geo(["batch", str(source), "-o", str(work / "dask"), "--quiet",
                                               "--dask", cluster.scheduler_address])
                cpu += processes_cpu(workers_now) - worker_cpu
                workers = [rss for name, rss in cluster_memory.stop().values() if "spawn_main" in name]
                keep("batch --dask (2 workers)", seconds, cpu, worker_peak(peaks)[0], max(workers, default=0))
            finally:
                cluster.close()
            seconds, peaks, cpu = run_geo(["extract", str(source), "--jobs", "2", "-o", str(work / "extract.jsonl")])
            keep("peer: extract --jobs 2", seconds, cpu, *worker_peak(peaks))
        rows = [(name, *figures) for name, figures in best.items()]
        # The one-time start of geo in each Dask worker (a forked pool worker inherits it from the parent).
        cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                           dashboard_address=":0", silence_logs=40)
        try:
            with distributed.Client(cluster) as client:
                worker_start = sum(client.run(_start_geo_on_worker).values())
        finally:
            cluster.close()
        # ...and in the client: importing distributed and connecting (a geo batch without --dask imports neither).
        before = cpu_seconds(resource.RUSAGE_CHILDREN)
        subprocess.run([sys.executable, "-c", "import distributed"], check=True)
        client_start = cpu_seconds(resource.RUSAGE_CHILDREN) - before
        fixed = worker_start + client_start
        one, pool, dask = (best[name][0] for name in ("batch --jobs 1", "batch --jobs 2", "batch --dask (2 workers)"))
        pool_cpu, dask_cpu = best["batch --jobs 2"][1], best["batch --dask (2 workers)"][1]
        cluster_start = min(starts)

        same = all((work / "batch --jobs 1" / p.name).read_bytes() == p.read_bytes()
                   for p in (work / "dask").glob("part-*.jsonl"))
        print(f"\nfastest of {options.repeat} runs each, taken in turn:")
        print(f"{'run':<28}{'s':>7}{'docs/s':>8}{'MB/s':>7}{'CPU s':>7}{'MB/CPU s':>10}{'parent MB':>11}{'worker MB':>11}")
        for name, seconds, cpu, parent, worker in rows:
            print(f"{name:<28}{seconds:>7.1f}{docs / seconds:>8.0f}{chars / seconds / 1e6:>7.2f}{cpu:>7.1f}"
                  f"{chars / cpu / 1e6:>10.2f}{parent / 1e6:>11.0f}{(worker / 1e6 if worker else float('nan')):>11.0f}")
        print(f"(MB: peak resident memory of the run's own process and of its largest worker; the LocalCluster "
              f"took {cluster_start:.1f} s to start, not counted above)")
        print(f"Dask against the process pool: {100 * (dask / pool - 1):+.1f} % time, {100 * (dask_cpu / pool_cpu - 1):+.1f} % "
              f"CPU, of which {fixed:.1f} CPU s is paid once per run whatever its size (importing distributed in the "
              f"client {client_start:.1f} s, geo starting in the 2 new workers {worker_start:.1f} s): without it "
              f"{100 * ((dask_cpu - fixed) / pool_cpu - 1):+.1f} %; "
              f"its shards {'byte-identical to' if same else 'DIFFERENT from'} the one-process run's")
        print(f"two processes against one: x{one / pool:.2f}")

        # A run killed once half its shards exist, then resumed.
        out = work / "killed"
        command = [sys.executable, "-m", "geo", "batch", str(source), "-o", str(out), "--quiet", "--jobs", "2"]
        process = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.DEVNULL, start_new_session=True)
        total_shards = len(list((work / "batch --jobs 1").glob("part-*.jsonl")))
        while len(list(out.glob("part-*.jsonl"))) < total_shards // 2 and process.poll() is None:
            time.sleep(0.05)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        done = len(list(out.glob("part-*.jsonl")))
        cpu_before = cpu_seconds(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, check=True, stderr=subprocess.DEVNULL)
        resume = time.perf_counter() - start
        resume_cpu = cpu_seconds(resource.RUSAGE_CHILDREN) - cpu_before
        same = all((work / "batch --jobs 1" / p.name).read_bytes() == p.read_bytes() for p in out.glob("part-*.jsonl"))
        print(f"\nkilled with {done} of {total_shards} shards written; the rerun took {resume:.1f} s, {resume_cpu:.1f} CPU s "
              f"({resume / pool:.0%} of a whole run's time with the same 2 workers, {resume_cpu / pool_cpu:.0%} of its CPU); shards "
              f"{'byte-identical' if same else 'DIFFERENT'}")

        # Linear? The process pool on a quarter, a half and all of the input.
        print("\ncost against input size (batch --jobs 2):")
        # split on "\n" only: texts may hold U+2028, which str.splitlines would break at
        lines = [line + "\n" for line in source.read_text(encoding="utf-8").split("\n") if line]
        for fraction in (0.25, 0.5, 1.0):
            part = work / f"part-{fraction}.jsonl"
            part.write_text("".join(lines[: int(len(lines) * fraction)]), encoding="utf-8")
            part_chars = sum(len(json.loads(line)["text"]) for line in lines[: int(len(lines) * fraction)])
            seconds, _, cpu = run_geo(["batch", str(part), "-o", str(work / f"lin-{fraction}"), "--quiet", "--jobs", "2"])
            print(f"  {fraction:>4.0%} of the input: {part_chars / 1e6:5.1f} MB in {seconds:5.1f} s, {cpu:5.1f} CPU s = "
                  f"{seconds / (part_chars / 1e6):.2f} s and {cpu / (part_chars / 1e6):.2f} CPU s per MB")

        if not options.skip_index:
            cache = work / "cache"
            code = "from geo.gazetteer import Gazetteer; import sys; Gazetteer(cache_dir=sys.argv[1]).ensure_index()"
            start = time.perf_counter()
            process = subprocess.Popen([sys.executable, "-c", code, str(cache)], cwd=ROOT)
            memory = PeakMemory(process.pid)
            process.wait()
            peaks = memory.stop()
            print(f"\nindex build in a new cache folder (once per machine): {time.perf_counter() - start:.1f} s, "
                  f"peak {max(rss for _, rss in peaks.values()) / 1e6:.0f} MB")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
