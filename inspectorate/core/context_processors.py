from django.conf import settings

from inspectorate.core import dashboard


def service(request):
    user = getattr(request, "user", None)
    signed_in = user is not None and user.is_authenticated
    return {
        "service_name": settings.SERVICE_NAME,
        "navigation": dashboard.nav_items(user) if signed_in else [],
    }
