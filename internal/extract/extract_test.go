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

// Line is the golden form of one claim: kind, frame, value, text.
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
	return fmt.Sprintf("%-8s %-40s %-30s | %s", c.Kind, frameString(c.Frame), v, c.Text)
}

// frameString prints a frame's filled slots.
func frameString(f model.Frame) string {
	var b []string
	add := func(k, v string) {
		if v != "" {
			b = append(b, k+"="+v)
		}
	}
	add("pred", f.Predicate)
	add("of", f.Measure)
	add("group", f.Group)
	add("place", f.Place)
	add("from", f.From)
	add("event", f.Event)
	add("eventof", f.EventOf)
	add("scope", f.Scope)
	add("asof", f.AsOf)
	add("by", f.Authority)
	add("report", f.Report)
	for _, flag := range []struct {
		on   bool
		name string
	}{{f.Other, "other"}, {f.Earlier, "earlier"}, {f.Part, "part"}, {!f.Sure && f.Predicate != "", "unsure"}} {
		if flag.on {
			b = append(b, flag.name)
		}
	}
	return strings.Join(b, " ")
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
