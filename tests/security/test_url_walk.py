"""Every URL of the project, for anonymous visitors, every role and people of another area,
provider or review, compared with an explicit allow-list.

A URL pattern with no entry in RULES fails the test: whoever adds a page must say who may see it.
Outcomes: "ok" (a page or a redirect within the service), "login" (sent to sign in), "deny" (403 or
404: the same to the visitor). POST-only pages are posted empty inside a transaction that is
rolled back, so the walk changes nothing.
"""

import copy
from dataclasses import dataclass, field

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.conftest import verified_device
from tests.security import world as world_module

PERSONAS = [
    "anonymous",
    "admin",
    "lead_inspector",  # on the demo review's team
    "support_officer",  # on the demo review's team
    "other_inspector",  # regulator staff, on no review team of the demo review
    "coordinator_dundee",  # the area the sample objects belong to
    "coordinator_aberdeen",  # another area of the same review
    "provider_highland",  # the provider the sample service belongs to
    "provider_tayside",  # another provider
]
SIGNED_IN = frozenset(PERSONAS) - {"anonymous"}
STAFF = frozenset({"admin", "lead_inspector", "support_officer", "other_inspector"})
TEAM = frozenset({"admin", "lead_inspector", "support_officer"})
DUNDEE = TEAM | {"coordinator_dundee"}
REVIEW_AREAS = DUNDEE | {"coordinator_aberdeen"}
HIGHLAND = STAFF | {"provider_highland"}
PROVIDERS = frozenset({"provider_highland", "provider_tayside"})
COORDINATORS = frozenset({"coordinator_dundee", "coordinator_aberdeen"})
EVERYONE = frozenset(PERSONAS)


@dataclass(frozen=True)
class Rule:
    kwargs: object = None  # callable(objects) -> dict
    ok: frozenset = field(default_factory=frozenset)
    method: str = "GET"
    public: bool = False  # anonymous visitors get "ok" rather than "login"
    expect: str = ""  # one outcome for everyone, where the page is the same for all


def _k(**names):
    """kwargs from the sample objects: _k(pk="review") gives {"pk": objects["review"].pk}."""

    def build(objects):
        return {kw: objects[name].pk for kw, name in names.items()}

    return build


def _v(**values):
    return lambda objects: values


def _reg(objects):
    return {"registration_number": objects["service"].registration_number}


def _year(objects):
    return {"year": objects["annual_return"].cycle.year}


def _token(objects):
    return {"token": objects["link"].token}


TEAM_POST = dict(ok=TEAM, method="POST")

