"""The web layer's plumbing: the request's session and unit of work (``session``), route guards
(``guards``), errors to HTTP (``errors``), conditional requests (``etag``), middleware and the rate
limiter. With ``app/routers`` and ``app/main.py`` the only importers of FastAPI and Starlette
(``tests/test_layers.py``)."""
