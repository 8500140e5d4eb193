package build

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// Every count a reader sees is the true count, above every cap on how
// many items a list names.
func TestCountsAboveCaps(t *testing.T) {
	site := t.TempDir()
	dir := filepath.Join(site, "content", "articles")
	for i := 0; i < 60; i++ {
		toll := 12
		if i >= 30 && i < 50 {
			toll = 14
		}
		writeFile(t, filepath.Join(dir, fmt.Sprintf("r%02d.md", i)), fmt.Sprintf(
			"---\ntitle: Report %d\noutlet: Outlet %d\npublished: 2031-03-04\n---\n\nThe fire in Riverton on March 3, 2031 killed %d people, officials said on March 4, 2031.\n\nThe blaze at the depot injured %d workers, officials said on March 4, 2031.\n", i, i, toll, 100+i))
	}
	out := filepath.Join(site, "public")
	mustBuild(t, site, out)
	pages := snapshot(t, out)
	index := pages["index.html"]
	for _, want := range []string{"12 <span class=\"muted\">(40 sources)</span>", "14 <span class=\"muted\">(20 sources)</span>", "60 values in all"} {
		if !strings.Contains(index, want) {
			t.Errorf("the overview lacks %q", want)
		}
	}
	var injured string
	for p, b := range pages {
		if strings.HasPrefix(p, "facts/injured") && strings.HasSuffix(p, "/index.html") && strings.Count(p, "/") == 2 {
			injured = b
		}
	}
	if !strings.Contains(injured, "And 10 more values") {
		t.Errorf("a fact with 60 values should count the 10 it does not list")
	}
}
