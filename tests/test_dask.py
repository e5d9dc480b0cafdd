"""geo on Dask: a real 2-worker LocalCluster maps the same records as the local run."""

import json
import os
import sys

import pytest

distributed = pytest.importorskip("distributed")  # the test extra installs it: CI runs these
dask_bag = pytest.importorskip("dask.bag")

from geo import dask as geo_dask  # noqa: E402
from geo.batch import run_batch  # noqa: E402
from geo.cli import run  # noqa: E402
from geo.tables import extract_record  # noqa: E402

TEXTS = [
    "Officials in Baku said talks with Armenia would resume.",
    "Shelling was reported near Tovuz, Azerbaijan, on Monday.",
    "Rain in Paris, Texas, closed two schools.",
    "DIE: Flooding hit Lagos, Nigeria, overnight.",  # the text whose worker dies (see DieOnce)
    "Nothing here names a place.",
    "Columbus, Ohio, and Lisbon signed a trade pact.",
] * 3


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                                       silence_logs=40)
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def _corpus(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps({"id": f"d{i}", "text": t}) + "\n" for i, t in enumerate(TEXTS)), encoding="utf-8")
    return path


def _shards(outdir):
    return {p.name: p.read_bytes() for p in sorted(outdir.glob("part-*.jsonl"))}


def test_batch_on_the_cluster_writes_the_local_runs_shards(tmp_path, client, capsys):
    source = _corpus(tmp_path)
    assert run(["batch", str(source), "-o", str(tmp_path / "local"), "--shard-size", "4", "--jobs", "1", "--quiet"]) == 0
    address = client.scheduler.address
    assert run(["batch", str(source), "-o", str(tmp_path / "dask"), "--shard-size", "4", "--dask", address,
                "--quiet"]) == 0
    local, on_dask = _shards(tmp_path / "local"), _shards(tmp_path / "dask")
    assert len(local) == 5 and on_dask == local
    manifest = json.loads((tmp_path / "dask" / "_SUCCESS").read_text())
    assert manifest["workers"] == f"Dask, 2 workers on the cluster at {address}" and manifest["mapped"] == len(TEXTS)


def test_dask_local_starts_its_own_cluster(tmp_path):
    source = _corpus(tmp_path)
    assert run(["batch", str(source), "-o", str(tmp_path / "a"), "--shard-size", "9", "--dask", "local", "--quiet"]) == 0
    manifest = json.loads((tmp_path / "a" / "_SUCCESS").read_text())
    assert manifest["workers"].startswith("Dask, ") and manifest["workers"].endswith("on a LocalCluster")
    assert manifest["mapped"] == len(TEXTS) and len(_shards(tmp_path / "a")) == 2


class DieOnce:
    """A render that kills its worker process the first time it meets a text with DIE in it."""

    def __init__(self, marker):
        self.marker = marker

    def __call__(self, document):
        if "DIE" in document.text and not os.path.exists(self.marker):
            open(self.marker, "w").close()
            os._exit(1)  # as the kernel's OOM killer would: no exception, no clean-up
        return extract_record(document)


def test_a_worker_that_dies_loses_nothing(tmp_path, client, gazetteer):
    source = _corpus(tmp_path)
    marker = tmp_path / "died"
    runner = geo_dask.DaskRunner(client, render=DieOnce(str(marker)))
    manifest = run_batch(str(source), str(tmp_path / "dask"), shard_size=4, runner=runner, gazetteer=gazetteer)
    assert marker.exists()  # a worker did die mid-shard
    run_batch(str(source), str(tmp_path / "local"), shard_size=4, jobs=1, gazetteer=gazetteer)
    assert _shards(tmp_path / "dask") == _shards(tmp_path / "local")
    assert (manifest["mapped"], manifest["failed"]) == (len(TEXTS), 0)
    client.wait_for_workers(2, timeout=60)  # the nanny restarted it, for the tests after this one


def test_each_worker_opens_its_gazetteer_once(client):
    def opened(_):
        return os.getpid(), id(geo_dask.worker_gazetteer())

    pairs = set(client.gather(client.map(opened, range(40), pure=False)))
    assert len({pid for pid, _ in pairs}) == len(pairs)  # one gazetteer per worker process, whatever the tasks


