"""Subject folding: one quantity reported under the names of nested places ("Lahaina", "Maui",
"Hawaii") is compared as one, when the articles using the smaller name also name the larger
one and no article gives the two disjoint figures."""
from __future__ import annotations

import logging
import re
from collections import Counter
from functools import cache

import numpy as np
import pandas as pd

from figures.codes import column_codes, distinct, distinct_count
from figures.lexicon import data_lines, vocabulary

log = logging.getLogger(__name__)

# Predicates whose subject is one person, never folded into another subject.
UNFOLDED_PREDICATES = frozenset({"age"})
# Subjects naming several places ("Turkey and Syria") are never folded into one of them.
COMPOUND_SUBJECT = re.compile(r"\band\b|,|&|/")
WORDS = re.compile(r"[a-z0-9]+")
SEPARATED_WORDS = re.compile(r"[a-z0-9]+|\x00")  # words, and the separator of joined texts
TEXT_CHUNK = 100_000  # distinct texts read for names at a time


def fold_subjects(w: pd.DataFrame, df: pd.DataFrame) -> bool:
    """One quantity reported under the names of nested places ("Lahaina", "Maui", "Hawaii"):
    within a block of claims that match on every other key field, a subject is folded into
    the block's subject with more articles when the articles using it name that subject (in
    the title or a claim's sentence) and no article gives the two subjects disjoint figures
    (an article that states both apart, "Turkey 3,000, Syria 1,000", keeps them apart). A
    subject naming several places is never folded. Returns whether any subject changed."""
    subj = w["k_subject"].to_numpy()
    s_codes, s_uniques = pd.factorize(subj)  # one test per distinct subject, not per claim
    real_subject = np.array([not str(u).startswith("article:") for u in s_uniques] + [False], dtype=bool)
    real = real_subject[s_codes]  # code -1 (no subject) reads the appended False
    if real.sum() < 2:
        return False
    block = column_codes(w, ["k_scope", "k_predicate", "k_entity", "k_markers", "k_modality", "k_unit", "k_change"])
    # a person's age is that person's: no place or name nests in another for it
    rows = real & np.isfinite(w["lo"].to_numpy()) & w["k_predicate"].notna().to_numpy() \
        & ~np.isin(w["k_predicate"].to_numpy(), list(UNFOLDED_PREDICATES))
    # blocks where two or more subjects report: distinct (block, subject) pairs counted per block
    subjects_in = distinct_count(block[rows], s_codes[rows], int(block.max()) + 1)
    rows &= subjects_in[block] >= 2
    art = w["art"].to_numpy()
    t = pd.DataFrame({"b": block[rows], "s": s_codes[rows], "a": art[rows], "lo": w["lo"].to_numpy()[rows],
                      "hi": w["hi"].to_numpy()[rows]})
    if t.empty:
        return False
    link_a, link_s = _named_in(w, df, real, s_codes, s_uniques, distinct(t["a"].to_numpy()))
    if not len(link_a):
        return False
    fb, fs, fx = _fold_targets(t, link_a, link_s, s_uniques)
    if not len(fb):
        return False
    width = len(s_uniques) + 1  # a row without a subject (code -1) matches no (block, subject)
    at = pd.Index(fb * width + fs).get_indexer(block.astype(np.int64) * width + s_codes)
    folded = at >= 0
    new_subj = subj.astype(object, copy=True)
    new_subj[folded] = np.asarray(s_uniques, dtype=object)[fx[at[folded]]]
    w["k_subject"] = new_subj
    log.debug("subjects folded into a containing one: %s",
              sorted(set(zip(zip(fb.tolist(), (s_uniques[i] for i in fs.tolist())), (s_uniques[i] for i in fx.tolist())))))
    return True


