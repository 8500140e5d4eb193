// Package eval scores a built dossier against a corpus's gold file, exactly
// as the reference scorer of the shared corpora (score.py, beside them) does:
// real contradictions found as disputed facts, figures recognised as
// updated, false disputes (a disputed fact whose every value a careful
// reader calls agreed), spelling-variant groups, the years the timeline
// reaches, and every disputed fact that no gold item explains ("extra").
//
// Input: the articles' texts (path → text, to tell which dossier source is
// which gold article), the dossier.json a build wrote, and a Gold (data read
// from gold.json, never code). Output: a Report whose Summary line is
// score.py's last line, character for character (TestMatchesScorePy holds
// the two to each other on every shared corpus).
//
// Pure: it reads nothing itself, so it scores what users get.
package eval

import (
	"encoding/json"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
)

// Gold is a corpus's gold.json (see the corpora's README).
type Gold struct {
	Sources       map[string]string `json:"sources"` // gold article number → a phrase only it holds
	Disputed      []GoldDispute     `json:"disputed"`
	Updated       []GoldUpdate      `json:"updated"`
	NeverDisputed []GoldValues      `json:"never_disputed"`
	Variants      []GoldVariant     `json:"variants"`
	TimelineYears []string          `json:"timeline_years"`
}

// GoldDispute is a real contradiction: one disputed fact must hold a claim
// for every side.
type GoldDispute struct {
	Name  string     `json:"name"`
	All   []GoldSide `json:"all"`
	About []string   `json:"about"`
}

// GoldSide is one side of a contradiction.
type GoldSide struct {
	Src   []string `json:"src"`
	Value string   `json:"value"`
	Quote string   `json:"quote"`
}

// GoldUpdate is a figure that changes across reports.
type GoldUpdate struct {
	Name   string   `json:"name"`
	Values []number `json:"values"`
	Min    int      `json:"min"`
}

// number is a gold value written as a JSON number, kept as written.
type number string

func (n *number) UnmarshalJSON(b []byte) error {
	*n = number(strings.Trim(string(b), `"`))
	return nil
}

// GoldValues are values that must never make a fact disputed on their own.
type GoldValues struct {
	Name   string   `json:"name"`
	Values []string `json:"values"`
}

// GoldVariant is a group of spellings of one entity, and names it must not absorb.
type GoldVariant struct {
	Name  string   `json:"name"`
	Forms []string `json:"forms"`
	Min   int      `json:"min"`
	Never []string `json:"never"`
}

// export is the part of dossier.json the scorer reads.
type export struct {
	Sources []struct {
		ID   string `json:"id"`
		File string `json:"file"`
	} `json:"sources"`
	Facts []struct {
		ID      string `json:"id"`
		Title   string `json:"title"`
		Subject string `json:"subject"`
		Status  string `json:"status"`
		Reason  string `json:"reason"`
		Claims  []struct {
			Source string `json:"source"`
			Value  any    `json:"value"`
			Quote  any    `json:"quote"`
		} `json:"claims"`
	} `json:"facts"`
	Entities []struct {
		Name    any   `json:"name"`
		Aliases []any `json:"aliases"`
	} `json:"entities"`
	Timeline []struct {
		Date any `json:"date"`
	} `json:"timeline"`
}

// Report is the score of one corpus.
type Report struct {
	Disputed, DisputedOf int // real contradictions found, of the gold list
	Updated, UpdatedOf   int
	FalseDisputes        int
	Variants, VariantsOf int
	Years, YearsOf       int
	Extra                []Extra // disputed facts no gold item explains
	Facts                int
	Notes, Problems      []string
}

// Extra is a disputed fact that no gold contradiction explains.
type Extra struct {
	ID, Title, Reason string
	Values            []string
}

// Summary is score.py's last line.
func (r Report) Summary() string {
	s := fmt.Sprintf("disputed recall %d/%d, updates %d/%d, false disputes %d, variant groups %d/%d, timeline years %d/%d, extra disputed %d, facts %d",
		r.Disputed, r.DisputedOf, r.Updated, r.UpdatedOf, r.FalseDisputes, r.Variants, r.VariantsOf, r.Years, r.YearsOf, len(r.Extra), r.Facts)
	if len(r.Problems) == 0 {
		return "OK: " + s
	}
	return "SHORT: " + s
}

// Found is how many gold items (contradictions, updates, variant groups) the
// dossier finds, of how many: the recall the targets speak of.
func (r Report) Found() (int, int) {
	return r.Disputed + r.Updated + r.Variants, r.DisputedOf + r.UpdatedOf + r.VariantsOf
}

var normRe = regexp.MustCompile(`[\s\-\x{2010}-\x{2015}_']+`)

