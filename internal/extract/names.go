package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"dossier/internal/model"
	"dossier/internal/textutil"
)

// names finds mentions of people, places and organisations: runs of
// capitalised words, with name particles ("al", "bin", "de") and "of"
// inside organisation names, without leading titles and roles ("Health
// Minister", "Senior Col.", "Deputy Superintendent of Police"), possessives
// ("al-Masoud's") or "-led" style suffixes. A title before a bare surname is
// kept beside the name ("Ms" of "Ms Lina"), so align can show the mention
// as written. Each mention carries votes for its kind from the lexicon and
// the words around it; align adds the votes of all mentions of an entity.
//
// Never a name: page furniture (menus and link lists, "Label: 0" widgets,
// title-case headlines), photo credits, a run of common words without a
// head noun ("Last Modified"), a word for a kind of people ("Arab"), a
// title alone ("Minister", "First Lady"). Headings are skipped: title case
// says nothing there.
type names struct{}

func (names) Name() string { return "names" }

var hyphenSuffixes = []string{"-led", "-backed", "-based", "-born", "-owned", "-run", "-linked", "-allied",
	"-controlled", "-affiliated", "-funded", "-trained", "-style", "-era", "-bound", "-made", "-like",
	"-headquartered"}

func (names) Extract(s *Sentence, out []model.Claim) []model.Claim {
	if s.Block.Kind != model.Prose || s.report == "stamp" || furniture(s) {
		return out
	}
	for i := 0; i < len(s.Toks); i++ {
		if !nameWord(s, i) || s.Taken(i, i+1) {
			continue
		}
		j := runEnd(s, i)
		var end int
		out, end = mentionsIn(s, i, j, out)
		i = max(end, j) - 1
	}
	return out
}

// runEnd extends a capitalised run from token i: name words, and particles
// or "of" between them inside an organisation's or a place's name ("Ministry
// of Civil Affairs"), never across a line break.
func runEnd(s *Sentence, i int) int {
	t, low := s.Toks, s.Lower
	n := len(t)
	j := i + 1
	if endsName(t[i].Text) && !commonPossessive(s, i) {
		return j
	}
	for j < n && !lineBreak(s, j) {
		if nameWord(s, j) && !s.Taken(j, j+1) {
			j++
			if endsName(t[j-1].Text) && !commonPossessive(s, j-1) {
				break
			}
			continue
		}
		if abbrevDot(s, j) && j+1 < n && nameWord(s, j+1) && !lineBreak(s, j+1) {
			j++ // "Col. Wei", "P. S. Rana"
			continue
		}
		if (nameParticles[low[j]] || low[j] == "of" && hasHead(s, i, j)) && j+1 < n && nameWord(s, j+1) &&
			t[j].Kind == textutil.Word && !t[j].Cap() && !lineBreak(s, j+1) {
			j++
			continue
		}
		break
	}
	return j
}

// lineBreak reports whether a line ends before token j that is not a
// paragraph's hard wrap: the line before or the line after is short (a
// heading, a menu, a credit, a widget).
func lineBreak(s *Sentence, j int) bool {
	if !newlineBefore(s, j) {
		return false
	}
	const wrapped = 40 // a wrapped line of prose is longer
	start := strings.LastIndexByte(s.text[:s.Toks[j-1].End], '\n') + 1
	end := strings.IndexByte(s.text[s.Toks[j].Start:], '\n')
	if end < 0 {
		end = len(s.text) - s.Toks[j].Start
	}
	return utf8.RuneCountInString(s.text[start:s.Toks[j-1].End]) < wrapped || utf8.RuneCountInString(s.text[s.Toks[j].Start:s.Toks[j].Start+end]) < wrapped
}

// abbrevDot reports whether token j is the period of a title's
// abbreviation, a legal form or an initial written right before it
// ("Col.", "Co.", "P.").
func abbrevDot(s *Sentence, j int) bool {
	if j == 0 || s.Toks[j].Text != "." || s.Toks[j-1].End != s.Toks[j].Start {
		return false
	}
	w := s.Lower[j-1]
	return titleAbbrevs[w] || orgSuffixes[w] || len(w) == 1 && s.Toks[j-1].Cap()
}

