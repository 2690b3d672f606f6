"""Claimants across sentences: a quoted sentence takes the speaker of its quotation, a bulleted finding
the speaker of its lead-in, a breakdown of a count the source of that count, an unsigned report the
body quoted next, and a statistics release's unsourced figures the statistics body the article cites."""
from __future__ import annotations

import re
from functools import lru_cache

from figures.context import Claimant, Context, Read, org_kinds
from figures.lexicon import TIME_WORDS, org_words
from figures.name_resolution import is_statistics_body
from figures.sentences import Sentence
from figures.tokens import Tok
from figures.word_classes import word_class

__all__ = ["inherit_quoted"]


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
        if not claimants and idxs and k and _continues_count(reads[k - 1], toks) and not _quoted(text, sent):
            # "X said 940 died. In the last 24 hours, 35 were killed, 20 in A and 15 in B": X's count
            source = next(c for c in reversed(reads[k - 1].claimants) if c.role != "relay")
            claimants.append(Claimant(source.name, -1, "speaker", source.is_person, True, False, source.day))
        bullet = _bulleted(text, sent)
        if not bullet:
            lead_in = last if _introduces_findings(ctx, sent.text) else None
        if claimants:
            last = next((c for c in reversed(claimants) if c.role != "relay"), last)
            continue
        if bullet and lead_in:
            claimants.append(Claimant(lead_in.name, -1, "speaker", lead_in.is_person, True, False, lead_in.day))
            continue
        if last and idxs and _opens_with_document(ctx, toks) and not _names_another(ctx, toks, last.name):
            # "The estimate includes 26,000 ...": the document just quoted, so its author (not
            # "The numbers indicate ... when the Fed cut rates by 50 basis points": another actor's)
            claimants.append(Claimant(last.name, -1, "speaker", last.is_person, True, False, last.day))
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


def _continues_count(before: Read, toks: list[Tok]) -> bool:
    """A sentence that names no one and breaks down the count the sentence right before it gave
    with its source ("... died, the agency said. Of them, 8 were in A and 2 in B", "In the last 24
    hours, 28 people, including 11 children, were killed"): wire copy goes on with the same tally."""
    counts = [t.start for t in before.toks if t.fig >= 0]
    figures = [k for k, t in enumerate(toks) if t.fig >= 0]
    parts = sum(_placed(toks, k) for k in figures)  # "8 died in A and 2 in B", "A (8), B (2)"
    if not counts:
        # "Post-mortems are pending, it said. The dead included 8 from A and 2 from B": the source
        # speaking just before, with no figure, goes on with its list of places
        return parts >= 2 and any(c.role != "relay" and c.start >= 0 for c in before.claimants)
    # the source gave a figure of that sentence (not "the toll reached 900 as forecasters predicted rain")
    if not any(c.role != "relay" and c.start >= 0 and (c.lead_ok or c.start < counts[-1])
               for c in before.claimants):
        return False
    including = any(t.low in INCLUDING and toks[k + 1].fig >= 0 for k, t in enumerate(toks[:-1]))
    return parts >= 2 or including or (bool(figures) and _in_place(toks, 0))


# Words that open the parts of a count: "including 11 children", "the dead included 17 from A"
INCLUDING = frozenset("including include includes included".split())


def _placed(toks: list[Tok], fig: int) -> bool:
    """The figure at ``fig`` is counted "in" or "from" a named place within its clause: "306 in A",
    "8 people died in A", "17 from A", or stands in brackets after it: "A (8), B (2)"."""
    if 1 < fig + 1 < len(toks) and toks[fig - 1].text == "(" and toks[fig + 1].text == ")" \
            and toks[fig - 2].word and toks[fig - 2].cap:
        return True
    if _from_place(toks, fig + 1) or _from_place(toks, fig + 2) and toks[fig + 1].low == "each":
        return True
    for k in range(fig + 1, min(len(toks), fig + 6)):
        if _in_place(toks, k):
            return True
        if not toks[k].word:
            return False
    return False


def _from_place(toks: list[Tok], k: int) -> bool:
    """"from A", "from capital A" starts at ``k``, right after a figure: where the counted came from."""
    if k + 1 >= len(toks) or toks[k].low != "from":
        return False
    name = toks[k + 2] if not toks[k + 1].cap and k + 2 < len(toks) else toks[k + 1]
    return name.word and name.cap and name.low not in TIME_WORDS and name.text != "May"


def _in_place(toks: list[Tok], k: int) -> bool:
    """"in A", "in the A region" starts at ``k`` (not "in March")."""
    if k + 1 >= len(toks) or toks[k].low != "in":
        return False
    name = toks[k + 2] if toks[k + 1].low == "the" and k + 2 < len(toks) else toks[k + 1]
    return name.word and name.cap and name.low not in TIME_WORDS and name.text != "May"


