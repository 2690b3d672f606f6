"""Which words name the speaker a claimant cue points at: the subject before a verb ("the South
Korean intelligence agency reported"), the phrase after "according to", "by", "citing" or "per", a name
in apposition ("a spokeswoman, Jane Doe, said"), a document's author ("police figures", "the ministry's
latest figures"), the subject a participle hangs from, and whom a pronoun names. ``claimants`` finds the
cues; this module reads the noun phrases they govern, so the cue rules stay apart from the phrase grammar."""
from __future__ import annotations

import re

from figures.context import Claimant, Context, org_kinds
from figures.entities import is_apposed_age
from figures.lexicon import AUXILIARIES, DETERMINERS, PRONOUNS, STOP, TIME_WORDS, Vocabulary, org_words, title_words
from figures.name_resolution import last_organisation, looks_like_person, resolve_name, statistics_body
from figures.tokens import Tok
from figures.word_classes import word_class

__all__ = ["COUNT_NOUNS", "DATE_WORDS", "OBJECT_PRONOUNS", "OWNER_PRONOUNS", "PUBLISHING", "RESTATING", "SUBORDINATORS",
           "np_after", "np_before", "np_ending_at", "possessive_referent", "pronoun_referent",
           "relative_subject", "sentence_subject", "with_name_particles"]


# After these the claimant's verb does not reach back over the sentence: "rose to 99 as the chief said ..."
SUBORDINATORS = frozenset("as while when after before because since although though if and but whereas".split())
# A claimant in a relative clause covers only that clause: "..., at Marseille, where the prefecture counted",
# "fell 0.5 percent from what the department first reported"
RELATIVE_OPENERS = frozenset("where what".split())
# Counts a figure is set to or given as: "the death toll", "the tally", "the estimate"
COUNT_NOUNS = word_class("claimant_words.tsv", "count_noun")
# Nouns that restate a figure in apposition: "12,000 jobs, a figure economists say was ..."
RESTATING = word_class("claimant_words.tsv", "number_noun") | frozenset("number amount level".split())
# Participles that make "by X" the author of a document: "figures released by", "data compiled by"
PUBLISHING = word_class("claimant_words.tsv", "publishing")
# Words of a day or time beside a claimant verb: "officials on Friday said", "released Friday by", "reported on Monday."
DATE_WORDS = frozenset("on monday tuesday wednesday thursday friday saturday sunday morning night evening "
                       "afternoon today yesterday overnight late early last this".split())

# Lower-case particles inside personal names: "al-" in "Ahmed al-Rashid", "van der" in "Ilse van der Berg"
NAME_PARTICLES = word_class("claimant_words.tsv", "name_particle")
_PARTICLE_JOINED = re.compile(r"([a-z]+)[-’'][A-Z]")
_JOINERS = frozenset("-’'")  # only a word holding one of these can be a joined particle


def with_name_particles(toks: list[Tok]) -> list[Tok]:
    """The sentence's tokens, with a name's lower-case particle read as part of the name: a particle
    joined to a capitalised word ("al-Rashid", "d'Almeida"), or standing between a capitalised
    word and the rest of the name ("Ilse van der Berg", "Lula da Silva")."""
    out = list(toks)
    for k, t in enumerate(toks):
        if t.cap or not t.word:
            continue
        joined = _PARTICLE_JOINED.match(t.text) if _JOINERS.intersection(t.text) else None
        if joined and joined.group(1) in NAME_PARTICLES:
            out[k] = _capitalised(t)
            continue
        if t.text in NAME_PARTICLES and t.low not in STOP and 0 < k < len(toks) - 1 and out[k - 1].cap \
                and out[k - 1].word:  # (not "on Monday as Maui's chief said")
            nxt = next((x for x in toks[k + 1:k + 3] if x.text not in NAME_PARTICLES), None)
            if nxt is not None and nxt.cap and nxt.word:
                out[k] = _capitalised(t)
    return out


def _capitalised(t: Tok) -> Tok:
    copy = Tok(t.start, t.end, t.text, t.low, t.fig)
    copy.cap = True
    return copy


# Adverbs between a subject and its verb: "the CGT thus declared", "the police meanwhile counted"
ADVERBS = word_class("claimant_words.tsv", "adverb")


