from django.urls import path

from inspectorate.organisations import views

app_name = "organisations"

urlpatterns = [
    path("", views.service_list, name="service-list"),
    path("<str:registration_number>/", views.service_detail, name="service-detail"),
]
