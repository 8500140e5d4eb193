package align

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"dossier/internal/corpus"
	"dossier/internal/extract"
	"dossier/internal/model"
	"dossier/internal/segment"
	"dossier/internal/testutil"
)

// run takes the articles in dir through corpus, segment, extract and align.
func run(t testing.TB, dir string) model.Ledger {
	t.Helper()
	fsys := fstest.MapFS{}
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		fsys[corpus.Dir+"/"+e.Name()] = &fstest.MapFile{Data: b}
	}
	arts, diags, err := corpus.Load(fsys)
	if err != nil || diags.HasErrors() {
		t.Fatalf("load %s: %v %v", dir, err, diags)
	}
	var in []Input
	for i := range arts {
		a := &arts[i]
		d := segment.Segment(a)
		res := extract.Extract(a, &d)
		in = append(in, Input{Article: a, Doc: &d, Claims: res.Claims, Events: res.Events})
	}
	return Align(in)
}

func seeds(t testing.TB) model.Ledger {
	return run(t, filepath.Join(testutil.RepoRoot(), "content", "articles"))
}

// Render is the golden form of a ledger.
func Render(l model.Ledger) string {
	var b strings.Builder
	fmt.Fprintf(&b, "main event: %s\n\n# entities\n", l.MainEvent)
	for _, e := range l.Entities {
		var al []string
		for _, a := range e.Aliases {
			al = append(al, fmt.Sprintf("%s [%s]", a.Text, strings.Join(a.Sources, " ")))
		}
		fmt.Fprintf(&b, "%-12s %-28s %s\n", e.Kind, e.ID, strings.Join(al, "; "))
	}
	b.WriteString("\n# facts\n")
	for _, f := range l.Facts {
		fmt.Fprintf(&b, "%s (%s): %s", f.ID, f.Title, f.Status)
		if f.Precision {
			b.WriteString(" (precision)")
		}
		if f.Conflict != "" {
			fmt.Fprintf(&b, " — %s", f.Conflict)
		}
		if len(f.Internal) > 0 {
			fmt.Fprintf(&b, " — internal: %s", strings.Join(f.Internal, " "))
		}
		fmt.Fprintf(&b, " — %d sources, %d independent\n", len(f.Sources), f.Independent)
		if f.Reason != "" {
			fmt.Fprintf(&b, "  why: %s\n", f.Reason)
		}
		var gs []string
		for _, g := range f.Groups {
			gs = append(gs, fmt.Sprintf("%s ×%d", g.Display, len(g.Claims)))
		}
		fmt.Fprintf(&b, "  values: %s", strings.Join(gs, " | "))
		if len(f.Vague) > 0 {
			fmt.Fprintf(&b, " | vague ×%d", len(f.Vague))
		}
		b.WriteString("\n")
		for _, c := range f.Claims {
			fmt.Fprintf(&b, "    %-22s %-26s %q\n", c.Article, c.Display, c.Text)
		}
	}
	b.WriteString("\n# timeline\n")
	for _, e := range l.Timeline {
		fmt.Fprintf(&b, "%-24s %-13s %-14s %s [%s]\n", e.Date.Norm(), e.Status, e.Fact, e.Label, strings.Join(e.Sources, " "))
	}
	b.WriteString("\n# overlaps\n")
	for _, o := range l.Overlaps {
		fmt.Fprintf(&b, "%s ~ %s: %d words\n", o.A, o.B, o.Shared)
	}
	return b.String()
}

func TestSeedsGolden(t *testing.T) {
	testutil.Golden(t, "seeds.txt", []byte(Render(seeds(t))))
}

func fact(t *testing.T, l model.Ledger, id string) model.Fact {
	t.Helper()
	for _, f := range l.Facts {
		if f.ID == id {
			return f
		}
	}
	t.Fatalf("no fact %q", id)
	return model.Fact{}
}

