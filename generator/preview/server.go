// Package preview serves a plan's site while it is edited: it builds the
// site in memory with generator.LivePlan (generator.PortalIncremental for
// a portal), watches the plan folder, rebuilds what changed, reloads open
// pages over Server-Sent Events, and shows the plan's errors over the page
// until they are fixed. It uses the same content and generator pipeline as
// `trellis build`. It owns serving and watching; it must not import
// anything under cmd/, nor render or write pages itself.
package preview

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/trellis-pl/trellis/content"
	"github.com/trellis-pl/trellis/generator"
)

// DefaultPort is the port `trellis serve` listens on unless told otherwise.
const DefaultPort = 4180

// CommitCheck is how often serve looks for a new commit (HEAD moved), to
// update the pages' history: one read of .git/HEAD and the ref it names.
var CommitCheck = time.Second

// Options configure a preview server.
type Options struct {
	Dir    string        // the plan folder
	Bind   string        // the address to listen on; default 127.0.0.1
	Port   int           // default DefaultPort; 0 picks a free port
	Poll   time.Duration // if > 0, poll the folder this often instead of using file system events
	Quiet  time.Duration // how long a burst of changes must be quiet before a rebuild; default 25ms
	Minify bool
	Log    io.Writer // rebuild reports and diagnostics; default io.Discard
	Color  bool      // colour the diagnostics in Log
}

// Server is a running preview.
type Server struct {
	opt  Options
	ln   net.Listener
	url  string
	proj project

	mu       sync.RWMutex
	problems string // the diagnostics, as check prints them; "" when the plan builds
	version  int    // counts successful builds
	lastDiag string

	clientsMu sync.Mutex
	clients   map[chan event]bool
	closing   chan struct{}
}

type event struct{ name, data string }

//go:embed live.js
var liveJS []byte

// Start listens on the address, builds the site once, and returns the
// server; Serve then answers requests and watches for changes. A plan with
// errors still starts: the overlay shows them.
func Start(opt Options) (*Server, error) {
	if opt.Bind == "" {
		opt.Bind = "127.0.0.1"
	}
	if opt.Quiet == 0 {
		opt.Quiet = 25 * time.Millisecond
	}
	if opt.Log == nil {
		opt.Log = io.Discard
	}
	if info, err := os.Stat(opt.Dir); err != nil || !info.IsDir() {
		return nil, fmt.Errorf("%s is not a folder", opt.Dir)
	}
	portal := content.IsPortal(opt.Dir)
	if _, err := os.Stat(opt.Dir + "/" + content.SettingsFile); err != nil && !portal {
		return nil, fmt.Errorf("%s is not a Trellis plan: it has no %s; run `trellis new %s` to start one", opt.Dir, content.SettingsFile, opt.Dir)
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(opt.Bind, strconv.Itoa(opt.Port)))
	if err != nil {
		if errors.Is(err, syscall.EADDRINUSE) {
			return nil, fmt.Errorf("port %d is already in use on %s; choose another with --port, for example: trellis serve --port %d", opt.Port, opt.Bind, opt.Port+1)
		}
		return nil, fmt.Errorf("cannot listen on %s port %d: %v", opt.Bind, opt.Port, err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	host := opt.Bind
	if host == "0.0.0.0" || host == "::" {
		host = "127.0.0.1"
	}
	s := &Server{
		opt: opt, ln: ln, url: "http://" + net.JoinHostPort(host, strconv.Itoa(port)) + "/",
		clients: map[chan event]bool{}, closing: make(chan struct{}),
	}
	gopt := generator.PreviewOptions{BaseURL: s.url, Minify: opt.Minify}
	if portal {
		s.proj = &portalProject{generator.NewPortalIncremental(opt.Dir, gopt, 0)}
	} else {
		s.proj = newPlanProject(opt.Dir, gopt)
	}
	s.rebuild(nil)
	return s, nil
}

// URL is the address the site is served at.
func (s *Server) URL() string { return s.url }

// watch starts the watcher the options ask for: polling, or the file
// system's events.
func (s *Server) watch() (watcher, error) {
	if s.opt.Poll > 0 {
		return newPollWatcher(s.opt.Dir, s.opt.Poll), nil
	}
	nw, err := newNotifyWatcher(s.opt.Dir, s.opt.Quiet, func(err error) { fmt.Fprintf(s.opt.Log, "watching: %v\n", err) })
	if err != nil {
		return nil, fmt.Errorf("cannot watch %s: %v (try --poll)", s.opt.Dir, err)
	}
	return nw, nil
}

// Serve answers requests and rebuilds on changes until ctx is done, then
// shuts down: open event streams are closed and the watcher stopped.
func (s *Server) Serve(ctx context.Context) error {
	w, err := s.watch()
	if err != nil {
		s.ln.Close()
		return err
	}
	commits := time.NewTicker(CommitCheck)
	defer commits.Stop()
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(s.ln) }()
	defer w.Close()
	// Rebuilds run beside the loop, one at a time, so that the server
	// stops at once when ctx is done, even in the middle of one; changes
	// that come meanwhile are gathered for the next.
	var (
		building bool
		pending  []string
		waiting  bool // pending holds changes (nil in it: everything)
		built    = make(chan struct{}, 1)
	)
	rebuild := func(changed []string) {
		building = true
		go func() { s.rebuild(changed); built <- struct{}{} }()
	}
	changes := w.Changes()
	for {
		select {
		case batch, ok := <-changes:
			if !ok {
				changes = nil
				if !building {
					return nil
				}
				continue
			}
			if building {
				pending, waiting = mergeChanges(pending, waiting, batch), true
				continue
			}
			rebuild(batch)
		case <-built:
			building = false
			if waiting {
				rebuild(pending)
				pending, waiting = nil, false
			} else if changes == nil {
				return nil
			}
		case <-commits.C:
			// A commit changes every page's last-updated line and the
			// Changes page. It is looked for between rebuilds only (a
			// rebuild reads the history too); the next tick catches up.
			if !building && s.proj.committed() {
				rebuild(nil)
			}
		case err := <-served:
			return err
		case <-ctx.Done():
			return s.shutdown(srv)
		}
	}
}

// shutdown ends the event streams and stops the server, waiting at most a
// second for open requests.
func (s *Server) shutdown(srv *http.Server) error {
	close(s.closing)
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		return srv.Close()
	}
	return nil
}

