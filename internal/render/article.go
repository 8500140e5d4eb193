package render

import (
	"html/template"
	"strings"

	"dossier/internal/site"
)

// articleHTML renders a source page's text: blocks as paragraphs or
// headings (chrome dimmed), every sentence a span with its anchor id, claims
// and names linked. It is Go rather than a template because a source page
// has thousands of runs, and html/template pays a reflective call per
// interpolated value: at ten thousand articles that was most of the build.
// Every value is escaped here with esc (html.EscapeString's escaping,
// written straight into the page); Markdown sources have
// their inline markup rendered by goldmark (raw HTML dropped).
func articleHTML(root string, src *site.Source) template.HTML {
	var b strings.Builder
	b.Grow(len(src.Blocks) * 1600)
	text := func(s string) {
		if src.Markdown {
			b.WriteString(string(inline(s)))
		} else {
			esc(&b, s)
		}
	}
	for _, bl := range src.Blocks {
		switch bl.Kind {
		case "heading", "headline":
			b.WriteString(`<h2 class="`)
			b.WriteString(bl.Kind)
			b.WriteString(`">`)
		case "chrome":
			b.WriteString(`<p class="chrome" title="site furniture: `)
			esc(&b, bl.Why)
			b.WriteString(`">`)
		default:
			b.WriteString("<p>")
		}
		for _, s := range bl.Sentences {
			b.WriteString(`<span class="s`)
			if len(s.Facts) > 0 {
				b.WriteString(" cited")
			}
			b.WriteString(`" id="`)
			esc(&b, s.Anchor)
			b.WriteString(`">`)
			for _, p := range s.Pieces {
				if p.Href == "" {
					text(p.Text)
					continue
				}
				b.WriteString(`<a class="`)
				b.WriteString(p.Class)
				b.WriteString(`" href="`)
				esc(&b, root)
				esc(&b, p.Href)
				b.WriteString(`" title="`)
				esc(&b, p.Title)
				b.WriteString(`">`)
				text(p.Text)
				b.WriteString("</a>")
			}
			b.WriteString("</span> ")
		}
		if bl.Kind == "heading" || bl.Kind == "headline" {
			b.WriteString("</h2>\n")
		} else {
			b.WriteString("</p>\n")
		}
	}
	return template.HTML(b.String())
}

func link(b *strings.Builder, root string, l site.Link) {
	b.WriteString(`<a href="`)
	esc(b, root)
	esc(b, l.Href)
	b.WriteString(`">`)
	esc(b, l.Text)
	b.WriteString(`</a>`)
}

// esc writes s escaped as html.EscapeString does, without building the
// escaped string first.
func esc(b *strings.Builder, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var r string
		switch s[i] {
		case '<':
			r = "&lt;"
		case '>':
			r = "&gt;"
		case '&':
			r = "&amp;"
		case '\'':
			r = "&#39;"
		case '"':
			r = "&#34;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(r)
		last = i + 1
	}
	b.WriteString(s[last:])
}

// muted writes a muted note: <span class="muted">before, s escaped, after</span>.
func muted(b *strings.Builder, before, s, after string) {
	b.WriteString(`<span class="muted">`)
	b.WriteString(before)
	esc(b, s)
	b.WriteString(after)
	b.WriteString(`</span>`)
}

// citationsHTML renders the rows of a fact's citation table (see
// articleHTML for why this is Go): source, what it says, the value, and the
// quote linked to its sentence and to the original article.
func citationsHTML(root string, rows []site.Row) template.HTML {
	var b strings.Builder
	b.Grow(len(rows) * 700)
	for _, r := range rows {
		b.WriteString("<tr>\n<th scope=\"row\">")
		link(&b, root, r.Source)
		if r.Published != "" {
			b.WriteString("<br>")
			muted(&b, "", r.Published, "")
		}
		if r.Authority != "" {
			b.WriteString("<br>")
			muted(&b, "citing ", r.Authority, "")
		}
		b.WriteString("</th>\n<td data-label=\"Says\">")
		esc(&b, r.Says)
		if r.Scope != "" {
			b.WriteString(" ")
			muted(&b, "(", r.Scope, ")")
		}
		b.WriteString("</td>\n<td data-label=\"Value\">")
		esc(&b, r.Display)
		if r.Value != r.Display {
			b.WriteString(`<br><code class="iso">`)
			esc(&b, r.Value)
			b.WriteString("</code>")
		}
		b.WriteString("</td>\n<td data-label=\"Quote\"><blockquote>")
		link(&b, root, site.Link{Href: r.QuoteHref, Text: r.Quote})
		b.WriteString("</blockquote>")
		if r.Original != "" {
			// an absolute http(s) address checked by corpus; escaped as an attribute
			b.WriteString(`<a class="orig" href="`)
			esc(&b, r.Original)
			b.WriteString(`">in the original</a>`)
		}
		if r.Archive != "" {
			// the archived copy: the text fragment goes to the live page only
			b.WriteString(` <a class="orig" href="`)
			esc(&b, r.Archive)
			b.WriteString(`">archived copy</a>`)
		}
		switch {
		case r.Failed:
			b.WriteString(` <span class="failed">failed verification: the quote the editor checked (`)
			esc(&b, r.Checked)
			b.WriteString(`) is no longer in the article</span>`)
		case r.Checked != "":
			b.WriteString(` <span class="checked">checked against the original by the editor, `)
			esc(&b, r.Checked)
			b.WriteString(`</span>`)
		}
		b.WriteString("</td>\n</tr>\n")
	}
	return template.HTML(b.String())
}

// mentionsHTML renders an entity page's rows: one per source, with the
// spellings it uses, its first sentence naming the entity, and the others.
func mentionsHTML(root string, rows []site.Row) template.HTML {
	var b strings.Builder
	b.Grow(len(rows) * 500)
	for _, r := range rows {
		b.WriteString("<li>")
		link(&b, root, r.Source)
		b.WriteString(" ")
		muted(&b, "(", r.Says, ")")
		b.WriteString(": ")
		link(&b, root, site.Link{Href: r.QuoteHref, Text: r.Quote})
		if len(r.More) > 0 {
			b.WriteString(` <span class="muted">also sentences `)
			for i, l := range r.More {
				if i > 0 {
					b.WriteString(", ")
				}
				link(&b, root, l)
			}
			b.WriteString("</span>")
		}
		b.WriteString("</li>\n")
	}
	return template.HTML(b.String())
}
