"""An iCalendar (RFC 5545) feed of timeline activities, written by hand: all-day events only."""

from datetime import timedelta

from django.utils import timezone


def _escape(text):
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line):
    """Lines longer than 75 octets continue on the next line after a space (RFC 5545 3.1)."""
    encoded = line.encode()
    if len(encoded) <= 75:
        return line
    parts, current = [], b""
    for char in line:
        piece = char.encode()
        if len(current) + len(piece) > (75 if not parts else 74):
            parts.append(current.decode())
            current = b""
        current += piece
    parts.append(current.decode())
    return "\r\n ".join(parts)


def calendar(activities, *, name, domain):
    stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Care regulator//Strategic inspections//EN",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_escape(name)}",
    ]
    for activity in activities:
        last = activity.ends_on or activity.starts_on
        where = f" ({activity.area.local_authority})" if activity.area_id else ""
        lines += [
            "BEGIN:VEVENT",
            f"UID:timeline-activity-{activity.pk}@{domain}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{activity.starts_on:%Y%m%d}",
            # DTEND is exclusive for all-day events: the day after the last day.
            f"DTEND;VALUE=DATE:{last + timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_escape(activity.title + where)}",
            f"CATEGORIES:{_escape(activity.get_kind_display())}",
        ]
        if activity.details:
            lines.append(f"DESCRIPTION:{_escape(activity.details)}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