def np_before(ctx: Context, toks: list[Tok], verb: int,
              found: list[Claimant] = ()) -> tuple[str | None, bool, bool]:
    """The subject noun phrase of the claimant verb at ``verb``: (name, is a person, may govern
    figures before it)."""
    j = verb - 1
    # skip auxiliaries, dates and a parenthesis: "The WHO (World ...) has warned", "officials on Friday said"
    while j >= 0:
        low = toks[j].low
        if low in AUXILIARIES or low in DATE_WORDS or low == "not" or low in ADVERBS or (
                low.endswith("ly") and toks[j].text.islower() and j > 0 and toks[j - 1].word):
            j -= 1
        elif toks[j].text == ")":
            while j >= 0 and toks[j].text != "(":
                j -= 1
            j -= 1
        elif toks[j].text == "," and j > 1 and toks[j - 1].low in ADVERBS and toks[j - 2].text == ",":
            j -= 3  # "Research from US scholars, however, estimates"
        else:
            break
    if j < 0:
        return None, False, False
    named = _apposed_name(ctx, toks, j) or _apposed_body(ctx, toks, j)
    if named:  # "The ministry's spokesman, Ahmad Noor, said": the name between the commas
        return named[0], named[1], _lead_ok(toks, named[2])
    # "X, who heads the agency, said": skip the relative clause or apposition between commas
    if toks[j].text == ",":
        k = j - 1
        while k >= 0 and j - k < 40 and not (toks[k].text == "," and k + 1 < j and (
                toks[k + 1].low in ("who", "which", "a", "an", "the") or toks[k + 1].low in DETERMINERS
                or _opens_participle_clause(toks[k + 1])
                or (k + 2 < j and toks[k + 1].cap and toks[k + 2].low == "'s")
                or (k > 0 and toks[k - 1].cap and toks[k - 1].word)
                or _acronym_closes(toks, k)
                or (k > 0 and toks[k - 1].text in ("who", "which")))):
            if toks[k].text in (";",) or (toks[k].fig >= 0 and not is_apposed_age(toks, k)):  # "Musk, 52, said"
                k = -1
                break
            k -= 1
        if k < 0:
            return None, False, False
        j = k - 1
        if _acronym_closes(toks, k):
            j -= 3  # "Lakeland Police Watch (LPW), a coalition of groups, said": the name before its letters
        if j < 0:
            return None, False, False
    if toks[j].text in ("who", "which") and j > 1 and (toks[j - 1].word or toks[j - 1].text == ","):
        # "confirmed by Laurent Berger who, from the head of the march, reported", "the Census
        # Bureau, which said": the antecedent
        j -= 1 if toks[j - 1].word else 2
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
        if low == "it" and j > 2 and toks[j - 1].text == ",":
            opener = _opening_name(ctx, toks, j)
            if opener:  # "Georgia Power restored power to 740,000 customers, it said": the sentence's subject
                return opener, False, lead
        return (ref.name, ref.is_person, lead) if ref else (None, False, False)
    name, person, first = np_ending_at(ctx, toks, j)
    return name, person, (_lead_ok(toks, first) if name else False)


def _apposed_name(ctx: Context, toks: list[Tok], j: int) -> tuple[str, bool, int] | None:
    """"<a description>, <Name Name>, said": (name, is a person, index of the description's first
    word) when two or three capitalised words stand between commas after a description of a person
    or body ("the fire department's chief", "a spokeswoman for the Red Cross"), else None."""
    if toks[j].text != ",":
        return None
    k = j - 1
    while k >= 0 and toks[k].cap and toks[k].word and _name_words(toks[k:j]) <= 3:
        k -= 1
    size = _name_words(toks[k + 1:j])  # "Ali bin Salem Al-Noor" is three words of a name and a particle
    if not 2 <= size <= 3 or k < 1 or toks[k].text != "," or not toks[k - 1].word:
        return None
    words = toks[k + 1:j]
    if not looks_like_person(words, ctx.vocab) or not _describes_holder(ctx.vocab, toks, k - 1):
        return None
    first = k - 1
    while first > 0 and toks[first - 1].word and toks[first - 1].low not in SUBORDINATORS:
        first -= 1
    return resolve_name(ctx, words), True, first


def _name_words(words: list[Tok]) -> int:
    """How many words of a name there are, not counting its particles ("bin", "van der")."""
    return sum(w.text not in NAME_PARTICLES for w in words)


