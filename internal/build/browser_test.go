package build

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// chromium returns Debian's chromium, or skips (fails on CI, where .ci/run
// installs it).
func chromium(t *testing.T) string {
	t.Helper()
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
