package lexicon

import "testing"

func BenchmarkDecode(b *testing.B) {
	for i := 0; i < b.N; i++ {
		decode(table)
	}
}

func BenchmarkLemma(b *testing.B) {
	words := []string{"firefighters", "killed", "the", "houses", "qwzx", "injured", "people", "said"}
	get()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Lemma(words[i%len(words)], Noun)
	}
}