// mentionsIn appends the mentions in the run [i, j) to out: usually one,
// two when a title of a place precedes a person ("ambassador to Peru
// Carlos Ruiz") or a place is said to lie in another ("Harran County of
// Lorca City"). end is past a defined alias read with the last one.
func mentionsIn(s *Sentence, i, j int, out []model.Claim) (_ []model.Claim, end int) {
	k := skipLead(s, i, j)
	if k >= j || nameLabel(s, k, j) || credit(s, i, j) || titleOnly(s, k, j) || titleComplement(s, k, j) || headline(s, k, j) {
		return out, j
	}
	if m := placeOfPlace(s, k, j); m > 0 {
		out, _ = mentionsIn(s, k, m, out)
		return mentionsIn(s, m+1, j, out)
	}
	if m := placeBeforePerson(s, k, j); m > 0 {
		out, _ = mention(s, k, m, k, model.Votes{Place: 2}, out)
		return mention(s, m, j, m, model.Votes{Person: 3}, out)
	}
	var votes model.Votes
	from := k
	if m := titleSplit(s, k, j); m > k {
		from = m
		votes.Person += 3
	} else if t2, kind := titleEnd(s, k, j); t2 > k {
		from = t2
		switch kind {
		case model.Place:
			votes.Place += 3 // "the Syrian capital Damascus"
		case model.Person:
			votes.Person += 3
		case model.Org:
			votes.Org += 3
		}
	}
	from = skipModifiers(s, from, j)
	return mention(s, from, j, k, votes, out)
}

// skipLead steps past leading function words, number words, months,
// weekdays and a common word capitalised at the start of a sentence.
func skipLead(s *Sentence, k, j int) int {
	t, low := s.Toks, s.Lower
	for k < j && (textutil.FunctionWords[low[k]] && !t[k].AllCaps() && !titleAbbrevs[low[k]] || isNumberWord(low[k]) ||
		textutil.Month(stripAffix(low[k])) != 0 || textutil.Weekday(stripAffix(low[k])) >= 0) {
		k++ // "The", "Three Syrian officials", "Monday"
	}
	if k < j && k == sentenceStart(s) && j-k == 1 && (commonWord(stripAffix(low[k])) || s.usesLower(stripAffix(low[k])) ||
		!endsName(t[k].Text) && nounPhraseStart(s, j)) {
		k++ // "Residents …", "Conflict monitor …": a common word capitalised at the start
	}
	return k
}

// mention appends the claim for the name at [k, j) to out; lead is where
// its title began (the title is kept beside a one-word name). It appends
// nothing for what is not a name, and returns the token after what it read.
func mention(s *Sentence, k, j, lead int, votes model.Votes, out []model.Claim) ([]model.Claim, int) {
	t, low := s.Toks, s.Lower
	n := len(t)
	if k >= j || notAName(s, k, j, lead) {
		return out, j
	}
	j, head := placeHeadAfter(s, k, j)
	c := s.Claim(model.KindName, lead, j)
	if lead < k && j-k == 1 && votes.Person > 0 && honorific(s, lead, k) {
		c.Name = &model.NameValue{Name: nameText(s, k, j), Title: s.text[t[lead].Start:t[k-1].End]}
	} else {
		c = s.Claim(model.KindName, k, j)
		c.Name = &model.NameValue{Name: nameText(s, k, j)}
	}
	if head {
		votes.Place += 3 // "Lorca prefecture"
	}
	votes = votes.Add(kindVotes(s, k, j))
	end := j
	// a defined acronym: "Syrian Free Army (SFA)"
	if j+2 < n && t[j].Text == "(" && t[j+2].Text == ")" && t[j+1].AllCaps() && j-k >= 2 {
		c.Name.Alias = t[j+1].Text
		votes.Org++
		end = j + 3
	} else if alias, e := declaredAlias(s, j); alias != "" {
		c.Name.Alias, end = alias, e
	}
	c.Name.Votes = votes
	c.Name.Common = j-k == 1 && !t[k].AllCaps() && commonWord(stripAffix(low[k]))
	// the place of an incident: "the raid took place in Dumayr"
	if votes.Place > 0 && k > 0 && s.report == "" && k >= s.story {
		ev := ""
		if low[k-1] == "in" {
			ev = placeAnchor(s, k-1)
		} else if low[k-1] == "of" && k > 3 && placeNoun(low[k-2]) && determiners[low[k-3]] && low[k-4] == "in" {
			ev = placeAnchor(s, k-4)
		}
		if ev != "" {
			c.Predicate, c.Event = "where", ev
		}
	}
	return append(out, c), end
}

