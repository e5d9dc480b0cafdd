"""Score geoparser output against a gold toponym corpus: recognition and resolution.

The figures follow the definitions of the team's reference scorer
(``shared/eval/score.py``), so both agree on the same inputs:

* recognition precision, recall and F1 under two matchings: ``exact`` (same
  start and end) and ``overlap`` (at least one shared character; pairs are made
  one to one, largest overlap first, then closest start);
* over gold toponyms with coordinates: acc@161 km among the matched ones
  ("found"; a matched but unresolved system toponym is wrong) and among all of
  them ("all gold"); mean and median great-circle error (km) and the AUC of
  log errors of Gritta et al. (2018) over matched pairs the system resolved;
  and the AUC over all gold toponyms with misses at the maximum error.

Gold documents come from JSONL (``{"id", "text", "toponyms": [{"start", "end",
"name", "lat", "lon", "type"?}]}``); system documents are dicts in the extract
contract (``{"id", "toponyms": [{"start", "end", "lat", "lon", ...}]}``).

>>> gold = load_gold(['{"id": "a", "text": "From Oslo to Bergen.", "toponyms": ['
...     '{"start": 5, "end": 9, "name": "Oslo", "lat": 59.91, "lon": 10.75},'
...     '{"start": 13, "end": 19, "name": "Bergen", "lat": 60.39, "lon": 5.32}]}'])
>>> s = score(gold, [{"id": "a", "toponyms": [{"start": 5, "end": 9, "lat": 59.91, "lon": 10.75}]}])
>>> s.exact.precision, s.exact.recall, s.exact.acc_found, s.exact.acc_all
(1.0, 0.5, 1.0, 0.5)
>>> s.as_dict()["exact"]["mean_error_km"]
0.0
"""

from __future__ import annotations

import json
import math
import os
import statistics
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, fields
from typing import Any

from geo.distance import EARTH_RADIUS_KM, haversine_km
from geo.errors import InputError

__all__ = [
    "EARTH_RADIUS_KM",
    "AUC_MAX_ERROR_KM",
    "MATCHINGS",
    "GoldToponym",
    "GoldDocument",
    "MatchingScores",
    "Scores",
    "haversine_km",
    "auc_log_error",
    "load_gold",
    "load_system",
    "score",
    "evaluate",
    "format_table",
]

#: The "largest possible error" of Gritta et al. (2018): errors are capped here for the AUC.
AUC_MAX_ERROR_KM = 20039.0
MATCHINGS = ("exact", "overlap")


# ------------------------------------------------------------------ errors


def auc_log_error(errors_km: Iterable[float]) -> float | None:
    """Area under the sorted ln(1 + error) curve, normalised to 0 (perfect) .. 1 (worst).

    Trapezoids at unit spacing divided by ln(20039) * (n - 1); a single error
    gives ln(1 + e) / ln(20039); no errors give ``None``.

    >>> auc_log_error([]) is None
    True
    >>> auc_log_error([0.0, 0.0])
    0.0
    >>> round(auc_log_error([20039.0]), 6) == round(math.log(20040) / math.log(20039), 6)
    True
    """
    ys = sorted(math.log1p(min(max(e, 0.0), AUC_MAX_ERROR_KM)) for e in errors_km)
    if not ys:
        return None
    worst = math.log(AUC_MAX_ERROR_KM)
    if len(ys) == 1:
        return ys[0] / worst
    # each inner point is shared by two trapezoids, the two ends by one
    area = sum(ys[1:-1]) + (ys[0] + ys[-1]) / 2
    return area / (worst * (len(ys) - 1))


# ------------------------------------------------------------------ records


@dataclass(frozen=True, slots=True)
class GoldToponym:
    """One annotated toponym; ``lat``/``lon`` are both ``None`` when the annotators gave none."""

    start: int
    end: int
    name: str
    lat: float | None = None
    lon: float | None = None
    type: str | None = None

    def __post_init__(self) -> None:
        if not (_is_int(self.start) and _is_int(self.end)):
            raise InputError(f"toponym start and end must be integers, got {(self.start, self.end)!r}")
        if not 0 <= self.start < self.end:
            raise InputError(f"toponym needs 0 <= start < end, got {(self.start, self.end)!r}")
        if (self.lat is None) != (self.lon is None):
            raise InputError(f"toponym needs both lat and lon or neither, got {(self.lat, self.lon)!r}")
        if self.lat is not None:
            _check_range(self.lat, self.lon)

    @property
    def has_coords(self) -> bool:
        return self.lat is not None


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """A gold text and its toponyms; every span must index the text and spell ``name``."""

    id: str
    text: str
    toponyms: tuple[GoldToponym, ...] = ()

    def __post_init__(self) -> None:
        seen: set[tuple[int, int]] = set()
        for t in self.toponyms:
            if t.end > len(self.text):
                raise InputError(f"gold span {t.start}-{t.end} runs past the text's end, got end={t.end!r}")
            found = self.text[t.start : t.end]
            if found != t.name:
                raise InputError(f"gold span {t.start}-{t.end} is {found!r}, not {t.name!r}")
            # two gold toponyms on one span would both count against one system span
            if (t.start, t.end) in seen:
                raise InputError(f"duplicate gold span, got {(t.start, t.end)!r}")
            seen.add((t.start, t.end))


