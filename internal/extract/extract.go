package extract

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"dossier/internal/lexicon"
	"dossier/internal/model"
	"dossier/internal/textutil"
)

// Sentence is what an extractor sees: one sentence, tokenised, in context.
type Sentence struct {
	Article   *model.Article
	Block     *model.Block
	Sentence  model.Sentence
	Toks      []textutil.Token
	Lower     []string            // folded token texts, index-aligned with Toks
	Published time.Time           // zero when the article does not say
	report    string              // "caption", "stamp": the sentence is report metadata (meta.go)
	story     int                 // the first token after a dateline that opens the sentence, else 0
	text      string              // the article's bytes as a string
	lowerSeen map[string]bool     // usesLower's answers, shared by the article's sentences
	runs      map[string]runFacts // runFacts' answers, shared by the article's sentences
	taken     []model.Span        // spans already claimed by earlier extractors
	facts     []*wordFacts        // each word token's facts (nil for others)
	// speakers are the sentence's sources (speakerCues), once read
	speakers     []speakerCue
	speakersRead bool
	// incidents are the sentence's incident nouns (incidentTokens), once read
	incidents     []int
	incidentsRead bool
	whole         struct { // whole's last answer
		k, j    int
		set, ok bool
		e       lexicon.Entry
	}
}

// usesLower reports whether the article uses the folded word w in lower
// case somewhere ("residents"), so a capitalised "Residents" at the start
// of a sentence is a common word, not a name.
func (s *Sentence) usesLower(w string) bool {
	if w == "" {
		return false
	}
	if seen, ok := s.lowerSeen[w]; ok {
		return seen
	}
	found := s.findLower(w)
	s.lowerSeen[w] = found
	return found
}

func (s *Sentence) findLower(w string) bool {
	text := s.text
	for {
		i := strings.Index(text, w)
		if i < 0 {
			return false
		}
		before := i == 0 || !isLetterByte(text[i-1])
		after := i+len(w) >= len(text) || !isLetterByte(text[i+len(w)])
		if before && after {
			return true
		}
		text = text[i+len(w):]
	}
}

func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80 }

// Taken reports whether token range [i, j) overlaps a span already claimed.
func (s *Sentence) Taken(i, j int) bool {
	a, b := s.Toks[i].Start, s.Toks[j-1].End
	for _, t := range s.taken {
		if a < t.End && t.Start < b {
			return true
		}
	}
	return false
}

// Claim builds a claim of kind k over tokens [i, j).
func (s *Sentence) Claim(k model.ClaimKind, i, j int) model.Claim {
	sp := model.Span{Start: s.Toks[i].Start, End: s.Toks[j-1].End}
	return model.Claim{
		Article: s.Article.ID, Kind: k, Span: sp, Sentence: s.Sentence.Span,
		Anchor: s.Sentence.Anchor, Text: s.text[sp.Start:sp.End],
	}
}

// Extractor finds one kind of claim in a sentence.
type Extractor interface {
	Name() string
	// Extract appends the claims it finds in s to out.
	Extract(s *Sentence, out []model.Claim) []model.Claim
}

// Extractors run in this order; the first to claim a token keeps it.
var Extractors = []Extractor{dates{}, times{}, quantities{}, names{}}

// Result is the output of Extract for one article.
type Result struct {
	Claims []model.Claim  `json:"claims"`
	Events map[string]int `json:"events"` // incident noun (canonical) → mentions
	// Failed are the sentences an extractor broke on (a bug, never the
	// input's fault): their claims are left out and the build reports each
	// one with its line, so one bad sentence never stops a build.
	Failed []Failure `json:"failed,omitempty"`
	// ReportDate is the day the article's dateline or a stamp gives for
	// the report (ISO), when it gives one.
	ReportDate string `json:"report_date,omitempty"`
}

// Failure is a sentence an extractor broke on, and why.
type Failure struct {
	Sentence model.Span `json:"sentence"`
	Err      string     `json:"error"`
}

