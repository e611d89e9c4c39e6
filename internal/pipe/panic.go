package pipe

import (
	"fmt"
	"runtime"
	"strings"
)

// PanicError is the failure of an input whose processing panicked: a bug
// in langsplit, not in the input. Run recovers it, on its own goroutine and
// on those it starts, so that one input's bug fails that input only and a
// run of many inputs goes on with the others.
type PanicError struct {
	Source string // the input's Source
	Value  any    // what was passed to panic
	Where  string // the function and line that panicked, when known
}

// Error implements error.
func (e *PanicError) Error() string {
	msg := fmt.Sprintf("%s: internal error (a bug in langsplit; please report it with this input): panic: %v", e.Source, e.Value)
	if e.Where != "" {
		msg += " in " + e.Where
	}
	return msg
}

// Recover turns a panic of the goroutine it is deferred on into a
// *PanicError in *err: `defer pipe.Recover(in.Source, &err)`. It must be
// the deferred call itself, for recover to see the panic.
func Recover(source string, err *error) {
	v := recover()
	if v == nil {
		return
	}
	*err = &PanicError{Source: source, Value: v, Where: panicSite()}
}

// panicSite names the first frame below the runtime's panic machinery:
// where the panic happened.
func panicSite() string {
	var pcs [32]uintptr
	frames := runtime.CallersFrames(pcs[:runtime.Callers(3, pcs[:])])
	inPanic := false
	for {
		f, more := frames.Next()
		switch {
		case f.Function == "runtime.gopanic" || strings.HasPrefix(f.Function, "runtime.panic"):
			inPanic = true
		case inPanic && !strings.HasPrefix(f.Function, "runtime."):
			return fmt.Sprintf("%s (%s:%d)", f.Function, trimPath(f.File), f.Line)
		}
		if !more {
			return ""
		}
	}
}

// trimPath keeps the last two elements of a source file's path.
func trimPath(file string) string {
	if i := strings.LastIndexByte(file, '/'); i > 0 {
		if j := strings.LastIndexByte(file[:i], '/'); j >= 0 {
			return file[j+1:]
		}
	}
	return file
}