@dataclass(frozen=True, slots=True)
class MatchingScores:
    """Every figure for one matching (``exact`` or ``overlap``); ``None`` where undefined."""

    gold: int
    system: int
    tp: int
    precision: float
    recall: float
    f1: float
    gold_with_coords: int
    found_with_coords: int
    unresolved_found: int
    hits: int
    acc_found: float | None
    acc_all: float | None
    errors_n: int
    mean_error_km: float | None
    median_error_km: float | None
    auc: float | None
    auc_all: float | None


@dataclass(frozen=True, slots=True)
class Scores:
    """The result of :func:`score`; ``as_dict()`` gives the reference scorer's JSON layout."""

    threshold_km: float
    documents: int
    system_documents_missing: int
    system_documents_unknown: int
    system_spans_ignored_as_excluded: int
    exclude_types: tuple[str, ...]
    ignore_unresolved_gold: bool
    exact: MatchingScores
    overlap: MatchingScores

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {f.name: getattr(self, f.name) for f in fields(self)}
        out["exclude_types"] = list(self.exclude_types)
        out["exact"], out["overlap"] = asdict(self.exact), asdict(self.overlap)
        return out


# ------------------------------------------------------------------ input


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_range(lat: float, lon: float) -> None:
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise InputError(f"coordinates out of range, got {(lat, lon)!r}")


def _coords(item: Mapping[str, Any]) -> tuple[float | None, float | None]:
    """``(lat, lon)`` as floats, or ``(None, None)`` if either is null, absent or not finite."""
    values = []
    for key in ("lat", "lon"):
        raw = item.get(key)
        if raw is None:
            return None, None
        if isinstance(raw, bool) or not isinstance(raw, (int, float, str)):
            raise InputError(f"{key} must be a number, got {raw!r}")
        try:
            num = float(raw)
        except ValueError:
            raise InputError(f"{key} must be a number, got {raw!r}") from None
        if not math.isfinite(num):  # NaN marks "no coordinates" in some exports
            return None, None
        values.append(num)
    return values[0], values[1]


def _read_lines(path_or_lines: str | os.PathLike[str] | Iterable[str]) -> tuple[str, Iterable[str]]:
    """A label for messages and the lines: a path is read as UTF-8, anything else is iterated."""
    if isinstance(path_or_lines, (str, os.PathLike)):
        path = os.fspath(path_or_lines)
        try:
            with open(path, encoding="utf-8") as fh:
                # split on "\n" only: str.splitlines would also break at U+2028 inside JSON strings
                return path, fh.read().split("\n")
        except OSError as exc:
            raise InputError(f"cannot read {path!r}: {exc.strerror or exc}") from None
        except UnicodeDecodeError as exc:
            raise InputError(f"{path!r} is not UTF-8: {exc.reason}") from None
    return "<lines>", path_or_lines


def _json_records(path_or_lines: str | os.PathLike[str] | Iterable[str]) -> Iterable[tuple[str, dict[str, Any]]]:
    """Yield ``(where, record)`` for each non-blank line; ``where`` is ``source:line``."""
    source, lines = _read_lines(path_or_lines)
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}: invalid JSON ({exc.msg} at column {exc.colno})") from None
        if not isinstance(rec, dict) or "id" not in rec:
            raise InputError(f"{where}: each line must be a JSON object with an 'id', got {line.strip()[:60]!r}")
        yield where, rec


def _toponym_list(rec: Mapping[str, Any]) -> list[Any]:
    items = rec.get("toponyms") or []
    if not isinstance(items, list):
        raise InputError(f"'toponyms' must be a list, got {items!r}")
    return items


