"""Who is named as saying something in a sentence: the claimant cues ("X said", "said X", "according
to X", "citing X", "per X", "..., saying", "put forward by X"), which of them speak for which figure,
and the figure a claimant is about when it is the verb's own object ("the 190,000 economists had
expected"). The noun phrase each cue names is read by ``claimant_phrases``."""
from __future__ import annotations

import re
from bisect import insort
from functools import cache

from figures.claimant_phrases import (COUNT_NOUNS, DATE_WORDS, OBJECT_PRONOUNS, OWNER_PRONOUNS, PUBLISHING, RESTATING,
                                      SUBORDINATORS, np_after, np_before, np_ending_at,
                                      possessive_referent, pronoun_referent, relative_subject, sentence_subject,
                                      with_name_particles)
from figures.context import Claimant, Context, org_kinds
from figures.lexicon import AUXILIARIES, BE, DETERMINERS, PRONOUNS, TIME_WORDS, Vocabulary, data_map, vocabulary
from figures.name_resolution import looks_like_person, names_places, resolve_name
from figures.tokens import Tok
from figures.word_classes import word_class

__all__ = ["cue_pattern", "figure_object", "find_claimants"]


@cache
def cue_pattern() -> re.Pattern:
    """Any word that can introduce a claimant: a quick test before tokenising a sentence."""
    vocab = vocabulary()
    words = sorted(vocab.claimant_verbs | PARTICIPLES | {"according", "According", "citing", "cited", "quoting", "quoted",
                                                         "per"}, key=len, reverse=True)  # a sentence may open "According to"
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b")


# Verbs that attribute only when no stronger cue is in the sentence ("ministers expect ...").
WEAK_VERBS = word_class("claimant_words.tsv", "weak_verb")
# Claimant verbs in -ing after a comma: their subject is the sentence's subject.
PARTICIPLES = word_class("claimant_words.tsv", "participle")
# Modifiers a sentence may open with before a document noun: capitalised, they still name no one
OPENING_MODIFIERS = word_class("claimant_words.tsv", "opening_modifier")
# "Employers added 339,000 jobs", "adding an average of 19,000", "the firms shared 40% of sales": not
# speech, unless what follows is what was said (", he added.", "added that", "shared on social media: ...")
ADDING = word_class("claimant_words.tsv", "speech_if_said_next")
SAID_NEXT = frozenset(", . ; : that “ \" ‘ ' —".split())
# "put the toll at 300": "put" is a claimant verb only with "at" (not "put the meeting in focus")
PUTTING = frozenset("put puts".split())
# Nouns for a figure someone sets or forecasts: "the Federal Reserve's 2% inflation goal"
TARGETS = word_class("claimant_words.tsv", "target")
# Of those, the standing ones a body keeps, not a figure it reports: "the Federal Reserve's 2% goal"
STANDING_TARGETS = word_class("claimant_words.tsv", "standing_target")


def find_claimants(ctx: Context, toks: list[Tok]) -> list[Claimant]:
    """Who is named as saying something in this sentence, with where the cue stands."""
    toks = with_name_particles(toks)
    cues = _cue_words(ctx.vocab)
    out: list[Claimant] = []
    for i, t in enumerate(toks):
        if t.fig < 0 and t.low not in cues:
            continue  # most words cue no claimant: skip them before the cue tests
        found = _figure_owner(ctx, toks, i, out) if t.fig >= 0 else _cue_claimant(ctx, toks, i, out)
        if found is not None:
            out.append(found)
    if not out:
        tagged = _dash_source(ctx, toks)
        if tagged:  # headline style "Death toll hits 2,000 - officials"
            out.append(tagged)
    # "According to a letter from the Home Office, ministers expect ...": a weak verb framed by a
    # strong cue before it does not name a new claimant (unless the figure is the verb's own object,
    # or the verb opens a clause of its own: "..., when economists expected around 150,000")
    out = [c for c in out if not c.weak or c.object_of >= 0 or not c.lead_ok
           or not any(o.start < c.start and not o.weak for o in out) or _own_clause_figure(toks, c, out)]
    _remember_claimants(ctx, out)
    return out


