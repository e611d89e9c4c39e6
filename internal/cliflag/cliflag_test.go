package cliflag

import "testing"

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{"4096": 4096, "512K": 512 << 10, "4MiB": 4 << 20, "4mb": 4 << 20, " 2GiB ": 2 << 30, "1G": 1 << 30} {
		if got, err := ParseSize(in); err != nil || got != want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "0", "-1", "4X", "1.5M", "2048G", "K"} {
		if _, err := ParseSize(bad); err == nil {
			t.Errorf("ParseSize(%q) accepted", bad)
		}
	}
	var s Size
	if err := s.Set("8MiB"); err != nil || s.String() != "8MiB" || s.Type() != "SIZE" {
		t.Errorf("Size: %v %q %q", err, s.String(), s.Type())
	}
}

func TestParseLangs(t *testing.T) {
	got, err := ParseLangs("fa, und-Cyrl,en")
	if err != nil || len(got) != 3 || !got["und-Cyrl"] {
		t.Fatalf("ParseLangs: %v %v", got, err)
	}
	for _, bad := range []string{"", "de", "und-cyrl", "fa,,en"} {
		if _, err := ParseLangs(bad); err == nil {
			t.Errorf("ParseLangs(%q) accepted", bad)
		}
	}
}

func TestHuman(t *testing.T) {
	for n, want := range map[int64]string{0: "0 B", 1023: "1023 B", 1536: "1.5 KiB", 3 << 20: "3.0 MiB", 5 << 30: "5.0 GiB"} {
		if got := Human(n); got != want {
			t.Errorf("Human(%d) = %q, want %q", n, got, want)
		}
	}
}