// mergeChanges adds a batch of changed paths to those waiting (waiting
// false: none yet). nil stands for everything, and absorbs the rest.
func mergeChanges(pending []string, waiting bool, batch []string) []string {
	if !waiting {
		return batch
	}
	if pending == nil || batch == nil {
		return nil
	}
	return append(pending, batch...)
}

// rebuild loads the plan again (reading only what changed) and updates the
// site, or keeps the last good site and shows the problems.
func (s *Server) rebuild(changed []string) {
	start := time.Now()
	changed = s.relevant(changed)
	if changed != nil && len(changed) == 0 {
		return
	}
	res := s.proj.update(changed)
	if res.note != "" {
		fmt.Fprintln(s.opt.Log, res.note)
	}
	var text bytes.Buffer
	res.diags.Print(&text, content.PrintOptions{Max: 50})
	if d := text.String(); d != s.lastDiag && d != "" {
		res.diags.Print(s.opt.Log, content.PrintOptions{Color: s.opt.Color, Max: 50})
	}
	s.lastDiag = text.String()
	what := describeChange(changed)
	switch {
	case res.err != nil:
		s.fail("error: "+res.err.Error()+"\n", what)
		return
	case res.diags.HasErrors():
		s.fail(text.String(), what)
		return
	}
	s.mu.Lock()
	wasBroken := s.problems != ""
	s.problems = ""
	s.version++
	v := s.version
	s.mu.Unlock()
	of := ""
	if res.pages > 0 {
		of = fmt.Sprintf(" of %d", res.pages)
	}
	fmt.Fprintf(s.opt.Log, "%s %s: rendered %d%s pages in %s\n", time.Now().Format("15:04:05"), what, res.rendered, of, time.Since(start).Round(100*time.Microsecond))
	name := "reload"
	if !wasBroken && onlyStylesheets(changed) {
		name = "css"
	}
	s.broadcast(event{name, strconv.Itoa(v)})
}

// relevant drops paths that are gone and never were part of the plan: the
// short-lived files some editors and tools write while saving.
func (s *Server) relevant(changed []string) []string {
	if changed == nil {
		return nil
	}
	out := []string{}
	for _, c := range changed {
		if _, err := os.Stat(filepath.Join(s.opt.Dir, filepath.FromSlash(c))); err == nil || s.proj.known(c) || strings.Contains(c, "layouts/") || strings.Contains(c, "static/") {
			out = append(out, c)
		}
	}
	return out
}

func (s *Server) fail(problems, what string) {
	s.mu.Lock()
	s.problems = problems
	s.mu.Unlock()
	fmt.Fprintf(s.opt.Log, "%s %s: not rebuilt; still serving the last good site\n", time.Now().Format("15:04:05"), what)
	s.broadcast(event{"problems", problemsJSON(problems)})
}

func problemsJSON(text string) string {
	b, _ := json.Marshal(map[string]string{"text": text})
	return string(b)
}

