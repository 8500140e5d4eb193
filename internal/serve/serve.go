// Package serve is the development server: it serves the output folder over
// HTTP and tells open pages when to reload.
//
// Input: the output folder and, after every build, Report(ok, diagnostics).
// Output: HTTP responses. HTML pages get a small reload script injected
// (never written to the published files), which listens to server-sent
// events on /__dossier/events: a good build reloads the page; a failed one
// shows its diagnostics as an overlay over the last good site, which stays
// served; the next good build clears it. The overlay is also rendered into
// the page on the server, so it shows without JavaScript.
package serve

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io/fs"
	"net/http"
	"os"
	"path"
	"strings"
	"sync"
	"time"
)

// State is what the browser is told after each build.
type State struct {
	Version     int    `json:"version"` // increases with every good build
	OK          bool   `json:"ok"`
	Diagnostics string `json:"diagnostics,omitempty"`
}

// Server serves one output folder.
type Server struct {
	dir   string
	mu    sync.Mutex
	state State
	subs  map[chan State]struct{}
}

// New serves dir.
func New(dir string) *Server {
	return &Server{dir: dir, state: State{OK: true}, subs: map[chan State]struct{}{}}
}

// Report records the outcome of a build and tells every open page.
func (s *Server) Report(ok bool, diagnostics string) {
	s.mu.Lock()
	if ok {
		s.state.Version++
	}
	s.state.OK, s.state.Diagnostics = ok, diagnostics
	st := s.state
	for c := range s.subs {
		select {
		case c <- st:
		default: // a slow client gets the next state
		}
	}
	s.mu.Unlock()
}

func (s *Server) current() State {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state
}

const reloadJS = `(function () {
  var version = null;
  function overlay(text) {
    var o = document.getElementById("dossier-overlay");
    if (text === null) { if (o) o.remove(); return; }
    if (!o) { o = document.createElement("pre"); o.id = "dossier-overlay"; document.body.appendChild(o); }
    o.setAttribute("style", OVERLAY_STYLE);
    o.textContent = text;
  }
  var es = new EventSource("/__dossier/events");
  es.addEventListener("state", function (e) {
    var s = JSON.parse(e.data);
    if (version !== null && s.version !== version && s.ok) { location.reload(); return; }
    version = s.version;
    overlay(s.ok ? null : "dossier: the last build failed; this is the last good site.\n\n" + s.diagnostics);
  });
})();
`

const overlayStyle = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;margin:0;padding:1rem 1.25rem;" +
	"background:#2b0f0f;color:#ffd7d5;font:13px/1.5 ui-monospace,monospace;white-space:pre-wrap;z-index:2147483647;border-top:4px solid #ff6b5e"

// ServeHTTP serves the output folder, the event stream and the reload script.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/__dossier/events":
		s.events(w, r)
		return
	case "/__dossier/reload.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		fmt.Fprint(w, strings.Replace(reloadJS, "OVERLAY_STYLE", fmt.Sprintf("%q", overlayStyle), 1))
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "dossier: only GET and HEAD", http.StatusMethodNotAllowed)
		return
	}
	root, err := os.OpenRoot(s.dir)
	if err != nil {
		http.Error(w, "dossier: nothing built yet", http.StatusNotFound)
		return
	}
	defer root.Close()
	name, st, status := s.resolve(root, r.URL.Path)
	if status == http.StatusMovedPermanently {
		http.Redirect(w, r, r.URL.Path+"/", status)
		return
	}
	data, err := root.ReadFile(name)
	if err != nil {
		http.Error(w, "dossier: nothing built yet", http.StatusNotFound)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	if strings.HasSuffix(name, ".html") {
		data = s.inject(data)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(status)
		w.Write(data)
		return
	}
	if status != http.StatusOK {
		w.WriteHeader(status)
		w.Write(data)
		return
	}
	http.ServeContent(w, r, name, st.ModTime(), bytes.NewReader(data))
}

// resolve maps a request path to a file in the folder: a folder's
// index.html, or 404.html (status 404) for anything that is not a regular
// file inside the folder — a hidden name (the manifest, the staging
// folder, dotfiles), a link out of the folder (os.Root refuses it), a
// device. A folder asked for without its slash is redirected.
func (s *Server) resolve(root *os.Root, urlPath string) (string, fs.FileInfo, int) {
	p := strings.TrimPrefix(path.Clean("/"+urlPath), "/")
	if p == "" {
		p = "."
	}
	notFound := func() (string, fs.FileInfo, int) { return "404.html", nil, http.StatusNotFound }
	for _, part := range strings.Split(p, "/") {
		if strings.HasPrefix(part, ".") && part != "." {
			return notFound()
		}
	}
	st, err := root.Stat(p)
	if err == nil && st.IsDir() {
		if !strings.HasSuffix(urlPath, "/") {
			return "", nil, http.StatusMovedPermanently
		}
		p = path.Join(p, "index.html")
		st, err = root.Stat(p)
	}
	if err == nil && st.Mode().IsRegular() {
		return p, st, http.StatusOK
	}
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		// a link out of the folder, a permission: said here, never to the browser
		fmt.Fprintf(os.Stderr, "dossier: serve: %s: %v\n", urlPath, errors.Unwrap(err))
	}
	return notFound()
}

// inject adds the reload script, and the overlay when the last build failed.
func (s *Server) inject(page []byte) []byte {
	var add bytes.Buffer
	if st := s.current(); !st.OK {
		fmt.Fprintf(&add, `<pre id="dossier-overlay" style="%s">%s</pre>`, overlayStyle,
			html.EscapeString("dossier: the last build failed; this is the last good site.\n\n"+st.Diagnostics))
	}
	add.WriteString(`<script src="/__dossier/reload.js"></script>`)
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		return append(page, add.Bytes()...)
	}
	out := make([]byte, 0, len(page)+add.Len())
	out = append(out, page[:i]...)
	out = append(out, add.Bytes()...)
	return append(out, page[i:]...)
}

func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	c := make(chan State, 1)
	s.mu.Lock()
	s.subs[c] = struct{}{}
	c <- s.state
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.subs, c)
		s.mu.Unlock()
	}()
	ping := time.NewTicker(20 * time.Second)
	defer ping.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case st := <-c:
			b, _ := json.Marshal(st)
			fmt.Fprintf(w, "event: state\ndata: %s\n\n", b)
			fl.Flush()
		case <-ping.C:
			fmt.Fprint(w, ": ping\n\n")
			fl.Flush()
		}
	}
}
