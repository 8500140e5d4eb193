package site

import (
	"bufio"
	"encoding/json"
	"io"
	"strings"

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
	Quote     string `json:"quote"`
	Anchor    string `json:"anchor"`
}

type ExportFact struct {
	ID       string   `json:"id"`
	Slug     string   `json:"slug"`
	Page     string   `json:"page"`
	Title    string   `json:"title"`
	Kind     string   `json:"kind"`
	Subject  string   `json:"subject"`         // what it is about: "raid", "deaths", "fighters"
	Scope    string   `json:"scope,omitempty"` // a time scope: "last year", "2012", "since 2020"
	Status   string   `json:"status"`
	Possible bool     `json:"possible,omitempty"`
	Conflict string   `json:"conflict,omitempty"`
	Internal []string `json:"internal,omitempty"`
	// InternalConflict says what each self-contradicting source says.
	InternalConflict map[string]string `json:"internal_conflict,omitempty"`
	Independent      int               `json:"independent_sources"`
	Sequence         []model.Step      `json:"sequence,omitempty"`
	Claims           []ExportClaim     `json:"claims"`
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
		ee := ExportEntity{ID: e.ID, Kind: string(e.Kind), Name: e.Name, Page: dirURL(EntityPage(e.ID)), Aliases: []string{}}
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
	}{{"title", s.Title}, {"main_event", led.MainEvent}, {"sources", sources}, {"entities", entities}} {
		if err := field(f.name, f.v, false); err != nil {
			return err
		}
	}
	// facts, one at a time
	bw.WriteString("  \"facts\": [")
	for i := range led.Facts {
		b, err := json.MarshalIndent(exportFact(s.arts, &led.Facts[i]), "    ", "  ")
		if err != nil {
			return err
		}
		if i > 0 {
			bw.WriteString(",")
		}
		bw.WriteString("\n    ")
		bw.Write(b)
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
		Possible: f.Possible, Conflict: f.Conflict, Internal: f.Internal, InternalConflict: f.InternalConflict,
		Independent: f.Independent, Sequence: f.Sequence, Claims: make([]ExportClaim, 0, len(f.Claims))}
	for _, c := range f.Claims {
		ec := ExportClaim{Source: c.Article, Text: c.Text, Value: c.Value, Authority: c.Authority, Scope: c.Scope, AsOf: c.AsOf, Entity: c.Entity,
			Quote: arts[c.Article].Text(c.Sentence), Anchor: dirURL(SourcePage(c.Article)) + "#" + c.Anchor}
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
