"""Speaker attribution: who speaks in each paragraph, by rules over the release's own text.

A paragraph belongs to the person whose words it carries, in a direct quote or reported speech; narration
belongs to nobody. Rules, in order of trust: an explicit attribution in the paragraph (name or title with
a speech verb, before or after the quote, "according to X", a pronoun or title for a person already
named); a quote left open by the previous paragraph; a quote whose attribution comes in the next
paragraph (page exports break "“…,”" / "said X." apart); a paragraph that only carries on the previous
speaker's quote; a quote in a release headed "Statement from X". Within a release one person is one
speaker: "Prof. Sadat" and "Sadat" resolve to "Leila Nadya Sadat" as first given, and across releases
`speaker_key` folds a full name to one identity.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from searchidx.attribution import lexicons
from searchidx.attribution.quotes import (
    CARRIED,
    EXPLICIT,
    HEARERS_WHERE,
    STATEMENT,
    quote_records,
    reported_clause,
    sentence_start,
)
from searchidx.model import Paragraph
from searchidx.regexes import trie_pattern

# Honorifics of the English-speaking world (lexicons.HONORIFICS): one, or two in a row ("Tan Sri Dato'", "Hon. Dr").
# The words matched as they are, and "Judge"; those written with their own rules below (Hon., Rev., Ir., Barr.,
# Adv., Dato') and those this pattern has never taken (Lady, Lord, Sri, Toh, …) left out.
_HONORIFICS_APART = frozenset("Hon Honourable Honorable Reverend Ir Barr Adv Dato' Dato’ Lady Lord Sri Toh Kumari "
                              "Shrimati Alhaja Mme Mlle Herr Frau".split())
_HONORIFIC_WORDS = [w for w in lexicons.HONORIFICS if w not in _HONORIFICS_APART] + ["Judge"]
# A trie of the words (one alternation per letter, as for the verbs) and the few of several words.
# Styles that open with no capital: Sesotho's for a woman, written with its apostrophes ("'M'e", "’Me"), and
# one in brackets after a title ("Chief (Mrs.) Jane Roe", "Dr. (Smt.) Jane Roe").
_UNCAPPED_STYLE = r"(?:['’]M['’]?e|\((?:Mrs|Mr|Ms|Miss|Smt|Dr|Prof)\.?\))(?=\s)"
_ONE_HONORIFIC = (rf"(?=[A-Z]|the\s+(?:Rt|Right|Hon|Rev|Very|Most)|{_UNCAPPED_STYLE})(?:{_UNCAPPED_STYLE}|"
                  r"(?:[Tt]he\s+)?(?:Rt\.?\s+|Right\s+)?Hon(?:ourable|orable)?|"
                  # "The Rev.", "The Very Rev.", "the Most Reverend": a cleric's style.
                  r"(?:[Tt]he\s+)?(?:(?:Rt|Right|Very|Most)\.?\s+)?Rev(?:erend|d)?(?=[.\s])|(?:Tan|Puan)\s+Sri|"
                  r"(?:Datuk|Dato['’]?)\s+S(?:e)?ri|Eng(?=\.)|Yang\s+(?:Amat\s+)?(?:Berhormat|Mulia)|(?:Dato|Datin)['’]?\s+(?:Seri\s+)?(?:Paduka|Setia)|A/Prof|(?:Assoc|Asst|Adj)\.?\s+Prof|(?:Associate|Assistant|Adjunct)\s+Prof(?:essor)?|"
                  # An engineer's and a barrister's or advocate's style ("Ir. Dr. …", "Barr. …", "Adv. …"); a judge's ("Her Honour").
                  r"Ir(?=\.)|Barr(?=\.)|Adv(?=\.)|(?:[Hh]is|[Hh]er)\s+Honou?r|"
                  # (Portuguese marks the feminine after the stop: "Dr.ª", "Prof.ª".)
                  rf"(?:{trie_pattern(_HONORIFIC_WORDS)})['’]?)(?:\.?[ªº]|\.)?")
HONORIFIC = rf"{_ONE_HONORIFIC}(?:\s+{_ONE_HONORIFIC}){{0,3}}"
_HONORIFIC_RE = re.compile(rf"^{HONORIFIC}\s+")
# An honorific inside a capitalised run, after its role's words, before a name of at most five words
# ("Nor Hafizah binti Abdul Rahman").
_INNER_HONORIFIC = re.compile(rf"\s(?P<hon>{HONORIFIC})\s+(?=[A-Z][^\s]*(?:\s+\S+){{0,4}}$)")
# The first two letters an honorific can start with: most spans start otherwise and skip the regex.
_HONORIFIC_STARTS = frozenset(w[:2] for w in _HONORIFIC_WORDS + ["Th", "Rt", "Ri", "Ho", "Ta", "Pu", "Ir", "Ba", "Hi", "He",
                                                                 "As", "Ad", "A/", "Ya", "'M", "’M", "(M", "(S", "(D", "(P"])
_FEMALE_HON = set(lexicons.FEMALE_HONORIFICS) | {"madam", "'m'e", "’me", "'me", "’m’e"}
_LOWER_HONORIFICS = frozenset(h.lower().strip(".'’") for h in lexicons.HONORIFICS)
_MALE_HON = set(lexicons.MALE_HONORIFICS)
_GENDERED_HON = frozenset(_FEMALE_HON | _MALE_HON)

# (A Polynesian name's word may open with a glottal stop, written ʻ or an apostrophe: "Mele 'Aho Kaufusi".)
_NAME_WORD = (r"(?:Mc|Mac|O['’]|[Dd]['’]|t-|[!ǃǂǁǀ]|ʻ|(?<=[a-z] )['‘’](?=[A-Z][a-z]+ [A-Z][a-z]))?[A-ZÀ-ÝĀ-Ž][a-zà-ÿā-žʻ'’]*[a-zà-ÿā-ž](?:[A-ZÀ-ÝĀ-Ž][a-zà-ÿā-ž]+)?"
              # An apostrophe after "ng" writes a velar nasal in Luo and Kikuyu names ("Ochieng'", "Achieng'").
              r"(?:(?<=ng)['’](?!\w))?"
              # A double-barrelled name's second part may have its own inner capital ("Bisasor-McKenzie").
              r"(?:-[A-ZÀ-ÝĀ-Ž]?[a-zà-ÿā-ž'’]+(?:[A-ZÀ-ÝĀ-Ž][a-zà-ÿā-ž]+)?)*")
# Abbreviated titles written with a full stop ("Sen. Chris Murphy", "Det. Sgt. Lee").
# Philippine police ranks too ("PCol.", "PBGen.", "PLtCol.").
_TITLE_ABBR = ("(?:" + trie_pattern("Sen Rep Del Gov Gen Lt Sgt Capt Col Det Atty Supt Cmdr Pres Sec Amb Adm Maj Cpl Ofc "
                                     "Dep Asst Insp Hon Rev Dr Prof Mr Mrs Ms St Adv Barr PCol PBGen PMGen PLtGen PGen "
                                     "PLtCol PMaj PCpt PLt PCpl PSSg PMSg PSMS PEMS Pat".split()) + r")\.")
# A word in capitals, also beyond ASCII ("BUŁA"): only capitals after the first letter and one of them
# ASCII or Latin-1, so that no word in capitals and small letters ("Ał") also reads as a name word.
_CAPS_RUN = r"[A-Z](?=[A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ]*[A-ZÀ-ÖØ-Þ])[A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ]+['’]?s?"
# A dotted abbreviation is one word of a title ("U.S. Attorney", "U.K. Ambassador").
# "Md." and "Mohd." (Mohammed, abbreviated as Bangladesh and Malaysia write it) and "Ma." (Maria, as the
# Philippines writes it) are a name's first word;
# "Jr." and "Sr." its last.
_CAP_WORD = rf"(?:{_TITLE_ABBR}|(?:Md|Mohd|Muhd|Ma|Jr|Sr)\.|{_NAME_WORD}|(?:[A-Z]\.){{2,3}}(?!\w)|[A-Z]\.|{_CAPS_RUN}|[A-Z][a-z]*['’]s)"
# ("an" as Scottish Gaelic writes it between "Mac" and the rest: "Mac an t-Saoir".)
_JOINER = r"(?:of|in|for|the|and|de|del|dela|delos|della|di|da|dos|du|van|von|der|den|la|le|los|las|bin|binti|binte|al|el|ibn|on|a/l|a/p|s/o|d/o|ap|ab|wa|arap|ole|anak|Ó|Ní|Uí|an(?=\s+t-))"
# Patterns used inside functions are compiled here, once: ``re.fullmatch(pattern, …)`` looks each up in re's
# cache on every call.
_JOINER_RE = re.compile(_JOINER)
_INITIAL = re.compile(r"[A-Z]\.")
# A run of capitalised words, as names and titles are written: "DEA Special Agent in Charge James Hunt".
# (An Irish surname's particle may open it: "Ó Loingsigh, 83, said".)
CAP_SPAN = rf"(?:(?:Ó|Ní|Uí)\s+)?{_CAP_WORD}(?:\s+(?:{_CAP_WORD}|{_JOINER}(?=\s+(?:(?:der|den|la|le|los|las|de|del)\s+)?(?:t-)?[A-Z]))){{0,10}}"

SPEECH_VERBS = (
    "said says stated states added adds noted notes explained explains stressed stresses emphasized "
    "emphasised emphasizes emphasises highlighted highlights mentioned mentions concluded concludes continued "
    "continues remarked remarks commented comments declared declares announced announces warned warns argued "
    "argues asserted asserts affirmed observed insisted insists conveyed assured praised praises expressed "
    "urged urges acknowledged acknowledges recalled recalls told tells wrote writes testified testifies "
    "confirmed confirms underlined underscored reiterated responded replied cautioned suggested suggests "
    "welcomed thanked thanks condemned criticized criticised applauded lamented vowed pledged predicted "
    "predicts claimed claims maintained indicated revealed shared echoed agreed admitted admits proposed "
    "recommended reminded encouraged contended identified clarified believes tweeted posted "
    "apologised apologized conceded concedes complained fumed shouted joked quipped boasted bragged "
    "countered retorted recounted described exclaimed reacted asked answered interjected "
    "interjects opined beamed snapped mused scoffed sniped gushed marveled marvelled chided teased"
    # Each speech verb in its third person and past, by class: telling (describes, observes, recounts),
    # stance (contends, hopes), feeling and appraisal (expresses, welcomes, commends,
    # congratulates, regrets), urging (encourages, cautions, advises, reminds), informing (reveals,
    # discloses, clarifies, reiterates) and answering (responds, replies, retorts). Left out, as they are legal terms, nouns or other acts as often: appeal(ed), question(ed),
    # promise(s/d) ("promised investors returns"), maintains ("maintains the database"), proposes
    # and indicates (a bill proposes, data indicate).
    " describes observes recounts contends hopes hoped expresses welcomes applauds commends commended"
    " congratulates congratulated criticises criticizes condemns laments encourages cautions recommends advises"
    " advised reminds reveals discloses disclosed clarifies underlines underscores"
    " reiterates responds replies retorts affirms agrees complains apologises apologizes"
    " assures conveys reassures reassured regrets regretted"
    # Denying and accusing are said, but "was denied bail", "the accused", "accused of murder" are legal
    # terms: only where the words after make them speech (see _NOT_DENIAL, _NOT_ACCUSING).
    " denied denies accused accuses"
    # Alleging and appealing are legal acts as often ("appealed the ruling"): speech only as "alleged that
    # …", "appealed for …" and "appealed to residents not to …" (see _ALLEGED_THAT, _APPEAL_TO).
    " alleged alleges appealed appeals"
    # The plural present, for coordinated subjects ("Jane Roe and John Doe say …").
    " say add note warn urge stress explain argue agree insist claim"
    # Spanish, for the releases that come in it (accents are often lost in PDF exports).
    " dijo afirmó afirmo señaló señalo declaró declaro explicó explico indicó indico agregó agrego añadió "
    "anadio aseguró aseguro destacó destaco expresó expreso manifestó manifesto comentó comento reafirmó "
    "reafirmo subrayó subrayo enfatizó enfatizo sostuvo habló hablo anunció anuncio admitió admitio reconoció "
    "reconocio"
    # The Spanish present, as releases narrate ("Creuzot señala que …"), and closing a quote ("concluyó").
    # Left out: "declara" ("se declara culpable"), "sostiene" (holds), "dice" ("dice ser": claims to be),
    # "continuó" only before a quote or a colon, as "continued" ("continuó en su cargo").
    " señala senala afirma explica agrega añade anade destaca expresa manifiesta comenta subraya enfatiza"
    " concluyó concluyo concluye continuó"
    # German and French.
    " sagte sagt betont betonte erklärt erklärte ergänzt ergänzte meint meinte unterstreicht unterstrich "
    "kommentiert kommentierte fordert forderte warnt warnte déclare affirme ajoute souligne estime explique"
).split()


# Phrasal verbs of speech: "Trump shot back", "Clinton chimed in on Twitter".
# Phrasal verbs of speech ("Trump shot back", "Clinton chimed in on Twitter") go in the same trie.
# Spanish releases announce with an infinitive after a feeling: "John Creuzot, está satisfecho de anunciar …",
# "se complace en anunciar", "se enorgullece en anunciar".
_PHRASAL_ES = [f"{be} {feeling} de {verb}" for be in ("está", "esta")
               for feeling in ("satisfecho", "satisfecha", "orgulloso", "orgullosa")
               for verb in ("anunciar", "informar", "compartir")]
_PHRASAL_ES += [f"{lead} {verb}" for lead in ("se complace en", "se enorgullece en", "se enorgullece de")
               for verb in ("anunciar", "informar", "compartir")]
_PHRASAL = _PHRASAL_ES + ["pointed out", "point out", "points out", "went on to say", "went on", "shot back", "fired back", "hit back", "struck back",
            "wrote back", "chimed in",
            # Demands and appeals are said: "Jane Roe MP has called on the government to review …".
            # ("appealed to" is a court's, "a phone call on" a noun's).
            "called on", "calls on", "called for", "calls for", "appealed for", "appeals for",
            # A court's reasons are its judge's words: "Justice Jane Roe held that …", "the judge ruled that"
            # ("found that" is a study's as often: left out).
            "held that", "holds that", "ruled that", "rules that",
            # A promise is said when what it promises follows as a clause ("promised investors returns" is not).
            "promised that", "promises that",
            # An estimate and a counsel's submission are said when a clause follows ("estimated the cost at …"
            # is not).
            "estimated that", "estimates that", "submitted that", "submits that",
            # "X informed that …", as Indian and African releases report what an official told a meeting ("Perez
            # informed on federal cases", "informed Adams that" are an informant's and a narrative's).
            "informed that",
            # Praise given in words: "He paid tribute to the club's volunteers, who …".
            "paid tribute to", "pays tribute to",
            # "X spoke to reporters outside the chambers:" (not "spoke at the conference").
            "spoke to reporters", "spoke to journalists", "spoke to the media", "spoke to the press"]
# The same demands in the progressive: "Jane Roe MHK is calling for Sunday buses to be restored".
_PHRASAL += [f"{be} {v}" for be in ("is", "was", "are", "were")
             for v in ("calling for", "calling on", "urging", "warning", "appealing for")]
# Giving a speech is speaking: "The First Lady delivered opening remarks thanking …".
_PHRASAL += [f"{v} {a}{n}" for v in ("delivered", "delivers", "gave", "gives", "made", "makes")
             for a in ("", "opening ", "closing ", "keynote ", "welcoming ", "brief ")
             for n in ("remarks", "a speech", "an address")]
_VERB = r"(?:" + trie_pattern(sorted(set(SPEECH_VERBS) | set(_PHRASAL))) + r")"
_ADVERBS = (
    r"(?:(?:also|further|then|later|again|has|had|have|today|yesterday|recently|previously|"
    r"once|additionally|similarly|strongly|firmly|clearly|publicly|repeatedly|personally|earlier|however|since|instead|"
    r"ha|había|tambien|también|le|[a-z]{3,}ly|"
    # When and where, as news puts them between subject and verb: "Trump on Saturday tweeted".
    r"(?:on|late|early|earlier|last)\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:\s+night)?|"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|at\s+the\s+time|in\s+an?\s+(?:statement|interview|email|tweet)|"
    # An attitude to speaking is still speaking: "Jane Roe is quick to point out", "was keen to stress".
    r"(?:is|was|are|were)\s+(?:quick|keen|eager|careful|happy|pleased|proud|anxious)\s+to)\s+)*"
)
# The last words _ADVERBS can end in ("in an interview", "at the time", "on Monday night"), besides "-ly" and
# "-day" words; kept in step with it, as _before_verb skips patterns by them.
_ADVERB_WORDS = frozenset("also further then later again has had have today yesterday recently previously once "
                          "additionally similarly strongly firmly clearly publicly repeatedly personally earlier "
                          "however since instead ha había tambien también le night time statement interview email "
                          "tweet to".split())
# The lookahead on first letters lets the regex engine skip most positions before trying any verb.
_VERB_FIRST = "".join(sorted({w[0] for w in SPEECH_VERBS + _PHRASAL}))
_VERB_RE = re.compile(rf"\b(?=[{_VERB_FIRST}]){_VERB}\b")
# The same verbs, found faster: a pattern that starts with a literal space lets the regex engine jump from
# space to space instead of testing a word boundary at every character (a third of attribution's time went
# to that scan). Verbs after a line break, a quote, a bracket or a dash take a second, rarer pass.
# Without a lookahead on first letters, and with the branches of the commonest initials of English words
# first: the word after most spaces is no verb, and fails sooner so.
_VERB_AFTER_SPACE = re.compile(r" ((?:" + trie_pattern(sorted(set(SPEECH_VERBS) | set(_PHRASAL)), first="taocswipdfhbrmelng")
                               + r"))\b")
_VERB_AFTER_MARK = re.compile(rf"[\n\t\r\"“”‘’'«»„(\[{{—–―/\-•*…#@]((?=[{_VERB_FIRST}]){_VERB})\b")


def _verb_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each speech verb in ``text``, in order: ``_VERB_RE.finditer`` for every verb that
    follows a space, a line break or common punctuation (after a comma or a full stop with no space, a word
    is a typo or a web address, not an attribution)."""
    spans = [m.span(1) for m in _VERB_AFTER_SPACE.finditer(text)]
    other = [m.span(1) for m in _VERB_AFTER_MARK.finditer(text)]
    if text[:1] in _VERB_FIRST and (m := _VERB_RE.match(text)):
        other.append(m.span())
    return sorted(spans + other) if other else spans


def _has_quote(text: str) -> bool:
    """Whether ``text`` holds a double quote mark: most paragraphs do not, and skip the quote scans."""
    return '"' in text or "“" in text or "”" in text or "«" in text or "»" in text or "„" in text

# A first-character lookahead lets the regex engine skip positions fast (these patterns are searched
# once per speech verb).
_ANCHOR = r"(?=[,;:(.!?\"”“—–]|^)(?:^|[,;:(]\s+|[.!?]\s+|[\"”“]\s*|[,.!?][’']\s+|—\s*|–\s*)"
# (Or a name's elided particle, "d’Entremont", or click letter, "!Naruseb", before its capital.)
_CAP_AHEAD = rf"(?=[A-ZÀ-ÝĀ-Ž]|[Tt]he\s|[Dd]['’][A-ZÀ-Ý]|[!ǃǂǁǀ][A-Z]|{_UNCAPPED_STYLE})"
# An appositive never holds a finite verb: "Beckerink, 47, a lawyer, was arrested … that identified" is no
# attribution.
_ROLE_VERB = re.compile(r"\b(?:was|were|is|are|been|being|se)\b")
# A preposition of place, time or company right before a capitalised run makes it the preposition's object,
# not the sentence's subject. Not "of", "for", "to" or "from", which join a title to the body it is held in
# ("Executive director of the Example Association Jane Roe said", "ambassador to Britain Liu Xiaming").
_PREPOSITION_BEFORE = re.compile(r"(?<![\w’'])(?:at|atop|in|on|with|by|near|inside|outside|into|onto|over|under|"
                                 r"about|against|among|between|behind|beyond|toward|towards|via|across|around|"
                                 r"through|within|without|close to)\s+$")
_OF_SET_OFF = re.compile(r",\s+of\s+$")
# An age set off after a name ("Rokeya Begum, 27, a mother of two"): a person's, never a thing's.
_AGE_FIRST = re.compile(r"\d{1,3}(?:,|$)")
# Where a relative clause opens inside an appositive role.
_RELATIVE_IN_ROLE = re.compile(r"(?:^|\s)(?:who|which|where|whose|whom)\s")


def _role_head(role: str) -> str:
    """The part of an appositive that must hold no verb of its own: none of a relative clause ("who was at the
    meeting"), the noun phrase before one ("a doctor at the hospital where the patients were treated"), else
    all of it. A noun phrase is short and has no comma: past that, the relative clause ends a longer clause."""
    m = _RELATIVE_IN_ROLE.search(role)
    if not m:
        return role
    head = role[:m.start()]
    # (An age set off before the noun phrase is no clause's comma: "52, a maize and groundnut farmer from
    # Chongwe who was among the first …".)
    bare = _AGE_SET_OFF.sub("", head)
    return head if "," not in bare and len(bare.split()) <= 8 else role


_AGE_SET_OFF = re.compile(r"^\s*\d{1,3},\s+")
# Nouns for what a person is, as written in lower case before a name ("spokesman John Kirby").
ROLE_NOUNS_LIST = """spokesman spokeswoman spokesperson aide adviser advisor strategist candidate nominee senator
    congressman congresswoman official manager director chairman chairwoman president secretary host analyst
    professor economist expert attorney lawyer prosecutor investigator detective officer chief sheriff mayor
    governor leader founder member executive activist author pollster consultant operative delegate historian
    researcher nephew niece son daughter wife husband mother father friend brother sister coach judge
    advocate campaigner volunteer survivor fiscal jefe jefa juez abogado abogada
    councillor councilor co-author coauthor coordinator co-ordinator partner co-founder cofounder chair
    chairperson captain commissioner minister superintendent chancellor vice-chancellor curator editor scientist
    surgeon physician lecturer teacher organiser organizer treasurer trustee ambassador envoy inspector sergeant
    representative solicitor barrister playwright novelist midfielder striker defender goalkeeper
    lead co-lead dean principal convenor convener patron co-investigator registrar rector provost
    resident farmer smallholder grower villager homeowner landowner
    shopkeeper trader vendor worker nurse midwife patient student pupil parent grandmother grandfather
    grandparent pensioner retiree widow widower veteran tenant commuter passenger magistrate coroner
    head headman headwoman headmistress elder pastor priest imam chieftain counsel girl boy schoolgirl schoolboy
    prefect warden constable guide refugee detainee evacuee returnee attendee devotee trainee employee awardee
    postmistress postmaster actress waitress stewardess hostess seamstress mayoress
    manageress priestess deaconess abbess""".split()
# "Democratic nominee Hillary Clinton, …, said": a title in lower case before the name.
# What a person is, in lower case: a role noun, or a word with an agent's ending ("operator", "rider",
# "paddler"), not one of the everyday words with such an ending.
_PERSON_NOUN = (rf"(?:{'|'.join(ROLE_NOUNS_LIST)}|(?!(?:after|other|another|under|over|never|ever|whether|either|"
                r"neither|however|rather|further|later|earlier|former|latter|together|their|moment|statement|"
                r"government|parliament|department|event|percent|present|recent|current|different|important|"
                r"significant|meant|spent|sent|whenever|wherever|whatever|summer|winter|september|october|"
                r"november|december|number|order|water|power|paper)\b)(?:[a-z]{2,}-)?[a-z]{2,}(?:er|or|ist|ian|ant|ent|man|woman|wright|smith))")
# "Sewing operator", "Grade 11 student and paddler", "Democratic nominee": what a person is, before the name.
# Two lower-case words may qualify the noun ("Senior test engineer", "79-year-old retired schoolteacher"), no
# article or preposition ("the executive director of the Example Partnership", "According to co-author") and
# no speech verb ("Roe praised evangelist …", checked on the match: `_verb_in_description`); a capitalised
# noun opening the sentence only in a pair or with a count ("Farmer and widow", "Grandmother of four"), where
# it cannot be a given name or surname ("Dean Smith").
_CAP_PERSON_NOUN = rf"(?:{'|'.join(w.capitalize() for w in ROLE_NOUNS_LIST)})"
_ROLE_PREFIX = (rf"(?P<desc>(?:(?:[A-Z][\w’'-]*\s+(?:\d{{1,2}}\s+)?){{0,4}}(?:(?!(?:the|an?|his|her|its|their|our|this|that|to|of|for|with|by|at|in|on|from|and|or|as)\s)(?:\d{{1,3}}-year-old|[a-z][\w’'-]*)\s+){{0,2}}"
                rf"{_PERSON_NOUN}"
                rf"|{_CAP_PERSON_NOUN}(?=\s+(?:and\s|of\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s))"
                # "Cyclist and retired teacher": any agent noun opening the sentence, joined to a role noun.
                rf"|[A-Z][a-z]+(?:ist|er|or|man|woman|ian|ant)(?=\s+and\s+(?:[a-z][\w’'-]*\s+){{0,2}}{_PERSON_NOUN}\s))"
                # (The second may name a place: "Volunteer diver and Tobermory harbour master".)
                rf"(?:\s+and\s+(?:[A-Z][\w’'-]*\s+){{0,2}}(?:(?!(?:the|an?|his|her|its|their)\s)[a-z][\w’'-]*\s+){{0,2}}{_PERSON_NOUN})?\s+(?:of\s+[a-z]+\s+)?)?")
# "NAME, ROLE[,] said" — the appositive role between a name and its verb; after a party and country or state
# in brackets the comma may be left out ("Younous OMARJEE (the Left, FR) co-rapporteur for … stated"), not
# after an abbreviation or a note ("(ERAA) claims", "(Acting) of the Authority").
# The end of a clause that a conjunction opens with its own subject, right before the verb: "… after callers",
# "… when the officers" (a pronoun there is the person's: "… as she").
_OWN_SUBJECT_END = re.compile(r"\b(?:(?:when|while|because|although|though|if|whereas)\s+(?:the\s+|their\s+|its\s+|some\s+)?"
                              r"(?!(?:he|she|they|we|i)\b)[a-z][a-z-]+(?:\s+[a-z][a-z-]+)?"
                              # "after", "before", "since", "until" and "as" are prepositions too ("after the speech"):
                              # only with a bare plural noun ("after callers").
                              r"|(?:after|before|since|until|as)\s+[a-z][a-z-]+[a-rt-z]s)$")
_APPOSITIVE = re.compile(
    rf"{_ANCHOR}{_ROLE_PREFIX}(?P<hon>{HONORIFIC}\s+)?(?P<span>{CAP_SPAN})(?:\s+\([^()]{{1,40}}\),|\s+\([^(),-]{{1,30}}[,-][^()]{{1,30}}\)(?=\s+[a-z])|,)\s+(?P<role>[^\"“”;]{{2,220}}?),?\s+{_ADVERBS}$"
)
# "NAME - who … - said": a parenthetical between dashes.
_DASHED = re.compile(
    rf"{_CAP_AHEAD}(?<![\w’'])(?P<hon>{HONORIFIC}\s+)?(?P<span>{CAP_SPAN})\s+[-–—]\s+[^-–—\"“”]{{2,160}}\s+[-–—]\s+{_ADVERBS}$"
)
# Degrees and generations written after a name in mixed case ("Jane Roe PhD", "John Doe Jr."): capitals
# alone ("AO", "MP") are part of a capitalised run already.
_POST_NOMINAL = r"(?:,?\s+(?:PhD|DPhil|Jr|Sr|Esq|BSc|MSc|BEng|MEng|MPhil|MBChB|DSc)\.?)?"
_POST_NOMINAL_AT = re.compile(r",?\s+(?:PhD|DPhil|Jr|Sr|Esq|BSc|MSc|BEng|MEng|MPhil|MBChB|DSc)")
# "…," said ROLE NAME.' with the role in any case, ending in the name: "said Example Board member Jane Roe",
# "dijo el superintendente del Distrito Escolar, Jerry Almendarez".
# A name may open with an initial or the abbreviation of a given name ("Md. Rafiqul Islam"), and hold
# particles: Romance and Dutch ones, Irish ("Máirtín Ó Flatharta", "Nic"), a Tamil or Malay patronymic's
# ("Rajendran a/l Muthusamy", "Selvakumar s/o Rajendran"), Welsh "ap" ("Gethin ap Dafydd").
_NAME_PART = r"(?:\s+(?:[A-Z]\.|(?:de|del|dela|delos|van|von|da|di|le|la|du|dos|Ó|Ní|Mac|Nic|Uí|bin|binti|anak|a/l|a/p|s/o|d/o|ap|ab)\s+" + _NAME_WORD + "|" + _NAME_WORD + r"))"
# (An initial and a surname are a name too: "K. Senthilkumaran".)
_PERSON_NAME = (r"(?:(?:[A-ZÀ-ÝĀ-Ž]|Md|Mohd|Muhd|Ma)\.\s+" + _NAME_WORD + _NAME_PART + "{0,3}|" + _NAME_WORD + _NAME_PART
                + "{1,3})")
_AFTER_VERB_TAIL = re.compile(
    rf"^\s+(?P<art>(?:the|el|la|der|die|das)\s+)?(?P<role>[^.;:\"“”„!?]{{2,120}})(?:,\s+|\s+)(?P<hon>{HONORIFIC}\s+)?"
    rf"(?P<span>{_PERSON_NAME}){_POST_NOMINAL}\s*(?=[.;!?]|,\s|$|\s+(?:und|and|y)\s|\s*[“\"„])")
# "Deputy Prime Minister", "Vice-President", "former Minister": another role than the one looked for.
# A word just before a title that qualifies it ("Cabinet Secretary", "shadow home secretary"); punctuation or a
# function word leaves it bare ("…, Commissioner Jane Roe").
_QUALIFIER_BEFORE = re.compile(r"(?<![.,;:(—–])\s*\b(?!(?:the|The|by|and|with|from|to|as|when|that|said|says)\b)[\w’'-]+\s+$")
_ROLE_MODIFIER_BEFORE = re.compile(r"(?:\b(?:deputy|vice|former|acting|assistant|associate|shadow|interim|ex|junior|"
                                   r"under|co)[\s-]+|-)$")
