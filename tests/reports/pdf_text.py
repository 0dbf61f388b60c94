"""Render a report version the way the task does, and read its PDF back as text."""

import io
import re
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from inspectorate.reports import actions, kinds
from inspectorate.reports.models import Report


def rendered(kind_key, subject, user):
    kind = kinds.get(kind_key)
    report = actions.request_report(kind, subject, user)
    actions.render(report.pk)
    return Report.objects.get(pk=report.pk)


def text_of(report):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = subprocess.run(["pdftotext", str(actions.file_path(report)), "-"], capture_output=True, text=True, check=True)
    return re.sub(r"\s+", " ", out.stdout)


def reader_of(report):
    return PdfReader(io.BytesIO(actions.file_path(report).read_bytes()))
