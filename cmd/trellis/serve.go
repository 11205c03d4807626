package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/trellis-pl/trellis/generator/preview"
)

func runServe(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("serve", "serve [DIR] [--port N] [--bind ADDR] [--poll]", stderr)
	port := fs.Int("port", preview.DefaultPort, "the port to listen on")
	bind := fs.String("bind", "127.0.0.1", "the address to listen on; 0.0.0.0 shows the preview to the whole network")
	poll := fs.Bool("poll", false, "check the folder for changes every half second instead of using file system events (network drives, some containers)")
	minify := fs.Bool("minify", false, "minify the preview as `trellis build` does")
	positional, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	dir, err := oneDir(fs, positional)
	if err != nil {
		return err
	}
	opt := preview.Options{Dir: dir, Bind: *bind, Port: *port, Minify: *minify, Log: stderr, Color: useColor(stderr)}
	if *poll {
		opt.Poll = 500 * time.Millisecond
	}
	// Ctrl+C and SIGTERM stop the preview at once, also during the first
	// build: nothing is written to disk, so there is nothing to finish.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	srv, err := startServer(ctx, opt)
	if err != nil || srv == nil {
		return stopped(stdout, err)
	}
	if ip := net.ParseIP(*bind); ip == nil || !ip.IsLoopback() {
		fmt.Fprintf(stderr, "note: listening on %s: other computers on the network can see this preview\n", *bind)
	}
	fmt.Fprintf(stdout, "Serving %s at %s\nEdit the plan's files and the pages reload. Press Ctrl+C to stop.\n", dir, srv.URL())
	return stopped(stdout, srv.Serve(ctx))
}

// startServer starts the preview, or returns nil if ctx is done first.
func startServer(ctx context.Context, opt preview.Options) (*preview.Server, error) {
	type started struct {
		srv *preview.Server
		err error
	}
	c := make(chan started, 1)
	go func() {
		srv, err := preview.Start(opt)
		c <- started{srv, err}
	}()
	select {
	case s := <-c:
		return s.srv, s.err
	case <-ctx.Done():
		return nil, nil
	}
}

// stopped reports the end of serve.
func stopped(stdout io.Writer, err error) error {
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, "stopped")
	return nil
}
