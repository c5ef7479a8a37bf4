"""Make `searchidx/attribution/data/given_names_world.tsv`: given names from birth registers and person-name
lists of the English-speaking world beyond the US census list (`given_names.tsv`), with the gender the
sources count most.

    pip install rdata faker==40.54.0          # build-time only; searchidx never imports them
    python bench/given_names.py --ukbabynames DIR --nz-zip FILE --sa-dir DIR [--dry-run]

Sources (see `searchidx/attribution/data/README.md` for their licences and the commits read):
- `--ukbabynames`: a checkout of github.com/mine-cetinkaya-rundel/ukbabynames (CC0 package): its
  `data/ukbabynames.rda` holds the registers of England and Wales (ONS), Scotland (NRS) and Northern
  Ireland (NISRA), 1974-2020, Open Government Licence v3.
- `--nz-zip`: New Zealand's Department of Internal Affairs baby names 1954-2020 (`baby-names-2020-1-6.csv`
  in a zip, Latin-1), CC BY 4.0.
- `--sa-dir`: South Australia's baby names, a folder of the yearly `*male*`/`*female*` CSVs as published
  on data.sa.gov.au, CC BY 4.0.
- Faker's person providers (MIT) for the locales in `FAKER_LOCALES`: African, South Asian, Irish and
  European names the registers above count rarely.

A name is kept when the registers count at least `--min` births or Faker lists it, it is written in Latin
letters, it is at least three letters long, and it is not already in `given_names.tsv`. A name that running
text mostly writes as something else is left out: English words written in lower case
(`lowercase_words.txt`), places, months and weekdays, honorifics and titles ("Major", "Justice", "King"),
and words the tuning texts (those `bench/lowercase_words.py` counts) capitalise mostly as something other
than a first name. A first name stands before a surname; so a word seen capitalised inside running text at
least `--seen` times is kept only when at least half of those uses are followed by a surname: an initial or a
word the texts also write after an honorific ("Ewan McGregor": "Mr McGregor"), which "Orange County", "North
Carolina", "Sanders said" and "in Brooklyn" are not. Faker says which lists a name is on, not who bears it: its names get no gender.
"""

from __future__ import annotations

import argparse
import csv
import importlib
import io
import re
import sys
import warnings
import zipfile
from collections import Counter
from pathlib import Path

from lowercase_words import _OPENING, _WORD, SOURCES

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT / "searchidx" / "attribution" / "data"
OUT = DATA / "given_names_world.tsv"

FAKER_LOCALES = ("en", "en_GB", "en_IE", "en_IN", "en_KE", "en_NG", "en_NZ", "en_US", "ga_IE", "ha_NG", "ig_NG",
                 "yo_NG", "sw", "tw_GH", "zu_ZA", "id_ID", "es_ES", "es_MX", "it_IT", "pt_PT", "fr_FR", "nl_NL",
                 "de_DE")
_NAME = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_MONTHS_AND_DAYS = frozenset("""january february march april may june july august september october november
    december monday tuesday wednesday thursday friday saturday sunday""".split())
# Words that are given names in a register but stand before or for a name as a title or rank in a release.
_NOT_NAMES = frozenset("""king queen prince princess duke earl lord lady sir dame major marshal judge justice
    bishop deacon pastor elder chief sheriff general admiral captain colonel reverend saint royal sultan emir
    noble baron knight pope rabbi imam mayor senator governor president premier minister doctor nurse""".split())


def _latin(name: str) -> bool:
    return bool(_NAME.fullmatch(name)) and all(ord(c) < 0x250 or c in "’" for c in name)


def uk_counts(checkout: Path) -> Counter[tuple[str, str]]:
    import rdata  # build-time only

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # rdata names the tibble classes it reads as plain data frames
        frame = rdata.read_rda(str(checkout / "data" / "ukbabynames.rda"))["ukbabynames"]
    out: Counter[tuple[str, str]] = Counter()
    for name, sex, n in zip(frame["name"], frame["sex"], frame["n"]):
        out[str(name).lower(), str(sex).lower()] += int(n)
    return out


def nz_counts(path: Path) -> Counter[tuple[str, str]]:
    out: Counter[tuple[str, str]] = Counter()
    with zipfile.ZipFile(path) as z:
        for member in z.namelist():
            text = z.read(member).decode("latin-1")
            for row in csv.DictReader(io.StringIO(text)):
                out[row["Name"].strip().lower(), row["Sex"].strip().lower()] += int(row["Count"])
    return out


def sa_counts(folder: Path) -> Counter[tuple[str, str]]:
    out: Counter[tuple[str, str]] = Counter()
    for path in sorted(folder.glob("*.csv")):
        sex = "f" if "female" in path.name.lower() else "m"
        with path.open(encoding="utf-8-sig", errors="replace") as f:
            rows = csv.reader(f)
            next(rows, None)
            for row in rows:
                if len(row) >= 2 and row[1].strip().isdigit():
                    out[row[0].strip().lower(), sex] += int(row[1])
    return out


