package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dossier/internal/build"
	"dossier/internal/testutil"
)

func runCLI(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestUsageAndExitCodes(t *testing.T) {
	if code, _, stderr := runCLI(); code != 2 || !strings.Contains(stderr, "Usage:") {
		t.Errorf("no args: exit %d, want 2 with usage", code)
	}
	if code, stdout, _ := runCLI("help"); code != 0 || !strings.Contains(stdout, "dossier build [-s SITE_DIR] [-d OUT_DIR]") {
		t.Errorf("help: exit %d", code)
	}
	if code, stdout, _ := runCLI("version"); code != 0 || !strings.HasPrefix(stdout, "dossier ") {
		t.Errorf("version: exit %d %q", code, stdout)
	}
	if code, _, stderr := runCLI("frobnicate"); code != 2 || !strings.Contains(stderr, `dossier: error: unknown command "frobnicate"`) || !strings.Contains(stderr, "dossier: hint:") {
		t.Errorf("unknown command: exit %d %q", code, stderr)
	}
	if code, _, stderr := runCLI("build", "--nope"); code != 2 || !strings.Contains(stderr, "dossier: error: build:") {
		t.Errorf("bad flag: exit %d %q", code, stderr)
	}
}

func TestBuildExitCodes(t *testing.T) {
	site := t.TempDir()
	art := filepath.Join(site, "content", "articles", "a.txt")
	if err := os.MkdirAll(filepath.Dir(art), 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(art, []byte("The raid took place on October 29, 2025, in Dumayr.\n"), 0o644)
	code, stdout, stderr := runCLI("build", "-s", site)
	if code != 0 || !strings.Contains(stdout, "dossier: built") {
		t.Fatalf("build: exit %d\n%s%s", code, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(site, "public", "index.html")); err != nil {
		t.Errorf("default destination SITE_DIR/public not used: %v", err)
	}
	os.WriteFile(filepath.Join(site, "content", "articles", "b.md"), []byte("---\ntitle: [\n---\nx\n"), 0o644)
	code, _, stderr = runCLI("build", "--source", site, "--destination", filepath.Join(site, "public"))
	if code != 1 || !strings.Contains(stderr, "dossier: error: content/articles/b.md:2:") || !strings.Contains(stderr, "was left as it was") {
		t.Errorf("failed build: exit %d\n%s", code, stderr)
	}
	code, _, stderr = runCLI("build", "-s", filepath.Join(site, "nowhere"))
	if code != 1 || !strings.Contains(stderr, "nowhere: no such site folder") || !strings.Contains(stderr, "dossier new site") {
		t.Errorf("missing site: exit %d\n%s", code, stderr)
	}
	os.MkdirAll(filepath.Join(site, "empty"), 0o755)
	code, _, stderr = runCLI("build", "-s", filepath.Join(site, "empty"))
	if code != 1 || !strings.Contains(stderr, "content/articles: no articles folder") {
		t.Errorf("site without articles: exit %d\n%s", code, stderr)
	}
	for _, cmd := range []string{"build", "serve", "ledger"} {
		if code, stdout, _ := runCLI(cmd, "--help"); code != 0 || !strings.Contains(stdout, "Usage:") {
			t.Errorf("%s --help: exit %d", cmd, code)
		}
	}
}

// `dossier new site` and `dossier new article` start a site that builds;
// nothing is overwritten; drafts are left out unless asked for.
func TestNewSiteAndArticle(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "fire")
	if code, _, stderr := runCLI("new", "site", dir); code != 0 {
		t.Fatalf("new site: %d %s", code, stderr)
	}
	if code, _, _ := runCLI("new", "site", dir); code != 1 {
		t.Errorf("new site over a site: exit %d, want 1", code)
	}
	if code, stdout, stderr := runCLI("new", "article", "-s", dir, "Warehouse fire kills 12"); code != 0 || !strings.Contains(stdout, "warehouse-fire-kills-12.md") {
		t.Fatalf("new article: %d %s %s", code, stdout, stderr)
	}
	p := filepath.Join(dir, "content", "articles", "warehouse-fire-kills-12.md")
	b, err := os.ReadFile(p)
	if err != nil || !strings.Contains(string(b), "title: \"Warehouse fire kills 12\"") || !strings.Contains(string(b), "published: 20") {
		t.Fatalf("the new article: %q %v", b, err)
	}
	os.WriteFile(p, append(b, "The fire broke out on March 3, 2031. At least 12 people were killed.\n"...), 0o644)
	if code, _, _ := runCLI("new", "article", "-s", dir, "Warehouse fire kills 12"); code != 1 {
		t.Errorf("a second article of the same title: exit %d, want 1", code)
	}
	os.WriteFile(filepath.Join(dir, "content", "articles", "draft.markdown"), []byte("---\ntitle: Not yet\ndraft: true\n---\nThe fire broke out on March 4, 2031.\n"), 0o644)
	if code, stdout, stderr := runCLI("build", "-s", dir); code != 0 || !strings.Contains(stdout, "1 articles") {
		t.Errorf("build of the new site: %d %s %s", code, stdout, stderr)
	}
	if code, stdout, stderr := runCLI("build", "-s", dir, "--buildDrafts"); code != 0 || !strings.Contains(stdout, "2 articles") {
		t.Errorf("build with drafts: %d %s %s", code, stdout, stderr)
	}
}

// `dossier ledger` prints every fact's verdict, reason and claims; the seed
// site's ledger is reviewed as a golden file. One fact can be asked for,
// and a fact that is not there is an error with a hint.
func TestLedger(t *testing.T) {
	site := t.TempDir()
	arts := filepath.Join(site, "content", "articles")
	if err := os.MkdirAll(arts, 0o755); err != nil {
		t.Fatal(err)
	}
	seeds, _ := filepath.Glob(filepath.Join(testutil.RepoRoot(), "content", "articles", "*"))
	for _, p := range seeds {
		b, _ := os.ReadFile(p)
		os.WriteFile(filepath.Join(arts, filepath.Base(p)), b, 0o644)
	}
	code, stdout, stderr := runCLI("ledger", "-s", site)
	if code != 0 {
		t.Fatalf("ledger: exit %d\n%s", code, stderr)
	}
	testutil.Golden(t, "ledger-seeds.txt", []byte(stdout))
	if _, err := os.Stat(filepath.Join(site, "public")); err == nil {
		t.Error("ledger wrote a site")
	}
	code, stdout, _ = runCLI("ledger", "-s", site, "--fact", "raid-date")
	if code != 0 || !strings.HasPrefix(stdout, "\nraid-date — Date of the raid\n  verdict   disputed") || strings.Contains(stdout, "raid-time") {
		t.Errorf("ledger --fact raid-date: exit %d\n%s", code, stdout)
	}
	code, _, stderr = runCLI("ledger", "-s", site, "-f", "no-such-fact")
	if code != 1 || !strings.Contains(stderr, `dossier: error: no fact "no-such-fact"`) || !strings.Contains(stderr, "dossier: hint:") {
		t.Errorf("unknown fact: exit %d %q", code, stderr)
	}
}

// serve builds into a private folder of the user's cache, and refuses one
// that others may write to; a bind address beyond this machine is warned
// about.
func TestServeFolderIsPrivate(t *testing.T) {
	cache := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", cache)
	t.Setenv("HOME", cache)
	site := t.TempDir()
	dir, err := serveDir(site)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(dir, cache) {
		t.Errorf("serve folder %s is not in the user's cache %s", dir, cache)
	}
	fi, err := os.Stat(dir)
	if err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("serve folder mode %v (%v), want 0700", fi.Mode().Perm(), err)
	}
	if again, err := serveDir(site); err != nil || again != dir {
		t.Errorf("the same site should reuse its folder: %s, %v", again, err)
	}
	os.Chmod(dir, 0o777)
	if _, err := serveDir(site); err == nil || !strings.Contains(err.Error(), "other users may write to it") {
		t.Errorf("a folder others may write to was reused: %v", err)
	}
	for bind, want := range map[string]bool{"127.0.0.1": true, "::1": true, "localhost": true, "0.0.0.0": false, "": false, "::": false, "192.168.1.4": false} {
		if loopback(bind) != want {
			t.Errorf("loopback(%q) = %v", bind, !want)
		}
	}
}

// A failed build says truly what it left in the output folder.
func TestFailedStateIsTrue(t *testing.T) {
	for _, c := range []struct {
		res  build.Result
		want string
	}{
		{build.Result{}, "build failed; public was left as it was"},
		{build.Result{Fast: []string{"sources/a/index.html"}}, "left as it was, except sources/a/index.html, updated ahead of the build"},
		{build.Result{Partial: true}, "public holds part of this build; the next build finishes publishing it"},
		{build.Result{Published: true}, "the site in public was published, but the build did not finish"},
	} {
		if got := failedState("public", c.res); !strings.Contains(got, c.want) {
			t.Errorf("failedState(%+v) = %q, want %q", c.res, got, c.want)
		}
	}
}
