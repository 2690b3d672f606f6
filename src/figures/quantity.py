"""The quantity key: which claims are about the same quantity.

Claims are blocked on a key built only from what the extractor gives (subject, measure, entity,
unit, modality, location, is_change), normalised so that "soldiers" and "troops", "deaths" and
"people killed", "Syria (government-held areas)" and subject "Syria" + location "government-held
areas" meet. The vocabulary is data (data/quantity_words.tsv, data/quantity_canon.tsv). Each key
field is kept in its own column so a flag can say which fields matched.

Normalisation works on the distinct strings of a column, not on every row, so it costs the
number of different phrasings, not the number of claims.
"""
from __future__ import annotations

import re
from functools import cache, lru_cache

import numpy as np
import pandas as pd

from figures.lexicon import data_lines
from figures.word_classes import word_class

# -- vocabulary ------------------------------------------------------------------------------
# Open word classes live in data/quantity_words.tsv (word<TAB>kind), words read as a canonical
# name in data/quantity_canon.tsv (word<TAB>kind<TAB>canonical); their headers say what each
# kind means.
WORDS_TABLE, CANON_TABLE = "quantity_words.tsv", "quantity_canon.tsv"


@cache
def _canon_table() -> dict[str, dict[str, str]]:
    """quantity_canon.tsv, read once: kind -> word -> canonical name."""
    kinds: dict[str, dict[str, str]] = {}
    for line in data_lines(CANON_TABLE):
        word, kind, canonical = line.split("\t")
        kinds.setdefault(kind, {})[word] = canonical
    return kinds


def _canonical(kind: str) -> dict[str, str]:
    """One kind of quantity_canon.tsv: word -> canonical name."""
    return dict(_canon_table().get(kind, {}))


def _by_canonical(kind: str) -> dict[str, tuple[str, ...]]:
    """One kind of quantity_canon.tsv: canonical name -> its words."""
    grouped: dict[str, tuple[str, ...]] = {}
    for word, canonical in _canonical(kind).items():
        grouped[canonical] = grouped.get(canonical, ()) + (word,)
    return grouped


PREDICATE_OF = _canonical("predicate")  # predicate word (lemma) -> canonical predicate
ENTITY_SYNONYMS = _canonical("entity")  # counted-entity head noun -> the head it means
MARKERS = _by_canonical("marker")  # marker -> the words and phrases that make it
# marker -> one pattern for all its words and phrases, each standing as whole words
MARKER_PATTERNS = {name: re.compile(r"(?<![a-z])(?:" + "|".join(map(re.escape, phrases)) + r")(?![a-z])")
                   for name, phrases in MARKERS.items()}
