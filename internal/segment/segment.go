package segment

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"dossier/internal/model"
	"dossier/internal/textutil"
)

// Segment cuts a into blocks and sentences.
func Segment(a *model.Article) model.Doc {
	var spans []model.Span
	if a.Format == "md" && hasBlockSyntax(a.Raw[a.BodyStart:]) {
		spans = markdownBlocks(a.Raw, a.BodyStart)
	} else if a.Format == "md" {
		spans = paragraphs(a.Raw, a.BodyStart) // what goldmark would find, without parsing
	} else {
		spans = textBlocks(a.Raw, a.BodyStart)
	}
	doc := model.Doc{Article: a.ID}
	seenProse := false
	text := a.Str()
	for _, sp := range spans {
		txt := text[sp.Start:sp.End]
		if strings.TrimSpace(txt) == "" {
			continue
		}
		if strings.Contains(txt, "\n") {
			txt = textutil.SquashSpace(txt) // rare: a multi-line block
		}
		kind, why := Classify(txt)
		if kind == model.Prose {
			seenProse = true
		} else if kind == model.Heading && !seenProse {
			kind = model.Headline
		}
		b := model.Block{Kind: kind, Span: sp, Why: why}
		for _, s := range Split(a.Raw[sp.Start:sp.End], sp.Start) {
			b.Sentences = append(b.Sentences, model.Sentence{Span: s})
		}
		doc.Blocks = append(doc.Blocks, b)
	}
	pickHeadline(a, &doc)
	assignAnchors(a, &doc)
	doc.Title, doc.TitleDerived = a.Meta.Title, false
	if doc.Title == "" {
		doc.Title, doc.TitleDerived = deriveTitle(a, &doc), true
	}
	return doc
}

// pickHeadline keeps one headline: the longest heading-shaped line before the
// first prose block; the other pre-prose headings become plain headings.
func pickHeadline(a *model.Article, doc *model.Doc) {
	best, bestLen := -1, 0
	for i, b := range doc.Blocks {
		if b.Kind != model.Headline {
			continue
		}
		n := len(strings.Fields(a.Text(b.Span)))
		if n >= 3 && n > bestLen {
			best, bestLen = i, n
		}
	}
	for i := range doc.Blocks {
		if doc.Blocks[i].Kind == model.Headline && i != best {
			doc.Blocks[i].Kind = model.Heading
		}
	}
}

func deriveTitle(a *model.Article, doc *model.Doc) string {
	// markup left by a copied page ("| ||||| ![]() |") is not part of a title
	clean := func(s string) string {
		return strings.TrimLeftFunc(s, func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("\"“‘'", r)
		})
	}
	for _, b := range doc.Blocks {
		if b.Kind == model.Headline {
			return model.Shorten(clean(a.Text(b.Span)), 120)
		}
	}
	for _, b := range doc.Blocks {
		if b.Kind == model.Prose && len(b.Sentences) > 0 {
			if t := clean(a.Text(b.Sentences[0].Span)); t != "" {
				return model.Shorten(strings.TrimRight(t, "."), 90)
			}
		}
	}
	return ""
}

// Anchor is the id of a sentence with text s: "s-" + a slug of its first
// words + "-" + six hex digits of a hash of its folded text.
func Anchor(s string) string {
	// stream the folded words, joined by single spaces, into the hash; the
	// first six words make the readable part
	h := fnv.New32a()
	var buf [256]byte
	var hb [64]byte
	out, head := buf[:0], hb[:0]
	words := 0
	inWord, any := false, false
	for i := 0; i < len(s); {
		r, w := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(s[i:])
		}
		i += w
		if r == ' ' || r == '\n' || r == '\t' || r == '\r' || (r >= utf8.RuneSelf && unicode.IsSpace(r)) || r == '\v' || r == '\f' {
			if inWord {
				inWord = false
				words++
				if words < 6 {
					head = append(head, ' ')
				}
			}
			continue
		}
		if !inWord && any {
			out = append(out, ' ')
		}
		inWord, any = true, true
		n := len(out)
		if r < utf8.RuneSelf && r != '`' {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			out = append(out, byte(r))
		} else {
			out = textutil.AppendFold(out, r)
		}
		if words < 6 {
			head = append(head, out[n:]...)
		}
		if len(out) > 200 {
			h.Write(out)
			out = out[:0]
		}
	}
	h.Write(out)
	slug := textutil.Slug(string(head), 36)
	return "s-" + slug + "-" + hex6(h.Sum32()&0xffffff)
}

