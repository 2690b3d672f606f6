"""What the claim readers know about the article as a whole, read once before its sentences:
the main place (weighted by title and lead, and places named with the event: "the Maui
wildfires"), the event noun, people's surnames and titles, acronyms; and the running state
the sentence readers share (the last claimant, the paragraph's place, the last entity).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import NamedTuple

from figures.lexicon import EVENT_NOUNS, STOP, TIME_WORDS, Vocabulary, data_lines, data_map, org_words, title_words
from figures.numbers import Figure
from figures.records import Article
from figures.sentences import Sentence
from figures.timeref import TimeRef
from figures.tokens import ABBREV_DOT, Tok
from figures.word_classes import word_class


@dataclass(slots=True)
class Claimant:
    name: str
    start: int  # where the cue stands (the verb, "according to", "citing")
    role: str  # speaker, source (cited) or relay (the outlet passing it on)
    is_person: bool = False
    lead_ok: bool = True  # may cover figures before it in the sentence
    weak: bool = False  # a verb such as "expect" that attributes only when nothing stronger does
    day: tuple[date, str] | None = None  # the date given with the statement ("said Monday")
    object_of: int = -1  # offset of the figure right before the claimant ("the 190,000 economists expected")
    for_place: bool = False  # a country standing for its authorities ("Turkey reported 3,432 deaths")


# the words that tell a place inside a name, or a doer, from where a figure is
INSTITUTIONS = word_class("place_words.tsv", "institution")
_DEED_AFTER = re.compile(r"['’]s\s+(?:[a-z-]+\s+)?(?:" + "|".join(sorted(word_class("place_words.tsv", "deed"))) + r")\b")
# "Russian-held", "rebel-controlled", "Moscow-occupied": who holds a part of a place
CONTROL_SUFFIXES = ("-held", "-controlled", "-occupied", "-run")
# "Kremlin-appointed mayor", "Russian-installed officials": who put someone in office
APPOINTED_SUFFIXES = ("-appointed", "-installed", "-backed", "-led", "-aligned", "-allied")


@dataclass(slots=True)
class Context:
    article: Article
    base: date | None
    vocab: Vocabulary
    main_subject: str | None
    acronyms: dict[str, str]
    figures: list[Figure] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # surname -> full name
    titled: dict[str, str] = field(default_factory=dict)  # "governor" -> "Josh Green"
    people: list[tuple[int, str]] = field(default_factory=list)  # (offset, full name) of people named
    kinds: dict[int, str | None] = field(default_factory=dict)  # measure kind per figure token, this sentence
    measures: dict[int, str | None] = field(default_factory=dict)  # measure per figure token, this sentence
    para_subject: tuple[int, str] | None = None  # (paragraph, place) named last
    last_entity: tuple | None = None  # (paragraph, entity, measure, unit) of the last claim
    news_day: tuple[date, str] | None = None  # the day most of the dated statements give (article_dates.news_day)
    dates_for: list | None = None  # the sentence's time refs that ``dates`` was computed from
    dates: list = field(default_factory=list)
    last_claimant: Claimant | None = None
    last_person: Claimant | None = None
    event: str | None = None
    event_place: str | None = None  # where the whole event is counted: "Maui" for the Maui/Lahaina wildfires
    named_event: str | None = None  # an event known by its given name: "Hurricane Mira"
    named_events: dict[str, str] = field(default_factory=dict)  # every named event by its name: "Oskar" -> "Hurricane Oskar"
    event_names: frozenset[str] = frozenset()  # places named with the event noun: "Lahaina wildfire", "Maui fire"
    group: str | None = None  # the places the article reports on together: "Turkey and Syria"
    nationality: dict[str, str] = field(default_factory=dict)  # "Recep Tayyip Erdogan" -> "Turkey" ("Turkish President ...")
    orgs: list[tuple[int, str, str]] = field(default_factory=list)  # (offset, name, kind) of organisations named
    company_names: dict[str, str] = field(default_factory=dict)  # a company's short name -> its full name: "Delta" -> "Delta Air Lines"
    capital: str | None = None  # the main country's capital as the article names it: "the capital" -> "Paris"
    scan: tuple | None = None  # (tokens, what the subject reader found in them once): one sentence's precomputation
    scenes: list[tuple[int, int, str]] = field(default_factory=list)  # (offset, paragraph, place) of "First in Paris."
    headings: list[tuple[int, str]] = field(default_factory=list)  # (offset, place) of a paragraph that is a place's name
    para_at: int = -1  # offset of the sentence that set ``para_subject``
    cities: list[tuple[int, str, str]] | None = None  # (offset, name, city/region) of places named, read on first need
    title_read: bool = False  # the subject reader looked for an unlisted place in the title


class Read(NamedTuple):
    """One sentence as read in the first pass."""

    sent: Sentence
    idxs: list[int]  # indexes of the figures that start in it
    toks: list[Tok]
    claimants: list[Claimant]
    times: list[TimeRef]


def read_article(ctx: Context, sentences: list[Sentence]) -> None:
    """Article-wide facts by regex over the raw text: the main place (places named, weighted
    by the title and lead, and places named with the event: "the Maui wildfires"), the event
    noun, surnames and titles of people, acronyms."""
    vocab = ctx.vocab
    rx = _article_patterns()
    title = ctx.article.title or ""
    lead_end = sentences[0].end if sentences else 0
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    pairs: Counter[tuple[str, str]] = Counter()
    events: Counter[str] = Counter()
    named_with_event: Counter[str] = Counter()
    local: Counter[str] = Counter()  # places whose local authorities speak: "Maui County police", "Maui's mayor"
    runs: list[tuple[str, int, int, str]] = []  # (chunk, start, end, canonical), kept for the capital below
    for chunk, weight_of in ((title, lambda pos: 3), (ctx.article.text, lambda pos: 2 if pos < lead_end else 1)):
        prev = None
        for at, end, canonical in _place_runs(vocab, rx, chunk):
            runs.append((chunk, at, end, canonical))
            if chunk[at:end] in vocab.demonyms or _DEED_AFTER.match(chunk, end):
                continue  # "Israeli strikes", "Russia's destruction of the dam" say who acted, not where
            counts[canonical] += weight_of(at)
            first_seen.setdefault(canonical, at - (10 ** 9 if chunk is title else 0))
            if prev and prev[1] != canonical and chunk[prev[0]:at].strip() == "and":
                pairs[(prev[1], canonical)] += 1
            prev = (end, canonical)
        # "Maui County officials", "Maui's police chief": the authorities who speak locate the story
        for m in rx.jurisdiction.finditer(chunk):
            name = m.group(1)
            if name.lower() in STOP or name.lower() in title_words() or name.lower() in org_words() \
                    or name in vocab.demonyms or name.lower() in TIME_WORDS \
                    or name.lower().endswith(CONTROL_SUFFIXES + APPOINTED_SUFFIXES):  # "Kremlin-appointed mayor"
                continue
            name = unglued(vocab, name) or name  # "A Paristhe police headquarters": a typo for Paris
            canonical = vocab.place_names.get(name, name)
            counts[canonical] += 2 * weight_of(m.start())
            if _LOCAL_AUTHORITY.search(m.group(0)):
                local[canonical] += weight_of(m.start())
            first_seen.setdefault(canonical, m.start() - (10 ** 9 if chunk is title else 0))
        for m in rx.events.finditer(chunk):
            if chunk is not title and m.group(1)[0].isupper() and m.start() > 0 and chunk[m.start() - 1] == " " \
                    and chunk[max(0, m.start() - 3):m.start()].strip() not in (".", "“", '"'):
                continue  # "Cal Fire said": a name, not the event
            events[EVENT_NOUNS[m.group(1).lower()]] += 1
            names = _event_place_names(vocab, rx, chunk, m.start(), m.end())
            if chunk is title:
                # "Ukraine Dam Flood Toll", "Dam flood toll rises": a title's capital is no name where
                # the text writes the word small, nor its first word (capitalised whatever it is: "Forest fires |
                # ...") unless the text names it too
                names = [n for n in names if n in vocab.place_names.values()
                         or not (re.search(rf"\b{re.escape(n.lower())}\b", ctx.article.text)
                                 or (title.startswith(n) and not re.search(rf"\b{re.escape(n)}\b", ctx.article.text)))]
            for canonical in names:
                counts[canonical] += 4 * weight_of(m.start())
                named_with_event[canonical] += weight_of(m.start())
                first_seen.setdefault(canonical, m.start() - (10 ** 9 if chunk is title else 0))
            if len(names) == 2 and names[0] != names[1]:
                pairs[(names[0], names[1])] += 1
    ctx.group = _lead_pair(vocab, rx, title) or _lead_pair(vocab, rx, ctx.article.text[:lead_end])
    if counts:
        top = max(counts, key=lambda c: (counts[c], -first_seen[c]))
        ctx.main_subject = top
        for (a, b), n in pairs.items():
            if top in (a, b) and a != b and min(counts[a], counts[b]) * 2 >= counts[top]:
                ctx.main_subject = f"{a} and {b}"
                break
    if ctx.group:  # the title or the first sentence reports on two places together: that pair is the story
        ctx.main_subject = ctx.group
    elif ctx.main_subject and " and " in ctx.main_subject:
        ctx.group = ctx.main_subject
    elif ctx.main_subject:  # "the two countries" in an article that names one place in its lead:
        # the pair it forms in the body, else the next most named place of its level
        ctx.group = next((f"{a} and {b}" for (a, b), _ in pairs.most_common() if ctx.main_subject in (a, b)), None)
        level = vocab.countries if ctx.main_subject in vocab.countries else None
        if ctx.group is None and level:
            second = [c for c in sorted(counts, key=lambda c: (-counts[c], first_seen[c]))
                      if c != ctx.main_subject and c in level]
            if second:
                ctx.group = f"{ctx.main_subject} and {second[0]}"
    if ctx.main_subject:
        ctx.capital = _capital_named(vocab, ctx.main_subject, runs)
    ctx.scenes = _scene_sentences(vocab, ctx.capital, sentences)
    ctx.headings = _place_headings(vocab, sentences)
    if events:
        ctx.event = events.most_common(1)[0][0]
    ctx.event_names = frozenset(named_with_event)
    ctx.named_event, ctx.named_events = _named_event(rx, title, ctx.article.text)
    # title, lead or authority; a list in the order first named, so a tie goes the same way every run
    lead_named = [c for c in named_with_event if named_with_event[c] > 1 or c in local]
    if ctx.event and (local or lead_named) and not any(n in vocab.countries or vocab.places.get(tuple(n.split()), ("", ""))[1] == "state"
                                    for n in named_with_event):
        # a local event (a town's fire, a county's flood): its whole-event counts are kept by the local
        # authority that speaks for it ("Maui County police"), else named by the place it is called after
        ctx.event_place = max(local, key=lambda c: (local[c], named_with_event[c], -first_seen.get(c, 0))) \
            if local else max(lead_named, key=lambda c: (named_with_event[c], -first_seen.get(c, 0)))
    titles = title_words()
    located = [(m.start(), p) for m in rx.phrases.finditer(ctx.article.text)
               for p in _split_at_full_stops(m.group(), titles)]
    phrases = [p for _, p in located]
    for at, phrase in located:
        words = phrase.split()
        while words and (words[0].lower().rstrip(".") in titles or words[0] in vocab.place_names
                         or (words[0],) in vocab.aliases or words[0].lower() in STOP):  # "Per Insider," is no "Per"
            words = words[1:]
        if 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and \
                words[-1].lower() not in vocab.claimant_nouns and words[-1].lower() not in titles:
            ctx.names.setdefault(words[-1], " ".join(words))
            lead_words = phrase.split()[:len(phrase.split()) - len(words)]
            home = next((vocab.place_names[w] for w in lead_words if w in vocab.place_names), None)
            if home and any(w.lower().rstrip(".") in titles for w in lead_words):
                ctx.nationality.setdefault(" ".join(words), home)  # "Turkish President Recep Tayyip Erdogan"
            if not any(w in vocab.place_names or w.lower() in org_words() or "'" in w or "’" in w for w in words):
                ctx.people.append((at, ctx.names[words[-1]]))
            lead = phrase.split()[:len(phrase.split()) - len(words)]
            if lead and lead[-1].lower().rstrip(".") in titles:
                role = lead[-1].lower().rstrip(".")
                ctx.titled.setdefault(TITLE_ABBREVIATIONS.get(role, role), " ".join(words))
    ctx.orgs = _organisations(ctx.vocab, ctx.article.text, located, rx)
    ctx.company_names = _company_short_names(vocab, ctx.orgs)
    # acronyms: "WHO" -> "World Health Organisation" when the initials match an earlier name
    for phrase in phrases:
        words = [w for w in phrase.split() if w.lower() not in ("of", "and", "the", "for")]
        if len(words) >= 2:
            ctx.acronyms.setdefault("".join(w[0] for w in words).upper(), phrase)
    for m in rx.acronyms.finditer(ctx.article.text):
        ctx.acronyms[m.group(2)] = m.group(1)


def org_kinds() -> dict[str, str]:
    """word -> kind of organisation (``data/org_kinds.tsv``): "authority", "ministry", "firm" -> company."""
    return data_map("org_kinds.tsv")


def _organisations(vocab: Vocabulary, text: str, located: list[tuple[int, str]], rx: "_ArticlePatterns") -> list[tuple[int, str, str]]:
    """(offset, name, kind) of the organisations the article names, in text order: capitalised names
    with a kind word ("National Disaster Management Authority", "Acme Corp") and companies named
    with their business ("Tesla's second-quarter revenue")."""
    kinds = org_kinds()
    found = []
    for at, phrase in located:
        words = phrase.split()
        while words and words[0].lower() in STOP:
            at += len(words[0]) + 1
            words = words[1:]
        kind = next((kinds[w.lower().rstrip(".,")] for w in reversed(words) if w.lower().rstrip(".,") in kinds), None)
        if kind and len(words) >= 2:
            found.append((at, " ".join(words).rstrip(".,"), kind))
    places = vocab.place_names
    for rx_company in (rx.company, rx.company_reports, rx.company_staff):
        for m in rx_company.finditer(text):
            if m.group(1).split()[0].lower() not in STOP and m.group(1) not in places:  # "Germany's workers"
                found.append((m.start(1), m.group(1), "company"))
    for m in rx.kind_then_name.finditer(text):  # "the carmaker Ford", "the agency FEMA"
        kind = kinds.get(m.group(1).lower())
        if kind and m.group(2).split()[0].lower() not in STOP and m.group(2).split()[0].lower() not in TIME_WORDS:
            found.append((m.start(2), m.group(2), kind))
    return sorted(found)


def _company_short_names(vocab: Vocabulary, orgs: list[tuple[int, str, str]]) -> dict[str, str]:
    """"Delta Air Lines" is "Delta" on second mention, "Acme Holdings" is "Acme": the first word of a
    company's name of several words, when that word is no place, title or common word."""
    out: dict[str, str] = {}
    for _, name, kind in orgs:
        words = name.split()
        first = words[0]
        if kind == "company" and len(words) >= 2 and first[:1].isupper() and len(first) >= 3 and first.isalpha() \
                and first not in vocab.place_names and first.lower() not in STOP and first.lower() not in title_words() \
                and first.lower() not in org_words():
            out.setdefault(first, name)
    return out


