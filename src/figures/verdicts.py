"""Reviewers' verdicts on flags. A verdict holds for exactly the claims it was given on."""
from __future__ import annotations

import pandas as pd

from figures.records import Flag

# -- reviewer verdicts -------------------------------------------------------------------------
VERDICTS = ("confirmed", "not-a-conflict", "resolved")
# Verdicts that close a flag: ``conflicts`` hides such a flag while its claims stay the same.
CLOSING_VERDICTS = frozenset({"not-a-conflict", "resolved"})


def apply_verdicts(flags: list[Flag] | tuple[Flag, ...], verdicts: pd.DataFrame) -> list[Flag]:
    """Flags carrying their latest verdict. A verdict holds for exactly the claims it was given
    on (the flag id is a hash of kind and claims); when a later claim joins the group, the flag
    comes back without a verdict and a note saying it was reopened and by which claims."""
    from dataclasses import replace

    if verdicts is None or verdicts.empty:
        return list(flags)
    latest: dict[str, dict] = {}
    by_claim: dict[str, list[dict]] = {}
    for v in verdicts.to_dict("records"):  # oldest first, so the last one wins
        v["claims"] = frozenset(c for c in str(v["claim_ids"] or "").split(",") if c)
        latest[v["flag_id"]] = v
    for v in latest.values():
        for c in v["claims"]:
            by_claim.setdefault(c, []).append(v)
    out = []
    for f in flags:
        v = latest.get(f.id)
        if v is not None:
            out.append(replace(f, verdict=v["verdict"], verdict_note=_verdict_note(v)))
            continue
        ids = frozenset(c.claim_id for c in f.claims)
        earlier = [u for c in ids for u in by_claim.get(c, ())
                   if u["claims"] < ids and Flag.make_id(f.kind, sorted(u["claims"])) == u["flag_id"]]
        if earlier:
            u = max(earlier, key=lambda x: (x["decided_at"], x.get("id") or 0))
            new = ", ".join(sorted(ids - u["claims"]))
            out.append(replace(f, verdict=None, verdict_note=f"reopened: new claim(s) {new} since {_verdict_note(u)}"))
        else:
            out.append(f)
    return out


def _verdict_note(v: dict) -> str:
    when = pd.Timestamp(v["decided_at"]).strftime("%Y-%m-%d %H:%M") if v.get("decided_at") is not None else "?"
    text = f"{v['verdict']} by {v.get('reviewer') or 'unknown'} on {when} UTC (flag {v['flag_id']})"
    return text + (f": {v['note']}" if v.get("note") else "")
