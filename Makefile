# The two commands that matter: `make site` builds site/ and `make test` runs every test.
# Both create the virtual environment and install the pinned requirements on first use.
VENV   ?= .venv
PY     := $(VENV)/bin/python
SITE_STAMP := $(VENV)/.site-requirements
DEV_STAMP  := $(VENV)/.dev-requirements
# Tools of the integrity and browser tests, installed by `make test` when missing (see test-tools).
TOOLS      := .cache/tools
VNU_JAR    := $(TOOLS)/node_modules/vnu-jar/build/dist/vnu.jar
CHROMIUM   := /usr/bin/chromium

.PHONY: site test test-tools golden validate generate serve lint format bench clean stale schema new-family new-model

site: $(SITE_STAMP)  ## validate the data, generate the pages, build site/ (atomically)
	$(PY) -m generator site

# -n auto: one worker per core; --dist loadfile keeps each file on one worker, so a file's site is built once.
test: $(DEV_STAMP) lint test-tools  ## the whole test suite (after ruff), on every core
	$(PY) -m pytest -q -n auto --dist loadfile

golden: $(DEV_STAMP)  ## rewrite tests/golden/ from the current output; review the diff before committing
	UPDATE_GOLDEN=1 $(PY) -m pytest -q tests/test_golden.py

bench: $(SITE_STAMP)  ## time synthetic sites at 1x, 4x, 16x; check the targets; write docs/build-benchmarks.md (minutes)
	$(PY) -m bench.run $(BENCH_ARGS)

validate: $(SITE_STAMP)  ## check the data only, fast
	$(PY) -m generator validate

stale: $(SITE_STAMP)  ## figures past stale_after_days as of today (or $$OMC_TODAY), oldest first; a report, not output
	$(PY) -m generator --today "$${OMC_TODAY:-$$(date -u +%F)}" stale

generate: $(SITE_STAMP)  ## write the Markdown pages to build/docs without building HTML
	$(PY) -m generator generate

# --dirty: MkDocs re-renders only the pages the generator rewrote (it writes only changed files),
# which keeps save-to-reload near a second; the preview's search then covers the pages rebuilt since
# start. `make serve SERVE_FLAGS=` rebuilds everything on each save.
SERVE_ADDR  ?= 127.0.0.1:8000
SERVE_FLAGS ?= --dirty
serve: $(SITE_STAMP)  ## preview with live reload: saving a YAML file or a template regenerates
	$(PY) -m generator generate
	NO_MKDOCS_2_WARNING=1 $(PY) -m mkdocs serve --livereload $(SERVE_FLAGS) -a $(SERVE_ADDR) -f mkdocs.serve.yml

schema: $(SITE_STAMP)  ## rewrite schema/*.json (the editors' JSON Schemas) from generator/schema.py
	$(PY) -m generator schema

new-family: $(SITE_STAMP)  ## make new-family ID=<family-id>: data/families/<id>.yaml with every field, ready to fill
	$(PY) -m generator new family $(ID)

new-model: $(SITE_STAMP)  ## make new-model FAMILY=<family-id> ID=<model-id>: a model entry in that family's file
	$(PY) -m generator new model $(FAMILY) $(ID)

lint: $(DEV_STAMP)  ## ruff, as CI runs it
	$(VENV)/bin/ruff check generator tests bench
	$(VENV)/bin/ruff format --check generator tests bench

format: $(DEV_STAMP)
	$(VENV)/bin/ruff format generator tests bench
	$(VENV)/bin/ruff check --fix generator tests bench

test-tools: $(VNU_JAR) $(CHROMIUM)  ## the Nu HTML Checker (npm) and Debian's chromium for the browser tests

# vnu-jar ships vnu.jar in its npm package; Java runs it (Debian's headless JRE if none is there).
$(VNU_JAR):
	command -v java >/dev/null || { $(call apt_install,default-jre-headless); }
	npm install --silent --no-audit --no-fund --prefix $(TOOLS) vnu-jar@26.9.27

# Debian's chromium, driven by Playwright's executable_path: Playwright never downloads a browser here.
$(CHROMIUM):
	$(call apt_install,chromium)

# As root (CI, these machines) install from Debian; elsewhere say so, and the tests that need it skip.
apt_install = if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(1); \
	else echo "not root: run 'apt-get install $(1)' for the browser and HTML tests"; fi

clean:
	rm -rf build site .cache

$(VENV)/bin/python:
	python3 -m venv $(VENV)

$(SITE_STAMP): requirements.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(DEV_STAMP): requirements.txt requirements-dev.txt $(SITE_STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@
