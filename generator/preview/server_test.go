package preview

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/trellis-pl/trellis/internal/testplan"
)

func copyPlan(t testing.TB, name string) string { return testplan.Copy(t, name) }

// logBuffer is a log safe to write from the server and read from the test.
type logBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

type harness struct {
	t    testing.TB
	dir  string
	srv  *Server
	log  *logBuffer
	stop func()
	done chan error
}

func start(t testing.TB, opt Options) *harness {
	t.Helper()
	h := &harness{t: t, log: &logBuffer{}, done: make(chan error, 1)}
	if opt.Dir == "" {
		opt.Dir = testplan.Small(t, "")
	}
	h.dir = opt.Dir
	opt.Log = h.log
	srv, err := Start(opt)
	if err != nil {
		t.Fatal(err)
	}
	h.srv = srv
	ctx, cancel := context.WithCancel(context.Background())
	go func() { h.done <- srv.Serve(ctx) }()
	h.stop = func() {
		cancel()
		select {
		case err := <-h.done:
			if err != nil {
				t.Errorf("Serve: %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Error("the server did not stop")
		}
	}
	t.Cleanup(h.stop)
	// Serve answers requests only once its watcher is set up, so after an
	// answer the test's edits are seen.
	h.get("/")
	return h
}

func (h *harness) get(path string) (int, string, string) {
	h.t.Helper()
	resp, err := http.Get(h.srv.URL() + strings.TrimPrefix(path, "/"))
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Content-Type"), string(body)
}

func (h *harness) write(rel, data string) {
	h.t.Helper()
	p := filepath.Join(h.dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		h.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		h.t.Fatal(err)
	}
}

func (h *harness) read(rel string) string {
	h.t.Helper()
	b, err := os.ReadFile(filepath.Join(h.dir, filepath.FromSlash(rel)))
	if err != nil {
		h.t.Fatal(err)
	}
	return string(b)
}

func (h *harness) replace(rel, old, new string) {
	h.t.Helper()
	data := h.read(rel)
	if !strings.Contains(data, old) {
		h.t.Fatalf("%s has no %q", rel, old)
	}
	h.write(rel, strings.Replace(data, old, new, 1))
}

// eventStream is an open connection to the server's event stream.
type eventStream struct {
	events chan [2]string
	close  func()
}

func (h *harness) events() *eventStream {
	h.t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, "GET", h.srv.URL()+"__trellis/events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		h.t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		h.t.Fatalf("event stream Content-Type %q", ct)
	}
	es := &eventStream{events: make(chan [2]string, 32), close: func() { cancel(); resp.Body.Close() }}
	go func() {
		defer close(es.events)
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		var name string
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				es.events <- [2]string{name, strings.TrimPrefix(line, "data: ")}
			}
		}
	}()
	h.t.Cleanup(es.close)
	return es
}

// next waits for the next event with one of the names, skipping others.
func (es *eventStream) next(t *testing.T, names ...string) [2]string {
	t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case e, ok := <-es.events:
			if !ok {
				t.Fatalf("event stream closed while waiting for %v", names)
			}
			for _, n := range names {
				if e[0] == n {
					return e
				}
			}
		case <-timeout:
			t.Fatalf("no %v event within 10s", names)
		}
	}
}

// page gets a page, which must contain want: after a reload event the
// site is rebuilt already.
func (h *harness) page(path, want string) string {
	h.t.Helper()
	_, _, body := h.get(path)
	if !strings.Contains(body, want) {
		h.t.Fatalf("%s does not contain %q; log:\n%s", path, want, h.log)
	}
	return body
}

