// Package extract is the third stage: it finds typed claims in one article.
//
// Input: a model.Article and its model.Doc. Output: a Result — the claims
// (dates, times of day, quantities, name mentions), each a byte span in a
// sentence with its normalised value and its frame, plus the count of
// incident nouns the article uses ("raid", "earthquake"), from which align
// picks the corpus's main event, and the report's own day (its dateline or
// stamp).
//
// A frame says what the claim is about, slot by slot, as its own sentence
// says it: what a figure counts (the counted noun's lemma and what makes it
// a subset: a nationality, a place, a part of a whole), what happened to it
// (killed, injured, missing, deployed, on, capacity, distance, magnitude,
// when), which incident it is about (the main one, an aftershock, an
// earlier disaster named by its year, a separate attack), the day it holds
// for, who states it, whether it is given as superseded. A claim is Sure
// only when every slot was read from a direct construction; otherwise
// Unsure says, in words, what was not, and align never lets it make a fact
// disputed. Datelines, publication stamps and photo captions and credits
// are report metadata, never an event's.
//
// Each extractor implements Extractor, registered in the list in
// extract.go. Extractors see one tokenised sentence at a time; a later
// extractor does not claim tokens an earlier one took (a year is a date, not
// a quantity). Chrome blocks are never read.
//
// Values are never invented: a relative date ("yesterday", "on Sunday") is
// resolved only against the article's own publication date, and otherwise
// kept partial. Everything here is per article and pure, so results can be
// cached by the article's content hash; cross-article judgement (which event
// a date belongs to, whether two spellings are one person) is align's job.
//
// Word knowledge — parts of speech, lemmas, what kind of thing a noun
// names (a person, a group, a place, an incident, a unit), which verbs
// mean killing, sending or saying, which proper nouns are places — comes
// from the lexicon package (WordNet). What is written out here by hand is
// English grammar WordNet leaves out (closed word classes, the fixed
// phrases that carry a figure's meaning: "at least", "death toll", "in
// critical condition") and a few cue lists named in namecues.go
// (abbreviated titles WordNet misreads, name particles, companies' legal
// forms); none of it is a word of a particular incident.
//
// Rule-based, not a statistical tagger: the Go NLP libraries we measured
// (prose, jdkato/prose's tagger, go-nlp tokenizers) tag news copy poorly —
// they split "al-Masoud's", read "3 am" as a noun and have no notion of
// qualifiers such as "at least" — and a rule can say why it read what it
// read, which a frame's confidence needs.
package extract
