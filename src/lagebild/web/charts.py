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
MAX_DAYS = 366
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


def _days(found: list[date]) -> list[date]:
    """Every day from the first to the last (or only the days with data when the range is too long)."""
    first, last = min(found), max(found)
    span = (last - first).days + 1
    if span > MAX_DAYS:
        return sorted(set(found))
    return [first + timedelta(days=i) for i in range(span)]


def _xlabels(days: list[date], step_x: float) -> list[Label]:
    every = max(1, len(days) // 8)
    return [
        Label(PAD_LEFT + i * step_x + step_x / 2, HEIGHT - 10, d.isoformat())
        for i, d in enumerate(days)
        if i % every == 0
    ]


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
    days = _days(list(counts))
    plot_w, plot_h = WIDTH - PAD_LEFT - 10, HEIGHT - PAD_BOTTOM - PAD_TOP
    step = plot_w / len(days)
    top = max(sum(c.values()) for c in counts.values())
    order = {t: i for i, t in enumerate(EVENT_TYPES)}
    used: set[str] = set()
    for i, day in enumerate(days):
        y = PAD_TOP + plot_h
        for kind, n in sorted(counts.get(day, Counter()).items(), key=lambda kv: order.get(kv[0], 99)):
            h = plot_h * n / top
            y -= h
            used.add(kind)
            css = f"bar t-{kind}" if kind in order else "bar t-OTHER"
            chart.rects.append(
                Rect(PAD_LEFT + i * step + 1, y, max(step - 2, 1), h, css, f"{day} {kind}: {n}")
            )
    chart.xlabels = _xlabels(days, step)
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
    days = _days(list(scores))
    plot_w, plot_h = WIDTH - PAD_LEFT - 10, HEIGHT - PAD_BOTTOM - PAD_TOP
    step = plot_w / len(days)
    bound = max(1.0, max(abs(v) for v in scores.values()))
    mid = PAD_TOP + plot_h / 2
    for i, day in enumerate(days):
        if day in scores:
            value = scores[day]
            y = mid - (value / bound) * (plot_h / 2)
            css = "pt coop" if value > 0 else "pt conflict" if value < 0 else "pt"
            chart.points.append(Point(PAD_LEFT + i * step + step / 2, y, css, f"{day}: {value:+.3g}"))
    chart.zero_y = mid
    chart.xlabels = _xlabels(days, step)
    chart.ylabels = [
        Label(PAD_LEFT - 6, PAD_TOP + 4, f"+{bound:g}"),
        Label(PAD_LEFT - 6, mid + 4, "0"),
        Label(PAD_LEFT - 6, PAD_TOP + plot_h, f"-{bound:g}"),
    ]
    return chart