// aliasCues say that the name after them is another name of the one
// before ("Kafr Nabl, also known as Kafranbel", "(formerly Lakeside)").
var aliasCues = [][]string{{"also", "known", "as"}, {"formerly", "known", "as"}, {"also", "called"}, {"also", "spelt"},
	{"also", "spelled"}, {"also", "written"}, {"formerly"}, {"aka"}, {"a.k.a."}, {"or"}}

// declaredAlias reads a name declared to be another name of the one that
// ends at j: after "(" or ",", a cue, then a capitalised name ("or" only
// in parentheses). It returns the alias and the token after it.
func declaredAlias(s *Sentence, j int) (string, int) {
	t, low := s.Toks, s.Lower
	if j+2 >= len(t) || t[j].Text != "(" && t[j].Text != "," {
		return "", j
	}
	for _, cue := range aliasCues {
		m := j + 1
		for _, w := range cue {
			if m >= len(t) || low[m] != w {
				m = -1
				break
			}
			m++
		}
		if m < 0 || m >= len(t) || cue[0] == "or" && t[j].Text != "(" || !nameWord(s, m) {
			continue
		}
		e := runEnd(s, m)
		if t[j].Text == "(" && (e >= len(t) || t[e].Text != ")") {
			continue
		}
		if t[j].Text == "(" {
			return nameText(s, m, e), e + 1
		}
		return nameText(s, m, e), e
	}
	return "", j
}

// notAName rejects runs that are no entity's name; lead is where the run
// began, before any title.
func notAName(s *Sentence, k, j, lead int) bool {
	t, low := s.Toks, s.Lower
	n := len(t)
	name := nameText(s, k, j)
	switch {
	case name == "" || utf8.RuneCountInString(name) < 2:
		return true
	case j < n && t[j].Kind == textutil.Word && !t[j].Cap() && (demonymOf(stripAffix(low[j-1])) != "" ||
		j-k == 1 && lead == k && isDemonym(t[k].Text) && !placeWord(low[k]) && !divisionAfter(s, j)):
		return true // "Syrian officials", "NE Chinese city": an adjective, not a name
	case titleOnly(s, k, j):
		return true // "Minister", "First Lady", "Kerala CM": a title, not a name
	case legalFormOnly(s, k, j):
		return true // "Co", "Ltd": a company's legal form left alone
	case IncidentNoun(stripAffix(low[j-1])) != "":
		return true // an event's name ("the 2008 Lorca Earthquake"), not an entity
	case j-k == 2 && low[j-1] == "time":
		return true // a time zone ("Damascus Time")
	case j-k >= 3 && allCaps(t[k:j]):
		return true // caption keywords in capitals ("DISASTER ENVIRONMENT SOCIETY")
	case kindOfPeople(s, k, j) && !(k > 0 && (titleWord(s, k-1) || abbrevDot(s, k-1))):
		return true // "Arab", "Muslim": a kind of people; not "Mr Zhou" (a dynasty's name too)
	case commonName(s, k, j):
		return true // "Last Modified", "Satellite Images", "State"
	}
	return false
}

// legalFormOnly reports whether [k, j) is only companies' legal forms.
func legalFormOnly(s *Sentence, k, j int) bool {
	for m := k; m < j; m++ {
		if s.Toks[m].Kind == textutil.Word && !orgSuffixes[strings.TrimSuffix(s.Lower[m], ".")] {
			return false
		}
	}
	return true
}

// divisionAfter reports whether a division's noun follows at j, perhaps
// after an adjective ("county", "new district").
func divisionAfter(s *Sentence, j int) bool {
	_, head := placeHeadAfter(s, j-1, j)
	return head
}

// furniture reports whether a sentence is page furniture rather than
// prose: a menu or a list of links (two separators or more: "English |
// Español | Français", "• Home • News"), or a headline in title case (most
// long words capitalised, three of them common English words).
func furniture(s *Sentence) bool {
	seps, long, capped, common := 0, 0, 0, 0
	start := sentenceStart(s)
	for k, tk := range s.Toks {
		switch {
		case tk.Kind == textutil.Punct:
			switch tk.Text {
			case "|", "•", "»", "›", ">", "·":
				seps++
			}
		case tk.Kind == textutil.Word && utf8.RuneCountInString(tk.Text) >= 4:
			long++
			if tk.Cap() {
				capped++
				if k != start && s.fact(k).common {
					common++
				}
			}
		}
	}
	return seps >= 2 || common >= 3 && capped*4 >= long*3
}

