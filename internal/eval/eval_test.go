package eval

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"dossier"
	"dossier/internal/build"
	"dossier/internal/testutil"
)

// corpora are the shared reference corpora beside the checkout; the test
// is skipped without them.
func corpora(t *testing.T) []Corpus {
	t.Helper()
	shared := testutil.SharedDir()
	cs := Corpora(filepath.Join(shared, "corpora"))
	if shared == "" || len(cs) == 0 {
		t.Skip("the reference corpora are not beside the checkout (../shared/corpora)")
	}
	return cs
}

func compile(t *testing.T, c Corpus) []byte {
	t.Helper()
	files, res, err := build.CompileCorpus(c.Articles(), dossier.Files)
	if err != nil || res.Diags.HasErrors() {
		t.Fatalf("%s: build: %v %v", c.Name, err, res.Diags)
	}
	for _, f := range files {
		if f.Path == "dossier.json" {
			return f.Data
		}
	}
	t.Fatalf("%s: no dossier.json", c.Name)
	return nil
}

// Floor is what a corpus scored when its floor was last raised.
type Floor struct {
	Found         int `json:"found"`          // gold items found, at least
	FalseDisputes int `json:"false_disputes"` // at most
	Extra         int `json:"extra"`          // disputed facts no gold item explains, at most
}

// Every shared corpus scores at least its floor (testdata/floors.json): a
// change that loses a gold item, or adds a false or extra dispute, fails
// here; make eval prints the details.
func TestCorporaDoNotRegress(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "floors.json"))
	if err != nil {
		t.Fatal(err)
	}
	var floors map[string]Floor
	if err := json.Unmarshal(raw, &floors); err != nil {
		t.Fatal(err)
	}
	for _, c := range corpora(t) {
		fl, ok := floors[c.Name]
		if !ok {
			t.Errorf("%s: no floor in testdata/floors.json", c.Name)
			continue
		}
		r, err := c.Score(compile(t, c))
		if err != nil {
			t.Fatal(err)
		}
		found, of := r.Found()
		if found < fl.Found || r.FalseDisputes > fl.FalseDisputes || len(r.Extra) > fl.Extra {
			t.Errorf("%s regressed: found %d/%d (floor %d), false disputes %d (at most %d), extra disputed %d (at most %d)\n%s\n%s",
				c.Name, found, of, fl.Found, r.FalseDisputes, fl.FalseDisputes, len(r.Extra), fl.Extra, r.Summary(), strings.Join(r.Problems, "\n"))
		}
	}
}

// The Go scorer gives score.py's figures, to the character, on every
// shared corpus (skipped where python3 is not installed).
func TestMatchesScorePy(t *testing.T) {
	cs := corpora(t)
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not installed")
	}
	script := filepath.Join(filepath.Dir(cs[0].Dir), "score.py")
	for _, c := range cs {
		data := compile(t, c)
		site, out := t.TempDir(), t.TempDir()
		if err := os.MkdirAll(filepath.Join(site, "content"), 0o755); err != nil {
			t.Fatal(err)
		}
		abs, _ := filepath.Abs(c.Articles())
		if err := os.Symlink(abs, filepath.Join(site, "content", "articles")); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(out, "dossier.json"), data, 0o644); err != nil {
			t.Fatal(err)
		}
		got, _ := exec.Command(py, script, site, out, filepath.Join(c.Dir, "gold.json")).Output()
		lines := strings.Split(strings.TrimSpace(string(got)), "\n")
		r, err := c.Score(data)
		if err != nil {
			t.Fatal(err)
		}
		if want := lines[len(lines)-1]; r.Summary() != want {
			t.Errorf("%s:\n  score.py: %s\n  eval:     %s", c.Name, want, r.Summary())
		}
	}
}
