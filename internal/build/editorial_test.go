package build

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"dossier/internal/testutil"
)

// editorialSite copies the test site with an editorial file (an invented
// warehouse fire: three reports, a decision of every kind).
func editorialSite(t *testing.T) string {
	t.Helper()
	return copyTree(t, filepath.Join(testutil.RepoRoot(), "internal", "build", "testdata", "editorial"))
}

func readExport(t *testing.T, out string) map[string]any {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, "dossier.json"))
	if err != nil {
		t.Fatal(err)
	}
	var d map[string]any
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatal(err)
	}
	return d
}

func byID(list any, id string) map[string]any {
	for _, x := range list.([]any) {
		if m := x.(map[string]any); m["id"] == id {
			return m
		}
	}
	return nil
}

// Every kind of decision reaches dossier.json with its provenance, and the
// pages tell the editor's word from the machine's.
func TestEditorialDecisions(t *testing.T) {
	site := editorialSite(t)
	out := filepath.Join(site, "public")
	res := mustBuild(t, site, out)
	msg := res.Diags.Format("dossier")
	if !strings.Contains(msg, "content/editorial.yaml:46: failed verification: the quote \"killed 15 people\" no longer occurs in b") {
		t.Errorf("the failed verification should be a warning with its line:\n%s", msg)
	}
	d := readExport(t, out)
	if d["title"] != "The Riverton warehouse fire" || !strings.Contains(d["editor"].(map[string]any)["note"].(string), "**death toll**") {
		t.Errorf("dossier title or note: %v %v", d["title"], d["editor"])
	}
	facts := d["facts"]
	date := byID(facts, "fire-date")
	ed := date["editor"].(map[string]any)
	if date["status"] != "not-comparable" || date["verdict_by"] != "editor" || ed["machine_status"] != "disputed" || ed["at"] != "content/editorial.yaml:9" {
		t.Errorf("fire-date: status %v by %v, editor %v", date["status"], date["verdict_by"], ed)
	}
	if n := len(date["claims"].([]any)); n != 3 {
		t.Errorf("fire-date has %d claims; the misread date should have moved in (3)", n)
	}
	for _, gone := range []string{"fire-kill-date", "death-toll-2019", "injured"} {
		if byID(facts, gone) != nil {
			t.Errorf("fact %s should be gone (emptied by moves, or dismissed)", gone)
		}
	}
	other := byID(facts, "death-toll-2019-another-event")
	if other == nil || !strings.Contains(other["title"].(string), "another event") {
		t.Errorf("the claim about another event should have a fact of its own: %v", other)
	}
	toll := byID(facts, "death-toll")
	if toll["title"] != "Deaths in the warehouse fire" || toll["verdict_by"] != "machine" || toll["editor"].(map[string]any)["machine_title"] != "Death toll" {
		t.Errorf("death-toll: %v %v %v", toll["title"], toll["verdict_by"], toll["editor"])
	}
	verif := map[string]string{}
	for _, c := range toll["claims"].([]any) {
		c := c.(map[string]any)
		if v, ok := c["verification"].(string); ok {
			verif[c["source"].(string)] = v + " " + c["checked"].(string)
		}
	}
	if verif["a"] != "verified 2031-03-06" || verif["b"] != "failed 2031-03-06" {
		t.Errorf("verifications: %v", verif)
	}
	ents := d["entities"]
	if m := byID(ents, "marlow-chemicals"); m == nil || m["name"] != "Marlow Chemicals Ltd" || m["kind"] != "organisation" || len(m["aliases"].([]any)) != 2 {
		t.Errorf("marlow-chemicals should be renamed, an organisation, merged with the company: %v", m)
	}
	for _, gone := range []string{"marlow-chemical-company", "follow-harran-daily"} {
		if byID(ents, gone) != nil {
			t.Errorf("entity %s should be gone (merged or dropped)", gone)
		}
	}
	if o := byID(ents, "okafor"); o == nil || len(byID(ents, "dana-okafor")["aliases"].([]any)) != 1 {
		t.Errorf("Okafor should be split from Dana Okafor: %v", o)
	}
	page := snapshot(t, out)
	for p, want := range map[string][]string{
		"facts/fire-date/index.html":      {"Verdict set by the editor: <strong>not comparable</strong>", "The machine's verdict was disputed", "Decided in content/editorial.yaml:9", "set by the editor"},
		"facts/death-toll/index.html":     {"the machine's name: Death toll", "checked against the original by the editor, 2031-03-06", "failed verification", `<a href="https://courier.example/fire">the Courier</a>`},
		"entities/okafor/index.html":      {"split by the editor from “Dana Okafor”"},
		"index.html":                      {"<strong>death toll</strong>", "The Riverton warehouse fire"},
		"facts/index.html":                {"Deaths in the warehouse fire"},
		"contradictions/index.html":       {"Date of the fire"},
		"entities/dana-okafor/index.html": {"The fire chief."},
	} {
		for _, w := range want {
			if !strings.Contains(page[p], w) {
				t.Errorf("%s lacks %q", p, w)
			}
		}
	}
	// the note is Markdown rendered safely: no live script, no javascript: link
	eachTag(page["facts/death-toll/index.html"], func(tok html.Token) {
		if tok.Data == "script" && !isJSONLD(tok) {
			t.Error("a <script> from the editor's note is live")
		}
		for _, a := range tok.Attr {
			if a.Key == "href" && strings.HasPrefix(a.Val, "javascript:") {
				t.Errorf("a javascript: link from the editor's note: %q", a.Val)
			}
		}
	})
	// and the same input gives the same bytes
	again := filepath.Join(t.TempDir(), "again")
	mustBuild(t, site, again)
	for p, b := range snapshot(t, again) {
		if page[p] != b {
			t.Errorf("%s differs between two builds", p)
		}
	}
}

