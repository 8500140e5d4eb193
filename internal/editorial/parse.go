package editorial

import (
	"fmt"
	"strings"
	"time"

	"dossier/internal/diag"
	"dossier/internal/model"
	"dossier/internal/yamlkv"
)

// File is the editorial file, relative to the site dir.
const File = "content/editorial.yaml"

// Decisions are the editor's, as read from File.
type Decisions struct {
	Dossier  DossierDecision
	Facts    []FactDecision
	Entities []EntityDecision
	Claims   []ClaimDecision
}

// DossierDecision sets the dossier's title, main event and note.
type DossierDecision struct {
	Title, MainEvent, Note string
	Line                   int
}

// FactDecision is the editor's word on one fact.
type FactDecision struct {
	Fact    string
	Verdict model.Status
	Reason  string
	Title   string
	Dismiss bool
	Note    string
	Line    int
}

// EntityDecision is the editor's word on one entity.
type EntityDecision struct {
	Entity    string
	MergeInto string
	Split     []string // spellings that name another entity
	Name      string
	Kind      model.EntityKind
	Drop      bool
	Note      string
	Line      int
}

// ClaimDecision is the editor's word on one claim.
type ClaimDecision struct {
	Claim        string
	Drop         bool
	MoveTo       string
	Title        string // of the fact a claim moves to, when it is new
	AnotherEvent bool
	Reason       string
	Checked      string // ISO date
	Quote        string
	Line         int
}

var verdicts = map[string]model.Status{
	"agreed": model.Agreed, "disputed": model.Disputed, "updated": model.Updated,
	"not-comparable": model.NotComparable, "not comparable": model.NotComparable,
	"possibly-conflicting": model.PossiblyConflicting, "possibly conflicting": model.PossiblyConflicting,
	"single-source": model.SingleSource, "single source": model.SingleSource,
}

var kinds = map[string]model.EntityKind{
	"person": model.Person, "place": model.Place, "organisation": model.Org, "organization": model.Org, "org": model.Org,
}

// Parse reads the editorial file. Every problem is an error with its line:
// a decision the editor wrote and dossier cannot read must not be skipped.
func Parse(data []byte) (Decisions, diag.List) {
	var d Decisions
	p := &parser{}
	root, err := yamlkv.Parse(data)
	if err != nil {
		line, msg := 0, err.Error()
		if ye, ok := err.(*yamlkv.Error); ok {
			line, msg = ye.Line, ye.Msg
		}
		p.errorf(line, "the file is YAML: sections dossier, facts, entities, claims; see the README", "%s", msg)
		return d, p.ds
	}
	if root == nil {
		return d, p.ds
	}
	for _, kv := range p.mapping(root, "the file") {
		switch kv.Key {
		case "dossier":
			d.Dossier = p.dossier(kv.Value)
		case "facts":
			for _, e := range p.mapping(kv.Value, "facts") {
				d.Facts = append(d.Facts, p.fact(e))
			}
		case "entities":
			for _, e := range p.mapping(kv.Value, "entities") {
				d.Entities = append(d.Entities, p.entity(e))
			}
		case "claims":
			for _, e := range p.mapping(kv.Value, "claims") {
				d.Claims = append(d.Claims, p.claim(e))
			}
		default:
			p.errorf(kv.Line, "the sections are dossier, facts, entities and claims", "unknown section %q", kv.Key)
		}
	}
	return d, p.ds
}

type parser struct{ ds diag.List }

type pair = yamlkv.Pair

func (p *parser) errorf(line int, hint, format string, args ...any) {
	p.ds.Errorf(File, line, hint, format, args...)
}

// mapping lists a mapping's pairs, refusing a repeated key.
func (p *parser) mapping(n *yamlkv.Node, what string) []pair {
	if n.Kind == yamlkv.Null {
		return nil
	}
	if n.Kind != yamlkv.Map {
		p.errorf(n.Line, "write key: value lines under it", "%s: not a mapping", what)
		return nil
	}
	var out []pair
	seen := map[string]int{}
	for _, kv := range n.Pairs {
		if first, ok := seen[kv.Key]; ok {
			p.errorf(kv.Line, fmt.Sprintf("merge it with the one on line %d", first), "%q is decided twice", kv.Key)
			continue
		}
		seen[kv.Key] = kv.Line
		out = append(out, kv)
	}
	return out
}

