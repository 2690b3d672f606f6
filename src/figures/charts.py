"""A flag's timeline as inline SVG: x the as-of date, y the value with its interval, one mark per
claimant. Made with matplotlib's Agg/SVG backends and nothing global: the same flag gives the
same bytes (fixed hash salt per chart, no date in the metadata, text kept as text)."""
from __future__ import annotations

import io
import re
from collections.abc import Sequence
from datetime import date

import matplotlib

matplotlib.use("Agg")  # no display, whatever the environment says

import matplotlib.dates as mdates  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.ticker import FuncFormatter  # noqa: E402

from figures.records import FlagClaim  # noqa: E402

# One colour and marker per claimant, in order of first appearance; colour-blind safe (Okabe-Ito).
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442")
MARKERS = ("o", "s", "D", "^", "v", "P", "X", "*")
_RC = {
    "svg.fonttype": "none",  # text stays text: small, selectable, no glyph outlines
    "text.parse_math": False,  # "$5bn" from an article is money, not mathtext
    "text.usetex": False,
    "font.family": "DejaVu Sans",
    "font.size": 8,
    "axes.unicode_minus": False,
}
_XML_HEAD = re.compile(r"^.*?(?=<svg)", re.S)
_METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.S)
_ID_REF = re.compile(r'((?:\bid="|url\(#|href="#))')
_SIZE = re.compile(r'<svg([^>]*?) width="[^"]*" height="[^"]*"')


def _short(value: float) -> str:
    for size, suffix in ((1e12, "tn"), (1e9, "bn"), (1e6, "m"), (1e3, "k")):
        if abs(value) >= size:
            return f"{value / size:.3g}{suffix}"
    return f"{value:.3g}"


def _when(claim: FlagClaim) -> date | None:
    return claim.as_of or claim.published


def timeline_svg(claims: Sequence[FlagClaim], salt: str, title: str = "") -> str:
    """The claims of one quantity on a timeline, as an ``<svg>`` element for inline HTML.

    Claims without a value or a date are left out; an open interval side is drawn as an arrow.
    ``salt`` (the flag id) makes the element ids unique within a page and stable across runs.
    """
    points = [c for c in claims if c.value is not None and _when(c) is not None]
    with matplotlib.rc_context({**_RC, "svg.hashsalt": salt}):
        fig = Figure(figsize=(6.4, 2.6), dpi=72)
        fig.subplots_adjust(left=0.1, right=0.6, top=0.86, bottom=0.2)
        ax = fig.add_subplot()
        claimants: dict[str, int] = {}
        for c in sorted(points, key=lambda c: (_when(c), c.claim_id)):
            claimants.setdefault(c.attributed_to or c.outlet or "unattributed", len(claimants))
        tops = [v for c in points for v in (c.value, c.low, c.high) if v is not None]
        span = (max(tops) - min(tops)) if tops else 0.0
        for c in points:
            i = claimants[c.attributed_to or c.outlet or "unattributed"] % len(PALETTE)
            x = mdates.date2num(_when(c))
            low = c.low if c.low is not None else c.value
            high = c.high if c.high is not None else c.value
            ax.vlines(x, low, high, colors=PALETTE[i], linewidth=2, alpha=0.6)
            ax.plot([x], [c.value], marker=MARKERS[i % len(MARKERS)], color=PALETTE[i], markersize=7, linestyle="none")
            if c.high is None:  # "more than", "at least": the interval runs upwards
                ax.annotate("", (x, c.value + 0.12 * (span or abs(c.value) or 1)), (x, c.value),
                            arrowprops={"arrowstyle": "->", "color": PALETTE[i]})
            if c.low is None:  # "up to", "less than"
                ax.annotate("", (x, c.value - 0.12 * (span or abs(c.value) or 1)), (x, c.value),
                            arrowprops={"arrowstyle": "->", "color": PALETTE[i]})
        handles = [Line2D([], [], color=PALETTE[i % len(PALETTE)], marker=MARKERS[i % len(MARKERS)], linestyle="none")
                   for i in claimants.values()]
        labels = [name if len(name) <= 48 else name[:47] + "…" for name in claimants]
        if handles:
            ax.legend(handles, labels, loc="upper left", bbox_to_anchor=(1.02, 1.0), frameon=False, title="claimant",
                      alignment="left", borderaxespad=0.0)
        locator = mdates.AutoDateLocator(minticks=2, maxticks=5)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: _short(v)))
        if len({_when(c) for c in points}) <= 1 and points:  # one date: give the axis some room
            x = mdates.date2num(_when(points[0]))
            ax.set_xlim(x - 3, x + 3)
        ax.margins(y=0.2)
        ax.grid(axis="y", color="#dddddd", linewidth=0.6)
        ax.spines[["top", "right"]].set_visible(False)
        ax.set_xlabel("as of")
        ax.tick_params(axis="x", labelrotation=0)
        if title:
            ax.set_title(title if len(title) <= 80 else title[:79] + "…", loc="left", fontsize=9)
        buf = io.StringIO()
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    svg = _METADATA.sub("", _XML_HEAD.sub("", buf.getvalue(), count=1), count=1)
    # Ids unique within a page that holds many charts; the size follows the page (viewBox kept).
    svg = _ID_REF.sub(lambda m: f"{m.group(1)}c{salt}-", svg)
    return _SIZE.sub(r'<svg\1 width="100%"', svg, count=1).strip() + "\n"
