package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"dossier/internal/textutil"
)

// cmdNew starts a site or an article, as `hugo new` does: `dossier new site
// DIR` makes DIR/content/articles/ and a dossier.yaml; `dossier new article
// TITLE` writes content/articles/<slug>.md with its front matter filled in
// as far as is known (today's date; outlet and url left for the user).
// Nothing is ever overwritten.
func cmdNew(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || (args[0] != "site" && args[0] != "article") {
		fmt.Fprint(stderr, "dossier: error: new: say what to start\ndossier: hint: dossier new site DIR, or dossier new article TITLE\n")
		return 2
	}
	switch args[0] {
	case "site":
		if len(args) != 2 {
			fmt.Fprint(stderr, "dossier: error: new site: give one folder\ndossier: hint: dossier new site DIR\n")
			return 2
		}
		return newSite(args[1], stdout, stderr)
	}
	fl := flag.NewFlagSet("new article", flag.ContinueOnError)
	fl.SetOutput(io.Discard)
	site := "."
	fl.StringVar(&site, "s", ".", "")
	fl.StringVar(&site, "source", ".", "")
	if err := fl.Parse(args[1:]); err != nil || fl.NArg() == 0 {
		fmt.Fprint(stderr, "dossier: error: new article: give its title\ndossier: hint: dossier new article [-s SITE_DIR] \"Title of the report\"\n")
		return 2
	}
	return newArticle(site, strings.Join(fl.Args(), " "), time.Now(), stdout, stderr)
}

func newSite(dir string, stdout, stderr io.Writer) int {
	if ents, err := os.ReadDir(dir); err == nil && len(ents) > 0 {
		fmt.Fprintf(stderr, "dossier: error: %s: exists and is not empty\ndossier: hint: choose a new folder\n", dir)
		return 1
	}
	files := map[string]string{
		"dossier.yaml": "# The dossier's settings (all optional).\ntitle: \"\"\ndescription: \"\"\n# baseURL: https://example.org/dossier/   # where it is published: canonical links, sitemap, feed\n",
		filepath.Join("content", "articles", ".keep"): "",
	}
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			fmt.Fprintf(stderr, "dossier: error: %v\n", err)
			return 1
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			fmt.Fprintf(stderr, "dossier: error: %v\n", err)
			return 1
		}
	}
	fmt.Fprintf(stdout, "dossier: started a site in %s\nput articles in %s, then: dossier build -s %s\n", dir, filepath.Join(dir, "content", "articles"), dir)
	return 0
}

func newArticle(site, title string, now time.Time, stdout, stderr io.Writer) int {
	dir := filepath.Join(site, "content", "articles")
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		fmt.Fprintf(stderr, "dossier: error: %s: no articles folder\ndossier: hint: start a site with 'dossier new site DIR', or give it with -s\n", dir)
		return 1
	}
	slug := textutil.Slug(title, 60)
	if slug == "" {
		slug = "article"
	}
	p := filepath.Join(dir, slug+".md")
	text := fmt.Sprintf("---\ntitle: %q\noutlet: \"\"\nurl: \"\"\npublished: %s\n---\n\n", title, now.Format("2006-01-02"))
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		fmt.Fprintf(stderr, "dossier: error: %s: exists\ndossier: hint: give the article another title\n", p)
		return 1
	}
	if err == nil {
		_, err = f.WriteString(text)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "dossier: error: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "dossier: wrote %s\n", p)
	return 0
}