def _figure_owner(ctx: Context, toks: list[Tok], i: int, found: list[Claimant]) -> Claimant | None:
    """Who the phrase of the figure at ``i`` says states it: the owner of a target, forecast or count
    ("the IMF's 3.1% forecast", "the police count of 240,000"), the economists a consensus implies, or
    the subject of a claimant verb read into the figure's span ("Economists previously estimated
    163,000"); None when the phrase names no one."""
    vocab = ctx.vocab
    t = toks[i]
    if i > 1 and toks[i - 1].low == "'s" and any(x.low in STANDING_TARGETS for x in toks[i + 1:i + 3]) \
            and ctx.article.outlet:
        # "the Federal Reserve's 2% inflation goal": a standing target is the writer's
        # background, stated by no one in the sentence (and no measurement to set against others)
        return Claimant(ctx.article.outlet, t.start, "speaker", False, lead_ok=True, object_of=t.start)
    if i > 1 and toks[i - 1].low == "'s" and any(x.low in TARGETS for x in toks[i + 1:i + 3]):
        # "the IMF's 3.1% forecast": the owner of a forecast states it
        name, person, _ = np_ending_at(ctx, toks, i - 2)
        return Claimant(name, t.start, "speaker", person, lead_ok=True, object_of=t.start) if name else None
    owner = _document_owner(vocab, toks, i)
    if owner >= 0:
        # "the organisers' estimate of 1.03 million", "the police count of 240,000"
        name, person, _ = np_ending_at(ctx, toks, owner)
        if name:
            return Claimant(name, t.start, "speaker", person, lead_ok=True, object_of=t.start)
    implied = _implied_claimants().get(toks[i + 1].low) if i + 1 < len(toks) else None
    if implied:  # "the 3.3% consensus forecast": the economists polled
        return Claimant(implied, t.start, "speaker", False, lead_ok=True, object_of=t.start)
    first_word = t.text.split(maxsplit=1)[0].lower() if " " in t.text else ""
    if first_word in vocab.claimant_verbs and i > 0 and toks[i - 1].word and not _passive(toks, i):
        # "Economists previously estimated 163,000": the verb is read into the figure's span
        name, person, lead = np_before(ctx, toks, i, found)
        if name:
            return Claimant(name, t.start, "speaker", person, lead_ok=lead,
                            weak=first_word in WEAK_VERBS, object_of=t.start)
    return None


_CUE_WORDS: dict[int, frozenset[str]] = {}


def _cue_words(vocab: Vocabulary) -> frozenset[str]:
    """Every word ``_cue_claimant`` can act on (keep in step with its tests); per vocabulary object."""
    words = _CUE_WORDS.get(id(vocab))
    if words is None:
        words = _CUE_WORDS[id(vocab)] = frozenset({"according", "by", "saying", "citing", "quoting", "cited", "per"}) \
            | REVISING | OBJECT_ONLY | COUNT_SETTING | PARTICIPLES | vocab.document_nouns | vocab.claimant_verbs
    return words


