//go:build !unix

package content_test

func cpuTime() int64 { return 0 }
