"""A flag's timeline as inline SVG: x the as-of date, y the value with its interval, one mark per
claimant. Written directly as SVG text (no plotting library: a chart takes about a millisecond,
not the ~70 ms a matplotlib figure took), nothing global: the same flag gives the same bytes, and
every element id carries the flag id so many charts can share a page."""
from __future__ import annotations

import math
import multiprocessing
import os
import re
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from html import escape

from figures.records import FlagClaim

# One colour and marker per claimant, in order of first appearance; colour-blind safe (Okabe-Ito).
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442")
MARKERS = ("o", "s", "D", "^", "v", "P", "X", "*")
# Marker outlines centred on (0, 0), about 7 px across: circle, square, diamond, triangles,
# filled plus, filled x, star (the order of MARKERS).
_MARKER_PATHS = {
    "o": "M3.5 0A3.5 3.5 0 1 1 -3.5 0A3.5 3.5 0 1 1 3.5 0Z",
    "s": "M-3 -3H3V3H-3Z",
    "D": "M0 -3.9L3.9 0L0 3.9L-3.9 0Z",
    "^": "M0 -3.9L3.6 2.6H-3.6Z",
    "v": "M0 3.9L3.6 -2.6H-3.6Z",
    "P": "M-1.2 -3.6H1.2V-1.2H3.6V1.2H1.2V3.6H-1.2V1.2H-3.6V-1.2H-1.2Z",
    "X": "M-2.6 -3.6L0 -1L2.6 -3.6L3.6 -2.6L1 0L3.6 2.6L2.6 3.6L0 1L-2.6 3.6L-3.6 2.6L-1 0L-3.6 -2.6Z",
    "*": "M0 -4.2L1 -1.4L4 -1.3L1.6 0.5L2.5 3.4L0 1.7L-2.5 3.4L-1.6 0.5L-4 -1.3L-1 -1.4Z",
}
_XML_INVALID = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
WIDTH = 374.4  # 5.2 in at 72 px per inch
PARALLEL_CHARTS = 2000  # fewer charts are drawn faster in this process than a pool starts
FONT = 'font-family="DejaVu Sans, Verdana, sans-serif" font-size="9"'


def _short(value: float) -> str:
    for size, suffix in ((1e12, "tn"), (1e9, "bn"), (1e6, "m"), (1e3, "k")):
        if abs(value) >= size:
            return f"{value / size:.3g}{suffix}"
    return f"{value:.3g}"


def _when(claim: FlagClaim) -> date | None:
    return claim.as_of or claim.published


def claimant(claim: FlagClaim) -> str:
    return claim.attributed_to or claim.outlet or "unattributed"


def claimant_order(claims: Sequence[FlagClaim]) -> dict[str, int]:
    """Each claimant's place in order of first appearance (as-of date, then publication)."""
    order: dict[str, int] = {}
    for c in sorted(claims, key=lambda c: (_when(c) or date.min, c.published or date.min, c.article_id, c.start, c.claim_id)):
        order.setdefault(claimant(c), len(order))
    return order


def claimant_colours(claims: Sequence[FlagClaim]) -> dict[str, str]:
    """Each claimant's colour: the chart's marks and the report's cards use the same."""
    return {name: PALETTE[k % len(PALETTE)] for name, k in claimant_order(claims).items()}


