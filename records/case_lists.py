"""Reading and checking an uploaded case list (CSV or Excel) before anything is stored.

The checks are pure: `check(headings, rows, fields)` returns the clean records or every problem
found, row by row, so that the co-ordinator can fix the whole file at once. A file with a column
that looks like a name or a date of birth is refused outright: the service must never hold them.
"""

import csv
import io
import re
from dataclasses import dataclass, field

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 20_000
MAX_REPORTED = 200
REFERENCE_HEADINGS = {"reference", "reference_number", "unique_reference_number", "ref", "urn"}

# Normalised headings (lower case, letters and digits joined by "_") that identify a person.
IDENTIFYING = re.compile(
    r"^(.*_)?(name|names|forename|forenames|firstname|first_name|given_name|surname|lastname|last_name|"
    r"family_name|full_name|fullname|dob|d_o_b|date_of_birth|birth_date|birthdate|dateofbirth|birthday|"
    r"chi|chi_number|address|postcode|post_code)(_.*)?$"
)


class UnreadableFile(ValueError):
    """The upload is not a CSV or Excel file this service can read."""


@dataclass
class Problem:
    """One thing wrong with the file: a row number (None for the file as a whole) and a message."""

    row: int | None
    message: str


@dataclass
class Outcome:
    records: list = field(default_factory=list)  # [(reference, {field name: value})]
    problems: list = field(default_factory=list)

    @property
    def is_clean(self):
        return not self.problems

    @property
    def reported_problems(self):
        return self.problems[:MAX_REPORTED]

    @property
    def unreported_count(self):
        return max(0, len(self.problems) - MAX_REPORTED)


def normalise(heading):
    return re.sub(r"[^a-z0-9]+", "_", str(heading or "").strip().lower()).strip("_")


def read_table(uploaded):
    """Return (headings, rows) of an uploaded .csv or .xlsx file, as strings; raise UnreadableFile."""
    name = (uploaded.name or "").lower()
    if uploaded.size > MAX_BYTES:
        raise UnreadableFile(f"The file must be smaller than {MAX_BYTES // (1024 * 1024)} MB")
    content = uploaded.read()
    if name.endswith(".csv"):
        rows = _csv_rows(content)
    elif name.endswith(".xlsx"):
        rows = _xlsx_rows(content)
    else:
        raise UnreadableFile("The selected file must be a CSV or an Excel (.xlsx) file")
    rows = [[_text(cell) for cell in row] for row in rows]
    if not rows or not any(rows[0]):
        raise UnreadableFile("The selected file is empty: the first row must hold the column headings")
    if len(rows) - 1 > MAX_ROWS:
        raise UnreadableFile(f"The file must have no more than {MAX_ROWS:,} records")
    return rows[0], rows[1:]


def _text(cell):
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    return str(cell).strip()


def _csv_rows(content):
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnreadableFile("The CSV file must be saved as UTF-8") from None
    try:
        return list(csv.reader(io.StringIO(text)))
    except csv.Error:
        raise UnreadableFile("The CSV file could not be read: save it again as CSV (comma delimited)") from None


def _xlsx_rows(content):
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds of error for a damaged or disguised file
        raise UnreadableFile("The Excel file could not be read: save it again as an Excel workbook (.xlsx)") from None
    try:
        sheet = workbook.worksheets[0]
        rows = []
        for row in sheet.iter_rows(values_only=True):
            rows.append(list(row))
            if len(rows) > MAX_ROWS + 1:
                break
        return rows
    finally:
        workbook.close()


def column_letter(index):
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def check(headings, rows, fields):
    """Check every row against the review's fields. `fields` is [(name, label, allowed values)].

    Row numbers are the spreadsheet's: the headings are row 1, the first record row 2.
    """
    outcome = Outcome()
    identifying = [heading for heading in headings if heading and IDENTIFYING.match(normalise(heading))]
    if identifying:
        named = ", ".join(f"“{heading}”" for heading in identifying)
        outcome.problems.append(
            Problem(
                None,
                f"The file has a column that looks like a name, date of birth or other identifying detail "
                f"({named}). Remove it: upload only the reference number and the fields listed.",
            )
        )
        return outcome
    by_name = {}
    for name, label, allowed in fields:
        by_name[name] = (name, label, allowed)
        by_name[normalise(label)] = (name, label, allowed)
    columns = {}  # column index -> field name, or "reference"
    for index, heading in enumerate(headings):
        key = normalise(heading)
        if not key:
            continue
        if key in REFERENCE_HEADINGS:
            columns[index] = "reference"
        elif key in by_name:
            columns[index] = by_name[key][0]
        else:
            outcome.problems.append(
                Problem(None, f"Column {column_letter(index)} (“{heading}”) is not one of the columns asked for")
            )
    found = set(columns.values())
    if "reference" not in found:
        outcome.problems.append(Problem(None, "The file has no reference column: add one headed “reference”"))
    for name, label, _allowed in fields:
        if name not in found:
            outcome.problems.append(Problem(None, f"The file has no “{name}” column ({label})"))
    if outcome.problems:
        return outcome
    allowed_by_name = {name: allowed for name, _label, allowed in fields}
    label_by_name = {name: label for name, label, _allowed in fields}
    seen = {}
    for offset, row in enumerate(rows):
        number = offset + 2
        if not any(row):
            continue
        for index, cell in enumerate(row):
            if cell and index not in columns:
                outcome.problems.append(
                    Problem(number, f"Column {column_letter(index)} has a value but no heading: remove it")
                )
        cells = {columns[index]: cell for index, cell in enumerate(row) if index in columns}
        reference = cells.get("reference", "")
        if not reference:
            outcome.problems.append(Problem(number, "The reference number is missing"))
        elif len(reference) > 60:
            outcome.problems.append(Problem(number, "The reference number must be 60 characters or fewer"))
        elif reference.casefold() in seen:
            outcome.problems.append(
                Problem(number, f"Reference {reference} is a duplicate of row {seen[reference.casefold()]}")
            )
        else:
            seen[reference.casefold()] = number
        values = {}
        for name, allowed in allowed_by_name.items():
            value = cells.get(name, "")
            match = next((option for option in allowed if option.casefold() == value.casefold()), None)
            if match is None:
                shown = f"“{value}”" if value else "blank"
                outcome.problems.append(
                    Problem(
                        number,
                        f"{label_by_name[name]} is {shown}: it must be one of {', '.join(allowed)}",
                    )
                )
            values[name] = match
        outcome.records.append((reference, values))
    if not outcome.records and not outcome.problems:
        outcome.problems.append(Problem(None, "The file has headings but no records"))
    if outcome.problems:
        outcome.records = []
    return outcome