func norm(s string) string {
	return strings.TrimSpace(normRe.ReplaceAllString(strings.ToLower(s), " "))
}

// same: a claim value v matches a gold value x — equal (commas aside), or,
// for a partial date or a time ("06-18", "17:30"), a suffix of it.
func same(v, x string) bool {
	v = strings.ReplaceAll(v, ",", "")
	if v == x {
		return true
	}
	return (strings.Contains(x, "-") || strings.Contains(x, ":")) && strings.HasSuffix(v, x)
}

// str is Python's str() of a JSON value, for the forms the export uses.
func str(v any) string {
	switch x := v.(type) {
	case nil:
		return "" // the export never writes null: a missing field, as score.py's .get(k, "")
	case string:
		return x
	case float64:
		if x == float64(int64(x)) {
			return fmt.Sprint(int64(x))
		}
		return fmt.Sprint(x)
	case bool:
		if x {
			return "True"
		}
		return "False"
	}
	return fmt.Sprint(v)
}

// Score scores dossier (dossier.json bytes) against gold; texts maps each
// file under the site's content/ (as "content/…", slash-separated) to its text.
func Score(texts map[string]string, dossier []byte, gold Gold) (Report, error) {
	var d export
	if err := json.Unmarshal(dossier, &d); err != nil {
		return Report{}, fmt.Errorf("read dossier.json: %w", err)
	}
	var r Report
	src2gold := mapSources(texts, d, gold)
	golds := map[string]bool{}
	for _, g := range src2gold {
		golds[g] = true
	}
	if len(golds) < len(gold.Sources) {
		r.Problems = append(r.Problems, fmt.Sprintf("only %d/%d gold sources found in dossier.json sources", len(golds), len(gold.Sources)))
	}
	r.Facts = len(d.Facts)
	matched := r.scoreDisputes(d, gold, src2gold)
	r.scoreUpdates(d, gold)
	r.scoreFalse(d, gold)
	r.scoreVariants(d, gold)
	r.scoreTimeline(d, gold)
	for _, f := range d.Facts {
		if f.Status != "disputed" || matched[f.ID] {
			continue
		}
		vs := map[string]bool{}
		for _, c := range f.Claims {
			vs[str(c.Value)] = true
		}
		r.Extra = append(r.Extra, Extra{ID: f.ID, Title: f.Title, Reason: f.Reason, Values: slices.Sorted(maps.Keys(vs))})
	}
	r.Notes = append(r.Notes, fmt.Sprintf("disputed facts beyond the gold list (review by hand): %d", len(r.Extra)))
	return r, nil
}

// mapSources maps dossier source ids to gold article numbers by the phrase
// each gold article alone holds.
func mapSources(texts map[string]string, d export, gold Gold) map[string]string {
	keys := slices.Sorted(maps.Keys(gold.Sources))
	files := slices.Sorted(maps.Keys(texts))
	out := map[string]string{}
	for _, s := range d.Sources {
		var cand []string
		if s.File != "" {
			if _, ok := texts[s.File]; ok {
				cand = []string{s.File}
			}
		}
		if len(cand) == 0 && s.ID != "" {
			for _, f := range files {
				if strings.Contains(f[strings.LastIndexByte(f, '/')+1:], s.ID) {
					cand = append(cand, f)
				}
			}
		}
		for _, f := range cand {
			for _, g := range keys {
				if strings.Contains(texts[f], gold.Sources[g]) {
					out[s.ID] = g
				}
			}
		}
	}
	return out
}

func (r *Report) scoreDisputes(d export, gold Gold, src2gold map[string]string) map[string]bool {
	matched := map[string]bool{}
	r.DisputedOf = len(gold.Disputed)
	for _, item := range gold.Disputed {
		var ok *string
		for _, f := range d.Facts {
			if f.Status != "disputed" {
				continue
			}
			about := strings.ToLower(f.ID + " " + f.Title + " " + f.Subject)
			good := len(item.About) == 0
			for _, w := range item.About {
				good = good || strings.Contains(about, strings.ToLower(w))
			}
			for _, need := range item.All {
				if !good {
					break
				}
				any := false
				for _, c := range f.Claims {
					g, mapped := src2gold[c.Source]
					if mapped && contains(need.Src, g) && strings.Contains(str(c.Value), need.Value) &&
						strings.Contains(strings.ToLower(str(c.Quote)), strings.ToLower(need.Quote)) {
						any = true
						break
					}
				}
				good = any
			}
			if good {
				id := f.ID
				ok = &id
				r.Notes = append(r.Notes, fmt.Sprintf("found: %s -> fact %q (%s)", item.Name, f.ID, runes(f.Title, 60)))
				break
			}
		}
		if ok != nil {
			r.Disputed++
			matched[*ok] = true
		} else {
			r.Problems = append(r.Problems, "missed disputed: "+item.Name)
		}
	}
	return matched
}

