package corpus

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"

	"dossier/internal/diag"
)

// LargeArticle is the size above which a file is larger than any real
// news article (a long feature runs to some 100 KB): it is built, with a
// warning, since it is more likely a dump or a mistake.
const LargeArticle = 1 << 20

// notTextShare is the share of a file's characters that, when they are not
// text (invalid UTF-8, control characters), make it not an article.
const notTextShare = 0.10

// Decode makes a file's bytes into the text the stages read: UTF-8 with
// no control characters but tab and line ends. A UTF-8 byte-order mark is
// dropped; UTF-16 with a byte-order mark (as Notepad saves it) is decoded;
// invalid UTF-8 and control characters (NUL among them) become U+FFFD,
// with a warning naming the first line. A file that is mostly not text is
// not an article: ok is false, with a warning. Valid text is returned as
// it is, unallocated.
func Decode(p string, raw []byte) (text []byte, diags diag.List, ok bool) {
	switch {
	case bytes.HasPrefix(raw, []byte{0xef, 0xbb, 0xbf}):
		raw = raw[3:]
	case bytes.HasPrefix(raw, []byte{0xff, 0xfe}), bytes.HasPrefix(raw, []byte{0xfe, 0xff}):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		if out, err := dec.Bytes(raw); err == nil {
			raw = out
		}
	}
	if len(raw) > LargeArticle {
		diags.Warnf(p, 0, "split it into the articles it holds, or leave it out",
			"%.1f MB: larger than any news article", float64(len(raw))/(1<<20))
	}
	if clean(raw) {
		return raw, diags, true
	}
	out := make([]byte, 0, len(raw)+64)
	line, first, bad, runes := 1, 0, 0, 0
	for i := 0; i < len(raw); {
		r, n := utf8.DecodeRune(raw[i:])
		runes++
		if (r == utf8.RuneError && n == 1) || control(r) {
			bad++
			if first == 0 {
				first = line
			}
			r = utf8.RuneError
		}
		if r == '\n' {
			line++
		}
		out = utf8.AppendRune(out, r)
		i += n
	}
	if runes >= 16 && float64(bad) > notTextShare*float64(runes) {
		diags.Warnf(p, first, "articles are UTF-8 text files: convert it, or remove it",
			"not text (%d of its %d characters are not), left out", bad, runes)
		return out, diags, false
	}
	diags.Warnf(p, first, "save the file as UTF-8 text",
		"%d bytes or characters that are not text (invalid UTF-8, control characters) are shown as �", bad)
	return out, diags, true
}

// clean reports whether b is valid UTF-8 without control characters but
// tab, line feed and carriage return.
func clean(b []byte) bool {
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f {
			return false
		}
		if c == 0xc2 && i+1 < len(b) && b[i+1] < 0xa0 { // U+0080–U+009F, the C1 controls
			return false
		}
	}
	return utf8.Valid(b)
}

func control(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r >= 0x7f && r < 0xa0
}
