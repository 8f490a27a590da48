package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"path"
	"strconv"
	"strings"
	"syscall"
	"time"

	"archfolio/generator/server"
)

const serveSynopsis = "serve [-s SITE] [--bind 127.0.0.1] [--port 1313] [--today YYYY-MM-DD] [--drafts] [--base-url URL] [--since REV] [--poll] [--poll-interval 500ms] [--no-cache]"

// serveFlags are serve's own flags.
type serveFlags struct {
	bind     string
	port     int
	baseURL  string
	poll     bool
	interval time.Duration
}

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var sf siteFlags
	var f serveFlags
	fs := newFlagSet("serve", serveSynopsis, stderr)
	sf.register(fs, true)
	sf.registerTrends(fs)
	sf.registerSince(fs)
	fs.StringVar(&f.bind, "bind", "127.0.0.1", "interface to listen on; 0.0.0.0 shows the site to your whole network")
	fs.IntVar(&f.port, "port", 1313, "port to listen on; 0 picks a free one")
	fs.StringVar(&f.baseURL, "base-url", "", "serve under this URL's path, as the site will be published (https://intranet.example/arch/ → /arch/)")
	fs.BoolVar(&f.poll, "poll", false, "poll for changes instead of using inotify (network drives, inotify limit reached)")
	fs.DurationVar(&f.interval, "poll-interval", server.DefaultPollInterval, "how often --poll scans the site")
	fs.BoolVar(&sf.noCache, "no-cache", false, "highlight every code block and read the trends from git, reading and keeping no cache")
	pos, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		fmt.Fprintf(stderr, "archfolio serve: unexpected argument %q\n", pos[0])
		return exitUsage
	}
	srv, highlights, err := f.server(sf)
	if err != nil {
		fmt.Fprintln(stderr, "archfolio serve:", err)
		return exitUsage
	}
	srv.Log = stderr
	start := time.Now()
	tuneMemory(sf.site, 200) // the first build is a build; later ones keep far less garbage
	if err := srv.Open(ctx); err != nil {
		if ctx.Err() != nil {
			return exitOK // interrupted during the first build
		}
		fmt.Fprintln(stderr, "archfolio serve:", serveHint(err))
		return exitProblems
	}
	// The first build rendered every body it could: the blocks of documents
	// left out (drafts, above --audience, unreadable) are highlighted again by
	// the next build that shows them.
	highlights.done()
	fmt.Fprintf(stdout, "Serving %s at %s (ready in %s); press Ctrl-C to stop\n", sf.site, srv.URL(), time.Since(start).Round(time.Millisecond))
	select {
	case <-ctx.Done():
	case <-srv.Done():
	}
	srv.Close()
	fmt.Fprintln(stderr, "archfolio serve: stopped")
	return exitOK
}

// server checks the flags and returns the server they describe, with the cache
// of highlighted blocks it uses.
func (f *serveFlags) server(sf siteFlags) (*server.Server, highlightCache, error) {
	if f.port < 0 || f.port > 65535 {
		return nil, highlightCache{}, fmt.Errorf("--port %d: want 0 to 65535", f.port)
	}
	if f.interval <= 0 {
		return nil, highlightCache{}, fmt.Errorf("--poll-interval %s: want a positive duration like 500ms", f.interval)
	}
	base, err := basePath(f.baseURL)
	if err != nil {
		return nil, highlightCache{}, err
	}
	sf.history = true
	opts, err := sf.options()
	if err != nil {
		return nil, highlightCache{}, err
	}
	highlights := newHighlightCache(sf.site, "", sf.noCache)
	opts.Highlights = highlights.options()
	return &server.Server{Dir: sf.site, Options: opts, Addr: net.JoinHostPort(f.bind, strconv.Itoa(f.port)),
		BasePath: base, Poll: f.poll, PollInterval: f.interval}, highlights, nil
}

// basePath returns the path of a --base-url (an absolute URL or a path starting
// with /), with a trailing slash.
func basePath(baseURL string) (string, error) {
	if baseURL == "" {
		return "/", nil
	}
	u, err := url.Parse(baseURL)
	bad := err != nil || u.RawQuery != "" || u.Fragment != "" ||
		(u.Scheme != "http" && u.Scheme != "https" && (u.Scheme != "" || u.Host != "" || len(u.Path) == 0 || u.Path[0] != '/'))
	if bad {
		return "", fmt.Errorf("--base-url %q: want an absolute URL (https://…) or a path starting with /", baseURL)
	}
	p := strings.TrimSuffix(u.Path, "/") + "/"
	if path.Clean(p) != "/" && path.Clean(p)+"/" != p {
		return "", fmt.Errorf("--base-url %q: its path %s is not clean (no // or dot segments)", baseURL, u.Path)
	}
	return p, nil
}

// serveHint adds the flag that gets around a failure to start.
func serveHint(err error) string {
	switch {
	case errors.Is(err, syscall.EADDRINUSE):
		return err.Error() + "\n  choose another port with --port (--port 0 picks a free one)"
	case errors.Is(err, server.ErrWatchLimit):
		return err.Error() + " (--poll)"
	}
	return err.Error()
}
