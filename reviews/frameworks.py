"""The quality frameworks the team evaluates against, as the regulator publishes them.

`install(QualityFramework, QualityIndicator)` takes the model classes so that the data migration
(with historical models) and the demo loader share one definition. It is idempotent.
"""

CARE_AND_PROTECTION = "care-and-protection"
DAYCARE = "daycare-of-children"

# A quality framework for children and young people in need of care and protection (2019): six
# EFQM domains (the heading kept here), 10 areas, 22 quality indicators. Joint inspections grade QI 2.1 on the six-point
# scale; the national self-evaluation of 2024 used QI 6.4.
CARE_AND_PROTECTION_INDICATORS = [
    # number, title, framework area, key indicator
    (
        "1.1",
        "Improvements in the safety, wellbeing and life chances of vulnerable children and young people",
        "Key outcomes",
        True,
    ),
    ("2.1", "Impact on children and young people", "Stakeholders' needs", True),
    ("2.2", "Impact on families", "Stakeholders' needs", False),
    ("3.1", "Impact on staff", "Stakeholders' needs", False),
    ("4.1", "Impact on the community", "Stakeholders' needs", False),
    ("5.1", "Access to support", "Delivery of services", False),
    ("5.2", "Assessing risk and need", "Delivery of services", True),
    ("5.3", "Planning for children and young people", "Delivery of services", False),
    ("5.4", "Involving children, young people and families", "Delivery of services", False),
    ("6.1", "Policies, procedures and legal measures", "Management", False),
    ("6.2", "Planning and improving services", "Management", False),
    (
        "6.3",
        "Participation of children, young people, families and other stakeholders",
        "Management",
        False,
    ),
    ("6.4", "Performance management and quality assurance", "Management", False),
    ("7.1", "Recruitment, deployment and joint working", "Management", False),
    ("7.2", "Training, development and support", "Management", False),
    ("8.1", "Management of resources", "Management", False),
    ("8.2", "Commissioning arrangements", "Management", False),
    ("9.1", "Vision, values and aims", "Leadership", False),
    ("9.2", "Leadership of strategy and direction", "Leadership", False),
    ("9.3", "Leadership of people", "Leadership", False),
    ("9.4", "Leadership of improvement and change", "Leadership", False),
    ("10.1", "Capacity for improvement", "Capacity for improvement", True),
]

# The quality framework for daycare of children, childminding and school-aged childcare, with the
# "How good is our early learning and childcare" indicators each quality indicator links to.
DAYCARE_INDICATORS = [
    (
        "1.1",
        "Nurturing care and support",
        "1. How good is our care, play and learning?",
        "2.4 Personalised support; 2.6 Transitions; 2.7 Partnerships; 3.1 Ensuring wellbeing, equality and inclusion",
    ),
    (
        "1.2",
        "Children are safe and protected",
        "1. How good is our care, play and learning?",
        "2.1 Safeguarding and child protection",
    ),
    (
        "1.3",
        "Play and learning",
        "1. How good is our care, play and learning?",
        "2.2 Curriculum; 2.3 Learning, teaching and assessment; 2.6 Transitions; 3.2 Securing children's progress; "
        "3.3 Developing creativity and skills for life and learning",
    ),
    (
        "1.4",
        "Family engagement",
        "1. How good is our care, play and learning?",
        "2.5 Family learning; 2.6 Transitions; 2.7 Partnerships; 3.1 Ensuring wellbeing, equality and inclusion",
    ),
    (
        "1.5",
        "Effective transitions",
        "1. How good is our care, play and learning?",
        "2.5 Family learning; 2.6 Transitions; 2.7 Partnerships; 3.1 Ensuring wellbeing, equality and inclusion",
    ),
    (
        "2.1",
        "Quality of the setting for care, play and learning",
        "2. How good is our setting?",
        "1.5 Management of resources to promote equity",
    ),
    (
        "2.2",
        "Children experience high quality facilities",
        "2. How good is our setting?",
        "1.1 Self-evaluation for self-improvement; 1.4 Leadership of management and practitioners; "
        "1.5 Management of resources to promote equity",
    ),
    (
        "3.1",
        "Quality assurance and improvement are led well",
        "3. How good is our leadership?",
        "1.1 Self-evaluation for self-improvement; 1.3 Leadership of change; "
        "1.5 Management of resources to promote equity",
    ),
    (
        "3.2",
        "Leadership of play and learning",
        "3. How good is our leadership?",
        "1.2 Leadership of learning; 1.3 Leadership of change; 1.4 Leadership and management of practitioners",
    ),
    (
        "3.3",
        "Leadership and management of staff and resources",
        "3. How good is our leadership?",
        "1.5 Management of resources to promote equity",
    ),
    (
        "4.1",
        "Staff skills, knowledge and values",
        "4. How good is our staff team?",
        "1.3 Leadership of change; 1.4 Leadership and management of practitioners",
    ),
    (
        "4.2",
        "Staff recruitment",
        "4. How good is our staff team?",
        "1.3 Leadership of change; 1.4 Leadership and management of practitioners",
    ),
    (
        "4.3",
        "Staff deployment",
        "4. How good is our staff team?",
        "1.3 Leadership of change; 1.4 Leadership and management of practitioners",
    ),
]


def install(QualityFramework, QualityIndicator):  # noqa: N803 - model classes, as a migration passes them
    care, _ = QualityFramework.objects.update_or_create(
        slug=CARE_AND_PROTECTION,
        defaults={
            "name": "A quality framework for children and young people in need of care and protection",
            "description": "Used for joint self-evaluation and joint inspections of services for children at risk "
            "of harm. 22 quality indicators in 10 areas, evaluated on the six-point scale.",
        },
    )
    for position, (number, title, heading, is_key) in enumerate(CARE_AND_PROTECTION_INDICATORS):
        QualityIndicator.objects.update_or_create(
            framework=care,
            number=number,
            defaults={"title": title, "heading": heading, "is_key": is_key, "position": position},
        )
    daycare, _ = QualityFramework.objects.update_or_create(
        slug=DAYCARE,
        defaults={
            "name": "Quality framework for daycare of children, childminding and school-aged childcare",
            "description": "Linked to Education Scotland's How good is our early learning and childcare.",
        },
    )
    for position, (number, title, heading, links) in enumerate(DAYCARE_INDICATORS):
        QualityIndicator.objects.update_or_create(
            framework=daycare,
            number=number,
            defaults={"title": title, "heading": heading, "links_to": links, "position": position},
        )
    return care, daycare
