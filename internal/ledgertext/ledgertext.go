// Package ledgertext prints a ledger as plain text, for `dossier ledger`:
// every fact with its verdict and the reason for it, its values, and each
// claim with its frame (what it counts, what happened to it, where, of
// which event, by whose word, for which day) and whether the extractor was
// sure of it. A reviewer reads why a verdict was reached; golden tests diff
// it. The output is a pure function of the ledger.
package ledgertext

import (
	"fmt"
	"io"
	"strings"

	"dossier/internal/model"
	"dossier/internal/registry"
)

// Options choose what is printed.
type Options struct {
	Fact string // only this fact (its id), when set
}

// Write prints led to w. It reports false when Options.Fact names no fact.
func Write(w io.Writer, led *model.Ledger, opts Options) (bool, error) {
	p := &printer{w: w}
	if opts.Fact == "" {
		p.header(led)
	}
	found := false
	for i := range led.Facts {
		f := &led.Facts[i]
		if opts.Fact != "" && f.ID != opts.Fact {
			continue
		}
		found = true
		p.fact(f)
	}
	if opts.Fact == "" {
		p.editedEntities(led)
	}
	return found || opts.Fact == "", p.err
}

// editedEntities lists the entities the editor decided about.
func (p *printer) editedEntities(led *model.Ledger) {
	for _, e := range led.Entities {
		if e.Editor == nil {
			continue
		}
		p.printf("\nentity %s — %s (%s)\n", e.ID, e.Name, e.Kind)
		if e.Editor.MachineTitle != "" {
			p.printf("  editor    renamed (the machine's name: %s)\n", e.Editor.MachineTitle)
		}
		if e.Editor.MachineKind != "" {
			p.printf("  editor    kind set (the machine's: %s)\n", e.Editor.MachineKind)
		}
		for _, c := range e.Editor.Changes {
			p.printf("  editor    %s\n", c)
		}
		if e.Editor.Note != "" {
			p.printf("  editor    note: %s\n", oneLine(e.Editor.Note))
		}
		p.printf("  editor    at %s\n", e.Editor.At)
	}
}

type printer struct {
	w   io.Writer
	err error
}

func (p *printer) printf(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}

// header counts the facts by verdict.
func (p *printer) header(led *model.Ledger) {
	count := map[model.Status]int{}
	for _, f := range led.Facts {
		count[f.Status]++
	}
	var parts []string
	for _, st := range []model.Status{model.Disputed, model.PossiblyConflicting, model.NotComparable, model.Updated,
		model.Agreed, model.SingleSource} {
		if count[st] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", count[st], st.Words()))
		}
	}
	p.printf("# ledger: %d facts (%s)\n", len(led.Facts), strings.Join(parts, ", "))
	if led.MainEvent != "" {
		p.printf("# main event: %s\n", led.MainEvent)
	}
	if e := led.Editor; e != nil {
		for _, c := range e.Changes {
			p.printf("# editor: %s (%s)\n", c, e.At)
		}
		if e.Note != "" {
			p.printf("# editor's note: %s\n", oneLine(e.Note))
		}
	}
}

// fact prints one fact and its claims.
func (p *printer) fact(f *model.Fact) {
	p.printf("\n%s — %s\n", f.ID, f.Title)
	verdict := f.Status.Words()
	if f.Precision {
		verdict += " (at different precision)"
	}
	if f.Conflict != "" {
		verdict += ": " + f.Conflict
	}
	p.printf("  verdict   %s\n", verdict)
	if f.Reason != "" {
		p.printf("  why       %s\n", f.Reason)
	}
	if f.Parent != "" {
		p.printf("  part of   %s\n", f.Parent)
	}
	if f.Conflicts != "" {
		p.printf("  see also  %s (its conflicting reports)\n", f.Conflicts)
	}
	for _, a := range f.Internal {
		p.printf("  internal  %s: %s\n", a, f.InternalConflict[a])
	}
	if e := f.Editor; e != nil {
		if e.Status != "" {
			p.printf("  editor    verdict %s: %s (the machine's: %s)\n", e.Status.Words(), e.Reason, e.MachineStatus.Words())
		}
		if e.MachineTitle != "" {
			p.printf("  editor    retitled (the machine's title: %s)\n", e.MachineTitle)
		}
		for _, c := range e.Changes {
			p.printf("  editor    %s\n", c)
		}
		if e.Note != "" {
			p.printf("  editor    note: %s\n", oneLine(e.Note))
		}
		p.printf("  editor    at %s\n", e.At)
	}
	p.printf("  sources   %d, %d independent\n", len(f.Sources), f.Independent)
	if len(f.Sequence) > 0 {
		var steps []string
		for _, s := range f.Sequence {
			steps = append(steps, fmt.Sprintf("%s %s (%s)", s.Published, s.Value, s.Article))
		}
		p.printf("  sequence  %s\n", strings.Join(steps, " → "))
	}
	p.printf("  claims\n")
	for _, c := range f.Claims {
		p.claim(c)
	}
}

// claim prints one claim: source, value, day, confidence, frame, quote.
func (p *printer) claim(c model.FactClaim) {
	conf := "sure"
	if !c.Sure {
		conf = "unsure"
		if c.Unsure != "" {
			conf += " (" + c.Unsure + ")"
		}
	}
	day := c.Day
	if day == "" {
		day = "undated"
	}
	p.printf("    %-22s %-24s %-10s %s\n", c.Article, c.Display, day, conf)
	if slots := Slots(c.Frame); slots != "" {
		p.printf("      frame  %s\n", slots)
	}
	p.printf("      quote  %q #%s\n", oneLine(c.Text), c.Anchor)
	p.printf("      id     %s\n", registry.ClaimID(*c.Claim))
	if v := c.Verified; v != nil {
		state := "checked"
		if v.Failed {
			state = "FAILED verification"
		}
		p.printf("      editor %s %s (%s)\n", state, v.Checked, v.At)
	}
}

// Slots is a frame's filled slots, one "name=value" each, in a fixed
// order ("predicate=killed measure=person group=peru event=flood").
func Slots(f model.Frame) string {
	var b []string
	add := func(k, v string) {
		if v != "" {
			b = append(b, k+"="+v)
		}
	}
	add("predicate", f.Predicate)
	add("measure", f.Measure)
	add("group", f.Group)
	add("place", f.Place)
	add("from", f.From)
	add("event", strings.TrimSpace(f.EventOf+" "+f.Event))
	add("scope", f.Scope)
	add("as-of", f.AsOf)
	add("by", f.Authority)
	add("report", f.Report)
	for _, flag := range []struct {
		on   bool
		name string
	}{{f.Other, "another-incident"}, {f.Earlier, "superseded"}, {f.Part, "part"}} {
		if flag.on {
			b = append(b, flag.name)
		}
	}
	return strings.Join(b, " ")
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
