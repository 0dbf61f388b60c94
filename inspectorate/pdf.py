"""Render HTML templates into tagged, accessible PDFs with WeasyPrint.

One template serves both the browser preview and the PDF: print rules live in
static/css/report-print.css (@page boxes for running headers and page numbers, the cover and the
contents with page numbers through target-counter). PDFs are PDF/UA-1, so they are tagged, with
the document title and language from the HTML, and table headers linked to their cells.
"""

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string


def render_html(template, context, *, for_print):
    return render_to_string(template, {**context, "for_print": for_print, "service_name": settings.SERVICE_NAME})


def _fetcher():
    """A URL fetcher that reads the service's own static files from disk and data: URIs, and
    refuses everything else, so a report can never make WeasyPrint reach the network or the disk."""
    from weasyprint.urls import URLFetcher

    class StaticOnly(URLFetcher):
        prefix = "file:///static/"

        def fetch(self, url, headers=None):
            if url.startswith(self.prefix):
                path = finders.find(url[len(self.prefix) :].split("?")[0])
                if path:
                    return super().fetch(f"file://{path}", headers)
            if url.startswith("data:"):
                return super().fetch(url, headers)
            raise ValueError(f"Reports may only use the service's own static files, not {url}")

    return StaticOnly(allowed_protocols={"file", "data"})


def html_to_pdf(html):
    """Return (pdf bytes, number of pages)."""
    from weasyprint import HTML

    document = HTML(string=html, base_url="file:///", url_fetcher=_fetcher()).render()
    pdf = document.write_pdf(pdf_variant="pdf/ua-1")
    return pdf, len(document.pages)
