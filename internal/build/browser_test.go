package build

import (
	"context"
	"encoding/json"
	"errors"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dossier/internal/testutil"
)

// chromium returns Debian's chromium, or skips (fails on CI, where .ci/run
// installs it).
func chromium(t *testing.T) string {
	t.Helper()
	if raceEnabled {
		t.Skip("browser tests run in the plain test run, not under the race detector")
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("chromium is not installed; .ci/run should install Debian's chromium")
	}
	t.Skip("chromium not installed (apt-get install chromium)")
	return ""
}

// headless runs chromium once with args and returns what it printed. A
// browser that crashes (chromium in a container now and then dies of a
// signal while starting, whatever the page) is run again, twice at most; a
// browser that exits with an error of its own fails the test.
func headless(t *testing.T, bin string, args ...string) string {
	t.Helper()
	var err error
	for try := 0; try < 3; try++ {
		var out string
		if out, err = runChromium(t, bin, args); err == nil {
			return out
		}
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.Exited() {
			break // an error exit, not a crash
		}
	}
	t.Fatalf("chromium %v: %v", args, err)
	return ""
}

func runChromium(t *testing.T, bin string, args []string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
		"--user-data-dir=" + t.TempDir(), "--hide-scrollbars"}
	cmd := exec.CommandContext(ctx, bin, append(base, args...)...)
	var out strings.Builder
	cmd.Stdout = &out
	err := cmd.Run()
	return out.String(), err
}

// The built dossier, opened from file:// in a real browser with no
// JavaScript needed, shows the disputed raid date and its citations.
func TestBrowserRendersSeedDossier(t *testing.T) {
	bin := chromium(t)
	site := seedSite(t)
	out := filepath.Join(site, "public")
	mustBuild(t, site, out)

	dom := headless(t, bin, "--disable-javascript", "--dump-dom", "file://"+filepath.Join(out, "index.html"))
	for _, want := range []string{"Date of the raid", "disputed", "October 19 vs October 28 vs October 29", "Time of the raid", `Dumayar <span class="muted">(4 sources)`} {
		if !strings.Contains(dom, want) {
			t.Errorf("index.html in chromium does not show %q", want)
		}
	}
	dom = headless(t, bin, "--disable-javascript", "--dump-dom", "file://"+filepath.Join(out, "facts", "raid-date", "index.html"))
	for _, want := range []string{"Competing values", "Citations", "October 28, 2025", "Contradicts itself"} {
		if !strings.Contains(dom, want) {
			t.Errorf("facts/raid-date/ in chromium does not show %q", want)
		}
	}
	// legible on a phone: a narrow screenshot renders
	shot := filepath.Join(t.TempDir(), "phone.png")
	headless(t, bin, "--window-size=390,1200", "--screenshot="+shot, "file://"+filepath.Join(out, "facts", "raid-date", "index.html"))
	if st, err := os.Stat(shot); err != nil || st.Size() < 10000 {
		t.Errorf("phone-size screenshot missing or blank: %v", err)
	}
}

// probe runs testdata/probe.js on a copy of a built page in chromium and
// returns what it found: text below WCAG AA contrast, and table cells shown
// without a label.
func probe(t *testing.T, bin, page, fragment string, args ...string) (low, unlabelled []string) {
	t.Helper()
	js, err := os.ReadFile(filepath.Join("testdata", "probe.js"))
	if err != nil {
		t.Fatal(err)
	}
	body, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	cp := strings.TrimSuffix(page, ".html") + ".probe.html"
	writeFile(t, cp, strings.Replace(string(body), "</body>", "<script>"+string(js)+"</script></body>", 1))
	dom := headless(t, bin, append(args, "--dump-dom", "file://"+cp+fragment)...)
	i := strings.Index(dom, `data-probe="`)
	if i < 0 {
		t.Fatalf("%s: the probe did not run", page)
	}
	raw := dom[i+len(`data-probe="`):]
	raw = html.UnescapeString(raw[:strings.IndexByte(raw, '"')])
	var got struct {
		Low, Unlabelled []string
		Target          bool
	}
	if err := json.Unmarshal([]byte(raw), &got); err != nil {
		t.Fatalf("%s: %v in %q", page, err, raw)
	}
	if fragment != "" && !got.Target {
		t.Errorf("%s%s: no sentence highlighted", page, fragment)
	}
	return got.Low, got.Unlabelled
}

