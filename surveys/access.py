"""Who may reach which survey page: the scoped getters every view uses."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from inspectorate.scoping import get_for_user
from surveys.models import Question, Section, Survey, SurveyLink


def require_team(user):
    """The builder, results and exports are the review team's working pages (and administrators')."""
    if not (user.is_regulator_staff or user.is_administrator):
        raise PermissionDenied


def team_survey(user, pk):
    require_team(user)
    return get_for_user(Survey.objects.select_related("review"), user, pk=pk)


def team_section(user, pk):
    require_team(user)
    return get_for_user(Section.objects.select_related("survey"), user, pk=pk)


def team_question(user, pk):
    require_team(user)
    return get_for_user(Question.objects.select_related("section__survey"), user, pk=pk)


def team_link(user, pk):
    require_team(user)
    return get_for_user(SurveyLink.objects.select_related("survey", "review_area__local_authority"), user, pk=pk)


def area_link(user, pk):
    """A link as its area's co-ordinator (or the team) sees it."""
    return get_for_user(
        SurveyLink.objects.select_related("survey__review", "review_area__local_authority"), user, pk=pk
    )


def respondent_link(token, user):
    """The link a respondent followed. The token is the only key; for the national survey the
    signed-in user must also be the link's named respondent. Anything else is a 404."""
    link = (
        SurveyLink.objects.select_related("survey", "review_area__local_authority")
        .filter(token=str(token)[:64])
        .first()
    )
    if link is None:
        raise Http404("No such survey")
    if not link.survey.is_anonymous and (not user.is_authenticated or user.pk != link.respondent_id):
        raise Http404("No such survey")
    return link
