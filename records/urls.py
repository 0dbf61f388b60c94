from django.urls import path

from records import views

app_name = "records"

urlpatterns = [
    path("", views.index, name="index"),
    path("review/<int:review_id>/", views.review_detail, name="review"),
    path("review/<int:review_id>/template/", views.install_template, name="install_template"),
    path("review/<int:review_id>/fields/", views.fields, name="fields"),
    path("review/<int:review_id>/results/", views.review_results_page, name="results"),
    path("review/<int:review_id>/export/results.csv", views.export_results, name="export_results"),
    path("review/<int:review_id>/export/readings.csv", views.export_readings, name="export_readings"),
    path("area/<int:area_id>/case-list/", views.case_list, name="case_list"),
    path("area/<int:area_id>/sample/", views.sample, name="sample"),
    path("area/<int:area_id>/readers/", views.assign_readers, name="assign_readers"),
    path("area/<int:area_id>/moderation/", views.moderation_list, name="moderation"),
    path("area/<int:area_id>/results/", views.area_results, name="area_results"),
    path("area/<int:area_id>/release/", views.release, name="release"),
    path("reading/<int:reading_id>/", views.reading, name="reading"),
    path("reading/<int:reading_id>/section/<int:number>/", views.reading_section, name="reading_section"),
    path("reading/<int:reading_id>/complete/", views.complete_reading, name="complete_reading"),
    path("record/<int:record_id>/not-read/", views.not_read, name="not_read"),
    path("record/<int:record_id>/replace/", views.replace, name="replace"),
    path("record/<int:record_id>/agree/<int:question_id>/", views.agree, name="agree"),
]
