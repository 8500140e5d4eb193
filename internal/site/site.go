package site

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash"
	"io"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"dossier/internal/model"
	"dossier/internal/par"
	"dossier/internal/registry"
	"dossier/internal/segment"
	"dossier/internal/textutil"
)

// Config is the optional site configuration (dossier.yaml).
type Config struct {
	Title       string `json:"title,omitempty"`
	Description string `json:"description,omitempty"`
	// NotesHTML lets the editor's Markdown notes hold raw HTML (dossier.yaml
	// notes_html: true); by default it is left out.
	NotesHTML bool `json:"notes_html,omitempty"`
	// BaseURL is where the site is published ("https://example.org/d/"),
	// or "": the 404 page, canonical links, the sitemap and the feed use it.
	BaseURL string `json:"base_url,omitempty"`
	// Compiled is the day the dossier was compiled, in words, or "".
	Compiled string `json:"compiled,omitempty"`
}

// Page is one output page.
type Page struct {
	Path     string // output path: "facts/raid-date/index.html"
	Template string // template name without extension: "fact"
	Title    string
	Root     string // relative path from the page's folder to the site root
	Data     any
	lazy     func() any
	item     any // a paged page's fact or entity
	site     *Site
	inputs   func(h hash.Hash) bool // writes what the page is made from (see Fingerprint); false: cannot
}

// Fingerprint is a digest of everything the built-in templates read for
// this page: equal fingerprints, equal bytes. A source page's is taken
// from its inputs (the article's bytes, which facts and entities its
// claims link to, its chrome lines, the sources it shares wire copy with);
// a fact's or entity's page's from the data the template is given
// (content lays it out). Other pages have none (ok is false): they are
// always rendered. A rebuild leaves a page whose fingerprint did not change
// as it is on disk. It does not hold for templates a site overrides, which
// may read anything.
func (p Page) Fingerprint(content func() any) (sum [32]byte, ok bool) {
	if p.site == nil {
		return sum, false
	}
	h := sha256.New()
	put(h, p.Template, p.Path, p.Title, p.Root, p.site.Title, p.site.Description, strconv.Itoa(p.site.ArticleCount), strconv.FormatBool(p.site.NotesHTML), p.site.BaseURL, p.site.Compiled)
	switch {
	case p.inputs != nil:
		if !p.inputs(h) {
			return sum, false
		}
	case p.Template == "fact" || p.Template == "entity":
		if err := json.NewEncoder(h).Encode(content()); err != nil {
			return sum, false
		}
	default:
		return sum, false
	}
	h.Sum(sum[:0])
	return sum, true
}

// put writes strings to h, each with its length, so that no two lists of
// strings write the same bytes.
func put(h hash.Hash, ss ...string) {
	var n [binary.MaxVarintLen64]byte
	for _, s := range ss {
		h.Write(n[:binary.PutUvarint(n[:], uint64(len(s)))])
		io.WriteString(h, s)
	}
}

// Content is the page's data: Data, or, for the pages that carry most of
// the site's bytes (a fact's citation pages, an entity's mentions, a
// source's text), the data laid out now. Render calls it as each page
// renders, on every core, so the rows of the whole site are never in
// memory at once.
func (p Page) Content() any {
	if p.lazy != nil {
		return p.lazy()
	}
	return p.Data
}

// Link is a root-relative link.
type Link struct {
	Href string
	Text string
	Note string // a short note shown beside it ("October 19 vs October 29")
}

// Source is an article as the site shows it.
type Source struct {
	ID, File, Title, Outlet, URL, ArchiveURL, Author, Published string
	PublishedText                                               string // Published in a reader's terms
	TitleDerived                                                bool
	Page                                                        string // "sources/<id>/index.html"
	Blocks                                                      []Block
	Markdown                                                    bool
	Claims                                                      int
	Facts                                                       []Link
	SharesWith                                                  []Link // sources with identical passages
}

// Block is a paragraph of a source page.
type Block struct {
	Kind      string // prose, heading, headline, chrome
	Why       string
	Sentences []Sentence
}

// Sentence is an anchored sentence cut into pieces, some of them links.
type Sentence struct {
	Anchor string
	Pieces []Piece
	Facts  []Link // facts this sentence is cited in
}

// Piece is a run of a sentence's text; Href is set for a claim or a name.
type Piece struct {
	Text  string
	Href  string
	Class string // "claim", "name"
	Title string
}

// Row is one line of a fact's citation table.
type Row struct {
	Source    Link
	Outlet    string
	Published string
	Says      string // the claim as written
	Value     string // normalised
	Display   string
	Authority string
	Scope     string
	Quote     string
	QuoteHref string // the sentence on the source page
	Original  string // text-fragment link into the original article
	Archive   string // the archived copy of the original (front matter archive_url)
	More      []Link // further sentences of the same source (entity pages)
	// Checked is the day the editor checked the claim against its article;
	// Failed, that the quote the editor relied on is no longer there.
	Checked string
	Failed  bool
}

// EditView is what the editor decided, as a page shows it beside what
// the machine had concluded.
type EditView struct {
	Verdict, Reason               string // the editor's verdict, in words, and reason
	MachineVerdict, MachineReason string
	MachineTitle, MachineKind     string
	Changes                       []string
	Note                          string // Markdown: rendered by render, safely
	At                            string // where the decisions are (file:line)
}

func editView(e *model.Edit) *EditView {
	if e == nil {
		return nil
	}
	return &EditView{Verdict: e.Status.Words(), Reason: e.Reason, MachineVerdict: e.MachineStatus.Words(), MachineReason: e.MachineReason,
		MachineTitle: e.MachineTitle, MachineKind: e.MachineKind, Changes: e.Changes, Note: e.Note, At: e.At}
}

