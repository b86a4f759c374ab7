# Hundi API with the built web app, for the production-like docker-compose run.
FROM node:20-bookworm-slim AS web
WORKDIR /src/frontend
COPY frontend/ ./
RUN if [ -f package.json ]; then npm ci --no-audit --no-fund && npm run build; else mkdir -p dist; fi

FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY pyproject.toml README.md alembic.ini ./
COPY backend/ backend/
COPY migrations/ migrations/
# Editable, because the package finds migrations/ and frontend/dist/ beside
# backend/ in /app.
RUN pip install --no-cache-dir -e .
COPY --from=web /src/frontend/dist frontend/dist
RUN useradd --create-home hundi && mkdir -p var && chown hundi var
USER hundi
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --retries=5 \
  CMD python -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/healthz').status == 200 else 1)"
CMD ["sh", "-c", "hundi migrate && hundi serve --host 0.0.0.0 --port 8000"]