def _named_in(w: pd.DataFrame, df: pd.DataFrame, real: np.ndarray, s_codes: np.ndarray, s_uniques,
              arts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(article, subject code) pairs, unique: the subjects each article names. A title names the article's places; a sentence is
    evidence of nesting only when it names two of the subjects ("the town of Lahaina on Maui"),
    not when it names one of them. Each distinct text is read once, however many articles
    carry it."""
    n = len(w)
    art = w["art"].to_numpy()
    wanted = np.isin(art, arts)
    names = _subject_names(df, real, s_codes, s_uniques)
    found_a, found_s = [], []
    titles = df["title"].to_numpy() if "title" in df else np.full(n, None, dtype=object)
    for values, needs_two in ((w["sentence"].to_numpy(), True), (titles, False)):
        codes, uniques = pd.factorize(values[wanted])  # a missing text (code -1) names nothing
        text, sub = _texts_naming([u if isinstance(u, str) else str(u) for u in uniques], names)
        if not len(text):
            continue
        per_text = np.bincount(text, minlength=len(uniques))
        ok = per_text >= 2 if needs_two else per_text >= 1
        has = codes >= 0
        a, u = art[wanted][has], codes[has]
        keep = ok[u]
        pairs = distinct(a[keep].astype(np.int64) * len(uniques) + u[keep])
        if not len(pairs):
            continue
        # each (article, text) pair takes every subject its text names
        by_text = np.argsort(text, kind="stable")
        first = np.searchsorted(text[by_text], pairs % len(uniques))
        count = per_text[pairs % len(uniques)]
        take = by_text[np.repeat(first, count) + _ranks(count)]
        found_a.append(np.repeat(pairs // len(uniques), count))
        found_s.append(sub[take])
    if not found_a:
        return np.array([], dtype=np.int64), np.array([], dtype=np.int64)
    width = len(s_uniques) + 1
    pairs = distinct(np.concatenate(found_a) * width + np.concatenate(found_s))
    return pairs // width, pairs % width


def _subject_names(df: pd.DataFrame, real: np.ndarray, s_codes: np.ndarray, s_uniques) -> list[tuple[tuple[str, ...], int]]:
    """(words, subject code) for each way a subject is written: its key and its raw spelling."""
    raw = df["subject"].to_numpy()[real] if "subject" in df else np.full(int(real.sum()), None, dtype=object)
    missing = pd.isna(raw)
    spelled = raw.astype(object, copy=True)
    spelled[missing] = ""  # no spelling names nothing (its str(), "nan"/"none", would match such words)
    r_codes, r_uniques = pd.factorize(spelled)
    sc = s_codes[real].astype(np.int64)
    _, first = np.unique(sc * (len(r_uniques) + 1) + r_codes, return_index=True)
    names: dict[tuple[tuple[str, ...], int], None] = {}  # ordered, without repeats
    for s, r in zip(sc[first].tolist(), r_codes[first].tolist()):
        sub = s_uniques[s]
        for x in (sub, str(r_uniques[r]).lower()):
            ws = tuple(WORDS.findall(x))
            if ws:
                names[ws, s] = None
    return list(names)


def _texts_naming(texts: list[str], names: list[tuple[tuple[str, ...], int]]) -> tuple[np.ndarray, np.ndarray]:
    """(text, subject code) pairs, unique: the texts (read lowercased, as words) that hold every
    word of one of the subject's names. Words are integer codes; a text is a candidate for a
    name only when it holds the name's rarest word, so this costs the words read, not texts
    times names."""
    if not texts or not names:
        return np.array([], dtype=np.int64), np.array([], dtype=np.int64)
    vocab = pd.Index(["\x00"] + sorted({x for ws, _ in names for x in ws}))  # code 0: a text boundary
    code = {x: i for i, x in enumerate(vocab)}
    used = Counter(x for ws in {ws for ws, _ in names} for x in set(ws))
    width = max(len(ws) for ws, _ in names)
    words = np.full((len(names), width), -1, dtype=np.int64)
    for j, (ws, _) in enumerate(names):
        words[j, :len(ws)] = [code[x] for x in ws]
    rare = np.array([code[min(ws, key=lambda x: (used[x], ws.index(x)))] for ws, _ in names], dtype=np.int64)
    subject = np.array([s for _, s in names], dtype=np.int64)
    by_rare = np.argsort(rare, kind="stable")
    rare_sorted = rare[by_rare]
    v = len(vocab)
    found_text, found_sub = [], []
    for at in range(0, len(texts), TEXT_CHUNK):
        chunk = texts[at:at + TEXT_CHUNK]
        joined = "\x00".join(chunk)
        if joined.count("\x00") != len(chunk) - 1:  # a text holding the separator: it is no word anyway
            joined = "\x00".join(x.replace("\x00", " ") for x in chunk)
        tokens = vocab.get_indexer(SEPARATED_WORDS.findall(joined.lower()))
        tid = np.cumsum(tokens == 0)
        known = tokens > 0
        keys = distinct(tid[known] * v + tokens[known])  # (text, word) pairs, sorted
        k_text, k_word = keys // v, keys % v
        lo, hi = np.searchsorted(rare_sorted, k_word, "left"), np.searchsorted(rare_sorted, k_word, "right")
        count = hi - lo
        c_text = np.repeat(k_text, count)
        c_name = by_rare[np.repeat(lo, count) + _ranks(count)]
        ok = np.ones(len(c_name), dtype=bool)
        for k in range(width):
            need = words[c_name, k]
            probe = c_text * v + need
            pos = np.minimum(np.searchsorted(keys, probe), len(keys) - 1)
            ok &= (need < 0) | (keys[pos] == probe)
        found_text.append(c_text[ok] + at)
        found_sub.append(subject[c_name[ok]])
    pairs = distinct(np.concatenate(found_text) * (int(subject.max()) + 1) + np.concatenate(found_sub))
    return pairs // (int(subject.max()) + 1), pairs % (int(subject.max()) + 1)


def _subject_mask(s_uniques, codes: np.ndarray, width: int, test) -> np.ndarray:
    """A mask over subject codes: which of ``codes`` name a subject that passes ``test``."""
    out = np.zeros(width, dtype=bool)
    out[codes] = [test(str(s_uniques[i])) for i in codes.tolist()]
    return out


def _is_country(subject: str) -> bool:
    return subject in _country_names()  # data/places.tsv


def _is_named_event(subject: str) -> bool:
    return subject.startswith(_event_titles())  # "hurricane mira"


@cache
def _event_titles() -> tuple[str, ...]:
    return tuple(t.lower() + " " for t in data_lines("named_events.txt"))


@cache
def _country_names() -> frozenset[str]:
    return frozenset(c.lower() for c in vocabulary().countries)


def _ranks(count: np.ndarray) -> np.ndarray:
    """0, 1, ..., c-1 for each c in ``count``, concatenated."""
    total = int(count.sum())
    return np.arange(total) - np.repeat(np.cumsum(count) - count, count)


def _fold_targets(t: pd.DataFrame, link_a: np.ndarray, link_s: np.ndarray, s_uniques) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(block, subject, target): the subject each (block, subject) folds into, as codes.

    A subject folds into a subject of its block with more articles that one of its articles
    names, is not compound, and that no shared article gives disjoint figures; among several,
    the one with most articles (then the first by name). All on integer codes; ``link_a`` and
    ``link_s`` are the (article, subject) pairs of the subjects each article names."""
    none = (np.array([], dtype=np.int64),) * 3
    per = t.groupby(["b", "s", "a"], sort=False).agg(lo=("lo", "max"), hi=("hi", "min")).reset_index()
    b, s, a = (per[c].to_numpy(dtype=np.int64) for c in ("b", "s", "a"))
    width = len(s_uniques) + 1
    pair_keys = distinct(b * width + s)  # the (block, subject) pairs, sorted
    pair_of = np.searchsorted(pair_keys, b * width + s)
    n_arts = np.bincount(pair_of, minlength=len(pair_keys))  # articles per (block, subject)
    # candidates: each (block, subject, article) with every subject its article names
    reporting = np.zeros(width, dtype=bool)
    reporting[s] = True  # a named subject that reports in none of these blocks is no target
    useful = reporting[link_s]
    link_a, link_s = link_a[useful], link_s[useful]
    by_a = np.argsort(link_a, kind="stable")
    la, ls = link_a[by_a], link_s[by_a]
    first = np.searchsorted(la, a, "left")
    count = np.searchsorted(la, a, "right") - first
    cand = distinct(np.repeat(pair_of, count) * width + ls[np.repeat(first, count) + _ranks(count)])
    c_pair, c_x = cand // width, cand % width
    c_b, c_s = pair_keys[c_pair] // width, pair_keys[c_pair] % width
    # the target reports in the block too, with more articles
    x_pair = np.minimum(np.searchsorted(pair_keys, c_b * width + c_x), len(pair_keys) - 1)
    in_block = pair_keys[x_pair] == c_b * width + c_x
    compound = np.zeros(width, dtype=bool)
    shown = distinct(s)
    compound[shown] = [bool(COMPOUND_SUBJECT.search(s_uniques[i])) for i in shown.tolist()]
    # (a place reported as often as the country it names folds into the country)
    country = _subject_mask(s_uniques, distinct(np.r_[s, c_x]), width, _is_country)
    more = (n_arts[x_pair] > n_arts[c_pair]) | ((n_arts[x_pair] == n_arts[c_pair]) & country[c_x] & ~country[c_s])
    # no place folds into a named storm: a state's or a county's toll is a part of the storm's, not
    # another name for it
    event = _subject_mask(s_uniques, distinct(c_x), width, _is_named_event)
    keep = ((c_s != c_x) & in_block & more & ~compound[c_s] & ~compound[c_x] & ~event[c_x])
    # an article of the block that gives both subjects disjoint figures keeps them apart
    p = pd.DataFrame({"b": b, "a": a, "s": s, "lo": per["lo"].to_numpy(), "hi": per["hi"].to_numpy()})
    p = p[p.groupby(["b", "a"], sort=False)["s"].transform("size").to_numpy() >= 2]
    both = p.merge(p, on=["b", "a"], suffixes=("", "_x"))
    # ... unless a place inside a country gives more than the country: a part cannot exceed its
    # whole, so "11,000 dead in the city" beside "6,000 dead in the country" is one toll in dispute
    s_b, x_b = both["s"].to_numpy(dtype=np.int64), both["s_x"].to_numpy(dtype=np.int64)
    part_above_whole = ~country[s_b] & country[x_b] & (both["lo"] > both["hi_x"]).to_numpy()
    both = both[((both["lo"] > both["hi_x"]) | (both["lo_x"] > both["hi"])).to_numpy() & ~part_above_whole]
    apart = (np.searchsorted(pair_keys, both["b"].to_numpy(dtype=np.int64) * width + both["s"].to_numpy(dtype=np.int64)) * width
             + both["s_x"].to_numpy(dtype=np.int64))
    if len(apart):
        apart = distinct(apart)
        keep &= apart[np.minimum(np.searchsorted(apart, cand), len(apart) - 1)] != cand
    if not keep.any():
        return none
    c_b, c_s, c_x = c_b[keep], c_s[keep], c_x[keep]
    n_x = n_arts[x_pair[keep]]
    targets = distinct(c_x)
    name_rank = np.zeros(width, dtype=np.int64)
    name_rank[targets[np.argsort(np.asarray([s_uniques[i] for i in targets.tolist()], dtype=object), kind="stable")]] = \
        np.arange(len(targets))
    order = np.lexsort((name_rank[c_x], -n_x, c_s, c_b))
    c_b, c_s, c_x = c_b[order], c_s[order], c_x[order]
    head = np.r_[True, (c_b[1:] != c_b[:-1]) | (c_s[1:] != c_s[:-1])]
    return c_b[head], c_s[head], c_x[head]
