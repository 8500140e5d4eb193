// Package site is the fifth stage: it lays out every page of the dossier as
// plain data, ready for templates.
//
// Input: the articles, their Docs and the Ledger. Output: a Site — the list
// of pages (path, template name, data) and the dossier.json export
// (WriteExport). The pages that carry most of the bytes (a fact's citation
// pages, an entity's mention pages, a source's text) are laid out when they
// render (Page.Content), so a large corpus's rows are never all in memory.
// Quotes are cut here from the articles' bytes by span, so every sentence
// shown traces back to an input file. Links are root-relative paths
// ("facts/raid-date/index.html#…"); each page carries Root ("../../") so
// templates make them relative and the site works from any sub-path and
// from file://.
//
// Beside the pages of each fact, source and entity, it lays out the lists
// a large dossier needs (lists.go: facts, sources and timeline in pages of
// ListPerPage; facts by status and kind, sources by month, as static facet
// pages), the visual timeline and the source × fact matrix (visual.go), and
// what sharing needs when Config.BaseURL is set (share.go: canonical
// addresses, descriptions, sitemap, Atom feed, schema.org JSON-LD). The
// 404 page's links start from the base URL, or the host's root, as it is
// served at any depth. Nothing depends on the clock: the feed's times are
// the reports' own, and "compiled on" is given (SOURCE_DATE_EPOCH).
//
// Never: renders HTML, reads files or looks at templates. Output order is
// fixed by the ledger's order and by file paths, never by map iteration.
package site
