// Package diag carries findings about the input: a message tied to a file and
// line, with a hint on how to fix it.
//
// Contract: findings are values, not errors. A stage that meets bad input
// (an unparseable front-matter field, an unreadable article) appends a
// Diagnostic and goes on; `error` is kept for I/O failures and broken
// invariants. One voice for messages: lowercase, no final period, the
// subject first. The CLI prints them as
//
//	dossier: error: content/articles/x.md:3: published: cannot parse "Octobre 3"
//	dossier: hint: write a date as 2025-10-29 or an RFC 3339 time
package diag

import (
	"fmt"
	"sort"
	"strings"
)

// Severity orders findings. An Error fails the build (nothing is written);
// a Warning is reported and the build succeeds.
type Severity int

const (
	Warning Severity = iota
	Error
)

func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// Diagnostic is one finding.
type Diagnostic struct {
	Severity Severity `json:"-"`
	File     string   `json:"file"`           // slash path relative to the site dir
	Line     int      `json:"line,omitempty"` // 1-based; 0 when the whole file is meant
	Msg      string   `json:"message"`
	Hint     string   `json:"hint,omitempty"`
}

// Where is "file:line" or "file".
func (d Diagnostic) Where() string {
	if d.Line > 0 {
		return fmt.Sprintf("%s:%d", d.File, d.Line)
	}
	return d.File
}

// String is the one-line form: "content/articles/x.md:3: message".
func (d Diagnostic) String() string {
	if d.File == "" {
		return d.Msg
	}
	return d.Where() + ": " + d.Msg
}

// List is a set of findings.
type List []Diagnostic

// Errorf appends an error finding.
func (l *List) Errorf(file string, line int, hint, format string, args ...any) {
	*l = append(*l, Diagnostic{Severity: Error, File: file, Line: line, Msg: fmt.Sprintf(format, args...), Hint: hint})
}

// Warnf appends a warning finding.
func (l *List) Warnf(file string, line int, hint, format string, args ...any) {
	*l = append(*l, Diagnostic{Severity: Warning, File: file, Line: line, Msg: fmt.Sprintf(format, args...), Hint: hint})
}

// HasErrors reports whether any finding is an Error.
func (l List) HasErrors() bool {
	for _, d := range l {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Sorted returns the findings ordered by file, line, severity and message.
func (l List) Sorted() List {
	out := append(List(nil), l...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Severity != b.Severity {
			return a.Severity > b.Severity
		}
		return a.Msg < b.Msg
	})
	return out
}

// Format renders findings the way the CLI prints them, one or two lines each.
func (l List) Format(prog string) string {
	var b strings.Builder
	for _, d := range l.Sorted() {
		fmt.Fprintf(&b, "%s: %s: %s\n", prog, d.Severity, d)
		if d.Hint != "" {
			fmt.Fprintf(&b, "%s: hint: %s\n", prog, d.Hint)
		}
	}
	return b.String()
}
