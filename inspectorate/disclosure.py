"""Disclosure control: the one place that decides which counts may be shown.

Reports never identify anyone, so small numbers are suppressed. A count from 1 up to the
threshold (setting DISCLOSURE_THRESHOLD, default 5) is shown as "fewer than 5" with its
percentage hidden. Secondary suppression then hides further cells wherever a suppressed cell
could be worked out by subtracting the others from a published total: every row and column that
has any suppressed cell must have at least two. Zero is a true zero and is shown. A cell hidden
only to protect another (secondary suppression) reads "not shown", since "fewer than 5" would be
untrue of it.

Every results page, export and report takes its numbers through these functions.
"""

from collections.abc import Hashable, Mapping
from dataclasses import dataclass

from django.conf import settings


def threshold():
    return settings.DISCLOSURE_THRESHOLD


@dataclass(frozen=True)
class Cell:
    """A count ready to publish: either the number (and its percentage) or suppressed."""

    count: int
    suppressed: bool
    percent: float | None = None
    limit: int = 5
    secondary: bool = False  # hidden to protect another cell, not because it is small

    @property
    def display(self):
        if not self.suppressed:
            return str(self.count)
        return "not shown" if self.secondary else f"fewer than {self.limit}"

    @property
    def percent_display(self):
        if self.suppressed or self.percent is None:
            return "-" if self.suppressed else ""
        return f"{self.percent:.0f}%"

    @property
    def value(self):
        """The number for a chart or an export: None where suppressed."""
        return None if self.suppressed else self.count

    def __str__(self):
        return self.display


def is_small(count, limit):
    return 0 < count < limit


@dataclass(frozen=True)
class Distribution:
    """Counts per option of one question (or one evaluation), with the total, after suppression."""

    cells: dict
    total: int
    total_suppressed: bool
    limit: int

    @property
    def total_display(self):
        return f"fewer than {self.limit}" if self.total_suppressed else str(self.total)

    def items(self):
        return self.cells.items()


def suppress_distribution(counts: Mapping[Hashable, int], *, total=None, limit=None) -> Distribution:
    """Suppress one row of counts that adds up to a published total.

    total: pass it where options are not exclusive (multiple choice), otherwise it is the sum.
    If the total itself is small, every cell is suppressed.
    """
    limit = threshold() if limit is None else limit
    total = sum(counts.values()) if total is None else total
    if is_small(total, limit):
        cells = {key: Cell(count, suppressed=count > 0, limit=limit) for key, count in counts.items()}
        return Distribution(cells, total, True, limit)
    small = {key for key, count in counts.items() if is_small(count, limit)}
    hidden = small | _secondary(list(counts.items()), small)
    cells = {
        key: Cell(
            count,
            suppressed=key in hidden,
            percent=None if key in hidden or not total else 100 * count / total,
            limit=limit,
            secondary=key in hidden and key not in small,
        )
        for key, count in counts.items()
    }
    return Distribution(cells, total, False, limit)


def _secondary(line, hidden):
    """Extra cells to hide in one line so that no single hidden cell can be derived from the total."""
    hidden_here = [key for key, _ in line if key in hidden]
    if len(hidden_here) != 1:
        return set()
    candidates = sorted(((count, str(key), key) for key, count in line if key not in hidden), key=lambda c: c[:2])
    # Prefer the smallest non-zero cell: hiding a zero next to a small number protects little.
    non_zero = [c for c in candidates if c[0] > 0]
    pick = (non_zero or candidates)[:1]
    return {key for _, _, key in pick}


@dataclass(frozen=True)
class Table:
    """A two-way table (for example local authority x service type) with row and column totals."""

    rows: list
    columns: list
    cells: dict
    row_totals: dict
    column_totals: dict
    grand_total: Cell
    limit: int

    def cell(self, row, column):
        return self.cells[(row, column)]


def suppress_table(counts: Mapping[tuple, int], rows, columns, *, limit=None) -> Table:
    """Suppress a two-way table whose row, column and grand totals are published.

    Primary suppression hides small cells (and small totals); secondary suppression repeats until
    every row and every column holds no hidden cell or at least two of them, so no hidden cell
    can be recovered from the totals.
    """
    limit = threshold() if limit is None else limit
    value = {(r, c): counts.get((r, c), 0) for r in rows for c in columns}
    small = {key for key, count in value.items() if is_small(count, limit)}
    hidden = set(small)
    changed = True
    while changed:
        changed = False
        for line in [[(r, c) for c in columns] for r in rows] + [[(r, c) for r in rows] for c in columns]:
            extra = _secondary([(key, value[key]) for key in line], hidden)
            if extra:
                hidden |= extra
                changed = True
    row_totals = {r: sum(value[(r, c)] for c in columns) for r in rows}
    column_totals = {c: sum(value[(r, c)] for r in rows) for c in columns}
    grand = sum(row_totals.values())
    return Table(
        rows=list(rows),
        columns=list(columns),
        cells={
            key: Cell(count, key in hidden, limit=limit, secondary=key in hidden and key not in small)
            for key, count in value.items()
        },
        row_totals={r: Cell(t, is_small(t, limit), limit=limit) for r, t in row_totals.items()},
        column_totals={c: Cell(t, is_small(t, limit), limit=limit) for c, t in column_totals.items()},
        grand_total=Cell(grand, is_small(grand, limit), limit=limit),
        limit=limit,
    )
