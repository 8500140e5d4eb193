package registry

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"dossier/internal/model"
)

func fact(id string, claims ...string) model.Fact {
	f := model.Fact{ID: id}
	for _, c := range claims {
		art, anchor, _ := cut(c)
		f.Claims = append(f.Claims, model.FactClaim{Claim: &model.Claim{Article: art, Anchor: anchor, Text: "x"}})
	}
	return f
}

func cut(s string) (string, string, bool) {
	for i := range s {
		if s[i] == '#' {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}

func TestUpdateFollowsClaims(t *testing.T) {
	prev, _ := Parse(Registry{
		"raid-date":         {"a#s1@x", "b#s2@x"},
		"attacks-last-year": {"a#s3@x", "b#s4@x"},
		"fighters":          {"a#s5@x", "c#s6@x"},
		"daughters":         {"d#s7@x"},
	}.Bytes())
	next, retired := Update(prev, []model.Fact{
		fact("raid-date", "a#s1", "b#s2", "e#s9"),
		fact("attacks-2024", "a#s3", "b#s4"), // renamed
		fact("fighters-syria", "a#s5"),       // split
		fact("fighters-iraq", "c#s6"),
	})
	want := []Retired{
		{Slug: "attacks-last-year", Targets: []string{"attacks-2024"}},
		{Slug: "daughters", Targets: nil},
		{Slug: "fighters", Targets: []string{"fighters-iraq", "fighters-syria"}},
	}
	if !reflect.DeepEqual(retired, want) {
		t.Errorf("retired = %+v\nwant %+v", retired, want)
	}
	if len(next) != 7 || len(next["daughters"]) != 1 {
		t.Errorf("the registry should keep retired slugs with their evidence: %v", next)
	}
	again, _ := Parse(next.Bytes())
	if !reflect.DeepEqual(again, next) {
		t.Error("registry does not round-trip")
	}
}

// A large fact keeps a fixed sample of its claims, and the sample still
// follows it when it is split.
func TestLargeFactSampled(t *testing.T) {
	var all, even, odd []string
	for i := 0; i < 1000; i++ {
		c := fmt.Sprintf("a%03d#s%d", i, i)
		all = append(all, c)
		if i%2 == 0 {
			even = append(even, c)
		} else {
			odd = append(odd, c)
		}
	}
	next, _ := Update(Registry{}, []model.Fact{fact("death-toll", all...)})
	if n := len(next["death-toll"]); n != Sample {
		t.Fatalf("a fact of 1000 claims keeps %d in the registry, want %d", n, Sample)
	}
	again, _ := Update(Registry{}, []model.Fact{fact("death-toll", all...)})
	if !reflect.DeepEqual(again, next) {
		t.Error("the sample is not deterministic")
	}
	_, retired := Update(next, []model.Fact{fact("deaths-civilians", even...), fact("deaths-soldiers", odd...)})
	want := []Retired{{Slug: "death-toll", Targets: []string{"deaths-civilians", "deaths-soldiers"}}}
	if !reflect.DeepEqual(retired, want) && !reflect.DeepEqual(retired, []Retired{{Slug: "death-toll", Targets: []string{"deaths-soldiers", "deaths-civilians"}}}) {
		t.Errorf("retired = %+v, want the split followed to both halves", retired)
	}
}

// When the extractor reads a wider mention in the same sentence ("15", then
// "15 IS weapons caches"), the old address still follows its claim; a
// mention that only shares a sentence does not.
func TestUpdateFollowsWidenedMentions(t *testing.T) {
	prev := Registry{"caches": {"a#s1@15"}, "other": {"a#s1@150"}}
	wide := model.Fact{ID: "caches-destroyed", Claims: []model.FactClaim{{Claim: &model.Claim{Article: "a", Anchor: "s1", Text: "15 IS weapons caches"}}}}
	_, retired := Update(prev, []model.Fact{wide})
	want := []Retired{{Slug: "caches", Targets: []string{"caches-destroyed"}}, {Slug: "other"}}
	if !reflect.DeepEqual(retired, want) {
		t.Errorf("retired = %+v, want %+v", retired, want)
	}
}

// A registry line whose slug could name a path outside facts/ (or is not a
// slug at all) is a warning with its line, and is skipped.
func TestParseRejectsMalformedSlugs(t *testing.T) {
	data := "raid-date\ta#s-x@1\n..\tx\n../index\tx\nfacts/x\ty\nUpper\tz\n-x\tz\na--b\tz\n\x00\xff\xfe\tz\nok-2\tb#c@d\n" +
		"bad-claims\ta\x01b\n"
	reg, ds := Parse([]byte(data))
	if len(reg) != 2 || reg["raid-date"] == nil || reg["ok-2"] == nil {
		t.Errorf("kept %v, want raid-date and ok-2 only", reg)
	}
	msg := ds.Format("dossier")
	for _, line := range []string{":2:", ":3:", ":4:", ":5:", ":6:", ":7:", ":8:", ":10:"} {
		if !strings.Contains(msg, File+line+" not a registry line") {
			t.Errorf("no warning for line %s in:\n%s", line, msg)
		}
	}
}

// Random bytes never give a slug that is not a plain folder name.
func FuzzParse(f *testing.F) {
	f.Add([]byte("raid-date\ta#b@c\n..\tx\n"))
	f.Add([]byte("\xff\xfe\x00a\tb"))
	f.Fuzz(func(t *testing.T, data []byte) {
		reg, _ := Parse(data)
		for slug := range reg {
			if !ValidSlug(slug) || strings.ContainsAny(slug, "./\\") {
				t.Fatalf("slug %q accepted", slug)
			}
		}
	})
}
