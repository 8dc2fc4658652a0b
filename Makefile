PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test lint bench serve train train-ner train-ner-encoder train-clean train-events clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	rm -rf demo-out
	$(BIN)/lagebild process examples/corpus --db demo-out/lagebild.duckdb --out demo-out
	$(BIN)/lagebild report --db demo-out/lagebild.duckdb

test: $(STAMP)
	$(BIN)/ruff check src tests benchmarks training
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks training
	$(BIN)/ruff format --check src tests benchmarks training

bench: $(STAMP)
	$(BIN)/pip install --quiet -e ".[dev,bench]"
	@echo "benchmarks: $(BIN)/python benchmarks/<clean|entities|time|quotes|events|stories|throughput|fuzz_html>.py --help"

serve: $(STAMP)
	$(BIN)/lagebild serve --db demo-out/lagebild.duckdb

# Retrain the shipped German NER model from the GermEval 2014 / Europarl data beside the repository (deterministic,
# one thread, about five minutes).
NER_DATA ?= ../shared/data/german-ner
train-ner: $(STAMP)
	$(BIN)/pip install --quiet -e ".[dev,train]"
	$(BIN)/python -m training.entities_ner --data $(NER_DATA) --out src/lagebild/entities/model

# Retrain the scraped-text line classifier (zyte article-extraction pages) and the events' actor-role chooser
# (PLOVER-GSR tuning half and the German dev part); both deterministic, under a minute each.
DATA ?= ../shared/data
train-clean: $(STAMP)
	$(BIN)/python -m training.clean_lines --data $(DATA)
	$(BIN)/python -m training.clean_disclaimer --data $(DATA)

train-events: $(STAMP)
	$(BIN)/python -m training.events_chooser --data $(DATA)/plover-gsr

# Retrain the accurate profile's NER head (a perceptron over frozen multilingual-e5-small states, GermEval dev + test
# 1-3000); the encoder's states are cached under NER_CACHE first (outside the repository). Deterministic.
NER_CACHE ?= /tmp/lagebild-ner
train-ner-encoder: $(STAMP)
	$(BIN)/pip install --quiet -e ".[dev,train]"
	$(BIN)/python -m training.ner_encoder_cache --data $(NER_DATA) --cache $(NER_CACHE)
	$(BIN)/python -m training.ner_encoder_train --data $(NER_DATA) --cache $(NER_CACHE) \
		--out src/lagebild/language/model/ner_encoder.npz

train: train-ner train-ner-encoder train-clean train-events

clean:
	rm -rf $(VENV) demo-out build *.egg-info src/*.egg-info