# Where a release names the holder of a role: "First Lady Melania Trump", "Minister of Finance, Hon. Jane
# Roe" (after the role), and "Jane Roe, the Minister of Finance" (before it).
_ROLE_THEN_NAME = re.compile(
    rf"(?:\s+(?:{_JOINER}|[A-Z][\w’'.-]*)){{0,8}}?,?\s+(?:(?:the\s+)?(?P<hon>{HONORIFIC})\s+)?(?P<span>{_PERSON_NAME})")
# The same with the comma that sets the name off: "Minister for Rural and Maritime Development, Hon. Jane Roe"
# (the run of capitalised words up to the comma is the role's, however its last words read).
_ROLE_COMMA_NAME = re.compile(
    rf"(?:\s+(?:{_JOINER}|[A-Z][\w’'.-]*)){{0,8}}?,\s+(?:(?:the\s+)?(?P<hon>{HONORIFIC})\s+)?(?P<span>{_PERSON_NAME})")
# The same with an honorific that marks where the name starts: "Minister of Water Development and Rural
# Sanitation Hon. Jane Roe" (whose first capitalised words "Water Development" would read as a name).
_ROLE_THEN_HONORIFIC = re.compile(
    rf"(?:\s+(?:{_JOINER}|responsible|[A-Z][\w’'.-]*)){{0,8}}?,?\s+(?:the\s+)?(?P<hon>{HONORIFIC})\s+(?P<span>{_PERSON_NAME})")
_NAME_BEFORE_ROLE = re.compile(rf"(?:(?P<hon>{HONORIFIC})\s+)?(?P<span>{_PERSON_NAME}),\s+(?:the\s+)?$")
# Titles written before a given name alone: "Sir Edward" for Edward Heath, "Ratu Josefa", "Dame Judi".
_GIVEN_NAME_STYLES = frozenset("sir dame lord lady ratu adi".split())


def _styles_given_name(hon: str) -> bool:
    """Whether the honorific ``hon`` is written before a given name alone ("Sir Edward", "Ratu Josefa")."""
    return hon.strip(" .’'").lower() in _GIVEN_NAME_STYLES


# A role and the title its holder is styled with before the name.
_ROLE_STYLES = {"judge": ("Justice", re.compile(rf"(?<![\w’'])Justice\s+(?P<span>{_PERSON_NAME})"))}
_NAME_BEFORE_LETTERS = re.compile(rf"(?:(?P<hon>{HONORIFIC})\s+)?(?P<span>{_PERSON_NAME}),?\s+$")
_NAME_THEN_ROLE = re.compile(rf"(?:{HONORIFIC}\s+)?({_PERSON_NAME}),")
# What a person is, in lower case before the name ("Chiefs wide receiver Jane Roe said"): words that end in a
# noun of agency or a known role noun.
_AGENT = rf"(?:{'|'.join(ROLE_NOUNS_LIST)}|[a-z](?:[a-z]|-(?=[a-z]))*(?:er|or|ist|ian|ant|ent|man|woman|person|ee|ary))"
# The capitalised words before it may name a body, whole ("University of Otago economist").
# (A number may follow a capitalised word: "Year 12 student".)
_LOWER_ROLE = re.compile(rf"(?:^|(?<=\s))(?P<role>(?:[A-Z][\w’'.-]*(?:\s+\d{{1,3}})?\s+(?:(?:of|for|the|and)\s+)?){{0,3}}"
                         rf"(?:[a-z][\w’'-]+\s+){{0,2}}(?P<last>{_AGENT}))\s+$")
_ROLE_NOUNS = frozenset(ROLE_NOUNS_LIST)
# "The" opening a span: an article takes a title, never a name.
_ARTICLE = re.compile(r"[Tt]he\s+")
_AGENT_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "person", "ee", "ary")


def _subject_start(window: str) -> int:
    """The first place a _SUBJECT match in ``window`` can start: past the last comma, colon, semicolon or
    double quote mark, none of which a name, its honorific or its adverbs hold. A bracketed aside may hold
    them, and ", PhD" follows a name: then the whole window."""
    if "(" in window or ")" in window:
        return 0
    cut = max(window.rfind(","), window.rfind(";"), window.rfind(":"), window.rfind('"'), window.rfind("“"),
              window.rfind("”"))
    if cut >= 0 and window[cut] == "," and _POST_NOMINAL_AT.match(window, cut):
        return 0
    return cut + 1


def _appositive_start(window: str) -> int:
    """The first place an _APPOSITIVE match in ``window`` can start: at the last double quote mark or
    semicolon, which only its opening punctuation may be (its name, role and adverbs hold none); the whole
    window when a bracket may hold one."""
    if "(" in window:
        return 0
    return max(window.rfind('"'), window.rfind("“"), window.rfind("”"), window.rfind(";"), 0)


def _may_match(pattern: re.Pattern[str], near: str, tail: str, end: str, last: str, adverb: bool) -> bool:
    """The cheap test before each of `_SUBJECT_PATTERNS` in `_before_verb`: its punctuation is there. ``near``
    and ``tail``: the text before the verb (160 and 300 characters); ``end``: its last character but spaces;
    ``last``: its last word; ``adverb``: whether that is an adverb."""
    if pattern is _SUBJECT:
        return end not in ",;:" and (adverb or _opens_name(last) or last.endswith(")"))
    if pattern is _APPOSITIVE:
        # The role runs from a comma to the verb with no quote mark or semicolon in it.
        return (end == "," or "," in tail[-250:]) and "," in tail[max(
            tail.rfind('"'), tail.rfind("“"), tail.rfind("”"), tail.rfind(";")) + 1:]
    if pattern is _DASHED:
        return " - " in tail or "–" in tail or "—" in tail
    if pattern is _COMPOUND:
        return (" and " in near or " but " in near) and (adverb or last in ("and", "but"))
    return end == ","  # _SUBJECT_COMMA


def _agent_before(near: str) -> bool:
    """A cheap test before _DESCRIBED: the word before the verb (or before an adverb there) is a role noun."""
    words = near[-40:].split()
    if len(words) > 1 and (words[-1] in _ADVERB_WORDS or words[-1].endswith("ly")):
        words.pop()
    w = words[-1] if words else ""
    return w.islower() and (w in _ROLE_NOUNS or w.endswith(_AGENT_SUFFIXES))


# "the wide receiver said", "the prosecutor added": a role in lower case for someone the release named with it.
_DESCRIBED = re.compile(rf"(?:^|[.!?,;]\s+|[.!?,;]?[\"”’']\s+|\band\s+)[Tt]he\s+(?P<role>(?:[a-z][\w’'-]+\s+){{0,2}}{_AGENT})\s+{_ADVERBS}$")
# What the words between a verb and a name say when they are a circumstance, not a role: "said on Monday
# with Jane Roe".
_NOT_ROLE = re.compile(r"^(?:in|on|at|during|after|before|to|with|while|when|that|as|about|for|from|today|yesterday|"
                       r"this|last|later|also|earlier|again|then|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b|"
                       r"\b(?:with|told|during|when|that|while|after|before|who|which)\b", re.IGNORECASE)
# '…, says NAME[, ROLE].': a name that ends the sentence after an inverted verb.
_INVERTED_END = re.compile(
    rf"\s+(?P<hon>(?:{HONORIFIC}|{_TITLE_ABBR})\s+)?(?P<span>{_PERSON_NAME}){_POST_NOMINAL}(?:,\s+(?P<role>[^.;:\"“”]{{2,120}}))?"
    rf"\s*(?:[.!?]|$)")
# A surname's particle in small letters after an honorific: "Dr. de los Reyes-Bañares said".
_SURNAME_PARTICLE = r"(?:(?:de(?:\s+(?:la|las|los))?|del|della|dela|delos|van(?:\s+(?:der|den|de))?|von|da|das|do|dos|di|du)\s+)"
# "TITLE NAME said", "NAME said", "The District Attorney said".
_SUBJECT = re.compile(
    rf"(?:{_CAP_AHEAD}|(?={_SURNAME_PARTICLE}[A-Z]))(?<![\w’'.-])(?P<hon>{HONORIFIC}\s+)?(?P<span>(?:[Tt]he\s+)?{_SURNAME_PARTICLE}?{CAP_SPAN}){_POST_NOMINAL}(?:\s+\([^()]{{1,60}}\))?\s+{_ADVERBS}$"
)
# "Jane Roe and John Doe say", "Mr Roe and finance spokesman Mr Doe said": coordinated subjects.
_COORDINATED = re.compile(
    rf"{_CAP_AHEAD}(?<![\w’'.-])(?P<hon>{HONORIFIC}\s+)?(?P<span>{CAP_SPAN})\s+and\s+"
    # A title in lower case may stand before the second name; a determiner makes it a thing ("Roe and her
    # Islamophobic remarks").
    rf"(?:(?!(?:his|her|their|its|the|a|an|our|my|other|others)\b)[a-z][\w’'-]*\s+){{0,3}}"
    rf"(?:{HONORIFIC}\s+)?(?P<other>{CAP_SPAN}){_POST_NOMINAL}\s+{_ADVERBS}$")
# "NAME, said" as page exports break it; tried after the appositive, whose role may end in capitals.
_SUBJECT_COMMA = re.compile(
    rf"{_ANCHOR}{_ROLE_PREFIX}(?P<hon>{HONORIFIC}\s+)?(?P<span>{CAP_SPAN}){_POST_NOMINAL}(?:\s+[A-Z]{{2,6}})?(?:\s+\([^()]{{1,40}}\))?,\s+{_ADVERBS}$")
# "Flores looked at the victim and said": the subject of a compound predicate.
_COMPOUND = re.compile(
    rf"{_ANCHOR}{_ROLE_PREFIX}(?P<hon>{HONORIFIC}\s+)?(?P<span>{CAP_SPAN})(?:,\s+\d{{1,3}},)?(?:,?\s+who\s+[^,;:\"“”]{{2,80}},)?"
    # (Set off by a comma after a role before it: "The Secretary General of the Union, Jane Roe, accused …".)
    # (Not before a preposition: "…, Jane Roe, for failing …, and recommends" is the object's complement.)
    rf"(?:(?<=[a-z]),(?=\s+(?!(?:for|to|with|in|on|at|by|from|of|as|after|before|over|under)\s)[a-z]))?\s+[a-z]"
    # (A short phrase in quotation marks may stand in the first predicate: 'accused employers of "crying wolf"'.)
    rf"(?:[^.;:\"“”]|(?<=[A-Z][a-z])\.|(?<=[A-Z][a-z]{{2}})\.|[\"“][^\"“”.]{{1,40}}[\"”]){{0,100}}?\b(?:and|but)\s+{_ADVERBS}$"
)
# The subject patterns `_before_verb` tries in turn, and whether each has a role set off by commas.
_SUBJECT_PATTERNS = ((_SUBJECT, False), (_APPOSITIVE, True), (_DASHED, False), (_COMPOUND, False),
                     (_SUBJECT_COMMA, False))
_PRONOUN = re.compile(rf"{_ANCHOR}(?P<pron>[Hh]e|[Ss]he)\s+{_ADVERBS}$")
# "In a post at the time she described …": he or she after a fronted time or place phrase, no comma between.
# Written to open with a character class, which the regex engine searches for with a fast scan; the
# lookbehinds come after the first letter ("(?<![\w’'].)" one letter on is "(?<![\w’'])" before it).
_HE_SHE = re.compile(r"[HhSs](?<![\w’'].)(?:(?<=[Hh])e|(?<=[Ss])he)\s")
_BARE_PRONOUN = re.compile(rf"(?<![\w’'])(?P<pron>[Hh]e|[Ss]he)\s+{_ADVERBS}$")
_FRONTED = re.compile(r"(?:In|At|On|During|Later|Earlier|Last|Speaking|Back|Afterwards?)\s")
_AND_TITLE = re.compile(r"\s+and\s+((?:[A-Z][\w’'-]*\s+){1,4})")
# A name in a list of places opened by "in", "at" or "near": "in Ayr, Home Hill and Giru".
_PLACE_LIST = re.compile(r"(?<![\w’'])(?:in|at|near)\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*"
                         r"(?:,\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)*(?:,|,?\s+and|,?\s+or)\s+$")
_PLACE_LIST_HINT = re.compile(r" (?:in|at|near) [A-Z]")
_LIST_GOES_ON = re.compile(r"(?:,\s+|\s+(?:and|or)\s+)[A-Z]")
#: Words that open a sentence set off by a comma, where an appositive's name would stand.
_OPENERS = frozenset("however meanwhile separately additionally also earlier later still instead likewise "
                     "similarly moreover furthermore nevertheless nonetheless yesterday today recently finally "
                     "elsewhere afterwards afterward then now overall indeed".split())
# ", the club" right before the verb: a body as the subject, set off after a list or a clause.
_BODY_SUBJECT = re.compile(r"(?:^|,\s+)the\s+(?:[a-z]+\s+){0,2}([a-z]+)\s*$")
# "Mr Tanzi's statement said", "Roe's letter to the board says": a person's writing before the verb; not
# the person's spokesman or lawyer, who speak for themselves.
_WRITING_OF = re.compile(
    rf"(?:^|(?<=[\s(\"“]))(?:(?P<hon>{HONORIFIC})\s+)?(?P<span>{CAP_SPAN})['’]s\s+(?:(?:written|prepared|brief|short|"
    r"own|official|earlier|latest)\s+)?(?:statement|letter|e-?mail|message|note|post|tweet|affidavit|testimony|"
    r"submission)(?:\s+to\s+(?:the\s+)?[\w ]{1,40}?)?\s+(?:also\s+|further\s+)?$")
_AGED = re.compile(rf"(?:^|[.!?]\s+|,\s+)[Tt]he\s+\d{{1,3}}-year-old\s+(?:[a-z]+\s+)?{_ADVERBS}$")
# "But he said …", "And she added": a conjunction that opens the sentence before its subject.
_CONJUNCTION_OPENS = re.compile(r"(?:^|[.!?:;][\"”’)]*\s+)(?:But|And|Yet|So|Still|Now|Then|Later|Meanwhile|However,?)$")
_FINITE = frozenset("is are was were be been has have had will would can could did does do said says told".split())
_GENDERED = re.compile(r"\b(?:[Ss]he|[Hh]er|[Hh]ers|[Hh]erself|[Hh]e|[Hh]im|[Hh]is|[Hh]imself)\b")


def _fronted_adverbial(text: str, pos: int) -> bool:
    """Whether the sentence holding ``pos`` opens with a preposition or a time word and runs to ``pos`` as one
    phrase (no comma, quote or finite verb): what stands before a bare pronoun subject."""
    start = sentence_start(text, pos)
    head = text[start:pos]
    if not _FRONTED.match(head.lstrip()) or any(c in head for c in ",;:\"“”"):
        return False
    words = head.split()
    return len(words) <= 12 and not any(w.lower() in _FINITE for w in words)


# '…," said NAME, ROLE.' and '…," dijo el Fiscal NAME'.
_AFTER_VERB = re.compile(
    rf"^\s+(?:(?:el|la)\s+(?:(?:fiscal|jefe|jefa|juez|jueza|abogado|abogada|investigador|investigadora|"
    rf"procurador|alcalde|director|directora|sargento|oficial)\s+)?)?(?P<hon>{HONORIFIC}\s+)?(?P<span>{CAP_SPAN})(?:,\s+(?P<role>[^.;\"“”]{{2,160}}))?"
)
# '…," said the festival's executive director, Craig Prater.'
_AFTER_VERB_ROLE = re.compile(
    rf"^\s+(?:the\s+|el\s+|la\s+)?(?P<role>[A-Za-z][\w’'.\- ]{{2,80}}?),\s+(?P<hon>{HONORIFIC}\s+)?(?P<span>{CAP_SPAN})\s*(?:[.,;(]|$)"
)
# '…," said spokesman John Kirby' and '…," his nephew Michery el Soheil added'.
_AFTER_VERB_NOUN = re.compile(
    rf"^\s+(?:(?:the|a|an|his|her|their|campaign|press|former|longtime|senior|chief|top|deputy|national|state)\s+)*"
    # "undecided Republican voter Stephanie Hooton": a word in lower case may come before the capitalised one.
    rf"(?P<role>(?:(?:[a-z][\w’'-]+\s+)?[A-Z][\w’'-]+\s+)?(?:(?!(?:in|on|at|to|for|of|that|by|with|from|after|before|during|when|while|and|but|as|"
    rf"the|a|an|he|she|it|they|this|its)\b)[a-z][\w’'-]+\s+){{1,3}})(?P<hon>{HONORIFIC}\s+)?(?P<span>{CAP_SPAN})"
)
_AFTER_VERB_PRONOUN = re.compile(r"^\s+(?P<pron>he|she)\b")
# '…,” Toomey fumed on Tuesday.': any -ed/-s verb right after a closing quote attributes it.
_QUOTE_THEN_NAME = re.compile(
    rf"[,?!]\s*[\"”]\s+(?:(?P<pron>he|she)|(?P<hon>{HONORIFIC}\s+)?(?P<span>{CAP_SPAN}))\s+(?:{_ADVERBS})"
    rf"(?!(?:is|was|has|does|goes|gets)\b)(?:[a-z]{{2,}}ed|[a-z]{{3,}}s)\b"
)
# '“This is fantastic!” beamed Donald Hartley of Madison': any -ed verb between a quote and a name.
_QUOTE_VERB_NAME = re.compile(rf"[,?!]\s*[\"”]\s+[a-z]{{3,}}ed\s+(?P<hon>{HONORIFIC}\s+)?(?P<span>{CAP_SPAN})")
# '“He represents our greatest shame.” ― Sonya Herridge': a quote signed with a dash, as under an epigraph;
# also '“…” -- Jane Roe, Provost, Example University' and Markdown's '“…”* — Spokesman John Doe' (emphasis
# marks and a blockquote's ">" between). The role after the name counts only where the signature ends the
# paragraph.
_SIGN_DASH = r"(?:[―—–]|-{1,2}(?=\s))"
_DASH_SIGNED = re.compile(
    rf"[”\"][*_]*\s*(?:>\s*)*{_SIGN_DASH}\s*[*_]*(?P<hon>{HONORIFIC}\s+)?(?P<span>{CAP_SPAN})"
    rf"(?:(?:,\s+(?P<role>[^”\"“]{{2,120}}?))?[\s*_]*$)?")
# A paragraph that ends with such a signature is complete, though no full stop ends it.
_SIGNED_END = re.compile(r"[”\"][*_]*\s*(?:>\s*)*(?:[―—–]|-{1,2}\s)\s*[^”\"“]{2,80}$")
# The signature on a line of its own under the quote: "— Jane Roe, Mayor of Example".
_SIGNATURE_LINE = re.compile(
    rf"^[>\s*_]*{_SIGN_DASH}\s*[*_]*(?P<hon>{HONORIFIC}\s+)?(?P<span>{CAP_SPAN})(?:,\s+(?P<role>[^”\"“.!?]{{2,120}}?))?[\s*_]*$")
# "according to conservative talk radio host Rush Limbaugh": lower-case words before the name end in what the
# person is, or in "by" ("calculations by Amy Glasmeier"); "according to the evidence presented at Paredes’
# trial" names no source.
# A role's words and the acronym the release gives it: "Police Public Relations Officer (PPRO)".
# Looked for only before each acronym in brackets, as a run that ends there (the run tried at every capital of
# a release is slow).
_ACRONYM_IN_BRACKETS = re.compile(r"\((?P<acr>[A-Z]{2,6})\)")
_ROLE_ACRONYM_WORDS = re.compile(r"(?P<words>(?:[A-Z][\w’'-]*\s+(?:(?:of|for|and|the)\s+)*){1,7})\Z")
#: Farthest back a role's words before its acronym are looked for: seven words and their joiners.
ROLE_WORDS_CHARS = 240
# A name, then the body the person belongs to: "Jane Roe of the Example District Municipality".
_OF_ORGANISATION = re.compile(r"(?P<head>.+?)\s+(?P<pp>(?:of|at|from)\s+(?:the\s+)?(?P<org>(?:[A-Z][\w'’&.\-]*\s+"
                              r"(?:(?:of|for|and)\s+)?){0,6}[A-Z][\w'’&.\-]*))$")
_ACRONYM_AFTER = re.compile(r"\s*\([A-Z]{2,6}\)")
# The person named after a role's acronym: ", SP Benjamin Hundeyin", ", Mr. Idowu Owohunwa".
_ACRONYM_HOLDER = re.compile(rf",\s+(?:(?P<hon>{HONORIFIC})\s+|[A-Z][A-Za-z]{{0,4}}\.?\s+)?(?P<span>{_PERSON_NAME})")
# "according to him," "according to her.": a pronoun for a person named before.
_ACCORDING_PRONOUN = re.compile(r"\b[Aa]ccording to (?P<pron>him|her)(?=\s*[,.;])")
# "according to the governor": a role alone, in lower case, ending its clause.
_ACCORDING_ROLE = re.compile(r"\b[Aa]ccording to the\s+(?P<role>(?:[a-z][\w’'-]*\s+){0,2}[a-z][\w’'-]*|[A-Z]{2,6})(?=\s*[,.;]|$)")
# ("according to a study by Gulu-based agricultural economist Dr Jane Roe": what the person is, after "by"; the
# words before what the person is may hold a number, "Ward No. 4 chair".)
_ACCORDING = re.compile(rf"\b[Aa]ccording to\s+(?:(?:the|a|an|his|her|their)\s+)?(?:(?:[A-Za-z0-9][\w’'.-]*\s+){{0,4}}?(?:{'|'.join(ROLE_NOUNS_LIST)}|(?P<by>by)),?\s+)?"
                        rf"(?(by)(?:(?:(?:[A-Z][\w’'-]*-[a-z][\w’'-]*|[a-z][\w’'-]*)\s+){{0,2}}{_PERSON_NOUN}\s+)?)"
                        rf"(?P<hon>{HONORIFIC}\s+)?(?P<span>{CAP_SPAN})(?:,\s+(?P<role>[^.;\"“”]{{2,160}}?),)?")
# "Republican pollster Daron Shaw: “…”", "Pollsters agree - Carl Bialik: “…”", "Continued Stone:": a name
# introducing a quote with a colon, or ending a line that a quote follows.
# Searched backwards from each colon that opens a quote of a few words at least: "Gang Moniker: “Lil Rob”" is
# a label and its value.
_COLON_AT = re.compile(r":\s*[“\"](?=(?:[^”\"\s]+\s+){3})")
# A line that only introduces the next paragraph's quote: "Continued Stone:". Without the verb, a name and a
# colon cannot be told from a heading ("Case Spotlight:", "Contacto:").
_VERB_COLON_LINE = re.compile(rf"^(?P<verb>[A-Z][a-z]+)\s+(?P<hon>{HONORIFIC}\s+)?(?P<span>{CAP_SPAN}):$")
_COLON_QUOTE = re.compile(
    # At a paragraph's start a title in lower case may come first ("Republican pollster Daron Shaw: “…”").
    rf"(?:^{_ROLE_PREFIX}|[.!?;][”\"’]?\s+|\s[-–—―]\s+|\b(?:{'|'.join(ROLE_NOUNS_LIST)})\s+|"
    rf"\bMore from\s+)(?P<hon>{HONORIFIC}\s+)?"
    rf"(?P<span>{CAP_SPAN})(?:\s+\([^()]{{1,40}}\))?$"
)
# What judges how someone spoke, before a colon: "put it simply", "put the matter bluntly", "summed it up".
_SPOKE_PHRASE = r"put (?:it|the matter|the point|the case|things)|summed (?:it )?up|kept it"
# "Jane Roe, 78, who …, was more direct: “…”", "Roe put it simply: “…”": the quote after a colon is the words
# of the person the clause before it is about, when its predicate is a short judgement of how they spoke.
_COLON_PREDICATE = re.compile(
    rf"(?:^{_ROLE_PREFIX}|[.!?;][”\"’]?\s+)(?P<hon>{HONORIFIC}\s+)?(?P<span>{CAP_SPAN})(?:,(?P<off>[^“”\"]{{2,200}}?),)?"
    rf"\s+(?:was|were|is|are|had|has|{_SPOKE_PHRASE}|struck|sounded|"
    r"took|gave|offered|went)\b"
    r"[^,.:;“”\"]{0,40}$"
)
_SET_OFF_NAME = re.compile(rf"(?P<hon>{HONORIFIC}\s+)?(?P<span>{CAP_SPAN})")
# "The General Manager of the Union, Mr. Jane Roe, put the matter more bluntly": a role, then the name set off.
_ROLE_SET_OFF_PREDICATE = re.compile(
    rf"(?P<role>(?:The\s+)?[A-Z][^,“”\"]{{2,80}}),\s+(?P<hon>{HONORIFIC}\s+)?(?P<span>{CAP_SPAN}),"
    rf"\s+(?:was|were|{_SPOKE_PHRASE})\b[^,.:;“”\"]{{0,40}}$")
# A judge's finding, given as the judge's words: "Lady Justice Jane Roe found that …", "Magistrate John Doe,
# sitting in Example, held that …".
_JUDGE_FOUND = re.compile(
    rf"(?<![\w’'])(?P<title>(?:(?:Lady|Lord|Chief)\s+)?(?:Justice|Judge|Magistrate|Ombudsman|Ombudsperson|Coroner|"
    r"Commissioner|Auditor[- ]General))\s+"
    rf"(?:(?P<hon>{HONORIFIC})\s+)?(?P<span>{_PERSON_NAME})"
    r"(?:\s+[A-Z]{2,4})?(?:,\s+[^.;:\"“”]{2,100}?)?,?\s+(?:(?:has|had)\s+)?(?:found|held|ruled)\s+that\b")
# "footage of Hillary Clinton asking, “Why aren’t I 50 points ahead?”": a name, then a participle of speech.
_PARTICIPLE_AT = re.compile(
    r"\b(?:saying|asking|adding|declaring|insisting|writing|tweeting)\b[^.!?“”\"]{0,80}?[,:]?\s*$")
# No comma between them: 'Warren … endorsed Clinton, saying, “…”' is Warren's, the sentence's subject.
_PARTICIPLE = re.compile(rf"(?<![\w’'.-])(?P<hon>{HONORIFIC}\s+)?(?P<span>{CAP_SPAN})(?<![’']s)\s+$")
# "Sen. John McCain calling it a “Chinese menu.”", "what Gilbert called “a perception problem”": who names a
# thing with a quote says it.
# With nothing between verb and quote it is a call ('Jane Doe called “A White & Yellow Cab”'), unless a
# relative "what" names the thing.
# A participle of speech with its clause: ", saying that …", ", adding that …".
# The participles _SAYING_THAT looks for, as plain strings: most paragraphs hold none and skip the pattern.
_SAYING_WORDS = (" saying ", " adding ", " arguing ", " insisting ", " claiming ", " noting ", " warning ", " stressing ",
                 " telling ")
# One scan for any of them, from the ending they share: a pattern that opens with a literal skips to it.
_SAYING_WORD = re.compile("ing (?:" + "|".join(f"(?<={w})" for w in _SAYING_WORDS) + ")")
_SAYING_THAT = re.compile(r",\s+(?:(?:saying|adding|arguing|insisting|claiming|noting|warning|stressing)\s+that\b|"
                          # A clause without "that" after the verbs that take no object: ", saying the plan
                          # would raise bills" ("adding the final touches" is no speech).
                          r"(?:saying|arguing|insisting)\s+(?:the|it|he|she|they|we|this|there|his|her|its|their)\s+[a-z]+|"
                          # "claiming the men's 800m" is winning it: only a clause's pronoun subject.
                          r"claiming\s+(?:it|he|she|they|we|there)\s+[a-z]+|"
                          # "…, telling the court that …": whom the words were told, in small letters, then "that".
                          r"telling\s+[a-z][^,.;:\"“”]{0,40}?\s+that\b)")
# The subject that opens a sentence: a capitalised run, perhaps with an honorific, then a comma or a verb.
# (A post-nominal or party in brackets may follow the name: "Chief Jane Roe (SAN) pleaded …".)
_SENTENCE_SUBJECT = re.compile(rf"(?P<hon>{HONORIFIC}\s+)?(?P<span>{CAP_SPAN})(?<![’']s)"
                               r"(?=(?:\s+\([A-Z][\w.\- ]{1,15}\))?(?:,|\s+[a-z]))")


# A passive verb: its subject does not act ("was sentenced", "were charged").
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?\w+(?:ed|en|wn)\b")
# A subordinate clause that opens a sentence before its subject.
_SUBORDINATE = re.compile(r"(?:While|When|After|Although|Though|As|Because|If|Since|Before|Unless|Until|Once|Whereas)\b")
# A time or place phrase opening a sentence before its subject: "In Lagos, …", "During the hearing, …".
_PLACE_PHRASE_OPENS = re.compile(r"(?:In|On|At|During|Outside|Inside|From|Following|Throughout|Across|Within)\s")
# A saint's title right before a name, after a word in small letters or punctuation: "of St. Charles Lwanga
# Parish", "Saint Mary's" (not a surname's "St.": "Gertrude St. Rose-Auguste").
_SAINT_BEFORE = re.compile(r"(?:^|[^\w\s]\s*|\b[a-z][\w’'-]*\s+)(?:St|Ste|Saint)\.?\s+$")
_SUBORDINATE_AT = re.compile(r"\s*" + _SUBORDINATE.pattern)


# A short opening phrase and its comma before a sentence's subject: "As it turned out, Steenburgen had …".
_OPENER_BEFORE = re.compile(r"(?:^|[.!?:;]\s+)(?P<first>[\w’'-]+)(?:\s+[\w’'-]+){0,4},$")


# A form of "be" right before a verb: the verb is passive ("was announced"; "is said" left to its context).
_BE_BEFORE = re.compile(r"\b(?:was|were|been|being)\s+$")


def _opener_before(before: str) -> bool:
    """Whether ``before`` ends with a sentence's short opening phrase, one that starts as adverbials do ("As it
    turned out,", "Last year,", "However,"), not a list of names or places ("Stops in Shrewsbury,")."""
    m = _OPENER_BEFORE.search(before)
    if not m:
        return False
    first = m.group("first").lower()
    return first in NOT_NAMES or first in _PREPOSITIONS or first in _ADVERB_WORDS or first.endswith("ly")


