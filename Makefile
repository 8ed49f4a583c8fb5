# Panj: `make demo` to try it, `make test` to check it. See README.md.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PIP    := $(BIN)/python -m pip install --quiet --disable-pip-version-check

.PHONY: demo serve test test-browser check bench messages install clean

$(STAMP): pyproject.toml requirements/constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Panj needs Python 3.11 or newer")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) --upgrade pip
	$(PIP) -c requirements/constraints.txt -e '.[test,check]'
	@touch $@

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/panj demo

serve: $(STAMP)
	$(BIN)/panj serve

test: $(STAMP)
	$(BIN)/pytest -q

test-browser: $(STAMP)
	$(BIN)/pytest -q -m browser tests/browser

check: $(STAMP)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/mypy panj
	$(BIN)/lint-imports
	$(BIN)/python manage.py check --fail-level WARNING
	$(BIN)/python manage.py makemigrations --check --dry-run

# Benchmarks print their figures; PANJ_BENCH_POSTGRES names the PostgreSQL server to use too.
PANJ_BENCH_POSTGRES ?= postgres://postgres@127.0.0.1:5432/panj
# Each runs on SQLite, then on PostgreSQL when it answers; each takes --database-url.
DB_BENCHES := cases_bench $(patsubst bench/%.py,%,$(filter-out bench/cases_bench.py bench/linkage_bench.py,$(wildcard bench/*_bench.py)))
bench: $(STAMP)
	@for b in $(DB_BENCHES); do \
	  $(BIN)/python bench/$$b.py || exit 1; \
	  if pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then \
	    $(BIN)/python bench/$$b.py --database-url $(PANJ_BENCH_POSTGRES) || exit 1; \
	  else echo "PostgreSQL not reachable: $$b on PostgreSQL skipped"; fi; \
	done
	$(BIN)/python bench/linkage_bench.py

messages: $(STAMP)
	$(BIN)/python manage.py makemessages --no-obsolete --no-location -l fr -l ru -l tg -l prs --ignore '.venv*' --ignore 'var/*' --ignore 'bench/*' --ignore '*/tests/*' --ignore 'tests/*'
	$(BIN)/python manage.py compilemessages --ignore '.venv*'
	@# Django ships no Dari catalogue: derive one for its own messages from its Persian one.
	DJ=$$($(BIN)/python -c 'import django, os; print(os.path.dirname(django.__file__))') && \
	msgcat --use-first $$DJ/conf/locale/fa/LC_MESSAGES/django.po \
	  $$DJ/contrib/auth/locale/fa/LC_MESSAGES/django.po | \
	  sed 's/^"Language: fa\\n"/"Language: prs\\n"/' | \
	  msgfmt -o locale-fallback/prs/LC_MESSAGES/django.mo -

clean:
	rm -rf $(VENV) var