// ValueGroup is one value of a fact (the most precise statement of it)
// and the sources behind it; AlsoAs lists vaguer statements of the same value.
type ValueGroup struct {
	Display string
	Value   string
	AlsoAs  []string
	Sources []Link // the first MaxListed sources
	More    int    // how many more sources state it
	Count   int    // how many sources state it: len(Sources) + More
}

// MaxValues is how many distinct values a fact page lists; MaxListed how
// many the contradictions page and the overview show per fact.
const MaxValues = 50

// MaxListed is how many sources a "stated by" list names before it says
// "and N more" (the fact's citation table lists them all).
const MaxListed = 12

// Fact is a fact page.
type Fact struct {
	ID, Title, Kind, Status, Verdict, Conflict string
	Page                                       string
	// Reason says why the fact has its verdict, sources named by outlet.
	Reason string
	// Parent is the updated figure a fact of conflicting reports belongs
	// to; Conflicts, on that figure, the fact of its conflicting reports.
	Parent, Conflicts    *Link
	Possible, Precision  bool
	Values               []ValueGroup
	TopValues            []ValueGroup // the first MaxListed values, for summaries
	MoreValues           int          // values beyond MaxValues, counted only
	ValueCount           int          // how many values in all
	Latest               *model.Step  // an updated figure's latest dated report
	Vague                ValueGroup   // statements that fit several values
	Internal             []Link
	MoreInternal         int
	Sequence             []model.Step
	SequenceLinks        []Link
	Sources, Independent int
	Entity               *Link
	Editor               *EditView
	nRows                int
	rows                 func(lo, hi int) []Row // the citation table, laid out a page at a time
	rowInputs            func(h hash.Hash, lo, hi int)
}

// Entity is an entity page.
type Entity struct {
	ID, Name, Kind, KindLabel string
	Page                      string
	Aliases                   []Alias
	Facts                     []Link
	Editor                    *EditView
	nRows                     int
	rows                      func(lo, hi int) []Row // one per source naming it, laid out a page at a time
}

// Alias is a spelling and the sources that use it.
type Alias struct {
	Text    string
	Sources []Link // the first MaxListed
	More    int
}

// readableStamp shows a publication stamp in a reader's terms: "August 3,
// 2014, 21:02 (UTC+06:00)", a plain date as "August 3, 2014", none as
// "undated".
func readableStamp(p string) string {
	if p == "" {
		return "undated"
	}
	if t, err := time.Parse("2006-01-02", p); err == nil {
		return t.Format("January 2, 2006")
	}
	t, err := time.Parse(time.RFC3339, p)
	if err != nil {
		return p
	}
	_, off := t.Zone()
	zone := "UTC"
	if off != 0 {
		zone = t.Format("UTC-07:00")
	}
	return t.Format("January 2, 2006, 15:04") + " (" + zone + ")"
}

// publishedText is a publication stamp in a reader's terms, "" when none.
func publishedText(p string) string {
	if p == "" {
		return ""
	}
	return readableStamp(p)
}

// maxSourceTitle is how long a source's title may be where it names the
// source (links, citation rows); the source's page shows it whole.
const maxSourceTitle = 64

// sourceName is how a source is named in links: its outlet, else its web
// site's host, then a short title ("The Riverton Courier: Warehouse fire
// kills 12 in Riverton").
func sourceName(a *model.Article, d *model.Doc) string {
	who := a.Meta.Outlet
	if who == "" && a.Meta.URL != "" {
		if u, err := url.Parse(a.Meta.URL); err == nil {
			who = strings.TrimPrefix(u.Hostname(), "www.")
		}
	}
	t := model.Shorten(d.Title, maxSourceTitle)
	if who == "" {
		return t
	}
	return who + ": " + t
}

// latest is the last dated report of an update sequence (nil when none).
func latest(steps []model.Step) *model.Step {
	for i := len(steps) - 1; i >= 0; i-- {
		if steps[i].Published != "" {
			st := steps[i]
			st.Published = readableStamp(st.Published)
			return &st
		}
	}
	return nil
}

// thin keeps at most n steps of an update sequence: the first report, the
// last, and every report where the figure changed, evenly thinned.
func thin(steps []model.Step, n int) []model.Step {
	var changed []model.Step
	for i, st := range steps {
		if i == 0 || i == len(steps)-1 || st.Value != steps[i-1].Value {
			changed = append(changed, st)
		}
	}
	if len(changed) <= n {
		return changed
	}
	out := make([]model.Step, 0, n)
	for i := 0; i < n; i++ {
		out = append(out, changed[i*(len(changed)-1)/(n-1)])
	}
	return out
}

// TimelineRow is one dated event.
type TimelineRow struct {
	Date, Display, Label, Status string
	Fact                         *Link
	Sources                      []Link
	Quotes                       []Row
	MoreQuotes                   int
	MoreSources                  int
}

// Group is a titled list of facts (the contradictions page's sections).
type Group struct {
	Title string
	Facts []*Fact
}

