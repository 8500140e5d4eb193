package eval

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
)

// Corpus is one reference corpus: a folder with articles/ and gold.json.
type Corpus struct {
	Name string // the folder's name: "2019-river-flood"
	Dir  string
}

// Articles is the corpus's articles folder.
func (c Corpus) Articles() string { return filepath.Join(c.Dir, "articles") }

// Corpora lists the corpora in dir (each a folder holding articles/ and
// gold.json), sorted by name; none when dir does not exist.
func Corpora(dir string) []Corpus {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []Corpus
	for _, e := range ents {
		d := filepath.Join(dir, e.Name())
		if _, err := os.Stat(filepath.Join(d, "gold.json")); err != nil {
			continue
		}
		if st, err := os.Stat(filepath.Join(d, "articles")); err != nil || !st.IsDir() {
			continue
		}
		out = append(out, Corpus{Name: e.Name(), Dir: d})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Gold reads the corpus's gold.json.
func (c Corpus) Gold() (Gold, error) {
	p := filepath.Join(c.Dir, "gold.json")
	raw, err := os.ReadFile(p)
	if err != nil {
		return Gold{}, err
	}
	var g Gold
	if err := json.Unmarshal(raw, &g); err != nil {
		return Gold{}, fmt.Errorf("%s: %w", p, err)
	}
	return g, nil
}

// Texts reads the corpus's articles as a site holds them: keyed
// "content/articles/<path>", as dossier.json names its sources' files.
func (c Corpus) Texts() (map[string]string, error) {
	texts := map[string]string{}
	root := c.Articles()
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		texts["content/articles/"+filepath.ToSlash(rel)] = string(b)
		return nil
	})
	return texts, err
}

// ScoreCorpus scores a dossier.json built from the corpus.
func (c Corpus) Score(dossier []byte) (Report, error) {
	g, err := c.Gold()
	if err != nil {
		return Report{}, err
	}
	texts, err := c.Texts()
	if err != nil {
		return Report{}, err
	}
	return Score(texts, dossier, g)
}
