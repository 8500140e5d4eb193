package extract

import (
	"testing"

	"dossier/internal/corpus"
	"dossier/internal/model"
	"dossier/internal/segment"
)

func claimsOf(t *testing.T, text, published string) []model.Claim {
	t.Helper()
	a, _ := corpus.Parse("content/articles/t.txt", []byte(text))
	a.Meta.Published = published
	d := segment.Segment(&a)
	return Extract(&a, &d).Claims
}

func TestDates(t *testing.T) {
	for _, tc := range []struct {
		text, published, want, subject string
	}{
		{"It remains unclear what led to the October 19 raid.", "", "XXXX-10-19", "raid"},
		{"This incident, which occurred on October 19, 2023, highlights it.", "", "2023-10-19", "incident"},
		{"The incident, which occurred in late October 2025, highlights it.", "", "2025-10-21/2025-10-31", "incident"},
		{"The raid took place around 3 AM on Oct. 29 in Dumayar.", "", "XXXX-10-29", "raid"},
		{"A strong earthquake struck on Sunday, collapsing houses.", "2014-08-04", "2014-08-03", "earthquake"},
		{"A strong earthquake struck on Sunday, collapsing houses.", "", "XXXX-XX-XX", "earthquake"},
		{"On Sunday, a strong earthquake struck the county.", "2014-08-05", "2014-08-03", "earthquake"},
		{"Sunday's 6.5-magnitude quake was the most damaging in years.", "2014-08-06", "2014-08-03", "earthquake"},
		{"At its height in 2015, the group held territory.", "", "2015", ""},
		{"It has documented 52 incidents since 2020.", "", "2020/..", ""},
		{"In 1970, a magnitude-7.7 earthquake in Yunnan killed at least 15,000 people.", "", "1970", ""},
		{"The report came out on 3 August 2014 in Beijing.", "", "2014-08-03", ""},
		{"The rescue ended in mid-October.", "", "XXXX-10-11/XXXX-10-20", ""},
		{"Officials may release more in May.", "", "XXXX-05", ""},
		{"A raid in Syria last fall killed an agent.", "", "XXXX-23", ""},
		{"A raid in Syria last fall killed an agent.", "2025-12-05", "2025-23", ""},
		{"A raid in Syria last fall killed an agent.", "2026-02-10", "2025-23", ""},
		{"A raid in Syria last fall killed an agent.", "2025-10-05", "2024-23", ""},
		{"Talks are expected this spring.", "2025-01-15", "2025-21", ""},
		{"It was cold last winter.", "2025-07-01", "2024-24", ""},
	} {
		var got *model.Claim
		for _, c := range claimsOf(t, tc.text, tc.published) {
			if c.Kind == model.KindDate {
				c := c
				got = &c
				break
			}
		}
		if got == nil {
			t.Errorf("%q: no date", tc.text)
			continue
		}
		if got.Date.Norm() != tc.want || got.Subject != tc.subject {
			t.Errorf("%q: got %s about %q, want %s about %q", tc.text, got.Date.Norm(), got.Subject, tc.want, tc.subject)
		}
	}
	// never invent: "yesterday" without a publication date is no date
	for _, c := range claimsOf(t, "The raid happened yesterday, officials said.", "") {
		if c.Kind == model.KindDate {
			t.Errorf("yesterday without a publication date became %s", c.Date.Norm())
		}
	}
	// "May" the verb is not a month
	for _, c := range claimsOf(t, "Officials say the toll may rise.", "") {
		if c.Kind == model.KindDate {
			t.Errorf("'may' became a date")
		}
	}
}

func TestTimes(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"The raid unfolded around 3 am in Dumayr.", "T03:00~"},
		{"The raid took place in Dumayr at 03:00.", "T03:00"},
		{"The quake hit at 4:30 p.m. local time.", "T16:30"},
		{"It struck at about 4.30pm (09.30 BST).", "T16:30~"},
		{"It struck at 0830 GMT on Sunday.", "T08:30Z"},
		{"The blast came at 12 am.", "T00:00"},
	} {
		found := ""
		for _, c := range claimsOf(t, tc.text, "") {
			if c.Kind == model.KindTime {
				found = c.Time.Norm()
				if c.Time.Approx {
					found += "~"
				}
				break
			}
		}
		if found != tc.want {
			t.Errorf("%q: time %q, want %q", tc.text, found, tc.want)
		}
	}
	a := model.TimeValue{Minutes: 3 * 60, Approx: true}
	b := model.TimeValue{Minutes: 3 * 60}
	if !a.Compatible(b) {
		t.Error("around 3 am and 03:00 should agree")
	}
	local := model.TimeValue{Minutes: 16*60 + 30, Zone: "UTC+08:00"}
	gmt := model.TimeValue{Minutes: 8*60 + 30, Zone: "UTC"}
	if !local.Compatible(gmt) {
		t.Error("16:30 UTC+8 and 08:30 GMT are the same instant")
	}
}

