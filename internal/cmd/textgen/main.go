// Command textgen writes generated mixed English/Persian/Arabic text for
// benchmarks and scale tests:
//
//	go run ./internal/cmd/textgen -kind mixed -size 256MiB > big.txt
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/langsplit/langsplit/internal/cliflag"
	"github.com/langsplit/langsplit/internal/textgen"
)

func main() {
	kind := flag.String("kind", "mixed", "composition: mixed, en or fa")
	size := flag.String("size", "1MiB", "bytes to write (e.g. 4096, 512K, 256MiB, 2GiB)")
	seed := flag.Uint64("seed", 1, "random seed")
	flag.Parse()
	k, err := textgen.ParseKind(*kind)
	if err != nil {
		fail(err)
	}
	n, err := cliflag.ParseSize(*size)
	if err != nil {
		fail(err)
	}
	if err := textgen.Generate(os.Stdout, k, n, *seed); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "textgen:", err)
	os.Exit(2)
}
