package lexicon

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"os/exec"
	"testing"
)

func TestLemma(t *testing.T) {
	for _, tc := range []struct {
		w    string
		p    POS
		want string
	}{
		{"firefighters", Noun, "firefighter"},
		{"men", Noun, "man"},
		{"children", Noun, "child"},
		{"casualties", Noun, "casualty"},
		{"died", Verb, "die"},
		{"killed", Verb, "kill"},
		{"injuring", Verb, "injure"},
		{"collapsed", Verb, "collapse"},
		{"said", Verb, "say"},
		{"stopped", Verb, "stop"},
		{"houses", Noun, "house"},
	} {
		if got, ok := Lemma(tc.w, tc.p); !ok || got != tc.want {
			t.Errorf("Lemma(%q) = %q, %v; want %q", tc.w, got, ok, tc.want)
		}
	}
	if got, ok := Lemma("qwzx", Noun); ok {
		t.Errorf("Lemma(qwzx) = %q: no such word", got)
	}
}

// Tags come from the synsets of roots.txt: words no corpus here uses are
// known by their place in WordNet's hierarchy.
func TestTags(t *testing.T) {
	for _, tc := range []struct {
		w    string
		p    POS
		tag  string
		want bool
	}{
		{"miner", Noun, "person", true},
		{"firefighter", Noun, "person", true},
		{"tent", Noun, "person", false},
		{"avalanche", Noun, "incident", true},
		{"explosion", Noun, "incident", true},
		{"tent", Noun, "incident", false},
		{"kilometre", Noun, "unit", true},
		{"decade", Noun, "time", true},
		{"electrocute", Verb, "died", true},
		{"strangle", Verb, "died", true},
		{"wound", Verb, "injured", true},
		{"announce", Verb, "said", true},
		{"france", Noun, "country", true},
		{"bavaria", Noun, "state", true},
	} {
		e, _, ok := Word(tc.w, tc.p)
		if got := ok && e.Has(TagOf(tc.tag, tc.p)); got != tc.want {
			t.Errorf("%s %s: got %v, want %v (%+v)", tc.w, tc.tag, got, tc.want, e)
		}
	}
}

func TestLinks(t *testing.T) {
	if e, _ := Lookup("peruvian"); e.Pert != "peru" {
		t.Errorf("peruvian pertains to %q, want peru", e.Pert)
	}
	if e, _ := Lookup("explosion"); e.Verb != "explode" {
		t.Errorf("explosion's verb is %q, want explode", e.Verb)
	}
	if e, _ := Lookup("peru"); !e.Proper || e.Class != "location" {
		t.Errorf("peru: %+v, want a proper noun of a location", e)
	}
}

// The embedded table is what the generator makes of roots.txt: regenerate
// with `go generate ./internal/lexicon` after editing it (needs Debian's
// wordnet-base; skipped without it).
func TestTableIsGenerated(t *testing.T) {
	if _, err := os.Stat("/usr/share/wordnet/data.noun"); err != nil {
		t.Skip("WordNet (Debian's wordnet-base) is not installed")
	}
	out := t.TempDir() + "/wordnet.txt.gz"
	cmd := exec.Command("go", "run", "./gen", "-roots", "roots.txt", "-o", out)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("gen: %v\n%s", err, b)
	}
	got, _ := os.ReadFile(out)
	if !bytes.Equal(unzip(t, got), unzip(t, table)) {
		t.Error("wordnet.txt.gz is not what roots.txt and WordNet give: run go generate ./internal/lexicon")
	}
}

func unzip(t *testing.T, b []byte) []byte {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