func hex6(v uint32) string {
	const digits = "0123456789abcdef"
	var b [6]byte
	for i := 5; i >= 0; i-- {
		b[i] = digits[v&0xf]
		v >>= 4
	}
	return string(b[:])
}

func assignAnchors(a *model.Article, doc *model.Doc) {
	used := map[string]int{}
	for bi := range doc.Blocks {
		for si := range doc.Blocks[bi].Sentences {
			s := &doc.Blocks[bi].Sentences[si]
			id := Anchor(a.Text(s.Span))
			used[id]++
			if n := used[id]; n > 1 {
				id = fmt.Sprintf("%s-%d", id, n)
			}
			s.Anchor = id
		}
	}
}

// hasBlockSyntax reports whether a Markdown body has anything but plain
// paragraphs: headings, quotes, lists, code, tables, HTML, setext
// underlines. Without them, paragraphs are the blank-line-separated runs
// of lines, exactly as goldmark would parse them, and parsing is skipped.
func hasBlockSyntax(body []byte) bool {
	for len(body) > 0 {
		line := body
		if i := bytes.IndexByte(body, '\n'); i >= 0 {
			line, body = body[:i], body[i+1:]
		} else {
			body = nil
		}
		indent := 0
		for indent < len(line) && line[indent] == ' ' {
			indent++
		}
		if indent >= 4 && indent < len(line) {
			return true // indented code
		}
		t := line[indent:]
		if len(t) == 0 {
			continue
		}
		switch t[0] {
		case '#', '>', '-', '*', '+', '`', '~', '|', '<', '=', '_', '\t':
			return true
		}
		if t[0] >= '0' && t[0] <= '9' {
			k := 0
			for k < len(t) && t[k] >= '0' && t[k] <= '9' {
				k++
			}
			if k < len(t) && (t[k] == '.' || t[k] == ')') {
				return true // an ordered list item
			}
		}
	}
	return false
}

// parsers reuses goldmark parsers: making one costs more than parsing an article.
var parsers = sync.Pool{New: func() any { return goldmark.DefaultParser() }}

