package segment

import (
	"testing"

	"dossier/internal/model"
)

// The fast path for plain Markdown finds exactly the blocks goldmark finds.
func TestPlainMarkdownMatchesGoldmark(t *testing.T) {
	for _, body := range []string{
		"One paragraph.\nStill the same one.\n\nAnother.\n\n\n  Indented a little.\n",
		"A single line without newline",
		"\n\nLeading blank lines.\n\nAnd trailing ones.\n\n\n",
		"Numbers like 2014 and 3.5 are fine.\n\nSo are quotes: “yes”.\n",
	} {
		raw := []byte(body)
		if hasBlockSyntax(raw) {
			t.Fatalf("%q: plain text taken for block syntax", body)
		}
		got, want := paragraphs(raw, 0), markdownBlocks(raw, 0)
		if len(got) != len(want) {
			t.Fatalf("%q: %v, goldmark %v", body, got, want)
		}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%q: block %d %v (%q), goldmark %v (%q)", body, i, got[i], raw[got[i].Start:got[i].End], want[i], raw[want[i].Start:want[i].End])
			}
		}
	}
	for _, body := range []string{"# Head\n", "> quote\n", "- item\n", "1. item\n", "    code\n", "Title\n=====\n", "<div>x</div>\n", "```\ncode\n```\n"} {
		if !hasBlockSyntax([]byte(body)) {
			t.Errorf("%q: block syntax not seen", body)
		}
	}
	_ = model.Span{}
}
