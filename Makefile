# pyprep: `make run` to use it, `make test` to check it. Both install whatever is missing first.
SHELL := /bin/bash
.DEFAULT_GOAL := help
.PHONY: help uv deps system-run system-test migrate content run admin lint importlint typecheck verify originality \
        test test-unit test-services mutation bench dev clean

UV := uv
RUN := $(UV) run --frozen
PY := $(RUN) python
SHARED ?= ../shared
export UV_LINK_MODE ?= copy
# Every Python process here (pytest workers, the servers and commands the tests start) imports Django and the
# project: with PYTHONDONTWRITEBYTECODE set (some shells and CI images set it) each one recompiles every module
# from source, about three times the CPU of reading the cached bytecode. __pycache__/ is git-ignored.
unexport PYTHONDONTWRITEBYTECODE
# Two pytest workers: much of the suite waits on the sandbox, subprocesses and the browser. Whole files go to one
# worker (loadfile), in collection order, so a module's fixtures behave as in one process. PYTEST_PARALLEL= runs serially.
PYTEST_PARALLEL ?= -n 2 --dist loadfile

# Debian packages: the judge's interpreter (Debian's python3.11, readable by the sandbox's slot users),
# libseccomp and bubblewrap (its second tier) for `run`; the browser, the scale-out servers and curl (the API
# docs' examples are run) for `test`.
APT_RUN := python3.11-minimal libpython3.11-stdlib libseccomp2 bubblewrap
APT_TEST := $(APT_RUN) chromium postgresql redis-server curl
APT_BENCH := $(APT_TEST) nginx wrk

help:
	@echo "make run    install what is missing, migrate, load the content, serve the site (granian, production settings) and the judge on http://127.0.0.1:8000"
	@echo "make dev    the same with Django's runserver: DEBUG on, reloads on code changes"
	@echo "make test   lint, import contracts, type check, content verification and the whole test suite (SQLite, then PostgreSQL + Redis)"
	@echo "make admin  create an admin account for the curation panel at /admin/"
	@echo "make bench  judge and serving benchmarks, submit->verdict latency, the nothing-lost load test (SQLite, then PostgreSQL + Redis)"

uv:
	@command -v $(UV) >/dev/null || python3 -m pip install --quiet --disable-pip-version-check uv

deps: uv
	$(UV) sync --frozen
	@if [ -f package-lock.json ] && ! cmp -s package-lock.json node_modules/.package-lock.json; then \
		npm ci --no-audit --no-fund --loglevel=error; fi

system-run:
	@scripts/apt-ensure $(APT_RUN)

system-test:
	@scripts/apt-ensure $(APT_TEST)

migrate: deps
	$(PY) manage.py migrate --noinput

content: migrate
	$(PY) manage.py load_content
	@# Which Pythons each question's examples and checks pass on, for its page; only changed questions rerun.
	-$(PY) manage.py verify_content --record

run: system-run content
	scripts/serve

dev: system-run content
	scripts/serve dev

admin: migrate
	$(PY) manage.py createsuperuser

lint: deps
	$(RUN) ruff check .
	$(RUN) ruff format --check .

importlint: deps
	$(RUN) lint-imports

typecheck: deps
	$(RUN) mypy .

verify: deps
	$(PY) manage.py verify_content

originality:
	@if [ -f $(SHARED)/tools/originality.py ]; then python3 $(SHARED)/tools/originality.py content; \
	else echo "originality: $(SHARED)/tools/originality.py not found, skipped"; fi

test-unit: deps system-test
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) manage.py makemigrations --check --dry-run
	$(RUN) pytest -q $(PYTEST_PARALLEL)

# The same suite on PostgreSQL + Redis, for everything that reaches a database, a cache or the judge's queue (the
# files ignored here read content files or start `make run` on its own SQLite database: the run above covers them).
test-services: deps system-test
	scripts/with-services $(RUN) pytest -q $(PYTEST_PARALLEL) -m "not browser" pyprep/bank pyprep/api pyprep/practice pyprep/accounts \
		pyprep/challenges pyprep/interviews pyprep/mock pyprep/judge/tests/test_queue.py \
		pyprep/judge/tests/test_judge_restart.py tests \
		--ignore=tests/test_serve_script.py --ignore=tests/bank/test_bank_quality.py \
		--ignore=tests/bank/test_reference_coverage.py \
		--ignore=pyprep/practice/tests/test_rubric_probes_guard_the_rubric_data.py

# Every challenge validates in the judge (its reference accepted, each known-wrong solution its stated verdict)
# and its tests kill >= 95% of the mutants of its reference solution (all of them). Four sandbox
# slots on two cores: many mutants hang or sleep until their wall limit, so the slots wait more than they compute.
mutation: deps system-run
	$(PY) manage.py validate_challenges --mutation --min-score 95 --slots 4

test: lint importlint typecheck originality verify mutation test-unit test-services

# Figures, not pass/fail (except the load test, which fails if anything was lost). Loopback only.
bench: deps content
	@scripts/apt-ensure $(APT_BENCH)
	$(PY) benchmarks/judge_bench.py
	HF_HUB_OFFLINE=1 $(PY) benchmarks/feedback_bench.py
	$(PY) benchmarks/serving_bench.py
	$(PY) benchmarks/verdict_latency.py
	$(PY) benchmarks/load_test.py
	scripts/with-services $(PY) benchmarks/load_test.py
	$(PY) benchmarks/search_bench.py --sizes 1000,10000,50000
	$(PY) benchmarks/filecache_bench.py

clean:
	rm -rf var .venv node_modules .mypy_cache .ruff_cache
