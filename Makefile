# dossier — the two commands a newcomer needs are `make site` and `make test`.
GO      ?= go
SITE    ?= .
OUT     ?= $(SITE)/public
BIN     := bin/dossier
VERSION ?= $(shell git describe --always --dirty 2>/dev/null || echo dev)

.PHONY: all build site test check vet fences fuzz eval bench serve clean

all: build

build:
	$(GO) build -trimpath -ldflags "-X main.version=$(VERSION)" -o $(BIN) ./cmd/dossier

site: build
	./$(BIN) build -s $(SITE) -d $(OUT)

# test: unit, golden, end-to-end and browser tests, plus the static checks.
test: check
	$(GO) test -count=1 ./...

check: vet fences
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || { gofmt -l .; echo "gofmt: files above need formatting"; exit 1; }

vet:
	$(GO) vet ./...

fences:
	$(GO) run ./internal/tools/fences

clean:
	rm -rf bin