def load_gold(path_or_lines: str | os.PathLike[str] | Iterable[str]) -> list[GoldDocument]:
    """Read gold JSONL (a path, or an iterable of lines) into :class:`GoldDocument` s.

    Bad input raises :class:`~geo.errors.InputError` naming the line:

    >>> load_gold(['{"id": "a", "text": "Rome", "toponyms": []}'])[0].id
    'a'
    >>> load_gold(['{"id": "a", "text": "Rome", "toponyms": [{"start": 0, "end": 3, "name": "Rome"}]}'])
    Traceback (most recent call last):
    ...
    geo.errors.InputError: <lines>:1: toponym #0: gold span 0-3 is 'Rom', not 'Rome'
    """
    docs: list[GoldDocument] = []
    ids: set[str] = set()
    for where, rec in _json_records(path_or_lines):
        doc_id = str(rec["id"])
        if doc_id in ids:
            raise InputError(f"{where}: duplicate document id, got {doc_id!r}")
        ids.add(doc_id)
        text = rec.get("text")
        if not isinstance(text, str):
            raise InputError(f"{where}: gold needs a 'text' string, got {text!r}")
        try:
            items = _toponym_list(rec)
        except InputError as exc:
            raise InputError(f"{where}: {exc}") from None
        toponyms = []
        for k, item in enumerate(items):
            try:
                if not isinstance(item, dict):
                    raise InputError(f"must be an object, got {item!r}")
                start, end = item.get("start"), item.get("end")
                name = item.get("name")
                if name is None and _is_int(start) and _is_int(end):
                    name = text[start:end]  # the name is optional; the span is the truth
                lat, lon = _coords(item)
                kind = item.get("type")
                toponyms.append(GoldToponym(start, end, str(name), lat, lon, None if kind is None else str(kind)))
            except InputError as exc:
                raise InputError(f"{where}: toponym #{k}: {exc}") from None
        try:
            docs.append(GoldDocument(doc_id, text, tuple(toponyms)))
        except InputError as exc:
            # name the toponym: GoldDocument's message carries the span
            bad = next(
                (k for k, t in enumerate(toponyms) if text[t.start : t.end] != t.name), None
            )
            prefix = f"{where}: toponym #{bad}: " if bad is not None else f"{where}: "
            raise InputError(prefix + str(exc)) from None
    return docs


def load_system(path_or_lines: str | os.PathLike[str] | Iterable[str]) -> list[dict[str, Any]]:
    """Read system JSONL (a path or lines) into extract-contract dicts, for :func:`score`.

    >>> load_system(['{"id": 7, "toponyms": []}'])
    [{'id': 7, 'toponyms': []}]
    """
    return [rec for _, rec in _json_records(path_or_lines)]


# ------------------------------------------------------------------ matching


@dataclass(frozen=True, slots=True)
class _Span:
    """A system toponym as scored: a span and optional coordinates."""

    start: int
    end: int
    lat: float | None
    lon: float | None


def _system_spans(doc: Mapping[str, Any]) -> list[_Span]:
    """Validated spans of one system record, identical spans after the first dropped."""
    spans, seen = [], set()
    for k, item in enumerate(_toponym_list(doc)):
        try:
            if not isinstance(item, dict):
                raise InputError(f"must be an object, got {item!r}")
            start, end = item.get("start"), item.get("end")
            if not (_is_int(start) and _is_int(end)) or end <= start:
                raise InputError(f"needs integer start < end, got {(start, end)!r}")
            lat, lon = _coords(item)
            if lat is not None:
                _check_range(lat, lon)
        except InputError as exc:
            raise InputError(f"system document {doc.get('id')!r}: toponym #{k}: {exc}") from None
        if (start, end) not in seen:  # a span reported twice is one prediction
            seen.add((start, end))
            spans.append(_Span(start, end, lat, lon))
    return spans


def _overlap(a: GoldToponym | _Span, b: GoldToponym | _Span) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def _pairs(gold: list[GoldToponym], system: list[_Span], matching: str) -> dict[int, int]:
    """Gold index -> system index, one to one."""
    if matching == "exact":
        where = {(s.start, s.end): j for j, s in enumerate(system)}  # spans are unique here
        return {i: where[(g.start, g.end)] for i, g in enumerate(gold) if (g.start, g.end) in where}
    # greedy: biggest overlap first, then nearest start, then input order for ties
    ranked = sorted(
        (-_overlap(g, s), abs(g.start - s.start), i, j)
        for i, g in enumerate(gold)
        for j, s in enumerate(system)
        if _overlap(g, s) > 0
    )
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for _, _, i, j in ranked:
        if i not in pairs and j not in taken:
            pairs[i] = j
            taken.add(j)
    return pairs