def faker_names() -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for locale in FAKER_LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for sex, attr in (("m", "first_names_male"), ("f", "first_names_female")):
            for name in getattr(provider, attr, ()) or ():
                out.setdefault(name.lower(), set()).add(sex)
    return out


# Words before a place or a thing, never before a person's first name: "in Brooklyn", "the Orange County".
_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|the|across|into|via|outside|around)\s$")
_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s$")
_AFTER = re.compile(r"\s([A-Z][\w'’-]*)")


def text_uses(paths: list[Path]) -> dict[str, Counter[str]]:
    """For each word written capitalised inside running text: how often it is seen, seen after a word that
    stands before places and things, after a census given name (as a surname), and before a capitalised word
    that is no everyday word, organisation word or place (as a first name before a surname)."""
    from searchidx.attribution import lexicons

    census = lexicons.census_given_names()
    everyday = lexicons.lowercase_words() | lexicons.ORGANISATION_WORDS
    uses: dict[str, Counter[str]] = {k: Counter() for k in ("seen", "place", "surname", "first")}
    for path in paths:
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            found = list(_WORD.finditer(line))
            if not found or sum(m.group(1)[0].isupper() for m in found) * 2 >= len(found):
                continue  # a headline in title case, not running text
            for m in found:
                word = m.group(1)
                if not word[0].isupper() or _OPENING.search(line[max(0, m.start() - 4):m.start()]):
                    continue
                key = word.lower()
                before = line[max(0, m.start() - 20):m.start()]
                uses["seen"][key] += 1
                if _PLACE_BEFORE.search(before):
                    uses["place"][key] += 1
                if (prev := _BEFORE.search(before)) and prev.group(1).lower() in census:
                    uses["surname"][key] += 1
                nxt = _AFTER.match(line, m.end())
                if nxt and nxt.group(1).lower() not in everyday and not lexicons.is_place(nxt.group(1)):
                    uses["first"][key] += 1
    return uses


def mostly_something_else(name: str, uses: dict[str, Counter[str]], seen_min: int) -> bool:
    seen = uses["seen"][name]
    if seen < seen_min:
        return False
    return uses["place"][name] >= 0.2 * seen or uses["surname"][name] > uses["first"][name] \
        or uses["first"][name] < 0.3 * seen


def build(counts: Counter[tuple[str, str]], faker: dict[str, set[str]], minimum: int,
          uses: dict[str, Counter[str]], seen_min: int) -> dict[str, str]:
    from searchidx.attribution import lexicons

    census = set(lexicons.census_given_names())
    skip = (lexicons.lowercase_words() | _MONTHS_AND_DAYS | _NOT_NAMES | lexicons.ROLE_TITLES
            | {h.lower().rstrip("'’") for h in lexicons.HONORIFICS} | lexicons.POST_NOMINALS)
    by_sex: dict[str, Counter[str]] = {}
    for (name, sex), n in counts.items():
        by_sex.setdefault(name, Counter())[sex] += n
    names = {n for n, c in by_sex.items() if sum(c.values()) >= minimum} | set(faker)
    out: dict[str, str] = {}
    for name in sorted(names):
        if len(name) < 3 or not _latin(name) or name in census or name in skip or lexicons.is_place(name):
            continue
        if any(part in skip for part in name.split("-")):
            continue
        if mostly_something_else(name, uses, seen_min):
            continue
        c = by_sex.get(name, Counter())
        m, f = c["m"], c["f"]
        if not m and not f:
            out[name] = "u"
        else:
            out[name] = "m" if m >= 4 * f else "f" if f >= 4 * m else "u"
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ukbabynames", type=Path, required=True)
    ap.add_argument("--nz-zip", type=Path, required=True)
    ap.add_argument("--sa-dir", type=Path, required=True)
    ap.add_argument("--min", type=int, default=20, help="births counted over all registers and years")
    ap.add_argument("--seen", type=int, default=5, help="capitalised uses in the tuning texts that need checking")
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args()
    paths = [p for s in SOURCES if s.exists() for p in sorted(s.rglob("*.txt"))]
    if not paths:
        sys.exit("no tuning texts found: set SEARCHIDX_SHARED to the shared folder")
    counts = uk_counts(args.ukbabynames)
    counts.update(nz_counts(args.nz_zip))
    counts.update(sa_counts(args.sa_dir))
    faker = faker_names()
    names = build(counts, faker, args.min, text_uses(paths), args.seen)
    genders = Counter(names.values())
    print(f"{len(names)} names (m {genders['m']}, f {genders['f']}, u {genders['u']}) from "
          f"{len({n for n, _ in counts})} register names and {len(faker)} Faker names")
    if not args.dry_run:
        OUT.write_text("".join(f"{n}\t{g}\n" for n, g in names.items()), encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
