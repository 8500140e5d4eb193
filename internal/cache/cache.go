// Package cache keeps the per-article stages' results between builds.
//
// Input: a Key and the value the per-article stages (corpus parse, segment,
// extract) computed for it. Output: the same value on a later build when the
// key is equal. Used by build's Builder, which lives as long as a watch or
// serve session (and one build otherwise).
package cache

import (
	"sync"

	"github.com/gohugoio/hashstructure"

	"dossier/internal/diag"
	"dossier/internal/extract"
	"dossier/internal/model"
)

// StagesVersion names the behaviour of the per-article stages; bump it when
// corpus.Parse, segment or extract change what they return, so no cache
// entry made by older code is ever reused.
const StagesVersion = 2

// Key identifies one article's per-article work.
//
// The contract: an Entry is a pure function of its Key's exported fields —
// the article's path (it gives the article's id), the hash of its bytes
// (front matter included: the publication date resolves relative dates), and
// StagesVersion. Nothing else is read by those stages: an entry never
// depends on another article or on any setting, so a cached entry is valid
// for as long as its key is, and no dependency tracking is needed.
// Every field is exported because hashstructure skips unexported ones;
// TestKeyFieldsAllCount checks that changing any field changes the hash.
type Key struct {
	Path          string
	ID            string // the article's id (see corpus.IDs): it names every claim
	ContentSHA256 string
	StagesVersion int
}

// Hash is the key's cache slot.
func (k Key) Hash() uint64 {
	h, err := hashstructure.Hash(k, nil)
	if err != nil {
		panic(err) // a struct of strings and ints always hashes
	}
	return h
}

// Entry is the per-article stages' output for one article.
type Entry struct {
	Article model.Article
	Doc     model.Doc
	Result  extract.Result
	Diags   diag.List // findings about the article's front matter, reported on every build
	// Shingles are the article's word-run hashes for wire-copy detection
	// (align.Shingles), a per-article computation like the others.
	Shingles []uint64
	Skipped  bool // not an article (not text): left out of the build
}

// Cache is a concurrency-safe map from key hash to entry. Entries not used
// by the latest build are dropped by Keep.
type Cache struct {
	mu sync.Mutex
	m  map[uint64]*Entry
}

// New returns an empty cache.
func New() *Cache { return &Cache{m: map[uint64]*Entry{}} }

// Get returns the entry for k, if any.
func (c *Cache) Get(k Key) (*Entry, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.m[k.Hash()]
	return e, ok
}

// Put stores e under k.
func (c *Cache) Put(k Key, e *Entry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[k.Hash()] = e
}

// Keep drops every entry whose key is not in live.
func (c *Cache) Keep(live []Key) {
	keep := make(map[uint64]bool, len(live))
	for _, k := range live {
		keep[k.Hash()] = true
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for h := range c.m {
		if !keep[h] {
			delete(c.m, h)
		}
	}
}

// Len is the number of entries.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.m)
}