_NON_SPACE = re.compile(r"\S+")
_DIGIT = re.compile(r"\d")


def _place_runs(vocab: Vocabulary, rx: "_ArticlePatterns", text: str):
    """(start, end, canonical) of the places named in ``text``, longest name first."""
    for m in rx.capitals.finditer(text):
        spans = [(w.start() + m.start(), w.group()) for w in _NON_SPACE.finditer(m.group())]
        words = [w for _, w in spans]
        offsets = [at for at, _ in spans]
        i = 0
        while i < len(words):
            for k in range(vocab.place_lengths.get(words[i].replace("’", "'").rstrip(".,").removesuffix("'s"), 1), 0, -1):
                if i + k <= len(words):
                    key = " ".join(words[i:i + k]).replace("’", "'").rstrip(".,").removesuffix("'s")  # "Mexico's"
                    canonical = vocab.place_names.get(key)
                    if canonical:
                        masthead = i + k < len(words) and words[i + k].lower().rstrip(".,") in MASTHEADS
                        if not masthead and not in_institution_name(text[max(0, offsets[i] - 30):offsets[i]].split()[-2:]):
                            yield offsets[i], offsets[i] + len(key), canonical  # (not "The New York Times")
                        i += k
                        break
            else:
                i += 1


# a newspaper's word after a place names the paper: "The New York Times" (data/place_words.tsv)
MASTHEADS = word_class("place_words.tsv", "masthead")


