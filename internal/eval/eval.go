// Package eval scores a built dossier against a corpus's expectations: the
// contradictions a careful reader found, the figures that were updated over
// time, the facts all sources agree on, and the spelling-variant groups.
//
// Input: the dossier.json a build wrote, and an Expectations file (data, in
// testdata/, never in code). Output: a Report with every item marked found
// or missed, and the disputes that match no expected contradiction (false
// disputes). It reads only the export, so it scores what users get.
package eval

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// Expectations is a corpus's expected reading.
type Expectations struct {
	Corpus         string          `json:"corpus"`
	Contradictions []Contradiction `json:"contradictions"`
	Updates        []Update        `json:"updates"`
	Agreed         []Agreed        `json:"agreed"`
	Spelling       []Spelling      `json:"spelling"`
}

// Contradiction is an expected dispute between the listed values.
type Contradiction struct {
	ID      string   `json:"id"`
	Kind    string   `json:"kind"`
	Subject string   `json:"subject"`
	Scope   *string  `json:"scope"`
	Values  []string `json:"values"`
}

// Update is a figure expected to be classed as updated.
type Update struct {
	ID      string `json:"id"`
	Subject string `json:"subject"`
}

// Agreed is a fact that must not be disputed.
type Agreed struct {
	ID      string   `json:"id"`
	Kind    string   `json:"kind"`
	Subject string   `json:"subject"`
	Scope   *string  `json:"scope"`
	Allow   []string `json:"allow"`
}

// Spelling is a group of spellings of one entity.
type Spelling struct {
	ID      string   `json:"id"`
	Aliases []string `json:"aliases"`
}

// Export is the part of dossier.json the evaluation reads.
type Export struct {
	Facts []struct {
		ID       string   `json:"id"`
		Kind     string   `json:"kind"`
		Subject  string   `json:"subject"`
		Scope    string   `json:"scope"`
		Status   string   `json:"status"`
		Possible bool     `json:"possible"`
		Conflict string   `json:"conflict"`
		Internal []string `json:"internal"`
		Sequence []struct {
			Value string `json:"value"`
		} `json:"sequence"`
		Claims []struct {
			Value string `json:"value"`
		} `json:"claims"`
	} `json:"facts"`
	Entities []struct {
		ID      string   `json:"id"`
		Aliases []string `json:"aliases"`
	} `json:"entities"`
}

// Item is one expectation and whether the dossier meets it.
type Item struct {
	ID    string
	OK    bool
	Where string // the fact or entity that meets it, or why not
}

// Report is the evaluation.
type Report struct {
	Contradictions, Updates, Agreed, Spelling []Item
	FalseDisputes                             []string // disputed facts no expected contradiction explains
	Disputes                                  int      // certain disputes in the dossier
}

func count(items []Item) (int, int) {
	n := 0
	for _, it := range items {
		if it.OK {
			n++
		}
	}
	return n, len(items)
}

