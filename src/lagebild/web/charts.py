"""Server-side chart geometry for inline SVG: stacked bars of events per day by type and a dyad score curve.

Functions return plain numbers and CSS class names; templates draw them, so nothing from article data becomes markup.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from lagebild.model import EVENT_TYPES
from lagebild.stories.events import GOLDSTEIN

# PLOVER types with a negative (conflictual) weight in the stories' scoring table.
CONFLICT_TYPES = frozenset(t for t, w in GOLDSTEIN.items() if w < 0)
MAX_BAR = 48
WIDTH, HEIGHT, PAD_LEFT, PAD_BOTTOM, PAD_TOP = 720, 220, 40, 30, 10


@dataclass
class Rect:
    x: float
    y: float
    w: float
    h: float
    css: str
    title: str


@dataclass
class Point:
    x: float
    y: float
    css: str
    title: str


@dataclass
class Label:
    x: float
    y: float
    text: str


@dataclass
class Chart:
    width: int = WIDTH
    height: int = HEIGHT
    rects: list[Rect] = field(default_factory=list)
    points: list[Point] = field(default_factory=list)
    xlabels: list[Label] = field(default_factory=list)
    ylabels: list[Label] = field(default_factory=list)
    zero_y: float | None = None
    legend: list[str] = field(default_factory=list)

    @property
    def polyline(self) -> str:
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points)

    @property
    def empty(self) -> bool:
        return not self.rects and not self.points


def parse_day(value: str | None) -> date | None:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


class TimeAxis:
    """A real time axis over whole days: each day has a slot of equal width from the first day to the last, so
    2001, 2007 and 2009 lie as far apart as they are; labels fall on days, months or years by the span."""

    def __init__(self, found: list[date], plot_w: float) -> None:
        self.first, last = min(found), max(found)
        self.span = (last - self.first).days + 1
        self.slot = plot_w / self.span
        self.labels = [Label(self.x(d), HEIGHT - 10, text) for d, text in _ticks(self.first, last)]

    def x(self, day: date) -> float:
        """The centre of ``day``'s slot."""
        return PAD_LEFT + (day - self.first).days * self.slot + self.slot / 2

    @property
    def bar_width(self) -> float:
        return min(max(self.slot - 2, 2.0), MAX_BAR)


