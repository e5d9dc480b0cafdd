"""geo batch: shards, fault isolation, resume after a real kill, options, progress (local processes)."""

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from geo import batch
from geo.cli import run
from geo.pipeline import map_text
from geo.progress import Progress

ROOT = Path(__file__).parents[1]
PLACES = ["Baku", "Tovuz, Azerbaijan", "Paris, Texas", "Armenia", "Lisbon", "Nairobi, Kenya", "Columbus, Ohio",
          "Osaka", "Peru", "the Alps", "Quebec", "Fuzuli", "Lagos, Nigeria", "Bavaria", "Chile"]


def synthetic_text(i: int, sentences: int = 4) -> str:
    """A made-up news paragraph naming a few places (deterministic in i)."""
    parts = []
    for k in range(sentences):
        a, b = PLACES[(i + k) % len(PLACES)], PLACES[(i * 7 + k * 3) % len(PLACES)]
        parts.append(f"Officials in {a} said on Monday that talks with {b} would resume next week.")
    return " ".join(parts)


def write_jsonl(path: Path, texts) -> Path:
    path.write_text("".join(json.dumps({"id": f"d{i}", "text": t}) + "\n" for i, t in enumerate(texts)), encoding="utf-8")
    return path


def shards(outdir: Path, suffix="jsonl") -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(outdir.glob(f"part-*.{suffix}"))}


def records(outdir: Path) -> list[dict]:
    return [json.loads(line) for data in shards(outdir).values() for line in data.decode().splitlines()]


