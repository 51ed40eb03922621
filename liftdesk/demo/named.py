"""The places the seed articles name, built into the demo so that the examples in the docs and the
address in every error message (长庆街道/王马社区/遥祥寺巷小区/6幢/1单元) work as written.

王马社区 of 长庆街道 holds three estates:
- 遥祥寺巷小区: eight 6-floor buildings of two units; 6幢1单元 is the seed's 1,000th lift, handed
  over in 2023 (a 6 × 2 unit, rooms 101 … 602, like the tests' `unit` fixture);
- 西四苑: units that have not started — one a household or two short of consent (差 1–2 户), one
  passing, one stuck on its ground floor — for the consent and visit-list examples;
- 宏盛公寓: 2幢 is 四梯连装, four lifts on one platform: one project over its four units, counted as
  four lifts of one handover year.
The named lifts take their years from the street's row of the published table, so the table is
unchanged; the street's other units are generated as before, only fewer of them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

STREET = "长庆街道"
COMMUNITY = "王马社区"
FIRST_LIFT = "遥祥寺巷小区6幢1单元"


@dataclass(frozen=True)
class NamedUnit:
    """One unit of a named estate and what the demo makes of it."""
    estate: str
    building: str
    floors: int
    unit: str
    rooms: int = 2
    project: str = ""  # units sharing a project key share one project (四梯连装)
    handover_year: int | None = None
    handover_on: date | None = None  # a fixed day, else one is drawn within the year
    profile: str = ""  # for units without a project: their spread of opinion (demo._candidate_positions)

    @property
    def label(self) -> str:
        return f"{self.estate}{self.building}{self.unit}"


def _estate(name: str, buildings: int, floors: int, special: dict[tuple[int, int], dict],
            units: dict[int, int] | None = None) -> list[NamedUnit]:
    out = []
    for b in range(1, buildings + 1):
        for u in range((units or {}).get(b, 2)):
            out.append(NamedUnit(name, f"{b}幢", floors, f"{u + 1}单元", **special.get((b, u + 1), {})))
    return out


NAMED_UNITS: tuple[NamedUnit, ...] = (
    *_estate("遥祥寺巷小区", 8, 6, {(6, 1): {"project": FIRST_LIFT, "handover_year": 2023,
                                            "handover_on": date(2023, 11, 8)},
                                    (6, 2): {"profile": "close"}, (3, 1): {"profile": "passing"}}),
    *_estate("西四苑", 3, 6, {(1, 1): {"profile": "close"}, (1, 2): {"profile": "passing"},
                              (2, 1): {"profile": "stuck"}, (2, 2): {"profile": "early"}}),
    *_estate("宏盛公寓", 2, 5, {(2, u): {"project": "宏盛公寓2幢四梯连装", "handover_year": 2022} for u in range(1, 5)},
             units={2: 4}),
)


def named_units(street: str) -> tuple[NamedUnit, ...]:
    """The named units of a street of the demo (none for most streets)."""
    return NAMED_UNITS if street == STREET else ()


def named_fates(units: tuple[NamedUnit, ...]) -> list[int]:
    """The handover years the named lifts take from their street's row (one per unit: the table counts lifts)."""
    return [u.handover_year for u in units if u.project and u.handover_year is not None]


def without(fates: list[int | None], taken: list[int]) -> list[int | None]:
    """The street's fates less those the named lifts took."""
    rest = list(fates)
    for year in taken:
        rest.remove(year)  # ValueError: the street has no such lift to give (a wrong table)
    return rest
