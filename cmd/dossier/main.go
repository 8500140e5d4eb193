// Command dossier compiles a folder of news articles about one incident into
// a static, cross-linked HTML dossier. It is wiring only: flags, usage,
// exit codes; the work is in internal/build.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"dossier"
	"dossier/internal/build"
)

var version = "dev"

const usage = `dossier compiles news articles about one incident into a static dossier:
a page per fact with its citations, a sourced timeline, the contradictions
between sources, a page per source and per person, place and organisation.

Usage:
  dossier build [-s SITE_DIR] [-d OUT_DIR]   build the site
  dossier version                            print the version
  dossier help                               show this text

Flags of build:
  -s, --source DIR        the site: content/articles/*.md|txt, optional
                          templates/, assets/, dossier.yaml (default ".")
  -d, --destination DIR   where to write the dossier (default SITE_DIR/public)
  -q, --quiet             print nothing but diagnostics

Exit status: 0 built, 1 the build failed (nothing was written), 2 bad usage.
`

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "build":
		return cmdBuild(args[1:], stdout, stderr)
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

func cmdBuild(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("build", flag.ContinueOnError)
	fl.SetOutput(io.Discard)
	var src, dst string
	var quiet bool
	fl.StringVar(&src, "s", ".", "")
	fl.StringVar(&src, "source", ".", "")
	fl.StringVar(&dst, "d", "", "")
	fl.StringVar(&dst, "destination", "", "")
	fl.BoolVar(&quiet, "q", false, "")
	fl.BoolVar(&quiet, "quiet", false, "")
	if err := fl.Parse(args); err != nil {
		fmt.Fprintf(stderr, "dossier: error: build: %v\ndossier: hint: run 'dossier help' for the flags\n", err)
		return 2
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "dossier: error: build: unexpected argument %q\ndossier: hint: give the site folder with -s\n", fl.Arg(0))
		return 2
	}
	if dst == "" {
		dst = filepath.Join(src, "public")
	}
	res, err := build.Build(build.Options{SiteDir: src, OutDir: dst, Builtin: dossier.Files})
	fmt.Fprint(stderr, res.Diags.Format("dossier"))
	if err != nil {
		if !errors.Is(err, build.ErrFailed) {
			fmt.Fprintf(stderr, "dossier: error: %v\n", err)
		}
		fmt.Fprintf(stderr, "dossier: build failed; %s was left as it was\n", dst)
		return 1
	}
	if !quiet {
		fmt.Fprintf(stdout, "dossier: built %s: %s\n", dst, res)
	}
	return 0
}