// On a phone, light or dark, the pages keep every cell's column label and
// all text reaches WCAG AA contrast, the highlighted sentence included.
func TestPhoneAndDarkMode(t *testing.T) {
	bin := chromium(t)
	site := editorialSite(t)
	out := filepath.Join(site, "public")
	mustBuild(t, site, out)
	anchor := ""
	if b, err := os.ReadFile(filepath.Join(out, "facts", "death-toll", "index.html")); err == nil {
		s := string(b)
		if i := strings.Index(s, "sources/a/index.html#"); i >= 0 {
			anchor = s[i+len("sources/a/index.html") : i+len("sources/a/index.html")+strings.IndexByte(s[i+len("sources/a/index.html"):], '"')]
		}
	}
	if anchor == "" {
		t.Fatal("no cited sentence to highlight")
	}
	pages := map[string]string{"index.html": "", "facts/death-toll/index.html": "", "facts/index.html": "", "sources/index.html": "",
		"timeline/index.html": "", "sources/a/index.html": anchor, "entities/marlow-chemicals/index.html": "", "verdicts/index.html": ""}
	for _, mode := range []struct {
		name string
		args []string
	}{{"light", nil}, {"dark", []string{"--force-dark-mode"}}} {
		for page, frag := range pages {
			low, unlabelled := probe(t, bin, filepath.Join(out, filepath.FromSlash(page)), frag, append([]string{"--window-size=390,1400"}, mode.args...)...)
			for _, l := range low {
				t.Errorf("%s, %s, 390 px: contrast below AA: %s", page, mode.name, l)
			}
			for _, u := range unlabelled {
				t.Errorf("%s, %s, 390 px: a cell without its column label: %q", page, mode.name, u)
			}
		}
	}
}

// pagefind returns the Pagefind that make site installs (.tools/), or one
// on PATH; it skips when there is none (fails on CI, where .ci/run
// installs it).
func pagefind(t *testing.T) string {
	t.Helper()
	local := filepath.Join(testutil.RepoRoot(), ".tools", "node_modules", ".bin", "pagefind")
	if _, err := os.Stat(local); err == nil {
		return local
	}
	if p, err := exec.LookPath("pagefind"); err == nil {
		return p
	}
	if os.Getenv("CI") != "" {
		t.Fatal("pagefind is not installed; .ci/run should install it from npm")
	}
	t.Skip("pagefind not installed (make site installs it)")
	return ""
}

// Search is a progressive enhancement: with JavaScript, the search page
// finds a fact through Pagefind's index (served over http, as published);
// without, it says how to find everything, and every other page is whole.
func TestSearchInBrowser(t *testing.T) {
	bin := chromium(t)
	pf := pagefind(t)
	site := seedSite(t)
	out := filepath.Join(site, "public")
	mustBuild(t, site, out)
	if b, err := exec.Command(pf, "--site", out, "--silent").CombinedOutput(); err != nil {
		t.Fatalf("pagefind: %v\n%s", err, b)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer srv.Close()
	// the search runs after the page has loaded: wait for its results (the
	// page shows the best five; a precise query puts the fact among them)
	found := evalInBrowser(t, bin, srv.URL+"/search/index.html?q=date%20of%20the%20raid", `new Promise(function (done, fail) {
		if (location.pathname.indexOf("/search/") < 0) { fail("not the search page yet"); return; }
		var tries = 0, tick = setInterval(function () {
			var links = document.querySelectorAll(".pagefind-ui__result-link");
			if (links.length || ++tries > 300) {
				clearInterval(tick);
				var msg = document.querySelector(".pagefind-ui__message");
				done(Array.prototype.map.call(links, function (a) { return a.textContent + " " + a.getAttribute("href"); }).join("\n") ||
					"no results: " + (msg ? msg.textContent : document.body.innerText.slice(0, 300)));
			}
		}, 100);
	})`)
	if !strings.Contains(found, "Date of the raid") || !strings.Contains(found, "/facts/raid-date/") {
		t.Errorf("a search for \"date of the raid\" in chromium found:\n%s", found)
	}
	dom := headless(t, bin, "--disable-javascript", "--dump-dom", srv.URL+"/search/index.html")
	if !strings.Contains(dom, "Search needs JavaScript") {
		t.Error("without JavaScript the search page should say how to find everything")
	}
	dom = headless(t, bin, "--disable-javascript", "--dump-dom", srv.URL+"/facts/raid-date/")
	if !strings.Contains(dom, "Competing values") || !strings.Contains(dom, "Citations") {
		t.Error("without JavaScript a fact page should be whole")
	}
}

// In print, the timeline's collapsed quotes are shown, and each link to an
// original prints its address.
func TestPrintShowsQuotesAndAddresses(t *testing.T) {
	bin := chromium(t)
	site := seedSite(t)
	writeFile(t, filepath.Join(site, "content", "articles", "linked.md"), "---\nurl: https://example.org/raid\npublished: 2025-11-21\n---\nThe raid took place on October 29, 2025, in Dumayr.\n")
	out := filepath.Join(site, "public")
	mustBuild(t, site, out)
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer srv.Close()
	got := evalInBrowserAs(t, bin, srv.URL+"/timeline/", "print", `new Promise(function (done, fail) {
		if (location.pathname.indexOf("/timeline/") < 0) { fail("not yet"); return; }
		var ul = document.querySelector("details ul");
		done(String(ul && ul.checkVisibility()));
	})`)
	if got != "true" {
		t.Errorf("in print, the timeline's quotes are hidden (%s)", got)
	}
	got = evalInBrowserAs(t, bin, srv.URL+"/facts/raid-date/", "print", `new Promise(function (done, fail) {
		if (location.pathname.indexOf("/facts/") < 0) { fail("not yet"); return; }
		var a = document.querySelector("a.orig");
		done(a ? getComputedStyle(a, "::after").content : "no link");
	})`)
	if !strings.Contains(got, "https://example.org/raid") {
		t.Errorf("in print, a link to the original does not print its address: %s", got)
	}
}