RULES = {
    # Core and accounts
    "core:home": Rule(ok=SIGNED_IN),
    "core:health": Rule(ok=SIGNED_IN, public=True),
    "core:privacy": Rule(ok=SIGNED_IN, public=True),
    "accounts:sign-in": Rule(ok=SIGNED_IN, public=True),
    "accounts:sign-out": Rule(method="POST", expect="login"),  # everyone ends up at the sign-in page
    "accounts:password-reset": Rule(ok=SIGNED_IN, public=True),
    "accounts:password-reset-sent": Rule(ok=SIGNED_IN, public=True),
    "accounts:password-reset-confirm": Rule(_v(uidb64="MQ", token="set-password"), ok=SIGNED_IN, public=True),
    "accounts:password-reset-complete": Rule(ok=SIGNED_IN, public=True),
    "accounts:account": Rule(ok=SIGNED_IN),
    "accounts:two-factor": Rule(ok=SIGNED_IN),
    "accounts:two-factor-set-up": Rule(ok=SIGNED_IN),
    "notifications:list": Rule(ok=SIGNED_IN),
    "notifications:mark-all-read": Rule(ok=SIGNED_IN, method="POST"),
    "organisations:service-list": Rule(ok=SIGNED_IN),
    "organisations:service-detail": Rule(_reg, ok=HIGHLAND),
    # Reviews
    "reviews:list": Rule(ok=STAFF | COORDINATORS),
    "reviews:create": Rule(ok=STAFF),
    "reviews:public": Rule(lambda o: {"slug": o["review"].slug}, ok=SIGNED_IN, public=True),
    "reviews:nomination": Rule(lambda o: {"token": o["nomination_token"]}, ok=SIGNED_IN, public=True),
    "reviews:detail": Rule(_k(pk="review"), ok=REVIEW_AREAS),
    "reviews:edit": Rule(_k(pk="review"), ok=TEAM),
    "reviews:move": Rule(_k(pk="review"), **TEAM_POST),
    "reviews:team": Rule(_k(pk="review"), ok=TEAM),
    "reviews:team-remove": Rule(_k(pk="review", member_pk="member"), **TEAM_POST),
    "reviews:areas": Rule(_k(pk="review"), ok=TEAM),
    "reviews:areas-add-all": Rule(_k(pk="review"), **TEAM_POST),
    "reviews:areas-phase-two": Rule(_k(pk="review"), ok=TEAM),
    "reviews:area-invite": Rule(_k(pk="review", area_pk="dundee"), ok=TEAM),
    "reviews:area-ics": Rule(_k(pk="review", area_pk="dundee"), ok=DUNDEE),
    "reviews:accept": Rule(_k(pk="review"), ok=COORDINATORS, method="POST"),
    "reviews:timeline": Rule(_k(pk="review"), ok=REVIEW_AREAS),
    "reviews:timeline-generate": Rule(_k(pk="review"), **TEAM_POST),
    "reviews:activity-add": Rule(_k(pk="review"), ok=TEAM),
    "reviews:activity-edit": Rule(_k(pk="review", activity_pk="activity"), ok=TEAM),
    "reviews:activity-delete": Rule(_k(pk="review", activity_pk="activity"), **TEAM_POST),
    "reviews:ics": Rule(_k(pk="review"), ok=REVIEW_AREAS),
    "reviews:engagement": Rule(_k(pk="review"), ok=TEAM),
    "reviews:updates": Rule(_k(pk="review"), ok=TEAM),
    "reviews:evaluations": Rule(_k(pk="review"), ok=TEAM),
    "reviews:finding-add": Rule(_k(pk="review"), **TEAM_POST),
    "reviews:progress-review": Rule(_k(pk="review"), **TEAM_POST),
    "reviews:improvement": Rule(_k(pk="review"), ok=TEAM),
    "reviews:improvement-item": Rule(_k(pk="review", item_pk="action_item"), ok=TEAM),
    # Document exchange
    "documents:list": Rule(ok=STAFF | COORDINATORS),
    "documents:reviews": Rule(ok=STAFF),
    "documents:area-request": Rule(_k(pk="area_request"), ok=DUNDEE),
    "documents:upload-files": Rule(_k(pk="area_request"), ok={"coordinator_dundee"}),
    "documents:decide": Rule(_k(pk="area_request"), **TEAM_POST),
    "documents:upload": Rule(_k(pk="upload"), ok=DUNDEE),
    "documents:replace": Rule(_k(pk="upload"), ok={"coordinator_dundee"}),
    "documents:download": Rule(lambda o: {"reference": o["version"].reference}, ok=DUNDEE),
    "documents:matrix": Rule(_k(review_pk="review"), ok=TEAM),
    "documents:create-request": Rule(_k(review_pk="review"), ok=TEAM),
    "documents:start-bundle": Rule(_k(area_pk="dundee"), **TEAM_POST),
    "documents:bundle": Rule(_k(pk="bundle"), ok=TEAM),
    "documents:bundle-status": Rule(_k(pk="bundle"), ok=TEAM),
    "documents:bundle-download": Rule(_k(pk="bundle"), ok=TEAM),
    # Surveys: the team's builder and results, the co-ordinator's links, the respondent's pages
    "surveys:list": Rule(ok=STAFF),
    "surveys:create": Rule(ok=STAFF),
    "surveys:detail": Rule(_k(pk="survey"), ok=TEAM),
    "surveys:edit": Rule(_k(pk="survey"), ok=TEAM),
    "surveys:section-add": Rule(_k(pk="survey"), ok=TEAM),
    "surveys:section-edit": Rule(_k(pk="section"), ok=TEAM),
    "surveys:section-move": Rule(lambda o: {"pk": o["section"].pk, "direction": "down"}, **TEAM_POST),
    "surveys:question-add": Rule(_k(pk="section"), ok=TEAM),
    "surveys:question-edit": Rule(_k(pk="question"), ok=TEAM),
    "surveys:question-delete": Rule(_k(pk="question"), **TEAM_POST),
    "surveys:question-move": Rule(lambda o: {"pk": o["question"].pk, "direction": "down"}, **TEAM_POST),
    "surveys:links-create": Rule(_k(pk="survey"), **TEAM_POST),
    "surveys:link-expected": Rule(_k(pk="link"), **TEAM_POST),
    "surveys:link-release": Rule(_k(pk="link"), **TEAM_POST),
    "surveys:results": Rule(_k(pk="survey"), ok=TEAM),
    "surveys:export": Rule(lambda o: {"pk": o["survey"].pk, "what": "results", "file_format": "csv"}, ok=TEAM),
    "surveys:shared": Rule(ok=COORDINATORS),
    "surveys:qr": Rule(_k(pk="link"), ok=DUNDEE),
    "surveys:area-results": Rule(_k(pk="link"), ok=DUNDEE),
    "surveys:start": Rule(_token, ok=SIGNED_IN, public=True),
    "surveys:section": Rule(lambda o: {**_token(o), "number": 1}, ok=SIGNED_IN, public=True),
    "surveys:check": Rule(_token, ok=SIGNED_IN, public=True),
    "surveys:done": Rule(_token, ok=SIGNED_IN, public=True),
    # Record reading: the team reads; the area's co-ordinator sees its case list and released results
    "records:index": Rule(ok=STAFF),
    "records:review": Rule(_k(review_id="review"), ok=TEAM),
    "records:install_template": Rule(_k(review_id="review"), **TEAM_POST),
    "records:fields": Rule(_k(review_id="review"), ok=TEAM),
    "records:results": Rule(_k(review_id="review"), ok=TEAM),
    "records:export_results": Rule(_k(review_id="review"), ok=TEAM),
    "records:export_readings": Rule(_k(review_id="review"), ok=TEAM),
    "records:case_list": Rule(_k(area_id="dundee"), ok=DUNDEE),
    "records:sample": Rule(_k(area_id="dundee"), ok=TEAM),
    "records:assign_readers": Rule(_k(area_id="dundee"), **TEAM_POST),
    "records:moderation": Rule(_k(area_id="dundee"), ok=TEAM),
    "records:area_results": Rule(_k(area_id="dundee"), ok=DUNDEE),
    "records:release": Rule(_k(area_id="dundee"), **TEAM_POST),
    "records:reading": Rule(_k(reading_id="reading"), ok=TEAM),
    "records:reading_section": Rule(lambda o: {"reading_id": o["reading"].pk, "number": 1}, ok=TEAM),
    "records:complete_reading": Rule(_k(reading_id="reading"), **TEAM_POST),
    "records:not_read": Rule(_k(record_id="sampled"), ok=TEAM),
    "records:replace": Rule(_k(record_id="sampled"), **TEAM_POST),
    "records:agree": Rule(
        lambda o: {"record_id": o["sampled"].pk, "question_id": o["reading_question"].pk}, **TEAM_POST
    ),
    # Annual returns: the provider fills in; regulator staff read, benchmark and publish
    "annual_returns:home": Rule(ok=PROVIDERS),
    "annual_returns:start": Rule(
        lambda o: {**_reg(o), "year": o["annual_return"].cycle.year}, ok={"provider_highland"}, method="POST"
    ),
    "annual_returns:task-list": Rule(_k(pk="annual_return"), ok={"provider_highland"}),
    "annual_returns:section": Rule(
        lambda o: {"pk": o["annual_return"].pk, "key": "service_details"}, ok={"provider_highland"}
    ),
    "annual_returns:check-answers": Rule(_k(pk="annual_return"), ok={"provider_highland"}),
    "annual_returns:confirmation": Rule(_k(pk="annual_return"), ok={"provider_highland"}),
    "annual_returns:answers": Rule(_k(pk="annual_return"), ok=HIGHLAND),
    "annual_returns:regulator-home": Rule(ok=STAFF),
    "annual_returns:statistics": Rule(_year, ok=STAFF),
    "annual_returns:published-csv": Rule(_year, ok=STAFF),
    "annual_returns:sssc-extract": Rule(_year, ok=STAFF),
    "annual_returns:benchmark": Rule(_reg, ok=STAFF),
    "annual_returns:variation-list": Rule(ok=STAFF | PROVIDERS),
    "annual_returns:variation-start": Rule(ok=PROVIDERS),
    "annual_returns:variation-detail": Rule(_k(pk="variation"), ok=HIGHLAND),
    "annual_returns:variation-act": Rule(
        lambda o: {"pk": o["variation"].pk, "action": "request_information"}, ok=STAFF, method="POST"
    ),
    "annual_returns:variation-document": Rule(_k(pk="variation_document"), ok=HIGHLAND),
    # Reports: the national overview is published; Dundee's area feedback is released to its co-ordinator
    "reports:home": Rule(lambda o: {"kind_key": "national-overview", "subject_id": o["review"].pk}, ok=TEAM),
    "reports:preview": Rule(lambda o: {"kind_key": "area-feedback", "subject_id": o["dundee"].pk}, ok=TEAM),
    "reports:generate": Rule(lambda o: {"kind_key": "area-feedback", "subject_id": o["dundee"].pk}, **TEAM_POST),
    "reports:release": Rule(lambda o: {"kind_key": "area-feedback", "subject_id": o["dundee"].pk}, **TEAM_POST),
    "reports:status": Rule(_k(report_id="area_report"), ok=DUNDEE),
    "reports:download": Rule(_k(report_id="area_report"), ok=DUNDEE),
    "reports:publish": Rule(_k(report_id="report"), **TEAM_POST),
    "reports:public-html": Rule(_k(report_id="report"), ok=SIGNED_IN, public=True),
    "reports:public-pdf": Rule(_k(report_id="report"), ok=SIGNED_IN, public=True),
    "reports:review": Rule(_k(review_id="review"), ok=TEAM),
    "reports:annual-returns": Rule(ok=STAFF),
    "reports:excerpts": Rule(_k(review_id="review"), ok=TEAM),
    "reports:excerpt-clear": Rule(
        lambda o: {"review_id": o["review"].pk, "answer_id": o["free_text_answer"].pk}, **TEAM_POST
    ),
    "reports:excerpt-withdraw": Rule(
        lambda o: {"review_id": o["review"].pk, "excerpt_id": o["excerpt"].pk}, **TEAM_POST
    ),
}


