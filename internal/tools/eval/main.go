// Command eval builds every reference corpus (../shared/corpora by default)
// and scores each dossier against its gold file as score.py does (package
// eval): per corpus and in total, the gold items found, false disputes, and
// every extra disputed fact with its reason. Run by `make eval`; it says so
// and exits 0 when the corpora are not beside the checkout.
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"dossier"
	"dossier/internal/build"
	"dossier/internal/eval"
)

func main() {
	dir := flag.String("corpora", "../shared/corpora", "the folder of corpora (each with articles/ and gold.json)")
	verbose := flag.Bool("v", false, "list every gold item found and missed")
	flag.Parse()
	corpora := eval.Corpora(*dir)
	if len(corpora) == 0 {
		fmt.Printf("eval: skipped: no corpora in %s (they live in ../shared beside the checkout)\n", *dir)
		return
	}
	var found, of, falseDisputes, extra int
	for _, c := range corpora {
		r, articles, err := score(c)
		if err != nil {
			fmt.Fprintf(os.Stderr, "eval: %s: %v\n", c.Name, err)
			os.Exit(1)
		}
		f, n := r.Found()
		found, of, falseDisputes, extra = found+f, of+n, falseDisputes+r.FalseDisputes, extra+len(r.Extra)
		fmt.Printf("%s (%d articles): found %d/%d gold items (%d%%)\n  %s\n", c.Name, articles, f, n, pct(f, n), r.Summary())
		for _, x := range r.Extra {
			fmt.Printf("  extra disputed: %s %q values %s: %s\n", x.ID, x.Title, strings.Join(x.Values, ", "), x.Reason)
		}
		for _, p := range r.Problems {
			if *verbose || strings.HasPrefix(p, "false dispute") {
				fmt.Printf("  %s\n", p)
			}
		}
		if *verbose {
			for _, n := range r.Notes {
				fmt.Printf("  %s\n", n)
			}
		}
	}
	fmt.Printf("total: found %d/%d gold items (%d%%), false disputes %d, extra disputed %d\n", found, of, pct(found, of), falseDisputes, extra)
}

func score(c eval.Corpus) (eval.Report, int, error) {
	files, res, err := build.CompileCorpus(c.Articles(), dossier.Files)
	if err != nil {
		return eval.Report{}, 0, err
	}
	if res.Diags.HasErrors() {
		return eval.Report{}, 0, fmt.Errorf("build failed:\n%s", res.Diags.Format("dossier"))
	}
	for _, f := range files {
		if f.Path == "dossier.json" {
			r, err := c.Score(f.Data)
			return r, res.Articles, err
		}
	}
	return eval.Report{}, 0, fmt.Errorf("the build wrote no dossier.json")
}

func pct(n, d int) int {
	if d == 0 {
		return 0
	}
	return 100 * n / d
}
