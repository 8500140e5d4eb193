package model

import "testing"

func TestDateCompatible(t *testing.T) {
	d := func(y, m, lo, hi int) DateValue { return DateValue{Year: y, Month: m, DayLo: lo, DayHi: hi} }
	for _, tc := range []struct {
		a, b DateValue
		ok   bool
	}{
		{d(2025, 10, 16, 31), d(2025, 10, 28, 28), true}, // late October 2025 ~ October 28, 2025
		{d(0, 10, 19, 19), d(0, 10, 29, 29), false},
		{d(2023, 10, 19, 19), d(2025, 10, 19, 19), false},
		{d(0, 10, 19, 19), d(2023, 10, 19, 19), true},
		{d(0, 10, 0, 0), d(2025, 10, 29, 29), true},
		{DateValue{Weekday: 7}, DateValue{Weekday: 1}, false},
		{DateValue{Year: 2025, Season: 23}, d(2025, 10, 28, 28), true}, // last fall ~ October 28, 2025
		{DateValue{Season: 23}, d(0, 6, 0, 0), false},                  // autumn is not June
		{DateValue{Season: 24}, d(0, 1, 0, 0), true},                   // winter includes January
	} {
		if got := tc.a.Compatible(tc.b); got != tc.ok {
			t.Errorf("%s ~ %s = %v", tc.a.Norm(), tc.b.Norm(), got)
		}
	}
	if got := d(2025, 10, 16, 31).Display(); got != "late October 2025" {
		t.Errorf("display %q", got)
	}
	if got := d(0, 10, 19, 19).Norm(); got != "XXXX-10-19" {
		t.Errorf("norm %q", got)
	}
}

func TestQtyDisplay(t *testing.T) {
	q := QtyValue{Number: 2500, Lo: 2500, Hi: -1, Qualifier: "at least"}
	if q.Display() != "at least 2,500" || q.Norm() != "2500" {
		t.Errorf("%q %q", q.Display(), q.Norm())
	}
}