def expected(rule, persona):
    if rule.expect:
        return rule.expect
    if persona == "anonymous":
        return "ok" if rule.public else "login"
    return "ok" if persona in rule.ok else "deny"


def _walk(patterns, namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                continue  # Django admin: administrators only, tested in tests/core/test_accounts.py
            yield from _walk(pattern.url_patterns, pattern.namespace or namespace)
        elif isinstance(pattern, URLPattern):
            yield f"{namespace}:{pattern.name}" if namespace else pattern.name


def all_url_names():
    return sorted(set(_walk(get_resolver().url_patterns)))


def test_every_url_has_an_allow_list_entry():
    missing = [name for name in all_url_names() if name not in RULES]
    assert not missing, "Add these URLs to RULES in tests/security/test_url_walk.py: " + ", ".join(missing)
    stale = [name for name in RULES if name not in all_url_names()]
    assert not stale, "These RULES entries name no URL any more: " + ", ".join(stale)


def _outcome(response, method="GET"):
    status = response.status_code
    if method == "POST" and status == 400:
        return "ok"  # allowed, and the empty form was refused with its errors
    if status in (403, 404):
        return "deny"
    if status in (301, 302) and "/accounts/sign-in/" in response.get("Location", ""):
        return "login"
    if status < 400:
        return "ok"
    return f"status {status}"


def _client_for(world, persona):
    client = Client(raise_request_exception=True)
    if persona == "anonymous":
        return client
    from django_otp import DEVICE_ID_SESSION_KEY

    user = world.people[persona]
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = verified_device(user).persistent_id
    session.save()
    return client


def _request(client, rule, url):
    if rule.method == "GET":
        return client.get(url)
    # A throwaway client with the same cookies: a POST (signing out, say) must not change the
    # session the rest of the walk uses; the rollback undoes what it changed in the database.
    poster = Client(raise_request_exception=True)
    poster.cookies = copy.deepcopy(client.cookies)
    with transaction.atomic():
        response = poster.post(url, {})
        transaction.set_rollback(True)
    return response


@pytest.mark.django_db
@pytest.mark.xdist_group("url-walk")
def test_every_url_answers_every_role_as_the_allow_list_says(settings):
    settings.DEBUG = False
    world = world_module.build()
    clients = {persona: _client_for(world, persona) for persona in PERSONAS}
    wrong = []
    for name in all_url_names():
        rule = RULES.get(name)
        if rule is None:
            continue  # reported by test_every_url_has_an_allow_list_entry
        kwargs = rule.kwargs(world.objects) if rule.kwargs else {}
        url = reverse(name, kwargs=kwargs)
        for persona in PERSONAS:
            got = _outcome(_request(clients[persona], rule, url), rule.method)
            want = expected(rule, persona)
            if got != want:
                wrong.append(f"{name} {url} as {persona}: expected {want}, got {got}")
            if persona != "anonymous" and rule.method == "GET" and got == "login":
                wrong.append(f"{name}: {persona} was signed out")
    assert not wrong, "\n".join(wrong)
