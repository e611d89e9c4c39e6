// Package cliflag holds what langsplit's commands (the CLI, the Beam
// pipeline's command, the benchmark tools) share in reading and printing
// their flags: byte sizes, lists of language labels, byte counts.
package cliflag

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/langsplit/langsplit/internal/record"
)

// MaxSize is the largest size ParseSize accepts (1 TiB).
const MaxSize = 1 << 40

// ParseSize parses a byte size: a whole number with an optional binary
// suffix K, M or G (also written KB, KiB, …; case does not matter), e.g.
// 4096, 512K, 4MiB, 2GiB. It must be at least 1 and at most MaxSize.
func ParseSize(v string) (int64, error) {
	t := strings.TrimSuffix(strings.TrimSuffix(strings.ToUpper(strings.TrimSpace(v)), "B"), "I")
	mult := int64(1)
	if t != "" {
		switch t[len(t)-1] {
		case 'K':
			mult, t = 1<<10, t[:len(t)-1]
		case 'M':
			mult, t = 1<<20, t[:len(t)-1]
		case 'G':
			mult, t = 1<<30, t[:len(t)-1]
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n <= 0 || n > MaxSize/mult {
		return 0, fmt.Errorf("invalid size %q (e.g. 4096, 512K, 4MiB)", v)
	}
	return n * mult, nil
}

// Size is a byte-size flag, for package flag and for pflag.
type Size int64

// String prints the size in the largest binary unit that divides it.
func (s *Size) String() string {
	switch n := int64(*s); {
	case n != 0 && n%(1<<30) == 0:
		return strconv.FormatInt(n>>30, 10) + "GiB"
	case n != 0 && n%(1<<20) == 0:
		return strconv.FormatInt(n>>20, 10) + "MiB"
	case n != 0 && n%(1<<10) == 0:
		return strconv.FormatInt(n>>10, 10) + "KiB"
	default:
		return strconv.FormatInt(n, 10)
	}
}

// Set parses v with ParseSize.
func (s *Size) Set(v string) error {
	n, err := ParseSize(v)
	if err == nil {
		*s = Size(n)
	}
	return err
}

// Type names the flag's value in pflag's usage.
func (s *Size) Type() string { return "SIZE" }

var langLabel = regexp.MustCompile(`^` + record.LangLabel + `$`)

// ParseLangs parses a comma-separated list of block labels (en, fa, ar,
// und, und-Xxxx) into a set.
func ParseLangs(s string) (map[string]bool, error) {
	langs := map[string]bool{}
	for _, l := range strings.Split(s, ",") {
		l = strings.TrimSpace(l)
		if !langLabel.MatchString(l) {
			return nil, fmt.Errorf("invalid language %q in --langs (want en, fa, ar, und or und-Xxxx)", l)
		}
		langs[l] = true
	}
	return langs, nil
}

// Human formats a byte count: 512 B, 1.5 KiB, 3.2 MiB, 1.1 GiB.
func Human(n int64) string {
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%d B", n)
	case n < 1<<20:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	case n < 1<<30:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
}
