"""A flag's timeline as inline SVG: x the as-of date, y the value with its interval, one mark per
claimant. Made with matplotlib's Agg/SVG backends and nothing global: the same flag gives the
same bytes (fixed hash salt per chart, no date in the metadata, text kept as text)."""
from __future__ import annotations

import functools
import io
import multiprocessing
import os
import re
from concurrent.futures import ProcessPoolExecutor
from html import escape
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date

import matplotlib
import numpy as np

matplotlib.use("Agg")  # no display, whatever the environment says

import matplotlib.dates as mdates  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.backends.backend_mixed import MixedModeRenderer  # noqa: E402
from matplotlib.backends.backend_svg import FigureCanvasSVG, RendererSVG  # noqa: E402
from matplotlib.font_manager import FontProperties  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.markers import MarkerStyle  # noqa: E402
from matplotlib.patches import PathPatch  # noqa: E402
from matplotlib.path import Path  # noqa: E402
from matplotlib.transforms import Affine2D, IdentityTransform  # noqa: E402
from matplotlib.ticker import FixedLocator, FuncFormatter, MaxNLocator  # noqa: E402

from figures.records import FlagClaim  # noqa: E402

# One colour and marker per claimant, in order of first appearance; colour-blind safe (Okabe-Ito).
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442")
MARKERS = ("o", "s", "D", "^", "v", "P", "X", "*")
MARK_SIZE = 7  # points; the SVG backend draws at 72 dpi, so pixels too
_RC = {
    "svg.fonttype": "none",  # text stays text: small, selectable, no glyph outlines
    "text.parse_math": False,  # "$5bn" from an article is money, not mathtext
    "text.usetex": False,
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.unicode_minus": False,
}
_XML_HEAD = re.compile(r"^.*?(?=<svg)", re.S)
_METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.S)
# Where an element id is defined or used. Literal alternatives only (no leading \b, which made the
# scan try every position of a long path); an 'id="' after a letter is left alone in _salted_ids.
_ID_REF = re.compile(r'id="|url\(#|href="#')
_SIZE = re.compile(r'<svg([^>]*?) width="[^"]*" height="[^"]*"')


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


class _MeasuringOnce(RendererSVG):
    """The SVG renderer, with each text's size measured once per process: matplotlib keeps its
    text-size cache per renderer, and there is a new renderer per chart, so every tick label
    and claimant name was laid out again with FreeType (a fifth of a chart's time)."""

    _sizes: dict[tuple[str, FontProperties, object], tuple[float, float, float]] = {}
    _MOST = 20_000  # texts remembered; a long-running process starts again past that

    def get_text_width_height_descent(self, s, prop, ismath):  # noqa: ANN001, ANN201 - matplotlib's signature
        key = (s, prop.copy(), ismath)  # a copy: FontProperties hashes its mutable state
        size = self._sizes.get(key)
        if size is None:
            if len(self._sizes) >= self._MOST:
                self._sizes.clear()
            size = self._sizes[key] = super().get_text_width_height_descent(s, prop, ismath)
        return size


class _Canvas(FigureCanvasSVG):
    """``FigureCanvasSVG`` drawing with ``_MeasuringOnce``; otherwise its ``print_svg``."""

    def print_svg(self, filename, *, bbox_inches_restore=None, metadata=None, **_ignored):  # noqa: ANN001, ANN201
        dpi = self.figure.dpi
        self.figure.dpi = 72
        width, height = self.figure.get_size_inches()
        renderer = MixedModeRenderer(self.figure, width, height, dpi,
                                     _MeasuringOnce(width * 72, height * 72, filename, image_dpi=dpi, metadata=metadata),
                                     bbox_inches_restore=bbox_inches_restore)
        self.figure.draw(renderer)
        renderer.finalize()


@functools.cache
def _canvas() -> tuple[Figure, Axes]:
    """This process's one Figure and Axes, made once and cleared between charts: a new figure,
    its axes and their ticks cost more than a chart's few marks. Only what every chart shares
    is set here; each chart sets its size, limits, ticks and legend itself."""
    with matplotlib.rc_context(_RC):
        fig = Figure(figsize=(5.2, 2.3), dpi=72)
        _Canvas(fig)
        ax = fig.add_subplot()
        ax.set_autoscale_on(False)  # the limits come from the claims, not from the artists
        ax.yaxis.set_major_locator(MaxNLocator(nbins=4))
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: _short(v)))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: _day_label(v)))
        ax.grid(axis="y", color="#dddddd", linewidth=0.6)
        ax.spines[["top", "right"]].set_visible(False)
        ax.set_xlabel("as of")
    return fig, ax


@functools.lru_cache(maxsize=4096)
def _day_label(x: float) -> str:
    """A date tick's label, "21 Oct 2024"; the charts of a week share a few days."""
    return mdates.num2date(x).strftime("%d %b %Y").lstrip("0")


