// Command eval builds a reference corpus and scores the dossier against its
// expectations (see package eval). Run by `make eval`; it says so and exits
// 0 when the corpus is not beside the checkout.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"dossier"
	"dossier/internal/build"
	"dossier/internal/eval"
)

func main() {
	corpus := flag.String("corpus", "../shared/corpora/2014-ludian-earthquake", "the corpus folder (with articles/)")
	expect := flag.String("expect", "internal/eval/testdata/2014-ludian-earthquake.json", "the expectations file")
	flag.Parse()
	if _, err := os.Stat(filepath.Join(*corpus, "articles")); err != nil {
		fmt.Printf("eval: skipped: no corpus at %s (it lives in ../shared beside the checkout)\n", *corpus)
		return
	}
	raw, err := os.ReadFile(*expect)
	if err != nil {
		fail(err)
	}
	var exp eval.Expectations
	if err := json.Unmarshal(raw, &exp); err != nil {
		fail(fmt.Errorf("%s: %w", *expect, err))
	}
	// a site whose content/articles is the corpus's articles folder
	site, err := os.MkdirTemp("", "dossier-eval-")
	if err != nil {
		fail(err)
	}
	defer os.RemoveAll(site)
	abs, _ := filepath.Abs(filepath.Join(*corpus, "articles"))
	if err := os.MkdirAll(filepath.Join(site, "content"), 0o755); err != nil {
		fail(err)
	}
	if err := os.Symlink(abs, filepath.Join(site, "content", "articles")); err != nil {
		fail(err)
	}
	files, res, err := build.Compile(build.Options{SiteDir: site, Builtin: dossier.Files})
	if err != nil || res.Diags.HasErrors() {
		fail(fmt.Errorf("build: %v\n%s", err, res.Diags.Format("dossier")))
	}
	for _, f := range files {
		if f.Path == "dossier.json" {
			r, err := eval.Evaluate(f.Data, exp)
			if err != nil {
				fail(err)
			}
			fmt.Printf("eval: %s (%d articles)\n\n%s", exp.Corpus, res.Articles, r)
			return
		}
	}
	fail(fmt.Errorf("the build wrote no dossier.json"))
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "eval:", err)
	os.Exit(1)
}
