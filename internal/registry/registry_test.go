package registry

import (
	"reflect"
	"testing"

	"dossier/internal/model"
)

func fact(id string, claims ...string) model.Fact {
	f := model.Fact{ID: id}
	for _, c := range claims {
		art, anchor, _ := cut(c)
		f.Claims = append(f.Claims, model.FactClaim{Claim: model.Claim{Article: art, Anchor: anchor, Text: "x"}})
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
