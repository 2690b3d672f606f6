"""The report for people to read: ``report.md`` (GitHub-flavoured Markdown) and ``report.html``
(one self-contained page from the Jinja2 template in ``templates/``).

Every string that came from an article is escaped for the format it lands in: in the Markdown
through ``figures.markdown`` (``md_text``, ``md_cell``; flag ids and kinds as code spans by
``_md_code``), in the page through Jinja's autoescape. Links are only http(s) URLs that passed
``safe_link``.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from figures.markdown import md_cell, md_text
from figures.records import Flag, FlagClaim
from figures.report_rows import (Change, Quote, Report, claimant_name, flag_title, interval, number, safe_link,
                                 timeline_key)

KIND_LABELS = {
    "cross_source": "sources disagree",
    "revision": "figure revised",
    "within_article": "article contradicts itself",
    "monotonic": "cumulative figure went down",
}
CARDS = 12  # figures shown side by side per flag; every claim is in flags.csv and report.json
BRIEF_FIGURES = 6  # figures per row of the further-flags table
# Rows a reader can use in the page and the Markdown, per section of changes, drops, repeats and
# related figures (the first by flag order, the most repeated first); every row is in report.json.
SHOWN_ROWS = 50
REPEAT_OUTLETS = 10  # outlets named per repeated figure in the page and the Markdown
STATUS_LABELS = {"new": "new this period", "ongoing": "seen before", "resolved": "no longer flagged"}


def _md_link(url: str | None, text: str = "article") -> str:
    return f"[{text}]({url})" if url else "–"


def _md_claim_line(c: FlagClaim) -> str:
    return (f"{md_text(c.span)} ({md_text(c.outlet) or 'unknown outlet'}, {c.published or 'undated'}; "
            f"{md_text(claimant_name(c))})")


def render_markdown(report: Report, chart_path: Callable[[Flag], str] | None = None) -> str:
    """The report as GitHub-flavoured Markdown; ``chart_path`` gives each flag's chart file."""
    s, p = report.summary, report.period
    out: list[str] = [f"# Discrepancy report {p.label}", "",
                      f"Articles published {p.since} to {p.until}."]
    if p.note:
        out += ["", f"> {md_text(p.note)}"]
    out += ["", "## Summary", "",
            "| articles | outlets | claims | flags | new | seen before | no longer flagged | unparsed mentions |",
            "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
            f"| {s['articles']} | {s['outlets']} | {s['claims']} | {s['flags']} | {s['new']} | {s['ongoing']} | "
            f"{s['resolved']} | {s['unparsed_mentions']} |", ""]
    if s["flags_by_kind"]:
        out += ["Flags by kind: " + ", ".join(f"{KIND_LABELS.get(k, md_text(k))} ({_md_code(k)}) {n}"
                                                for k, n in s["flags_by_kind"].items()) + ".", ""]
    out += ["## Flags", ""]
    if not report.flags:
        out += ["No flags in this period.", ""]
    for i, v in enumerate(report.flags, 1):
        if not v.detailed:
            continue
        f = v.flag
        out += [f"### {i}. {md_text(v.title)}", "",
                f"**{KIND_LABELS.get(f.kind, md_text(f.kind))}** ({_md_code(f.kind)}) · {STATUS_LABELS[v.status]} · "
                f"severity {f.severity:.2f} · flag {_md_code(f.id)}"
                + (f" · verdict: **{md_text(f.verdict)}**" + (f" ({md_text(f.verdict_note)})" if f.verdict_note else "")
                   if f.verdict else ""), ""]
        if f.explanation:
            out += [md_text(f.explanation), ""]
        out += ["| figure | interval | outlet | published | claimant | as of | link | repeated in |",
                "| --- | --- | --- | --- | --- | --- | --- | --- |"]
        for q in v.quotes[:CARDS]:
            c = q.claim
            out.append(f"| **{md_cell(c.span)}** | {md_cell(q.interval)} | {md_cell(c.outlet)} | {c.published or '–'} | "
                       f"{md_cell(claimant_name(c))} | {c.as_of or '–'} | {_md_link(q.link)} | {md_cell(_also(q))} |")
        out.append("")
        if len(v.quotes) > CARDS:
            out += [f"… and {len(v.quotes) - CARDS} more figures (every claim is in flags.csv).", ""]
        for q in v.quotes[:CARDS]:
            quote_text = _md_quote(q)
            out += [f"> {quote_text}", f"> — {md_text(q.claim.outlet) or 'unknown outlet'}, {q.claim.published or 'undated'}", ""]
        if chart_path is not None:
            out += [f"![timeline of {md_text(v.title)}]({chart_path(f)})", ""]
    brief = [(i, v) for i, v in enumerate(report.flags, 1) if not v.detailed]
    if brief:
        out += ["### Further flags", "", f"The {len(brief)} less severe flags, figures only (all of them are in flags.csv and report.json).", "",
                "| # | quantity | kind | status | figures | flag |", "| ---: | --- | --- | --- | --- | --- |"]
        out += [f"| {i} | {md_cell(v.title)} | {_md_code(v.flag.kind)} | {STATUS_LABELS[v.status]} | "
                + " vs ".join(f"**{md_text(q.claim.span)}** ({md_text(claimant_name(q.claim))}, {md_text(q.claim.outlet) or 'unknown outlet'}, "
                              f"{q.claim.published or 'undated'})" for q in v.quotes[:BRIEF_FIGURES])
                + (f" and {len(v.quotes) - BRIEF_FIGURES} more" if len(v.quotes) > BRIEF_FIGURES else "")
                + f" | {_md_code(v.flag.id)} |" for i, v in brief]
        out.append("")
    out += _md_changes("## Figures that changed", report.changes, "No figure was revised in this period.")
    out += _md_changes("## Cumulative figures that went down", report.drops, "No cumulative figure went down in this period.")
    out += ["## Figures repeated across outlets", ""]
    if not report.repeats:
        out += ["No figure was repeated across outlets in this period.", ""]
    for r in report.repeats[:SHOWN_ROWS]:
        first, rest = r.claims[0], r.claims[1:]
        out += [f"- **{md_text(first.span)}** from {md_text(r.attributed_to) or 'an unnamed source'}: first in "
                f"{md_text(first.outlet) or 'unknown outlet'} ({first.published or 'undated'}), repeated by "
                + (", ".join(f"{md_text(c.outlet) or 'unknown outlet'} ({c.published or 'undated'})" for c in rest[:REPEAT_OUTLETS])
                   or "nobody else") + _more(len(rest), REPEAT_OUTLETS)]
    out += _md_more(len(report.repeats), "figures repeated")
    out += [""] if report.repeats else []
    out += ["## Related figures (not conflicts)", ""]
    if not report.related:
        out += ["None in this period.", ""]
    for r in report.related[:SHOWN_ROWS]:
        out += [f"- {md_text(r.reason)}: " + "; ".join(_md_claim_line(c) for c in sorted(r.claims, key=timeline_key))]
    out += _md_more(len(report.related), "related figures")
    out += [""] if report.related else []
    out += ["## Sources", "", "| outlet | articles | claims | flags | claimants | reliability |",
            "| --- | ---: | ---: | ---: | ---: | ---: |"]
    out += [f"| {md_cell(r.outlet)} | {r.articles} | {r.claims} | {r.flags} | {r.claimants} | "
            f"{'–' if r.reliability is None else f'{r.reliability:.2f}'} |" for r in report.sources]
    out.append("")
    if report.claimants:
        out += ["Claimant reliability (from agreement with other sources):", "",
                "| claimant | claims | weight | interval |", "| --- | ---: | ---: | --- |"]
        out += [f"| {md_cell(c.attributed_to)} | {c.claims} | {_fmt(c.weight)} | {_fmt(c.low)}–{_fmt(c.high)} |"
                for c in report.claimants]
        out.append("")
    out += ["## Unparsed mentions", "",
            f"{s['unparsed_mentions']} numbers in this period's articles were seen but not read as claims."]
    if report.mentions:
        out += ["", "| reason | count |", "| --- | ---: |"] + [f"| {md_cell(k)} | {n} |" for k, n in report.mentions]
    out += ["", "## Compared with the previous period", ""]
    if report.previous_period is None:
        out += ["No previous period to compare with.", ""]
    else:
        out += [f"Previous period: {report.previous_period.label}. New flags: {s['new']}; seen before: {s['ongoing']}; "
                f"no longer flagged: {s['resolved']}.", ""]
        out += [f"- no longer flagged: {md_text(flag_title(f))} ({_md_code(f.kind)}, flag {_md_code(f.id)})" for f in report.resolved]
        out += [""] if report.resolved else []
    out += ["### Reviewer verdicts", ""]
    if not report.verdicts:
        out += ["No verdicts on these flags yet.", ""]
    for f, status in report.verdicts:
        out += [f"- {md_text(flag_title(f))} (flag {_md_code(f.id)}, {STATUS_LABELS[status]}): **{md_text(f.verdict)}**"
                + (f" — {md_text(f.verdict_note)}" if f.verdict_note else "")]
    out += [""] if report.verdicts else []
    return "\n".join(out).rstrip("\n") + "\n"


