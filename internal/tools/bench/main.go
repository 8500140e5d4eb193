// Command bench compares dossier with Hugo on the same generated articles:
// full-build wall time and peak RSS at each N, and the edit-to-output
// latency of a one-article change under `dossier build --watch`. It prints
// one summary table (and writes it to DIR/results.md). Run by `make bench`.
//
// Outputs go to new folders under DIR on every run and are never deleted:
// on this machine's file system, deleting many files makes later file
// creation slow for minutes, which would skew the next measurement.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"dossier/internal/gen"
)

const seed = 2014

func main() {
	dir := flag.String("dir", filepath.Join(os.TempDir(), "dossier-bench"), "work folder (corpora and outputs)")
	ns := flag.String("n", "1000,10000", "corpus sizes")
	bin := flag.String("dossier", "bin/dossier", "the dossier binary")
	edits := flag.Int("edits", 7, "one-article edits to time under --watch at the largest N")
	onlyLatency := flag.Bool("latency-only", false, "time only the edits under --watch (no full builds, no Hugo)")
	flag.Parse()
	hugo, err := exec.LookPath("hugo")
	if err != nil {
		fail("hugo is not installed: apt-get install hugo")
	}
	absBin, _ := filepath.Abs(*bin)
	run := time.Now().Format("20060102-150405")
	// a run writes about 2 GB (four builds at N = 10,000, kept: see above)
	must(os.MkdirAll(*dir, 0o755))
	var fs syscall.Statfs_t
	if err := syscall.Statfs(*dir, &fs); err == nil {
		if free := fs.Bavail * uint64(fs.Bsize); free < 4<<30 {
			fail(fmt.Sprintf("%s has %.1f GB free; a run needs about 4 GB: remove old runs in %s while the machine is idle (deleting many files slows file creation here for minutes)",
				*dir, float64(free)/1e9, filepath.Join(*dir, "out")))
		}
	}
	var rows []string
	var sizes []int
	for _, s := range strings.Split(*ns, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			fail("bad -n: " + s)
		}
		sizes = append(sizes, n)
	}
	rows = append(rows, "| N | dossier wall | Hugo wall | wall ratio | dossier peak RSS | Hugo peak RSS | RSS ratio |", "|---|---|---|---|---|---|---|")
	for _, n := range sizes {
		site, hsite := prepare(*dir, n)
		if *onlyLatency {
			continue
		}
		out := filepath.Join(*dir, "out", run)
		dw, drss, dlog := measure(absBin, "build", "-s", site, "-d", filepath.Join(out, fmt.Sprintf("dossier-%d", n)))
		hw, hrss, _ := measure(hugo, "--source", hsite, "--destination", filepath.Join(out, fmt.Sprintf("hugo-%d", n)), "--quiet")
		fmt.Fprintf(os.Stderr, "N=%d: dossier %s (%s) — %s\n", n, dw, mib(drss), strings.TrimSpace(dlog))
		fmt.Fprintf(os.Stderr, "N=%d: hugo %s (%s)\n", n, hw, mib(hrss))
		rows = append(rows, fmt.Sprintf("| %d | %.2f s | %.2f s | %.2f× | %s | %s | %.2f× |", n, dw.Seconds(), hw.Seconds(),
			dw.Seconds()/hw.Seconds(), mib(drss), mib(hrss), float64(drss)/float64(hrss)))
	}
	n := sizes[len(sizes)-1]
	lat := latency(absBin, *dir, run, n, *edits)
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	if *onlyLatency {
		rows = nil
	}
	table := strings.Join(rows, "\n") + "\n\n" +
		fmt.Sprintf("Edit-to-output latency of a one-article change under `dossier build --watch` at N = %d (%d edits): median %s, min %s, max %s.\n",
			n, len(lat), lat[len(lat)/2].Round(time.Millisecond), lat[0].Round(time.Millisecond), lat[len(lat)-1].Round(time.Millisecond))
	fmt.Println(table)
	os.WriteFile(filepath.Join(*dir, "results.md"), []byte(table), 0o644)
	fmt.Fprintf(os.Stderr, "outputs of this run: %s (kept; remove old runs while the machine is idle)\n", filepath.Join(*dir, "out", run))
}

func fail(msg string) {
	fmt.Fprintln(os.Stderr, "bench:", msg)
	os.Exit(1)
}

func mib(kb int64) string { return fmt.Sprintf("%d MiB", kb/1024) }

