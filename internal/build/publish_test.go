package build

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"dossier"
	"dossier/internal/diag"
)

// TestHelperBuild is not a test: the tests below run the test binary again
// with it to build in another process (which they kill, or race).
func TestHelperBuild(t *testing.T) {
	site, out := os.Getenv("DOSSIER_HELPER_SITE"), os.Getenv("DOSSIER_HELPER_OUT")
	if site == "" {
		t.Skip("a helper process for the publish tests")
	}
	if step := os.Getenv("DOSSIER_HELPER_CRASH"); step != "" {
		crashHook = func(s string) {
			if s == step {
				syscall.Kill(os.Getpid(), syscall.SIGKILL)
			}
		}
	}
	res, err := Build(Options{SiteDir: site, OutDir: out, Builtin: dossier.Files})
	os.Stderr.WriteString(res.Diags.Format("dossier"))
	if err != nil {
		os.Stderr.WriteString("helper: " + err.Error() + "\n")
		os.Exit(1)
	}
	os.Exit(0)
}

// helperBuild starts a build of site into out in another process.
func helperBuild(t *testing.T, site, out, crashAt string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperBuild$", "-test.count=1")
	cmd.Env = append(os.Environ(), "DOSSIER_HELPER_SITE="+site, "DOSSIER_HELPER_OUT="+out, "DOSSIER_HELPER_CRASH="+crashAt)
	return cmd
}

// copyTree copies a folder (articles and the slug registry) to a new one.
func copyTree(t *testing.T, from string) string {
	t.Helper()
	to := t.TempDir()
	for p, b := range snapshot(t, from) {
		writeFile(t, filepath.Join(to, filepath.FromSlash(p)), b)
	}
	return to
}

// changeSeeds turns the seed site into the next version of itself: one
// article edited, one removed, one added, so a publish writes, moves a new
// folder in and removes stale pages.
func changeSeeds(t *testing.T, site string) {
	t.Helper()
	dir := filepath.Join(site, "content", "articles")
	p := filepath.Join(dir, "001_277820514670aaec.txt")
	raw, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, p, string(raw)+"\nOn October 30, 2025, officials said 9 people were missing.\n")
	if err := os.Remove(filepath.Join(dir, "003_f5be0e313111c47b.txt")); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "later", "update.md"), "---\ntitle: Update\noutlet: The Morning Ledger\npublished: 2025-11-02\n---\n\nThe raid took place on October 29, 2025. Rescuers said 4 people were injured.\n")
}

func sameSnapshot(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for p, x := range a {
		if y, ok := b[p]; !ok || x != y {
			return false
		}
	}
	return true
}

// A build killed at any step of publishing leaves a site that the next run
// makes the old one (killed before the commit was decided) or the new one
// (after), byte for byte, and the next build succeeds without help.
func TestKilledPublishRecovers(t *testing.T) {
	base := seedSite(t)
	mustBuild(t, base, filepath.Join(t.TempDir(), "warm")) // the slug registry of the old site
	oldSite := copyTree(t, base)
	oldOut := filepath.Join(t.TempDir(), "old")
	mustBuild(t, oldSite, oldOut)
	want := map[string]map[string]string{"old": snapshot(t, oldOut)}
	newSite := copyTree(t, base)
	changeSeeds(t, newSite)
	newOut := filepath.Join(t.TempDir(), "new")
	mustBuild(t, newSite, newOut)
	want["new"] = snapshot(t, newOut)
	if sameSnapshot(want["old"], want["new"]) {
		t.Fatal("the change made no difference")
	}
	for _, c := range []struct{ step, after string }{
		{"staged", "old"}, {"journal", "new"}, {"moving", "new"}, {"moved", "new"}, {"removed", "new"}, {"manifest", "new"},
	} {
		t.Run(c.step, func(t *testing.T) {
			site := copyTree(t, base)
			out := filepath.Join(site, "public")
			mustBuild(t, site, out)
			changeSeeds(t, site)
			err := helperBuild(t, site, out, c.step).Run()
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != -1 {
				t.Fatalf("the build was not killed at %q: %v", c.step, err)
			}
			// what the next run makes of it, before it builds anything
			recovered := copyTree(t, out)
			var ds diag.List
			if err := recoverStaging(recovered, &ds); err != nil {
				t.Fatalf("recovery: %v", err)
			}
			if !sameSnapshot(snapshot(t, recovered), want[c.after]) {
				t.Errorf("killed at %s: recovery does not give the %s site", c.step, c.after)
			}
			res := mustBuild(t, site, out)
			if got := snapshot(t, out); !sameSnapshot(got, want["new"]) {
				t.Errorf("after the next build the site is not the new one")
			}
			msg := res.Diags.Format("dossier")
			if interrupted := strings.Contains(msg, "interrupted"); interrupted != (c.after == "new") {
				t.Errorf("killed at %s: the next build said %q", c.step, msg)
			}
		})
	}
}