// Site is every page's data.
type Site struct {
	Title         string
	Description   string
	MainEvent     string
	DateRange     string
	Sources       []*Source
	Facts         []*Fact
	KeyFacts      []*Fact
	Entities      []*Entity
	EntityGroups  []EntityGroup
	Timeline      []TimelineRow
	Disputes      []Group // by kind: dates, times, places, numbers, names
	Internal      []*Fact
	Updates       []*Fact
	Precision     []*Fact
	Possibly      []*Fact // possibly conflicting: shown apart, never counted as disputes
	NotComparable []*Fact // values that measure different things
	Spellings     []*Entity
	Overlaps      []OverlapRow
	Pages         []Page
	Moved         []*Moved
	Editor        *EditView  // the editor's note and decisions on the dossier
	CurrentTo     *CurrentTo // the latest report the dossier holds
	Chart         *Chart     // the visual timeline (nil: no event has a year and month)
	Matrix        []Matrix   // the source × fact matrix, a page per MatrixPerPage sources
	factDay       map[string]string
	sourceByPage  map[string]*Source
	NotesHTML     bool   // see Config
	BaseURL       string // see Config
	Compiled      string // see Config
	ArticleCount  int
	DisputedCount int
	PossibleCount int
	led           *model.Ledger
	arts          map[string]*model.Article
	links         claimLinks
}

// EntityGroup lists the entities of one kind.
type EntityGroup struct {
	Title    string
	Entities []*Entity
}

// OverlapRow says two sources share wire copy.
type OverlapRow struct {
	A, B   Link
	Shared int
}

// Input is what Build needs.
type Input struct {
	Articles []*model.Article
	Docs     []*model.Doc
	Ledger   *model.Ledger
	Retired  []registry.Retired // fact addresses published before that are no longer facts
	Config   Config
}

// Moved is the page kept at a retired fact address.
type Moved struct {
	Slug     string
	Redirect string // the one fact it became, when there is one
	Targets  []Link
}

// SourcePage is the page path of a source.
func SourcePage(id string) string { return "sources/" + id + "/index.html" }

// FactPage is the page path of a fact.
func FactPage(id string) string { return "facts/" + id + "/index.html" }

// EntityPage is the page path of an entity.
func EntityPage(id string) string { return "entities/" + id + "/index.html" }

func dirURL(page string) string { return strings.TrimSuffix(page, "index.html") }

