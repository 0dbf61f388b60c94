"""A Celery worker for fault tests: `python -m tests.faults.worker [worker options]`.

The same app and settings as production, with one change: unacknowledged messages go back on
the queue after a few seconds instead of an hour, so a test can watch a killed worker's task
run again without waiting for Redis's visibility timeout.
"""

import sys

from inspectorate.celery import app

# Unacknowledged for 3 s: back on the queue; looked for every second (kombu's defaults: 1 hour, every 100 s).
FAST_RESTORE = {"visibility_timeout": 3, "unacked_restore_interval": 1, "unacked_restore_throttle": 1}


if __name__ == "__main__":
    app.conf.broker_transport_options = {**app.conf.broker_transport_options, **FAST_RESTORE}
    app.worker_main(["worker", "--pool", "solo", "--without-gossip", "--without-mingle", *sys.argv[1:]])
