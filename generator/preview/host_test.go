package preview

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/trellis-pl/trellis/internal/testplan"
)

func TestAllowedHost(t *testing.T) {
	tests := []struct {
		bind, host string
		want       bool
	}{
		{"127.0.0.1", "127.0.0.1:4180", true},
		{"127.0.0.1", "localhost:4180", true},
		{"127.0.0.1", "LOCALHOST.", true},
		{"127.0.0.1", "preview.localhost:4180", true},
		{"127.0.0.1", "[::1]:4180", true},
		{"127.0.0.1", "127.8.9.10", true},
		{"127.0.0.1", "evil.example:4180", false},
		{"127.0.0.1", "localhost.evil.example", false},
		{"127.0.0.1", "192.168.1.20:4180", false},
		{"127.0.0.1", "", false},
		{"192.168.1.20", "192.168.1.20:4180", true},
		{"192.168.1.20", "192.168.1.21:4180", false},
		{"devbox.lan", "devbox.lan:4180", true},
		{"devbox.lan", "other.lan:4180", false},
		{"::1", "[::1]:4180", true},
		{"0.0.0.0", "192.168.1.20:4180", true},
		{"0.0.0.0", "[fe80::1]:4180", true},
		{"0.0.0.0", "devbox.lan:4180", false},
		{"::", "10.0.0.5", true},
	}
	for _, tt := range tests {
		s := &Server{opt: Options{Bind: tt.bind}}
		r := &http.Request{Host: tt.host}
		if got := s.allowedHost(r); got != tt.want {
			t.Errorf("bind %s, Host %q: allowed = %v, want %v", tt.bind, tt.host, got, tt.want)
		}
	}
}

// A request for another host name, as a page of another site sends after
// DNS rebinding, gets 421 and none of the plan.
func TestHostHeaderChecked(t *testing.T) {
	h := start(t, Options{Port: 0})
	addr := strings.TrimPrefix(strings.TrimSuffix(h.srv.URL(), "/"), "http://")
	_, port, _ := net.SplitHostPort(addr)
	for host, want := range map[string]string{
		addr:                          "HTTP/1.1 200 OK",
		"localhost:" + port:           "HTTP/1.1 200 OK",
		"rebind.evil.example:" + port: "HTTP/1.1 421 Misdirected Request",
		"192.0.2.1:" + port:           "HTTP/1.1 421 Misdirected Request",
	} {
		for _, target := range []string{"/plan.json", "/__trellis/events"} {
			conn, err := net.Dial("tcp", addr)
			if err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", target, host)
			status, _ := bufio.NewReader(conn).ReadString('\n')
			conn.Close()
			if got := strings.TrimSpace(status); got != want {
				t.Errorf("GET %s, Host %s: %q, want %q", target, host, got, want)
			}
		}
	}
}

// blockingProject holds every rebuild after the first until released.
type blockingProject struct {
	project
	started chan struct{}
	release chan struct{}
}

func (p *blockingProject) update(changed []string) outcome {
	close(p.started)
	<-p.release
	return p.project.update(changed)
}

// Serve returns as soon as it is told to stop, even while a rebuild is
// running.
func TestStopsDuringRebuild(t *testing.T) {
	dir := testplan.Small(t, "")
	srv, err := Start(Options{Dir: dir, Port: 0})
	if err != nil {
		t.Fatal(err)
	}
	bp := &blockingProject{project: srv.proj, started: make(chan struct{}), release: make(chan struct{})}
	defer close(bp.release)
	srv.proj = bp
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx) }()
	resp, err := http.Get(srv.URL())
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	goal := filepath.Join(dir, "goals", "reading.md")
	data, _ := os.ReadFile(goal)
	if err := os.WriteFile(goal, append(data, "\nMore text.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	select {
	case <-bp.started:
	case <-time.After(30 * time.Second):
		t.Fatal("the change started no rebuild")
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not return while a rebuild was running")
	}
}
