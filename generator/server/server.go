package server

import (
	"archfolio/generator/render"
	_ "archfolio/generator/views" // the server builds whole sites
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"archfolio/generator"
	"archfolio/themes"

	"github.com/fsnotify/fsnotify"
)

// Defaults for the Server's zero fields.
const (
	// DefaultAddr is this machine only, on Hugo's port.
	DefaultAddr = "127.0.0.1:1313"
	// DefaultPollInterval is how often polling scans the site.
	DefaultPollInterval = 500 * time.Millisecond
	// DefaultDebounce is long enough for an editor's atomic save (a few events
	// within a millisecond) and short next to a rebuild.
	DefaultDebounce = 20 * time.Millisecond
	// DefaultShutdownTimeout keeps Ctrl-C well under a second.
	DefaultShutdownTimeout = 500 * time.Millisecond
)

// Server is a development server for one site. Set its fields, call Open, and
// Close it (or cancel Open's context) when done. Open fills in the defaults of
// zero fields; the fields must not change after that.
type Server struct {
	// Dir is the site root on disk. Options.Site is always generator.OpenSite(Dir).
	Dir string
	// Options are the build options. Options.Theme defaults to the embedded theme;
	// Options.BaseURL is replaced by BasePath so that absolute links (404.html,
	// canonical links) point at this server.
	Options generator.Options
	// Addr is the host:port to listen on (DefaultAddr). Port 0 picks a free port.
	Addr string
	// BasePath is the URL path the site is served under: "/" (the default) or a
	// sub-path like "/arch/", to preview a site published under one.
	BasePath string
	// Poll watches for changes by scanning the site every PollInterval
	// (DefaultPollInterval) instead of with file-system notifications.
	Poll         bool
	PollInterval time.Duration
	// Debounce is how long the files must stay quiet before a rebuild starts, so a
	// burst of events (an editor's atomic save, a git checkout) is one rebuild.
	Debounce time.Duration
	// ShutdownTimeout bounds how long Close waits for requests in flight.
	ShutdownTimeout time.Duration
	// Log receives a line per rebuild, the diagnostics when they change, and
	// watcher problems; nil discards them.
	Log io.Writer

	// watchAdd replaces fsnotify's Add, so tests can simulate the inotify limit.
	watchAdd func(w *fsnotify.Watcher, name string) error

	root     string // Dir, absolute
	instance string // distinguishes this run's build ids from another run's
	ln       net.Listener
	loopback bool // listening on a loopback address only: check Host headers
	http     *http.Server
	stop     context.CancelFunc
	closing  chan struct{} // closed when shutting down; ends event streams
	done     chan struct{} // closed when everything has stopped
	wg       sync.WaitGroup
	state    atomic.Pointer[siteState]
	hub      hub
	logMu    sync.Mutex

	// Owned by the goroutine that builds (Open, then the rebuild loop).
	loader   *generator.Loader
	builds   int
	good     *render.LazySite // the last build without errors
	rendered *render.LazySite // the last build that rendered, errors or not
}

// ErrWatchLimit reports that the system's inotify limits are reached.
var ErrWatchLimit = errors.New("the system's limit on watched folders is reached: raise it with " +
	"`sudo sysctl fs.inotify.max_user_watches=524288` (and fs.inotify.max_user_instances if the error " +
	"says too many open files), or poll for changes instead")

// Open binds the listener (so a port in use is an error here), starts watching,
// builds the site once and starts serving and rebuilding in the background. The
// server stops when ctx ends or Close is called.
func (s *Server) Open(ctx context.Context) error {
	if s.ln != nil {
		return errors.New("server: already open")
	}
	if err := s.setDefaults(); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", s.Addr)
	if err != nil {
		if host, port, _ := net.SplitHostPort(s.Addr); errors.Is(err, syscall.EADDRINUSE) {
			return fmt.Errorf("cannot listen on %s: port %s is already in use by another program on %s (%w)", s.Addr, port, host, err)
		}
		return fmt.Errorf("cannot listen on %s: %w", s.Addr, err)
	}
	runCtx, stop := context.WithCancel(ctx)
	changes := make(chan struct{}, 1)
	watch, err := s.startWatching(changes)
	if err != nil {
		stop()
		ln.Close()
		return err
	}
	res := s.build(runCtx)
	if res == nil {
		stop()
		ln.Close()
		watch.close()
		return ctx.Err()
	}
	s.publish(res)
	s.serve(runCtx, stop, ln, watch, changes)
	return nil
}

