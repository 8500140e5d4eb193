package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"sort"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"dossier/internal/diag"
	"dossier/internal/model"
	"dossier/internal/textutil"
)

// Dir is where articles live, relative to the site dir.
const Dir = "content/articles"

// Load reads every article below Dir in fsys. A missing Dir is an error
// diagnostic (a site with no articles has nothing to build).
func Load(fsys fs.FS) ([]model.Article, diag.List, error) {
	files, diags, err := List(fsys)
	if err != nil || len(files) == 0 {
		return nil, diags, err
	}
	ids, ds := IDs(files)
	diags = append(diags, ds...)
	var arts []model.Article
	for i, p := range files {
		raw, err := fs.ReadFile(fsys, p)
		if err != nil {
			return nil, diags, fmt.Errorf("read %s: %w", p, err)
		}
		text, ds, ok := Decode(p, raw)
		diags = append(diags, ds...)
		if !ok {
			continue
		}
		a, ds := ParseID(p, ids[i], text)
		diags = append(diags, ds...)
		arts = append(arts, a)
	}
	return arts, diags, nil
}

// List returns the article paths below Dir, sorted, with diagnostics for
// files that are not articles. A missing or empty Dir is an error diagnostic.
func List(fsys fs.FS) ([]string, diag.List, error) {
	var diags diag.List
	var files []string
	err := fs.WalkDir(fsys, Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != Dir && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		}
		name := d.Name()
		switch {
		case strings.HasPrefix(name, ".") || textutil.IsEditorTemp(name):
			// hidden and editor temp files are not articles
		case d.Type()&fs.ModeSymlink != 0 && !linkInside(fsys, p):
			diags.Warnf(p, 0, "copy the file into the site if it belongs to the dossier",
				"a link to a file outside the site, left out")
		case strings.HasSuffix(name, ".md") || strings.HasSuffix(name, ".txt"):
			files = append(files, p)
		default:
			diags.Warnf(p, 0, "articles are .md or .txt files", "not an article, skipped")
		}
		return nil
	})
	if err != nil {
		if errorsIsNotExist(err) {
			diags.Errorf(Dir, 0, "create it and put the articles (.md or .txt) in it, or pass -s SITE_DIR", "no articles folder")
			return nil, diags, nil
		}
		return nil, diags, fmt.Errorf("read %s: %w", Dir, err)
	}
	sort.Strings(files)
	if len(files) == 0 {
		diags.Errorf(Dir, 0, "add .md or .txt articles to it", "no articles found")
	}
	return files, diags, nil
}

// linkInside reports whether the symbolic link at p points to a file in
// the site: a relative link that does not climb out of it. An article
// linked from elsewhere on the disk (say /etc/passwd) would be published
// without anyone having put it in the dossier.
func linkInside(fsys fs.FS, p string) bool {
	target, err := fs.ReadLink(fsys, p)
	if err != nil || path.IsAbs(target) || strings.HasPrefix(target, "\\") {
		return false
	}
	to := path.Join(path.Dir(p), target)
	return to != ".." && !strings.HasPrefix(to, "../")
}

// IDs gives each article path (sorted, as List returns them) its id: the
// slug of its name below Dir ("reports/Morning Ledger 1.md" → "reports-morning-ledger-1"),
// transliterated where it is not Latin, "article" where nothing is left, and
// with a "-2", "-3" … suffix where an earlier path has the same slug, so
// every source page has an address of its own and an article keeps its
// address while later-sorted files come and go. Two files that differ only
// in their extension ("a.md", "a.txt") are an error: one article, saved twice.
func IDs(paths []string) ([]string, diag.List) {
	var diags diag.List
	ids := make([]string, len(paths))
	used := map[string]bool{}
	stems := map[string]string{}
	for i, p := range paths {
		stem := strings.TrimSuffix(p, path.Ext(p))
		if prev, ok := stems[stem]; ok {
			diags.Errorf(p, 0, "remove or rename one of the two files", "the same article as %s, saved under another extension", prev)
		}
		stems[stem] = p
		ids[i] = textutil.Unique(used, ID(p), "article")
	}
	return ids, diags
}

func errorsIsNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }

// ID derives an article's stable id from its path below Dir.
func ID(p string) string {
	rel := strings.TrimPrefix(p, Dir+"/")
	rel = strings.TrimSuffix(rel, path.Ext(rel))
	return textutil.Slug(strings.ReplaceAll(rel, "/", "-"), 80)
}

// Parse splits one file into front matter and body. It is pure: p is only
// used for the id and in messages.
func Parse(p string, raw []byte) (model.Article, diag.List) { return ParseID(p, ID(p), raw) }

