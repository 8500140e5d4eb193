package align

import (
	"fmt"
	"sort"

	"dossier/internal/model"
	"dossier/internal/registry"
)

// Options carry the editor's decisions that act inside alignment (package
// editorial reads them): the main event, which names facts, and claims
// dropped from or moved between facts, which their verdicts must see. The
// rest of the editor's decisions apply to the finished ledger.
type Options struct {
	MainEvent string               // "" keeps the one alignment finds
	Claims    map[string]ClaimEdit // by registry.ClaimID
}

// ClaimEdit is where the editor put one claim: out of every fact (Drop),
// or into the fact To (an existing fact's slug, or a new fact titled
// Title, or, when Title is empty, the source fact's title followed by
// "(another event)" when Other is set).
type ClaimEdit struct {
	Drop  bool
	To    string
	Title string
	Other bool   // the claim is about another event than its fact's
	Why   string // the editor's reason, shown on the fact
	At    string // where the decision is: "content/editorial.yaml:12"
}

// applyClaimEdits moves and drops the claims the editor decided about,
// before the facts are judged. A fact left with no claims is gone; a new
// fact takes its kind and subject from the first claim moved into it.
func applyClaimEdits(facts []model.Fact, edits map[string]ClaimEdit, slugs map[string]bool, ovs []model.Overlap) []model.Fact {
	if len(edits) == 0 {
		return facts
	}
	index := map[string]int{}
	for i, f := range facts {
		index[f.ID] = i
	}
	type move struct {
		fc   model.FactClaim
		from int
		e    ClaimEdit
	}
	var moves []move
	touched := map[int]bool{}
	for i := range facts {
		f := &facts[i]
		keep := f.Claims[:0:0]
		for _, fc := range f.Claims {
			e, ok := edits[registry.ClaimID(*fc.Claim)]
			if !ok || (!e.Drop && e.To == f.ID) {
				keep = append(keep, fc)
				continue
			}
			touched[i] = true
			note(f, e.At, changeWords(fc, e))
			if !e.Drop {
				moves = append(moves, move{fc, i, e})
			}
		}
		f.Claims = keep
	}
	for _, m := range moves {
		to := m.e.To
		if to == "" {
			to = facts[m.from].ID + "-another-event"
		}
		i, ok := index[to]
		if !ok {
			src := facts[m.from]
			title := m.e.Title
			if title == "" {
				title = src.Title + " (another event)"
			}
			facts = append(facts, model.Fact{ID: to, Title: title, Kind: src.Kind, Subject: src.Subject, Scope: src.Scope})
			i = len(facts) - 1
			index[to] = i
			slugs[to] = true
		}
		facts[i].Claims = append(facts[i].Claims, m.fc)
		touched[i] = true
		note(&facts[i], m.e.At, fmt.Sprintf("claim “%s” (%s) moved in from %s by the editor%s", m.fc.Text, m.fc.Article, facts[m.from].ID, because(m.e.Why)))
	}
	out := facts[:0]
	for i, f := range facts {
		if touched[i] {
			if len(f.Claims) == 0 {
				continue // every claim moved out or dropped
			}
			sort.SliceStable(f.Claims, func(a, b int) bool { return f.Claims[a].Article < f.Claims[b].Article })
			f.Sources = factSources(f.Claims)
			f.Independent = independent(f.Sources, ovs)
		}
		out = append(out, f)
	}
	return out
}

func changeWords(fc model.FactClaim, e ClaimEdit) string {
	if e.Drop {
		return fmt.Sprintf("claim “%s” (%s) dropped by the editor%s", fc.Text, fc.Article, because(e.Why))
	}
	to := e.To
	if to == "" {
		to = "another event's fact"
	}
	return fmt.Sprintf("claim “%s” (%s) moved to %s by the editor%s", fc.Text, fc.Article, to, because(e.Why))
}

func because(why string) string {
	if why == "" {
		return ""
	}
	return ": " + why
}

// note records an editor's change on a fact.
func note(f *model.Fact, at, change string) {
	if f.Editor == nil {
		f.Editor = &model.Edit{At: at}
	}
	f.Editor.Changes = append(f.Editor.Changes, change)
}
