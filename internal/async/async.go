// Package async runs a piece of work beside the caller's own and hands
// its results over when the caller comes to need them: a load reads the
// message catalogues beside the plan's files, a build lists the old site's
// files and minifies the static files beside the pages.
package async

// Go starts f in a goroutine now. The function it returns waits until f
// has returned and gives f's results; it may be called any number of
// times, from any goroutine. If it is never called, the goroutine still
// ends when f does.
func Go[T, U any](f func() (T, U)) func() (T, U) {
	var t T
	var u U
	done := make(chan struct{})
	go func() {
		defer close(done)
		t, u = f()
	}()
	return func() (T, U) {
		<-done
		return t, u
	}
}
