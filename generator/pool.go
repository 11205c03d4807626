package generator

import (
	"runtime"
	"sync"
)

// forEach calls fn(i) for every i in [0, n), on at most workers goroutines
// at once (runtime.GOMAXPROCS if workers < 1). It is the one worker pool
// of the generator: portal builds and serve's portal updates use it.
func forEach(n, workers int, fn func(i int)) {
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(workers, n); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}
