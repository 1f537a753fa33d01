"""The timeline, drawn by histkg as SVG: events on a time axis, tenures as bars per person."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class Mark:
    """An event: when (ISO prefix), what, where its page is."""

    date: str
    label: str
    kind: str
    href: str


@dataclass(frozen=True)
class Bar:
    """A tenure: who, which office, start/end at the precision known, its page."""

    person: str
    office: str
    start: str | None
    end: str | None
    held: tuple[str, ...]
    href: str


def year_of(iso: str) -> float:
    """A fractional year: 1848-03-15 -> 1848.21; 1848 -> 1848.5 (its middle)."""
    parts = iso.split("-")
    year = int(parts[0])
    if len(parts) == 1:
        return year + 0.5
    month = int(parts[1])
    day = int(parts[2]) if len(parts) > 2 else 15
    return year + (month - 1) / 12 + (day - 1) / 365


def render_svg(marks: list[Mark], bars: list[Bar], width: int = 1100) -> str:
    """The SVG of the timeline (deterministic: same inputs, same bytes)."""
    dates = [m.date for m in marks] + [d for b in bars for d in (b.start, b.end, *b.held) if d]
    if not dates:
        return '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="40"><text x="10" y="25">No dated events.</text></svg>'
    lo = int(min(year_of(d) for d in dates)) - 1
    hi = int(max(year_of(d) for d in dates)) + 2
    left, right = 230, 30
    scale = (width - left - right) / max(1, hi - lo)

    def x(iso: str) -> float:
        return left + (year_of(iso) - lo) * scale

    rows = [
        b
        for b in sorted(
            bars,
            key=lambda b: (b.person, b.start or b.end or (b.held[0] if b.held else "~"), b.office),
        )
        if b.start or b.end or b.held
    ]
    event_rows = max(1, len(marks))
    top = 40
    events_height = 22 * event_rows + 30
    height = top + events_height + 24 * len(rows) + 40
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Timeline" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" class="timeline">'
    ]
    step = max(1, (hi - lo) // 12)
    for year in range(lo, hi + 1, step):
        gx = left + (year - lo) * scale
        out.append(
            f'<line x1="{gx:.1f}" y1="{top - 10}" x2="{gx:.1f}" y2="{height - 30}" class="grid"/>'
        )
        out.append(f'<text x="{gx:.1f}" y="{top - 16}" class="year">{year}</text>')
    out.append(f'<text x="10" y="{top + 14}" class="lane">Events</text>')
    for i, mark in enumerate(sorted(marks, key=lambda m: (m.date, m.label))):
        mx = x(mark.date)
        my = top + 12 + i * 22
        right_side = mx < width * 0.6  # label after the dot, or before it near the right edge
        lx, anchor = (mx + 9, "start") if right_side else (mx - 9, "end")
        out.append(
            f'<a href="{escape(mark.href)}"><circle cx="{mx:.1f}" cy="{my}" r="5" class="event {escape(mark.kind)}">'
            f"<title>{escape(mark.date)}: {escape(mark.label)}</title></circle>"
            f'<text x="{lx:.1f}" y="{my + 4}" text-anchor="{anchor}" class="event-label">{escape(mark.label[:80])}</text></a>'
        )
    y0 = top + events_height
    previous = ""
    for row, bar in enumerate(rows):
        py = y0 + row * 24
        if bar.person != previous:
            out.append(f'<text x="10" y="{py + 15}" class="lane">{escape(bar.person)}</text>')
            previous = bar.person
        known = [d for d in (bar.start, bar.end, *bar.held) if d]
        x1 = x(bar.start) if bar.start else min(x(d) for d in known) - scale * 0.75
        x2 = x(bar.end) if bar.end else max(x(d) for d in known) + scale * 0.75
        open_class = ("" if bar.start else " open-start") + ("" if bar.end else " open-end")
        span = (
            f"{bar.start or '?'} – {bar.end or '?'}"
            if bar.start or bar.end
            else "held " + ", ".join(bar.held)
        )
        out.append(
            f'<a href="{escape(bar.href)}"><rect x="{x1:.1f}" y="{py + 3}" width="{max(4.0, x2 - x1):.1f}" '
            f'height="16" rx="3" class="tenure{open_class}"><title>{escape(bar.office)} ({span})</title></rect>'
            f'<text x="{max(x1, x2) + 6:.1f}" y="{py + 15}" class="tenure-label">{escape(bar.office[:64])} ({span})</text></a>'
        )
    out.append("</svg>")
    return "\n".join(out)
