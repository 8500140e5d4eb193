package site

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"dossier/internal/model"
)

// Export is the dossier.json document; its schema is documented in the
// README. Page addresses are folder URLs relative to the site root
// ("facts/raid-date/"); anchors are "page#id".
type Export struct {
	Title     string           `json:"title"`
	MainEvent string           `json:"main_event"`
	Sources   []ExportSource   `json:"sources"`
	Entities  []ExportEntity   `json:"entities"`
	Facts     []ExportFact     `json:"facts"`
	Timeline  []ExportTimeline `json:"timeline"`
	Overlaps  []model.Overlap  `json:"overlaps"`
	Retired   []ExportRetired  `json:"retired"`
}

// ExportRetired is a fact address that no longer holds a fact.
type ExportRetired struct {
	Slug    string   `json:"slug"`
	Page    string   `json:"page"`
	Targets []string `json:"targets"` // the facts its claims went to
}

type ExportSource struct {
	ID         string `json:"id"`
	File       string `json:"file"`
	Title      string `json:"title"`
	Outlet     string `json:"outlet,omitempty"`
	URL        string `json:"url,omitempty"`
	Published  string `json:"published,omitempty"`
	Author     string `json:"author,omitempty"`
	ArchiveURL string `json:"archive_url,omitempty"`
	Page       string `json:"page"`
}

type ExportVariant struct {
	Text    string   `json:"text"`
	Sources []string `json:"sources"`
}

type ExportEntity struct {
	ID       string          `json:"id"`
	Kind     string          `json:"kind"`
	Name     string          `json:"name"`
	Aliases  []string        `json:"aliases"`
	Variants []ExportVariant `json:"variants"`
	Page     string          `json:"page"`
	Editor   *model.Edit     `json:"editor,omitempty"`
}

type ExportClaim struct {
	Source    string `json:"source"`
	Text      string `json:"text"`
	Value     string `json:"value"`
	Qualifier string `json:"qualifier,omitempty"`
	Unit      string `json:"unit,omitempty"`
	Authority string `json:"authority,omitempty"`
	Scope     string `json:"scope,omitempty"`
	AsOf      string `json:"as_of,omitempty"` // the day the figure is reported for, when the sentence says
	Entity    string `json:"entity,omitempty"`
	// the claim's frame, as its sentence says it: what is counted or
	// measured, what happened to it, whose, where, of which incident, for
	// which day (the sentence's, else the report's)
	Predicate string `json:"predicate,omitempty"`
	Measure   string `json:"measure,omitempty"`
	Group     string `json:"group,omitempty"`
	Place     string `json:"place,omitempty"`
	Event     string `json:"event,omitempty"`
	Day       string `json:"day,omitempty"`
	// Confidence is "sure" when every slot was read from a direct
	// construction, else "unsure", with Unsure saying what was not.
	Confidence string `json:"confidence"`
	Unsure     string `json:"unsure,omitempty"`
	Quote      string `json:"quote"`
	Anchor     string `json:"anchor"`
	// Checked is the day the editor checked the claim against its article;
	// Verification is "verified", or "failed" when the quote the editor
	// relied on no longer occurs in it.
	Checked      string `json:"checked,omitempty"`
	Verification string `json:"verification,omitempty"`
}

type ExportFact struct {
	ID       string `json:"id"`
	Slug     string `json:"slug"`
	Page     string `json:"page"`
	Title    string `json:"title"`
	Kind     string `json:"kind"`
	Subject  string `json:"subject"`         // what it is about: "raid", "deaths", "fighters"
	Scope    string `json:"scope,omitempty"` // a time scope: "last year", "2012", "since 2020"
	Status   string `json:"status"`
	Conflict string `json:"conflict,omitempty"`
	// Reason says in plain words why the fact has its status.
	Reason string `json:"reason,omitempty"`
	// Parent: for the conflicts found within an updated figure, that
	// figure's fact; Conflicts: on that fact, the fact that holds them.
	Parent    string   `json:"parent,omitempty"`
	Conflicts string   `json:"conflicts,omitempty"`
	Internal  []string `json:"internal,omitempty"`
	// InternalConflict says what each self-contradicting source says.
	InternalConflict map[string]string `json:"internal_conflict,omitempty"`
	Independent      int               `json:"independent_sources"`
	Sequence         []model.Step      `json:"sequence,omitempty"`
	// VerdictBy says whose the verdict is: "machine" or "editor"; Editor
	// holds the editor's decisions, with the machine's verdict beside.
	VerdictBy string        `json:"verdict_by"`
	Editor    *model.Edit   `json:"editor,omitempty"`
	Claims    []ExportClaim `json:"claims"`
}

