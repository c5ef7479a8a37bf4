"""What an input format hands to the shared pipeline: metadata found so far and blocks of text.

Every format (text export, HTML page, wire feed, JSON) fills a `Draft`; `pipeline.finish` then applies
the same steps to all of them (metadata from the text, boilerplate, broken paragraphs, pull quotes,
attribution), so a release reads the same whatever it came in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from searchidx.model import Contact


@dataclass
class Block:
    text: str
    #: What the format knows of the block: None (running text), "heading", "pullquote", "caption",
    #: "about", "list", "contact", "quote-name" (a name line that heads a pull quote).
    hint: str | None = None
    #: Blank lines before the block in a text export: floats often stand after a wider gap.
    gap: int = 1
    speaker: str | None = None
    #: The lines a text export's block was joined from, when there were several (a headline over its date
    #: line reads as a place before a date once joined).
    lines: tuple[str, ...] = ()
    #: The format sets the block off as a quotation (HTML ``<blockquote>``): quoted words need no marks there.
    set_off: bool = False
    #: The whole block is emphasised (Markdown's ``*…*``): under a headline, its deck.
    emphasised: bool = False
    #: The format marks the block as the page's top heading (Markdown's ``# …``): the headline, whatever
    #: labels, date and contact lines stand above it.
    top_heading: bool = False


@dataclass
class Draft:
    path: str
    id: str
    format: str
    blocks: list[Block] = field(default_factory=list)
    title: str | None = None
    subtitle: str | None = None
    labels: list[str] = field(default_factory=list)
    date: dt.date | None = None
    location: str | None = None
    #: The (month, day) a dateline gives without its year ("NEW DELHI, March 28 —"), for `dates.year_of`.
    month_day: tuple[int, int] | None = None
    #: A place the format's metadata gives (a wire item's ``<located>``): the release's place only when its
    #: text prints no dateline, which is what the release itself says.
    place_hint: str | None = None
    #: A date the format's layout shows without naming it the release's (a line of its own under a page's
    #: headline): the release's date only where its text gives none.
    date_hint: dt.date | None = None
    source: str | None = None
    url: str | None = None
    author: str | None = None
    language: str | None = None
    contacts: list[Contact] = field(default_factory=list)
    #: Formats whose blocks are already whole paragraphs (HTML <p>, JSON) skip the text-export repairs.
    paragraphs_whole: bool = False
    #: A text export's lines as typed, when its title was read from them: the headline check reads them
    #: (`searchidx.load.headline`).
    head_lines: tuple[str, ...] = ()
    #: Letterhead lines left out above the title: no text, but they may name the people the release quotes
    #: ("Hon. Jane Roe MHK" over "… Mrs Roe said").
    letterhead: list[str] = field(default_factory=list)
