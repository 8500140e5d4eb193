// Package yamlkv reads YAML into a small tree that keeps each key's line,
// through goccy/go-yaml's parser (the one Hugo moved to; gopkg.in/yaml.v3
// is archived). It serves the three YAML files dossier reads: article
// front matter, dossier.yaml and content/editorial.yaml.
//
// Aliases are never expanded: an alias is a node of kind Alias, which the
// readers refuse as not a plain value. A "billion laughs" document (aliases
// of aliases, each doubling the text) costs what its bytes cost, however
// deep it goes.
package yamlkv

import (
	"errors"
	"fmt"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// Kind is what a node holds.
type Kind int

const (
	Scalar Kind = iota // a plain value: Value
	Null               // "~", "null", or nothing
	Map                // Pairs
	Seq                // Items
	Alias              // "*name": not expanded, never a value
)

// Node is one YAML value and the line it starts on.
type Node struct {
	Kind  Kind
	Value string
	Line  int
	Pairs []Pair
	Items []*Node
}

// Pair is one key of a mapping, with the line of the key.
type Pair struct {
	Key   string
	Line  int
	Value *Node
}

// Error is a YAML syntax error and its line.
type Error struct {
	Line int
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

// Parse reads the first document of data; nil for an empty one.
func Parse(data []byte) (*Node, error) {
	f, err := parser.ParseBytes(data, 0)
	if err != nil {
		var se *yaml.SyntaxError
		if errors.As(err, &se) {
			line := 0
			if tk := se.GetToken(); tk != nil && tk.Position != nil {
				line = tk.Position.Line
			}
			return nil, &Error{Line: line, Msg: strings.TrimSpace(se.GetMessage())}
		}
		return nil, &Error{Msg: err.Error()}
	}
	if len(f.Docs) == 0 || f.Docs[0] == nil || f.Docs[0].Body == nil {
		return nil, nil
	}
	return convert(f.Docs[0].Body), nil
}

func line(n ast.Node) int {
	if tk := n.GetToken(); tk != nil && tk.Position != nil {
		return tk.Position.Line
	}
	return 0
}

func convert(n ast.Node) *Node {
	switch x := n.(type) {
	case *ast.MappingNode:
		out := &Node{Kind: Map, Line: line(x)}
		for _, v := range x.Values {
			out.Pairs = append(out.Pairs, pair(v))
		}
		return out
	case *ast.MappingValueNode:
		return &Node{Kind: Map, Line: line(x.Key), Pairs: []Pair{pair(x)}}
	case *ast.SequenceNode:
		out := &Node{Kind: Seq, Line: line(x)}
		for _, v := range x.Values {
			out.Items = append(out.Items, convert(v))
		}
		return out
	case *ast.NullNode:
		return &Node{Kind: Null, Line: line(x)}
	case *ast.AliasNode:
		return &Node{Kind: Alias, Line: line(x)}
	case *ast.AnchorNode:
		return convert(x.Value)
	case *ast.TagNode:
		if x.Value == nil {
			return &Node{Kind: Null, Line: line(x)}
		}
		return convert(x.Value)
	case *ast.StringNode:
		return &Node{Kind: Scalar, Value: x.Value, Line: line(x)}
	case *ast.LiteralNode:
		return &Node{Kind: Scalar, Value: x.Value.Value, Line: line(x)}
	case ast.ScalarNode:
		return &Node{Kind: Scalar, Value: x.GetToken().Value, Line: line(x)}
	}
	return &Node{Kind: Alias, Line: line(n)} // anything else is not a plain value either
}

func pair(v *ast.MappingValueNode) Pair {
	key := ""
	if s, ok := v.Key.(ast.ScalarNode); ok {
		key = fmt.Sprint(s.GetValue())
	} else if v.Key != nil {
		key = v.Key.String()
	}
	p := Pair{Key: key, Line: line(v.Key)}
	if v.Value == nil {
		p.Value = &Node{Kind: Null, Line: p.Line}
	} else {
		p.Value = convert(v.Value)
	}
	return p
}
