# Two entry points that work on a fresh machine with Python 3.11+ and make:
#   make build   set up .venv, build output/ from seeds/ and publish output/site/
#   make test    set up .venv and run lint, types, import layers and the test suite
#   make eval    score each dev article and the seeds against gold: docs/eval.md, bench/eval.json
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# Debian packages for the integration tests (Apache Jena and its TDB2, Virtuoso, Chromium for the
# browser tests); installed with apt-get when missing and running as root, else those tests skip
# with a reason. As root, 'make test' sets HISTKG_REQUIRE_STORES=1: a store test that cannot run
# fails instead of skipping.
DEBIAN_PACKAGES := default-jre-headless libapache-jena-java virtuoso-opensource chromium chromium-driver

.PHONY: build test lint eval system-deps axe clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

build: $(STAMP)
	$(BIN)/histkg build seeds --out output
	$(BIN)/histkg publish seeds --out output/site

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports

# Builds each article of ../shared/corpus/dev on its own and the seeds, scores them against their
# gold files and fails when a figure drops below bench/eval-floor.json.
eval: $(STAMP)
	$(BIN)/python bench/eval.py --json bench/eval.json --markdown docs/eval.md --check bench/eval-floor.json

system-deps:
	@missing=$$(for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing $$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	  else echo "not root or no apt-get: the Jena, Virtuoso and browser tests will be skipped (missing: $$missing)"; fi; \
	fi

# axe-core (npm) for the accessibility checks of the browser tests, into node_modules/; without
# npm those checks are skipped with a reason.
AXE_VERSION := 4.14.1
AXE := node_modules/axe-core/axe.min.js

axe: $(AXE)

$(AXE):
	@if command -v npm >/dev/null; then \
	  npm install --no-save --no-package-lock --no-audit --no-fund --loglevel=error axe-core@$(AXE_VERSION) \
	  || echo "npm could not install axe-core: the axe-core checks will be skipped"; \
	else echo "no npm: the axe-core checks will be skipped"; fi

test: lint system-deps axe
	HISTKG_REQUIRE_STORES=$$([ "$$(id -u)" = 0 ] && echo 1) $(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
