"""The toponym recognizer's model: a logistic regression over named span features.

The mention finder (geo.mentions) proposes every capitalised span the gazetteer
knows and describes it by named features ("prev=in", "zipf=5", "kind=country").
This model turns those features into the probability that the span is a place.

Its weights live in ``data/recognizer.json``, fitted by
``python -m geo.data.train_recognizer`` on the three dev corpora (see that module, whose
``--folds`` gives each corpus' cross-validated figures). Loading is lazy and once per model.

>>> model = RecognizerModel({"bias": -1.0, "prev=in": 3.0}, threshold=0.5)
>>> round(model.probability({"bias": 1.0, "prev=in": 1.0}), 3)
0.881
>>> model.accepts({"bias": 1.0})
False
"""

from __future__ import annotations

import functools
import itertools
import json
import math
import operator
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from geo.errors import DataError

__all__ = ["RecognizerModel", "default_model", "fit_logistic", "MODEL_FILE", "SURE"]

MODEL_FILE = "recognizer.json"
#: A span the model gives at least this probability is surely a place: recognition then
#: takes every other occurrence of its text in the document as one too (5-fold cross-
#: validation on LGL: F1 .812 -> .818; 0.6 to 0.75 all gave .817-.818).
SURE = 0.7


class RecognizerModel:
    """Weights per feature name and the probability threshold for "is a place"."""

    __slots__ = ("weights", "threshold", "meta", "surnames", "_decided", "_sure_logit", "_rounding", "_rejected_below",
                 "_accepted_above", "_sure_from", "_sure_below", "_sums", "_ranges", "_weight_of")

    def __init__(self, weights: Mapping[str, float], threshold: float = 0.5, meta: Mapping | None = None,
                 surnames: Iterable[str] = ()):
        if not 0.0 < threshold < 1.0:
            raise ValueError(f"threshold must be between 0 and 1, got {threshold!r}")
        self.weights = dict(weights)
        # (its get, bound once: map(self._weight_of, ...) in every grade, no bound method made per call)
        self._weight_of = self.weights.get
        self.threshold = threshold
        self.meta = dict(meta or {})
        # Common surnames, lower case: recognition reads a given name right before one as a
        # person (geo.mentions); they travel with the model that was fitted beside them.
        self.surnames = frozenset(surnames)
        # The logistic is monotone: a sum clearly above (below) the threshold's logit is accepted
        # (rejected) without the exponential. The margin dwarfs the rounding of computing the
        # probability; near the logit, and past the clamp at +-30, the probability decides.
        logit = math.log(threshold / (1.0 - threshold))
        self._decided = (logit - 1e-6, logit + 1e-6) if abs(logit) < 29.0 else (-math.inf, math.inf)
        self._sure_logit = math.log(SURE / (1.0 - SURE))
        # How far a sum of up to 2000 of the weights can move with the order (or grouping) it is
        # summed in: either sum is within n * 2**-53 of the exact one per unit of the weights'
        # total size, so the two differ by less than 1e-12 of it.
        self._rounding = 1e-12 * (1.0 + math.fsum(map(abs, self.weights.values())))
        # The bounds open_grade and grade_with_more put a sum to: the margins of _decided and of
        # SURE widened by that much (rejected below, accepted above, sure from, not sure below).
        # Moving the rounding to this side of a comparison moves it by a few units in the last
        # place: far less than the slack it leaves (it is over twice what the order can move a sum).
        # (Each its own attribute: most sums are decided by one or two of them.)
        below, above = self._decided
        rounding = self._rounding
        self._rejected_below, self._accepted_above = below - rounding, above + rounding
        self._sure_from, self._sure_below = self._sure_logit + rounding, self._sure_logit - rounding
        self._sums: dict[tuple[str, ...], float] = {}  # the grades' sums of ``fixed`` (bounded)
        self._ranges: dict[str, tuple[float, float]] = {}  # weight_range's answers, per prefix asked

    def probability(self, features: Mapping[str, float]) -> float:
        # map() keeps the loop in C; the products and their order are those of the plain loop.
        z = sum(map(operator.mul, map(self._weight_of, features.keys(), _ZEROS), features.values()))
        return _logistic(z)

    def accepts(self, features: Mapping[str, float]) -> bool:
        return self.probability(features) >= self.threshold

    def accepts_binary(self, names: Iterable[str]) -> bool:
        """``accepts`` of the features ``names``, each of value 1.0, summed in the order given.

        The same answer as ``accepts(dict.fromkeys(names, 1.0))`` to the bit (w * 1.0 == w),
        without building the mapping: recognition's features are all binary.

        >>> RecognizerModel({"bias": -1.0, "prev=in": 3.0}).accepts_binary(["bias", "prev=in"])
        True
        """
        return self.grade_binary(names) > 0

    def grade_binary(self, names: Iterable[str]) -> int:
        """0 when the features ``names`` (each of value 1.0, summed in the order given) are
        not accepted, 2 when the span is also surely a place (probability SURE or more), else 1.
        Accepted means ``accepts(dict.fromkeys(names, 1.0))``, to the bit.

        >>> model = RecognizerModel({"bias": -1.0, "prev=in": 3.0, "prev=of": 1.5})
        >>> [model.grade_binary(["bias", w]) for w in ("prev=the", "prev=of", "prev=in")]
        [0, 1, 2]
        """
        z = sum(map(self._weight_of, names, _ZEROS))
        below, above = self._decided
        if z > above:
            accepted = True
        elif z < below:
            accepted = False
        else:
            accepted = _logistic(z) >= self.threshold
        return 0 if not accepted else 2 if z >= self._sure_logit else 1

    def grade_with_more(self, z: float, fixed: tuple[str, ...], names: list[str], summed: int) -> int:
        """``grade_binary(sorted(fixed + names))``, to the bit, given ``z``, the sum of the weights
        of ``fixed`` and ``names[:summed]`` (open_grade's): only the features added since are
        summed, and the features are not sorted first (each distinct: propose_spans gives them
        sorted). Summed in another order, a sum that clears the threshold's and SURE's margins
        by more than the order could move it decides; only one that close is summed again in
        sorted order.

        >>> model = RecognizerModel({"bias": -1.0, "prev=in": 3.0})
        >>> model.grade_with_more(-1.0, ("bias",), ["prev=in"], 0)
        2
        """
        z += sum(map(self._weight_of, names[summed:], _ZEROS))
        # (a sum off the margins decides: most are accepted)
        if z > self._accepted_above:
            if z > self._sure_from:
                return 2
            if z < self._sure_below:
                return 1
        elif z < self._rejected_below:
            return 0
        return self.grade_binary(sorted([*fixed, *names]))

    def _sum_of_fixed(self, fixed: tuple[str, ...]) -> float:
        """The weights of ``fixed`` summed, remembered (bounded)."""
        sums = self._sums
        if len(sums) >= _SUMS_LIMIT:
            sums.clear()
        z = sums[fixed] = sum(map(self._weight_of, fixed, _ZEROS))
        return z

    def weight_range(self, prefix: str) -> tuple[float, float]:
        """The least and the most that one feature whose name starts with ``prefix`` can add
        (a name without a weight adds 0).

        >>> RecognizerModel({"bias": -1.0, "next=,": 0.5, "next=the": -2.0}).weight_range("next=")
        (-2.0, 0.5)
        """
        found = self._ranges.get(prefix)
        if found is None:
            weights = [w for name, w in self.weights.items() if name.startswith(prefix)]
            found = self._ranges[prefix] = (min([0.0, *weights]), max([0.0, *weights]))
        return found

    def open_grade(self, fixed: tuple[str, ...], names: Iterable[str], low: float,
                   high: float) -> tuple[int | None, float]:
        """``grade_binary(sorted([*fixed, *names, *more]))`` when that is the same for any further
        features ``more`` whose weights add between ``low`` and ``high``, else None; and the sum
        of the weights of ``fixed`` and ``names``. A caller then computes
        features that cost much only when they matter, and grades them with grade_with_more,
        which adds their weights to that sum (the same weights grouped otherwise: it moves less
        than the margins allow for). The grade steps up with the sum: when both ends of the
        sum's range, widened by what the order of summing could move it, give one grade, every
        sum between gives it. ``fixed``: features a caller asks about again and again with
        others (those of a name's text): their weights' sum is remembered.

        >>> model = RecognizerModel({"bias": -1.0, "prev=in": 3.0})
        >>> [model.open_grade(("bias",), [], -0.5, 0.5), model.open_grade(("bias",), [], -0.5, 4.0)]
        [(0, -1.0), (None, -1.0)]
        """
        z = self._sums.get(fixed)
        if z is None:
            z = self._sum_of_fixed(fixed)
        z += sum(map(self._weight_of, names, _ZEROS))
        if z + high < self._rejected_below:
            return 0, z
        least = z + low
        if least > self._accepted_above:
            if least >= self._sure_from:
                return 2, z
            if z + high < self._sure_below:
                return 1, z
        return None, z

    @classmethod
    def load(cls, path: str | Path) -> "RecognizerModel":
        try:
            raw = json.loads(Path(path).read_text(encoding="utf-8"))
            return cls(raw["weights"], raw["threshold"], raw.get("meta"), raw.get("surnames", ()))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise DataError(f"cannot read the recognizer model {path}: {exc}") from None

    def dumps(self) -> str:
        """The model as JSON with sorted keys and rounded weights: the same model, the same bytes."""
        weights = {k: round(v, 4) for k, v in sorted(self.weights.items()) if abs(v) >= 1e-4}
        model = {"threshold": round(self.threshold, 4), "meta": self.meta, "weights": weights}
        if self.surnames:
            model["surnames"] = sorted(self.surnames)
        return json.dumps(model, indent=0, sort_keys=True, ensure_ascii=False) + "\n"


