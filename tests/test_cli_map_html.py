"""`geo map` writing HTML: the same bytes on every run, in separate processes."""

import os
import subprocess
import sys
from pathlib import Path

SEED = Path(__file__).parents[1] / "seeds" / "fuzuli-2021-01-26.txt"


def test_two_runs_of_geo_map_write_identical_html(tmp_path):
    outputs = []
    for seed in ("1", "2"):  # another hash seed: set and dict order may not leak into the page
        out = tmp_path / f"run{seed}.html"
        env = dict(os.environ, PYTHONHASHSEED=seed)
        done = subprocess.run([sys.executable, "-m", "geo", "map", str(SEED), "-o", str(out)],
                              env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert b"circle_marker_" in outputs[0] and b"Fuzuli" in outputs[0]
