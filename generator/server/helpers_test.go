package server

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"archfolio/themes"
)

// eventTimeout bounds every wait for the server in tests. It only keeps a broken
// test from hanging; nothing asserts how long anything took.
const eventTimeout = 30 * time.Second

// siteArchive reads a fixture portfolio kept as a txtar archive under testdata/
// and returns it as path → content, for writeSite. Each call returns a new map.
// It panics on a missing or malformed archive, as a fixture is part of the
// test's source.
func siteArchive(name string) map[string]string {
	path := filepath.Join("testdata", filepath.FromSlash(name))
	a, err := txtar.ParseFile(path)
	if err != nil {
		panic(err)
	}
	files := make(map[string]string, len(a.Files))
	for _, f := range a.Files {
		if _, dup := files[f.Name]; dup {
			panic(path + ": " + f.Name + " appears twice")
		}
		files[f.Name] = string(f.Data)
	}
	if len(files) == 0 {
		panic(path + ": no files")
	}
	return files
}

// writeSite writes path → content files under dir (a leading newline in each
// content is dropped, so tests can use raw string literals).
func writeSite(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		writeSiteFile(t, dir, name, body)
	}
}

func writeSiteFile(t testing.TB, dir, name, body string) {
	t.Helper()
	full := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(full, []byte(strings.TrimPrefix(body, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
}

// saveAtomically saves a file the way gedit and many editors do: write a temporary
// file beside it, then rename it over the original.
func saveAtomically(t testing.TB, dir, name, body string) {
	t.Helper()
	full := filepath.Join(dir, filepath.FromSlash(name))
	tmp := filepath.Join(filepath.Dir(full), ".goutputstream-QX81Z2")
	if err := os.WriteFile(tmp, []byte(strings.TrimPrefix(body, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, full); err != nil {
		t.Fatal(err)
	}
}

// saveLikeVim saves a file the way vim does with its default backup settings:
// probe the folder with a file named 4913, move the original to a backup ending
// in ~, write the new file, delete the backup.
func saveLikeVim(t testing.TB, dir, name, body string) {
	t.Helper()
	full := filepath.Join(dir, filepath.FromSlash(name))
	probe := filepath.Join(filepath.Dir(full), "4913")
	if err := os.WriteFile(probe, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(probe); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(full, full+"~"); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(full, []byte(strings.TrimPrefix(body, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(full + "~"); err != nil {
		t.Fatal(err)
	}
}

// syncBuffer is a log shared with the server's goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// startServer opens a server for the site in dir on 127.0.0.1:0, with today
// pinned; adjust sets further fields. The server is closed when the test ends, and
// its log is shown when the test fails.
func startServer(t testing.TB, dir string, adjust func(*Server)) (*Server, *syncBuffer) {
	t.Helper()
	logs := &syncBuffer{}
	s := &Server{Dir: dir, Addr: "127.0.0.1:0", Log: logs}
	s.Options.Theme = themes.Default()
	s.Options.Today = time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	if adjust != nil {
		adjust(s)
	}
	if err := s.Open(context.Background()); err != nil {
		t.Fatalf("Open: %v\n%s", err, logs)
	}
	t.Cleanup(func() {
		s.Close()
		if t.Failed() {
			t.Logf("server log:\n%s", logs)
		}
	})
	return s, logs
}

// buildNumber returns the sequence number of a build id ("instance.N").
func buildNumber(t testing.TB, id string) int {
	t.Helper()
	_, n, _ := strings.Cut(id, ".")
	i, err := strconv.Atoi(n)
	if err != nil {
		t.Fatalf("build id %q has no number", id)
	}
	return i
}

// eventStream is a live-reload subscription, as the browser script makes it.
type eventStream struct {
	builds chan string
	last   string
}

// subscribe connects to the server's event stream and returns it after the first
// event, which names the build being served.
func subscribe(t testing.TB, s *Server) *eventStream {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, s.URL()+reservedPrefix+"events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		cancel()
		t.Fatalf("event stream Content-Type %q", ct)
	}
	es := &eventStream{builds: make(chan string, 100)}
	done := make(chan struct{})
	go func() {
		defer close(done)
		readEvents(resp.Body, es.builds)
	}()
	t.Cleanup(func() {
		cancel()
		resp.Body.Close()
		<-done
	})
	es.last = es.next(t)
	return es
}

// readEvents sends the data of every "build" event until the stream ends, then
// closes builds.
func readEvents(r io.Reader, builds chan<- string) {
	defer close(builds)
	sc := bufio.NewScanner(r)
	event, data := "", ""
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "":
			if event == "build" {
				builds <- data
			}
			event, data = "", ""
		case strings.HasPrefix(line, "event: "):
			event = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data: "):
			data = strings.TrimPrefix(line, "data: ")
		}
	}
}

// next waits for the next build event and returns its id.
func (es *eventStream) next(t testing.TB) string {
	t.Helper()
	select {
	case id, ok := <-es.builds:
		if !ok {
			t.Fatal("the event stream ended")
		}
		es.last = id
		return id
	case <-time.After(eventTimeout):
		t.Fatalf("no build event after %s", eventTimeout)
	}
	return ""
}

// page is one fetched response.
type page struct {
	status int
	body   string
}

func get(t testing.TB, url string) page {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return page{resp.StatusCode, string(body)}
}

// awaitRebuild waits for reload events until every check holds on the pages it
// names (URL relative to the served site), and returns those pages. A check may
// see an earlier build when a change was split into several rebuilds, so it is
// retried after each new build event.
func awaitRebuild(t testing.TB, s *Server, es *eventStream, checks map[string]func(page) bool) map[string]page {
	t.Helper()
	var pages map[string]page
	for range 20 {
		es.next(t)
		pages = map[string]page{}
		ok := true
		for url, check := range checks {
			pages[url] = get(t, s.URL()+url)
			ok = ok && check(pages[url])
		}
		if ok {
			return pages
		}
	}
	for url, pg := range pages {
		t.Logf("%s: %d\n%s", url, pg.status, pg.body)
	}
	t.Fatalf("pages never reached the expected content")
	return nil
}

// has checks for a 200 page containing every string.
func has(want ...string) func(page) bool {
	return func(p page) bool {
		for _, w := range want {
			if !strings.Contains(p.body, w) {
				return false
			}
		}
		return p.status == http.StatusOK
	}
}

// lacks checks for a 200 page containing none of the strings.
func lacks(unwanted ...string) func(page) bool {
	return func(p page) bool {
		for _, w := range unwanted {
			if strings.Contains(p.body, w) {
				return false
			}
		}
		return p.status == http.StatusOK
	}
}

// missing checks for a 404.
func missing(p page) bool { return p.status == http.StatusNotFound }
