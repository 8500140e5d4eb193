package segment

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dossier/internal/corpus"
	"dossier/internal/model"
	"dossier/internal/testutil"
)

// render is the golden form of a Doc: a line per sentence, grouped by block.
func render(a *model.Article, d model.Doc) string {
	var b strings.Builder
	fmt.Fprintf(&b, "title: %q (derived: %v)\n", d.Title, d.TitleDerived)
	for _, bl := range d.Blocks {
		fmt.Fprintf(&b, "\n[%s", bl.Kind)
		if bl.Why != "" {
			fmt.Fprintf(&b, ": %s", bl.Why)
		}
		fmt.Fprintf(&b, "] line %d\n", a.Line(bl.Span.Start))
		for _, s := range bl.Sentences {
			fmt.Fprintf(&b, "  %s | %s\n", s.Anchor, a.Text(s.Span))
		}
	}
	return b.String()
}

func TestSeedsGolden(t *testing.T) {
	dir := filepath.Join(testutil.RepoRoot(), "content", "articles")
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		raw, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		a, _ := corpus.Parse("content/articles/"+e.Name(), raw)
		d := Segment(&a)
		testutil.Golden(t, "seeds/"+a.ID+".txt", []byte(render(&a, d)))
	}
}

func TestPlainText(t *testing.T) {
	for in, want := range map[string]string{
		"| ![A crowd](x.jpg) | **Six** killed |":           "A crowd Six killed",
		"Six people were killed, [police](http://x) said.": "Six people were killed, police said.",
		"## The *raid* on `Dumayr`":                        "The raid on Dumayr",
		"Plain text, 50% of it.":                           "Plain text, 50% of it.",
		"<b>bold</b> claim":                                "bold claim",
		"See <https://example.org/a> now.":                 "See https://example.org/a now.",
	} {
		if got := PlainText(in); got != want {
			t.Errorf("PlainText(%q) = %q, want %q", in, got, want)
		}
	}
}
