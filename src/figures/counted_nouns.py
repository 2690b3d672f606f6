"""The words a figure's entity is read from: the noun phrase right after the figure ("12,000 special
forces troops"), a noun phrase before a verb, a rate after it ("£2m per asylum seeker"), and the
measure cue at a token (``data/measures.tsv``)."""
from __future__ import annotations

from figures.lexicon import AUXILIARIES, BE, DETERMINERS, Measure, NOT_NOUNS, PEOPLE, STOP, TIME_UNITS, TIME_WORDS, Vocabulary, vocabulary
from figures.tokens import Tok, join_words
from figures.word_classes import word_class


def _measure_at(vocab: Vocabulary, toks: list[Tok], i: int) -> tuple[Measure | None, int]:
    """The measure cue starting at token i (longest first) and how many tokens it takes."""
    if toks[i].low not in vocab.measure_first:
        return None, 0
    for k in (4, 3, 2, 1):
        if i + k <= len(toks):
            key = tuple(t.low for t in toks[i:i + k])
            m = vocab.measures.get(key)
            if m:
                return m, k
    return None, 0


def _claimant_follows(vocab: Vocabulary, toks: list[Tok], j: int) -> bool:
    """The noun phrase ending before token j is the subject of an active claimant verb."""
    if j == 0 or not (toks[j - 1].cap or toks[j - 1].low in vocab.claimant_nouns):
        return False
    while j < len(toks) and toks[j].low in AUXILIARIES and toks[j].low not in BE:
        j += 1
    return j < len(toks) and toks[j].low in vocab.claimant_verbs


_PER = frozenset({"per", "each", "every", "a", "an"})
_RATE_UNITS = word_class("entity_words.tsv", "rate_unit")  # "$90 a barrel", "£1m a year"


def _rate(toks: list[Tok], ti: int) -> str:
    """" per person" for "£2m per asylum seeker", "for each migrant", "£1m a year"; else ""."""
    n = len(toks)
    j = ti + 1
    if j < n and toks[j].low == "for" and j + 1 < n and toks[j + 1].low in ("each", "every"):
        j += 1
    if j + 1 < n and toks[j].low in _PER and toks[j + 1].word and toks[j + 1].low not in STOP:
        if toks[j].low in ("a", "an") and toks[j + 1].low not in _RATE_UNITS:
            return ""
        words = [toks[j + 1].text]
        if j + 2 < n and toks[j + 2].word and toks[j + 2].low not in STOP and not toks[j + 2].low.endswith("ed") \
                and toks[j + 2].low not in TIME_WORDS:
            words.append(toks[j + 2].text)
        return " per " + " ".join(words).removesuffix("'s").removesuffix("’s")
    return ""


def _participle_text(tok: Tok) -> str:
    return {"died": "killed", "dead": "killed", "die": "killed", "wounded": "injured"}.get(tok.low, tok.low)


def _cue_participle(m: Measure, tok: Tok) -> str | None:
    """What a verb cue says happened to the thing counted, as a participle: "killing" -> "killed"
    (from the cue's entity "people killed"), "destroyed" -> "destroyed"; None for other forms."""
    if m.entity and m.entity.startswith("people "):
        return m.entity.removeprefix("people ")
    if tok.low.endswith("ed"):
        return _participle_text(tok)
    if m.entity is None and " " in m.cue:
        return m.cue  # "shot down"
    return None


_CLOSING_QUOTES = frozenset({"”", '"', "’", "'"})
_OWNERS = ("its", "their", "our", "his", "her")


def _np_after_figure(toks: list[Tok], ti: int) -> tuple[int, str | None]:
    """The noun phrase right after the figure: "12,000 special forces troops" -> special forces troops."""
    n = len(toks)
    j = ti + 1
    if j + 1 < n and toks[j].text in _CLOSING_QUOTES and toks[j + 1].word:
        j += 1  # '"more than two million" people demonstrated': the quote closes on the figure alone
    if j + 2 < n and toks[j].low == "of" and toks[j + 1].fig >= 0 and toks[j + 2].word:
        j += 2  # "30 of 35 drones": the part counts what the whole counts
    elif j < n and toks[j].low == "of" and j + 1 < n and toks[j + 1].low in ("the", "them", "those", "these") + _OWNERS:
        j += 2 if toks[j + 1].low in ("the",) + _OWNERS else 1  # "192 of its soldiers"
        if j + 2 < n and toks[j].word and toks[j + 1].low in ("'s", "’s") and toks[j + 2].fig >= 0:
            j += 2  # "75 of the company's 1,300 employees": past the owner to the whole
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
        if low in NOT_NOUNS or low in _CONTRAST:
            break  # "1.27 million according to the ministry", "1,200 rather than 2,000"
        if low in ("last", "next", "this") and j + 1 < n and (toks[j + 1].low in TIME_WORDS
                                                              or toks[j + 1].low.rstrip("s") in TIME_UNITS):
            break  # "48,000 demonstrators last Saturday"
        if j > start and toks[j - 1].low in PEOPLE and _measure_at(vocabulary(), toks, j)[0] is not None:
            break  # "37,000 people beat the pavement": the verb after the people counted
        if low.endswith(("ed", "ing")) and j > start and low not in ("wounded",) and low not in _NOUN_ING:
            break  # a participle after the noun: "buildings destroyed", "buildings containing"
        if j > start and low in _IRREGULAR_PAST:
            break  # "the 985-foot ship lost power": the verb after the noun
        if low in TIME_WORDS or low in AUXILIARIES:
            break
        if j > start and toks[j].cap and not toks[j - 1].cap and toks[j].text.removesuffix("s") not in vocabulary().demonyms:
            break  # "24,400 service personnel Emergency aid ...": a new phrase starts ("ethnic Armenians" goes on)
        if j == start and (m := _measure_at(vocabulary(), toks, j)[0]) and m.kind == "verb" and (
                low.endswith("ed") or len(m.cue.split()) > 1):
            break  # "1.2 million marched", "50,000 took part": the verb, not a noun
        if j == start and (low in _ING_PREPOSITIONS or _ing_clause(toks, j) or _bare_verb(toks, j)):
            break  # "two million crossing borders", "300 following the attack", "12,000 attended": not a noun
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
    if j == start + 1 and _coordinated_adjective(toks, j):
        j += 3  # "1,300 active, working employees": two adjectives before one noun
    return j, " ".join(t.text for t in toks[start:j]).replace(" ,", ",")


