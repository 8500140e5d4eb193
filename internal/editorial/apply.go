package editorial

import (
	"fmt"
	"sort"
	"strings"

	"dossier/internal/align"
	"dossier/internal/diag"
	"dossier/internal/model"
	"dossier/internal/registry"
	"dossier/internal/textutil"
)

func at(line int) string { return fmt.Sprintf("%s:%d", File, line) }

// Options are the decisions alignment applies itself: the main event, and
// the claims dropped from their fact or moved to another.
func (d Decisions) Options() align.Options {
	o := align.Options{MainEvent: d.Dossier.MainEvent, Claims: map[string]align.ClaimEdit{}}
	for _, c := range d.Claims {
		if c.Drop || c.MoveTo != "" || c.AnotherEvent {
			o.Claims[c.Claim] = align.ClaimEdit{Drop: c.Drop, To: c.MoveTo, Title: c.Title, Other: c.AnotherEvent, Why: c.Reason, At: at(c.Line)}
		}
	}
	return o
}

// Input is what Apply reads besides the ledger.
type Input struct {
	// Retired are the fact slugs this build retires (registry.Update on
	// the aligned ledger): a decision keyed to one follows it.
	Retired []registry.Retired
	// Articles by id, to verify the editor's quotes against their text.
	Articles map[string]*model.Article
	// Events are the incidents the articles name (main_event must be one).
	Events map[string]bool
}

// Apply carries out on the aligned ledger every decision alignment does
// not, and checks that each decision still applies; the warnings say which
// do not.
func Apply(d Decisions, led *model.Ledger, in Input) diag.List {
	var ds diag.List
	applyDossier(d.Dossier, led, in, &ds)
	for _, e := range d.Entities {
		applyEntity(e, led, &ds)
	}
	for _, f := range d.Facts {
		applyFact(f, led, in, &ds)
	}
	applyClaims(d.Claims, led, in, &ds)
	return ds
}

func applyDossier(d DossierDecision, led *model.Ledger, in Input, ds *diag.List) {
	if d.Title != "" {
		led.Title = d.Title
	}
	if d.MainEvent != "" && !in.Events[d.MainEvent] {
		ds.Warnf(File, d.Line, "name an incident the articles name, or remove main_event",
			"main_event %q: no article names it; facts are named after it all the same", d.MainEvent)
	}
	if d.Note != "" || d.Title != "" || d.MainEvent != "" {
		led.Editor = &model.Edit{Note: d.Note, At: at(d.Line)}
		if d.MainEvent != "" {
			led.Editor.Changes = append(led.Editor.Changes, "main event set by the editor: "+d.MainEvent)
		}
		if d.Title != "" {
			led.Editor.Changes = append(led.Editor.Changes, "title set by the editor")
		}
	}
}

// findFact finds a fact by slug, or the one fact a retired slug's claims
// went to (with a warning to update the key).
func findFact(slug string, line int, led *model.Ledger, in Input, ds *diag.List) *model.Fact {
	for i := range led.Facts {
		if led.Facts[i].ID == slug {
			return &led.Facts[i]
		}
	}
	for _, r := range in.Retired {
		if r.Slug == slug && len(r.Targets) == 1 {
			ds.Warnf(File, line, fmt.Sprintf("write %s: instead of %s:", r.Targets[0], slug),
				"fact %q is now %q; the decision follows it", slug, r.Targets[0])
			return findFact(r.Targets[0], line, led, Input{}, ds)
		}
	}
	ds.Warnf(File, line, "run `dossier ledger` for the facts there are now, and update or remove the decision",
		"no fact %q any more: the decision no longer applies", slug)
	return nil
}

func factEdit(f *model.Fact, line int) *model.Edit {
	if f.Editor == nil {
		f.Editor = &model.Edit{}
	}
	f.Editor.At = at(line)
	return f.Editor
}

func applyFact(d FactDecision, led *model.Ledger, in Input, ds *diag.List) {
	f := findFact(d.Fact, d.Line, led, in, ds)
	if f == nil {
		return
	}
	if d.Dismiss {
		dismiss(led, f.ID)
		return
	}
	e := factEdit(f, d.Line)
	if d.Verdict != "" {
		e.MachineStatus, e.MachineReason = f.Status, f.Reason
		e.Status, e.Reason = d.Verdict, d.Reason
		f.Status, f.Reason = d.Verdict, d.Reason
	}
	if d.Title != "" {
		e.MachineTitle, f.Title = f.Title, d.Title
	}
	e.Note = joinNotes(e.Note, d.Note)
}

