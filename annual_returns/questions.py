"""The annual return's questions for a cycle, written as data.

A cycle's question set is copied into its QuestionSet row when the cycle is opened, so a return
always shows the questions it was answered against, even after later years change them. Each
question may name the service types it applies to; a question without `service_types` is asked
of every service.

Question kinds: "count" (a whole number, 0 or more), "wte" (whole-time equivalent, 0 or more,
two decimal places), "yes_no", "choice" (with `choices`), "text".
"""

from inspectorate.organisations.models import ServiceType

CARE_HOMES = [str(t) for t in ServiceType.care_homes()]
CHILDREN_DAY_CARE = [str(ServiceType.CHILDMINDING), str(ServiceType.DAY_CARE_OF_CHILDREN)]
NOT_CHILDMINDING = [str(t) for t in ServiceType if t != ServiceType.CHILDMINDING]

# Staff roles asked about in the staffing section, with the service types that are asked.
STAFF_ROLES = [
    ("managers", "Managers", NOT_CHILDMINDING),
    ("nurses", "Nurses", CARE_HOMES),
    ("senior_carers", "Senior care workers", CARE_HOMES),
    ("care_staff", "Care and support workers", NOT_CHILDMINDING),
    ("practitioners", "Early learning and childcare practitioners", [str(ServiceType.DAY_CARE_OF_CHILDREN)]),
    ("assistants", "Childminding assistants", [str(ServiceType.CHILDMINDING)]),
    ("ancillary", "Ancillary staff (catering, domestic, maintenance)", NOT_CHILDMINDING),
]

# Worker groups for registration with the Scottish Social Services Council.
SSSC_GROUPS = [
    ("managers", "Managers", NOT_CHILDMINDING),
    ("supervisors", "Supervisors and senior care workers", NOT_CHILDMINDING),
    ("support_workers", "Support workers", NOT_CHILDMINDING),
    ("practitioners", "Practitioners", CHILDREN_DAY_CARE),
]

STAFF_MEASURES = [
    ("headcount", "Headcount on 31 December", "count"),
    ("wte", "Whole-time equivalent on 31 December", "wte"),
    ("starters", "Starters during the year", "count"),
    ("leavers", "Leavers during the year", "count"),
    ("vacancies", "Vacancies on 31 December", "count"),
]

SSSC_MEASURES = [
    ("registered", "Registered with the SSSC", "count"),
    ("applied", "Applied, not yet registered", "count"),
    ("not_registered", "Not registered and not applied", "count"),
]

CHILDREN_SERVICES = CHILDREN_DAY_CARE + [
    str(t)
    for t in (
        ServiceType.CARE_HOME_CHILDREN,
        ServiceType.CHILDCARE_AGENCY,
        ServiceType.SCHOOL_CARE_ACCOMMODATION,
        ServiceType.SECURE_ACCOMMODATION,
        ServiceType.FOSTERING,
        ServiceType.ADOPTION,
    )
]
ALL_AGES = [str(ServiceType.SUPPORT_SERVICE), str(ServiceType.HOUSING_SUPPORT)]
ADULT_SERVICES = [str(t) for t in ServiceType if str(t) not in CHILDREN_SERVICES]

AGE_BANDS = [
    ("age_under_5", "Under 5", CHILDREN_SERVICES + ALL_AGES),
    ("age_5_to_17", "5 to 17", CHILDREN_SERVICES + ALL_AGES),
    ("age_18_to_64", "18 to 64", ADULT_SERVICES),
    ("age_65_plus", "65 and over", ADULT_SERVICES),
]


def _q(key, label, kind, *, hint="", service_types=None, choices=None, group="", required=True):
    question = {"key": key, "label": label, "kind": kind, "hint": hint, "required": required}
    if service_types is not None:
        question["service_types"] = list(service_types)
    if choices:
        question["choices"] = choices
    if group:
        question["group"] = group
    return question


def _staffing_questions():
    questions = []
    for role, role_label, types in STAFF_ROLES:
        for measure, measure_label, kind in STAFF_MEASURES:
            questions.append(
                _q(
                    f"{role}__{measure}",
                    f"{role_label}: {measure_label[0].lower()}{measure_label[1:]}",
                    kind,
                    service_types=types,
                    group=role,
                )
            )
    questions += [
        _q(
            "agency_wte",
            "Agency staff used in a typical week (whole-time equivalent)",
            "wte",
            hint="Staff supplied by an agency, not employed by you",
        ),
        _q(
            "bank_wte",
            "Bank staff used in a typical week (whole-time equivalent)",
            "wte",
            service_types=NOT_CHILDMINDING,
        ),
    ]
    return questions


def _sssc_questions():
    return [
        _q(
            f"{group}__{measure}",
            f"{label}: {measure_label[0].lower()}{measure_label[1:]}",
            kind,
            service_types=types,
            group=group,
        )
        for group, label, types in SSSC_GROUPS
        for measure, measure_label, kind in SSSC_MEASURES
    ]


def definition(year):
    """The question set for the cycle of `year`, as a list of sections."""
    status_choices = [["active", "Providing care"], ["inactive", "Registered but not providing care this year"]]
    yes_no_partly = [["yes", "Yes"], ["partly", "Partly"], ["no", "No"]]
    sections = [
        {
            "key": "service_details",
            "title": "Service details and status",
            "questions": [
                _q(
                    "operating_status",
                    "Was the service providing care on 31 December?",
                    "choice",
                    choices=status_choices,
                ),
                _q("manager_name", "Name of the registered manager", "text"),
                _q("opening_hours", "Usual opening or operating hours", "text", hint="For example, 24 hours, 7 days"),
            ],
        },
        {
            "key": "people",
            "title": "People using the service",
            "questions": [
                _q("people_total", "Number of people using the service on 31 December", "count"),
                *[
                    _q(key, f"Aged {label.lower()}", "count", service_types=types, group="age")
                    for key, label, types in AGE_BANDS
                ],
            ],
        },
        {
            "key": "capacity",
            "title": "Capacity and occupancy",
            "questions": [
                _q(
                    "registered_places",
                    "Registered places",
                    "count",
                    hint="As shown on your certificate of registration",
                ),
                _q("occupied_places", "Places occupied on 31 December", "count"),
                _q("respite_places", "Places kept for respite or short breaks", "count", service_types=CARE_HOMES),
            ],
        },
        {"key": "staffing", "title": "Staffing", "questions": _staffing_questions()},
        {"key": "sssc", "title": "Workforce registration with the SSSC", "questions": _sssc_questions()},
        {
            "key": "topics",
            "title": "Infection control, nutrition and other topics",
            "questions": [
                _q(
                    "infection_control_lead",
                    "Does the service have a named infection prevention and control lead?",
                    "yes_no",
                ),
                _q(
                    "nutrition_screening",
                    "Are people screened for the risk of malnutrition when they start using the service?",
                    "choice",
                    choices=yes_no_partly,
                    service_types=CARE_HOMES,
                ),
                _q(
                    "free_meals",
                    "Does the service provide meals and snacks that meet the nutritional guidance for early years?",
                    "choice",
                    choices=yes_no_partly,
                    service_types=CHILDREN_DAY_CARE,
                ),
                _q("improvement_notes", "Anything else you want us to know about the year", "text", required=False),
            ],
        },
    ]
    if year >= 2027:
        # From the 2027 return the staffing section also asks about international recruitment.
        sections[3]["questions"].append(
            _q("international_recruits", "Staff recruited from outside the UK during the year", "count")
        )
    return {"year": year, "sections": sections}


def applies_to(question, service_type):
    types = question.get("service_types")
    return types is None or str(service_type) in types