def _apposed_body(ctx: Context, toks: list[Tok], j: int) -> tuple[str, bool, int] | None:
    """"The organisers, the Civic Front, said", "the relief office, known as LRO, said": a body's name set
    between commas after the lower-case noun that describes it; (name, False, index of the description's first word), else None."""
    if toks[j].text != ",":
        return None
    k = j - 1
    while k >= 0 and toks[k].word and toks[k].cap and j - k <= 6:
        k -= 1
    first_cap = k + 1
    definite = k >= 0 and toks[k].low == "the"  # "the Civic Front": no person's name
    if definite:
        k -= 1
    if k >= 2 and toks[k].low == "as" and toks[k - 1].low == "known":
        k -= 2  # "The relief office, known as LRO, said": the name it goes by
        k -= k >= 1 and toks[k].low == "also"
    if first_cap >= j or k < 1 or toks[k].text != "," or toks[k - 1].cap or toks[k - 1].low not in ctx.vocab.claimant_nouns:
        return None
    words = toks[first_cap:j]
    if not definite and looks_like_person(words, ctx.vocab):
        return None  # a person: the person reader's
    first = k - 1
    while first > 0 and toks[first - 1].word and toks[first - 1].low not in SUBORDINATORS:
        first -= 1
    return resolve_name(ctx, words), False, first


def _opens_participle_clause(t: Tok) -> bool:
    """", known by its acronym KNCHR,", ", based in Geneva,", ", speaking on condition of anonymity,": a
    participle opening an aside between the subject and its verb."""
    return t.word and not t.cap and (t.low.endswith(("ed", "ing")) or t.low in ("known", "led", "run", "set"))


def _describes_holder(vocab: Vocabulary, toks: list[Tok], end: int) -> bool:
    """The phrase ending at ``end`` describes a person or body: it ends in a title or claimant noun
    ("the port authority's director"), or, when it ends in a name ("The Minister of Health of the
    government that runs the north"), it opens with one, with no comma between."""
    if not toks[end].cap and (toks[end].low in vocab.claimant_nouns or toks[end].low in title_words()):
        return True
    k = end
    while k > 0 and end - k < 15 and toks[k - 1].text != "," and toks[k - 1].low not in SUBORDINATORS:
        k -= 1
    while k < end and toks[k].low in DETERMINERS:
        k += 1
    return k < end and toks[k].low in title_words() and toks[k].low not in HONORIFIC_TITLES


# Title words that name no office: "Mr", "Dr"
HONORIFIC_TITLES = word_class("claimant_words.tsv", "honorific")


def _lead_ok(toks: list[Tok], first: int) -> bool:
    """A claimant after a figure covers it unless a subordinator starts its clause ("as the chief said")."""
    k = first - 1
    while k >= 0 and toks[k].low in DETERMINERS:
        k -= 1
    return k < 0 or (toks[k].low not in SUBORDINATORS and toks[k].low not in RELATIVE_OPENERS and toks[k].low != "than")


# Participles that make a surveyed group a claimant: "economists surveyed by Bloomberg"
POLLED = word_class("claimant_words.tsv", "polled")


_POSTMODIFIERS = word_class("claimant_words.tsv", "postmodifier")


def _postmodified_head(vocab: Vocabulary, toks: list[Tok], j: int) -> int:
    """The index of the speaker's noun when the phrase ending at ``j`` is that noun and what
    follows it ("an official familiar with the matter", "a source close to the talks"), else -1."""
    for k in range(j, max(0, j - 8), -1):
        t = toks[k]
        if not t.word or t.fig >= 0:
            return -1
        if t.low in _POSTMODIFIERS and k < j and (toks[k - 1].low in vocab.claimant_nouns):
            return k - 1
    return -1


# Platforms a statement is posted on: "a Cabinet Facebook statement" is the Cabinet's
PLATFORMS = word_class("claimant_words.tsv", "platform")