_SUMS_LIMIT = 50_000
# The default weight of a feature without one, for map(weights.get, names, _ZEROS): an endless
# repeat holds no state, so one serves every call.
_ZEROS = itertools.repeat(0.0)


def _logistic(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@functools.lru_cache(maxsize=4)
def default_model(data_dir: str) -> RecognizerModel | None:
    """The model bundled in ``data_dir`` (None when there is none: recognition by rules only).

    Cached per directory: the file is read once per process, and the model is never mutated.
    """
    model_path = Path(data_dir) / MODEL_FILE
    return RecognizerModel.load(model_path) if model_path.exists() else None


def fit_logistic(
    samples: Sequence[Mapping[str, float]],
    labels: Sequence[int],
    *,
    l2: float = 1.0,
    min_count: int = 2,
    epochs: int = 300,
    learning_rate: float = 0.5,
) -> dict[str, float]:
    """Fit logistic-regression weights by full-batch gradient descent (NumPy, deterministic).

    Features seen in fewer than ``min_count`` samples are dropped (they would only
    memorise the training text).
    """
    import numpy as np

    counts: dict[str, int] = {}
    for s in samples:
        for name in s:
            counts[name] = counts.get(name, 0) + 1
    names = sorted(n for n, c in counts.items() if c >= min_count)
    index = {n: i for i, n in enumerate(names)}
    x = np.zeros((len(samples), len(names)), dtype=np.float64)
    for row, s in enumerate(samples):
        for name, value in s.items():
            col = index.get(name)
            if col is not None:
                x[row, col] = value
    y = np.asarray(labels, dtype=np.float64)
    w = np.zeros(len(names))
    n = len(samples)
    # Adagrad-style steps converge fast without tuning on sparse binary features.
    history = np.full(len(names), 1e-8)
    for _ in range(epochs):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) / n + l2 * w / n
        history += grad * grad
        w -= learning_rate * grad / np.sqrt(history)
    return {name: float(w[i]) for name, i in index.items()}
