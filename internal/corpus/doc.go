// Package corpus is the first stage: it reads the articles of a site.
//
// Input: an fs.FS rooted at the site dir. Output: []model.Article sorted by
// file path, plus diagnostics. Articles are the .md and .txt files below
// content/articles/ (subfolders included; other files are reported and
// skipped). An article may open with YAML front matter between "---" lines;
// the known fields are title, outlet, url, published (a date or an RFC 3339
// time), author and archive_url. A field that cannot be used is reported with
// its line and dropped; the article is still built. Broken YAML is an error.
//
// Never: writes files, guesses metadata the article does not state, or looks
// at another article. Load on the same files always returns the same value.
package corpus