// nameLabel reports whether a run is a label: followed by a colon and then a
// figure or nothing ("Last Modified: 2014-08-04", "Total Votes: 0").
func nameLabel(s *Sentence, k, j int) bool {
	t := s.Toks
	if j >= len(t) || t[j].Text != ":" {
		return false
	}
	if j-k == 1 && (t[k].AllCaps() || s.fact(k).common) {
		return true // a dateline or a label: "DHAKA: …", "BDST: 2102 HRS", "Source: AP"
	}
	return j+1 >= len(t) || t[j+1].Kind == textutil.Number || newlineBefore(s, j+1)
}

// credit reports whether the run [i, j) is a photo credit: right after a
// slash ("AGENCY/Jane Doe", "Photo/Jane Doe"), or with "via" in it or
// before it ("Newsdesk Via AGENCY").
func credit(s *Sentence, i, j int) bool {
	if i > 0 && (s.Toks[i-1].Text == "/" || s.Lower[i-1] == "via" && s.report == "caption") {
		return true
	}
	for m := i; m < j; m++ {
		if s.Lower[m] == "via" {
			return true
		}
	}
	return false
}

// nounPhraseStart reports whether the word after a sentence-initial
// capitalised word continues a common noun phrase ("Conflict monitor",
// "Mistaken identity") rather than starting a predicate ("Nasr warned").
func nounPhraseStart(s *Sentence, j int) bool {
	if j >= len(s.Toks) || s.Toks[j].Kind != textutil.Word || s.Toks[j].Cap() {
		return false
	}
	w := s.Lower[j]
	return !speechVerb(w) && !textutil.FunctionWords[w] && !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "s")
}

func sentenceStart(s *Sentence) int {
	k := 0
	for k < len(s.Toks) && s.Toks[k].Kind == textutil.Punct {
		k++
	}
	return k
}

// nameWord reports whether token k can be part of a name: a capitalised
// word (not a lone "A" or "I" without a period: a word, not an initial), or
// a lower-case particle joined to a capitalised word ("al-Masoud").
func nameWord(s *Sentence, k int) bool {
	t := s.Toks[k]
	if t.Kind != textutil.Word {
		return false
	}
	if t.Text == "A" || t.Text == "I" {
		return k+1 < len(s.Toks) && s.Toks[k+1].Text == "." && s.Toks[k].End == s.Toks[k+1].Start
	}
	if t.Cap() || t.AllCaps() {
		return true
	}
	if i := strings.IndexByte(t.Text, '-'); i > 0 && i <= 4 && nameParticles[t.Text[:i]] {
		r, _ := utf8.DecodeRuneInString(t.Text[i+1:])
		return unicode.IsUpper(r)
	}
	return false
}

// commonPossessive reports whether token k is a common noun's possessive
// that belongs inside an organisation's name, when capitalised names follow
// ("People's Liberation Army", "Children's Hospital"), unlike a place's
// ("Syria's Interior Ministry").
func commonPossessive(s *Sentence, k int) bool {
	w := s.Lower[k]
	base := strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s"), "'")
	if base == w || !commonWord(base) {
		return false
	}
	l := nounLemma(base)
	plural := l != "" && l != base || base == "people" // "People's", "Children's"; not "Group's"
	return plural && k+1 < len(s.Toks) && s.Toks[k+1].Cap() && s.Toks[k+1].Kind == textutil.Word
}

// endsName reports whether a token closes a name: a possessive or a "-led" suffix.
func endsName(w string) bool {
	if w == "" {
		return false
	}
	switch c := w[len(w)-1]; {
	case c == '\'', c == 's' || c == 'S', c >= 0x80: // possessives ("'s", "’s", "’")
		lw := strings.ToLower(w)
		if strings.HasSuffix(lw, "'s") || strings.HasSuffix(lw, "’s") || strings.HasSuffix(lw, "’") || strings.HasSuffix(lw, "'") {
			return true
		}
	}
	if strings.IndexByte(w, '-') < 0 {
		return false
	}
	lw := strings.ToLower(w)
	for _, suf := range hyphenSuffixes {
		if strings.HasSuffix(lw, suf) {
			return true
		}
	}
	return false
}

