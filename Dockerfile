# SafeSteps service image (unbuilt on the development machine, which has no Docker engine).
#   docker build -t safesteps .
#   docker run -p 8000:8000 safesteps
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    # zen-engine is Rust: keep backtraces out of error strings that may reach logs.
    RUST_BACKTRACE=0 \
    SAFESTEPS_ENVIRONMENT=production \
    SAFESTEPS_DATABASE_URL=sqlite:////srv/safesteps/data/safesteps.db

WORKDIR /srv/safesteps

# Dependencies in their own layer, read from pyproject.toml: rebuilt only when it changes.
COPY pyproject.toml ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" \
        > /tmp/requirements.txt \
    && pip install -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt

# The project itself, installed in place: the service finds migrations/ and data/ beside app/.
COPY . .
RUN pip install --no-deps --editable . \
    && useradd --system --uid 10001 --home-dir /srv/safesteps --shell /usr/sbin/nologin safesteps \
    && mkdir -p data \
    && chown safesteps data

USER safesteps
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s --start-period=15s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2)"]

CMD ["safesteps", "serve", "--host", "0.0.0.0", "--port", "8000"]
