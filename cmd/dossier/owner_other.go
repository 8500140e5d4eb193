//go:build !unix

package main

import "io/fs"

// ownedByMe cannot be told here; the folder is in the user's own profile.
func ownedByMe(fs.FileInfo) bool { return true }
