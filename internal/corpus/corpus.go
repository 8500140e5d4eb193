package corpus

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"sort"
	"strings"
	"time"

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
		case strings.HasSuffix(name, ".md") || strings.HasSuffix(name, ".markdown") || strings.HasSuffix(name, ".txt"):
			files = append(files, p)
		default:
			diags.Warnf(p, 0, "articles are .md, .markdown or .txt files", "not an article, skipped")
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
	format := strings.TrimPrefix(path.Ext(p), ".")
	if format == "markdown" {
		format = "md"
	}
	a := model.Article{ID: id, File: p, Raw: raw, Format: format}
	var diags diag.List
	fm, ok := frontMatter(p, raw, &diags)
	a.BodyStart = fm.bodyStart
	if !ok {
		return a, diags
	}
	for _, f := range fm.fields {
		setField(&a, p, f, &diags)
	}
	return a, diags
}

// field is one front matter entry, whatever its format: a plain value
// (scalar says it is one) and its line in the file.
type field struct {
	key, val     string
	line         int
	scalar, null bool
}

// setField validates one front matter field into a.Meta.
func setField(a *model.Article, p string, f field, diags *diag.List) {
	if !f.scalar {
		diags.Warnf(p, f.line, "give a single value", "%s: not a plain value, ignored", f.key)
		return
	}
	if f.null {
		return // "title: null", "title: ~", "title:" give no title, not the word "null"
	}
	val := strings.TrimSpace(f.val)
	switch f.key {
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
				diags.Warnf(p, f.line, "give an absolute http(s) address", "%s: %q is not a web address, ignored", f.key, val)
				return
			}
		}
		if f.key == "url" {
			a.Meta.URL = val
		} else {
			a.Meta.ArchiveURL = val
		}
	case "published", "date":
		norm, ok := NormalizePublished(val)
		if !ok {
			diags.Warnf(p, f.line, "write a date as 2025-10-29 or a time as 2025-10-29T03:00:00+03:00", "%s: cannot read %q as a date, ignored", f.key, val)
			return
		}
		a.Meta.Published = norm
	case "draft":
		switch strings.ToLower(val) {
		case "true", "yes":
			a.Meta.Draft = true
		case "false", "no", "":
		default:
			diags.Warnf(p, f.line, "write draft: true or draft: false", "draft: %q is not true or false, ignored", val)
		}
	default:
		diags.Warnf(p, f.line, "known fields: title, outlet, url, published (or date), author, archive_url, draft", "unknown front matter field %q, ignored", f.key)
	}
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
