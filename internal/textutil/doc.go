// Package textutil holds the small text tools every stage shares: a
// tokenizer that keeps byte offsets, slugs, diacritic folding, and generic
// English word lists (function words, months, weekdays).
//
// Contract: pure functions of their arguments. The word lists are generic
// English, never words from a particular corpus.
package textutil