def _cue_claimant(ctx: Context, toks: list[Tok], i: int, found: list[Claimant]) -> Claimant | None:
    """The claimant the word at ``i`` names when it is a cue ("according to X", "put forward by X",
    "police estimates were", "X cut its forecast", "the 20,000 X gave", "X raised the toll",
    "reported by X", "X was quoted as saying", "citing X", "per X", "..., saying", "X said"), given
    the claimants ``found`` before it in the sentence; else None."""
    vocab = ctx.vocab
    t = toks[i]
    low = t.low
    n = len(toks)
    if _idiom(toks, i):
        return None  # "All told, 10 countries reported 1,000 deaths": nobody named "All"
    if low == "according" and i + 1 < n and toks[i + 1].low == "to":
        name, person = np_after(ctx, toks, i + 2)
        if name is None and i + 2 < n and toks[i + 2].low in OBJECT_PRONOUNS:
            # "According to him, 40 more are missing": the last speaker of that kind
            ref = pronoun_referent(ctx, OBJECT_PRONOUNS[toks[i + 2].low], toks[i + 2].start, found)
            name, person = (ref[0], ref[1]) if ref else (None, False)
        if name is None and i + 3 < n and toks[i + 2].low in OWNER_PRONOUNS \
                and toks[i + 3].low in vocab.document_nouns:
            owner = possessive_referent(ctx, toks[i + 2].low, found)  # "according to its findings": the last speaker's
            name, person = (owner.name, owner.is_person) if owner else (None, False)
        return Claimant(name, t.start, "speaker", person, lead_ok=True) if name else None
    if low == "by" and (fig := _figure_put_by(vocab, toks, i)) >= 0:
        # "the 280,000 put forward by the CGT", "72,000 more than previously reported by the ministry"
        name, person = np_after(ctx, toks, i + 1)
        return Claimant(name, t.start, "speaker", person, lead_ok=True, object_of=fig) if name else None
    if low in vocab.document_nouns and not t.cap and i > 0 and i + 1 < n and toks[i + 1].low in BE and (
            toks[i - 1].low in vocab.claimant_nouns or toks[i - 1].cap or toks[i - 1].low in ("'s", "'", "’")) \
            and toks[i - 1].low not in TIME_WORDS and toks[i - 1].text != "May":  # "the June figure": a month
        # "police estimates were lower at 25,000", "the ministry's figures were revised to 310"
        name, person, _ = np_ending_at(ctx, toks, i)
        return Claimant(name, t.start, "speaker", person, lead_ok=False) if name else None
    if low in REVISING and _own_forecast_follows(vocab, toks, i):
        # "The World Bank cut its growth forecast to 2.4%": the forecaster's own figure
        name, person, lead = np_before(ctx, toks, i, found)
        return Claimant(name, t.start, "speaker", person, lead_ok=lead) if name else None
    if low in OBJECT_ONLY and (fig := figure_object(toks, i)) >= 0 and not _negated(toks, i):
        # "the 20,000 a Red Cross spokesperson gave", "the £700m figure the minister quoted"
        name, person, _ = np_before(ctx, toks, i, found)
        return Claimant(name, t.start, "speaker", person, lead_ok=True, object_of=fig) if name else None
    if low in COUNT_SETTING and _sets_count(toks, i):
        # "The UN on Sunday raised the death toll to 1,300", "the ministry pegged the toll at 400"
        name, person, lead = np_before(ctx, toks, i, found)
        return Claimant(name, t.start, "speaker", person, lead_ok=lead) if name else None
    if low == "by" and _agent_by(vocab, toks, i):
        # "first reported by the ONS", "figures released by the IOM", "in a report by the NAO"
        name, person = np_after(ctx, toks, i + 1)
        if name and not any(c.name == name for c in found):
            return Claimant(name, t.start, "speaker", person, lead_ok=True)
        return None
    if low == "saying" and i > 1 and toks[i - 1].low == "as" and any(
            x.low in ("quoted", "cited") for x in toks[max(0, i - 8):i - 1]):
        # "X was quoted as saying", "X was cited by state media as saying": X speaks
        verb = next(k for k in range(i - 2, max(-1, i - 9), -1) if toks[k].low in ("quoted", "cited"))
        if verb + 1 < i - 1 and not _passive(toks, verb):
            # "State radio quoted the minister as saying", "X cited a ministry statement as saying": the one quoted
            name, person = np_after(ctx, toks, verb + 1)
            return Claimant(name, t.start, "speaker", person, lead_ok=True) if name else None
        j = verb - 1
        while j > 0 and (toks[j].low in AUXILIARIES or toks[j].low in BE):
            j -= 1
        if toks[j].low in PRONOUNS:  # "He was quoted as saying": whom "he" names
            ref = pronoun_referent(ctx, PRONOUNS[toks[j].low], toks[j].start, found)
            name, person = ref if ref else (None, False)
        else:
            name, person, _ = np_ending_at(ctx, toks, j) if toks[j].word else (None, False, 0)
        return Claimant(name, t.start, "speaker", person, lead_ok=True) if name else None
    if low in ("citing", "quoting") or (low == "cited" and i + 1 < n and toks[i + 1].low == "by"):
        return _cited_source(ctx, toks, i, found)
    if low == "per" and i + 1 < n and toks[i + 1].word:
        # "risen to 31,643 per Turkish disaster management agency AFAD" (not "£2m per person")
        name, person = np_after(ctx, toks, i + 1)
        if name and (name[:1].isupper() or _headed_by(name, vocab.claimant_nouns)):
            return Claimant(name, t.start, "speaker", person, lead_ok=True)
        return None
    if low in PARTICIPLES and i > 0 and (toks[i - 1].text == "," or (
            toks[i - 1].low in ("after", "before", "while", "when") and i > 1 and toks[i - 2].text == ",")) \
            and not _arithmetic(toks, i):
        # "..., after admitting spending had doubled to £300m": the sentence's subject speaks
        name, person = relative_subject(ctx, toks, i) or sentence_subject(ctx, toks, i, found)
        return Claimant(name, t.start, "speaker", person, lead_ok=True) if name else None
    if low in vocab.claimant_verbs and t.text[:1].islower() and not _passive(toks, i) and not (
            i > 0 and toks[i - 1].low == "to") and not _arithmetic(toks, i) \
            and not _document_noun(vocab, toks, i) and not _negated(toks, i):
        return _verb_subject(ctx, toks, i, found)
    return None


