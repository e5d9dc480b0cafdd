"""The behavioural suite's harness: a case record, a checker, and a report.

In the spirit of CheckList (Ribeiro et al., ACL 2020): each capability is tested by many
small cases the team wrote (none copied from any corpus). A case is a short text and what a
careful reader expects of some of its mentions: the place (a point and a tolerance in km,
tight for towns, looser for countries and regions whose point is a convention) or no place
at all. ``only=True`` says the expectations list every place of the text: any other place
found is a failure (what precision cases need).

The expected points are real-world facts written by hand (see ``places.py``), never geo's
own output. The test files (one per capability) and ``benchmarks/behaviour.py`` both run
cases through :func:`run_cases`, with one gazetteer opened once.

>>> c = case("Flooding hit Baku on Monday.", {"Baku": Where(40.41, 49.87, 25, "Baku")})
>>> c.expects[0].mention
'Baku'
>>> case("Flooding hit Baku.", {"Bakuu": NOWHERE})
Traceback (most recent call last):
...
ValueError: case 'Flooding hit Baku.': mention 'Bakuu' does not occur in the text
"""

from __future__ import annotations

import importlib
import math
import re
from pathlib import Path
from dataclasses import dataclass
from typing import Iterable, Mapping

__all__ = [
    "Where",
    "NOWHERE",
    "Expect",
    "Case",
    "Outcome",
    "case",
    "variants",
    "km_between",
    "check",
    "run_cases",
    "pass_rate",
    "failure_report",
    "assert_floor",
    "load_capabilities",
]


@dataclass(frozen=True, slots=True)
class Where:
    """Where a place is: a point and how far from it a resolved point may lie (km)."""

    lat: float
    lon: float
    km: float
    label: str = ""

    def __post_init__(self) -> None:
        if not (-90 <= self.lat <= 90 and -180 <= self.lon <= 180):
            raise ValueError(f"not a point on Earth: got {(self.lat, self.lon)!r}")
        if self.km <= 0:
            raise ValueError(f"tolerance must be positive, got {self.km!r}")

    def within(self, km: float) -> "Where":
        """The same point with another tolerance."""
        return Where(self.lat, self.lon, km, self.label)


#: The expectation "this word names no place here" (a person, a word, a product).
NOWHERE = None


@dataclass(frozen=True, slots=True)
class Expect:
    """What a reader expects of a mention: ``where`` it is, or ``None`` for no place.

    ``inside`` limits the expectation to the occurrences of ``mention`` inside every
    occurrence of that phrase ("Georgia" inside "Macon, Georgia"); ``nth`` then picks one
    of them (0 = the first); by default every occurrence (whole-word matches) must meet it.
    """

    mention: str
    where: Where | None
    nth: int | None = None
    inside: str | None = None

    def spans(self, text: str) -> list[tuple[int, int]]:
        spans = _occurrences(text, self.mention)
        if self.inside is not None:
            outer = [(a, a + len(self.inside)) for a in _starts(text, self.inside)]
            spans = [(a, b) for a, b in spans if any(oa <= a and b <= ob for oa, ob in outer)]
        if self.nth is not None:
            spans = spans[self.nth : self.nth + 1]
        return spans


@dataclass(frozen=True, slots=True)
class Case:
    text: str
    expects: tuple[Expect, ...]
    only: bool = False
    note: str = ""

    @property
    def title(self) -> str:
        return _short(self.text) + (f"  [{self.note}]" if self.note else "")


@dataclass(frozen=True, slots=True)
class Outcome:
    case: Case
    passed: bool
    problems: tuple[str, ...] = ()


def case(text: str, expects: Mapping[str, Where | None] | Iterable[Expect], *, only: bool = False, note: str = "") -> Case:
    """Build a case; ``expects`` maps mention text to a :class:`Where` or ``NOWHERE``.

    Every mention must occur in the text as a whole word, so a typo cannot make a case
    pass by testing nothing.
    """
    if isinstance(expects, Mapping):
        items = tuple(Expect(m, w) for m, w in expects.items())
    else:
        items = tuple(expects)
    if not items:
        raise ValueError(f"case {text!r}: expects nothing")
    for e, spans in zip(items, _expectation_spans(text, items)):
        if not spans:
            where = f" inside {e.inside!r}" if e.inside else ""
            which = f" (occurrence {e.nth})" if e.nth is not None else ""
            raise ValueError(f"case {_short(text)!r}: mention {e.mention!r}{which}{where} does not occur in the text")
    return Case(text, items, only, note)


def variants(template: str, slot: Mapping[str, Where | None], fixed: Mapping[str, Where | None] | None = None, *, only: bool = False, note: str = "") -> list[Case]:
    """Invariance cases: one case per value of ``{x}`` in ``template``.

    Each name put in the slot must land on its own place, and the ``fixed`` mentions on
    theirs whatever the slot holds: swapping "Paris" for "Lyon" changes nothing else.
    """
    out = []
    for name, where in slot.items():
        expects = {name: where, **(fixed or {})}
        out.append(case(template.format(x=name), expects, only=only, note=note or "invariance"))
    return out