// serve starts the background work of an open server: serving, watching,
// rebuilding, and shutting down when ctx ends.
func (s *Server) serve(ctx context.Context, stop context.CancelFunc, ln net.Listener, watch watching, changes chan struct{}) {
	s.ln, s.stop = ln, stop
	if addr, ok := ln.Addr().(*net.TCPAddr); ok {
		s.loopback = addr.IP.IsLoopback()
	}
	s.closing, s.done = make(chan struct{}), make(chan struct{})
	s.http = &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second,
		ErrorLog: log.New(logWriter{s}, "", 0)}
	s.wg.Go(func() { s.watchLoop(ctx, watch, changes) })
	s.wg.Go(func() { s.rebuildLoop(ctx, changes) })
	s.wg.Go(func() {
		if err := s.http.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
			s.logf("serving stopped: %v", err)
			stop()
		}
	})
	s.wg.Go(func() {
		<-ctx.Done()
		s.shutdown()
	})
	go func() {
		s.wg.Wait()
		close(s.done)
	}()
}

func (s *Server) setDefaults() error {
	s.Addr = cmpOr(s.Addr, DefaultAddr)
	s.PollInterval = cmpOr(s.PollInterval, DefaultPollInterval)
	s.Debounce = cmpOr(s.Debounce, DefaultDebounce)
	s.ShutdownTimeout = cmpOr(s.ShutdownTimeout, DefaultShutdownTimeout)
	base, err := cleanBasePath(s.BasePath)
	if err != nil {
		return err
	}
	s.BasePath = base
	root, err := filepath.Abs(cmpOr(s.Dir, "."))
	if err != nil {
		return err
	}
	if st, err := os.Stat(root); err != nil || !st.IsDir() {
		return fmt.Errorf("site root %s is not a folder", s.Dir)
	}
	s.root = root
	if s.Options.Site, err = generator.OpenSite(root); err != nil {
		return err
	}
	s.Options.BaseURL = s.BasePath
	if s.Options.Theme == nil {
		s.Options.Theme = themes.Default()
	}
	s.instance = strconv.FormatInt(time.Now().UnixNano(), 36)
	s.loader = generator.NewLoader(s.Options)
	return nil
}

// cleanBasePath returns p with a leading and a trailing slash, or an error when it
// is not a clean URL path.
func cleanBasePath(p string) (string, error) {
	if p == "" || p == "/" {
		return "/", nil
	}
	trimmed := strings.Trim(p, "/")
	if !strings.HasPrefix(p, "/") || path.Clean("/"+trimmed) != "/"+trimmed ||
		strings.ContainsAny(trimmed, "?#\\\x00") {
		return "", fmt.Errorf("base path %q: want a clean URL path like /arch/", p)
	}
	return "/" + trimmed + "/", nil
}

func cmpOr[T comparable](v, def T) T {
	var zero T
	if v == zero {
		return def
	}
	return v
}

// URL returns the address the site is served at, once Open has succeeded.
func (s *Server) URL() string {
	addr, ok := s.ln.Addr().(*net.TCPAddr)
	if !ok {
		return "http://" + s.ln.Addr().String() + s.BasePath
	}
	host := addr.IP.String()
	if addr.IP.IsUnspecified() {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, strconv.Itoa(addr.Port)) + s.BasePath
}

// Done is closed when the server has stopped, after Close, when Open's context
// ends, or when serving fails.
func (s *Server) Done() <-chan struct{} { return s.done }

// Close stops watching and rebuilding, ends the live-reload streams, and shuts the
// HTTP server down, waiting at most ShutdownTimeout for requests in flight.
func (s *Server) Close() error {
	if s.stop == nil {
		return nil
	}
	s.stop()
	<-s.done
	return nil
}

// shutdown ends the event streams (which never end by themselves) and then the
// HTTP server, forcibly once ShutdownTimeout has passed.
func (s *Server) shutdown() {
	close(s.closing)
	ctx, cancel := context.WithTimeout(context.Background(), s.ShutdownTimeout)
	defer cancel()
	if err := s.http.Shutdown(ctx); err != nil {
		s.http.Close()
	}
}

// logf writes one line to Log.
func (s *Server) logf(format string, args ...any) {
	if s.Log == nil {
		return
	}
	s.logMu.Lock()
	defer s.logMu.Unlock()
	fmt.Fprintf(s.Log, format+"\n", args...)
}

// logWriter sends the HTTP server's own messages to Log.
type logWriter struct{ s *Server }

func (w logWriter) Write(p []byte) (int, error) {
	w.s.logf("%s", strings.TrimRight(string(p), "\n"))
	return len(p), nil
}