def _style(k: int) -> tuple[str, str]:
    """Colour and marker of the k-th claimant; past eight, the marker changes with the colour."""
    return PALETTE[k % len(PALETTE)], MARKERS[(k + k // len(PALETTE)) % len(MARKERS)]


def _text(value: str) -> str:
    return escape(_XML_INVALID.sub(" ", value), quote=True)


def _ticks(low: float, high: float, bins: int = 4) -> list[float]:
    """At most ``bins + 1`` round values covering low..high (1, 2, 2.5, 5 or 10 times a power of ten)."""
    if not high > low:
        return [low]
    raw = (high - low) / bins
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    first = math.ceil(low / step - 1e-9)
    return [k * step for k in range(first, math.floor(high / step + 1e-9) + 1)]


def _f(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def timeline_svg(claims: Sequence[FlagClaim], salt: str, title: str = "") -> str:
    """The claims of one quantity on a timeline, as an ``<svg>`` element for inline HTML.

    Claims without a value or a date are left out; an open interval side is drawn as an arrow.
    ``salt`` (the flag id) makes the element ids unique within a page and stable across runs.
    """
    points = [c for c in claims if c.value is not None and _when(c) is not None]
    order = claimant_order(claims)
    shown = [name for name in order if any(claimant(c) == name for c in points)]
    # The legend sits under the plot, so the chart keeps its width on a phone.
    labels = [name if len(name) <= 48 else name[:47] + "…" for name in shown]
    ncol = 1 if any(len(label) > 26 for label in labels) else 2
    rows = -(-len(labels) // ncol)
    height = 72 * (2.3 + (0.19 * rows + 0.1 if labels else 0.0))
    left, right, top, bottom = 0.13 * WIDTH, 0.95 * WIDTH, 0.15 * 72, height - 72 * (0.5 + (0.19 * rows + 0.1 if labels else 0.0))
    tops = [v for c in points for v in (c.value, c.low, c.high) if v is not None]
    lo, hi = (min(tops), max(tops)) if tops else (0.0, 1.0)
    span = hi - lo
    step_of = lambda c: 0.12 * (span or abs(c.value) or 1)  # noqa: E731 - an open side's arrow
    ends = [c.value + step_of(c) for c in points if c.high is None] + [c.value - step_of(c) for c in points if c.low is None]
    lo, hi = min([lo, *ends]), max([hi, *ends])
    pad = 0.2 * (hi - lo) if hi > lo else (abs(lo) * 0.1 or 1.0)
    y_lo, y_hi = lo - pad, hi + pad
    days = sorted({_when(c).toordinal() for c in points})  # type: ignore[union-attr]
    x_pad = max(1.0, 0.08 * (days[-1] - days[0])) if days else 1.0
    x_lo, x_hi = (days[0] - x_pad, days[-1] + x_pad) if days else (0.0, 1.0)
    x = lambda d: left + (d - x_lo) / (x_hi - x_lo) * (right - left)  # noqa: E731
    y = lambda v: bottom - (v - y_lo) / (y_hi - y_lo) * (bottom - top)  # noqa: E731
    ref = f"c{salt}-"
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_f(WIDTH)} {_f(height)}" width="100%" role="img" {FONT}>']
    if title:  # the accessible name; the page shows the title as a heading
        out.append(f"<title>{_text(title)}</title>")
    used = sorted({MARKERS.index(_style(order[name])[1]) for name in shown})
    out.append("<defs>" + "".join(f'<path id="{_text(ref)}m{k}" d="{_MARKER_PATHS[MARKERS[k]]}"/>' for k in used) + "</defs>")
    out.append(f'<rect width="{_f(WIDTH)}" height="{_f(height)}" fill="#ffffff"/>')
    for v in _ticks(y_lo, y_hi):
        out.append(f'<path d="M{_f(left)} {_f(y(v))}H{_f(right)}" stroke="#dddddd" stroke-width="0.6"/>')
        out.append(f'<text x="{_f(left - 4)}" y="{_f(y(v) + 3)}" text-anchor="end">{_text(_short(v))}</text>')
    ticks = days if len(days) <= 4 else [days[round(k * (len(days) - 1) / 3)] for k in range(4)]
    for d in ticks:  # at most four date ticks, at dates that carry claims
        label = date.fromordinal(d).strftime("%d %b %Y").lstrip("0")
        out.append(f'<path d="M{_f(x(d))} {_f(bottom)}v3.5" stroke="#000000" stroke-width="0.8"/>')
        out.append(f'<text x="{_f(x(d))}" y="{_f(bottom + 13)}" text-anchor="middle">{_text(label)}</text>')
    out.append(f'<path d="M{_f(left)} {_f(top)}V{_f(bottom)}H{_f(right)}" fill="none" stroke="#000000" stroke-width="0.8"/>')
    out.append(f'<text x="{_f((left + right) / 2)}" y="{_f(bottom + 25)}" text-anchor="middle">as of</text>')
    for c in points:  # the intervals, with an arrow where a side is open
        colour = _style(order[claimant(c)])[0]
        cx = _f(x(_when(c).toordinal()))  # type: ignore[union-attr]
        low = c.low if c.low is not None else c.value
        high = c.high if c.high is not None else c.value
        out.append(f'<path d="M{cx} {_f(y(low))}V{_f(y(high))}" stroke="{colour}" stroke-width="2" stroke-opacity="0.6"/>')
        for end in ([c.value + step_of(c)] if c.high is None else []) + ([c.value - step_of(c)] if c.low is None else []):
            tip, sign = y(end), (1 if end < c.value else -1)  # up the page is a smaller y
            out.append(f'<path d="M{cx} {_f(y(c.value))}V{_f(tip)}M{_f(x(_when(c).toordinal()) - 3)} {_f(tip - 5 * sign)}'  # type: ignore[union-attr]
                       f'L{cx} {_f(tip)}L{_f(x(_when(c).toordinal()) + 3)} {_f(tip - 5 * sign)}" fill="none" stroke="{colour}"/>')  # type: ignore[union-attr]
    for name in shown:  # one set of marks per claimant
        colour, marker = _style(order[name])
        for c in points:
            if claimant(c) == name:
                out.append(f'<use href="#{_text(ref)}m{MARKERS.index(marker)}" x="{_f(x(_when(c).toordinal()))}" y="{_f(y(c.value))}" fill="{colour}"/>')  # type: ignore[union-attr]
    column = (WIDTH - 8) / ncol
    for k, (name, label) in enumerate(zip(shown, labels)):
        colour, marker = _style(order[name])
        lx, ly = 8 + (k % ncol) * column, bottom + 38 + 13.7 * (k // ncol)
        out.append(f'<use href="#{_text(ref)}m{MARKERS.index(marker)}" x="{_f(lx + 4)}" y="{_f(ly - 3)}" fill="{colour}"/>')
        out.append(f'<text x="{_f(lx + 12)}" y="{_f(ly)}">{_text(label)}</text>')
    return "".join(out) + "</svg>\n"


def _draw(job: tuple[tuple[FlagClaim, ...], str, str]) -> str:
    return timeline_svg(*job)


def timeline_svgs(jobs: Sequence[tuple[Sequence[FlagClaim], str, str]], workers: int = 1) -> list[str]:
    """``timeline_svg(claims, salt, title)`` for each job, in order; spread over ``workers``
    processes when there are many (each chart is pure, so the bytes do not depend on it)."""
    workers = min(workers if workers > 0 else (os.cpu_count() or 1), 8)
    if workers <= 1 or len(jobs) < PARALLEL_CHARTS or "fork" not in multiprocessing.get_all_start_methods():
        return [_draw((tuple(c), s, t)) for c, s, t in jobs]
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
        return list(pool.map(_draw, [(tuple(c), s, t) for c, s, t in jobs], chunksize=max(1, len(jobs) // (4 * workers))))
