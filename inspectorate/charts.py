"""Server-rendered, accessible SVG charts for results pages and reports.

Two charts, one small API:

    horizontal_bar(title, bars, *, description="", unit="%", maximum=None) -> SafeString
        bars: [(label, value)]; value None means "not shown" (for example a suppressed count),
        drawn as an empty row with the words "not shown".
    stacked_bar(title, rows, *, description="", legend=None) -> SafeString
        rows: [(label, [(segment label, percent)])]; each segment is drawn as its percentage of the
        full width; a None percent (suppressed) is left out, so the bar stops short of 100% rather
        than stretching the others.

    box_plot(title, rows, *, description="", unit="%", maximum=None) -> SafeString
        rows: [(label, lower quartile, median, upper quartile, marker)]; a box from the lower to the
        upper quartile with a line at the median, and a diamond at `marker` (for example the
        service being benchmarked). A row whose quartiles are None reads "not shown".

Each returns an <svg role="img"> with a <title> and <desc> joined by aria-labelledby, so a screen
reader announces what the chart shows. A chart is never the only way to read the numbers: the
page must always show the same figures in a table next to it (the chart is the picture, the
table is the data). No JavaScript; colours come from the GOV.UK palette and every segment also
carries a text label or a legend entry, so colour is never the only cue.
"""

import itertools
import math

from django.utils.html import escape
from django.utils.safestring import mark_safe

# GOV.UK Design System colours, in an order that keeps neighbours distinct.
PALETTE = ["#1d70b8", "#00703c", "#f47738", "#4c2c92", "#d4351c", "#505a5f", "#28a197", "#912b88"]
WIDTH = 640
# Each row is a label line with its bar underneath, so long labels never crowd the bars.
ROW_HEIGHT = 46
BAR_TOP = 20
BAR_HEIGHT = 18
FONT = 'font-family="Arial, sans-serif" font-size="14"'

_ids = itertools.count(1)


def _frame(title, description, height, body):
    n = next(_ids)
    title_id, desc_id = f"chart-title-{n}", f"chart-desc-{n}"
    return mark_safe(  # noqa: S308 - every piece of text below went through escape()
        f'<svg class="app-chart" role="img" aria-labelledby="{title_id} {desc_id}" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%" preserveAspectRatio="xMinYMin meet" '
        f'xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{title_id}">{escape(title)}</title><desc id="{desc_id}">{escape(description)}</desc>'
        f"{body}</svg>"
    )


def _label(label, y):
    return f'<text x="0" y="{y + 14}" {FONT} font-weight="bold" fill="#0b0c0c">{escape(label)}</text>'


def _number(value, unit):
    return f"{value:.0f}{unit}"


def horizontal_bar(title, bars, *, description="", unit="%", maximum=None):
    """One bar per (label, value). maximum: the value of a full-width bar (defaults to 100 for
    percentages, else the largest value)."""
    bars = list(bars)
    values = [v for _, v in bars if v is not None]
    if maximum is None:
        maximum = 100 if unit == "%" else max(values, default=0)
    maximum = maximum or 1
    plot = WIDTH - 60
    parts = []
    for i, (label, value) in enumerate(bars):
        y = i * ROW_HEIGHT + 4
        parts.append(_label(label, y))
        bar_y = y + BAR_TOP
        if value is None:
            parts.append(f'<text x="0" y="{bar_y + 14}" {FONT} fill="#505a5f">not shown</text>')
            continue
        length = max(0.0, min(value, maximum)) / maximum * plot
        parts.append(
            f'<rect x="0" y="{bar_y}" width="{length:.1f}" height="{BAR_HEIGHT}" fill="{PALETTE[0]}"/>'
            f'<text x="{length + 6:.1f}" y="{bar_y + 14}" {FONT} fill="#0b0c0c">{_number(value, unit)}</text>'
        )
    height = max(1, len(bars)) * ROW_HEIGHT + 8
    return _frame(title, description, height, "".join(parts))


