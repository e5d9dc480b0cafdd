"""A tiny in-memory gazetteer for stage tests: the same methods as geo.gazetteer.Gazetteer."""

from __future__ import annotations

from collections.abc import Iterable

from geo.names import name_key
from geo.records import NameMatch, Place

AZ = Place("587116", "Azerbaijan", "country", 40.5, 47.5, "AZ", "", 9_649_341)
AM = Place("174982", "Armenia", "country", 40.25, 45.0, "AM", "", 2_968_000)
FUZULI = Place("148106", "Fuzuli", "city", 39.6009, 47.1431, "AZ", "Fuzuli", 17_000)
TOVUZ = Place("584717", "Tovuz", "city", 40.9925, 45.6284, "AZ", "Tovuz", 12_626)
TOVUZ_AM = Place("616052", "Berd", "city", 40.8815, 45.3892, "AM", "Tavush", 8_000)
PARIS = Place("2988507", "Paris", "city", 48.8534, 2.3488, "FR", "Île-de-France", 2_138_551)
PARIS_TX = Place("4717560", "Paris", "city", 33.6609, -95.5555, "US", "Texas", 24_171)
TEXAS = Place("4736286", "Texas", "adm1", 31.2504, -99.2506, "US", "Texas", 22_875_689)
NK = Place("geo:nagorno-karabakh", "Nagorno-Karabakh", "region", 39.83, 46.75, "AZ", "", 0)
GULF = Place("geo:gulf-of-mexico", "Gulf of Mexico", "physical", 25.0, -90.0, "", "", 0)
MEXICO = Place("3996063", "Mexico", "country", 23.0, -102.0, "MX", "", 112_468_855)
TREND = Place("9999001", "Trend", "city", 56.8, 9.1, "DK", "", 900)

_NAMES: list[tuple[str, Place, str]] = [
    ("Azerbaijan", AZ, "name"),
    ("Azerbaijani", AZ, "demonym"),
    ("Armenia", AM, "name"),
    ("Armenian", AM, "demonym"),
    ("Fuzuli", FUZULI, "name"),
    ("Füzuli", FUZULI, "alternate"),
    ("Tovuz", TOVUZ, "name"),
    ("Tovuz", TOVUZ_AM, "alternate"),
    ("Paris", PARIS, "name"),
    ("Paris", PARIS_TX, "name"),
    ("Texas", TEXAS, "name"),
    ("Nagorno-Karabakh", NK, "name"),
    ("Gulf of Mexico", GULF, "name"),
    ("Mexico", MEXICO, "name"),
    ("Trend", TREND, "name"),
]


class FakeGazetteer:
    def __init__(self, names: Iterable[tuple[str, Place, str]] = _NAMES):
        self._index: dict[str, list[NameMatch]] = {}
        for name, place, match in names:
            self._index.setdefault(name_key(name), []).append(NameMatch(place, match))

    def known_keys(self, keys: Iterable[str]) -> frozenset[str]:
        return frozenset(k for k in keys if k in self._index)

    def matches(self, name: str) -> tuple[NameMatch, ...]:
        return tuple(self._index.get(name_key(name), ()))

    def outline(self, place_id: str):
        return None