// Build lays out the site.
func Build(in Input) *Site {
	led := in.Ledger
	s := &Site{MainEvent: led.MainEvent, ArticleCount: len(in.Articles)}
	arts := map[string]*model.Article{}
	docs := map[string]*model.Doc{}
	for i, a := range in.Articles {
		arts[a.ID] = a
		docs[a.ID] = in.Docs[i]
	}
	// a source's link, made once and shared by every row that cites it
	srcLinks := make(map[string]Link, len(in.Articles))
	for i, a := range in.Articles {
		srcLinks[a.ID] = Link{Href: SourcePage(a.ID), Text: sourceName(a, in.Docs[i])}
	}
	srcLink := func(id string) Link { return srcLinks[id] }
	entityName := map[string]string{}
	for _, e := range led.Entities {
		entityName[e.ID] = e.Name
	}

	// which facts cite each claim and which entity it names, built beside
	// the fact and entity pages; looked up by the claim's address, as the
	// ledger's facts point at the very claims the source pages lay out
	linked := make(chan claimLinks)
	go func() {
		lk := claimLinks{facts: map[*model.Claim][]Link{}, entity: map[*model.Claim]Link{}}
		for _, f := range led.Facts {
			l := Link{Href: FactPage(f.ID), Text: f.Title} // one copy of the strings for all its claims
			for _, c := range f.Claims {
				lk.facts[c.Claim] = appendOnce(lk.facts[c.Claim], l)
			}
		}
		entityLink := map[string]Link{}
		for _, e := range led.Entities {
			entityLink[e.ID] = Link{Href: EntityPage(e.ID), Text: e.Name}
		}
		for art, cs := range led.Claims {
			for i := range cs {
				if cs[i].Kind != model.KindName {
					continue // only names are grouped into entities
				}
				if id := led.EntityOf[model.MentionKey(art, cs[i].Span)]; id != "" {
					lk.entity[&cs[i]] = entityLink[id]
				}
			}
		}
		linked <- lk
	}()

	// facts
	factByID := map[string]*Fact{}
	for _, f := range led.Facts {
		sf := &Fact{ID: f.ID, Title: f.Title, Kind: f.Kind, Status: string(f.Status), Conflict: f.Conflict,
			Page: FactPage(f.ID), Possible: f.Status == model.PossiblyConflicting, Precision: f.Precision, Sources: len(f.Sources), Independent: f.Independent,
			Sequence: f.Sequence}
		sf.Verdict = verdict(f)
		if sf.Editor = editView(f.Editor); sf.Editor != nil && sf.Editor.Verdict != "" {
			sf.Verdict = strings.ToUpper(sf.Editor.Verdict[:1]) + sf.Editor.Verdict[1:] + ", the editor's verdict"
		}
		sf.Reason = readableReason(f.Reason, func(id string) (string, bool) {
			a, ok := arts[id]
			if !ok {
				return "", false
			}
			return shortSourceName(a.Meta.Outlet, a.Meta.URL, srcLinks[id].Text), true
		})
		display := func(c model.FactClaim) string {
			if c.Entity != "" {
				return entityName[c.Entity]
			}
			return c.Display
		}
		claims := f.Claims
		sf.nRows = len(claims)
		sf.rows = func(lo, hi int) []Row {
			rows := make([]Row, 0, hi-lo)
			for _, c := range claims[lo:hi] {
				a := arts[c.Article]
				row := Row{Source: srcLink(c.Article), Outlet: a.Meta.Outlet, Published: publishedText(a.Meta.Published), Says: c.Text,
					Value: c.Value, Display: display(c), Authority: c.Authority, Scope: c.Scope,
					Quote: quoteOf(a, c.Sentence), QuoteHref: srcLinks[c.Article].Href + "#" + c.Anchor}
				if a.Meta.URL != "" {
					row.Original = TextFragment(a.Meta.URL, row.Quote)
				}
				if v := c.Verified; v != nil {
					row.Checked, row.Failed = v.Checked, v.Failed
				}
				row.Archive = a.Meta.ArchiveURL
				if c.Date != nil && c.Date.Year == 0 && c.Date.Month != 0 {
					row.Display += ", year not given"
				}
				rows = append(rows, row)
			}
			return rows
		}
		// what rows(lo, hi) reads, for the page's fingerprint: keep in step
		sf.rowInputs = func(h hash.Hash, lo, hi int) {
			for _, c := range claims[lo:hi] {
				a := arts[c.Article]
				put(h, c.Article, srcLinks[c.Article].Text, a.Meta.Outlet, a.Meta.Published, a.Meta.URL, a.Meta.ArchiveURL, c.Text,
					c.Value, display(c), c.Authority, c.Scope, a.Text(c.Sentence), c.Anchor)
				if v := c.Verified; v != nil {
					put(h, v.Checked, strconv.FormatBool(v.Failed))
				}
			}
		}
		group := func(shown, value string, idx []int) ValueGroup {
			g := ValueGroup{Display: shown, Value: value}
			seen := map[string]bool{}
			for _, i := range idx {
				c := f.Claims[i]
				if d := display(c); d != shown && !seen["as:"+d] {
					seen["as:"+d] = true
					g.AlsoAs = append(g.AlsoAs, d)
				}
				if !seen[c.Article] {
					seen[c.Article] = true
					if len(g.Sources) < MaxListed {
						g.Sources = append(g.Sources, srcLink(c.Article))
					} else {
						g.More++
					}
				}
			}
			g.Count = len(g.Sources) + g.More
			return g
		}
		for _, g := range f.Groups {
			shown := g.Display
			if f.Kind == "place" && g.Value != "" {
				shown = g.Value // the place's entity name (align)
			}
			sf.Values = append(sf.Values, group(shown, g.Value, g.Claims))
		}
		// the best-supported values first; a long tail is counted, not listed
		sort.SliceStable(sf.Values, func(i, j int) bool { return sf.Values[i].Count > sf.Values[j].Count })
		sf.ValueCount = len(sf.Values)
		if len(sf.Values) > MaxValues {
			sf.MoreValues = len(sf.Values) - MaxValues
			sf.Values = sf.Values[:MaxValues]
		}
		sf.TopValues = sf.Values
		if len(sf.TopValues) > MaxListed {
			sf.TopValues = sf.TopValues[:MaxListed]
		}
		if len(f.Vague) > 0 {
			sf.Vague = group("", "", f.Vague)
		}
		for _, id := range f.Internal {
			if len(sf.Internal) == MaxListed {
				sf.MoreInternal = len(f.Internal) - MaxListed
				break
			}
			l := srcLink(id)
			if c := f.InternalConflict[id]; c != "" {
				l.Note = c
			}
			sf.Internal = append(sf.Internal, l)
		}
		sf.Latest = latest(f.Sequence)
		sf.Sequence = thin(f.Sequence, MaxValues)
		for i := range sf.Sequence {
			sf.Sequence[i].Published = readableStamp(sf.Sequence[i].Published)
		}
		for _, st := range sf.Sequence {
			sf.SequenceLinks = append(sf.SequenceLinks, srcLink(st.Article))
		}
		if f.Kind == "place" && len(f.Claims) > 0 && f.Status != model.Disputed {
			id := f.Claims[0].Entity
			sf.Entity = &Link{Href: EntityPage(id), Text: entityName[id]}
		}
		s.Facts = append(s.Facts, sf)
		factByID[f.ID] = sf
		switch {
		case f.Status == model.PossiblyConflicting:
			s.PossibleCount++
		case f.Status == model.Disputed:
			s.DisputedCount++
		}
		if len(f.Sources) > 1 || f.Subject == led.MainEvent {
			s.KeyFacts = append(s.KeyFacts, sf)
		}
		if len(f.Internal) > 0 {
			s.Internal = append(s.Internal, sf)
		}
		switch f.Status {
		case model.Updated:
			s.Updates = append(s.Updates, sf)
		case model.PossiblyConflicting:
			s.Possibly = append(s.Possibly, sf)
		case model.NotComparable:
			s.NotComparable = append(s.NotComparable, sf)
		}
		if f.Precision {
			s.Precision = append(s.Precision, sf)
		}
	}
	for _, f := range led.Facts {
		sf := factByID[f.ID]
		if p := factByID[f.Parent]; p != nil {
			sf.Parent = &Link{Href: p.Page, Text: p.Title}
		}
		if c := factByID[f.Conflicts]; c != nil {
			sf.Conflicts = &Link{Href: c.Page, Text: c.Title}
		}
	}
	// contradictions by kind
	kinds := []struct{ kind, title string }{{"date", "Dates"}, {"time", "Times"}, {"place", "Places"}, {"quantity", "Numbers"}, {"name", "Names"}}
	for _, k := range kinds {
		g := Group{Title: k.title}
		for _, f := range s.Facts {
			if f.Kind == k.kind && f.Status == string(model.Disputed) {
				g.Facts = append(g.Facts, f)
			}
		}
		s.Disputes = append(s.Disputes, g)
	}

	// entities
	entityFacts := map[string][]Link{}
	for _, f := range led.Facts {
		l := Link{Href: FactPage(f.ID), Text: f.Title}
		for _, c := range f.Claims {
			if c.Entity != "" {
				if ls := entityFacts[c.Entity]; len(ls) == 0 || ls[len(ls)-1] != l {
					entityFacts[c.Entity] = append(ls, l)
				}
			}
		}
	}
	byKind := map[model.EntityKind]*EntityGroup{
		model.Person: {Title: "People"}, model.Place: {Title: "Places"}, model.Org: {Title: "Organisations"},
	}
	for _, e := range led.Entities {
		se := &Entity{ID: e.ID, Name: e.Name, Kind: string(e.Kind), KindLabel: kindLabel(e.Kind), Page: EntityPage(e.ID), Facts: entityFacts[e.ID], Editor: editView(e.Editor)}
		for _, al := range e.Aliases {
			sa := Alias{Text: al.Text, More: max(0, len(al.Sources)-MaxListed)}
			for _, src := range al.Sources[:min(len(al.Sources), MaxListed)] {
				sa.Sources = append(sa.Sources, srcLink(src))
			}
			se.Aliases = append(se.Aliases, sa)
		}
		// one row per source: the spellings it uses, its first sentence
		// naming the entity, and links to every other such sentence; the
		// rows are grouped here and laid out a page at a time (see Page)
		type group struct {
			first int
			more  []int // further mentions of the same source, in other sentences
		}
		var groups []group
		rowOf := map[string]int{}
		seen := map[[2]string]bool{}
		for mi, m := range e.Mentions {
			k := [2]string{m.Article, m.Anchor}
			if seen[k] {
				continue
			}
			seen[k] = true
			if i, ok := rowOf[m.Article]; ok {
				groups[i].more = append(groups[i].more, mi)
				continue
			}
			rowOf[m.Article] = len(groups)
			groups = append(groups, group{first: mi})
		}
		mentions := e.Mentions
		se.nRows = len(groups)
		se.rows = func(lo, hi int) []Row {
			rows := make([]Row, 0, hi-lo)
			for _, g := range groups[lo:hi] {
				m := mentions[g.first]
				a, d := arts[m.Article], docs[m.Article]
				row := Row{Source: srcLink(m.Article), Says: aliasText(m.Text)}
				if st := sentenceOf(d, m.Span); len(st) > 0 {
					row.Quote = model.Shorten(a.Text(st[0].Span), 240)
					row.QuoteHref = srcLinks[m.Article].Href + "#" + st[0].Anchor
				}
				for _, mi := range g.more {
					m := mentions[mi]
					if sp := aliasText(m.Text); !strings.Contains(row.Says+" / ", sp+" / ") {
						row.Says += " / " + sp
					}
					if st := sentenceOf(d, m.Span); len(st) > 0 {
						row.More = append(row.More, Link{Href: srcLinks[m.Article].Href + "#" + st[0].Anchor, Text: strconv.Itoa(len(row.More) + 2)})
					}
				}
				rows = append(rows, row)
			}
			return rows
		}
		s.Entities = append(s.Entities, se)
		if g := byKind[e.Kind]; g != nil {
			g.Entities = append(g.Entities, se)
		}
		if distinctSpellings(e.Aliases) > 1 {
			s.Spellings = append(s.Spellings, se)
		}
	}
	for _, k := range []model.EntityKind{model.Person, model.Place, model.Org} {
		s.EntityGroups = append(s.EntityGroups, *byKind[k])
	}

	// sources
	chrome := map[string]map[int]bool{}
	for id, idx := range led.Chrome {
		chrome[id] = map[int]bool{}
		for _, i := range idx {
			chrome[id][i] = true
		}
	}
	s.links = <-linked
	s.Sources = make([]*Source, len(in.Articles))
	par.For(len(in.Articles), func(i int) {
		a := in.Articles[i]
		s.Sources[i] = sourcePage(a, in.Docs[i], led.Claims[a.ID], chrome[a.ID], s.links.look, false)
	})
	srcByID := map[string]*Source{}
	for _, src := range s.Sources {
		srcByID[src.ID] = src
	}
	for _, o := range led.Overlaps {
		s.Overlaps = append(s.Overlaps, OverlapRow{A: srcLink(o.A), B: srcLink(o.B), Shared: o.Shared})
		srcByID[o.A].SharesWith = append(srcByID[o.A].SharesWith, srcLink(o.B))
		srcByID[o.B].SharesWith = append(srcByID[o.B].SharesWith, srcLink(o.A))
	}

	// timeline
	for _, e := range led.Timeline {
		row := TimelineRow{Date: e.Date.Norm(), Display: e.Date.Display(), Label: e.Label, Status: string(e.Status)}
		if e.Fact != "" {
			row.Fact = &Link{Href: FactPage(e.Fact), Text: factByID[e.Fact].Title}
		}
		for _, id := range e.Sources {
			if len(row.Sources) == MaxListed {
				row.MoreSources = len(e.Sources) - MaxListed
				break
			}
			row.Sources = append(row.Sources, srcLink(id))
		}
		for _, c := range e.Claims {
			if len(row.Quotes) == MaxListed {
				row.MoreQuotes = len(e.Claims) - MaxListed
				break
			}
			a := arts[c.Article]
			row.Quotes = append(row.Quotes, Row{Source: srcLink(c.Article), Says: c.Text,
				Quote: quoteOf(a, c.Sentence), QuoteHref: SourcePage(c.Article) + "#" + c.Anchor})
		}
		s.Timeline = append(s.Timeline, row)
	}

	for _, r := range in.Retired {
		m := &Moved{Slug: r.Slug}
		for _, id := range r.Targets {
			if f := factByID[id]; f != nil {
				m.Targets = append(m.Targets, Link{Href: f.Page, Text: f.Title})
			}
		}
		if len(m.Targets) == 1 {
			m.Redirect = m.Targets[0].Href
		}
		s.Moved = append(s.Moved, m)
	}

	s.Title, s.Description, s.NotesHTML, s.BaseURL, s.Compiled = in.Config.Title, in.Config.Description, in.Config.NotesHTML, in.Config.BaseURL, in.Config.Compiled
	s.Editor = editView(led.Editor)
	if s.Title == "" {
		s.Title = deriveTitle(led, entityName)
	}
	s.DateRange = dateRange(in.Articles, led)
	s.led, s.arts = led, arts
	s.Chart = buildChart(s, led)
	s.Matrix = buildMatrix(s, led, srcLinks)
	s.CurrentTo = currentTo(in.Articles, srcLinks)
	s.factDay = map[string]string{}
	for _, f := range led.Facts {
		for _, id := range f.Sources {
			if a := arts[id]; a != nil && a.Meta.Published > s.factDay[f.ID] {
				s.factDay[f.ID] = a.Meta.Published
			}
		}
	}
	s.sourceByPage = map[string]*Source{}
	for _, src := range s.Sources {
		s.sourceByPage[src.Page] = src
	}
	s.Pages = pages(s, func(i int) (func() any, func(hash.Hash) bool) {
		a, d, eager := in.Articles[i], in.Docs[i], s.Sources[i]
		text := func() any {
			src := sourcePage(a, d, led.Claims[a.ID], chrome[a.ID], s.links.look, true)
			src.SharesWith = eager.SharesWith
			return src
		}
		inputs := func(h hash.Hash) bool {
			put(h, a.ID, a.File, a.Format, a.Str())
			for _, bi := range led.Chrome[a.ID] {
				put(h, "chrome", strconv.Itoa(bi))
			}
			cs := led.Claims[a.ID]
			for k := range cs {
				fl, el, named := s.links.look(&cs[k])
				put(h, "claim", strconv.Itoa(len(fl)))
				for _, l := range fl {
					put(h, l.Href, l.Text)
				}
				if named {
					put(h, "entity", el.Href, el.Text)
				}
			}
			for _, l := range eager.SharesWith {
				put(h, "shares", l.Href, l.Text)
			}
			return true
		}
		return text, inputs
	})
	return s
}