def np_ending_at(ctx: Context, toks: list[Tok], j: int) -> tuple[str | None, bool, int]:
    """The noun phrase that ends at ``j`` ("the South Korean intelligence agency", "police estimates"):
    (name, is a person, index of its first word); the name is None when the phrase names no one."""
    vocab = ctx.vocab
    head = _postmodified_head(vocab, toks, j)
    if head >= 0:
        return np_ending_at(ctx, toks, head)  # "a diplomat briefed on the tally told AFP"
    if toks[j].low in _PLACE_NOUNS and not toks[j].cap:
        # "health officials in the province said", "the ombudsman for the Vell region": where they are (or
        # serve) ends the phrase, not who
        k = j - 1
        while k > 0 and (toks[k].low in DETERMINERS or (toks[k].word and toks[k].low not in STOP and j - k < 3)):
            k -= 1
        if k > 0 and toks[k].low in ("in", "from", "at", "of", "for") and (
                toks[k - 1].low in vocab.claimant_nouns or toks[k - 1].cap):
            return np_ending_at(ctx, toks, k - 1)
    if (toks[j].low in TIME_WORDS or toks[j].low in ("week", "month", "year")) and j >= 2:
        # "an AFP tally published on Friday, ..., put", "an AFP tally last week, ..., put": the tally's
        k = j - 1 if toks[j - 1].low in ("on", "in", "last", "this") else j
        k -= 1 if k >= 1 and toks[k - 1].low in PUBLISHING else 0
        if k < j and k >= 1 and toks[k - 1].word and toks[k - 1].low not in TIME_WORDS:
            return np_ending_at(ctx, toks, k - 1)
    end = j
    k = j
    while k >= 0:
        t = toks[k]
        if t.text == ")" and 1 < k < end and toks[k - 1].text.isupper() and toks[k - 2].text == "(":
            k -= 3  # "the Damage Review (DR) report": the letters are inside the name
            continue
        if t.fig >= 0 or not (t.word or t.low == "'s"):
            break
        low = t.low
        if low in ("i", "we", "you") or (low in AUXILIARIES and not t.cap and k < end):
            break  # "So far police have identified": "so far" is no part of the name
        if low == "and" and 0 < k < end and toks[k - 1].cap and toks[k + 1].cap and toks[k - 1].word \
                and toks[k - 1].low not in TIME_WORDS:
            k -= 1  # "the Disaster and Emergency Management Authority": one name
            continue
        if low in TIME_WORDS and k < end:
            break  # "On Monday police said": a day is no part of the name
        if (low in SUBORDINATORS or low == "like") and (not t.cap or k == 0 or not toks[k - 1].word):
            break  # "..., though police estimates were lower", "like Ms Cooper claimed", "While police ..."
        if low == "the" and k > 1 and k < end and toks[k - 1].low == "to" and _holds_post(vocab, toks[k - 2]):
            k -= 1  # "the ambassador to the UN"
            continue
        if low == "the" and k > 1 and k < end and toks[k - 1].low == "for" and toks[k - 2].cap and toks[k + 1].cap:
            k -= 1  # "the Office for the Coordination of ...": one name
            continue
        if low in ("the", "a", "an") and k < end and not (k > 0 and toks[k - 1].low == "of"):
            break  # "Nov 18 The Sudanese Armed Forces said": the article starts the phrase
        if t.cap or low in vocab.claimant_nouns or low == "'s" or (k == end and low in vocab.document_nouns):
            k -= 1
            continue
        if low in ("of", "and", "for", "at", "from", "in", "on") and k > 0 and toks[k - 1].cap and k < end:
            k -= 1
            continue
        if low == "to" and k > 0 and _holds_post(vocab, toks[k - 1]) and k < end and (
                toks[k + 1].cap or toks[k + 1].low == "the"):
            k -= 1  # "Norland's ambassador to the UN said": the ambassador, not the UN
            continue
        if low == "the" and k > 1 and toks[k - 1].low == "of" and toks[k - 2].cap and k < end and toks[k + 1].cap:
            k -= 2  # "the Ministry of the Interior"
            continue
        if low == "by" and k > 1 and toks[k - 1].low in POLLED and k < end:
            k -= 2  # "economists surveyed by Bloomberg": the group polled
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
    head = _head_before_place(vocab, toks, first)
    if head >= 0 and not any(t.low in title_words() for t in toks[first:end + 1]):
        # "health officials in the province of Al Haouz said": the officials (not "the office of
        # Prime Minister Karl Berg": a title holder, no place)
        return np_ending_at(ctx, toks, head)
    words = [w for k, w in enumerate(toks[first:end + 1], first)
             if (w.word or w.low == "'s") and not (toks[k - 1].text == "(" and toks[k + 1].text == ")")]
    lead = next((k for k, w in enumerate(words[:3]) if w.low in ("from", "by", "of")), -1)
    if 0 < lead < len(words) - 1 and all(w.low in vocab.document_nouns or w.low in LEAD_MODIFIERS
                                         or w.low in OFFICIAL for w in words[:lead]) \
            and words[lead - 1].low in vocab.document_nouns:
        # "Figures from Norland's health ministry show": the document's source speaks
        rest = [w for w in words[lead + 1:] if w.low not in DETERMINERS]
        if rest and (rest[-1].cap or rest[-1].low in vocab.claimant_nouns):
            return resolve_name(ctx, rest), looks_like_person(rest, vocab), first
    head = words[-1]
    author = _document_author(ctx, toks, first, end)
    if author:
        return author[0] or None, author[1], first
    if len(words) >= 2 and head.low in vocab.document_nouns and not head.cap and words[-2].cap:
        words = words[:-1]  # "the NAO report states", "a Reuters tally shows": the name speaks
        while len(words) >= 2 and words[-1].low in PLATFORMS:
            words = words[:-1]  # "a Cabinet Facebook statement reads": the Cabinet, not the platform
        head = words[-1]
    elif head.low in vocab.document_nouns and not head.cap and head.low not in vocab.claimant_nouns:
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
    return resolve_name(ctx, words), looks_like_person(words, vocab), first


