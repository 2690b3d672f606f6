"""From the words that name a claimant to the name the article gives: acronyms spelled out, honorifics
dropped, surnames completed, and descriptions resolved ("the home secretary" -> the holder the
article names, "the public spending watchdog" -> "National Audit Office", "the ministry" -> the
last ministry named)."""
from __future__ import annotations

import re
from functools import cache, lru_cache

from figures.context import Context, org_kinds
from figures.lexicon import DETERMINERS, STOP, Vocabulary, data_map, org_words, title_words, vocabulary
from figures.tokens import Tok
from figures.word_classes import word_class

__all__ = ["described", "is_statistics_body", "last_organisation", "looks_like_person", "names_places", "resolve_name",
           "statistics_body"]


def resolve_name(ctx: Context, words: list[Tok]) -> str:
    """Acronyms spelled out ("WHO" -> "World Health Organisation"), honorifics dropped and a
    surname completed from the article ("Ms Cooper" -> "Yvette Cooper"). A body the article also
    names by its letters carries them ("National Audit Office (NAO)"), whichever way a sentence
    names it, so that all its mentions are one claimant."""
    name = _resolved(ctx, words)
    letters = _letters_used(ctx.article.text, tuple(sorted(ctx.acronyms.items()))).get(name)
    return f"{name} ({letters})" if letters and letters not in _known_bodies() else name


@cache
def _letters_of_place() -> dict[str, str]:
    """canonical place -> the letters that also name it ("United States" -> "US"), the way a
    body's name is usually written ("US Geological Survey")."""
    out: dict[str, str] = {}
    for surface, canonical in vocabulary().place_names.items():
        if surface.isalpha() and surface.isupper() and len(surface) < len(out.get(canonical, surface + "_")):
            out[canonical] = surface
    return out


def _resolved(ctx: Context, words: list[Tok]) -> str:
    titles = title_words()
    if (len(words) == 1 and not words[0].cap) or (len(words) == 2 and words[1].low == "maker"):
        named = last_organisation(ctx, words[-1].low, words[0].start)  # "the authority", "the iPhone maker"
        if named:
            return named  # "the authority said": the authority named before
    if _generic_description(ctx, words):
        named = last_organisation(ctx, words[-1].low, words[0].start)
        if named:
            return named  # "the human rights organization said": the body named before
    named = described(ctx, [w.text for w in words], (words[0].start, words[-1].end))
    if named:
        return named  # "the public spending watchdog" -> "National Audit Office"
    # "Turkish disaster management agency AFAD", "police spokesperson Alana Pico": the name
    lower = [k for k, w in enumerate(words) if not w.cap and w.low not in STOP and w.low != "'s"
             and not w.text[:1].isdigit()]  # "the NDF's 2nd Division": an ordinal is part of the name
    if lower and lower[-1] < len(words) - 1 and (lower[-1] > 0 or words[0].low in org_kinds()) and all(
            w.cap for w in words[lower[-1] + 1:]):  # "the carmaker Ford" too
        words = words[lower[-1] + 1:]
    words = _without_place_phrase(_without_vague_modifier(words))
    words = _without_generic_description(ctx, words)
    country = _country_referred_to(ctx, words)
    if country:  # "the country's Health Ministry" -> "Azerbaijani Health Ministry"
        return " ".join([ctx.vocab.demonym_of[country], *(w.text for w in words[2:])])
    if len(words) == 1 and words[0].text.isupper() and len(words[0].text) > 1:
        return _spelled(ctx, words[0].text, known=True)  # "The U.N. says" -> "United Nations"
    # an acronym owning a longer name stays as written: "the SAF's 6th Infantry Division"
    parts = [_spelled(ctx, w.text) if w.text.isupper() and len(w.text) > 1 and not (
        k + 1 < len(words) and words[k + 1].low == "'s") else w.text for k, w in enumerate(words)]
    if len(parts) > 2 and " ".join(parts[:2]) in ctx.vocab.place_names:
        short = _letters_of_place().get(ctx.vocab.place_names[" ".join(parts[:2])])
        if short:
            parts = [short] + parts[2:]  # "United States Geological Service" -> "US Geological Service"
    while len(parts) > 1 and parts[0].lower().rstrip(".") in ("mr", "mrs", "ms", "dr", "miss", "prof"):
        parts = parts[1:]
    if _titled_surname(ctx, parts, titles):
        parts = parts[-1:]  # "President Baraka said", the article having named "Jomo Baraka": him
    if len(parts) == 1 and parts[0][:1].isupper() and not parts[0].isupper():
        full = ctx.names.get(parts[0])
        if full and full.split()[0].lower() not in DETERMINERS:  # not "A Reuters" from "A Reuters tally"
            return full
    head = parts[-1].lower().rstrip(".")
    # (not a body's word: "police" is the force, not its spokesperson)
    holder = ctx.titled.get(head, "") if not any(p[:1].isupper() for p in parts[-2:]) \
        and head not in org_words() else ""
    if holder and holder.split()[0].lower() not in STOP and holder not in ctx.vocab.place_names:
        return holder  # "Maui's police chief" -> the chief named in the article
    person = _particled_name(ctx.vocab, parts, titles) or _titled_person(ctx.vocab, parts, titles) \
        or _name_before_remit(ctx.vocab, parts, titles)
    if person:
        return person  # "the US Special Envoy for Sudan Tom Perriello" -> "Tom Perriello"
    if len(parts) >= 3 and parts[-1].lower() not in ctx.vocab.claimant_nouns:
        rest = list(parts)
        while len(rest) > 2 and (rest[0].lower().rstrip(".") in titles or rest[0] in ctx.vocab.place_names):
            rest = rest[1:]
        if len(rest) < len(parts) and all(p[:1].isupper() for p in rest):
            parts = rest  # "Ukrainian President Volodymyr Zelenskyy" -> "Volodymyr Zelenskyy"
    return " ".join(parts).replace(" 's", "'s").replace(" ’s", "’s")