// claimLinks says which facts cite a claim and which entity it names, by
// the claim's address in the ledger.
type claimLinks struct {
	facts  map[*model.Claim][]Link
	entity map[*model.Claim]Link
}

func (lk claimLinks) look(c *model.Claim) ([]Link, Link, bool) {
	e, ok := lk.entity[c]
	return lk.facts[c], e, ok
}

// Index links claims to the pages that cite them, by claim identity
// (article, sentence anchor, text as written), which survives edits
// elsewhere in the article: the watch loop's fast path lays out an edited
// article, whose claims are new, against the previous build's index of
// that article.
type Index struct {
	Facts    map[ClaimKey][]Link // the facts citing a claim
	Entities map[ClaimKey]Link   // the entity a claim names
}

func (idx *Index) look(c *model.Claim) ([]Link, Link, bool) {
	id := ClaimID(c)
	e, ok := idx.Entities[id]
	return idx.Facts[id], e, ok
}

// articleIndex is the Index of one article's claims in this build.
func (s *Site) articleIndex(id string) *Index {
	idx := &Index{Facts: map[ClaimKey][]Link{}, Entities: map[ClaimKey]Link{}}
	cs := s.led.Claims[id]
	for i := range cs {
		fl, el, named := s.links.look(&cs[i])
		k := ClaimID(&cs[i])
		for _, l := range fl {
			idx.Facts[k] = appendOnce(idx.Facts[k], l)
		}
		if named {
			idx.Entities[k] = el
		}
	}
	return idx
}