// ParseID is Parse with the article's id given (see IDs).
func ParseID(p, id string, raw []byte) (model.Article, diag.List) {
	a := model.Article{ID: id, File: p, Raw: raw, Format: strings.TrimPrefix(path.Ext(p), ".")}
	var diags diag.List
	if !bytes.HasPrefix(raw, []byte("---\n")) && !bytes.HasPrefix(raw, []byte("---\r\n")) {
		return a, diags
	}
	start := bytes.IndexByte(raw, '\n') + 1
	end, bodyStart := -1, -1
	for off := start; off < len(raw); {
		nl := bytes.IndexByte(raw[off:], '\n')
		line := raw[off:]
		next := len(raw)
		if nl >= 0 {
			line = raw[off : off+nl]
			next = off + nl + 1
		}
		if t := bytes.TrimRight(line, "\r \t"); string(t) == "---" || string(t) == "..." {
			end, bodyStart = off, next
			break
		}
		off = next
	}
	if end < 0 {
		diags.Errorf(p, 1, `close the front matter with a line "---"`, "front matter is not closed")
		return a, diags
	}
	a.BodyStart = bodyStart
	var root yaml.Node
	if err := yaml.Unmarshal(raw[start:end], &root); err != nil {
		line := 1
		msg := err.Error()
		if n, ok := yamlErrLine(msg); ok {
			line += n
		}
		diags.Errorf(p, line, "front matter is YAML: key: value, one per line; quote values that contain ': '", "front matter: %s", cleanYAMLErr(msg))
		return a, diags
	}
	if len(root.Content) == 0 {
		return a, diags
	}
	m := root.Content[0]
	if m.Kind != yaml.MappingNode {
		diags.Errorf(p, 1+m.Line, "front matter is a list of key: value lines", "front matter is not a mapping")
		return a, diags
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		line := 1 + k.Line
		if v.Kind != yaml.ScalarNode {
			diags.Warnf(p, line, "give a single value", "%s: not a plain value, ignored", k.Value)
			continue
		}
		val := strings.TrimSpace(v.Value)
		if v.Tag == "!!null" {
			continue // "title: null", "title: ~", "title:" give no title, not the word "null"
		}
		switch k.Value {
		case "title":
			a.Meta.Title = val
		case "outlet":
			a.Meta.Outlet = val
		case "author":
			a.Meta.Author = val
		case "url", "archive_url":
			if val != "" {
				u, err := url.Parse(val)
				if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
					diags.Warnf(p, line, "give an absolute http(s) address", "%s: %q is not a web address, ignored", k.Value, val)
					continue
				}
			}
			if k.Value == "url" {
				a.Meta.URL = val
			} else {
				a.Meta.ArchiveURL = val
			}
		case "published", "date":
			norm, ok := NormalizePublished(val)
			if !ok {
				diags.Warnf(p, line, "write a date as 2025-10-29 or a time as 2025-10-29T03:00:00+03:00", "%s: cannot read %q as a date, ignored", k.Value, val)
				continue
			}
			a.Meta.Published = norm
		default:
			diags.Warnf(p, line, "known fields: title, outlet, url, published, author, archive_url", "unknown front matter field %q, ignored", k.Value)
		}
	}
	return a, diags
}

// NormalizePublished accepts a date or an RFC 3339 time and returns it in
// canonical form ("2006-01-02" or RFC 3339).
// A time without a zone keeps only its date (a zone is never guessed), and
// common written dates are read too ("August 6, 2014", "6 Aug 2014").
func NormalizePublished(s string) (string, bool) {
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t.Format("2006-01-02"), true
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04Z07:00", "2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05 -0700"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format(time.RFC3339), true
		}
	}
	for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02T15:04", "2006-01-02 15:04",
		"January 2, 2006", "Jan 2, 2006", "Jan. 2, 2006", "2 January 2006", "2 Jan 2006", "January 2 2006", "2006/01/02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("2006-01-02"), true
		}
	}
	return "", false
}

func yamlErrLine(msg string) (int, bool) {
	var n int
	if i := strings.Index(msg, "line "); i >= 0 {
		if _, err := fmt.Sscanf(msg[i:], "line %d", &n); err == nil {
			return n, true
		}
	}
	return 0, false
}

func cleanYAMLErr(msg string) string {
	msg = strings.TrimPrefix(msg, "yaml: ")
	if i := strings.Index(msg, "line "); i >= 0 {
		if j := strings.Index(msg[i:], ": "); j >= 0 {
			msg = msg[:i] + msg[i+j+2:]
		}
	}
	return strings.TrimSpace(msg)
}
