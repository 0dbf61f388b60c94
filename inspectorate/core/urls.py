from django.urls import path

from inspectorate.core import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.health, name="health"),
    path("privacy/", views.privacy, name="privacy"),
]
