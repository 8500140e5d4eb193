package par

import (
	"runtime"
	"testing"
)

func TestForCallsEachIndexOnce(t *testing.T) {
	for _, n := range []int{0, 1, 7, 1000} {
		got := make([]int, n)
		For(n, func(i int) { got[i]++ })
		for i, c := range got {
			if c != 1 {
				t.Fatalf("n=%d: index %d called %d times", n, i, c)
			}
		}
	}
}

func TestReserveLeavesAtLeastOneWorker(t *testing.T) {
	defer Reserve(0)
	procs := runtime.GOMAXPROCS(0)
	if Workers() != procs {
		t.Fatalf("Workers() = %d, want GOMAXPROCS %d", Workers(), procs)
	}
	Reserve(1)
	if want := max(1, procs-1); Workers() != want {
		t.Fatalf("after Reserve(1): Workers() = %d, want %d", Workers(), want)
	}
	Reserve(procs + 5)
	if Workers() != 1 {
		t.Fatalf("after Reserve(procs+5): Workers() = %d, want 1", Workers())
	}
	got := make([]int, 100)
	For(len(got), func(i int) { got[i]++ })
	for i, c := range got {
		if c != 1 {
			t.Fatalf("index %d called %d times with one worker", i, c)
		}
	}
}
