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
// inside organisation names, without leading titles ("President"),
// possessives ("al-Masoud's") or "-led" style suffixes. Each mention carries
// votes for its kind from the words around it; align adds the votes of all
// mentions of an entity. Headings are skipped: title case says nothing there.
type names struct{}

func (names) Name() string { return "names" }

var hyphenSuffixes = []string{"-led", "-backed", "-based", "-born", "-owned", "-run", "-linked", "-allied",
	"-controlled", "-affiliated", "-funded", "-trained", "-style", "-era", "-bound", "-made"}

// isNumberWord reports whether w is a number written out ("Three", "Dozens").
func isNumberWord(w string) bool {
	_, ok := wordValue(w)
	return ok || w == "dozens" || w == "hundreds" || w == "thousands"
}

func (names) Extract(s *Sentence) []model.Claim {
	if s.Block.Kind != model.Prose {
		return nil
	}
	var out []model.Claim
	t, low := s.Toks, s.Lower
	n := len(t)
	for i := 0; i < n; i++ {
		if !nameWord(s, i) || s.Taken(i, i+1) {
			continue
		}
		// extend the run
		j := i + 1
		if !endsName(t[i].Text) || commonPossessive(s, i) {
			for j < n {
				if nameWord(s, j) && !s.Taken(j, j+1) {
					j++
					if endsName(t[j-1].Text) && !commonPossessive(s, j-1) {
						break
					}
					continue
				}
				if (nameParticles[low[j]] || (low[j] == "of" && hasHead(low[i:j]))) && j+1 < n && nameWord(s, j+1) && t[j].Kind == textutil.Word && !t[j].Cap() {
					j++
					continue
				}
				break
			}
		}
		runEnd := j
		var votes model.Votes
		// strip leading function words, titles, demonyms
		k := i
		for k < j && (textutil.FunctionWords[low[k]] && !t[k].AllCaps() || isNumberWord(low[k]) ||
			textutil.Month(stripAffix(low[k])) != 0 || textutil.Weekday(stripAffix(low[k])) >= 0) {
			k++ // "The", "Three Syrian officials", "Monday"
		}
		// a dateline or a label: "DHAKA: …", "BDST: 2102 HRS"
		if k < j && j-k == 1 && t[k].AllCaps() && j < n && t[j].Text == ":" {
			i = runEnd - 1
			continue
		}
		if k < j && k == sentenceStart(s) && j-k == 1 && (commonPlurals[low[k]] || s.usesLower(stripAffix(low[k])) || (!endsName(t[k].Text) && nounPhraseStart(s, j))) {
			k++ // "Residents …", "Conflict monitor …": a common word capitalised at the start
		}
		if t2, place := titleEnd(s, k, j); t2 > k {
			k = t2
			if place {
				votes.Place += 3 // "the Syrian capital Damascus"
			} else {
				votes.Person += 3
			}
		}
		if k >= j {
			i = runEnd - 1
			continue
		}
		name := nameText(s, k, j)
		if name == "" || utf8.RuneCountInString(name) < 2 {
			i = runEnd - 1
			continue
		}
		if j-k == 1 && isDemonym(name) && j < n && t[j].Kind == textutil.Word && !t[j].Cap() {
			i = runEnd - 1
			continue // "Syrian officials": an adjective, not a name
		}
		if j-k == 1 && (titles[strings.TrimSuffix(low[k], ".")] || commonPlurals[stripAffix(low[k])]) {
			i = runEnd - 1
			continue // a title left alone ("Col"), a common noun ("People")
		}
		if IncidentNoun(stripAffix(low[j-1])) != "" {
			i = runEnd - 1
			continue // an event's name ("the 2008 Lorca Earthquake"), not an entity
		}
		if j-k == 2 && low[j-1] == "time" {
			i = runEnd - 1
			continue // a time zone ("Damascus Time")
		}
		if j-k >= 3 && allCaps(t[k:j]) {
			i = runEnd - 1
			continue // caption keywords in capitals ("DISASTER ENVIRONMENT SOCIETY")
		}
		c := s.Claim(model.KindName, k, j)
		nv := &model.NameValue{Name: name}
		votes = votes.Add(kindVotes(s, k, j))
		// a defined acronym: "Syrian Free Army (SFA)"
		if j+2 < n && t[j].Text == "(" && t[j+2].Text == ")" && t[j+1].AllCaps() && j-k >= 2 {
			nv.Alias = t[j+1].Text
			votes.Org++
			runEnd = j + 3
		}
		nv.Votes = votes
		c.Name = nv
		// the place of an incident: "the raid took place in Dumayr"
		if votes.Place > 0 && k > 0 && s.report == "" && k >= s.story {
			ev := ""
			if low[k-1] == "in" {
				ev = placeAnchor(s, k-1)
			} else if low[k-1] == "of" && k > 3 && placeNouns[low[k-2]] && low[k-4] == "in" {
				ev = placeAnchor(s, k-4)
			}
			if ev != "" {
				c.Predicate, c.Event = "where", ev
			}
		}
		out = append(out, c)
		i = runEnd - 1
	}
	return out
}

