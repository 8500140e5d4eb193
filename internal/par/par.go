// Package par runs independent iterations of a loop on every core.
//
// Contract: For(n, fn) calls fn(i) once for each i in [0, n), from several
// goroutines, and returns when all have returned. fn must only write to
// its own i-th result, so the outcome never depends on scheduling.
package par

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// reserved is how many cores For leaves to other work (see Reserve).
var reserved atomic.Int32

// Reserve keeps n cores free of the workers of For (and of the other
// worker pools that ask Workers): a live rebuild leaves a core to the watch
// loop's fast path and to the server, so an edit shows at once even while
// the whole site rebuilds. At least one worker always remains.
func Reserve(n int) { reserved.Store(int32(n)) }

// Workers is how many goroutines a parallel stage should use: GOMAXPROCS,
// less the reserved cores, at least one.
func Workers() int { return max(1, runtime.GOMAXPROCS(0)-int(reserved.Load())) }

// For calls fn(0) … fn(n-1) on Workers goroutines.
func For(n int, fn func(i int)) {
	workers := min(Workers(), n)
	if workers <= 1 {
		for i := 0; i < n; i++ {
			fn(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				fn(i)
			}
		}()
	}
	wg.Wait()
}