SUBJECT_ALIASES = _canonical("subject")  # another spelling of a subject -> the subject
SCOPE_SYNONYMS = _canonical("scope")  # scope word -> the word it says the same as
CUMULATIVE = word_class(WORDS_TABLE, "cumulative")
EVENT_MEASURES = word_class(WORDS_TABLE, "event_measure")
OCCASION = word_class(WORDS_TABLE, "occasion")
GENERIC_MEASURES = word_class(WORDS_TABLE, "generic_measure")
HEAD_STOPS = word_class(WORDS_TABLE, "head_stop")
CLASSIFIERS = word_class(WORDS_TABLE, "classifier")  # "cases of", "incidents of"
FLOW_PREDICATES = word_class(WORDS_TABLE, "flow_predicate")  # a change of them is the figure itself
ENTITY_STOP = word_class(WORDS_TABLE, "entity_stop")
SCOPE_STOP = word_class(WORDS_TABLE, "scope_stop")
PERCENT_UNITS = word_class(WORDS_TABLE, "percent_unit")  # spellings of a percentage unit
STRONG_PREDICATES = word_class(WORDS_TABLE, "strong_predicate")
COMPONENTS = word_class(WORDS_TABLE, "component")
COMPONENT_PREDICATES = word_class(WORDS_TABLE, "component_predicate")
# Words that only pad a subject (a closed class: articles and prepositions).
SUBJECT_STOP = frozenset({"the", "a", "an", "of", "in", "on", "s"})
LEGAL_SUFFIXES = frozenset({"inc", "corp", "corporation", "ltd", "plc", "llc", "co", "ag", "sa", "nv", "gmbh"})
# Modalities that describe a figure that has not happened (yet): labels of the extractor's.
PLANNED_MODALITIES = frozenset({"decided", "intended", "projected", "hypothetical"})
# "jobs added in food services": a sector's share of a jobs figure is a quantity of its own
SECTOR = re.compile(r"\bin (?:the )?([a-z][a-z ,&-]+?)(?: sector)?$", re.IGNORECASE)
# Words in a figure's own span that make it an increment on another figure, not a total
# ("another 300", "a further £50m", "five more").
SPAN_INCREMENT = re.compile(r"\b(?:another|further|additional|extra)\b|\w\s+more$", re.I)
MORE_AFTER = re.compile(r"^\s+more\b(?!\s+than)", re.I)  # "identified five more", "300 more troops"
# A negation right after the figure, in its clause, turns the count into its complement:
# "55 people whose remains have not yet been identified", "75% of the area had not been searched".
NEGATION_AFTER = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(word_class(WORDS_TABLE, "negation"), key=len, reverse=True)))
                            + r")\b", re.I)
NEGATION_REACH = 60  # characters after the figure, within its clause
# A place's population: "Sudan's 48 million people", "a country of 48 million people"
POPULATION_NOUNS = tuple(sorted(word_class(WORDS_TABLE, "population_noun")))
POPULATION_BEFORE = re.compile(r"(?:\b[A-Z][\w-]*['’]s|\b(?:country|nation|city|town|state|region|province) of)\s+$")
POPULATION_AFTER = re.compile(r"^\s+(?:million\s+|billion\s+)?(?:" + "|".join(POPULATION_NOUNS) + r")\b", re.I)
# An earlier report named right after the figure: "1,732 people originally reported as missing"
EARLIER_WORDS = tuple(sorted(word_class(WORDS_TABLE, "earlier_word")))
EARLIER_AFTER = re.compile(r"^\s+(?:[\w-]+\s+){0,2}(?:" + "|".join(EARLIER_WORDS) + r")\s+"
                           r"(?:" + "|".join(sorted(word_class(WORDS_TABLE, "earlier_verb"))) + r")\b", re.I)
# Ordinals that, just before a figure in its clause, name another event of the same kind.
ORDINAL_EVENT = re.compile(r"\b(?:second|third|fourth|fifth|2nd|3rd|4th|5th|previous|former|initial|original)\b", re.I)
ORDINAL_REACH = 45  # characters before the figure, within its clause
# "the previous record ... 7.4" is the marker "previous": an earlier figure or event
ORDINAL_CANON = {"2nd": "nth:second", "3rd": "nth:third", "4th": "nth:fourth", "5th": "nth:fifth",
                 "previous": "previous", "former": "previous", "initial": "previous", "original": "previous"}
WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
HYPHENED_WORD = re.compile(r"[a-z0-9]+(?:-[a-z]+)*")  # "non-food" is not "food"
PAREN = re.compile(r"\(([^)]*)\)")