// hasAffixMark reports whether w has an apostrophe (straight or curly) or
// a hyphen, byte by byte.
func hasAffixMark(w string) bool {
	for i := 0; i < len(w); i++ {
		switch w[i] {
		case '\'', '-', 0xE2: // 0xE2 opens "’" (U+2019) in UTF-8
			return true
		}
	}
	return false
}

// stripAffix removes a possessive and a "-led" style suffix.
func stripAffix(w string) string {
	if !hasAffixMark(w) {
		return w
	}
	for {
		lw := strings.ToLower(w)
		cut := false
		for _, suf := range []string{"'s", "’s", "’", "'"} {
			if strings.HasSuffix(lw, suf) {
				w, cut = w[:len(w)-len(suf)], true
				break
			}
		}
		for _, suf := range hyphenSuffixes {
			if strings.HasSuffix(strings.ToLower(w), suf) {
				w, cut = w[:len(w)-len(suf)], true
				break
			}
		}
		if !cut {
			return w
		}
	}
}

// nameText is the name at [k, j) as written, spaced by single spaces,
// without a possessive or suffix on its last word.
func nameText(s *Sentence, k, j int) string {
	last := s.Toks[j-1]
	text := s.text[s.Toks[k].Start:last.End]
	if stripped := stripAffix(last.Text); len(stripped) < len(last.Text) {
		text = text[:len(text)-len(last.Text)] + stripped
	}
	if strings.Contains(text, "  ") || strings.ContainsAny(text, "\n\t\r") {
		text = strings.Join(strings.Fields(text), " ")
	}
	return text
}

var demonymSuffixList = []string{"ian", "ean", "ese", "ish", "ic", "can", "ist", "ists", "ians", "eans", "cans", "i"}

// isDemonym reports whether a capitalised word names a people or its
// adjective: WordNet's pertainym of a country or state ("Syrian"), else by
// its ending ("Yemeni", "Turkish").
func isDemonym(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	lw := strings.ToLower(stripAffix(w))
	if demonymOf(lw) != "" {
		return true
	}
	if len(lw) < 4 {
		return false
	}
	for _, suf := range demonymSuffixList {
		if len(lw) > len(suf) && strings.HasSuffix(lw, suf) {
			return true
		}
	}
	return false
}

func allCaps(toks []textutil.Token) bool {
	for _, t := range toks {
		if !t.AllCaps() {
			return false
		}
	}
	return true
}

// isNumberWord reports whether w is a number written out ("Three", "Dozens").
func isNumberWord(w string) bool {
	_, ok := wordValue(w)
	return ok || w == "dozens" || w == "hundreds" || w == "thousands"
}

// placeFiller may stand between an occurrence verb and "in <place>":
// "took place on October 28, 2025, in", "unfolded around 3 am in".
var placeFiller = words(`on at around about approximately roughly early late the and hours of morning night evening
afternoon local time place out`)

// placeAnchor returns the incident a place is the scene of, when "in" at
// token p follows "<incident> <occurrence verb>" with only dates, times and
// small words between: "the raid took place around 3 AM on October 29 in".
func placeAnchor(s *Sentence, p int) string {
	// "a 5.7 magnitude earthquake that occurred in Lorca in 2012": a past event
	for m := p + 1; m < len(s.Toks) && m <= p+6; m++ {
		if _, ok := isYear(s.Toks[m]); ok {
			return ""
		}
		if s.Toks[m].Text == "," || s.Toks[m].Text == ";" {
			break
		}
	}
	for v := p - 1; v >= 0; v-- {
		switch {
		case s.Toks[v].Kind == textutil.Punct, s.Taken(v, v+1), placeFiller[s.Lower[v]]:
			continue
		case occurrence(s.Lower[v]) && !weakOccurrence[s.Lower[v]]:
			for nn := v - 1; nn >= 0 && nn >= v-6; nn-- {
				if ev := IncidentNoun(s.Lower[nn]); ev != "" && !s.Toks[nn].Cap() && !priorModifier(s, nn) && eventNoun(s, nn) {
					return ev
				}
			}
		}
		return ""
	}
	return ""
}