// Evaluate scores export (dossier.json bytes) against exp.
func Evaluate(data []byte, exp Expectations) (Report, error) {
	var ex Export
	if err := json.Unmarshal(data, &ex); err != nil {
		return Report{}, fmt.Errorf("read dossier.json: %w", err)
	}
	var r Report
	explained := map[string]bool{}
	scopeOK := func(want *string, got string) bool { return want == nil || *want == got }
	for _, c := range exp.Contradictions {
		it := Item{ID: c.ID, Where: "no disputed " + c.Kind + " fact about " + c.Subject + " with these values"}
		if len(c.Values) == 0 {
			it.Where = "not extracted: no fact of this kind yet"
		}
		for _, f := range ex.Facts {
			if f.Kind != c.Kind || f.Subject != c.Subject || !scopeOK(c.Scope, f.Scope) || len(c.Values) == 0 {
				continue
			}
			if !(f.Status == "disputed" && !f.Possible) && len(f.Internal) == 0 {
				continue
			}
			have := map[string]bool{}
			for _, cl := range f.Claims {
				have[cl.Value] = true
			}
			all := true
			for _, v := range c.Values {
				if !have[v] {
					all = false
				}
			}
			if all {
				it.OK, it.Where = true, f.ID+": "+f.Conflict
				explained[f.ID] = true
				break
			}
		}
		r.Contradictions = append(r.Contradictions, it)
	}
	for _, f := range ex.Facts {
		if f.Status == "disputed" && !f.Possible {
			r.Disputes++
			if !explained[f.ID] {
				r.FalseDisputes = append(r.FalseDisputes, f.ID+": "+f.Conflict)
			}
		}
	}
	for _, u := range exp.Updates {
		it := Item{ID: u.ID, Where: "no quantity fact about " + u.Subject}
		for _, f := range ex.Facts {
			if f.Kind == "quantity" && f.Subject == u.Subject && f.Scope == "" {
				// recognised when the dossier shows the figure's changes over
				// time: updated, or disputed within a day with its sequence shown
				it.OK = f.Status == "updated" || (f.Status == "disputed" && len(f.Sequence) > 1)
				it.Where = f.ID + " is " + f.Status
				if f.Status == "disputed" && len(f.Sequence) > 1 {
					it.Where += " (" + f.Conflict + ") with its sequence of " + fmt.Sprint(len(f.Sequence)) + " reports"
				}
				break
			}
		}
		r.Updates = append(r.Updates, it)
	}
	for _, a := range exp.Agreed {
		it := Item{ID: a.ID, Where: "no such fact"}
		for _, f := range ex.Facts {
			if f.Kind == a.Kind && f.Subject == a.Subject && scopeOK(a.Scope, f.Scope) {
				ok := f.Status == "agreed" || f.Status == "single-source"
				for _, s := range a.Allow {
					ok = ok || f.Status == s
				}
				it.OK, it.Where = ok, f.ID+" is "+f.Status
				break
			}
		}
		r.Agreed = append(r.Agreed, it)
	}
	for _, s := range exp.Spelling {
		owner := map[string]string{}
		for _, e := range ex.Entities {
			for _, a := range e.Aliases {
				owner[a] = e.ID
			}
		}
		it := Item{ID: s.ID, OK: true}
		var where []string
		first := ""
		for _, a := range s.Aliases {
			id, ok := owner[a]
			if !ok {
				it.OK = false
				where = append(where, a+": no entity")
				continue
			}
			where = append(where, a+" → "+id)
			if first == "" {
				first = id
			} else if id != first {
				it.OK = false
			}
		}
		it.Where = strings.Join(where, "; ")
		r.Spelling = append(r.Spelling, it)
	}
	sort.Strings(r.FalseDisputes)
	return r, nil
}

func pct(n, d int) string {
	if d == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%d%%", 100*n/d)
}

// String prints the report: a summary, then every item.
func (r Report) String() string {
	var b strings.Builder
	cf, ct := count(r.Contradictions)
	uf, ut := count(r.Updates)
	af, at := count(r.Agreed)
	sf, st := count(r.Spelling)
	fmt.Fprintf(&b, "contradictions found   %d/%d (%s; target 80%%)\n", cf, ct, pct(cf, ct))
	fmt.Fprintf(&b, "updates recognised     %d/%d (%s; target 80%%)\n", uf, ut, pct(uf, ut))
	fmt.Fprintf(&b, "false disputes         %d of %d disputes (%s; target at most 10%%)\n", len(r.FalseDisputes), r.Disputes, pct(len(r.FalseDisputes), r.Disputes))
	fmt.Fprintf(&b, "agreed facts kept      %d/%d\n", af, at)
	fmt.Fprintf(&b, "spelling groups        %d/%d (target all)\n", sf, st)
	section := func(title string, items []Item) {
		fmt.Fprintf(&b, "\n%s\n", title)
		for _, it := range items {
			mark := "missed"
			if it.OK {
				mark = "ok    "
			}
			fmt.Fprintf(&b, "  %s %s — %s\n", mark, it.ID, it.Where)
		}
	}
	section("contradictions", r.Contradictions)
	section("updates", r.Updates)
	section("agreed", r.Agreed)
	section("spelling", r.Spelling)
	b.WriteString("\nfalse disputes\n")
	for _, f := range r.FalseDisputes {
		fmt.Fprintf(&b, "  %s\n", f)
	}
	return b.String()
}
