// Command dossier compiles a folder of news articles about one incident into
// a static, cross-linked HTML dossier. It is wiring only: flags, usage,
// exit codes; the work is in internal/build.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"runtime/pprof"
	"strconv"
	"strings"
	"syscall"
	"time"

	"dossier"
	"dossier/internal/build"
	"dossier/internal/ledgertext"
	"dossier/internal/serve"
)

var version = "dev"

const usage = `dossier compiles news articles about one incident into a static dossier:
a page per fact with its citations, a sourced timeline, the contradictions
between sources, a page per source and per person, place and organisation.

Usage:
  dossier build [-s SITE_DIR] [-d OUT_DIR] [--watch]   build the site
  dossier serve [-s SITE_DIR] [--port 1313] [--bind 127.0.0.1]
                                                      build, serve, rebuild on change
  dossier ledger [-s SITE_DIR] [-f FACT]              print every fact's verdict, its
                                                      reason and its claims with their
                                                      frames, as text
  dossier new site DIR                                 start a site: DIR/content/articles/, dossier.yaml
  dossier new article [-s SITE_DIR] TITLE              start an article (front matter filled in)
  dossier version                                      print the version
  dossier help                                         show this text

Flags:
  -s, --source DIR        the site: content/articles/*.md|markdown|txt, optional
                          templates/, assets/, dossier.yaml (default ".")
  -d, --destination DIR   where to write the dossier (build: SITE_DIR/public;
                          serve: a private folder in the user's cache dir)
  -w, --watch             build: rebuild whenever the site changes, until Ctrl-C
  -D, --buildDrafts       include articles whose front matter says draft: true
  -q, --quiet             print nothing but diagnostics
  -v, --verbose           print where each build's time went
  --cpuprofile FILE       write a Go CPU profile of the build to FILE
  --memprofile FILE       write a Go allocation profile of the build to FILE
  --port N, --bind ADDR   serve: where to listen (default 127.0.0.1:1313)
  -f, --fact ID           ledger: only the fact with this id (its page's slug)

Exit status: 0 built, 1 the build failed (nothing was written), 2 bad usage.
`

func main() {
	if os.Getenv("GOGC") == "" {
		// Most of a build's heap stays live to the end (articles, claims,
		// the ledger), so Go's default of letting the heap double between
		// collections mostly buys page faults: at 10,000 articles, 70 took
		// peak memory from 2.0 to 1.75 GiB at the same speed (README,
		// Performance). GOGC in the environment still decides.
		debug.SetGCPercent(70)
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "build":
		return cmdBuild(args[1:], stdout, stderr)
	case "serve", "server":
		return cmdServe(args[1:], stdout, stderr)
	case "ledger":
		return cmdLedger(args[1:], stdout, stderr)
	case "new":
		return cmdNew(args[1:], stdout, stderr)
	case "version", "--version", "-v":
		fmt.Fprintf(stdout, "dossier %s\n", version)
		return 0
	case "help", "--help", "-h":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "dossier: error: unknown command %q\ndossier: hint: run 'dossier help' for the commands\n", args[0])
		return 2
	}
}

type common struct {
	src, dst string
	quiet    bool
	verbose  bool
	profile  string
	memprof  string
	drafts   bool
}

func flags(name string, c *common) *flag.FlagSet {
	fl := flag.NewFlagSet(name, flag.ContinueOnError)
	fl.SetOutput(io.Discard)
	fl.StringVar(&c.src, "s", ".", "")
	fl.StringVar(&c.src, "source", ".", "")
	fl.StringVar(&c.dst, "d", "", "")
	fl.StringVar(&c.dst, "destination", "", "")
	fl.BoolVar(&c.quiet, "q", false, "")
	fl.BoolVar(&c.quiet, "quiet", false, "")
	fl.BoolVar(&c.verbose, "v", false, "")
	fl.BoolVar(&c.verbose, "verbose", false, "")
	fl.StringVar(&c.profile, "cpuprofile", "", "")
	fl.StringVar(&c.memprof, "memprofile", "", "")
	fl.BoolVar(&c.drafts, "D", false, "")
	fl.BoolVar(&c.drafts, "buildDrafts", false, "")
	return fl
}