def _clear(fig: Figure, ax: Axes) -> None:
    """Remove the previous chart's marks and legend; the axes, ticks and grid stay."""
    for artist in (*ax.lines, *ax.collections, *ax.patches, *ax.artists, *ax.texts, *fig.artists, *fig.texts):
        artist.remove()


@functools.cache
def _marker(marker: str) -> Path:
    """A mark's outline in pixels around (0, 0), as ``Line2D`` draws it at ``MARK_SIZE``."""
    style = MarkerStyle(marker)
    return style.get_path().transformed(style.get_transform() + Affine2D().scale(MARK_SIZE))


def _marks(ax: Axes, points: Sequence[tuple[float, float]], colour: str, marker: str) -> PathPatch:
    """One claimant's marks as one compound path (one SVG element, not one per mark): the
    marker outline placed at each point, in pixels, so it keeps its size whatever the scale.
    The axes' limits must be set first."""
    outline = _marker(marker)
    at = ax.transData.transform(np.asarray(points, dtype=float).reshape(-1, 2))
    codes = outline.codes
    if codes is None:  # a plain polygon: move to its first point, lines to the others
        codes = np.full(len(outline.vertices), Path.LINETO, dtype=Path.code_type)
        codes[0] = Path.MOVETO
    path = Path((outline.vertices[None, :, :] + at[:, None, :]).reshape(-1, 2), np.tile(codes, len(at)))
    return PathPatch(path, transform=IdentityTransform(), facecolor=colour, edgecolor=colour, linewidth=1.0, zorder=2)


def timeline_svg(claims: Sequence[FlagClaim], salt: str, title: str = "") -> str:
    """The claims of one quantity on a timeline, as an ``<svg>`` element for inline HTML.

    Claims without a value or a date are left out; an open interval side is drawn as an arrow.
    A figure told many times on one day by one claimant is one mark, and so are figures less
    than two pixels apart.
    ``salt`` (the flag id) makes the element ids unique within a page and stable across runs.
    """
    return _timeline(*_points(claims), salt, title)


Points = tuple[tuple[str, ...], frozenset[tuple]]


def _points(claims: Sequence[FlagClaim]) -> Points:
    """What a chart shows of its claims: the claimants in order of first appearance, and each
    (claimant's place, date, value, low, high) told, once. Small, so a chart drawn in another
    process is sent this, not the claims with their sentences."""
    order = claimant_order(claims)
    told = frozenset((order[claimant(c)], _when(c), c.value, c.low, c.high)
                     for c in claims if c.value is not None and _when(c) is not None)
    return tuple(order), told


