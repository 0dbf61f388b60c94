"""Settings for the strategic inspection service.

One module for every environment. Each knob is an environment variable with an embedded default
that lets `make run` work on a laptop with no services (SQLite, eager Celery, email to files).
Production sets DJANGO_DEBUG=false, and then the service refuses to start without a real
SECRET_KEY and ALLOWED_HOSTS.
"""

from pathlib import Path

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

DEBUG = env.bool("DJANGO_DEBUG", default=True)

_DEV_SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"  # noqa: S105 - refused when DEBUG is off
SECRET_KEY = env.str("SECRET_KEY", default=_DEV_SECRET_KEY)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])

if not DEBUG:
    if SECRET_KEY == _DEV_SECRET_KEY or len(SECRET_KEY) < 50:
        raise ImproperlyConfigured(
            "DJANGO_DEBUG is false: set SECRET_KEY to a random string of at least 50 characters."
        )
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("DJANGO_DEBUG is false: set ALLOWED_HOSTS to the comma-separated host names served.")

# The public address of the service, used for links in emails and calendar feeds.
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
SERVICE_NAME = "Strategic inspections"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_forms_gds",
    "import_export",
    "django_celery_beat",
    "django_filters",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "csp",
    "inspectorate.core",
    "inspectorate.accounts",
    "inspectorate.organisations",
    "inspectorate.audit",
    "inspectorate.notifications",
    "inspectorate.reports",
    "reviews",
    "reviews.documents",
    "surveys",
    "records",
    "annual_returns",
]

MIDDLEWARE = [
    "inspectorate.core.request_id.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "inspectorate.accounts.middleware.SessionTimeoutMiddleware",
    "inspectorate.accounts.middleware.TwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, so that it sees failed sign-ins after every other middleware has run.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "inspectorate.urls"
WSGI_APPLICATION = "inspectorate.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "inspectorate.core.context_processors.service",
            ],
        },
    },
]

DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # PostgreSQL's JIT compiler added 150-220 ms to the service's short page queries (docs/performance.md).
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
DATABASES["default"].setdefault("TEST", {})
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# "Unique with nulls not distinct" is enforced on PostgreSQL (production and CI); the SQLite of
# `make run` cannot, and would say so at every command.
SILENCED_SYSTEM_CHECKS = ["models.W047"] if DATABASES["default"]["ENGINE"].endswith("sqlite3") else []

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses sign-in attempts while an email and address are locked out.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "accounts:sign-in"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "accounts:sign-in"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": env.str(
            "STATICFILES_BACKEND",
            default="django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage",
        )
    },
}
# Uploaded files live outside the web root and are only served through access-checked views.
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "var" / "media")

CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"

# Email: EMAIL_URL (e.g. smtp+tls://user:pass@host:587) in production; files in var/mail locally.
EMAIL_FILE_PATH = env.path("EMAIL_FILE_PATH", default=BASE_DIR / "var" / "mail")
if "EMAIL_URL" in env:
    vars().update(env.email_url("EMAIL_URL"))
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="strategic-inspections@example.gov.uk")

# Celery: with no broker configured, tasks run eagerly in-process (the embedded default).
CELERY_TASK_ALWAYS_EAGER = not env.str("CELERY_BROKER_URL", default="")
# Eager tasks never touch a broker; the in-memory one just keeps kombu from looking for localhost.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="") or "memory://"
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = None
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# WeasyPrint keeps memory until its process ends: recycle workers.
CELERY_WORKER_MAX_TASKS_PER_CHILD = env.int("CELERY_WORKER_MAX_TASKS_PER_CHILD", default=50)
CELERY_BROKER_CONNECTION_TIMEOUT = 2
# A task whose worker died is handed out again after visibility_timeout (Redis's default is an hour).
# max_retries 0: with the broker down, queueing fails at once and the outbox sweep sends it later;
# with 1, every request waited about two seconds for a second try.
CELERY_BROKER_TRANSPORT_OPTIONS = {"max_retries": 0, "socket_connect_timeout": 2, "visibility_timeout": 900}
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
# Periodic tasks. django-celery-beat copies these into its tables, where administrators can edit
# them. Each app adds its own sweep here.
CELERY_BEAT_SCHEDULE = {
    "notifications-outbox-sweep": {"task": "inspectorate.notifications.tasks.sweep_outbox", "schedule": 60.0},
    "notifications-daily-digest": {
        "task": "inspectorate.notifications.tasks.send_daily_digests",
        "schedule": crontab(hour=7, minute=30),
    },
    "reports-sweep-queued": {"task": "inspectorate.reports.tasks.sweep_queued_reports", "schedule": 300.0},
    "retention-schedule": {
        "task": "inspectorate.core.tasks.apply_retention_schedule",
        "schedule": crontab(hour=3, minute=0),
    },
    # Annual returns: window opened, reminders 14 and 3 days before the deadline, deadline passed (deduplicated).
    "annual-returns-daily-emails": {
        "task": "annual_returns.tasks.send_annual_return_emails",
        "schedule": crontab(hour=7, minute=15),
    },
    # Surveys: opening, halfway and closing reminders to co-ordinators (deduplicated, so daily is safe).
    "surveys-reminders": {"task": "surveys.tasks.send_survey_reminders", "schedule": 24 * 60 * 60.0},
    # Document exchange: reminders at 07:00 (due soon / overdue) and the retention purge at 02:30.
    "documents-daily-reminders": {
        "task": "reviews.documents.tasks.send_due_reminders",
        "schedule": crontab(hour=7, minute=0),
    },
    # Reviews: co-ordinator nomination reminder before the deadline and overdue notice after it (deduplicated).
    "reviews-nomination-reminders": {
        "task": "reviews.tasks.send_nomination_reminders",
        "schedule": crontab(hour=7, minute=45),
    },
    "documents-purge-expired": {
        "task": "reviews.documents.tasks.purge_expired_documents",
        "schedule": crontab(hour=2, minute=30),
    },
}
CELERY_TIMEZONE = TIME_ZONE

