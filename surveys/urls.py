from django.urls import path

from surveys import answer_views, views

app_name = "surveys"

urlpatterns = [
    # The review team
    path("", views.survey_list, name="list"),
    path("new/", views.survey_create, name="create"),
    path("<int:pk>/", views.survey_detail, name="detail"),
    path("<int:pk>/details/", views.survey_edit, name="edit"),
    path("<int:pk>/sections/new/", views.section_add, name="section-add"),
    path("sections/<int:pk>/", views.section_edit, name="section-edit"),
    path("sections/<int:pk>/move/<str:direction>/", views.section_move, name="section-move"),
    path("sections/<int:pk>/questions/new/", views.question_add, name="question-add"),
    path("questions/<int:pk>/", views.question_edit, name="question-edit"),
    path("questions/<int:pk>/remove/", views.question_delete, name="question-delete"),
    path("questions/<int:pk>/move/<str:direction>/", views.question_move, name="question-move"),
    path("<int:pk>/links/", views.links_create, name="links-create"),
    path("links/<int:pk>/expected/", views.link_expected, name="link-expected"),
    path("links/<int:pk>/release/", views.link_release, name="link-release"),
    path("<int:pk>/results/", views.results, name="results"),
    path("<int:pk>/export/<str:what>.<str:file_format>", views.export, name="export"),
    # Co-ordinators
    path("shared/", views.shared, name="shared"),
    path("links/<int:pk>/qr.png", views.qr_code, name="qr"),
    path("links/<int:pk>/results/", views.area_results, name="area-results"),
    # Respondents
    path("s/<str:token>/", answer_views.start, name="start"),
    path("s/<str:token>/section/<int:number>/", answer_views.section, name="section"),
    path("s/<str:token>/check/", answer_views.check, name="check"),
    path("s/<str:token>/done/", answer_views.done, name="done"),
]
