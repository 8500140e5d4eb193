package build

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"dossier/internal/diag"
)

// readManifest reads the manifest of the last build. The manifest is not
// trusted: a line whose hash is not a SHA-256 or whose path is not a plain
// relative path inside the output folder ("..", an absolute path, one of
// dossier's own files) is a warning with its line, and is ignored — a path
// it names is then never overwritten or removed.
func readManifest(out string, ds *diag.List) (map[string]string, error) {
	m := map[string]string{}
	name := filepath.Join(out, Manifest)
	fi, err := os.Lstat(name)
	if errors.Is(err, fs.ErrNotExist) {
		return m, nil
	}
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file; remove it (dossier then takes no file in %s as its own)", name, out)
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		hash, p, ok := strings.Cut(sc.Text(), " ")
		if !ok || !isHash(hash) || !outputPath(p) {
			ds.Warnf(filepath.ToSlash(name), n, "dossier wrote this file; if you edited it, delete it and build again",
				"malformed manifest line, ignored: the file it names is not taken as dossier's")
			continue
		}
		m[p] = hash
	}
	if err := sc.Err(); err != nil {
		ds.Warnf(filepath.ToSlash(name), 0, "delete it and build again", "unreadable manifest: %v", err)
	}
	return m, nil
}

// formatManifest gives the manifest's bytes for the files in now.
func formatManifest(now map[string]string) []byte {
	var b bytes.Buffer
	for _, p := range slices.Sorted(maps.Keys(now)) {
		fmt.Fprintf(&b, "%s %s\n", now[p], p)
	}
	return b.Bytes()
}

func isHash(s string) bool {
	if len(s) != 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// outputPath reports whether p is a path a build may write or remove: a
// clean, relative, slash-separated path that stays inside the output
// folder, with no control characters or backslashes, and not one of
// dossier's own files (.dossier-*).
func outputPath(p string) bool {
	if p == "" || p == "." || path.Clean(p) != p || path.IsAbs(p) || strings.HasPrefix(p, "../") || p == ".." {
		return false
	}
	for i := 0; i < len(p); i++ {
		if c := p[i]; c < 0x20 || c == 0x7f || c == '\\' {
			return false
		}
	}
	top, _, _ := strings.Cut(p, "/")
	return !strings.HasPrefix(top, ".dossier-")
}
