# One image for the web server, the Celery worker and beat (docker-compose.yml picks the command).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1

# WeasyPrint's libraries and a font for PDFs.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY pyproject.toml ./
RUN pip install --upgrade pip && pip install .
COPY . .

RUN useradd --create-home --uid 1000 app && mkdir -p /app/var/media /app/staticfiles && chown -R app /app/var /app/staticfiles
# collectstatic needs settings that start; these build-time values are never used at run time.
RUN DJANGO_DEBUG=false SECRET_KEY=build-only-$(head -c 48 /dev/urandom | od -An -tx1 | tr -d ' \n') ALLOWED_HOSTS=build \
    python manage.py collectstatic --noinput
USER app

EXPOSE 8000
CMD ["gunicorn", "inspectorate.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
