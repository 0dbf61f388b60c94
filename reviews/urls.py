from django.urls import path

from reviews import views

app_name = "reviews"

urlpatterns = [
    path("", views.review_list, name="list"),
    path("new/", views.review_create, name="create"),
    path("public/<slug:slug>/", views.public_updates, name="public"),
    path("nomination/<str:token>/", views.nomination, name="nomination"),
    path("<int:pk>/", views.review_detail, name="detail"),
    path("<int:pk>/edit/", views.review_edit, name="edit"),
    path("<int:pk>/status/", views.review_move, name="move"),
    path("<int:pk>/team/", views.team, name="team"),
    path("<int:pk>/team/<int:member_pk>/remove/", views.team_remove, name="team-remove"),
    path("<int:pk>/areas/", views.areas, name="areas"),
    path("<int:pk>/areas/add-all/", views.areas_add_all, name="areas-add-all"),
    path("<int:pk>/areas/phase-two/", views.areas_phase_two, name="areas-phase-two"),
    path("<int:pk>/areas/<int:area_pk>/invite/", views.area_invite, name="area-invite"),
    path("<int:pk>/areas/<int:area_pk>/timeline.ics", views.area_timeline_ics, name="area-ics"),
    path("<int:pk>/accept/", views.nomination_accept, name="accept"),
    path("<int:pk>/timeline/", views.timeline, name="timeline"),
    path("<int:pk>/timeline/generate/", views.timeline_generate, name="timeline-generate"),
    path("<int:pk>/timeline/add/", views.activity_edit, name="activity-add"),
    path("<int:pk>/timeline/<int:activity_pk>/", views.activity_edit, name="activity-edit"),
    path("<int:pk>/timeline/<int:activity_pk>/delete/", views.activity_delete, name="activity-delete"),
    path("<int:pk>/timeline.ics", views.timeline_ics, name="ics"),
    path("<int:pk>/engagement/", views.engagement, name="engagement"),
    path("<int:pk>/updates/", views.updates, name="updates"),
    path("<int:pk>/evaluations/", views.evaluations, name="evaluations"),
    path("<int:pk>/evaluations/findings/", views.finding_add, name="finding-add"),
    path("<int:pk>/progress-review/", views.progress_review_propose, name="progress-review"),
    path("<int:pk>/improvement/", views.improvement, name="improvement"),
    path("<int:pk>/improvement/<int:item_pk>/", views.improvement, name="improvement-item"),
]
