package segment

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// PlainText is the text a reader sees of a Markdown sentence: links and
// images by their words, emphasis and code marks dropped, and the table
// pipes, heading marks and rules that a sentence cut from a block keeps
// left out ("| ![A crowd](x.jpg) | **Six** killed |" → "A crowd Six
// killed"). A quote shown on a page, and the words of a link into the
// original page, are this text.
func PlainText(s string) string {
	if !strings.ContainsAny(s, "*_[]!|`#<>\\~") {
		return s
	}
	src := []byte(s)
	p := parsers.Get().(parser.Parser)
	doc := p.Parse(text.NewReader(src))
	parsers.Put(p)
	var b strings.Builder
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			b.Write(n.Segment.Value(src))
			if n.SoftLineBreak() || n.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(n.Value)
		case *ast.AutoLink:
			b.Write(n.URL(src))
		case *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		}
		if n.Type() == ast.TypeBlock && n.PreviousSibling() != nil {
			b.WriteByte(' ')
		}
		return ast.WalkContinue, nil
	})
	var words []string
	for _, w := range strings.Fields(b.String()) {
		if strings.Trim(w, "|-:#>=") != "" {
			words = append(words, w)
		}
	}
	return strings.Join(words, " ")
}
