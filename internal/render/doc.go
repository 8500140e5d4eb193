// Package render is the sixth stage: it turns a site.Site into files.
//
// Input: the Site and the template and asset folders, searched in order so a
// site's own templates/NAME.html or assets/NAME overrides the embedded one.
// Output: each File handed to a callback as soon as it is rendered
// (Renderer.Each, on every core: dossier.json first, streamed through
// File.Write, then the pages, each laid out by site.Page.Content as it
// renders, then the assets), so the whole site is never held in memory;
// Renderer.Page renders one page. html/template escapes all article text and front
// matter, and the long lists built in Go use html.EscapeString; Markdown
// articles have their inline markup rendered by goldmark with raw HTML and
// dangerous links dropped.
//
// Never: writes files (build does), reads articles, or adds anything that
// changes between runs (no timestamps): the same Site gives the same bytes.
package render