def _holds_post(vocab: Vocabulary, t: Tok) -> bool:
    """A title or claimant noun that takes its remit after "to": "ambassador to", "adviser to"."""
    return not t.cap and (t.low in title_words() or t.low in vocab.claimant_nouns) and t.low not in HONORIFIC_TITLES


# Words skipped before a claimant's phrase: "according to the latest figures", "an unnamed official"
LEAD_MODIFIERS = frozenset("a an unnamed anonymous latest new updated revised preliminary provisional".split())


# "official figures", "official data": the statistics body the article names
OFFICIAL = word_class("claimant_words.tsv", "official")
DEFINITE = frozenset("the this that these those its their".split())


def _inside_quotation(toks: list[Tok], at: int) -> bool:
    """Does a quotation open before token ``at`` in its sentence and not close before it?"""
    opened = sum(t.text == "“" for t in toks[:at]) - sum(t.text == "”" for t in toks[:at])
    return opened > 0 or sum(t.text == '"' for t in toks[:at]) % 2 == 1


def _document_author(ctx: Context, toks: list[Tok], first: int, end: int) -> tuple[str, bool] | None:
    """Who a document with no author named speaks for: "official data" -> the statistics body the
    article names ("" when it names none); "a military statement", "police figures" -> the last body of that kind named;
    "the statement", "the estimate" -> the last claimant named. None when the phrase names its
    author ("the NAO report", "the ministry's figures") or is no document."""
    vocab = ctx.vocab
    head = toks[end]
    if head.low not in vocab.document_nouns or head.cap and end > first:
        return None
    mods = [t for t in toks[first:end] if t.low not in DETERMINERS]
    if any(t.low == "'s" or (t.cap and t.low not in OFFICIAL and not (t.start == toks[0].start)) for t in mods):
        return None  # an owner or a name: the usual readers
    if any(t.low in OFFICIAL for t in mods):
        return statistics_body(ctx, head.start) or "", False  # "": nobody named, not "Official"
    kinds = org_kinds()
    for t in mods:
        if t.low in kinds:
            named = last_organisation(ctx, t.low, head.start)
            # "health ministry figures": the ministry named before, else the ministry so described
            return named or resolve_name(ctx, [m for m in mods if m.low not in LEAD_MODIFIERS]), False
    owners = [m for m in mods if m.low in vocab.claimant_nouns and m.low not in vocab.document_nouns]
    if owners:  # "police estimates": the police
        return resolve_name(ctx, mods[:mods.index(owners[-1]) + 1]), False
    d = first - 1
    while d >= 0 and toks[d].low in LEAD_MODIFIERS and toks[d].low not in DETERMINERS:
        d -= 1  # "the latest figures"
    if _inside_quotation(toks, first):
        return None  # '"According to the latest report, ...," the minister said': the speaker's own report
    if d >= 0 and toks[d].low in DEFINITE and ctx.last_claimant is not None:
        return ctx.last_claimant.name, ctx.last_claimant.is_person  # "the statement added"
    return None