// ClaimKey identifies a claim for Index: its article, sentence anchor and
// text as written.
type ClaimKey struct{ Article, Anchor, Text string }

// ClaimID is a claim's key in Index.
func ClaimID(c *model.Claim) ClaimKey { return ClaimKey{c.Article, c.Anchor, c.Text} }

// sourcePage lays out one article: every sentence anchored, claims linked
// to their facts and names to their entities. Without text, only what the
// other pages show of a source is laid out (its details and the facts it is
// cited for); its blocks are left empty.
func sourcePage(a *model.Article, d *model.Doc, claims []model.Claim, chrome map[int]bool, look func(*model.Claim) ([]Link, Link, bool), text bool) *Source {
	src := &Source{ID: a.ID, File: a.File, Title: d.Title, TitleDerived: d.TitleDerived, Outlet: a.Meta.Outlet,
		URL: a.Meta.URL, ArchiveURL: a.Meta.ArchiveURL, Author: a.Meta.Author, Published: a.Meta.Published, PublishedText: publishedText(a.Meta.Published),
		Page: SourcePage(a.ID), Markdown: a.Format == "md", Claims: len(claims)}
	factSeen := map[string]bool{}
	inSentence := claimsBySentence(d, claims)
	si := -1
	for bi, b := range d.Blocks {
		kind, why := string(b.Kind), b.Why
		if chrome[bi] {
			kind, why = string(model.Chrome), "repeated across sources"
		}
		sb := Block{Kind: kind, Why: why}
		for _, st := range b.Sentences {
			si++
			sent := Sentence{Anchor: st.Anchor}
			var marks []mark
			for _, k := range inSentence[si] {
				c := &claims[k]
				fl, el, named := look(c)
				if len(fl) > 0 {
					marks = append(marks, mark{c.Span, fl[0].Href, "claim", fl[0].Text})
					for _, l := range fl {
						if !factSeen[l.Href] {
							factSeen[l.Href] = true
							src.Facts = append(src.Facts, l)
						}
						sent.Facts = appendOnce(sent.Facts, l)
					}
				} else if named && text {
					marks = append(marks, mark{c.Span, el.Href, "name", el.Text})
				}
			}
			if text {
				sent.Pieces = pieces(a, st.Span, marks)
				sb.Sentences = append(sb.Sentences, sent)
			}
		}
		if text {
			src.Blocks = append(src.Blocks, sb)
		}
	}
	return src
}