def _also(q: Quote, names: int = 5) -> str:
    """Where else the same claimant's figure appeared: "Reuters (2024-10-22), AP (…) and 3 more"."""
    shown = ", ".join(f"{c.outlet or 'unknown outlet'} ({c.published or 'undated'})" for c in q.repeats[:names])
    return shown + (f" and {len(q.repeats) - names} more" if len(q.repeats) > names else "")


def _md_quote(q: Quote) -> str:
    """The sentence with the figure in bold; the spaces around the figure survive escaping."""
    before, after = md_text(q.before), md_text(q.after)
    if before and q.before[-1:].isspace():
        before += " "
    if after and q.after[:1].isspace():
        after = " " + after
    return f"{before}**{md_text(q.figure)}**{after}" if q.figure else before


def _more(total: int, shown: int) -> str:
    return f" and {total - shown} more" if total > shown else ""


def _md_more(total: int, what: str) -> list[str]:
    """The note under a section cut at SHOWN_ROWS rows."""
    if total <= SHOWN_ROWS:
        return []
    return ["", f"… and {total - SHOWN_ROWS} more {what} (all {total} are in report.json).", ""]


def _md_code(value: object) -> str:
    """An inline code span: backslash escapes do not work inside, so backticks are replaced."""
    return "`" + re.sub(r"[`\s]+", lambda m: "'" if "`" in m.group(0) else " ", str(value)).strip() + "`"


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _md_changes(heading: str, steps: Sequence[Change], empty: str) -> list[str]:
    out = [heading, ""]
    if not steps:
        return out + [empty, ""]
    out += ["| quantity | old | new | changed by | outlet | link |", "| --- | --- | --- | --- | --- | --- |"]
    for s in steps[:SHOWN_ROWS]:
        out.append(f"| {md_cell(s.title)} | {md_cell(s.old.span)} ({s.old.as_of or s.old.published or 'undated'}) | "
                   f"{md_cell(s.new.span)} ({s.new.as_of or s.new.published or 'undated'}) | {md_cell(claimant_name(s.new))} | "
                   f"{md_cell(s.new.outlet)} | {_md_link(safe_link(s.new.url))} |")
    return out + [""] + _md_more(len(steps), "changes")


@functools.lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(loader=PackageLoader("figures", "templates"), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters.update(number=number, interval=interval, link=safe_link, claimant=claimant_name, flagtitle=flag_title, also=_also)
    env.globals.update(CARDS=CARDS, BRIEF_FIGURES=BRIEF_FIGURES, SHOWN_ROWS=SHOWN_ROWS, REPEAT_OUTLETS=REPEAT_OUTLETS)
    env.globals.update(KIND_LABELS=KIND_LABELS, STATUS_LABELS=STATUS_LABELS, sorted_claims=lambda cs: sorted(cs, key=timeline_key))
    return env


def render_html(report: Report) -> str:
    """One self-contained page: inline CSS and SVG, no scripts, nothing fetched."""
    charts = {v.flag.id: Markup(v.chart) for v in report.flags if v.detailed}  # noqa: S704 - matplotlib escapes the text it draws
    return _environment().get_template("report.html.j2").render(report=report, s=report.summary, charts=charts)