// Extract runs every extractor over every non-chrome sentence of the article.
func Extract(a *model.Article, d *model.Doc) Result {
	res := Result{Events: map[string]int{}}
	pub := Published(a.Meta.Published)
	var sents []*Sentence
	text := a.Str() // sentences are views of the file
	lowerSeen, runs := map[string]bool{}, map[string]runFacts{}
	// one token buffer and one folded-word buffer for the whole article,
	// reused from article to article (see scratch)
	sc := scratches.Get().(*scratch)
	defer scratches.Put(sc)
	all, lows, facts := sc.toks[:0], sc.lows[:0], sc.facts[:0]
	if need := len(text)/5 + 16; cap(all) < need {
		all, lows, facts = make([]textutil.Token, 0, need), make([]string, 0, need), make([]*wordFacts, 0, need)
	}
	for bi := range d.Blocks {
		b := &d.Blocks[bi]
		if b.Kind == model.Chrome {
			continue
		}
		// a caption runs from the block's start to its credit line
		captionTo := -1
		if len(b.Sentences) > 0 && captionStem(text[b.Sentences[0].Span.Start:b.Sentences[len(b.Sentences)-1].Span.End]) {
			for si, st := range b.Sentences {
				if isCaption(text[st.Span.Start:st.Span.End]) {
					captionTo = si
				}
			}
		}
		for si, st := range b.Sentences {
			caption := si <= captionTo
			from := len(all)
			all = textutil.AppendTokens(all, text[st.Span.Start:st.Span.End], st.Span.Start)
			toks := all[from:len(all):len(all)]
			lows = slices.Grow(lows, len(toks))
			lows = lows[:len(lows)+len(toks)]
			low := lows[len(lows)-len(toks) : len(lows) : len(lows)]
			facts = slices.Grow(facts, len(toks))
			facts = facts[:len(facts)+len(toks)]
			fs := facts[len(facts)-len(toks) : len(facts) : len(facts)]
			for i, t := range toks {
				low[i] = t.Lower()
				if t.Kind != textutil.Word {
					continue
				}
				if len(low[i]) >= 4 && !t.Cap() {
					if fs[i] = factsOf(low[i]); fs[i].incident {
						res.Events[fs[i].noun]++
					}
				}
			}
			sn := &Sentence{Article: a, Block: b, Sentence: st, Toks: toks, Lower: low, Published: pub, text: text, lowerSeen: lowerSeen, runs: runs, facts: fs}
			switch {
			case caption:
				sn.report = "caption"
			case len(toks) > 0 && isStamp(sn):
				sn.report = "stamp"
			case si == 0:
				sn.story = datelineEnd(sn)
			}
			sents = append(sents, sn)
		}
	}
	res.Claims = sc.claims[:0]
	for _, s := range sents {
		first := len(res.Claims)
		if err := extractSentence(s, &res.Claims); err != "" {
			res.Claims = res.Claims[:first]
			res.Failed = append(res.Failed, Failure{Sentence: s.Sentence.Span, Err: err})
			continue
		}
		asOf(s, res.Claims[first:])
	}
	inheritYears(res.Claims)
	res.ReportDate = reportDate(res.Claims)
	// an incident a claim is about counts too: "the ferry sank on Monday"
	// names the sinking without its noun
	for _, c := range res.Claims {
		if c.Event != "" && !c.Other && c.Measure == "" && c.Predicate == "when" {
			res.Events[c.Event]++
		}
	}
	sort.SliceStable(res.Claims, func(i, j int) bool {
		if res.Claims[i].Span.Start != res.Claims[j].Span.Start {
			return res.Claims[i].Span.Start < res.Claims[j].Span.Start
		}
		return res.Claims[i].Kind < res.Claims[j].Kind
	})
	// the claims are kept (cached) for the whole build: copied out of the
	// scratch buffer at their size; the buffers go back cleared, holding
	// no strings
	found := res.Claims
	res.Claims = slices.Clone(found)
	clear(all)
	clear(lows)
	clear(facts)
	clear(found)
	sc.toks, sc.lows, sc.facts, sc.claims = all[:0], lows[:0], facts[:0], found[:0]
	return res
}

// extractSentence runs every extractor over one sentence, appending its
// claims; a panic in an extractor is returned as text (and the sentence's
// claims are dropped by the caller), never passed on.
func extractSentence(s *Sentence, claims *[]model.Claim) (failed string) {
	defer func() {
		if r := recover(); r != nil {
			failed = fmt.Sprint(r)
		}
	}()
	for _, ex := range Extractors {
		from := len(*claims)
		*claims = ex.Extract(s, *claims)
		for _, c := range (*claims)[from:] {
			s.taken = append(s.taken, c.Span)
		}
	}
	return ""
}

