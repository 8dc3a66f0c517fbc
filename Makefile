# `make run` serves the demo site; `make test` runs every check CI runs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed
PG_URL ?= postgresql://postgres@127.0.0.1:5432
# The PostgreSQL run also puts both caches in Redis, as production does; the
# suite empties this Redis database before each test.
TEST_REDIS_URL ?= redis://127.0.0.1:6379/15
# Browser tests drive Debian's Chromium; Playwright never downloads its own.
CHROMIUM := /usr/bin/chromium
# The benchmarks, and the deploy test (tests/cms/test_deploy.py), load the site
# with wrk, from Debian.
WRK := /usr/bin/wrk
# tests/cms/test_nginx.py runs deploy/nginx.conf in Debian's nginx.
NGINX := /usr/sbin/nginx

.PHONY: install run serve test lint format audit bench load backup restore clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

# The last lines, once the server answers, give the address and the admin's
# login, set apart. Links in the admin's emails (the therapist's notice of a
# request) lead to the port the site runs on, from the workers as from the
# demo's setup.
run: export WAGTAILADMIN_BASE_URL ?= http://127.0.0.1:$(PORT)
run: $(STAMP)
	@mkdir -p var
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo | tee var/load-demo.log
	@echo "== Background workers (notifications and subscribers' emails; imports) and development server"
	$(BIN)/python manage.py resume_article_emails
	@$(BIN)/python manage.py db_worker --backend background --no-reload & worker=$$!; \
	$(BIN)/python manage.py db_worker --backend background --queue-name imports --no-reload --max-memory-mb 1024 & importer=$$!; \
	trap 'kill $$worker $$importer 2>/dev/null' EXIT INT TERM; \
	( for try in $$(seq 120); do \
		if $(BIN)/python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$(PORT)/', timeout=2)" 2>/dev/null; then \
			echo; echo "================================================================"; \
			echo "  The site:   http://127.0.0.1:$(PORT)/"; \
			sed -n 's/^Admin: /  The admin:  /p; s/^  username: /  username:   /p; s/^  password: /  password:   /p' var/load-demo.log; \
			echo "  Ctrl-C stops the server and both workers."; \
			echo "================================================================"; echo; break; \
		fi; sleep 0.5; \
	done ) & \
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# Production, as deployed: the environment gives SECRET_KEY, ALLOWED_HOSTS and
# the rest (README, "Configuration"); gunicorn.conf.py sets up the workers.
serve: export DJANGO_SETTINGS_MODULE = cms.settings.production
serve: $(STAMP)
	@test -n "$$SECRET_KEY" || { echo "make serve: set SECRET_KEY (and ALLOWED_HOSTS) in the environment; see README"; exit 1; }
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(BIN)/python manage.py migrate --noinput
	PORT=$(PORT) $(BIN)/gunicorn

# A dated archive of the content and media in var/backups/ (BACKUP_DIR), and
# its way back into an empty database. README, "Backups".
backup: $(STAMP)
	$(BIN)/python manage.py backup

restore: $(STAMP)
	@test -n "$(FILE)" || { echo "make restore FILE=var/backups/backup-<date>.tar.gz"; exit 1; }
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py restore "$(FILE)"

$(CHROMIUM):
	apt-get update
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium

$(WRK):
	apt-get update
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends wrk

$(NGINX):
	apt-get update
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nginx openssl

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Supply chain: bandit over the site's code, pip-audit over every installed
# package (findings and their justifications: pyproject.toml, [tool.bandit]).
# pip-audit asks PyPI's JSON API; where that is out of reach, it says how many
# packages it could not check rather than passing in silence.
audit: $(STAMP)
	$(BIN)/bandit -q -c pyproject.toml -r .
	@mkdir -p var
	$(BIN)/pip-audit --progress-spinner off --skip-editable -f json -o var/pip-audit.json
	@$(BIN)/python -c "import json; deps = json.load(open('var/pip-audit.json'))['dependencies']; \
		skipped = sum('skip_reason' in d for d in deps); audited = len(deps) - skipped; \
		audited and print(f'pip-audit: {audited} packages checked, no known vulnerabilities'); \
		skipped and print(f'pip-audit: WARNING: {skipped} of {len(deps)} packages could not be checked: PyPI\'s JSON API did not answer for them')"

# The suite runs on SQLite and, when one answers, on PostgreSQL (and Redis),
# side by side: each stage is one process, and this is a 2-core machine.
# The browser tests exercise the pages, and the nginx test the proxy in front
# of its own SQLite site, not the suite's database, so they run on SQLite
# only; the deploy test, which also brings its own site, runs beside
# PostgreSQL's, the shorter stage. Each stage writes its log to var/; both
# are printed at the end.
test: lint audit $(CHROMIUM) $(NGINX) $(WRK)
	@mkdir -p var
	@if $(BIN)/python -c "import psycopg; psycopg.connect('$(PG_URL)/postgres', connect_timeout=3).close()" 2>/dev/null; then \
		if $(BIN)/python -c "import redis; redis.Redis.from_url('$(TEST_REDIS_URL)', socket_connect_timeout=3).ping()" 2>/dev/null; then \
			cache=$(TEST_REDIS_URL); with="with Redis ($(TEST_REDIS_URL))"; \
		else \
			cache=; with="(Redis not reachable, caches in memory)"; \
		fi; \
		echo "== Test suites on SQLite and on PostgreSQL ($(PG_URL)) $$with, side by side"; \
		$(BIN)/pytest -m "not deploy" --durations=15 > var/test-sqlite.log 2>&1 & lite=$$!; \
		DATABASE_URL=$(PG_URL)/cms_ci REDIS_URL=$$cache $(BIN)/pytest --create-db \
			-m "not browser and not proxy" --durations=15 > var/test-postgresql.log 2>&1; pg=$$?; \
		wait $$lite; sqlite=$$?; \
		echo "== Test suite on SQLite"; cat var/test-sqlite.log; \
		echo "== Test suite on PostgreSQL $$with"; cat var/test-postgresql.log; \
		echo "== SQLite: exit $$sqlite; PostgreSQL: exit $$pg"; \
		test $$sqlite -eq 0 && test $$pg -eq 0; \
	else \
		echo "== Test suite on SQLite; PostgreSQL not reachable at $(PG_URL)"; \
		$(BIN)/pytest; \
	fi

# Speed is measured here, never in `make test`: page speed at 100, 1,000 and
# 10,000 articles (in-process and under wrk), a crawl of every page after a
# publish and an editor browsing (with the template fragments and without),
# import speed, then slow clients with and without nginx in front,
# consultation requests, and one article emailed to 10,000 subscribers.
# About 25 minutes on this 2-core machine; the tables land in
# bench/results/latest.md.
bench: $(STAMP) $(WRK) $(NGINX)
	$(BIN)/python bench/pages.py
	$(BIN)/python bench/readership.py
	$(BIN)/python bench/crawl.py
	$(BIN)/python bench/import_speed.py
	$(BIN)/python bench/slow_clients.py
	$(BIN)/python bench/consultations.py
	$(BIN)/python bench/subscriptions.py
	$(BIN)/python bench/detectors.py
	{ echo "# Benchmarks"; echo; echo "Written by \`make bench\` on $$(date -u +%Y-%m-%d)."; echo; \
	  cat bench/results/pages.md; echo; cat bench/results/readership.md; echo; \
	  cat bench/results/crawl.md; echo; \
	  cat bench/results/import.md; echo; \
	  cat bench/results/slow_clients.md; echo; cat bench/results/consultations.md; echo; \
	  cat bench/results/subscriptions.md; echo; cat bench/results/detectors.md; } \
	  > bench/results/latest.md
	@echo "== bench/results/latest.md"

# Two minutes of load at 32 connections, page cache on and off, over a mix of
# URLs (about 4 minutes in all, with the setup); the table lands in
# bench/results/load.md.
load: $(STAMP) $(WRK)
	bench/load.sh

clean:
	rm -rf $(VENV) var
