"""Demo people and organisations. Each app's demo.py builds on the `people` returned here."""

from datetime import date

from inspectorate.accounts.models import Role, User
from inspectorate.organisations.models import CareService, LocalAuthority, Provider, SchoolHoliday, ServiceStatus

PASSWORD = "demo-password-2026"  # noqa: S105 - demo accounts only; load_demo refuses in production

# The four areas that came forward for the disabled children and young people review.
REVIEW_AREAS = ["Aberdeen City", "Dundee City", "Dumfries and Galloway", "Na h-Eileanan Siar"]

PEOPLE = [
    # key, email, full name, role, local authority / provider number
    ("admin", "admin@regulator.example", "Alasdair Ross", Role.ADMINISTRATOR, None),
    ("lead_inspector", "fiona.mackenzie@regulator.example", "Fiona Mackenzie", Role.INSPECTOR, None),
    ("inspector", "callum.fraser@regulator.example", "Callum Fraser", Role.INSPECTOR, None),
    ("other_inspector", "ruth.hamilton@regulator.example", "Ruth Hamilton", Role.INSPECTOR, None),
    ("support_officer", "kirsty.wallace@regulator.example", "Kirsty Wallace", Role.SUPPORT_OFFICER, None),
    ("coordinator_aberdeen", "coordinator@aberdeencity.example", "Morag Campbell", Role.COORDINATOR, "Aberdeen City"),
    ("coordinator_dundee", "coordinator@dundeecity.example", "Graham Stewart", Role.COORDINATOR, "Dundee City"),
    ("coordinator_dumfries", "coordinator@dumgal.example", "Eilidh Murray", Role.COORDINATOR, "Dumfries and Galloway"),
    (
        "coordinator_western_isles",
        "coordinator@cne-siar.example",
        "Iain MacLeod",
        Role.COORDINATOR,
        "Na h-Eileanan Siar",
    ),
    ("provider_highland", "returns@highlandcare.example", "Shona Grant", Role.PROVIDER, "SP2003000101"),
    ("provider_tayside", "manager@taysidenurseries.example", "David Robertson", Role.PROVIDER, "SP2005000202"),
]

PROVIDERS = [("SP2003000101", "Highland Care Homes Ltd"), ("SP2005000202", "Tayside Nurseries Partnership")]

SERVICES = [
    # registration number, name, provider, type, area, registered, status, capacity
    (
        "CS2003001010",
        "Ness Bank Care Home",
        "SP2003000101",
        "care_home_older_people",
        "Highland",
        date(2003, 4, 1),
        ServiceStatus.ACTIVE,
        48,
    ),
    (
        "CS2006002020",
        "Culloden Court Care Home",
        "SP2003000101",
        "care_home_older_people",
        "Highland",
        date(2006, 9, 12),
        ServiceStatus.ACTIVE,
        36,
    ),
    (
        "CS2012003030",
        "Highland Care at Home",
        "SP2003000101",
        "support_service",
        "Highland",
        date(2012, 2, 20),
        ServiceStatus.ACTIVE,
        None,
    ),
    (
        "CS2019004040",
        "Moray Firth House",
        "SP2003000101",
        "care_home_adults",
        "Moray",
        date(2019, 6, 3),
        ServiceStatus.INACTIVE,
        12,
    ),
    (
        "CS2005005050",
        "Little Acorns Nursery",
        "SP2005000202",
        "day_care_of_children",
        "Dundee City",
        date(2005, 8, 15),
        ServiceStatus.ACTIVE,
        60,
    ),
    (
        "CS2010006060",
        "Broughty Ferry Early Years",
        "SP2005000202",
        "day_care_of_children",
        "Dundee City",
        date(2010, 1, 11),
        ServiceStatus.ACTIVE,
        45,
    ),
    (
        "CS2025007070",
        "Carse of Gowrie Out of School Club",
        "SP2005000202",
        "day_care_of_children",
        "Perth and Kinross",
        date(2025, 10, 20),
        ServiceStatus.ACTIVE,
        30,
    ),
]

SCHOOL_HOLIDAYS = [
    # area, name, first day, last day (2026/27 session, as published by each council)
    ("Dundee City", "October holiday", date(2026, 10, 12), date(2026, 10, 16)),
    ("Dundee City", "Christmas holiday", date(2026, 12, 21), date(2027, 1, 1)),
    ("Dundee City", "Spring holiday", date(2027, 3, 29), date(2027, 4, 9)),
    ("Aberdeen City", "Christmas holiday", date(2026, 12, 21), date(2027, 1, 1)),
    ("Aberdeen City", "Spring holiday", date(2027, 3, 29), date(2027, 4, 9)),
]


def load():
    """Create or update the demo people and organisations. Returns {key: User}."""
    areas = {la.name: la for la in LocalAuthority.objects.all()}
    providers = {
        number: Provider.objects.update_or_create(provider_number=number, defaults={"name": name})[0]
        for number, name in PROVIDERS
    }
    for number, name, provider, kind, area, registered, status, capacity in SERVICES:
        CareService.objects.update_or_create(
            registration_number=number,
            defaults=dict(
                name=name,
                provider=providers[provider],
                service_type=kind,
                local_authority=areas[area],
                registered_on=registered,
                status=status,
                capacity=capacity,
            ),
        )
    for area, name, starts, ends in SCHOOL_HOLIDAYS:
        SchoolHoliday.objects.get_or_create(
            local_authority=areas[area], name=name, starts_on=starts, defaults={"ends_on": ends}
        )
    people = {}
    for key, email, full_name, role, belongs_to in PEOPLE:
        user = User.objects.filter(email=email).first() or User(email=email)
        user.full_name = full_name
        user.role = role
        user.local_authority = areas[belongs_to] if role == Role.COORDINATOR else None
        user.provider = providers[belongs_to] if role == Role.PROVIDER else None
        user.is_active = True
        user.set_password(PASSWORD)
        user.save()
        people[key] = user
    return people
