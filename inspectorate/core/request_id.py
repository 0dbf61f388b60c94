"""A request id on every request, in the X-Request-ID response header and in every log line.

An id arriving from a trusted proxy is reused when it is short and plain; otherwise a new one is
made. Log lines carry it through a context variable, so code anywhere can log without passing it.
"""

import contextvars
import logging
import re
import uuid

_current = contextvars.ContextVar("request_id", default="-")
_SAFE = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        request_id = incoming if _SAFE.match(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        token = _current.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            _current.reset(token)
        response["X-Request-ID"] = request_id
        return response


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every log record (a dash outside a request)."""

    def filter(self, record):
        record.request_id = _current.get()
        return True