func entityWith(l model.Ledger, alias string) *model.Entity {
	for i, e := range l.Entities {
		for _, a := range e.Aliases {
			if a.Text == alias {
				return &l.Entities[i]
			}
		}
	}
	return nil
}

// The seed expectations of issue 2, point 8.
func TestSeedRaidDateDisputed(t *testing.T) {
	l := seeds(t)
	f := fact(t, l, "raid-date")
	if f.Status != model.Disputed {
		t.Fatalf("raid-date status = %s, want disputed", f.Status)
	}
	for _, want := range []string{"October 19", "October 28", "October 29", "2023 vs 2025"} {
		if !strings.Contains(f.Conflict, want) {
			t.Errorf("conflict %q does not name %q", f.Conflict, want)
		}
	}
	if len(f.Internal) != 1 || !strings.HasPrefix(f.Internal[0], "004") {
		t.Errorf("internal = %v, want source 004 contradicting itself (October 29 and October 19)", f.Internal)
	}
}

func TestSeedSpellingVariantsGrouped(t *testing.T) {
	l := seeds(t)
	for _, group := range [][]string{
		{"al-Masoud", "al-Masud", "Khaled al-Masoud", "Khaled al-Masud", "Khaled al Masud"},
		{"Dumayr", "Dumayar", "al-Dumayr"},
		{"al-Sharaa", "al-Shara", "al-Sharra", "Ahmad al-Sharaa", "Ahmed al-Sharaa"},
	} {
		first := entityWith(l, group[0])
		if first == nil {
			t.Errorf("no entity spelled %q", group[0])
			continue
		}
		for _, v := range group[1:] {
			if e := entityWith(l, v); e == nil || e.ID != first.ID {
				t.Errorf("%q is not grouped with %q (entity %s)", v, group[0], first.ID)
			}
		}
	}
	victim, cousin := entityWith(l, "Khaled al-Masoud"), entityWith(l, "Abdel Kareem Masoud")
	if victim == nil || cousin == nil || victim.ID == cousin.ID {
		t.Errorf("the victim and his cousin Abdel Kareem Masoud must be two people")
	}
	if victim != nil && victim.Kind != model.Person {
		t.Errorf("victim kind = %s, want person", victim.Kind)
	}
	if town := entityWith(l, "Dumayr"); town != nil && town.Kind != model.Place {
		t.Errorf("Dumayr kind = %s, want place", town.Kind)
	}
}

func TestSeedAgreeingValuesNotDisputed(t *testing.T) {
	l := seeds(t)
	for _, id := range []string{"raid-time", "fighters-active", "attacks-last-year", "attacks-this-year"} {
		if f := fact(t, l, id); f.Status != model.Agreed && f.Status != model.SingleSource {
			t.Errorf("%s is %s (%s), want agreed", id, f.Status, f.Conflict)
		}
	}
	if f := fact(t, l, "raid-time"); f.Status != model.Agreed || len(f.Sources) < 4 {
		t.Errorf("raid-time: 3 am = 03:00 = 3 AM should be agreed by 4 sources, got %s by %d", f.Status, len(f.Sources))
	}
	for _, id := range []string{"attacks-last-year", "attacks-this-year"} {
		if f := fact(t, l, id); f.Status != model.Agreed {
			t.Errorf("%s: 1,038 and 375 attacks should be agreed by two sources, got %s", id, f.Status)
		}
	}
	found52 := false
	for _, f := range l.Facts {
		if f.Status == model.Disputed && f.ID != "raid-date" {
			t.Errorf("unexpected dispute %s: %s", f.ID, f.Conflict)
		}
		for _, c := range f.Claims {
			if c.Qty != nil && c.Qty.Number == 52 {
				found52 = true
			}
		}
	}
	if !found52 {
		t.Error("the 52 incidents are not a fact")
	}
}

