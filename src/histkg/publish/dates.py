"""Dates as a historian reads them: at the precision the text gives, never padded.

>>> as_written("1848-03-15")
'15 March 1848'
>>> as_written("1848-03")
'March 1848'
>>> as_written("1848")
'1848'
>>> precision("1848-03")
'month'
>>> compare("1849", "1849-03-01") is None  # one contains the other: no order
True
>>> compare("1848-03", "1849")
-1
"""

from __future__ import annotations

import re

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
ISO = re.compile(r"^(-?\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def precision(iso: str) -> str:
    """'day', 'month' or 'year' (the XSD type the date was written with)."""
    match = ISO.match(iso)
    if match is None:
        return ""
    return "day" if match.group(3) else "month" if match.group(2) else "year"


def as_written(iso: str) -> str:
    """'15 March 1848', 'March 1848' or '1848'; anything else as it is."""
    match = ISO.match(iso)
    if match is None:
        return iso
    year, month, day = match.groups()
    year_text = str(int(year))
    if month is None:
        return year_text
    name = MONTHS[int(month) - 1] if 1 <= int(month) <= 12 else month
    if day is None:
        return f"{name} {year_text}"
    return f"{int(day)} {name} {year_text}"


def interval(iso: str) -> tuple[str, str]:
    """The first and last day a date at its precision may stand for, as ISO strings that
    sort in time order."""
    match = ISO.match(iso)
    if match is None:
        return iso, iso
    year, month, day = match.groups()
    if day is not None:
        return f"{year}-{month}-{day}", f"{year}-{month}-{day}"
    if month is not None:
        return f"{year}-{month}-01", f"{year}-{month}-31"
    return f"{year}-01-01", f"{year}-12-31"


def compare(a: str, b: str) -> int | None:
    """-1 when ``a`` is wholly before ``b``, 1 when wholly after, 0 when the same day, None
    when one date's span contains or overlaps the other's (order not known)."""
    a_lo, a_hi = interval(a)
    b_lo, b_hi = interval(b)
    if a_lo == a_hi == b_lo == b_hi:
        return 0
    if a_hi < b_lo:
        return -1
    if b_hi < a_lo:
        return 1
    return None


def sort_key(iso: str | None) -> str:
    """A key that puts dates in time order and undated things last."""
    return interval(iso)[0] if iso else "~"
