from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Strategic inspections administration"
admin.site.site_title = "Strategic inspections admin"

urlpatterns = [
    path("", include("inspectorate.core.urls")),
    path("accounts/", include("inspectorate.accounts.urls")),
    path("services/", include("inspectorate.organisations.urls")),
    path("notifications/", include("inspectorate.notifications.urls")),
    path("reviews/", include("reviews.urls")),
    path("documents/", include("reviews.documents.urls")),
    path("surveys/", include("surveys.urls")),
    path("records/", include("records.urls")),
    path("annual-returns/", include("annual_returns.urls")),
    path("reports/", include("inspectorate.reports.urls")),
    path("admin/", admin.site.urls),
]

handler400 = "inspectorate.core.views.bad_request"
handler403 = "inspectorate.core.views.permission_denied"
handler404 = "inspectorate.core.views.page_not_found"
handler500 = "inspectorate.core.views.server_error"
