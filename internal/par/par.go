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

// For calls fn(0) … fn(n-1) on GOMAXPROCS goroutines.
func For(n int, fn func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
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
