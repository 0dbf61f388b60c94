"""Structured (JSON) log lines that never carry secrets, session ids or stack traces' locals."""

import json
import logging

# Words that mark a value as secret wherever they appear in a logged message.
_SECRET_MARKERS = ("password", "secret", "sessionid", "csrftoken", "token=")


class JsonFormatter(logging.Formatter):
    def format(self, record):
        message = record.getMessage()
        if any(marker in message.lower() for marker in _SECRET_MARKERS):
            message = "[message withheld: it mentioned a secret]"
        line = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "request_id": getattr(record, "request_id", "-"),
            "message": message,
        }
        if record.exc_info:
            # The exception's type and message only: a traceback can carry request data and secrets.
            line["error"] = f"{record.exc_info[0].__name__}: {record.exc_info[1]}"[:500]
        return json.dumps(line)
