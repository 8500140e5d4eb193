package eval

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"dossier"
	"dossier/internal/build"
	"dossier/internal/testutil"
)

// The Ludian corpus scores at least what it scored when this test was
// written; a change that loses a found contradiction, a recognised update or
// a spelling group, or adds a false dispute, fails here (make eval prints
// the details).
func TestLudianDoesNotRegress(t *testing.T) {
	shared := testutil.SharedDir()
	corpus := filepath.Join(shared, "corpora", "2014-ludian-earthquake", "articles")
	if _, err := os.Stat(corpus); shared == "" || err != nil {
		t.Skip("the Ludian corpus is not beside the checkout (../shared)")
	}
	raw, err := os.ReadFile(filepath.Join("testdata", "2014-ludian-earthquake.json"))
	if err != nil {
		t.Fatal(err)
	}
	var exp Expectations
	if err := json.Unmarshal(raw, &exp); err != nil {
		t.Fatal(err)
	}
	site := t.TempDir()
	os.MkdirAll(filepath.Join(site, "content"), 0o755)
	if err := os.Symlink(corpus, filepath.Join(site, "content", "articles")); err != nil {
		t.Fatal(err)
	}
	files, res, err := build.Compile(build.Options{SiteDir: site, Builtin: dossier.Files})
	if err != nil || res.Diags.HasErrors() {
		t.Fatalf("build: %v %v", err, res.Diags)
	}
	var r Report
	for _, f := range files {
		if f.Path == "dossier.json" {
			if r, err = Evaluate(f.Data, exp); err != nil {
				t.Fatal(err)
			}
		}
	}
	c, _ := count(r.Contradictions)
	u, _ := count(r.Updates)
	s, st := count(r.Spelling)
	a, at := count(r.Agreed)
	if c < 10 || u < 5 || s < st || a < at || len(r.FalseDisputes) > 0 {
		t.Errorf("Ludian evaluation regressed (want ≥10 contradictions, ≥5 updates, all spellings and agreed facts, no false disputes):\n%s", r)
	}
}