# Security headers and cookies. HTTPS settings switch on with DEBUG off.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env.bool("BEHIND_PROXY", default=False) else None
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_AGE = env.int("SESSION_ABSOLUTE_TIMEOUT_SECONDS", default=12 * 60 * 60)
# Signed out after this long without a request, and in any case SESSION_COOKIE_AGE after signing in.
SESSION_IDLE_TIMEOUT_SECONDS = env.int("SESSION_IDLE_TIMEOUT_SECONDS", default=30 * 60)
SESSION_ABSOLUTE_TIMEOUT_SECONDS = SESSION_COOKIE_AGE

# Sign-in throttling (django-axes): a run of failures locks that email from that address for a while.
# The page says the same whether or not the account exists.
AXES_FAILURE_LIMIT = env.int("SIGN_IN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.int("SIGN_IN_LOCKOUT_MINUTES", default=15) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "inspectorate.accounts.forms.attempted_email"
AXES_VERBOSE = False
# Two-factor authentication (django-otp TOTP): required for these roles, optional for the others.
OTP_TOTP_ISSUER = "Strategic inspections"
# `make run` sets TWO_FACTOR_REQUIRED_ROLES=none so the demo can be tried without an authenticator app.
TWO_FACTOR_REQUIRED_ROLES = [
    role
    for role in env.list("TWO_FACTOR_REQUIRED_ROLES", default=["inspector", "support_officer", "administrator"])
    if role != "none"
]

# Content-Security-Policy (django-csp): no inline script anywhere; GOV.UK Frontend starts from a
# static module. Inline style attributes are allowed for SVG charts and the HTML email preview.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "frame-src": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# Uploads and the document exchange (inspectorate/uploads.py, reviews/documents). Every upload is
# checked by content and size; a ClamAV daemon scans it when CLAMAV_SOCKET or CLAMAV_HOST is set.
# Without one, uploads are not virus-scanned and admin says so (docs/uploads.md).
UPLOAD_MAX_BYTES = env.int("UPLOAD_MAX_BYTES", default=50 * 1024 * 1024)
UPLOAD_ZIP_MAX_UNCOMPRESSED_BYTES = env.int("UPLOAD_ZIP_MAX_UNCOMPRESSED_BYTES", default=500 * 1024 * 1024)
UPLOAD_ZIP_MAX_RATIO = env.int("UPLOAD_ZIP_MAX_RATIO", default=100)
UPLOAD_ZIP_MAX_MEMBERS = env.int("UPLOAD_ZIP_MAX_MEMBERS", default=5000)
# Django keeps small uploads in memory; larger ones go to a temporary file while they are checked.
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FILES = 20
CLAMAV_SOCKET = env.str("CLAMAV_SOCKET", default="")
CLAMAV_HOST = env.str("CLAMAV_HOST", default="")
CLAMAV_PORT = env.int("CLAMAV_PORT", default=3310)
CLAMAV_TIMEOUT = env.float("CLAMAV_TIMEOUT", default=30.0)
# A review's uploaded documents are deleted this many years after the review is published (or
# closed without publication).
DOCUMENT_RETENTION_YEARS = env.int("DOCUMENT_RETENTION_YEARS", default=2)
if DOCUMENT_RETENTION_YEARS < 0 or UPLOAD_MAX_BYTES <= 0:
    raise ImproperlyConfigured("Set DOCUMENT_RETENTION_YEARS to 0 or more and UPLOAD_MAX_BYTES to a positive number.")
# Co-ordinators get a reminder this many days before a document request is due.
DOCUMENT_DUE_SOON_DAYS = env.int("DOCUMENT_DUE_SOON_DAYS", default=5)

# Retention schedule (inspectorate/retention.py): days each kind of data is kept. Apps add their own.
RETENTION_NOTIFICATION_DAYS = env.int("RETENTION_NOTIFICATION_DAYS", default=365)
RETENTION_SESSION_DAYS = env.int("RETENTION_SESSION_DAYS", default=1)
RETENTION_SIGN_IN_ATTEMPT_DAYS = env.int("RETENTION_SIGN_IN_ATTEMPT_DAYS", default=90)
RETENTION_DEACTIVATED_ACCOUNT_DAYS = env.int("RETENTION_DEACTIVATED_ACCOUNT_DAYS", default=730)

# Disclosure control: counts under this threshold are never shown in results or reports.
DISCLOSURE_THRESHOLD = env.int("DISCLOSURE_THRESHOLD", default=5)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "inspectorate.core.request_id.RequestIdFilter"}},
    "formatters": {"json": {"()": "inspectorate.core.log_format.JsonFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json", "filters": ["request_id"]}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
