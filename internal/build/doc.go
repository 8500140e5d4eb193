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
//   - a good build writes only the files whose bytes changed, removes the
//     files it produced before and no longer produces, and never touches a
//     file in the output dir it did not create — it keeps a manifest
//     (.dossier-manifest) of its own files, refuses to overwrite a file
//     that is not in it, and removes a stale file only when it is still the
//     regular file it made (its hash); the manifest is not trusted (a line
//     naming a path outside the folder is ignored, with a warning), and no
//     write or removal goes through a symbolic link;
//   - publishing is crash-safe (journal.go): a build killed at any point
//     leaves a site that the next build makes the old or the new one, byte
//     for byte, and finishes without help; a build that fails says truly
//     whether the site was left as it was (Result.Published, Partial, Fast);
//   - one build at a time publishes to an output dir: it is locked (flock)
//     and a second build fails at once with ErrLocked;
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