def _ticks(first: date, last: date, most: int = 8) -> list[tuple[date, str]]:
    """Label positions: every n-th day, month start or year start in the range, at most ``most`` of them."""
    span = (last - first).days + 1
    if span <= 62:
        marks = [(first + timedelta(days=i), (first + timedelta(days=i)).isoformat()) for i in range(span)]
    elif span <= 3 * 366:
        marks = []
        year, month = first.year, first.month
        while date(year, month, 1) <= last:
            if date(year, month, 1) >= first:
                marks.append((date(year, month, 1), f"{year}-{month:02d}"))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    else:
        marks = [(date(y, 1, 1), str(y)) for y in range(first.year, last.year + 1) if date(y, 1, 1) >= first]
    if not marks:
        marks = [(first, first.isoformat())]
    every = -(-len(marks) // most)
    return marks[::every]


def events_per_day(events: list[tuple[str | None, str]]) -> Chart:
    """Stacked bars: ``events`` are (date, type) pairs; undated events are left out."""
    counts: dict[date, Counter[str]] = {}
    for raw_day, kind in events:
        day = parse_day(raw_day)
        if day is not None:
            counts.setdefault(day, Counter())[kind] += 1
    chart = Chart()
    if not counts:
        return chart
    plot_w, plot_h = WIDTH - PAD_LEFT - 10, HEIGHT - PAD_BOTTOM - PAD_TOP
    axis = TimeAxis(list(counts), plot_w)
    top = max(sum(c.values()) for c in counts.values())
    order = {t: i for i, t in enumerate(EVENT_TYPES)}
    used: set[str] = set()
    for day in sorted(counts):
        y = PAD_TOP + plot_h
        for kind, n in sorted(counts[day].items(), key=lambda kv: order.get(kv[0], 99)):
            h = plot_h * n / top
            y -= h
            used.add(kind)
            css = f"bar t-{kind}" if kind in order else "bar t-OTHER"
            width = axis.bar_width
            chart.rects.append(Rect(axis.x(day) - width / 2, y, width, h, css, f"{day} {kind}: {n}"))
    chart.xlabels = axis.labels
    chart.ylabels = [Label(PAD_LEFT - 6, PAD_TOP + 4, str(top)), Label(PAD_LEFT - 6, PAD_TOP + plot_h, "0")]
    chart.legend = sorted(used, key=lambda k: order.get(k, 99))
    return chart


def dyad_curve(scored: list[tuple[str | None, float]]) -> Chart:
    """A line of daily conflict/cooperation scores (``(date, score)`` pairs, e.g. from ``stories.dyad_timeline``)
    with a zero line; undated entries and days without events are left out."""
    scores: dict[date, float] = {}
    for raw_day, score in scored:
        day = parse_day(raw_day)
        if day is not None:
            scores[day] = scores.get(day, 0.0) + score
    chart = Chart()
    if not scores:
        return chart
    plot_w, plot_h = WIDTH - PAD_LEFT - 10, HEIGHT - PAD_BOTTOM - PAD_TOP
    axis = TimeAxis(list(scores), plot_w)
    bound = max(1.0, max(abs(v) for v in scores.values()))
    mid = PAD_TOP + plot_h / 2
    for day in sorted(scores):
        value = scores[day]
        y = mid - (value / bound) * (plot_h / 2)
        css = "pt coop" if value > 0 else "pt conflict" if value < 0 else "pt"
        chart.points.append(Point(axis.x(day), y, css, f"{day}: {value:+.3g}"))
    chart.zero_y = mid
    chart.xlabels = axis.labels
    chart.ylabels = [
        Label(PAD_LEFT - 6, PAD_TOP + 4, f"+{bound:g}"),
        Label(PAD_LEFT - 6, mid + 4, "0"),
        Label(PAD_LEFT - 6, PAD_TOP + plot_h, f"-{bound:g}"),
    ]
    return chart


COVERAGE_LABEL_W, COVERAGE_ROW_H, COVERAGE_HEAD = 170, 22, 22


def coverage_bars(rows: list[tuple[str, int, int, int, int]]) -> Chart:
    """Per outlet (``(outlet, events carried, events left out, quotes carried, quotes left out)``), two bars: the
    share of its stories' events and of their quotes it reported (dark) and left out (light)."""
    chart = Chart(height=COVERAGE_HEAD + COVERAGE_ROW_H * len(rows) + 6)
    if not rows:
        return chart
    half = (WIDTH - COVERAGE_LABEL_W - 20) / 2
    chart.xlabels = [
        Label(COVERAGE_LABEL_W + half / 2, 14, "events"),
        Label(COVERAGE_LABEL_W + 10 + half * 1.5, 14, "quotes"),
    ]
    for i, (outlet, ev_in, ev_out, q_in, q_out) in enumerate(rows):
        y = COVERAGE_HEAD + i * COVERAGE_ROW_H
        chart.ylabels.append(Label(COVERAGE_LABEL_W - 8, y + COVERAGE_ROW_H * 0.65, outlet))
        for offset, kind, carried, missed in (
            (COVERAGE_LABEL_W, "events", ev_in, ev_out),
            (COVERAGE_LABEL_W + half + 10, "quotes", q_in, q_out),
        ):
            total = carried + missed
            if not total:
                continue
            w_in = half * carried / total
            bar_h = COVERAGE_ROW_H - 6
            chart.rects.append(
                Rect(offset, y + 3, w_in, bar_h, "cov-in", f"{outlet}: {carried} of {total} {kind}")
            )
            chart.rects.append(
                Rect(
                    offset + w_in,
                    y + 3,
                    half - w_in,
                    bar_h,
                    "cov-out",
                    f"{outlet}: {missed} of {total} {kind} left out",
                )
            )
    return chart
