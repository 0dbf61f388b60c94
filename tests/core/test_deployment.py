"""Settings refuse unsafe production configuration; docker-compose.yml names real things."""

import importlib
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_DEBUG": "false",
    "SECRET_KEY": "x" * 20 + "-a-long-random-production-secret-key-for-tests-only-0123456789",
    "ALLOWED_HOSTS": "inspections.example.gov.uk",
    "CLAMAV_HOST": "clamav.internal",
}


def run_manage(*args, env):
    # Only what the test names: e.g. DJANGO_ALLOW_ASYNC_UNSAFE from the browser tests must not leak in.
    ignored = {"DJANGO_DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    base = {k: v for k, v in os.environ.items() if k not in ignored}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env={**base, **env}, capture_output=True, text=True, timeout=120
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", env={"DJANGO_DEBUG": "false", "ALLOWED_HOSTS": "example.org"})
    assert result.returncode != 0
    assert "set SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_manage("check", env={"DJANGO_DEBUG": "false", "SECRET_KEY": PRODUCTION_ENV["SECRET_KEY"]})
    assert result.returncode != 0
    assert "set ALLOWED_HOSTS" in result.stderr


def test_check_deploy_reports_no_warnings_with_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr


def _compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_has_every_service_with_a_health_check():
    services = _compose()["services"]
    assert set(services) == {"web", "worker", "beat", "postgres", "redis"}
    for name, service in services.items():
        assert "healthcheck" in service, f"{name} has no health check"
    assert "uploads:/app/var/media" in services["web"]["volumes"]


def test_every_command_in_compose_and_the_dockerfile_names_a_real_module():
    commands = [service["command"] for service in _compose()["services"].values() if "command" in service]
    dockerfile_cmd = next(line for line in (ROOT / "Dockerfile").read_text().splitlines() if line.startswith("CMD"))
    commands.append(" ".join(yaml.safe_load(dockerfile_cmd[3:])))
    for command in commands:
        words = shlex.split(command.replace("&&", " "))
        for word in words:
            if ":" in word and word.startswith("inspectorate."):
                module, attribute = word.split(":")
                assert hasattr(importlib.import_module(module), attribute), word
        if "--app" in words:
            assert importlib.import_module(words[words.index("--app") + 1]).celery_app
        if "manage.py" in words:
            assert (ROOT / "manage.py").exists()


def test_docker_compose_config_validates(tmp_path):
    tool = shutil.which("docker-compose")
    if tool is None:
        pytest.skip("docker-compose (Debian's v1) is not installed: the YAML checks above still ran")
    shutil.copy(ROOT / "docker-compose.yml", tmp_path / "docker-compose.yml")
    shutil.copy(ROOT / ".env.example", tmp_path / ".env")
    result = subprocess.run(
        [tool, "-f", "docker-compose.yml", "config", "-q"], cwd=tmp_path, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_collectstatic_with_the_production_manifest_storage_succeeds(tmp_path):
    # The Dockerfile runs this at build time: a reference to a missing file (a source map, say)
    # would fail the image build.
    env = {**PRODUCTION_ENV, "STATIC_ROOT": str(tmp_path / "static")}
    result = run_manage("collectstatic", "--noinput", env=env)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert (tmp_path / "static" / "staticfiles.json").exists()