// parse reads a command's flags and checks the site folder. It returns
// -1 to go on, or the exit status: 0 after -h (the usage is printed), 2 for
// bad usage, 1 for a missing site folder.
func parse(fl *flag.FlagSet, c *common, args []string, stdout, stderr io.Writer) int {
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, usage)
			return 0
		}
		fmt.Fprintf(stderr, "dossier: error: %s: %v\ndossier: hint: run 'dossier help' for the flags\n", fl.Name(), err)
		return 2
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "dossier: error: %s: unexpected argument %q\ndossier: hint: give the site folder with -s\n", fl.Name(), fl.Arg(0))
		return 2
	}
	if st, err := os.Stat(c.src); err != nil || !st.IsDir() {
		fmt.Fprintf(stderr, "dossier: error: %s: no such site folder\ndossier: hint: give the site folder with -s, or start one with 'dossier new site %s'\n", c.src, c.src)
		return 1
	}
	return -1
}

// reporter prints each build's outcome.
func reporter(c common, stdout, stderr io.Writer) func(build.Result, error) {
	return func(res build.Result, err error) {
		fmt.Fprint(stderr, res.Diags.Format("dossier"))
		if err != nil {
			if !errors.Is(err, build.ErrFailed) {
				fmt.Fprintf(stderr, "dossier: error: %v\n", err)
			}
			fmt.Fprintf(stderr, "dossier: %s\n", failedState(c.dst, res))
			return
		}
		if !c.quiet {
			fmt.Fprintf(stdout, "dossier: built %s: %s\n", c.dst, res)
		}
		if c.verbose {
			t := res.Timings
			fmt.Fprintf(stdout, "dossier: time: read %s, extract %s, align %s, site %s, render %s, publish %s\n",
				t.Read, t.Extract, t.Align, t.Site, t.Render, t.Publish)
		}
	}
}

// compiledDay is the day SOURCE_DATE_EPOCH gives (the reproducible-builds
// convention), in words; "" without it, so that two builds of the same
// input stay byte-identical.
func compiledDay() string {
	sec, err := strconv.ParseInt(os.Getenv("SOURCE_DATE_EPOCH"), 10, 64)
	if err != nil {
		return ""
	}
	return time.Unix(sec, 0).UTC().Format("January 2, 2006")
}

// failedState says, truthfully, what a failed build left in the output
// folder.
func failedState(dst string, res build.Result) string {
	switch {
	case res.Published:
		return fmt.Sprintf("the site in %s was published, but the build did not finish", dst)
	case res.Partial:
		return fmt.Sprintf("build failed while publishing: %s holds part of this build; the next build finishes publishing it", dst)
	case len(res.Fast) > 0:
		return fmt.Sprintf("build failed; %s was left as it was, except %s, updated ahead of the build", dst, strings.Join(res.Fast, ", "))
	}
	return fmt.Sprintf("build failed; %s was left as it was", dst)
}

// cmdLedger prints the ledger as text: nothing is written to disk.
func cmdLedger(args []string, stdout, stderr io.Writer) int {
	var c common
	var fact string
	fl := flags("ledger", &c)
	fl.StringVar(&fact, "f", "", "")
	fl.StringVar(&fact, "fact", "", "")
	if code := parse(fl, &c, args, stdout, stderr); code >= 0 {
		return code
	}
	led, res, err := build.Ledger(build.Options{SiteDir: c.src, Builtin: dossier.Files, BuildDrafts: c.drafts})
	fmt.Fprint(stderr, res.Diags.Format("dossier"))
	if err != nil {
		fmt.Fprintf(stderr, "dossier: error: %v\n", err)
		return 1
	}
	found, err := ledgertext.Write(stdout, &led, ledgertext.Options{Fact: fact})
	if err != nil {
		fmt.Fprintf(stderr, "dossier: error: %v\n", err)
		return 1
	}
	if !found {
		fmt.Fprintf(stderr, "dossier: error: no fact %q\ndossier: hint: run 'dossier ledger' for every fact's id\n", fact)
		return 1
	}
	return 0
}

