"""Sentences a careful reader records no move for: the extractor must stay silent."""

from __future__ import annotations

import pytest
from extract_helpers import triples

SILENT = {
    "hiring spree": "Arcadia Labs has hired more than 300 engineers this year and plans to double its "
    "research staff, according to its careers page.",
    "unnamed hire": "Beacon Health is hiring a new chief financial officer and has retained a search firm.",
    "denied rumour": "A spokesperson for Corvus Motors denied reports that chief executive Lena Fischer "
    "was about to resign.",
    "false rumour": "Reports that Tidewater Bank's president Omar Said was leaving for a rival were false, "
    "the bank said.",
    "speculation": "Investors wondered whether Nadia Kerr would leave Orion Retail after the failed merger.",
    "in talks": "Helix Media is in talks to hire a senior Netflix executive as its content chief.",
    "former X said": "Former Intel executive Raymond Cho said the chip shortage would ease by summer.",
    "current job only": "Pinewood Capital managing partner Alicia Grant told investors the fund had "
    "returned 18 percent.",
    "current job appositive": "Jonah Reyes, the chief executive of Brightpath Insurance, said premiums "
    "would rise next year.",
    "leave of absence": "Keiko Ito, the head of design at Marble Studio, is taking a leave of absence to "
    "care for a family member.",
    "medical leave": "Fenwick Bank said its finance chief Adam Cole is on medical leave until March.",
    "bare former title": "The panel included former Apple design chief Jony Park and several investors.",
    "founding history in a profile": "Sam Whitaker, who co-founded the company, spoke at the launch event.",
    "not leaving": "Chief executive Rosa Mendes is not leaving Calder Group, the company said.",
}


@pytest.mark.parametrize("text", list(SILENT.values()), ids=list(SILENT))
def test_silent(text: str) -> None:
    assert triples(text) == set()


def test_silence_is_per_sentence() -> None:
    text = (
        "Analysts wondered whether more executives would follow. "
        "Meanwhile, Priya Shah has joined Quillon Systems as chief product officer."
    )
    assert triples(text) == {("Priya Shah", "joined", "Quillon Systems")}
