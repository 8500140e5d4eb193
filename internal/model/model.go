// Package model holds the plain values handed between dossier's stages.
//
// Contract: types only, plus small pure helpers on them. Nothing here reads
// files, renders HTML or keeps state. Every value is printable as
// deterministic JSON (see Dump), so each stage can be golden-tested on what it
// hands to the next one.
//
// Positions, not copies: a Span is a byte range into Article.Raw (the whole
// input file, front matter included), so every sentence and claim on the site
// traces back to bytes of an input file and to a line number.
package model

import (
	"bytes"
	"encoding/json"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// Span is a half-open byte range [Start, End) into an Article's Raw bytes.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len is the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies inside s.
func (s Span) Contains(o Span) bool { return o.Start >= s.Start && o.End <= s.End }

// Meta is an article's front matter, as given. Nothing is invented: a field
// the article does not state is empty.
type Meta struct {
	Title      string `json:"title,omitempty"`
	Outlet     string `json:"outlet,omitempty"`
	URL        string `json:"url,omitempty"`
	Published  string `json:"published,omitempty"` // "2006-01-02" or RFC 3339, as validated by corpus
	Author     string `json:"author,omitempty"`
	ArchiveURL string `json:"archive_url,omitempty"`
	Draft      bool   `json:"draft,omitempty"` // left out of a build unless drafts are asked for
}

// Article is one input file.
type Article struct {
	ID        string `json:"id"`         // stable slug of the file name stem
	File      string `json:"file"`       // path relative to the site dir, slash-separated
	Format    string `json:"format"`     // "md" or "txt"
	Raw       []byte `json:"-"`          // the file as read; never modified (see Str)
	BodyStart int    `json:"body_start"` // offset of the body, after front matter
	Meta      Meta   `json:"meta"`
}

// Str is the whole file as a string. It shares Raw's memory rather than
// copying it: Raw is never modified once read (every stage only slices it),
// so each sentence, claim and quote of the build is a view of the one copy
// of the file, however many stages hold it.
func (a *Article) Str() string {
	if len(a.Raw) == 0 {
		return ""
	}
	return unsafe.String(&a.Raw[0], len(a.Raw))
}

// Text returns the raw bytes of span s as a string (a view, see Str).
func (a *Article) Text(s Span) string { return a.Str()[s.Start:s.End] }

// Line returns the 1-based line number of byte offset off.
func (a *Article) Line(off int) int {
	if off > len(a.Raw) {
		off = len(a.Raw)
	}
	return bytes.Count(a.Raw[:off], []byte{'\n'}) + 1
}

// BlockKind says what a block of an article is.
type BlockKind string

const (
	Prose    BlockKind = "prose"    // article text: sentences become claims
	Heading  BlockKind = "heading"  // a subheading inside the article
	Headline BlockKind = "headline" // the article's own headline line
	Chrome   BlockKind = "chrome"   // site furniture copied with the page: never claims
)

// Sentence is one sentence of a block, with its stable anchor id.
type Sentence struct {
	Span   Span   `json:"span"`
	Anchor string `json:"anchor"`
}

// Block is a paragraph-level unit of an article.
type Block struct {
	Kind      BlockKind  `json:"kind"`
	Span      Span       `json:"span"`
	Why       string     `json:"why,omitempty"` // for chrome: which shape matched
	Sentences []Sentence `json:"sentences"`
}

// Doc is a segmented article.
type Doc struct {
	Article      string  `json:"article"`
	Title        string  `json:"title"`         // front-matter title, else derived
	TitleDerived bool    `json:"title_derived"` // true when Title was derived from the text
	Blocks       []Block `json:"blocks"`
}

// ClaimKind is the type of a claim.
type ClaimKind string

const (
	KindDate     ClaimKind = "date"
	KindTime     ClaimKind = "time"
	KindQuantity ClaimKind = "quantity"
	KindName     ClaimKind = "name" // a mention of a person, place or organisation
)

// EntityKind is the kind of a named entity.
type EntityKind string

const (
	Person EntityKind = "person"
	Place  EntityKind = "place"
	Org    EntityKind = "organisation"
	NoKind EntityKind = ""
)

// Claim is one typed mention in one sentence of one article.
type Claim struct {
	Article  string    `json:"article"`
	Kind     ClaimKind `json:"kind"`
	Span     Span      `json:"span"`     // the mention itself
	Sentence Span      `json:"sentence"` // the sentence it sits in (the quote)
	Anchor   string    `json:"anchor"`   // the sentence's anchor id
	Text     string    `json:"text"`     // the mention as written

	// Frame says what the claim is about, slot by slot, as its own
	// sentence says it.
	Frame `json:"frame"`

	Date *DateValue `json:"date,omitempty"`
	Time *TimeValue `json:"time,omitempty"`
	Qty  *QtyValue  `json:"qty,omitempty"`
	Name *NameValue `json:"name,omitempty"`
}

// Frame says what a claim is about, slot by slot, as its own sentence
// (and nothing else) says it. Align puts two claims in one fact only when
// their frames match, and lets only Sure claims make a fact disputed.
type Frame struct {
	// Predicate is what the claim states: for a count, what happened to
	// what it counts ("killed", "injured", "missing", "evacuated",
	// "arrested", "on", or a verb's lemma: "send", "record"); for a
	// measurement, the quantity ("magnitude", "depth", "length",
	// "distance", "population", "capacity"); for a date or a time of an
	// event, "when".
	Predicate string `json:"predicate,omitempty"`
	// Measure is what is counted or measured: the counted noun's lemma
	// ("person" for people at large, "firefighter", "house", "tent"), or
	// the thing measured or an event verb's subject ("bridge").
	Measure string `json:"measure,omitempty"`
	// Group narrows what is counted by who or which: a country whose
	// nationals are counted ("peru"), an ordinal among several ("second").
	Group string `json:"group,omitempty"`
	// Place is where the claim holds: the place a count is limited to
	// ("Harran County"), whose population it is, the place a distance is
	// measured to ("Aleppo"); From is where a distance is measured from.
	Place string `json:"place,omitempty"`
	From  string `json:"from,omitempty"`
	// Event is the incident the claim is about when its sentence ties it
	// to one: an incident noun's lemma ("earthquake", "aftershock"), or an
	// event verb's ("inaugurate", "sink"); EventOf is a noun that names
	// which ("crane" of "a crane collapse"); Other marks an incident the
	// sentence itself calls another ("a separate attack", "a previous
	// quake", "the 2008 earthquake").
	Event   string `json:"event,omitempty"`
	EventOf string `json:"event_of,omitempty"`
	Other   bool   `json:"other,omitempty"`
	// EventText is an event verb as written ("inaugurated"), for titles.
	EventText string `json:"event_text,omitempty"`
	// Scope narrows it in time: "2012", "since 2020", "last year".
	Scope string `json:"scope,omitempty"`
	// AsOf is the day a figure holds for when its sentence says so ("as of
	// August 7", "said on Tuesday"): ISO date. Earlier marks a figure its
	// sentence gives as superseded ("previously 95", "from 410 to 589").
	AsOf    string `json:"as_of,omitempty"`
	Earlier bool   `json:"earlier,omitempty"`
	// Authority is who the sentence attributes the claim to, as written.
	Authority string `json:"authority,omitempty"`
	// Part marks a figure given as part of a larger one: "including five
	// firefighters", "12 were among the 44 killed", "60 of them".
	Part bool `json:"part,omitempty"`
	// Report marks where a claim sits when that is not the story: a
	// "dateline", a "stamp" (publication or update time), a "caption".
	Report string `json:"report,omitempty"`
	// Sure is true when every slot was read from a direct construction;
	// Unsure says, in words, what was not.
	Sure   bool   `json:"sure"`
	Unsure string `json:"unsure,omitempty"`
}

// DateValue is a possibly partial calendar date. Zero fields are unknown.
// DayLo/DayHi give a day range inside the month ("late October" is 16–31,
// the second half: the parts of a month are loose and overlap);
// both equal for an exact day, both zero when the day is unknown.
type DateValue struct {
	Year     int    `json:"year,omitempty"`
	Month    int    `json:"month,omitempty"`
	DayLo    int    `json:"day_lo,omitempty"`
	DayHi    int    `json:"day_hi,omitempty"`
	Weekday  int    `json:"weekday,omitempty"`  // 1 = Sunday … 7 = Saturday, when the text names the day
	Season   int    `json:"season,omitempty"`   // ISO 8601-2: 21 spring, 22 summer, 23 autumn, 24 winter
	Since    bool   `json:"since,omitempty"`    // "since 2020": an open interval
	Relative string `json:"relative,omitempty"` // the relative phrase it was resolved from
}

// TimeValue is a time of day in minutes after midnight.
type TimeValue struct {
	Minutes int    `json:"minutes"`
	Zone    string `json:"zone,omitempty"` // "" = local / unstated; else e.g. "GMT", "UTC+8"
	Approx  bool   `json:"approx,omitempty"`
}

// QtyValue is a quantity as an interval [Lo, Hi] in base units; Hi < 0
// means unbounded above. A qualifier widens the interval ("at least 30" is
// [30, ∞)); a measure with a unit is widened by half its last digit, so
// "6 miles" and "10 kilometres" overlap.
type QtyValue struct {
	Lo        float64 `json:"lo"`
	Hi        float64 `json:"hi"`
	Number    float64 `json:"number"`              // the figure as written
	Qualifier string  `json:"qualifier,omitempty"` // "at least", "about", …
	Unit      string  `json:"unit,omitempty"`      // as written: "km", "miles"
	Dim       string  `json:"dim,omitempty"`       // "length", "mass", "percent"; Lo/Hi are in metres, kg, %
}

// NameValue is a capitalised name mention with the local cues about its kind.
type NameValue struct {
	Name  string `json:"name"`            // as written, without possessive, title or "-led" suffix
	Alias string `json:"alias,omitempty"` // an acronym defined beside it: "Syrian Free Army (SFA)"
	// Title is the title a one-word name was written with ("Ms" of "Ms
	// Lina", "Senior Col." of "Senior Col. Wei"): how the source refers to
	// the person, kept out of the name.
	Title string `json:"title,omitempty"`
	// Common: the name is one common English word, capitalised here
	// ("Ramadan", "State"); align keeps it only when sources use it often.
	Common bool  `json:"common,omitempty"`
	Votes  Votes `json:"votes"`
}

// Votes weigh the cues for each kind of entity a mention may name.
type Votes struct {
	Person int `json:"person,omitempty"`
	Place  int `json:"place,omitempty"`
	Org    int `json:"org,omitempty"`
}

// Add sums two vote counts.
func (v Votes) Add(o Votes) Votes {
	return Votes{v.Person + o.Person, v.Place + o.Place, v.Org + o.Org}
}

// Kind is the kind with the most votes; NoKind on a tie or no votes.
func (v Votes) Kind() EntityKind {
	switch {
	case v.Person > v.Place && v.Person > v.Org:
		return Person
	case v.Place > v.Person && v.Place > v.Org:
		return Place
	case v.Org > v.Person && v.Org > v.Place:
		return Org
	}
	return NoKind
}

// Dump renders v as indented JSON with a trailing newline, for golden files
// and debugging. Map keys are sorted by encoding/json, so output is stable.
func Dump(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		panic(err) // model values are always encodable
	}
	return b.Bytes()
}

// Shorten cuts s to at most n runes at a word boundary, adding "…".
func Shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n]
	cut := string(r)
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:-—") + "…"
}