def _acronym_closes(toks: list[Tok], comma: int) -> bool:
    """The comma at ``comma`` follows a name's letters in brackets: "Lakeland Police Watch (LPW), a
    coalition of groups, said" -- the apposition after it describes the name."""
    return comma >= 4 and toks[comma - 1].text == ")" and toks[comma - 3].text == "(" \
        and toks[comma - 2].text.isupper() and toks[comma - 4].cap and toks[comma - 4].word


def _head_before_place(vocab: Vocabulary, toks: list[Tok], first: int) -> int:
    """"officials in the province of Al Haouz", "rescuers from the city of Antakya": a name after a
    preposition is where the claimant is; the index of the claimant noun before it, else -1."""
    k = first - 1
    if k < 1 or toks[k].low not in ("in", "of", "from", "at"):
        return -1
    for j in range(k, max(-1, k - 6), -1):
        t = toks[j]
        if t.low in vocab.document_nouns:
            return -1  # "a report from the watchdog": the document readers name its author
        if t.low in vocab.claimant_nouns and (not t.cap or j == 0):
            return j if j < k else -1
        if t.cap or not t.word or t.fig >= 0 or (t.low not in STOP and t.low not in _PLACE_NOUNS):
            return -1
    return -1


# Nouns that stand between a claimant and where it is: "officials in the province of X"
_PLACE_NOUNS = word_class("place_words.tsv", "area") | word_class("place_words.tsv", "settlement")


