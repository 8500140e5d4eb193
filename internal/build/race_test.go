//go:build race

package build

// raceEnabled: the browser tests, which exercise pages rather than
// goroutines, run in the plain test run only.
const raceEnabled = true