def in_institution_name(before: list[str]) -> bool:
    """The two words before a place make it part of an institution's name: "Bank of England",
    "University of Texas" name a bank and a university, not where a figure is."""
    return len(before) == 2 and before[1] == "of" and before[0][:1].isupper() and before[0].lower() in INSTITUTIONS


def _capital_named(vocab: Vocabulary, country: str, runs: list[tuple[str, int, int, str]]) -> str | None:
    """The capital of ``country`` as the article first names it (title first, then text; ``runs``
    are the place runs read from them, in that order): "Paris" in a story about France."""
    for text, at, end, canonical in runs:
        if canonical == country and vocab.places.get(tuple(text[at:end].split()), ("", ""))[1] == "capital":
            return text[at:end]
    return None


def unglued(vocab: Vocabulary, word: str) -> str | None:
    """A known place glued to a function word by a typo or a lost space: "Paristhe" -> "Paris"."""
    for cut in (2, 3):
        head, tail = word[:-cut], word[-cut:]
        if len(head) > 2 and tail in _GLUED and head in vocab.place_names:
            return head
    return None


_GLUED = frozenset("the of and in on at to for".split())  # not "an": "Malian" is a word


THE_CITY = "the city"  # a scene that refers back to the last city named
_LOCATIVE_NAME = re.compile(r"\b(?:in|near|outside|around|inside)\s+(?:the\s+)?"
                            r"(city|town|village|[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)\b")
