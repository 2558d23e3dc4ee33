# syntax=docker/dockerfile:1
# SafeSteps service image. The builder installs exactly the set in uv.lock (hashes checked) into a
# virtualenv and builds the project's wheel; the runtime stage gets that virtualenv and nothing else:
# no compiler, no uv, no development extras, no source tree.
#
#   docker build -t safesteps .
#   docker volume create safesteps-data
#   docker run --rm -p 8000:8000 -v safesteps-data:/var/lib/safesteps \
#       -e SAFESTEPS_KEY_PEPPER="$(python3 -c 'import secrets; print(secrets.token_urlsafe(48))')" \
#       -e SAFESTEPS_HISTORY_SECRET="$(python3 -c 'import secrets; print(secrets.token_urlsafe(48))')" safesteps
#
# The image runs with SAFESTEPS_ENVIRONMENT=production, whose guard refuses to start without a pepper
# of at least 32 characters (API keys are HMAC-SHA256 with it). The line above makes a fresh one,
# which is fine for a try; for a real deployment make it once, keep it in your secret store and pass
# the same value every time (`--env-file`, a Docker/Kubernetes secret): a new pepper invalidates every
# API key. The same holds for the history secret (person pseudonyms, docs/history.md): a new one
# unlinks every earlier incident unless the old one is kept in SAFESTEPS_HISTORY_PREVIOUS_SECRETS.
# Then create the first admin key inside the container:
#   docker exec -it <container> safesteps keys create --name "first admin" --role admin
#
# Storage: SQLite on the volume at /var/lib/safesteps by default (one container). For several replicas
# set SAFESTEPS_DATABASE_URL=postgresql+psycopg://USER:PASSWORD@HOST:5432/DB and run the migrations
# once per release (`safesteps migrate`, or see compose.yaml and deploy/kubernetes/).

# Python 3.11 on Debian bookworm, pinned by tag and by the digest of its multi-architecture index.
# To move to a newer patch release: `docker buildx imagetools inspect python:3.11.X-slim-bookworm`.
ARG PYTHON_IMAGE=python:3.11.14-slim-bookworm@sha256:65a93d69fa75478d554f4ad27c85c1e69fa184956261b4301ebaf6dbb0a3543d

FROM ${PYTHON_IMAGE} AS builder
# Keep in step with the Makefile's UV_VERSION (tests/ops/test_lock.py checks).
ARG UV_VERSION=0.13.8
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    UV_NO_CACHE=1
RUN pip install --no-cache-dir "uv==${UV_VERSION}"
WORKDIR /src

# Dependencies in their own layer: rebuilt only when the lock changes.
COPY pyproject.toml uv.lock ./
RUN uv export --frozen --no-emit-project --format requirements-txt --output-file /tmp/requirements.txt \
    && python -m venv /opt/safesteps \
    && /opt/safesteps/bin/pip install --no-cache-dir --require-hashes --no-deps -r /tmp/requirements.txt

# The project as a wheel. Alembic's migrations live beside the package (settings.PROJECT_ROOT), so
# they go where the installed package looks for them.
COPY README.md LICENSE ./
COPY app ./app
COPY migrations ./migrations
RUN uv build --wheel --out-dir /tmp/dist \
    && /opt/safesteps/bin/pip install --no-cache-dir --no-deps /tmp/dist/*.whl \
    && root="$(/opt/safesteps/bin/python -P -c 'from app.settings import PROJECT_ROOT; print(PROJECT_ROOT)')" \
    && cp -r migrations "${root}/migrations" \
    && /opt/safesteps/bin/python -m compileall -q /opt/safesteps


FROM ${PYTHON_IMAGE} AS runtime
LABEL org.opencontainers.image.title="SafeSteps" \
      org.opencontainers.image.description="Safeguarding-checklist decision support API" \
      org.opencontainers.image.licenses="LicenseRef-Proprietary"
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PATH=/opt/safesteps/bin:$PATH \
    # zen-engine is Rust: keep backtraces out of error strings that may reach logs.
    RUST_BACKTRACE=0 \
    SAFESTEPS_ENVIRONMENT=production \
    SAFESTEPS_DATABASE_URL=sqlite:////var/lib/safesteps/safesteps.db

COPY --from=builder /opt/safesteps /opt/safesteps
# A numeric user and group, so that `runAsNonRoot` can verify it without reading /etc/passwd.
RUN groupadd --system --gid 10001 safesteps \
    && useradd --system --uid 10001 --gid 10001 --home-dir /var/lib/safesteps --no-create-home \
        --shell /usr/sbin/nologin safesteps \
    && install --directory --owner 10001 --group 10001 --mode 0750 /var/lib/safesteps

WORKDIR /var/lib/safesteps
VOLUME ["/var/lib/safesteps"]
USER 10001:10001
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s --start-period=15s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2)"]

CMD ["safesteps", "serve", "--host", "0.0.0.0", "--port", "8000"]
