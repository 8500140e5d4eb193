package build

import (
	"errors"
	"os"
	"path/filepath"
	"sync"
)

// ErrLocked says another process is building into the same output folder.
var ErrLocked = errors.New("another dossier build is publishing to this folder")

// held counts this process's locks on output folders: builds of one
// process (a live builder's fast path and its full builds, tests) share the
// folder's lock; other processes are kept out.
var held struct {
	sync.Mutex
	m map[string]*outLock
}

type outLock struct {
	f *os.File
	n int
}

// lockOut takes the output folder's lock, creating the folder if needed,
// and returns its release. It does not wait: a second build into the same
// folder fails at once with ErrLocked.
func lockOut(out string) (func(), error) {
	abs, err := filepath.Abs(out)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(abs, 0o755); err != nil {
		return nil, err
	}
	held.Lock()
	defer held.Unlock()
	if held.m == nil {
		held.m = map[string]*outLock{}
	}
	l := held.m[abs]
	if l == nil {
		f, err := os.Open(abs)
		if err != nil {
			return nil, err
		}
		if err := flock(f); err != nil {
			f.Close()
			return nil, err
		}
		l = &outLock{f: f}
		held.m[abs] = l
	}
	l.n++
	return func() {
		held.Lock()
		defer held.Unlock()
		if l.n--; l.n == 0 {
			l.f.Close() // closing the descriptor releases the lock
			delete(held.m, abs)
		}
	}, nil
}
