# IBERS microcredentials assistant. A newcomer needs two targets: `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV   := .venv
PY     := $(VENV)/bin/python
RASA   := $(VENV)/bin/rasa
STAMP  := $(VENV)/.installed-from-lock
NPM_STAMP := node_modules/.installed-from-lock
MODEL  := models/ibers.tar.gz
# Held-out NLU gates, per language (tests/nlu/en, tests/nlu/cy). Measured 2026-12-04: macro F1 en 0.973, cy 0.923;
# weakest intent en 0.839, cy 0.788; accuracy as a user sees it (a fallback counts as wrong) en 0.962, cy 0.913.
# The floors sit just under those figures so that a regression fails; the goals are higher (issue #17: every
# intent at 0.90; issue #14: Welsh within 0.02 of English), and each floor is raised as the data gets there.
MIN_F1_EN := 0.97
MIN_F1_CY := 0.91
MIN_INTENT_F1_EN := 0.83
MIN_INTENT_F1_CY := 0.78
MIN_USER_ACCURACY_EN := 0.95
MIN_USER_ACCURACY_CY := 0.90
SPACY  := models/spacy/ibers_en/meta.json
NLU_SOURCES := config.yml domain.yml $(shell find data -type f -name '*.yml' 2>/dev/null)

export RASA_PORT   ?= 5005
export ACTION_PORT ?= 5055
export WEB_PORT    ?= 8080
export TF_CPP_MIN_LOG_LEVEL ?= 2
export SQLALCHEMY_SILENCE_UBER_WARNING ?= 1
export RASA_TELEMETRY_ENABLED ?= false
export PYTHONDONTWRITEBYTECODE ?= 1

.PHONY: help install nlp train db serve run test lint types validate unit gates e2e bench clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-9s %s\n", $$1, $$2}'

# --- set-up -----------------------------------------------------------------------------------------------
install: $(STAMP) $(NPM_STAMP) ## Create .venv (Python 3.10) from requirements.lock and the widget's npm packages

$(VENV)/bin/python:
	@py="$$(scripts/find-python.sh)" && echo "Creating $(VENV) with $$py" && "$$py" -m venv $(VENV)

$(STAMP): requirements.lock | $(VENV)/bin/python
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	@touch $@

$(NPM_STAMP): package-lock.json
	@command -v npm >/dev/null || { echo "error: npm (Node.js 18+) is needed for the chat widget's assets: install Node.js"; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# --- training -----------------------------------------------------------------------------------------------
nlp: $(SPACY) ## Build the spaCy pipeline (blank English + catalogue entity ruler)

$(SPACY): bot/data/catalogue.yaml $(wildcard bot/nlp/*.py) $(wildcard bot/files/*.py) bot/policy.yaml | $(STAMP)
	$(PY) -m bot.nlp build

train: $(MODEL) ## Train the Rasa model if data, config or domain changed

$(MODEL): $(SPACY) $(NLU_SOURCES) | $(STAMP)
	$(RASA) train --fixed-model-name ibers --out models --quiet
	@touch $@

# --- running ------------------------------------------------------------------------------------------------
db: $(STAMP) ## Create or upgrade the embedded database, import the catalogue, seed demo learners
	$(PY) -m bot setup

serve: $(STAMP) $(NPM_STAMP) ## Start action server, Rasa server and the web page (RASA_PORT, ACTION_PORT, WEB_PORT)
	$(PY) -m bot.services

run: install train db ## Everything a newcomer needs: install, train, database, then serve
	@echo "Starting: the page will be at http://localhost:$(WEB_PORT)/"
	@$(MAKE) --no-print-directory serve

# --- quality ------------------------------------------------------------------------------------------------
validate: $(SPACY) ## Check domain, data and stories for mistakes
	$(RASA) data validate --fail-on-warnings --quiet

unit: $(SPACY) ## Fast tests: rules (100% branch coverage required), store, actions, NLP (no servers)
	$(PY) -m pytest -q -m "not e2e" --cov=bot.rules --cov-branch --cov-report=term --cov-fail-under=100

gates: $(MODEL) ## NLU held-out gates in English and Welsh (F1, each intent, accuracy as users see it) and test stories
	$(RASA) test nlu --nlu tests/nlu/en --model $(MODEL) --out results/nlu --quiet
	$(PY) scripts/check_nlu_gate.py results/nlu/intent_report.json --min-f1 $(MIN_F1_EN) --min-intent-f1 $(MIN_INTENT_F1_EN)
	$(PY) scripts/check_user_accuracy.py --model $(MODEL) --min-accuracy $(MIN_USER_ACCURACY_EN) tests/nlu/en
	$(RASA) test nlu --nlu tests/nlu/cy --model $(MODEL) --out results/nlu-cy --quiet
	$(PY) scripts/check_nlu_gate.py results/nlu-cy/intent_report.json --min-f1 $(MIN_F1_CY) \
		--min-intent-f1 $(MIN_INTENT_F1_CY) --of results/nlu/intent_report.json
	$(PY) scripts/check_user_accuracy.py --model $(MODEL) --min-accuracy $(MIN_USER_ACCURACY_CY) tests/nlu/cy
	$(PY) scripts/check_story_texts.py --model $(MODEL) tests/test_stories.yml
	$(RASA) test core --stories tests/test_stories.yml --model $(MODEL) --out results/core --fail-on-prediction-errors --quiet

e2e: $(MODEL) $(NPM_STAMP) ## End-to-end and browser tests with the real Rasa, action and web servers
	$(PY) -m pytest -q -m e2e

lint: $(STAMP) ## Ruff: lint and formatting check (ruff format fixes the formatting)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

types: $(STAMP) ## mypy (strict on rules, answers, identity, files and store)
	$(VENV)/bin/mypy

test: install ## The whole suite, training what it needs
	@$(MAKE) --no-print-directory lint
	@$(MAKE) --no-print-directory types
	@$(MAKE) --no-print-directory validate
	@$(MAKE) --no-print-directory unit
	@$(MAKE) --no-print-directory gates
	@$(MAKE) --no-print-directory e2e

bench: $(MODEL) $(NPM_STAMP) ## Benchmark against Rasa's starter bot (BENCH_ARGS=--quick for a smoke run)
	$(PY) -m bench.run $(BENCH_ARGS)

clean: ## Remove trained models, results and the local database (keeps .venv)
	rm -rf models/*.tar.gz models/spacy results var .pytest_cache