// claimsBySentence lists, for each sentence of d in document order, the
// indexes of the claims it contains, in the claims' order: a binary search
// per claim rather than a scan of every claim per sentence.
func claimsBySentence(d *model.Doc, claims []model.Claim) [][]int {
	var spans []model.Span
	for _, b := range d.Blocks {
		for _, st := range b.Sentences {
			spans = append(spans, st.Span)
		}
	}
	out := make([][]int, len(spans))
	ordered := true
	for i := 1; i < len(spans); i++ {
		if spans[i-1].End > spans[i].Start {
			ordered = false
		}
	}
	for k, c := range claims {
		if !ordered { // sentences out of order or overlapping: check each
			for i, sp := range spans {
				if sp.Contains(c.Span) {
					out[i] = append(out[i], k)
				}
			}
			continue
		}
		// the last sentence starting at or before the claim
		i := sort.Search(len(spans), func(i int) bool { return spans[i].Start > c.Span.Start }) - 1
		if i >= 0 && spans[i].Contains(c.Span) {
			out[i] = append(out[i], k)
		}
	}
	return out
}

// SourceOnly lays out the page of one edited article against the previous
// build's site, for the watch loop's fast path: its unchanged claims link
// where they did; the full rebuild that follows makes every page consistent.
func SourceOnly(prev *Site, a *model.Article, d *model.Doc, claims []model.Claim) (Page, bool) {
	for _, old := range prev.Sources {
		if old.ID != a.ID {
			continue
		}
		src := sourcePage(a, d, claims, nil, prev.articleIndex(a.ID).look, true)
		src.SharesWith = old.SharesWith
		return page(src.Page, "source", src.Title, src), true
	}
	return Page{}, false
}

type mark struct {
	span        model.Span
	href, class string
	title       string
}

// pieces cuts a sentence into plain runs and linked runs.
func pieces(a *model.Article, sp model.Span, marks []mark) []Piece {
	sort.SliceStable(marks, func(i, j int) bool { return marks[i].span.Start < marks[j].span.Start })
	var out []Piece
	pos := sp.Start
	for _, m := range marks {
		if m.span.Start < pos {
			continue // overlapping mentions: the first wins
		}
		if m.span.Start > pos {
			out = append(out, Piece{Text: a.Text(model.Span{Start: pos, End: m.span.Start})})
		}
		out = append(out, Piece{Text: a.Text(m.span), Href: m.href, Class: m.class, Title: m.title})
		pos = m.span.End
	}
	if pos < sp.End {
		out = append(out, Piece{Text: a.Text(model.Span{Start: pos, End: sp.End})})
	}
	return out
}

// appendOnce appends x to xs unless xs holds it already.
func appendOnce[T comparable](xs []T, x T) []T {
	if slices.Contains(xs, x) {
		return xs
	}
	return append(xs, x)
}

// sentenceOf is the sentence holding sp, found by binary search: blocks
// and their sentences are in the order of the text and do not overlap
// (segment's contract), and a long article has thousands of mentions.
func sentenceOf(d *model.Doc, sp model.Span) []model.Sentence {
	bs := d.Blocks
	i := sort.Search(len(bs), func(i int) bool { return bs[i].Span.End >= sp.End })
	for ; i < len(bs) && bs[i].Span.Start <= sp.Start; i++ {
		ss := bs[i].Sentences
		j := sort.Search(len(ss), func(j int) bool { return ss[j].Span.End >= sp.End })
		if j < len(ss) && ss[j].Span.Contains(sp) {
			return ss[j : j+1 : j+1]
		}
	}
	return nil
}

// aliasText is a mention as written without a possessive, and with a
// sentence-initial capital on a particle undone ("Al-Masoud's" → "al-Masoud").
func aliasText(s string) string {
	for _, suf := range []string{"’s", "'s", "’", "'"} {
		s = strings.TrimSuffix(s, suf)
	}
	for _, p := range []string{"Al-", "Al ", "El-", "El "} {
		if strings.HasPrefix(s, p) {
			return strings.ToLower(p[:1]) + s[1:]
		}
	}
	return s
}

func distinctSpellings(al []model.Alias) int {
	seen := map[string]bool{}
	for _, a := range al {
		seen[textutil.Fold(a.Text)] = true
	}
	return len(seen)
}

func kindLabel(k model.EntityKind) string {
	switch k {
	case model.Person:
		return "Person"
	case model.Place:
		return "Place"
	case model.Org:
		return "Organisation"
	}
	return string(k)
}

// verdict is a fact's status in plain words.
func verdict(f model.Fact) string {
	n := len(f.Sources)
	indep := ""
	if f.Independent < n {
		indep = fmt.Sprintf(" (%d independent)", f.Independent)
	}
	switch f.Status {
	case model.Agreed:
		v := fmt.Sprintf("Agreed: %d sources%s say the same", n, indep)
		if f.Precision {
			v += ", some more precisely than others"
		}
		return v
	case model.Disputed:
		return "Disputed: " + f.Conflict
	case model.PossiblyConflicting:
		return "Possibly conflicting: " + f.Conflict
	case model.NotComparable:
		return "Not comparable: " + f.Reason
	case model.Updated:
		return fmt.Sprintf("Updated: the figure changed over %d reports", len(f.Sequence))
	default:
		return "Single source: only one source states this"
	}
}

