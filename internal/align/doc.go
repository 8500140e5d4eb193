// Package align is the fourth stage, the first that sees the whole corpus:
// it turns every article's claims into a Ledger.
//
// Input: each article with its Doc and extract.Result. Output: a
// model.Ledger — entities with their spelling variants, facts with their
// claims, a verdict and its reason, the timeline, and which sources share
// wire copy.
//
// What it decides, in order:
//   - chrome across articles: short lines that recur in two or more articles
//     ("Continue Reading", a site's section labels) are site furniture; their
//     claims are dropped;
//   - the main event: the specific incident noun used by most articles
//     ("raid" over the generic "operation" and "incident"), with the nouns
//     of the same concept (WordNet's), which every incident-anchored date,
//     time and place is about;
//   - entities (entities.go): spellings folded by namekey.go (case,
//     diacritics, spacing, romanisation variants, initials, division nouns,
//     legal forms), then full names grouped, declared aliases joined, a
//     person's shorter name joined to the one longer name it is part of,
//     organisations' names contained in a longer one joined, and one-word
//     names placed last (acronyms as Schwartz and Hearst match them,
//     surnames in their own article first); a place is never merged with an
//     organisation named after it;
//   - facts: claims whose frames give the same key (predicate, what is
//     counted up to WordNet's concept, group, place, event, time scope,
//     authority for measurements) form one fact whose slug is made from what
//     it is about, so adding articles never moves it;
//   - verdicts (verdict.go): agreed; disputed, only between claims extract
//     was sure of; possibly-conflicting, when an unsure claim is involved;
//     not-comparable, for different authorities' measurements; updated, for
//     counts that move with the days (reports that do not fit the rise go to
//     a "-conflicts" fact linked both ways); single-source. A source that
//     corrects itself is not in conflict; a source that contradicts itself
//     is flagged; precision differences are not disputes. Every verdict
//     carries its reason in plain words.
//
// Never: reads files, renders anything, or depends on map iteration order.
// Align is pure and deterministic: the same inputs give the same Ledger.
package align
