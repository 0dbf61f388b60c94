from django.urls import path

from reviews.documents import views

app_name = "documents"

urlpatterns = [
    path("", views.area_request_list, name="list"),
    path("requests/<int:pk>/", views.area_request_detail, name="area-request"),
    path("requests/<int:pk>/upload/", views.upload_files, name="upload-files"),
    path("requests/<int:pk>/decision/", views.decide, name="decide"),
    path("files/<int:pk>/", views.upload_detail, name="upload"),
    path("files/<int:pk>/replace/", views.replace_upload, name="replace"),
    path("download/<str:reference>/", views.download, name="download"),
    path("reviews/", views.review_list, name="reviews"),
    path("reviews/<int:review_pk>/", views.review_matrix, name="matrix"),
    path("reviews/<int:review_pk>/new-request/", views.create_request, name="create-request"),
    path("areas/<int:area_pk>/zip/", views.start_bundle, name="start-bundle"),
    path("zips/<int:pk>/", views.bundle_detail, name="bundle"),
    path("zips/<int:pk>/status/", views.bundle_status, name="bundle-status"),
    path("zips/<int:pk>/download/", views.bundle_download, name="bundle-download"),
]