_CALLING_AT = re.compile(r"\b(?:called|calling|calls|dubbed|labeled|labelled|branded)\b(?P<obj>[^.!?“”\"]{0,50})$")
_CALLER = re.compile(rf"(?<![\w’'.-])(?P<hon>{HONORIFIC}\s+)?(?P<span>{CAP_SPAN})(?<![’']s)\s+{_ADVERBS}$")
# '…, explained Rosenberg, “with this thing …”', 'But, said Solovey, "I don't want …"': verb, name, quote.
_INVERTED = re.compile(rf"\s+(?P<hon>{HONORIFIC}\s+)?(?P<span>{CAP_SPAN})\s*[,:]\s*[“\"]")
# "Statement from State Attorney Katherine Fernandez Rundle Regarding …" heads a statement by that person; so
# do "Declaración del Fiscal …", "Erklärung von …", "Déclaration de …".
_STATEMENT_WORDS = (r"[Ss]tatement\s+(?:[Ff]rom|[Oo]f|[Bb]y)|[Dd]eclaraci[óo]n\s+(?:del|de\s+la|de)|"
                    r"[Ee]rklärung\s+(?:von|des|der)|[Dd][ée]claration\s+(?:du|de\s+la|de)")
_STATEMENT = re.compile(rf"\b(?:{_STATEMENT_WORDS})\s+(?P<span>{CAP_SPAN})")
_STATEMENT_CUT = re.compile(r"\s+(?:Regarding|Re|On|About|After|Following|Concerning|In|For|To|Announcing)\b.*$")
# A person named in passing, for pronouns and short forms: "Mrs Maguire", "LaQuita Long", "Carl Ray Flores".
_MENTION_PARTICLE = r"bin|binti|binte|ibn|a/l|a/p|s/o|d/o|de|del|dela|delos|della|van|von|der|da|dos|ap|ab|wa|arap|ole|anak"
_MENTION = re.compile(
    # An honorific inside the run opens another mention: "Guest-of-Honour Mr Tan Wei Ming".
    rf"(?<![\w’'])(?:(?P<hon>{HONORIFIC})\s+)?(?P<span>{_NAME_WORD}(?:\s+(?:[A-Z]\.|[“\"][^”\"]{{1,20}}[”\"]|"
    rf"(?!(?:Mr|Mrs|Ms|Dr|Prof|Sir|Dame|Cllr|Hon|Shri|Smt|Datuk|Dato)\.?\s){_NAME_WORD})){{0,3}}"
    # A particle inside a name joins its two sides: "Arumugam a/l Krishnan", "Ramon de los Santos".
    rf"(?:\s+(?:{_MENTION_PARTICLE})(?:\s+(?:de|la|los|las|der|den))?\s+{_NAME_WORD}(?:\s+{_NAME_WORD})?)?)"
)
# A sentence whose subject is a person and that holds a quote: 'Kasich bemoaned …, saying “…”'.
_QUOTE_SUBJECT = re.compile(
    rf"(?:^|[.!?]\s+)(?:[^,.!?\"“”]{{0,150}},\s+){{0,3}}"
    # "Democratic presidential candidate Bernie Sanders is releasing …": titles in lower case before a name.
    rf"(?:(?:[A-Z][\w’'-]*\s+){{0,2}}(?:[a-z][\w’'-]+\s+){{1,3}}(?=[A-Z]))?(?P<hon>{HONORIFIC}\s+)?(?P<span>{CAP_SPAN})"
    # "Trump, who has a commanding lead, mocked …", "Sanders, celebrating a victory, is pledging …"
    rf"(?<![’']s)(?:\s+\([^()]{{1,40}}\))?(?:,\s+[^,.!?\"“”]{{3,120}},)?\s+(?:{_ADVERBS})"
    rf"(?P<verb>[a-z]{{2,}}ed|[a-z]{{3,}}s|went|said|told|gave|took|made|spoke|wrote|shot|threw|hit|led|met|sent|"
    rf"put|got|came|ran|cut|kept|held|brought|thought|stood|saw|called|"
    # "Reid has gone after Trump as …", "Trump is once again questioning …"; never a passive ("Perez was
    # sentenced", "Smith has been held"): its subject does not speak.
    rf"(?:is|was)\s+{_ADVERBS}(?:[a-z]{{3,}}ing|reported|quoted|heard|recorded|caught)|(?:has|had|have)\s+{_ADVERBS}(?:[a-z]{{3,}}ed|gone|made|taken|given|written|spoken|said|told)|"
    rf"(?:did|does|do)(?:n[’']t|\s+not)\s+[a-z]{{3,}})\b"
    # Up to the quote in the same sentence; "U.S." and other abbreviations do not end it.
    rf"(?:[^.!?“\"]|\.(?=\S)|(?<=\b[A-Z])\.|(?<=\b(?:Mr|Ms|Dr|St|Lt))\.|(?<=\b(?:Sen|Rep|Gov|Mrs|Gen|Col|Del))\.)*[“\"]"
)
# "Donald Trump’s claim that there have been “thousands of shootings”": a person's words named as such.
_SPEECH_NOUN_THEN_QUOTE = (
    r"(?:claim|statement|remark|comment|word|assertion|promise|pledge|slogan|catchphrase|catch phrase|description|"
    r"accusation|contention|insistence|argument|warning|vow|response|tweet|rallying cry|refrain|mantra|quip|"
    r"prediction)s?\b[^.!?“”\"]{0,60}[“\"]")
_POSSESSIVE_SPEECH = re.compile(
    rf"(?<![\w’'.-])(?P<hon>{HONORIFIC}\s+)?(?P<span>{CAP_SPAN})\s+(?:[a-z][\w-]*\s+){{0,3}}?{_SPEECH_NOUN_THEN_QUOTE}")
# Its tail alone, a cheap test before the full pattern, which tries a name at every capital.
_SPEECH_NOUN = re.compile(_SPEECH_NOUN_THEN_QUOTE)
# What may stand before a surname in its full form, and an honorific before it (searched backwards from
# each place the surname stands).
# A nickname's words inside single marks (the marks written around it): one word or two, "Lando", "Tall Boy".
_SINGLE_NICK = r"[A-Z][a-z]{1,15}(?: [A-Z][a-z]{1,12})?"
_BEFORE_SURNAME = re.compile(r"(?<![\w’'])((?:[A-ZÀ-ÝĀ-Ž][\w’'.-]*[^\S\n]+|[“\"][^”\"\s]{1,20}(?: [^”\"\s]{1,12})?[”\"][^\S\n]+"
                             rf"|['‘]{_SINGLE_NICK}['’][^\S\n]+){{1,4}})$")
# The capitalised word right after another on the same line.
_NEXT_WORD = re.compile(r"[^\S\n]+([A-Z][\w’'-]*)")
_HONORIFIC_BEFORE = re.compile(r"\b(Mrs|Ms|Miss|Mr|Sir|Dame|Sra|Srta|Sr)\.?\s+(?:[A-Z][\w’'.-]*\s+){0,3}$")
_CIRCUMSTANCE = re.compile(r"(?:at|in|on|during|after|before|while|when|speaking|asked|in an?)\b")
_POSSESSIVE = ("’s", "'s", "s’", "s'")
_CAP_BEFORE = re.compile(r"[A-Z][\w’'.\-]+\s+$")
# A capital letter, or "he" or "she": two patterns, as a class alone is searched with a fast scan, and the
# second is needed only in the rare text without capitals.
_CAPITAL_LETTER = re.compile(r"[A-ZÀ-ÝĀ-Ž]")
_HE_SHE_WORD = re.compile(r"\b[Hh]e\b|\b[Ss]he\b")
_NICKNAME = re.compile(rf"\s+(?:[“\"][^”\"]*[”\"]|['‘]{_SINGLE_NICK}['’](?=\s))")
_QUOTE_MARKS = "\"“”«»„"
_QUOTE_CHAR = re.compile(f"[{_QUOTE_MARKS}]")
_SENTENCE_END = re.compile(r"[.!?…:;][\"”’')\]]*\s*$")

TITLE_WORDS = frozenset(
    """attorney attorney's attorney’s district state state's state’s states' chief superintendent sheriff mayor
    governor president vice director agent special charge ceo cfo coo cto founder co-founder chairman chairwoman
    chair commissioner minister secretary senator representative rep sen gov judge justice magistrate coroner officer deputy
    pcol pbgen pmgen pltgen pgen pltcol pmaj pcpt plt pcpl pssg pmsg psms pems
    assistant detective sergeant sgt captain capt lieutenant lt inspector spokesperson spokesman spokeswoman
    prosecutor counsel general executive manager head leader member mp mep councillor councilor councilman
    councilwoman councilmember supervisor ambassador commander colonel col admiral professor
    dr prime premier chancellor speaker dean principal coach fiscal procurador host anchor
    senior lead acting interim former county city us u.s. dea fbi atf hsi ice irs sa ada dda da
    investigator det atty supt cmdr gen pres sec amb adm maj cpl ofc dep asst insp defender public defendant
    co-defendant codefendant collector comptroller auditor ombudsman ombudsperson administrator registrar
    assemblymember assemblyman assemblywoman councilmember
    jefe jefa distrito penal condado fiscalía fiscalia juez jueza abogado abogada investigadora
    alcalde alcaldesa gobernador gobernadora directora presidente presidenta oficial sargento""".split()
)
ORG_WORDS = frozenset(
    """office department police court parliament council committee ministry government agency inc corp
    corporation company association university commission bureau board union party group organization
    organisation institute foundation team unit service services news times post press network center
    centre authority assembly senate house congress administration coalition alliance jury prosecutors
    officials investigators deputies detectives officers authorities witnesses records members residents
    students parents police families victims staff employees company's ltd llc plc bank fund trust
    program programme project campaign report study survey data statement release website school
    oficina departamento policía policia tribunal corte división division unidad sección seccion market
    festival museum hospital church club""".split()
)
NOT_NAMES = frozenset(
    """the this that these those it they we i you our his her their its in on at but and or if when while
    according today yesterday monday tuesday wednesday thursday friday saturday sunday january february march
    april may june july august september october november december there here what who how why a an as
    after before during since for from with by all some many most several both each every no not one two
    three first last new mr mrs ms dr prof also however meanwhile additionally furthermore earlier later
    he she his hers god asked still even then now so yet though although because thus indeed clearly
    el la los las en de del por para con un una is was does did will can would should could has have had
    were are be being been asked please whatever whichever maybe perhaps
    varios varias algunos algunas todos todas muchos muchas otros otras este esta estos estas su sus""".split()
)
# The first person in the other languages releases come in (a statement's own words).
_FIRST_PERSON_OTHER = re.compile(r"\b(?:[Yy]o|[Nn]osotros|[Nn]uestr[oa]s?|[Tt]engo|[Ee]stoy|[Ii]ch|[Ww]ir|[Uu]nser[emnrs]?|"
                                 r"[Mm]ein[emnrs]?|[Jj]e|[Nn]ous|[Nn]otre|[Nn]os)\b")
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|we|We|my|My|our|Our|me|us)\b")
_OPENING_QUOTE = "\"“«„"

_KEY_HONORIFIC = re.compile(
    r"^(?:(?:the\s+)?(?:rt\s+|right\s+)?(?:hon|honourable|honorable)\s+|(?:tan|puan)\s+sri\s+|(?:his|her)\s+excellency\s+|"
    r"(?:mr|mrs|ms|miss|mx|dr|prof|professor|sir|dame|lady|lord|rev|revd|reverend|judge|sr|sra|srta|lic|don|dona|shri|"
    r"sri|smt|shrimati|kumari|datuk|datin|dato|tun|alhaji|alhaja|hajia|haji|hajah|cllr|mme|mlle|herr|frau)\s+)+"
)
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
    tokens = text.split()
    # Post-nominals ("ao", "mp", "qc", "phd", "jr"): never part of the name; an ambiguous one ("am", "ms")
    # only after two name words.
    while len(tokens) > 1 and tokens[-1] in lexicons.POST_NOMINALS and (
            len(tokens) > 2 or tokens[-1] not in ("am", "ms", "ch", "ba", "md")):
        tokens.pop()
    return " ".join(tokens).strip(" -")


@dataclass
class Person:
    name: str
    role: str | None = None
    gender: str | None = None
    forms: set[str] = field(default_factory=set)


_SUFFIXES = frozenset("jr jr. jr., sr sr. sr., ii iii iv".split())


@lru_cache(maxsize=4096)
def _surname(name: str) -> str:
    tokens = [t for t in name.split() if t.lower() not in _SUFFIXES]
    return (tokens[-1] if tokens else name).strip(",.").lower().replace("’", "'")


def _spells_out(full: str, short: str) -> bool:
    """Whether ``full`` is ``short`` with its middle initials written out ("John Milo Ford", "John M. Ford")."""
    a, b = full.split(), short.split()
    return len(a) == len(b) > 2 and a != b and a[0] == b[0] and a[-1] == b[-1] and all(
        x == y or (len(y.rstrip(".")) == 1 and x[:1] == y[:1] and len(x) > 2) for x, y in zip(a[1:-1], b[1:-1]))


# Titles as they are abbreviated before a name, spelt out: "Iloilo Gov." is "the governor" later.
_ROLE_ABBREVIATIONS = {"gov.": "governor", "sen.": "senator", "rep.": "representative", "supt.": "superintendent",
                       "insp.": "inspector", "det.": "detective", "sgt.": "sergeant", "cllr": "councillor",
                       "cllr.": "councillor", "lt.": "lieutenant", "capt.": "captain", "col.": "colonel",
                       "gen.": "general", "atty.": "attorney", "amb.": "ambassador", "cmdr.": "commander",
                       "pres.": "president", "sec.": "secretary", "prof.": "professor", "adv.": "advocate"}


@lru_cache(maxsize=1024)
def _spelt_role(role: str) -> str:
    """A role in lower case with its abbreviated titles spelt out."""
    low = role.lower()
    if "." not in low and "cllr" not in low:
        return low
    return " ".join(_ROLE_ABBREVIATIONS.get(w, w) for w in low.split())


class Registry:
    """The people a release has named so far, so that later mentions resolve to the same one."""

    def __init__(self) -> None:
        self.people: list[Person] = []
        self.recent: list[Person] = []

    def find(self, name: str) -> Person | None:
        key = name.lower().replace("’", "'")
        tokens = key.split()
        for p in self.people:
            if key in p.forms:
                return p
        for p in reversed(self.people):
            if tokens[-1] != _surname(p.name):
                continue
            first = p.name.lower().split(None, 1)[0]
            if len(tokens) == 1 or tokens[0] == first or tokens[0].rstrip(".") == first[:1]:
                return p
        for p in reversed(self.people) if len(tokens) > 1 else ():
            # A surname of two words ("Fernandez Rundle" for "Katherine Fernandez Rundle").
            full = p.name.lower().replace("’", "'").split()
            if len(tokens) < len(full) and full[-len(tokens):] == tokens:
                return p
        if len(tokens) == 1 and not lexicons.is_given_name(key):
            # A surname written first ("Liu Xiaming", then "Liu said"): someone who has spoken, named in two
            # words neither of which is a known given name, when one person has it.
            named = [p for p in self.recent if len(p.name.split()) == 2 and p.name.lower().split()[0] == key
                     and not any(lexicons.is_given_name(t) for t in p.name.split())]
            if len(named) == 1:
                return named[0]
        if not (len(tokens) == 1 and lexicons.is_given_name(key)):
            # The first words of one person's fuller name: a name without its patronymic ("Ahmad Faizal" for
            # "Ahmad Faizal bin Hashim", "Norazlina" for "Norazlina binti Che Mat"), or a family name written
            # first ("Lim" for "Lim Chee Keong"), or a first name the lists lack ("Fuseina" for "Fuseina Alhassan"),
            # when nobody else's name starts so.
            named = [p for p in self.people if len(p.name.split()) > len(tokens)
                     and p.name.lower().replace("’", "'").split()[:len(tokens)] == tokens]
            if len(named) == 1:
                return named[0]
        if len(tokens) == 1 and lexicons.is_given_name(key):
            # A person called by the given name alone ("says Ian"), when one person who has spoken has it.
            named = [p for p in self.recent if len(p.name.split()) > 1 and p.name.lower().split()[0] == key]
            if len(named) == 1:
                return named[0]
        return None

    def resolve(self, name: str, role: str | None, gender: str | None) -> Person:
        person = self.find(name)
        if person is None:
            person = Person(name=name, role=role, gender=gender or _name_gender(name))
            self.people.append(person)
        else:
            # "Name as first given", unless the first mention was the short form.
            if len(name.split()) > len(person.name.split()) and len(person.name.split()) == 1:
                person.name = name
            elif _spells_out(name, person.name):
                person.name = name  # "John Milo Ford" after "John M. Ford": the fullest form
            person.role = person.role or role
            person.gender = person.gender or gender
        person.forms.add(name.lower().replace("’", "'"))
        return person

    def merge_short_forms(self) -> dict[int, Person]:
        """Once the whole release is read: a person known only by a short form ("Miller", "Fernandez
        Rundle") that fits exactly one person named in full later is that person. Returns id(short) → full."""
        merged: dict[int, Person] = {}
        for p in self.people:
            short = p.name.lower().replace("’", "'").split()
            fits = [q for q in self.people if q is not p and len(q.name.split()) > len(short)
                    and q.name.lower().replace("’", "'").split()[-len(short):] == short]
            if len(fits) == 1:
                full = fits[0]
                full.role = full.role or p.role
                full.gender = full.gender or p.gender
                full.forms |= p.forms
                merged[id(p)] = full
        return merged

    def by_role(self, role: str) -> Person | None:
        key = role.lower()
        for p in reversed(self.recent or self.people):
            if p.role and key in _spelt_role(p.role):
                return p
        for p in reversed(self.people):
            if p.role and key in _spelt_role(p.role):
                return p
        # "the Green Co-leader" for "Green Party Co-leader": every word of the description in one role.
        words = set(key.replace(",", " ").split())
        fits = [p for p in self.people if p.role and words <= set(_spelt_role(p.role).replace(",", " ").split())]
        if not fits and len(words) > 1:
            # "the club captain", "the party leader": the body a title is held in, named by its kind, is the
            # release's own; the title alone then names the person ("Senior football captain Jane Roe").
            held = {w for w in words if w not in lexicons.ORGANISATION_WORDS}
            if held and held != words:
                fits = [p for p in self.people
                        if p.role and held <= set(_spelt_role(p.role).replace(",", " ").split())]
        return fits[-1] if len({id(p) for p in fits}) == 1 else None

    def recent_of(self, gender: str) -> Person | None:
        for p in reversed(self.recent):
            if p.gender in (None, gender):
                return p
        return None

    def spoke(self, person: Person) -> None:
        if person in self.recent:
            self.recent.remove(person)
        self.recent.append(person)


def _quote_marks_at(text: str) -> list[int]:
    """Where the double quote marks of ``text`` stand (those `_QUOTE_CHAR` finds), in order: each mark
    looked for with str.find, which skips to it far faster than a pattern tests every character."""
    out: list[int] = []
    for ch in _QUOTE_MARKS:
        i = text.find(ch)
        while i >= 0:
            out.append(i)
            i = text.find(ch, i + 1)
    out.sort()
    return out


