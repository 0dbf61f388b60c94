"""Charts and tables as reports need them.

WeasyPrint gives an inline <svg aria-label> no alternative text in a tagged PDF, but it does carry
the alt text of an <img>. So a report embeds each chart as an <img> with the SVG in a data: URI
(the static-only URL fetcher allows data:) and real alt text; the same markup works in the
browser preview. A chart never stands alone: templates put the data table next to it.
"""

import base64
import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import mark_safe

from inspectorate import charts
from inspectorate.disclosure import Cell

_VIEWBOX = re.compile(r'viewBox="0 0 (\d+) (\d+)" width="100%"')
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.S)
_DESC = re.compile(r"<desc[^>]*>(.*?)</desc>", re.S)


def as_image(svg, alt=None):
    """An <img> for a chart from inspectorate.charts; alt defaults to the chart's title and description."""
    if alt is None:
        title = _TITLE.search(svg)
        desc = _DESC.search(svg)
        alt = " ".join(m.group(1) for m in (title, desc) if m)
        alt = alt.replace("&amp;", "&").replace("&#x27;", "'").replace("&quot;", '"').replace("&lt;", "<")
        alt = alt.replace("&gt;", ">")
    # An <img> needs the chart's own size to keep its proportions; the stylesheet scales it to the page.
    svg = _VIEWBOX.sub(lambda m: f'viewBox="0 0 {m[1]} {m[2]}" width="{m[1]}" height="{m[2]}"', str(svg), count=1)
    data = base64.b64encode(svg.encode()).decode()
    return mark_safe(f'<img src="data:image/svg+xml;base64,{data}" alt="{escape(alt)}">')  # noqa: S308


def bar_image(title, cells, *, description):
    """A horizontal bar chart of percentages from [(label, Cell)]; suppressed cells are "not shown".

    Empty when no percentage can be shown: a chart of nothing but "not shown" tells a reader nothing
    the table does not."""
    if not any(cell.percent for _, cell in cells if not cell.suppressed):
        return ""
    bars = [(label, None if cell.suppressed else cell.percent) for label, cell in cells]
    return as_image(charts.horizontal_bar(title, bars, description=description))


# Beyond this length the stacked chart's legend (three columns) runs its labels into each other.
LEGEND_LABEL_LIMIT = 24


def comparison_image(title, rows, legend, *, description):
    """A stacked bar per row (for example an area and all areas): rows [(label, [(option, Cell)])].

    Where the options have long labels, each option gets a pair of labelled bars instead."""
    if any(len(option) > LEGEND_LABEL_LIMIT for option in legend):
        bars = [
            (f"{option}: {label}", None if cell.suppressed else cell.percent)
            for index, option in enumerate(legend)
            for label, cells in rows
            for cell in [cells[index][1]]
        ]
        if not any(value for _, value in bars):
            return ""
        return as_image(charts.horizontal_bar(title, bars, description=description))
    stacked = [
        (label, [(option, cell.percent if not cell.suppressed else None) for option, cell in cells])
        for label, cells in rows
    ]
    return as_image(charts.stacked_bar(title, stacked, description=description, legend=legend))


@dataclass(frozen=True)
class ComparisonRow:
    """One option of a question: the area's cell beside the national cell."""

    label: str
    local: Cell
    national: Cell


def compare(local_distribution, national_distribution):
    """Rows of (option, area cell, national cell) for two distributions keyed by the same options."""
    return [
        ComparisonRow(label, cell, national_distribution.cells.get(label))
        for label, cell in local_distribution.cells.items()
    ]