// scratch is one article's working buffers: its tokens, its folded words
// and the claims as they are found. Extract drops them when it returns,
// so they are pooled rather than made anew for every article.
type scratch struct {
	toks   []textutil.Token
	lows   []string
	facts  []*wordFacts
	claims []model.Claim
}

var scratches = sync.Pool{New: func() any { return new(scratch) }}

// Published parses a normalised front-matter publication stamp; the zero
// time when empty or unreadable. Only its calendar date is used.
func Published(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	for _, layout := range []string{"2006-01-02", time.RFC3339} {
		if t, err := time.Parse(layout, s); err == nil {
			return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
		}
	}
	return time.Time{}
}

// inheritYears completes a date without a year ("the October 29 raid") from
// a full date with the same month and day in the same article ("October 29,
// 2025"): the article itself says which year it means. Two candidate years
// leave it partial.
func inheritYears(claims []model.Claim) {
	years := map[[2]int]map[int]bool{}
	for _, c := range claims {
		if d := c.Date; d != nil && d.Year != 0 && d.DayLo != 0 && d.DayLo == d.DayHi {
			k := [2]int{d.Month, d.DayLo}
			if years[k] == nil {
				years[k] = map[int]bool{}
			}
			years[k][d.Year] = true
		}
	}
	for i := range claims {
		d := claims[i].Date
		if d == nil || d.Year != 0 || d.DayLo == 0 || d.DayLo != d.DayHi {
			continue
		}
		if ys := years[[2]int{d.Month, d.DayLo}]; len(ys) == 1 {
			for y := range ys {
				d.Year = y
			}
		}
	}
}

// asOf gives the sentence's figures the day they are reported for when the
// sentence names a day that is not the incident's own ("according to an
// announcement … on August 4", "as of August 7", "said on Tuesday"). A day
// without a year takes the publication date's (the latest such day on or
// before it); that year is used to order reports, never shown as a value.
func asOf(s *Sentence, claims []model.Claim) {
	type dated struct {
		day  string
		line int // the byte offset of the date's line
	}
	var days []dated
	for _, c := range claims {
		d := c.Date
		if c.Kind != model.KindDate || c.Predicate == "when" || c.Report != "" || d.DayLo == 0 || d.DayLo != d.DayHi || d.Month == 0 {
			continue
		}
		if relativeDate(s, c.Span.Start) {
			continue // "after the crush on September 24": a day relative to the figure, not its own
		}
		y := d.Year
		if y == 0 {
			if s.Published.IsZero() {
				continue
			}
			y = s.Published.Year()
			if d.Month > int(s.Published.Month()) || (d.Month == int(s.Published.Month()) && d.DayLo > s.Published.Day()) {
				y--
			}
		}
		if !s.Published.IsZero() && time.Date(y, time.Month(d.Month), d.DayLo, 0, 0, 0, 0, time.UTC).After(s.Published.AddDate(0, 0, 1)) {
			continue // a day after the report was published is a page widget's, not the figure's
		}
		days = append(days, dated{model.DateValue{Year: y, Month: d.Month, DayLo: d.DayLo, DayHi: d.DayHi}.Norm(), lineOf(s.text, c.Span.Start)})
	}
	// a figure takes the last such day on its own line: a headline's
	// figure never takes a day from the next line run into its sentence
	for i := range claims {
		if claims[i].Kind != model.KindQuantity || claims[i].Earlier {
			continue
		}
		line := lineOf(s.text, claims[i].Span.Start)
		for _, d := range days {
			if d.line == line {
				claims[i].AsOf = d.day
			}
		}
	}
}

// lineOf is the offset of the start of the line holding byte at.
func lineOf(text string, at int) int {
	return strings.LastIndexByte(text[:at], '\n') + 1
}

// relativeDate reports whether the date starting at byte offset at is the
// object of a phrase that places it relative to something else: "after the
// crush on September 24", "since Monday", "before the quake on Sunday".
func relativeDate(s *Sentence, at int) bool {
	for k, t := range s.Toks {
		if t.Start != at {
			continue
		}
		for m := k - 1; m >= 0 && m >= k-4; m-- {
			if relativeTo[s.Lower[m]] {
				return true
			}
		}
		return false
	}
	return false
}