def lemma(word: str) -> str:
    """A light English lemmatiser for head nouns and predicates: plurals and -ies."""
    w = word.lower()
    if w in ("people", "lives", "news", "series", "species", "aftershocks"):
        return {"lives": "life", "aftershocks": "aftershock"}.get(w, w)
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("ches", "shes", "sses", "xes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def words(text: str | None) -> list[str]:
    return [lemma(w) for w in WORD.findall((text or "").lower())]


@lru_cache(maxsize=65536)
def predicate(text: str | None) -> str | None:
    """The canonical predicate a phrase names, or None: its first predicate word, unless a strong
    one stands anywhere in it ("death sentences" -> sentenced, "people sentenced to death")."""
    ws = words(text)
    strong = next((w for w in ws if w in STRONG_PREDICATES), None)
    if strong:
        return PREDICATE_OF[strong]
    for w in ws:
        if w in PREDICATE_OF:
            return PREDICATE_OF[w]
    return None


@lru_cache(maxsize=65536)
def measure_name(text: str | None) -> str | None:
    """The extractor's normalised measure as a predicate ("interest rate", "inflation"), unless
    it only says "a share" or "a figure"."""
    t = " ".join(lemma(w) for w in WORD.findall(str(text).lower())) if isinstance(text, str) else ""
    return None if not t or t in GENERIC_MEASURES else t


@lru_cache(maxsize=65536)
def head_noun(text: str | None) -> str | None:
    """The head noun of a counted-entity phrase, lemmatised and mapped through synonyms:
    "special forces troops" -> "troop", "people killed" -> "person"."""
    ws = words(PAREN.sub(" ", text or ""))
    if not ws:
        return None
    of = next((i for i in range(len(ws) - 2) if ws[i] in CLASSIFIERS and ws[i + 1] == "of"), None)
    if of is not None:
        ws = ws[of + 2:]  # "cases of abductions": abductions are counted
    # the head is the last noun before a participle or preposition ("people killed in Syria")
    cut = len(ws)
    for i, w in enumerate(ws):
        if i > 0 and (w in HEAD_STOPS or (w.endswith(("ed", "ing", "ly")) and w not in ENTITY_SYNONYMS)):
            cut = i
            break
    ws = ws[:cut] or ws
    head = ws[-1]
    if head in ENTITY_STOP or head in CLASSIFIERS:  # "627 incidents": of what, the predicate says
        return None
    return ENTITY_SYNONYMS.get(head, head)


@lru_cache(maxsize=65536)
def markers(text: str | None) -> frozenset[str]:
    t = " " + re.sub(r"\s+", " ", (text or "").lower()) + " "
    return frozenset(name for name, pattern in MARKER_PATTERNS.items() if pattern.search(t))


def _figure_at(sentence, span) -> int:
    """Where the figure stands in its sentence (first occurrence of the span), or -1."""
    if not isinstance(sentence, str) or not isinstance(span, str) or not span:
        return -1
    return sentence.find(span)


def _before(sentence, span, reach: int) -> str | None:
    """The words right before the figure in its sentence, up to ``reach`` characters."""
    at = _figure_at(sentence, span)
    return None if at < 0 else sentence[max(0, at - reach):at]


def ordinal_before(sentence, span) -> str | None:
    """"nth:second" when an ordinal stands shortly before the figure in its clause, "previous"
    when "previous", "former", "initial" or "original" does."""
    before = _before(sentence, span, ORDINAL_REACH)
    if before is None:
        return None
    before = re.split(r"[,;:()]", before)[-1]
    found = ORDINAL_EVENT.findall(before)
    if not found:
        return None
    word = found[-1].lower()
    return ORDINAL_CANON.get(word, "nth:" + word)


def _after(sentence, span, reach: int = NEGATION_REACH) -> str | None:
    """The words right after the figure in its sentence (first occurrence of the span)."""
    at = _figure_at(sentence, span)
    return None if at < 0 else sentence[at + len(span):at + len(span) + reach]


PART_AFTER = re.compile(r"^\s+of\s+(?:them|whom|those|these|which)\b")


def part_after(sentence, span) -> bool:
    """"658 deaths, 630 of them unregistered pilgrims", "40 injured, 12 of whom critically": a part
    of the figure named before it, not another reading of that figure."""
    after = _after(sentence, span, 16)
    return bool(after and PART_AFTER.match(after))


def more_after(sentence, span) -> bool:
    """"five more", "300 more troops": an increment told after the figure."""
    after = _after(sentence, span)
    return bool(after and MORE_AFTER.search(after))


def earlier_after(sentence, span) -> bool:
    """"1,732 people originally reported as missing", "the £240m previously thought": the figure
    is counted under an earlier report, not the current one."""
    after = _after(sentence, span)
    return bool(after and EARLIER_AFTER.search(after))


def population_of(sentence, span) -> bool:
    """"Sudan's 48 million people", "a city of 1.2 million residents": the figure is a place's
    population, whatever verb the sentence goes on with ("have been forced to flee")."""
    before, after = _before(sentence, span, 40), _after(sentence, span, 30)
    return before is not None and bool(POPULATION_BEFORE.search(before) and POPULATION_AFTER.search(after))


# a count of one day, not the running toll: "60 died on Sunday alone", "in a single day",
# "60 died Sunday in the deadliest day of the protests"
ONE_DAY = re.compile(r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|that day|the day)\s+alone\b|"
                     r"\bin (?:a single|one) day\b|\bdeadliest day\b", re.I)