// nounPhraseStart reports whether the word after a sentence-initial
// capitalised word continues a common noun phrase ("Conflict monitor",
// "Mistaken identity") rather than starting a predicate ("Nasr warned").
func nounPhraseStart(s *Sentence, j int) bool {
	if j >= len(s.Toks) || s.Toks[j].Kind != textutil.Word || s.Toks[j].Cap() {
		return false
	}
	w := s.Lower[j]
	return !speechVerbs[w] && !textutil.FunctionWords[w] && !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "s")
}

func sentenceStart(s *Sentence) int {
	k := 0
	for k < len(s.Toks) && s.Toks[k].Kind == textutil.Punct {
		k++
	}
	return k
}

// nameWord reports whether token k can be part of a name.
func nameWord(s *Sentence, k int) bool {
	t := s.Toks[k]
	if t.Kind != textutil.Word {
		return false
	}
	if t.Cap() || t.AllCaps() {
		return true
	}
	// "al-Masoud", "bin-Laden": a lower-case particle joined to a capitalised word
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
	if !strings.HasSuffix(w, "'s") && !strings.HasSuffix(w, "s'") {
		return false
	}
	base := strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "'")
	return (commonPlurals[base] || base == "children" || base == "women" || base == "men") &&
		k+1 < len(s.Toks) && s.Toks[k+1].Cap() && s.Toks[k+1].Kind == textutil.Word
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