// A decision whose fact, entity or claim is gone after the corpus changed
// is a warning with its line and a hint, never silently dropped.
func TestEditorialStaleDecisions(t *testing.T) {
	site := editorialSite(t)
	if err := os.Remove(filepath.Join(site, "content", "articles", "c.txt")); err != nil {
		t.Fatal(err)
	}
	res := mustBuild(t, site, filepath.Join(site, "public"))
	msg := res.Diags.Format("dossier")
	for _, want := range []string{
		`content/editorial.yaml:40: no claim "c#s-dana-okafor-said-9-firefighters-were-5eaa07@9-firefighters" any more`,
		`content/editorial.yaml:27: split: "Okafor" is not a spelling of dana-okafor`,
		"hint: run `dossier ledger` for the claim ids there are now",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, msg)
		}
	}
}

// A decision keyed to a fact slug the registry retired follows it to the
// fact that took its claims, with a warning to update the key.
func TestEditorialFollowsRenamedFacts(t *testing.T) {
	site := editorialSite(t)
	out := filepath.Join(site, "public")
	ed := filepath.Join(site, "content", "editorial.yaml")
	full, _ := os.ReadFile(ed)
	writeFile(t, ed, "")
	mustBuild(t, site, out) // slugs.lock: the misread fire-kill-date is published
	// the editor moves its one claim into fire-date, and keeps a note keyed
	// to the old address
	writeFile(t, ed, strings.Replace(string(full), "facts:\n", "facts:\n  fire-kill-date:\n    note: Kept for readers of the old page.\n", 1))
	res := mustBuild(t, site, out)
	msg := res.Diags.Format("dossier")
	if !strings.Contains(msg, `content/editorial.yaml:9: fact "fire-kill-date" is now "fire-date"; the decision follows it`) {
		t.Errorf("diagnostics:\n%s", msg)
	}
	if f := byID(readExport(t, out)["facts"], "fire-date"); f == nil || f["editor"].(map[string]any)["note"] != "Kept for readers of the old page.\n\nChecked with the fire service's own statement." {
		t.Errorf("the note should follow the renamed fact: %v", f)
	}
}

// A malformed editorial file fails the build with file:line, and the last
// good site stays.
func TestEditorialMalformed(t *testing.T) {
	for name, c := range map[string]struct{ text, want string }{
		"yaml":    {"facts:\n  x: [unclosed\n", "content/editorial.yaml:2: sequence end token ']' not found"},
		"field":   {"facts:\n  death-toll:\n    verdit: agreed\n", `content/editorial.yaml:3: unknown field "verdit"`},
		"verdict": {"facts:\n  death-toll:\n    verdict: wrong\n    reason: x\n", `content/editorial.yaml:3: "wrong" is not a verdict`},
		"reason":  {"facts:\n  death-toll:\n    verdict: agreed\n", "content/editorial.yaml:2: death-toll: a verdict set by the editor needs its reason"},
		"twice":   {"entities:\n  a:\n    drop: true\n  a:\n    drop: false\n", `content/editorial.yaml:4: mapping key "a" already defined`},
		"date":    {"claims:\n  x:\n    checked: yesterday\n", `content/editorial.yaml:3: checked: "yesterday" is not a date`},
	} {
		t.Run(name, func(t *testing.T) {
			site := editorialSite(t)
			out := filepath.Join(site, "public")
			mustBuild(t, site, out)
			before := snapshot(t, out)
			writeFile(t, filepath.Join(site, "content", "editorial.yaml"), c.text)
			res, err := buildSite(t, site, out)
			if !errors.Is(err, ErrFailed) || !strings.Contains(res.Diags.Format("dossier"), "dossier: error: "+c.want) {
				t.Errorf("err %v, diagnostics:\n%s", err, res.Diags.Format("dossier"))
			}
			if !sameSnapshot(before, snapshot(t, out)) {
				t.Error("the failed build changed the site")
			}
		})
	}
}

