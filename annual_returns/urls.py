from django.urls import path

from annual_returns import regulator_views, views
from annual_returns.variations import views as variation_views

app_name = "annual_returns"

urlpatterns = [
    path("", views.provider_home, name="home"),
    path("services/<str:registration_number>/<int:year>/start/", views.start, name="start"),
    path("returns/<int:pk>/", views.task_list, name="task-list"),
    path("returns/<int:pk>/sections/<slug:key>/", views.section, name="section"),
    path("returns/<int:pk>/check-your-answers/", views.check_answers, name="check-answers"),
    path("returns/<int:pk>/confirmation/", views.confirmation, name="confirmation"),
    path("returns/<int:pk>/answers/", views.answers, name="answers"),
    path("regulator/", regulator_views.regulator_home, name="regulator-home"),
    path("regulator/<int:year>/statistics/", regulator_views.statistics, name="statistics"),
    path("regulator/<int:year>/published-table.csv", regulator_views.published_csv, name="published-csv"),
    path("regulator/<int:year>/sssc-extract.csv", regulator_views.sssc_extract_csv, name="sssc-extract"),
    path("regulator/services/<str:registration_number>/benchmark/", regulator_views.benchmark, name="benchmark"),
    path("variations/", variation_views.variation_list, name="variation-list"),
    path("variations/new/", variation_views.variation_start, name="variation-start"),
    path("variations/<int:pk>/", variation_views.variation_detail, name="variation-detail"),
    path("variations/<int:pk>/<slug:action>/", variation_views.variation_act, name="variation-act"),
    path("variations/documents/<int:pk>/", variation_views.variation_document, name="variation-document"),
]
