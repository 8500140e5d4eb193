// Package segment is the second stage: it cuts one article into blocks and
// sentences.
//
// Input: a model.Article. Output: a model.Doc whose blocks and sentences are
// byte spans into the article's Raw bytes, each sentence with an anchor id
// made from its own text (a slug of its first words plus a hash of the
// whole), so links to a sentence survive edits elsewhere in the article.
//
// Blocks: Markdown bodies are parsed with goldmark (paragraphs, headings,
// list items, quotes); plain-text bodies take one block per line, joining
// hard-wrapped lines. Each block is classed by its shape — prose, heading,
// the article's headline, or chrome (site furniture copied with the page:
// copyright footers, "READ MORE:"-style teasers, calls to action, byline and
// date-stamp fragments, credit lines in parentheses, one- and two-word
// labels). Shapes, never lists of particular sites' strings. Lines repeated
// across articles are a cross-article signal and are marked by align, not here.
//
// Sentence splitting is hand-written: the Go sentence splitters we measured
// break news text on "U.S.", "Gen." and "a.m." and miss run-on sentences
// such as "against IS.Security analyst"; this one is small, tested and
// fuzzed (FuzzSplit).
//
// Never: reads other articles, drops bytes (every non-blank byte of the body
// lies in some block), or invents a title when there is text to derive it from.
package segment