func TestSeedTimelineBackground(t *testing.T) {
	l := seeds(t)
	have := map[string]bool{}
	for _, e := range l.Timeline {
		have[e.Date.Norm()] = true
	}
	for _, want := range []string{"2015", "2019", "2020/..", "2023"} {
		if !have[want] {
			t.Errorf("timeline has no %s entry", want)
		}
	}
	disputed := 0
	for _, e := range l.Timeline {
		if e.Fact == "raid-date" {
			if e.Status != model.Disputed {
				t.Errorf("raid-date timeline entry %s is %s, want disputed", e.Date.Norm(), e.Status)
			}
			disputed++
		}
	}
	if disputed < 2 {
		t.Errorf("timeline shows %d competing raid dates, want each of them", disputed)
	}
}

func TestDeterministic(t *testing.T) {
	a, b := Render(seeds(t)), Render(seeds(t))
	if a != b {
		t.Fatal("two alignments of the same corpus differ")
	}
}

func TestPrefixedNamesGroup(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", "The ferry KM Sinar Bangun sank on Lake Toba with 164 passengers on board, officials said.\n")
	write("b.txt", "The Kapal Motor Sinar Bangun was licensed to carry 43 passengers, said the navy.\n")
	write("c.txt", "Rescuers searched for the KM Sinar Bangun all week.\n")
	l := run(t, dir)
	km, kapal := entityWith(l, "KM Sinar Bangun"), entityWith(l, "Kapal Motor Sinar Bangun")
	if km == nil || kapal == nil || km.ID != kapal.ID {
		t.Errorf("KM Sinar Bangun and Kapal Motor Sinar Bangun should be one vessel: %+v %+v", km, kapal)
	}
}

// A different kind of incident, end to end through align: the event named
// by its verb, a capacity in conflict, a rising count told apart from a
// dispute, a prefixed vessel name, one instant in two zones.
func TestFerryFixture(t *testing.T) {
	l := run(t, filepath.Join("testdata", "ferry"))
	if l.MainEvent != "sinking" {
		t.Fatalf("main event %q, want sinking", l.MainEvent)
	}
	date := fact(t, l, "sinking-date")
	if date.Status != model.Agreed {
		t.Errorf("sinking-date is %s (%s): every report says Monday, June 18", date.Status, date.Conflict)
	}
	for _, c := range date.Claims {
		if c.Date.Norm() != "2018-06-18" {
			t.Errorf("%s: sinking date %s, want 2018-06-18 (Monday before publication)", c.Article, c.Date.Norm())
		}
	}
	// "It had a capacity of 43": what "it" is, is not read with certainty
	if f := fact(t, l, "boat-capacity"); f.Status != model.PossiblyConflicting || !strings.Contains(f.Conflict, "43") || !strings.Contains(f.Conflict, "60") {
		t.Errorf("capacity 43 (of \"it\") vs the boat licensed to carry 60 should be possibly conflicting, got %s %q", f.Status, f.Conflict)
	}
	if f := fact(t, l, "missing"); f.Status != model.Updated {
		t.Errorf("at least 128 missing, then 164: want updated, got %s %q", f.Status, f.Conflict)
	}
	if f := fact(t, l, "death-toll"); f.Status != model.Updated {
		t.Errorf("three dead, then five: want updated, got %s %q", f.Status, f.Conflict)
	}
	for _, f := range l.Facts {
		if f.Kind == "time" && f.Status == model.Disputed {
			t.Errorf("%s: 5.30pm, 17:30 local and 10:30 GMT must not be disputed: %q", f.ID, f.Conflict)
		}
	}
	km, kapal := entityWith(l, "KM Sinar Bangun"), entityWith(l, "Kapal Motor Sinar Bangun")
	if km == nil || kapal == nil || km.ID != kapal.ID {
		t.Errorf("KM Sinar Bangun and Kapal Motor Sinar Bangun should be one vessel")
	}
	for _, f := range l.Facts {
		// a stale toll (three, the day after another report's five) is a conflict within the update
		if f.Status == model.Disputed && f.ID != "death-toll-conflicts" {
			t.Errorf("unexpected dispute %s: %s", f.ID, f.Conflict)
		}
	}
}