def one_day(sentence, span) -> bool:
    """Whether the figure's clause says it counts one day only ("killed on Sunday alone")."""
    at = _figure_at(sentence, span)
    if at < 0:
        return False
    start = max(sentence.rfind(c, 0, at) for c in ",;:") + 1
    ends = [i for i in (sentence.find(c, at + len(span)) for c in ",;:") if i >= 0]
    return bool(ONE_DAY.search(sentence[start:min(ends) if ends else len(sentence)]))


SEVERE_AFTER = re.compile(r"\W{0,2}(?:(?:people|of (?:whom|them)|who)\s+)?(?:(?:are|were|remain|remained|is|was)\s+)?"
                          r"(?:in\s+(?:a\s+)?(?:serious|critical|grave|severe)\s+condition"
                          r"|(?:seriously|critically|severely|gravely)\s+(?:injured|wounded|hurt|ill))\b", re.I)


def severe_after(sentence, span) -> bool:
    """"721 of whom are in serious condition", "1,404 critically injured": the badly hurt are a part
    of all the injured, a quantity of their own."""
    at = _figure_at(sentence, span)
    return at >= 0 and bool(SEVERE_AFTER.match(sentence, at + len(span)))


AVERAGE_BEFORE = re.compile(r"\baverage[sd]?\b[^,;:()]{0,40}$", re.I)
AVERAGE_REACH = 60  # characters before the figure


def average_before(sentence, span) -> bool:
    """"a monthly average of 58,000", "job growth averaged 190,000": the figure is an average over
    a window, a quantity of its own beside the level or change it averages."""
    before = _before(sentence, span, AVERAGE_REACH)
    return before is not None and bool(AVERAGE_BEFORE.search(before))


def negated_after(sentence, span) -> bool:
    """Whether a negation follows the figure in its clause: the figure counts what has not
    happened (not yet identified, not searched), the complement of the plain count."""
    after = _after(sentence, span)
    if not after:
        return False
    return bool(NEGATION_AFTER.search(re.split(r"[,;:.()]|\b(?:and|but|while|as)\b", after)[0]))


@lru_cache(maxsize=65536)
def split_scope(subject: str | None) -> tuple[str | None, str | None]:
    """"Syria (government-held areas)" -> ("syria", "government-held areas")."""
    if not subject or not str(subject).strip():
        return None, None
    s = str(subject)
    scope = "; ".join(m.strip() for m in PAREN.findall(s)) or None
    words = [w for w in WORD.findall(PAREN.sub(" ", s).lower()) if w not in SUBJECT_STOP]
    while len(words) > 1 and words[-1] in LEGAL_SUFFIXES:
        words.pop()  # "Delta Air Lines Inc" is Delta Air Lines
    core = SUBJECT_ALIASES.get(" ".join(words), " ".join(words))
    if " and " in core:  # "Syria and Turkey" and "Turkey and Syria" are one pair
        core = " and ".join(sorted(SUBJECT_ALIASES.get(p.strip(), p.strip()) for p in core.split(" and ")))
    return (core or None), (scope.lower() if scope else None)




