"""Workers exit when their supervisor dies.

``safesteps serve --workers N`` runs N worker processes under uvicorn's supervisor. If the
supervisor is killed (``kill -9``, an OOM kill), the workers would otherwise live on as orphans,
holding the port and the database, with nobody to restart or stop them. Each worker watches its
parent process's sentinel and, when it goes, shuts itself down like a SIGTERM would (finishing the
requests in flight), then exits for good after a grace period.
"""

from __future__ import annotations

import logging
import multiprocessing
import multiprocessing.connection
import os
import signal
import threading

log = logging.getLogger("safesteps.supervision")


def watch_supervisor(grace_seconds: float = 30.0) -> threading.Thread | None:
    """In a worker process started by a supervisor, a daemon thread that ends the worker when the
    supervisor dies. Does nothing in a process started otherwise (``safesteps serve``, tests)."""
    parent = multiprocessing.parent_process()
    if parent is None or parent.sentinel is None:
        return None
    sentinel = parent.sentinel

    def watch() -> None:
        multiprocessing.connection.wait([sentinel])
        log.error("the supervisor has gone; this worker stops")
        os.kill(os.getpid(), signal.SIGTERM)
        threading.Event().wait(grace_seconds)
        os._exit(1)

    thread = threading.Thread(target=watch, name="safesteps-supervisor-watch", daemon=True)
    thread.start()
    return thread