def _expectation_spans(text: str, expects: tuple[Expect, ...]) -> list[list[tuple[int, int]]]:
    # An occurrence inside a longer expected mention belongs to that one: "China" in
    # "the South China Sea" is not the country when both are expected.
    every = [e.spans(text) for e in expects]
    out = []
    for i, spans in enumerate(every):
        others = [span for j, other in enumerate(every) if j != i for span in other]
        out.append([(a, b) for a, b in spans if not any(oa <= a and b <= ob and (ob - oa) > (b - a) for oa, ob in others)])
    return out


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km.

    >>> round(km_between(48.8566, 2.3522, 51.5074, -0.1278))
    344
    """
    p = math.pi / 180
    h = math.sin((lat2 - lat1) * p / 2) ** 2 + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _short(text: str, width: int = 110) -> str:
    short = " ".join(text.split())
    return short if len(short) <= width else short[: width - 3] + "..."


def _starts(text: str, phrase: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(phrase), text)]


def _occurrences(text: str, mention: str) -> list[tuple[int, int]]:
    # Whole words: "Paris" is not found inside "Parisian"; "#Detroit" holds "Detroit".
    pattern = r"(?<![\w])" + re.escape(mention) + r"(?![\w])"
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def _describe(resolution) -> str:
    m, p = resolution.mention, resolution.place
    if p is None:
        return f"{m.text!r} recognised but unresolved"
    where = f"{p.name}, {p.admin1 + ', ' if p.admin1 and p.admin1 != p.name else ''}{p.country_code}".rstrip(", ")
    return f"{m.text!r} -> {where} ({p.kind}, {p.lat:.2f},{p.lon:.2f})"


def check(c: Case, document) -> Outcome:
    """Compare a mapped document with a case's expectations."""
    problems: list[str] = []
    resolutions = [r for r in document.resolutions]
    claimed: set[int] = set()  # resolutions that some expectation accounts for
    for e, spans in zip(c.expects, _expectation_spans(c.text, c.expects)):
        for start, end in spans:
            over = [i for i, r in enumerate(resolutions) if r.mention.start < end and start < r.mention.end]
            claimed.update(over)
            placed = [resolutions[i] for i in over if resolutions[i].place is not None]
            if e.where is None:
                if placed:
                    problems.append(f"{e.mention!r} should be no place, got " + "; ".join(_describe(r) for r in placed))
                continue
            hits = [r for r in placed if km_between(e.where.lat, e.where.lon, r.place.lat, r.place.lon) <= e.where.km]
            if hits:
                continue
            label = e.where.label or f"({e.where.lat:.2f},{e.where.lon:.2f})"
            label += f" [inside {e.inside!r}]" if e.inside else ""
            if not over:
                found = "not recognised"
            else:
                found = "; ".join(
                    _describe(resolutions[i])
                    + (
                        f" {km_between(e.where.lat, e.where.lon, resolutions[i].place.lat, resolutions[i].place.lon):.0f} km off"
                        if resolutions[i].place is not None
                        else ""
                    )
                    for i in over
                )
            problems.append(f"{e.mention!r} should be {label} (±{e.where.km:g} km): {found}")
    if c.only:
        extra = [r for i, r in enumerate(resolutions) if i not in claimed and r.place is not None]
        if extra:
            problems.append("unexpected places: " + "; ".join(_describe(r) for r in extra))
    # A repeated name fails the same way at every occurrence: say it once, with a count.
    counted: dict[str, int] = {}
    for p in problems:
        counted[p] = counted.get(p, 0) + 1
    return Outcome(c, not problems, tuple(p + (f"  (x{n})" if n > 1 else "") for p, n in counted.items()))


def run_cases(cases: Iterable[Case], gazetteer) -> list[Outcome]:
    """Map every case's text with ``geo.map_text`` on the one ``gazetteer`` and check it."""
    from geo.pipeline import map_text

    return [check(c, map_text(c.text, gazetteer=gazetteer, doc_id="case", outlines=False)) for c in cases]


def pass_rate(outcomes: list[Outcome]) -> float:
    return sum(o.passed for o in outcomes) / len(outcomes) if outcomes else 1.0


def failure_report(outcomes: list[Outcome], limit: int | None = None) -> str:
    """Failing cases, one block each: the text, then what was expected and found instead."""
    failed = [o for o in outcomes if not o.passed]
    lines = []
    for o in failed[:limit]:
        lines.append(f"  - {o.case.title}")
        lines.extend(f"      {p}" for p in o.problems)
    if limit is not None and len(failed) > limit:
        lines.append(f"  ... and {len(failed) - limit} more")
    return "\n".join(lines)


def assert_floor(capability: str, cases: list[Case], gazetteer) -> None:
    """The test each capability file runs: its pass rate must not fall below its floor.

    The floors (``floors.py``) are a ratchet at the rate measured when they were set;
    the issue's targets stand beside them. The failure message lists every failing case.
    """
    from floors import FLOORS, TARGETS

    outcomes = run_cases(cases, gazetteer)
    rate = pass_rate(outcomes)
    floor = FLOORS[capability]
    failed = sum(not o.passed for o in outcomes)
    assert rate >= floor, (
        f"{capability}: {rate:.1%} of {len(outcomes)} cases pass, below the floor {floor:.1%} "
        f"(target {TARGETS.get(capability, TARGETS['*']):.0%}); {failed} failing:\n" + failure_report(outcomes)
    )


def load_capabilities() -> dict[str, list[Case]]:
    """Every capability's cases, read from the ``test_behaviour_*.py`` files beside this one
    (each names its ``CAPABILITY`` and lists its ``CASES``), in file-name order."""
    found: dict[str, list[Case]] = {}
    for path in sorted(Path(__file__).parent.glob("test_behaviour_*.py")):
        module = importlib.import_module(path.stem)
        name = getattr(module, "CAPABILITY", None)
        if name is None:
            continue
        if name in found:
            raise ValueError(f"capability {name!r} is defined twice (again in {path.name})")
        found[name] = list(module.CASES)
    return found
