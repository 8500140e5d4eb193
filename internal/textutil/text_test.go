package textutil

import (
	"strings"
	"testing"
)

func TestTokenize(t *testing.T) {
	for in, want := range map[string]string{
		"al-Masoud's cousin":      "al-Masoud's|cousin",
		"The U.S. said 2,500 men": "The|U.S.|said|2,500|men",
		"at 3am, 4:30 p.m.":       "at|3|am|,|4|:|30|p.m.",
		"a 6.5-magnitude quake":   "a|6.5|-|magnitude|quake",
		"1,2 and 1,0000":          "1|,|2|and|1|,|0000",
		"IS.Security analyst":     "IS|.|Security|analyst",
	} {
		var got []string
		for _, tok := range Tokenize(in, 0) {
			if in[tok.Start:tok.End] != tok.Text {
				t.Errorf("%q: token %q has wrong offsets", in, tok.Text)
			}
			got = append(got, tok.Text)
		}
		if strings.Join(got, "|") != want {
			t.Errorf("%q: %s, want %s", in, strings.Join(got, "|"), want)
		}
	}
}

func TestSlugAndFold(t *testing.T) {
	if got := Slug("Khaled al-Masoud’s Ürümqi trip!", 80); got != "khaled-al-masouds-urumqi-trip" {
		t.Errorf("slug %q", got)
	}
	if got := Slug("one two three four five", 12); got != "one-two" {
		t.Errorf("cut slug %q", got)
	}
	for _, n := range []string{"a.swp", "a~", ".#a", "4913", "#a#"} {
		if !IsEditorTemp(n) {
			t.Errorf("%s is an editor temp file", n)
		}
	}
	if IsEditorTemp("a.md") {
		t.Error("a.md is not a temp file")
	}
}

func FuzzSquashSpace(f *testing.F) {
	for _, s := range []string{"", " ", "a b", " a", "a ", "a  b", "a\tb", "a\nb", "a\u00a0b", "é  ü", "one two three."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := SquashSpace(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Fatalf("SquashSpace(%q) = %q, want %q", s, got, want)
		}
	})
}

func TestSlugTransliterates(t *testing.T) {
	for in, want := range map[string]string{
		"Дмитрий Иванов":  "dmitrii-ivanov",
		"地震报道":            "di-zhen-bao-dao",
		"Αθήνα":           "athena",
		"محمد":            "mhmd",
		"Ürümqi":          "urumqi",
		"!!!":             "",
		"Москва 2024 год": "moskva-2024-god",
	} {
		if got := Slug(in, 60); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestUnique(t *testing.T) {
	used := map[string]bool{}
	var got []string
	for _, id := range []string{"a", "a", "", "a-2", "a", ""} {
		got = append(got, Unique(used, id, "item"))
	}
	want := []string{"a", "a-2", "item", "a-2-2", "a-3", "item-2"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("got %v, want %v", got, want)
	}
}

// Markdown emphasis and link destinations are not words: a figure in bold
// or a speaker in a link reads as plain text does.
func TestTokenizeSkipsMarkdown(t *testing.T) {
	var got []string
	for _, tok := range Tokenize("At least **14 people** died, [police](https://x.org/a_b) _said_.", 0) {
		got = append(got, tok.Text)
	}
	want := "At least 14 people died , [ police ] said ."
	if strings.Join(got, " ") != want {
		t.Errorf("tokens %q, want %q", strings.Join(got, " "), want)
	}
}