@lru_cache(maxsize=65536)
def scope_words(scope: str | None, subject: str | None = None) -> str | None:
    """A scope as a canonical word set: "government-controlled areas of Syria" and
    "government-held areas" (subject Syria) -> "area government held"."""
    if not scope:
        return None
    drop = set(WORD.findall((subject or "").lower()))
    ws = {SCOPE_SYNONYMS.get(lemma(w), lemma(w)) for w in WORD.findall(str(scope).lower())}
    ws = {w for w in ws if w not in SCOPE_STOP and w not in drop}
    return " ".join(sorted(ws)) or None


def norm_text(text: str | None) -> str | None:
    if text is None or (isinstance(text, float) and np.isnan(text)):
        return None
    t = " ".join(WORD.findall(str(text).lower()))
    return t or None


def _codes(series: pd.Series) -> tuple[np.ndarray, list]:
    """Factorize with missing values as one more code (the last)."""
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    uniques = list(uniques)
    codes = np.where(codes < 0, len(uniques), codes)
    return codes, uniques + [None]


# Readers of the words around a figure in its sentence: (name, screen, reader, default). A
# reader runs only on sentences that pass its screen (lower-case substrings, or a pattern
# searched in the lower-cased sentence), which is most of the cost saved.
SENTENCE_READERS = (
    ("nth", re.compile(ORDINAL_EVENT.pattern), ordinal_before, None),
    ("negated", ("not", "n't", "never"), negated_after, False),
    ("more", ("more",), more_after, False),
    ("earlier", EARLIER_WORDS, earlier_after, False),
    ("population", POPULATION_NOUNS, population_of, False),
    ("average", ("average",), average_before, False),
    ("one_day", ("alone", "single day", "one day", "deadliest day"), one_day, False),
    ("severe", ("serious", "critical", "grave", "severe"), severe_after, False),
    ("part", ("of them", "of whom", "of those", "of these", "of which"), part_after, False),
)


# the sentence readers whose finding is a marker of its own: reader name -> marker
SENTENCE_MARKERS = (("negated", "negated"), ("earlier", "previous"), ("average", "average"), ("severe", "severe"),
                    ("one_day", "one_day"), ("part", "part"))


ANY_CUE = re.compile("|".join(re.escape(w) for _, screen, _, _ in SENTENCE_READERS if isinstance(screen, tuple)
                             for w in screen) + "|" + ORDINAL_EVENT.pattern)


