package site

import (
	"bytes"
	"encoding/json"
	"testing"
)

// appendClaims must write exactly what encoding/json writes: dossier.json
// is golden-tested, and readers may diff it across builds.
func FuzzAppendClaims(f *testing.F) {
	f.Add("001", "October 19", "2025-10-19", "", "", "the ministry", "", "", "", "He said \"3 am\" <b> & \u2028 ok\t\x01", "sources/001/#s-x")
	f.Add("a", "", "", "at least", "km", "", "last year", "2014-08-05", "dumayr", "\xff\xfe bad utf-8 \u2029", "")
	f.Fuzz(func(t *testing.T, source, text, value, qualifier, unit, authority, scope, asOf, entity, quote, anchor string) {
		c := ExportClaim{Source: source, Text: text, Value: value, Qualifier: qualifier, Unit: unit, Authority: authority,
			Scope: scope, AsOf: asOf, Entity: entity, Quote: quote, Anchor: anchor,
			// the frame's fields, fed from the same inputs
			Predicate: value, Measure: unit, Group: scope, Place: entity, Event: text, Day: asOf, Confidence: qualifier, Unsure: authority,
			Checked: asOf, Verification: unit}
		for _, claims := range [][]ExportClaim{nil, {c}, {c, {Source: quote, Quote: text}}} {
			want, err := json.MarshalIndent(struct {
				Claims []ExportClaim `json:"claims"`
			}{append([]ExportClaim{}, claims...)}, "    ", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got := append([]byte("{\n      \"claims\": "), appendClaims(nil, claims, "      ")...)
			got = append(got, "\n    }"...)
			if !bytes.Equal(got, want) {
				t.Fatalf("appendClaims differs from encoding/json:\ngot  %s\nwant %s", got, want)
			}
			var streamed bytes.Buffer
			if err := writeClaims(&streamed, claims, "      "); err != nil {
				t.Fatal(err)
			}
			if whole := appendClaims(nil, claims, "      "); !bytes.Equal(streamed.Bytes(), whole) {
				t.Fatalf("writeClaims differs from appendClaims:\ngot  %s\nwant %s", streamed.Bytes(), whole)
			}
		}
	})
}

// A verdict's reason names sources as a reader knows them, only where the
// reason lists them: inside parentheses, between "; " and ", ".
func TestReadableReason(t *testing.T) {
	names := map[string]string{"01": "NDTV", "02": "The Guardian"}
	name := func(id string) (string, bool) { n, ok := names[id]; return n, ok }
	got := readableReason("6.3 (02) against 6.1 (01, 02; USGS) and 6.5 (2015-10-01; 01): different values; 01 is not named outside", name)
	want := "6.3 (The Guardian) against 6.1 (NDTV, The Guardian; USGS) and 6.5 (2015-10-01; NDTV): different values; 01 is not named outside"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if got := shortSourceName("", "https://www.example.org/a", "x"); got != "example.org" {
		t.Errorf("short name from URL: %q", got)
	}
}
