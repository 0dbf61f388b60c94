"""A system check that says, at start-up, when uploads are not being scanned for viruses."""

from django.core import checks

from inspectorate.uploads import scanner_configured


@checks.register(checks.Tags.security, deploy=True)
def virus_scanner_configured(app_configs, **kwargs):
    if scanner_configured():
        return []
    return [
        checks.Warning(
            "Uploaded documents are not scanned for viruses: no ClamAV daemon is configured.",
            hint="Set CLAMAV_SOCKET or CLAMAV_HOST (and CLAMAV_PORT). See docs/uploads.md.",
            id="documents.W001",
        )
    ]
