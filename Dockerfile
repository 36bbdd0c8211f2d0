# supplybrief: slim runtime image. The translation model is NOT in the image: install it on the
# host (`python -m models install`) and mount its directory (see compose.yaml and the README).
#   docker build -t supplybrief .
#   docker run -p 127.0.0.1:8000:8000 \
#     -v "$PWD/models/installed/opus-mt-tc-big-gmq-en:/app/models/installed/opus-mt-tc-big-gmq-en:ro" \
#     supplybrief

# --- build: install the package and its dependencies into a venv ---------------------------------
FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
# Only what the package needs: no tests, benchmarks, seeds or model weights (see .dockerignore).
COPY pyproject.toml README.md ./
COPY service ./service
RUN python -m venv /opt/venv \
 && /opt/venv/bin/pip install --no-cache-dir .

# --- runtime ---------------------------------------------------------------------------------------
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PATH=/opt/venv/bin:$PATH \
    BRIEF_MODEL_DIR=/app/models/installed/opus-mt-tc-big-gmq-en \
    BRIEF_LOG_FORMAT=json
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --home-dir /app --no-create-home \
      --shell /usr/sbin/nologin app \
 && mkdir -p /app/models/installed/opus-mt-tc-big-gmq-en /app/data \
 && chown -R app:app /app
COPY --from=build /opt/venv /opt/venv
WORKDIR /app
USER 10001:10001
# The model directory (Settings.model_dir, above as BRIEF_MODEL_DIR): mount the installed model
# here. Empty, the service still starts and /v1/translate answers 503 with the install command.
VOLUME ["/app/models/installed/opus-mt-tc-big-gmq-en"]
EXPOSE 8000
# No curl in a slim image: the check uses the interpreter that is already there.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["python", "-c", "import sys, urllib.request; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status == 200 else 1)"]
# Inside the container the service listens on all interfaces; publish the port deliberately.
CMD ["python", "-m", "service", "serve", "--host", "0.0.0.0", "--port", "8000"]
