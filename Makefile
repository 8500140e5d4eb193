# dossier — the two commands a newcomer needs are `make site` and `make test`.
GO      ?= go
SITE    ?= .
OUT     ?= $(SITE)/public
BIN     := bin/dossier
VERSION ?= $(shell git describe --always --dirty 2>/dev/null || echo dev)

.PHONY: all build site search-index test check vet fences staticcheck fuzz eval bench serve screenshot clean

all: build

build:
	$(GO) build -trimpath -ldflags "-X main.version=$(VERSION)" -o $(BIN) ./cmd/dossier

# site: the dossier, then its search index (Pagefind, from the npm registry,
# installed into .tools/ on first use; without npm the site is complete and
# only the search page says the index is missing).
PAGEFIND_VERSION ?= 1.6.0
TOOLS    ?= .tools
PAGEFIND := $(TOOLS)/node_modules/.bin/pagefind
site: build
	./$(BIN) build -s $(SITE) -d $(OUT)
	@$(MAKE) --no-print-directory search-index

search-index:
	@if [ ! -x $(PAGEFIND) ] && command -v npm >/dev/null; then \
	  npm install --prefix $(TOOLS) --no-audit --no-fund --silent pagefind@$(PAGEFIND_VERSION); fi
	@if [ -x $(PAGEFIND) ]; then $(PAGEFIND) --site $(OUT) --silent; \
	else echo "make site: no npm, so no search index (apt-get install npm, then make site again)"; fi

# serve: build, serve at http://127.0.0.1:1313/ and rebuild on every change.
serve: build
	./$(BIN) serve -s $(SITE)

# test: unit, golden, end-to-end and browser tests, plus the static checks.
test: check
	$(GO) test -count=1 ./...
	$(GO) test -count=1 -race ./internal/build ./internal/par ./internal/watch ./internal/serve ./internal/cache

check: vet fences staticcheck
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || { gofmt -l .; echo "gofmt: files above need formatting"; exit 1; }

vet:
	$(GO) vet ./...

fences:
	$(GO) run ./internal/tools/fences

# staticcheck comes from the Go module proxy, pinned.
staticcheck:
	$(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...

# fuzz: run each parser fuzzer, and the fuzzers that hold hand-written encoders to the
# standard library, for FUZZTIME (their seed corpora also run in make test).
FUZZTIME ?= 30s
fuzz:
	$(GO) test ./internal/segment -run '^$$' -fuzz '^FuzzSplit$$' -fuzztime $(FUZZTIME)
	$(GO) test ./internal/segment -run '^$$' -fuzz '^FuzzSegment$$' -fuzztime $(FUZZTIME)
	$(GO) test ./internal/extract -run '^$$' -fuzz '^FuzzExtract$$' -fuzztime $(FUZZTIME)
	$(GO) test ./internal/build -run '^$$' -fuzz '^FuzzPerArticle$$' -fuzztime $(FUZZTIME)
	$(GO) test ./internal/render -run '^$$' -fuzz '^FuzzEsc$$' -fuzztime $(FUZZTIME)
	$(GO) test ./internal/site -run '^$$' -fuzz '^FuzzAppendClaims$$' -fuzztime $(FUZZTIME)
	$(GO) test ./internal/site -run '^$$' -fuzz '^FuzzTextFragment$$' -fuzztime $(FUZZTIME)
	$(GO) test ./internal/registry -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME)
	$(GO) test ./internal/textutil -run '^$$' -fuzz '^FuzzSquashSpace$$' -fuzztime $(FUZZTIME)

# screenshot: the README's picture of the built seed dossier (Debian chromium, headless).
screenshot: site
	chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
	  --disable-component-update --disable-sync --user-data-dir=$$(mktemp -d) --hide-scrollbars \
	  --window-size=1100,1300 --screenshot=docs/screenshot.png file://$(abspath $(OUT))/facts/raid-date/index.html

# eval: build every reference corpus (../shared/corpora) and score it as score.py does.
eval:
	$(GO) run ./internal/tools/eval

# bench: dossier against Hugo on generated articles (N = 1,000 and 10,000),
# plus the per-article stages' throughput, one article of 1/4/16 MB and
# alignment of 10k/20k/40k small articles (both should scale linearly). Installs Debian's hugo if needed.
BENCHDIR ?= /tmp/dossier-bench
bench: build
	@command -v hugo >/dev/null || { apt-get update -qq && apt-get install -y -qq hugo; }
	$(GO) test ./internal/extract -run '^$$' -bench . -benchtime 3x -cpu 1
	$(GO) test ./internal/build -run '^$$' -bench 'LargeArticle|AlignManyArticles|SiteManyArticles' -benchtime 1x
	$(GO) run ./internal/tools/bench -dir $(BENCHDIR) -dossier $(BIN)

clean:
	rm -rf bin $(TOOLS)