// markdownBlocks returns the text blocks of a Markdown body, as spans into raw.
func markdownBlocks(raw []byte, bodyStart int) []model.Span {
	body := raw[bodyStart:]
	p := parsers.Get().(parser.Parser)
	defer parsers.Put(p)
	root := p.Parse(text.NewReader(body))
	var out []model.Span
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Type() != ast.TypeBlock {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindParagraph, ast.KindHeading, ast.KindTextBlock:
			lines := n.Lines()
			if lines.Len() == 0 {
				return ast.WalkSkipChildren, nil
			}
			first, last := lines.At(0), lines.At(lines.Len()-1)
			sp := trimSpan(raw, model.Span{Start: bodyStart + first.Start, End: bodyStart + last.Stop})
			if sp.Len() > 0 {
				out = append(out, sp)
			}
			return ast.WalkSkipChildren, nil
		case ast.KindFencedCodeBlock, ast.KindCodeBlock, ast.KindHTMLBlock:
			lines := n.Lines()
			if lines.Len() > 0 {
				sp := trimSpan(raw, model.Span{Start: bodyStart + lines.At(0).Start, End: bodyStart + lines.At(lines.Len()-1).Stop})
				if sp.Len() > 0 {
					out = append(out, sp)
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return out
}

// textBlocks returns one block per line of a plain-text body, joining a
// line to the next when the text is hard-wrapped (the line does not end a
// sentence and the next starts in lower case).
func textBlocks(raw []byte, bodyStart int) []model.Span {
	return lineBlocks(raw, bodyStart, continues)
}

// paragraphs returns the blank-line-separated runs of a plain Markdown body.
func paragraphs(raw []byte, bodyStart int) []model.Span {
	return lineBlocks(raw, bodyStart, func(_, _ []byte) bool { return true })
}

// lineBlocks groups a body's non-blank lines into blocks: a blank line ends
// a block, and join decides whether a line continues the block before it.
func lineBlocks(raw []byte, bodyStart int, join func(block, line []byte) bool) []model.Span {
	var out []model.Span
	var cur model.Span
	open := false
	off := bodyStart
	for off < len(raw) {
		end := bytes.IndexByte(raw[off:], '\n')
		next := len(raw)
		if end < 0 {
			end = len(raw)
		} else {
			end += off
			next = end + 1
		}
		line := trimSpan(raw, model.Span{Start: off, End: end})
		switch {
		case line.Len() == 0:
			if open {
				out = append(out, cur)
				open = false
			}
		case open && join(raw[cur.Start:cur.End], raw[line.Start:line.End]):
			cur.End = line.End
		default:
			if open {
				out = append(out, cur)
			}
			cur, open = line, true
		}
		off = next
	}
	if open {
		out = append(out, cur)
	}
	return out
}

func continues(prev, next []byte) bool {
	last, _ := utf8.DecodeLastRune(prev)
	first, _ := utf8.DecodeRune(next)
	return !strings.ContainsRune(".!?:;\"”’)…", last) && unicode.IsLower(first) && len(prev) > 40
}

func trimSpan(raw []byte, s model.Span) model.Span {
	for s.Start < s.End && isSpace(raw[s.Start]) {
		s.Start++
	}
	for s.End > s.Start && isSpace(raw[s.End-1]) {
		s.End--
	}
	return s
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

var (
	teaserRe  = regexp.MustCompile(`^(?:[A-Z]{2,}(?:\s+[A-Z]{2,})+|WATCH|READ|RELATED|LISTEN|VIDEO|PHOTOS|ADVERTISEMENT|SPONSORED)\s*[:|]`)
	stampRe   = regexp.MustCompile(`(?i)^(?:published|updated|posted|last modified|last updated|this article is from|breaking news|by\s|written by|first published|photo:|image:|source:)`)
	copyRe    = regexp.MustCompile(`(?i)(?:©|\(c\)\s*\d{4}|\bcopyright\b|all rights reserved)`)
	ctaVerbs  = textutil.Fold
	ctaStarts = map[string]bool{"add": true, "follow": true, "subscribe": true, "share": true, "sign": true, "click": true,
		"download": true, "join": true, "read": true, "watch": true, "listen": true, "connect": true, "continue": true,
		"get": true, "like": true, "comment": true, "tap": true, "see": true, "view": true, "tweet": true, "email": true, "print": true}
)

// countWords counts the space-separated words of s and returns the first.
func countWords(s string) (int, string) {
	n, first := 0, ""
	in := false
	start := 0
	for i := 0; i < len(s); i++ {
		sp := isSpace(s[i])
		if !sp && !in {
			in, start = true, i
			n++
		}
		if sp && in {
			in = false
			if n == 1 {
				first = s[start:i]
			}
		}
	}
	if in && n == 1 {
		first = s[start:]
	}
	return n, first
}

// mayBeCopyright is a cheap test before copyRe.
func mayBeCopyright(s string) bool {
	return strings.Contains(s, "©") || strings.Contains(s, "opyright") || strings.Contains(s, "OPYRIGHT") ||
		strings.Contains(s, "ights reserved") || strings.Contains(s, "IGHTS RESERVED") || strings.Contains(s, "(c)") || strings.Contains(s, "(C)")
}

// Classify tells a block's kind from its text (white space squashed) and,
// for chrome, which shape matched.
func Classify(s string) (model.BlockKind, string) {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	nwords, first := countWords(s)
	switch {
	case letters == 0:
		return model.Chrome, "no text"
	case mayBeCopyright(s) && copyRe.MatchString(s) && (nwords < 12 || strings.HasPrefix(s, "©") || strings.HasPrefix(strings.ToLower(s), "copyright")):
		return model.Chrome, "copyright footer"
	case len(s) > 1 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' && teaserRe.MatchString(s):
		return model.Chrome, "teaser"
	case strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") && nwords < 15:
		return model.Chrome, "credit line"
	case nwords < 15 && stampRe.MatchString(s):
		return model.Chrome, "byline or date stamp"
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	sentenceEnd := strings.ContainsRune(".!?…\"”’", last)
	if sentenceEnd && nwords >= 4 {
		return model.Prose, ""
	}
	switch {
	case nwords <= 2:
		return model.Chrome, "short fragment"
	case ctaStarts[ctaVerbs(strings.Trim(first, ".,:"))]:
		return model.Chrome, "call to action"
	case sentenceEnd, nwords >= 16, nwords >= 8 && len(Split([]byte(s), 0)) >= 2:
		// a long line without a final stop is prose cut off mid-sentence
		return model.Prose, ""
	}
	return model.Heading, ""
}
