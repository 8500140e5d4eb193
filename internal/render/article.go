package render

import (
	"html"
	"html/template"
	"strings"

	"dossier/internal/site"
)

// articleHTML renders a source page's text: blocks as paragraphs or
// headings (chrome dimmed), every sentence a span with its anchor id, claims
// and names linked. It is Go rather than a template because a source page
// has thousands of runs, and html/template pays a reflective call per
// interpolated value: at ten thousand articles that was most of the build.
// Every value is escaped here with html.EscapeString; Markdown sources have
// their inline markup rendered by goldmark (raw HTML dropped).
func articleHTML(root string, src *site.Source) template.HTML {
	var b strings.Builder
	b.Grow(len(src.Blocks) * 400)
	text := func(s string) {
		if src.Markdown {
			b.WriteString(string(inline(s)))
		} else {
			b.WriteString(html.EscapeString(s))
		}
	}
	for _, bl := range src.Blocks {
		switch bl.Kind {
		case "heading", "headline":
			b.WriteString(`<h2 class="` + bl.Kind + `">`)
		case "chrome":
			b.WriteString(`<p class="chrome" title="site furniture: ` + html.EscapeString(bl.Why) + `">`)
		default:
			b.WriteString("<p>")
		}
		for _, s := range bl.Sentences {
			b.WriteString(`<span class="s`)
			if len(s.Facts) > 0 {
				b.WriteString(" cited")
			}
			b.WriteString(`" id="` + html.EscapeString(s.Anchor) + `">`)
			for _, p := range s.Pieces {
				if p.Href == "" {
					text(p.Text)
					continue
				}
				b.WriteString(`<a class="` + p.Class + `" href="` + html.EscapeString(root+p.Href) + `" title="` + html.EscapeString(p.Title) + `">`)
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
	b.WriteString(`<a href="` + html.EscapeString(root+l.Href) + `">` + html.EscapeString(l.Text) + `</a>`)
}

// citationsHTML renders the rows of a fact's citation table (see
// articleHTML for why this is Go): source, what it says, the value, and the
// quote linked to its sentence and to the original article.
func citationsHTML(root string, rows []site.Row) template.HTML {
	var b strings.Builder
	b.Grow(len(rows) * 900)
	for _, r := range rows {
		b.WriteString(`<tr>` + "\n" + `<th scope="row">`)
		link(&b, root, r.Source)
		if r.Published != "" {
			b.WriteString(`<br><span class="muted">` + html.EscapeString(r.Published) + `</span>`)
		}
		if r.Authority != "" {
			b.WriteString(`<br><span class="muted">citing ` + html.EscapeString(r.Authority) + `</span>`)
		}
		b.WriteString("</th>\n<td>" + html.EscapeString(r.Says))
		if r.Scope != "" {
			b.WriteString(` <span class="muted">(` + html.EscapeString(r.Scope) + `)</span>`)
		}
		b.WriteString("</td>\n<td><code>" + html.EscapeString(r.Value) + "</code>")
		if r.Display != r.Says {
			b.WriteString(`<br><span class="muted">` + html.EscapeString(r.Display) + `</span>`)
		}
		b.WriteString("</td>\n<td><blockquote>")
		link(&b, root, site.Link{Href: r.QuoteHref, Text: r.Quote})
		b.WriteString("</blockquote>")
		if r.Original != "" {
			// an absolute http(s) address checked by corpus; escaped as an attribute
			b.WriteString(`<a class="orig" href="` + html.EscapeString(r.Original) + `">in the original</a>`)
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
		b.WriteString(` <span class="muted">(` + html.EscapeString(r.Says) + `)</span>: `)
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
