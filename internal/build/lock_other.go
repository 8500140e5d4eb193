//go:build !unix

package build

import "os"

// flock is a no-op where there is no flock(2): two builds into one folder
// at once are not detected there.
func flock(*os.File) error { return nil }
