package render

import (
	"html"
	"strings"
	"testing"
)

// esc must escape exactly as html.EscapeString: pages are byte-compared
// against goldens made when the lists used it.
func FuzzEsc(f *testing.F) {
	for _, s := range []string{"", "plain", `<a href="x">O'Brien & co</a>`, "&&<<>>\"\"''", "al-Masʿūd — “quoted”", "\x00\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var b strings.Builder
		esc(&b, s)
		if got, want := b.String(), html.EscapeString(s); got != want {
			t.Fatalf("esc(%q) = %q, want %q", s, got, want)
		}
	})
}