// joinNotes keeps both notes when two decisions reach one fact (one keyed
// to an address the fact had before).
func joinNotes(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "\n\n" + b
}

// dismiss removes a fact the editor judged not worth a page: its claims
// stay on their sources' pages; the timeline and its parent stop linking
// to it.
func dismiss(led *model.Ledger, id string) {
	out := led.Facts[:0]
	for _, f := range led.Facts {
		if f.ID == id {
			continue
		}
		if f.Conflicts == id {
			f.Conflicts = ""
		}
		if f.Parent == id {
			f.Parent = ""
		}
		out = append(out, f)
	}
	led.Facts = out
	for i := range led.Timeline {
		if led.Timeline[i].Fact == id {
			led.Timeline[i].Fact = ""
		}
	}
}

func findEntity(led *model.Ledger, id string) int {
	for i := range led.Entities {
		if led.Entities[i].ID == id {
			return i
		}
	}
	return -1
}

func entityEdit(e *model.Entity, line int) *model.Edit {
	if e.Editor == nil {
		e.Editor = &model.Edit{}
	}
	e.Editor.At = at(line)
	return e.Editor
}

func applyEntity(d EntityDecision, led *model.Ledger, ds *diag.List) {
	i := findEntity(led, d.Entity)
	if i < 0 {
		ds.Warnf(File, d.Line, "run `dossier ledger` or open the people & places page for the ids there are now, and update or remove the decision",
			"no entity %q any more: the decision no longer applies", d.Entity)
		return
	}
	switch {
	case d.Drop:
		dropEntity(led, i)
		return
	case d.MergeInto != "":
		j := findEntity(led, d.MergeInto)
		if j < 0 {
			ds.Warnf(File, d.Line, "name an entity id that exists", "merge_into: no entity %q: not merged", d.MergeInto)
			break
		}
		if j == i {
			break
		}
		name := led.Entities[i].Name
		mergeEntity(led, i, j)
		i = findEntity(led, d.MergeInto)
		ed := entityEdit(&led.Entities[i], d.Line)
		ed.Changes = append(ed.Changes, "merged by the editor with “"+name+"”")
	}
	id := led.Entities[i].ID
	for _, name := range d.Split {
		if !splitEntity(led, i, name, d.Kind, d.Line) {
			ds.Warnf(File, d.Line, "list spellings the entity has (its page lists them)", "split: %q is not a spelling of %s", name, d.Entity)
		}
		i = findEntity(led, id)
	}
	e := &led.Entities[i]
	ed := entityEdit(e, d.Line)
	if d.Name != "" && d.Name != e.Name {
		ed.MachineTitle, e.Name = e.Name, d.Name
	}
	if d.Kind != "" && d.Kind != e.Kind && len(d.Split) == 0 {
		ed.MachineKind, e.Kind = string(e.Kind), d.Kind
	}
	ed.Note = joinNotes(ed.Note, d.Note)
}

// dropEntity takes a false entity out: its mentions become plain text.
func dropEntity(led *model.Ledger, i int) {
	id := led.Entities[i].ID
	led.Entities = append(led.Entities[:i], led.Entities[i+1:]...)
	for k, v := range led.EntityOf {
		if v == id {
			delete(led.EntityOf, k)
		}
	}
	if led.Where == id {
		led.Where = ""
	}
}

// mergeEntity folds entity i into entity j: mentions, spellings, and
// every reference to i.
func mergeEntity(led *model.Ledger, i, j int) {
	from, to := &led.Entities[i], &led.Entities[j]
	to.Mentions = append(to.Mentions, from.Mentions...)
	sort.SliceStable(to.Mentions, func(a, b int) bool {
		x, y := to.Mentions[a], to.Mentions[b]
		if x.Article != y.Article {
			return x.Article < y.Article
		}
		return x.Span.Start < y.Span.Start
	})
	to.Aliases = mergeAliases(to.Aliases, from.Aliases)
	retarget(led, from.ID, to.ID)
	led.Entities = append(led.Entities[:i], led.Entities[i+1:]...)
}