def _cited_source(ctx: Context, toks: list[Tok], i: int, found: list[Claimant]) -> Claimant | None:
    """"citing X", "quoting X", "cited by X": X, as the data the speaker reads, the source it cites,
    or (for "Y was cited by state media as saying", "according to Y cited by X") the media relaying
    Y's words; else None."""
    vocab = ctx.vocab
    n = len(toks)
    low = toks[i].low
    at = i + 1 + (low == "cited")
    name, person = np_after(ctx, toks, at)
    if not name:
        return None
    # "citing data compiled by the FBI": the speaker reads the data; it stays first
    # "citing hospital records": nameless records too, not "citing the Red Crescent figures"
    nameless = [x for x in toks[at:at + 4] if x.word and x.low not in DETERMINERS]
    records = next((m for m, x in enumerate(nameless) if x.low in vocab.document_nouns), -1)
    role = "data" if at < n and toks[at].low in vocab.document_nouns or (
        records > 0 and not any(x.cap for x in nameless[:records])) else "source"
    if low == "cited" and (any(x.low == "as" and y.low == "saying" for x, y in zip(toks[i:], toks[i + 1:]))
                           or found and toks[i - 1].word and not found[-1].weak):
        role = "relay"  # "X was cited by state media as saying", "according to X cited by Y": the media pass X's words on
    return Claimant(name, toks[i].start, role, person, lead_ok=True)


def _verb_subject(ctx: Context, toks: list[Tok], i: int, found: list[Claimant]) -> Claimant | None:
    """Who the claimant verb at ``i`` says speaks: its subject ("police said"), the sentence's subject
    after ", and" or "but", or the name after it ("..., said Jane Doe"); a country stands for its
    authorities. With whether the claimant relays, covers figures before the verb, and the figure
    that is the verb's own object. None when the verb has no claimant."""
    vocab = ctx.vocab
    n = len(toks)
    low = toks[i].low
    name, person, lead = np_before(ctx, toks, i, found)
    if name is None and i > 1 and (toks[i - 1].low == "and" and toks[i - 2].text == "," or toks[i - 1].low == "but"):
        name, person = sentence_subject(ctx, toks, i, found)  # "X has identified 55, and says ..."
        lead = True  # the subject's own clause comes first
    if name is None and i + 1 < n and i > 0 and toks[i - 1].text in (",", "”", '"', "’") and low in (
            "said", "says", "added", "explained", "warned", "reported", "stated", "announced", "wrote"):
        name, person = np_after(ctx, toks, i + 1, names_only=True)
        lead = True
    if name and name.lower() in OPENING_MODIFIERS:
        return None  # "Earlier reports indicated 217 deaths": a capital that only opens the sentence names no one
    country = vocab.place_names.get(name or "")
    if country and low not in WEAK_VERBS and country in vocab.demonym_of and name in vocab.countries:
        name = f"{vocab.demonym_of[country]} authorities"  # "Turkey reported": its authorities did
    elif name and names_places(ctx, name):
        return None  # "Valdor has reported 520, Eastmark 310": where the dead were, not who counts them
    if not name:
        return None
    citing = (i + 1 < n and toks[i + 1].low == "citing") or (
        i + 2 < n and toks[i + 1].text == "," and toks[i + 2].low == "citing")
    role = "relay" if citing or _closing_relay(toks, i, found) else "speaker"
    if _comments_on_figure(vocab, toks, i):
        lead = False  # "12,000 jobs, a figure economists say was held down": not their figure
    elif not lead and _count_rose_after(toks, i):
        lead = True  # "the death toll rose to 99 after police found more remains": theirs
    obj = figure_object(toks, i)
    if obj < 0:
        obj = _as_claimed(toks, i)  # "to spend £10bn like Ms Cooper claimed": hers
    return Claimant(name, toks[i].start, role, person, lead_ok=lead, weak=low in WEAK_VERBS, object_of=obj,
                    for_place=bool(country) and name.endswith(" authorities"))