def _titled_surname(ctx: Context, parts: list[str], titles: frozenset[str]) -> bool:
    """Titles, then one surname the article gives in full elsewhere ("President Baraka", "Gov.
    Lind"): a desk files the person under the full name, whatever title a sentence uses."""
    full = ctx.names.get(parts[-1], "") if len(parts) >= 2 else ""
    return len(full.split()) > 1 and full.split()[0].lower() not in DETERMINERS \
        and all(p.lower().rstrip(".") in titles for p in parts[:-1])


def _without_generic_description(ctx: Context, words: list[Tok]) -> list[Tok]:
    """A name, then lower-case words that say what kind of body it is ("the Red Crescent aid group",
    "Lakeland Relief humanitarian organisation"): the name, which is what the body is called. Not when
    the capitals are only a place or people ("Libyan aid group")."""
    k = next((k for k, w in enumerate(words) if not w.cap), len(words))
    if k == 0 or k == len(words) or org_kinds().get(words[-1].low) != GENERIC_KIND \
            or any(w.cap or w.fig >= 0 or not w.word for w in words[k:]):
        return words
    vocab = ctx.vocab
    if all(w.text in vocab.place_names or (w.text,) in vocab.aliases for w in words[:k]):
        return words
    return words[:k]


_CAPITALS = re.compile(r"[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*)*")


def _country_referred_to(ctx: Context, words: list[Tok]) -> str | None:
    """"the country's health ministry": the country named last before it in its sentence (else the
    country the article is about), so that the body is filed under its country, as a desk names it.
    None when the words do not open with "country's", name no body, or no country is at hand."""
    if len(words) < 3 or words[0].low != "country" or words[1].low not in ("'s", "’s") \
            or (words[-1].low not in org_kinds() and words[-1].low not in org_words()):
        return None  # (not "the country's Interior Minister Jo Lind": the person)
    text = ctx.article.text
    start = max(text.rfind(". ", 0, words[0].start), text.rfind("\n", 0, words[0].start)) + 1
    found = None
    for m in _CAPITALS.finditer(text, start, words[0].start):
        for name in (m.group(), *m.group().split()):
            country = ctx.vocab.place_names.get(name.removesuffix("'s").removesuffix("’s"))
            if country in ctx.vocab.countries and country in ctx.vocab.demonym_of:
                found = country
                break
    if found is None and ctx.main_subject in ctx.vocab.countries:
        found = ctx.main_subject
    return found if found in ctx.vocab.demonym_of else None


def _generic_description(ctx: Context, words: list[Tok]) -> bool:
    """"the human rights organization", "the aid group": lower-case words before a noun any body goes
    by, after "the" -- a body already named, not a new one ("a rights group said")."""
    before = ctx.article.text[max(0, words[0].start - 5):words[0].start].lower().split()
    return len(words) > 1 and bool(before) and before[-1] in ("the", "this") \
        and org_kinds().get(words[-1].low) == GENERIC_KIND and not any(w.cap for w in words)


