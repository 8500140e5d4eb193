// Package gen generates synthetic news articles for benchmarks: N reports
// of one incident by many outlets, made of recombined and mutated sentences
// (spelling variants of names, rising tolls, disputed dates, background
// events, filler), with front matter, about 5 KB each. The same seed gives
// the same articles, byte for byte.
package gen

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

var (
	towns    = []string{"Varenholt", "Ostrava Nova", "Kelmir", "Sadrova", "Tal Benar", "Marisca", "Dunfeld", "Qorvan", "Esmeral", "Baltrin"}
	regions  = []string{"Northvale", "Kessar Province", "Upper Dravin", "Solmere", "Anvar Coast", "Tirel", "Greymarch", "Ostlund"}
	firsts   = []string{"Karim", "Anya", "Lucas", "Mira", "Tomas", "Leila", "Omar", "Sofia", "Ivan", "Noor", "Hassan", "Elena"}
	lasts    = []string{"al-Rashed", "al-Hakim", "Novak", "Petrov", "Haddad", "Karimi", "Okafor", "Lindqvist", "Moreau", "Darwish"}
	agencies = []string{"the Civil Affairs Department", "the national news agency", "the Associated Press", "Reuters", "state television", "the health ministry", "the Red Crescent", "local officials"}
	outlets  = []string{"Daily Wire Service", "The Morning Ledger", "Global Dispatch", "Eastern Times", "The Observer Desk", "Metro Report", "Capital News", "Frontline Post"}
	events   = []string{"raid", "earthquake", "explosion", "strike", "flood"}
	months   = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	units    = []string{"houses", "vehicles", "schools", "shelters", "tents", "roads"}
	fillers  = []string{
		"Residents described a scene of confusion and fear as rescuers searched through the rubble for survivors.",
		"Officials said the response had been hampered by damaged roads and poor communication with remote villages.",
		"Analysts point out that the episode highlights the persistent challenges facing emergency services in the region.",
		"The government has promised an investigation into what went wrong and who should be held accountable.",
		"Aid groups warned that the number of people needing shelter could rise sharply in the coming days.",
		"Witnesses said the first hours were chaotic, with families digging through debris with their bare hands.",
		"Photos posted on social media showed collapsed buildings and streets blocked by fallen masonry.",
		"The silence from senior officials has been interpreted by observers as a sign of a delicate balancing act.",
		"Neighbouring provinces sent teams and equipment, and volunteers arrived throughout the night.",
		"Local hospitals said they were struggling to cope with the number of injured arriving from outlying areas.",
		"Many residents spent the night outdoors, afraid to return to damaged homes as aftershocks continued.",
		"In a statement, the agency said it was working closely with local authorities to assess the damage.",
	}
)

func capitalize(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

// mutate spells a name a little differently, as transliterations do.
func mutate(r *rand.Rand, s string) string {
	if r.IntN(5) != 0 {
		return s
	}
	switch r.IntN(3) {
	case 0:
		return strings.Replace(s, "ou", "u", 1)
	case 1:
		return strings.Replace(s, "aa", "a", 1)
	default:
		return strings.Replace(s, "al-", "al ", 1)
	}
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// Article returns article i of a corpus made with seed: its file name and bytes.
func Article(seed uint64, i int) (string, []byte) {
	r := rand.New(rand.NewPCG(seed, uint64(i)))
	ev := events[int(seed)%len(events)]
	town := towns[int(seed)%len(towns)]
	region := regions[int(seed)%len(regions)]
	victim := firsts[int(seed)%len(firsts)] + " " + lasts[int(seed)%len(lasts)]
	day := 3 + r.IntN(2)*16 // most say the 3rd, some the 19th: a dispute
	pubDay := 4 + i%10
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %q\noutlet: %q\nurl: \"https://news%d.example.org/%d/story-%d\"\npublished: 2024-08-%02d\n---\n\n",
		fmt.Sprintf("%s in %s: %s toll rises as rescuers search", capitalize(ev), mutate(r, town), capitalize(ev)),
		pick(r, outlets), i%37, 2024, i, pubDay)
	toll := 100 + pubDay*40 + r.IntN(10)
	for b.Len() < 4900 {
		switch r.IntN(12) {
		case 0:
			fmt.Fprintf(&b, "The %s took place on August %d, 2024, in %s, a town east of %s.", ev, day, mutate(r, town), region)
		case 1:
			fmt.Fprintf(&b, "At least %d people were killed and %d injured, %s said.", toll, toll*5+r.IntN(50), pick(r, agencies))
		case 2:
			fmt.Fprintf(&b, "The %s struck around %d am, according to %s.", ev, 3+r.IntN(2), pick(r, agencies))
		case 3:
			fmt.Fprintf(&b, "%s, the head of %s township, told %s that about %d %s had been destroyed.",
				mutate(r, pick(r, firsts)+" "+pick(r, lasts)), mutate(r, pick(r, towns)), pick(r, agencies), 1000*(1+r.IntN(12)), pick(r, units))
		case 4:
			fmt.Fprintf(&b, "In %d, a %s in %s killed %d people.", 1970+r.IntN(50), pick(r, events), pick(r, regions), 50+r.IntN(5000))
		case 5:
			fmt.Fprintf(&b, "Relatives said %s had been working in %s for years before the %s.", mutate(r, victim), mutate(r, town), ev)
		case 6:
			fmt.Fprintf(&b, "More than %d people remain missing, and %d have been evacuated from %s.", 5+r.IntN(20), 10000*(1+r.IntN(30)), pick(r, regions))
		case 7:
			fmt.Fprintf(&b, "On %s %d, officials in %s announced that %d %s would be rebuilt.", pick(r, months), 1+r.IntN(28), region, 100*(1+r.IntN(90)), pick(r, units))
		default:
			b.WriteString(pick(r, fillers))
		}
		if r.IntN(4) == 0 {
			b.WriteString("\n\n")
		} else {
			b.WriteString(" ")
		}
	}
	b.WriteString("\n")
	return fmt.Sprintf("%05d.md", i), []byte(b.String())
}

// Corpus returns n articles' bytes joined, for throughput benchmarks.
func Corpus(seed uint64, n int) [][]byte {
	out := make([][]byte, n)
	for i := range out {
		_, out[i] = Article(seed, i)
	}
	return out
}
