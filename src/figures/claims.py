"""Sentences -> Claims: the figure, its interval, entity, subject, claimant, as-of, modality, span.

Rule-based, for speed (a full spaCy pipeline parses about 290 sentences/s; this runs several
thousand). Per article: split sentences, find figures once (``numbers.find_figures``, article
offsets), tokenise each sentence with the figures as single tokens, then read around each figure:

- entity: the noun phrase after the figure ("12,000 special forces troops"), the participle that
  says what happened to it ("6,217 buildings have collapsed" -> "buildings collapsed"), the
  measure noun it is the value of ("the death toll ... stands at 3,000" -> "people killed"), the
  noun it measures ("a depth of 17.9km" -> "depth"), or the previous figure's (ellipsis: "with
  1,500 already positioned");
- subject: a place named in the figure's clause ("1,602 people have died in Syria"), else the
  article's main place; properties of the event (magnitude, depth) are about the event;
- attributed_to: "X said", "said X", "according to X", "citing X", pronouns -> the last named
  claimant, relay chains with the original claimant first; the outlet when nobody is named;
- as_of: a date next to the claimant verb, else the nearest date in the sentence (timeref),
  else the publication date;
- modality, measure, is_change, location from the vocabulary tables in ``data/``.

Vocabulary (``data/``): measures.tsv (cue -> measure: killed, injured, missing, displaced,
deployed, arrested, protesters, jobs, cost, spent, paid, budget, funding, aid, magnitude, depth,
aftershocks, destroyed, damaged, identified, rescued, affected, temperature, inflation,
unemployment, growth, revenue, profit, sales, turnout, votes, population; by unit: share for
percentages, amount for money, duration, age, multiplier, change), modality.tsv,
claimant_verbs.txt, claimant_nouns.txt, document_nouns.txt, titles.txt, org_words.txt,
places.tsv (countries, capitals, US states: GeoNames), subject_aliases.tsv (demonyms).

Numbers the extractor saw but did not make claims of come back as ``Mention`` records with the
reason (vague amounts, digits the figure parser did not read), so recall gaps can be counted.
"""
from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from typing import NamedTuple

from figures.numbers import Figure, find_figures
from figures.records import Article, Claim, Mention, Rejection
from figures.sentences import Sentence, split_sentences
from figures.timeref import TimeRef, find_time_refs

log = logging.getLogger(__name__)  # the library logs; only the CLI prints


@dataclass(frozen=True, slots=True)
class Extraction:
    claims: tuple[Claim, ...]
    mentions: tuple[Mention, ...] = ()


# ---------------------------------------------------------------- vocabulary (data files)

@dataclass(frozen=True, slots=True)
class Measure:
    cue: str
    measure: str
    entity: str | None  # None: keep the noun after the figure and append the cue
    kind: str  # noun, verb or event


@dataclass(frozen=True, slots=True)
class Vocabulary:
    claimant_verbs: frozenset[str]
    claimant_nouns: frozenset[str]
    document_nouns: frozenset[str]
    modality: dict[tuple[str, ...], str]
    measures: dict[tuple[str, ...], Measure]
    places: dict[tuple[str, ...], tuple[str, str]]  # words -> (canonical, kind)
    aliases: dict[tuple[str, ...], str]  # demonyms and other names -> canonical subject
    place_names: dict[str, str]  # surface as written -> canonical, places and aliases
    demonyms: frozenset[str]
    demonym_of: dict[str, str]  # country -> demonym ("Turkey" -> "Turkish")
    countries: frozenset[str]  # names of countries as written, aliases included
    measure_first: frozenset[str]  # first words of the measure cues, for a quick test
    modality_first: frozenset[str]
    place_first: frozenset[str]