def _count_builds(log):
    """On a worker: make its index builds slow (so they would overlap) and write each one down."""
    import time

    import geo.gazetteer as g

    original = g.__dict__.setdefault("_original_build_index", g.build_index)

    def counted(data_dir, path):
        with open(log, "a") as f:
            f.write(f"{os.getpid()}\n")
        time.sleep(1.0)
        return original(data_dir, path)

    g.build_index = counted
    return True


def _uncount_builds():
    import geo.gazetteer as g

    g.build_index = g.__dict__.pop("_original_build_index", g.build_index)
    return True


def _open_and_look_up(data_dir, cache_dir):
    return geo_dask.worker_gazetteer(data_dir, cache_dir).lookup("Baku")[0].id


def test_the_index_is_built_once_per_machine(client, tmp_path):
    from tests.tiny_data import write_data_dir

    data = write_data_dir(tmp_path, ["1\tBaku\tcity\t40.4\t49.9\tAZ\tBaku\t2000000"])
    log = tmp_path / "builds.log"
    client.run(_count_builds, str(log))
    try:
        workers = list(client.scheduler_info()["workers"])
        futures = [client.submit(_open_and_look_up, str(data), str(tmp_path / "cache"), workers=[w], pure=False)
                   for w in workers]
        found = client.gather(futures)  # both workers at once, on one machine with no index yet
    finally:
        client.run(_uncount_builds)
    assert len(workers) == 2 and len(log.read_text().split()) == 1  # one build, the other worker waited
    assert found == ["1", "1"]


def test_extract_a_bag_and_a_dataframe(client, gazetteer):
    from geo.pipeline import map_text

    expected = [extract_record(map_text(t, gazetteer=gazetteer, doc_id=f"d{i}", outlines=False))
                for i, t in enumerate(TEXTS)]
    bag = dask_bag.from_sequence([{"id": f"d{i}", "text": t} for i, t in enumerate(TEXTS)] + [{"id": "x"}],
                                 npartitions=3)
    got = geo_dask.extract(bag).compute()
    assert got[:-1] == [{**r, "error": None} for r in expected]
    assert got[-1] == {"id": "x", "toponyms": None, "error": "no 'text' text"}
    pairs = dask_bag.from_sequence([(f"d{i}", t) for i, t in enumerate(TEXTS)], npartitions=2)
    assert [r["toponyms"] for r in geo_dask.extract(pairs).compute()] == [r["toponyms"] for r in expected]

    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    frame = dd.from_pandas(pd.DataFrame({"key": [f"d{i}" for i in range(len(TEXTS))], "body": TEXTS}), npartitions=2)
    result = geo_dask.extract(frame, text_field="body", id_field="key").compute()
    assert list(result.columns) == ["id", "toponyms", "error"]
    assert list(result["id"]) == [r["id"] for r in expected] and list(result["toponyms"]) == [r["toponyms"] for r in expected]
    assert result["error"].isna().all()


def test_without_dask_the_option_says_how_to_install_it(tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if not installed
    assert run(["batch", str(_corpus(tmp_path)), "-o", str(tmp_path / "o"), "--dask", "local"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "pip install 'geo[dask]'" in err


def test_an_unreachable_scheduler_is_one_line(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(geo_dask, "CONNECT_TIMEOUT", "1s")
    assert run(["batch", str(_corpus(tmp_path)), "-o", str(tmp_path / "o"), "--dask", "tcp://127.0.0.1:9"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot reach a Dask scheduler at 'tcp://127.0.0.1:9'" in err


def test_the_readme_example_runs(client):
    import re
    from pathlib import Path

    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    (block,) = re.findall(r"```py\n(.*?)```", readme, re.S)
    namespace: dict = {}
    exec(compile(block, "README.md", "exec"), namespace)
    assert [r["toponyms"][0]["name"] for r in namespace["records"]] == ["Baku", "Tovuz"]
    assert [r["error"] for r in namespace["records"]] == [None, None]