type ExportTimeline struct {
	Date    string   `json:"date"`
	Label   string   `json:"label"`
	Fact    string   `json:"fact,omitempty"`
	Status  string   `json:"status"`
	Sources []string `json:"sources"`
}

// WriteExport writes dossier.json: the Export document, indented, one fact
// at a time, so the claims of a large corpus are never all in memory as
// JSON. The bytes are those of encoding/json's Encoder with a two-space
// indent.
func WriteExport(w io.Writer, s *Site) error {
	led := s.led
	bw := bufio.NewWriterSize(w, 1<<16)
	field := func(name string, v any, last bool) error {
		b, err := json.MarshalIndent(v, "  ", "  ")
		if err != nil {
			return err
		}
		bw.WriteString("  \"" + name + "\": ")
		bw.Write(b)
		if !last {
			bw.WriteString(",")
		}
		bw.WriteString("\n")
		return nil
	}
	overlaps := led.Overlaps
	if overlaps == nil {
		overlaps = []model.Overlap{}
	}
	sources := []ExportSource{}
	for _, src := range s.Sources {
		sources = append(sources, ExportSource{ID: src.ID, File: src.File, Title: src.Title, Outlet: src.Outlet,
			URL: src.URL, Published: src.Published, Author: src.Author, ArchiveURL: src.ArchiveURL, Page: dirURL(src.Page)})
	}
	entities := []ExportEntity{}
	for _, e := range led.Entities {
		ee := ExportEntity{ID: e.ID, Kind: string(e.Kind), Name: e.Name, Page: dirURL(EntityPage(e.ID)), Aliases: []string{}, Editor: e.Editor}
		for _, a := range e.Aliases {
			ee.Aliases = append(ee.Aliases, a.Text)
			ee.Variants = append(ee.Variants, ExportVariant{Text: a.Text, Sources: a.Sources})
		}
		entities = append(entities, ee)
	}
	bw.WriteString("{\n")
	for _, f := range []struct {
		name string
		v    any
	}{{"title", s.Title}, {"main_event", led.MainEvent}, {"editor", led.Editor}, {"sources", sources}, {"entities", entities}} {
		if err := field(f.name, f.v, false); err != nil {
			return err
		}
	}
	// facts, one at a time
	bw.WriteString("  \"facts\": [")
	for i := range led.Facts {
		ef := exportFact(s.arts, &led.Facts[i])
		claims := ef.Claims
		ef.Claims = []ExportClaim{}
		b, err := json.MarshalIndent(ef, "    ", "  ")
		if err != nil {
			return err
		}
		// the claims, the bulk of the file, are written by appendClaims
		// where encoding/json would write the empty list
		head, tail, ok := bytes.Cut(b, []byte(`"claims": []`))
		if !ok {
			return fmt.Errorf("fact %s: no claims field in its JSON", ef.ID)
		}
		if i > 0 {
			bw.WriteString(",")
		}
		bw.WriteString("\n    ")
		bw.Write(head)
		bw.WriteString(`"claims": `)
		if err := writeClaims(bw, claims, "      "); err != nil {
			return err
		}
		bw.Write(tail)
	}
	if len(led.Facts) > 0 {
		bw.WriteString("\n  ")
	}
	bw.WriteString("],\n")
	timeline := []ExportTimeline{}
	for _, e := range led.Timeline {
		timeline = append(timeline, ExportTimeline{Date: e.Date.Norm(), Label: e.Label, Fact: e.Fact, Status: string(e.Status), Sources: e.Sources})
	}
	retired := []ExportRetired{}
	for _, m := range s.Moved {
		r := ExportRetired{Slug: m.Slug, Page: dirURL(FactPage(m.Slug)), Targets: []string{}}
		for _, l := range m.Targets {
			r.Targets = append(r.Targets, strings.TrimSuffix(strings.TrimPrefix(l.Href, "facts/"), "/index.html"))
		}
		retired = append(retired, r)
	}
	if err := field("timeline", timeline, false); err != nil {
		return err
	}
	if err := field("overlaps", overlaps, false); err != nil {
		return err
	}
	if err := field("retired", retired, true); err != nil {
		return err
	}
	bw.WriteString("}\n")
	return bw.Flush()
}