// waitClients waits until n pages have the event stream open.
func (h *harness) waitClients(n int) {
	h.t.Helper()
	for tries := 0; ; tries++ {
		h.srv.clientsMu.Lock()
		open := len(h.srv.clients)
		h.srv.clientsMu.Unlock()
		if open >= n {
			return
		}
		if tries == 1000 {
			h.t.Fatalf("%d event streams open, want %d", open, n)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// allEvents are the names of every event the server sends.
var allEvents = []string{"hello", "reload", "css", "problems"}

func TestEditReloadErrorFix(t *testing.T) {
	h := start(t, Options{Port: 0})
	code, ctype, body := h.get("/goals/reading/")
	if code != 200 || ctype != "text/html; charset=utf-8" || !strings.Contains(body, `<script src="/__trellis/live.js" data-version="1"></script></body>`) {
		t.Fatalf("page: %d %s\n%s", code, ctype, body[max(0, len(body)-200):])
	}
	es := h.events()
	if e := es.next(t, "hello"); e[1] != "1" {
		t.Errorf("hello = %v", e)
	}

	// An edit: the page changes and a reload event is sent.
	h.replace("activities/tutoring.md", "Tutoring training", "Tutoring institute")
	if e := es.next(t, "reload"); e[1] != "2" {
		t.Errorf("reload event = %v", e)
	}
	h.page("/goals/reading/", "Tutoring institute")
	if !strings.Contains(h.log.String(), "changed activities/tutoring.md: rendered") {
		t.Errorf("log:\n%s", h.log)
	}

	// A bad edit: the old page stays, the problems event has the same
	// diagnostics as check.
	h.replace("activities/tutoring.md", `goal = "reading"`, `goal = "readin"`)
	e := es.next(t, "problems")
	for _, want := range []string{`activities/tutoring.md:3:8: error: unknown goal \"readin\"`, `goal = \"readin\"`, "^^^^", "did you mean `reading`?"} {
		if !strings.Contains(e[1], want) {
			t.Errorf("problems event lacks %q: %s", want, e[1])
		}
	}
	if code, _, body := h.get("/goals/reading/"); code != 200 || !strings.Contains(body, "Tutoring institute") {
		t.Errorf("the last good page is not served: %d", code)
	}
	// A page opened while the plan is broken gets the problems too.
	late := h.events()
	late.next(t, "hello")
	if e := late.next(t, "problems"); !strings.Contains(e[1], "readin") {
		t.Errorf("late problems = %v", e)
	}
	if !strings.Contains(h.log.String(), "not rebuilt; still serving the last good site") {
		t.Errorf("log:\n%s", h.log)
	}

	// The fix: a reload, and new connections hear no problems: the first
	// event after hello is the reload of the next edit.
	h.replace("activities/tutoring.md", `goal = "readin"`, `goal = "reading"`)
	es.next(t, "reload")
	fresh := h.events()
	if e := fresh.next(t, allEvents...); e != [2]string{"hello", "3"} {
		t.Errorf("after the fix, first event = %v", e)
	}
	h.replace("activities/tutoring.md", "Tutoring institute", "Tutoring academy")
	if e := fresh.next(t, allEvents...); e != [2]string{"reload", "4"} {
		t.Errorf("after the fix, the event after hello = %v, want the next edit's reload", e)
	}
}

func TestCreateRenameDelete(t *testing.T) {
	h := start(t, Options{Port: 0})
	es := h.events()
	es.next(t, "hello")

	// A file in a folder created after the start.
	h.write("static/img/seal.svg", `<svg xmlns="http://www.w3.org/2000/svg"><title>Seal</title></svg>`)
	es.next(t, "reload")
	h.page("/img/seal.svg", "<title>Seal</title>")
	if _, ctype, _ := h.get("/img/seal.svg"); ctype != "image/svg+xml" {
		t.Errorf("svg Content-Type %q", ctype)
	}

	// An editor's safe save: write a temporary file, then rename it over
	// the original.
	data := strings.Replace(h.read("goals/reading.md"), "Read well", "Read very well", 1)
	h.write("goals/.reading.md.swp", data)
	if err := os.Rename(filepath.Join(h.dir, "goals", ".reading.md.swp"), filepath.Join(h.dir, "goals", "reading.md")); err != nil {
		t.Fatal(err)
	}
	es.next(t, "reload")
	h.page("/goals/reading/", "Read very well")

	// A new goal, then its removal.
	h.write("goals/writing.md", strings.Replace(h.read("goals/reading.md"), "Read very well", "Write well", 1))
	es.next(t, "reload")
	h.page("/goals/writing/", "Write well")
	os.Remove(filepath.Join(h.dir, "goals", "writing.md"))
	es.next(t, "reload")
	if code, _, _ := h.get("/goals/writing/"); code != 404 {
		t.Errorf("the removed goal's page is still served: %d", code)
	}

	// A stylesheet-only change swaps the stylesheet in place.
	h.write("static/style.css", "body { color: black }")
	if e := es.next(t, "css", "reload"); e[0] != "css" {
		t.Errorf("stylesheet change sent %v", e)
	}
	h.page("/style.css", "color: black")
}

// TestBurstIsOneRebuild writes many files at once, as `git checkout`
// does, and expects a single rebuild: the next event after it is the
// reload of the next edit.
func TestBurstIsOneRebuild(t *testing.T) {
	h := start(t, Options{Port: 0, Quiet: 150 * time.Millisecond})
	es := h.events()
	es.next(t, "hello")
	for _, rel := range []string{"activities/tutoring.md", "partners/acme.md", "district.md"} {
		h.write(rel, h.read(rel)+"\nEdited in a burst.\n")
	}
	for i := 0; i < 5; i++ {
		h.replace("goals/reading.md", "Read well", "Read well")
	}
	if e := es.next(t, allEvents...); e != [2]string{"reload", "2"} {
		t.Fatalf("after the burst: %v", e)
	}
	h.replace("beliefs.md", "Teach.", "Teach well.")
	if e := es.next(t, allEvents...); e != [2]string{"reload", "3"} {
		t.Errorf("the event after the burst's reload = %v, want the next edit's reload; log:\n%s", e, h.log)
	}
	if n := strings.Count(h.log.String(), "rendered"); n != 3 { // the first build, the burst, the edit
		t.Errorf("%d builds:\n%s", n, h.log)
	}
}

func TestPolling(t *testing.T) {
	h := start(t, Options{Port: 0, Poll: 100 * time.Millisecond})
	es := h.events()
	es.next(t, "hello")
	h.replace("beliefs.md", "Teach.", "Teach all.")
	es.next(t, "reload")
	h.page("/", "Teach all.")
}

func TestServesOnlyTheSite(t *testing.T) {
	dir := testplan.Small(t, "")
	h := start(t, Options{Dir: dir, Port: 0})
	host := strings.TrimPrefix(strings.TrimSuffix(h.srv.URL(), "/"), "http://")
	raw := func(target string) string {
		conn, err := net.Dial("tcp", host)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", target, host)
		status, _ := bufio.NewReader(conn).ReadString('\n')
		return strings.TrimSpace(status)
	}
	for target, want := range map[string]string{
		"/../trellis.toml":            "400",
		"/goals/../../trellis.toml":   "400",
		"/%2e%2e/trellis.toml":        "400",
		"/%2E%2E%2Ftrellis.toml":      "400",
		"/goals/..%2f..%2fetc/passwd": "400",
		"/trellis.toml":               "404",
		"/goals/reading.md":           "404",
		"/goals/":                     "200",
		"/goals":                      "301",
		"/plan.json":                  "200",
	} {
		if got := raw(target); !strings.Contains(got, " "+want+" ") {
			t.Errorf("GET %s: %s, want %s", target, got, want)
		}
	}
	code, ctype, body := h.get("/no/such/page/")
	if code != 404 || ctype != "text/html; charset=utf-8" || !strings.Contains(body, "Page not found") {
		t.Errorf("404: %d %s", code, ctype)
	}
	for path, want := range map[string]string{"/style.css": "text/css; charset=utf-8", "/search.js": "text/javascript; charset=utf-8",
		"/plan.json": "application/json", "/sitemap.xml": "text/xml; charset=utf-8", "/robots.txt": "text/plain; charset=utf-8"} {
		if _, ctype, _ := h.get(path); ctype != want {
			t.Errorf("%s: Content-Type %q, want %q", path, ctype, want)
		}
	}
	resp, err := http.Post(h.srv.URL(), "text/plain", strings.NewReader("x"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: %d", resp.StatusCode)
	}
}

func TestPortInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := ln.Addr().(*net.TCPAddr).Port
	_, err = Start(Options{Dir: testplan.Small(t, ""), Port: port})
	want := fmt.Sprintf("port %d is already in use on 127.0.0.1; choose another with --port, for example: trellis serve --port %d", port, port+1)
	if err == nil || err.Error() != want {
		t.Errorf("error = %v\nwant %s", err, want)
	}
}

func TestNotAPlan(t *testing.T) {
	_, err := Start(Options{Dir: t.TempDir(), Port: 0})
	if err == nil || !strings.Contains(err.Error(), "is not a Trellis plan: it has no trellis.toml") {
		t.Errorf("error = %v", err)
	}
}

// TestStartBroken starts on a plan with errors: pages say so, the event
// stream carries the problems, and fixing the plan builds the site.
func TestStartBroken(t *testing.T) {
	dir := testplan.Small(t, "-- beliefs.md --\n+++\nmission = \"x\"\n")
	h := start(t, Options{Dir: dir, Port: 0})
	code, _, body := h.get("/")
	if code != 503 || !strings.Contains(body, "The plan has errors") || !strings.Contains(body, "/__trellis/live.js") {
		t.Errorf("broken start: %d\n%s", code, body)
	}
	es := h.events()
	es.next(t, "hello")
	if e := es.next(t, "problems"); !strings.Contains(e[1], "beliefs.md:1:1: error: the front matter opened here is never closed") {
		t.Errorf("problems = %v", e)
	}
	h.write("beliefs.md", "+++\nmission = \"Teach all.\"\nvision = \"Learn.\"\n+++\n")
	es.next(t, "reload")
	h.page("/", "Teach all.")
}

func TestServePortal(t *testing.T) {
	dir := testplan.Portal(t, "cedar-valley", "magnolia-county")
	h := start(t, Options{Dir: dir, Port: 0})
	if code, _, body := h.get("/"); code != 200 || !strings.Contains(body, "Magnolia County School District") {
		t.Fatalf("portal home: %d", code)
	}
	if code, _, _ := h.get("/cedar-valley/goals/"); code != 200 {
		t.Errorf("district page: %d", code)
	}
	if code, _, body := h.get("/cedar-valley/no-such-page/"); code != 404 || !strings.Contains(body, "See all districts") {
		t.Errorf("portal 404: %d", code)
	}
	es := h.events()
	es.next(t, "hello")
	h.replace("magnolia-county/goals/01-mathematics.md", "Raise mathematics proficiency", "Raise mathematics achievement")
	es.next(t, "reload")
	h.page("/magnolia-county/goals/mathematics/", "Raise mathematics achievement")
	h.replace("magnolia-county/goals/01-mathematics.md", "impact =", "impakt =")
	if e := es.next(t, "problems"); !strings.Contains(e[1], "magnolia-county/goals/01-mathematics.md:9:1: error: unknown key `impakt`") {
		t.Errorf("problems = %v", e)
	}
}

// TestServePortalDistrictMovedAway moves a whole district folder out of a
// served portal: one rename event, and the district is gone.
func TestServePortalDistrictMovedAway(t *testing.T) {
	dir := testplan.Portal(t, "cedar-valley", "magnolia-county")
	h := start(t, Options{Dir: dir, Port: 0})
	es := h.events()
	es.next(t, "hello")
	if err := os.Rename(filepath.Join(dir, "magnolia-county"), filepath.Join(t.TempDir(), "elsewhere")); err != nil {
		t.Fatal(err)
	}
	es.next(t, "reload")
	if code, _, _ := h.get("/magnolia-county/"); code != 404 {
		t.Errorf("the moved district is still served: %d", code)
	}
	if _, _, body := h.get("/"); strings.Contains(body, "Magnolia County") {
		t.Error("the portal still lists the moved district")
	}
}
