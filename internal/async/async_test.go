package async

import (
	"errors"
	"sync"
	"testing"
)

func TestGo(t *testing.T) {
	start := make(chan struct{})
	wait := Go(func() (int, error) {
		<-start // f runs beside the caller, not when the result is asked for
		return 42, errors.New("late")
	})
	close(start)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			if n, err := wait(); n != 42 || err == nil || err.Error() != "late" {
				t.Errorf("wait() = %d, %v; want 42, late", n, err)
			}
		})
	}
	wg.Wait()
}

func TestGoRunsUnasked(t *testing.T) {
	ran := make(chan bool, 1)
	Go(func() (bool, error) { ran <- true; return true, nil })
	if !<-ran {
		t.Fatal("f did not run")
	}
}
