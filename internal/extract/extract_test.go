package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"dossier/internal/corpus"
	"dossier/internal/model"
	"dossier/internal/segment"
	"dossier/internal/testutil"
)

// Line is the golden form of one claim.
func Line(c model.Claim) string {
	var v string
	switch {
	case c.Date != nil:
		v = c.Date.Norm()
	case c.Time != nil:
		v = c.Time.Norm()
		if c.Time.Approx {
			v += "~"
		}
	case c.Qty != nil:
		v = c.Qty.Display()
	case c.Name != nil:
		v = fmt.Sprintf("%s p%d l%d o%d", c.Name.Name, c.Name.Votes.Person, c.Name.Votes.Place, c.Name.Votes.Org)
		if c.Name.Alias != "" {
			v += " alias=" + c.Name.Alias
		}
	}
	about := c.Subject
	if c.Scope != "" {
		about += " @" + c.Scope
	}
	if c.Authority != "" {
		about += " by " + c.Authority
	}
	return fmt.Sprintf("%-8s %-28s %-36s | %s", c.Kind, about, v, c.Text)
}

func extractFile(t *testing.T, path, rel string) (model.Article, Result) {
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := corpus.Parse(rel, raw)
	d := segment.Segment(&a)
	return a, Extract(&a, &d)
}

func TestSeedsGolden(t *testing.T) {
	dir := filepath.Join(testutil.RepoRoot(), "content", "articles")
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		a, res := extractFile(t, filepath.Join(dir, e.Name()), "content/articles/"+e.Name())
		var b strings.Builder
		var evs []string
		for k, n := range res.Events {
			evs = append(evs, fmt.Sprintf("%s=%d", k, n))
		}
		sort.Strings(evs)
		fmt.Fprintf(&b, "events: %s\n", strings.Join(evs, " "))
		for _, c := range res.Claims {
			b.WriteString(Line(c) + "\n")
		}
		testutil.Golden(t, "seeds/"+a.ID+".txt", []byte(b.String()))
	}
}
