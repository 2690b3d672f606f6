"""The measure noun a figure is the value of, looking around it: "the death toll ... stands at 3,000",
"the average survival ratio ... is 74%", "4.2% unemployment", the nearest cue in the clause, the money
noun of the sentence."""
from __future__ import annotations

from figures.context import Context
from figures.counted_nouns import _measure_at, _np_words
from figures.lexicon import AUXILIARIES, CHANGE_VERBS, COPULA, MONEY_NOUNS, Measure, RATE_HEADS, STOP, TRANSPARENT, Vocabulary, vocabulary
from figures.tokens import Tok
from figures.word_classes import word_class


def _measure_noun_text(toks: list[Tok], ti: int, past_figures: bool = False) -> str | None:
    """The words of the nearest measure noun left of the figure: "the death toll" -> "death toll";
    up to the figure before it unless ``past_figures`` ("the 3.3% consensus forecast and 3.4%
    predicted by the bank": both forecasts of the inflation named before them)."""
    vocab = vocabulary()
    for j in range(ti - 1, max(-1, ti - (30 if past_figures else 16)), -1):
        if toks[j].fig >= 0:
            if past_figures:
                continue
            break
        if toks[j].text in (";", ":"):
            break
        for k in (3, 2, 1):
            if j - k + 1 >= 0:
                key = tuple(t.low for t in toks[j - k + 1:j + 1])
                m = vocab.measures.get(key)
                if m and m.kind == "noun":
                    return " ".join(t.text if t.text.isupper() else t.low for t in toks[j - k + 1:j + 1])
    return None


def _measure_left(ctx: Context, toks: list[Tok], ti: int,
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
        m = _longest_cue(vocab, toks, j)
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


_COPULA_VERBS = word_class("entity_words.tsv", "copula_verb")
_COPULA_LINK = word_class("entity_words.tsv", "copula_link")


def _copula_subject(toks: list[Tok], ti: int) -> str | None:
    """"The average survival ratio in 24 hours is 74%" -> "average survival ratio"; "it should have
    been 3.4%", "it was stated as being 3.5%" -> "it"."""
    j = ti - 1
    linked = False
    while j >= 0 and (toks[j].low in _COPULA_LINK or toks[j].low in _COPULA_VERBS):
        linked = linked or toks[j].low in _COPULA_VERBS
        j -= 1
    if not linked or j < 0:
        return None
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


def measure_named_in(vocab: Vocabulary, entity: str | None) -> str | None:
    """The measure the first cue word of an entity phrase names ("people killed" -> killed)."""
    return next((m.measure for w in entity.lower().split() if (m := vocab.measures.get((w,)))), None) if entity else None


def _measure_near(vocab: Vocabulary, toks: list[Tok], ti: int, lo: int, hi: int) -> str | None:
    """The measure of the cue word nearest the figure at ``ti``, leaving out the cues another figure's
    noun phrase holds ("17,500 cases and 629 deaths": "deaths" is the 629's, not the cases')."""
    best, dist = None, 99
    owner = -1  # the figure whose noun phrase the scan is in
    for j in range(max(0, lo), min(len(toks), hi + 3)):
        if toks[j].fig >= 0:
            owner = j
            continue
        if not toks[j].word:
            owner = -1
        m = _longest_cue(vocab, toks, j)  # "job growth", not its "growth"
        if m and abs(j - ti) < dist and not (owner >= 0 and owner != ti and j > ti):
            best, dist = m.measure, abs(j - ti)
    return best


def _longest_cue(vocab: Vocabulary, toks: list[Tok], j: int) -> Measure | None:
    """The cue at token j, or a longer one that covers it: "stock price" rather than "price"."""
    m, _ = _measure_at(vocab, toks, j)
    if m:
        for b in (j - 2, j - 1):
            if b >= 0 and toks[b].fig < 0:
                longer, k = _measure_at(vocab, toks, b)
                if longer and b + k > j:
                    return longer
    return m


def _money_cue(vocab: Vocabulary, toks: list[Tok], ti: int) -> tuple[str, str, str] | None:
    best, dist = None, 99
    for j in range(0, len(toks)):
        if toks[j].fig >= 0:
            continue
        m = _longest_cue(vocab, toks, j)
        # a cue after the figure counts double its distance: the verb before usually governs it
        d = (ti - j) if j < ti else 2 * (j - ti)
        if m and m.entity in MONEY_NOUNS and d < dist:
            best, dist = (m.entity, m.measure, m.kind), d
    return best


def _rate_noun(vocab: Vocabulary, toks: list[Tok], ti: int) -> tuple[str, str | None, None] | None:
    """The rate or growth a percentage is the value of: "4.2% unemployment", "a 2% inflation goal",
    "the unemployment rate ... fell from 4.3% to 4.2%", "the yearly increase from 3.6% to 3.8%"."""
    n = len(toks)
    after: list[Tok] = []
    j = ti + 1
    while j < n and toks[j].word and toks[j].low not in STOP and len(after) < 3:
        after.append(toks[j])
        j += 1
    if after:
        m, _ = _measure_at(vocab, after, len(after) - 1)
        if after[-1].low in RATE_HEADS or (m and m.kind == "noun" and len(after) == 1):
            return _rate_phrase(vocab, after)
    for k in range(ti - 1, max(-1, ti - 16), -1):
        t = toks[k]
        if t.text in (";", ":", ".") or (t.fig >= 0 and toks and t.fig != toks[ti].fig and
                                          toks[k].low[-1:] != "%" and "percent" not in t.low):
            return None
        if t.word and t.low in RATE_HEADS and t.low not in STOP:
            words = [t]
            b = k - 1
            while b >= 0 and toks[b].word and toks[b].low not in STOP and len(words) < 4 \
                    and toks[b].low not in CHANGE_VERBS and toks[b].low not in _COPULA_VERBS:
                words.insert(0, toks[b])  # "the central bank raised rates": the verb ends the rate's name
                b -= 1
            return _rate_phrase(vocab, words)
    return None


def _rate_phrase(vocab: Vocabulary, words: list[Tok]) -> tuple[str, str | None, None]:
    """(entity, measure) for a rate's words: the measure of a cue they hold when it heads them
    ("unemployment rate" -> unemployment), else the phrase itself ("inflation goal")."""
    text = " ".join(t.low for t in words)
    for b in range(len(words)):
        m = _longest_cue(vocab, words, b)
        if m and m.kind == "noun":
            head_is_cue = b == len(words) - 1 or words[-1].low in ("rate", "rates")
            if len(words) == 1 and m.entity:
                return m.entity, m.measure, None  # "4.2% unemployment" -> unemployment rate
            return text, (m.measure if head_is_cue or m.measure == "wages" else text), None
    return text, text, None