@lru_cache(maxsize=1024)
def quote_mask(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of text inside double quotes (straight or typographic). A straight quote opens after a space
    and closes after a word; an unclosed span runs to the end, and a closer with nothing open ends a quote
    carried over from the previous paragraph. A paragraph without double marks may quote in single curly
    marks or doubled apostrophes (`paired_single_spans`)."""
    if not _has_quote(text):
        # One character found first: searching for two ("''") scans several times slower.
        return paired_single_spans(text) if ("‘" in text or ("'" in text and "''" in text)) else ()
    spans: list[tuple[int, int]] = []
    start = None
    for i in _quote_marks_at(text):
        ch = text[i]
        if ch in "«„":
            opener = True
        elif ch == "“":
            # German closes „ with “, right after a word: an opener follows a space.
            before = text[i - 1] if i else " "
            opener = before.isspace() or before in "([—–-:" or start is None
        elif ch in "”»":
            opener = False
        elif start is not None:
            # Inside a quote a straight mark closes it unless a word follows (a nested opening).
            after = text[i + 1] if i + 1 < len(text) else " "
            opener = after.isalnum()
        else:
            before = text[i - 1] if i else " "
            opener = before.isspace() or before in "([—–-:"  # 'Gowdy (R-S.C.):"I have not …"'
        if opener:
            if start is None:
                start = i
        elif start is not None:
            spans.append((start, i))
            start = None
        elif not spans:
            spans.append((0, i))
    if start is not None:
        spans.append((start, len(text)))
    # Cached (each paragraph is asked several times): an immutable answer.
    return tuple(spans)


# Quotes in single curly marks or doubled apostrophes open after a space, a colon, a bracket or a dash.
_SINGLE_OPENER = re.compile(r"(?:^|(?<=[\s:(—–-]))(?:‘|'')(?=\S)")
# A closing curly mark is one no letter follows ("don’t" stays inside).
_CURLY_CLOSER = re.compile(r"(?<=\S)’(?![\w’])")
_DOUBLED_CLOSER = re.compile(r"(?<=\S)''(?![\w'])")


_TITLE_SMALL_WORDS = frozenset("a an the of in on at to for and or but with by from as".split())


def _title_cased(words: str) -> bool:
    """A name in marks, every word capitalised but the small ones ("‘In the Red Corner’", "‘Take It Down’"):
    the title of a play, a law or a campaign, not someone's words."""
    tokens = words.strip(" ,.;:!?").split()
    content = [t for t in tokens if t.lower() not in _TITLE_SMALL_WORDS]
    return bool(content) and len(tokens) <= 8 and all(t[:1].isupper() or t[:1].isdigit() for t in content)


def paired_single_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Spans (opening mark, closing mark) of quotes in ‘single curly marks’ or ''doubled apostrophes'' of four
    words or more (fewer are a term in marks: "the ‘Be Best’ initiative"), each opened and closed as a pair.
    Of the closing marks before the next opening one, the first next to punctuation wins ('…,’ she said',
    '…’.'), else the first one: "the officers’ cars" is a plural's apostrophe inside the quote."""
    out: list[tuple[int, int]] = []
    pos = 0
    while (m := _SINGLE_OPENER.search(text, pos)) is not None:
        doubled = text.startswith("''", m.start())
        body = m.end()
        nxt = _SINGLE_OPENER.search(text, body)
        limit = nxt.start() if nxt else len(text)
        closers = [c.start() for c in (_DOUBLED_CLOSER if doubled else _CURLY_CLOSER).finditer(text, body, limit)]
        marked = [c for c in closers if text[c - 1] in ",.;:!?" or text[c + (2 if doubled else 1):][:1] in
                  (",", ".", ";", ":", "!", "?", ")", "")]
        close = marked[0] if marked else closers[0] if closers else None
        if close is not None and len(text[body:close].split()) >= 4 and not _title_cased(text[body:close]):
            out.append((m.start(), close))
        pos = close + 1 if close is not None else body
    return tuple(out)


def quote_depth(text: str, depth: int) -> int:
    """Quote nesting after ``text``, given the depth before it. Openers follow a space, closers not."""
    if not _has_quote(text):
        return depth
    for i in _quote_marks_at(text):
        ch = text[i]
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        opener = ch in "«„" or (ch in '"“' and (before.isspace() or before in "([—–-:" or i == 0) and not after.isspace())
        if opener:
            # A continued quote reopens each paragraph with a mark of its own, and texts that ran paragraphs
            # together keep that mark after a sentence end: neither nests.
            if not (depth > 0 and (i == 0 or text[:i].rstrip()[-1:] in ".!?:")):
                depth += 1
        else:
            depth = max(0, depth - 1)
    return depth


def _inside(spans: tuple[tuple[int, int], ...], pos: int) -> bool:
    """Whether ``pos`` falls in one of ``spans``, which are in text order and do not overlap (as
    ``quote_mask`` gives them): a loop that stops at the first span past ``pos``."""
    for a, b in spans:
        if pos < a:
            return False
        if pos < b:
            return True
    return False


_CAPS_WORD = re.compile(r"[^\W\d_]{2,}(?:[-'’][^\W\d_]{2,})*")
_VOWELS = frozenset("AEIOUYÀÁÂÃÄÅÆÈÉÊËÌÍÎÏÒÓÔÕÖØÙÚÛÜÝĄĘĮŲ")
_NOT_GIVEN = frozenset("the a an his her their our its my your if while or and but all el la las los le les die der das".split())


def _capital_surname(tokens: list[str]) -> list[str]:
    """"Andrzej BUŁA", "Marine LE PEN": a surname printed in capitals after a given name, as European
    institutions print it, is the name's end, not an acronym: written in title case."""
    k = len(tokens)
    while k > 1 and tokens[k - 1].isupper() and _CAPS_WORD.fullmatch(tokens[k - 1]) \
            and tokens[k - 1].lower() not in _TITLES and tokens[k - 1].lower() not in _ORGANISATION:
        k -= 1
    # Acronyms are short or have one vowel at most ("NASA", "NYPD", "OCDA" after "The").
    if k == len(tokens) or len(tokens[-1]) < 4 or len(_VOWELS.intersection(tokens[-1])) < 2:
        return tokens
    first, last = tokens[k - 1], tokens[-1]
    if not (first[:1].isupper() and first[1:].islower() and first.isalpha()) or first.lower() in _TITLES \
            or first.lower() in _ORGANISATION or first.lower() in _NOT_GIVEN or lexicons.is_place(first):
        return tokens
    # After a word not known as a given name ("Health CARES"), only a surname no acronym or word could be:
    # a long one, or one with letters beyond ASCII ("Andrzej BUŁA", "Younous OMARJEE").
    if not lexicons.is_given_name(first) and len(last) < 6 and last.isascii():
        return tokens
    return tokens[:k] + [t.title() for t in tokens[k:]]


# Pure, and asked again for the same names across a county's releases: cached.
@lru_cache(maxsize=4096)
def _name_gender(name: str) -> str | None:
    """The gender the given names before the surname point to: the first's, unless a later one points the
    other way ("Rana Muhammad Iqbal": "Rana" is a woman's name in one language, a man's title in another)."""
    words = name.split()
    if len(words) < 2:
        return None
    gender = lexicons.given_name_gender(words[0])
    if gender and any(lexicons.given_name_gender(w) not in (None, gender) for w in words[1:-1]):
        return None
    return gender


def _abbreviates(acronym: str, role: str) -> bool:
    """Whether ``acronym`` is the initials of the last capitalised words of a part of the role (three at least),
    with at most two letters before them, or of all its words: "PPRO" for "… Public Relations Officer", "CMO"
    for "Chief Medical Officer", "SP" for "Superintendent of Police"."""
    for part in role.split(","):
        words = [w for w in part.split() if w.lower() not in ("of", "for", "and", "the")]
        run = ""
        for w in reversed(words):
            if not w[:1].isupper():
                break
            run = w[0] + run
            if len(run) >= 3 and acronym.endswith(run) and len(acronym) - len(run) <= 2:
                return True
        # Two letters only as the initials of a whole title: "SP" for "Superintendent of Police, IPS".
        if run == acronym and len(words) == len(run):
            return True
    return False


def _unknown_name_word(word: str) -> bool:
    """A capitalised word of letters only that no list knows as anything else: no everyday word, title,
    honorific, organisation's word or place ("Nusrat", "José"; not "Sir", "Urban", "Britain's")."""
    low = word.lower()
    return word[:1].isupper() and word.isalpha() and not word.isupper() and not _everyday_word(word) \
        and low not in _TITLES and low not in _LOWER_HONORIFICS and low not in _ORGANISATION \
        and not lexicons.is_place(word)


@lru_cache(maxsize=4096)
def _split_span(span: str) -> tuple[str | None, str]:
    """"DEA Special Agent in Charge James Hunt" → ("DEA Special Agent in Charge", "James Hunt")."""
    tokens = span.split()
    # A full stop that ends a sentence inside the run ("… in Mali. Mr. Sullivan"): the name is after it.
    for k in range(len(tokens) - 2, -1, -1):
        t = tokens[k]
        # Only before an honorific or a title: a name that opens the next sentence bare ("… in Benghazi. Bob
        # said") is cut from the place by full_name's checks or not at all.
        if t.endswith(".") and len(t) > 3 and t[:-1].isalpha() and t.lower().rstrip(".") not in _ABBREVIATIONS \
                and (_HONORIFIC_RE.match(" ".join(tokens[k + 1:]) + " ") or tokens[k + 1].lower().strip(".,") in _TITLES):
            tokens = tokens[k + 1:]
            span = " ".join(tokens)
            break
    tokens = _capital_surname(tokens)
    last_title = -1
    for k, tok in enumerate(tokens):
        low = tok.lower().strip(",.")
        # A title in the plural heads several names ("District Attorneys Hochman and Spitzer").
        if low in _TITLES or (low.endswith("s") and low[:-1] in _TITLES and k < len(tokens) - 1
                                  and tokens[k + 1][:1].isupper()) \
                or (tok.isupper() and len(tok) > 1 and not tok.endswith(".")) \
                or (low in _ORGANISATION and k < len(tokens) - 1):
            last_title = k
    role: str | None = None
    rest = tokens
    if last_title >= 0:
        role = " ".join(tokens[: last_title + 1])
        rest = tokens[last_title + 1:]
        # "Fiscal del Condado de Dallas John Creuzot": a place after a joiner belongs to the title.
        while len(rest) > 2 and _JOINER_RE.fullmatch(rest[0]):
            # ("Member of the Senedd Rhodri ap Gwynfor": an article after the joiner takes the word after it.)
            take = 3 if len(rest) > 3 and rest[1] in ("the", "la", "el", "le") else 2
            role = " ".join([role, *rest[:take]])
            rest = rest[take:]
        # "VP Exploration Yvan Crepeau", "Director Investor Relations Jane Roe": the function a title heads.
        while len(rest) > 2 and rest[0].lower().strip(",") in _FUNCTIONS:
            role = f"{role} {rest[0]}"
            rest = rest[1:]
        if len(rest) > 2 and _plural_noun(rest[0]) and not lexicons.is_given_name(rest[0]) \
                and not any(_organisation_word(t) for t in tokens):
            # "Director of Public Prosecutions Abdallah Said Mwinyi": the office's last word, a plural, and
            # the whole name after it.
            role = f"{role} {rest[0]}"
            rest = rest[1:]
        elif len(rest) == 2 and lexicons.is_lowercase_word(rest[0]) and not lexicons.is_given_name(rest[0]) \
                and rest[0].lower().endswith("s") and not any(_organisation_word(t) for t in tokens) \
                and not lexicons.is_place(rest[1]):
            # "Director of Public Prosecutions Roe": the office's last word (a plural), then the surname alone.
            role = f"{role} {rest[0]}"
            rest = rest[1:]
    # Words glued before a name ("Cities and Urban Infrastructure Jane Roe", "Hearing Jane Roe"): where a
    # known given name starts the last two or three words and nothing before it is a given name or an
    # initial, the name starts there.
    if len(rest) > 2 or (len(rest) == 2 and role is None and not lexicons.is_given_name(rest[0])):
        for k in range(1, len(rest) - 1):
            # A particle before it joins the words on both sides into one name ("Nor Hafizah binti Abdul Rahman").
            if lexicons.is_given_name(rest[k]) and rest[k][:1].isupper() and not any(
                    lexicons.is_given_name(t) or _INITIAL.fullmatch(t) or t in _PARTICLES for t in rest[:k]) \
                    and len(rest) - k <= 4:
                head = rest[:k]
                if head[-1] in _PLACE_JOINERS:
                    break  # "Chief Lebohang Mohale of Ha Mohale": the word after "of" opens a place, not a name
                if len(head) == 1 and role is None and _family_name_first(head[0]):
                    break  # "Tan Wei Ming", "Huy Ngoc Nguyen": the name's own first word
                if len(head) == 1 and _unknown_name_word(head[0]) and not (
                        len(head[0]) >= 6 and head[0].lower().endswith(("man", "woman", "person", "ist", "er", "or"))):
                    # "founder Nusrat Jahan Chowdhury": a given name the list lacks, not a title's words; an agent
                    # noun opening the sentence is one ("Fisherman John Doe", "Cyclist Jane Roe")
                    break
                if len(head) == 1 and head[0].lower().endswith(("ing", "ed")) and role is None:
                    head = []  # a sentence's participle, not a title: "Hearing Jane Roe describe it"
                if head:
                    role = " ".join(([role] if role else []) + head)
                rest = rest[k:]
                break
    if len(rest) > 2 and not any(lexicons.is_given_name(t) or _INITIAL.fullmatch(t) for t in rest):
        # "Actor Keanu Reeves", "Allegedly Stabbing Jo Sibley": with no given name the list knows, everyday
        # words before the last two are a role noun or the sentence's own words, when the name's are not.
        k = 0
        while len(rest) - k > 2 and _everyday_word(rest[k]) and _role_or_clause_word(rest[k]):
            k += 1
        if k and not any(lexicons.is_lowercase_word(t) for t in rest[k:]) and not any(
                t.lower() in _PREPOSITIONS or t.lower() in NOT_NAMES for t in rest[:k]):
            head = [t for t in rest[:k] if len(t) < 6 or not t.lower().endswith(("ing", "ly", "ed"))]
            if head:
                role = " ".join(([role] if role else []) + head)
            rest = rest[k:]
    if len(rest) > 2 and "-" in rest[0] and not lexicons.is_given_name(rest[0]) \
            and not lexicons.is_given_name(tail := rest[0].rsplit("-", 1)[1]) \
            and tail.lower().rstrip("s").endswith(("er", "or", "ist", "man", "woman")):
        # "Singer-guitarists Tom Johnston and …": a compound role noun that opens the sentence.
        role = " ".join(([role] if role else []) + rest[:1])
        rest = rest[1:]
    if len(rest) > 2 and lexicons.is_place(rest[0]) and not lexicons.is_given_name(rest[0]) \
            and all(t[:1].isupper() for t in rest[1:]):
        # "China’s ambassador to Britain Liu Xiaming": a place that ends a title in lower case is not the
        # name's first word (a place that is a given name too, "Jordan Smith", stays).
        rest = rest[1:]
    if len(rest) > 1 and rest[0].lower().endswith("-year-old"):
        rest = rest[1:]  # "Seventeen-year-old Amira": her age, no part of her name
    if len(rest) > 2 and rest[0] in ("Lady", "Lord") and lexicons.is_given_name(rest[1]):
        role = " ".join(([role] if role else []) + rest[:1])  # "Lady Melania Trump"
        rest = rest[1:]
    if len(rest) > 3 and rest[0] == "First" and rest[1] in ("Lady", "Gentleman"):
        role = " ".join(([role] if role else []) + rest[:2])  # "First Lady Melania Trump": a title of two words
        rest = rest[2:]
    elif rest == ["First", "Lady"] or rest == ["First", "Gentleman"]:
        return " ".join(([role] if role else []) + rest), ""
    if role is None:
        return None, " ".join(rest)
    return role, " ".join(rest)


_PLACE_JOINERS = frozenset("of from in at".split())


@lru_cache(maxsize=4096)
def _strip_lead(span: str) -> str:
    """Sentence openers a capitalised run may start with: "In Dallas County…", "But Trump"."""
    tokens = span.split()
    while len(tokens) > 1 and (tokens[0].lower().strip(",.") in NOT_NAMES or tokens[0].lower() in _VERB_SET) \
            and tokens[0].lower() != "the" and not _place_head(tokens) and not _ordinal_title(tokens):
        tokens = tokens[1:]
    return " ".join(tokens)


def _ordinal_title(tokens: list[str]) -> bool:
    """"First Lady", "First Minister", "First Deputy Premier": an ordinal that opens a title of several words."""
    return tokens[0].lower() == "first" and tokens[1].lower().strip(",.") in _TITLES_OR_LADY


# Words that open place names as well as sentences: "Los Angeles County District Attorney", "New York".
_PLACE_HEADS = frozenset("los las el la new".split())


def _place_head(tokens: list[str]) -> bool:
    """"Los Angeles …", "El Paso …": an article or "New" before a capitalised word that is no title ("El
    Fiscal") nor sentence word opens a place name, which is part of the role."""
    nxt = tokens[1].lower().strip(",.")
    return tokens[0].lower() in _PLACE_HEADS and tokens[1][:1].isupper() and nxt not in TITLE_WORDS \
        and nxt not in NOT_NAMES


_PLACE_WORDS = lexicons.PLACES | {"south", "north", "east", "west", "new", "united", "states", "kingdom", "republic",
                                   "arab", "emirates", "saudi", "hong", "kong", "puerto", "rico", "costa", "rica",
                                   "el", "salvador", "papua", "guinea", "of", "the", "island", "islands", "cook",
                                   "rhode", "british", "columbia", "nova", "scotia"}


def _organisation_word(token: str) -> bool:
    """"Universities", "Holdings", "Federation's": a word that makes a run an organisation, in any number."""
    w = token.lower().strip(".,’'")
    w = w[:-2] if w.endswith(("'s", "’s")) else w
    return w in _ORGANISATION or (w.endswith("ies") and w[:-3] + "y" in _ORGANISATION) \
        or (w.endswith("s") and w[:-1] in _ORGANISATION and w[:-1] not in lexicons.FOREIGN_ORGANISATION_WORDS)


def _whole_place(tokens: list[str]) -> bool:
    """"South Korea", "New Zealand", "United States": every word is a place's."""
    words = [t.lower().strip(".,’'") for t in tokens]
    return words[-1] in lexicons.PLACES and all(w in _PLACE_WORDS for w in words)


# Words that open place names and no one's given name (Santa and Rio are given names: Santa Ono, Rio Ferdinand).
# A compass adjective opens a region's name ("Western Cape", "Central Province"), never a person's.
_PLACE_NAME_HEADS = frozenset("san são sao los las fort ft. port mount mt. puerto porto "
                              "western eastern northern southern central".split())
# "Wall Street", "Downing Street", "Pennsylvania Avenue": a place (and what it stands for), never a person.
_THOROUGHFARES = frozenset("street streets avenue avenues road roads square boulevard plaza".split())
# Words that never stand inside a name, though a headline capitalises them.
_HEADLINE_WORDS = frozenset("on in at to for with about from by as into over after before against and or the a an "
                            "is was are has have had says said calls call urges warns vows".split())


# The words an honorific of one or more words ends with: a name ending so may be titles alone.
_TITLE_ENDS = _LOWER_HONORIFICS | {"seri"}


def _plural_noun(word: str) -> bool:
    """A capitalised everyday noun in the plural ("Ferries", "Arts", "Farms"), which a body's name holds and a
    person's seldom does."""
    low = word.lower()
    if len(low) < 4 or not low.endswith("s") or low.endswith(("ss", "'s", "’s")):
        return False
    # The word list may hold only the singular ("ferry" for "Ferries").
    return lexicons.is_lowercase_word(low) or (low.endswith("ies") and lexicons.is_lowercase_word(low[:-3] + "y"))


def _sentence_opening(text: str, pos: int) -> bool:
    """Whether only the words of one capitalised run (an age, a title) stand between a sentence's start and ``pos``."""
    before = text[:pos].rstrip()
    head = before[sentence_start(text, pos):].split() if before else []
    return len(head) <= 1 and all(w[:1].isupper() for w in head)


_PATRONYMICS = frozenset("bin binti bte binte a/l a/p s/o d/o ibn".split())


@lru_cache(maxsize=4096)
def _valid_name(name: str, particle_first: bool = False) -> bool:
    """Whether ``name`` reads as a person's name; with ``particle_first`` (after an honorific) it may open
    with a particle in small letters ("Mr. de Vos")."""
    tokens = name.split()
    # (A patronymic's particle lengthens a name: "Siti Nur Aishah binti Mohd Yusof".)
    if not tokens or len(tokens) > (6 if any(t in _PATRONYMICS for t in tokens[1:-1]) else 5):
        return False
    if any(t[-1] in "?!”:;\"" or ".’" in t or ".'" in t for t in tokens):
        return False  # a sentence boundary runs through it: not a name
    if any(_CONTRACTION.search(t) for t in tokens):
        return False  # "We’ve asked him …", "They’re": a pronoun and a verb
    if any(_sentence_end(t) and not lexicons.is_given_name(u) for t, u in zip(tokens, tokens[1:])):
        # "… non-GAAP. Management believes": a full stop that is no abbreviation's, and no name after it
        # ("… in Benghazi. Bob said" is cut to its name later).
        return False
    if (tokens[0].lower().strip(".,") in NOT_NAMES or tokens[0].lower() in _PREPOSITIONS) \
            and not (particle_first and len(tokens) > 1 and tokens[0] in _PARTICLES):
        return False
    # ("Said" inside a name is the Arabic name, not the verb: "Abdallah Said Mwinyi".)
    if any((t.lower() in _HEADLINE_WORDS and not (t == "an" and u.startswith("t-")) and not (t == "Said" and u[:1].isupper()))
           or t.lower() in _PREPOSITIONS for t, u in zip(tokens[1:], tokens[2:] + [""])):
        return False  # a headline in title case: "Trump Calls On Obama", "What Trump Has Said About …"
    if any(_organisation_word(t) for t in tokens):
        return False
    if _whole_place(tokens) or tokens[-1].lower().strip(".,’'") in _THOROUGHFARES:
        return False
    if len(tokens) > 1 and tokens[0].lower() in _PLACE_NAME_HEADS:
        return False  # "San Francisco", "Fort Worth", "Los Angeles": a place however the sentence reads
    if any(t.lower().strip(".,") in TITLE_WORDS and not t.endswith(".") for t in tokens):
        return False
    if tokens[-1].lower().strip(".'’") in _TITLE_ENDS and (h := _HONORIFIC_RE.match(name + " ")) and h.end() > len(name):
        return False  # "Tan Sri", "Dato' Sri": a title with the name still to come
    # (Scottish Gaelic writes "Mac an t-Saoir": an article between "Mac" and the name.)
    return all(_opens_name(t) or t in _PARTICLES or (t == "an" and k and tokens[k - 1] in ("Mac", "Nic"))
               for k, t in enumerate(tokens)) and _opens_name(tokens[-1])


def _opens_name(word: str) -> bool:
    """Whether ``word`` starts as a name's word does: a capital, perhaps after a click letter ("!Naruseb") or
    an elided particle ("d’Entremont")."""
    return word.lstrip(_CLICKS + "ʻ'‘’")[:1].isupper() or bool(_ELIDED_PARTICLE.match(word))


# The click letters Khoekhoe names open with ("!Naruseb", "ǁGaroëb"), written "!" on most keyboards.
_CLICKS = "!ǃǂǁǀ"
# "d’Entremont", "d'Souza": a particle elided onto the capitalised name it belongs to.
# (Or Scottish Gaelic's "t-" after "an": "Mac an t-Saoir".)
_ELIDED_PARTICLE = re.compile(r"(?:d['’]|t-)[A-ZÀ-Ý]")


# An honorific right before a word ("Dr. ", "Prof. Ir. Dr. "), and the rest of a name after its first word:
# one to three capitalised words or a patronymic, up to a word that is not the name's.
_HONORIFIC_END = re.compile(rf"(?:{HONORIFIC})\s+$")
# The word that opens a patronymic in Malay and Arabic names: what follows it is the father's name.
_PATRONYMIC_WORD = r"(?:bin|binti|binte|bint|ibn)"
# With the Tamil ones: "a/l", "a/p", "s/o", "d/o".
_PATRONYMIC_MARK = rf"(?:{_PATRONYMIC_WORD}|a/l|a/p|s/o|d/o)"
_PATRONYMIC = re.compile(rf"\s(?:{_PATRONYMIC_MARK}|ap)\s")
_NAME_AFTER_FIRST = re.compile(rf"(?:\s+{_PATRONYMIC_MARK})?{_NAME_PART}{{1,3}}(?=[\s,.;:)]|$)")
# A patronymic right after a given name: "Kavitha a/p Muniandy", "Ahmad bin Hashim".
_PATRONYMIC_NEXT = re.compile(rf"\s+{_PATRONYMIC_MARK}\s+[A-Z]")
# The same, whole: " bin Rosli", " a/p Muniandy".
_PATRONYMIC_AFTER = re.compile(rf"\s+{_PATRONYMIC_MARK}(?:\s+{_NAME_WORD}){{1,2}}")
_PARTICLES = frozenset("de del dela delos da di dos du della van von der den ter ten la le los las el al wa arap ole anak bin binti binte ibn a/l a/p s/o d/o ap ab ó ní uí "
                       "Ó Ní Uí".split())
# Prepositions a heading or sentence opens with ("About Salesforce", "Against Trump"), never a name's first word.
_AT_PLACE = re.compile(r"(?<![\w’'])(?:in|at|near|inside|outside|across|around)\s+$")
_PLACE_PREPOSITIONS = frozenset("at in on near to of from with by for".split())
_PREPOSITIONS = frozenset("about from into over after before against for with by within without across among amid through "
                          "under beyond despite inside outside toward towards throughout upon like unlike between "
                          "during since until regarding concerning".split())


_CONTRACTION = re.compile(r"[’'](?:ve|re|ll|d|m)$|n[’']t$", re.I)


def _sentence_end(token: str) -> bool:
    """A word of four letters or more with a full stop that is no abbreviation's ("GAAP.", "Mali.")."""
    word = token[:-1]
    return token.endswith(".") and len(word) > 3 and word.isalpha() and word.lower() not in _ABBREVIATIONS
# Abbreviations written with a full stop that do not end a sentence inside a name and title.
_ABBREVIATIONS = frozenset("prof gen sgt capt col det atty supt cmdr pres sec amb adm maj cpl ofc dep asst insp hon rev "
                           "mrs messrs rep sen gov lieut corp inc eng engr "
                           # Departments and bodies as AP style writes them ("the Dept. of Justice").
                           "dept univ assoc assn bros govt natl intl inst dist cnty mgr".split()) \
    | {state.lower() for state in lexicons.AP_STATES if "." not in state}
# What is said before a name to say what the person is: a title ("Constable"), a role in lower case written
# with a capital ("Spokesperson", "Husband").
_TITLES = TITLE_WORDS | lexicons.ROLE_TITLES | frozenset(ROLE_NOUNS_LIST) | {"co-leader", "constable"}
# Titles and "Lady"/"Gentleman" (of "First Lady"): built once, not per word looked up.
_TITLES_OR_LADY = _TITLES | {"lady", "gentleman"}
_ORGANISATION = ORG_WORDS | lexicons.ORGANISATION_WORDS
# A parenthesis that defines short names: "(“Brookfield Renewable”)", "(“Cornerstone” or “the Company”)".
_ALIAS = re.compile(r"[“\"](?:the\s+)?([A-Z][^“”\"()]{1,60}?)[”\"]")
# What stands right before a short name defined in quote marks.
_ALIAS_BEFORE = re.compile(r"[“\"](?:the\s+)?\Z")
# Where such a parenthesis may open: one scan that jumps from bracket to bracket, where a search for each
# two-character opening went through the whole release twice.
_ALIAS_OPENS = re.compile(r"\((?:“|\")")
_ALIAS_DEFINITION = re.compile(r"\(((?:(?:the\s+|or\s+|and\s+|,\s*)*[“\"][^“”\"()]{2,60}[”\"]\s*)+)\)")
# Listing parentheses between a company's name and its short name: "(TSX: BEP.UN; NYSE: BEP)".
_TICKERS = re.compile(r"\s*\((?:[A-Z][A-Za-z .-]{1,15}:\s*[A-Z0-9.\-]+(?![A-Z0-9.\-])[;,]?\s*)+\)")
_OWNER_RUN = re.compile(r"(?:[A-Z][\w&.’'-]*(?:\s+(?:of|and|&|de|du|the|for))?\s+)*[A-Z][\w&.’'-]*\.?$")
_CORPORATE_END = re.compile(r"\b(?:Inc|Corp|Co|Ltd|LLC|LLP|L\.P|LP|PLC|plc|S\.A|SA|AG|GmbH|N\.V|NV|SE|AB|ASA|Oyj|Pty)\.?$")
# An organisation's word before "of" or "for" in a run: "Association of …", "Federation for …".
_BODY_OF = re.compile(r"\b([A-Z][\w’'-]*)\s+(?:of|for)\b")
# The legal forms a company's name ends with.
_LEGAL_FORM_WORDS = ("Inc", "Corp", "Ltd", "LLC", "PLC", "plc", "Limited", "Berhad", "Bhd", "GmbH", "AG", "Pty")
_LEGAL_FORMS = rf"(?:{'|'.join(_LEGAL_FORM_WORDS)})\b"
_LEGAL_FORM = re.compile(rf"\b{_LEGAL_FORMS}")
# The same at the end of a word too: it may hold false starts, and runs several times faster.
_LEGAL_FORM_ANYWHERE = re.compile(_LEGAL_FORMS)
# A company's name before its legal form, ending there: "Brightwater Robotics, Inc.", "Sinar Kelapa Berhad".
_CORPORATE_NAME = re.compile(r"(?<![\w.])(?P<name>(?:[A-Z][\w&’'-]*\s+(?:(?:and|&)\s+)?){0,4}[A-Z][\w&’'-]*),?\s+"
                             rf"{_LEGAL_FORMS}$")


def _corporate_names(text: str) -> list[re.Match[str]]:
    """The companies' names in ``text``, looked for only in the few words before each legal form (the name
    pattern tried at every capital of a release is slow)."""
    out: list[re.Match[str]] = []
    if not any(form in text for form in _LEGAL_FORM_WORDS):
        return out  # most releases: a plain substring test is cheaper than the scan
    end = 0
    for s in _LEGAL_FORM.finditer(text):
        if s.start() < end:
            continue
        m = _CORPORATE_NAME.search(text, max(end, s.start() - CORPORATE_NAME_CHARS), s.end())
        if m:
            out.append(m)
            end = m.end()
    return out


#: Longest company name before its legal form: five words.
CORPORATE_NAME_CHARS = 120
# The functions of a business that follow a title without a joiner ("VP Exploration", "Head Sales").
_FUNCTIONS = frozenset("""exploration operations marketing sales finance engineering communications development
    research technology strategy product products legal compliance investor relations procurement logistics
    manufacturing production design innovation growth partnerships business corporate commercial clinical
    medical regulatory science sciences quality safety policy programs programmes talent hr ir pr""".split())


def _given_before(text: str, pos: int) -> bool:
    """Whether a given name, an initial or an honorific stands right before ``pos`` ("Jane Roe", "J. Roe",
    "Ms Roe"): what makes a lone capitalised word a surname rather than a company's or a place's name."""
    m = _CAP_BEFORE.search(text, max(0, pos - 40), pos)
    if not m:
        return False
    word = m.group().strip()
    low = word.rstrip(".").lower()
    # A given name with a full stop ends the sentence before: "… said chairman Brian Finn. Southcorp said".
    return (lexicons.is_given_name(word) and not word.endswith(".")) or bool(_INITIAL.fullmatch(word)) \
        or low in _GENDERED_HON or low in ("dr", "prof", "hon") or low in lexicons.ROLE_TITLES \
        or (word.endswith(".") and low in TITLE_WORDS) \
        or (low in _PARTICLES and (word.islower() or low not in _PLACE_HEADS))  # "De Blasio", not "Los Angeles"


# A common noun for an organisation or an undertaking right before a capitalised run makes the run its name.
# Kinds of business and body, besides the organisation words: as an appositive's head ("Example Ledger, a
# Singapore-based startup") or before a name in lower case ("homelessness charity Example Open Door").
_ORG_KINDS = frozenset(
    "startup start-up firm business maker manufacturer provider supplier retailer operator charity nonprofit "
    "non-profit platform brand chain lender insurer publisher broadcaster carrier utility cooperative co-op "
    "consultancy fintech subsidiary conglomerate".split())
# The same nouns, and other names of organisations, in lower case without a determiner: "Bristol homelessness
# charity Example Open Door says".
_ORG_NOUN_BARE = re.compile(r"(?:^|\s)(?:" + "|".join(sorted(
    _ORG_KINDS | {"company", "organisation", "organization", "foundation", "group", "agency", "club", "band", "label",
                  "studio", "airline"}, key=len, reverse=True)) + r")\s+$")
# "A spokesperson for Example Ferries said": the body someone speaks for, after "for" or "of".
_SPEAKS_FOR = re.compile(r"\b(?:spokes(?:person|man|woman)|representative|source)s?\s+(?:for|of|from|at)\s+(?:the\s+)?$")
# "The Office of the DPP said": the office that serves a title, no person (before a span, or opening one).
_OFFICES = r"(?:Office|Department|Ministry|Bureau|Directorate|Secretariat|Chambers)\s+of"
_OFFICE_OF = re.compile(rf"\b{_OFFICES}\s+(?:the\s+)?$")
_OFFICE_TITLE = re.compile(rf"(?:[Tt]he\s+)?{_OFFICES}\b")
_ORG_NOUN_BEFORE = re.compile(
    r"\b(?:the|el|la|los|las|le|les|die|der|das)\s+(?:program|programme|programa|organi[sz]ation|organización|"
    r"organizacion|foundation|fundación|fundacion|company|empresa|firm|group|grupo|initiative|iniciativa|campaign|"
    r"campaña|campana|project|proyecto|band|banda|show|series|app|platform|plataforma|agency|agencia|unit|unidad|"
    r"programm|stiftung|firma|gruppe|kampagne|projekt)\s+$", re.I)


# "The group that owns her music, Big Machine, says": a run set off by commas after a subject headed by one of
# those nouns names it.
_ORG_SUBJECT = re.compile(
    r"(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[a-z][\w-]*\s+){0,2}?(?:organi[sz]ation|foundation|company|firm|group|"
    r"label|initiative|campaign|project|band|agency|unit|publisher|studio|network|charity|union|outlet|startup)"
    r"(?![\w’'])(?!\s*[’']s)[^,;:\"“”]{0,80},\s+$")


def _family_name_first(word: str) -> bool:
    """Whether a capitalised word before a given name belongs to the name: not a title, a role, a sentence's
    own word, an honorific, a possessive ("Britain's"), a compound or a plural, nor an everyday word of five
    letters or more ("Victim", "Conservative"); a short one ("Tan") is often a family name written first."""
    low = word.lower().strip(",.")
    if low in _TITLES or _role_or_clause_word(word) or low.endswith(("'s", "’s", "s")) or "-" in low \
            or low in _LOWER_HONORIFICS:
        return False
    return not (lexicons.is_lowercase_word(word) and len(low) >= 5)


def _everyday_word(word: str) -> bool:
    """An everyday word, also one the word list lacks as a compound of two everyday words ("Smallholder",
    "Cattleman")."""
    low = word.lower().strip(",.")
    if lexicons.is_lowercase_word(low):
        return True
    if low.endswith("s") and len(low) > 4 and lexicons.is_lowercase_word(low[:-1]) and not lexicons.is_given_name(low):
        return True  # a plural the list lacks, as texts capitalise it in names ("Consumer Affairs", "Public Relations")
    return low.isalpha() and any(lexicons.is_lowercase_word(low[:k]) and lexicons.is_lowercase_word(low[k:])
                                 for k in range(3, len(low) - 2))


def _role_or_clause_word(word: str) -> bool:
    """A word before a name that is a role noun ("Actor", "Solicitor") or the sentence's own ("Allegedly",
    "Stabbing"), not a surname that is also a word ("Tan Wei Ming", "Long Wei")."""
    low = word.lower()
    return low in _ROLE_NOUNS or low.endswith(_AGENT_SUFFIXES) or (len(low) >= 6 and low.endswith(("ing", "ly", "ed")))


# What an appositive's head noun names when the capitalised words before it are an organisation's: "Example
# Ledger, a Singapore-based startup that …".
_ORG_HEADS = lexicons.ORGANISATION_WORDS | _ORG_KINDS
_HEAD_ENDS = re.compile(r"\s+(?:of|in|at|for|with|from|on|that|which|who|whose|to)\b.*$", re.S)


def _organisation_role(role: str | None) -> bool:
    """Whether an appositive describes an organisation by its head noun ("a Singapore-based startup that …",
    "the city's largest charity"), not a person ("a member of the board", "the bank's chief economist")."""
    if not role or not re.match(r"(?:an?|the)\s", role.strip(), re.I):
        return False  # "Jane Roe, Example Hotel Association, said": the body she speaks for
    head = _HEAD_ENDS.sub("", role.strip().split(",", 1)[0]).split()
    # A participle after the head noun ends it too: "a Colorado startup developing sodium-ion cells".
    cut = next((k for k in range(2, len(head)) if head[k].endswith("ing") and head[k].islower()), len(head))
    return bool(head) and (head[-1].lower().strip(",.") in _ORG_HEADS or head[cut - 1].lower().strip(",.") in _ORG_HEADS)


def _name_shaped(span: str) -> bool:
    """Two or three capitalised words none of which is an everyday word, a plural noun or an organisation's:
    "Ewan Kinvig" after "boat operator" reads as a person, "Example Coaches" after "Bus operator" as a body."""
    words = span.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() and not lexicons.is_lowercase_word(w) and not _plural_noun(w)
                                        and not _organisation_word(w) for w in words)


def _titled_name(text: str) -> bool:
    """A role title then a name: "Councillor Jane Roe", "Alderman John Doe MBE"."""
    first, _, rest = text.strip().partition(" ")
    return first.lower().strip(".") in lexicons.ROLE_TITLES and _person_like(lexicons.strip_post_nominals(rest),
                                                                             shape_only=True)


def _titled_or_given(span: str) -> bool:
    """Whether a capitalised run opens with a title word or a known given name ("President John Smith")."""
    first = span.split()[0].strip(",.") if span.split() else ""
    return first.lower() in _TITLES or lexicons.is_given_name(first)
# A relative clause ends a role: "General Secretary of Example Union which represents …".
_RELATIVE = re.compile(r",?\s*\b(?:who|which|that|whose|whom|where)\b.*$", re.DOTALL)
_ROLE_HONORIFIC_END = re.compile(rf"(?:,?\s+(?:the\s+)?{_ONE_HONORIFIC})+\s*$")
_ROLE_HONORIFIC_START = re.compile(rf"^(?:the\s+)?{HONORIFIC}\s+(?=[A-Z])")
# Fellowships and honours written after a name, as a part of their own: ", FRSNZ", ", OBE".
_POST_NOMINAL_PART = re.compile(r"^(?:F[A-Z]{2,6}|[A-Z]{2,5})$")


# The finite verbs that show a sentence going on, and the other modals and speech verbs a clause opens with.
_CLAUSE_VERBS = _FINITE | frozenset("may might must should shall tells added adds noted notes".split())


_ROLE_ARTICLE = re.compile(r"^(?:[Tt]he|an?|An?(?=\s+[a-z]))\s+")
_ROLE_ARTICLE_OTHER = re.compile(r"(?:el|la|los|las|le|les|l['’]|der|die|das)\s*(?<=\s|['’])(\S+)", re.I)


_AGE_PART = re.compile(r"\d{1,3}")
# A state, county or country after a town, one to three capitalised words: "Md.", "Fla", "New South Wales".
_PLACE_PART = re.compile(r"(?:[A-Z][\w.’'-]*\s+){0,2}[A-Z][\w.’'-]*")


# A sentence's opening phrase: a participle's or a preposition's ("Speaking at …", "Handing down the ruling",
# "At the launch", "In a statement").
_OPENING_PHRASE = re.compile(r"(?:[A-Z][a-z]+ing|At|In|On|During|After|Before|Following|Addressing)\s+(?:[a-z]|the\b|a\b)")


# Who is with the person, set off after the name: "…, together with Police Commissioner Jane Roe, announced".
_COMPANY = re.compile(r"(?:together with|along with|alongside|joined by|accompanied by|with)\b", re.IGNORECASE)


def _names_holder(part: str) -> bool:
    """Whether a part of an appositive names another person by title and name ("New York City Fire
    Department Commissioner Jane Roe"), which is no role of the person before it."""
    tokens = part.split()
    return any(t.lower().strip(".") in _TITLES and u[:1].isupper() and u[1:].islower() and lexicons.is_given_name(u)
               and v[:1].isupper()
               for t, u, v in zip(tokens, tokens[1:], tokens[2:]))


