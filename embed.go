// Package dossier holds the default templates and assets, embedded in the
// binary. A site's own templates/ and assets/ files override these by name.
package dossier

import "embed"

// Files holds templates/*.html and assets/*.
//
//go:embed templates assets
var Files embed.FS