def _remember_claimants(ctx: Context, claimants: list[Claimant]) -> None:
    """Keep this sentence's claimants for the sentences after it: a named body among the article's
    organisations (``ctx.orgs``), and the speaker as whom "the report", "it", "she" refer back to."""
    kinds = org_kinds()
    passer = _passes_on(ctx, claimants)
    for c in claimants:
        words = c.name.split()
        if len(words) >= 2 and words[-1] in kinds and c.start >= 0:
            insort(ctx.orgs, (c.start, c.name, kinds[words[-1]]))  # "the Hamas-run health ministry said"
        elif c.start >= 0 and c.role == "speaker" and (not c.is_person or len(words) == 1) and c.name[:1].isupper() and c.name not in ctx.vocab.place_names \
                and words[-1].lower() not in ctx.vocab.claimant_nouns and words[-1].lower() not in kinds:
            insort(ctx.orgs, (c.start, c.name, "named"))  # "Walmart said": a name of some organisation
        if c is passer:
            continue  # "X said 40 died, according to the AP. The organisation said": X
        if c.role == "speaker" or (c.role != "relay" and not any(o.role == "speaker" for o in claimants)):
            # the speaker, not the source it cites, is whom "the report", "it" refer back to
            ctx.last_claimant = c
            if c.is_person:
                ctx.last_person = c


# Words before a claimant verb that make the two an idiom: "all told"
IDIOM_BEFORE_VERB = word_class("claimant_words.tsv", "idiom_before_verb")


def _idiom(toks: list[Tok], i: int) -> bool:
    """"All told," opening a clause: a summing-up, with no one told anything."""
    return 0 < i + 1 < len(toks) and toks[i].low == "told" and toks[i - 1].low in IDIOM_BEFORE_VERB \
        and toks[i + 1].text == "," and (i == 1 or not toks[i - 2].word)


def _passes_on(ctx: Context, claimants: list[Claimant]) -> Claimant | None:
    """The speaker a trailing "according to" names after another speaker ("the Red Crescent said on
    Thursday, according to the AP"): it passes the other's words on, and is not whom "the
    organisation", "it" in the next sentence refer back to; else None."""
    speakers = [c for c in claimants if c.role == "speaker" and c.start >= 0]
    if len(speakers) < 2 or not ctx.article.text.startswith("ccording", speakers[-1].start + 1):
        return None
    return speakers[-1]


def _document_owner(vocab: Vocabulary, toks: list[Tok], fig: int) -> int:
    """"the organisers' estimate of N", "Reuters's tally of N", "economists' forecasts of N": the index of
    the last word of who owns the document giving the figure, else -1."""
    if fig < 3 or toks[fig - 1].low != "of" or toks[fig - 2].cap or (
            toks[fig - 2].low not in vocab.document_nouns and toks[fig - 2].low not in TARGETS
            and toks[fig - 2].low not in COUNT_NOUNS):
        return -1
    k = fig - 3
    if toks[k].text in ("'s", "’s", "'", "’"):
        k -= 1
    return k if k >= 0 and toks[k].word and (toks[k].cap or toks[k].low in vocab.claimant_nouns) \
        and toks[k].low not in vocab.document_nouns else -1


