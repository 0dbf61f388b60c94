"""Checks on a section's answers: hard checks that must pass, and soft checks that the provider may confirm.

Pure functions over the cleaned answers of one section, so they can be tested without a form.
A soft check returns a Warning with a code; the provider confirms it with a short explanation,
which inspectors then see.
"""

from dataclasses import dataclass

from annual_returns import metrics

TURNOVER_WARNING_ABOVE = 60  # percent: a high turnover is worth a second look


@dataclass(frozen=True)
class Problem:
    field: str | None
    message: str
    code: str = ""


def _groups(answers, measure):
    return sorted({key.split("__")[0] for key in answers if key.endswith(f"__{measure}")})


def _value(answers, key):
    return answers.get(key) or 0


def hard_problems(section, answers):
    """Problems that stop the section being completed."""
    problems = []
    if section == "staffing":
        for role in _groups(answers, "headcount"):
            headcount = _value(answers, f"{role}__headcount")
            starters = _value(answers, f"{role}__starters")
            leavers = _value(answers, f"{role}__leavers")
            wte = _value(answers, f"{role}__wte")
            if leavers > headcount + starters:
                problems.append(
                    Problem(
                        f"{role}__leavers",
                        f"Leavers ({leavers}) cannot be more than the headcount plus starters ({headcount + starters})",
                    )
                )
            if wte > headcount:
                problems.append(
                    Problem(
                        f"{role}__wte", f"Whole-time equivalent ({wte}) cannot be more than the headcount ({headcount})"
                    )
                )
    if section == "people":
        bands = [key for key in answers if key.startswith("age_")]
        total = answers.get("people_total")
        if bands and total is not None:
            in_bands = sum(_value(answers, key) for key in bands)
            if in_bands != total:
                problems.append(
                    Problem(bands[0], f"The age bands add up to {in_bands}, but the number of people is {total}")
                )
    if section == "capacity":
        registered = answers.get("registered_places")
        respite = answers.get("respite_places")
        if registered is not None and respite is not None and respite > registered:
            problems.append(
                Problem(
                    "respite_places", f"Respite places ({respite}) cannot be more than registered places ({registered})"
                )
            )
    return problems


def warnings(section, answers):
    """Unusual values the provider must confirm with an explanation before completing the section."""
    found = []
    if section == "staffing":
        turnover = metrics.staff_turnover(answers)
        if turnover is not None and turnover > TURNOVER_WARNING_ABOVE:
            found.append(
                Problem(
                    None,
                    f"Staff turnover is {turnover:.0f}%, which is above {TURNOVER_WARNING_ABOVE}%. "
                    "Check the leavers and headcount, or explain why the figure is right",
                    code="turnover",
                )
            )
    if section == "capacity":
        registered = answers.get("registered_places")
        occupied = answers.get("occupied_places")
        if registered is not None and occupied is not None and occupied > registered:
            found.append(
                Problem(
                    None,
                    f"Places occupied ({occupied}) are more than registered places ({registered}). "
                    "Check the numbers, or explain why the figure is right",
                    code="occupancy",
                )
            )
    return found


WARNING_LABELS = {
    "turnover": "Why is staff turnover this high?",
    "occupancy": "Why are more places occupied than registered?",
}