def stacked_bar(title, rows, *, description="", legend=None):
    """One bar per row, its segments laid end to end by percentage; a legend names them by colour."""
    rows = [(label, list(segments)) for label, segments in rows]
    legend = list(legend) if legend is not None else list(dict.fromkeys(s for _, segs in rows for s, _ in segs))
    colours = {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(legend)}
    plot = WIDTH - 10
    parts = []
    for i, (label, segments) in enumerate(rows):
        y = i * ROW_HEIGHT + 4
        parts.append(_label(label, y))
        shown = [(name, value) for name, value in segments if value]
        y += BAR_TOP
        if not shown:
            parts.append(f'<text x="0" y="{y + 14}" {FONT} fill="#505a5f">not shown</text>')
            continue
        x = 0.0
        for name, value in shown:
            width = min(value, 100) / 100 * plot
            colour = colours.get(name, "#b1b4b6")
            parts.append(
                f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{BAR_HEIGHT}" fill="{colour}">'
                f"<title>{escape(name)}: {value:.0f}%</title></rect>"
            )
            x += width
    legend_top = len(rows) * ROW_HEIGHT + 12
    for i, name in enumerate(legend):
        column, line = i % 3, i // 3
        lx, ly = 10 + column * 210, legend_top + line * 22
        parts.append(
            f'<rect x="{lx}" y="{ly}" width="14" height="14" fill="{colours[name]}"/>'
            f'<text x="{lx + 20}" y="{ly + 12}" {FONT} fill="#0b0c0c">{escape(name)}</text>'
        )
    height = legend_top + ((len(legend) + 2) // 3) * 22 + 6
    return _frame(title, description, height, "".join(parts))


def box_plot(title, rows, *, description="", unit="%", maximum=None):
    """Quartile boxes for comparison groups, with one value marked on each (see the module docstring)."""
    rows = list(rows)
    values = [v for row in rows for v in row[1:] if v is not None]
    if maximum is None:
        # Scaled to the figures (to the next ten above the largest), so small rates are readable.
        top = max(values, default=0) * 1.2
        maximum = min(100, math.ceil(top / 10) * 10) if unit == "%" else top
    maximum = maximum or 1
    plot = WIDTH - 60

    def x(value):
        return max(0.0, min(value, maximum)) / maximum * plot

    parts = []
    for i, (label, lower, median, upper, marker) in enumerate(rows):
        y = i * ROW_HEIGHT + 4
        parts.append(_label(label, y))
        top = y + BAR_TOP
        if None in (lower, median, upper):
            parts.append(f'<text x="0" y="{top + 14}" {FONT} fill="#505a5f">not shown</text>')
        else:
            parts.append(
                f'<line x1="0" y1="{top + BAR_HEIGHT / 2}" x2="{plot}" y2="{top + BAR_HEIGHT / 2}" stroke="#b1b4b6"/>'
                f'<rect x="{x(lower):.1f}" y="{top}" width="{max(x(upper) - x(lower), 1):.1f}" height="{BAR_HEIGHT}" '
                f'fill="#d2e2f1" stroke="{PALETTE[0]}"/>'
                f'<line x1="{x(median):.1f}" y1="{top}" x2="{x(median):.1f}" y2="{top + BAR_HEIGHT}" '
                f'stroke="{PALETTE[0]}" stroke-width="3"/>'
            )
        if marker is not None:
            cx, cy = x(marker), top + BAR_HEIGHT / 2
            parts.append(
                f'<path d="M{cx:.1f} {cy - 8} L{cx + 8:.1f} {cy} L{cx:.1f} {cy + 8} L{cx - 8:.1f} {cy} Z" '
                f'fill="#d4351c"/><text x="{min(cx + 12, plot):.1f}" y="{cy + 5}" {FONT} '
                f'font-weight="bold" fill="#d4351c">'
                f"{_number(marker, unit)}</text>"
            )
    height = max(1, len(rows)) * ROW_HEIGHT + 8
    return _frame(title, description, height, "".join(parts))