func mergeAliases(a, b []model.Alias) []model.Alias {
	byText := map[string]int{}
	out := append([]model.Alias(nil), a...)
	for k, x := range out {
		byText[x.Text] = k
	}
	for _, x := range b {
		if k, ok := byText[x.Text]; ok {
			out[k].Sources = union(out[k].Sources, x.Sources)
			continue
		}
		byText[x.Text] = len(out)
		out = append(out, x)
	}
	return out
}

func union(a, b []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range append(append([]string(nil), a...), b...) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}

// retarget points every reference to entity from at entity to.
func retarget(led *model.Ledger, from, to string) {
	for k, v := range led.EntityOf {
		if v == from {
			led.EntityOf[k] = to
		}
	}
	if led.Where == from {
		led.Where = to
	}
	for fi := range led.Facts {
		for ci := range led.Facts[fi].Claims {
			if c := &led.Facts[fi].Claims[ci]; c.Entity == from {
				c.Entity = to
			}
		}
	}
}

// splitEntity moves the mentions of entity i written as name into a new
// entity of that name (of kind, or i's kind).
func splitEntity(led *model.Ledger, i int, name string, kind model.EntityKind, line int) bool {
	e := &led.Entities[i]
	key := textutil.Fold(name)
	var keep, moved []model.Mention
	for _, m := range e.Mentions {
		if textutil.Fold(m.Text) == key {
			moved = append(moved, m)
		} else {
			keep = append(keep, m)
		}
	}
	if len(moved) == 0 || len(keep) == 0 {
		return false
	}
	if kind == "" {
		kind = e.Kind
	}
	used := map[string]bool{}
	for _, x := range led.Entities {
		used[x.ID] = true
	}
	n := model.Entity{ID: textutil.Unique(used, textutil.Slug(name, 60), "entity"), Kind: kind, Name: name, Mentions: moved,
		Editor: &model.Edit{At: at(line), Changes: []string{"split by the editor from “" + e.Name + "”"}}}
	var aliases []model.Alias
	for _, a := range e.Aliases {
		if textutil.Fold(a.Text) == key {
			n.Aliases = append(n.Aliases, a)
		} else {
			aliases = append(aliases, a)
		}
	}
	e.Mentions, e.Aliases = keep, aliases
	for _, m := range moved {
		led.EntityOf[model.MentionKey(m.Article, m.Span)] = n.ID
	}
	ed := entityEdit(e, line)
	ed.Changes = append(ed.Changes, "“"+name+"” split off by the editor")
	led.Entities = append(led.Entities, n)
	sort.SliceStable(led.Entities, func(a, b int) bool { return led.Entities[a].Name < led.Entities[b].Name })
	return true
}

func applyClaims(cs []ClaimDecision, led *model.Ledger, in Input, ds *diag.List) {
	if len(cs) == 0 {
		return
	}
	claims := map[string]*model.Claim{}
	for _, list := range led.Claims {
		for i := range list {
			claims[registry.ClaimID(list[i])] = &list[i]
		}
	}
	checks := map[string]*model.Verification{}
	for _, d := range cs {
		c, ok := claims[d.Claim]
		if !ok {
			ds.Warnf(File, d.Line, "run `dossier ledger` for the claim ids there are now, and update or remove the decision",
				"no claim %q any more (its article or sentence changed): the decision no longer applies", d.Claim)
			continue
		}
		if d.Checked == "" && d.Quote == "" {
			continue
		}
		v := &model.Verification{Checked: d.Checked, Quote: d.Quote, At: at(d.Line)}
		if a := in.Articles[c.Article]; d.Quote != "" && (a == nil || !strings.Contains(squash(a.Str()), squash(d.Quote))) {
			v.Failed = true
			ds.Warnf(File, d.Line, "check the article again and update the quote (or remove checked)",
				"failed verification: the quote %q no longer occurs in %s", d.Quote, c.Article)
		}
		checks[d.Claim] = v
	}
	if len(checks) == 0 {
		return
	}
	// the editor's checks, on every fact's copy of each claim
	for fi := range led.Facts {
		for ci := range led.Facts[fi].Claims {
			fc := &led.Facts[fi].Claims[ci]
			if v := checks[registry.ClaimID(*fc.Claim)]; v != nil {
				fc.Verified = v
			}
		}
	}
}

func squash(s string) string { return textutil.Fold(textutil.SquashSpace(s)) }
