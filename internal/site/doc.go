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
// Never: renders HTML, reads files or looks at templates. Output order is
// fixed by the ledger's order and by file paths, never by map iteration.
package site
