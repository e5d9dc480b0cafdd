"""The whole pipeline, K-fold cross-validated on the dev corpora: the figures for text the
recognizer has not seen.

Usage (from the project root)::

    python benchmarks/recognizer_cv.py                      # 5 folds, corpora in ../shared/eval/data
    python benchmarks/recognizer_cv.py --folds 5 --corpora-dir DIR --scorer PATH/score.py

The bundled recognizer (data/recognizer.json) is fitted on all three dev corpora, so
``run_dev.sh`` scores it on its own training text. Here document i of each corpus is in
fold i mod K; each fold is mapped by ``geo.map_text`` with a recognizer fitted on every other
fold of every corpus (``geo.data.train_recognizer.fit_model``), and each corpus' mapped
folds are scored together by the reference scorer with run_dev.sh's settings. Beside each,
the same corpus mapped with the bundled model (in-sample), so the gap shows.
Prints: corpus, recognition F1 and acc@161 (found), cross-validated and in-sample.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geo.data.train_recognizer import documents, fit_model, fold_of  # noqa: E402
from geo.gazetteer import Gazetteer  # noqa: E402
from geo.pipeline import map_text  # noqa: E402
from geo.tables import extract_record  # noqa: E402

DEFAULT_CORPORA = ROOT.parent / "shared" / "eval" / "data"
CORPORA = ("lgl", "trnews", "geowebnews")


def _score(scorer: Path, gold: Path, system: Path) -> tuple[float, float]:
    """(recognition F1, acc@161 found), exact matching, from the reference scorer's table."""
    out = subprocess.run([sys.executable, str(scorer), str(gold), str(system), "--ignore-unresolved-gold"],
                         capture_output=True, text=True, check=True).stdout
    values = {}
    for line in out.splitlines():
        for label in ("recognition F1", "acc@161km (found)"):
            if line.startswith(label):
                values[label] = float(line[len(label):].split()[0])
    return values["recognition F1"], values["acc@161km (found)"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--folds", type=int, default=5, help="folds (default 5)")
    parser.add_argument("--corpora-dir", type=Path, default=DEFAULT_CORPORA, help="gold JSONL corpora")
    parser.add_argument("--scorer", type=Path, default=None, help="score.py (default: beside the corpora)")
    args = parser.parse_args(argv)
    scorer = args.scorer or args.corpora_dir.parent / "score.py"
    paths = [args.corpora_dir / f"{name}.jsonl" for name in CORPORA]
    missing = [str(p) for p in [*paths, scorer] if not p.exists()]
    if missing:
        print(f"recognizer_cv: not found: {', '.join(missing)}", file=sys.stderr)
        return 2
    if args.folds < 2:
        print(f"recognizer_cv: --folds must be at least 2, got {args.folds!r}", file=sys.stderr)
        return 2
    gazetteer = Gazetteer()
    docs = documents(paths, gazetteer)
    folds = fold_of(docs, args.folds)
    texts = [json.loads(line) for path in paths for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
    assert len(texts) == len(docs)
    cross: dict[str, list[tuple[int, dict]]] = {name: [] for name in CORPORA}
    own: dict[str, list[tuple[int, dict]]] = {name: [] for name in CORPORA}
    for k in range(args.folds):
        model = fit_model([d for d, f in zip(docs, folds) if f != k])
        for i, (d, f, gold) in enumerate(zip(docs, folds, texts)):
            if f == k:
                document = map_text(gold["text"], gazetteer=gazetteer, doc_id=gold["id"], outlines=False, recognizer=model)
                cross[d.corpus].append((i, extract_record(document)))
        print(f"fold {k + 1}/{args.folds} mapped", file=sys.stderr)
    for i, (d, gold) in enumerate(zip(docs, texts)):
        own[d.corpus].append((i, extract_record(map_text(gold["text"], gazetteer=gazetteer, doc_id=gold["id"], outlines=False))))
    print(f"{'corpus':<12}{'F1 cv':>8}{'F1 own':>8}{'acc cv':>8}{'acc own':>9}")
    with tempfile.TemporaryDirectory() as tmp:
        for name, path in zip(CORPORA, paths):
            figures = []
            for label, records in (("cv", cross[name]), ("own", own[name])):
                system = Path(tmp) / f"{name}.{label}.jsonl"
                system.write_text("".join(json.dumps(r) + "\n" for _, r in sorted(records, key=lambda x: x[0])),
                                  encoding="utf-8")
                figures.append(_score(scorer, path, system))
            (f1_cv, acc_cv), (f1_own, acc_own) = figures
            print(f"{name:<12}{f1_cv:>8.4f}{f1_own:>8.4f}{acc_cv:>8.4f}{acc_own:>9.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
