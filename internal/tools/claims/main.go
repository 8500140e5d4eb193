// Command claims prints what the extractor reads in articles: every claim
// with its value and frame, one a line, for reviewing extraction rules
// (`go run ./internal/tools/claims FILE…`; -kind quantity to see one kind).
package main

import (
	"flag"
	"fmt"
	"os"

	"dossier/internal/corpus"
	"dossier/internal/extract"
	"dossier/internal/ledgertext"
	"dossier/internal/model"
	"dossier/internal/segment"
)

func main() {
	kind := flag.String("kind", "", "only claims of this kind (date, time, quantity, name)")
	flag.Parse()
	for _, path := range flag.Args() {
		raw, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, "claims:", err)
			os.Exit(1)
		}
		a, _ := corpus.Parse(path, raw)
		d := segment.Segment(&a)
		res := extract.Extract(&a, &d)
		fmt.Printf("== %s (report date %s)\n", path, res.ReportDate)
		for _, c := range res.Claims {
			if *kind != "" && string(c.Kind) != *kind {
				continue
			}
			fmt.Println(Line(c))
		}
		for _, f := range res.Failed {
			fmt.Printf("FAILED %v: %s\n", f.Sentence, f.Err)
		}
	}
}

// Line is one claim: kind, value, frame, the text as written.
func Line(c model.Claim) string {
	var v string
	switch {
	case c.Date != nil:
		v = c.Date.Norm()
	case c.Time != nil:
		v = c.Time.Norm()
	case c.Qty != nil:
		v = c.Qty.Display()
	case c.Name != nil:
		v = c.Name.Name
	}
	f := c.Frame
	sure := "sure"
	if !f.Sure {
		sure = "UNSURE(" + f.Unsure + ")"
	}
	return fmt.Sprintf("%-8s %-22s %-70s %s | %q", c.Kind, v, ledgertext.Slots(f), sure, c.Text)
}
