//go:build unix

package content_test

import "syscall"

// cpuTime returns the CPU time the process has used, in nanoseconds, so that
// benchmarks on a shared machine can report work rather than waiting.
func cpuTime() int64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
