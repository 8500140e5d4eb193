package cache

import (
	"reflect"
	"testing"
)

// Changing any field of a Key changes its hash: a field hashstructure
// skipped (an unexported one) would let stale entries be reused.
func TestKeyFieldsAllCount(t *testing.T) {
	base := Key{Path: "content/articles/a.md", ContentSHA256: "abc", StagesVersion: 1}
	v := reflect.ValueOf(base)
	for i := 0; i < v.NumField(); i++ {
		k := base
		f := reflect.ValueOf(&k).Elem().Field(i)
		switch f.Kind() {
		case reflect.String:
			f.SetString(f.String() + "x")
		case reflect.Int:
			f.SetInt(f.Int() + 1)
		default:
			t.Fatalf("field %s of kind %s: extend this test", v.Type().Field(i).Name, f.Kind())
		}
		if k.Hash() == base.Hash() {
			t.Errorf("changing Key.%s does not change the hash", v.Type().Field(i).Name)
		}
	}
}

func TestGetPutKeep(t *testing.T) {
	c := New()
	a, b := Key{Path: "a", ContentSHA256: "1", StagesVersion: 1}, Key{Path: "b", ContentSHA256: "1", StagesVersion: 1}
	c.Put(a, &Entry{})
	c.Put(b, &Entry{})
	if _, ok := c.Get(a); !ok {
		t.Fatal("a not found")
	}
	c.Keep([]Key{b})
	if _, ok := c.Get(a); ok || c.Len() != 1 {
		t.Error("Keep should drop a")
	}
}
