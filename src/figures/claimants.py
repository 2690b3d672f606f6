"""Who is named as saying something in a sentence: the claimant cues ("X said", "said X", "according
to X", "citing X", "per X", "..., saying", "put forward by X"), the noun phrase each cue names, and
the figure a claimant is about when it is the verb's own object ("the 190,000 economists had expected")."""
from __future__ import annotations

import re
from bisect import insort
from functools import cache

from figures.context import Claimant, Context, org_kinds
from figures.entities import is_apposed_age
from figures.lexicon import (AUXILIARIES, BE, DETERMINERS, PRONOUNS, STOP, TIME_WORDS, Vocabulary, data_map, org_words,
                             title_words, vocabulary)
from figures.name_resolution import last_organisation, resolve_name, statistics_body
from figures.tokens import Tok
from figures.word_classes import word_class

__all__ = ["SUBORDINATORS", "cue_pattern", "figure_object", "find_claimants"]


@cache
def cue_pattern() -> re.Pattern:
    """Any word that can introduce a claimant: a quick test before tokenising a sentence."""
    vocab = vocabulary()
    words = sorted(vocab.claimant_verbs | PARTICIPLES | {"according", "citing", "cited", "quoting", "quoted", "per"},
                   key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b")


# Verbs that attribute only when no stronger cue is in the sentence ("ministers expect ...").
WEAK_VERBS = word_class("claimant_words.tsv", "weak_verb")


# Claimant verbs in -ing after a comma: their subject is the sentence's subject.
PARTICIPLES = word_class("claimant_words.tsv", "participle")


# "Employers added 339,000 jobs", "adding an average of 19,000": "add" is arithmetic, not speech,
# unless what follows is what was said (", he added.", "added that", "adding: ...")
ADDING = frozenset("add adds added adding".split())
SAID_NEXT = frozenset(", . ; : that “ \" ‘ ' —".split())
# "put the toll at 300": "put" is a claimant verb only with "at" (not "put the meeting in focus")
PUTTING = frozenset("put puts".split())
# Nouns for a figure someone sets or forecasts: "the Federal Reserve's 2% inflation goal"
TARGETS = word_class("claimant_words.tsv", "target")
# Of those, the standing ones a body keeps, not a figure it reports: "the Federal Reserve's 2% goal"
STANDING_TARGETS = word_class("claimant_words.tsv", "standing_target")
# Adverbs between a subject and its verb: "the CGT thus declared", "the police meanwhile counted"
ADVERBS = word_class("claimant_words.tsv", "adverb")
# Participles that make a surveyed group a claimant: "economists surveyed by Bloomberg"
POLLED = word_class("claimant_words.tsv", "polled")
# After these the claimant's verb does not reach back over the sentence: "rose to 99 as the chief said ..."
SUBORDINATORS = frozenset("as while when after before because since although though if and but whereas".split())
# A claimant in a relative clause covers only that clause: "..., at Marseille, where the prefecture counted",
# "fell 0.5 percent from what the department first reported"
RELATIVE_OPENERS = frozenset("where what".split())


def find_claimants(ctx: Context, toks: list[Tok]) -> list[Claimant]:
    """Who is named as saying something in this sentence, with where the cue stands."""
    vocab = ctx.vocab
    toks = _with_name_particles(toks)
    out: list[Claimant] = []
    n = len(toks)
    for i, t in enumerate(toks):
        low = t.low
        if t.fig >= 0:
            if i > 1 and toks[i - 1].low == "'s" and any(x.low in STANDING_TARGETS for x in toks[i + 1:i + 3]) \
                    and ctx.article.outlet:
                # "the Federal Reserve's 2% inflation goal": a standing target is the writer's
                # background, stated by no one in the sentence (and no measurement to set against others)
                out.append(Claimant(ctx.article.outlet, t.start, "speaker", False, lead_ok=True, object_of=t.start))
                continue
            if i > 1 and toks[i - 1].low == "'s" and any(x.low in TARGETS for x in toks[i + 1:i + 3]):
                # "the IMF's 3.1% forecast": the owner of a forecast states it
                name, person, _ = _np_ending_at(ctx, toks, i - 2)
                if name:
                    out.append(Claimant(name, t.start, "speaker",
                                        person, lead_ok=True, object_of=t.start))
                continue
            owner = _document_owner(vocab, toks, i)
            if owner >= 0:
                # "the organisers' estimate of 1.03 million", "the police count of 240,000"
                name, person, _ = _np_ending_at(ctx, toks, owner)
                if name:
                    out.append(Claimant(name, t.start, "speaker", person, lead_ok=True, object_of=t.start))
                    continue
            implied = _implied_claimants().get(toks[i + 1].low) if i + 1 < n else None
            if implied:  # "the 3.3% consensus forecast": the economists polled
                out.append(Claimant(implied, t.start, "speaker", False, lead_ok=True, object_of=t.start))
                continue
            first_word = t.text.split(maxsplit=1)[0].lower() if " " in t.text else ""
            if first_word in vocab.claimant_verbs and i > 0 and toks[i - 1].word and not _passive(toks, i):
                # "Economists previously estimated 163,000": the verb is read into the figure's span
                name, person, lead = _np_before(ctx, toks, i, out)
                if name:
                    out.append(Claimant(name, t.start, "speaker", person, lead_ok=lead,
                                        weak=first_word in WEAK_VERBS, object_of=t.start))
            continue
        if low == "according" and i + 1 < n and toks[i + 1].low == "to":
            name, person = _np_after(ctx, toks, i + 2)
            if name is None and i + 2 < n and toks[i + 2].low in OBJECT_PRONOUNS:
                # "According to him, 40 more are missing": the last speaker of that kind
                ref = _pronoun_referent(ctx, OBJECT_PRONOUNS[toks[i + 2].low], toks[i + 2].start, out)
                name, person = (ref[0], ref[1]) if ref else (None, False)
            if name is None and i + 3 < n and toks[i + 2].low in OWNER_PRONOUNS \
                    and toks[i + 3].low in vocab.document_nouns:
                owner = _owner(ctx, toks[i + 2].low, out)  # "according to its findings": the last speaker's
                name, person = (owner.name, owner.is_person) if owner else (None, False)
            if name:
                out.append(Claimant(name, t.start, "speaker", person, lead_ok=True))
        elif low == "by" and (fig := _figure_put_by(vocab, toks, i)) >= 0:
            # "the 280,000 put forward by the CGT", "72,000 more than previously reported by the ministry"
            name, person = _np_after(ctx, toks, i + 1)
            if name:
                out.append(Claimant(name, t.start, "speaker", person, lead_ok=True, object_of=fig))
        elif low in vocab.document_nouns and not t.cap and i > 0 and i + 1 < n and toks[i + 1].low in BE and (
                toks[i - 1].low in vocab.claimant_nouns or toks[i - 1].cap or toks[i - 1].low in ("'s", "'", "’")) \
                and toks[i - 1].low not in TIME_WORDS and toks[i - 1].text != "May":  # "the June figure": a month
            # "police estimates were lower at 25,000", "the ministry's figures were revised to 310"
            name, person, _ = _np_ending_at(ctx, toks, i)
            if name:
                out.append(Claimant(name, t.start, "speaker", person, lead_ok=False))
        elif low in REVISING and _own_forecast_follows(vocab, toks, i):
            # "The World Bank cut its growth forecast to 2.4%": the forecaster's own figure
            name, person, lead = _np_before(ctx, toks, i, out)
            if name:
                out.append(Claimant(name, t.start, "speaker", person, lead_ok=lead))
        elif low in OBJECT_ONLY and (fig := figure_object(toks, i)) >= 0 and not _negated(toks, i):
            # "the 20,000 a Red Cross spokesperson gave", "the £700m figure the minister quoted"
            name, person, _ = _np_before(ctx, toks, i, out)
            if name:
                out.append(Claimant(name, t.start, "speaker", person, lead_ok=True, object_of=fig))
        elif low in COUNT_SETTING and _sets_count(toks, i):
            # "The UN on Sunday raised the death toll to 1,300", "the ministry pegged the toll at 400"
            name, person, lead = _np_before(ctx, toks, i, out)
            if name:
                out.append(Claimant(name, t.start, "speaker", person, lead_ok=lead))
        elif low == "by" and _agent_by(vocab, toks, i):
            # "first reported by the ONS", "figures released by the IOM", "in a report by the NAO"
            name, person = _np_after(ctx, toks, i + 1)
            if name and not any(c.name == name for c in out):
                out.append(Claimant(name, t.start, "speaker", person, lead_ok=True))
        elif low == "saying" and i > 1 and toks[i - 1].low == "as" and any(
                x.low in ("quoted", "cited") for x in toks[max(0, i - 8):i - 1]):
            # "X was quoted as saying", "X was cited by state media as saying": X speaks
            verb = next(k for k in range(i - 2, max(-1, i - 9), -1) if toks[k].low in ("quoted", "cited"))
            j = verb - 1
            while j > 0 and (toks[j].low in AUXILIARIES or toks[j].low in BE):
                j -= 1
            if toks[j].low in PRONOUNS:  # "He was quoted as saying": whom "he" names
                ref = _pronoun_referent(ctx, PRONOUNS[toks[j].low], toks[j].start, out)
                name, person = ref if ref else (None, False)
            else:
                name, person, _ = _np_ending_at(ctx, toks, j) if toks[j].word else (None, False, 0)
            if name:
                out.append(Claimant(name, t.start, "speaker", person, lead_ok=True))
        elif low in ("citing", "quoting") or (low == "cited" and i + 1 < n and toks[i + 1].low == "by"):
            at = i + 1 + (low == "cited")
            name, person = _np_after(ctx, toks, at)
            if name:
                # "citing data compiled by the FBI": the speaker reads the data; it stays first
                # "citing hospital records": nameless records too, not "citing the Red Crescent figures"
                nameless = [x for x in toks[at:at + 4] if x.word and x.low not in DETERMINERS]
                records = next((m for m, x in enumerate(nameless) if x.low in vocab.document_nouns), -1)
                role = "data" if at < n and toks[at].low in vocab.document_nouns or (
                    records > 0 and not any(x.cap for x in nameless[:records])) else "source"
                if low == "cited" and any(x.low == "as" and y.low == "saying" for x, y in zip(toks[i:], toks[i + 1:])):
                    role = "relay"  # "X was cited by state media as saying": the media pass X's words on
                out.append(Claimant(name, t.start, role, person, lead_ok=True))
        elif low == "per" and i + 1 < n and toks[i + 1].word:
            # "risen to 31,643 per Turkish disaster management agency AFAD" (not "£2m per person")
            name, person = _np_after(ctx, toks, i + 1)
            if name and (name[:1].isupper() or _headed_by(name, vocab.claimant_nouns)):
                out.append(Claimant(name, t.start, "speaker", person, lead_ok=True))
        elif low in PARTICIPLES and i > 0 and (toks[i - 1].text == "," or (
                toks[i - 1].low in ("after", "before", "while", "when") and i > 1 and toks[i - 2].text == ",")) \
                and not _arithmetic(toks, i):
            # "..., after admitting spending had doubled to £300m": the sentence's subject speaks
            name, person = _relative_subject(ctx, toks, i) or _sentence_subject(ctx, toks, i, out)
            if name:
                out.append(Claimant(name, t.start, "speaker", person, lead_ok=True))
        elif low in vocab.claimant_verbs and t.text[:1].islower() and not _passive(toks, i) and not (
                i > 0 and toks[i - 1].low == "to") and not _arithmetic(toks, i) \
                and not _document_noun(vocab, toks, i) and not _negated(toks, i):
            name, person, lead = _np_before(ctx, toks, i, out)
            if name is None and i > 1 and (toks[i - 1].low == "and" and toks[i - 2].text == "," or toks[i - 1].low == "but"):
                name, person = _sentence_subject(ctx, toks, i, out)  # "X has identified 55, and says ..."
                lead = True  # the subject's own clause comes first
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
                role = "relay" if citing or _closing_relay(toks, i, out) else "speaker"
                if _comments_on_figure(vocab, toks, i):
                    lead = False  # "12,000 jobs, a figure economists say was held down": not their figure
                elif not lead and _count_rose_after(toks, i):
                    lead = True  # "the death toll rose to 99 after police found more remains": theirs
                obj = figure_object(toks, i)
                if obj < 0:
                    obj = _as_claimed(toks, i)  # "to spend £10bn like Ms Cooper claimed": hers
                out.append(Claimant(name, t.start, role, person, lead_ok=lead, weak=low in WEAK_VERBS,
                                    object_of=obj))
    if not out:
        tagged = _dash_source(ctx, toks)
        if tagged:  # headline style "Death toll hits 2,000 - officials"
            out.append(tagged)
    # "According to a letter from the Home Office, ministers expect ...": a weak verb framed by a
    # strong cue before it does not name a new claimant (unless the figure is the verb's own object,
    # or the verb opens a clause of its own: "..., when economists expected around 150,000")
    out = [c for c in out if not c.weak or c.object_of >= 0 or not c.lead_ok
           or not any(o.start < c.start and not o.weak for o in out) or _own_clause_figure(toks, c, out)]
    kinds = org_kinds()
    for c in out:
        words = c.name.split()
        if len(words) >= 2 and words[-1] in kinds and c.start >= 0:
            insort(ctx.orgs, (c.start, c.name, kinds[words[-1]]))  # "the Hamas-run health ministry said"
        elif c.start >= 0 and c.role == "speaker" and (not c.is_person or len(words) == 1) and c.name[:1].isupper() and c.name not in ctx.vocab.place_names \
                and words[-1].lower() not in ctx.vocab.claimant_nouns and words[-1].lower() not in kinds:
            insort(ctx.orgs, (c.start, c.name, "named"))  # "Walmart said": a name of some organisation
        if c.role == "speaker" or (c.role != "relay" and not any(o.role == "speaker" for o in out)):
            # the speaker, not the source it cites, is whom "the report", "it" refer back to
            ctx.last_claimant = c
            if c.is_person:
                ctx.last_person = c
    return out


# Lower-case particles inside personal names: "al-" in "Ahmed al-Rashid", "van der" in "Ilse van der Berg"
NAME_PARTICLES = word_class("claimant_words.tsv", "name_particle")
_PARTICLE_JOINED = re.compile(r"([a-z]+)[-’'][A-Z]")
_JOINERS = frozenset("-’'")  # only a word holding one of these can be a joined particle


def _with_name_particles(toks: list[Tok]) -> list[Tok]:
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


OWNER_PRONOUNS = {"its": "any", "their": "any", "his": "person", "her": "person"}
OBJECT_PRONOUNS = {"him": "person", "her": "person", "them": "any", "it": "any"}


def _pronoun_referent(ctx: Context, kind: str, at: int, found: list[Claimant]) -> tuple[str, bool] | None:
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


# "..., the ministry said in a statement, the state news agency reported.": the last reporter relays
RELAY_VERBS = frozenset("reported reports".split())


def _closing_relay(toks: list[Tok], verb: int, found: list[Claimant]) -> bool:
    """A reporting verb that ends the sentence after another speaker's statement: a relay."""
    if toks[verb].low not in RELAY_VERBS or not any(c.role == "speaker" and not c.weak for c in found):
        return False
    rest = [t for t in toks[verb + 1:] if t.word]
    return all(t.low in _DATE_WORDS for t in rest)


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


# Verbs that set a count to a figure ("raised the death toll to 1,300", "pegged the toll at 400"),
# and the counts they set
COUNT_SETTING = word_class("claimant_words.tsv", "count_setting_verb")
COUNT_NOUNS = word_class("claimant_words.tsv", "count_noun")


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


# Participles that make "by X" the author of a document: "figures released by", "data compiled by"
PUBLISHING = word_class("claimant_words.tsv", "publishing")


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


def _owner(ctx: Context, pronoun: str, found: list[Claimant]) -> Claimant | None:
    """Whose "its findings", "their data": a claimant of this sentence, else the last one named."""
    if found:
        return found[-1]
    return ctx.last_person if OWNER_PRONOUNS[pronoun] == "person" else ctx.last_claimant


# Nouns that restate a figure in apposition: "12,000 jobs, a figure economists say was ..."
RESTATING = word_class("claimant_words.tsv", "number_noun") | frozenset("number amount level".split())


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
    return Claimant(resolve_name(ctx, words), toks[dash].start, "speaker", _looks_like_person(words, ctx.vocab),
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


_DATE_WORDS = frozenset("on monday tuesday wednesday thursday friday saturday sunday morning night evening "
                        "afternoon today yesterday overnight late early last this".split())


def _np_before(ctx: Context, toks: list[Tok], verb: int,
               found: list[Claimant] = ()) -> tuple[str | None, bool, bool]:
    """The subject noun phrase of the claimant verb at ``verb``: (name, is a person, may govern
    figures before it)."""
    j = verb - 1
    # skip auxiliaries, dates and a parenthesis: "The WHO (World ...) has warned", "officials on Friday said"
    while j >= 0:
        low = toks[j].low
        if low in AUXILIARIES or low in _DATE_WORDS or low == "not" or low in ADVERBS or (
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
                or (k > 0 and toks[k - 1].text in ("who", "which")))):
            if toks[k].text in (";",) or (toks[k].fig >= 0 and not is_apposed_age(toks, k)):  # "Musk, 52, said"
                k = -1
                break
            k -= 1
        if k < 0:
            return None, False, False
        j = k - 1
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
        return (ref.name, ref.is_person, lead) if ref else (None, False, False)
    name, person, first = _np_ending_at(ctx, toks, j)
    return name, person, (_lead_ok(toks, first) if name else False)


def _apposed_name(ctx: Context, toks: list[Tok], j: int) -> tuple[str, bool, int] | None:
    """"<a description>, <Name Name>, said": (name, is a person, index of the description's first
    word) when two or three capitalised words stand between commas after a description of a person
    or body ("the fire department's chief", "a spokeswoman for the Red Cross"), else None."""
    if toks[j].text != ",":
        return None
    k = j - 1
    while k >= 0 and toks[k].cap and toks[k].word and j - k <= 3:
        k -= 1
    size = j - 1 - k
    if not 2 <= size <= 3 or k < 1 or toks[k].text != "," or not toks[k - 1].word:
        return None
    words = toks[k + 1:j]
    if not _looks_like_person(words, ctx.vocab) or not _describes_holder(ctx.vocab, toks, k - 1):
        return None
    first = k - 1
    while first > 0 and toks[first - 1].word and toks[first - 1].low not in SUBORDINATORS:
        first -= 1
    return resolve_name(ctx, words), True, first


def _relative_subject(ctx: Context, toks: list[Tok], participle: int) -> tuple[str, bool] | None:
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
    name, person, _ = _np_ending_at(ctx, toks, k - 1)
    return (name, person) if name else None


def _opens_participle_clause(t: Tok) -> bool:
    """", known by its acronym KNCHR,", ", based in Geneva,", ", speaking on condition of anonymity,": a
    participle opening an aside between the subject and its verb."""
    return t.word and not t.cap and (t.low.endswith(("ed", "ing")) or t.low in ("known", "led", "run", "set"))


def _apposed_body(ctx: Context, toks: list[Tok], j: int) -> tuple[str, bool, int] | None:
    """"The organisers, the Civic Front, said": a body's name set between commas after the lower-case
    noun that describes it; (name, False, index of the description's first word), else None."""
    if toks[j].text != ",":
        return None
    k = j - 1
    while k >= 0 and toks[k].word and toks[k].cap and j - k <= 6:
        k -= 1
    first_cap = k + 1
    definite = k >= 0 and toks[k].low == "the"  # "the Civic Front": no person's name
    if definite:
        k -= 1
    if first_cap >= j or k < 1 or toks[k].text != "," or toks[k - 1].cap or toks[k - 1].low not in ctx.vocab.claimant_nouns:
        return None
    words = toks[first_cap:j]
    if not definite and _looks_like_person(words, ctx.vocab):
        return None  # a person: the person reader's
    first = k - 1
    while first > 0 and toks[first - 1].word and toks[first - 1].low not in SUBORDINATORS:
        first -= 1
    return resolve_name(ctx, words), False, first


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


def _last_person_named(ctx: Context, before: int) -> tuple[int, str] | None:
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
    return k < 0 or (toks[k].low not in SUBORDINATORS and toks[k].low not in RELATIVE_OPENERS and toks[k].low != "than")


def _np_ending_at(ctx: Context, toks: list[Tok], j: int) -> tuple[str | None, bool, int]:
    vocab = ctx.vocab
    if toks[j].low in _PLACE_NOUNS and not toks[j].cap:
        # "health officials in the province said": where they are ends the phrase, not who
        k = j - 1
        while k > 0 and (toks[k].low in DETERMINERS or (toks[k].word and not toks[k].cap and toks[k].low not in STOP
                                                         and j - k < 3)):
            k -= 1
        if k > 0 and toks[k].low in ("in", "from", "at", "of") and (
                toks[k - 1].low in vocab.claimant_nouns or toks[k - 1].cap):
            return _np_ending_at(ctx, toks, k - 1)
    end = j
    k = j
    while k >= 0:
        t = toks[k]
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
        return _np_ending_at(ctx, toks, head)
    words = toks[first:end + 1]
    lead = next((k for k, w in enumerate(words[:3]) if w.low in ("from", "by", "of")), -1)
    if 0 < lead < len(words) - 1 and all(w.low in vocab.document_nouns or w.low in LEAD_MODIFIERS
                                         or w.low in OFFICIAL for w in words[:lead]) \
            and words[lead - 1].low in vocab.document_nouns:
        # "Figures from Norland's health ministry show": the document's source speaks
        rest = [w for w in words[lead + 1:] if w.low not in DETERMINERS]
        if rest and (rest[-1].cap or rest[-1].low in vocab.claimant_nouns):
            return resolve_name(ctx, rest), _looks_like_person(rest, vocab), first
    head = words[-1]
    author = _document_author(ctx, toks, first, end)
    if author:
        return author[0] or None, author[1], first
    if len(words) >= 2 and head.low in vocab.document_nouns and not head.cap and words[-2].cap:
        words = words[:-1]  # "the NAO report states", "a Reuters tally shows": the name speaks
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
    return resolve_name(ctx, words), _looks_like_person(words, vocab), first


def _holds_post(vocab: Vocabulary, t: Tok) -> bool:
    """A title or claimant noun that takes its remit after "to": "ambassador to", "adviser to"."""
    return not t.cap and (t.low in title_words() or t.low in vocab.claimant_nouns) and t.low not in HONORIFIC_TITLES


# Words skipped before a claimant's phrase: "according to the latest figures", "an unnamed official"
LEAD_MODIFIERS = frozenset("a an unnamed anonymous latest new updated revised preliminary provisional".split())
# "official figures", "official data": the statistics body the article names
OFFICIAL = word_class("claimant_words.tsv", "official")
DEFINITE = frozenset("the this that these those its their".split())


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
    if d >= 0 and toks[d].low in DEFINITE and ctx.last_claimant is not None:
        return ctx.last_claimant.name, ctx.last_claimant.is_person  # "the statement added"
    return None


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


def _sentence_subject(ctx: Context, toks: list[Tok], i: int, found: list[Claimant]) -> tuple[str | None, bool]:
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
    name, person, _ = _np_ending_at(ctx, toks, j - 1)
    return name, person


def _np_after(ctx: Context, toks: list[Tok], i: int, names_only: bool = False) -> tuple[str | None, bool]:
    vocab = ctx.vocab
    n = len(toks)
    while i < n and (toks[i].low in DETERMINERS or toks[i].low in LEAD_MODIFIERS):
        i += 1
    j = i
    while j < n:
        t = toks[j]
        if t.fig >= 0 or not (t.word or t.low == "'s"):
            break
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
                and t.low not in TIME_WORDS:
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
    # "a letter from the Home Office", "data compiled by the FBI": the speaker is after from/by
    if any(w.low in vocab.document_nouns or w.low in COUNT_NOUNS for w in words[:2]):  # "the latest toll from"
        for k, w in enumerate(words):
            if w.low in ("from", "by", "of") and k + 1 < len(words):
                rest = [x for x in words[k + 1:] if x.low not in DETERMINERS]
                cut = next((m for m, x in enumerate(rest) if x.low in ("to", "in", "for", "at")), len(rest))
                rest = rest[:cut]
                if rest:
                    return resolve_name(ctx, rest), _looks_like_person(rest, vocab)
        author = _document_author(ctx, toks, i, j - 1)
        if author:
            return author[0] or None, author[1]
        if not any(w.cap for w in words):
            return None, False
    doc = next((m for m, w in enumerate(words) if w.low in vocab.document_nouns and not w.cap and m > 0), -1)
    if 0 < doc < len(words) - 1 and not words[doc + 1].cap and words[doc + 1].low not in ("of", "and"):
        words = words[:doc + 1]  # "an AFP tally based on official sources": the tally
    if len(words) >= 2 and words[-1].low in vocab.document_nouns and not words[-1].cap and words[-2].cap:
        words = words[:-1]  # "according to UN figures": the name speaks
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
    if not (words[-1].cap or words[-1].low in vocab.claimant_nouns or words[-1].low in vocab.document_nouns):
        return None, False
    return resolve_name(ctx, words), _looks_like_person(words, vocab)


def _published_by(ctx: Context, toks: list[Tok], j: int, words: list[Tok]) -> tuple[str, bool] | None:
    """A document phrase followed by a publishing participle, its day, and "by X" ("the report
    released Friday by the Labor Department", "data published on Monday by Statistics Norland"):
    (X, is a person), else None."""
    if j >= len(toks) or toks[j].low not in PUBLISHING or not any(w.low in ctx.vocab.document_nouns for w in words):
        return None
    k = j + 1
    while k < len(toks) and (toks[k].low in _DATE_WORDS or toks[k].low in TIME_WORDS):
        k += 1
    if k + 1 < len(toks) and toks[k].low == "by":
        name, person = _np_after(ctx, toks, k + 1)
        if name:
            return name, person
    return None


def _looks_like_person(words: list[Tok], vocab: Vocabulary) -> bool:
    caps = [w for w in words if w.cap]
    return len(caps) >= 1 and words[-1].cap and words[-1].low not in vocab.claimant_nouns and \
        not any(w.low in org_words() for w in words) and \
        not any(w.text.isupper() and len(w.text) > 1 for w in words) and not any(
            (w.text,) in vocab.places or (w.text,) in vocab.aliases for w in words)


def _headed_by(name: str, nouns: frozenset[str]) -> bool:
    return name.split()[-1].lower() in nouns
