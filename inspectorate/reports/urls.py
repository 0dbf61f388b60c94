from django.urls import path

from inspectorate.reports import views

app_name = "reports"

urlpatterns = [
    path("<int:report_id>/", views.status, name="status"),
    path("<int:report_id>/download/", views.download, name="download"),
    path("<int:report_id>/publish/", views.publish, name="publish"),
    path("published/<int:report_id>/", views.public_html, name="public-html"),
    path("published/<int:report_id>/pdf/", views.public_pdf, name="public-pdf"),
    path("review/<int:review_id>/", views.review_reports, name="review"),
    path("annual-returns/", views.annual_return_reports, name="annual-returns"),
    path("excerpts/<int:review_id>/", views.excerpts, name="excerpts"),
    path("excerpts/<int:review_id>/<int:answer_id>/clear/", views.excerpt_clear, name="excerpt-clear"),
    path(
        "excerpts/<int:review_id>/cleared/<int:excerpt_id>/withdraw/", views.excerpt_withdraw, name="excerpt-withdraw"
    ),
    path("release/<slug:kind_key>/<str:subject_id>/", views.release, name="release"),
    path("<slug:kind_key>/<str:subject_id>/", views.report_home, name="home"),
    path("<slug:kind_key>/<str:subject_id>/preview/", views.preview, name="preview"),
    path("<slug:kind_key>/<str:subject_id>/generate/", views.generate, name="generate"),
]
