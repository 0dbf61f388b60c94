"""Seed questionnaires for each audience, written from the regulator's own purposes for its surveys.

Staff: the difference services make to children and young people; staff give only their
occupation/professional role and job type, never their name. Children and young people: plain
words about their wellbeing, the people who help them, and being involved in decisions. Parents
and carers: the help their family gets. Local authorities: the national survey.

Each question is (kind, text, help text, required, options, follow-ups); a follow-up is
(trigger option label, question) and is asked only when that option was chosen.
"""

from surveys.models import Audience, Kind

YES_NO = ["Yes", "No"]


def q(kind, text, *, help_text="", required=True, options=(), follow_ups=()):
    return {
        "kind": kind,
        "text": text,
        "help_text": help_text,
        "required": required,
        "options": list(options),
        "follow_ups": list(follow_ups),
    }


STAFF = [
    (
        "About your role",
        "We do not ask for your name. We ask only for your role and job type.",
        [
            q(
                Kind.SINGLE,
                "What is your current occupation or professional role?",
                options=[
                    "Social worker",
                    "Social work assistant or support worker",
                    "Health visitor or midwife",
                    "Other health professional",
                    "Teacher or other education staff",
                    "Police officer",
                    "Third sector or voluntary organisation worker",
                    "Other",
                ],
            ),
            q(
                Kind.SINGLE,
                "What is your job type?",
                options=["Practitioner", "Team leader or first-line manager", "Middle manager", "Senior manager"],
            ),
        ],
    ),
    (
        "The difference services make",
        "Think about the disabled children and young people you have worked with in the last year.",
        [
            q(Kind.AGREEMENT, "Children and young people get the right help at the right time."),
            q(Kind.AGREEMENT, "Services help children and young people to achieve positive outcomes."),
            q(Kind.AGREEMENT, "Children and young people's rights are upheld."),
            q(Kind.AGREEMENT, "Children and young people's views are listened to and inform decisions about them."),
        ],
    ),
    (
        "Your practice",
        "",
        [
            q(Kind.SIX_POINT, "How would you evaluate the quality of assessments, plans and reviews?"),
            q(
                Kind.SINGLE,
                "Do you have the training you need to support disabled children and young people?",
                options=YES_NO,
                follow_ups=[("No", q(Kind.LONG_TEXT, "What training would help you?", required=False))],
            ),
            q(Kind.LONG_TEXT, "Is there anything else you would like to tell us?", required=False),
        ],
    ),
]

CHILDREN = [
    (
        "About you",
        "You do not need to tell us your name.",
        [
            q(
                Kind.SINGLE,
                "How old are you?",
                options=["11 or younger", "12 to 15", "16 or older", "I'd rather not say"],
            ),
        ],
    ),
    (
        "How you are doing",
        "",
        [
            q(Kind.AGREEMENT, "I feel safe."),
            q(Kind.AGREEMENT, "I feel happy most of the time."),
        ],
    ),
    (
        "People who help you",
        "",
        [
            q(
                Kind.MULTIPLE,
                "Who helps you?",
                help_text="Choose all that are true for you.",
                options=["My family", "A social worker", "A teacher", "A nurse or doctor", "A friend", "Someone else"],
            ),
            q(Kind.AGREEMENT, "I can talk to the people who help me when I need to."),
            q(
                Kind.SINGLE,
                "Do the people who help you know what matters to you?",
                options=["Yes", "Sometimes", "No"],
                follow_ups=[("No", q(Kind.LONG_TEXT, "What would help them know you better?", required=False))],
            ),
        ],
    ),
    (
        "Being part of decisions",
        "",
        [
            q(Kind.AGREEMENT, "People ask me what I think before they make decisions about my life."),
            q(Kind.AGREEMENT, "I know why decisions about me are made."),
            q(Kind.LONG_TEXT, "Is there anything else you want to tell us?", required=False),
        ],
    ),
]

PARENTS = [
    (
        "About your family",
        "We do not ask for your name.",
        [
            q(
                Kind.SINGLE,
                "How old is the child or young person you care for?",
                options=["Under 5", "5 to 11", "12 to 15", "16 or older"],
            ),
        ],
    ),
    (
        "The help your family gets",
        "",
        [
            q(Kind.AGREEMENT, "We get the right help at the right time."),
            q(Kind.AGREEMENT, "Staff listen to us and take our views into account."),
            q(Kind.SIX_POINT, "Overall, how would you rate the support your family receives?"),
            q(
                Kind.SINGLE,
                "Have you been involved in planning your child's support?",
                options=YES_NO,
                follow_ups=[("No", q(Kind.LONG_TEXT, "How would you like to be involved?", required=False))],
            ),
            q(Kind.LONG_TEXT, "Is there anything else you would like to tell us?", required=False),
        ],
    ),
]

LOCAL_AUTHORITIES = [
    (
        "Your area",
        "One response for your local authority, from its co-ordinator.",
        [
            q(Kind.NUMBER, "How many disabled children and young people are open to children's social work?"),
            q(
                Kind.SIX_POINT,
                "How would you evaluate your area's social work services for disabled children and young people?",
            ),
            q(
                Kind.SINGLE,
                "Do you have examples of good practice to share?",
                options=YES_NO,
                follow_ups=[("Yes", q(Kind.LONG_TEXT, "Describe your examples of good practice."))],
            ),
        ],
    ),
]

SEEDS = {
    Audience.STAFF: STAFF,
    Audience.CHILDREN: CHILDREN,
    Audience.PARENTS: PARENTS,
    Audience.LOCAL_AUTHORITIES: LOCAL_AUTHORITIES,
}

TITLES = {
    Audience.STAFF: "Staff survey",
    Audience.CHILDREN: "Children and young people's questionnaire",
    Audience.PARENTS: "Parents' and carers' survey",
    Audience.LOCAL_AUTHORITIES: "National survey",
}
