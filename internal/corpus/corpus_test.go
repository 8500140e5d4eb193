package corpus

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestParseFrontMatter(t *testing.T) {
	for _, tc := range []struct {
		name, in  string
		title     string
		published string
		body      string
		diags     []string
	}{
		{"none", "Just text.\n", "", "", "Just text.\n", nil},
		{"full", "---\ntitle: \"A: B\"\noutlet: AP\nurl: https://x.org/a\npublished: 2014-08-03\n---\nBody\n", "A: B", "2014-08-03", "Body\n", nil},
		{"rfc3339", "---\npublished: 2014-08-03T21:02:00+06:00\n---\nB\n", "", "2014-08-03T21:02:00+06:00", "B\n", nil},
		{"bad date", "---\npublished: Octobre 3\n---\nB\n", "", "", "B\n", []string{"x.md:2: published: cannot read \"Octobre 3\" as a date, ignored"}},
		{"unknown", "---\ncolour: red\n---\nB\n", "", "", "B\n", []string{"x.md:2: unknown front matter field \"colour\", ignored"}},
		{"bad url", "---\nurl: javascript:alert(1)\n---\nB\n", "", "", "B\n", []string{"x.md:2: url: \"javascript:alert(1)\" is not a web address, ignored"}},
		{"unclosed", "---\ntitle: x\nBody\n", "", "", "", []string{"x.md:1: front matter is not closed"}},
		{"broken yaml", "---\ntitle: [x\n---\nB\n", "", "", "B\n", []string{"x.md:2: front matter: sequence end token ']' not found"}},
		{"crlf", "---\r\ntitle: T\r\n---\r\nB\r\n", "T", "", "B\r\n", nil},
	} {
		a, ds := Parse("x.md", []byte(tc.in))
		if a.Meta.Title != tc.title || a.Meta.Published != tc.published {
			t.Errorf("%s: title %q published %q", tc.name, a.Meta.Title, a.Meta.Published)
		}
		if tc.body != "" && string(a.Raw[a.BodyStart:]) != tc.body {
			t.Errorf("%s: body %q, want %q", tc.name, a.Raw[a.BodyStart:], tc.body)
		}
		if len(ds) != len(tc.diags) {
			t.Errorf("%s: diagnostics %v, want %v", tc.name, ds, tc.diags)
			continue
		}
		for i, d := range ds {
			if d.String() != tc.diags[i] {
				t.Errorf("%s: %q, want %q", tc.name, d.String(), tc.diags[i])
			}
		}
	}
}

func TestLoad(t *testing.T) {
	fsys := fstest.MapFS{
		"content/articles/b.txt":        {Data: []byte("B.")},
		"content/articles/sub/a.md":     {Data: []byte("A.")},
		"content/articles/.hidden.md":   {Data: []byte("x")},
		"content/articles/a.md.swp":     {Data: []byte("x")},
		"content/articles/picture.jpg":  {Data: []byte("x")},
		"content/articles/.git/HEAD.md": {Data: []byte("x")},
	}
	arts, diags, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 2 || arts[0].ID != "b" || arts[1].ID != "sub-a" {
		t.Fatalf("articles %+v", arts)
	}
	if len(diags) != 1 || diags[0].File != "content/articles/picture.jpg" {
		t.Errorf("diags %v", diags)
	}
	_, diags, _ = Load(fstest.MapFS{})
	if !diags.HasErrors() {
		t.Error("a site without content/articles should be an error")
	}
}

func TestNormalizePublished(t *testing.T) {
	for in, want := range map[string]string{
		"2014-08-03":                "2014-08-03",
		"2014-08-03T21:02:00+06:00": "2014-08-03T21:02:00+06:00",
		"2014-08-04 08:48:35":       "2014-08-04", // no zone: the date only, never a guessed zone
		"August 6, 2014":            "2014-08-06",
		"6 Aug 2014":                "2014-08-06",
		"Aug. 6, 2014":              "2014-08-06",
	} {
		if got, ok := NormalizePublished(in); !ok || got != want {
			t.Errorf("%q: %q %v, want %q", in, got, ok, want)
		}
	}
	for _, bad := range []string{"Octobre 3", "yesterday", "2014-13-40"} {
		if _, ok := NormalizePublished(bad); ok {
			t.Errorf("%q should not read as a date", bad)
		}
	}
}

// Front matter in Hugo's three forms reads the same; "date" is "published";
// a draft is marked.
func TestFrontMatterFormats(t *testing.T) {
	for name, in := range map[string]string{
		"yaml": "---\ntitle: The raid\ndate: 2025-10-30\ndraft: true\n---\nBody\n",
		"toml": "+++\ntitle = \"The raid\"\ndate = 2025-10-30\ndraft = true\n+++\nBody\n",
		"json": "{\n  \"title\": \"The raid\",\n  \"date\": \"2025-10-30\",\n  \"draft\": true\n}\nBody\n",
	} {
		a, ds := Parse("content/articles/x.md", []byte(in))
		if a.Meta.Title != "The raid" || a.Meta.Published != "2025-10-30" || !a.Meta.Draft || string(a.Raw[a.BodyStart:]) != "Body\n" || len(ds) != 0 {
			t.Errorf("%s: %+v body %q %v", name, a.Meta, a.Raw[a.BodyStart:], ds)
		}
	}
	for name, c := range map[string]struct{ in, want string }{
		"toml":       {"+++\ntitle = \"x\"\ncolour = 3\nbad = \n+++\nB\n", "x.md:4: front matter: "},
		"json":       {"{\n  \"title\": \"x\",\n  oops\n}\nB\n", "x.md:3: front matter: "},
		"toml field": {"+++\ntitle = \"x\"\ncolour = \"red\"\n+++\nB\n", `x.md:3: unknown front matter field "colour", ignored`},
		"toml time":  {"+++\npublished = 2014-08-03T21:02:00+06:00\n+++\nB\n", ""},
	} {
		a, ds := Parse("x.md", []byte(c.in))
		got := ds.Format("dossier")
		if c.want == "" {
			if got != "" || a.Meta.Published != "2014-08-03T21:02:00+06:00" {
				t.Errorf("%s: %q %q", name, got, a.Meta.Published)
			}
			continue
		}
		if !strings.Contains(got, c.want) {
			t.Errorf("%s: %q, want %q", name, got, c.want)
		}
	}
}

// A "billion laughs" front matter is read without expanding an alias: the
// field is not a plain value, and the article is parsed at once.
func TestFrontMatterAliasesNotExpanded(t *testing.T) {
	fm := "---\na: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]\n"
	prev := "a"
	for _, n := range []string{"b", "c", "d", "e", "f", "g", "h", "i", "j"} {
		fm += n + ": &" + n + " [" + strings.Repeat("*"+prev+",", 8) + "*" + prev + "]\n"
		prev = n
	}
	fm += "title: *j\n---\nBody\n"
	a, ds := Parse("x.md", []byte(fm))
	if a.Meta.Title != "" || !strings.Contains(ds.Format("dossier"), "x.md:12: title: not a plain value, ignored") {
		t.Errorf("title %q, diagnostics %s", a.Meta.Title, ds.Format("dossier"))
	}
}
