package segment

// The decoding loop of the benchmarks (bench_test.go, package segment_test)
// is imported by the package's own tests too, so that the linker lays it
// out before the package's code, like the other packages these tests
// import: then where it lies in the test binary does not move with the size
// of that code (internal/baseline says why that matters).
import _ "github.com/langsplit/langsplit/internal/baseline"
