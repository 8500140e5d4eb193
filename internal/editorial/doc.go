// Package editorial reads the editor's decisions about a dossier and
// applies them to the ledger: the editor has the last word.
//
// Input: content/editorial.yaml (File), kept in the site and committed with
// the articles, keyed by stable ids — fact slugs, entity ids, claim ids
// (registry.ClaimID: article#sentence-anchor@mention, as `dossier ledger`
// prints them) — never by build order. Output: the options alignment
// needs (the main event; claims dropped or moved, which verdicts must
// see), then, on the aligned ledger, every other decision: entities
// merged, split, renamed, re-kinded or dropped; facts given a verdict
// with a reason, retitled or dismissed; notes on facts, entities and the
// dossier (Markdown, rendered safely by render); claims checked against
// their article, each quote the editor relies on verified again.
//
// Contract:
//   - the machine's conclusion is kept beside the editor's (model.Edit), so
//     pages and dossier.json tell them apart, with the decision's file:line;
//   - a malformed file (broken YAML, an unknown field, a verdict or kind
//     that does not exist) is an error with file:line: the build fails and
//     the last good site stays;
//   - a decision that no longer applies (its fact, entity or claim is gone
//     after the corpus changed) is a warning with file:line and a hint,
//     never silently dropped; a decision keyed to a fact slug the registry
//     retired follows it to the one fact that took its claims, with a
//     warning to update the key;
//   - a quote the editor relies on that no longer occurs in its article is
//     reported as failed verification, on the page and as a warning.
//
// Pure: reading the file is the caller's job.
package editorial