def np_after(ctx: Context, toks: list[Tok], i: int, names_only: bool = False) -> tuple[str | None, bool]:
    """The noun phrase that starts at ``i``, after "according to", "by", "citing", "per" or "said":
    (name, is a person), or (None, False); with ``names_only`` it reads in no lower-case modifier."""
    vocab = ctx.vocab
    n = len(toks)
    while i < n and (toks[i].low in DETERMINERS or toks[i].low in LEAD_MODIFIERS):
        i += 1
    j = i
    while j < n:
        t = toks[j]
        if t.fig >= 0 or not (t.word or t.low == "'s"):
            break
        if t.cap and j > i and t.low in TIME_WORDS and toks[j - 1].low in vocab.document_nouns:
            break  # "according to a cabinet statement Thursday": the statement's day
        if t.cap or t.low in vocab.claimant_nouns or t.low in vocab.document_nouns or t.low == "'s":
            j += 1
            continue
        if t.low == "and" and j + 1 < n and toks[j + 1].low in DETERMINERS and j > i and not toks[j - 1].cap:
            break  # "the central bank and a plurality of economists": the first of two claimants
        if t.low in ("of", "and", "for", "from", "by", "at", "to", "in") and j + 1 < n and j > i:
            j += 1
            continue
        if t.low == "on" and j + 1 < n and j > i and toks[j - 1].cap and toks[j + 1].cap \
                and toks[j + 1].low not in TIME_WORDS:
            j += 1  # "the Commission on Human Rights"
            continue
        if t.low in DETERMINERS and j > i and toks[j - 1].low in ("of", "and", "for", "from", "by", "at", "to", "in"):
            j += 1  # "a letter from the Home Office"
            continue
        if not names_only and t.low not in STOP and t.low not in vocab.claimant_verbs and not t.low.endswith("ly") \
                and t.low not in TIME_WORDS and not (t.low in ("cited", "quoted") and toks[j + 1:j + 2]
                                                     and toks[j + 1].low == "by"):  # "officials cited by X"
            j += 1
            continue
        break
    while j > i and toks[j - 1].low in ("of", "and", "for", "from", "by", "at", "to", "in", "'s"):
        j -= 1
    words = toks[i:j]
    if not words:
        return None, False
    author = _published_by(ctx, toks, j, words)
    if author:  # "according to the report released Friday by the Labor Department": its author
        return author
    if len(words) >= 3 and words[0].cap and words[0].word and not words[1].cap and (
            words[1].low in vocab.document_nouns or words[1].low in COUNT_NOUNS):
        return resolve_name(ctx, words[:1]), False  # "an AFP tally of figures released by ...": AFP's own tally
    # "a letter from the Home Office", "data compiled by the FBI": the speaker is after from/by
    if any(w.low in vocab.document_nouns or w.low in COUNT_NOUNS for w in words[:2]):  # "the latest toll from"
        for k, w in enumerate(words):
            if w.low in ("from", "by", "of") and k + 1 < len(words):
                rest = [x for x in words[k + 1:] if x.low not in DETERMINERS]
                cut = next((m for m, x in enumerate(rest) if x.low in ("to", "in", "for", "at")), len(rest))
                rest = rest[:cut]
                if rest:
                    return resolve_name(ctx, rest), looks_like_person(rest, vocab)
        author = _document_author(ctx, toks, i, j - 1)
        if author:
            return author[0] or None, author[1]
        if not any(w.cap for w in words):
            return None, False
    counts = vocab.document_nouns | COUNT_NOUNS  # "an AFP tally", "a Health ministry toll"
    doc = next((m for m, w in enumerate(words) if w.low in counts and not w.cap and m > 0), -1)
    if 0 < doc < len(words) - 1 and not words[doc + 1].cap and words[doc + 1].low not in ("of", "and"):
        words = words[:doc + 1]  # "an AFP tally based on official sources": the tally
    if len(words) >= 2 and words[-1].low in counts and not words[-1].cap and (words[-2].cap or words[-2].low in vocab.claimant_nouns):
        words = words[:-1]  # "according to UN figures", "according to a Health ministry toll": its owner speaks
    owner = max((m for m, w in enumerate(words) if w.low == "'s"), default=-1)
    if 0 < owner < len(words) - 1 and (words[-1].low in vocab.document_nouns or words[-1].low in COUNT_NOUNS) \
            and not words[-1].cap and all(not w.cap for w in words[owner + 1:]):
        words = words[:owner]  # "according to the ministry's latest figures": the ministry
    # keep the first noun phrase: stop at a preposition that starts a second one
    # ("Office for National Statistics" is one name: "for" between capitals stays)
    cut = next((m for m, w in enumerate(words) if m > 0 and w.low in ("to", "in", "at", "for") and not (
        w.low in ("for", "to") and words[m - 1].cap and m + 1 < len(words) and (words[m + 1].cap or (
            words[m + 1].low in DETERMINERS and m + 2 < len(words) and words[m + 2].cap)))), len(words))
    words = words[:cut]
    # "Turkey's disaster management agency, AFAD": an apposition with a name wins
    if j + 1 < n and toks[j].text == "," and toks[j + 1].word and toks[j + 1].text.isupper() and len(toks[j + 1].text) > 1:
        return resolve_name(ctx, [toks[j + 1]]), False
    named = _closing_apposed_name(ctx, toks, j, words)
    if named:  # "according to the mayor of the port city, Jane Doe.": the person named last
        return named, True
    if not (words[-1].cap or words[-1].low in vocab.claimant_nouns or words[-1].low in vocab.document_nouns):
        remit = _body_with_remit(words)
        return (" ".join(w.text for w in remit), False) if remit else (None, False)
    return resolve_name(ctx, words), looks_like_person(words, vocab)


def _closing_apposed_name(ctx: Context, toks: list[Tok], j: int, words: list[Tok]) -> str | None:
    """", Jane Doe." closing the phrase after "according to <a description of a post>": the holder's
    name, two to four words, that ends the sentence or clause; else None."""
    if j >= len(toks) or toks[j].text != "," or not any(
            w.low in title_words() or w.low in ctx.vocab.claimant_nouns for w in words if not w.cap):
        return None
    m = j + 1
    while m < len(toks) and toks[m].word and toks[m].cap:
        m += 1
    name = toks[j + 1:m]
    if not 2 <= _name_words(name) <= 4 or (m < len(toks) and toks[m].text not in (".", ",", ";")) \
            or not looks_like_person(name, ctx.vocab):
        return None
    return resolve_name(ctx, name)


def _body_with_remit(words: list[Tok]) -> list[Tok]:
    """A kind of body and its remit written in lower case ("the ministry of religious affairs", "the
    department of labor"): the body's name as written; the remit ends in no claimant noun, but
    names which ministry speaks. Empty when the phrase is not that."""
    words = [w for w in words if w.low not in DETERMINERS]
    if len(words) < 3 or len(words) > 6 or words[0].low not in org_kinds() or words[1].low != "of" or \
            any(w.cap or (w.low in STOP and w.low != "and") or w.low in _PLACE_NOUNS for w in words[2:]):
        return []
    return words