// Statements of a conflict stay readable however many sources disagree:
// thirty outlets giving thirty figures are not listed thirty times over,
// nor as every pair of them on the contradictions page.
func TestManyValuesConflictStaysShort(t *testing.T) {
	for _, tc := range []struct {
		days         int
		prefix, tail string
	}{
		{1, "1,000 vs 1,010 vs", "vs 1,290 (30 values)"}, // one day: the values
		{2, "1,000 vs 1,010 vs", "vs 1,290 (30 values)"}, // over days: the values of the conflicts within a day
	} {
		dir := t.TempDir()
		for i := 0; i < 30; i++ {
			text := fmt.Sprintf("---\ntitle: Report %d\npublished: 2024-08-%02d\n---\n\nThe flood destroyed %d houses in the valley, officials said.\n", i, 5+i%tc.days, 1000+10*i)
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("r%02d.md", i)), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		l := run(t, dir)
		var got *model.Fact
		for i := range l.Facts {
			if len(l.Facts[i].Sources) == 30 {
				got = &l.Facts[i]
			}
		}
		if got == nil {
			t.Fatalf("no fact stated by the 30 sources: %v", Render(l))
		}
		if got.Status != model.Disputed {
			t.Fatalf("%d days: %s: status %s, want disputed (same day, different figures)", tc.days, got.ID, got.Status)
		}
		if len(got.Conflict) > 300 || !strings.HasPrefix(got.Conflict, tc.prefix) || !strings.HasSuffix(got.Conflict, tc.tail) {
			t.Errorf("%d days: %s: conflict should be capped as %q … %q, got %d bytes: %q", tc.days, got.ID, tc.prefix, tc.tail, len(got.Conflict), got.Conflict)
		}
		if len(got.Reason) > 1500 || !strings.Contains(got.Reason, "conflicts)") {
			t.Errorf("%d days: %s: the reason should list a few conflicts and count them, got %d bytes: %q", tc.days, got.ID, len(got.Reason), got.Reason)
		}
	}
}

func TestCapJoin(t *testing.T) {
	short := []string{"1", "2", "3"}
	if got := capJoin(short, " vs ", "values"); got != "1 vs 2 vs 3" {
		t.Errorf("capJoin(short) = %q", got)
	}
	var long []string
	for i := 1; i <= 4997; i++ {
		long = append(long, fmt.Sprint(i))
	}
	if got, want := capJoin(long, " vs ", "values"), "1 vs 2 vs 3 vs 4 vs 5 vs 6 vs … vs 4997 (4,997 values)"; got != want {
		t.Errorf("capJoin(long) = %q, want %q", got, want)
	}
}

