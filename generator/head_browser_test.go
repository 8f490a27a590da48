package generator_test

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
)

// requestLog records the path and status of every request a server answers.
type requestLog struct {
	mu   sync.Mutex
	seen []string // "status path"
	icon chan struct{}
}

func (l *requestLog) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		h.ServeHTTP(sw, r)
		l.mu.Lock()
		l.seen = append(l.seen, http.StatusText(sw.status)+" "+r.URL.Path)
		l.mu.Unlock()
		if strings.Contains(r.URL.Path, "favicon") {
			select {
			case l.icon <- struct{}{}:
			default:
			}
		}
	})
}

func (l *requestLog) take() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	s := l.seen
	l.seen = nil
	return s
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

// TestPagesRequestNoMissingFileInChromium serves the minimal portfolio, built
// under --base-url /arch/, from /arch/ as a web server would (404.html for a
// missing page) and opens pages in headless Chromium: each asks for its
// favicon, and every file a page asks for is there.
func TestPagesRequestNoMissingFileInChromium(t *testing.T) {
	t.Parallel()
	ctx := newBrowserTab(t, 1366, 800)
	opts := siteOptions(t, "../examples/minimal")
	opts.BaseURL = "/arch/"
	out, _ := renderSite(t, opts)
	dir := writeSite(t, out)
	files := http.StripPrefix("/arch", http.FileServer(http.Dir(dir)))
	log := &requestLog{icon: make(chan struct{}, 1)}
	srv := httptest.NewServer(log.wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(r.URL.Path, "/arch/")))
		if strings.HasSuffix(name, "/") || !strings.Contains(filepath.Base(name), ".") {
			name = filepath.Join(name, "index.html")
		}
		if _, err := os.Stat(name); err != nil && strings.HasPrefix(r.URL.Path, "/arch/") && !strings.Contains(r.URL.Path, "favicon") {
			page, _ := os.ReadFile(filepath.Join(dir, "404.html"))
			w.WriteHeader(http.StatusNotFound)
			_, _ = w.Write(page)
			return
		}
		files.ServeHTTP(w, r)
	})))
	t.Cleanup(srv.Close)

	if err := chromedp.Do(ctx); err != nil { // starts the browser
		t.Fatal(err)
	}
	for _, page := range []string{"", "blueprints/web-app/", "no-such-page/"} {
		// A fresh browser context each time, which has no icon cached.
		tab, cancel := chromedp.NewContext(ctx, chromedp.WithNewBrowserContext())
		if err := chromedp.Do(tab, chromedp.Navigate(srv.URL+"/arch/"+page)); err != nil {
			t.Fatalf("opening /arch/%s: %v", page, err)
		}
		select { // the browser asks for the icon once the page has loaded
		case <-log.icon:
		case <-ctx.Done():
			t.Fatalf("/arch/%s: no favicon requested: %v", page, ctx.Err())
		}
		cancel()
		for _, req := range log.take() {
			if !strings.HasPrefix(req, "OK ") && req != "Not Found /arch/no-such-page/" {
				t.Errorf("/arch/%s: %s", page, req)
			}
		}
	}
}