@cache
def _implied_claimants() -> dict[str, str]:
    """noun -> claimant it implies (``data/implied_claimants.tsv``): "consensus" -> "economists"."""
    return data_map("implied_claimants.tsv")


def _own_clause_figure(toks: list[Tok], c: Claimant, found: list[Claimant]) -> bool:
    """"Organisers said 1 million took part, a figure police put at 240,000": a weak verb after a
    comma that follows the strong cue, with a figure of its own before the clause ends."""
    strong = max((o.start for o in found if o.start < c.start and not o.weak), default=-1)
    if any(t.start == strong and t.low in ("according", "citing", "per") for t in toks):
        return False  # "According to a letter from X, ministers expect ...": the cue frames the clause
    between = [t for t in toks if strong < t.start < c.start]
    after = [t for t in toks if t.start > c.start]
    if not any(t.text == "," for t in between):
        return False
    for t in after:
        if t.fig >= 0:
            return True
        if t.text in (",", ";", ".") or t.low in SUBORDINATORS:
            return False
    return False


# "..., the ministry said in a statement, the state news agency reported.": the last reporter relays
RELAY_VERBS = frozenset("reported reports".split())


def _closing_relay(toks: list[Tok], verb: int, found: list[Claimant]) -> bool:
    """A reporting verb that ends the sentence after another speaker's statement: a relay."""
    if toks[verb].low not in RELAY_VERBS or not any(c.role == "speaker" and not c.weak for c in found):
        return False
    rest = [t for t in toks[verb + 1:] if t.word]
    return all(t.low in DATE_WORDS for t in rest)


def _figure_put_by(vocab: Vocabulary, toks: list[Tok], by: int) -> int:
    """"280,000 put forward by", "72,000 more than previously reported by": the offset of the figure a
    passive claimant verb right before "by" is about, else -1."""
    p = by - 1
    if p > 0 and toks[p].low == "forward":
        p -= 1
    if p < 1 or toks[p].low not in vocab.claimant_verbs or toks[p].low.endswith(("s", "ing")):
        return -1
    for k in range(p - 1, max(-1, p - 5), -1):
        if toks[k].fig >= 0:
            return toks[k].start
        if toks[k].low in BE and k > 0 and toks[k - 1].low == "as":
            continue  # "instead of 9,700 as was earlier reported by the agency"
        if not toks[k].word or toks[k].low in vocab.claimant_verbs or toks[k].low in BE:
            return -1
    return -1


# Verbs that change one's own forecast: "cut its growth forecast to 2.4%"
REVISING = word_class("claimant_words.tsv", "revising_verb")


def _own_forecast_follows(vocab: Vocabulary, toks: list[Tok], verb: int) -> bool:
    """"cut its growth forecast", "raised their estimate": the verb's subject owns the forecast."""
    window = toks[verb + 1:verb + 6]
    owner = next((k for k, t in enumerate(window) if t.low in ("its", "their", "his", "her")), -1)
    return 0 <= owner <= 1 and any(t.low in TARGETS or t.low in vocab.document_nouns for t in window[owner + 1:])


# Verbs that set a count (COUNT_NOUNS) to a figure: "raised the death toll to 1,300", "pegged the toll at 400"
COUNT_SETTING = word_class("claimant_words.tsv", "count_setting_verb")


def _sets_count(toks: list[Tok], verb: int) -> bool:
    """"raised the death toll to 1,300", "pegged its count of the dead at 400": the verb's object is
    a count, set "to" or "at" a figure in the same clause (not "raised taxes", "cut rates by 0.25")."""
    count = -1
    for k in range(verb + 1, min(len(toks), verb + 5)):
        if toks[k].low in COUNT_NOUNS:
            count = k
            break
        if not toks[k].word or toks[k].cap or toks[k].low in SUBORDINATORS:
            return False
    if count < 0:
        return False
    for k in range(count + 1, min(len(toks), count + 12)):
        t = toks[k]
        if t.fig >= 0:
            return k > 0 and toks[k - 1].low in ("to", "at", ",") or (k > 1 and toks[k - 2].low in ("to", "at"))
        if t.text in (";", ".") or t.low in SUBORDINATORS:
            return False
    return False