func cmdBuild(args []string, stdout, stderr io.Writer) int {
	var c common
	var live bool
	fl := flags("build", &c)
	fl.BoolVar(&live, "w", false, "")
	fl.BoolVar(&live, "watch", false, "")
	if code := parse(fl, &c, args, stdout, stderr); code >= 0 {
		return code
	}
	if c.dst == "" {
		c.dst = filepath.Join(c.src, "public")
	}
	opts := build.Options{SiteDir: c.src, OutDir: c.dst, Builtin: dossier.Files, BuildDrafts: c.drafts, Compiled: compiledDay()}
	if live && !c.quiet {
		opts.OnFast = func(paths []string, d time.Duration) {
			fmt.Fprintf(stdout, "dossier: updated %v in %s; rebuilding the rest\n", paths, d.Round(time.Millisecond))
		}
	}
	report := reporter(c, stdout, stderr)
	if c.profile != "" {
		f, err := os.Create(c.profile)
		if err != nil {
			fmt.Fprintf(stderr, "dossier: error: %v\n", err)
			return 1
		}
		defer f.Close()
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	if live {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		if err := build.Live(ctx, opts, report); err != nil {
			fmt.Fprintf(stderr, "dossier: error: %v\n", err)
			return 1
		}
		return 0
	}
	res, err := build.Build(opts)
	report(res, err)
	if c.memprof != "" {
		if f, err := os.Create(c.memprof); err == nil {
			pprof.Lookup("allocs").WriteTo(f, 0)
			f.Close()
		}
	}
	if err != nil {
		return 1
	}
	return 0
}

func cmdServe(args []string, stdout, stderr io.Writer) int {
	var c common
	var port int
	var bind string
	fl := flags("serve", &c)
	fl.IntVar(&port, "port", 1313, "")
	fl.IntVar(&port, "p", 1313, "")
	fl.StringVar(&bind, "bind", "127.0.0.1", "")
	if code := parse(fl, &c, args, stdout, stderr); code >= 0 {
		return code
	}
	if c.dst == "" {
		dir, err := serveDir(c.src)
		if err != nil {
			fmt.Fprintf(stderr, "dossier: error: serve: %v\n", err)
			return 1
		}
		c.dst = dir
	}
	if !loopback(bind) {
		fmt.Fprintf(stderr, "dossier: warning: serving on %s: every machine that can reach this one can read the dossier\n"+
			"dossier: hint: use --bind 127.0.0.1 to keep it to this machine\n", bind)
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(bind, strconv.Itoa(port)))
	if err != nil {
		fmt.Fprintf(stderr, "dossier: error: serve: %v\ndossier: hint: choose another port with --port\n", err)
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	srv := serve.New(c.dst)
	// open event streams end with ctx, so shutdown does not wait for them
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second, BaseContext: func(net.Listener) context.Context { return ctx }}
	go hs.Serve(ln)
	fmt.Fprintf(stdout, "dossier: serving %s at http://%s/ (Ctrl-C to stop)\n", c.dst, ln.Addr())
	report := reporter(c, stdout, stderr)
	opts := build.Options{SiteDir: c.src, OutDir: c.dst, Builtin: dossier.Files, BuildDrafts: c.drafts, OnFast: func(paths []string, d time.Duration) {
		if !c.quiet {
			fmt.Fprintf(stdout, "dossier: updated %v in %s; rebuilding the rest\n", paths, d.Round(time.Millisecond))
		}
		srv.Report(true, "")
	}}
	err = build.Live(ctx, opts, func(res build.Result, err error) {
		report(res, err)
		srv.Report(err == nil, res.Diags.Format("dossier"))
	})
	shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	hs.Shutdown(shutdown)
	if err != nil {
		fmt.Fprintf(stderr, "dossier: error: %v\n", err)
		return 1
	}
	fmt.Fprintln(stdout, "dossier: stopped")
	return 0
}