def _credit_release(ctx: Context, reads: list[Read]) -> None:
    """A statistics release read out: once a statistics body has spoken ("the Labor Department
    said", "according to the Bureau of Labor Statistics"), the unsourced figures that follow about
    what it measures (payrolls, the jobless rate, revisions) go on with its release, until someone
    else is named as a source ("Economists had forecast 160,000"): from there on the writer speaks,
    and figures given before the body spoke (the lede) are the writer's summary. A sentence that
    names another organisation or person ("after the Federal Reserve lowered its rate by 50 basis
    points") or is quoted keeps the outlet."""
    text = ctx.article.text
    body: Claimant | None = None  # the statistics body, while it is the last source named
    for read in reads:
        named = [c for c in read.claimants if c.start >= 0 and c.role != "relay"]
        if named:
            last = named[-1]
            body = last if not last.is_person and is_statistics_body(last.name) else None
            continue
        if body is None or read.claimants or not read.idxs or not read.toks or _quoted(text, read.sent):
            continue
        if _names_another(ctx, read.toks, body.name) or not _names_statistic(ctx, read.toks):
            continue
        read.claimants.append(Claimant(body.name, -1, "speaker", False, True, False, None))


# Words that name what statistics bodies measure: a release's figures are about these ("inflation",
# "payrolls", "the jobless rate"); "one more rate cut" priced in by markets is not
STATISTIC_WORDS = word_class("claimant_words.tsv", "statistic_word")


def _names_statistic(ctx: Context, toks: list[Tok]) -> bool:
    """The sentence names a measured statistic: a word of ``statistic_word`` or a statistic's name."""
    statistics = _statistic_names(ctx.article.text, tuple(sorted(ctx.acronyms.items())))
    return any(t.low in STATISTIC_WORDS or t.text in statistics for t in toks)


def _names_another(ctx: Context, toks: list[Tok], body: str) -> bool:
    """The sentence has a capitalised word, after its first, that is not a place, a month or day, or
    part of the body's name: it names someone else."""
    own = set(body.split())
    statistics = _statistic_names(ctx.article.text, tuple(sorted(ctx.acronyms.items())))
    for k, t in enumerate(toks[1:], 1):
        if t.fig >= 0 or not t.word or not t.cap or _names_a_measure(toks, k):
            continue
        word = t.text.removesuffix("’s").removesuffix("'s")
        if word.lower() in TIME_WORDS or word.lower() == "may" or word in own or word in ctx.vocab.place_names \
                or word.rstrip(".") in ctx.vocab.place_names \
                or word in statistics:
            continue
        return True
    return False


def _names_a_measure(toks: list[Tok], k: int) -> bool:
    """A capital that names a part of a statistic, not a party: a category before its statistic word
    ("Food inflation", "Core prices"), or a term set in brackets or quotation marks ("(Y/Y)",
    "the ‘Shopping Basket’")."""
    after = next((t for t in toks[k + 1:] if t.word and not t.cap), None)
    if after is not None and after.low in STATISTIC_WORDS and all(t.word and t.cap for t in toks[k:toks.index(after)]):
        return True
    before = "".join(t.text for t in toks[:k] if t.text in ("(", ")", "‘", "’", "“", "”"))
    return before.count("(") > before.count(")") or before.count("‘") > before.count("’") \
        or before.count("“") > before.count("”")


# Document nouns that name a number, not a document: "The figure amounts to £2m each" is arithmetic on it
NUMBER_NOUNS = word_class("claimant_words.tsv", "number_noun")
_DEFINITE = frozenset("the this these its their".split())


def _opens_with_document(ctx: Context, toks: list[Tok]) -> bool:
    """The sentence opens with a definite document of no named author: "The estimate includes",
    "These figures also show" (not "The report by the UN", "The Reuters tally")."""
    if len(toks) < 3 or toks[0].low not in _DEFINITE:
        return False
    for k in range(1, min(4, len(toks) - 1)):
        t = toks[k]
        if t.low in ctx.vocab.document_nouns and not t.cap and t.low not in NUMBER_NOUNS:
            return toks[k + 1].low not in ("of", "from", "by", "'s")
        if t.cap or not t.word or t.fig >= 0:
            return False
    return False


# Nouns that end a statistic's name: "Consumer Prices Index", "Retail Prices Index (RPI)"
STATISTIC_NOUNS = word_class("claimant_words.tsv", "statistic_noun")
_CAPITAL_RUN = re.compile(r"(?:[A-Z][\w'’-]*[ \t]+)+([A-Z][\w'’-]*)")


@lru_cache(maxsize=16)
def _statistic_names(text: str, acronyms: tuple[tuple[str, str], ...]) -> frozenset[str]:
    """The words of the statistics an article names, and their acronyms: a statistics release may
    name its measures ("CPI", "Retail Prices Index") without naming anyone else."""
    words: set[str] = set()
    for m in _CAPITAL_RUN.finditer(text):
        if m.group(1).lower() in STATISTIC_NOUNS:
            words.update(m.group().split())
    for acronym, name in acronyms:
        if name.split()[-1].lower() in STATISTIC_NOUNS:
            words.add(acronym)
    return frozenset(words)


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
