package preview

import (
	"net"
	"net/http"
	"strings"
)

// allowedHost reports whether a request's Host header names this
// server: localhost (or a name under .localhost), a loopback address, or
// the address it was told to bind. When it listens on every address
// (0.0.0.0, ::), any IP address is accepted too, as other computers of
// the network reach it by the machine's address. A name that is not an
// address is refused: a page of another site can point its own name at
// this machine (DNS rebinding) and would otherwise read the preview.
func (s *Server) allowedHost(r *http.Request) bool {
	host := r.Host
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.ToLower(strings.TrimSuffix(strings.Trim(host, "[]"), "."))
	bind := strings.ToLower(strings.Trim(s.opt.Bind, "[]"))
	if host == "" {
		return false
	}
	if host == "localhost" || strings.HasSuffix(host, ".localhost") || host == bind {
		return true
	}
	ip := net.ParseIP(host)
	if ip == nil {
		return false
	}
	if ip.IsLoopback() {
		return true
	}
	b := net.ParseIP(bind)
	return b != nil && (b.IsUnspecified() || b.Equal(ip))
}

// misdirected answers a request for another host.
func misdirected(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusMisdirectedRequest)
	_, _ = w.Write([]byte("trellis serve answers only requests addressed to localhost, a loopback address or the address it listens on\n"))
}