def _published_by(ctx: Context, toks: list[Tok], j: int, words: list[Tok]) -> tuple[str, bool] | None:
    """A document phrase followed by a publishing participle, its day, and "by X" ("the report
    released Friday by the Labor Department", "data published on Monday by Statistics Norland"):
    (X, is a person), else None."""
    if j >= len(toks) or toks[j].low not in PUBLISHING or not any(w.low in ctx.vocab.document_nouns for w in words):
        return None
    k = j + 1
    while k < len(toks) and (toks[k].low in DATE_WORDS or toks[k].low in TIME_WORDS):
        k += 1
    if k + 1 < len(toks) and toks[k].low == "by":
        name, person = np_after(ctx, toks, k + 1)
        if name:
            return name, person
    return None


def sentence_subject(ctx: Context, toks: list[Tok], i: int, found: list[Claimant]) -> tuple[str | None, bool]:
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
    if j == 1 and toks[0].low in PRONOUNS:  # "It does not say ..., but says 70%": whom "it" names
        ref = ctx.last_person if PRONOUNS[toks[0].low] == "person" and ctx.last_person else ctx.last_claimant
        return (ref.name, ref.is_person) if ref else (None, False)
    name, person, _ = np_ending_at(ctx, toks, j - 1)
    return name, person


def relative_subject(ctx: Context, toks: list[Tok], participle: int) -> tuple[str, bool] | None:
    """"2 million, a figure police disputed, saying it was 338,000": the subject of the relative
    clause on a restated figure just before the participle, else None."""
    k = participle - 2  # the clause's verb, before the comma
    if k < 3 or toks[participle - 1].text != "," or not toks[k].word or toks[k].cap:
        return None
    j = k - 1
    while j > 0 and k - j <= 4 and (toks[j].cap or toks[j].low in ctx.vocab.claimant_nouns):
        j -= 1
    if j == k - 1 or toks[j].low not in RESTATING or toks[j - 1].low not in ("a", "an", "the", "that"):
        return None
    name, person, _ = np_ending_at(ctx, toks, k - 1)
    return (name, person) if name else None


OWNER_PRONOUNS = {"its": "any", "their": "any", "his": "person", "her": "person"}
OBJECT_PRONOUNS = {"him": "person", "her": "person", "them": "any", "it": "any"}


def _opening_name(ctx: Context, toks: list[Tok], before: int) -> str | None:
    """The capitalised name a sentence opens with when a verb follows it ("Georgia Power meanwhile
    restored ..."): what a later "it" in the sentence stands for; else None."""
    k = 0
    while k < min(before, 5) and toks[k].cap and toks[k].word and toks[k].low not in STOP:
        k += 1
    if k == 0 or k >= before or toks[k].cap or not toks[k].word:
        return None
    words = toks[:k]
    if looks_like_person(words, ctx.vocab) or (k == 1 and toks[0].low in TIME_WORDS):
        return None  # "Monday was hard, ..., it said"; a person is never "it"
    return resolve_name(ctx, words)


def pronoun_referent(ctx: Context, kind: str, at: int, found: list[Claimant]) -> tuple[str, bool] | None:
    """Whom a pronoun names: this sentence's last claimant of its kind, else the last person (for
    "him", "her") or claimant named before, else the last person named in the article."""
    same = [c for c in found if c.is_person or kind != "person"]
    if same:
        return same[-1].name, same[-1].is_person
    ref = ctx.last_person if kind == "person" and ctx.last_person else ctx.last_claimant
    if ref and (ref.is_person or kind != "person"):
        return ref.name, ref.is_person
    named = _last_person_named(ctx, at) if kind == "person" else None
    return (named[1], True) if named else None


def possessive_referent(ctx: Context, pronoun: str, found: list[Claimant]) -> Claimant | None:
    """Whose "its findings", "their data": a claimant of this sentence, else the last one named."""
    if found:
        return found[-1]
    return ctx.last_person if OWNER_PRONOUNS[pronoun] == "person" else ctx.last_claimant


def _last_person_named(ctx: Context, before: int) -> tuple[int, str] | None:
    """The last person named before offset ``before``, claimant or not ("Jane Doe spoke. She said")."""
    found = None
    for at, name in ctx.people:
        if at >= before:
            break
        found = (at, name)
    return found

