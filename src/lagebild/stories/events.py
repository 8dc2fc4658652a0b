"""Cross-article event merging and Goldstein-style conflict/cooperation scores.

Two event reports are one event when they have the same PLOVER type, overlapping source and target actors (or both
sides empty) and dates at most ``tolerance`` days apart. Reports from near-duplicate copies of one article count once
(``independent_reports``), however many outlets re-published it.

``GOLDSTEIN`` gives each PLOVER type a weight on the Goldstein (1992) scale from -10 (most conflictual) to +10 (most
cooperative), taken as a representative value of the CAMEO root codes that the type collects (e.g. ASSAULT from
CAMEO 18-20 at -9, AID from CAMEO 07 at +7; REQUEST mixes appeals (+3) and demands (-5) and sits at -1). A day's
score is the sum over its merged events of weight x ``STATUS_FACTOR`` (an event that occurred counts fully, a
planned or threatened one half, a hypothetical one a quarter, a denied one not at all).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from lagebild.model import Event, TimelineEntry
from lagebild.stories.cluster import day_number

GOLDSTEIN: dict[str, float] = {
    "AGREE": 6.0,
    "CONSULT": 2.0,
    "SUPPORT": 3.5,
    "CONCEDE": 5.0,
    "COOPERATE": 6.0,
    "AID": 7.0,
    "RETREAT": 5.0,
    "REQUEST": -1.0,
    "ACCUSE": -2.0,
    "REJECT": -4.0,
    "THREATEN": -6.0,
    "PROTEST": -6.5,
    "SANCTION": -5.0,
    "MOBILIZE": -7.0,
    "COERCE": -7.0,
    "ASSAULT": -9.0,
}
STATUS_FACTOR: dict[str, float] = {
    "occurred": 1.0,
    "planned": 0.5,
    "threatened": 0.5,
    "hypothetical": 0.25,
    "denied": 0.0,
}
_STATUS_RANK = {s: i for i, s in enumerate(STATUS_FACTOR)}


@dataclass
class EventReport:
    """One event as reported by one article."""

    article_id: str
    event: Event
    published: str | None = None
    outlet: str | None = None
    copy_of: str | None = None

    @property
    def date(self) -> str | None:
        value = self.event.date or self.published
        return value[:10] if value else None


@dataclass
class _Group:
    type: str
    reports: list[EventReport] = field(default_factory=list)
    source: set[str] = field(default_factory=set)
    target: set[str] = field(default_factory=set)
    days: list[int] = field(default_factory=list)
    positions: list[int] = field(default_factory=list)

    def accepts(self, report: EventReport, day: int | None, tolerance: int) -> bool:
        ev = report.event
        if ev.type != self.type:
            return False
        if not _sides_match(self.source, set(ev.source)) or not _sides_match(self.target, set(ev.target)):
            return False
        if day is None or not self.days:
            return day is None and not self.days
        return min(abs(day - d) for d in self.days) <= tolerance

    def add(self, report: EventReport, day: int | None, position: int) -> None:
        self.reports.append(report)
        self.positions.append(position)
        self.source.update(report.event.source)
        self.target.update(report.event.target)
        if day is not None:
            self.days.append(day)


def _sides_match(a: set[str], b: set[str]) -> bool:
    return (not a and not b) or bool(a & b)


def merge_events(reports: list[EventReport], tolerance: int = 1) -> list[TimelineEntry]:
    """Merge event reports into timeline entries (sorted by date), each listing every reporting article."""
    ordered = sorted(
        enumerate(reports), key=lambda ir: (ir[1].date is None, ir[1].date or "", ir[1].event.type, ir[0])
    )
    groups: list[_Group] = []
    for position, report in ordered:
        day = day_number(report.date)
        for group in reversed(groups):
            if group.accepts(report, day, tolerance):
                group.add(report, day, position)
                break
        else:
            group = _Group(type=report.event.type)
            group.add(report, day, position)
            groups.append(group)
    entries = [_entry(g) for g in groups]
    entries.sort(key=lambda e: (e.date is None, e.date or "", e.event["type"]))
    return entries


def _entry(group: _Group) -> TimelineEntry:
    dates = Counter(r.date for r in group.reports if r.date)
    date = min(dates, key=lambda d: (-dates[d], d)) if dates else None
    statuses = Counter(r.event.status for r in group.reports)
    status = min(statuses, key=lambda s: (-statuses[s], _STATUS_RANK.get(s, 99), s))
    modes = Counter(r.event.mode for r in group.reports if r.event.mode)
    in_input_order = [
        r for _, r in sorted(zip(group.positions, group.reports, strict=True), key=lambda pr: pr[0])
    ]
    reported_by = list(dict.fromkeys(r.article_id for r in in_input_order))
    independent = {r.copy_of or r.article_id for r in group.reports}
    event: dict[str, Any] = {
        "type": group.type,
        "mode": min(modes, key=lambda m: (-modes[m], m)) if modes else None,
        "status": status,
        "source": sorted(group.source),
        "target": sorted(group.target),
        "date": date,
        "goldstein": GOLDSTEIN.get(group.type, 0.0),
        "independent_reports": len(independent),
        "outlets": sorted({r.outlet for r in group.reports if r.outlet}),
        "evidence": [
            {"article": r.article_id, "start": r.event.evidence.start, "end": r.event.evidence.end}
            for r in group.reports
            if r.event.evidence is not None
        ],
    }
    return TimelineEntry(date=date, event=event, reported_by=reported_by)


def entry_score(entry: TimelineEntry) -> float:
    """Goldstein weight of a merged event times the factor of its status."""
    event = entry.event
    return GOLDSTEIN.get(event.get("type", ""), 0.0) * STATUS_FACTOR.get(event.get("status", "occurred"), 1.0)