_ADJECTIVE_ENDINGS = ("ive", "al", "ful", "ous", "ic", "able", "ible", "time", "ing")


def _coordinated_adjective(toks: list[Tok], j: int) -> bool:
    """", working employees" after "active": a comma between two adjectives of one plural noun."""
    return j + 2 < len(toks) and toks[j].text == "," and toks[j - 1].low.endswith(_ADJECTIVE_ENDINGS) \
        and all(t.word and not t.cap and t.fig < 0 and t.low not in STOP for t in toks[j + 1:j + 3]) \
        and toks[j + 2].low.endswith("s")


_NOUN_ING = word_class("entity_words.tsv", "ing_noun")
_IRREGULAR_PAST = word_class("entity_words.tsv", "irregular_past")


# plurals a count of regions names ("23 dead in four states"): a count of them is no count of the dead
REGION_PLURALS = word_class("place_words.tsv", "regions")


def regions_counted(toks: list[Tok], ti: int) -> str | None:
    """"four states", "six US states", "12 southern provinces": the regions a figure counts."""
    for j in (ti + 1, ti + 2):
        if j < len(toks) and toks[j].low in REGION_PLURALS:
            if j == ti + 2 and not (toks[ti + 1].word and (toks[ti + 1].cap or toks[ti + 1].low.endswith("ern"))):
                return None
            return " ".join(t.text for t in toks[ti + 1:j + 1])
    return None

_ING_PREPOSITIONS = word_class("entity_words.tsv", "ing_preposition")
_CONTRAST = word_class("entity_words.tsv", "contrast_word")


_NOT_PARTICIPLES = word_class("entity_words.tsv", "not_participle")
# "the number of asylum claims rose to 84,000": a linking verb ends the noun phrase before it
_LINKING_VERBS = word_class("entity_words.tsv", "copula_verb") - {"hit"}


def is_participle(tok: Tok) -> bool:
    """A word in -ed that may say what happened to what a figure counts ("cancelled", "signed")."""
    return tok.low.endswith("ed") and tok.low not in _NOT_PARTICIPLES and tok.word


def _bare_verb(toks: list[Tok], j: int) -> bool:
    """A past-tense verb right after a bare figure ("12,000 attended", "300 signed the letter"), not
    a participle before a noun ("400 armed men")."""
    return is_participle(toks[j]) and toks[j].low not in NOT_NOUNS and (
        j + 1 >= len(toks) or not toks[j + 1].word or toks[j + 1].low in STOP)


def _ing_clause(toks: list[Tok], j: int) -> bool:
    """An -ing verb at token j followed by its object or a preposition ("crossing international
    borders", "living in camps"), not a noun in -ing ("housing units")."""
    low = toks[j].low
    return (low.endswith("ing") and len(low) > 5 and low not in _NOUN_ING and low not in NOT_NOUNS
            and low not in _ING_PREPOSITIONS and j + 1 < len(toks) and toks[j + 1].word and toks[j + 1].fig < 0)


def _np_words(toks: list[Tok], i: int) -> str | None:
    j = i
    out = []
    while j < len(toks) and j < i + 6 and toks[j].fig < 0 and (toks[j].word or toks[j].low == "'s"):
        if toks[j].low in STOP and toks[j].low not in DETERMINERS and out:
            break
        if toks[j].low in STOP and toks[j].low not in DETERMINERS or toks[j].low in _LINKING_VERBS:
            break
        out.append(toks[j])
        j += 1
    return join_words(out) if out else None


def _subject_before(toks: list[Tok], j: int) -> str | None:
    """The noun phrase ending just before token j, with its article: "the journey"."""
    k = j - 1
    words: list[str] = []
    while k >= 0 and toks[k].word and toks[k].fig < 0 and toks[k].low not in STOP and len(words) < 4:
        words.insert(0, toks[k].text)
        k -= 1
    if not words or words[0][:1].isupper() and k >= 0:
        return None  # nothing, or a name inside a clause ("Smith took"): a person's time, not a thing's
    if k >= 0 and toks[k].low in DETERMINERS:
        words.insert(0, toks[k].low)
    return " ".join(words)


def is_money(unit: str) -> bool:
    return len(unit) == 3 and unit.isupper()


def _is_time(unit: str) -> bool:
    u = unit.lower().rstrip("s")
    return u in TIME_UNITS
