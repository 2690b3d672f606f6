"""Who says a figure: claimants and relay chains.

"X said", "said X", "according to X", "citing X", "per X", "..., saying"; pronouns resolve to
the last named claimant (or person); "the authority", "the ministry", "the company" to the last
organisation of that kind named (``data/org_kinds.tsv``); a figure right before its claimant is
theirs ("the 190,000 economists had expected"); quoted sentences take the speaker of their
quotation; relay chains put the original claimant first and the outlet last; nobody named -> the
outlet.
"""
from __future__ import annotations

import re
from bisect import bisect_right, insort
from functools import cache, lru_cache

from figures.context import Claimant, Context, Read, org_kinds
from figures.entities import is_apposed_age
from figures.lexicon import (
    AUXILIARIES, BE, DETERMINERS, PRONOUNS, STOP, TIME_WORDS, Vocabulary, org_words, title_words, vocabulary,
)
from figures.sentences import Sentence
from figures.tokens import Tok


@cache
def cue_pattern() -> re.Pattern:
    """Any word that can introduce a claimant: a quick test before tokenising a sentence."""
    vocab = vocabulary()
    words = sorted(vocab.claimant_verbs | PARTICIPLES | {"according", "citing", "cited", "per"}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b")


def inherit_quoted(ctx: Context, reads: list[Read]) -> None:
    """A quoted sentence with no claimant of its own takes the speaker named later in the same
    quotation ('"... ," he said'), else the last speaker named before it. A bulleted item under a
    lead-in that introduces a document's findings ("Among the report's key findings were:") takes
    the last speaker named before the list."""
    text = ctx.article.text
    _credit_documents(ctx, reads)
    last: Claimant | None = None
    lead_in: Claimant | None = None  # the speaker a list of findings belongs to
    for k, (sent, idxs, toks, claimants, times) in enumerate(reads):
        bullet = _bulleted(text, sent)
        if not bullet:
            lead_in = last if _introduces_findings(ctx, sent.text) else None
        if claimants:
            last = next((c for c in reversed(claimants) if c.role != "relay"), last)
            continue
        if bullet and lead_in:
            claimants.append(Claimant(lead_in.name, -1, "speaker", lead_in.is_person, True, False, lead_in.day))
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
    _credit_release(ctx, reads)


# Words that make a named body a producer of official statistics ("U.S. Bureau of Labor Statistics",
# "Labor Department", "Census Bureau", "Office for National Statistics", "Statistics Canada")
STATISTICS_BODY = frozenset("bureau department statistics statistical census".split())


def _credit_release(ctx: Context, reads: list[Read]) -> None:
    """A statistics release: once an article names a statistics body as a source ("the Labor
    Department said", "according to the Bureau of Labor Statistics"), its other figures given with
    no source at all (payrolls, the jobless rate, revisions, in the lede too) are the body's: the
    last such body named before the sentence, else the first named after it. A sentence that names
    another organisation or person ("after the Federal Reserve lowered its rate by 50 basis
    points", "the Fed's meeting") or is quoted keeps the outlet."""
    bodies = [(k, c) for k, read in enumerate(reads) for c in read.claimants
              if c.start >= 0 and c.role != "relay" and not c.is_person and _statistics_body(c.name)]
    if not bodies:
        return
    text = ctx.article.text
    for k, read in enumerate(reads):
        if read.claimants or not read.idxs or not read.toks or _quoted(text, read.sent):
            continue
        before = [c for at, c in bodies if at < k]
        body = before[-1] if before else next(c for at, c in bodies if at > k)
        if _names_another(ctx, read.toks, body.name):
            continue
        read.claimants.append(Claimant(body.name, -1, "speaker", False, True, False, None))


def _statistics_body(name: str) -> bool:
    return name[:1].isupper() and any(w.lower().strip(".,") in STATISTICS_BODY for w in name.split())


def _names_another(ctx: Context, toks: list[Tok], body: str) -> bool:
    """The sentence has a capitalised word, after its first, that is not a place, a month or day, or
    part of the body's name: it names someone else."""
    own = set(body.split())
    for t in toks[1:]:
        if t.fig >= 0 or not t.word or not t.cap:
            continue
        word = t.text.removesuffix("’s").removesuffix("'s")
        if word.lower() in TIME_WORDS or word.lower() == "may" or word in own or word in ctx.vocab.place_names:
            continue
        return True
    return False


def _credit_documents(ctx: Context, reads: list[Read]) -> None:
    """"A shock report reveals £500m. ... the public spending watchdog said £576.8m": a report with
    no author named is the body quoted next, within the next two sentences."""
    vocab = ctx.vocab
    for k, read in enumerate(reads):
        for c in read.claimants:
            words = c.name.split()
            if c.is_person or words[-1].lower() not in vocab.document_nouns or any(w[:1].isupper() for w in words):
                continue
            author = next((o for later in reads[k + 1:k + 3] for o in later.claimants
                           if not o.is_person and o.role == "speaker" and _is_body(o.name)), None)
            if author:
                c.name = author.name


def _is_body(name: str) -> bool:
    """A capitalised name with an organisation word: "National Audit Office", "Statistics Canada"."""
    words = name.split()
    return words[0][:1].isupper() and any(w.lower() in org_words() or w.lower() in org_kinds() for w in words)


BULLETS = ("•", "·", "‣", "▪", "◦", "*", "-", "–", "—")


def _bulleted(text: str, sent: Sentence) -> bool:
    """The sentence starts a line that starts with a bullet."""
    line = text[text.rfind("\n", 0, sent.start) + 1:sent.start + 1].lstrip()
    return line.startswith(BULLETS) or sent.text.lstrip().startswith(BULLETS)


def _introduces_findings(ctx: Context, sentence: str) -> bool:
    """"Among the report's key findings were:", "The study found:": a lead-in to a list of what a
    document or speaker says."""
    if not sentence.rstrip().endswith(":"):
        return False
    words = re.findall(r"[a-z]+", sentence.lower())
    return any(w in ctx.vocab.document_nouns or w in ctx.vocab.claimant_verbs for w in words)


def _quoted(text: str, sent: Sentence) -> bool:
    """The sentence opens with a quotation mark or starts inside an open quotation."""
    if sent.text[:1] in "“\"‘":
        return True
    para_start = text.rfind("\n", 0, sent.start) + 1
    before = text[para_start:sent.start]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


# Verbs that attribute only when no stronger cue is in the sentence ("ministers expect ...").
WEAK_VERBS = frozenset("expect expects expected believe believes found finds showed shows put puts assumes "
                       "assumed assume released releases published revised estimated estimates projected "
                       "projects predicted predicts forecast forecasts expecting".split())


# Claimant verbs in -ing after a comma: their subject is the sentence's subject.
PARTICIPLES = frozenset("saying stating adding telling warning noting explaining claiming announcing "
                        "confirming reporting".split())


# "Employers added 339,000 jobs", "adding an average of 19,000": "add" is arithmetic, not speech,
# unless what follows is what was said (", he added.", "added that", "adding: ...")
ADDING = frozenset("add adds added adding".split())
SAID_NEXT = frozenset(", . ; : that “ \" ‘ ' —".split())
# "put the toll at 300": "put" is a claimant verb only with "at" (not "put the meeting in focus")
PUTTING = frozenset("put puts".split())
# Nouns for a figure someone sets or forecasts: "the Federal Reserve's 2% inflation goal"
TARGETS = frozenset("goal goals target targets forecast forecasts projection projections ceiling cap limit "
                    "benchmark guidance".split())
# Adverbs between a subject and its verb: "the CGT thus declared", "the police meanwhile counted"
ADVERBS = frozenset("thus meanwhile therefore however instead too likewise again nonetheless".split())
# Participles that make a surveyed group a claimant: "economists surveyed by Bloomberg"
POLLED = frozenset("surveyed polled questioned consulted interviewed".split())
# After these the claimant's verb does not reach back over the sentence: "rose to 99 as the chief said ..."
SUBORDINATORS = frozenset("as while when after before because since although though if and but whereas".split())
# A claimant in a relative clause covers only that clause: "..., at Marseille, where the prefecture counted"
RELATIVE_OPENERS = frozenset("where".split())


def find_claimants(ctx: Context, toks: list[Tok]) -> list[Claimant]:
    """Who is named as saying something in this sentence, with where the cue stands."""
    vocab = ctx.vocab
    out: list[Claimant] = []
    n = len(toks)
    for i, t in enumerate(toks):
        low = t.low
        if t.fig >= 0:
            if i > 1 and toks[i - 1].low == "'s" and any(x.low in TARGETS for x in toks[i + 1:i + 3]):
                # "the Federal Reserve's 2% inflation goal": the owner of a target sets it
                name, person, _ = _np_ending_at(ctx, toks, i - 2)
                if name:
                    out.append(Claimant(name, t.start, "speaker",
                                        person, lead_ok=True, object_of=t.start))
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
        elif low in PARTICIPLES and i > 0 and toks[i - 1].text == "," and not _arithmetic(toks, i):
            name, person = _sentence_subject(ctx, toks, i, out)
            if name:
                out.append(Claimant(name, t.start, "speaker", person, lead_ok=True))
        elif low in vocab.claimant_verbs and t.text[:1].islower() and not _passive(toks, i) and not (
                i > 0 and toks[i - 1].low == "to") and not _arithmetic(toks, i) \
                and not _document_noun(vocab, toks, i):
            name, person, lead = _np_before(ctx, toks, i, out)
            if name is None and i > 1 and toks[i - 1].low == "and" and toks[i - 2].text == ",":
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
                role = "relay" if citing else "speaker"
                out.append(Claimant(name, t.start, role, person, lead_ok=lead, weak=low in WEAK_VERBS,
                                    object_of=figure_object(toks, i)))
    # "According to a letter from the Home Office, ministers expect ...": a weak verb framed by a
    # strong cue before it does not name a new claimant (unless the figure is the verb's own object,
    # or the verb opens a clause of its own: "..., when economists expected around 150,000")
    out = [c for c in out if not c.weak or c.object_of >= 0 or not c.lead_ok
           or not any(o.start < c.start and not o.weak for o in out)]
    kinds = org_kinds()
    for c in out:
        words = c.name.split()
        if len(words) >= 2 and words[-1] in kinds and c.start >= 0:
            insort(ctx.orgs, (c.start, c.name, kinds[words[-1]]))  # "the Hamas-run health ministry said"
        elif c.start >= 0 and c.role == "speaker" and (not c.is_person or len(words) == 1) and c.name[:1].isupper() and c.name not in ctx.vocab.place_names \
                and words[-1].lower() not in ctx.vocab.claimant_nouns and words[-1].lower() not in kinds:
            insort(ctx.orgs, (c.start, c.name, "named"))  # "Walmart said": a name of some organisation
        if c.role != "relay":
            ctx.last_claimant = c
            if c.is_person:
                ctx.last_person = c
    return out


OWNER_PRONOUNS = {"its": "any", "their": "any", "his": "person", "her": "person"}


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
        if not toks[k].word or toks[k].low in vocab.claimant_verbs or toks[k].low in BE:
            return -1
    return -1


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


def figure_object(toks: list[Tok], verb: int) -> int:
    """"far above the 190,000 economists had expected": a figure right before the verb's subject is
    what the verb is about (a relative clause without "that"); its offset, else -1."""
    j = verb - 1
    while j >= 0 and toks[j].low in AUXILIARIES and toks[j].low not in BE:
        j -= 1
    k = j
    nouns = _claimant_nouns()
    while k >= 0 and j - k < 3 and toks[k].word and (toks[k].cap or toks[k].low in nouns):
        k -= 1
    return toks[k].start if k < j and k >= 0 and toks[k].fig >= 0 else -1


def _claimant_nouns() -> frozenset[str]:
    return vocabulary().claimant_nouns


# After a document noun these show it is a noun, not a verb: "a report from", "a report has revealed"
_NOUN_FOLLOWERS = frozenset("from by of on into for has have had is was will would could".split())


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
    """"deaths have been reported", "was estimated": a passive verb names no claimant."""
    j = i - 1
    while j >= 0 and toks[j].low in ("also", "now", "already", "previously", "initially", "officially"):
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
    return k < 0 or (toks[k].low not in SUBORDINATORS and toks[k].low not in RELATIVE_OPENERS)


def _np_ending_at(ctx: Context, toks: list[Tok], j: int) -> tuple[str | None, bool, int]:
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
    words = toks[first:end + 1]
    head = words[-1]
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
    name, person, _ = _np_ending_at(ctx, toks, j - 1)
    return name, person


def _np_after(ctx: Context, toks: list[Tok], i: int, names_only: bool = False) -> tuple[str | None, bool]:
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
                and t.low not in TIME_WORDS:
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
                    return resolve_name(ctx, rest), _looks_like_person(rest, vocab)
        if not any(w.cap for w in words):
            return None, False
    # keep the first noun phrase: stop at a preposition that starts a second one
    cut = next((m for m, w in enumerate(words) if m > 0 and w.low in ("to", "in", "at", "for")), len(words))
    words = words[:cut]
    # "Turkey's disaster management agency, AFAD": an apposition with a name wins
    if j + 1 < n and toks[j].text == "," and toks[j + 1].word and toks[j + 1].text.isupper() and len(toks[j + 1].text) > 1:
        return resolve_name(ctx, [toks[j + 1]]), False
    if not (words[-1].cap or words[-1].low in vocab.claimant_nouns or words[-1].low in vocab.document_nouns):
        return None, False
    return resolve_name(ctx, words), _looks_like_person(words, vocab)


def resolve_name(ctx: Context, words: list[Tok]) -> str:
    """Acronyms spelled out ("WHO" -> "World Health Organisation"), honorifics dropped and a
    surname completed from the article ("Ms Cooper" -> "Yvette Cooper")."""
    titles = title_words()
    if (len(words) == 1 and not words[0].cap) or (len(words) == 2 and words[1].low == "maker"):
        named = last_organisation(ctx, words[-1].low, words[0].start)  # "the authority", "the iPhone maker"
        if named:
            return named  # "the authority said": the authority named before
    named = described(ctx, [w.text for w in words], (words[0].start, words[-1].end))
    if named:
        return named  # "the public spending watchdog" -> "National Audit Office"
    # "Turkish disaster management agency AFAD", "police spokesperson Alana Pico": the name
    lower = [k for k, w in enumerate(words) if not w.cap and w.low not in STOP and w.low != "'s"]
    if lower and lower[-1] < len(words) - 1 and (lower[-1] > 0 or words[0].low in org_kinds()) and all(
            w.cap for w in words[lower[-1] + 1:]):  # "the carmaker Ford" too
        words = words[lower[-1] + 1:]
    parts = [_spelled(ctx, w.text) if w.text.isupper() and len(w.text) > 1 else w.text for w in words]
    if len(parts) > 2 and " ".join(parts[:2]) in ctx.vocab.place_names:
        short = ctx.vocab.place_names[" ".join(parts[:2])]
        if len(short) < len(parts[0]) + len(parts[1]):
            parts = short.split() + parts[2:]  # "United States Geological Service" -> "US Geological Service"
    while len(parts) > 1 and parts[0].lower().rstrip(".") in ("mr", "mrs", "ms", "dr", "miss", "prof"):
        parts = parts[1:]
    if len(parts) == 1 and parts[0][:1].isupper() and not parts[0].isupper():
        full = ctx.names.get(parts[0])
        if full and full.split()[0].lower() not in DETERMINERS:  # not "A Reuters" from "A Reuters tally"
            return full
    head = parts[-1].lower().rstrip(".")
    holder = ctx.titled.get(head, "") if not any(p[:1].isupper() for p in parts[-2:]) else ""
    if holder and holder.split()[0].lower() not in STOP and holder not in ctx.vocab.place_names:
        return holder  # "Maui's police chief" -> the chief named in the article
    if len(parts) >= 3 and parts[-1].lower() not in ctx.vocab.claimant_nouns:
        rest = list(parts)
        while len(rest) > 2 and (rest[0].lower().rstrip(".") in titles or rest[0] in ctx.vocab.place_names):
            rest = rest[1:]
        if len(rest) < len(parts) and all(p[:1].isupper() for p in rest):
            parts = rest  # "Ukrainian President Volodymyr Zelenskyy" -> "Volodymyr Zelenskyy"
    name = " ".join(parts).replace(" 's", "'s").replace(" ’s", "’s")
    return name


# Words before a title that make its holder another person than "the home secretary" now in office
OTHER_HOLDER = frozenset("former ex ex- shadow deputy acting vice previous outgoing incoming late".split())
# Words in a description that say nothing about which holder or body is meant
NEUTRAL = frozenset("new current now latest top senior official public".split())
HONORIFICS = frozenset("mr mrs ms miss dr prof sir dame lord lady".split())


def described(ctx: Context, words: list[str], span: tuple[int, int]) -> str | None:
    """A description the article gives a name to: "the home secretary" -> the person it names
    "Home Secretary Yvette Cooper" (or "Yvette Cooper, the home secretary"); "the public spending
    watchdog", "a watchdog report" -> the body of that kind it names ("National Audit Office", by
    ``data/org_kinds.tsv``), before the description or after it. Capitalised modifiers (places,
    demonyms, acronyms: "a UN relief agency", "the Syrian health ministry") must fit the name; lower-case
    ones ("health") must not contradict it. None when the phrase is a name, or nothing fits."""
    words = [w for w in words if w.lower() not in DETERMINERS]
    for k in range(len(words) - 1, 0, -1):
        if words[k] in ("'s", "’s"):
            words[k - 1:k + 1] = [words[k - 1] + words[k]]  # "Parliament 's" -> "Parliament's"
    if len(words) >= 2 and words[-1].lower() in ctx.vocab.document_nouns:
        words = words[:-1]  # "a watchdog report": its author
    if not words:
        return None
    head = words[-1].lower().rstrip(".")
    mods = words[:-1]
    kinds = org_kinds()
    titles = title_words()
    if head in kinds and not words[-1][:1].isupper():
        return _described_body(ctx, head, mods, span)
    if head in titles and head not in HONORIFICS and all(
            not w[:1].isupper() or w.lower().rstrip(".") in titles or w in ctx.vocab.place_names for w in mods):
        return _described_person(ctx, head, [w.lower() for w in mods], span)
    return None


def _pick(found: list[tuple[int, str]], at: int, forward: bool = True) -> str | None:
    """The one named last before ``at``, else (when ``forward``) the first named after it."""
    before = [name for pos, name in found if pos < at]
    if before:
        return before[-1]
    after = [name for pos, name in found if pos >= at]
    return after[0] if after and forward else None


def _described_person(ctx: Context, head: str, mods: list[str], span: tuple[int, int]) -> str | None:
    wanted = {m for m in mods if m not in NEUTRAL}
    found = []
    for pos, name, role in _title_holders(ctx.article.text):
        if head in role and wanted <= role and (role & OTHER_HOLDER) <= wanted:
            found.append((pos, name))
    return _pick(found, span[0]) or _headline_speaker(ctx, span)


_HEADLINE_SAYS = re.compile(r",\s+(?:says|said|warns|claims)\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})\s*$")
_NUMBER = re.compile(r"\d[\d,.]*\d|\d")


def _headline_speaker(ctx: Context, span: tuple[int, int]) -> str | None:
    """Headline "Scheme cost £700m, says Yvette Cooper", paragraph "... £700m ..., the home secretary
    has said": the person the headline quotes with the same figure."""
    m = _HEADLINE_SAYS.search(ctx.article.title or "")
    if not m or any(w.lower() in org_words() or w.lower() in title_words() for w in m.group(1).split()):
        return None
    text = ctx.article.text
    paragraph = text[text.rfind("\n", 0, span[0]) + 1:(text.find("\n", span[1]) + 1 or len(text) + 1) - 1]
    numbers = set(_NUMBER.findall(ctx.article.title[:m.start()]))
    return m.group(1) if numbers & set(_NUMBER.findall(paragraph)) else None


def _described_body(ctx: Context, head: str, mods: list[str], span: tuple[int, int]) -> str | None:
    vocab = ctx.vocab
    kind = org_kinds()[head]
    # capitalised modifiers, consecutive ones together ("South Korean"); a possessive owner that
    # is not a place ("Parliament's spending watchdog") does not narrow the choice
    hard: list[str] = []
    lower: list[str] = []
    run: list[str] = []
    for w in mods + [""]:
        if w[:1].isupper():
            run.append(w)
            continue
        if run:
            phrase = " ".join(run)
            owner = phrase.removesuffix("'s").removesuffix("’s")
            if owner == phrase or owner in vocab.place_names:
                hard.append(owner)
            run = []
        if w and w.lower() not in STOP and w.lower() not in NEUTRAL:
            lower.append(w.lower())
    found = []
    for pos, name, owner, name_kinds in _bodies(ctx.article.text, tuple(sorted(ctx.acronyms.items()))):
        if span[0] <= pos < span[1]:
            continue  # the description's own "UN"
        low_words = {w.lower().strip(".,") for w in name.split()}
        fits = [_fits(vocab, h, name, owner) for h in hard]
        if not all(fits):
            continue
        if kind in name_kinds:
            content = {w.lower().strip(".,") for w in name.split() if not w.isupper()} - STOP - org_words()
            content = {w for w in content if w not in org_kinds() and w.title() not in vocab.place_names}
            if lower and content and not any(w[:5] == m[:5] for w in content for m in lower):
                continue  # "the interior ministry" is not the "Health Ministry"
        elif not (low_words & set(lower)) and not any(h.isupper() for h in hard):
            continue  # another kind of body, only when a word or an acronym names it ("the statistics agency", "UN")
        found.append((pos, f"{owner}'s {name}" if owner and owner in vocab.place_names and not hard else name))
    # a bare "the agency" refers back; "a watchdog report", "the public spending watchdog" may
    # introduce the body the article names later
    indefinite = re.search(r"\b[Aa]n?\s*$", ctx.article.text[max(0, span[0] - 4):span[0]]) is not None
    return _pick(found, span[0], forward=bool(mods) or indefinite)


def _fits(vocab: Vocabulary, modifier: str, name: str, owner: str) -> bool:
    """"UN" fits "United Nations Office for ..." and "UNOCHA"; "Syrian" fits "Syria's Health Ministry"."""
    words = name.split()
    if modifier.lower() in (w.lower() for w in words) or modifier == owner:
        return True
    if modifier.isupper():
        initials = "".join(w[0] for w in words if w.lower() not in ("of", "and", "for", "the", "on"))
        return initials.startswith(modifier) or (name.isupper() and name.replace(" ", "").startswith(modifier))
    place = vocab.place_names.get(modifier)
    return place is not None and any(vocab.place_names.get(x) == place for x in [owner, *words] if x)


_BODY_RUN = re.compile(r"(?<![\w.])[A-Z][\w'’&.-]*(?:[ \t]+(?:(?:of|and|for|on|the|de)[ \t]+)*[A-Z][\w'’&.-]*)*")


@lru_cache(maxsize=16)
def _bodies(text: str, acronyms: tuple[tuple[str, str], ...]) -> tuple[tuple[int, str, str, frozenset[str]], ...]:
    """(offset, name, owner, kinds) of the bodies an article names: capitalised names with an
    organisation word ("Türkiye's Disaster and Emergency Management Authority" owned by "Türkiye",
    "Statistics Canada") and acronyms (spelled out when the article does: "NAO")."""
    kinds, words_of_org, titles = org_kinds(), org_words(), title_words()
    spelled = dict(acronyms)
    vocab = vocabulary()
    out = []
    for m in _BODY_RUN.finditer(text):
        words = _first_sentence(m.group().split(), titles)
        pos = m.start()
        while words and (words[0].lower() in STOP or words[0].lower().rstrip(".") in titles):
            pos = text.index(words[1], pos + len(words[0])) if len(words) > 1 else pos
            words = words[1:]
        owner = ""
        for k, w in enumerate(words[:-1]):
            if w.endswith(("'s", "’s")):
                owner, words = " ".join(words[:k + 1])[:-2], words[k + 1:]
                break
        while words and words[-1].lower() in ("of", "and", "for", "on", "the", "de"):
            words = words[:-1]
        if not words:
            continue
        name = " ".join(words).rstrip(".,")
        kind_after = _KIND_AFTER.match(text, m.end())
        if kind_after and kind_after.group(1) in kinds and not name.endswith((",", ".")):
            name, words = f"{name} {kind_after.group(1)}", words + [kind_after.group(1)]  # "the CGT union"
        if len(words) == 1 and name.isupper() and len(name) > 1 and name not in vocab.place_names:
            full = spelled.get(name)
            out.append((pos, full or name, owner, _kinds_of(full or name, kinds)))
        elif len(words) >= 2 and any(w.lower().strip(".,") in words_of_org or w.lower().strip(".,") in kinds
                                     or (w.isupper() and len(w) > 1) for w in words):
            out.append((pos, name, owner, _kinds_of(name, kinds)))
    return tuple(out)


def _first_sentence(words: list[str], titles: frozenset[str]) -> list[str]:
    """"UNOCHA. Later" -> ["UNOCHA"]; "Gov. Josh Green" and "U.S. Geological Survey" stay whole."""
    for k, w in enumerate(words[:-1]):
        if w.endswith(".") and "." not in w[:-1] and w[:-1].lower() not in titles:
            return words[:k + 1]
    return words


def _kinds_of(name: str, kinds: dict[str, str]) -> frozenset[str]:
    return frozenset(kinds[w.lower().strip(".,")] for w in name.split() if w.lower().strip(".,") in kinds)


_KIND_AFTER = re.compile(r"[ \t]+([a-z]+)\b")
_CAPS_RUN = re.compile(r"(?<![\w.])[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*)*")
_APPOSED_TITLE = re.compile(r",[ \t]+(?:the|a|an)[ \t]+((?:[\w'’-]+[ \t]+){0,4}[\w'’-]+)[ \t]*[,.;]")


@lru_cache(maxsize=16)
def _title_holders(text: str) -> tuple[tuple[int, str, frozenset[str]], ...]:
    """(offset, name, title words) of the people an article names with a title: "Home Secretary
    Yvette Cooper", "UK Labour Home Secretary, Yvette Cooper", "the former home secretary Suella
    Braverman", "Yvette Cooper, the home secretary," ."""
    titles, words_of_org = title_words(), org_words()
    vocab = vocabulary()
    out = []
    for m in _CAPS_RUN.finditer(text):
        words = _first_sentence(m.group().split(), titles)
        end = m.start() + len(" ".join(words))
        last_title = max((k for k, w in enumerate(words) if w.lower().rstrip(".,") in titles), default=-1)
        name_words = words[last_title + 1:]
        if not 2 <= len(name_words) <= 3 or name_words[0].lower() in STOP or any(
                w.lower().strip(".,") in words_of_org or w.lower().strip(".,") in titles
                or w.strip(".,") in vocab.place_names for w in name_words):
            continue
        name = " ".join(name_words).rstrip(".,")
        role = [w.lower().rstrip(".,") for w in words[:last_title + 1]]
        # the words before the run, back to a function word: "the former home secretary"
        before = text[max(0, m.start() - 60):m.start()]
        if before.endswith(", ") and not role:
            before = before[:-2] + " "  # "UK Labour Home Secretary, Yvette Cooper"
        lead = []
        for w in reversed(before.split()):
            if w.lower() in STOP or not w[-1:].isalnum():
                break
            lead.insert(0, w.lower())
        role = lead + role
        after = _APPOSED_TITLE.match(text, end) if len(words) == len(m.group().split()) else None
        if after:
            role += [w.lower() for w in after.group(1).split()]
        if any(w.rstrip(".") in titles and w.rstrip(".") not in HONORIFICS for w in role):
            out.append((m.start() + sum(len(w) + 1 for w in words[:last_title + 1]), name,
                        frozenset(w.rstrip(".") for w in role)))
    return tuple(out)


def _spelled(ctx: Context, acronym: str) -> str:
    """"AFAD" -> "Disaster and Emergency Management Authority" when the article spells it out."""
    full = ctx.acronyms.get(acronym) or _by_initials(ctx, acronym)
    first, _, rest = full.partition(" ")
    return rest if first in ("The", "the") and rest else full


def _by_initials(ctx: Context, acronym: str) -> str:
    """"BLS" -> "U.S. Bureau of Labor Statistics" when the article names one body with those initials
    (a place before the name may be left out of them), else the acronym."""
    if len(acronym) < 3:
        return acronym
    found = set()
    for _, name, _, _ in _bodies(ctx.article.text, tuple(sorted(ctx.acronyms.items()))):
        words = [w for w in name.split() if w.lower() not in ("of", "and", "for", "the", "on", "de")]
        while len(words) > len(acronym) and words[0].strip(".,") in ctx.vocab.place_names:
            words = words[1:]
        if len(words) == len(acronym) and "".join(w[0] for w in words) == acronym:
            found.add(name)
    return found.pop() if len(found) == 1 else acronym


def last_organisation(ctx: Context, noun: str, before: int) -> str | None:
    """The last organisation of the noun's kind named before offset ``before`` ("the ministry",
    "the company"), or None."""
    kind = org_kinds().get(noun)
    if kind is None:
        return None
    found = fallback = None
    for at, name, k in ctx.orgs:
        if at >= before:
            break
        if k == kind:
            found = name
        elif k == "named":
            fallback = name
    # "Walmart said ... the retailer's sales": a company is the organisation named last
    return found or (fallback if kind == "company" else None)


def _looks_like_person(words: list[Tok], vocab: Vocabulary) -> bool:
    caps = [w for w in words if w.cap]
    return len(caps) >= 1 and words[-1].cap and words[-1].low not in vocab.claimant_nouns and \
        not any(w.low in org_words() for w in words) and \
        not any(w.text.isupper() and len(w.text) > 1 for w in words) and not any(
            (w.text,) in vocab.places or (w.text,) in vocab.aliases for w in words)


def _headed_by(name: str, nouns: frozenset[str]) -> bool:
    return name.split()[-1].lower() in nouns


def attribute(ctx: Context, claimants: list[Claimant], at: int) -> tuple[str, tuple[str, ...]]:
    """(original claimant, relay chain with the original first) for a figure at offset ``at``."""
    outlet = ctx.article.outlet or ""
    if len(claimants) > 12:  # a run-on "sentence" with many speakers: only those near the figure
        claimants = [c for c in claimants if abs(c.start - at) < 600]
    own = next((c for c in claimants if c.object_of == at), None)
    if outlet and claimants and _outlet_arithmetic(ctx.article.text, at):
        return outlet, (outlet,)
    if own:
        return own.name, (own.name, outlet) if outlet and outlet != own.name else (own.name,)
    usable = [c for c in claimants if (c.start <= at or c.lead_ok) and c.object_of < 0]
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
        # "X claims 2.8 million, against 1.27 million according to Y", "(81,000, according to the
        # prefecture)": a speaker after the figure in the figure's own contrast clause binds it
        bounds = _contrast_bounds(ctx.article.text)
        clause = bisect_right(bounds, at)
        if not any(c.start <= at and bisect_right(bounds, c.start) == clause for c in speakers):
            mine = [c for c in speakers if c.start > at and bisect_right(bounds, c.start) == clause]
            if mine:
                main = mine[0]
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


# ", an increase of 20%", ", seventeen times less than ...": the outlet's comparison of the figures
_CHANGE_BEFORE = re.compile(r",\s+(?:that is,?\s+)?(?:an?\s+)?(?:\w+\s+)?(?:increase|rise|drop|fall|decrease|decline|"
                            r"jump|gain|growth|surge|hike)\s+of\s+(?:about\s+|around\s+|nearly\s+|almost\s+)?$")
# "two weeks after the flames", "devastated by nearly 12 years of civil war": the outlet's framing
_BACKGROUND_SPAN = re.compile(r"(?:(?:nearly|almost|about|around|some|more than|over)\s+)?[\w.,-]+\s+"
                              r"(?:hours?|days?|weeks?|months?|years?|decades?)\s+(?:after|of|since|ago|later)\b")
_TIMES_AFTER = re.compile(r"[\w.-]+\s+times\s+(?:less|more|fewer|higher|lower|greater|smaller|larger|bigger)\b")


def _outlet_arithmetic(text: str, at: int) -> bool:
    """A change or ratio put after a claimant's figure, after a comma: the outlet's arithmetic."""
    if _CHANGE_BEFORE.search(text, max(0, at - 60), at) or _BACKGROUND_SPAN.match(text, at):
        return True
    return text[max(0, at - 2):at] == ", " and _TIMES_AFTER.match(text, at) is not None


# Words and marks that open a contrasting clause with its own claimant: "..., against 1.27 million
# according to the ministry", "..., while the CGT claimed 23,000", "(81,000, according to the police)"
_CONTRAST = re.compile(r"\b(?:while|whereas|when|against|versus|vs)\b|[();]")


@lru_cache(maxsize=16)
def _contrast_bounds(text: str) -> tuple[int, ...]:
    """Offsets where a contrasting clause starts (or a parenthesis closes), in order."""
    return tuple(m.start() for m in _CONTRAST.finditer(text))


def _is_according(ctx: Context, c: Claimant) -> bool:
    return ctx.article.text.startswith("ccording", c.start + 1)