_SCENE = re.compile(r"(?:[A-Z]\w*\s+)?[Ii]n\s+(?:the\s+(capital)|([A-Z][\w’'-]+))\s*[.,:]")


def _place_headings(vocab: Vocabulary, sentences: list[Sentence]) -> list[tuple[int, str]]:
    """Paragraphs that are only a listed place's name ("Florida", "North Carolina"): section headings
    of an article told place by place; the figures under one are counted there."""
    out = []
    for k, sent in enumerate(sentences):
        alone = (k == 0 or sentences[k - 1].paragraph != sent.paragraph) and (
            k + 1 == len(sentences) or sentences[k + 1].paragraph != sent.paragraph)
        words = tuple(sent.text.strip().rstrip(":").split())
        if alone and len(words) <= 4 and words in vocab.places:
            out.append((sent.start, vocab.places[words][0]))
    return out


def _scene_sentences(vocab: Vocabulary, capital: str | None, sentences: list[Sentence]) -> list[tuple[int, int, str]]:
    """Sentences without a figure that open on a scene, "First in Paris.", "In Lyon, the mood was calmer.",
    or put something in a place ("Rebels seized a camp in the city."): the figures after them in the
    paragraph are counted there."""
    out = []
    for sent in sentences:
        if _DIGIT.search(sent.text):
            continue
        m = _SCENE.match(sent.text)
        if not m:
            # "The RSF seized the Zamzam camp in the city after clashes.": the last place the sentence
            # puts something in; "the city" is resolved by the subject reader
            last = None
            for last in _LOCATIVE_NAME.finditer(sent.text):
                pass
            if last is None:
                continue
            name = last.group(1).removesuffix("’s").removesuffix("'s")
            if name in ("city", "town", "village"):
                out.append((sent.start + last.start(1), sent.paragraph, THE_CITY))
                continue
            if name.lower() in STOP or name.lower() in TIME_WORDS or name in vocab.demonyms \
                    or any(w.lower() in org_words() for w in name.split()):
                continue
            canonical, kind = vocab.places.get(tuple(name.split()), (name, "city"))
            out.append((sent.start + last.start(1), sent.paragraph, name if kind in ("capital", "city") else canonical))
            continue
        name = capital if m.group(1) else m.group(2)
        if not name or name.lower() in STOP or name.lower() in TIME_WORDS or name in vocab.demonyms:
            continue
        canonical, kind = vocab.places.get(tuple(name.split()), (name, "city"))
        out.append((sent.start, sent.paragraph, name if kind in ("capital", "city") else canonical))
    return out


