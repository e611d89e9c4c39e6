// Command textgen writes generated mixed English/Persian/Arabic text for
// benchmarks and scale tests:
//
//	go run ./internal/cmd/textgen -kind mixed -size 256MiB > big.txt
package main

import (
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/langsplit/langsplit/internal/textgen"
)

func main() {
	kind := flag.String("kind", "mixed", "composition: mixed, en or fa")
	size := flag.String("size", "1MiB", "bytes to write (suffixes KiB, MiB, GiB)")
	seed := flag.Uint64("seed", 1, "random seed")
	flag.Parse()
	k, err := textgen.ParseKind(*kind)
	if err != nil {
		fail(err)
	}
	n, err := parseSize(*size)
	if err != nil {
		fail(err)
	}
	if err := textgen.Generate(os.Stdout, k, n, *seed); err != nil {
		fail(err)
	}
}

func parseSize(s string) (int64, error) {
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		m      int64
	}{{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}} {
		if strings.HasSuffix(s, u.suffix) {
			s, mult = strings.TrimSuffix(s, u.suffix), u.m
			break
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("bad size %q", s)
	}
	return n * mult, nil
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "textgen:", err)
	os.Exit(2)
}