def _read_sentences(sentence: pd.Series, span: pd.Series) -> dict[str, np.ndarray]:
    """Each of SENTENCE_READERS for every claim, run once per distinct (sentence, span) and only
    where the sentence passes the reader's screen, so the cost is the sentences that hold a cue,
    not the claims."""
    n = len(sentence)
    se_codes, se_uniques = _codes(sentence)
    texts = pd.Series(se_uniques[:-1], dtype=object).str.lower()
    # one pass over every distinct sentence for any cue; the readers' own screens then run on
    # the few sentences that hold one
    candidate = texts.str.contains(ANY_CUE, na=False).to_numpy(dtype=bool)
    texts = texts[candidate]
    span = span.to_numpy() if isinstance(span, pd.Series) else np.asarray(span, dtype=object)
    out = {}
    for name, screen, read, default in SENTENCE_READERS:
        values = np.full(n, default, dtype=object)
        passed = np.zeros(len(candidate) + 1, dtype=bool)
        if isinstance(screen, tuple):
            for part in screen:
                passed[:-1][candidate] |= texts.str.contains(part, regex=False, na=False).to_numpy(dtype=bool)
        else:
            passed[:-1][candidate] = texts.str.contains(screen, na=False).to_numpy(dtype=bool)
        hit = passed[se_codes]
        if hit.any():
            sp_codes, sp_uniques = _codes(pd.Series(span[hit], dtype=object))
            width = len(sp_uniques) + 1
            pair_codes, pairs = pd.factorize(se_codes[hit].astype(np.int64) * width + sp_codes)
            values[hit] = np.array([read(se_uniques[c // width], sp_uniques[c % width]) for c in pairs],
                                   dtype=object)[pair_codes]
        out[name] = values
    return out


def _with_marker(mk: np.ndarray, mask: np.ndarray, names) -> np.ndarray:
    """A copy of the marker strings with a marker (one name, or one per masked row) added."""
    mk = mk.copy()
    names = [names] * int(mask.sum()) if isinstance(names, str) else names
    mk[mask] = ["|".join(sorted((set(m.split("|")) | {n}) - {""})) for m, n in zip(mk[mask], names)]
    return mk


def key_frame(claims: pd.DataFrame) -> pd.DataFrame:
    """One row per claim with the normalised key fields:

    k_subject, k_scope, k_predicate, k_entity, k_markers, k_modality, k_change, k_cumulative.

    Each field is computed once per distinct phrasing (subject with location; measure with
    entity), then spread to the rows by integer codes.
    """
    n = len(claims)
    col = lambda name: claims[name] if name in claims else pd.Series([None] * n, index=claims.index)  # noqa: E731

    s_codes, s_uniques = _codes(col("subject"))
    l_codes, l_uniques = _codes(col("location"))
    split = [split_scope(u) for u in s_uniques]
    subject = np.array([t[0] for t in split], dtype=object)[s_codes]
    scope_of_subject = np.array([t[1] for t in split], dtype=object)[s_codes]
    loc = np.array([norm_text(u) for u in l_uniques], dtype=object)[l_codes]
    scope = np.where(pd.isna(loc), scope_of_subject, loc)
    a_codes, a_uniques = _codes(pd.Series(scope, dtype=object))
    pair = a_codes.astype(np.int64) * (len(s_uniques) + 1) + s_codes
    sc_codes, sc_uniques = pd.factorize(pair)
    width = len(s_uniques) + 1
    scope = np.array([scope_words(a_uniques[c // width], split[c % width][0] if c % width < len(split) else None)
                      for c in sc_uniques] + [None], dtype=object)[sc_codes]

    m_codes, m_uniques = _codes(col("measure"))
    e_codes, e_uniques = _codes(col("entity"))
    pair = m_codes.astype(np.int64) * (len(e_uniques) + 1) + e_codes
    p_codes, p_uniques = pd.factorize(pair)
    preds, heads, marks, planned, flows = [], [], [], [], []
    for code in p_uniques:
        m, e = m_uniques[code // (len(e_uniques) + 1)], e_uniques[code % (len(e_uniques) + 1)]
        head = head_noun(e)
        # the predicate: a predicate word of the measure, else the extractor's own normalised
        # measure ("inflation", "interest rate"), else a predicate word of the counted thing,
        # else the counted thing itself, unless it is only "people": "11 million people" says
        # nothing of what happened to them, so it is compared with nothing
        pred = predicate(m) or measure_name(m) or predicate(e) or (head if head not in GENERIC_ENTITIES else None)
        mk = markers(f"{m or ''} | {e or ''}")
        if pred in FLOW_PREDICATES:
            mk = mk - {"increment"}  # "jobs added", "an increase of 142,000 jobs": the flow itself
        if pred == "jobs" and e and (sector := SECTOR.search(e)):
            mk = mk | {"sector:" + " ".join(words(sector.group(1)))}  # jobs in healthcare are not all jobs
        elif pred in COMPONENT_PREDICATES:
            parts = sorted({w for w in HYPHENED_WORD.findall(f"{m or ''} {e or ''}".lower()) if w in COMPONENTS})
            if parts:
                mk = mk | {"part:" + "+".join(parts)}  # food inflation is not inflation
        preds.append(pred)
        heads.append(head)
        marks.append("|".join(sorted(mk - {"planned"})))
        planned.append("planned" in mk)
        flows.append(pred in FLOW_PREDICATES)
    pred = np.array(preds + [None], dtype=object)[p_codes]
    head = np.array(heads + [None], dtype=object)[p_codes]
    mk = np.array(marks + [""], dtype=object)[p_codes]
    planned_by_words = np.array(planned + [False], dtype=bool)[p_codes]
    flow = np.array(flows + [False], dtype=bool)[p_codes]  # per distinct measure and entity, not per claim

    # the words around the figure in its own span: "a further £100m" is an increment
    sp_codes, sp_uniques = _codes(col("span"))
    increment = np.r_[pd.Series(sp_uniques[:-1], dtype=object).str.contains(SPAN_INCREMENT, na=False)
                      .to_numpy(dtype=bool), False][sp_codes]
    around = _read_sentences(col("sentence"), col("span"))
    increment |= around["more"].astype(bool)
    if increment.any():
        art = pd.factorize(col("article_id"))[0]
        start = pd.to_numeric(col("start"), errors="coerce").fillna(0).to_numpy()
        # "killed 4,300, while another 76,000 are injured": "another" after a figure of another
        # measure lists a second count; it adds nothing to an earlier figure of its own
        # measure in the same unit ("another £120m" after "300 people" adds to money)
        unit = col("unit").fillna("").astype(str).to_numpy()
        order = np.lexsort((start, art))
        p_ord, a_ord, u_ord = pred[order], art[order], unit[order]
        listing = np.zeros(len(pred), dtype=bool)
        listing[order[1:]] = ((a_ord[1:] == a_ord[:-1]) & (u_ord[1:] == u_ord[:-1]) & pd.notna(p_ord[:-1])
                              & (p_ord[1:] != p_ord[:-1]))
        # ... unless its sentence gave a figure of its own measure before ("9,100 dead and 4,000
        # missing, while another 150 died elsewhere": the 170 adds to the dead)
        sent = pd.factorize(col("sentence"))[0]
        own = pd.Series(np.arange(len(pred))[order]).groupby(
            [a_ord, sent[order], pd.factorize(p_ord)[0], u_ord], sort=False).cumcount().to_numpy()
        listing[order[own > 0]] = False
        increment &= ~listing
    if increment.any():
        # an increment adds to a base each article chooses itself (its previous figure, the
        # last instalment): two articles' increments are not one quantity, so an increment is
        # compared only inside its own article
        mk = _with_marker(mk, increment, ["increment@a" + str(a) for a in art[increment]])

    # an ordinal just before the figure names another event of the kind ("the second quake had
    # a magnitude of 7.5", "a second 7.6 magnitude tremor"): a quantity of its own; a negation
    # after it ("55 whose remains have not yet been identified") makes it the complement
    nth = around["nth"]
    has_nth = pd.notna(nth)
    if has_nth.any():
        mk = _with_marker(mk, has_nth, nth[has_nth])
    population = around["population"].astype(bool)
    if population.any():
        pred = np.where(population, "population", pred)
        flow &= ~population
    for reader, marker in SENTENCE_MARKERS:
        hit = around[reader].astype(bool)
        if hit.any():
            mk = _with_marker(mk, hit, marker)

    modality = col("modality").fillna("actual").astype(str).to_numpy()
    # one string object per class, not one per claim
    modality_class = np.array(["actual", "planned", "denied"], dtype=object)[
        np.where(np.isin(modality, list(PLANNED_MODALITIES)) | planned_by_words, 1, np.where(modality == "denied", 2, 0))]
    return pd.DataFrame({
        "k_subject": subject, "k_scope": scope, "k_predicate": pred, "k_entity": head,
        "k_markers": mk, "k_modality": modality_class,
        "k_change": col("is_change").fillna(False).astype(bool).to_numpy() & ~flow,
        "k_cumulative": np.isin(pred, list(CUMULATIVE)),
    }, index=claims.index)


# Entity heads that do not tell quantities apart once the predicate is known ("people killed"
# and "deaths" are one count). Other heads ("buildings", "troops") stay in the key.
GENERIC_ENTITIES = frozenset({"person", None})
