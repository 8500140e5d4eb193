package yamlkv

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	n, err := Parse([]byte("title: \"A: B\"\nnote: |\n  two\n  lines\nlist: [a, b]\nnone: ~\nempty:\ndate: 2014-08-03\nn: 12\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]struct {
		kind  Kind
		value string
		line  int
	}{"title": {Scalar, "A: B", 1}, "note": {Scalar, "two\nlines\n", 2}, "list": {Seq, "", 5}, "none": {Null, "", 6}, "empty": {Null, "", 7}, "date": {Scalar, "2014-08-03", 8}, "n": {Scalar, "12", 9}}
	if n.Kind != Map || len(n.Pairs) != len(want) {
		t.Fatalf("%+v", n)
	}
	for _, p := range n.Pairs {
		w := want[p.Key]
		if p.Value.Kind != w.kind || p.Value.Value != w.value || p.Line != w.line {
			t.Errorf("%s: kind %d value %q line %d, want %+v", p.Key, p.Value.Kind, p.Value.Value, p.Line, w)
		}
	}
}

// A billion-laughs document is read in the time its bytes take: aliases
// are nodes of their own, never expanded.
func TestAliasesAreNotExpanded(t *testing.T) {
	var b strings.Builder
	b.WriteString("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n")
	prev := "a"
	for _, name := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		b.WriteString(name + ": &" + name + " [")
		for k := 0; k < 9; k++ {
			if k > 0 {
				b.WriteString(",")
			}
			b.WriteString("*" + prev)
		}
		b.WriteString("]\n")
		prev = name
	}
	b.WriteString("title: *i\n")
	n, err := Parse([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	last := n.Pairs[len(n.Pairs)-1]
	if last.Key != "title" || last.Value.Kind != Alias {
		t.Errorf("title: %+v", last.Value)
	}
}

func TestSyntaxErrorLine(t *testing.T) {
	_, err := Parse([]byte("title: ok\nlist: [a, b\nnext: c\n"))
	e, ok := err.(*Error)
	if !ok || e.Line < 2 || e.Msg == "" {
		t.Errorf("error %v", err)
	}
}