_LOCAL_AUTHORITY = re.compile(r"\b(?:County|police|mayor|sheriff|fire department)\b")
_PAIR_JOINERS = frozenset({"and", "&", "-", "–", "/"})


def _lead_pair(vocab: Vocabulary, rx: "_ArticlePatterns", text: str) -> str | None:
    """The first two places of one kind joined by "and" (or a hyphen: "Turkey-Syria earthquake")
    in ``text``, canonical names in the order written: "Turkiye and Syria" -> "Turkey and Syria"."""
    flat = text.replace("-", " ").replace("–", " ")  # same length: offsets carry over
    prev = None
    for at, end, canonical in _place_runs(vocab, rx, flat):
        surface = text[at:end]
        kind = vocab.places.get(tuple(surface.split()), (None, "alias"))[1]
        if surface in vocab.demonyms:
            prev = None
            continue
        if prev and prev[1] != canonical and text[prev[0]:at].strip() in _PAIR_JOINERS and \
                not text[:prev[3]].rstrip().endswith(",") and _same_level(prev[2], kind) and \
                not _speakers_base(vocab, text[max(0, prev[3] - 40):prev[3]]):
            return f"{prev[1]} and {canonical}"
        prev = (end, canonical, kind, at)
    return None


def _speakers_base(vocab: Vocabulary, before: str) -> bool:
    """"a report by researchers in Britain and Sudan": the pair says where the speakers work, not
    what the story is about."""
    words = before.lower().split()
    return len(words) >= 2 and words[-1] == "in" and words[-2] in vocab.claimant_nouns


