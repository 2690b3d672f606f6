"""Subject folding: one quantity reported under the names of nested places ("Lahaina", "Maui",
"Hawaii") is compared as one, when the articles using the smaller name also name the larger
one and no article gives the two disjoint figures."""
from __future__ import annotations

import logging
import re
from collections import Counter

import numpy as np
import pandas as pd

from figures.codes import column_codes

log = logging.getLogger(__name__)

# Subjects naming several places ("Turkey and Syria") are never folded into one of them.
COMPOUND_SUBJECT = re.compile(r"\band\b|,|&|/")
WORDS = re.compile(r"[a-z0-9]+")
WORD_CHUNK = 50_000  # texts read for names at a time


def fold_subjects(w: pd.DataFrame, df: pd.DataFrame) -> bool:
    """One quantity reported under the names of nested places ("Lahaina", "Maui", "Hawaii"):
    within a block of claims that match on every other key field, a subject is folded into
    the block's subject with more articles when the articles using it name that subject (in
    the title or a claim's sentence) and no article gives the two subjects disjoint figures
    (an article that states both apart, "Turkey 3,000, Syria 1,000", keeps them apart). A
    subject naming several places is never folded. Returns whether any subject changed."""
    subj = w["k_subject"].to_numpy()
    real = pd.notna(subj) & ~pd.Series(subj).astype(str).str.startswith("article:").to_numpy()
    if real.sum() < 2:
        return False
    block = column_codes(w, ["k_scope", "k_predicate", "k_entity", "k_markers", "k_modality", "k_unit", "k_change"])
    t = pd.DataFrame({"b": block, "s": subj, "a": w["art"].to_numpy(), "lo": w["lo"].to_numpy(),
                      "hi": w["hi"].to_numpy()})[real & np.isfinite(w["lo"].to_numpy()) & w["k_predicate"].notna().to_numpy()]
    multi = t.groupby("b")["s"].transform("nunique").to_numpy() >= 2
    t = t[multi]
    if t.empty:
        return False
    # which subjects each article names (in its title or a claim's sentence), by word sets:
    # a subject's words indexed by its first word, so this costs the words read, not
    # articles times subjects
    n = len(df)
    titles = df["title"] if "title" in df else pd.Series([None] * n)
    sentences = w["sentence"].fillna("").astype(str)
    arts_needed = set(t["a"].tolist())
    art_codes = w["art"].to_numpy()
    wanted = np.isin(art_codes, list(arts_needed))
    shown = pd.DataFrame({"a": art_codes[wanted], "t": titles.fillna("").astype(str).to_numpy()[wanted],
                          "s": sentences.to_numpy()[wanted]})
    # a title names the article's places; a sentence is evidence of nesting only when it names
    # two of the subjects ("the town of Lahaina on Maui"), not when it names one of them
    texts = pd.concat([shown[["a", "t"]].rename(columns={"t": "x"}).assign(title=True),
                       shown[["a", "s"]].rename(columns={"s": "x"}).assign(title=False)]).drop_duplicates(["a", "x"])
    texts["tid"] = np.arange(len(texts))
    raw = pd.DataFrame({"s": subj, "r": df["subject"] if "subject" in df else pd.Series([None] * n)})
    names = []
    for sub, r in raw[real].drop_duplicates().itertuples(index=False):
        for x in {sub, str(r).lower()}:
            ws = tuple(WORDS.findall(x))
            if ws:
                names.append((ws, sub))
    # each name is looked up by its rarest word among the names ("Region 007" by "007", not by
    # the "region" every such name shares), so the candidates stay few
    used = Counter(x for ws in {ws for ws, _ in names} for x in set(ws))
    spelled = [(min(ws, key=lambda x: (used[x], ws.index(x))), ws, sub) for ws, sub in names]
    spell = pd.DataFrame(spelled, columns=["w", "ws", "sub"]).drop_duplicates()
    found: list[tuple[int, int, str]] = []  # (text, article, subject named in it)
    # a few articles at a time, so the table of words stays small
    chunks = max(1, len(texts) // WORD_CHUNK + 1)
    for part in range(chunks):
        piece = texts[texts["a"].to_numpy() % chunks == part]
        tok = (piece.assign(w=piece["x"].str.lower().str.findall(WORDS.pattern))[["tid", "a", "w"]]
               .explode("w").dropna().drop_duplicates())
        cand = tok.merge(spell, on="w")
        several = cand["ws"].map(len).to_numpy() > 1
        single = cand.loc[~several, ["tid", "a", "sub"]].drop_duplicates()
        found.extend(zip(single["tid"].tolist(), single["a"].tolist(), single["sub"].tolist()))
        if several.any():  # a name of several words: all of them in the text
            multi = cand.loc[several, ["tid", "a", "ws", "sub"]]
            need = set(multi["tid"].tolist())
            bags: dict[int, set[str]] = {}
            for tid, word in zip(tok["tid"].tolist(), tok["w"].tolist()):  # plain lists: quicker than groupby(set)
                if tid in need:
                    bags.setdefault(tid, set()).add(word)
            for tid, a, ws, sub in zip(multi["tid"].tolist(), multi["a"].tolist(), multi["ws"].tolist(),
                                       multi["sub"].tolist()):
                if bags[tid].issuperset(ws):
                    found.append((tid, a, sub))
        del tok, cand
    seen = pd.DataFrame(found, columns=["tid", "a", "sub"]).drop_duplicates()
    title = texts["title"].to_numpy(dtype=bool)[seen["tid"].to_numpy(dtype=np.int64)]  # tid: the text's position
    evidence = title | (seen.groupby("tid")["sub"].transform("size").to_numpy() >= 2)
    named_in: dict[int, set[str]] = {}
    for a, sub in zip(seen["a"].to_numpy()[evidence].tolist(), seen["sub"].to_numpy()[evidence].tolist()):
        named_in.setdefault(a, set()).add(sub)

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