func (r *Report) scoreUpdates(d export, gold Gold) {
	r.UpdatedOf = len(gold.Updated)
	for _, item := range gold.Updated {
		best := 0
		for _, f := range d.Facts {
			if f.Status != "updated" {
				continue
			}
			got := map[string]bool{}
			for _, w := range item.Values {
				re := regexp.MustCompile(`^[^0-9]*` + regexp.QuoteMeta(string(w)) + `([^0-9].*)?$`)
				for _, c := range f.Claims {
					v := strings.ReplaceAll(str(c.Value), ",", "")
					if v == string(w) || re.MatchString(v) {
						got[string(w)] = true
					}
				}
			}
			best = max(best, len(got))
		}
		if best >= item.Min {
			r.Updated++
			r.Notes = append(r.Notes, fmt.Sprintf("found update: %s (%d of its values in one 'updated' fact)", item.Name, best))
		} else {
			r.Problems = append(r.Problems, fmt.Sprintf("missed update: %s (best 'updated' fact holds %d of its values, need %d)", item.Name, best, item.Min))
		}
	}
}

func (r *Report) scoreFalse(d export, gold Gold) {
	for _, item := range gold.NeverDisputed {
		for _, f := range d.Facts {
			if f.Status != "disputed" {
				continue
			}
			vs := map[string]bool{}
			for _, c := range f.Claims {
				vs[str(c.Value)] = true
			}
			all := len(vs) > 0
			for v := range vs {
				in := false
				for _, x := range item.Values {
					in = in || same(v, x)
				}
				all = all && in
			}
			if all {
				r.FalseDisputes++
				r.Problems = append(r.Problems, fmt.Sprintf("false dispute: %s in fact %q values %v", item.Name, f.ID, slices.Sorted(maps.Keys(vs))))
			}
		}
	}
}

func (r *Report) scoreVariants(d export, gold Gold) {
	r.VariantsOf = len(gold.Variants)
	for _, item := range gold.Variants {
		forms, never := normSet(item.Forms), normSet(item.Never)
		var best struct {
			got, bad map[string]bool
			name     string
			ok       bool
		}
		for _, e := range d.Entities {
			al := map[string]bool{norm(str(e.Name)): true}
			for _, a := range e.Aliases {
				if m, isMap := a.(map[string]any); isMap {
					al[norm(str(m["text"]))] = true
				} else {
					al[norm(str(a))] = true
				}
			}
			got, bad := wholeWordHits(forms, al), wholeWordHits(never, al)
			if len(got) >= item.Min && (!best.ok || len(got) > len(best.got)) {
				best.got, best.bad, best.name, best.ok = got, bad, str(e.Name), true
			}
		}
		switch {
		case best.ok && len(best.bad) == 0:
			r.Variants++
			r.Notes = append(r.Notes, fmt.Sprintf("variants grouped: %s -> %q (%d/%d forms)", item.Name, best.name, len(best.got), len(forms)))
		case best.ok:
			r.Problems = append(r.Problems, fmt.Sprintf("variants over-merged: %s entity %q also holds %v", item.Name, best.name, slices.Sorted(maps.Keys(best.bad))))
		default:
			r.Problems = append(r.Problems, "variants not grouped: "+item.Name)
		}
	}
}

// wholeWordHits are the forms that occur in some alias as a run of whole words.
func wholeWordHits(forms, aliases map[string]bool) map[string]bool {
	got := map[string]bool{}
	for fm := range forms {
		re := regexp.MustCompile(`(^| )` + regexp.QuoteMeta(fm) + `( |$)`)
		for a := range aliases {
			if re.MatchString(a) {
				got[fm] = true
				break
			}
		}
	}
	return got
}

func (r *Report) scoreTimeline(d export, gold Gold) {
	years := map[string]bool{}
	for _, t := range d.Timeline {
		y := []rune(str(t.Date))
		years[string(y[:min(4, len(y))])] = true
	}
	r.YearsOf = len(gold.TimelineYears)
	var missing []string
	for _, y := range gold.TimelineYears {
		if years[y] {
			r.Years++
		} else {
			missing = append(missing, y)
		}
	}
	if len(missing) > 0 {
		r.Problems = append(r.Problems, fmt.Sprintf("timeline lacks years %v", missing))
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func normSet(xs []string) map[string]bool {
	m := map[string]bool{}
	for _, x := range xs {
		m[norm(x)] = true
	}
	return m
}

func runes(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		r = r[:n]
	}
	return string(r)
}
