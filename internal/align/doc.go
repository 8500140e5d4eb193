// Package align is the fourth stage, the first that sees the whole corpus:
// it turns every article's claims into a Ledger.
//
// Input: each article with its Doc and extract.Result. Output: a
// model.Ledger — entities with their spelling variants, facts with their
// claims and a verdict, the timeline, and which sources share wire copy.
//
// What it decides, in order:
//   - chrome across articles: short lines that recur in two or more articles
//     ("Continue Reading", a site's section labels) are site furniture; their
//     claims are dropped;
//   - the main event: the specific incident noun used by most articles
//     ("raid" over the generic "operation" and "incident"), which every
//     incident-anchored date, time and place is about;
//   - entities, in two passes: multi-word names are grouped when every word
//     matches up to transliteration (al-Masoud / al-Masud; Dumayr / Dumayar);
//     then single words attach to the most-mentioned entity whose last word
//     they match (so a surname goes to the victim, never to a cousin who
//     shares it), and acronyms to the name they abbreviate;
//   - facts: claims about the same thing (date of the main event, a count of
//     the same thing in the same time scope) form one fact whose slug is made
//     from what it is about, so adding articles never moves it;
//   - verdicts: agreed, disputed (with the conflict stated), updated (figures
//     that only grow with publication time), single-source; a source that
//     contradicts itself is flagged; precision differences are not disputes.
//
// Never: reads files, renders anything, or depends on map iteration order.
// Align is pure and deterministic: the same inputs give the same Ledger.
package align
