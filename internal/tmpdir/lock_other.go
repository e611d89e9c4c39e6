//go:build !unix

package tmpdir

import "os"

// canLock is false here: no flock, so Sweep cannot tell a live run's
// directory from a dead one's and removes nothing.
const canLock = false

func tryLock(f *os.File) (bool, error) { return true, nil }
