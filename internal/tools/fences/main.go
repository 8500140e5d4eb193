// Command fences checks the dependency fences of DESIGN.md: which packages
// may import goldmark, fsnotify and html/template, and which may write to
// the file system. It parses every non-test Go file and exits 1 on a breach.
// Run by `make check`.
package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// importFences maps an import path prefix to the package dirs allowed to use it.
var importFences = map[string][]string{
	"github.com/yuin/goldmark":     {"internal/segment", "internal/render"},
	"github.com/fsnotify/fsnotify": {"internal/watch"},
	"html/template":                {"internal/render"},
}

// writers may touch the file system for writing.
var writers = []string{"internal/build", "internal/watch", "internal/serve", "cmd/dossier", "internal/tools", "internal/testutil", "internal/lexicon/gen"}

var writeFuncs = map[string]bool{"WriteFile": true, "Create": true, "CreateTemp": true, "Rename": true,
	"Remove": true, "RemoveAll": true, "Mkdir": true, "MkdirAll": true, "MkdirTemp": true, "OpenFile": true, "Chmod": true}

func allowed(dir string, list []string) bool {
	for _, a := range list {
		if dir == a || strings.HasPrefix(dir, a+"/") {
			return true
		}
	}
	return false
}

func main() {
	var breaches []string
	fset := token.NewFileSet()
	err := filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") && p != ".") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		dir := filepath.ToSlash(filepath.Dir(p))
		osName := ""
		for _, im := range f.Imports {
			path, _ := strconv.Unquote(im.Path.Value)
			for prefix, ok := range importFences {
				if strings.HasPrefix(path, prefix) && !allowed(dir, ok) {
					breaches = append(breaches, fmt.Sprintf("%s: imports %s (allowed only in %s)", fset.Position(im.Pos()), path, strings.Join(ok, ", ")))
				}
			}
			if path == "os" {
				osName = "os"
				if im.Name != nil {
					osName = im.Name.Name
				}
			}
		}
		if osName != "" && !allowed(dir, writers) {
			ast.Inspect(f, func(n ast.Node) bool {
				sel, ok := n.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				if id, ok := sel.X.(*ast.Ident); ok && id.Name == osName && writeFuncs[sel.Sel.Name] {
					breaches = append(breaches, fmt.Sprintf("%s: os.%s writes to the file system (allowed only in %s)", fset.Position(sel.Pos()), sel.Sel.Name, strings.Join(writers, ", ")))
				}
				return true
			})
		}
		return nil
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "fences:", err)
		os.Exit(2)
	}
	for _, b := range breaches {
		fmt.Fprintln(os.Stderr, "fences:", b)
	}
	if len(breaches) > 0 {
		os.Exit(1)
	}
}