def _neutralise(
    gold: tuple[GoldToponym, ...], system: list[_Span], exclude_types: frozenset[str], ignore_unresolved: bool
) -> tuple[list[GoldToponym], list[_Span]]:
    """Leave out excluded gold toponyms, and the system spans that touch only those."""

    def excluded(g: GoldToponym) -> bool:
        return g.type in exclude_types or (ignore_unresolved and not g.has_coords)

    out = [g for g in gold if excluded(g)]
    if not out:
        return list(gold), system
    kept = [g for g in gold if not excluded(g)]
    system = [
        s
        for s in system
        if any(_overlap(s, g) > 0 for g in kept) or not any(_overlap(s, g) > 0 for g in out)
    ]
    return kept, system


# ------------------------------------------------------------------ scoring


class _Tally:
    """Running counts for one matching."""

    def __init__(self) -> None:
        self.gold = self.system = self.tp = 0
        self.gold_geo = self.found_geo = self.unresolved = self.hits = 0
        self.errors: list[float] = []

    def result(self) -> MatchingScores:
        p = self.tp / self.system if self.system else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        misses = [AUC_MAX_ERROR_KM] * (self.gold_geo - len(self.errors))
        return MatchingScores(
            gold=self.gold,
            system=self.system,
            tp=self.tp,
            precision=p,
            recall=r,
            f1=2 * p * r / (p + r) if p + r else 0.0,
            gold_with_coords=self.gold_geo,
            found_with_coords=self.found_geo,
            unresolved_found=self.unresolved,
            hits=self.hits,
            acc_found=self.hits / self.found_geo if self.found_geo else None,
            acc_all=self.hits / self.gold_geo if self.gold_geo else None,
            errors_n=len(self.errors),
            mean_error_km=statistics.fmean(self.errors) if self.errors else None,
            median_error_km=statistics.median(self.errors) if self.errors else None,
            auc=auc_log_error(self.errors),
            auc_all=auc_log_error(self.errors + misses),
        )


def score(
    gold_docs: Iterable[GoldDocument],
    system_docs: Iterable[Mapping[str, Any]],
    *,
    ignore_unresolved_gold: bool = True,
    exclude_types: Iterable[str] = (),
    threshold_km: float = 161.0,
) -> Scores:
    """Score system records against gold documents (see the module docstring for the figures).

    Gold documents the system did not return count as documents where nothing was
    found; system records with unknown ids are counted and otherwise ignored.
    ``ignore_unresolved_gold`` and ``exclude_types`` leave gold toponyms out
    (without coordinates / of those ``type`` s) and make system spans that only
    touch them neutral. Note: the default ``ignore_unresolved_gold=True`` is the
    dev-run setting (``run_dev.sh``), not score.py's command-line default.

    >>> g = load_gold(['{"id": "a", "text": "Lima", "toponyms": [{"start": 0, "end": 4, "name": "Lima"}]}'])
    >>> score(g, [{"id": "a", "toponyms": [{"start": 0, "end": 4}]}], ignore_unresolved_gold=False).exact.tp
    1
    >>> score(g, [{"id": "a", "toponyms": [{"start": 0, "end": 4}]}]).exact.system
    0
    """
    gold_docs = list(gold_docs)
    excluded = frozenset(exclude_types)
    by_id: dict[str, Mapping[str, Any]] = {}
    for k, doc in enumerate(system_docs):
        if not isinstance(doc, Mapping) or "id" not in doc:
            raise InputError(f"system document #{k} must be a dict with an 'id', got {doc!r:.60}")
        doc_id = str(doc["id"])
        if doc_id in by_id:
            raise InputError(f"duplicate system document id, got {doc_id!r}")
        by_id[doc_id] = doc
    gold_ids: set[str] = set()
    tallies = {m: _Tally() for m in MATCHINGS}
    neutral = 0
    for gdoc in gold_docs:
        if gdoc.id in gold_ids:
            raise InputError(f"duplicate gold document id, got {gdoc.id!r}")
        gold_ids.add(gdoc.id)
        system_all = _system_spans(by_id[gdoc.id]) if gdoc.id in by_id else []
        gold, system = _neutralise(gdoc.toponyms, system_all, excluded, ignore_unresolved_gold)
        neutral += len(system_all) - len(system)
        for matching, t in tallies.items():
            pairs = _pairs(gold, system, matching)
            t.gold += len(gold)
            t.system += len(system)
            t.tp += len(pairs)
            for i, g in enumerate(gold):
                if not g.has_coords:
                    continue
                t.gold_geo += 1
                if i not in pairs:
                    continue
                t.found_geo += 1
                s = system[pairs[i]]
                if s.lat is None:
                    t.unresolved += 1
                    continue
                err = haversine_km(g.lat, g.lon, s.lat, s.lon)  # type: ignore[arg-type]
                t.errors.append(err)
                t.hits += err <= threshold_km
    return Scores(
        threshold_km=threshold_km,
        documents=len(gold_docs),
        system_documents_missing=len(gold_ids - set(by_id)),
        system_documents_unknown=len(set(by_id) - gold_ids),
        system_spans_ignored_as_excluded=neutral,
        exclude_types=tuple(sorted(excluded)),
        ignore_unresolved_gold=ignore_unresolved_gold,
        exact=tallies["exact"].result(),
        overlap=tallies["overlap"].result(),
    )