func describeChange(changed []string) string {
	switch {
	case changed == nil:
		return "built"
	case len(changed) == 1:
		return "changed " + changed[0]
	case len(changed) <= 3:
		return "changed " + strings.Join(changed, ", ")
	}
	return fmt.Sprintf("changed %s and %d more", changed[0], len(changed)-1)
}

func onlyStylesheets(changed []string) bool {
	if len(changed) == 0 {
		return false
	}
	for _, c := range changed {
		if !strings.HasPrefix(c, "static/") || !strings.HasSuffix(c, ".css") {
			return false
		}
	}
	return true
}

func (s *Server) broadcast(e event) {
	s.clientsMu.Lock()
	defer s.clientsMu.Unlock()
	for c := range s.clients {
		select {
		case c <- e:
		default: // a stuck client misses an event rather than stopping the server
		}
	}
}

// ServeHTTP serves the built site from memory, the live-reload script and
// the event stream.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.allowedHost(r) {
		misdirected(w)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := r.URL.Path
	if !validPath(p) || !validPath(r.URL.RawPath) {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	switch p {
	case "/__trellis/events":
		s.events(w, r)
		return
	case "/__trellis/live.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.Write(liveJS)
		return
	}
	name, data, status, redirect := s.lookup(p)
	if redirect {
		http.Redirect(w, r, p+"/", http.StatusMovedPermanently)
		return
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	if strings.HasPrefix(ctype, "text/html") {
		s.mu.RLock()
		version := s.version
		s.mu.RUnlock()
		data = injectLive(data, version)
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(status)
	if r.Method == http.MethodGet {
		w.Write(data)
	}
}

// lookup finds the file a request path names: the page, a redirect to the
// folder's page ("/goals" to "/goals/"), or the 404 page with its status.
func (s *Server) lookup(p string) (name string, data []byte, status int, redirect bool) {
	name = strings.TrimPrefix(p, "/")
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	if data, ok := s.proj.file(name); ok {
		return name, data, http.StatusOK, false
	}
	if _, dir := s.proj.file(name + "/index.html"); dir {
		return name, nil, 0, true
	}
	s.mu.RLock()
	broken := s.problems != ""
	s.mu.RUnlock()
	status = http.StatusNotFound
	data, _ = s.proj.file("404.html")
	if data == nil { // the plan has never built
		data = []byte("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>The plan has errors</title></head><body><main><h1>The plan has errors</h1><p>Fix them and this page will reload.</p></main></body></html>")
		if broken {
			status = http.StatusServiceUnavailable
		}
	}
	return "404.html", data, status, false
}

// validPath refuses paths that climb out of the site, however encoded.
func validPath(p string) bool {
	if strings.ContainsAny(p, "\\\x00") {
		return false
	}
	lower := strings.ToLower(p)
	if strings.Contains(lower, "%2e") || strings.Contains(lower, "%2f") || strings.Contains(lower, "%5c") {
		return false
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == ".." || seg == "." {
			return false
		}
	}
	return true
}

// injectLive adds the live-reload script to an HTML page.
func injectLive(page []byte, version int) []byte {
	tag := []byte(`<script src="/__trellis/live.js" data-version="` + strconv.Itoa(version) + `"></script>`)
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		return append(append([]byte(nil), page...), tag...)
	}
	out := make([]byte, 0, len(page)+len(tag))
	out = append(out, page[:i]...)
	out = append(out, tag...)
	return append(out, page[i:]...)
}

// events streams reload and problem events to one page.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming not supported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	c := make(chan event, 8)
	s.clientsMu.Lock()
	s.clients[c] = true
	s.clientsMu.Unlock()
	defer func() {
		s.clientsMu.Lock()
		delete(s.clients, c)
		s.clientsMu.Unlock()
	}()
	s.mu.RLock()
	hello := event{"hello", strconv.Itoa(s.version)}
	problems := s.problems
	s.mu.RUnlock()
	send := func(e event) bool {
		_, err := fmt.Fprintf(w, "event: %s\ndata: %s\n\n", e.name, e.data)
		fl.Flush()
		return err == nil
	}
	fmt.Fprint(w, "retry: 500\n\n")
	send(hello)
	if problems != "" {
		send(event{"problems", problemsJSON(problems)})
	}
	ping := time.NewTicker(15 * time.Second)
	defer ping.Stop()
	for {
		select {
		case e := <-c:
			if !send(e) {
				return
			}
		case <-ping.C:
			if _, err := fmt.Fprint(w, ": ping\n\n"); err != nil {
				return
			}
			fl.Flush()
		case <-r.Context().Done():
			return
		case <-s.closing:
			return
		}
	}
}