// prepare makes (once) the dossier site and the Hugo site of n articles.
func prepare(dir string, n int) (string, string) {
	site := filepath.Join(dir, fmt.Sprintf("corpus-%d", n))
	hsite := filepath.Join(dir, fmt.Sprintf("hugo-%d", n))
	arts := filepath.Join(site, "content", "articles")
	harts := filepath.Join(hsite, "content", "articles")
	if ents, err := os.ReadDir(harts); err == nil && len(ents) == n {
		return site, hsite
	}
	fmt.Fprintf(os.Stderr, "generating %d articles in %s\n", n, site)
	for _, d := range []string{arts, harts, filepath.Join(hsite, "layouts", "_default")} {
		must(os.MkdirAll(d, 0o755))
	}
	for i := 0; i < n; i++ {
		name, data := gen.Article(seed, i)
		must(os.WriteFile(filepath.Join(arts, name), data, 0o644))
		// Hugo reads "url" as the page's address; keep the source link under another key
		must(os.WriteFile(filepath.Join(harts, name), []byte(strings.Replace(string(data), "\nurl:", "\nsource_url:", 1)), 0o644))
	}
	files := map[string]string{
		"hugo.toml":                    "baseURL = \"http://example.org/\"\ntitle = \"bench\"\ndisableKinds = [\"taxonomy\", \"term\", \"RSS\", \"sitemap\", \"robotsTXT\"]\n",
		"layouts/_default/single.html": "<!doctype html><html><head><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>\n",
		"layouts/_default/list.html":   "<!doctype html><html><head><title>{{ .Title }}</title></head><body><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n",
		"layouts/index.html":           "<!doctype html><html><head><title>{{ .Site.Title }}</title></head><body><ul>{{ range .Site.RegularPages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n",
	}
	for p, s := range files {
		must(os.WriteFile(filepath.Join(hsite, p), []byte(s), 0o644))
	}
	return site, hsite
}

func must(err error) {
	if err != nil {
		fail(err.Error())
	}
}

// measure runs a command and returns its wall time, peak RSS (KiB) and output.
func measure(bin string, args ...string) (time.Duration, int64, string) {
	cmd := exec.Command(bin, args...)
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	if err := cmd.Run(); err != nil {
		fail(fmt.Sprintf("%s %v: %v\n%s", bin, args, err, out.String()))
	}
	wall := time.Since(start)
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	return wall, ru.Maxrss, out.String()
}

// latency times one-article edits under --watch: from the write to the
// moment the article's page on disk shows the edit.
func latency(bin, dir, run string, n, edits int) []time.Duration {
	site := filepath.Join(dir, fmt.Sprintf("corpus-%d", n))
	out := filepath.Join(dir, "out", run, fmt.Sprintf("watch-%d", n))
	cmd := exec.Command(bin, "build", "--watch", "-s", site, "-d", out)
	stdout, _ := cmd.StdoutPipe()
	cmd.Stderr = os.Stderr
	must(cmd.Start())
	defer func() {
		cmd.Process.Signal(os.Interrupt)
		cmd.Wait()
	}()
	lines := make(chan string, 100)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	waitBuilt := func() string {
		select {
		case l := <-lines:
			return l
		case <-time.After(5 * time.Minute):
			fail("no build output from dossier build --watch")
		}
		return ""
	}
	fmt.Fprintln(os.Stderr, "watch: first build:", waitBuilt())
	time.Sleep(300 * time.Millisecond)
	name, data := gen.Article(seed, 42)
	path := filepath.Join(site, "content", "articles", name)
	page := filepath.Join(out, "sources", strings.TrimSuffix(name, ".md"), "index.html")
	var got []time.Duration
	for e := 0; e < edits; e++ {
		marker := fmt.Sprintf("Edit number %d of the benchmark run %s changed this sentence.", e, run)
		t0 := time.Now()
		must(os.WriteFile(path, append(append([]byte{}, data...), []byte("\n"+marker+"\n")...), 0o644))
		for {
			if b, err := os.ReadFile(page); err == nil && strings.Contains(string(b), marker) {
				break
			}
			if time.Since(t0) > time.Minute {
				fail("the edit never reached " + page)
			}
			time.Sleep(200 * time.Microsecond)
		}
		got = append(got, time.Since(t0))
		fmt.Fprintf(os.Stderr, "watch: edit %d: %s — %s\n", e, got[len(got)-1].Round(time.Millisecond), waitBuilt())
		time.Sleep(200 * time.Millisecond)
	}
	os.WriteFile(path, data, 0o644) // leave the corpus as generated
	io.Discard.Write(nil)
	return got
}
