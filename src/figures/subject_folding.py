"""Subject folding: one quantity reported under the names of nested places ("Lahaina", "Maui",
"Hawaii") is compared as one, when the articles using the smaller name also name the larger
one and no article gives the two disjoint figures."""
from __future__ import annotations

import logging
import re
from collections import Counter

import numpy as np
import pandas as pd

from figures.codes import column_codes, distinct

log = logging.getLogger(__name__)

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
    rows = real & np.isfinite(w["lo"].to_numpy()) & w["k_predicate"].notna().to_numpy()
    # blocks where two or more subjects report: distinct (block, subject) pairs counted per block
    pair = distinct(block[rows].astype(np.int64) * (len(s_uniques) + 1) + s_codes[rows])
    subjects_in = np.bincount(pair // (len(s_uniques) + 1), minlength=int(block.max()) + 1)
    rows &= subjects_in[block] >= 2
    t = pd.DataFrame({"b": block[rows], "s": subj[rows], "a": w["art"].to_numpy()[rows], "lo": w["lo"].to_numpy()[rows],
                      "hi": w["hi"].to_numpy()[rows]})
    if t.empty:
        return False
    named_in = _named_in(w, df, real, s_codes, s_uniques, distinct(t["a"].to_numpy()))
    if not named_in:
        return False
    mapping = _fold_targets(t, named_in)
    if mapping.empty:
        return False
    names = pd.Index(mapping["name"].unique())
    width = len(names) + 1
    wanted = mapping["b"].to_numpy(dtype=np.int64) * width + names.get_indexer(mapping["name"])
    row_key = block.astype(np.int64) * width + names.get_indexer(subj)
    at = pd.Index(wanted).get_indexer(row_key)
    folded = at >= 0
    new_subj = subj.astype(object, copy=True)
    new_subj[folded] = mapping["target"].to_numpy(dtype=object)[at[folded]]
    w["k_subject"] = new_subj
    log.debug("subjects folded into a containing one: %s",
              sorted(set(zip(zip(mapping["b"].tolist(), mapping["name"].tolist()), mapping["target"].tolist()))))
    return True


def _named_in(w: pd.DataFrame, df: pd.DataFrame, real: np.ndarray, s_codes: np.ndarray, s_uniques,
              arts: np.ndarray) -> dict[int, set[str]]:
    """Article -> the subjects it names. A title names the article's places; a sentence is
    evidence of nesting only when it names two of the subjects ("the town of Lahaina on Maui"),
    not when it names one of them. Each distinct text is read once, however many articles
    carry it."""
    n = len(w)
    art = w["art"].to_numpy()
    wanted = np.isin(art, arts)
    names = _subject_names(df, real, s_codes, s_uniques)
    named_in: dict[int, set[str]] = {}
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
        for x, s in zip(np.repeat(pairs // len(uniques), count).tolist(), sub[take].tolist()):
            named_in.setdefault(x, set()).add(s_uniques[s])
    return named_in


def _subject_names(df: pd.DataFrame, real: np.ndarray, s_codes: np.ndarray, s_uniques) -> list[tuple[tuple[str, ...], int]]:
    """(words, subject code) for each way a subject is written: its key and its raw spelling."""
    raw = df["subject"].to_numpy()[real] if "subject" in df else np.full(int(real.sum()), None, dtype=object)
    missing = pd.isna(raw)
    spelled = raw.astype(object, copy=True)
    spelled[missing] = [str(x) for x in raw[missing]]  # a missing spelling reads as its str() ("nan")
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


def _ranks(count: np.ndarray) -> np.ndarray:
    """0, 1, ..., c-1 for each c in ``count``, concatenated."""
    total = int(count.sum())
    return np.arange(total) - np.repeat(np.cumsum(count) - count, count)


def _fold_targets(t: pd.DataFrame, named_in: dict[int, set[str]]) -> pd.DataFrame:
    """For each (block, subject): the subject it folds into, as columns b, name, target.

    A subject folds into a subject of its block with more articles that one of its articles
    names, is not compound, and that no shared article gives disjoint figures; among several,
    the one with most articles (then the first by name). All on integer codes."""
    per = t.groupby(["b", "s", "a"], sort=False).agg(lo=("lo", "max"), hi=("hi", "min")).reset_index()
    s_code, s_names = pd.factorize(per["s"])
    b = per["b"].to_numpy(dtype=np.int64)
    a = per["a"].to_numpy(dtype=np.int64)
    bs = b * (len(s_names) + 1) + s_code
    n_arts = pd.Series(bs).map(pd.Series(bs).value_counts()).to_numpy()  # articles per (block, subject)
    code_of = {name: i for i, name in enumerate(s_names)}
    link_a = [x for x, subs in named_in.items() for sub in subs if sub in code_of]
    link_x = [code_of[sub] for x, subs in named_in.items() for sub in subs if sub in code_of]
    empty = pd.DataFrame({"b": [], "name": [], "target": []})
    if not link_a:
        return empty
    links = pd.DataFrame({"a": np.asarray(link_a, dtype=np.int64), "x": np.asarray(link_x, dtype=np.int64)})
    cand = (pd.DataFrame({"b": b, "s": s_code, "a": a}).merge(links, on="a")[["b", "s", "x"]]
            .drop_duplicates())
    cand = cand[cand["s"].to_numpy() != cand["x"].to_numpy()]
    counts = pd.DataFrame({"b": b, "s": s_code, "n": n_arts}).drop_duplicates(["b", "s"])
    cand = (cand.merge(counts.rename(columns={"s": "x", "n": "n_x"}), on=["b", "x"])
            .merge(counts.rename(columns={"n": "n_s"}), on=["b", "s"]))
    compound = np.array([bool(COMPOUND_SUBJECT.search(x)) for x in s_names], dtype=bool)
    cand = cand[(cand["n_x"].to_numpy() > cand["n_s"].to_numpy()) & ~compound[cand["s"].to_numpy()]
                & ~compound[cand["x"].to_numpy()]]
    if cand.empty:
        return empty
    # an article of the block that gives both subjects disjoint figures keeps them apart
    p = pd.DataFrame({"b": b, "a": a, "s": s_code, "lo": per["lo"].to_numpy(), "hi": per["hi"].to_numpy()})
    p = p[p.groupby(["b", "a"], sort=False)["s"].transform("size").to_numpy() >= 2]
    both = p.merge(p, on=["b", "a"], suffixes=("", "_x"))
    apart = both[((both["lo"] > both["hi_x"]) | (both["lo_x"] > both["hi"])).to_numpy()]
    apart = apart[["b", "s", "s_x"]].drop_duplicates().rename(columns={"s_x": "x"}).assign(apart=True)
    cand = cand.merge(apart, on=["b", "s", "x"], how="left")
    cand = cand[cand["apart"].isna().to_numpy()]
    if cand.empty:
        return empty
    name_rank = np.empty(len(s_names), dtype=np.int64)
    name_rank[np.argsort(np.asarray(s_names, dtype=object), kind="stable")] = np.arange(len(s_names))
    order = np.lexsort((name_rank[cand["x"].to_numpy()], -cand["n_x"].to_numpy(), cand["s"].to_numpy(),
                        cand["b"].to_numpy()))
    best = cand.iloc[order].drop_duplicates(["b", "s"])
    names = np.asarray(s_names, dtype=object)
    return pd.DataFrame({"b": best["b"].to_numpy(), "name": names[best["s"].to_numpy()],
                         "target": names[best["x"].to_numpy()]})