// Raw HTML in notes is left out unless the site opts in.
func TestEditorialNotesHTMLOptIn(t *testing.T) {
	site := editorialSite(t)
	writeFile(t, filepath.Join(site, "content", "editorial.yaml"), "dossier:\n  note: A <mark>marked</mark> word.\n")
	out := filepath.Join(site, "public")
	mustBuild(t, site, out)
	if strings.Contains(snapshot(t, out)["index.html"], "<mark>") {
		t.Error("raw HTML in a note without notes_html")
	}
	writeFile(t, filepath.Join(site, "dossier.yaml"), "notes_html: true\n")
	mustBuild(t, site, out)
	if !strings.Contains(snapshot(t, out)["index.html"], "<mark>marked</mark>") {
		t.Error("notes_html: true should let raw HTML through")
	}
}

// In a real browser with JavaScript off, a fact page shows the editor's
// verdict beside the machine's, the note, and the failed verification.
func TestEditorialInBrowser(t *testing.T) {
	bin := chromium(t)
	site := editorialSite(t)
	out := filepath.Join(site, "public")
	mustBuild(t, site, out)
	for page, want := range map[string][]string{
		"facts/fire-date/index.html":  {"Verdict set by the editor:", "The machine's verdict was disputed", "Checked with the fire service", "set by the editor"},
		"facts/death-toll/index.html": {"failed verification", "checked against the original by the editor", "The toll rose overnight"},
		"index.html":                  {"The editor's decisions", "death toll"},
	} {
		dom := headless(t, bin, "--disable-javascript", "--dump-dom", "file://"+filepath.Join(out, filepath.FromSlash(page)))
		for _, w := range want {
			if !strings.Contains(dom, w) {
				t.Errorf("%s in chromium does not show %q", page, w)
			}
		}
		if strings.Contains(dom, "<script>alert") {
			t.Errorf("%s: the note's script reached the page", page)
		}
	}
}

// A live build picks up a change to the editorial file like an article's.
func TestLivePicksUpEditorial(t *testing.T) {
	site := editorialSite(t)
	out := filepath.Join(site, "public")
	defer startLive(t, site, out)()
	ed := filepath.Join(site, "content", "editorial.yaml")
	raw, _ := os.ReadFile(ed)
	writeFile(t, ed, strings.Replace(string(raw), "The Riverton warehouse fire", "The fire at the Riverton warehouse", 1))
	waitForPage(t, out, "index.html", "The fire at the Riverton warehouse")
}

// The editor names the dossier's main event when the machine chose
// another; one no article names is a warning.
func TestEditorialMainEvent(t *testing.T) {
	site := editorialSite(t)
	writeFile(t, filepath.Join(site, "content", "articles", "d.txt"), "The explosion at the Riverton warehouse on March 3, 2031 was heard across the river.\n")
	ed := filepath.Join(site, "content", "editorial.yaml")
	writeFile(t, ed, "dossier:\n  main_event: explosion\n")
	out := filepath.Join(site, "public")
	res := mustBuild(t, site, out)
	if d := readExport(t, out); d["main_event"] != "explosion" {
		t.Errorf("main_event %v", d["main_event"])
	}
	if strings.Contains(res.Diags.Format("dossier"), "main_event") {
		t.Errorf("an event the articles name should not be warned about:\n%s", res.Diags.Format("dossier"))
	}
	writeFile(t, ed, "dossier:\n  main_event: flood\n")
	res = mustBuild(t, site, out)
	if !strings.Contains(res.Diags.Format("dossier"), `content/editorial.yaml:2: main_event "flood": no article names it`) {
		t.Errorf("diagnostics:\n%s", res.Diags.Format("dossier"))
	}
}
