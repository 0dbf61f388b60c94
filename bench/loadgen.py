"""A bounded, threaded HTTP load generator for 127.0.0.1 only (standard library: http.client).

Two shapes of load:
- `mixed_pages`: a fixed number of clients each open the main pages in turn for a fixed time
  (closed loop), with a cap on the number of requests;
- `submission_spike`: annual-return submissions arriving at a fixed rate (open loop, as at a
  deadline), each a GET of the check-your-answers page then the POST of the declaration.
"""

import http.client
import random
import re
import statistics
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import urlencode

CSRF_INPUT = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')
TIMEOUT = 30


@dataclass
class Timings:
    """Latencies (seconds) and failures for one label."""

    samples: list = field(default_factory=list)
    errors: int = 0

    @property
    def median(self):
        return statistics.median(self.samples) if self.samples else None

    @property
    def p95(self):
        if not self.samples:
            return None
        ordered = sorted(self.samples)
        return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def request(port, method, path, *, session=None, cookies=None, body=None):
    """One request on a fresh connection; returns (status, headers, body bytes, seconds)."""
    if not path.startswith("/"):
        raise ValueError("paths only: the load generator talks to 127.0.0.1 and nothing else")
    headers = {"Host": "127.0.0.1"}
    jar = dict(cookies or {})
    if session:
        jar["sessionid"] = session
    if jar:
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in jar.items())
    if body is not None:
        body = urlencode(body).encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        headers["Referer"] = f"http://127.0.0.1:{port}{path}"
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
    started = time.perf_counter()
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        content = response.read()
        return response.status, response.getheaders(), content, time.perf_counter() - started
    finally:
        connection.close()


def set_cookies(headers):
    cookies = {}
    for name, value in headers:
        if name.lower() == "set-cookie":
            key, _, rest = value.partition("=")
            cookies[key.strip()] = rest.split(";", 1)[0]
    return cookies


def mixed_pages(port, pages, sessions, *, clients, seconds, max_requests):
    """Each client walks the pages in a shuffled order again and again until time or the cap runs out."""
    results = {page["label"]: Timings() for page in pages}
    lock = threading.Lock()
    sent = [0]
    stop_at = time.monotonic() + seconds

    def client(number):
        rng = random.Random(number)  # noqa: S311 - page order, not security
        order = list(pages)
        while time.monotonic() < stop_at:
            rng.shuffle(order)
            for page in order:
                with lock:
                    if sent[0] >= max_requests or time.monotonic() >= stop_at:
                        return
                    sent[0] += 1
                try:
                    status, _, _, seconds_taken = request(
                        port, "GET", page["path"], session=sessions.get(page["email"])
                    )
                    ok = status == 200
                except OSError:
                    ok, seconds_taken = False, None
                with lock:
                    if ok:
                        results[page["label"]].samples.append(seconds_taken)
                    else:
                        results[page["label"]].errors += 1

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + TIMEOUT + 5)
    return results, sent[0]


def submit(port, job):
    """GET check your answers (for the form's CSRF token), then POST the declaration. Returns (accepted, seconds)."""
    status, headers, content, _ = request(
        port, "GET", f"/annual-returns/returns/{job['pk']}/check-your-answers/", session=job["session"]
    )
    match = CSRF_INPUT.search(content)
    if status != 200 or not match:
        return False, None
    cookies = set_cookies(headers)
    form = {
        "csrfmiddlewaretoken": match.group(1).decode(),
        "declared_name": "Registered manager",
        "declared_position": "Registered manager",
        "confirm": "on",
    }
    status, headers, _, seconds = request(
        port,
        "POST",
        f"/annual-returns/returns/{job['pk']}/check-your-answers/",
        session=job["session"],
        cookies=cookies,
        body=form,
    )
    location = {k.lower(): v for k, v in headers}.get("location", "")
    return status == 302 and location.endswith("/confirmation/"), seconds


def submission_spike(port, jobs, *, per_minute, seconds, max_workers=16):
    """Start one submission every 60/per_minute seconds for `seconds` (or until the jobs run out)."""
    interval = 60.0 / per_minute
    planned = jobs[: int(seconds * per_minute / 60)]
    timings = Timings()
    accepted = []
    lock = threading.Lock()

    def run(job):
        try:
            ok, seconds_taken = submit(port, job)
        except OSError:
            ok, seconds_taken = False, None
        with lock:
            if ok:
                timings.samples.append(seconds_taken)
                accepted.append(job["pk"])
            else:
                timings.errors += 1

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=max_workers) as pool:
        for number, job in enumerate(planned):
            delay = started + number * interval - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            pool.submit(run, job)
    elapsed = time.monotonic() - started
    return {
        "planned": len(planned),
        "accepted": accepted,
        "timings": timings,
        "elapsed_s": elapsed,
        "per_minute": 60 * len(accepted) / elapsed if elapsed else 0,
    }
