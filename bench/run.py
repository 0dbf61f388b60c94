"""`make bench`: national-scale figures on this machine, each beside its budget and a limit measured in the same run.

    .venv/bin/python -m bench.run [--spike-seconds 60] [--spike-rate 300] [--page-seconds 30] [--fresh]

Needs PostgreSQL (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/inspectorate_bench) and
Redis (CELERY_BROKER_URL, default redis://127.0.0.1:6379/0). It creates two databases when they are
missing (or with --fresh), NAME at full scale and NAME_small at 0.1x, loads them with
`manage.py load_scale` (which does nothing when the data is there), serves the full one
with gunicorn (production settings) on a free port of 127.0.0.1 and measures. Everything it
starts, it stops. Every loop is bounded in count and in time.
"""

import argparse
import json
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

from bench import loadgen

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/inspectorate_bench"
DEFAULT_BROKER = "redis://127.0.0.1:6379/0"
GB = 1024**3
ALONE_SAMPLES = 5


def log(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def with_database(url, name):
    parsed = urlparse(url)
    return parsed._replace(path=f"/{name}").geturl()


def reachable(url, default_port):
    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname or "127.0.0.1", parsed.port or default_port), timeout=2):
            return True
    except OSError:
        return False


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Bench:
    def __init__(self, options):
        self.options = options
        self.database_url = os.environ.get("DATABASE_URL") or DEFAULT_DATABASE
        self.broker_url = os.environ.get("CELERY_BROKER_URL") or DEFAULT_BROKER
        self.name = urlparse(self.database_url).path.lstrip("/")
        self.small_url = with_database(self.database_url, f"{self.name}_small")
        self.work = Path(tempfile.mkdtemp(prefix="bench-"))
        self.rows = []  # (measure, figure, budget, limit, ratio, verdict)
        self.figures = {}

    # Environment ---------------------------------------------------------------------------------

    def env(self, database_url, **extra):
        env = {
            **os.environ,
            "DATABASE_URL": database_url,
            "CELERY_BROKER_URL": self.broker_url,
            "DJANGO_DEBUG": "false",
            "SECRET_KEY": self.secret,
            "ALLOWED_HOSTS": "127.0.0.1,testserver",
            "SECURE_SSL_REDIRECT": "false",
            "SESSION_COOKIE_SECURE": "false",
            "CSRF_COOKIE_SECURE": "false",
            "TWO_FACTOR_REQUIRED_ROLES": "none",
            "STATIC_ROOT": str(self.work / "static"),
            # The production default (whitenoise's manifest storage) cannot collect today: the vendored
            # govuk-frontend.min.css names a source map that is not in static/ (docs/performance.md).
            "STATICFILES_BACKEND": "whitenoise.storage.CompressedStaticFilesStorage",
            "MEDIA_ROOT": str(self.work / "media"),
            "EMAIL_FILE_PATH": str(self.work / "mail"),
            "LOG_LEVEL": "WARNING",
            "PYTHONPATH": str(ROOT),
        }
        env.pop("EMAIL_URL", None)
        env.update(extra)
        return env

    secret = "bench-" + secrets.token_urlsafe(48)

    def manage(self, database_url, *args, timeout=900):
        started = time.perf_counter()
        result = subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env=self.env(database_url),
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if result.returncode:
            raise SystemExit(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout, time.perf_counter() - started

    def measure(self, database_url, step, *args, timeout=600, **env):
        """Run one bench.measure step in a child; returns (its JSON, seconds, the child's peak RSS in bytes)."""
        out = self.work / f"{step}.out"
        with open(out, "w") as handle:
            process = subprocess.Popen(  # noqa: S603 - our own module with fixed arguments
                [PYTHON, "-m", "bench.measure", step, *map(str, args)],
                cwd=ROOT,
                env=self.env(database_url, **env),
                stdout=handle,
                stderr=subprocess.STDOUT,
            )
            started = time.perf_counter()
            deadline = time.monotonic() + timeout
            while True:
                pid, status, usage = os.wait4(process.pid, os.WNOHANG)
                if pid:
                    break
                if time.monotonic() > deadline:
                    process.kill()
                    raise SystemExit(f"bench.measure {step} took more than {timeout} s")
                time.sleep(0.05)
            process.returncode = os.waitstatus_to_exitcode(status)
        elapsed = time.perf_counter() - started
        text = out.read_text()
        if process.returncode:
            raise SystemExit(f"bench.measure {step} failed:\n{text[-4000:]}")
        return json.loads(text.strip().splitlines()[-1]), elapsed, usage.ru_maxrss * 1024

    # Databases -----------------------------------------------------------------------------------

    def _admin_sql(self, *statements):
        import psycopg2

        parsed = urlparse(self.database_url)
        connection = psycopg2.connect(
            host=parsed.hostname or "127.0.0.1",
            port=parsed.port or 5432,
            user=parsed.username or "postgres",
            password=parsed.password or "",
            dbname="postgres",
        )
        connection.autocommit = True
        try:
            with connection.cursor() as cursor:
                results = []
                for statement in statements:
                    sql, params = statement if isinstance(statement, tuple) else (statement, None)
                    cursor.execute(sql, params)
                    results.append(cursor.fetchall() if cursor.description else None)
                return results
        finally:
            connection.close()

    def _exists(self, name):
        return bool(self._admin_sql(("SELECT 1 FROM pg_database WHERE datname = %s", [name]))[0])

    def prepare_databases(self):
        """Create and load the two databases when missing (or with --fresh); reuse them otherwise."""
        small = f"{self.name}_small"
        if self.options.fresh:
            log(f"dropping {self.name} and {small} (--fresh)")
            self._admin_sql(
                f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)', f'DROP DATABASE IF EXISTS "{small}" WITH (FORCE)'
            )
        created = not self._exists(self.name)
        if created:
            log(f"creating database {self.name}")
            self._admin_sql(f'CREATE DATABASE "{self.name}"')
        _, seconds = self.manage(self.database_url, "migrate", "--noinput", "-v0")
        log(f"{self.name} migrated in {seconds:.0f} s")
        if not self._exists(small):
            if created:  # still empty: a copy is quicker than migrating again
                self._admin_sql(f'CREATE DATABASE "{small}" TEMPLATE "{self.name}"')
            else:
                self._admin_sql(f'CREATE DATABASE "{small}"')
        self.manage(self.small_url, "migrate", "--noinput", "-v0")
        output, small_seconds = self.manage(self.small_url, "load_scale", "--scale", "0.1")
        log(f"0.1x data: {output.strip().splitlines()[-1]}")
        output, seconds = self.manage(self.database_url, "load_scale", "--services", str(self.options.services))
        log(f"1x data: {output.strip().splitlines()[-1]}")
        if "already loaded" not in output:
            self.add(
                "load_scale at full scale (14,000 services, 3 years of returns, 100,000 answers, 1,000 readings)",
                f"{seconds:.0f} s",
                "bulk inserts",
                f"{small_seconds:.0f} s at 0.1x",
                f"{seconds / small_seconds:.1f}x for 10x data",
                "info",
            )
        self.manage(self.database_url, "collectstatic", "--noinput", "-v0")

    # Rows of the table ---------------------------------------------------------------------------

    def add(self, measure, figure, budget, limit, ratio, verdict):
        self.rows.append((measure, figure, budget, limit, ratio, verdict))

    # Servers -------------------------------------------------------------------------------------

    def start_server(self):
        self.port = free_port()
        self.gunicorn_log = open(self.work / "gunicorn.log", "w")  # noqa: SIM115 - closed in stop_servers
        self.gunicorn = subprocess.Popen(  # noqa: S603 - gunicorn from our own virtualenv
            [
                PYTHON,
                "-m",
                "gunicorn",
                "inspectorate.wsgi:application",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(self.options.workers),
                "--timeout",
                "60",
            ],
            cwd=ROOT,
            env=self.env(self.database_url),
            stdout=self.gunicorn_log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if loadgen.request(self.port, "GET", "/healthz")[0] == 200:
                    log(f"gunicorn ({self.options.workers} workers, production settings) on 127.0.0.1:{self.port}")
                    return
            except OSError:
                time.sleep(0.5)
        raise SystemExit(f"gunicorn did not answer on 127.0.0.1:{self.port}; see {self.work / 'gunicorn.log'}")

    def start_worker(self):
        self.worker_log = open(self.work / "worker.log", "w")  # noqa: SIM115 - closed in stop_servers
        self.worker = subprocess.Popen(  # noqa: S603 - celery from our own virtualenv
            [PYTHON, "-m", "celery", "--app", "inspectorate", "worker", "--pool", "solo", "--loglevel", "WARNING"],
            cwd=ROOT,
            env=self.env(self.database_url),
            stdout=self.worker_log,
            stderr=subprocess.STDOUT,
        )

    def stop_servers(self):
        for name in ("worker", "gunicorn"):
            process = getattr(self, name, None)
            if process is not None and process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait(timeout=10)
        for name in ("worker_log", "gunicorn_log"):
            handle = getattr(self, name, None)
            if handle is not None:
                handle.close()

    # Measures ------------------------------------------------------------------------------------

    def query_counts(self):
        small, _, _ = self.measure(self.small_url, "queries")
        full, _, _ = self.measure(self.database_url, "queries")
        for label, figures in full["queries"].items():
            before = small["queries"].get(label, {}).get("queries")
            after = figures["queries"]
            ok = before is not None and after <= before and figures["status"] == 200
            self.add(
                f"queries: {label}",
                f"{after} at {full['services']} services",
                "no growth with data",
                f"{before} at {small['services']} services",
                f"{after - before:+d}" if before is not None else "-",
                "OK" if ok else ("FAIL" if figures["status"] == 200 else f"HTTP {figures['status']}"),
            )

    def page_latency(self):
        found, _, _ = self.measure(self.database_url, "pages")
        pages, sessions = found["pages"], found["sessions"]
        for page in pages:  # warm every worker's caches and templates
            for _ in range(self.options.workers):
                loadgen.request(self.port, "GET", page["path"], session=sessions.get(page["email"]))
        # Each page alone first (one request at a time): the time the page itself takes, without queueing.
        alone = {}
        for page in pages:
            samples = [
                loadgen.request(self.port, "GET", page["path"], session=sessions.get(page["email"]))[3]
                for _ in range(ALONE_SAMPLES)
            ]
            alone[page["label"]] = statistics.median(samples)
        log(f"{self.options.clients} clients on {len(pages)} pages for {self.options.page_seconds} s")
        results, sent = loadgen.mixed_pages(
            self.port,
            pages,
            sessions,
            clients=self.options.clients,
            seconds=self.options.page_seconds,
            max_requests=self.options.max_requests,
        )
        trivial = results["healthz"]
        self.trivial_median = trivial.median
        self.figures["requests"] = sent
        self.add(
            f"throughput of the mixed pages, {self.options.clients} clients, {self.options.workers} gunicorn workers",
            f"{sent / self.options.page_seconds:.1f} requests/s ({sent} in {self.options.page_seconds} s)",
            "-",
            f"cap {self.options.max_requests} requests",
            "-",
            "info",
        )
        for page in pages:
            timings = results[page["label"]]
            if page["label"] == "healthz":
                self.add(
                    f"latency: /healthz (trivial view, {self.options.clients} clients)",
                    f"{_ms_pair(timings)}; alone {_ms(alone['healthz'])}",
                    "the limit",
                    "-",
                    "1.0x",
                    "info",
                )
                continue
            ok = timings.p95 is not None and timings.p95 < 1.0 and not timings.errors
            self.add(
                f"latency: {page['role']}: {page['label']}",
                f"{_ms_pair(timings)}; alone {_ms(alone[page['label']])}"
                + (f", {timings.errors} errors" if timings.errors else ""),
                "p95 < 1000 ms",
                f"healthz median {_ms(trivial.median)}",
                f"{timings.median / trivial.median:.1f}x" if timings.median and trivial.median else "-",
                "OK" if ok else "FAIL",
            )

    def spike(self):
        rate, seconds = self.options.spike_rate, self.options.spike_seconds
        wanted = int(rate * seconds / 60) + 5
        prepared, _, _ = self.measure(self.database_url, "spike-prepare", wanted)
        jobs = prepared["jobs"]
        if len(jobs) < wanted - 5:
            log(f"only {len(jobs)} returns left ready to submit (wanted {wanted}): run with --fresh to reload")
        log(f"deadline spike: {rate}/min for {seconds} s ({len(jobs)} returns ready)")
        outcome = loadgen.submission_spike(self.port, jobs, per_minute=rate, seconds=seconds)
        pks = self.work / "spike.json"
        pks.write_text(json.dumps({"all": [j["pk"] for j in jobs], "accepted": outcome["accepted"]}))
        check, _, _ = self.measure(self.database_url, "spike-verify", pks)
        timings = outcome["timings"]
        self.add(
            f"deadline spike: submissions per minute (offered {rate}/min for {seconds} s; the issue asks 15 min)",
            f"{outcome['per_minute']:.0f}/min ({len(outcome['accepted'])} of {outcome['planned']})",
            ">= 250/min",
            f"offered {rate}/min",
            f"{outcome['per_minute'] / rate:.2f} of offered",
            "OK" if outcome["per_minute"] >= 250 and not timings.errors else "FAIL",
        )
        self.add(
            "deadline spike: submission latency (POST of the declaration)",
            _ms_pair(timings) + (f", {timings.errors} errors" if timings.errors else ""),
            "p95 < 1000 ms",
            f"healthz median {_ms(self.trivial_median)}" if self.trivial_median else "-",
            f"{timings.median / self.trivial_median:.1f}x" if timings.median and self.trivial_median else "-",
            "OK" if timings.p95 is not None and timings.p95 < 1.0 else "FAIL",
        )
        self.add(
            "deadline spike: lost / duplicated returns",
            f"{check['lost']} lost, {check['duplicated']} duplicated, {check['unexpected']} unexplained",
            "0 / 0",
            f"{check['accepted']} accepted, {check['submitted']} stored",
            "-",
            "OK" if not (check["lost"] or check["duplicated"] or check["unexpected"]) else "FAIL",
        )
        self.add(
            "deadline spike: confirmations queued in the outbox",
            f"{check['confirmations']} of {check['submitted']}",
            "one per return",
            "-",
            "-",
            "OK" if check["confirmations"] == check["submitted"] and check["submitted"] else "FAIL",
        )

    def survey(self):
        result, _, _ = self.measure(self.database_url, "survey")
        self.add(
            f"survey results over {result['answers']:,} answers ({result['queries']} queries)",
            f"{result['median_s'] * 1000:.0f} ms (SQL {result['sql_s'] * 1000:.0f} ms)",
            "< 200 ms",
            f"COUNT(*) scan {result['count_scan_s'] * 1000:.0f} ms",
            f"{result['median_s'] / result['count_scan_s']:.1f}x",
            "OK" if result["median_s"] < 0.2 else "FAIL",
        )

    def register_import(self):
        rows = self.options.import_rows
        result, _, _ = self.measure(self.database_url, "import", rows, timeout=1800)
        # The task's time grows linearly with the rows (it runs a fixed number of queries per row),
        # so a smaller file is measured and scaled to the national register; the table says so.
        factor = self.options.services / rows
        estimate = result["import_s"] * factor
        bulk, _, _ = self.measure(self.database_url, "bulk-insert", self.options.services)
        measured = f"{result['import_s']:.1f} s for {rows:,} rows"
        self.add(
            f"register import through django-import-export (the Celery task), {self.options.services:,} services"
            f" ({result['import_queries'] / rows:.1f} queries per row)",
            measured if factor == 1 else f"{estimate:.0f} s estimated ({measured}, x{factor:.0f})",
            "< 30 s",
            f"plain bulk insert of {self.options.services:,} rows {bulk['bulk_s']:.1f} s",
            f"{estimate / bulk['bulk_s']:.0f}x",
            "OK" if estimate < 30 and result["imported"] == rows else "FAIL",
        )

    def report(self):
        result, seconds, rss = self.measure(self.database_url, "report", self.work, timeout=600)
        static, static_seconds, static_rss = self.measure(
            self.database_url, "static-pdf", self.work / "national-report.html", timeout=600
        )
        self.add(
            f"national report PDF, {result['pages']} pages "
            f"(data {result['build_s']:.1f} s, layout and PDF {result['pdf_s']:.1f} s)",
            f"{result['total_s']:.1f} s, peak RSS {rss / 2**20:.0f} MiB",
            "< 60 s, < 1 GiB",
            f"static HTML {static['total_s']:.1f} s, {static_rss / 2**20:.0f} MiB",
            f"{result['total_s'] / static['total_s']:.2f}x time, {rss / static_rss:.2f}x memory",
            "OK" if result["total_s"] < 60 and rss < GB else "FAIL",
        )

    def review_reports(self):
        # No broker for this child: the "report ready" emails are sent in-process to the bench's mail folder.
        result, _, rss = self.measure(self.database_url, "review-reports", timeout=900, CELERY_BROKER_URL="")
        self.add(
            f"review reports through the report framework: national overview ({result['national_pages']} pages) "
            f"and {result['areas']} area feedback reports ({result['area_pages']} pages), one worker process",
            f"overview {result['national_s']:.1f} s; areas {result['area_s']:.0f} s in all, slowest "
            f"{result['slowest_area_s']:.1f} s; peak RSS {rss / 2**20:.0f} MiB",
            "each < 60 s, < 1 GiB",
            f"areas on 2 worker processes (2 cores) about {result['area_s'] / 2:.0f} s",
            f"{result['area_s'] / result['areas']:.1f} s per area",
            "OK"
            if result["slowest_area_s"] < 60 and result["national_s"] < 60 and rss < GB and not result["failed"]
            else "FAIL",
        )

    # The run -------------------------------------------------------------------------------------

    def run(self):
        if not reachable(self.database_url, 5432):
            raise SystemExit(f"PostgreSQL is not reachable at {self.database_url}")
        if not reachable(self.broker_url, 6379):
            raise SystemExit(f"Redis is not reachable at {self.broker_url}")
        started = time.monotonic()
        self.trivial_median = None
        self.prepare_databases()
        log("queries per page at 0.1x and 1x")
        self.query_counts()
        try:
            self.start_server()
            self.page_latency()
            self.start_worker()
            self.spike()
        finally:
            self.stop_servers()
        log("survey aggregation")
        self.survey()
        log("register import")
        self.register_import()
        log("national report PDF")
        self.report()
        log("a review's reports through the report framework")
        self.review_reports()
        self.figures["total_s"] = time.monotonic() - started
        self.print_table()
        log(f"the PDFs, logs and emails of this run are in {self.work}")

    def print_table(self):
        header = ("Measure", "Figure", "Budget", "Limit measured in the same run", "Ratio", "Verdict")
        print()
        print(
            f"National-scale bench, {time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores, "
            f"PostgreSQL {self.name}, gunicorn {self.options.workers} workers, total {self.figures['total_s']:.0f} s"
        )
        print()
        print("| " + " | ".join(header) + " |")
        print("|" + "|".join("---" for _ in header) + "|")
        for row in self.rows:
            print("| " + " | ".join(str(cell) for cell in row) + " |")
        failed = [r for r in self.rows if r[5] not in ("OK", "info")]
        print()
        print(
            f"{len(self.rows) - len(failed)} of {len(self.rows)} rows within budget or informational; "
            f"{len(failed)} not."
        )


def _ms(seconds):
    return "-" if seconds is None else f"{seconds * 1000:.0f} ms"


def _ms_pair(timings):
    return f"median {_ms(timings.median)}, p95 {_ms(timings.p95)} (n={len(timings.samples)})"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--services", type=int, default=14_000, help="Services at full scale (default 14,000)")
    parser.add_argument("--spike-rate", type=int, default=300, help="Submissions offered per minute (default 300)")
    parser.add_argument("--spike-seconds", type=int, default=60, help="Length of the spike (default 60 s)")
    parser.add_argument("--page-seconds", type=int, default=30, help="Length of the page load (default 30 s)")
    parser.add_argument("--clients", type=int, default=6, help="Concurrent clients for the page load (default 6)")
    parser.add_argument("--max-requests", type=int, default=5000, help="Cap on page requests (default 5000)")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers (default 3, as in the Dockerfile)")
    parser.add_argument(
        "--import-rows",
        type=int,
        default=1_400,
        help="Register rows imported through django-import-export (default 1,400, scaled to --services; "
        "14,000 takes about 10 minutes at today's speed)",
    )
    parser.add_argument("--fresh", action="store_true", help="Drop and reload the bench databases first")
    options = parser.parse_args(argv)
    if options.spike_seconds > 900 or options.page_seconds > 300:
        parser.error("--spike-seconds is at most 900 and --page-seconds at most 300")
    bench = Bench(options)
    bench.run()


if __name__ == "__main__":
    main()