def _lines(name: str) -> list[str]:
    text = resources.files("figures").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return [line.rstrip("\n") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _key(phrase: str) -> tuple[str, ...]:
    return tuple(t.lower() for t in _tokens_of(phrase))


@cache
def vocabulary() -> Vocabulary:
    """The vocabulary tables, read once from ``figures/data``."""
    measures = {}
    for line in _lines("measures.tsv"):
        cue, measure, entity, kind = line.split("\t")
        measures[_key(cue)] = Measure(cue, measure, None if entity == "-" else entity, kind)
    places = {}
    for line in _lines("places.tsv"):
        surface, canonical, kind = line.split("\t")
        places[tuple(w.rstrip(".") for w in _tokens_of(surface))] = (canonical, kind)
    aliases = {tuple(_tokens_of(a)): c for a, c in (line.split("\t") for line in _lines("subject_aliases.tsv"))}
    modality = {_key(c): m for c, m in (line.split("\t") for line in _lines("modality.tsv"))}
    return Vocabulary(
        claimant_verbs=frozenset(_lines("claimant_verbs.txt")),
        claimant_nouns=frozenset(_lines("claimant_nouns.txt")),
        document_nouns=frozenset(_lines("document_nouns.txt")),
        modality=modality, measures=measures, places=places, aliases=aliases,
        demonyms=frozenset(" ".join(k) for k in aliases),
        demonym_of={c: " ".join(k) for k, c in aliases.items()},
        countries=frozenset(" ".join(k) for k, v in places.items() if v[1] in ("country", "alias")),
        place_names={**{" ".join(k): v for k, v in aliases.items()},
                     **{" ".join(k).replace(" '", "'"): v[0] for k, v in places.items()}},
        measure_first=frozenset(k[0] for k in measures), modality_first=frozenset(k[0] for k in modality),
        place_first=frozenset(k[0] for k in list(places) + list(aliases)),
    )


# Function words: never part of an entity, a claimant or a place name.
STOP = frozenset("""
a an the this that these those some any each every all both no not its his her their our my your
of in on at by for to from with without into onto over under about around after before since until
as than then while when where which who whom whose what why how whether if so and or but nor
is are was were be been being am has have had having do does did will would shall should can
could may might must also already still just only even now yet more most less least other others
another further additional extra such same up down out off per via alone almost nearly some
it they he she we you i them him us me there here its itself themselves reportedly currently
total figure number numbers tally count sum near within beyond across
""".split())
DETERMINERS = frozenset("a an the this that these those some its his her their our".split())
PRONOUNS = {"he": "person", "she": "person", "they": "any", "it": "any", "we": "any"}
AUXILIARIES = frozenset("has have had is are was were be been being will would could may might also "
                        "remain remains remained "
                        "further previously recently now later then separately earlier already "
                        "reportedly initially first so far just still yet".split())
BE = frozenset("is are was were be been being".split())
# "the number of X", "a total of X" are transparent: the entity is X
TRANSPARENT = frozenset("number total tally count sum figure estimate list".split())
GENERIC_COUNTS = frozenset("names people persons individuals cases".split())
PEOPLE = frozenset("people persons individuals civilians residents".split())
CHANGE_VERBS = frozenset("rose rise rises risen increased increase increases grew grow grown fell fall falls "
                         "fallen dropped drop drops declined decline declines jumped jump climbed climb "
                         "surged surge soared soar slipped slid plunged plunge gained gain lost cut cuts "
                         "raised lowered revised boosted reduced".split())
CHANGE_NOUNS = frozenset("increase rise drop fall decline jump gain cut growth hike reduction".split())
COPULA = frozenset("is are was were stands stood stand reached reach reaches rose rise risen climbed "
                   "climb climbs increased increase jumped hit hits topped top tops exceeded exceed exceeds "
                   "surpassed surpass passed remains remained remain at to of as rising grown grew "
                   "soared surged stood totalled totaled totals amounts amounted come came".split())
REGION_NOUNS = frozenset("province provinces region regions area areas district districts county city town "
                         "state territory territories zone zones village villages north south east west "
                         "northwest northeast southwest southeast north-west north-east south-west south-east "
                         "island islands coast capital".split())
EVENT_NOUNS = {"earthquake": "earthquake", "earthquakes": "earthquake", "quake": "earthquake",
               "quakes": "earthquake", "tremor": "earthquake", "temblor": "earthquake",
               "wildfire": "wildfire", "wildfires": "wildfire", "fire": "fire", "fires": "fire",
               "blaze": "fire", "storm": "storm", "hurricane": "hurricane", "typhoon": "typhoon",
               "cyclone": "cyclone", "flood": "flood", "floods": "flood", "flooding": "flood",
               "eruption": "eruption", "explosion": "explosion", "attack": "attack", "tsunami": "tsunami"}
TIME_UNITS = frozenset("second minute hour day week month year decade century s min h d".split())
VAGUE = re.compile(r"\b(?:hundreds|thousands|dozens|millions|billions|scores|tens of thousands|"
                   r"hundreds of thousands)\b", re.IGNORECASE)
MONEY_NOUNS = frozenset({"cost", "price", "payment", "spending", "budget", "funding", "aid", "revenue",
                         "profit", "sales", "money spent", "bill"})


# ---------------------------------------------------------------- tokens

_TOKEN = re.compile(r"[’']s\b|[’']t\b|\w+(?:[-.]\w+)*\.?|[^\w\s]")
_ABBREV_DOT = frozenset("gov sen rep gen lt col sgt capt st dr mr mrs ms prof jr sr u.s u.k u.n".split())


def _tokens_of(text: str) -> list[str]:
    return [m.group().rstrip(".") if not m.group().endswith("..") else m.group() for m in _TOKEN.finditer(text)
            if m.group() != "."]


class Tok:
    """One token: a word, a punctuation mark, or a whole figure (``fig`` >= 0)."""

    __slots__ = ("start", "end", "text", "low", "fig", "cap", "word")

    def __init__(self, start: int, end: int, text: str, low: str, fig: int = -1):
        self.start, self.end, self.text, self.low, self.fig = start, end, text, low, fig
        first = text[:1]
        self.cap = first.isupper()
        self.word = fig < 0 and first.isalnum()


def _tokenise(text: str, start: int, end: int, figs: list[tuple[int, int, int]]) -> list[Tok]:
    """Tokens of text[start:end]; each figure (fig_start, fig_end, index) becomes one token."""
    toks: list[Tok] = []
    lowered = text[start:end].lower().replace("’", "'")  # same length: offsets carry over
    pos = start
    for fs, fe, idx in figs:
        _words(text, lowered, start, pos, fs, toks)
        toks.append(Tok(fs, fe, text[fs:fe], lowered[fs - start:fe - start], idx))
        pos = fe
    _words(text, lowered, start, pos, end, toks)
    return toks


def _words(text: str, lowered: str, base: int, start: int, end: int, toks: list[Tok]) -> None:
    for m in _TOKEN.finditer(text, start, end):
        s, e = m.span()
        t = m.group()
        if t[-1] == "." and len(t) > 1 and lowered[s - base:e - base - 1] not in _ABBREV_DOT:
            t, e = t[:-1], e - 1  # a full stop that ends the sentence is not part of the word
        toks.append(Tok(s, e, t, lowered[s - base:e - base]))


# ---------------------------------------------------------------- article context

@dataclass(slots=True)
class Claimant:
    name: str
    start: int  # where the cue stands (the verb, "according to", "citing")
    role: str  # speaker, source (cited) or relay (the outlet passing it on)
    is_person: bool = False
    lead_ok: bool = True  # may cover figures before it in the sentence
    weak: bool = False  # a verb such as "expect" that attributes only when nothing stronger does
    day: tuple[date, str] | None = None  # the date given with the statement ("said Monday")


@dataclass(slots=True)
class _Context:
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
    news_day: tuple[date, str] | None = None  # the day the article's statements were made
    dates_for: list | None = None  # the sentence's time refs that ``dates`` was computed from
    dates: list = field(default_factory=list)
    last_claimant: Claimant | None = None
    last_person: Claimant | None = None
    event: str | None = None


class _Read(NamedTuple):
    """One sentence as read in the first pass."""

    sent: Sentence
    idxs: list[int]  # indexes of the figures that start in it
    toks: list[Tok]
    claimants: list[Claimant]
    times: list[TimeRef]


def extract_claims(article: Article) -> Extraction:
    """Every quantified claim in the article, in text order, and the numbers left unparsed."""
    text = article.text
    vocab = vocabulary()
    sentences = split_sentences(text)
    figures, non_figures = find_figures(text)
    starts = [s.start for s in sentences]
    by_sentence: dict[int, list[int]] = {}
    for i, f in enumerate(figures):
        by_sentence.setdefault(max(0, bisect_right(starts, f.start) - 1), []).append(i)
    ctx = _Context(article, article.published, vocab, None, {}, figures)
    _read_article(ctx, sentences)

    # pass 1: tokens, claimants (in order, so pronouns find the last named speaker) and dates
    reads: list[_Read] = []
    cue = _cue_pattern()
    for si, sent in enumerate(sentences):
        idxs = by_sentence.get(si, [])
        figs = [(figures[i].start, min(max(figures[i].end, figures[i].unit_end or 0), sent.end), i) for i in idxs
                if figures[i].start < sent.end]
        if not figs and not cue.search(text, sent.start, sent.end):
            reads.append(_Read(sent, idxs, [], [], []))  # nothing to read: no figure, nobody speaking
            continue
        toks = _tokenise(text, sent.start, sent.end, _non_overlapping(figs))
        claimants = _claimants(ctx, toks)
        times = find_time_refs(text, article.published, sent.start, sent.end) if (
            article.published and (figs or claimants)) else []
        starts_t = [t.start for t in times]
        for c in claimants:
            lo_t = bisect_right(starts_t, c.start - 40)
            near = [t for t in times[lo_t:lo_t + 8] if t.role == "point" and _dates_statement(text, c.start, t)]
            if near:
                c.day = _not_after(near[0], article.published)
        reads.append(_Read(sent, idxs, toks, claimants, times))
    _inherit_quoted(ctx, reads)
    ctx.news_day = _news_day(article.published, reads)

    claims: list[Claim] = []
    mentions: list[Mention] = []
    for sent, idxs, toks, claimants, times in reads:
        if not idxs:
            continue
        places = _places(ctx, toks)
        entities: dict[int, str | None] = {}
        ctx.kinds, ctx.measures = {}, {}
        for ti, tok in enumerate(toks):
            if tok.fig < 0:
                continue
            f = figures[tok.fig]
            if f.value is None:
                mentions.append(Mention(article.id, f.start, f.end, text[f.start:f.end],
                                        "vague amount with no point value"))
                continue
            claims.append(_claim(ctx, sent, toks, ti, f, claimants, times, places, entities))
    for sent, idxs, *_ in reads:
        mentions.extend(_unparsed(article, sent, figures, idxs, non_figures))
    log.debug("%s: %d sentences, %d claims, %d unparsed mentions", article.id, len(sentences), len(claims),
              len(mentions))
    return Extraction(tuple(claims), tuple(mentions))


@cache
def _cue_pattern() -> re.Pattern:
    """Any word that can introduce a claimant: a quick test before tokenising a sentence."""
    vocab = vocabulary()
    words = sorted(vocab.claimant_verbs | PARTICIPLES | {"according", "citing", "cited", "per"}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b")


def _news_day(published: date | None, reads: list[_Read]) -> tuple[date, str] | None:
    """The day the reported statements were made, when the copy went out a day or two later:
    wire style "officials said Friday" in a Saturday paper. Only when every dated statement in
    the article names the same day and one of them is in the first two paragraphs; undated
    figures then refer to that day rather than to the publication date."""
    if published is None:
        return None
    days = {c.day for r in reads for c in r.claimants if c.day and c.start >= 0}
    lead = any(c.day for r in reads if r.sent.paragraph <= 2 for c in r.claimants if c.start >= 0)
    if len(days) != 1 or not lead:
        return None
    day = next(iter(days))
    return day if day[1] == "day" and 1 <= (published - day[0]).days <= 2 else None


def _dates_statement(text: str, verb_at: int, t: TimeRef) -> bool:
    """A date right at the claimant's verb: "said Monday", "said in an email Friday",
    "Wednesday estimated", "officials on Friday said"."""
    if t.start >= verb_at:
        gap = text[verb_at:t.start]
        return len(gap) <= 24 and not any(ch in gap for ch in ",;:“”\"")
    gap = text[t.end:verb_at]
    return len(gap) <= 3


def _inherit_quoted(ctx: _Context, reads: list[_Read]) -> None:
    """A quoted sentence with no claimant of its own takes the speaker named later in the same
    quotation ('"... ," he said'), else the last speaker named before it."""
    text = ctx.article.text
    last: Claimant | None = None
    for k, (sent, idxs, toks, claimants, times) in enumerate(reads):
        if claimants:
            last = next((c for c in reversed(claimants) if c.role != "relay"), last)
            continue
        if not _quoted(text, sent):
            continue
        found = None
        for later in reads[k + 1:k + 4]:
            if later.sent.paragraph != sent.paragraph:
                break
            if later.claimants:
                found = later.claimants[0]
                break
        found = found or last
        if found:
            claimants.append(Claimant(found.name, -1, "speaker", found.is_person, True, False, found.day))


def _quoted(text: str, sent: Sentence) -> bool:
    """The sentence opens with a quotation mark or starts inside an open quotation."""
    if sent.text[:1] in "“\"‘":
        return True
    para_start = text.rfind("\n", 0, sent.start) + 1
    before = text[para_start:sent.start]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _non_overlapping(figs: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    out: list[tuple[int, int, int]] = []
    for fs, fe, i in sorted(figs):
        if out and fs < out[-1][1]:
            continue
        out.append((fs, fe, i))
    return out


def _read_article(ctx: _Context, sentences: list[Sentence]) -> None:
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
    for chunk, weight_of in ((title, lambda pos: 3), (ctx.article.text, lambda pos: 2 if pos < lead_end else 1)):
        prev = None
        for at, end, canonical in _place_runs(vocab, rx, chunk):
            if chunk[at:end] in vocab.demonyms:
                continue  # "Israeli strikes" says who acted, not where
            counts[canonical] += weight_of(at)
            first_seen.setdefault(canonical, at - (10 ** 9 if chunk is title else 0))
            if prev and prev[1] != canonical and chunk[prev[0]:at].strip() == "and":
                pairs[(prev[1], canonical)] += 1
            prev = (end, canonical)
        # "Maui County officials", "Maui's police chief": the authorities who speak locate the story
        for m in rx.jurisdiction.finditer(chunk):
            name = m.group(1)
            if name.lower() in STOP or name.lower() in _titles() or name.lower() in _org_words() \
                    or name in vocab.demonyms or name.lower() in _TIME_WORDS:
                continue
            canonical = vocab.place_names.get(name, name)
            counts[canonical] += 2 * weight_of(m.start())
            first_seen.setdefault(canonical, m.start() - (10 ** 9 if chunk is title else 0))
        for m in rx.events.finditer(chunk):
            if chunk is not title and m.group(1)[0].isupper() and m.start() > 0 and chunk[m.start() - 1] == " " \
                    and chunk[max(0, m.start() - 3):m.start()].strip() not in (".", "“", '"'):
                continue  # "Cal Fire said": a name, not the event
            events[EVENT_NOUNS[m.group(1).lower()]] += 1
            names = _event_place_names(vocab, rx, chunk, m.start(), m.end())
            for canonical in names:
                counts[canonical] += 4 * weight_of(m.start())
                first_seen.setdefault(canonical, m.start() - (10 ** 9 if chunk is title else 0))
            if len(names) == 2 and names[0] != names[1]:
                pairs[(names[0], names[1])] += 1
    if counts:
        top = max(counts, key=lambda c: (counts[c], -first_seen[c]))
        ctx.main_subject = top
        for (a, b), n in pairs.items():
            if top in (a, b) and a != b and min(counts[a], counts[b]) * 2 >= counts[top]:
                ctx.main_subject = f"{a} and {b}"
                break
    if events:
        ctx.event = events.most_common(1)[0][0]
    titles = _titles()
    located = [(m.start(), p) for m in rx.phrases.finditer(ctx.article.text)
               for p in _split_at_full_stops(m.group(), titles)]
    phrases = [p for _, p in located]
    for at, phrase in located:
        words = phrase.split()
        while words and (words[0].lower().rstrip(".") in titles or words[0] in vocab.place_names
                         or (words[0],) in vocab.aliases):
            words = words[1:]
        if 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and \
                words[-1].lower() not in vocab.claimant_nouns and words[-1].lower() not in titles:
            ctx.names.setdefault(words[-1], " ".join(words))
            if not any(w in vocab.place_names or w.lower() in _org_words() or "'" in w or "’" in w for w in words):
                ctx.people.append((at, ctx.names[words[-1]]))
            lead = phrase.split()[:len(phrase.split()) - len(words)]
            if lead and lead[-1].lower().rstrip(".") in titles:
                role = lead[-1].lower().rstrip(".")
                ctx.titled.setdefault(TITLE_ABBREVIATIONS.get(role, role), " ".join(words))
    # acronyms: "WHO" -> "World Health Organisation" when the initials match an earlier name
    for phrase in phrases:
        words = [w for w in phrase.split() if w.lower() not in ("of", "and", "the", "for")]
        if len(words) >= 2:
            ctx.acronyms.setdefault("".join(w[0] for w in words).upper(), phrase)
    for m in rx.acronyms.finditer(ctx.article.text):
        ctx.acronyms[m.group(2)] = m.group(1)


_NON_SPACE = re.compile(r"\S+")


def _place_runs(vocab: Vocabulary, rx: "_ArticlePatterns", text: str):
    """(start, end, canonical) of the places named in ``text``, longest name first."""
    for m in rx.capitals.finditer(text):
        spans = [(w.start() + m.start(), w.group()) for w in _NON_SPACE.finditer(m.group())]
        words = [w for _, w in spans]
        offsets = [at for at, _ in spans]
        i = 0
        while i < len(words):
            for k in (4, 3, 2, 1):
                if i + k <= len(words):
                    key = " ".join(words[i:i + k]).replace("’", "'").rstrip(".,")
                    canonical = vocab.place_names.get(key)
                    if canonical:
                        yield offsets[i], offsets[i] + len(key), canonical
                        i += k
                        break
            else:
                i += 1


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
        if key.lower() in _TIME_WORDS or key.lower() in STOP or not key:
            continue
        names.append(vocab.place_names.get(key) or key)
    return names


def _split_at_full_stops(phrase: str, titles: frozenset[str]) -> list[str]:
    """"Lahaina. Green" is two phrases; "Gov. Josh Green" is one."""
    out, cur = [], []
    for w in phrase.split():
        cur.append(w)
        if w.endswith(".") and w[:-1].lower() not in titles and w[:-1].lower() not in _ABBREV_DOT:
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
    )


TITLE_ABBREVIATIONS = {"gov": "governor", "sen": "senator", "rep": "representative", "gen": "general",
                       "col": "colonel", "capt": "captain", "sgt": "sergeant", "pres": "president"}


# ---------------------------------------------------------------- places

def _place_mentions(vocab: Vocabulary, toks: list[Tok]) -> list[tuple[int, int, str, str]]:
    """(first token, end token, canonical name, kind) of every place named in ``toks``."""
    out = []
    i = 0
    n = len(toks)
    while i < n:
        t = toks[i]
        if not (t.word and t.cap) or t.text.rstrip(".").replace("’", "'") not in vocab.place_first:
            i += 1
            continue
        hit = None
        for k in (4, 3, 2, 1):
            if i + k > n:
                continue
            key = tuple(x.text.replace("’", "'").rstrip(".") for x in toks[i:i + k])
            if key in vocab.places:
                canonical, kind = vocab.places[key]
                hit = (i, i + k, canonical, kind)
                break
            if key in vocab.aliases:
                hit = (i, i + k, vocab.aliases[key], "demonym")
                break
        if hit:
            out.append(hit)
            i = hit[1]
        else:
            i += 1
    return out


@dataclass(slots=True)
class Place:
    first: int
    end: int
    name: str
    kind: str
    in_claimant: bool = False


def _places(ctx: _Context, toks: list[Tok]) -> list[Place]:
    found = [Place(a, b, c, k) for a, b, c, k in _place_mentions(ctx.vocab, toks)]
    known = {p.first for p in found}
    for i, t in enumerate(toks):
        if i in known or not (t.word and t.cap) or t.low in _TIME_WORDS or t.low in _org_words():
            continue
        # "Hatay province", "Kahramanmaras Province": a name with a region noun
        if i + 1 < len(toks) and toks[i + 1].low in REGION_NOUNS and toks[i + 1].low not in (
                "north", "south", "east", "west", "capital", "coast"):
            found.append(Place(i, i + 2, t.text, "region"))
        # "working in Hatay": an unknown name after "in" is a place more often than not
        elif i > 0 and toks[i - 1].low == "in" and (i + 1 == len(toks) or not toks[i + 1].cap) and i + 1 < len(toks) \
                and toks[i + 1].low not in ("'s", ","):  # "in Aleppo, Latakia, Hama": a list, not the scope
            found.append(Place(i, i + 1, t.text, "unknown"))
    # "the North" / "the South": the last "North ..."/"South ..." place of the article
    for i, t in enumerate(toks):
        if t.text in ("North", "South") and i > 0 and toks[i - 1].low == "the" and (
                i + 1 == len(toks) or not toks[i + 1].cap):
            target = ctx.main_subject if (ctx.main_subject or "").startswith(t.text) else None
            if target:
                found.append(Place(i, i + 1, target, "alias"))
    return sorted(found, key=lambda p: p.first)


# ---------------------------------------------------------------- claimants

# Verbs that attribute only when no stronger cue is in the sentence ("ministers expect ...").
WEAK_VERBS = frozenset("expect expects expected believe believes found finds showed shows put puts assumes "
                       "assumed assume released releases published revised estimated estimates projected "
                       "projects predicted predicts forecast forecasts".split())
# Claimant verbs in -ing after a comma: their subject is the sentence's subject.
PARTICIPLES = frozenset("saying stating adding telling warning noting explaining claiming announcing "
                        "confirming reporting".split())
# After these the claimant's verb does not reach back over the sentence: "rose to 99 as the chief said ..."
SUBORDINATORS = frozenset("as while when after before because since although though if and but whereas".split())


def _claimants(ctx: _Context, toks: list[Tok]) -> list[Claimant]:
    """Who is named as saying something in this sentence, with where the cue stands."""
    vocab = ctx.vocab
    out: list[Claimant] = []
    n = len(toks)
    for i, t in enumerate(toks):
        low = t.low
        if t.fig >= 0:
            continue
        if low == "according" and i + 1 < n and toks[i + 1].low == "to":
            name, person = _np_after(ctx, toks, i + 2)
            if name:
                out.append(Claimant(name, t.start, "speaker", person, lead_ok=True))
        elif low == "citing" or (low == "cited" and i + 1 < n and toks[i + 1].low == "by"):
            at = i + 1 + (low == "cited")
            name, person = _np_after(ctx, toks, at)
            if name:
                # "citing data compiled by the FBI": the speaker reads the data; it stays first
                role = "data" if at < n and toks[at].low in vocab.document_nouns else "source"
                out.append(Claimant(name, t.start, role, person, lead_ok=True))
        elif low == "per" and i + 1 < n and toks[i + 1].word:
            # "risen to 31,643 per Turkish disaster management agency AFAD" (not "£2m per person")
            name, person = _np_after(ctx, toks, i + 1)
            if name and (name[:1].isupper() or _headed_by(name, vocab.claimant_nouns)):
                out.append(Claimant(name, t.start, "speaker", person, lead_ok=True))
        elif low in PARTICIPLES and i > 0 and toks[i - 1].text == ",":
            name, person = _sentence_subject(ctx, toks, i, out)
            if name:
                out.append(Claimant(name, t.start, "speaker", person, lead_ok=True))
        elif low in vocab.claimant_verbs and t.text[:1].islower() and not _passive(toks, i) and not (i > 0 and toks[i - 1].low == "to"):
            name, person, lead = _np_before(ctx, toks, i, out)
            if name is None and i + 1 < n and i > 0 and toks[i - 1].text in (",", "”", '"', "’") and low in (
                    "said", "says", "added", "explained", "warned", "reported", "stated", "announced", "wrote"):
                name, person = _np_after(ctx, toks, i + 1, names_only=True)
                lead = True
            country = vocab.place_names.get(name or "")
            if country and low not in WEAK_VERBS and country in vocab.demonym_of and name in vocab.countries:
                name = f"{vocab.demonym_of[country]} authorities"  # "Turkey reported": its authorities did
            if name:
                citing = (i + 1 < n and toks[i + 1].low == "citing") or (
                    i + 2 < n and toks[i + 1].text == "," and toks[i + 2].low == "citing")
                role = "relay" if citing else "speaker"
                out.append(Claimant(name, t.start, role, person, lead_ok=lead, weak=low in WEAK_VERBS))
    # "According to a letter from the Home Office, ministers expect ...": a weak verb framed by a
    # strong cue before it does not name a new claimant
    out = [c for c in out if not c.weak or not any(o.start < c.start and not o.weak for o in out)]
    for c in out:
        if c.role != "relay":
            ctx.last_claimant = c
            if c.is_person:
                ctx.last_person = c
    return out


def _passive(toks: list[Tok], i: int) -> bool:
    """"deaths have been reported", "was estimated": a passive verb names no claimant."""
    j = i - 1
    while j >= 0 and toks[j].low in ("also", "now", "already", "previously", "initially", "officially"):
        j -= 1
    return j >= 0 and toks[j].low in BE


_DATE_WORDS = frozenset("on monday tuesday wednesday thursday friday saturday sunday morning night evening "
                        "afternoon today yesterday overnight late early last this".split())


def _np_before(ctx: _Context, toks: list[Tok], verb: int,
               found: list[Claimant] = ()) -> tuple[str | None, bool, bool]:
    """The subject noun phrase of the claimant verb at ``verb``: (name, is a person, may govern
    figures before it)."""
    j = verb - 1
    # skip auxiliaries, dates and a parenthesis: "The WHO (World ...) has warned", "officials on Friday said"
    while j >= 0:
        low = toks[j].low
        if low in AUXILIARIES or low in _DATE_WORDS or low == "not":
            j -= 1
        elif toks[j].text == ")":
            while j >= 0 and toks[j].text != "(":
                j -= 1
            j -= 1
        else:
            break
    if j < 0:
        return None, False, False
    # "X, who heads the agency, said": skip the relative clause or apposition between commas
    if toks[j].text == ",":
        k = j - 1
        while k >= 0 and j - k < 40 and not (toks[k].text == "," and k + 1 < j and (
                toks[k + 1].low in ("who", "which", "a", "an", "the") or toks[k + 1].low in DETERMINERS
                or (k + 2 < j and toks[k + 1].cap and toks[k + 2].low == "'s")
                or (k > 0 and toks[k - 1].cap and toks[k - 1].word))):
            if toks[k].text in (";",) or toks[k].fig >= 0:
                k = -1
                break
            k -= 1
        if k < 0:
            return None, False, False
        j = k - 1
        if j < 0:
            return None, False, False
    low = toks[j].low
    if low in PRONOUNS:
        ref = ctx.last_person if PRONOUNS[low] == "person" and ctx.last_person else ctx.last_claimant
        lead = _lead_ok(toks, j)
        same = [c for c in found if c.is_person or PRONOUNS[low] != "person"]
        if same:  # "Risklayer ... tweeted that it projected": the claimant of this sentence
            return same[-1].name, same[-1].is_person, lead
        if PRONOUNS[low] == "person" and ctx.last_person is None:
            named = _last_person_named(ctx, toks[j].start)  # "Jane Doe spoke on Monday. She said ..."
            if named:
                return named[1], True, lead
        return (ref.name, ref.is_person, lead) if ref else (None, False, False)
    name, person, first = _np_ending_at(ctx, toks, j)
    return name, person, (_lead_ok(toks, first) if name else False)


def _last_person_named(ctx: _Context, before: int) -> tuple[int, str] | None:
    """The last person named before offset ``before``, claimant or not ("Jane Doe spoke. She said")."""
    found = None
    for at, name in ctx.people:
        if at >= before:
            break
        found = (at, name)
    return found


def _lead_ok(toks: list[Tok], first: int) -> bool:
    """A claimant after a figure covers it unless a subordinator starts its clause ("as the chief said")."""
    k = first - 1
    while k >= 0 and toks[k].low in DETERMINERS:
        k -= 1
    return k < 0 or toks[k].low not in SUBORDINATORS


def _np_ending_at(ctx: _Context, toks: list[Tok], j: int) -> tuple[str | None, bool, int]:
    vocab = ctx.vocab
    end = j
    k = j
    while k >= 0:
        t = toks[k]
        if t.fig >= 0 or not (t.word or t.low == "'s"):
            break
        low = t.low
        if low in ("i", "we", "you"):
            break
        if t.cap or low in vocab.claimant_nouns or low == "'s" or (k == end and low in vocab.document_nouns):
            k -= 1
            continue
        if low in ("of", "and", "for", "at", "from", "in") and k > 0 and toks[k - 1].cap and k < end:
            k -= 1
            continue
        if low not in STOP and k < end and not low.endswith("ly") and low not in vocab.claimant_verbs:
            k -= 1  # a modifier inside the phrase: "the South Korean intelligence agency"
            continue
        break
    first = k + 1
    while first <= end and (toks[first].low in DETERMINERS or toks[first].low in ("of", "and", "'s", "in")):
        first += 1
    if first > end:
        return None, False, first
    words = toks[first:end + 1]
    head = words[-1]
    if head.low in vocab.document_nouns and not head.cap and head.low not in vocab.claimant_nouns:
        # "the ministry's latest figures show": the owner of the document speaks
        owner = [k for k, w in enumerate(words) if w.low == "'s"]
        if not owner:
            return None, False, first
        words = words[:owner[-1]]
        if not words:
            return None, False, first
        head = words[-1]
    if not (head.cap or head.low in vocab.claimant_nouns):
        return None, False, first
    if len(words) == 1 and head.low in ("it", "this", "that", "i", "we", "you"):
        return None, False, first
    return _resolve_name(ctx, words), _looks_like_person(words, vocab), first


def _sentence_subject(ctx: _Context, toks: list[Tok], i: int, found: list[Claimant]) -> tuple[str | None, bool]:
    """The subject of the sentence that a participle ("..., stating that") hangs from: the
    claimant already named in the sentence, else the sentence's first noun phrase."""
    if found:
        return found[-1].name, found[-1].is_person
    j = 0
    while j < i and (toks[j].cap or toks[j].low in ctx.vocab.claimant_nouns or toks[j].low == "'s"
                     or (toks[j].low in DETERMINERS and j == 0)):
        j += 1
    if j == 0:
        return None, False
    name, person, _ = _np_ending_at(ctx, toks, j - 1)
    return name, person


def _np_after(ctx: _Context, toks: list[Tok], i: int, names_only: bool = False) -> tuple[str | None, bool]:
    vocab = ctx.vocab
    n = len(toks)
    while i < n and toks[i].low in DETERMINERS | {"unnamed", "an", "a", "anonymous", "latest", "new"}:
        i += 1
    j = i
    while j < n:
        t = toks[j]
        if t.fig >= 0 or not (t.word or t.low == "'s"):
            break
        if t.cap or t.low in vocab.claimant_nouns or t.low in vocab.document_nouns or t.low == "'s":
            j += 1
            continue
        if t.low in ("of", "and", "for", "from", "by", "at", "to", "in") and j + 1 < n and j > i:
            j += 1
            continue
        if t.low in DETERMINERS and j > i and toks[j - 1].low in ("of", "and", "for", "from", "by", "at", "to", "in"):
            j += 1  # "a letter from the Home Office"
            continue
        if not names_only and t.low not in STOP and t.low not in vocab.claimant_verbs and not t.low.endswith("ly") \
                and t.low not in _TIME_WORDS:
            j += 1
            continue
        break
    while j > i and toks[j - 1].low in ("of", "and", "for", "from", "by", "at", "to", "in", "'s"):
        j -= 1
    words = toks[i:j]
    if not words:
        return None, False
    # "a letter from the Home Office", "data compiled by the FBI": the speaker is after from/by
    if words[0].low in vocab.document_nouns or any(w.low in vocab.document_nouns for w in words[:2]):
        for k, w in enumerate(words):
            if w.low in ("from", "by", "of") and k + 1 < len(words):
                rest = [x for x in words[k + 1:] if x.low not in DETERMINERS]
                cut = next((m for m, x in enumerate(rest) if x.low in ("to", "in", "for", "at")), len(rest))
                rest = rest[:cut]
                if rest:
                    return _resolve_name(ctx, rest), _looks_like_person(rest, vocab)
        if not any(w.cap for w in words):
            return None, False
    # keep the first noun phrase: stop at a preposition that starts a second one
    cut = next((m for m, w in enumerate(words) if m > 0 and w.low in ("to", "in", "at", "for")), len(words))
    words = words[:cut]
    # "Turkey's disaster management agency, AFAD": an apposition with a name wins
    if j + 1 < n and toks[j].text == "," and toks[j + 1].word and toks[j + 1].text.isupper() and len(toks[j + 1].text) > 1:
        return _resolve_name(ctx, [toks[j + 1]]), False
    if not (words[-1].cap or words[-1].low in vocab.claimant_nouns or words[-1].low in vocab.document_nouns):
        return None, False
    return _resolve_name(ctx, words), _looks_like_person(words, vocab)


def _join(words: list[Tok]) -> str:
    out = ""
    for w in words:
        if w.low == "'s" or not out:
            out += w.text
        else:
            out += " " + w.text
    return out


def _resolve_name(ctx: _Context, words: list[Tok]) -> str:
    """Acronyms spelled out ("WHO" -> "World Health Organisation"), honorifics dropped and a
    surname completed from the article ("Ms Cooper" -> "Yvette Cooper")."""
    titles = _titles()
    # "Turkish disaster management agency AFAD", "police spokesperson Alana Pico": the name
    lower = [k for k, w in enumerate(words) if not w.cap and w.low not in STOP and w.low != "'s"]
    if lower and lower[-1] < len(words) - 1 and lower[-1] > 0 and all(w.cap for w in words[lower[-1] + 1:]):
        words = words[lower[-1] + 1:]
    parts = [ctx.acronyms.get(w.text, w.text) if w.text.isupper() and len(w.text) > 1 else w.text for w in words]
    if len(parts) > 2 and " ".join(parts[:2]) in ctx.vocab.place_names:
        short = ctx.vocab.place_names[" ".join(parts[:2])]
        if len(short) < len(parts[0]) + len(parts[1]):
            parts = short.split() + parts[2:]  # "United States Geological Service" -> "US Geological Service"
    while len(parts) > 1 and parts[0].lower().rstrip(".") in ("mr", "mrs", "ms", "dr", "miss", "prof"):
        parts = parts[1:]
    if len(parts) == 1 and parts[0][:1].isupper() and not parts[0].isupper():
        full = ctx.names.get(parts[0])
        if full:
            return full
    head = parts[-1].lower().rstrip(".")
    if not any(p[:1].isupper() for p in parts[-2:]) and head in ctx.titled:
        return ctx.titled[head]  # "Maui's police chief" -> the chief named in the article
    if len(parts) >= 3 and parts[-1].lower() not in ctx.vocab.claimant_nouns:
        rest = list(parts)
        while len(rest) > 2 and (rest[0].lower().rstrip(".") in titles or rest[0] in ctx.vocab.place_names):
            rest = rest[1:]
        if len(rest) < len(parts) and all(p[:1].isupper() for p in rest):
            parts = rest  # "Ukrainian President Volodymyr Zelenskyy" -> "Volodymyr Zelenskyy"
    name = " ".join(parts).replace(" 's", "'s").replace(" ’s", "’s")
    return name


@cache
def _org_words() -> frozenset[str]:
    return frozenset(_lines("org_words.txt"))


@cache
def _titles() -> frozenset[str]:
    return frozenset(_lines("titles.txt"))


def _looks_like_person(words: list[Tok], vocab: Vocabulary) -> bool:
    caps = [w for w in words if w.cap]
    return len(caps) >= 1 and words[-1].cap and words[-1].low not in vocab.claimant_nouns and \
        not any(w.low in _org_words() for w in words) and \
        not any(w.text.isupper() and len(w.text) > 1 for w in words) and not any(
            (w.text,) in vocab.places or (w.text,) in vocab.aliases for w in words)


def _headed_by(name: str, nouns: frozenset[str]) -> bool:
    return name.split()[-1].lower() in nouns


def _attribution(ctx: _Context, claimants: list[Claimant], at: int) -> tuple[str, tuple[str, ...]]:
    """(original claimant, relay chain with the original first) for a figure at offset ``at``."""
    outlet = ctx.article.outlet or ""
    if len(claimants) > 12:  # a run-on "sentence" with many speakers: only those near the figure
        claimants = [c for c in claimants if abs(c.start - at) < 600]
    usable = [c for c in claimants if c.start <= at or c.lead_ok]
    if not usable:
        return outlet, ((outlet,) if outlet else ())
    speakers = [c for c in usable if c.role == "speaker"]
    sources = [c for c in usable if c.role == "source"]
    relays = [c for c in usable if c.role in ("relay", "data")]
    main = None
    if speakers:
        before = [c for c in speakers if c.start <= at]
        main = before[-1] if before else speakers[0]
        # "X reported ..., according to Newsweek": a trailing "according to" passes X's words on
        if len(speakers) > 1 and _is_according(ctx, main) and main is speakers[-1]:
            main = speakers[-2]
    chain: list[str] = []
    # the speaker of a reported "said" is more original than the source a relay cites
    ordered = ([main] if main else []) + sources + relays
    if main is None or not sources or main.start > max(c.start for c in sources):
        ordered = sources + ([main] if main else []) + relays
    for c in ordered:
        if c.name not in chain:
            chain.append(c.name)
    if outlet and outlet not in chain:
        chain.append(outlet)
    return chain[0], tuple(chain)


def _is_according(ctx: _Context, c: Claimant) -> bool:
    return ctx.article.text.startswith("ccording", c.start + 1)


# ---------------------------------------------------------------- one claim

def _claim(ctx: _Context, sent: Sentence, toks: list[Tok], ti: int, f: Figure, claimants: list[Claimant],
           times: list[TimeRef], places: list[Place], entities: dict[int, str | None]) -> Claim:
    vocab = ctx.vocab
    text = ctx.article.text
    lo, hi = _clause(toks, ti)
    entity, measure, kind = _entity(ctx, toks, ti, f, lo, hi, entities)
    if measure is None and ti >= 2 and toks[ti - 1].text == "(" and (ti - 2) in ctx.measures:
        measure = ctx.measures[ti - 2]  # "17.9km (11 miles)": the conversion measures the same thing
    if measure is None and entity:
        measure = next((m.measure for w in entity.lower().split() if (m := vocab.measures.get((w,)))), None)
    if entity is None and ctx.last_entity and ctx.last_entity[0] == sent.paragraph and f.unit == ctx.last_entity[3] \
            and (measure is None or measure == ctx.last_entity[2]):
        entity = ctx.last_entity[1]  # "... 2,000 troops. Some 3,000 are already stationed in Jordan."
    entities[ti] = entity
    ctx.kinds[ti] = kind
    ctx.measures[ti] = measure
    if entity:
        ctx.last_entity = (sent.paragraph, entity, measure, f.unit)
    attributed_to, chain = _attribution(ctx, claimants, toks[ti].start)
    if _is_conversion(ctx, toks, ti) and ctx.article.outlet:
        # "£700m ($905m)": the outlet's own arithmetic
        attributed_to, chain = ctx.article.outlet, (ctx.article.outlet,)
    subject, location = _subject(ctx, toks, ti, lo, hi, places, claimants, kind, sent.paragraph)
    as_of, precision = _as_of(ctx, toks, ti, times, claimants, kind)
    return Claim(
        article_id=ctx.article.id, start=f.start, end=f.end, span=text[f.start:f.end], sentence=sent.text,
        value=f.value, low=f.low, high=f.high, qualifier=f.qualifier, unit=f.unit,
        entity=entity, subject=subject, attributed_to=attributed_to or None, claimant_chain=chain,
        as_of=as_of, as_of_precision=precision, measure=measure,
        modality=_modality(vocab, toks, ti, lo), is_change=_is_change(toks, ti), location=location,
        pragmatic_low=f.pragmatic_low, pragmatic_high=f.pragmatic_high,
    )


_CLAUSE_BREAK = frozenset({";", ":", "—", "–", "(", ")", "•"})


def _is_conversion(ctx: _Context, toks: list[Tok], ti: int) -> bool:
    """A bracketed amount in another currency right after an amount: "£10bn ($13bn)"."""
    if ti < 2 or toks[ti - 1].text != "(" or toks[ti - 2].fig < 0:
        return False
    a, b = ctx.figures[toks[ti - 2].fig].unit, ctx.figures[toks[ti].fig].unit
    return bool(a and b and a != b and _is_money(a) and _is_money(b))


def _clause(toks: list[Tok], ti: int) -> tuple[int, int]:
    """Token bounds of the figure's clause: to the nearest comma, semicolon or other figure's clause."""
    lo = ti
    while lo > 0 and toks[lo - 1].text not in _CLAUSE_BREAK and toks[lo - 1].text != ",":
        lo -= 1
    hi = ti + 1
    while hi < len(toks) and toks[hi].text not in _CLAUSE_BREAK and toks[hi].text != "," and toks[hi].fig < 0:
        hi += 1
    return lo, hi


def _measure_at(vocab: Vocabulary, toks: list[Tok], i: int) -> tuple[Measure | None, int]:
    """The measure cue starting at token i (longest first) and how many tokens it takes."""
    if toks[i].low not in vocab.measure_first:
        return None, 0
    for k in (3, 2, 1):
        if i + k <= len(toks):
            key = tuple(t.low for t in toks[i:i + k])
            m = vocab.measures.get(key)
            if m:
                return m, k
    return None, 0


def _entity(ctx: _Context, toks: list[Tok], ti: int, f: Figure, lo: int, hi: int,
            entities: dict[int, str | None]) -> tuple[str | None, str | None, str | None]:
    """(entity, measure, measure kind) for the figure at token ti."""
    vocab = ctx.vocab
    n = len(toks)
    unit = f.unit
    surface = toks[ti].low
    if unit == "magnitude":
        return (f"{ctx.event} magnitude" if ctx.event else "magnitude"), "magnitude", "event"
    if unit and _is_time(unit) and (surface.endswith("-old") or (ti + 1 < n and toks[ti + 1].low == "old")):
        return "age", "age", None
    # "7.7 and 7.6 magnitudes": the first of two coordinated figures shares the second's entity
    if ti + 2 < n and toks[ti + 1].low in ("and", "or", "to") and toks[ti + 2].fig >= 0 and unit is None:
        return _entity(ctx, toks, ti + 2, ctx.figures[toks[ti + 2].fig], lo, hi, entities)
    if unit == "dimensionless":
        found = _measure_left(ctx, toks, ti, need_copula=False)
        noun = _measure_noun_text(toks, ti)
        return ("increase factor of the " + noun if noun else "increase factor"), "multiplier", None
    # a verb right before the figure: "killed 9,000", "displaced 2,000", "killed at least 35 people"
    if ti >= 1 and toks[ti - 1].fig < 0:
        m, _ = _measure_at(vocab, toks, ti - 1)
        if m and m.kind == "verb" and m.entity and (ti + 1 >= n or not toks[ti + 1].word or toks[ti + 1].low in STOP
                                                     or toks[ti + 1].low in PEOPLE):
            return m.entity, m.measure, m.kind
    # 1. a property the figure is the value of: "a depth of 17.9km", "magnitude 7.8", "7.8 magnitude"
    for j in (ti - 1, ti - 2, ti + 1):
        if 0 <= j < n and toks[j].fig < 0:
            m, _ = _measure_at(vocab, toks, j)
            if m and m.kind == "event" and (j != ti - 2 or toks[ti - 1].low == "of"):
                ev = ctx.event
                return (f"{ev} {m.entity}" if ev and m.measure == "magnitude" else m.entity), m.measure, m.kind
    if ti >= 2 and toks[ti - 1].low == "of" and toks[ti - 2].word and toks[ti - 2].low not in STOP \
            and toks[ti - 2].low not in TRANSPARENT:
        m, _ = _measure_at(vocab, toks, ti - 2)
        noun = toks[ti - 2].low
        if m and m.kind == "noun":
            return m.entity, m.measure, m.kind
        if unit and not _is_time(unit) and noun not in ("tens", "hundreds", "thousands", "millions", "dozens"):
            return noun, None, None
    # a parenthesised conversion "(11 miles)" or a restatement shares the previous figure's entity
    if ti >= 1 and toks[ti - 1].text == "(" and ti - 2 in entities:
        return entities[ti - 2], None, ctx.kinds.get(ti - 2)
    # 2. percentages: "75% of the hardest-hit areas" -> "share of the hardest-hit areas"
    if unit == "percent":
        if ti >= 1 and (toks[ti - 1].low in ("up", "down") or toks[ti - 1].low in CHANGE_VERBS) and not (
                ti + 1 < n and toks[ti + 1].low == "of"):
            prev = _previous_entity(toks, ti, entities)  # "delivered 466,140 vehicles, up 83%"
            if prev:
                return f"change in {prev}", "change", None
        if ti + 1 < n and toks[ti + 1].low == "of":
            np = _np_words(toks, ti + 2)
            if np:
                return "share of " + np, "share", None
        found = _measure_left(ctx, toks, ti)
        if found:
            return found
        np = _copula_subject(toks, ti)
        if np in ("it", "this", "that", "they"):
            return _previous_entity(toks, ti, entities, ctx.figures, "percent") or "share", "share", None
        if np:
            return np, "share", None
        return _previous_entity(toks, ti, entities, ctx.figures, "percent") or "share", "share", None
    # 3. the noun phrase after the figure, with what happened to it
    np_end, np = _np_after_figure(toks, ti)
    m_in, participle = None, None
    words = np.split() if np else []
    if words:
        head_m = vocab.measures.get((words[-1].lower(),)) or vocab.measures.get(tuple(w.lower() for w in words[-2:]))
        if head_m and head_m.kind == "noun" and head_m.entity and (head_m.measure not in ("deployed", "cost", "paid")):
            return head_m.entity, head_m.measure, head_m.kind
        m_in = head_m
    # participle or verb right after: "people were injured", "buildings have collapsed", "1,000 are confirmed to have died"
    j = np_end
    while j < n and j < np_end + 6 and toks[j].fig < 0 and (toks[j].low in AUXILIARIES or toks[j].low in (
            "confirmed", "reported", "to", "have", "been", "being", "already", "still", "now", "listed", "as",
            "believed", "feared", "thought", "said", "presumed", "officially", "others", "more", "people")):
        if toks[j].low in ("people", "others") and not words:
            words = ["people"]
        j += 1
    if j < n and toks[j].fig < 0:
        participle, _ = _measure_at(vocab, toks, j)
        if participle and participle.kind not in ("verb",):
            participle = None
    if participle and words and words[-1].lower() in ("people", "others", "persons", "individuals"):
        return participle.entity or f"people {toks[j].low}", participle.measure, participle.kind
    if participle and words:
        return f"{np} {_participle_text(toks[j])}", participle.measure, participle.kind
    # a participle right before the figure: "destroyed 300 homes" -> "homes destroyed"
    if words and unit is None and ti >= 1 and toks[ti - 1].fig < 0 and toks[ti - 1].low.endswith("ed") \
            and words[-1].lower() not in PEOPLE:
        before, _ = _measure_at(vocab, toks, ti - 1)
        if before and before.kind == "verb":
            return f"{np} {_participle_text(toks[ti - 1])}", before.measure, before.kind
    if words and unit is None and words[-1].lower() in GENERIC_COUNTS:
        found = _measure_left(ctx, toks, ti)  # "the list of people missing ... down to 66 names"
        if found:
            return found
    if words and unit is None:
        if words[-1].lower() in ("others", "more"):
            words[-1] = "people"
        return " ".join(words), (m_in.measure if m_in else _measure_near(vocab, toks, ti, lo, hi)), None
    if participle and not words:
        if participle.entity:
            return participle.entity, participle.measure, participle.kind
        prev = _previous_entity(toks, ti, entities)
        if prev:
            words_prev = prev.split()
            last = vocab.measures.get((words_prev[-1].lower(),))
            if len(words_prev) > 1 and last and last.kind == "verb":
                # "2,200 structures have been destroyed and another 500 damaged"
                return f"{' '.join(words_prev[:-1])} {_participle_text(toks[j])}", \
                    participle.measure, participle.kind
            return prev, participle.measure, participle.kind  # "with 1,500 already positioned"
        return None, participle.measure, participle.kind
    # 4. money: "£50 million cost", "spent £700m", "paid Kigali £220 million"
    if unit and _is_money(unit):
        per = _rate(toks, ti)
        if words and words[-1].lower() in {"cost", "costs", "bill", "payment", "payments", "price", "fee", "fine",
                                           "deal", "loan", "budget", "package", "fund", "grant", "contract"}:
            m = vocab.measures.get((words[-1].lower(),))
            return (m.entity if m and m.entity else np) + per, (m.measure if m else "cost"), None
        found = _money_cue(vocab, toks, ti)
        if found:
            return found[0] + per, found[1], found[2]
        if per:
            return "cost" + per, "cost", None
        if any(t.low == "total" for t in toks[max(0, ti - 4):ti]):
            return "total", "amount", None
        return np or "amount", "amount", None
    if unit and _is_time(unit):
        if ti + 1 < n and toks[ti + 1].low == "later" and ctx.event:
            return "time", "duration", "event"  # "About 12 hours later, a second tremor hit": between events
        return _duration_entity(toks, ti, hi), "duration", None
    if unit and unit not in ("percent", "dimensionless", "fraction") and not _is_money(unit):
        if ti + 2 < n and toks[ti + 1].low == "of" and toks[ti + 2].word and toks[ti + 2].low not in STOP:
            return toks[ti + 2].low, _measure_near(vocab, toks, ti, lo, hi), None  # "744.8 mm of rain"
        if ti >= 1 and toks[ti - 1].fig < 0 and toks[ti - 1].low.endswith("ed") and f.unit_end:
            unit_word = ctx.article.text[f.number_end or f.start:f.unit_end].split()[-1:]
            if unit_word and unit_word[0].isalpha():  # "has burned 12,000 acres" -> "acres burned"
                return f"{unit_word[0].lower()} {toks[ti - 1].low}", _measure_near(vocab, toks, ti, lo, hi), None
    # 5. the measure noun the figure is the value of: "the death toll ... stands at 3,000"
    found = _measure_left(ctx, toks, ti)
    if found and (not words or words[-1].lower() in ("people", "persons")):
        return found
    if words:
        return " ".join(words), _measure_near(vocab, toks, ti, lo, hi), None
    prev = _previous_entity(toks, ti, entities)
    if prev:
        return prev, _measure_near(vocab, toks, ti, lo, hi), None
    return None, _measure_near(vocab, toks, ti, lo, hi), None


_PER = frozenset({"per", "each", "every", "a", "an"})


def _rate(toks: list[Tok], ti: int) -> str:
    """" per person" for "£2m per asylum seeker", "for each migrant", "£1m a year"; else ""."""
    n = len(toks)
    j = ti + 1
    if j < n and toks[j].low == "for" and j + 1 < n and toks[j + 1].low in ("each", "every"):
        j += 1
    if j + 1 < n and toks[j].low in _PER and toks[j + 1].word and toks[j + 1].low not in STOP:
        if toks[j].low in ("a", "an") and toks[j + 1].low not in ("year", "month", "week", "day", "person", "head"):
            return ""
        words = [toks[j + 1].text]
        if j + 2 < n and toks[j + 2].word and toks[j + 2].low not in STOP and not toks[j + 2].low.endswith("ed") \
                and toks[j + 2].low not in _TIME_WORDS:
            words.append(toks[j + 2].text)
        return " per " + " ".join(words).removesuffix("'s").removesuffix("’s")
    return ""


def _participle_text(tok: Tok) -> str:
    return {"died": "killed", "dead": "killed", "die": "killed", "wounded": "injured"}.get(tok.low, tok.low)


def _previous_entity(toks: list[Tok], ti: int, entities: dict[int, str | None],
                     figures: list[Figure] | None = None, unit: str | None = None) -> str | None:
    """The entity of the nearest earlier figure in the sentence (with the same unit, when given)."""
    for j in range(ti - 1, -1, -1):
        if j in entities and entities[j] and (figures is None or figures[toks[j].fig].unit == unit):
            return entities[j]
    return None


def _np_after_figure(toks: list[Tok], ti: int) -> tuple[int, str | None]:
    """The noun phrase right after the figure: "12,000 special forces troops" -> special forces troops."""
    n = len(toks)
    j = ti + 1
    if j < n and toks[j].low == "of" and j + 1 < n and toks[j + 1].low in ("the", "them", "those", "these"):
        j += 2 if toks[j + 1].low == "the" else 1
        if j < n and toks[j].fig >= 0:
            j += 1  # "74 of the 97 victims": the part counts what the whole counts
    while j < n and toks[j].low in ("more", "other", "additional", "extra", "new", "-"):
        j += 1
    start = j
    # "2,200 damaged or destroyed structures": participles before the noun
    while j + 1 < n and toks[j].low.endswith("ed") and (
            toks[j + 1].low in ("or", "and") and j + 3 < n and toks[j + 2].low.endswith("ed")
            and toks[j + 3].word and toks[j + 3].low not in STOP):
        j += 3
    if j > start:
        stop = j + 1
        return stop, " ".join(t.text for t in toks[start:stop])
    while j < n and j < start + 5 and toks[j].fig < 0 and (toks[j].word or toks[j].text in ("-",)) and (
            toks[j].low not in STOP or toks[j].low in ("others",)) and not toks[j].low.endswith("ly"):
        low = toks[j].low
        if low.endswith(("ed", "ing")) and j > start and low not in ("wounded",) and low not in _NOUN_ING:
            break  # a participle after the noun: "buildings destroyed", "buildings containing"
        if low in _TIME_WORDS or low in AUXILIARIES:
            break
        if j > start and toks[j].cap and not toks[j - 1].cap:
            break  # "24,400 service personnel Emergency aid ...": a new phrase starts
        if low in ("dead", "injured", "wounded", "missing", "killed", "displaced", "homeless", "died",
                   "destroyed", "damaged", "collapsed", "positioned", "deployed", "arrested", "identified"):
            break
        if low in ("dollars", "pounds", "euros", "percent", "degrees", "km", "kilometers", "kilometres", "miles"):
            break
        j += 1
        if low in ("others",):
            break
    if j == start:
        return start, None
    return j, " ".join(t.text for t in toks[start:j])


_NOUN_ING = frozenset("building buildings housing funding spending training clothing".split())
_TIME_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday morning night evening afternoon "
                        "today yesterday tonight overnight january february march april june july august "
                        "september october november december".split())


def _np_words(toks: list[Tok], i: int) -> str | None:
    j = i
    out = []
    while j < len(toks) and j < i + 6 and toks[j].fig < 0 and (toks[j].word or toks[j].low == "'s"):
        if toks[j].low in STOP and toks[j].low not in DETERMINERS and out:
            break
        if toks[j].low in STOP and toks[j].low not in DETERMINERS:
            break
        out.append(toks[j])
        j += 1
    return _join(out) if out else None


def _measure_noun_text(toks: list[Tok], ti: int) -> str | None:
    """The words of the nearest measure noun left of the figure: "the death toll" -> "death toll"."""
    vocab = vocabulary()
    for j in range(ti - 1, max(-1, ti - 16), -1):
        if toks[j].fig >= 0:
            break
        for k in (3, 2, 1):
            if j - k + 1 >= 0:
                key = tuple(t.low for t in toks[j - k + 1:j + 1])
                m = vocab.measures.get(key)
                if m and m.kind == "noun":
                    return " ".join(t.text for t in toks[j - k + 1:j + 1])
    return None


def _measure_left(ctx: _Context, toks: list[Tok], ti: int,
                  need_copula: bool = True) -> tuple[str, str, str] | None:
    """The measure noun a figure is the value of, looking left in the sentence (skipping commas)."""
    vocab = ctx.vocab
    best = None
    j = ti - 1
    limit = max(0, ti - 16)
    while j >= limit:
        t = toks[j]
        if t.fig >= 0 and j == ti - 2 and toks[ti - 1].low in ("to", "and", "or"):
            j -= 1
            continue  # "risen from 99 to 101"
        if t.fig >= 0 or t.text in (";", ":"):
            break
        m, k = _measure_at(vocab, toks, j)
        if m and m.kind in ("noun", "event"):
            ent = m.entity or t.low
            if m.kind == "event" and m.measure == "magnitude" and ctx.event:
                ent = f"{ctx.event} magnitude"
            best = (ent, m.measure, m.kind)
            break
        if t.low in TRANSPARENT and j + 1 < ti and toks[j + 1].low == "of":
            np = _np_words(toks, j + 2)
            if np:
                mm = vocab.measures.get((np.split()[-1].lower(),))
                if np.lower() in ("those", "people") or not mm:
                    # "the list of those who remain unaccounted for", "the number of people missing"
                    for k in range(j + 3, min(ti, j + 8)):
                        cue, _ = _measure_at(vocab, toks, k)
                        if cue and cue.kind == "verb" and cue.entity:
                            mm = cue
                            break
                best = ((mm.entity if mm and mm.entity else np), mm.measure if mm else None, "noun")
                break
        j -= 1
    if best and (not need_copula or toks[ti].text[:1].isalpha() or any(
            toks[x].low in COPULA or toks[x].low in AUXILIARIES for x in range(max(j, 0), ti))):
        return best
    return None


_COPULA_VERBS = frozenset("is are was were becomes become became stands stood reached rose fell remains "
                          "remained hit".split())


def _copula_subject(toks: list[Tok], ti: int) -> str | None:
    """"The average survival ratio in 24 hours is 74%" -> "average survival ratio"."""
    j = ti - 1
    while j >= 0 and toks[j].low in ("at", "to", "now", "still", "already", "has", "have", "had"):
        j -= 1
    if j < 0 or toks[j].low not in _COPULA_VERBS:
        return None
    j -= 1
    if j >= 0 and toks[j].low in ("it", "this", "that", "they"):
        return toks[j].low
    # skip a trailing prepositional phrase: "ratio in 24 hours"
    for k in range(j, max(-1, j - 5), -1):
        if toks[k].text in (",", ";", ":"):
            break
        if toks[k].low in ("in", "after", "on", "for", "within") and k < j:
            j = k - 1
            break
    words = []
    while j >= 0 and toks[j].word and toks[j].fig < 0 and toks[j].low not in STOP and len(words) < 4:
        words.insert(0, toks[j].text)
        j -= 1
    return " ".join(words) or None


def _measure_near(vocab: Vocabulary, toks: list[Tok], ti: int, lo: int, hi: int) -> str | None:
    best, dist = None, 99
    for j in range(max(0, lo), min(len(toks), hi + 3)):
        if toks[j].fig >= 0:
            continue
        m, _ = _measure_at(vocab, toks, j)
        if m and abs(j - ti) < dist:
            best, dist = m.measure, abs(j - ti)
    return best


def _money_cue(vocab: Vocabulary, toks: list[Tok], ti: int) -> tuple[str, str, str] | None:
    best, dist = None, 99
    for j in range(0, len(toks)):
        if toks[j].fig >= 0:
            continue
        m, _ = _measure_at(vocab, toks, j)
        # a cue after the figure counts double its distance: the verb before usually governs it
        d = (ti - j) if j < ti else 2 * (j - ti)
        if m and m.entity in MONEY_NOUNS and d < dist:
            best, dist = (m.entity, m.measure, m.kind), d
    return best


def _duration_entity(toks: list[Tok], ti: int, hi: int) -> str:
    if ti + 1 < len(toks) and toks[ti + 1].low == "of":
        np = _np_words(toks, ti + 2)
        if np and np.split()[-1].lower() not in DETERMINERS:
            return f"duration of {np}"
    return "time"


def _is_money(unit: str) -> bool:
    return len(unit) == 3 and unit.isupper()


def _is_time(unit: str) -> bool:
    u = unit.lower().rstrip("s")
    return u in TIME_UNITS


# ---------------------------------------------------------------- subject, time, modality, change

def _subject(ctx: _Context, toks: list[Tok], ti: int, lo: int, hi: int, places: list[Place],
             claimants: list[Claimant], kind: str | None, paragraph: int) -> tuple[str | None, str | None]:
    """(subject, location): the place the figure is about and a narrower scope inside it.

    In order: a place after the figure ("1,602 people have died in Syria"); a place before it in
    subject position ("North Korea has decided to send", "In Syria, the toll rose"); a place in the
    claimant's name ("the Syrian government confirmed 812 dead"); the article's main place.
    Properties of the event (magnitude, depth) are about the event.
    """
    location = _location(toks, ti, hi)
    if kind == "event" and ctx.event:
        return ctx.event, location
    names = [c.name for c in claimants]
    best = None
    # the clause after the figure, across a coordinated figure ("12,391 killed and 62,914 injured in Turkey")
    end = ti + 1
    while end < len(toks) and toks[end].text not in (",", ";", ":", "(", "—", "–"):
        end += 1
    for p in places:
        if ti < p.first <= end and p.kind != "demonym" and (
                toks[p.first - 1].low in ("in", "from", "across", "for")
                or (toks[p.first - 1].low == "of" and p.first >= 2 and toks[p.first - 2].low in REGION_NOUNS)):
            best = p
            if p.kind == "capital":  # "in Paris" is the city; "Pyongyang said" is the government
                best = Place(p.first, p.end, " ".join(t.text for t in toks[p.first:p.end]), "city")
            break
    if best is None:
        best = _person_subject(ctx, toks, ti, claimants)
    if best is None:
        for p in reversed(places):
            if p.end <= ti and p.kind != "demonym" and not _inside_claimant(toks, p, names) and not _modifies_speaker(
                    ctx, toks, p) and (
                    (p.first >= lo and _subject_position(toks, p)) or (p.first == 1 and toks[0].low == "in")):
                best = p
                break
    if best is None:
        # "the Syrian government confirmed", "Turkish officials said": a place in a claimant's title
        for p in places:
            if p.end < len(toks) and toks[p.end].low in ctx.vocab.claimant_nouns and _inside_claimant(toks, p, names):
                best = p
                break
    if best is None and ctx.para_subject and ctx.para_subject[0] == paragraph:
        return ctx.para_subject[1], location  # the place the paragraph's last sentence named
    if best is not None:
        ctx.para_subject = (paragraph, best.name)
    subject = best.name if best else ctx.main_subject
    if best and ctx.main_subject and " and " in ctx.main_subject and best.name in ctx.main_subject.split(" and ") \
            and _mentions_both(toks, ti):
        subject = ctx.main_subject
    return subject, location


def _person_subject(ctx: _Context, toks: list[Tok], ti: int, claimants: list[Claimant]) -> Place | None:
    """"Rwandan President Paul Kagame has been re-elected with 99.18%": a person named as the
    sentence's subject, who is not speaking in it, is what the figure is about."""
    j = 0
    while j < ti and toks[j].word and (toks[j].cap or toks[j].low in _titles()):
        j += 1
    if j == 0 or j >= ti or toks[j].low not in AUXILIARIES and toks[j].text != ",":
        return None
    if any(t.text in (",", ";", ":") or t.low in SUBORDINATORS or t.low == "that" for t in toks[j:ti]):
        return None  # the figure sits in another clause than the person
    name = _resolve_name(ctx, toks[:j])
    if any(c.name == name for c in claimants) or not any(name == full for _, full in ctx.people):
        return None
    return Place(0, j, name, "person")


def _modifies_speaker(ctx: _Context, toks: list[Tok], p: Place) -> bool:
    """"Hawaii's governor", "Maui County police": the place only names who is speaking."""
    j = p.end + (1 if p.end < len(toks) and toks[p.end].low == "'s" else 0)
    return j < len(toks) and toks[j].word and (toks[j].low in ctx.vocab.claimant_nouns or toks[j].low in _titles())


def _subject_position(toks: list[Tok], p: Place) -> bool:
    """A place that is a sentence's subject or its setting, not an object ("to support Russia")."""
    before = toks[p.first - 1].low if p.first > 0 else ""
    after = toks[p.end].low if p.end < len(toks) else ""
    return before in ("in", "across", "within", "from") or after in AUXILIARIES or after in ("'s", "reported", "said",
                                                                                      "declared", "confirmed")


def _mentions_both(toks: list[Tok], ti: int) -> bool:
    window = {t.low for t in toks[max(0, ti - 8):ti + 8]}
    return bool(window & {"both", "combined", "two", "total"})


def _inside_claimant(toks: list[Tok], p: Place, names: list[str]) -> bool:
    """The place is part of a longer claimant name ("Turkey's Disaster ... Authority")."""
    words = " ".join(t.text for t in toks[p.first:p.end])
    return any(words in name and words != name for name in names)


def _location(toks: list[Tok], ti: int, hi: int) -> str | None:
    """A narrower scope after the figure: "in Hatay province", "in rebel-held regions in the northwest"."""
    n = len(toks)
    for j in range(ti + 1, min(n, hi + 2)):
        if toks[j].low == "in" and j + 1 < n:
            k = j + 1
            words = []
            while k < n and k < j + 7 and toks[k].fig < 0 and (toks[k].word or toks[k].low == "'s"):
                if toks[k].low in STOP and toks[k].low not in ("the", "of", "in") and words:
                    break
                words.append(toks[k])
                k += 1
            while words and words[-1].low in ("the", "of", "in"):
                words.pop()
            if any(w.low in REGION_NOUNS or w.low.endswith(("-held", "-controlled")) for w in words):
                while words and words[0].low == "the":
                    words.pop(0)
                return _join(words)
    return None


_EVENT_BEFORE = re.compile(r"\b(?:" + "|".join(EVENT_NOUNS) + r")\b[^,;:.]{0,20}$", re.IGNORECASE)


def _dates_event(text: str, t: TimeRef) -> bool:
    """"a devastating earthquake before dawn on Monday": the date of the event, not of the figure."""
    return bool(_EVENT_BEFORE.search(text, max(0, t.start - 32), t.start))


_FIRST_WORD = re.compile(r"\W*(\w+)")


def _next_word(text: str, pos: int) -> str:
    m = _FIRST_WORD.match(text, pos, pos + 30)
    return m.group(1).lower() if m else ""


def _figure_dates(ctx: _Context, times: list[TimeRef]) -> list[TimeRef]:
    """The dates of a sentence that can date its figures (once per sentence): points not tied to
    the event ("the earthquake before dawn on Monday"), and documents' dates ("a March report")."""
    if ctx.dates_for is not times:
        text = ctx.article.text
        ctx.dates_for = times
        ctx.dates = [t for t in times if not _dates_event(text, t) and (
            t.role == "point" or (t.role == "attributive" and _next_word(text, t.end) in ctx.vocab.document_nouns))]
    return ctx.dates


def _as_of(ctx: _Context, toks: list[Tok], ti: int, times: list[TimeRef],
           claimants: list[Claimant], kind: str | None = None) -> tuple[date | None, str]:
    """The date the figure refers to: the statement's date ("officials said Monday"), else the
    nearest date in the sentence, else an inherited speaker's date, else the publication date."""
    base = ctx.article.published
    fig = toks[ti]
    if kind == "event":
        # a magnitude or depth belongs to the event and is dated by the report, unless the
        # sentence is about another year's event ("a 7.8 temblor that killed 9,000 in Nepal in 2015")
        years = [t for t in times if t.precision == "year" and t.role == "point" and base and t.day.year < base.year]
        return (years[0].day, "year") if years else (base, "day")
    # a date that contains the figure ("two years ago") dates something else
    points = [t for t in _figure_dates(ctx, times) if not (t.start < fig.end and fig.start < t.end)]
    if points:
        # 1. the figure's own clause: "fell to 2.4% in November from 2.9% in October"
        lo, hi = _clause(toks, ti)
        c_lo, c_hi = toks[lo].start, toks[hi - 1].end
        own = [t for t in points if c_lo <= t.start < c_hi]
        if own:
            best = min(own, key=lambda t: abs(t.start - fig.start))
            said = next((c.day for c in claimants if c.start >= 0 and c.day), None)
            if said and best.text.lower() in DEICTIC:
                return said  # "launched 40 drones overnight, the air force said on Tuesday": Tuesday's night
            return _not_after(best, base)
        # 2. the statement's date: "officials said Monday", "tweeted on Wednesday"
        for c in claimants:
            if c.start >= 0 and c.day:
                return c.day
        # 3. a date before the figure in the sentence: "On Friday, the toll rose to 97"
        before = [t for t in points if t.end <= fig.start]
        if before:
            return _not_after(before[-1], base)
    for c in claimants:
        if c.day:
            return c.day
    return ctx.news_day or (base, "day")


DEICTIC = frozenset({"overnight", "today", "tonight", "this morning", "this afternoon", "this evening", "last night"})


def _not_after(t: TimeRef, base: date | None) -> tuple[date, str]:
    if base and t.day > base:
        return base, "day"  # a future date is a plan's deadline, not the figure's date
    return t.day, t.precision


def _modality(vocab: Vocabulary, toks: list[Tok], ti: int, lo: int) -> str:
    n = len(toks)
    for word in toks[ti].low.split()[:-1]:  # "an estimated 500": the qualifier is part of the figure
        if (word,) in vocab.modality and vocab.modality[(word,)] == "estimated":
            return "estimated"
    # "with 1,500 already positioned": a cue right after the figure
    for j in range(ti + 1, min(n, ti + 3)):
        if toks[j].low == "already":
            return "actual"
    best = None
    first = vocab.modality_first
    for j in range(max(lo, ti - 10), ti):
        if toks[j].low not in first:
            continue
        for k in (3, 2, 1):
            key = tuple(t.low for t in toks[j:j + k])
            if len(key) == k and key in vocab.modality:
                best = vocab.modality[key]
                break
    if best is None:
        for j in range(ti + 1, min(n, ti + 8)):
            if toks[j].low in ("and", "but", "while", ",", ";", "as"):
                break  # "rose to 500 and is expected to climb": the cue is about what comes next
            if toks[j].low not in first:
                continue
            for k in (2, 1):
                key = tuple(t.low for t in toks[j:j + k])
                if len(key) == k and key in vocab.modality and vocab.modality[key] in (
                        "projected", "estimated", "hypothetical", "denied"):  # "... 500 dead are false rumours"
                    return vocab.modality[key]
    return best or "actual"


def _is_change(toks: list[Tok], ti: int) -> bool:
    """"rose by 5%", "up 300", "a 5% increase": the figure is a change, not a level."""
    prev = toks[ti - 1].low if ti >= 1 else ""
    prev2 = toks[ti - 2].low if ti >= 2 else ""
    nxt = toks[ti + 1].low if ti + 1 < len(toks) else ""
    bare = not (ti + 1 < len(toks) and toks[ti + 1].word and toks[ti + 1].low not in STOP)
    if prev in ("up", "down") or (prev in CHANGE_VERBS and bare):
        return True  # "up 300", "shares fell 4.5%"; not "cut 1,200 jobs", and "rose to 3.9%" is a level
    if prev == "by" and prev2 in CHANGE_VERBS:
        return True
    return nxt in CHANGE_NOUNS


# ---------------------------------------------------------------- recall gaps

_DIGITS = re.compile(r"\d[\d,.]*")


def _unparsed(article: Article, sent: Sentence, figures: list[Figure], idxs: list[int],
              non_figures: list) -> list[Mention]:
    """Numbers in the sentence that neither became a figure nor were set aside with a reason,
    and vague amounts ("hundreds") the number parser did not pick up."""
    covered = [(figures[i].start, max(figures[i].end, figures[i].unit_end or 0)) for i in idxs]
    covered += [(nf.start, nf.end) for nf in non_figures if sent.start <= nf.start < sent.end]
    text = article.text
    out = [Mention(article.id, nf.start, nf.end, text[nf.start:nf.end], "vague amount with no numeral")
           for nf in non_figures if sent.start <= nf.start < sent.end and nf.reason == "vague"]
    covered.sort()
    starts = [a for a, _ in covered]
    for rx, reason in ((_DIGITS, "number the figure parser did not read"), (VAGUE, "vague amount with no numeral")):
        for m in rx.finditer(text, sent.start, sent.end):
            s, e = m.start(), m.end()
            k = bisect_right(starts, e) - 1  # the covered spans that start before this number ends
            if any(a < e and s < b for a, b in covered[max(0, k - 2):k + 1]):
                continue
            out.append(Mention(article.id, s, e, text[s:e], reason))
    return out


def extract_or_reject(article: Article) -> Extraction | Rejection:
    """extract_claims, except that a failure on one article becomes a Rejection naming it:
    one article the extractor cannot read never stops the rest of an ingest."""
    try:
        return extract_claims(article)
    except Exception as e:  # noqa: BLE001 — any extractor bug is reported per article, with its traceback logged
        log.exception("extraction failed on article %s (%s)", article.id, article.origin)
        return Rejection(article.origin or article.id,
                         f"the extractor failed on this article ({type(e).__name__}: {e}) — please report it "
                         "with the article; the other articles went in")
