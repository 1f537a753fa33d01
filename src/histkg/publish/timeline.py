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
    """A fractional year: 1957-06-18 -> 1957.46; 1957 -> 1957.5 (its middle)."""
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

    persons = sorted({b.person for b in bars})
    event_rows = max(1, min(8, len(marks)))
    top = 40
    events_height = 24 * event_rows + 30
    height = top + events_height + 28 * len(persons) + 40
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
        my = top + 12 + (i % event_rows) * 24
        out.append(
            f'<a href="{escape(mark.href)}"><circle cx="{mx:.1f}" cy="{my}" r="5" class="event {escape(mark.kind)}">'
            f"<title>{escape(mark.date)}: {escape(mark.label)}</title></circle>"
            f'<text x="{mx + 8:.1f}" y="{my + 4}" class="event-label">{escape(mark.label[:60])}</text></a>'
        )
    y0 = top + events_height
    for row, person in enumerate(persons):
        py = y0 + row * 28
        out.append(f'<text x="10" y="{py + 15}" class="lane">{escape(person)}</text>')
        for bar in sorted(
            (b for b in bars if b.person == person),
            key=lambda b: (b.start or b.end or "", b.office),
        ):
            known = [d for d in (bar.start, bar.end, *bar.held) if d]
            if not known:
                continue
            x1 = x(bar.start) if bar.start else min(x(d) for d in known) - scale * 0.5
            x2 = x(bar.end) if bar.end else max(x(d) for d in known) + scale * 0.5
            open_class = ("" if bar.start else " open-start") + ("" if bar.end else " open-end")
            span = f"{bar.start or '?'} – {bar.end or '?'}"
            out.append(
                f'<a href="{escape(bar.href)}"><rect x="{x1:.1f}" y="{py + 3}" width="{max(4.0, x2 - x1):.1f}" '
                f'height="16" rx="3" class="tenure{open_class}"><title>{escape(bar.office)} ({span})</title></rect>'
                f'<text x="{x1 + 4:.1f}" y="{py + 15}" class="tenure-label">{escape(bar.office[:40])}</text></a>'
            )
    out.append("</svg>")
    return "\n".join(out)
