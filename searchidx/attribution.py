"""Speaker attribution: who speaks in each paragraph, by rules over the release's own text.

A paragraph belongs to the person whose words it carries, in a direct quote or reported speech; narration
belongs to nobody. Rules, in order of trust: an explicit attribution in the paragraph (name or title with
a speech verb, before or after the quote, "according to X", a pronoun or title for a person already
named); a quote left open by the previous paragraph; a paragraph that only carries on the previous
speaker's quote. Within a release one person is one speaker: "Prof. Sadat" and "Sadat" resolve to
"Leila Nadya Sadat" as first given.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .model import Paragraph

HONORIFIC = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Rev|Hon|Sr|Sra|Lic)\.?"
_HONORIFIC_RE = re.compile(rf"^{HONORIFIC}\s+")
_FEMALE_HON = {"mrs", "ms", "miss", "dame", "sra", "madam"}
_MALE_HON = {"mr", "sir", "sr"}

_NAME_WORD = r"(?:Mc|Mac|O['’]|D['’])?[A-ZÀ-ÝĀ-Ž][a-zà-ÿā-ž'’]+(?:-[A-ZÀ-ÝĀ-Ž]?[a-zà-ÿā-ž'’]+)*"
_CAP_WORD = rf"(?:{_NAME_WORD}|[A-Z]\.|[A-Z]{{2,}}['’]?s?|[A-Z][a-z]*['’]s)"
_JOINER = r"(?:of|in|for|the|and|de|del|della|di|da|dos|du|van|von|der|den|la|le|bin|al|el|ibn|on)"
# A run of capitalised words, as names and titles are written: "DEA Special Agent in Charge James Hunt".
CAP_SPAN = rf"{_CAP_WORD}(?:\s+(?:{_CAP_WORD}|{_JOINER}(?=\s+[A-Z]))){{0,10}}"

SPEECH_VERBS = (
    "said says stated states added adds noted notes explained explains stressed stresses emphasized "
    "emphasised emphasizes highlighted highlights mentioned concluded continued remarked commented "
    "declared announced announces warned argued asserted affirmed observed insisted conveyed assured "
    "praised expressed urged acknowledged recalled told wrote writes testified confirmed underlined "
    "underscored reiterated responded replied cautioned suggested welcomed thanked condemned criticized "
    "criticised applauded lamented vowed pledged predicted claimed maintained indicated revealed shared "
    "echoed agreed admitted proposed recommended reminded encouraged contended identified clarified "
    "believes believed explained tweeted posted"
    # Spanish, for the releases that come in it.
    " dijo afirmó señaló declaró explicó indicó agregó añadió aseguró destacó expresó manifestó"
).split()
_VERB = r"(?:pointed out|went on to say|" + "|".join(sorted(set(SPEECH_VERBS), key=len, reverse=True)) + r")"
_ADVERBS = r"(?:(?:also|further|then|later|again|has|had|have|today|yesterday|recently|previously|" \
           r"once|additionally|similarly|strongly|firmly|clearly|publicly|repeatedly|personally)\s+)*"
_VERB_RE = re.compile(rf"\b{_VERB}\b")

_ANCHOR = r"(?:^|[,;:(]\s+|[.!?]\s+|[\"”“]\s*|—\s*|–\s*)"
# "NAME, ROLE[,] said" — the appositive role between a name and its verb.
_APPOSITIVE = re.compile(
    rf"{_ANCHOR}(?P<hon>{HONORIFIC}\s+)?(?P<span>{CAP_SPAN}),\s+(?P<role>[^\"“”;]{{2,220}}?),?\s+{_ADVERBS}$"
)
# "TITLE NAME said", "NAME said", "He said", "The District Attorney said".
_SUBJECT = re.compile(rf"{_ANCHOR}(?P<hon>{HONORIFIC}\s+)?(?P<span>(?:[Tt]he\s+)?{CAP_SPAN})\s+{_ADVERBS}$")
_PRONOUN = re.compile(rf"{_ANCHOR}(?P<pron>[Hh]e|[Ss]he)\s+{_ADVERBS}$")
# '…," said NAME, ROLE.' and '…," she said.'
_AFTER_VERB = re.compile(
    rf"^\s+(?P<hon>{HONORIFIC}\s+)?(?P<span>{CAP_SPAN})(?:,\s+(?P<role>[^.;\"“”]{{2,160}}))?"
)
_AFTER_VERB_PRONOUN = re.compile(r"^\s+(?P<pron>he|she)\b")
_ACCORDING = re.compile(rf"\b[Aa]ccording to\s+(?P<hon>{HONORIFIC}\s+)?(?P<span>{CAP_SPAN})(?:,\s+(?P<role>[^.;\"“”]{{2,160}}?)(?:[,.;]|$))?")

TITLE_WORDS = frozenset(
    """attorney attorney's district state state's states' chief superintendent sheriff mayor governor president
    vice director agent special charge ceo cfo coo cto founder co-founder chairman chairwoman chair
    commissioner minister secretary senator representative rep sen gov judge justice officer deputy assistant
    detective sergeant sgt captain capt lieutenant lt inspector spokesperson spokesman spokeswoman
    prosecutor counsel general executive manager head leader member mp mep councillor councilman
    councilwoman councilmember supervisor ambassador commander colonel col general admiral professor
    dr prime premier chancellor speaker dean principal coach chancellor fiscal procurador
    senior principal lead acting interim former county city us u.s. dea fbi atf hsi ice irs""".split()
)
ORG_WORDS = frozenset(
    """office department police court parliament council committee ministry government agency inc corp
    corporation company association university commission bureau board union party group organization
    organisation institute foundation team unit service services news times post press network center
    centre authority assembly senate house congress administration coalition alliance jury prosecutors
    officials investigators deputies detectives officers authorities witnesses records members residents
    students parents police families victims staff employees company's ltd llc plc bank fund trust
    program programme project campaign report study survey data statement release website""".split()
)
NOT_NAMES = frozenset(
    """the this that these those it they we i you our his her their its in on at but and or if when while
    according today yesterday monday tuesday wednesday thursday friday saturday sunday january february march
    april may june july august september october november december there here what who how why a an as
    after before during since for from with by all some many most several both each every no not one two
    three first last new mr mrs ms dr prof also however meanwhile additionally furthermore earlier later
    he she his hers god""".split()
)
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|we|We|my|My|our|Our|me|us)\b")


_KEY_HONORIFIC = re.compile(
    r"^(?:(?:mr|mrs|ms|miss|mx|dr|prof|professor|sir|dame|rev|hon|judge|sr|sra|srta|lic|don|dona)\.?\s+)+"
)
_KEY_SUFFIX = re.compile(r"[\s,]+(?:jr|sr|ii|iii|iv|phd|md|esq)\.?$")
_KEY_JUNK = re.compile(r"[^\w\s-]+")
# Letters that carry no combining accent to strip, so NFKD leaves them alone.
_KEY_LETTERS = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "ð": "d", "þ": "th"})


def speaker_key(name: str) -> str:
    """The identity of a speaker across releases: the full name folded to lower case, without accents,
    honorifics, suffixes or punctuation ("Prof. Valerius M. Ciucă" → "valerius m ciuca")."""
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower().translate(_KEY_LETTERS)
    text = text.replace("’", "'").replace("'", "")
    text = _KEY_JUNK.sub(" ", text)
    text = " ".join(text.replace("_", " ").split())
    text = _KEY_HONORIFIC.sub("", text)
    text = _KEY_SUFFIX.sub("", text)
    return text.strip(" -")


@dataclass
class Person:
    name: str
    role: str | None = None
    gender: str | None = None
    forms: set[str] = field(default_factory=set)


class Registry:
    """The people a release has named so far, so that later mentions resolve to the same one."""

    def __init__(self) -> None:
        self.people: list[Person] = []
        self.recent: list[Person] = []

    def find(self, name: str) -> Person | None:
        key = name.lower()
        tokens = key.split()
        for p in self.people:
            if key in p.forms:
                return p
        for p in reversed(self.people):
            ptoks = p.name.lower().split()
            if tokens[-1] == ptoks[-1] and (len(tokens) == 1 or tokens[0] == ptoks[0]
                                             or tokens[0].rstrip(".") == ptoks[0][:1]):
                return p
        return None

    def resolve(self, name: str, role: str | None, gender: str | None) -> Person:
        person = self.find(name)
        if person is None:
            person = Person(name=name, role=role, gender=gender)
            self.people.append(person)
        else:
            # "Name as first given", unless the first mention was the short form.
            if len(name.split()) > len(person.name.split()) and len(person.name.split()) == 1:
                person.name = name
            person.role = person.role or role
            person.gender = person.gender or gender
        person.forms.add(name.lower())
        return person

    def by_role(self, role: str) -> Person | None:
        key = role.lower()
        for p in reversed(self.recent or self.people):
            if p.role and key in p.role.lower():
                return p
        for p in reversed(self.people):
            if p.role and key in p.role.lower():
                return p
        return None

    def by_pronoun(self, pronoun: str) -> Person | None:
        gender = "f" if pronoun.lower() == "she" else "m"
        for p in reversed(self.recent):
            if p.gender in (None, gender):
                p.gender = gender
                return p
        return None

    def spoke(self, person: Person) -> None:
        if person in self.recent:
            self.recent.remove(person)
        self.recent.append(person)


def quote_mask(text: str) -> list[tuple[int, int]]:
    """Spans of text inside double quotes (straight or typographic), unclosed spans run to the end."""
    spans: list[tuple[int, int]] = []
    start = None
    for i, ch in enumerate(text):
        if ch == "“" or (ch == '"' and start is None):
            if start is None:
                start = i
        elif ch in "”\"" and start is not None:
            spans.append((start, i))
            start = None
    if start is not None:
        spans.append((start, len(text)))
    return spans


def quote_depth(text: str, depth: int) -> int:
    """Quote nesting after ``text``, given the depth before it. Openers follow a space, closers not."""
    for i, ch in enumerate(text):
        if ch not in "\"“”«»":
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        opener = ch in "“«" or (ch == '"' and (before.isspace() or before in "([—–-") and not after.isspace())
        if opener:
            # A continued quote reopens each paragraph with a mark of its own.
            if not (i == 0 and depth > 0):
                depth += 1
        else:
            depth = max(0, depth - 1)
    return depth


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(a <= pos < b for a, b in spans)


def _split_span(span: str) -> tuple[str | None, str]:
    """"DEA Special Agent in Charge James Hunt" → ("DEA Special Agent in Charge", "James Hunt")."""
    tokens = span.split()
    last_title = -1
    for k, tok in enumerate(tokens):
        low = tok.lower().strip(",.")
        if low in TITLE_WORDS or (tok.isupper() and len(tok) > 1 and not tok.endswith(".")):
            last_title = k
    if last_title < 0:
        return None, span
    role = " ".join(tokens[: last_title + 1])
    name = " ".join(tokens[last_title + 1:])
    return role, name


def _valid_name(name: str) -> bool:
    tokens = name.split()
    if not tokens or len(tokens) > 5:
        return False
    if tokens[0].lower().strip(".,") in NOT_NAMES:
        return False
    if any(t.lower().strip(".,") in ORG_WORDS for t in tokens):
        return False
    return all(t[:1].isupper() or t in ("de", "del", "da", "di", "van", "von", "der", "la", "le", "bin", "al")
               for t in tokens)


def _gender(hon: str | None) -> str | None:
    if not hon:
        return None
    h = hon.strip().rstrip(".").lower()
    return "f" if h in _FEMALE_HON else "m" if h in _MALE_HON else None


class Attributor:
    def __init__(self, text_of_release: str) -> None:
        self.registry = Registry()
        self.text = text_of_release

    def _person(self, hon: str | None, span: str, role: str | None) -> object | None:
        span = span.strip()
        if span.lower().startswith("the "):
            span = span[4:]
        title, name = _split_span(span)
        role = (role or "").strip(" ,") or None
        if title and role:
            role = f"{title}, {role}"
        elif title:
            role = title
        if not name:
            return self.registry.by_role(title) if title else None
        if not _valid_name(name):
            return None
        if len(name.split()) == 1 and not hon and not title and self.registry.find(name) is None:
            # A lone capitalised word is a person only if the release names someone so elsewhere.
            if not re.search(rf"[A-Z][\w’'.\-]+\s+{re.escape(name)}\b", self.text):
                return None
        return self.registry.resolve(name, role, _gender(hon))

    def explicit(self, text: str) -> Person | None:
        """The person an attribution inside ``text`` names, if any."""
        spans = quote_mask(text)
        for m in _VERB_RE.finditer(text):
            if _inside(spans, m.start()):
                continue
            person = self._before_verb(text[: m.start()]) or self._after_verb(text, m.end())
            if person:
                return person
        for m in _ACCORDING.finditer(text):
            if not _inside(spans, m.start()):
                person = self._person(m.group("hon"), m.group("span"), m.group("role"))
                if person:
                    return person
        return None

    def _before_verb(self, prefix: str) -> Person | None:
        tail = prefix[-400:]
        m = _PRONOUN.search(tail)
        if m:
            return self.registry.by_pronoun(m.group("pron"))
        m = _SUBJECT.search(tail)
        if m:
            person = self._person(m.group("hon"), m.group("span"), None)
            if person:
                return person
        m = _APPOSITIVE.search(tail)
        if m:
            return self._person(m.group("hon"), m.group("span"), m.group("role"))
        return None

    def _after_verb(self, text: str, end: int) -> Person | None:
        before = text[:end].rstrip()
        # Only right after a quote: '…," said NAME'.
        head = text[: end].rsplit(None, 1)[0].rstrip() if " " in text[:end] else ""
        if not head.endswith((",\"", ",”", "”", "\"", ".\"", ".”", "?\"", "?”", "!\"", "!”")):
            return None
        rest = text[end:]
        m = _AFTER_VERB_PRONOUN.match(rest)
        if m:
            return self.registry.by_pronoun(m.group("pron"))
        m = _AFTER_VERB.match(rest)
        if m and before:
            return self._person(m.group("hon"), m.group("span"), m.group("role"))
        return None


def attribute(paragraphs: list[Paragraph]) -> None:
    """Set ``speaker`` and ``speaker_role`` on every paragraph (None for narration)."""
    attributor = Attributor("\n".join(p.text for p in paragraphs))
    registry = attributor.registry
    carried: Person | None = None  # the speaker whose quote is still open
    previous: Person | None = None  # the speaker of the previous body paragraph
    previous_colon = False
    assigned: list[tuple[Paragraph, Person | None]] = []
    for p in paragraphs:
        hint = p.speaker
        p.speaker = p.speaker_role = None
        if p.kind == "about":
            continue
        person: Person | None = None
        if hint:
            hon = _HONORIFIC_RE.match(hint)
            name = _HONORIFIC_RE.sub("", hint).strip()
            if _valid_name(name):
                person = registry.resolve(name, None, _gender(hon.group(0) if hon else None))
        explicit = attributor.explicit(p.text) if person is None else None
        person = person or explicit
        if p.kind != "body":
            # Floats repeat what the body says; they take a speaker but do not move the story on.
            assigned.append((p, person))
            continue
        stripped = p.text.lstrip()
        if person is None and carried is not None:
            person = carried
        elif person is None and previous is not None:
            if stripped[:1] in "\"“" or previous_colon:
                person = previous
            elif _first_person_quote(p.text):
                person = previous
        assigned.append((p, person))
        if person is not None:
            registry.spoke(person)
        start_depth = 0 if explicit is not None or carried is None else 1
        depth = quote_depth(p.text, start_depth)
        carried = person if (person is not None and depth > 0) else None
        previous = person
        previous_colon = p.text.rstrip().endswith(":")
    # Names and roles are final only once the whole release has been read.
    for p, person in assigned:
        _set(p, person)


def _first_person_quote(text: str) -> bool:
    return any(_FIRST_PERSON.search(text[a:b]) for a, b in quote_mask(text))


def _set(p: Paragraph, person: Person | None) -> None:
    if person is not None:
        p.speaker = person.name
        p.speaker_role = person.role
