"""Word lists attribution reasons with: given names, honorifics, post-nominals, words that make a name an
organisation, and places. A speaker is a person; these lists tell a person's name from what is glued to it.

Given names: ``data/given_names.tsv``, from the US Census Bureau's 1990 frequency lists of first names
(public domain), and ``data/given_names_world.tsv``, from the birth registers of the UK, New Zealand and
South Australia and Faker's person lists (see ``data/README.md``), each with the gender its sources count
most (``m``, ``f`` or ``u`` when neither has four times the other's share). Used as evidence, never as a
requirement: a name the lists lack is still a name.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from importlib import resources


def _read_names(filename: str) -> dict[str, str]:
    text = resources.files("searchidx.attribution").joinpath(f"data/{filename}").read_text(encoding="utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        name, _, gender = line.partition("\t")
        if name:
            out[name] = gender or "u"
    return out


@cache
def census_given_names() -> dict[str, str]:
    """The US census part of the list (``data/given_names.tsv``)."""
    return _read_names("given_names.tsv")


@cache
def given_names() -> dict[str, str]:
    """Lower-case given name → ``m``, ``f`` or ``u``: the census list and the registers of the rest of the
    English-speaking world (``data/given_names_world.tsv``)."""
    return {**_read_names("given_names_world.tsv"), **census_given_names()}


def is_given_name(word: str) -> bool:
    return _given_key(word) in given_names()


@lru_cache(maxsize=4096)
def _given_key(word: str) -> str:
    """The list's key for a word: lower case, and without accents the lists lack ("Seán", "Máire", "Ciarán"
    are written so in Irish and the registers give them as "sean", "maire", "ciaran")."""
    key = word.strip(".,’'").lower()
    if key.isascii() or key in given_names():
        return key
    bare = "".join(c for c in unicodedata.normalize("NFD", key) if not unicodedata.combining(c))
    return bare if bare in given_names() else key


@cache
def lowercase_words() -> frozenset[str]:
    """English words running text writes in lower case (``data/lowercase_words.txt``): not given names."""
    text = resources.files("searchidx.attribution").joinpath("data/lowercase_words.txt").read_text(encoding="utf-8")
    return frozenset(text.split())


def is_lowercase_word(word: str) -> bool:
    """Whether a word (each part of a hyphenated one) is an everyday word: "Crime", "Year-Old", "Support"."""
    parts = word.strip(".,’'").lower().split("-")
    return all(p in lowercase_words() for p in parts)


def given_name_gender(word: str) -> str | None:
    """``m`` or ``f`` when the name is mostly given to one, else None."""
    g = given_names().get(_given_key(word))
    return g if g in ("m", "f") else None


#: Honorifics that stand before a name and are no part of it, across the English-speaking world. Role-like
#: titles (Chief, Constable, Sergeant, Inspector, Sen., Rep., Gov.) are roles: see ``ROLE_TITLES``.
HONORIFICS = (
    "Mr Mrs Ms Miss Mx Dr Prof Professor Sir Dame Lady Lord Rev Revd Reverend Hon Honourable Honorable Sr Sra Srta "
    "Lic Shri Sri Smt Shrimati Kumari Datuk Datin Dato Dato' Dato’ Tun Toh Puan Alhaji Alhaja Hajia Haji Hajah "
    "Cllr Mme Mlle Herr Frau Engr Ratu Ir Barr Adv Thiru Thirumathi Encik Cik Tuan Mzee Perit Madam Cr YB YAB YBhg Mma Rra "
    "Pehin Awang Dayang Gogo Mkhulu Bro Dasho Lyonpo Opanin Obaapanyin Togbe Ntate Mdm Sheikh Shaikh Fr Ven Venerable"
).split()
#: Honorifics of more than one word.
MULTI_HONORIFICS = ("Tan Sri", "Puan Sri", "Datuk Seri", "Datuk Sri", "Dato' Sri", "Dato’ Sri", "Dato' Seri",
                    "Dato’ Seri", "The Hon", "The Honourable", "The Honorable", "Rt Hon", "Rt. Hon",
                    "The Rt Hon", "The Rt. Hon", "Right Honourable", "The Right Honourable", "Her Excellency",
                    "His Excellency", "Her Honour", "His Honour", "The Rev", "The Revd", "The Reverend", "The Very Rev", "The Most Rev",
                    "The Rt Rev", "The Rt. Rev", "Rt Rev", "Rt. Rev", "Very Rev", "Most Rev",
                    # Brunei's styles: "Yang Berhormat Dato Paduka Haji Awang …".
                    "Yang Berhormat", "Yang Amat Berhormat", "Yang Mulia", "Dato Paduka", "Dato' Paduka",
                    "Dato’ Paduka", "Dato Seri Paduka", "Dato Seri Setia", "Datin Paduka")
FEMALE_HONORIFICS = frozenset("mrs ms miss dame lady sra srta smt shrimati kumari datin puan cik alhaja hajia hajah thirumathi mma dayang "
                              "mme mlle frau gogo obaapanyin mdm".split())
# ("Sr" is no one's gender: Spanish "Señor", and "Sister" in a religious order or a hospital.)
MALE_HONORIFICS = frozenset("mr sir lord shri tun alhaji haji herr ratu thiru encik tuan mzee rra mkhulu opanin togbe ntate "
                            "sheikh shaikh fr"
                            .split())

#: Titles that name a role and stand before a name: they go to the role, not the name.
ROLE_TITLES = frozenset("""chief constable sergeant inspector superintendent detective sen senator rep representative
    gov governor cmdr commander commissioner minister premier mayor councillor judge justice magistrate
    coroner sheriff officer captain lieutenant colonel general corporal admiral
    ambassador president chairman chairwoman chair director secretary treasurer spokesperson spokesman
    spokeswoman co-leader leader deputy mp mla msp mep mhk mpp mna td
    archbishop pastor rabbi imam mallam comrade headman kgosi kaumātua kaumatua kuia
    commandant registrar provost rector warden comptroller ombudsman headteacher headmaster headmistress
    director-general secretary-general attorney-general solicitor-general auditor-general
    inspector-general governor-general vice-president vice-chancellor""".split())

#: Offices written as letters after a holder's name, and the role they stand for: "Jane Roe MP" is "the MP"
#: and "the Member of Parliament for Example" of the release.
OFFICE_POST_NOMINALS = {
    "mp": "member of parliament", "mhk": "member of the house of keys", "mla": "member of the legislative assembly",
    "msp": "member of the scottish parliament", "mep": "member of the european parliament",
    "mpp": "member of provincial parliament", "mna": "member of the national assembly", "td": "teachta dála",
}

#: Letters after a name: honours, degrees, offices, generations. Stripped from a name; never a name's part.
POST_NOMINALS = frozenset("""ao ac am oam mp mla msp mha mlc mhk ms td mep qc kc sc jp qso qsm mnzm onzm cnzm knzm dnzm
    gnzm obe cbe mbe kbe dbe gbe ch cb frs frse fba freng phd dphil md mba ba bsc msc llb llm esq jr sr ii iii iv san
    rn afsm apm asm psm esm csc cvo lvo mvo kcmg cmg gcmg dso qpm kpm qfsm kfsm bem frcs frcp facs fcpa ceng frsa
    mfr ofr cfr gcon gcfr mni thero thera himi ias ips ifs j ja jj cj lj oj cd od""".split())
#: Post-nominals that are also common words or honorifics in other positions: only after a full name.
_AMBIGUOUS_POST_NOMINALS = frozenset("am ms ch ba md sr j".split())

#: Organisation words in other languages, for releases in them: they take no English plural in "-s"
#: ("Iglesias" is a surname).
FOREIGN_ORGANISATION_WORDS = frozenset("""iglesia fiscalía fiscalia oficina departamento escuela universidad gobierno
    junta empresa ministerio ministerium verein partei polizei bundespolizei fraktion stadtrat regierung verband
    gewerkschaft ministère gouvernement entreprise syndicat""".split())
#: Words that make a capitalised run an organisation or a group, not a person.
ORGANISATION_WORDS = frozenset("""office department police court parliament council committee ministry government
    agency inc corp corporation company association university commission bureau board union party group
    organization organisation institute foundation team unit service services news times post press network
    center centre authority assembly senate house congress administration coalition alliance jury prosecutors
    officials investigators deputies detectives officers authorities witnesses records members residents
    students parents families victims staff employees ltd llc plc bank fund trust program programme project
    campaign report study survey data statement release website school market festival museum hospital church
    club products holdings limited industries systems solutions partners capital energy airlines airways air
    patrol code rights protection united rovers athletic wanderers lib dem dems motors media productions
    entertainment studios pictures ventures labs laboratories technologies communications pharmaceuticals
    telecom telecoms telecommunications
    communities community municipality municipalities directorate institution cooperative co-operative charity
    federation society league council's college academy schools hospitals nations network's cabinet
    secretariat tribunal commission's taskforce forum chamber exchange federal reserve treasury force forces
    army navy brigade regiment division unit agencies centres centers greens labour republicans democrats
    conservatives liberals village tribe embassy consulate mission delegation regulator watchdog research
    chronicle gazette tribune herald journal courier inquirer telegraph magazine radio television broadcasting
    channel equity security investment investments advisors advisers bancorp financial insurance brokerage
    depot analytics collective station command headquarters enterprise nation""".split()) | FOREIGN_ORGANISATION_WORDS \
    | frozenset(
    # Legislatures by their own names: "Member of the Senedd Jane Roe", "the Dáil", "a Tynwald committee".
    """senedd dáil dail oireachtas seanad tynwald stormont holyrood storting bundestag bundesrat knesset sejm
    riksdag folketing althing eduskunta duma sabha majlis fono""".split())

#: Countries and regions that speak in releases as states do ("South Korea said").
PLACES = frozenset("""afghanistan albania algeria argentina armenia australia austria bangladesh belgium belize bhutan
    bolivia brazil britain bulgaria cambodia canada chile china colombia croatia cuba cyprus czechia denmark
    ecuador egypt england estonia ethiopia europe fiji finland france germany ghana greece grenada guatemala
    guyana haiti hungary iceland india indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan
    kenya korea kosovo kuwait laos latvia lebanon libya lithuania luxembourg malaysia maldives malta mexico
    moldova mongolia montenegro morocco myanmar nepal netherlands zealand nigeria norway oman pakistan palestine
    panama peru philippines poland portugal qatar romania russia rwanda samoa scotland senegal serbia singapore
    slovakia slovenia somalia spain sri lanka sudan sweden switzerland syria taiwan tanzania thailand tonga
    trinidad tunisia turkey uganda ukraine uruguay venezuela vietnam wales yemen zambia zimbabwe america
    americas africa asia pacific caribbean beijing washington london moscow tokyo brussels canberra wellington
    delhi kremlin whitehall kong macau
    alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois
    indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri
    montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia wisconsin
    wyoming dakota carolina hampshire jersey york ontario quebec alberta manitoba saskatchewan
    angola botswana burundi cameroon congo djibouti eritrea eswatini swaziland gabon gambia guinea liberia lesotho
    madagascar malawi mauritania mauritius mozambique namibia seychelles bahrain emirates arabia azerbaijan belarus
    uzbekistan kyrgyzstan tajikistan turkmenistan bosnia herzegovina macedonia andorra monaco liechtenstein
    nicaragua honduras paraguay suriname bahamas barbados bermuda antigua barbuda grenadines tobago anguilla
    montserrat aruba brunei vanuatu kiribati tuvalu nauru palau micronesia timor caledonia polynesia gibraltar
    guam greenland cymru aotearoa éire""".split())

# US states as AP style abbreviates them in datelines and titles ("Dekalb, Ill. —", "the Calif. Department"),
# without their final full stop.
AP_STATES = ("Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Ky La Md Mass Mich Minn Miss Mo Mont Neb Nev "
             "N.H N.J N.M N.Y N.C N.D Okla Ore Pa Penn R.I S.C S.D Tenn Tex Vt Va Wash W.Va Wis Wyo D.C").split()

_PUNCT = ".,’'"


_PROFESSIONAL_REGISTRATION = re.compile(r"(?:,?\s+Pr\.?\s?(?:Tech\s)?(?:Eng|Sci\s?Nat|Tech(?:ni)?|Arch|Pln|CM|QS|LArch))+\s*$")


@lru_cache(maxsize=4096)
def strip_post_nominals(name: str) -> str:
    """"John Doe AO" → "John Doe", "Jane Roe, PhD" → "Jane Roe"; a name is never cut below two words by it
    unless the word is unambiguous ("Doe QC" → "Doe")."""
    if " Pr" in name:
        name = _PROFESSIONAL_REGISTRATION.sub("", name)  # South Africa's "Pr Eng", "Pr Tech Eng", "Pr Sci Nat"
    tokens = name.replace(",", " , ").split()
    while tokens:
        last = tokens[-1].strip(_PUNCT).lower()
        if tokens[-1] == ",":
            tokens.pop()
            continue
        if last in POST_NOMINALS and (tokens[-1].isupper() or last in ("phd", "dphil", "jr", "esq", "sr")
                                      or tokens[-1][:1].isupper() and len(last) > 2):
            if last in _AMBIGUOUS_POST_NOMINALS and len([t for t in tokens if t != ","]) <= 2:
                break
            tokens.pop()
            continue
        break
    return " ".join(tokens).replace(" ,", ",")


_MULTI_HON = re.compile(r"^(?:" + "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in
                                             sorted(MULTI_HONORIFICS, key=len, reverse=True)) + r")\.?\s+")
_ONE_HON = frozenset(h.lower().rstrip(".") for h in HONORIFICS)


def strip_honorifics(name: str) -> tuple[str, str | None]:
    """The name without the honorifics before it, and the gender they give, if any ("Shri Jane Roe" → "Jane
    Roe"; "Tan Sri Dato' John Doe" → "John Doe")."""
    gender = None
    text = name.strip()
    while True:
        m = _MULTI_HON.match(text)
        if m:
            text = text[m.end():]
            continue
        first, _, rest = text.partition(" ")
        low = first.lower().rstrip(".")
        if rest and low in _ONE_HON:
            gender = gender or ("f" if low in FEMALE_HONORIFICS else "m" if low in MALE_HONORIFICS else None)
            text = rest.strip()
            continue
        return text, gender


#: Places whose last word is an everyday one ("Man", "Wight"): known only whole.
WHOLE_PLACES = frozenset(("isle of man", "isle of wight", "isle of skye", "isle of lewis", "isle of anglesey",
                          "isle of arran", "isle of mull", "isle of islay", "isle of pines"))


def is_place(name: str) -> bool:
    """A country, a region or a capital standing for its government ("South Korea", "New Zealand")."""
    words = [w.strip(_PUNCT).lower() for w in name.split()]
    return bool(words) and (words[-1] in PLACES or (len(words) > 2 and " ".join(words) in WHOLE_PLACES))


def is_organisation(name: str) -> bool:
    """A capitalised run that names an organisation or a group ("National Rural Communities", "Air New
    Zealand", "ExampleCorp Holdings"), or a place: not a person."""
    words = [w.strip(_PUNCT).lower() for w in name.split()]
    if not words:
        return False
    if any(w in ORGANISATION_WORDS for w in words):
        return True
    if is_place(name):
        return True
    # An acronym alone ("IRD", "NZEI") names an organisation.
    return len(words) == 1 and name.strip(_PUNCT).isupper() and len(name.strip(_PUNCT)) > 1