func (p *parser) text(kv pair) string {
	if kv.Value.Kind != yamlkv.Scalar && kv.Value.Kind != yamlkv.Null {
		p.errorf(kv.Line, "give one value", "%s: not a single value", kv.Key)
		return ""
	}
	return strings.TrimSpace(kv.Value.Value)
}

func (p *parser) flag(kv pair) bool {
	switch strings.ToLower(p.text(kv)) {
	case "true", "yes":
		return true
	case "false", "no":
		return false
	}
	p.errorf(kv.Line, "write true or false", "%s: not true or false", kv.Key)
	return false
}

func (p *parser) unknown(kv pair, known string) {
	p.errorf(kv.Line, "known fields: "+known, "unknown field %q", kv.Key)
}

func (p *parser) dossier(n *yamlkv.Node) DossierDecision {
	d := DossierDecision{Line: n.Line}
	for _, kv := range p.mapping(n, "dossier") {
		switch kv.Key {
		case "title":
			d.Title = p.text(kv)
		case "main_event":
			d.MainEvent = strings.ToLower(p.text(kv))
		case "note":
			d.Note = p.text(kv)
		default:
			p.unknown(kv, "title, main_event, note")
		}
	}
	return d
}

func (p *parser) fact(e pair) FactDecision {
	d := FactDecision{Fact: e.Key, Line: e.Line}
	for _, kv := range p.mapping(e.Value, e.Key) {
		switch kv.Key {
		case "verdict":
			v, ok := verdicts[strings.ToLower(p.text(kv))]
			if !ok {
				p.errorf(kv.Value.Line, "a verdict is agreed, disputed, updated, not-comparable, possibly-conflicting or single-source", "%q is not a verdict", kv.Value.Value)
			}
			d.Verdict = v
		case "reason":
			d.Reason = p.text(kv)
		case "title":
			d.Title = p.text(kv)
		case "dismiss":
			d.Dismiss = p.flag(kv)
		case "note":
			d.Note = p.text(kv)
		default:
			p.unknown(kv, "verdict, reason, title, dismiss, note")
		}
	}
	if d.Verdict != "" && d.Reason == "" {
		p.errorf(e.Line, "add reason: one line a reader will see beside the verdict", "%s: a verdict set by the editor needs its reason", d.Fact)
	}
	return d
}

func (p *parser) entity(e pair) EntityDecision {
	d := EntityDecision{Entity: e.Key, Line: e.Line}
	for _, kv := range p.mapping(e.Value, e.Key) {
		switch kv.Key {
		case "merge_into":
			d.MergeInto = p.text(kv)
		case "split":
			if kv.Value.Kind == yamlkv.Seq {
				for _, s := range kv.Value.Items {
					d.Split = append(d.Split, strings.TrimSpace(s.Value))
				}
			} else {
				d.Split = append(d.Split, p.text(kv))
			}
		case "name":
			d.Name = p.text(kv)
		case "kind":
			k, ok := kinds[strings.ToLower(p.text(kv))]
			if !ok {
				p.errorf(kv.Value.Line, "a kind is person, place or organisation", "%q is not a kind", kv.Value.Value)
			}
			d.Kind = k
		case "drop":
			d.Drop = p.flag(kv)
		case "note":
			d.Note = p.text(kv)
		default:
			p.unknown(kv, "merge_into, split, name, kind, drop, note")
		}
	}
	return d
}

func (p *parser) claim(e pair) ClaimDecision {
	d := ClaimDecision{Claim: e.Key, Line: e.Line}
	for _, kv := range p.mapping(e.Value, e.Key) {
		switch kv.Key {
		case "drop":
			d.Drop = p.flag(kv)
		case "move_to":
			d.MoveTo = p.text(kv)
		case "title":
			d.Title = p.text(kv)
		case "another_event":
			d.AnotherEvent = p.flag(kv)
		case "reason":
			d.Reason = p.text(kv)
		case "checked":
			d.Checked = p.text(kv)
			if _, err := time.Parse("2006-01-02", d.Checked); err != nil {
				p.errorf(kv.Value.Line, "write the day as 2026-11-30", "checked: %q is not a date", d.Checked)
			}
		case "quote":
			d.Quote = p.text(kv)
		default:
			p.unknown(kv, "drop, move_to, title, another_event, reason, checked, quote")
		}
	}
	n := 0
	for _, b := range []bool{d.Drop, d.MoveTo != "", d.AnotherEvent} {
		if b {
			n++
		}
	}
	if n > 1 {
		p.errorf(e.Line, "keep one of them", "%s: drop, move_to and another_event are each a place for the claim", d.Claim)
	}
	return d
}