// Two builds into one folder at once: the second is refused with a clear
// message, or they run one after the other; the site is always exactly one
// of the two, and a build that says it succeeded did publish.
func TestConcurrentBuilds(t *testing.T) {
	a := seedSite(t)
	b := copyTree(t, a)
	changeSeeds(t, b)
	refs := map[string]map[string]string{}
	for name, site := range map[string]string{"a": a, "b": b} {
		ref := filepath.Join(t.TempDir(), name)
		mustBuild(t, copyTree(t, site), ref)
		refs[name] = snapshot(t, ref)
	}
	for round := 0; round < 3; round++ {
		out := filepath.Join(t.TempDir(), "public")
		ca, cb := helperBuild(t, a, out, ""), helperBuild(t, b, out, "")
		var ea, eb strings.Builder
		ca.Stderr, cb.Stderr = &ea, &eb
		if err := ca.Start(); err != nil {
			t.Fatal(err)
		}
		if err := cb.Start(); err != nil {
			t.Fatal(err)
		}
		errA, errB := ca.Wait(), cb.Wait()
		got := snapshot(t, out)
		switch {
		case errA == nil && errB == nil:
			if !sameSnapshot(got, refs["a"]) && !sameSnapshot(got, refs["b"]) {
				t.Errorf("round %d: both builds succeeded, and the site is neither", round)
			}
		case errA == nil:
			if !sameSnapshot(got, refs["a"]) {
				t.Errorf("round %d: build a succeeded alone, and the site is not a's", round)
			}
			if !strings.Contains(eb.String(), "another dossier build is publishing") {
				t.Errorf("round %d: b failed with %q", round, eb.String())
			}
		case errB == nil:
			if !sameSnapshot(got, refs["b"]) {
				t.Errorf("round %d: build b succeeded alone, and the site is not b's", round)
			}
			if !strings.Contains(ea.String(), "another dossier build is publishing") {
				t.Errorf("round %d: a failed with %q", round, ea.String())
			}
		default:
			t.Errorf("round %d: both builds failed:\n%s\n%s", round, ea.String(), eb.String())
		}
	}
}

// While one process holds the output folder, another build is refused at
// once, with the folder named and a hint, and writes nothing.
func TestLockedOutputRefused(t *testing.T) {
	site := seedSite(t)
	out := filepath.Join(t.TempDir(), "public")
	unlock, err := lockOut(out)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	var stderr strings.Builder
	cmd := helperBuild(t, site, out, "")
	cmd.Stderr = &stderr
	if err := cmd.Run(); err == nil {
		t.Fatal("a second build into a locked folder succeeded")
	}
	msg := stderr.String()
	for _, want := range []string{filepath.ToSlash(out) + ": another dossier build is publishing to this folder", "hint: wait for the other build"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	if n := len(snapshot(t, out)); n != 0 {
		t.Errorf("the refused build wrote %d files", n)
	}
}

// A tampered manifest and symbolic links in the output folder never make
// a build write or delete outside it, or delete what it did not make.
func TestTamperedOutputStaysInside(t *testing.T) {
	site := seedSite(t)
	out := filepath.Join(site, "public")
	mustBuild(t, site, out)
	outside := t.TempDir()
	victim := filepath.Join(outside, "victim.txt")
	writeFile(t, victim, "precious")
	sum := hashOf([]byte("precious"))
	if err := os.Symlink(outside, filepath.Join(out, "linked")); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(out, "mine.txt"), "edited by hand")
	m, err := os.ReadFile(filepath.Join(out, Manifest))
	if err != nil {
		t.Fatal(err)
	}
	tampered := string(m) + sum + " linked/victim.txt\n" + sum + " ../" + filepath.Base(outside) + "/victim.txt\n" +
		sum + " /etc/passwd\n" + "not-a-hash index.html\n" + hashOf([]byte("made")) + " mine.txt\n"
	writeFile(t, filepath.Join(out, Manifest), tampered)
	res := mustBuild(t, site, out)
	if b, err := os.ReadFile(victim); err != nil || string(b) != "precious" {
		t.Errorf("a file outside the output folder was touched: %q, %v", b, err)
	}
	if b, err := os.ReadFile(filepath.Join(out, "mine.txt")); err != nil || string(b) != "edited by hand" {
		t.Errorf("a file whose hash is not the manifest's was removed: %v", err)
	}
	msg := res.Diags.Format("dossier")
	for _, want := range []string{Manifest + ":", "malformed manifest line", "mine.txt: no longer part of the site, but left in place", "linked/victim.txt: no longer part of the site, but left in place"} {
		if !strings.Contains(msg, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, msg)
		}
	}

	// a folder of pages replaced by a link out of the output folder: the
	// build refuses to write through it
	facts := filepath.Join(out, "facts")
	if err := os.RemoveAll(facts); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, facts); err != nil {
		t.Fatal(err)
	}
	res, err = buildSite(t, site, out)
	if !errors.Is(err, ErrFailed) || !strings.Contains(res.Diags.Format("dossier"), "facts: is not a folder dossier made") {
		t.Errorf("build through a linked folder: %v\n%s", err, res.Diags.Format("dossier"))
	}
	if ents, _ := os.ReadDir(outside); len(ents) != 1 {
		t.Errorf("the build wrote %d files outside the output folder", len(ents)-1)
	}
}

// A staging folder dossier did not make is refused, and left as it is.
func TestForeignStagingRefused(t *testing.T) {
	site := seedSite(t)
	out := filepath.Join(site, "public")
	writeFile(t, filepath.Join(out, Staging, "notes.txt"), "someone's")
	res, err := buildSite(t, site, out)
	if !errors.Is(err, ErrFailed) || !strings.Contains(res.Diags.Format("dossier"), Staging+": exists and was not made by dossier") {
		t.Errorf("build with a foreign staging folder: %v\n%s", err, res.Diags.Format("dossier"))
	}
	if b, err := os.ReadFile(filepath.Join(out, Staging, "notes.txt")); err != nil || string(b) != "someone's" {
		t.Errorf("the foreign staging folder was changed: %v", err)
	}
}