// stripAffix removes a possessive and a "-led" style suffix.
func stripAffix(w string) string {
	if !strings.ContainsAny(w, "'’-") {
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

func nameText(s *Sentence, k, j int) string {
	parts := make([]string, 0, j-k)
	for m := k; m < j; m++ {
		parts = append(parts, s.Toks[m].Text)
	}
	parts[len(parts)-1] = stripAffix(parts[len(parts)-1])
	return strings.TrimSpace(strings.Join(parts, " "))
}

func hasHead(low []string) bool {
	for _, w := range low {
		if orgHeads[w] || placeHeads[w] {
			return true
		}
	}
	return false
}

// titleEnd returns the index after leading titles, demonyms and country
// acronyms ("Syrian President", "US President", "Senior Col."), when they
// are followed by a name that is not an organisation's; place reports that
// the lead was a place noun ("Syrian Capital Damascus").
func titleEnd(s *Sentence, k, j int) (end int, place bool) {
	low := s.Lower
	m := k
	sawTitle, sawPlace := false, false
loop:
	for m < j-1 {
		w := strings.TrimSuffix(low[m], ".")
		switch {
		case titles[w]:
			sawTitle = true
		case placeNouns[w]:
			sawPlace = true
		case isDemonym(s.Toks[m].Text) || countryAcronyms[w]:
		default:
			break loop
		}
		m++
	}
	if !(sawTitle || sawPlace) || m >= j || hasHead(low[m:j]) {
		return k, false
	}
	return m, sawPlace && !sawTitle
}

var demonymSuffixList = []string{"ian", "ean", "ese", "ish", "ic", "can", "ist", "ists", "ians", "eans", "cans", "i"}

func isDemonym(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	lw := stripAffix(w)
	if len(lw) < 4 {
		return false
	}
	for _, suf := range demonymSuffixList {
		if len(lw) > len(suf) && strings.EqualFold(lw[len(lw)-len(suf):], suf) {
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

// commonWords reports whether a capitalised run is made of words the
// article also uses in lower case ("Last Modified", "Continue Reading"):
// a label, not a person's name.
func commonWords(s *Sentence, k, j int) bool {
	for m := k; m < j; m++ {
		if nameParticles[s.Lower[m]] {
			continue
		}
		if !s.usesLower(stripAffix(s.Lower[m])) {
			return false
		}
	}
	return true
}

// kindVotes weighs the cues around a name at tokens [k, j).
func kindVotes(s *Sentence, k, j int) model.Votes {
	var v model.Votes
	t, low := s.Toks, s.Lower
	n := len(t)
	last := stripAffix(low[j-1])
	for m := k; m < j; m++ {
		if orgHeads[stripAffix(low[m])] {
			v.Org += 3
		}
	}
	if placeHeads[last] && !orgHeads[last] {
		v.Place += 3
	}
	if j-k == 1 && countryAcronyms[strings.TrimSuffix(last, ".")] {
		v.Place += 2
	} else if j-k == 1 && t[k].AllCaps() {
		v.Org++
	}
	lw := low[j-1]
	possessive := strings.HasSuffix(lw, "'s")
	if possessive && j < n && kinNouns[low[j]] {
		v.Person += 2
	}
	// before the name
	if k > 0 {
		p := low[k-1]
		switch {
		case roleNouns[p] && !t[k-1].Cap():
			v.Person += 2
		case orgNouns[p] || (p == "like" && k > 1 && orgNouns[low[k-2]]):
			v.Org += 2
		case p == "of" && k > 1 && placeNouns[low[k-2]]:
			v.Place += 3
		case p == "of" && k > 1 && compass[low[k-2]]:
			v.Place += 3
		case placePreps[p]:
			v.Place++
		case p == "the" && k > 1 && placePreps[low[k-2]]:
			v.Place++
		case p == "," && k > 1 && orgNouns[low[k-2]]:
			v.Org += 2
		case p == "," && k > 2 && low[k-2] == "victim":
			v.Person += 2
		}
	}
	// after the name
	if j < n {
		nx := low[j]
		switch {
		case nx == "," && j+1 < n:
			// appositive: ", a town east of …", ", al-Masoud's cousin", ", a senior research fellow"
			for m := j + 1; m < n && m <= j+5; m++ {
				if t[m].Text == "," || t[m].Text == "." {
					break
				}
				if placeNouns[low[m]] {
					v.Place += 3
					break
				}
				if roleNouns[low[m]] || kinNouns[low[m]] && m > j+1 && strings.HasSuffix(low[m-1], "s") {
					v.Person += 2
					break
				}
				if orgNouns[low[m]] || low[m] == "organisation" || low[m] == "organization" {
					v.Org += 2
					break
				}
			}
		case speechVerbs[nx]:
			v.Person++
		case orgNouns[nx] && !t[j].Cap():
			v.Org += 2
		}
	}
	// a person's name: two to four capitalised words with no head word, not
	// "the United States", not "U.S. Humvees"
	first := strings.TrimSuffix(low[k], ".")
	if v.Org == 0 && v.Place == 0 && j-k >= 2 && j-k <= 4 && !(k > 0 && low[k-1] == "the") &&
		!countryAcronyms[first] && !isDemonym(t[k].Text) && !s.Toks[k].AllCaps() && !commonWords(s, k, j) {
		v.Person++
	}
	if v == (model.Votes{}) && k > 0 && low[k-1] == "the" {
		v.Place++ // "the Badiya", "the Middle East"
	}
	return v
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