@lru_cache(maxsize=4096)
def clean_role(role: str | None) -> str | None:
    """A role as a person holds it: cut at a relative pronoun ("…, who undertook the study"), without a
    leading article ("the San family solicitor"), honorifics ("co-author Professor", "Senator the Hon.")
    or post-nominals (", FRSNZ"); titles of several words stay whole ("First Lady", "U.S. Senator")."""
    if not role:
        return None
    text = _RELATIVE.sub("", role.strip(" ,"))
    parts = [p.strip() for p in text.split(",")]
    # "…, Austin, will change everything": an auxiliary or a speech verb after a comma is the sentence going
    # on past the apposition.
    cut = next((k for k, p in enumerate(parts) if k and p.split(" ", 1)[0] in _CLAUSE_VERBS), len(parts))
    # "…, had told the court", "…, officially opened the gallery and said": a predicate (an auxiliary
    # opening it, a conjunction ending it before the verb) is no role; nor is where the person is from.
    cut = next((k for k, p in enumerate(parts[:cut]) if p.split(" ", 1)[0] in _FINITE
                or p.endswith((" and", " but")) or p.startswith("from ") or _COMPANY.match(p)
                or _names_holder(p)), cut)
    parts = parts[:cut]
    # An age set off after the name ("Kofi Boateng, 46,"), and the place after it ("…, 46, of Accra,"), are no
    # part of what the person is; nor is the sentence's opening phrase before the title ("Speaking at the
    # launch in Charsadda, the Trust's chairperson, …").
    home = next((k for k, p in enumerate(parts) if k and p.startswith("of ") and _AGE_PART.fullmatch(parts[k - 1])), -1)
    while home >= 0 and home + 1 < len(parts) and _PLACE_PART.fullmatch(parts[home + 1]) \
            and not any(w.lower().strip(".") in _TITLES for w in parts[home + 1].split()):
        del parts[home + 1]  # "…, 70, of Ashton, Md.,": the state or country after the town
    parts = [p for k, p in enumerate(parts) if p and not _AGE_PART.fullmatch(p) and k != home
             and not (k < len(parts) - 1 and _OPENING_PHRASE.match(p))
             and not (_POST_NOMINAL_PART.match(p) and (p.lower() in lexicons.POST_NOMINALS or p.startswith("F")))
             and not (len(p) <= 8 and p.lower().replace(".", "") in lexicons.POST_NOMINALS and "." in p)]
    text = ", ".join(parts)
    text = _ROLE_ARTICLE.sub("", text)
    m = _ROLE_ARTICLE_OTHER.match(text)
    if m and (m.group(1)[:1].islower() or m.group(1).lower().strip(",.") in _TITLES):
        text = text[m.start(1):]  # "El Fiscal de Distrito", not "Los Angeles County District Attorney"
    text = _ROLE_HONORIFIC_END.sub("", text)
    text = _ROLE_HONORIFIC_START.sub("", text)
    return text.strip(" ,") or None


@lru_cache(maxsize=4096)
def _person_like(text: str, shape_only: bool = False) -> bool:
    """Whether ``text`` reads as a person's name: two to four capitalised words, honorifics and post-nominals
    aside, with no title or organisation word in them, opening with a known given name or an initial ("Jane
    Roe", "Hon. J. Doe"); with ``shape_only``, two or three such words will do (a given name the list lacks)."""
    name = lexicons.strip_post_nominals(_HONORIFIC_RE.sub("", text.strip() + " ").strip())
    tokens = name.split()
    if not 2 <= len(tokens) <= (3 if shape_only else 4) or not _valid_name(name) \
            or any(t.lower().strip(",.") in _TITLES for t in tokens):
        return False
    # An honorific before the words vouches for them as a name ("Dr. Nusrat Jahan Ahmed").
    return shape_only or lexicons.is_given_name(tokens[0]) or bool(_INITIAL.fullmatch(tokens[0])) \
        or (text[:2] in _HONORIFIC_STARTS and _HONORIFIC_RE.match(text.strip() + " ") is not None)


def _title_like(span: str) -> bool:
    """A capitalised run that ends in what a person is ("Take It Down Act Advocate", "Example Board Chair")."""
    words = [w.lower().strip(",.") for w in span.split()]
    # "Permanent Secretary for Rural and Maritime Development": a title and the body it serves.
    head = words[: words.index("for")] if "for" in words else words[: words.index("of")] if "of" in words else words
    return bool(words) and (words[-1] in _TITLES or (len(head) < len(words) and bool(head) and head[-1] in _TITLES))


def _role_of(text: str) -> str:
    """A title phrase as a role: without the honorifics it ends in ("Minister of X, Senator the Hon." →
    "Minister of X, Senator")."""
    return _ROLE_HONORIFIC_END.sub("", text).strip(" ,")


def _gender(hon: str | None) -> str | None:
    if not hon:
        return None
    for word in hon.lower().replace(".", " ").split():
        if word in _FEMALE_HON:
            return "f"
        if word in _MALE_HON:
            return "m"
    return None


# Whether a release writes "Mr", "Ms", "Miss", "Sir", "Dame" or "Sr" anywhere (in a word too: "Mrs", "Srta"):
# patterns that open with one letter jump from that letter to the next, where six substring searches of two
# letters, or one pattern for all, went through the text several times slower.
_HONORIFIC_M = re.compile(r"M(?:r|s|iss)")
_HONORIFIC_S = re.compile(r"S(?:ir|r)")


def _comma_before(text: str, pos: int) -> bool:
    """Whether ``text[:pos]`` ends in a comma, spaces, and perhaps "the" and spaces, as every match of
    `_NAME_BEFORE_ROLE` does: a cheap test before the pattern, which tries a name at every position."""
    k = pos
    while k > 0 and text[k - 1].isspace():
        k -= 1
    if k == pos:
        return False
    if text[k - 1] == ",":
        return True
    if not text.endswith("the", 0, k):
        return False
    j = k - 3
    while j > 0 and text[j - 1].isspace():
        j -= 1
    return j < k - 3 and j > 0 and text[j - 1] == ","


def _last_words_start(text: str, start: int, end: int, n: int) -> int:
    """Where the last ``n`` runs of non-space characters in ``text[start:end]`` begin (``start`` if it holds
    no more). A match of ``_BEFORE_SURNAME`` holds four such runs at most and ends at ``end``: searched from
    there, it is the same match, found without trying every position of a longer window."""
    window = text[start:end]
    parts = window.rsplit(None, n)
    if len(parts) <= n:
        return start
    return start + window.find(parts[1], len(parts[0]))


_NAMES_SOMEONE = re.compile(r"\b(?:said|says|announced|told|according|dijo|sagte|a déclaré)\b")
_THE_END = re.compile(r"\bthe\s+$")


def _the_before(text: str, pos: int) -> bool:
    r"""Whether ``text`` has "the" and spaces right before ``pos``: ``re.search(r"\bthe\s+$", text[:pos])``,
    tried only where the spaces before ``pos`` start, not at every position of the text before it."""
    k = pos
    while k > 0 and text[k - 1].isspace():
        k -= 1
    return k < pos and _THE_END.match(text, max(0, k - 3), pos) is not None


# An honorific in brackets after a title, as Nigerian releases write a married woman's: "Chief (Mrs.) Ngozi Eze".
_PAREN_HONORIFIC = re.compile(r"(?<=[A-Za-z.] )\((Mrs|Mr|Ms|Miss|Dr|Prof|Engr|Barr)(\.?)\)(?= [A-Z])")
# "Justice (Retd) Jane Roe": a retired holder's note in brackets, no part of the name.
_PAREN_RETIRED = re.compile(r"(?<=[A-Za-z.] )\((?:Retd|Rtd|Retired|retd|rtd)\.?\)(?= [A-Z])")


# Staff- and defence-college letters Nigerian and Ghanaian officers write in small letters ("fdc", "mni").
_SMALL_LETTERS = "fdc|mni|psc|ndc|fwc|rcds|jssc"
# Post-nominals set off by commas between a name and what follows: "Hon. Jane Roe, MP, said", "John Doe,
# SAN, said", "Dr Jane Roe, OBE, FRCP, the trust's chair, said".
_COMMA_POST_NOMINALS = re.compile(
    r"(?<=[a-zà-ÿā-ž])(?:,\s+(?:" + "|".join(sorted((p.upper() for p in lexicons.POST_NOMINALS
                                                   if p not in ("jr", "sr", "ii", "iii", "iv", "phd", "dphil", "esq")),
                                                  key=len, reverse=True))
    + rf"|MPP|MNA|MPA|FRCP|FRCS|PhD|DPhil|{_SMALL_LETTERS})\b(?:\(\+\))?)+,")


_LETTERS_HINT = re.compile(rf", (?:[A-Z][A-Za-z]{{1,4}}|(?:{_SMALL_LETTERS})(?:\(\+\))?),")
_PAREN_HINT = re.compile(r"\((?:M[rsi]|Dr|Prof|Engr|Barr|R(?:etd|td|etired)|r(?:etd|td))")


# A nickname in quotes between the words of a name ('Maria Consuelo “Connie” Dela Cruz-Ramos'): no quote.
# (Of one word or two in double marks, 'Donald “Donnie Beag” MacInnes'; the name going on may be O’Dowd's.)
_NAME_GOES_ON = r"(?=\s+(?:(?:de|del|dela|delos|de los|van|von|der|den|bin|binti|ap|ab|ole|wa|arap|anak)\s+){0,2}[A-Z](?:[a-z]|['’][A-Z]))"
_INNER_NICKNAME = re.compile(r"(?<![\w’'])(?P<pre>[A-Z][\w’'.-]*\s)"
                             rf"(?:[“\"][A-Z][\w’'-]{{1,15}}(?: [A-Z][\w’'-]{{1,12}})?[”\"]|['‘]{_SINGLE_NICK}['’])"
                             + _NAME_GOES_ON)
# The same nickname found from its opening mark, without the word before it: a scan that skips to the marks,
# several times cheaper, to spare the full one most paragraphs with quotes.
_NICKNAME_MARK = re.compile(r"[“\"'‘](?<=\s[“\"'‘])(?:(?<=[“\"])[A-Z][\w’'-]{1,15}(?: [A-Z][\w’'-]{1,12})?[”\"]"
                            rf"|(?<=['‘]){_SINGLE_NICK}['’])"
                            + _NAME_GOES_ON)


def _opens_subordinate(text: str, pos: int, after_comma: bool) -> bool:
    """Whether the sentence holding ``pos`` opens with a subordinating word ("Though …"): before a comma
    anywhere, else right before ``pos`` (one word between the sentence's start and it)."""
    opening = sentence_start(text, pos)
    return (after_comma or " " not in text[opening:pos].strip()) and bool(_SUBORDINATE_AT.match(text, opening))