def _same_level(a: str, b: str) -> bool:
    """Two countries, two states: "Turkey and Syria" is a pair, "Paris and France" is not."""
    level = {"alias": "country", "capital": "city"}
    return level.get(a, a) == level.get(b, b)


_EVENT_MODIFIERS = frozenset("deadly devastating massive powerful strong huge major latest recent historic "
                             "catastrophic the a".split())


def _event_place_names(vocab: Vocabulary, rx: "_ArticlePatterns", text: str, start: int, end: int) -> list[str]:
    """Places named with an event noun: "the Maui wildfires", "Turkey, Syria earthquake", "quake in Turkey"."""
    words = text[max(0, start - 60):start].split()
    while words and words[-1].lower() in _EVENT_MODIFIERS:
        words.pop()
    found = []
    if words:
        w = words[-1].removesuffix("’s").removesuffix("'s")
        if w[:1].isupper() and not (len(words) > 1 and words[-2].lower().endswith("est")):
            found.append(w)
            if len(words) >= 2 and words[-2].endswith(",") and words[-2][:1].isupper():
                found.insert(0, words[-2].rstrip(","))
            elif len(words) >= 3 and words[-2] in ("and", "-", "–") and words[-3][:1].isupper():
                found.insert(0, words[-3])
    m = rx.event_after.match(text, end)
    if m:
        found.append(m.group(1))
    names = []
    for g in found:
        key = g.rstrip(".,").replace("’", "'")
        if key.lower() in TIME_WORDS or key.lower() in STOP or (len(key) < 3 and key not in vocab.place_names):
            continue  # "the 6.8 M earthquake": a scale's letter, not a place
        names.append(vocab.place_names.get(key) or key)
    return names


# a name that follows a storm title but names a thing, not a storm ("Storm Shadow missiles")
_NOT_A_STORM_AFTER = re.compile(r"\s+(?:missiles?|cruise|drones?|rockets?|troopers?|centers?|centres?)\b")


def _named_event(rx: "_ArticlePatterns", title: str, text: str) -> tuple[str | None, dict[str, str]]:
    """(the event the article is about, known by its given name: "Hurricane Mira"; every named
    event it names, each with its most used title). A storm of the past it is compared with
    ("the deadliest since Hurricane Oskar") is named less often than the story's."""
    found: list[tuple[str, str]] = []  # (title, name), in order: title first, then text
    for chunk in (title, text):
        for m in rx.named_events.finditer(chunk):
            if not _NOT_A_STORM_AFTER.match(chunk, m.end()):
                found.append((m.group(1), m.group(2)))
    if not found:
        return None, {}
    # the story's event is the name said most often, titled or bare (the title counts twice)
    said = {n: 2 * len(re.findall(rf"\b{re.escape(n)}\b", title)) + len(re.findall(rf"\b{re.escape(n)}\b", text))
            for _, n in found}
    order = {n: i for i, (_, n) in reversed(list(enumerate(found)))}
    name = max(said, key=lambda n: (said[n], -order[n]))
    events = {n: f"{Counter(t for t, m in found if m == n).most_common(1)[0][0]} {n}" for _, n in found}
    return events[name], events