def _agent_by(vocab: Vocabulary, toks: list[Tok], by: int) -> bool:
    """"by" names who states the sentence's figures: the agent of a passive claimant verb ("was first
    reported by"), of a document's participle ("the latest figures released by") or a document's
    author ("in a report by")."""
    p = by - 1
    if p < 1:
        return False
    verb = toks[p].low
    if verb in vocab.document_nouns and not toks[p].cap:
        return True
    if verb not in vocab.claimant_verbs and verb not in PUBLISHING:
        return False
    if _passive(toks, p):
        return True
    k = p - 1
    while k >= 0 and (toks[k].low in AUXILIARIES or toks[k].low.endswith("ly")) and not toks[k].cap:
        k -= 1
    if k > 0 and toks[k].text == ",":
        k -= 1  # "The figures, published by the statistics agency"
    return k >= 0 and (toks[k].low in vocab.document_nouns or toks[k].low == "as")  # "as forecast by"


def _arithmetic(toks: list[Tok], i: int) -> bool:
    """"added 339,000 jobs", "adding an average of 19,000", "put the meeting in focus": not speech."""
    low = toks[i].low
    if low in ADDING:  # a figure comes before anything that could start what was said
        for t in toks[i + 1:i + 6]:
            if t.text in SAID_NEXT or t.cap:
                return False
            if t.fig >= 0:
                return True
        return False
    if low in PUTTING:
        return not any(t.low == "at" for t in toks[i + 1:i + 8])
    return False


NEGATIONS = frozenset("not never n't 't".split())


def _negated(toks: list[Tok], verb: int) -> bool:
    """"officials had not yet released the 66 names", "the ministry never confirmed": who did not
    state a figure is not its claimant."""
    k = verb - 1
    while k >= 0 and (toks[k].low in AUXILIARIES or toks[k].low in NEGATIONS or toks[k].low in ("did", "does", "do")):
        if toks[k].low in NEGATIONS:
            return True
        k -= 1
    return False


_DASHES = frozenset("- – —".split())


def _dash_source(ctx: Context, toks: list[Tok]) -> Claimant | None:
    """Headline style "Death toll hits 2,000 - officials", "Flood toll passes 5,000 — Red Crescent": a
    source of up to four words tagged after a dash at the end of a line with a figure before it."""
    if len(toks) < 4 or not any(t.fig >= 0 for t in toks):
        return None
    dash = max((k for k, t in enumerate(toks) if t.text in _DASHES), default=-1)
    tail = toks[dash + 1:]
    if dash < 1 or not 1 <= len(tail) <= 4 or not all(t.word for t in tail) or not any(t.fig >= 0 for t in toks[:dash]):
        return None
    words = [t for t in tail if t.low not in DETERMINERS]
    if not words or not (words[-1].cap or words[-1].low in ctx.vocab.claimant_nouns) or words[-1].low in TIME_WORDS:
        return None
    return Claimant(resolve_name(ctx, words), toks[dash].start, "speaker", looks_like_person(words, ctx.vocab),
                    lead_ok=True)


def _as_claimed(toks: list[Tok], verb: int) -> int:
    """"there was never a plan to spend £10bn like Ms Cooper claimed", "the 40% rise, as the union
    says": a clause "like/as X said" closing a clause is about the figure just before it; its
    offset, else -1."""
    if verb + 1 < len(toks) and toks[verb + 1].text not in (".", ",", ";", "!", "?"):
        return -1
    k = verb - 1
    while k >= 0 and verb - k <= 5 and toks[k].word and toks[k].low not in ("like", "as"):
        k -= 1
    if k < 1 or toks[k].low not in ("like", "as") or k == verb - 1:
        return -1
    for m in range(k - 1, max(-1, k - 4), -1):
        if toks[m].fig >= 0:
            return toks[m].start
        if not toks[m].word and not (m == k - 1 and toks[m].text == ","):
            return -1
    return -1