_DEFINED_ACRONYM = re.compile(r"((?:[A-Z][\w'’-]*[ \t]+(?:(?:of|and|for|on|the|de)[ \t]+)*)+[A-Z][\w'’-]*)[ \t]*"
                              r"\(([A-Z]{2,8})\)")


@lru_cache(maxsize=16)
def _defined_acronyms(text: str) -> dict[str, str]:
    """acronym -> the capitalised name written right before it in parentheses, when the initials of
    the name's capitalised words start with the acronym's first letter and hold all its letters."""
    out = {}
    for m in _DEFINED_ACRONYM.finditer(text):
        name, acr = m.group(1), m.group(2)
        initials = "".join(w[0] for w in name.split() if w[:1].isupper())
        while initials and initials[0] != acr[0]:
            name, initials = name.split(maxsplit=1)[1] if " " in name else "", initials[1:]
        if initials and set(acr) <= set(initials):
            out.setdefault(acr, name.removeprefix("The ").removeprefix("the "))
    return out


@lru_cache(maxsize=16)
def _letters_used(text: str, acronyms: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """full name -> the acronym the article writes for it ("(OCHA)" after the name, or alone later),
    for the names of bodies (an organisation word in them, no place: not "United States (US)")."""
    places, kinds, words_of_org = vocabulary().place_names, org_kinds(), org_words()
    out = {}
    for acr, full in [*acronyms, *((a, f) for f, a in ((v, k) for k, v in _defined_acronyms(text).items()))]:
        name = full.removeprefix("The ").removeprefix("the ")
        if len(acr) > 1 and acr.isupper() and name not in places and any(
                w.lower() in kinds or w.lower() in words_of_org for w in name.split()) \
                and re.search(r"\b" + re.escape(acr) + r"\b", text):
            out[name] = acr
    return out


def _titled_person(vocab: Vocabulary, parts: list[str], titles: frozenset[str]) -> str | None:
    """A title, then a remit ("for Sudan", "of the Treasury"), then a person's name: the name (two
    words, three right after a title), when it names no place, body or title."""
    if len(parts) < 4 or any(p.lower() in vocab.claimant_nouns for p in parts[-2:]):
        return None
    for size in (3, 2):
        name, before = parts[-size:], parts[:-size]
        if size == 3 and before[-1].lower().rstrip(".") not in titles:
            continue
        if all(w[:1].isupper() and not w.isupper() and w.lower().rstrip(".") not in titles
               and w.lower() not in org_words() and w not in vocab.place_names for w in name) \
                and any(w.lower().rstrip(".") in titles for w in before) and before[-1].lower() not in ("of", "and"):
            return " ".join(name)
    return None


# Lower-case particles inside personal names: "bin" in "Ali bin Salem Al-Noor", "van der" in "Ilse van der Berg"
NAME_PARTICLES = word_class("claimant_words.tsv", "name_particle")


def _particled_name(vocab: Vocabulary, parts: list[str], titles: frozenset[str]) -> str | None:
    """A title, then a name holding a lower-case particle ("Minister Ali bin Salem Al-Noor"): the
    whole name, particle and all; counting its words, as for a plain name, would cut it at the particle."""
    k = len(parts)
    while k > 0 and (parts[k - 1] in NAME_PARTICLES or (
            parts[k - 1][:1].isupper() and not parts[k - 1].isupper() and parts[k - 1].lower().rstrip(".") not in titles
            and parts[k - 1].lower() not in org_words() and parts[k - 1] not in vocab.place_names)):
        k -= 1
    name = parts[k:]
    if k == 0 or parts[k - 1].lower().rstrip(".") not in titles or not any(p in NAME_PARTICLES for p in name[1:-1]):
        return None
    return " ".join(name)


# Prepositions that open the remit after a titled name: "minister Jo Lind of the northern government"
REMIT_OPENERS = frozenset("of for at from".split())


def _name_before_remit(vocab: Vocabulary, parts: list[str], titles: frozenset[str]) -> str | None:
    """A title, a person's name, then a lower-case remit ("interior minister Jo Lind of the
    northern government", "President Ana Ruiz of Norland"): the name (two or three words)."""
    for k, part in enumerate(parts[:-3]):
        if part.lower().rstrip(".") not in titles:
            continue
        for size in (3, 2):
            name = parts[k + 1:k + 1 + size]
            after = parts[k + 1 + size:k + 2 + size]
            if len(name) == size and after and after[0] in REMIT_OPENERS and all(
                    w[:1].isupper() and not w.isupper() and w.lower().rstrip(".") not in titles
                    and w.lower() not in org_words() and w not in vocab.place_names for w in name):
                return " ".join(name)
    return None


# Words before a title that make its holder another person than "the home secretary" now in office
OTHER_HOLDER = word_class("claimant_words.tsv", "other_holder")
# Words in a description that say nothing about which holder or body is meant
NEUTRAL = word_class("claimant_words.tsv", "neutral")
HONORIFICS = word_class("claimant_words.tsv", "honorific")


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
    if head in titles and head not in HONORIFICS and head not in org_words() and all(
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
    before = ctx.article.text[max(0, span[0] - 8):span[0]]
    # a bare plural ("a report by researchers") introduces its body too
    indefinite = re.search(r"\b[Aa]n?\s*$", before) is not None or (
        head.endswith("s") and not mods and re.search(r"\b(?:[Tt]he|[Tt]hese|[Tt]hose|[Ii]ts|[Tt]heir)\s*$", before) is None)
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
    for m, pos, words, last in _pieces(text, titles):
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
        kind_after = _KIND_AFTER.match(text, m.end()) if last else None
        if kind_after and kind_after.group(1) in kinds and not name.endswith((",", ".")):
            name, words = f"{name} {kind_after.group(1)}", words + [kind_after.group(1)]  # "the CGT union"
        if len(words) == 1 and name.isupper() and len(name) > 1 and name not in vocab.place_names:
            full = spelled.get(name)
            out.append((pos, full or name, owner, _kinds_of(full or name, kinds)))
        elif len(words) >= 2 and any(w.lower().strip(".,") in words_of_org or w.lower().strip(".,") in kinds
                                     or (w.isupper() and len(w) > 1) for w in words):
            out.append((pos, name, owner, _kinds_of(name, kinds)))
    return tuple(out)


def _pieces(text: str, titles: frozenset[str]):
    """(match, offset, words, is the run's last piece) of each capitalised run, cut where a sentence
    ends inside it ("in March. The Office for National Statistics" -> "March.", "The Office ...")."""
    for m in _BODY_RUN.finditer(text):
        words = m.group().split()
        pos = m.start()
        while words:
            piece = _first_sentence(words, titles)
            yield m, pos, piece, len(piece) == len(words)
            words = words[len(piece):]
            if words:
                pos = text.index(words[0], pos + len(" ".join(piece)))


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


# Modifiers that say nothing of who a claimant is: "a local resistance committee"
VAGUE_MODIFIERS = word_class("claimant_words.tsv", "vague_modifier")


def _without_vague_modifier(words: list[Tok]) -> list[Tok]:
    lead = 0
    while lead < len(words) - 1 and (words[lead].low in DETERMINERS or words[lead].low in VAGUE_MODIFIERS):
        lead += 1
    # "local police" stays: one word left would say less than the phrase
    return words[lead:] if len(words) - lead >= 2 and any(w.low in VAGUE_MODIFIERS for w in words[:lead]) else words


def _without_place_phrase(words: list[Tok]) -> list[Tok]:
    """"Police in Hawaii", "the division in El Fasher": where a claimant is is no part of its name."""
    for k in range(len(words) - 2, 0, -1):
        if words[k].low == "in" and all(w.cap for w in words[k + 1:]):
            return words[:k]
    return words


@cache
def _known_bodies() -> dict[str, str]:
    """acronym -> name (``data/known_bodies.tsv``): "UN" -> "United Nations"."""
    return data_map("known_bodies.tsv")


def _spelled(ctx: Context, acronym: str, known: bool = False) -> str:
    """"AFAD" -> "Disaster and Emergency Management Authority" when the article spells it out; with
    ``known``, "U.N." -> "United Nations" when it does not."""
    plain = acronym.replace(".", "")
    full = ctx.acronyms.get(acronym) or ctx.acronyms.get(plain) or _by_initials(ctx, plain)
    defined = _defined_acronyms(ctx.article.text).get(plain)
    if defined and (full == plain or defined.endswith(full)):
        full = defined  # "Commission on Human Rights (KNCHR)": the whole name, not "Human Rights"
    if known and full == plain:
        full = _known_bodies().get(plain, acronym)
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


def looks_like_person(words: list[Tok], vocab: Vocabulary) -> bool:
    """A capitalised name that is no organisation, acronym or place: "Jane Doe", not "Red Cross"."""
    caps = [w for w in words if w.cap]
    return len(caps) >= 1 and words[-1].cap and words[-1].low not in vocab.claimant_nouns and \
        not any(w.low in org_words() for w in words) and \
        not any(w.text.isupper() and len(w.text) > 1 for w in words) and not any(
            (w.text,) in vocab.places or (w.text,) in vocab.aliases for w in words)


def names_places(ctx: Context, name: str) -> bool:
    """"Valdor", "Valdor and Eastmark": every part of the name is a capitalised name with no
    organisation word that the article also writes as where something is ("died in Valdor")."""
    parts = re.split(r",\s*|\s+and\s+", name)
    return all(p[:1].isupper() and not any(w.lower() in org_words() or w.lower() in org_kinds()
                                           or w.lower() in ctx.vocab.claimant_nouns for w in p.split())
               and _written_as_place(ctx.article.text, p) for p in parts)


@lru_cache(maxsize=256)
def _written_as_place(text: str, name: str) -> bool:
    return re.search(r"\b(?:in|across|across the|in the) " + re.escape(name) + r"\b(?! of\b)", text) is not None


# Words that make a named body a producer of official statistics ("U.S. Bureau of Labor Statistics",
# "Labor Department", "Census Bureau", "Office for National Statistics", "Statistics Canada")
STATISTICS_BODY = word_class("claimant_words.tsv", "statistics_body")


def is_statistics_body(name: str) -> bool:
    """A named statistics body ("Labor Department", "Statistics Canada"), or one described by what it
    does ("the statistics department said", "the census bureau"), not by its kind alone ("the department")."""
    words = [w.lower().strip(".,") for w in name.split()]
    if name[:1].isupper():
        return any(w in STATISTICS_BODY for w in words)
    return len(words) > 1 and any(w in STATISTICS_BODY and w not in org_kinds() for w in words)


def statistics_body(ctx: Context, at: int) -> str | None:
    """The statistics body the article names ("official figures show" -> "Office for National
    Statistics"): the last named before offset ``at``, else the first after it."""
    found = [(pos, name) for pos, name, _, _ in _bodies(ctx.article.text, tuple(sorted(ctx.acronyms.items())))
             if is_statistics_body(name) and len(name.split()) > 1]
    found = [(pos, name.removeprefix("The ")) for pos, name in found]
    return _pick(found, at)


# Kinds of body a generic noun may refer back to: "the agency" for a bureau, an authority, a commission
AKIN_KINDS = {"agency": frozenset(word_class("claimant_words.tsv", "agency_like"))}


# The kind every body is of: "the body", "the group", "the organisation" may be any organisation
GENERIC_KIND = "organisation"


def _last_body(ctx: Context, before: int) -> str | None:
    """The organisation that spoke last before offset ``before``: "Amnesty said 35 were arrested.
    The body said 200 were hurt" -- a generic noun names the body the reader has just heard from."""
    last = ctx.last_claimant
    if last is None or last.is_person or last.start >= before:
        return None
    named = last.name[:1].isupper() and last.name not in ctx.vocab.place_names  # not "officials", "Kenya"
    return last.name if named else None


def last_organisation(ctx: Context, noun: str, before: int) -> str | None:
    """The last organisation of the noun's kind named before offset ``before`` ("the ministry",
    "the company"), or None."""
    kind = org_kinds().get(noun)
    if kind is None:
        return None
    found = fallback = akin = None
    for at, name, k in ctx.orgs:
        if at >= before:
            break
        if k == kind:
            found = name
        elif k == "named":
            fallback = name
        elif kind in AKIN_KINDS and k in AKIN_KINDS[kind]:
            akin = name  # "the Census Bureau said ... The agency said": a bureau is an agency
    found = found or akin
    if kind == GENERIC_KIND:
        return _last_body(ctx, before) or found or fallback
    # "Walmart said ... the retailer's sales": a company is the organisation named last; "UNICEF
    # said ... The agency said": any body is the organisation that spoke last
    last = ctx.last_claimant.name if ctx.last_claimant else None
    return found or (fallback if kind == "company" or (fallback and fallback == last) else None)