def _split_at_full_stops(phrase: str, titles: frozenset[str]) -> list[str]:
    """"Lahaina. Green" is two phrases; "Gov. Josh Green" is one."""
    out, cur = [], []
    for w in phrase.split():
        cur.append(w)
        if w.endswith(".") and w[:-1].lower() not in titles and w[:-1].lower() not in ABBREV_DOT:
            cur[-1] = w[:-1]
            out.append(" ".join(cur))
            cur = []
    if cur:
        out.append(" ".join(cur))
    return [p for p in out if " " in p]


@dataclass(frozen=True, slots=True)
class _ArticlePatterns:
    capitals: re.Pattern
    jurisdiction: re.Pattern
    events: re.Pattern
    event_after: re.Pattern
    phrases: re.Pattern
    acronyms: re.Pattern
    company: re.Pattern
    company_reports: re.Pattern
    company_staff: re.Pattern
    kind_then_name: re.Pattern
    named_events: re.Pattern


@cache
def _article_patterns() -> _ArticlePatterns:
    ev = "|".join(sorted(EVENT_NOUNS, key=len, reverse=True))
    return _ArticlePatterns(
        capitals=re.compile(r"(?<![\w.])[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*"),
        jurisdiction=re.compile(r"(?<![\w.])([A-Z][a-z][\w-]*)(?:\s+County)?(?:['’]s)?\s+(?i:police|officials|mayor|"
                                r"governor|authorities|government|council|sheriff|fire department)\b"),
        events=re.compile(rf"\b({ev})\b", re.IGNORECASE),
        event_after=re.compile(r"\s+(?:in|on)\s+([A-Z][\w.]*)"),
        phrases=re.compile(r"(?<![\w.])[A-Z][\w’'.-]*(?:[ \t]+(?:(?:of|and|for)[ \t]+)?[A-Z][\w’'.-]*)+"),
        acronyms=re.compile(r"([A-Z][\w’'-]*(?:\s+(?:of|and|for|the|[A-Z][\w’'-]*))+)\s+\(([A-Z]{2,})\)"),
        company=re.compile(r"(?<![\w.])([A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,2})['’]s\s+(?:[\w,.-]+\s+){0,2}?"
                           r"(?:" + "|".join(BUSINESS_NOUNS) + r")\b"),
        kind_then_name=re.compile(r"\b[Tt]he\s+(?:[a-z-]+\s+)?([a-z]+)\s+([A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,2})"),
        company_reports=re.compile(r"(?<![\w.])([A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,2})\s+(?:reported|posted|announced|"
                                   r"forecast|booked)\s+(?:[\w-]+\s+){0,3}?(?:" + "|".join(BUSINESS_NOUNS) + r")\b"),
        # "layoffs at Twitter", "employees at Acme Corp": an employer
        company_staff=re.compile(r"\b(?:layoffs|job cuts|jobs|employees|staff|staffers|workers|workforce|headcount)"
                                 r"\s+at\s+([A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,2})"),
        named_events=re.compile(r"\b(" + "|".join(map(re.escape, sorted(data_lines("named_events.txt"), key=len, reverse=True)))
                                + r")\s+([A-Z][a-zà-ÿ]+)\b"),
    )


# "Tesla's second-quarter revenue": a name that owns these is a company
BUSINESS_NOUNS = ("revenue", "revenues", "profit", "profits", "sales", "shares", "stock", "earnings",
                  "net income", "operating income", "market value", "workforce", "quarterly",
                  "employees", "staff", "staffers", "workers", "headcount")
TITLE_ABBREVIATIONS = {"gov": "governor", "sen": "senator", "rep": "representative", "gen": "general",
                       "col": "colonel", "capt": "captain", "sgt": "sergeant", "pres": "president"}