def _count_rose_after(toks: list[Tok], verb: int) -> bool:
    """"The death toll has increased to 99, after Maui police found more remains": a count that
    changed "after" someone found or confirmed more is that someone's count."""
    k = verb - 1
    while k >= 0 and verb - k <= 6 and toks[k].word and toks[k].low != "after":
        k -= 1
    if k < 1 or toks[k].low != "after":
        return False
    return any(t.low in COUNT_NOUNS for t in toks[:k]) and not any(t.low in SUBORDINATORS for t in toks[:k])


def _comments_on_figure(vocab: Vocabulary, toks: list[Tok], verb: int) -> bool:
    """"12,000 jobs last month, a figure economists say was impacted by the storms": a claimant in a
    relative clause on a noun restating the figure before, saying something about it (its verb is
    followed by a finite verb whose subject is that figure), does not state the figure."""
    if verb + 1 >= len(toks) or toks[verb + 1].low not in AUXILIARIES:
        return False
    for k in range(verb - 1, max(1, verb - 6), -1):
        if toks[k].low in RESTATING and toks[k - 1].low in ("a", "an", "the", "that") and k > 1 \
                and toks[k - 2].text == ",":
            return True
        if not toks[k].word:
            return False
    return False


def figure_object(toks: list[Tok], verb: int) -> int:
    """"far above the 190,000 economists had expected": a figure right before the verb's subject is
    what the verb is about (a relative clause without "that"); its offset, else -1."""
    j = verb - 1
    while j >= 0 and toks[j].low in AUXILIARIES and toks[j].low not in BE:
        j -= 1
    k = j
    nouns = _claimant_nouns()
    while k >= 0 and j - k < 6 and toks[k].word and (toks[k].cap or toks[k].low in nouns or (
            toks[k].low in _SUBJECT_MODIFIERS and k < j)):
        k -= 1
    if k > 0 and k < j and toks[k].low in RESTATING:
        k -= 1  # "the £700m figure the minister quoted"
    return toks[k].start if k < j and k >= 0 and toks[k].fig >= 0 else -1


# Words inside the subject of a clause on a figure: "the 20,000 a different spokesperson gave"
_SUBJECT_MODIFIERS = frozenset("a an the different another other".split())


# Verbs that state a figure only when it is their object: "the 20,000 the spokesperson gave"
OBJECT_ONLY = word_class("claimant_words.tsv", "object_only_verb")


def _claimant_nouns() -> frozenset[str]:
    return vocabulary().claimant_nouns


# After a document noun these show it is a noun, not a verb: "a report from", "a report has revealed"
_NOUN_FOLLOWERS = frozenset("from by of on into for has have had is was are were will would could".split())


def _document_noun(vocab: Vocabulary, toks: list[Tok], i: int) -> bool:
    """"A March report from the watchdog", "a watchdog report has revealed": a word that is both a
    claimant verb and a document noun is the noun after a determiner or a month, or before a
    preposition or an auxiliary."""
    if toks[i].low not in vocab.document_nouns:
        return False
    before = toks[i - 1].low if i > 0 else ""
    after = toks[i + 1].low if i + 1 < len(toks) else ""
    return before in DETERMINERS or before in TIME_WORDS or after in _NOUN_FOLLOWERS or after in vocab.claimant_verbs


def _passive(toks: list[Tok], i: int) -> bool:
    """"deaths have been reported", "was first estimated": a passive verb names no claimant ("had been
    expecting" is progressive: it does)."""
    if toks[i].low.endswith("ing"):
        return False
    j = i - 1
    while j >= 0 and not toks[j].cap and (toks[j].low in AUXILIARIES or toks[j].low.endswith("ly")) \
            and toks[j].low not in BE:
        j -= 1
    return j >= 0 and toks[j].low in BE


def _headed_by(name: str, nouns: frozenset[str]) -> bool:
    return name.split()[-1].lower() in nouns
