package site

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"dossier/internal/model"
)

func TestTextFragment(t *testing.T) {
	short := TextFragment("https://x.org/a#top", "The raid, at 3 am-ish & more.")
	if short != "https://x.org/a#:~:text=The%20raid%2C%20at%203%20am%2Dish%20%26%20more." {
		t.Errorf("short sentence: %s", short)
	}
	long := TextFragment("https://x.org/a", "one two three four five six seven eight nine ten eleven twelve")
	if !strings.HasSuffix(long, "#:~:text=one%20two%20three%20four%20five,eight%20nine%20ten%20eleven%20twelve") {
		t.Errorf("long sentence: %s", long)
	}
}

func TestReadableStamp(t *testing.T) {
	for in, want := range map[string]string{
		"":                          "undated",
		"2014-08-03":                "August 3, 2014",
		"2014-08-03T21:02:00+06:00": "August 3, 2014, 21:02 (UTC+06:00)",
		"2014-08-03T08:30:00Z":      "August 3, 2014, 08:30 (UTC)",
	} {
		if got := readableStamp(in); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}

func TestThinKeepsChanges(t *testing.T) {
	var steps []model.Step
	for _, v := range []string{"150", "150", "175", "175", "175", "381", "398", "398", "410"} {
		steps = append(steps, model.Step{Value: v})
	}
	got := thin(steps, 50)
	var vs []string
	for _, s := range got {
		vs = append(vs, s.Value)
	}
	if strings.Join(vs, " ") != "150 175 381 398 410" {
		t.Errorf("thin kept %v; want each change once, first and last kept", vs)
	}
	if n := len(thin(steps, 3)); n != 3 {
		t.Errorf("thin to 3 kept %d", n)
	}
}

func TestPagerWindow(t *testing.T) {
	var links []Link
	for i := 1; i <= 40; i++ {
		links = append(links, Link{Text: string(rune('0' + i%10))})
	}
	if w := window(links, 20); len(w) != 9 || w[0] != links[0] || w[len(w)-1] != links[39] {
		t.Errorf("window around page 20 of 40: %d links", len(w))
	}
	if w := window(links[:10], 5); len(w) != 10 {
		t.Errorf("short pagers show every page")
	}
}

func TestClaimsBySentence(t *testing.T) {
	sent := func(lo, hi int) model.Sentence { return model.Sentence{Span: model.Span{Start: lo, End: hi}} }
	claim := func(lo, hi int) model.Claim { return model.Claim{Span: model.Span{Start: lo, End: hi}} }
	d := &model.Doc{Blocks: []model.Block{
		{Sentences: []model.Sentence{sent(0, 10), sent(11, 20)}},
		{Sentences: []model.Sentence{sent(30, 40)}},
	}}
	// out of order, one between sentences, one straddling two
	claims := []model.Claim{claim(32, 35), claim(1, 3), claim(12, 14), claim(5, 8), claim(21, 25), claim(8, 12), claim(30, 31)}
	got := fmt.Sprint(claimsBySentence(d, claims))
	if want := "[[1 3] [2] [0 6]]"; got != want {
		t.Errorf("claimsBySentence = %s, want %s", got, want)
	}
	// overlapping sentences fall back to checking each
	d.Blocks[1].Sentences[0] = sent(5, 40)
	if got, want := fmt.Sprint(claimsBySentence(d, claims)), "[[1 3] [2] [0 2 3 4 5 6]]"; got != want {
		t.Errorf("overlapping: claimsBySentence = %s, want %s", got, want)
	}
}

// textFragmentByDefinition is TextFragment as first written, with the
// standard library: TextFragment must give the same links.
func textFragmentByDefinition(base, sentence string) string {
	reserved := strings.NewReplacer("-", "%2D", ",", "%2C", "&", "%26")
	enc := func(s string) string { return reserved.Replace(url.PathEscape(s)) }
	words := strings.Fields(sentence)
	frag := enc(strings.Join(words, " "))
	if len(words) > 10 {
		frag = enc(strings.Join(words[:5], " ")) + "," + enc(strings.Join(words[len(words)-5:], " "))
	}
	if i := strings.Index(base, "#"); i >= 0 {
		base = base[:i]
	}
	var esc strings.Builder
	for _, c := range []byte(base) {
		if c > ' ' && c < 0x7f && !strings.ContainsRune("\"<>\\^`{|}", rune(c)) {
			esc.WriteByte(c)
		} else {
			fmt.Fprintf(&esc, "%%%02X", c)
		}
	}
	return esc.String() + "#:~:text=" + frag
}

func FuzzTextFragment(f *testing.F) {
	f.Add("https://x.org/a#top", "The raid, at 3 am-ish & more.")
	f.Add("https://x.org/a", "one two three four five six seven eight nine ten eleven twelve")
	f.Add("https://x.org/a?q=1", "  al-Masʿūd\u00a0said: “50%+ of $5 @ 3:00 = ~ok” /path; (x) [y] {z} 'q' \"r\" #h\t\n")
	f.Add("", "\xff\xfe broken")
	f.Add("https://x.org/a b?q=\"><script>", "A quote.")
	f.Fuzz(func(t *testing.T, base, sentence string) {
		if got, want := TextFragment(base, sentence), textFragmentByDefinition(base, sentence); got != want {
			t.Fatalf("TextFragment(%q, %q) =\n%s, want\n%s", base, sentence, got, want)
		}
	})
}
