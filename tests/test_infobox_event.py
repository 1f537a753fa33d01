"""An event infobox (a coup, a military conflict, a purge …): a date range gives the
event's start and end (hkg:startDate, hkg:endDate), never just one end of it; a date that
does not exist is a coded warning (W202), never an ill-typed literal (issue 10, finding 10).

Every infobox here is invented (a country, people and a coup that do not exist).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, Literal
from rdflib.namespace import XSD

from histkg import build
from histkg.extract.infobox import read_box
from histkg.model import Date
from histkg.sources.sectioned import read_sectioned
from histkg.vocab import HKG

COUP = """= 1981 Velmar coup attempt =

1981 Velmar coup attempt
- Date: {date}
- Location: Ostrava Harbour
- Perpetrators: Colonel Anto Brisk
- Target: President Lenna Quist

The 1981 Velmar coup attempt was a failed attempt by Colonel Anto Brisk to overthrow
President Lenna Quist. Brisk was arrested by loyal troops.
"""


def _box(date: str) -> tuple[Date | None, Date | None, list[tuple[str, int]]]:
    article = read_sectioned(Path("coup.txt"), COUP.format(date=date), "0" * 64)
    box = read_box(article)
    assert box.kind == "event" and box.event is not None
    return box.event.date, box.event.end, [(w.code, w.line) for w in box.warnings]


@pytest.mark.parametrize(
    ("value", "start", "end"),
    [
        ("23–24 February 1981", "1981-02-23", "1981-02-24"),
        ("1955–58", "1955", "1958"),
        ("1955–1958", "1955", "1958"),
        ("28 February – 2 March 1981", "1981-02-28", "1981-03-02"),
        ("February 23–24, 1981", "1981-02-23", "1981-02-24"),
        ("March–May 1981", "1981-03", "1981-05"),
    ],
)
def test_infobox_event_range_gives_start_and_end(value: str, start: str, end: str) -> None:
    assert _box(value) == (Date(start), Date(end), [])


def test_infobox_event_single_date_stays_a_date() -> None:
    assert _box("23 February 1981") == (Date("1981-02-23"), None, [])


@pytest.mark.parametrize(
    "value",
    ["31 February 1981", "30 February – 2 March 1981", "23–31 February 1981", "1958–55"],
)
def test_infobox_event_impossible_date_is_w202_and_left_out(value: str) -> None:
    start, end, warnings = _box(value)
    assert ("W202", 4) in warnings
    # neither end of an impossible range is kept; the title's year still dates the event
    assert (start, end) == (Date("1981"), None)


def test_infobox_event_range_in_the_graph(tmp_path: Path) -> None:
    path = tmp_path / "coup.txt"
    path.write_text(COUP.format(date="23–24 February 1981"), encoding="utf-8")
    result = build([path])
    coups = set(result.graph.subjects(RDF.type, HKG.CoupAttempt))
    ranged = [e for e in coups if result.graph.value(e, HKG.startDate) is not None]
    assert len(ranged) == 1
    coup = ranged[0]
    assert result.graph.value(coup, HKG.startDate) == Literal("1981-02-23", datatype=XSD.date)
    assert result.graph.value(coup, HKG.endDate) == Literal("1981-02-24", datatype=XSD.date)
    assert result.graph.value(coup, HKG.date) is None  # not silently one end of the range
    assert result.report.conforms


def test_infobox_event_impossible_date_never_an_ill_typed_literal(tmp_path: Path) -> None:
    path = tmp_path / "coup.txt"
    path.write_text(COUP.format(date="30 February – 2 March 1981"), encoding="utf-8")
    result = build([path])
    assert any(w.code == "W202" and w.line == 4 for w in result.warnings)
    for _s, _p, o in result.graph:
        if isinstance(o, Literal) and o.datatype is not None:
            assert o.ill_typed is not True, o
    assert result.report.conforms


TRIAL = """= Trial of Anto Brisk =

Trial of Anto Brisk
- Date: 3 May 1982
- Accused: Anto Brisk
- Court: Supreme Court of Velmar

The trial of Anto Brisk was held in Ostrava in May 1982. Brisk was sentenced to death.
"""


def test_infobox_trial_accused_is_who_stood_trial() -> None:
    article = read_sectioned(Path("trial.txt"), TRIAL, "0" * 64)
    box = read_box(article)
    assert box.kind == "event" and box.event is not None
    assert [m.text for m in box.event.affected] == ["Anto Brisk"], box.event
    assert not [w for w in box.warnings if "Accused" in w.message], box.warnings