func exportFact(arts map[string]*model.Article, f *model.Fact) ExportFact {
	ef := ExportFact{ID: f.ID, Slug: f.ID, Page: dirURL(FactPage(f.ID)), Title: f.Title, Kind: f.Kind, Subject: f.Subject, Scope: f.Scope, Status: string(f.Status),
		Conflict: f.Conflict, Reason: f.Reason, Parent: f.Parent, Conflicts: f.Conflicts, Internal: f.Internal, InternalConflict: f.InternalConflict,
		Independent: f.Independent, Sequence: f.Sequence, VerdictBy: "machine", Editor: f.Editor, Claims: make([]ExportClaim, 0, len(f.Claims))}
	if f.Editor != nil && f.Editor.Status != "" {
		ef.VerdictBy = "editor"
	}
	for _, c := range f.Claims {
		ec := ExportClaim{Source: c.Article, Text: c.Text, Value: c.Value, Authority: c.Authority, Scope: c.Scope, AsOf: c.AsOf, Entity: c.Entity,
			Predicate: c.Predicate, Measure: c.Measure, Group: c.Group, Place: c.Place, Event: strings.TrimSpace(c.EventOf + " " + c.Event),
			Day: c.Day, Confidence: "unsure", Unsure: c.Unsure,
			Quote: arts[c.Article].Text(c.Sentence), Anchor: dirURL(SourcePage(c.Article)) + "#" + c.Anchor}
		if c.Sure {
			ec.Confidence, ec.Unsure = "sure", ""
		}
		if v := c.Verified; v != nil {
			ec.Checked, ec.Verification = v.Checked, "verified"
			if v.Failed {
				ec.Verification = "failed"
			}
		}
		if c.Qty != nil {
			ec.Qualifier, ec.Unit = c.Qty.Qualifier, c.Qty.Unit
		}
		if c.Time != nil && c.Time.Approx {
			ec.Qualifier = "around"
		}
		ef.Claims = append(ef.Claims, ec)
	}
	return ef
}

// writeClaims writes claims as appendClaims does, one claim at a time
// through one small buffer.
func writeClaims(w io.Writer, claims []ExportClaim, indent string) error {
	if len(claims) == 0 {
		_, err := io.WriteString(w, "[]")
		return err
	}
	var b []byte
	for i := range claims {
		b = appendClaims(b[:0], claims[i:i+1], indent)
		// appendClaims wrote "[", the claim and "\n<indent>]": keep what
		// joins this claim to the others
		b = b[:len(b)-len(indent)-2]
		if i > 0 {
			b[0] = ','
		}
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, "\n"+indent+"]")
	return err
}

// appendClaims appends claims as encoding/json's MarshalIndent writes them
// inside a fact (indent is the claims field's own indentation), without
// reflection: dossier.json holds every claim of the corpus, and this is
// most of its bytes. FuzzAppendClaims holds it to encoding/json's output.
func appendClaims(b []byte, claims []ExportClaim, indent string) []byte {
	if len(claims) == 0 {
		return append(b, "[]"...)
	}
	b = append(b, '[')
	in1, in2 := indent+"  ", indent+"    "
	for i := range claims {
		c := &claims[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '\n')
		b = append(b, in1...)
		b = append(b, '{')
		field := func(name, v string, omitEmpty bool) {
			if omitEmpty && v == "" {
				return
			}
			if b[len(b)-1] != '{' {
				b = append(b, ',')
			}
			b = append(b, '\n')
			b = append(b, in2...)
			b = append(b, '"')
			b = append(b, name...)
			b = append(b, `": `...)
			b = appendJSONString(b, v)
		}
		field("source", c.Source, false)
		field("text", c.Text, false)
		field("value", c.Value, false)
		field("qualifier", c.Qualifier, true)
		field("unit", c.Unit, true)
		field("authority", c.Authority, true)
		field("scope", c.Scope, true)
		field("as_of", c.AsOf, true)
		field("entity", c.Entity, true)
		field("predicate", c.Predicate, true)
		field("measure", c.Measure, true)
		field("group", c.Group, true)
		field("place", c.Place, true)
		field("event", c.Event, true)
		field("day", c.Day, true)
		field("confidence", c.Confidence, false)
		field("unsure", c.Unsure, true)
		field("quote", c.Quote, false)
		field("anchor", c.Anchor, false)
		field("checked", c.Checked, true)
		field("verification", c.Verification, true)
		b = append(b, '\n')
		b = append(b, in1...)
		b = append(b, '}')
	}
	b = append(b, '\n')
	b = append(b, indent...)
	return append(b, ']')
}

// appendJSONString appends s as encoding/json writes a string: quoted,
// with <, > and & escaped for HTML, control characters and U+2028/U+2029
// escaped, and invalid UTF-8 replaced by U+FFFD.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