def _without_nicknames(text: str, spans: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
    """``spans`` less the nicknames in quotes inside names ('Ramon “Monching” dela Cruz'): no one's words."""
    # A nickname is a word or two: most paragraphs' quotes are longer.
    if not spans or not any(b - a <= NICKNAME_CHARS for a, b in spans):
        return spans
    if not _NICKNAME_MARK.search(text):
        return spans
    nicknames = {m.start() + len(m.group("pre")) for m in _INNER_NICKNAME.finditer(text)}
    return tuple(s for s in spans if s[0] not in nicknames) if nicknames else spans


#: Longest quote span read as a nickname, marks included.
NICKNAME_CHARS = 18


@lru_cache(maxsize=256)
def _without_inner_nicknames(text: str) -> str:
    """``text`` with the nicknames inside names blanked (`_blank_nickname`); the same text when it has none.
    Cached: a paragraph is read again as the context of the next."""
    return _INNER_NICKNAME.sub(_blank_nickname, text) if _NICKNAME_MARK.search(text) and _INNER_NICKNAME.search(text) \
        else text


def _blank_nickname(m: re.Match[str]) -> str:
    """The nickname blanked, the text's length kept, so that the name reads as one run."""
    return m.group("pre") + " " * (len(m.group(0)) - len(m.group("pre")))


def _blank_post_nominals(m: re.Match[str]) -> str:
    """The name's comma kept, the post-nominals blanked, the text's length kept: "Jane Roe,     said"."""
    return "," + " " * (len(m.group(0)) - 1)


def _unbracket(m: re.Match[str]) -> str:
    """The bracketed honorific without its brackets, the text's length kept (quote offsets stand)."""
    return f" {m.group(1)}{m.group(2)} "


# What a person is, all that opens a sentence before the name: "Third-generation orchardist ", "Democratic
# presidential candidate " (not "Frank quotes former …").
_DESCRIPTION_BEFORE = re.compile(r"(?!(?:As|But|And|Or|So|Yet|When|While|After|Before|If|Though|Although|Since|Because|"
                                 r"Then|Meanwhile|However|In|On|At|For|With|By|From|To|Asked|Like|Unlike)\b)"
                                 rf"(?:[A-Z][\w’'-]*\s+){{0,3}}(?:[a-z][\w’'-]*\s+){{0,2}}{_PERSON_NOUN}\s+")
# A sentence whose subject follows its verb, up to the subject: "Among those who testified was ", "Also present
# were Grade 10 student ".
# What the person is, set off by a comma before the name: "Counsel to the convict, Chief Jane Roe, pleaded …".
_SET_OFF_BEFORE = re.compile(r"[A-Z][\w’'-]*(?:\s+[\w’'-]+){1,6}?,\s+(?=[A-Z])")
_AMONG_WAS = re.compile(r"\s*(?:Among|Also (?:present|speaking|attending))\b[^.!?;:“”\"]{0,120}?\s(?:was|were)\s+"
                        r"(?:[\w’'-]+\s+){0,4}")


class Attributor:
    def __init__(self, text_of_release: str) -> None:
        self.registry = Registry()
        self.text = text_of_release
        self.context = ""  # the paragraph before the one being read, for pronouns with nobody nearer
        self.cue: tuple[int, int] | None = None  # the speech verb of the last explicit attribution found
        self._full: dict[str, str | None] = {}
        self._gender: dict[str, str | None] = {}
        self._pronoun_gender: dict[str, str | None] = {}
        self._role_holder: dict[str, str | None] = {}
        self._lower: str | None = None  # the release in lower case, for role lookups
        # Most releases use no gendered honorific at all; then no surname needs looking up ("Mrs" holds "Mr",
        # "Sra" and "Srta" hold "Sr"). Scanned for on the first lookup (`gender_of`).
        self._honorifics: bool | None = None
        self._org_aliases: frozenset[str] | None = None
        self._role_acronyms: dict[str, str] | None = None

    def org_aliases(self) -> frozenset[str]:
        """The short names the release defines for organisations, folded: "Brookfield Renewable Partners L.P.
        (NYSE: BEP) (“Brookfield Renewable”)", "Example Resources Inc. (“Example” or “the Company”)"."""
        if self._org_aliases is None:
            aliases: set[str] = set()
            if _ALIAS_OPENS.search(self.text):
                for m in _ALIAS_DEFINITION.finditer(self.text):
                    window = self.text[max(0, m.start() - 160):m.start()].rstrip(" ,")
                    before = _TICKERS.sub("", window).rstrip(" ,")
                    owner = _OWNER_RUN.search(before)
                    if owner and (before != window or lexicons.is_organisation(owner.group(0))
                                  or _CORPORATE_END.search(owner.group(0))):  # a ticker, or a company's name
                        aliases.update(a.lower() for a in _ALIAS.findall(m.group(1)))
            # "Brightwater Robotics, Inc. (NASDAQ: BWRX)": a company's name, and its first word, which the
            # release may call it by ("Brightwater said it would …"), unless that is a given name.
            for m in _corporate_names(self.text):
                name = m.group("name")
                aliases.add(name.lower())
                # "Coral Power and Light Ltd", then "Coral Power said": the words before the joiner, if more
                # than one ("Dorvillier & Company" is named after a person, who may be "Dorvillier").
                head = re.split(r"\s+(?:and|&)\s+", name)[0]
                if head != name:
                    if " " in head:
                        aliases.add(head.lower())
                    continue
                first = name.split()[0]
                if " " in name and not lexicons.is_given_name(first) and not lexicons.is_lowercase_word(first):
                    aliases.add(first.lower())
            self._org_aliases = frozenset(aliases)
        return self._org_aliases

    def is_org_alias(self, name: str) -> bool:
        """Whether ``name`` is one of `org_aliases`. Where the release writes it is looked at first: a short
        name stands before a legal form, or in quote marks, and for most names neither holds there, which
        spares the release-wide scan."""
        key = name.lower()
        if self._org_aliases is None:
            if self._lower is None:
                self._lower = self.text.lower()
            if len(self._lower) == len(self.text):  # (lower case that adds characters moves every offset)
                pos = self._lower.find(key)
                while pos >= 0:
                    after = pos + len(key)
                    if _LEGAL_FORM_ANYWHERE.search(self.text, after, after + CORPORATE_NAME_CHARS + 12) \
                            or _ALIAS_BEFORE.search(self.text, max(0, pos - 40), pos):
                        break
                    pos = self._lower.find(key, pos + 1)
                else:
                    return False
        return key in self.org_aliases()

    def acronym_holder(self, acronym: str) -> Person | None:
        """An acronym the release never spells out: the one person whose role's last words it abbreviates,
        a letter or two of the body before them ("the PPRO" for "the Command's Public Relations Officer, SP
        Adebola Ogunleye")."""
        if not 2 <= len(acronym) <= 6:
            return None
        holders = {id(p): p for p in self.registry.people if p.role and _abbreviates(acronym, p.role)}
        return next(iter(holders.values())) if len(holders) == 1 else None

    def rank_holder(self, rank: str) -> Person | None:
        """The one person named with ``rank`` before the name, which opens the role ("CP, The Commissioner of
        Police" for "The Commissioner of Police, CP Jane Roe"); an organisation's acronym stands elsewhere."""
        holders = {id(p): p for p in self.registry.people
                   if p.role and p.role.split(",", 1)[0].strip() == rank}
        return next(iter(holders.values())) if len(holders) == 1 else None

    def role_acronyms(self) -> dict[str, str]:
        """Short names the release defines for roles, by their initials: "the Police Public Relations Officer
        (PPRO)" → {"PPRO": "Police Public Relations Officer"}, "Commissioner of Police (CP)"."""
        if self._role_acronyms is None:
            found: dict[str, str] = {}
            for a in _ACRONYM_IN_BRACKETS.finditer(self.text) if "(" in self.text else ():
                m = _ROLE_ACRONYM_WORDS.search(self.text, max(0, a.start() - ROLE_WORDS_CHARS), a.start())
                words = m.group("words").split() if m else []
                for k in range(len(words)):
                    run = words[k:]
                    if run[0][:1].isupper() and "".join(w[0] for w in run if w[:1].isupper()) == a.group("acr") \
                            and any(w.lower() in _TITLES for w in run):
                        # A person holds it: named right after ("(PPRO), SP Benjamin Hundeyin"). Without
                        # one, the acronym is often the office's ("the OCDA asserted in its lawsuit").
                        holder = _ACRONYM_HOLDER.match(self.text, a.end())
                        if holder and (holder.group("hon") or lexicons.is_given_name(holder.group("span").split()[0])):
                            found[a.group("acr")] = " ".join(run)
                        break
            self._role_acronyms = found
        return self._role_acronyms

    def full_name(self, surname: str) -> str | None:
        """The fullest form the release gives a surname ("Guyger" → "Amber Guyger"), None when it gives
        none or two different people share it. Looked up per surname, when needed: most releases never
        ask, and a release-wide index of names cost more than all other rules together."""
        key = surname.lower()
        if key in self._full:
            return self._full[key]
        best: str | None = None
        for pos in self._occurrences(surname):
            if (after := _NEXT_WORD.match(self.text, pos + len(surname))) and (
                    _organisation_word(after.group(1)) or _plural_noun(after.group(1).rstrip("’'"))):
                continue  # "Essequibo Coast Rice Farmers’ Association": a body's word, no name's last
            m = _BEFORE_SURNAME.search(self.text, _last_words_start(self.text, max(0, pos - 120), pos, 4), pos)
            if not m:
                continue
            words = _NICKNAME.sub("", " " + m.group(1)).split()
            for k in range(len(words) - 1, -1, -1):
                w = words[k]
                if w.endswith(".") and len(w) > 2 and w[:-1].isalpha() and w[:-1].lower() not in _ABBREVIATIONS \
                        and w[:-1].lower() not in _GENDERED_HON:
                    words = words[k + 1:]  # "… in Santa Ana. Aguilera left": a sentence ends before the surname
                    break
            if not words:
                continue
            title, name = _split_span(_strip_lead(" ".join(words) + " " + surname))
            if name[:2] in _HONORIFIC_STARTS and (h := _HONORIFIC_RE.match(name)):
                name = name[h.end():]  # "Assoc Prof Lim", "Ratu Josefa": a title before one word of a name
            elif " " in name and (h := _INNER_HONORIFIC.search(name)):
                name = name[h.end():]  # "Guest-of-Honour Mr Tan": the words before the honorific are a title
            if not name or len(name.split()) < 2 or not _valid_name(name):
                continue
            if lexicons.is_place(name.split()[0]) and not lexicons.is_given_name(name.split()[0]):
                continue  # "… ambassador to Britain Liu Xiaming": a place before a surname written first
            if patronymic := _PATRONYMIC_AFTER.match(self.text, pos + len(surname)):
                name += patronymic.group(0)  # "Muhammad Faris bin Rosli" for "Mr Faris": his given name
            if best is None or len(name) > len(best):
                if best is not None and not set(speaker_key(best).split()) <= set(speaker_key(name).split()):
                    best = None  # two people share the surname: never expand it
                    break
                best = name
            elif not set(speaker_key(name).split()) <= set(speaker_key(best).split()):
                best = None
                break
        self._full[key] = best
        return best

    def name_written_first(self, word: str, anywhere: bool = False) -> str | None:
        """The full name a release gives, after an honorific, to a person it then calls by the name's first
        word: a family name written first ("Dr. Wong Kah Yee" … "Dr. Wong explained") or a name with a
        patronymic ("Dr. Norazlina binti Che Mat" … "Prof. Norazlina said"); with ``anywhere``, with or without
        an honorific before it (a knight's given name: "Edward Heath" … "Sir Edward said"). None when it gives
        none, or two."""
        found: set[str] = set()
        for pos in self._occurrences(word):
            if not anywhere and not _HONORIFIC_END.search(self.text, max(0, pos - 12), pos) \
                    and not _PATRONYMIC_NEXT.match(self.text, pos + len(word)):
                continue  # (a patronymic after the word marks a given name without an honorific: "Kavitha a/p …")
            m = _NAME_AFTER_FIRST.match(self.text, pos + len(word))
            if m and not any(_organisation_word(w) or w.lower() in _TITLES or w.lower() in _THOROUGHFARES
                             for w in m.group(0).split()):
                found.add(f"{word}{m.group(0)}".strip())
        return found.pop() if len(found) == 1 else None

    def role_holder(self, role: str) -> Person | None:
        """The one person the release names with ``role`` anywhere, as "First Lady Melania Trump", "Minister
        of Finance Jane Roe" or "Jane Roe, the Minister of Finance": "the First Lady thanked …" is hers though
        she never spoke before. None when the release gives the role to nobody or to two people; "the club
        captain" is looked for as "captain" when the release names nobody so (its body's kind dropped)."""
        found = self._role_holder_of(role)
        words = role.lower().strip(" ,").split()
        if found is None and len(words) > 1 and words[0] in lexicons.ORGANISATION_WORDS:
            found = self._role_holder_of(" ".join(w for w in words if w not in lexicons.ORGANISATION_WORDS))
        if found is None and len(words) > 1 and words[-1] in _TITLES and role.strip(" ,")[:1].isupper() \
                and not _ROLE_MODIFIER_BEFORE.search(" ".join(words[:-1]) + " "):
            # "B.C.'s Fairness Commissioner said" in a lead that names her later as "Commissioner Jane Roe":
            # the title's head word, where the release gives it to one person only.
            # (Only where the title stands bare before the name: a "Cabinet Secretary Jane Roe" is not the
            # "Principal Secretary".)
            found = self._role_holder_of(words[-1], bare=True)
        return found

    def _role_holder_of(self, role: str, bare: bool = False) -> Person | None:
        key = role.lower().strip(" ,")
        if not any(w.strip(",.()") in _TITLES or w in ("lady", "gentleman") for w in key.split()):
            return None  # "the OECD", "LAPD": an organisation, not a person's role
        cached = " " + key if bare else key
        if cached in self._role_holder:
            return self.registry.find(self._role_holder[cached]) if self._role_holder[cached] else None
        found: set[str] = set()
        if self._lower is None:
            self._lower = self.text.lower()
        low = self._lower
        pos = low.find(key) if len(key) > 2 else -1
        while pos >= 0 and len(found) < 6:
            end = pos + len(key)
            if (pos == 0 or not low[pos - 1].isalnum()) and (end >= len(low) or not low[end].isalnum()) \
                    and not _ROLE_MODIFIER_BEFORE.search(low, max(0, pos - 12), pos) \
                    and not (bare and (_QUALIFIER_BEFORE.search(self.text, max(0, pos - 40), pos)
                                       or self.text[end:end + 30].split(None, 1)[0].lower() in _TITLES)):
                # The name after the role first; the one before it is searched for only if that gives none.
                for after in (True, False):
                    if after:
                        # The acronym the release gives the role may stand between: "Commissioner of Police
                        # (CP), Mr. Idowu Owohunwa".
                        acr = _ACRONYM_AFTER.match(self.text, end)
                        at = acr.end() if acr else end
                        m = _ROLE_COMMA_NAME.match(self.text, at) or _ROLE_THEN_NAME.match(self.text, at)
                    elif key in lexicons.OFFICE_POST_NOMINALS:
                        # "Juan Kermode MHK has written": the office's letters after the holder's name.
                        m = _NAME_BEFORE_LETTERS.search(self.text, max(0, pos - 80), pos)
                    else:
                        m = _NAME_BEFORE_ROLE.search(self.text, max(0, pos - 80), pos) \
                            if _comma_before(self.text, pos) else None
                    # A title written before names as a style ("Justice Jane Roe") vouches for the name's shape.
                    name = self._holder_name(m, styled=after and key in lexicons.ROLE_TITLES and m is not None
                                             and not self.text[at:m.start("span")].strip())
                    if not name and after and (m is None or not m.group("hon")):
                        m = _ROLE_THEN_HONORIFIC.match(self.text, at)
                        name = self._holder_name(m)
                    if name:
                        found.add(speaker_key(name) + "\t" + name)
                        break
            pos = low.find(key, end)
        if not found and key in _ROLE_STYLES:
            # "the judge said" of a judge the release named "Justice Jane Roe" (the title, not "justice for …").
            style, styled = _ROLE_STYLES[key]
            names = {lexicons.strip_post_nominals(m.group("span")) for m in styled.finditer(self.text)}
            if len(names) == 1:
                name = names.pop()
                self._role_holder[cached] = name
                return self.registry.resolve(name, style, None)
        # A headline's next word may cling to the name ("First Lady Jane Roe Applauds …"): the shortest name
        # found is the person when every other one starts with it.
        names = sorted({f.split("\t")[1] for f in found}, key=len)
        base = speaker_key(names[0]).split() if names else []
        if not names or any(speaker_key(n).split()[:len(base)] != base for n in names):
            self._role_holder[cached] = None
            return None
        name = names[0]
        self._role_holder[cached] = name
        return self.registry.resolve(name, role.strip(" ,"), None)

    def _holder_name(self, m: re.Match[str] | None, styled: bool = False) -> str:
        """The name a role-holder match gives, when it reads as a person's (``styled``: after a title that
        styles a name, in shape); "" otherwise."""
        name = _split_span(lexicons.strip_post_nominals(m.group("span")))[1] if m else ""
        poss = [k for k, t in enumerate(name.split()) if t.endswith(_POSSESSIVE)]
        if poss:  # "First Lady Jane Roe’s Roundtable": the name ends at its possessive
            name = " ".join(name.split()[: poss[0] + 1])[:-2]
        # An honorific before it makes a name of words no list knows ("Hon. Ratu Josaia Niuvaka"); a name cut at
        # a surname's "St." ("Trevor St. Hill-Callender") is none.
        if m and 2 <= len(name.split()) <= 4 and not name.endswith(" St") and _valid_name(name) and (
                _person_like(name, shape_only=styled) or self.registry.find(name) is not None or m.group("hon")):
            return name
        return ""

    def gender_of(self, surname: str) -> str | None:
        """A gender the release gives a surname with an honorific ("Mrs Maguire")."""
        key = surname.lower()
        if key not in self._gender:
            self._gender[key] = None
            if self._honorifics is None:
                self._honorifics = "Dame" in self.text or _HONORIFIC_M.search(self.text) is not None \
                    or _HONORIFIC_S.search(self.text) is not None
            for pos in () if not self._honorifics else self._occurrences(surname):
                m = _HONORIFIC_BEFORE.search(self.text, max(0, pos - 60), pos)
                if m:
                    self._gender[key] = _gender(m.group(1))
                    break
        return self._gender[key]

    def _guess_gender(self, person: Person) -> None:
        """A gender from the pronouns the release uses of someone whose name and honorifics give none."""
        words = person.name.split()
        if person.gender is None and (len(words) == 1 or (lexicons.is_given_name(words[0])
                                                          and lexicons.given_name_gender(words[0]) is None)):
            person.gender = self.pronoun_gender(words[-1].strip(",."))

    def pronoun_gender(self, surname: str) -> str | None:
        """The gender of the first pronoun in the sentences ``surname`` opens as their subject ("Swift got
        support …, after they tried to stop her …"), when all agree: for names the census gives no gender."""
        key = surname.lower()
        if key not in self._pronoun_gender:
            votes = {"f": 0, "m": 0}
            for pos in self._occurrences(surname)[:8]:
                start = max(sentence_start(self.text, pos), self.text.rfind("\n", 0, pos) + 1)
                head = self.text[start:pos].split()
                if len(head) > 1 or (head and not (lexicons.is_given_name(head[0])
                                                   or head[0].lower().endswith("-year-old"))) \
                        or self.text.startswith(_POSSESSIVE, pos + len(surname)):
                    continue  # not the sentence's subject ("Pham’s father … his daughter")
                m = _BREAK.search(self.text, pos, pos + 300)
                rest = self.text[pos + len(surname): m.start() if m else pos]
                if "\n" in rest or _QUOTE_CHAR.search(rest):
                    continue  # a headline (no full stop), or words of someone else's
                word = _GENDERED.search(rest)  # the first pronoun after a subject is most often its own
                if word:
                    votes["f" if word.group().lower() in ("she", "her", "hers", "herself") else "m"] += 1
            self._pronoun_gender[key] = ("f" if votes["f"] and not votes["m"] else
                                         "m" if votes["m"] and not votes["f"] else None)
        return self._pronoun_gender[key]

    def _occurrences(self, word: str) -> list[int]:
        """Where ``word`` stands as a whole word in the release (str.find: far cheaper than a regex scan)."""
        out: list[int] = []
        pos = self.text.find(word)
        while pos >= 0 and len(out) < 50:
            end = pos + len(word)
            if (pos == 0 or not self.text[pos - 1].isalnum()) and (end >= len(self.text) or not self.text[end].isalnum()):
                out.append(pos)
            pos = self.text.find(word, end)
        return out

    def _person(self, hon: str | None, span: str, role: str | None) -> Person | None:
        span = given = span.strip()
        described = False
        if span.lower().startswith("the "):
            span = span[4:]
            described = True
        described_as = span
        if " of " in span and (org := _OF_ORGANISATION.match(span)) and len(org.group("head").split()) >= 2 \
                and org.group("org").split()[-1].lower() in lexicons.ORGANISATION_WORDS:
            # "Executive Mayor Cllr Nosipho Jacobs of the Gamkaberg District Municipality": the body she
            # belongs to goes with her role.
            span = org.group("head")
            role = f"{role}, {org.group('pp')}" if role else org.group("pp")
        if span.isupper() and hon is None and (expanded := self.role_acronyms().get(span)):
            # "the PPRO said": the person the release named with the role the acronym stands for.
            return self.registry.by_role(expanded) or self.role_holder(expanded)
        if described and span.isupper() and hon is None and (person := self.acronym_holder(span)):
            return person
        if described and span.isupper() and hon is None and (person := self.rank_holder(span)):
            return person  # "the CP said": the one person named with that rank ("CP Ibrahim Danjuma Kwarra")
        if described and span.isupper() and span.lower() in lexicons.ROLE_TITLES:
            # "the MP revealed": a title that is also a post-nominal, which would be stripped as one; the
            # release may have named the holder "the Member of Parliament for Example".
            office = lexicons.OFFICE_POST_NOMINALS.get(span.lower())
            return self.registry.by_role(span) or self.role_holder(span) or (
                self.registry.by_role(office) or self.role_holder(office) if office else None)
        if span.split(None, 1)[0].lower() in _PARTICLES and " " in span:
            # "De los Santos-Whitfield said": a surname opening with a particle, opening its sentence (the full
            # name the release gave, whether or not it has spoken yet).
            lowered = span[0].lower() + span[1:]
            if known := self.registry.find(lowered):
                return known
            # (Only where the release writes it so: "Ó Loingsigh" keeps its capital, and full_name's answers are
            # kept by the surname in small letters.)
            if lowered in self.text and (full := self.full_name(lowered)) and lexicons.is_given_name(full.split()[0]):
                return self.registry.resolve(full, role, _gender(hon))
        if not (span[:1].islower() and span.split(None, 1)[0] in _PARTICLES):
            span = _strip_lead(span)  # (a particle in small letters opens a surname: "Mr. de Vos")
        if hon is None and span[:2] in _HONORIFIC_STARTS and (h := _HONORIFIC_RE.match(span)):
            hon, span = h.group(0), span[h.end():]  # "Mr. Ryan" read as one capitalised run
        inner_title = None
        if hon is None and " " in span and (h := _INNER_HONORIFIC.search(span)):
            # "Executive Mayor Cllr Jane Roe", "Union Minister for Example Works Shri Jane Roe": the honorific
            # opens the name; the words before it are the role (with the honorific when it is a title too).
            hon = h.group("hon")
            word = hon.strip(" .").lower()
            inner_title = span[: h.start()].strip(" ,") + (f" {hon.strip()}" if word in _TITLES else "")
            span = span[h.end():]
        # Letters after the name ("John Doe AO", "Jane Roe MP") are no part of it.
        span = lexicons.strip_post_nominals(span)
        first, _, rest = span.partition(" ")
        if rest and first.endswith(("’s", "'s")):
            span = rest  # "Florida’s Rick Wilson"
        title, name = _split_span(span)
        if inner_title:
            title = f"{inner_title} {title}" if title else inner_title
        if name.endswith(("’s", "'s")):
            name = name[:-2]  # "Hillary Clinton’s campaign slogan is …"
        name = name.rstrip("’")  # "Sanders’ comments"
        if role and not hon and not title and _organisation_role(role) and self.registry.find(name) is None:
            return None  # "Example Ledger, a Singapore-based startup, announced": a company
        role = clean_role(role)
        # (A role that names an office of its own, "Chairman of the Electoral Commission", stands without
        # the rank or style before the name.)
        if title and role and not any(w.lower().strip(",.()") in _TITLES for w in role.split()):
            role = f"{title}, {role}"
        elif title and not role:
            role = clean_role(title)
        if not name:
            if not title or not any(w.lower().strip(",.()") in _TITLES_OR_LADY
                                    for w in title.split()):
                return None  # "NASA announced": an organisation, not a role someone holds
            if _OFFICE_TITLE.match(title):
                return None  # "The Office of the DPP said": the office, not the one who holds the title
            return self.registry.by_role(title) or self.role_holder(title)
        if " " not in name and _whole_place([name]):
            # "Israel" for Steve Israel: a place's name is a surname where the release gives it with a given name.
            known = self.registry.find(name)
            full = known.name if known else self.full_name(name)
            if full and " " in full:
                return self.registry.resolve(full, role, _gender(hon))
        if not _valid_name(name, particle_first=name[:1].islower() and self._particle_surname(hon, title, given, name)):
            # "Larry O’Connor on Hot Air": the words after a joiner are a place or an outlet.
            tokens = name.split()
            cut = next((k for k, t in enumerate(tokens) if t in ("on", "of", "in", "for", "at", "and")), 0)
            if cut and tokens[cut] == "and" and any(_organisation_word(t) for t in tokens[cut:]):
                return None  # "City Environment and Natural Resources Office": one body's name
            name = " ".join(tokens[:cut])
            if not cut or not _valid_name(name):
                return None
        if hon is None and not title and " " in name and name.rsplit(None, 1)[1].lower() in lexicons.PLACES \
                and not lexicons.is_given_name(name.split()[0]) and name.split()[0].lower() not in _PEERAGE \
                and self.registry.find(name) is None:
            # "Consumer Voice Uganda has asked …", "Cyswllt Cymru": a body named for its country ("Baroness
            # Scotland" is a peer's title).
            return None
        if not hon and self.registry.find(name) is None and self.is_org_alias(name):
            return None  # the short name the release gave a company, not a person named so before
        if title and not hon and (" of " in title or " for " in title):
            body = [m for m in _BODY_OF.finditer(title) if _organisation_word(m.group(1))]
            # Title words count before the body's "of" only: "Office of Public Prosecutions" is a body, "Director
            # of Public Prosecutions Roe" a title and a surname.
            head = re.split(r"\s(?:of|for)\s", title, maxsplit=1)[0]
            if body and not any(w.lower().strip(",.") in _TITLES or w.lower().strip(",.") in _ROLE_NOUNS
                                for w in head.split()) and not any(lexicons.is_given_name(t) for t in name.split()):
                return None  # "The Association of Delivery Platforms Singapore said": one body's name
        if title and " " not in name and self.registry.find(name) is None \
                and not any(w.lower().strip(",.") in _TITLES for w in title.split()):
            return None  # "Air Example", "Example Holdings": an organisation's name, not a title and a surname
        tokens = name.split()
        if not hon and len(tokens) > 1 and self.registry.find(name) is None \
                and not any(lexicons.is_given_name(t) for t in tokens) \
                and all(lexicons.is_lowercase_word(t) for t in tokens):
            return None  # "Age Concern", "Legal Support Assistants": everyday words, nobody's name
        if not hon and len(tokens) > 1 and not title and self.registry.find(name) is None \
                and any(_plural_noun(t) for t in tokens[1:]) and not lexicons.is_given_name(tokens[0]):
            # "Atlantic Isles Ferries", "Tolbooth Arts Scotland": a body named for what it does ("Highland Forest
            # Estates": a given name inside it is no first name).
            return None
        if described and not title:
            # "the Wisconsin Republican said": a description, good only for someone already named so, and as
            # the head of their role ("the Sabha said" is not its secretary, "Sabha secretary").
            person = self.registry.by_role(name)
            last = name.lower().split()[-1]
            if person is not None and name == described_as and last not in _TITLES and last not in _ROLE_NOUNS \
                    and (person.role or "").lower().replace(",", " ").split()[-1:] != [last]:
                person = None
            return person or self.role_holder(name)
        gender = _gender(hon) or self.gender_of(name.split()[-1].strip(",."))
        if len(name.split()) == 1 and name.lower() in lexicons.ORGANISATION_WORDS:
            return None  # "the Gamkaberg District Municipality": an organisation's last word, no surname
        if len(name.split()) == 1 and len(name) > 5 and name.lower().endswith("s") and name.lower()[:-1] in _TITLES:
            return None  # "The Ramsey and Northern District Commissioners": a body of title holders
        # (A surname with its particle is one: "Ó Loingsigh", "de Vabres".)
        if (len(name.split()) == 1 or (name[:2] in ("Ó ", "Ní", "Uí") and name.count(" ") == 1)
                or all(t in _PARTICLES for t in name.split()[:-1])) and self.registry.find(name) is None:
            full = self.full_name(name) or self.name_written_first(name)
            if not full and hon:
                # A title before the first word of one person's name: a family name written first ("Assoc Prof
                # Lim" for "Lim Wei Ming"), or a given name styled so ("Ratu Josefa" for "Josefa Vakaloloma").
                key = name.lower()
                named = [p for p in self.registry.people if len(p.name.split()) > 1 and p.name.lower().split()[0] == key]
                full = named[0].name if len(named) == 1 else None
                if not full and _styles_given_name(hon):
                    full = self.name_written_first(name, anywhere=True)
            if full and not hon and " " in full and not lexicons.is_given_name(full.split()[0]) \
                    and all(lexicons.is_lowercase_word(t) for t in full.split()):
                return None  # "Director of Human Resources": a department's everyday words, nobody's name
            if full:
                name = full
            elif not hon and not (title and title.split()[-1].lower().strip(",.") in _TITLES) \
                    and not any(_given_before(self.text, pos) for pos in self._occurrences(name)) \
                    and not self._lone_given_name(name):
                # A lone capitalised word is a person only if the release names someone so elsewhere, or it
                # is a given name the pronouns after it agree with ("Bob said he …"; "Dell said it …" is not).
                return None
        return self.registry.resolve(name, role, gender)

    def _particle_surname(self, hon: str | None, title: str | None, span: str, name: str) -> bool:
        """Whether ``name``, opening with a particle in small letters, is a surname: right after an honorific or
        a title, the particles the only small words of the ``span`` read ("Mr. de Vos", "Mayor de Blasio"; not
        "… del Condado de Dallas"), or where the release gives it after a given name ("Maria Elena de la
        Garza-Whitfield")."""
        tokens = name.split()
        if len(tokens) < 2 or tokens[0] not in _PARTICLES:
            return False
        after_title = bool(hon and not title) or bool(title and title.split()[-1].lower().strip(",.") in _TITLES)
        if after_title and [t for t in span.split() if t[:1].islower()] == tokens[:-1]:
            return True
        full = self.full_name(name)
        return bool(full) and lexicons.is_given_name(full.split()[0])

    def _lone_given_name(self, name: str) -> bool:
        """A given name alone that names a person: the pronouns after it agree with it ("Amira … She said")."""
        gender = lexicons.given_name_gender(name)
        return bool(gender) and not lexicons.is_place(name) and self.pronoun_gender(name) == gender

    def _pronoun(self, pronoun: str, text: str, pos: int) -> Person | None:
        """He/she: the person standing as a sentence subject earlier in the paragraph, else the last one
        named before it there (outside quotes), else a sentence subject of the previous paragraph, else the
        last speaker of that gender, else the last person of that gender named in the previous paragraph.
        In the previous paragraph, someone known to be of that gender comes before someone of no known one.
        The previous paragraph's people are read (and so registered) whether or not they are needed: a name
        met there is what a later surname alone resolves to."""
        gender = "f" if pronoun.lower() == "she" else "m"
        candidates = self._named_before(text, pos)
        before = list(reversed(self._mentions(self.context)))
        for person in candidates + self.registry.recent + [p for _, p in before]:
            self._guess_gender(person)
        person = next((p for p in candidates if p.gender in (None, gender)), None)

        def of_gender(group: list[Person]) -> Person | None:
            return next((p for p in group if p.gender == gender), None) \
                or next((p for p in group if p.gender is None), None)

        if person is None:
            person = of_gender([p for subject, p in before if subject])
        if person is None and len(named := {id(p): p for _, p in before}) == 1 \
                and self.registry.recent and (only := next(iter(named.values()))) is self.registry.recent[-1] \
                and self._gender_guessed(only):
            # "Nana Kwabena Amoako-Darko … said … “…,” he declared": the pronoun outweighs a guess from the
            # list of given names ("Nana" is mostly a woman's there) about the one person just named, who
            # spoke last (before an earlier speaker of the pronoun's gender: "Tama" is mostly a woman's name
            # in the list, a man's in Māori).
            person = only
            person.gender = gender
        if person is None:
            person = self.registry.recent_of(gender) or of_gender([p for subject, p in before if not subject])
        if person is not None:
            person.gender = person.gender or gender
        return person

    def _gender_guessed(self, person: Person) -> bool:
        """Whether a person's gender came from the list of given names only, not from an honorific."""
        words = person.name.split()
        return len(words) > 1 and person.gender is not None and person.gender == lexicons.given_name_gender(words[0]) \
            and self.gender_of(words[-1].strip(",.")) is None

    def _named_before(self, text: str, pos: int) -> list[Person]:
        """The people named in ``text`` before ``pos``, latest first: sentence subjects, then everyone."""
        mentions = self._mentions(text[:pos])
        return [p for subject, p in reversed(mentions) if subject] + [p for _, p in reversed(mentions)]

    def _referent(self, text: str, pos: int) -> Person | None:
        """Who "the 56-year-old" is: the last sentence subject before it in the paragraph, else the last
        person named there, else the previous paragraph's last sentence subject."""
        candidates = self._named_before(text, pos)
        if candidates:
            return candidates[0]
        return next((p for subject, p in reversed(self._mentions(self.context)) if subject), None)

    def _mentions(self, text: str) -> list[tuple[bool, Person]]:
        """People named in ``text`` outside quotes, in order, with whether each opens a sentence."""
        out: list[tuple[bool, Person]] = []
        if "“" in text or '"' in text or "'" in text or "‘" in text:
            text = _without_inner_nicknames(text)  # 'Mohamed ‘Mode’ Naseem': one name
        spans = quote_mask(text)
        for m in _MENTION.finditer(text):
            if _inside(spans, m.start()):
                continue
            span = m.group("span")
            title, name = _split_span(_strip_lead(span))
            name = _NICKNAME.sub("", name).removesuffix("’s").removesuffix("'s")
            if not name or not _valid_name(name) or _the_before(text, m.start()):
                continue  # "the Bangkok Film Market" is a thing, not a person
            if not m.group("hon") and _SAINT_BEFORE.search(text, max(0, m.start() - 30), m.start()):
                continue  # "St. Charles Lwanga Parish": a church or place named after a saint
            if any(w.endswith(("’s", "'s")) for w in name.split()[:-1]):
                continue  # "Marsy’s Law", "Children's Hospital": a thing named after someone
            if not m.group("hon") and _AT_PLACE.search(text, max(0, m.start() - 8), m.start()) \
                    and not span.endswith(_POSSESSIVE):
                continue  # "the ceremony in Char Fasson upazila": a place, no one a pronoun stands for
            if not m.group("hon") and _PLACE_LIST_HINT.search(text, max(0, m.start() - 80), m.start()) \
                    and (p := _PLACE_LIST.search(text, max(0, m.start() - 80), m.start())) \
                    and (not p.group().rstrip().endswith(",") or _LIST_GOES_ON.match(text, m.end())):
                # "clinics in Ayr, Home Hill, Giru and Clare": the places listed after "in" ("… in Costa Mesa,
                # Ongamsing-Jenkins reported" is a sentence's subject after its opening phrase)
                continue
            if len(name.split()) == 1 and not (self.registry.find(name) or self.full_name(name) or (
                    m.group("hon") and self.name_written_first(name, anywhere=_styles_given_name(m.group("hon")))) or (
                    # A given name alone opening its sentence, set off by a comma ("Seventeen-year-old Amira, from
                    # Bradford, …"), when the pronouns after it agree.
                    text.startswith(",", m.end()) and _sentence_opening(text, m.start())
                    and self._lone_given_name(name))):
                continue
            if (after := _AND_TITLE.match(text, m.end())) and any(
                    w.lower() in _TITLES for w in after.group(1).split()):
                continue  # "Social Development and Employment Minister Steve Maharey": a portfolio's words
            before = text[: m.start()].rstrip()
            lead = span[: len(span) - len(_strip_lead(span))].strip().lower()
            subject = lead not in _PLACE_PREPOSITIONS and (not before or before[-1] in ".!?:;" or _opener_before(before)
                                                           or (bool(_CONJUNCTION_OPENS.search(before, max(0, len(before) - 12)))
                                                               and not span.endswith(_POSSESSIVE)) or (
                # "Though she called it “outrageous”, Clinton restricted …": the main clause's subject; "Though
                # Ms. Roe has spent …": the subordinate clause's
                (before[-1] == "," or before[-1:].isalpha()) and _opens_subordinate(text, m.start(), before[-1] == ",")))
            # (A name after a preposition opening the sentence is its object: "At Example School in the Karoo, …".)
            # A sentence that puts its subject after the verb ("Among the volunteers was Grade 10 student Jane
            # Roe, 16, who …") is about that person as much as one that opens with the name.
            if not subject and before and before[-1:].islower():
                # "Third-generation orchardist Ken Roe, whose family …": a description of the person, all that
                # stands before the name in its sentence.
                opening = sentence_start(text, m.start())
                opening += len(text[opening:m.start()]) - len(text[opening:m.start()].lstrip())
                subject = bool(_DESCRIPTION_BEFORE.fullmatch(text, opening, m.start()))
            subject = subject or (("Among " in before or "Also " in before)
                                  and bool(_AMONG_WAS.fullmatch(text, sentence_start(text, m.start()), m.start())))
            person = self._person(m.group("hon"), name, None)
            if person is not None:
                out.append((subject, person))
        return out

    def explicit(self, text: str, verb_spans: list[tuple[int, int]] | None = None) -> Person | None:
        """The person an attribution inside ``text`` names, if any. ``verb_spans``: its speech verbs, when
        already found."""
        self.cue = None
        # Cheap tests first: most paragraphs hold neither a bracketed honorific nor letters set off by commas.
        if "(" in text and _PAREN_HINT.search(text):
            text = _PAREN_RETIRED.sub(lambda m: " " * len(m.group(0)), _PAREN_HONORIFIC.sub(_unbracket, text))
        if ", " in text and _LETTERS_HINT.search(text):
            text = _COMMA_POST_NOMINALS.sub(_blank_post_nominals, text)
        if "“" in text or '"' in text or "'" in text or "‘" in text:
            text = _without_inner_nicknames(text)
        spans = quote_mask(text)
        verbs = [(a, b) for a, b in (_verb_spans(text) if verb_spans is None else verb_spans) if not _inside(spans, a)
                 # Spanish "se declaró culpable" pleads; "Parise said", "Rose said" speak.
                 and not _after_se(text, a)
                 and not (text.startswith("continu", a) and _NOT_SPEECH_AFTER.match(text, b)
                          and not _AFTER_QUOTE.search(text, max(0, a - 4), a))
                 and not (text.startswith("hope", a) and _NOT_HOPE_AFTER.match(text, b))
                 and not (text.startswith("post", a) and _POSTED_BAIL.match(text, b))
                 and not (text.startswith("agree", a) and _AGREED_THING.match(text, b))
                 and not (text.startswith("add", a) and _ADDED_THING.match(text, b)
                          and not _AFTER_QUOTE.search(text, max(0, a - 4), a))
                 and not (text.startswith(("declar", "décla"), a) and _DECLARED_THING.match(text, b))
                 and not (text.startswith("den", a) and _not_denial(text, a, b))
                 and not (text.startswith("accuse", a) and _not_accusing(text, a, b))
                 and not (text.startswith("alleg", a) and (not _ALLEGED_THAT.match(text, b)
                                                           or _PASSIVE_BEFORE.search(text, max(0, a - 24), a)))
                 and not (text.startswith("appeal", a) and b - a <= 8 and not _APPEAL_TO.match(text, b))
                 # A passive: "the result was announced", "it was said that" speak for no subject.
                 and not (text[a - 3:a] in ("as ", "re ", "en ", "ng ") and _BE_BEFORE.search(text, max(0, a - 20), a))
                 and not _not_a_verb_here(text, a, b)]
        # In a paragraph with quotes, the attribution next to a quote speaks it; other verbs may report
        # someone else in passing ("EgyptAir also confirmed …; “…,” Mariam Emara told CNN").
        near = [v for v in verbs if _near_quote(text, spans, *v)] if spans else []
        # Nearest of all: an attribution right against its quote ('D’Souza replied, “…”', '“…,” said X') speaks
        # it, before a verb earlier in the sentence that reports someone else ('After Beck asked …, D’Souza …').
        close = [v for v in near if _against_quote(text, spans, *v)]
        for a, b in close + [v for v in near if v not in close] + [v for v in verbs if v not in near]:
            if text[max(0, a - 3):a].rstrip().endswith(",") and _INVERTED_END.match(text, b):
                # "… arrested Jane Doe, 32, of Main St., said Lt. John Roe, police spokesman.": the name after
                # the verb speaks, not the last name before the comma.
                person = self._after_verb(text, a, b) or self._before_verb(text[:a], text, a)
            else:
                person = self._before_verb(text[:a], text, a) or self._after_verb(text, a, b)
            if person:
                self.cue = (a, b)
                return person
        m = _JUDGE_FOUND.search(text) if "Justice" in text or "Judge" in text or "Magistrate" in text \
            or "Ombuds" in text or "Coroner" in text or "Commissioner" in text or "General" in text else None
        if m and not _inside(spans, m.start()):
            # "In a judgment delivered on Friday, Lady Justice Jane Roe found that …": what a judge finds is said.
            person = self._person(m.group("hon"), m.group("span"), m.group("title"))
            if person:
                return person
        m = _DASH_SIGNED.search(text) if spans and ("―" in text or "—" in text or "–" in text or "-" in text) else None
        if m and not m.group("span").endswith(_POSSESSIVE):
            person = self._person(m.group("hon"), m.group("span"), m.group("role"))
            if person:
                return person
        m = _QUOTE_VERB_NAME.search(text) if spans else None
        if m:
            person = self._person(m.group("hon"), m.group("span"), None)
            if person:
                return person
        m = _QUOTE_THEN_NAME.search(text) if spans else None
        if m:
            if m.group("pron"):
                person = self._pronoun(m.group("pron"), text, m.start("pron"))
            else:
                person = self._person(m.group("hon"), m.group("span"), None)
            if person:
                return person
        if text.endswith(":") and len(text) < 80 and (m := _VERB_COLON_LINE.match(text)) \
                and m.group("verb").lower() in _VERB_ALONE:
            person = self._person(m.group("hon"), m.group("span"), None)
            if person:
                return person
        if not spans and _colon_predicate_line(text) and (m := _COLON_PREDICATE.search(text, 0, len(text.rstrip()) - 1)):
            # "Board President Jane Roe put it simply:": the next paragraph's quote is hers; "The General
            # Manager of the Union, Mr. Jane Roe, put the matter bluntly:": the name set off after the role.
            person = self._person(m.group("hon"), m.group("span"), None)
            if person is None and m.group("off") and (off := _SET_OFF_NAME.fullmatch(m.group("off").strip())):
                person = self._person(off.group("hon"), off.group("span"), m.group("span"))
            if person:
                return person
        if not spans and _colon_predicate_line(text) and (m := _ROLE_SET_OFF_PREDICATE.match(text.rstrip()[:-1])):
            person = self._person(m.group("hon"), m.group("span"), m.group("role"))
            if person:
                return person
        if spans:
            # Each pattern is end-anchored and searched in a short window before its cue: a colon, or a
            # participle just before a quote opens.
            cues = [(c, p) for c in _COLON_AT.finditer(text) for p in (_COLON_QUOTE, _COLON_PREDICATE)] \
                if ":" in text else []
            for cue, pattern in ((_PARTICIPLE_AT, _PARTICIPLE), (_CALLING_AT, _CALLER)):
                cues += [(c, pattern) for a, _ in spans if (c := cue.search(text, max(0, a - 100), a))]
            for c, pattern in cues:
                m = pattern.search(text, max(0, c.start() - (320 if pattern is _COLON_PREDICATE else 160)), c.start())
                if m is None and pattern is _CALLER and c.group("obj").strip() and c.group().startswith(("called", "calls")) \
                        and text[:c.start()].rstrip().endswith(",") \
                        and (person := self._before_verb(text[:c.start()], text, c.start())):
                    # "Chief Jane Roe, who leads the co-operative, called the judgment ‘a victory’": the subject
                    # with what is set off after it (a comma before the verb), as for a speech verb.
                    return person
                if m and _verb_in_description(m):
                    continue
                if m and pattern is _CALLER and not c.group("obj").strip() \
                        and not text[max(0, m.start() - 6):m.start()].rstrip().endswith("what"):
                    continue
                if not m or _inside(spans, m.start("span")) \
                        or _addressee(text, m.start("span"), narrow=pattern not in (_COLON_QUOTE, _COLON_PREDICATE)) \
                        or m.group("span").split()[0].lower() in NOT_NAMES:
                    continue  # "On Local Law Enforcement (LLE): “…”" heads a topic
                person = self._person(m.group("hon"), m.group("span"), None)
                if person:
                    return person
        for m in _SAYING_THAT.finditer(text) if _SAYING_WORD.search(text) else ():
            # "Browns DL Sheldon Richardson, however, decided to weigh in …, saying that Rudolph should …": the
            # participle's subject is the sentence's, named where the sentence opens.
            if _inside(spans, m.start()):
                continue
            start = sentence_start(text, m.start())
            start += len(text[start:m.start()]) - len(text[start:m.start()].lstrip())
            if (_SUBORDINATE.match(text, start) or _PLACE_PHRASE_OPENS.match(text, start)) \
                    and 0 <= (comma := text.find(", ", start, m.start())):
                # "While Jane Doe was away, Chong is accused of …, claiming that …", "In Lagos, Jane Roe …"
                start = comma + 2
            if _PASSIVE.search(text, start, m.start()):
                continue  # "Jane Roe was sentenced … by Judge John Doe, noting that …": not the subject's words
            # The subject opens the sentence, perhaps after what the person is ("Defence counsel Mr. Jane Roe
            # pleaded for leniency, arguing that …").
            described = _DESCRIPTION_BEFORE.match(text, start) or _SET_OFF_BEFORE.match(text, start)
            for at in (start, described.end()) if described else (start,):
                head = _SENTENCE_SUBJECT.match(text, at)
                if head and head.start("span") < m.start():
                    person = self._person(head.group("hon"), head.group("span"), None)
                    if person:
                        return person
        for m in _ACCORDING.finditer(text) if "ccording" in text else ():
            if not _inside(spans, m.start()):
                role = m.group("role")
                if role and role.split(None, 1)[0] in ("his", "her", "their", "its"):
                    role = None  # "According to Swift, her former label Big Machine, …": the clause's subject
                person = self._person(m.group("hon"), m.group("span"), role)
                if person:
                    return person
        for m in _ACCORDING_ROLE.finditer(text) if "ccording to the" in text else ():
            # "…, according to the governor.": the person the release names with that role.
            role = self.role_acronyms().get(m.group("role"), m.group("role"))
            if _inside(spans, m.start()):
                continue
            if role.isupper():
                person = self.acronym_holder(role)
            elif role.rsplit(None, 1)[-1].lower() in _TITLES:
                person = self.registry.by_role(role) or self.role_holder(role)
            else:
                person = None
            if person:
                return person
        for m in _ACCORDING_PRONOUN.finditer(text) if "ccording to h" in text else ():
            if not _inside(spans, m.start()):
                # "According to him, 84 per cent …": the man or woman the pronoun stands for.
                return self._pronoun("she" if m.group("pron") == "her" else "he", text, m.start())
        return None

    def names_someone(self, text: str) -> bool:
        """Whether ``text`` reports what a named person said or did ("Jane Roe said …"): narration, not the
        words of a statement's author."""
        return bool(_NAMES_SOMEONE.search(text))

    def quote_subject(self, text: str) -> Person | None:
        """The subject of the sentence holding a quote, when it is a person ('Trump has hailed … as “…”')."""
        # Every match ends at an opening quote mark: the text after the last one is left unsearched.
        end = max(text.rfind("“"), text.rfind('"')) + 1
        m = _QUOTE_SUBJECT.search(text, 0, end) if end else None
        if m and not _inside(quote_mask(text), m.start("span")):
            if _SPEAKS_FOR.search(text, max(0, m.start("span") - 40), m.start("span")) \
                    and not _titled_or_given(m.group("span")):
                return None  # "A spokesperson for Example Ferries said the company “…”": the body spoken for
            return self._person(m.group("hon"), m.group("span"), None)
        if "’s " in text or "'s " in text:
            for m in _POSSESSIVE_SPEECH.finditer(text) if _SPEECH_NOUN.search(text) else ():
                if m.group("span").endswith(_POSSESSIVE) and not _inside(quote_mask(text), m.start("span")):
                    return self._person(m.group("hon"), m.group("span"), None)
        return None

    def _before_verb(self, prefix: str, text: str, pos: int, depth: int = 0, relative: bool = False) -> Person | None:
        # Each pattern is anchored at the verb but searched forwards, so the text it sees is kept short:
        # a subject sits within a few words of its verb, an appositive role within a long sentence.
        near = prefix[-160:]
        if _agent_before(near) and (m := _DESCRIBED.search(near[-60:])):
            role, _, last = m.group("role").rpartition(" ")
            # "the judge further held": an adverb in -er ends the match, not the role.
            role = role if role and last in _ADVERB_WORDS else m.group("role")
            # Before anyone has spoken, only a title's holder ("the judge said"), not a party's ("the defendant
            # admitted"), is looked for in the release.
            if self.registry.people or role.rpartition(" ")[2].lower() in lexicons.ROLE_TITLES:
                person = self.registry.by_role(role) or self.role_holder(role)
                if person:
                    return person
        if not (_CAPITAL_LETTER.search(near) or _HE_SHE_WORD.search(near)):
            return None
        last12 = near[-12:]
        m = _PRONOUN.search(last12) if "he" in last12 or "He" in last12 else None
        if m:
            return self._pronoun(m.group("pron"), text, pos)
        if ("'s " in near[-70:] or "’s " in near[-70:]) and (m := _WRITING_OF.search(near[-90:])):
            # "Mr Tanzi's statement said": the writing speaks for its author.
            person = self._person(m.group("hon"), m.group("span"), None)
            if person:
                return person
        if "-year-old" in near[-50:] and _AGED.search(near[-50:]):
            return self._referent(text, pos)  # "The 56-year-old said": the person the story is about
        if _HE_SHE.search(near, len(near) - 40) and (m := _BARE_PRONOUN.search(near[-40:])):
            # He or she with adverbs before the verb ("He has consistently denied"), opening a clause, or
            # after a fronted time or place phrase ("In a post at the time she described …").
            at = len(near) - len(near[-40:]) + m.start("pron")
            before = prefix[: len(prefix) - len(near) + at].rstrip()
            if not before or before[-1] in ",;:(.!?\"”“—–" or _fronted_adverbial(near, at) \
                    or _CONJUNCTION_OPENS.search(before):
                return self._pronoun(m.group("pron"), text, pos)
        tail = prefix[-300:]
        end = near.rstrip()[-1:]
        # The word before the verb: a subject ends in a capitalised word, a bracket or an adverb, a compound
        # predicate in "and" or an adverb.
        last = near.rsplit(None, 1)[-1] if near.strip() else ""
        adverb = last in _ADVERB_WORDS or last.endswith(("ly", "day"))
        # Each pattern only where its punctuation is: cheap tests that spare most regex scans.
        # The second name stands right before the verb, as a subject does (the same cheap test as _SUBJECT's).
        if " and " in near[-120:] and end not in ",;:" and (adverb or last[:1].isupper()) \
                and (m := _COORDINATED.search(near[-120:])) \
                and not m.group("span").endswith(_POSSESSIVE) and _valid_name(_split_span(m.group("other"))[1] or "-") \
                and (m.group("hon") or _split_span(m.group("span"))[1]) \
                and not _INNER_HONORIFIC.search(m.group("other")) \
                and not _portfolio_list(near[-120:], m):
            # (A list of a title's portfolios: "Minister for Water, Regional Development and Drought Resilience
            # Jane Roe" is one title and one person.)
            # "Jane Roe and John Doe say …": one speaker per paragraph, so the first person named, whom the
            # sentence puts first; "Example Holdings and Jane Roe" is nobody's. "Co-founder and chief officer
            # Jane Roe" and "Minister for Roads and Example Works Shri Jane Roe" name one person.
            person = self._person(m.group("hon"), m.group("span"), None)
            if person:
                return person
        for pattern, with_role in _SUBJECT_PATTERNS:
            if not _may_match(pattern, near, tail, end, last, adverb):
                continue
            # A subject is a name and title of at most a dozen words: 120 characters hold it.
            window = tail if with_role or pattern is _DASHED else near[-120:]
            m = pattern.search(window, _subject_start(window) if pattern is _SUBJECT
                               else _appositive_start(window) if pattern is _APPOSITIVE else 0)
            if m and pattern is _APPOSITIVE and not m.group("hon") and m.group("span").lower() in _OPENERS:
                # "However, fish trader Jane Roe, 52, told …": the sentence's opening word set off by its comma
                # is no name; the appositive is the one after it.
                m = pattern.search(window, m.end("span"))
            if m and pattern is _COMPOUND and " " not in m.group("span") and lexicons.is_lowercase_word(m.group("span")) \
                    and not window[m.end("span"):].split(None, 1)[0].endswith(("ed", "ly", "s")):
                # "Law enforcement is arresting … but say": a noun phrase's first word, no name ("Kitchen briefly
                # addressed the court and apologized" is Kitchen's)
                continue
            if m and _verb_in_description(m):
                continue  # "Roe praised evangelist John Doe, who …": a verb, not what Doe is
            if m and with_role and _ROLE_VERB.search(_role_head(m.group("role"))):
                continue  # a clause with its own verb is no appositive
            if m and with_role and m.group("role").rstrip().endswith((", and", ", but")):
                continue  # "The report criticises Jane Roe, for failing …, and recommends": the report's verb
            if m and with_role and not window.startswith(",", m.end("role")) and _OWN_SUBJECT_END.search(m.group("role")):
                # "Jane Roe, 58, who lost money after callers told her …": the verb has a subject of its own,
                # in the clause the conjunction opens.
                continue
            if m and with_role and (body := _BODY_SUBJECT.search(m.group("role"))) \
                    and body.group(1).lower() in lexicons.ORGANISATION_WORDS:
                continue  # "… in Ayr, Home Hill, Giru and Clare during the holidays, the club announced": the body speaks
            if m and with_role and any(_sentence_end(t) and u[:1].isupper()
                                       for t, u in zip(m.group("role").split(), m.group("role").split()[1:])):
                continue  # "Parise, 35, had scored … stretch. Wild defenseman Suter …": two sentences, no role
            if m and not with_role and m.group("span").endswith(_POSSESSIVE) \
                    and not (pattern is _SUBJECT and text[pos:pos + 12].split()[0].endswith("ed")):
                # "Donald J. Trump's remarks", "Hudson’s family … said": the possessive is not the speaker
                # ("Burke’s concluded", a slip for "Burke concluded", still is).
                continue
            seen = (tail if with_role or pattern is _DASHED else near[-120:])[:m.start("span")] if m else ""
            if m and not m.group("hon") and not (with_role and _AGE_FIRST.match(m.group("role"))) and (
                    ((_ORG_NOUN_BEFORE.search(seen) or _SPEAKS_FOR.search(seen) or _OFFICE_OF.search(seen)
                      or (_ORG_NOUN_BARE.search(seen) and not _name_shaped(m.group("span"))))
                     and not _titled_or_given(m.group("span")))
                    or (seen.endswith(", ") and _ORG_SUBJECT.match(seen, sentence_start(seen, len(seen) - 1)))):
                # "El programa Achieve Inspire Motivate …", "the campaign Stop Now": a thing's name; "the company
                # President John Smith said" is a person's.
                continue
            if m and pattern is _SUBJECT and m.group("span")[:4].lower() == "the " \
                    and window[max(0, m.start() - 4):m.start()].endswith(" of ") \
                    and not any(lexicons.is_given_name(t) for t in m.group("span").split()[1:]):
                continue  # "Chief Jane Roe of the Mission Creek Indian Band said": a body, the object of "of"
            if m and pattern is _SUBJECT and _OF_SET_OFF.search(window, max(0, m.start() - 10), m.start()):
                continue  # "Jane Roe, 63, of Kampung Paya Luas said": the place she is from, set off after her name
            if m and pattern is _SUBJECT and (p := _PREPOSITION_BEFORE.search(window, max(0, m.start() - 12), m.start())) \
                    and not (relative and p.group().split()[0] in ("by", "with")):
                continue  # "scientists using a telescope atop Mauna Kea have confirmed": the object of a preposition
            if m:
                role = m.group("role") if with_role else None
                if with_role and _AGE_FIRST.match(role) and clean_role(role) is None and m.group("desc"):
                    role = m.group("desc")  # "Commercial driver Kofi Boateng, 46, who …, said"
                hon, span = m.group("hon"), m.group("span")
                if role and _CIRCUMSTANCE.match(role):
                    role = None  # when or where, not what the person is
                if role and (rel := _COMMA_RELATIVE.search(role)):
                    role = role[:rel.start()]  # "…, Hon. Jane Roe, who also spoke, said": the clause is no title
                titled = ((hon or "") + " " + span).strip()
                article = _ARTICLE.match(titled)
                named = role.strip(" ,") if role else ""
                head, _, after = named.rpartition(",")
                if head and not hon and span.lower() in NOT_NAMES and _HONORIFIC_RE.match(after.strip() + " "):
                    # "Meanwhile, the ministry's Director-General, Datuk Jane Roe, said": an opener, then the
                    # title and the name set off by commas.
                    named = titled = span = after.strip()
                    role, article = _role_of(head.strip()), None
                elif head and not hon and (_title_like(span) or article) and not _ROLE_VERB.search(head) \
                        and (_HONORIFIC_RE.match(after.strip() + " ") or _titled_name(after.strip())):
                    # "The Minister of Tertiary Education, Research, Science and Technology, Honourable Dr Jane
                    # Roe, told": the title's portfolios run on past its commas, and the name is the last part.
                    role = _role_of((titled[article.end():] if article else titled) + ", " + head.strip())
                    named = titled = span = after.strip()
                    article = None
                if role and not _person_like(titled) and (
                        _person_like(role.split(" of ", 1)[0])  # "Dr. Jane Roe of the Department …"
                        or ((_title_like(span) or article) and _person_like(role, shape_only=True))
                        or (_title_like(span) and _HONORIFIC_RE.match(named + " "))
                        # "Mayor of Example Shores, Councillor Jane Roe, said": a title before the name
                        or (_title_like(span) and _titled_name(named))):
                    # "Take It Down Act Advocate, Jane Roe, said", "Minister of X, Hon. John Doe, said": of a
                    # title phrase and a name in apposition, the person is the part that looks like a name. An
                    # article takes a title, never a name: "The State Commandant, Musa Bello, said".
                    hon, span, role = None, role.strip(" ,"), _role_of(titled[article.end():] if article else titled)
                # What is set off after the name may be no role ("…, had told", "…, from Ayr,"): then, as where
                # nothing is, the words before the name are looked at.
                bare = not role or (pattern is _APPOSITIVE and clean_role(role) is None)
                before = window[:m.start("hon") if m.group("hon") else m.start("span")]
                if pattern in (_SUBJECT, _APPOSITIVE) and bare and _agent_before(before[-120:]):
                    lead = _LOWER_ROLE.search(before, max(0, len(before) - 60))
                    if lead and lead.group("last").lower() not in NOT_NAMES:
                        # "Chiefs wide receiver Jane Roe said"; a sentence opener before it is no part of it.
                        role = _strip_lead(lead.group("role").strip())
                        bare = False
                if pattern in (_SUBJECT_COMMA, _SUBJECT, _APPOSITIVE) and bare:
                    # "Chief Executive Officer (Acting) of Example Authority, Jane Roe, added", "The Commandant
                    # of the Corps, Alhaji Jane Roe, who …, said": the title phrase that opens the sentence before
                    # the name is the role.
                    role = _title_phrase_before(before[-120:], capitalised=pattern is _SUBJECT) or role
                person = self._person(hon, span, role)
                if person:
                    return person
        if depth < MAX_PLACE_PHRASES and (m := _TRAILING_PP.search(near)) \
                and m.group("head").lower().strip(".,") not in _TITLES \
                and m.group("pp").rsplit(None, 1)[-1] not in ("was", "were", "is", "are", "be", "been", "being"):
            # (A "be" before the verb makes it passive: "Jane Roe of Cathedral City was identified as …".)
            # "Detective Sergeant Amy Chow of the Property Crimes Unit said": the phrase that places the person
            # stands between her name and the verb; without it (and the age set off before it: "Jane Roe, 74, of
            # Soweto") the subject is found.
            cut = m.start("age") if m.group("age") else m.start("pp")
            person = self._before_verb(prefix[: len(prefix) - len(near) + cut].rstrip() + " ", text, pos, depth + 1,
                                      relative=relative)
            if person or not near.rstrip().endswith(","):
                return person
            # Set off by a comma, the phrase may end a relative clause instead ("…, who was visiting Manhattan
            # from South Carolina, told"): the rules below read it.
        if depth < MAX_PLACE_PHRASES and near.rstrip().endswith(",") \
                and (m := _TRAILING_BODY.search(near, max(0, len(near) - 100))) \
                and (m.group("body").split()[-1].lower() in lexicons.ORGANISATION_WORDS
                     # "Jane Roe of Example Girls' School, Kollam, said": the body's town, set off after it.
                     or (len(m.group("body").split()) <= 2 and (pp := _TRAILING_PP.search(near[:m.start()]))
                         and pp.group("pp").split()[-1].lower() in lexicons.ORGANISATION_WORDS)):
            # "Dr. Jane Roe of the Department of X, Example University, said": the body set aside, the phrase
            # that places her is, and then her name is found.
            return self._before_verb(prefix[: len(prefix) - len(near) + m.start()].rstrip() + " ", text, pos,
                                     depth + 1)
        if depth < MAX_PLACE_PHRASES and near.rstrip().endswith(",") \
                and (m := _TRAILING_DESCRIPTION.search(near, max(0, len(near) - 100))) \
                and not _ROLE_VERB.search(m.group("np")) and _TRAILING_PP.search(near[:m.start()]):
            # "Jane Roe of the Example Colony, the community nearest the wells, said": the phrase set off after
            # the one that places her describes her or her body; set aside, her name is found.
            return self._before_verb(prefix[: len(prefix) - len(near) + m.start()].rstrip() + " ", text, pos,
                                     depth + 1)
        if depth < MAX_PLACE_PHRASES and " as " in near[-90:] and (m := _KNOWN_AS.search(near)):
            # "Jane Roe, known to her regulars as “Ah Roe”, said": the nickname set aside, her name is found.
            return self._before_verb(prefix[: len(prefix) - len(near) + m.start()].rstrip() + " ", text, pos,
                                     depth + 1)
        if depth < MAX_PLACE_PHRASES and " by " in near[-150:] and (m := _LED_BY.search(near)):
            # "The prosecution, led by Senior Counsel Jane Roe, told the court": a side in court speaks through
            # the counsel who leads it.
            person = self._before_verb(m.group("who") + " ", text, pos, depth + 1)
            if person:
                return person
        if depth < MAX_PLACE_PHRASES and "who" in near[-30:] and (m := _WHO_SUBJECT.search(near, len(near) - 30)) \
                and (_WHO_CONTENT.match(text, pos + len(verb := text[pos:].split(None, 1)[0]))
                     # (After "said", "added", "noted" any clause is what was said: "…, who said the council
                     # would help".)
                     or (verb.lower() in _SAID_VERBS and _CLAUSE_AFTER.match(text, pos + len(verb)))):
            # "The case was prosecuted by Jane Roe, SAN, who told the court that …": the relative pronoun is
            # the verb's subject, and the name it follows speaks, an agent's ("by", "with") as well; so does
            # a name with a description set off after it ("… is Jane Roe, a nurse from Iloilo, who said …").
            cut = m.start()
            if (d := _TRAILING_APPOSITIVE.search(near, max(0, cut - 90), cut)) and not _ROLE_VERB.search(d.group("np")) \
                    and _NAME_END.search(near, max(0, d.start() - 40), d.start()):
                cut = d.start()
            return self._before_verb(prefix[: len(prefix) - len(near) + cut].rstrip() + " ", text, pos,
                                     depth + 1, relative=True)
        if depth < MAX_PLACE_PHRASES and ("who" in near[-130:] or "which" in near[-130:]) \
                and (m := _TRAILING_RELATIVE.search(near)) \
                and not (m.group().split(None, 2)[1] == "which" and _UNNAMED_OPENING.search(near, 0, m.start())):
            # (Not after an unnamed subject: "A spokesperson for Example Homes, which manages …, said".)
            # "Jane Roe of the Example Municipality, who attended the ceremony, said", "Jane Roe, chair of the
            # Example Forum, which is co-hosting the screenings, said": the relative clause set aside, the
            # phrase that places her is, and then her name is found; failing that, with the comma that set the
            # clause off ("Jane Roe of Example School, Kollam, who …, told": the school's town set off before it).
            at = len(prefix) - len(near) + m.start()
            return self._before_verb(prefix[:at].rstrip() + " ", text, pos, depth + 1) or (
                self._before_verb(prefix[:at + 1] + " ", text, pos, depth + 1)
                if _TRAILING_BODY.search(prefix, max(0, at - 100), at + 1) else None)
        return None

    def _after_verb(self, text: str, start: int, end: int) -> Person | None:
        head = text[:start].rstrip()
        # Only right after a quote ('…," said NAME', '…", dijo'), or opening a paragraph ("said X.") that
        # a page export split from its quote.
        # (British single marks too, after the punctuation that closes a quote: "…,' said X", "…?’ asked X".)
        if head and not head.endswith((",\"", ",”", "”", "\"", ".\"", ".”", "?\"", "?”", "!\"", "!”", "\",", "”,", "“,", "“",
                                       ",'", ",’", ".'", ".’", "?'", "?’", "!'", "!’", "',", "’,")):
            if head.endswith(",") and (m := _INVERTED.match(text, end)):
                return self._person(m.group("hon"), m.group("span"), None)
            if head.endswith(",") and (m := _INVERTED_END.match(text, end)):
                # "The bill is flawed, says Jane Roe, the party's spokesperson.": the words before are hers.
                return self._person(m.group("hon"), m.group("span"), m.group("role"))
            return None
        rest = text[end:]
        m = _AFTER_VERB_PRONOUN.match(rest)
        if m:
            return self._pronoun(m.group("pron"), text, start)
        m = _AFTER_VERB_TAIL.match(rest)
        if m and (first := _NAME_THEN_ROLE.match(m.group("role"))) \
                and _valid_name(named := _HONORIFIC_RE.sub("", first.group(1)).strip()) \
                and not any(w.lower().strip(",.") in _TITLES for w in (_split_span(named)[0] or "").split()):
            m = None  # 'said (Ms) Jane Roe, Pastor of Example Church': the name comes first, the role after it
        elif m and len(words := m.group("role").split()) >= 3 and lexicons.is_given_name(words[0]) \
                and words[1][:1].isupper() and words[-1] in ("for", "at", "of", "with", "from") and not m.group("art"):
            m = None  # 'wrote Cameron Easley for Example Consult': a name, then where the person works
        if m and not _NOT_ROLE.search(m.group("role")) and (
                m.group("art") or any(w[:1].islower() for w in m.group("role").split()) or "," in rest[:m.start("span")]
                or any(w.lower().strip(",.") in _TITLES for w in m.group("role").split())):
            role, span = m.group("role").strip(" ,"), m.group("span")
            for _ in range(2):  # "said president Maria Consuelo Dela Cruz": two given names
                *head, last = role.split()
                # A given name the list lacks only after a title or an agent noun ("said founder Nusrat …", not
                # "para los Angels Matt Bennett").
                unlisted = bool(head) and _unknown_name_word(last) and (
                    head[-1].lower() in _TITLES or (head[-1].islower() and head[-1].endswith(_AGENT_SUFFIXES)))
                if not (head and not m.group("hon") and (lexicons.is_given_name(last) or unlisted)
                        and last[:1].isupper() and len(span.split()) < 4 and last.lower() not in _TITLES
                        and not lexicons.is_place(last)
                        and not _JOINER_RE.fullmatch(head[-1])):  # "Fiscal del Condado de Dallas John Creuzot"
                    break
                role, span = " ".join(head), f"{last} {span}"  # "said the writer John Milo Ford": his first name
            person = self._person(m.group("hon"), span, role)
            if person:
                return person
        m = _AFTER_VERB_NOUN.match(rest)
        if m:
            person = self._person(m.group("hon"), m.group("span"), m.group("role"))
            if person:
                return person
        m = _AFTER_VERB_ROLE.match(rest)
        if m and not m.group("role")[:1].isupper():
            person = self._person(m.group("hon"), m.group("span"), m.group("role"))
            if person:
                return person
        m = _AFTER_VERB.match(rest)
        if m:
            return self._person(m.group("hon"), m.group("span"), m.group("role"))
        return None


# A sentence end, not the full stop of an abbreviation or an initial ('…,” Mr. Ryan said', 'Rep. G.K. Butterfield').
# The punctuation first, then the look-behinds: they run only where a full stop is.
_BREAK = re.compile(r"[.!?](?<![A-Z].)(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr|Lt)\.)(?<!\b(?:Mrs|Sen|Rep|Del|Gov|Gen|Col|Sgt)\.)\s")


# "Trump continues his adulation of Putin", "she continued to work": an object, not words, follows.
_NOT_SPEECH_AFTER = re.compile(r"\s+(?:his|her|their|its|the|a|an|to|on|with|working|[a-z]{3,}ing"
                               r"|en|con|su|sus|el|la|los|las|siendo|[a-z]{3,}ndo)\b")
# "declared a state of emergency", "declaró el estado de emergencia": an act of office, not words.
_DECLARED_THING = re.compile(
    r"\s+(?:(?:a|an|the|el|la|un|una|le|l['’]|den|die|der|das|einen|eine)\s*)?(?:local\s+|national\s+|public\s+)?"
    r"(?:state|estado|état|emergency|emergencia|urgence|notstand|war|guerra|guerre|disaster|desastre|holiday|"
    r"bankruptcy|quiebra|winner|ganador|independence|martial)\b", re.IGNORECASE)
# "Jane Roe hopes to win": a wish, not words; "hopes that …", "hopes his gift will …" report a stance.
_NOT_HOPE_AFTER = re.compile(r"\s+(?:to|for)\b")
# "posted a $300,000 bond", "posted bail", "posted a net profit of …": money, not words.
_POSTED_BAIL = re.compile(r"\s+(?:(?:a|an|the|his|her|their|its)\s+)?(?:\$?[\d,.]+(?:\s+(?:million|thousand))?\s+)?"
                          r"(?:cash\s+|net\s+|record\s+|pre-tax\s+|pretax\s+)?"
                          r"(?:bond|bail|profits?|loss(?:es)?|revenues?|earnings|results|gains?|growth)\b")
# "agreed a deal", "agreed to pay", "agreed terms": an act, not words ("agreed that …" is said).
_AGREED_THING = re.compile(r"\s+(?:a|an|to|terms|on\s+a|in\s+principle)\b")
# "She has added images of warships", "added a new route": a thing added, not words.
_ADDED_THING = re.compile(r"\s+(?:a|an|the|his|her|their|its|our|some|more|new|extra|another|\d[\d,.]*|"
                          r"to\s+(?:his|her|their|its|the|a|an)|[a-z]{3,}s\s+(?:of|and|for))\b"
                          # … unless a clause follows: "added the government would review it" reports.
                          r"(?!(?:\s+[\w’'-]+){0,4}?\s+(?:would|will|was|is|had|has|could|should|must|were|are|can|"
                          r"may|might|did|does)\b)")
# A verb right after a quote, inverted: '“…,” added his campaign manager', '“…”, continuó el Fiscal'.
_AFTER_QUOTE = re.compile(r"[\"”’»],?\s*$|,\s*[\"”’»]\s*$")
# What makes a verb form a noun ("his hopes", "Tory comments", "the defendant's claims") or an infinitive
# or a modal's complement ("to warn drivers", "would argue"): not speech a person gave.
_NOUN_BEFORE = re.compile(r"(?:\b(?:his|her|their|its|our|my|your|the|a|an|any|no|all|these|those|whose|of|and|"
                          r"to|will|would|could|should|may|might|can|must|not)|['’]s|s['’])\s+$", re.IGNORECASE)
_BASE_FORMS = frozenset("say add note warn urge stress explain argue agree insist claim".split())
_PLURAL_NOUNS = frozenset("hopes remarks comments claims regrets vows pledges notes adds answers thanks".split())


# "He denied being unfair", "denies that …", "denied the allegations": a denial someone voiced.
_DENIAL_OBJECT = re.compile(r"\s+(?:that|being|having|any|all|it|ever|wrongdoing|involvement|knowledge|responsibility|"
                            r"(?:the|these|those|such|his|her|their)\s+(?:[a-z]+\s+)?(?:allegations?|claims?|"
                            r"accusations?|charges?|reports?|rumou?rs?|suggestions?))\b")
# "He alleged that …"; "appealed to residents not to …" (to no court or tribunal; "appealed for" is a phrase).
# (A circumstance may come between: "had alleged in his petition that …".)
_ALLEGED_THAT = re.compile(r"\s+(?:(?:in|at|during|before|on)\s+(?:[\w’'-]+\s+){1,4}?)?that\b")
_APPEAL_TO = re.compile(r"\s+to\s+(?!(?:the\s+)?(?:[A-Z]\w*\s+)*(?:court|tribunal|judge|board)\b)"
                        r"(?:[\w’'-]+\s+){1,6}?(?:not\s+)?to\s+[a-z]", re.I)
# "She accused Big Machine of …": an object, then "of".
_ACCUSING_OBJECT = re.compile(r"\s+(?!of\b)(?:[\w’'.-]+\s+){1,6}?of\b")
# "was denied bail", "is accused of", "the accused": not the subject's words.
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|be|been|being|get|gets|got|the|an?)\s+(?:\w+ly\s+)?$")


