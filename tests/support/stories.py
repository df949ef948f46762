"""Articles on one story for brief tests: a wire report under two headlines, a paraphrase of it,
and an unrelated report, written to files the way a journalist saves them."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

WIRE = (
    "The city council approved a network of protected cycle lanes on Tuesday after a "
    "four-hour debate.\n\n"
    "The vote passed by 31 to 12, with the mayor's party split over the cost of the scheme.\n\n"
    "Work on the first section, along the river embankment, is due to start in May and "
    "should take about a year.\n\n"
    "The plan removes 400 parking spaces from the city centre, which shop owners say will "
    "drive customers away.\n\n"
    "Cycling groups welcomed the decision and said the lanes would halve the number of "
    "serious crashes within five years."
)
# The same wire copy under two headlines, as two outlets ran it.
HERALD = "Council backs cycle lanes\n\n" + WIRE
COURIER = "Cycle lanes get the green light after long debate\n\n" + WIRE
# Another outlet's own words for the same facts, plus one fact of its own.
GAZETTE = (
    "Protected bike lanes for the city\n\n"
    "On Tuesday, after four hours of debate, the city council approved a network of "
    "protected cycle lanes.\n\n"
    "Councillors voted 31 to 12 in favour, although the mayor's party was split over the "
    "cost of the scheme.\n\n"
    "The transport department expects the whole network to cost 48 million euros, paid "
    "partly by a national grant."
)
# A different story entirely.
WEATHER = (
    "Storm warning for the coast\n\n"
    "Forecasters issued a storm warning for the northern coast on Wednesday, with gusts of "
    "up to 120 kilometres an hour expected overnight.\n\n"
    "Ferries to the islands were cancelled and schools near the shore will stay closed on "
    "Thursday."
)


def write_story(folder: Path) -> list[Path]:
    """The Herald and the Courier (the same wire copy), the Gazette (a paraphrase), the weather."""
    paths = []
    for name, text in (
        ("1-herald.txt", HERALD),
        ("2-courier.txt", COURIER),
        ("3-gazette.txt", GAZETTE),
        ("4-weather.txt", WEATHER),
    ):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
