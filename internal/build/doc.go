// Package build is the orchestrator: it runs the stages in order and
// publishes the result.
//
// Input: Options (the site dir, the output dir, the embedded templates and
// assets). Output: the output dir, and a Result with the diagnostics and
// what was written.
//
// Contract:
//   - a build that has errors (bad input, a broken template) writes
//     nothing: the last good site stays as it was;
//   - a good build writes only the files whose bytes changed (each through
//     a temporary file and a rename), removes the files it produced before
//     and no longer produces, and never touches a file in the output dir it
//     did not create — it keeps a manifest (.dossier-manifest) of its own
//     files, and refuses to overwrite a file that is not in it;
//   - the same inputs give byte-identical output;
//   - a live builder (Live: watch and serve) does not render again a page
//     whose fingerprint (site.Page.Fingerprint) is what it was at the last
//     publish, while the built-in templates render it and the file is still
//     on disk at its size: its output is byte for byte a clean build's
//     (TestIncrementalMatchesClean).
//
// This package, watch, serve and cmd/dossier are the only ones that write
// to the file system (checked by `make check`).
package build
