package corpus

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"

	"dossier/internal/diag"
	"dossier/internal/yamlkv"
)

// Front matter comes in the three forms Hugo reads: YAML between "---"
// lines, TOML between "+++" lines (read by go-toml, the library Hugo uses),
// or a JSON object opening the file.
type parsed struct {
	fields    []field
	bodyStart int
}

// frontMatter finds and reads an article's front matter. ok is false when
// it is broken (an error diagnostic says where); an article without front
// matter is ok, with none.
func frontMatter(p string, raw []byte, diags *diag.List) (parsed, bool) {
	switch {
	case startsWithLine(raw, "---"):
		return fenced(p, raw, "---", "front matter is YAML: key: value, one per line; quote values that contain ': '", readYAML, diags)
	case startsWithLine(raw, "+++"):
		return fenced(p, raw, "+++", `front matter between "+++" lines is TOML: key = "value", one per line`, readTOML, diags)
	case len(raw) > 0 && raw[0] == '{':
		return readJSON(p, raw, diags)
	}
	return parsed{}, true
}

func startsWithLine(raw []byte, fence string) bool {
	return bytes.HasPrefix(raw, []byte(fence+"\n")) || bytes.HasPrefix(raw, []byte(fence+"\r\n"))
}

// fenced reads front matter between two fence lines ("---" also closes
// with "..."). Lines in diagnostics count from the file's first line.
func fenced(p string, raw []byte, fence, hint string, read func([]byte) ([]field, int, string, error), diags *diag.List) (parsed, bool) {
	start := bytes.IndexByte(raw, '\n') + 1
	end, bodyStart := -1, -1
	for off := start; off < len(raw); {
		nl := bytes.IndexByte(raw[off:], '\n')
		line, next := raw[off:], len(raw)
		if nl >= 0 {
			line, next = raw[off:off+nl], off+nl+1
		}
		if t := string(bytes.TrimRight(line, "\r \t")); t == fence || (fence == "---" && t == "...") {
			end, bodyStart = off, next
			break
		}
		off = next
	}
	if end < 0 {
		diags.Errorf(p, 1, fmt.Sprintf("close the front matter with a line %q", fence), "front matter is not closed")
		return parsed{}, false
	}
	fields, line, msg, err := read(raw[start:end])
	if err != nil {
		diags.Errorf(p, 1+line, hint, "front matter: %s", msg)
		return parsed{bodyStart: bodyStart}, false
	}
	for i := range fields {
		fields[i].line++ // the opening fence is line 1
	}
	return parsed{fields: fields, bodyStart: bodyStart}, true
}

// readYAML reads YAML front matter, keeping each key's line.
func readYAML(b []byte) ([]field, int, string, error) {
	root, err := yamlkv.Parse(b)
	if err != nil {
		var ye *yamlkv.Error
		if errors.As(err, &ye) {
			return nil, ye.Line, ye.Msg, err
		}
		return nil, 0, err.Error(), err
	}
	if root == nil || root.Kind == yamlkv.Null {
		return nil, 0, "", nil
	}
	if root.Kind != yamlkv.Map {
		return nil, root.Line, "front matter is not a mapping", errors.New("not a mapping")
	}
	var out []field
	for _, p := range root.Pairs {
		v := p.Value
		out = append(out, field{key: p.Key, val: v.Value, line: p.Line, scalar: v.Kind == yamlkv.Scalar || v.Kind == yamlkv.Null, null: v.Kind == yamlkv.Null})
	}
	return out, 0, "", nil
}

// readTOML reads TOML front matter. go-toml gives no line per key, so
// each key's line is found in the text.
func readTOML(b []byte) ([]field, int, string, error) {
	var m map[string]any
	if err := toml.Unmarshal(b, &m); err != nil {
		var de *toml.DecodeError
		if errors.As(err, &de) {
			row, _ := de.Position()
			return nil, row, de.Error(), err
		}
		return nil, 0, err.Error(), err
	}
	return fieldsOf(m, func(k string) int { return keyLine(b, k) }), 0, "", nil
}

// readJSON reads a JSON object that opens the file; the body follows it.
func readJSON(p string, raw []byte, diags *diag.List) (parsed, bool) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		line := 1
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line = 1 + bytes.Count(raw[:min(int(se.Offset), len(raw))], []byte("\n"))
		}
		diags.Errorf(p, line, `front matter that opens with "{" is one JSON object: {"title": "…", "published": "2025-10-29"}`, "front matter: %v", err)
		return parsed{}, false
	}
	end := int(dec.InputOffset())
	if nl := bytes.IndexByte(raw[end:], '\n'); nl >= 0 && len(bytes.TrimSpace(raw[end:end+nl])) == 0 {
		end += nl + 1
	}
	return parsed{fields: fieldsOf(m, func(k string) int { return keyLine(raw[:end], `"`+k+`"`) }), bodyStart: end}, true
}

// fieldsOf turns a decoded TOML or JSON table into fields, in the order of
// their lines.
func fieldsOf(m map[string]any, lineOf func(string) int) []field {
	var out []field
	for k, v := range m {
		f := field{key: k, line: lineOf(k), scalar: true}
		switch x := v.(type) {
		case nil:
			f.null = true
		case string:
			f.val = x
		case bool:
			f.val = fmt.Sprint(x)
		case json.Number, int64, float64:
			f.val = fmt.Sprint(x)
		case time.Time:
			f.val = x.Format(time.RFC3339)
		case toml.LocalDate:
			f.val = x.String()
		case toml.LocalDateTime:
			f.val = x.String() // no zone: its date is kept (NormalizePublished)
		default:
			f.scalar = false
		}
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].line != out[j].line {
			return out[i].line < out[j].line
		}
		return out[i].key < out[j].key
	})
	return out
}

// keyLine is the line (from 1) where key first opens a line of b.
func keyLine(b []byte, key string) int {
	for i, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), key) {
			return i + 1
		}
	}
	return 1
}