def test_bad_documents_are_reported_and_every_good_one_mapped(tmp_path, capsys, monkeypatch):
    def fragile(text, **options):  # the test hook: a pipeline bug that only this text meets
        if "KABOOM" in text:
            raise ValueError("simulated bug")
        return map_text(text, **options)

    monkeypatch.setattr(batch, "map_text", fragile)
    source = tmp_path / "in"
    (source / "sub").mkdir(parents=True)
    for i in range(5):
        (source / f"t{i}.txt").write_text(synthetic_text(i), encoding="utf-8")
    (source / "sub" / "latin.txt").write_bytes("Caf\xe9 in Paris, France.".encode("latin-1"))
    (source / "sub" / "empty.txt").write_text("\n", encoding="utf-8")
    (source / "sub" / "huge.txt").write_text("Baku. " * 900_000, encoding="utf-8")  # 5.4 MB
    (source / "sub" / "boom.txt").write_text("KABOOM over Baku.", encoding="utf-8")
    lines = [json.dumps({"id": "j1", "text": synthetic_text(9)}), '{"id": "j2", "text": "cut off',
             json.dumps({"id": "j3"}), json.dumps({"id": "j4", "text": synthetic_text(10)})]
    (source / "sub" / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert run(["batch", str(source), "-o", str(out), "--shard-size", "3", "--jobs", "1", "--quiet"]) == 3
    err = capsys.readouterr().err
    assert err.strip().count("\n") == 0 and "Traceback" not in err  # one summary line
    assert f"geo batch: 7 of 13 documents mapped, 6 failed (see {out / '_errors.jsonl'}); 5 shards" in err
    got = records(out)
    assert [r["id"] for r in got] == ["j1", "j4", "t0", "t1", "t2", "t3", "t4"]
    assert [t["name"] for t in got[2]["toponyms"]][:5] == ["Baku", "Baku", "Tovuz", "Azerbaijan", "Armenia"]
    errors = [json.loads(line) for line in (out / "_errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(e["id"], Path(e["location"]).name) for e in errors] == [
        ("sub/boom", "boom.txt"), ("sub/empty", "empty.txt"), (None, "feed.jsonl:2"), ("j3", "feed.jsonl:3"),
        ("sub/huge", "huge.txt"), ("sub/latin", "latin.txt")]
    reasons = [e["reason"] for e in errors]
    assert reasons[0] == "geo raised ValueError: simulated bug while mapping this text"
    assert reasons[1:4] == ["empty text", reasons[2], "no 'text' field"] and reasons[2].startswith("not JSON")
    assert reasons[4] == "5,400,000 characters, over the limit of 2,000,000"
    assert reasons[5].startswith("not valid utf-8 (byte 0xe9 at offset 3)")
    manifest = json.loads((out / "_SUCCESS").read_text())
    assert (manifest["documents"], manifest["mapped"], manifest["failed"], manifest["shards"]) == (13, 7, 6, 5)
    assert manifest["data_version"] and manifest["geo_version"] and manifest["toponyms"] == sum(
        len(r["toponyms"]) for r in got)


def test_records_are_the_same_bytes_whatever_the_number_of_workers(tmp_path):
    source = write_jsonl(tmp_path / "c.jsonl", [synthetic_text(i) for i in range(40)])
    assert run(["batch", str(source), "-o", str(tmp_path / "one"), "--shard-size", "7", "--jobs", "1", "--quiet"]) == 0
    assert run(["batch", str(source), "-o", str(tmp_path / "two"), "--shard-size", "7", "--jobs", "2", "--quiet"]) == 0
    one, two = shards(tmp_path / "one"), shards(tmp_path / "two")
    assert list(one) == [f"part-{i:05d}.jsonl" for i in range(6)] and one == two
    assert json.loads((tmp_path / "one" / "_SUCCESS").read_text())["workers"] == "1 process"
    assert json.loads((tmp_path / "two" / "_SUCCESS").read_text())["workers"] == "2 worker processes"
    # The same record contract, and bytes, as geo extract --format jsonl.
    extracted = subprocess.run([sys.executable, "-m", "geo", "extract", str(source), "--jobs", "1"], cwd=ROOT,
                               capture_output=True, check=True).stdout
    assert b"".join(one.values()) == extracted


def test_a_pool_worker_that_dies_loses_nothing(tmp_path, monkeypatch):
    marker = tmp_path / "died"

    def dies_once(text, **options):  # forked workers inherit the patch
        if "Lisbon" in text and not marker.exists():
            marker.touch()
            os._exit(1)  # as the kernel's OOM killer would: no exception, no clean-up
        return map_text(text, **options)

    source = write_jsonl(tmp_path / "c.jsonl", [synthetic_text(i) for i in range(30)])
    assert run(["batch", str(source), "-o", str(tmp_path / "one"), "--shard-size", "5", "--jobs", "1", "--quiet"]) == 0
    monkeypatch.setattr(batch, "map_text", dies_once)
    assert run(["batch", str(source), "-o", str(tmp_path / "two"), "--shard-size", "5", "--jobs", "2", "--quiet"]) == 0
    assert marker.exists() and shards(tmp_path / "two") == shards(tmp_path / "one")
    assert json.loads((tmp_path / "two" / "_SUCCESS").read_text())["mapped"] == 30


def test_a_shard_whose_worker_always_dies_is_reported_and_the_rest_mapped(tmp_path, capsys, monkeypatch):
    def always_dies(text, **options):
        if "FATAL" in text:
            os._exit(1)
        return map_text(text, **options)

    texts = [synthetic_text(i) for i in range(30)]
    texts[12] = "FATAL in Oslo."
    source = write_jsonl(tmp_path / "c.jsonl", texts)
    monkeypatch.setattr(batch, "map_text", always_dies)
    assert run(["batch", str(source), "-o", str(tmp_path / "out"), "--shard-size", "5", "--jobs", "2", "--quiet"]) == 3
    assert "25 of 30 documents mapped, 5 failed" in capsys.readouterr().err
    assert [r["id"] for r in records(tmp_path / "out")] == [f"d{i}" for i in range(30) if not 10 <= i < 15]
    errors = [json.loads(line) for line in (tmp_path / "out" / "_errors.jsonl").read_text().splitlines()]
    assert [e["id"] for e in errors] == ["d10", "d11", "d12", "d13", "d14"]
    assert errors[0]["reason"] == "a worker process died mapping this document's shard 3 times (out of memory?)"


@pytest.mark.parametrize("sig, jobs", [(signal.SIGKILL, "1"), (signal.SIGINT, "2")], ids=["SIGKILL", "SIGINT"])
def test_a_killed_run_resumes_to_the_same_bytes(tmp_path, sig, jobs):
    texts = [synthetic_text(i, sentences=30) for i in range(800)]  # about 3 MB: a few seconds of mapping
    source = write_jsonl(tmp_path / "c.jsonl", texts)
    command = [sys.executable, "-m", "geo", "batch", str(source), "--shard-size", "20", "--jobs", jobs]
    killed = tmp_path / "killed"
    process = subprocess.Popen(command + ["-o", str(killed), "--quiet"], cwd=ROOT, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    deadline = time.monotonic() + 120
    while not (killed / "part-00003.jsonl").exists():
        assert process.poll() is None and time.monotonic() < deadline, "the run ended before it could be killed"
        time.sleep(0.02)
    os.killpg(process.pid, sig)  # the whole process group (Ctrl-C signals the foreground group: workers too)
    _, err = process.communicate(timeout=60)
    if sig == signal.SIGINT:  # Ctrl-C: one line, no traceback from the parent or a worker
        assert process.returncode == 130 and err == "geo: interrupted\n", err
    done = sorted(p.name for p in killed.glob("part-*.jsonl"))
    assert 1 <= len(done) < 40  # killed midway (with 2 workers, shards finish out of order)
    for name in done:  # a reader never sees half a shard: every visible shard is whole
        assert len((killed / name).read_text().splitlines()) == 20
    resumed = subprocess.run(command + ["-o", str(killed)], cwd=ROOT, capture_output=True, text=True)
    assert resumed.returncode == 0, resumed.stderr
    assert f"({len(done)} already done)" in resumed.stderr
    whole = tmp_path / "whole"
    subprocess.run(command + ["-o", str(whole), "--quiet"], cwd=ROOT, check=True)
    assert shards(killed) == shards(whole) and len(shards(whole)) == 40
    assert (killed / "_errors.jsonl").read_bytes() == (whole / "_errors.jsonl").read_bytes() == b""
    assert not list(killed.glob(".*tmp*"))  # the killed run's temporary files are gone
    manifest = json.loads((killed / "_SUCCESS").read_text())
    assert (manifest["documents"], manifest["mapped"], manifest["resumed_shards"]) == (800, 800, len(done))


def test_resume_refuses_a_changed_input_unless_overwrite(tmp_path, capsys):
    source = write_jsonl(tmp_path / "c.jsonl", [synthetic_text(i) for i in range(6)])
    out = tmp_path / "out"
    assert run(["batch", str(source), "-o", str(out), "--shard-size", "2", "--quiet"]) == 0
    (out / "part-00001.jsonl").unlink()  # as if the run had stopped there
    stamp = (out / "part-00000.jsonl").stat().st_mtime_ns
    capsys.readouterr()
    assert run(["batch", str(source), "-o", str(out), "--shard-size", "2", "--quiet"]) == 0
    assert "(2 already done)" in capsys.readouterr().err
    assert (out / "part-00000.jsonl").stat().st_mtime_ns == stamp and (out / "part-00001.jsonl").exists()
    write_jsonl(source, [synthetic_text(i) for i in range(7)])  # the input changes
    assert run(["batch", str(source), "-o", str(out), "--shard-size", "2", "--quiet"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "holds another run (input_fingerprint" in err and "--overwrite" in err
    assert run(["batch", str(source), "-o", str(out), "--shard-size", "2", "--quiet", "--overwrite"]) == 0
    assert len(records(out)) == 7 and len(shards(out)) == 4


def test_a_folder_of_other_files_is_refused_and_other_mistakes_are_one_line(tmp_path, capsys):
    source = write_jsonl(tmp_path / "c.jsonl", ["Rain over Baku."])
    other = tmp_path / "other"
    other.mkdir()
    (other / "notes.txt").write_text("mine")
    assert run(["batch", str(source), "-o", str(other)]) == 2
    assert "is not empty and holds no geo batch run (notes.txt" in capsys.readouterr().err
    assert run(["batch", str(source), "-o", str(other), "--overwrite", "--quiet"]) == 0
    assert (other / "notes.txt").read_text() == "mine" and len(records(other)) == 1  # only geo's files replaced
    capsys.readouterr()
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "a.txt").write_text("Rain over Baku.")
    for argv, message in [
        (["batch", str(folder), "-o", str(folder / "out")], "must not be inside the input folder"),
        (["batch", "-", "-o", str(tmp_path / "o")], "standard input cannot be resumed"),
        (["batch", str(source), "-o", str(tmp_path / "o"), "--shard-size", "0"], "got 0"),
        (["batch", str(source), "-o", str(tmp_path / "o"), "--jobs", "-2"], "got -2"),
        (["batch", str(tmp_path / "nope.jsonl"), "-o", str(tmp_path / "o")], "nope.jsonl: no such file"),
        (["batch", str(source), "-o", str(source)], "cannot be the output folder (File exists)"),
    ]:
        assert run(argv) == 2, argv
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and message in err and "Traceback" not in err, (argv, err)


def test_parquet_shards_hold_the_jsonl_records(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    source = write_jsonl(tmp_path / "c.jsonl", [synthetic_text(i) for i in range(9)] + ["Nothing at all here."])
    assert run(["batch", str(source), "-o", str(tmp_path / "j"), "--shard-size", "4", "--quiet"]) == 0
    assert run(["batch", str(source), "-o", str(tmp_path / "p"), "--shard-size", "4", "--format", "parquet",
                "--quiet"]) == 0
    parts = sorted((tmp_path / "p").glob("part-*.parquet"))
    assert [p.name for p in parts] == ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
    rows = [row for p in parts for row in pq.read_table(p).to_pylist()]
    assert rows == records(tmp_path / "j") and rows[-1] == {"id": "d9", "toponyms": []}
    # And Parquet is read as input too, its rows in order.
    pa = pytest.importorskip("pyarrow")
    pq.write_table(pa.table({"id": ["x", "y"], "text": ["Rain over Baku.", "Snow in Tovuz, Azerbaijan."]}),
                   tmp_path / "in.parquet")
    assert run(["batch", str(tmp_path / "in.parquet"), "-o", str(tmp_path / "q"), "--quiet"]) == 0
    assert [(r["id"], r["toponyms"][0]["name"]) for r in records(tmp_path / "q")] == [("x", "Baku"), ("y", "Tovuz")]


def test_reading_options_and_near_reach_the_run(tmp_path, capsys):
    source = tmp_path / "c.jsonl"
    source.write_text(json.dumps({"key": "k1", "body": "Paris police said the fire was out."}) + "\n"
                      + json.dumps({"key": "k2", "body": "Baku. " * 50}) + "\n", encoding="utf-8")
    argv = ["batch", str(source), "--text-field", "body", "--id-field", "key", "--quiet"]
    assert run(argv + ["-o", str(tmp_path / "a"), "--max-chars", "100"]) == 3
    assert [r["id"] for r in records(tmp_path / "a")] == ["k1"]
    assert records(tmp_path / "a")[0]["toponyms"][0]["country_code"] == "FR"
    assert run(argv + ["-o", str(tmp_path / "b"), "--near", "Tennessee"]) == 0
    paris = records(tmp_path / "b")[0]["toponyms"][0]
    assert (paris["name"], paris["country_code"], records(tmp_path / "b")[1]["id"]) == ("Paris", "US", "k2")


def test_encoding_reaches_the_run(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes("Caf\xe9s in Paris, France.".encode("latin-1"))
    (folder / "b.txt").write_text("Rain over Baku.\r\nSnow in Tovuz.", encoding="utf-16")  # a BOM: read as UTF-16
    assert run(["batch", str(folder), "-o", str(tmp_path / "auto"), "--quiet"]) == 3
    assert [r["id"] for r in records(tmp_path / "auto")] == ["b"]
    assert run(["batch", str(folder), "-o", str(tmp_path / "latin"), "--encoding", "latin-1", "--quiet"]) == 0
    got = records(tmp_path / "latin")
    assert [t["name"] for t in got[0]["toponyms"]] == ["Paris", "France"] and got[0]["toponyms"][0]["start"] == 9


def test_cache_dir_is_where_the_index_is_opened(tmp_path, gazetteer):
    index = gazetteer.ensure_index()
    cache = tmp_path / "cache"
    cache.mkdir()
    for f in index.parent.glob(index.stem + ".*"):  # the same index, reached through another folder
        (cache / f.name).symlink_to(f)
    source = write_jsonl(tmp_path / "c.jsonl", ["Rain over Baku."])
    assert run(["batch", str(source), "-o", str(tmp_path / "out"), "--cache-dir", str(cache), "--quiet"]) == 0
    assert json.loads((tmp_path / "out" / "_SUCCESS").read_text())["index"] == str(cache / index.name)


def test_progress_log_lines_unless_quiet(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("geo.progress.LOG_INTERVAL", 0.0)
    source = write_jsonl(tmp_path / "c.jsonl", [synthetic_text(i) for i in range(6)])
    assert run(["batch", str(source), "-o", str(tmp_path / "a"), "--shard-size", "2", "--jobs", "1"]) == 0
    lines = capsys.readouterr().err.strip().split("\n")
    assert len(lines) == 5 and lines[0].startswith("geo batch: 2 documents, ") and "0 failed" in lines[0]
    assert lines[3].startswith("geo batch: 6 documents")  # the closing progress line
    assert "%" in lines[0] and "%" not in lines[3]  # the share is an estimate: the last line claims none
    assert "; 3 shards in " in lines[4]
    assert run(["batch", str(source), "-o", str(tmp_path / "b"), "--shard-size", "2", "--quiet"]) == 0
    assert capsys.readouterr().err.strip().count("\n") == 0  # only the summary


def test_a_progress_bar_on_a_terminal():
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    screen = Terminal()
    progress = Progress(stream=screen, total_chars=1000)
    assert progress.mode == "bar"
    progress.advance({"documents": 3, "failed": 1, "characters": 500})
    progress.close()
    shown = screen.getvalue()
    assert "geo batch:   0%" in shown and "0.00/1.00k" in shown  # the total, for an ETA
    assert "100%" in shown and "char/s, 3 docs, 1 failed]" in shown
    assert Progress(stream=io.StringIO()).mode == "log"


def test_a_second_run_into_a_folder_being_written_is_refused(tmp_path, capsys):
    """Two runs interleaving their shards in one folder would corrupt both: the second waits
    its turn (one line, exit 2), and the folder is free again once the first has ended."""
    from geo.shards import OutputFolder

    source = write_jsonl(tmp_path / "c.jsonl", [synthetic_text(i) for i in range(4)])
    out = tmp_path / "out"
    first = OutputFolder(out)
    first.start({"run": "another"}, overwrite=False)  # another run, holding the folder now
    assert run(["batch", str(source), "-o", str(out), "--jobs", "1", "--quiet"]) == 2
    err = capsys.readouterr().err.strip()
    assert err == f"geo: {out}: another geo batch run is writing this folder now; wait for it to end, or give another folder"
    assert not list(out.glob("part-*"))
    first.release()
    assert run(["batch", str(source), "-o", str(out), "--jobs", "1", "--quiet", "--overwrite"]) == 0
    assert len((out / "part-00000.jsonl").read_text().splitlines()) == 4