// Spellings of one name group into one entity, and names that only look
// alike stay apart, on articles written for this test (invented names, in
// the shapes real outlets write them).
func TestEntityVariants(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"a.txt": "Firefighter Zhou Ti was pulled from the rubble in Lorca City on Thursday. Mr Zhou was taken to hospital.\n" +
			"China Central Television said the Harbour Rui Hai Logistics Co. Ltd. warehouse held chemicals.\n" +
			"Deputy Superintendent of Police P S Rana said nine people were arrested.\n" +
			"The former ambassador Qazanfar Rahimi is missing, pilgrims from Makkah said.\n",
		"b.txt": "Fire chief Zhou Tian said the blaze in Lorca prefecture was under control. CCTV showed the site.\n" +
			"Police officer PS Rana confirmed the arrests. Ruihai Logistics owned the warehouse.\n" +
			"Ghazanfar Rahimi, a former ambassador, was among the missing near Mecca, the Lorca News reported.\n" +
			"Health Minister Khaled al-Rashid said the toll had risen. King Salman bin Ahmed visited Lorca.\n",
		"c.txt": "Health Minister Khalid bin Ahmed al-Rashid said 934 pilgrims were injured.\n" +
			"Residents of Lorca said the Lorca News had the first pictures.\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	l := run(t, dir)
	same := [][]string{
		{"Zhou Ti", "Mr Zhou"},
		{"Lorca City", "Lorca prefecture", "Lorca"},
		{"China Central Television", "CCTV"},
		{"Ruihai Logistics", "Harbour Rui Hai Logistics Co. Ltd"},
		{"P S Rana", "PS Rana"},
		{"Qazanfar Rahimi", "Ghazanfar Rahimi"},
		{"Makkah", "Mecca"},
		{"Khaled al-Rashid", "Khalid bin Ahmed al-Rashid"},
	}
	for _, g := range same {
		first := entityWith(l, g[0])
		if first == nil {
			t.Errorf("no entity spelled %q: %v", g[0], aliasesOf(l))
			continue
		}
		for _, v := range g[1:] {
			if e := entityWith(l, v); e == nil || e.ID != first.ID {
				t.Errorf("%q is not grouped with %q (entity %s)", v, g[0], first.ID)
			}
		}
	}
	for _, pair := range [][2]string{{"Zhou Ti", "Zhou Tian"}, {"Lorca", "Lorca News"}, {"Khaled al-Rashid", "Salman bin Ahmed"}} {
		a, b := entityWith(l, pair[0]), entityWith(l, pair[1])
		if a != nil && b != nil && a.ID == b.ID {
			t.Errorf("%q and %q must be two entities", pair[0], pair[1])
		}
	}
	if e := entityWith(l, "Lorca"); e == nil || e.Kind != model.Place || e.Name != "Lorca City" && e.Name != "Lorca" {
		t.Errorf("Lorca: %+v", e)
	}
}

func aliasesOf(l model.Ledger) []string {
	var out []string
	for _, e := range l.Entities {
		for _, a := range e.Aliases {
			out = append(out, a.Text)
		}
	}
	return out
}

// A name a source declares another name of the same place joins it, in
// every article.
func TestDeclaredAliasesJoin(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"a.txt": "Shelling hit Kafr Nabl, also known as Kafranbel, on Monday.\n",
		"b.txt": "Residents fled Kafranbel after the shelling.\n",
		"c.txt": "Aid reached Kafr Nabl on Tuesday.\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	l := run(t, dir)
	a, b := entityWith(l, "Kafr Nabl"), entityWith(l, "Kafranbel")
	if a == nil || b == nil || a.ID != b.ID {
		t.Errorf("Kafr Nabl and Kafranbel should be one place: %v", aliasesOf(l))
	}
}

// A figure its own source corrects ("had earlier put the toll at four …
// now two") is no conflict, neither inside that source nor with others.
func TestSelfCorrectionIsNoDispute(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"a.txt": "---\npublished: 2024-03-02\n---\nThe mine collapse killed two miners, officials said on Saturday. Officials had earlier put the death toll at four.\n",
		"b.txt": "---\npublished: 2024-03-09\n---\nThe mine collapse killed three miners, the company said.\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	l := run(t, dir)
	for _, f := range l.Facts {
		if f.Status == model.Disputed {
			t.Errorf("%s is disputed (%s): %s", f.ID, f.Conflict, f.Reason)
		}
	}
}

// Two sources giving two tolls for one day neither agree nor, surely,
// disagree: the toll may have risen during the day. Possibly conflicting,
// never "agreed at different precision".
func TestTwoTollsOfOneDay(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"a.md": "---\npublished: 2031-03-04\n---\nThe fire in Riverton on March 3, 2031 killed 11 people, officials said on March 4, 2031.\n",
		"b.md": "---\npublished: 2031-03-04\n---\nThe fire in Riverton on March 3, 2031 killed 12 people, officials said on March 4, 2031.\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	f := fact(t, run(t, dir), "death-toll")
	if f.Status != model.PossiblyConflicting || f.Precision {
		t.Errorf("death-toll: %s (precision %v): %s", f.Status, f.Precision, f.Reason)
	}
}
