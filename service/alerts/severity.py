"""How much an event matters, in three levels a duty officer can sort by: low, medium, high.

Rules (documented in the README, section "Severity"):
- territorial control: **high** when a whole country or first-order region (province, oblast) changes
  hands, or a city of over 100,000 people does (the gazetteer's population; provincial capitals are almost
  all above that); a partial change of such a place is **medium**; any other full change of control of a
  place the gazetteer knows is **medium**; partial changes and unresolved places are **low**.
- deployment: **high** over 1,000 personnel; **medium** from 100, or when no size is given (unknown is not
  small); **low** under 100.
An event's severity is that of everything its reports said so far: the largest size, full control once any
report said so.
"""

from __future__ import annotations

from typing import Literal

from service.detect.model import Location

Severity = Literal["low", "medium", "high"]
SEVERITIES: tuple[str, ...] = ("low", "medium", "high")

BIG_CITY_POPULATION = 100_000
LARGE_DEPLOYMENT = 1_000
MEDIUM_DEPLOYMENT = 100


def territorial_severity(location: Location | None, full: bool) -> Severity:
    if location is None:
        return "low"
    major = location.feature in ("country", "admin1") or (location.population or 0) > BIG_CITY_POPULATION
    if major:
        return "high" if full else "medium"
    return "medium" if full else "low"


def deployment_severity(size: int | None) -> Severity:
    if size is None:
        return "medium"
    if size > LARGE_DEPLOYMENT:
        return "high"
    return "medium" if size >= MEDIUM_DEPLOYMENT else "low"
