package model

import "strings"

// Status is a fact's verdict.
type Status string

const (
	Agreed   Status = "agreed"   // every source that states it agrees
	Disputed Status = "disputed" // sources the extractor is sure of give incompatible values for the same thing
	// PossiblyConflicting: values disagree, but a claim in the
	// disagreement was not read with certainty; never counted as a dispute.
	PossiblyConflicting Status = "possibly-conflicting"
	Updated             Status = "updated"        // a figure that changed across reports over time
	NotComparable       Status = "not-comparable" // different values that measure differently (two agencies' readings)
	SingleSource        Status = "single-source"  // only one source states it
)

// Words is the status as a reader reads it: "not comparable".
func (s Status) Words() string { return strings.ReplaceAll(string(s), "-", " ") }

// Alias is one spelling of an entity's name and the sources that use it.
type Alias struct {
	Text    string   `json:"text"`
	Sources []string `json:"sources"`
}

// Mention is where an entity is named.
type Mention struct {
	Article string `json:"article"`
	Anchor  string `json:"anchor"`
	Span    Span   `json:"span"`
	Text    string `json:"text"`
}

// Entity is a person, place or organisation with all its spellings.
type Entity struct {
	ID       string     `json:"id"`
	Kind     EntityKind `json:"kind"`
	Name     string     `json:"name"`
	Aliases  []Alias    `json:"aliases"`
	Mentions []Mention  `json:"mentions"`
	Editor   *Edit      `json:"editor,omitempty"`
}

// FactClaim is a claim as it stands in a fact: with its value in display
// form and, for place facts, the entity it names.
type FactClaim struct {
	*Claim         // the claim as extracted: shared with the article's claims, never changed here
	Value   string `json:"value"`   // normalised (ISO date, T03:00, 2500, entity id)
	Display string `json:"display"` // in plain words
	Entity  string `json:"entity,omitempty"`
	// AuthorityKey is Authority normalised for comparison (empty: none).
	AuthorityKey string `json:"-"`
	// Day is the day the claim holds for, as align reads it: the day its
	// sentence names, else its report's day (ISO; "" when undated).
	Day string `json:"day,omitempty"`
	// Verified is the editor's check of the claim, if any.
	Verified *Verification `json:"verified,omitempty"`
}

// Step is one report in an update sequence.
type Step struct {
	Published string `json:"published"`
	Value     string `json:"value"`
	Article   string `json:"article"`
}

// Fact is one thing the sources make claims about, with its verdict.
type Fact struct {
	ID       string      `json:"id"` // the slug: stable, made from what the fact is about
	Title    string      `json:"title"`
	Kind     string      `json:"kind"` // date, time, place, quantity
	Subject  string      `json:"subject"`
	Scope    string      `json:"scope,omitempty"`
	Claims   []FactClaim `json:"claims"`
	Sources  []string    `json:"sources"`
	Status   Status      `json:"status"`
	Conflict string      `json:"conflict,omitempty"` // "October 19 vs October 29"
	// Reason says in plain words why the fact has its status: "rose from
	// 410 to 589 between reports of Aug 5 and Aug 6: updated".
	Reason string `json:"reason,omitempty"`
	// Parent is, for the conflicts found within an updated figure, the
	// fact they are part of; Conflicts is, on that fact, the fact that
	// holds them.
	Parent    string   `json:"parent,omitempty"`
	Conflicts string   `json:"conflicts,omitempty"`
	Internal  []string `json:"internal,omitempty"` // sources that contradict themselves
	// InternalConflict says, per such source, what it says against itself.
	InternalConflict map[string]string `json:"internal_conflict,omitempty"`
	Sequence         []Step            `json:"sequence,omitempty"` // for updated figures, in publication order
	// Independent counts the sources that do not share wire copy with an
	// earlier-listed source (see Ledger.Overlaps).
	Independent int `json:"independent"`
	// Precision is true when agreeing sources state the value at different
	// resolutions ("October" and "October 19"), told apart from a dispute.
	Precision bool `json:"precision,omitempty"`
	// Groups are the claims clustered into mutually compatible values, the
	// most precise first; a vague claim that fits several groups is in none.
	Groups []ValueGroup `json:"groups"`
	// Vague lists claims (indexes into Claims) that fit several groups.
	Vague []int `json:"vague,omitempty"`
	// Editor is what the editor decided about the fact (nil: nothing).
	Editor *Edit `json:"editor,omitempty"`
}

// ValueGroup is one value of a fact and the claims that state it, at
// whatever precision; Claims are indexes into Fact.Claims.
type ValueGroup struct {
	Display string `json:"display"`
	Value   string `json:"value"`
	Claims  []int  `json:"claims"`
}

// TimelineEntry is one dated event.
type TimelineEntry struct {
	Date    DateValue `json:"date"`
	Label   string    `json:"label"`
	Fact    string    `json:"fact,omitempty"`
	Status  Status    `json:"status"`
	Claims  []Claim   `json:"claims"`
	Sources []string  `json:"sources"`
}

// Overlap says two sources share long identical passages (wire copy), so
// they do not confirm each other independently.
type Overlap struct {
	A      string `json:"a"`
	B      string `json:"b"`
	Shared int    `json:"shared_words"` // words in shared 8-word runs
}

// Ledger is everything align concluded about the corpus.
type Ledger struct {
	MainEvent string             `json:"main_event"`
	Where     string             `json:"where,omitempty"` // entity id of the main event\'s place
	Entities  []Entity           `json:"entities"`
	Facts     []Fact             `json:"facts"`
	Timeline  []TimelineEntry    `json:"timeline"`
	Overlaps  []Overlap          `json:"overlaps"`
	Chrome    map[string][]int   `json:"chrome"` // article → indexes of blocks found to be chrome across articles
	Claims    map[string][]Claim `json:"-"`      // article → its claims after the chrome pass
	EntityOf  map[string]string  `json:"-"`      // MentionKey of a name claim → entity id
	// Title and Editor are the dossier's title and note as the editor set
	// them ("" and nil: none).
	Title  string `json:"title,omitempty"`
	Editor *Edit  `json:"editor,omitempty"`
}

// MentionKey identifies a claim by article and position.
func MentionKey(article string, s Span) string {
	return article + "@" + itoa(s.Start) + "-" + itoa(s.End)
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b [20]byte
	n := len(b)
	for i > 0 {
		n--
		b[n] = byte('0' + i%10)
		i /= 10
	}
	return string(b[n:])
}
