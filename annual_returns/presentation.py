"""A return's answers laid out for summary lists: labels, displayed values and what changed."""

from annual_returns.checks import WARNING_LABELS
from annual_returns.forms import YES_NO


def display(question, value):
    if value is None or value == "":
        return "Not answered"
    if question["kind"] in ("choice", "yes_no"):
        choices = dict(YES_NO) if question["kind"] == "yes_no" else dict(map(tuple, question["choices"]))
        return choices.get(value, value)
    if question["kind"] == "wte":
        return f"{float(value):g}"
    return str(value)


def answer_rows(annual_return):
    """Sections with one row per question asked: the answer, last year's if it changed, explanations."""
    rows = {row.section: row for row in annual_return.section_answers.all()}
    result = []
    for section in annual_return.sections():
        row = rows.get(section["key"])
        answers = row.answers if row else {}
        changed = set(row.changed) if row else set()
        previous = row.previous_answers if row else {}
        result.append(
            {
                "key": section["key"],
                "title": section["title"],
                "status": row.status if row else "not_started",
                "carried_forward": bool(row and row.carried_forward),
                "rows": [
                    {
                        "label": q["label"],
                        "value": display(q, answers.get(q["key"])),
                        "changed": q["key"] in changed,
                        "previous": display(q, previous.get(q["key"])) if q["key"] in changed else "",
                    }
                    for q in section["questions"]
                ],
                "explanations": [
                    {"label": WARNING_LABELS.get(code, code), "text": text}
                    for code, text in (row.explanations if row else {}).items()
                ],
            }
        )
    return result
