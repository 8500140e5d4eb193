package build

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/websocket"
)

// evalInBrowser opens url in headless chromium with JavaScript on, and
// returns what expr (a JavaScript expression giving a promise of a string)
// resolves to, through the DevTools protocol: for pages whose work ends
// after load (a search that fetches its index), which --dump-dom does not
// wait for.
func evalInBrowser(t *testing.T, bin, url, expr string) string {
	t.Helper()
	return evalInBrowserAs(t, bin, url, "", expr)
}

// evalInBrowserAs is evalInBrowser with the page laid out for media
// ("print"), as the browser's print preview does.
func evalInBrowserAs(t *testing.T, bin, url, media, expr string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage",
		"--user-data-dir="+t.TempDir(), "--remote-debugging-port=0", "--remote-allow-origins=*", url)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cancel(); cmd.Wait() }()
	// "DevTools listening on ws://127.0.0.1:PORT/devtools/browser/…"
	var port string
	sc := bufio.NewScanner(stderr)
	re := regexp.MustCompile(`ws://127\.0\.0\.1:(\d+)/`)
	for sc.Scan() {
		if m := re.FindStringSubmatch(sc.Text()); m != nil {
			port = m[1]
			break
		}
	}
	if port == "" {
		t.Fatal("chromium did not open its DevTools port")
	}
	go func() {
		for sc.Scan() {
		}
	}()
	var ws string
	for deadline := time.Now().Add(10 * time.Second); ws == "" && time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		resp, err := http.Get("http://127.0.0.1:" + port + "/json/list")
		if err != nil {
			continue
		}
		var targets []struct{ Type, URL, WebSocketDebuggerURL string }
		json.NewDecoder(resp.Body).Decode(&targets)
		resp.Body.Close()
		for _, tg := range targets {
			if tg.Type == "page" && strings.HasPrefix(tg.URL, "http") {
				ws = tg.WebSocketDebuggerURL // the one page: the url given
			}
		}
	}
	if ws == "" {
		t.Fatal("no page to talk to")
	}
	conn, err := websocket.Dial(ws, "", "http://127.0.0.1/")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if media != "" {
		if err := websocket.JSON.Send(conn, map[string]any{"id": 100, "method": "Emulation.setEmulatedMedia", "params": map[string]any{"media": media}}); err != nil {
			t.Fatal(err)
		}
	}
	// the page may still be navigating to url: an evaluation whose context
	// goes away is tried again
	for id := 1; id <= 20; id++ {
		// once the page has loaded: an evaluation during parsing sees half a page
		loaded := `new Promise(function (r) { if (document.readyState === "complete") r(); else addEventListener("load", function () { r(); }); }).then(function () { return ` + expr + `; })`
		req := map[string]any{"id": id, "method": "Runtime.evaluate", "params": map[string]any{"expression": loaded, "awaitPromise": true, "returnByValue": true}}
		if err := websocket.JSON.Send(conn, req); err != nil {
			t.Fatal(err)
		}
		conn.SetDeadline(time.Now().Add(30 * time.Second))
		for {
			var msg struct {
				ID     int
				Result struct {
					Result           struct{ Value any }
					ExceptionDetails *struct{ Text string }
				}
				Error *struct{ Message string }
			}
			if err := websocket.JSON.Receive(conn, &msg); err != nil {
				t.Fatal(err)
			}
			if msg.ID != id {
				continue
			}
			switch {
			case msg.Error != nil && strings.Contains(msg.Error.Message, "context"):
				time.Sleep(200 * time.Millisecond)
			case msg.Error != nil:
				t.Fatal(msg.Error.Message)
			case msg.Result.ExceptionDetails != nil && id < 20:
				time.Sleep(200 * time.Millisecond) // a promise the page rejected: not ready yet
			case msg.Result.ExceptionDetails != nil:
				t.Fatal(msg.Result.ExceptionDetails.Text)
			default:
				return fmt.Sprint(msg.Result.Result.Value)
			}
			break
		}
	}
	t.Fatal("the page never settled")
	return ""
}
