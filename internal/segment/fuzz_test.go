package segment

import (
	"testing"
	"unicode"

	"dossier/internal/corpus"
)

// FuzzSplit checks Split's contract on any input: spans are in bounds,
// ordered, do not overlap, and cover every non-space byte.
func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		"The raid took place around 3 a.m. on Oct. 29. The U.S. said so.",
		"against IS.Security analyst Wassim Nasr warned", "“How did he die? We do not know.”", "...", "a. b. c",
		"Mr. Smith met Dr. J. K. Rowling at 4 p.m. He left.", "6.5-magnitude quake!!! Really?! Yes…",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		spans := Split([]byte(s), 0)
		covered := make([]bool, len(s))
		prev := 0
		for _, sp := range spans {
			if sp.Start < prev || sp.End > len(s) || sp.Start >= sp.End {
				t.Fatalf("bad span %v (prev end %d, len %d) in %q", sp, prev, len(s), s)
			}
			for i := sp.Start; i < sp.End; i++ {
				covered[i] = true
			}
			prev = sp.End
		}
		for i, c := range []byte(s) {
			if !covered[i] && c < 0x80 && !unicode.IsSpace(rune(c)) {
				t.Fatalf("byte %d (%q) of %q is in no sentence", i, c, s)
			}
		}
	})
}

// FuzzSegment checks that any file segments without panicking and that
// every block and sentence lies inside the body.
func FuzzSegment(f *testing.F) {
	f.Add("x.md", "---\ntitle: T\n---\n# Head\n\nPara one. Two.\n\n> quote\n")
	f.Add("x.txt", "Connect with us\nWorld\nA headline here for you\nBody text goes on. And on.\n")
	f.Add("x.md", "---\n---\n")
	f.Fuzz(func(t *testing.T, name, body string) {
		if name != "x.md" && name != "x.txt" {
			name = "x.txt"
		}
		a, _ := corpus.Parse("content/articles/"+name, []byte(body))
		if a.BodyStart < 0 || a.BodyStart > len(a.Raw) {
			t.Fatalf("body start %d out of range", a.BodyStart)
		}
		d := Segment(&a)
		for _, b := range d.Blocks {
			if b.Span.Start < a.BodyStart || b.Span.End > len(a.Raw) {
				t.Fatalf("block %v outside body [%d,%d)", b.Span, a.BodyStart, len(a.Raw))
			}
			for _, s := range b.Sentences {
				if !b.Span.Contains(s.Span) || s.Anchor == "" {
					t.Fatalf("sentence %v not in block %v or unanchored", s.Span, b.Span)
				}
			}
		}
	})
}
