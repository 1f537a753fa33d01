"""The timeline, drawn by histkg as SVG: events on a time axis, tenures as bars per person.

A date is drawn at its precision: a day as a dot, a month or a year as a band across it;
a tenure whose start or end the text does not give fades out on that side instead of
running to the edge. Labels are cut to fit, with the full text on hover (``<title>``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from histkg.publish.dates import as_written, interval, precision

CHAR = 6.6  # px per character of a 12 px label, a generous average
FADE = 1.5  # years a fading end runs past the last date known


@dataclass(frozen=True)
class Mark:
    """An event: when (ISO prefix), what, where its page is, who took part (keys)."""

    date: str
    label: str
    kind: str
    href: str
    people: tuple[str, ...] = ()


@dataclass(frozen=True)
class Bar:
    """A tenure: who, which office, start/end at the precision known, its page."""

    person: str
    office: str
    start: str | None
    end: str | None
    held: tuple[str, ...]
    href: str
    key: str = ""


def year_of(iso: str) -> float:
    """A fractional year: 1848-03-15 -> 1848.2; 1848 -> 1848.5 (its middle)."""
    parts = iso.split("-")
    year = int(parts[0])
    if len(parts) == 1:
        return year + 0.5
    month = int(parts[1])
    day = int(parts[2]) if len(parts) > 2 else 15
    return year + (month - 1) / 12 + (day - 1) / 365


def bounds(iso: str) -> tuple[float, float]:
    """The first and last moment a date at its precision stands for, as fractional years."""
    lo, _hi = interval(iso)
    first = year_of(lo)
    if precision(iso) == "day":
        return first, first + 1 / 365
    if precision(iso) == "month":
        return first, first + 1 / 12
    return first, int(lo[:4]) + 1.0  # 1 January to 31 December


def fit(text: str, room: float) -> str:
    """The text cut to ``room`` px with an ellipsis."""
    most = max(4, int(room / CHAR))
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


def render_svg(marks: list[Mark], bars: list[Bar], width: int = 1100) -> str:
    """The SVG of the timeline (deterministic: same inputs, same bytes)."""
    dates = [m.date for m in marks] + [d for b in bars for d in (b.start, b.end, *b.held) if d]
    if not dates:
        return '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="40"><text x="10" y="25">No dated events.</text></svg>'
    lo = int(min(bounds(d)[0] for d in dates)) - 1
    hi = int(max(bounds(d)[1] for d in dates)) + 2
    left, right = 200, 20
    scale = (width - left - right) / max(1, hi - lo)

    def x(year: float) -> float:
        return left + (year - lo) * scale

    rows = [
        b
        for b in sorted(
            bars,
            key=lambda b: (b.person, b.start or b.end or (b.held[0] if b.held else "~"), b.office),
        )
        if b.start or b.end or b.held
    ]
    top = 40
    events_height = 22 * max(1, len(marks)) + 30
    bottom = top + events_height + 24 * len(rows) + 10
    height = bottom + 30
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" aria-labelledby="tl-title" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" class="timeline">',
        '<title id="tl-title">Timeline of events and tenures</title>',
        '<defs><linearGradient id="fade-right"><stop offset="0" class="stop"/><stop offset="1" class="stop" stop-opacity="0"/></linearGradient>'
        '<linearGradient id="fade-left"><stop offset="0" class="stop" stop-opacity="0"/><stop offset="1" class="stop"/></linearGradient></defs>',
    ]
    step = max(1, -(-(hi - lo) // 12))
    for year in range(lo, hi + 1, step):
        gx = x(year)
        anchor = "start" if year == lo else "end" if gx > width - right - 20 else "middle"
        out.append(
            f'<line x1="{gx:.1f}" y1="{top - 10}" x2="{gx:.1f}" y2="{bottom}" class="grid"/>'
        )
        out.append(
            f'<text x="{gx:.1f}" y="{top - 16}" text-anchor="{anchor}" class="year">{year}</text>'
        )
        out.append(
            f'<text x="{gx:.1f}" y="{bottom + 18}" text-anchor="{anchor}" class="year">{year}</text>'
        )
    out.append(f'<text x="10" y="{top + 14}" class="lane">Events</text>')
    for i, mark in enumerate(marks):  # below the lane's name, a label may run into its margin
        out.append(_mark(mark, top + 12 + i * 22, x, left if i == 0 else 10, width - right))
    y0 = top + events_height
    previous = ""
    for row, bar in enumerate(rows):
        py = y0 + row * 24
        if bar.person != previous:
            out.append(
                f'<text x="10" y="{py + 15}" class="lane" data-people="{escape(bar.key)}">'
                f"<title>{escape(bar.person)}</title>{escape(fit(bar.person, left - 20))}</text>"
            )
            previous = bar.person
        out.append(_bar(bar, py, x, scale, left, width - right))
    out.append("</svg>")
    return "\n".join(out)


def _label(text: str, x1: float, x2: float, lo: float, hi: float) -> tuple[float, str, str]:
    """Where a label goes beside a shape from x1 to x2: after it when it fits, else before
    it, else cut to the wider side. Returns x, anchor and the (cut) text."""
    need = len(text) * CHAR
    after, before = hi - (x2 + 6), (x1 - 6) - lo
    if need <= after:
        return x2 + 6, "start", text
    if need <= before:
        return x1 - 6, "end", text
    if after >= before:
        return x2 + 6, "start", fit(text, after)
    return x1 - 6, "end", fit(text, before)


def _mark(mark: Mark, my: int, to_x: Callable[[float], float], lo: float, hi: float) -> str:
    """An event: a dot on its day, or a band across its month or year."""
    first, last = bounds(mark.date)
    x1, x2 = to_x(first), to_x(last)
    when = as_written(mark.date)
    if precision(mark.date) == "day":
        shape = f'<circle cx="{x1:.1f}" cy="{my}" r="5" class="event {escape(mark.kind)}"/>'
        x1, x2 = x1 - 5, x1 + 5
    else:
        shape = f'<rect x="{x1:.1f}" y="{my - 5}" width="{max(4.0, x2 - x1):.1f}" height="10" rx="2" class="event span {escape(mark.kind)}"/>'
        x2 = max(x2, x1 + 4)
    lx, anchor, text = _label(f"{mark.label}", x1, x2, lo, hi)
    return (
        f'<a href="{escape(mark.href)}" data-people="{escape(" ".join(mark.people))}">'
        f"<title>{escape(when)}: {escape(mark.label)}</title>{shape}"
        f'<text x="{lx:.1f}" y="{my + 4}" text-anchor="{anchor}" class="event-label">{escape(text)}</text></a>'
    )


def _bar(
    bar: Bar, py: int, to_x: Callable[[float], float], scale: float, lo: float, hi: float
) -> str:
    """A tenure: solid where the text dates it, fading where it gives no start or end, a thin
    band across a start or end known only to the month or year."""
    known = [d for d in (bar.start, bar.end, *bar.held) if d]
    first = bounds(bar.start)[0] if bar.start else min(bounds(d)[0] for d in known)
    last = bounds(bar.end)[1] if bar.end else max(bounds(d)[1] for d in known)
    x1, x2 = to_x(first), to_x(last)
    fade = max(24.0, FADE * scale)
    parts = [
        f'<rect x="{x1:.1f}" y="{py + 3}" width="{max(4.0, x2 - x1):.1f}" height="16" rx="3" class="tenure"/>'
    ]
    if not bar.start:
        parts.append(
            f'<rect x="{x1 - fade:.1f}" y="{py + 3}" width="{fade:.1f}" height="16" class="tenure-fade" fill="url(#fade-left)"/>'
        )
    if not bar.end:
        parts.append(
            f'<rect x="{x2:.1f}" y="{py + 3}" width="{fade:.1f}" height="16" class="tenure-fade" fill="url(#fade-right)"/>'
        )
    for date in (bar.start, bar.end):
        if date and precision(date) != "day":
            a, b = bounds(date)
            xa, xb = to_x(a), to_x(b)
            parts.append(
                f'<rect x="{xa:.1f}" y="{py}" width="{max(2.0, xb - xa):.1f}" height="3" class="imprecise"/>'
            )
    span = (
        f"{as_written(bar.start) if bar.start else 'start not given'} – {as_written(bar.end) if bar.end else 'end not given'}"
        if bar.start or bar.end
        else "in office " + ", ".join(as_written(d) for d in bar.held)
    )
    left_edge = x1 - (fade if not bar.start else 0)
    right_edge = x2 + (fade if not bar.end else 0)
    lx, anchor, text = _label(f"{bar.office} ({span})", left_edge, right_edge, lo, hi)
    return (
        f'<a href="{escape(bar.href)}" data-people="{escape(bar.key)}"><title>{escape(bar.person)}, {escape(bar.office)} ({escape(span)})</title>'
        + "".join(parts)
        + f'<text x="{lx:.1f}" y="{py + 15}" text-anchor="{anchor}" class="tenure-label">{escape(text)}</text></a>'
    )
