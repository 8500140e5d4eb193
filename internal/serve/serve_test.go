package serve

import (
	"bufio"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestServeInjectsReloadAndOverlay(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "facts", "raid-date"), 0o755)
	os.WriteFile(filepath.Join(dir, "index.html"), []byte("<html><body><h1>Dossier</h1></body></html>"), 0o644)
	os.WriteFile(filepath.Join(dir, "facts", "raid-date", "index.html"), []byte("<body>fact</body>"), 0o644)
	os.WriteFile(filepath.Join(dir, "404.html"), []byte("<body>lost</body>"), 0o644)
	os.WriteFile(filepath.Join(dir, "style.css"), []byte("body{}"), 0o644)
	s := New(dir)
	ts := httptest.NewServer(s)
	defer ts.Close()

	code, body := get(t, ts.URL+"/")
	if code != 200 || !strings.Contains(body, `<script src="/__dossier/reload.js"></script></body>`) {
		t.Errorf("index: %d %q", code, body)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "index.html")); strings.Contains(string(b), "reload.js") {
		t.Error("the reload script was written into the published file")
	}
	if code, body := get(t, ts.URL+"/style.css"); code != 200 || body != "body{}" {
		t.Errorf("css: %d %q", code, body)
	}
	if code, body := get(t, ts.URL+"/facts/raid-date/"); code != 200 || !strings.Contains(body, "fact") {
		t.Errorf("folder URL: %d %q", code, body)
	}
	if code, body := get(t, ts.URL+"/facts/gone/"); code != 404 || !strings.Contains(body, "lost") {
		t.Errorf("missing page: %d %q", code, body)
	}
	s.Report(false, "dossier: error: content/articles/x.md:3: <b>bad</b>\n")
	_, body = get(t, ts.URL+"/")
	if !strings.Contains(body, `id="dossier-overlay"`) || !strings.Contains(body, "x.md:3: &lt;b&gt;bad&lt;/b&gt;") || !strings.Contains(body, "<h1>Dossier</h1>") {
		t.Errorf("a failed build should overlay its escaped diagnostics on the last good page: %q", body)
	}
	s.Report(true, "")
	if _, body = get(t, ts.URL+"/"); strings.Contains(body, "dossier-overlay") {
		t.Error("a good build should clear the overlay")
	}
	if code, body := get(t, ts.URL+"/__dossier/reload.js"); code != 200 || !strings.Contains(body, "EventSource") {
		t.Errorf("reload.js: %d", code)
	}
}

func TestEventStream(t *testing.T) {
	s := New(t.TempDir())
	ts := httptest.NewServer(s)
	defer ts.Close()
	resp, err := http.Get(ts.URL + "/__dossier/events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	r := bufio.NewReader(resp.Body)
	read := func() string {
		done := make(chan string, 1)
		go func() {
			var ev strings.Builder
			for {
				line, err := r.ReadString('\n')
				if err != nil || line == "\n" {
					done <- ev.String()
					return
				}
				ev.WriteString(line)
			}
		}()
		select {
		case e := <-done:
			return e
		case <-time.After(5 * time.Second):
			t.Fatal("no event")
			return ""
		}
	}
	if e := read(); !strings.Contains(e, `"version":0`) || !strings.Contains(e, `"ok":true`) {
		t.Errorf("first event %q", e)
	}
	s.Report(false, "boom")
	if e := read(); !strings.Contains(e, `"ok":false`) || !strings.Contains(e, "boom") {
		t.Errorf("failure event %q", e)
	}
	s.Report(true, "")
	if e := read(); !strings.Contains(e, `"version":1`) || !strings.Contains(e, `"ok":true`) {
		t.Errorf("reload event %q", e)
	}
}

// The server serves only regular files inside its folder, to GET and HEAD:
// no link out of the folder, no hidden file (the manifest, the staging
// folder), no path in an error page.
func TestServeStaysInsideItsFolder(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	os.WriteFile(filepath.Join(outside, "secret.txt"), []byte("swordfish"), 0o644)
	os.WriteFile(filepath.Join(dir, "404.html"), []byte("<body>lost</body>"), 0o644)
	os.WriteFile(filepath.Join(dir, "index.html"), []byte("<body>home</body>"), 0o644)
	os.WriteFile(filepath.Join(dir, ".dossier-manifest"), []byte("hash index.html"), 0o644)
	os.MkdirAll(filepath.Join(dir, ".dossier-staging", "facts"), 0o755)
	os.WriteFile(filepath.Join(dir, ".dossier-staging", "facts", "x.html"), []byte("staged"), 0o644)
	os.MkdirAll(filepath.Join(dir, "nested"), 0o755)
	os.WriteFile(filepath.Join(dir, "nested", "index.html"), []byte("<body>inner</body>"), 0o644)
	os.Symlink(filepath.Join(outside, "secret.txt"), filepath.Join(dir, "secret.txt"))
	os.Symlink(outside, filepath.Join(dir, "out"))
	os.Symlink("nested/index.html", filepath.Join(dir, "inside.html"))
	ts := httptest.NewServer(New(dir))
	defer ts.Close()
	for _, p := range []string{"/secret.txt", "/out/secret.txt", "/out/", "/.dossier-manifest", "/.dossier-staging/facts/x.html", "/nested/.hidden", "/../" + filepath.Base(outside) + "/secret.txt"} {
		code, body := get(t, ts.URL+p)
		if code != 404 || strings.Contains(body, "swordfish") || strings.Contains(body, "staged") || strings.Contains(body, "hash") {
			t.Errorf("%s: %d %q, want the 404 page", p, code, body)
		}
		if strings.Contains(body, dir) || strings.Contains(body, outside) {
			t.Errorf("%s: the error page shows a path: %q", p, body)
		}
	}
	if code, body := get(t, ts.URL+"/inside.html"); code != 200 || !strings.Contains(body, "inner") {
		t.Errorf("a link that stays inside: %d %q", code, body)
	}
	for _, m := range []string{http.MethodPost, http.MethodPut, http.MethodDelete, "PROPFIND"} {
		req, _ := http.NewRequest(m, ts.URL+"/index.html", strings.NewReader("x"))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusMethodNotAllowed || resp.Header.Get("Allow") != "GET, HEAD" {
			t.Errorf("%s: %d, Allow %q", m, resp.StatusCode, resp.Header.Get("Allow"))
		}
	}
	resp, err := http.Head(ts.URL + "/index.html")
	if err != nil || resp.StatusCode != 200 {
		t.Errorf("HEAD: %v %v", resp, err)
	}
}