func TestQuantities(t *testing.T) {
	for _, tc := range []struct {
		text, subject, display, scope string
	}{
		{"An estimated 2,500 IS fighters remain active.", "fighters", "an estimated 2,500", ""},
		{"IS attacks have dropped, from 1,038 last year to 375 so far this year.", "attacks", "1,038", "last year"},
		{"At least 150 people were killed in the quake.", "deaths", "at least 150", ""},
		{"The death toll rose to 398 on Monday.", "deaths", "398", ""},
		{"He lived with his wife and five daughters.", "daughters", "5", ""},
		{"The quake hit at a depth of 10 kilometers (6 miles).", "depth", "10 kilometers", ""},
		{"A magnitude-6.1 quake hit Yunnan.", "magnitude", "6.1", ""},
		{"More than 1,800 people were injured.", "injured", "more than 1,800", ""},
		{"It destroyed between 20 and 30 houses.", "houses", "20–30", ""},
		{"In September 2012, 81 people died in a series of quakes.", "deaths", "81", "2012"},
		{"About 230,000 people have been evacuated.", "evacuated", "about 230,000", ""},
		{"In the morning 2.5 million people were affected.", "affected", "2,500,000", ""},
	} {
		var got *model.Claim
		for _, c := range claimsOf(t, tc.text, "") {
			if c.Kind == model.KindQuantity {
				c := c
				got = &c
				break
			}
		}
		if got == nil {
			t.Errorf("%q: no quantity", tc.text)
			continue
		}
		if got.Subject != tc.subject || got.Qty.Display() != tc.display || got.Scope != tc.scope {
			t.Errorf("%q: got %s %q @%q, want %s %q @%q", tc.text, got.Subject, got.Qty.Display(), got.Scope, tc.subject, tc.display, tc.scope)
		}
	}
	// not quantities: ages, years, names with numbers, "the two"
	for _, text := range []string{"Ma Yaoqi, an 18-year-old volunteer, helped.", "It was founded in 2015.", "The COVID-19 rules apply.", "The two governments met."} {
		for _, c := range claimsOf(t, text, "") {
			if c.Kind == model.KindQuantity {
				t.Errorf("%q: %q is not a quantity (%s)", text, c.Text, c.Subject)
			}
		}
	}
	// intervals: at least 30 and 45 agree; 43 and 60 do not; 10 km and 6 miles agree
	q := func(text string) model.QtyValue {
		for _, c := range claimsOf(t, text, "") {
			if c.Qty != nil {
				return *c.Qty
			}
		}
		t.Fatalf("%q: no quantity", text)
		return model.QtyValue{}
	}
	if !q("At least 30 people were killed.").Compatible(q("45 people were killed.")) {
		t.Error("at least 30 and 45 should be compatible")
	}
	if q("It had 43 passengers.").Compatible(q("It had 60 passengers.")) {
		t.Error("43 and 60 should not be compatible")
	}
	if !q("at a depth of 10 kilometres").Compatible(q("at a depth of 6 miles")) {
		t.Error("10 km and 6 miles should be compatible")
	}
}

// Awkward cases from other kinds of incident.
func TestOtherIncidents(t *testing.T) {
	for _, tc := range []struct {
		text, published string
		kind            model.ClaimKind
		subject, value  string
	}{
		{"The ferry sank on Monday in Lake Toba, officials said.", "2018-06-20", model.KindDate, "sinking", "2018-06-18"},
		{"The plane crashed shortly after take-off on October 29, 2018.", "", model.KindDate, "crash", "2018-10-29"},
		{"The boat had a capacity of 43 passengers.", "", model.KindQuantity, "capacity", "43"},
		{"It was licensed to carry 60 people.", "", model.KindQuantity, "capacity", "60"},
		{"Divers recovered two bodies from the wreck.", "", model.KindQuantity, "deaths", "2"},
		{"At least 115 people were killed in the floods.", "", model.KindQuantity, "deaths", "115"},
		{"Five children were killed when the school collapsed.", "", model.KindQuantity, "deaths of children", "5"},
		{"The blast killed 10 soldiers and wounded 20 others.", "", model.KindQuantity, "deaths of troops", "10"},
		{"The death toll rose to 146 on Wednesday.", "", model.KindQuantity, "deaths", "146"},
	} {
		var got *model.Claim
		for _, c := range claimsOf(t, tc.text, tc.published) {
			if c.Kind == tc.kind {
				c := c
				got = &c
				break
			}
		}
		if got == nil {
			t.Errorf("%q: no %s claim", tc.text, tc.kind)
			continue
		}
		v := ""
		switch {
		case got.Date != nil:
			v = got.Date.Norm()
		case got.Qty != nil:
			v = got.Qty.Norm()
		}
		if got.Subject != tc.subject || v != tc.value {
			t.Errorf("%q: %s about %q, want %s about %q", tc.text, v, got.Subject, tc.value, tc.subject)
		}
	}
	// a figure about another incident is scoped to it
	for _, c := range claimsOf(t, "In a separate attack on Tuesday, five people were killed.", "") {
		if c.Qty != nil && c.Scope != "another attack" {
			t.Errorf("figure of a separate attack scoped %q, want \"another attack\"", c.Scope)
		}
	}
	// the same instant in two zones is one time, not two disagreeing ones
	var times []model.TimeValue
	for _, c := range claimsOf(t, "The ferry sank at 03:00 local time (21:30 GMT Saturday).", "") {
		if c.Time != nil {
			times = append(times, *c.Time)
		}
	}
	if len(times) != 2 || times[0].Comparable(times[1]) {
		t.Errorf("03:00 local and 21:30 GMT should be two times that are not compared: %+v", times)
	}
}

func TestOrganisationNamesWithPossessives(t *testing.T) {
	names := func(text string) []string {
		var out []string
		for _, c := range claimsOf(t, text, "") {
			if c.Name != nil {
				out = append(out, c.Name.Name)
			}
		}
		return out
	}
	if got := names("Troops of the People's Liberation Army arrived on Monday."); len(got) != 1 || got[0] != "People's Liberation Army" {
		t.Errorf("People's Liberation Army: %q", got)
	}
	if got := names("Officials of Syria's Interior Ministry declined to comment."); len(got) != 2 || got[0] != "Syria" || got[1] != "Interior Ministry" {
		t.Errorf("Syria's Interior Ministry: %q", got)
	}
}