# A nickname set off after a name: ", known to his regulars as "Ah Hock",", ", better known as 'Doc',".
_KNOWN_AS = re.compile(r",\s+(?:(?:better|widely|affectionately|locally)\s+)?(?:known|nicknamed)\s+(?:to\s+[^,\"“”]{1,40}?\s+)?"
                       r"as\s+[\"“‘'][^\"“”‘’]{1,30}[\"”’'],\s*$")
# A side in court or a team set off with the one who leads it, before the verb: "The defence, led by lawyer
# Jane Roe, had argued".
_LED_BY = re.compile(r"(?:^|[.!?]\s+|,\s+)(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[a-z]+\s+){0,2}(?:defen[cs]e|prosecution|"
                     r"legal team|team|delegation|panel)\s*,\s*(?:led|headed)\s+by\s+(?P<who>[^,;:\"“”]{3,140}?)\s*,\s*"
                     r"(?:(?:had|has|have|also|then|later|further)\s+)*$")
#: Phrases of place set aside, one after another, before a subject is given up.
MAX_PLACE_PHRASES = 3
# A phrase placing the person before the verb: "… Amy Chow of the Property Crimes Unit", "… Jane Roe from the
# University of Example" (after a capitalised word, a name's last).
# A relative clause between commas before the verb: ", who attended the ceremony, ".
_COMMA_RELATIVE = re.compile(r",\s+(?:who|whose|which)\b")
# ", who told …", ", who also said …": a relative pronoun before the verb (and its post-nominals, set off).
_WHO_SUBJECT = re.compile(r"(?<=[A-Za-z0-9]),\s+(?:(?:[A-Z]{2,4}|[A-Z][a-z]?[A-Z]{1,3}),\s+)?who\s+"
                          r"(?:(?:also|later|then|has|had|have|further|earlier|[a-z]{3,}ly)\s+)*$")
# What such a verb says follows it: a clause ("that …", "he had …") or a quote, perhaps after its hearers ("who
# told the court that", "who wrote in part, “…”"); not "who joked about …", "who wrote as Robert Jordan".
_WHO_CONTENT = re.compile(r"\s+(?:(?:in part|later|also|police|officers|investigators|detectives|reporters|journalists|"
                          r"the (?:court|jury|judge|board|hearing|media|press)|him|her|them|us|me)"
                          # (Where the hearers were: "told journalists outside the tribunal that …".)
                          rf"{HEARERS_WHERE}?\s*,?\s+)?"
                          r"(?:that\b|[,:]?\s*[\"“]|(?:he|she|they|it|I|we|there)\s)")
# Verbs whose clause, whatever it opens with, is the words said.
_SAID_VERBS = frozenset("said says stated added noted explained warned insisted argued".split())
# A clause of three words at least, in small letters, up to a sentence's end or a comma.
_CLAUSE_AFTER = re.compile(r"\s+(?:the|a|an|this|these|those|his|her|their|its|our|[a-z]+s?)\b[^.;:!?]{12,}")
# A sentence opening with an unnamed subject: "A spokesperson for …", "One resident …".
_UNNAMED_SUBJECT = r"(?:^|[.!?]\s+)(?:A|An|One|Another)\s+"
_UNNAMED_OPENING = re.compile(_UNNAMED_SUBJECT + r"[^.!?]*$")
# (A number's thousands may be set off by commas in it: "who scored 1,200 out of 1,200".)
_TRAILING_RELATIVE = re.compile(r"(?<=[A-Za-z0-9]),\s+(?:who|whose|which)\s+(?:[^,;:\"“”]|(?<=\d),(?=\d{3}\b)){2,120},\s*$")
# The body a person speaks for, set off by commas before the verb: ", Jamuna Valley University, ".
_TRAILING_BODY = re.compile(r"(?<=[A-Za-z]),\s+(?:the\s+)?(?P<body>(?:[A-Z][\w'’&.\-]*\s+(?:(?:of|for|and|the|&)\s+)*){0,6}"
                            r"[A-Z][\w'’&.\-]*),\s*$")
# A description set off by commas before the verb: ", the Hutterite community nearest the wells, ".
_DESCRIPTION = r"(?:the|a|an)\s+[^,;:\"“”()]{2,80}"
_TRAILING_DESCRIPTION = re.compile(rf"(?<=[A-Za-z]),\s+(?P<np>{_DESCRIPTION}),\s*$")
# A peer's title opens a name that may end in a place's ("Baroness Scotland").
_PEERAGE = frozenset("lord lady baroness baron earl countess viscount viscountess duke duchess marquess".split())
# A name's last word, right before what is set off after it.
_NAME_END = re.compile(r"[A-Z][\w’'.-]*$")
# A description set off before a relative pronoun: "…, a 31-year-old nurse from Iloilo City", "…, 68" (then
# ", who said").
_TRAILING_APPOSITIVE = re.compile(rf"(?<=[A-Za-z]),\s+(?P<np>{_DESCRIPTION}|\d{{1,3}})$")
# (An abbreviation's stop may stand in the phrase: "of Sto. Niño parish".)
_TRAILING_PP = re.compile(r"(?P<head>[A-Z][\w'’.\-]*)(?P<age>,\s+\d{1,3},)?\s+(?P<pp>(?:of|from|at|with)\s+(?:the\s+)?"
                          r"[A-Za-z](?:[\w'’&\- ]|\.(?=\w)|(?<=\b[A-Z][a-z]{2})\.(?=\s[A-Z])){1,60}?),?\s*$")


def _title_phrase_before(seg: str, capitalised: bool = False) -> str | None:
    """The title phrase set off by a comma right before a name, where it opens the sentence or clause
    ("The Commandant of the Corps, " before "Alhaji Jane Roe"): capitalised, with a title's word, no verb and no
    quote mark; with ``capitalised``, each word capitalised or a joining word ("The District Attorney said
    that, …, Gomez claimed" has none). None otherwise."""
    seg = seg.rstrip()
    if not seg.endswith(","):
        return None
    head = _BREAK.split(seg[:-1])[-1].strip()
    if capitalised and not all(w[:1].isupper() or w[:1] == "(" or _JOINER_RE.fullmatch(w) for w in head.split()):
        return None
    if head and not _ROLE_VERB.search(head) and not _QUOTE_CHAR.search(head) \
            and head[:1].isupper() and any(w.lower().strip(",.()") in _TITLES for w in head.split()):
        return head
    return None