// deriveTitle names the dossier after its main event and where it
// happened (see align: the agreed place, else the most-named one).
func deriveTitle(led *model.Ledger, entityName map[string]string) string {
	t := "The " + led.MainEvent
	if led.Where != "" {
		t += " in " + entityName[led.Where]
	}
	return strings.ToUpper(t[:1]) + t[1:]
}

func dateRange(arts []*model.Article, led *model.Ledger) string {
	var ds []string
	for _, a := range arts {
		if a.Meta.Published != "" {
			ds = append(ds, a.Meta.Published[:10])
		}
	}
	if len(ds) > 0 {
		sort.Strings(ds)
		if ds[0] == ds[len(ds)-1] {
			return "published " + readableStamp(ds[0])
		}
		return "published " + readableStamp(ds[0]) + " to " + readableStamp(ds[len(ds)-1])
	}
	var dated []model.TimelineEntry
	for _, e := range led.Timeline {
		if e.Date.Year != 0 {
			dated = append(dated, e)
		}
	}
	if len(dated) == 0 {
		return ""
	}
	first, last := dated[0].Date.Display(), dated[len(dated)-1].Date.Display()
	if first == last {
		return "events of " + first
	}
	return "events from " + first + " to " + last
}

// TextFragment links to a sentence inside the original article with a
// text fragment (#:~:text=start,end): the whole sentence, or its first and
// last five words when it is longer than ten. Words are escaped as
// url.PathEscape does, and "-", "," and "&", which the directive reserves,
// are escaped too (FuzzTextFragment holds it to that definition).
func TextFragment(base, sentence string) string {
	if i := strings.Index(base, "#"); i >= 0 {
		base = base[:i]
	}
	b := make([]byte, 0, len(base)+len(":~:text=")+len(sentence)*3/2)
	b = appendURLEscaped(b, base)
	b = append(b, "#:~:text="...)
	// the words' bounds, for the first five and the last five
	type word struct{ lo, hi int }
	var ws []word
	for i := 0; i < len(sentence); {
		r, size := utf8.DecodeRuneInString(sentence[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		lo := i
		for i < len(sentence) {
			r, size := utf8.DecodeRuneInString(sentence[i:])
			if unicode.IsSpace(r) {
				break
			}
			i += size
		}
		ws = append(ws, word{lo, i})
	}
	words := func(ws []word) {
		for k, w := range ws {
			if k > 0 {
				b = append(b, "%20"...)
			}
			b = appendFragmentEscaped(b, sentence[w.lo:w.hi])
		}
	}
	if len(ws) > 10 {
		words(ws[:5])
		b = append(b, ',')
		words(ws[len(ws)-5:])
	} else {
		words(ws)
	}
	return string(b)
}

// appendURLEscaped appends u with every byte a URL may not hold as it is
// (space, quotes, angle brackets, control and non-ASCII bytes…)
// percent-encoded, as a browser sends it; a "%" stays, as it may already
// start an escape.
func appendURLEscaped(b []byte, u string) []byte {
	const hex = "0123456789ABCDEF"
	for i := 0; i < len(u); i++ {
		c := u[i]
		if c <= ' ' || c >= 0x7f || strings.IndexByte("\"<>\\^`{|}", c) >= 0 {
			b = append(b, '%', hex[c>>4], hex[c&15])
		} else {
			b = append(b, c)
		}
	}
	return b
}

// quoteOf is a sentence as a reader sees it: in one line, and, in a
// Markdown article, without the Markdown marks (segment.PlainText).
func quoteOf(a *model.Article, s model.Span) string {
	q := textutil.SquashSpace(a.Text(s))
	if a.Format == "md" {
		q = segment.PlainText(q)
	}
	return q
}

// appendFragmentEscaped escapes s as url.PathEscape does, and "-" and "&"
// besides (PathEscape already escapes ",").
func appendFragmentEscaped(b []byte, s string) []byte {
	const hex = "0123456789ABCDEF"
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			c == '_', c == '.', c == '~', c == '$', c == '+', c == ':', c == '=', c == '@':
			b = append(b, c)
		default:
			b = append(b, '%', hex[c>>4], hex[c&15])
		}
	}
	return b
}

// shortSourceName is how a reason names a source: its outlet, else its
// web site's host, else the first words of its title.
func shortSourceName(outlet, rawURL, title string) string {
	if outlet != "" {
		return outlet
	}
	if u, err := url.Parse(rawURL); err == nil && u.Host != "" {
		return strings.TrimPrefix(u.Host, "www.")
	}
	words := strings.Fields(strings.TrimSuffix(title, "…"))
	if len(words) > 6 {
		return strings.Join(words[:6], " ") + "…"
	}
	return strings.Join(words, " ")
}

// readableReason names the sources a verdict's reason cites by the name a
// reader knows (name gives it for an article id): the reason lists article
// ids inside parentheses, between "; " and ", " ("6.1 (01, 05; U.S.
// Geological Survey)").
func readableReason(reason string, name func(id string) (string, bool)) string {
	var b strings.Builder
	for {
		open := strings.IndexByte(reason, '(')
		if open < 0 {
			b.WriteString(reason)
			return b.String()
		}
		end := strings.IndexByte(reason[open:], ')')
		if end < 0 {
			b.WriteString(reason)
			return b.String()
		}
		end += open
		b.WriteString(reason[:open+1])
		parts := strings.Split(reason[open+1:end], "; ")
		for i, part := range parts {
			ids := strings.Split(part, ", ")
			for j, id := range ids {
				if n, ok := name(id); ok {
					ids[j] = n
				}
			}
			parts[i] = strings.Join(ids, ", ")
		}
		b.WriteString(strings.Join(parts, "; "))
		b.WriteByte(')')
		reason = reason[end+1:]
	}
}
