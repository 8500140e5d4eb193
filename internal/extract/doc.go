// Package extract is the third stage: it finds typed claims in one article.
//
// Input: a model.Article and its model.Doc. Output: a Result — the claims
// (dates, times of day, quantities, name mentions), each a byte span in a
// sentence with its normalised value and what it is about, plus the count of
// incident nouns the article uses ("raid", "earthquake"), from which align
// picks the corpus's main event.
//
// Each extractor is one file implementing Extractor, registered in the list
// in extract.go. Extractors see one tokenised sentence at a time; a later
// extractor does not claim tokens an earlier one took (a year is a date, not
// a quantity). Chrome blocks are never read.
//
// Values are never invented: a relative date ("yesterday", "on Sunday") is
// resolved only against the article's own publication date, and otherwise
// kept partial. Everything here is per article and pure, so results can be
// cached by the article's content hash; cross-article judgement (which event
// a date belongs to, whether two spellings are one person) is align's job.
//
// Hand-written, not a library: the Go NLP libraries we measured (prose,
// jdkato/prose's tagger, go-nlp tokenizers) tag news copy poorly — they split
// "al-Masoud's", read "3 am" as a noun and have no notion of qualifiers such
// as "at least" — and are slower than this whole stage.
package extract