def _timeline(names: tuple[str, ...], told: frozenset[tuple], salt: str, title: str) -> str:
    order = {name: k for k, name in enumerate(names)}
    tops = [v for m in told for v in m[2:] if v is not None]
    low, high = (min(tops), max(tops)) if tops else (0.0, 1.0)
    margin = 0.2 * (high - low) or 0.1 * abs(high) or 1.0
    y0, y1 = low - margin, high + margin
    # One mark per claimant, date and two pixels of height (the plot is 1.65 in high, a mark
    # 7 px wide): repeats of a figure, and figures closer than that, would draw the same mark
    # again; a mark moves by at most a pixel.
    grid = (y1 - y0) / (1.65 * 72 / 2)
    snap = lambda v: None if v is None else y0 + round((v - y0) / grid) * grid  # noqa: E731
    x_of = {when: float(mdates.date2num(when)) for when in {m[1] for m in told}}
    marks = sorted({(k, x_of[when], snap(v), snap(lo), snap(hi)) for k, when, v, lo, hi in told},
                   key=lambda m: (m[0], m[1], m[2], -1e308 if m[3] is None else m[3], 1e308 if m[4] is None else m[4]))
    shown = [name for name, k in order.items() if any(m[0] == k for m in marks)]
    # The legend sits under the plot, so the chart keeps its width on a phone.
    labels = [name if len(name) <= 48 else name[:47] + "…" for name in shown]
    ncol = 1 if any(len(label) > 26 for label in labels) else 2
    rows = -(-len(labels) // ncol)
    legend_h = 0.19 * rows + 0.1 if labels else 0.0
    height = 2.3 + legend_h
    with matplotlib.rc_context({**_RC, "svg.hashsalt": salt}):
        fig, ax = _canvas()
        _clear(fig, ax)
        fig.set_size_inches(5.2, height)
        fig.subplots_adjust(left=0.13, right=0.95, top=1 - 0.15 / height, bottom=(legend_h + 0.5) / height)
        days = sorted({m[1] for m in marks})
        if days:  # at most four date ticks, at dates that carry claims
            ticks = days if len(days) <= 4 else [days[round(k * (len(days) - 1) / 3)] for k in range(4)]
            ax.xaxis.set_major_locator(FixedLocator(ticks))
            pad = max(1.0, 0.08 * (days[-1] - days[0]))
            ax.set_xlim(days[0] - pad, days[-1] + pad)
            ax.set_ylim(y0, y1)
        else:
            ax.xaxis.set_major_locator(FixedLocator([]))
            ax.set_xlim(0, 1)
            ax.set_ylim(0, 1)
        bars = sorted({(x, lo, hi, k) for k, x, _v, lo, hi in marks if lo is not None and hi is not None and lo != hi})
        if bars:  # the intervals, then one set of marks per claimant
            ax.vlines([b[0] for b in bars], [b[1] for b in bars], [b[2] for b in bars],
                      colors=[_style(b[3])[0] for b in bars], linewidth=2, alpha=0.6)
        for name in shown:
            k = order[name]
            mine = sorted({(x, v) for j, x, v, _lo, _hi in marks if j == k})
            ax.add_artist(_marks(ax, mine, *_style(k)))
        span = (max(tops) - min(tops)) if tops else 0.0
        arrows = set()
        for k, x, value, lo, hi in marks:
            step = 0.12 * (span or abs(value) or 1)
            if hi is None:  # "more than", "at least": the interval runs upwards
                arrows.add((x, value, value + step, k))
            if lo is None:  # "up to", "less than"
                arrows.add((x, value, value - step, k))
        for x, value, end, k in sorted(arrows):
            ax.annotate("", (x, end), (x, value), arrowprops={"arrowstyle": "->", "color": _style(k)[0]})
        # The legend, drawn directly (no Legend layout): a mark and a label per claimant, filled
        # column by column, in the cards' order; positions in inches from the bottom left.
        per_col = rows or 1
        for i, (name, label) in enumerate(zip(shown, labels)):
            colour, marker = _style(order[name])
            x = 0.1 + (i // per_col) * 5.0 / ncol
            label_x = x + 0.14  # (a name, not an expression, as text()'s first argument: see test_inert_output)
            y = legend_h - 0.05 - (i % per_col + 0.5) * 0.19
            fig.add_artist(Line2D([x], [y], transform=fig.dpi_scale_trans, color=colour, marker=marker, linestyle="none"))
            fig.text(label_x, y, label, transform=fig.dpi_scale_trans, va="center_baseline")
        buf = io.StringIO()
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    svg = _METADATA.sub("", _XML_HEAD.sub("", buf.getvalue(), count=1), count=1)
    # Ids unique within a page that holds many charts; the size follows the page (viewBox kept).
    svg = _salted_ids(svg, salt)
    svg = _SIZE.sub(r'<svg\1 width="100%" role="img"', svg, count=1).strip() + "\n"
    if title:  # the accessible name; the page shows the title as a heading
        svg = svg.replace(">", f"><title>{escape(title)}</title>", 1)
    return svg


def _salted_ids(svg: str, salt: str) -> str:
    """Every element id and reference to one prefixed with ``c<salt>-``."""
    def prefix(m: re.Match) -> str:
        before = svg[m.start() - 1] if m.start() else " "
        if m.group(0) == 'id="' and (before.isalnum() or before == "_"):  # 'xid="': not an id attribute
            return m.group(0)
        return f"{m.group(0)}c{salt}-"
    return _ID_REF.sub(prefix, svg)


def _draw(job: tuple[Points, str, str]) -> str:
    points, salt, title = job
    return _timeline(*points, salt, title)


def timeline_svgs(jobs: Sequence[tuple[Sequence[FlagClaim], str, str]], workers: int = 1) -> list[str]:
    """``timeline_svg(claims, salt, title)`` for each job, in order; spread over ``workers``
    processes when there are many (each chart is pure, so the bytes do not depend on it)."""
    with drawing(jobs, workers) as charts:
        return charts()


@contextmanager
def drawing(jobs: Sequence[tuple[Sequence[FlagClaim], str, str]], workers: int = 1) -> Iterator[Callable[[], list[str]]]:
    """``timeline_svgs`` started: in worker processes the charts are drawn while the caller goes
    on with other work inside the ``with``; the function it gives returns them, in order."""
    workers = min(workers if workers > 0 else (os.cpu_count() or 1), 8)
    drawn = [(_points(c), s, t) for c, s, t in jobs]
    if workers <= 1 or len(jobs) < 16 or "fork" not in multiprocessing.get_all_start_methods():
        yield lambda: list(map(_draw, drawn))
        return
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
        charts = pool.map(_draw, drawn, chunksize=max(1, len(jobs) // (4 * workers)))  # every chunk submitted now
        yield lambda: list(charts)