def _not_denial(text: str, a: int, b: int) -> bool:
    return not _DENIAL_OBJECT.match(text, b) or bool(_PASSIVE_BEFORE.search(text, max(0, a - 24), a))


def _not_accusing(text: str, a: int, b: int) -> bool:
    before = text[max(0, a - 24):a]
    return not _ACCUSING_OBJECT.match(text, b) or before.rstrip().endswith(",") or bool(_PASSIVE_BEFORE.search(before))


def _after_se(text: str, a: int) -> bool:
    """Whether the verb at ``a`` follows a word "se": the four characters before it are " se" and a space,
    or all the text before it is "se" and spaces (``text[:a].rstrip() == "se"``, without copying the text
    before every verb). Most verbs have no "se" before them, found without a copy either."""
    if text.find("se", max(0, a - 4), a) < 0 and not text.startswith("se"):
        return False
    return text[max(0, a - 4): a].rstrip() == " se" or (text.startswith("se") and a >= 2 and not text[2:a].strip())


def _not_a_verb_here(text: str, a: int, b: int) -> bool:
    """A speech verb's form used as a noun or an infinitive in this place (see _NOUN_BEFORE); only for the
    forms that are plural nouns or bare infinitives as well ("hopes", "claims", "warn")."""
    word = text[a:b].split()[0]
    if word not in _PLURAL_NOUNS and word not in _BASE_FORMS:
        return False
    return bool(_NOUN_BEFORE.search(text, max(0, a - 12), a)) and not _ATTITUDE_TO.search(text, max(0, a - 40), a)


# "was quick to add": the attitude _ADVERBS lets stand between a subject and its verb.
_ATTITUDE_TO = re.compile(r"\b(?:is|was|are|were)\s+(?:quick|keen|eager|careful|happy|pleased|proud|anxious)\s+to\s+$")
_ADDRESSEE = re.compile(r"\b(?:told|tells|asked|asks|to|with|by|from|of|for)\s+$")
_ADDRESSEE_NARROW = re.compile(r"\b(?:told|tells|asked|asks|to)\s+$")


def _addressee(text: str, pos: int, narrow: bool = False) -> bool:
    """A name after "told", "asked", "to" … is the one spoken to or about: 'he told Sean Hannity: “…”'. Before
    a participle, "of" and "with" still lead to the speaker ('footage of Trump saying, “…”')."""
    return bool((_ADDRESSEE_NARROW if narrow else _ADDRESSEE).search(text, max(0, pos - 12), pos))


_NAME_GAP = re.compile(r"[\s,]*(?:(?:[A-Z][\w’'.-]*|of|the|de|van|von|and|\([^()]{1,40}\))[\s,]*){0,8}")


def _against_quote(text: str, spans: tuple[tuple[int, int], ...], start: int, end: int) -> bool:
    """A verb with nothing but a name between it and a quote's end, or only a comma or colon before a
    quote's start."""
    for a, b in spans:
        if b <= start and start - b <= 80 and _NAME_GAP.fullmatch(text, b + 1, start):
            return True
        if a >= end and a - end <= 3 and not text[end:a].strip(" ,:"):
            return True
    return False


def _near_quote(text: str, spans: tuple[tuple[int, int], ...], start: int, end: int) -> bool:
    """A verb within the same clause as a quote's end before it or a quote's start after it."""
    for a, b in spans:
        if b <= start and start - b < 120 and not _BREAK.search(text, b + 1, start):
            return True
        if a >= end and a - end < 100 and not _BREAK.search(text, end, a):
            return True
    return False


def _statement_speaker(attributor: Attributor, text: str | None) -> Person | None:
    if not text or not ("tatement" in text or "eclaraci" in text or "rklärung" in text or "claration" in text):
        return None
    m = _STATEMENT.search(text)
    if not m:
        return None
    span = _STATEMENT_CUT.sub("", m.group("span"))
    return attributor._person(None, span, None)


# A title that is a statement and nothing else: "Statement by President Jane Roe on …", "Statement from …".
_STATEMENT_TITLE = re.compile(rf"^\s*(?:[A-Z][\w.’'-]*\s+){{0,3}}(?:{_STATEMENT_WORDS})\s")


# A quote attributed, right where it closes, to someone the text does not name: '“…,” a spokesman said',
# '“…,” police said', '“…,” said one resident'. A pronoun or a definite description ("the singer told the
# audience") may stand for the last speaker: neither is such.
_ORGANISATION_WORD = trie_pattern(sorted(w for w in lexicons.ORGANISATION_WORDS if w.isalpha()))
_UNNAMED_CUE = re.compile(
    rf"[,?!—–][”\"]\s+(?:(?!(?:he|she|I|we|the|this|that|his|her)\s)[a-z][\w’'-]*\s+(?:[\w’'-]+\s+){{0,3}}?(?:{_VERB})\b|(?:{_VERB})\s+"
    rf"(?:a|an|one|another|some|several|many|two|three)\s+[a-z])|"
    # "A Government spokesperson said: “…”": an unnamed subject opening the sentence.
    rf"{_UNNAMED_SUBJECT}(?:[^\s,.;:“”\"]+\s+){{0,6}}?(?:{_VERB})\b|"
    # "The ministry said the remaining two needed “further work …”": a body's words, no one's carried on.
    # (After a phrase set off before it: "In a statement, the company said it “accepts …”".)
    rf"(?:^|[.!?]\s+)(?:[^.!?,;“”\"]{{2,40}},\s+)?(?:[Tt]he\s+)?(?:[\w’'-]+\s+){{0,3}}?(?i:{_ORGANISATION_WORD})\s+"
    rf"(?:also\s+)?(?:{_VERB})\b")


def _unnamed_cue(text: str) -> bool:
    if not ("”" in text or '"' in text):
        return False
    # Inside the quote it is the speaker's words ("… A deterrent sentence is called for."), no cue.
    spans = None
    for m in _UNNAMED_CUE.finditer(text):
        spans = quote_mask(text) if spans is None else spans
        if not _inside(spans, m.end() - 1):
            return True
    return False


def _quote_led(text: str) -> bool:
    # ". “With these charges…" — page exports leave the attribution's full stop on the next line.
    t = text.lstrip(" .,;:")
    # British releases quote with single marks: "'Simon's father believes …" opens a quote, "'Tis" does not.
    if t[:1] in "'‘" and t[1:2].isupper():
        # Unless the marks hold a title the sentence goes on about ("‘In the Red Corner’ is set in …").
        close = t.find("’" if t[0] == "‘" else "'", 1)
        title = t[1:close]
        # Two capitalised words at least: "‘Ministers’ plans will …" opens a quote at a plural's apostrophe.
        return close < 0 or not (_title_cased(title) and t[close + 1:close + 2] == " "
                                 and sum(w[:1].isupper() for w in title.split()) >= 2)
    return t[:1] in _OPENING_QUOTE


_VERB_SET = frozenset(SPEECH_VERBS)
# Verbs of speech only with the words after them (see _not_denial): never alone before a name or a colon.
_VERB_ALONE = _VERB_SET - {"denied", "denies", "accused", "accuses", "alleged", "alleges", "appealed", "appeals"}
_NAME_LINE = re.compile(rf"^(?:{HONORIFIC}\s+)?{CAP_SPAN}$")


def _colon_predicate_line(text: str) -> bool:
    """A line that ends by judging how its subject spoke, before a colon, with no quote: "Jane Roe put it
    simply:", "Jane Roe, who …, was blunt:"."""
    t = text.rstrip()
    return t.endswith(":") and len(t) < 240 and '"' not in t and "“" not in t and bool(_SPOKE_HOW.search(t)) \
        and bool(_COLON_PREDICATE.search(t, 0, len(t) - 1) or _ROLE_SET_OFF_PREDICATE.match(t[:-1]))


# How a person spoke, before a colon: without a quote in the line, "was charged with:" or "had:" is no speech.
_SPOKE_HOW = re.compile(rf"\b(?:{_SPOKE_PHRASE}|(?:was|were)(?:\s+(?:more|less|even|very|just as|as|"
                        r"equally|typically|characteristically))*\s+(?:blunt|direct|clear|candid|emphatic|frank|"
                        r"succinct|brief|forthright|plain|plainer|blunter|firm|defiant|philosophical|unequivocal|"
                        r"upbeat|optimistic|cautious|scathing|critical|effusive))\b[^,.:;]{0,30}:$")


@lru_cache(maxsize=1024)
def _reports_before(text: str, cue: tuple[int, int] | None) -> bool:
    """Whether a paragraph that ends on a line introducing a quote reports its speaker's words before that line
    ("… Jane Roe said the jury had decided within an hour. She added:"): it holds words of hers then."""
    if cue is None or not text.rstrip().endswith(":") or _WHO_BEFORE.search(text, 0, cue[0]):
        return False  # (a relative clause describes: "Roberta, … who asked that her surname not be published")
    return cue[1] <= sentence_start(text, len(text.rstrip()) - 1) and reported_clause(text, cue) is not None


_WHO_BEFORE = re.compile(r"\bwho\s+(?:\w+\s+){0,2}$")


def attribution_fragment(text: str) -> bool:
    """A short line that only attributes ("State’s Attorney Burke said", "Jane Roe said:-", "Jane Roe said
    the following:", "Jane Roe put it simply:"): page exports cut it from its quote. The heading filter must
    keep it."""
    if _colon_predicate_line(text):
        return True
    if text.rstrip().endswith(":") and ". " in text:
        # Only the last sentence introduces: "The decision was taken by majority. Board member Jane Roe, who
        # dissented …, wrote in her separate opinion:".
        text = text[sentence_start(text, len(text.rstrip()) - 1):]
    head = text.rstrip(" :,-–—")
    if head.endswith(("following", "follows")):
        head = _FOLLOWING.sub("", head).rstrip(" :,-–—")
    words = head.rsplit(None, 1)
    # Before a colon, with no quotation: the line introduces what follows.
    introduces = text.rstrip().endswith(":") and '"' not in head and "“" not in head
    # "What riders say", "How the experts see it": a crosshead's question, not an attribution. Before a colon
    # the verb ends a line of any length ("Jane Roe, 71, from Illogan, who has …, said:"): it holds no words.
    if len(words) == 2 and words[1] in _VERB_ALONE and not _QUESTION_HEAD.match(head) and (
            len(text) <= 120 or introduces):
        return True
    if introduces and len(words) == 2 and words[1] in ("saying", "adding", "stating", "declaring") \
            and head[: -len(words[1])].rstrip().endswith(","):
        return True  # "Mr Jane Roe thanked the Government on behalf of …, saying:": what she said is below
    # "The Minister told Parliament:", "Roe said in a statement:": before a colon, the verb's hearers or
    # circumstances may follow it, in a few words.
    # (A long line only where its subject is set off by commas: "Jane Roe, who …, wrote in her opinion:".)
    if (len(text) > 120 and not (text.count(",") >= 2)) or not introduces:
        return False
    tokens = head.split()
    at = next((k for k in range(len(tokens) - 1, 0, -1) if tokens[k] in _VERB_ALONE), None)
    if at is None or len(tokens) - at - 1 > LEAD_IN_TAIL_WORDS or _QUESTION_HEAD.match(head):
        return False
    # Hearers after "told", a circumstance after a preposition, what the next paragraph tells after "described"
    # ("described a call last winter:"); "said the inquiry needs to cover:" is words of the speaker's own.
    return tokens[at] in ("told", "tells") or tokens[at + 1].lower() in _CIRCUMSTANCE_WORDS or (
        tokens[at] in _TOPIC_VERBS and tokens[at + 1].lower() in ("a", "an", "the", "his", "her", "their", "its"))


# Verbs whose object is what the quote below tells: "described the scene:", "recalled the night:".
_TOPIC_VERBS = frozenset("described describes recalled recalls recounted recounts".split())


#: Most words after the verb of a lead-in line ("told the House of Assembly on Tuesday:", "said in a statement
#: read out by the referees' association:").
LEAD_IN_TAIL_WORDS = 9
_CIRCUMSTANCE_WORDS = frozenset("in on at during after before while when from via through outside inside "
                                "yesterday today earlier later afterwards".split())


_QUESTION_HEAD = re.compile(r"(?:What|How|Why|Who|Where|When)\s")


# "said the following:", "stated as follows:-": what introduces words to come.
_FOLLOWING = re.compile(r"\s+(?:the\s+following|as\s+follows)$")
_INTRO_END = re.compile(r"(?::[\s\-–—]*|\b(?:the\s+following|as\s+follows)[\s.:\-–—]*)$")


# A list item: a bullet the text kept ("· the causes of the failure;"), or an item in lower case or ending
# in a semicolon ("the causes of the failure;", "all aspects of the receivership; and").
_LIST_ITEM = re.compile(r"^(?:[·•▪‣◦\uf0b7]\s*\S|[a-z]|.{0,400}?;(?:\s+(?:and|or))?$)", re.S)


@lru_cache(maxsize=1024)
def _introduces(text: str) -> bool:
    """A paragraph that ends by introducing what follows: "X said:", "X said:-", "X said the following"."""
    t = text.rstrip(" \n\t-–—.:")
    if len(t) < len(text.rstrip()) and ":" in text[len(t):]:
        return True
    # Asked of every paragraph: the regex (a search anchored at the end) only where the words are.
    return t.endswith(("following", "follows")) and bool(_INTRO_END.search(text.rstrip()))


def name_line(text: str) -> str | None:
    """The person a line holding only a name gives ("Dr. Ana Ruiz"), as exports put it between "said"
    and the quote."""
    text = text.strip()
    if len(text) > 60 or not _NAME_LINE.match(text):
        return None
    title, name = _split_span(_HONORIFIC_RE.sub("", text))
    if title and _organisation_word(title.split()[0]):
        return None  # "Ministry of Maritime and Outer Islands Development": a body's name, a page's running head
    return name if _valid_name(name) and len(name.split()) >= 2 else None


def signature_line(text: str) -> tuple[str, str | None] | None:
    """The person and role a line that only signs the quote above it gives ("— Jane Roe, Mayor of Example",
    "> -- Spokesman John Doe"), else None."""
    if len(text) > 170 or text.lstrip()[:1] not in ">*_―—–-" or not (m := _SIGNATURE_LINE.match(text.strip())):
        return None
    title, name = _split_span(lexicons.strip_post_nominals(m.group("span")))
    if not _valid_name(name) or len(name.split()) < 2:
        return None
    role = ", ".join(r for r in (title, (m.group("role") or "").strip(" ,*_")) if r) or None
    return name, role


def _ends_open(text: str) -> bool:
    """A quote cut before its attribution: '“…,”', or a quote still open where the paragraph stops."""
    t = text.rstrip()
    return t.endswith((",”", ",\"", ",’")) or (quote_depth(t, 0) > 0 and not _SENTENCE_END.search(t))


class _ReleaseVerbs:
    """The speech verbs of every paragraph, found in one scan of the release: two scans per paragraph cost
    more in setting up than in scanning. Paragraphs are joined by line breaks, which start a word as a
    paragraph's start does, so each paragraph gets the verbs ``_verb_spans`` would give it."""

    def __init__(self, paragraphs: list[Paragraph]) -> None:
        self.start: dict[int, int] = {}
        texts = []
        offset = 1
        for p in paragraphs:
            if p.kind != "about":
                self.start[id(p)] = offset
                texts.append(p.text)
                offset += len(p.text) + 1
        self.spans = _verb_spans("\n" + "\n".join(texts))
        self.k = 0

    def of(self, p: Paragraph) -> list[tuple[int, int]]:
        """The verbs of ``p``, relative to its text; paragraphs are asked in order."""
        start = self.start[id(p)]
        end = start + len(p.text)
        spans, k = self.spans, self.k
        while k < len(spans) and spans[k][0] < start:
            k += 1
        out = []
        while k < len(spans) and spans[k][1] <= end:
            out.append((spans[k][0] - start, spans[k][1] - start))
            k += 1
        self.k = k
        return out


def attribute(paragraphs: list[Paragraph], title: str | None = None, set_off: Collection[int] = (),
              context: Sequence[str] = ()) -> None:
    """Set ``speaker`` and ``speaker_role`` on every paragraph (None for narration). ``title``, when
    given, may name the author of a statement ("Statement from …"). ``set_off`` holds the ids of the
    paragraphs the layout sets off as a quotation (a ``<blockquote>``): after a line that introduces a
    speaker ("X said:"), such paragraphs are that speaker's words for as long as they run. ``context`` is
    text of the release that is no paragraph (letterhead) but may give a surname's full name."""
    attributor = Attributor("\n".join([title or "", *context] + [p.text for p in paragraphs]))
    registry = attributor.registry
    statement = _statement_speaker(attributor, title)
    statement_title = statement is not None and bool(_STATEMENT_TITLE.match(title or ""))
    verbs = _ReleaseVerbs(paragraphs)
    interviewee = _interviewee(attributor, paragraphs, title)
    carried: Person | None = None  # the speaker whose quote is still open
    introduced: Person | None = None  # the speaker of a line introducing the next paragraphs ("X stated:")
    previous: Person | None = None  # the speaker of the previous body paragraph
    previous_text = ""
    previous_set_off = False  # the previous body paragraph is in, or introduces, a quotation set off below it
    assigned: list[tuple[Paragraph, Person | None]] = []
    explicit_of: dict[int, Person | None] = {}
    lead_ins: set[int] = set()  # "X said:" lines: no words of X's (their speaker is explicit_of's)
    # For the quote records: how each paragraph's speaker was found, its speech verb, an open quote before it.
    how: dict[int, str] = {}
    cue_of: dict[int, tuple[int, int] | None] = {}
    carried_in: dict[int, bool] = {}
    for p in paragraphs:
        hint, hint_role = p.speaker, p.speaker_role
        p.speaker = p.speaker_role = None
        if p.kind == "about":
            continue
        person: Person | None = None
        if hint:
            hon = _HONORIFIC_RE.match(hint)
            name = _HONORIFIC_RE.sub("", hint).strip()
            if _valid_name(name):
                person = registry.resolve(name, hint_role, _gender(hon.group(0) if hon else None))
        explicit = attributor.explicit(p.text, verbs.of(p)) if person is None else None
        explicit_of[id(p)] = explicit
        cue_of[id(p)] = attributor.cue if explicit is not None else None
        carried_in[id(p)] = carried is not None and explicit is None
        if person is not None:
            how[id(p)] = EXPLICIT
        person = person or explicit
        if p.kind != "body":
            # Floats repeat what the body says; they take a speaker but do not move the story on.
            assigned.append((p, person))
            continue
        if person is None and (signed := signature_line(p.text)):
            # A signature on its own line speaks the quote above it (and the quote paragraphs before that
            # one which nobody attributed); the line itself holds no words of theirs.
            signer = registry.resolve(signed[0], signed[1], None)
            for k in range(len(assigned) - 1, -1, -1):
                q, had = assigned[k]
                if q.kind != "body":
                    continue
                if explicit_of.get(id(q)) is not None or not quote_mask(q.text) or (
                        k < len(assigned) - 1 and not _quote_led(q.text)):
                    break
                assigned[k] = (q, signer)
                how[id(q)] = EXPLICIT
            assigned.append((p, None))
            previous, previous_text, carried = signer, p.text, None
            continue
        if statement is None:
            statement = _statement_speaker(attributor, p.text if len(p.text) < 300 else None)
            if statement is not None:
                assigned.append((p, None))
                previous_text = p.text
                continue
        if person is None and interviewee is not None and _ANSWER.match(p.text):
            person = interviewee  # "A: Inspired and humbled! …": the interview's answers are its subject's
            how[id(p)] = STATEMENT
        elif person is None and interviewee is not None and _QUESTION.match(p.text):
            pass  # the interviewer's question
        elif person is None and carried is not None:
            person = carried
            how[id(p)] = CARRIED
        elif person is None and previous is not None and not _unnamed_cue(p.text):
            if _quote_led(p.text) or _introduces(previous_text) or attribution_fragment(previous_text):
                person = previous
                # After "X said:" the quote is X's own, not a carried one.
                how[id(p)] = EXPLICIT if _introduces(previous_text) or attribution_fragment(
                    previous_text) else CARRIED
            elif introduced is previous and _LIST_ITEM.match(p.text) and not quote_mask(p.text) \
                    and not attributor.names_someone(p.text):
                # "X said the inquiry needs to cover:" then its list: each item is the introducer's words.
                person = previous
                how[id(p)] = CARRIED
            elif introduced is previous and id(p) in set_off and previous_set_off:
                # "X said:" then the quotation set off below it: each of its paragraphs is X's.
                person = previous
                how[id(p)] = CARRIED
            elif introduced is previous and not quote_mask(p.text) and _FIRST_PERSON.search(p.text) \
                    and not attributor.names_someone(p.text):
                # "X stated:" then paragraphs of X's words without quotation marks: they run on while they
                # stay in the first person and report nobody else.
                person = previous
                how[id(p)] = CARRIED
            elif _first_person_quote(p.text):
                # A first-person quote carries the previous speaker on, unless its own sentence has a person
                # for subject ('Donald Trump quickly took to Twitter, writing: "… When will we learn?"').
                subject = attributor.quote_subject(p.text)
                person = subject or previous
                how[id(p)] = EXPLICIT if subject else CARRIED
            elif len(previous_text) > 60 and not _SENTENCE_END.search(previous_text.rstrip()) \
                    and not p.text[:1].isdigit() and not _SIGNED_END.search(previous_text):
                person = previous  # a page export broke the paragraph mid-sentence
                how[id(p)] = CARRIED
        if person is None and _without_nicknames(p.text, quote_mask(p.text)):
            person = attributor.quote_subject(p.text)  # ('Davies "Bomber" Phiri' quotes nobody)
        if person is None and previous is None and previous_text and _whole_quote(p.text):
            # A paragraph that is one quote, after narration about a person ("Clinton … called it “outrageous” …"
            # then "“If any bank can’t be managed …”"): the person the narration's sentences are about.
            # Only someone who has spoken before, or whose name opens with a known given name in a paragraph
            # longer than a name and role line (a signature): a sentence-opening capitalised run in narration
            # is too often a place, a heading or a statute ("Texas Code").
            subjects = [q for subject, q in attributor._mentions(previous_text) if subject]
            person = subjects[-1] if subjects and (subjects[-1] in registry.recent or (
                len(subjects[-1].name.split()) > 1 and lexicons.is_given_name(subjects[-1].name.split()[0])
                and len(previous_text.split()) >= 15)) else None
        if person is None and statement is not None and (_quote_led(p.text) or (
                statement_title and (not quote_mask(p.text) or previous is statement)
                and not attributor.names_someone(p.text)
                # The statement's own words: in the first person, or carrying on its earlier paragraphs (a
                # short line after them is a contact or a sign-off, not more of it).
                and (_FIRST_PERSON.search(p.text) or _FIRST_PERSON_OTHER.search(p.text)
                     or (previous is statement and len(p.text) > 80)))):
            # In a release headed "Statement by X", X's words run without quotation marks, in the first person.
            person = statement
            how[id(p)] = CARRIED if previous is statement else STATEMENT
        # (A nickname in marks inside the name is no quote: 'Head coach Desmond “Dizzy” Griffith said:'.)
        lead_in = person is not None and person is explicit and _introduces(p.text) \
            and attribution_fragment(plain := _without_inner_nicknames(p.text)) and not quote_mask(plain) \
            and not _reports_before(p.text, cue_of.get(id(p)))
        # "Prime Minister Theresa May said:" holds none of her words: the paragraphs it introduces do.
        assigned.append((p, None if lead_in else person))
        if lead_in:
            lead_ins.add(id(p))
        if person is not None and len(p.text) < 300 and _introduces(p.text):
            introduced = person
        elif person is None or person is not introduced:
            introduced = None
        attributor.context = p.text
        if person is not None:
            registry.spoke(person)
        start_depth = 0 if explicit is not None or carried is None else 1
        depth = quote_depth(p.text, start_depth)
        carried = person if (person is not None and depth > 0) else None
        previous = person
        previous_text = p.text
        # A run set off under a line that introduces it, the line itself not set off: a release reposted
        # whole inside a blockquote is no quotation of whoever speaks in it.
        in_quote = id(p) in set_off
        previous_set_off = (in_quote and previous_set_off) or (lead_in and not in_quote)
    _look_ahead(assigned, explicit_of, lead_ins)
    # Names and roles are final only once the whole release has been read: one person, one name.
    merged = registry.merge_short_forms()
    for p, person in assigned:
        person = merged.get(id(person), person) if person is not None else None
        _set(p, person)
        found = how.get(id(p), EXPLICIT) if person is not None else None
        p.quotes = quote_records(p, _without_nicknames(p.text, quote_mask(p.text)), found, cue_of.get(id(p)),
                                 carried_in.get(id(p), False))


_FIRST_PERSON_SINGULAR = re.compile(r"\b(?:I|I’m|I'm|I’ve|I've|my|me)\b")
# An interview's answer and question marks: "A: …", "Q: …" (and "A." "Q.", "Answer:", "Question:").
_ANSWER = re.compile(r"^\s*(?:A|Answer)\s*[:.]\s+\S")
_QUESTION = re.compile(r"^\s*(?:Q|Question)\s*[:.]\s+\S")
#: Fewest answer paragraphs that make a release an interview.
MIN_ANSWERS = 2


def _interviewee(attributor: Attributor, paragraphs: list[Paragraph], title: str | None) -> Person | None:
    """The person a Q&A interview questions: named in its title ("Introducing Jane Roe, New CEO …") or else
    last in the paragraphs before its first answer. None unless two paragraphs at least open with "A:"."""
    # An answer mark opens the paragraph, after spaces at most: a first-character test spares most the pattern.
    answers = [k for k, p in enumerate(paragraphs) if p.kind == "body" and (p.text[:1] == "A" or p.text[:1].isspace())
               and _ANSWER.match(p.text)]
    if len(answers) < MIN_ANSWERS or not any(_FIRST_PERSON_SINGULAR.search(paragraphs[k].text) for k in answers):
        return None  # an FAQ answers as an office ("Go to …", "Your case …"), an interviewee as "I"
    intro = [p.text for p in paragraphs[:answers[0]] if p.kind == "body" and not _QUESTION.match(p.text)]
    for text in [title or ""] + intro[::-1]:
        # A person (a given name or an initial first): an FAQ names an event or an office, no one to answer.
        named = [person for _, person in attributor._mentions(text) if _person_like(person.name)]
        if named:
            return named[0] if text == (title or "") else named[-1]
    return None


def _look_ahead(assigned: list[tuple[Paragraph, Person | None]], explicit_of: dict[int, Person | None],
                lead_ins: set[int]) -> None:
    """A quote whose attribution the next paragraph gives ('“…,”' then 'said X.') is X's, and so are the
    quote-only paragraphs before it; walked backwards so that a run of them takes the one speaker. A line
    that only introduces more ("X continued:", in ``lead_ins``) gives its speaker too."""
    body = [k for k, (p, _) in enumerate(assigned) if p.kind == "body"]
    for a, b in zip(reversed(body[:-1]), reversed(body[1:])):
        p, person = assigned[a]
        nxt, nxt_person = assigned[b]
        if id(nxt) in lead_ins:
            nxt_person = explicit_of.get(id(nxt))
        if nxt_person is None or not quote_mask(p.text):
            continue
        nxt_explicit = explicit_of.get(id(nxt))
        dangling = explicit_of.get(id(p)) is None and _ends_open(p.text) and nxt_explicit is not None \
            and not _quote_led(nxt.text)
        if dangling or (person is None and (_quote_led(p.text) or _first_person(p.text))
                        and (_quote_led(nxt.text) or nxt_explicit is not None) and not _says_who(p.text)):
            assigned[a] = (p, nxt_person)


# After a quote's closing mark, a name set off by a comma: an attribution with an aside before its verb.
_NAME_ASIDE_AFTER_QUOTE = re.compile(r"[”\"]\s+(?:[A-Z][\w’'.-]*\s+){0,3}[a-z][\w’'-]*\s+[A-Z][\w’'.-]*\s+[A-Z][\w’'.-]*,\s")


def _verb_in_description(m: re.Match[str]) -> bool:
    """Whether the words a match read as what a person is (its ``desc`` group) hold a speech verb."""
    desc = m.groupdict().get("desc")
    return bool(desc) and any(w in _VERB_SET for w in desc.split())


def _portfolio_list(window: str, m: re.Match[str]) -> bool:
    """Whether the coordinated run ``m`` found in ``window`` continues a title's list of portfolios after a
    comma ("Minister for Water, Regional Development and Drought Resilience Jane Roe"): no given name or
    honorific in its first part, title words before the name in its second, a title before the comma."""
    if m.group("hon") or any(lexicons.is_given_name(w) for w in m.group("span").split()) \
            or not _split_span(m.group("other"))[0]:
        return False
    before = window[:m.start("span")].rstrip()
    if not before.endswith(","):
        return False
    return any(w.strip(",").lower() in _TITLES for w in before[:-1].split()[-6:])


def _says_who(text: str) -> bool:
    """Whether the paragraph gives its own attribution, though it was not read: a name set off after the
    quote and a speech verb outside the quotes ('“…,” Texas delegate Jane Roe, wearing “…” pins, said'). It
    takes no speaker from the next paragraph then."""
    if not _NAME_ASIDE_AFTER_QUOTE.search(text):
        return False
    spans = quote_mask(text)
    return any(not _inside(spans, a) for a, _ in _verb_spans(text))


def _whole_quote(text: str) -> bool:
    """A paragraph that is nothing but one quote."""
    t = text.strip()
    return t[:1] in _OPENING_QUOTE and quote_mask(t) == ((0, len(t) - 1),) and t[-1] in "”\""


def _first_person_quote(text: str) -> bool:
    return any(_FIRST_PERSON.search(text[a:b]) for a, b in quote_mask(text))


_FIRST_PERSON_OPENS = re.compile(r"\s*(?:I|We|My|Our)\b")


def _first_person(text: str) -> bool:
    return bool(_FIRST_PERSON_OPENS.match(text))


def _set(p: Paragraph, person: Person | None) -> None:
    if person is not None:
        p.speaker = person.name
        p.speaker_role = person.role