def evaluate(
    gold_docs: Iterable[GoldDocument],
    extract: Callable[[str, str], Mapping[str, Any]],
    **options: Any,
) -> Scores:
    """Run ``extract(id, text)`` on every gold document and :func:`score` what it returns.

    Only the id and the text reach ``extract``; ``options`` go to :func:`score`.
    A record without an ``id`` gets the document's; a different id is an error.

    >>> g = load_gold(['{"id": "a", "text": "Kyiv", "toponyms": ['
    ...     '{"start": 0, "end": 4, "name": "Kyiv", "lat": 50.45, "lon": 30.52}]}'])
    >>> evaluate(g, lambda i, t: {"toponyms": [{"start": 0, "end": 4, "lat": 50.45, "lon": 30.52}]}).overlap.f1
    1.0
    """
    gold_docs = list(gold_docs)
    records = []
    for doc in gold_docs:
        rec = dict(extract(doc.id, doc.text))
        rec.setdefault("id", doc.id)
        if str(rec["id"]) != doc.id:
            raise InputError(f"extract returned id {rec['id']!r} for document {doc.id!r}")
        records.append(rec)
    return score(gold_docs, records, **options)


# ------------------------------------------------------------------ output

_ROWS = (  # label, field, format: d = count, f = ratio, k = km
    ("gold toponyms", "gold", "d"),
    ("system toponyms", "system", "d"),
    ("true positives", "tp", "d"),
    ("recognition precision", "precision", "f"),
    ("recognition recall", "recall", "f"),
    ("recognition F1", "f1", "f"),
    ("gold with coordinates", "gold_with_coords", "d"),
    ("  ... found by system", "found_with_coords", "d"),
    ("  ... found but unresolved", "unresolved_found", "d"),
    ("acc@{k}km (found)", "acc_found", "f"),
    ("acc@{k}km (all gold)", "acc_all", "f"),
    ("mean error km", "mean_error_km", "k"),
    ("median error km", "median_error_km", "k"),
    ("AUC (found, resolved)", "auc", "f"),
    ("AUC (all gold, misses=max)", "auc_all", "f"),
)


def _cell(value: float | int | None, kind: str) -> str:
    if value is None:
        return "-"
    return {"d": "{}", "k": "{:.1f}", "f": "{:.4f}"}[kind].format(value)


def format_table(scores: Scores) -> str:
    """A plain-text table, one row per figure, one column per matching, then notes.

    >>> g = load_gold(['{"id": "a", "text": "x", "toponyms": []}'])
    >>> print(format_table(score(g, [])).splitlines()[0])
    metric                           exact     overlap
    """
    k = f"{scores.threshold_km:g}"
    labels = [label.format(k=k) for label, _, _ in _ROWS]
    width = max(map(len, labels))
    lines = [f"{'metric':<{width}}  {'exact':>10}  {'overlap':>10}", "-" * (width + 24)]
    for label, (_, key, kind) in zip(labels, _ROWS):
        cells = [_cell(getattr(getattr(scores, m), key), kind) for m in MATCHINGS]
        lines.append(f"{label:<{width}}  {cells[0]:>10}  {cells[1]:>10}")
    notes = [f"documents: {scores.documents}"]
    if scores.system_documents_missing:
        notes.append(f"gold documents absent from system output: {scores.system_documents_missing}")
    if scores.system_documents_unknown:
        notes.append(f"system documents not in gold (ignored): {scores.system_documents_unknown}")
    if scores.exclude_types or scores.ignore_unresolved_gold:
        notes.append(
            f"excluded gold types: {','.join(scores.exclude_types) or '-'}; "
            f"ignore unresolved gold: {scores.ignore_unresolved_gold}; "
            f"system spans ignored: {scores.system_spans_ignored_as_excluded}"
        )
    return "\n".join([*lines, "", *notes])
