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
	srv, err := preview.Start(opt)
	if err != nil {
		return err
	}
	if ip := net.ParseIP(*bind); ip == nil || !ip.IsLoopback() {
		fmt.Fprintf(stderr, "note: listening on %s: other computers on the network can see this preview\n", *bind)
	}
	fmt.Fprintf(stdout, "Serving %s at %s\nEdit the plan's files and the pages reload. Press Ctrl+C to stop.\n", dir, srv.URL())
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := srv.Serve(ctx); err != nil {
		return err
	}
	fmt.Fprintln(stdout, "stopped")
	return nil
}
