package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// lockedBuffer is a stderr shared with the server's goroutines.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func serveTestSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	full := filepath.Join(dir, "content", "alpha.md")
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(full, []byte("---\nkind: blueprint\ntitle: Alpha\n---\nBody.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// startServe runs archfolio serve with args in the background until the test
// ends and returns the URL it prints, its stderr, a cancel (Ctrl-C) and its
// exit code, once it ends.
func startServe(t *testing.T, args ...string) (url string, stderr *lockedBuffer, cancel func(), code <-chan int) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	outR, outW := io.Pipe()
	stderr = &lockedBuffer{}
	exit := make(chan int, 1)
	go func() {
		exit <- run(ctx, append([]string{"serve", "--port", "0"}, args...), outW, stderr)
		outW.Close()
	}()
	line, err := bufio.NewReader(outR).ReadString('\n')
	if err != nil {
		t.Fatalf("no line on stdout: %v\nstderr:\n%s", err, stderr)
	}
	i := strings.Index(line, "http://127.0.0.1:")
	if i < 0 {
		t.Fatalf("stdout does not name the URL: %q", line)
	}
	return strings.Fields(line[i:])[0], stderr, cancel, exit
}

func TestServeCommandServesUntilInterrupted(t *testing.T) {
	t.Parallel()
	dir := serveTestSite(t)
	url, stderr, cancel, code := startServe(t, "-s", dir, "--today", "2026-11-27", "--base-url", "https://intranet.example/arch/")
	if !strings.HasSuffix(url, "/arch/") {
		t.Errorf("URL %s is not under the base URL's path", url)
	}
	resp, err := http.Get(url + "blueprints/alpha/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("GET the page: %d", resp.StatusCode)
	}
	cancel() // what Ctrl-C does through main's signal context
	if c := <-code; c != exitOK {
		t.Errorf("exit %d after the interrupt, want 0\n%s", c, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
		t.Error("serve wrote the output folder")
	}
}

func TestServeCommandPortInUse(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"serve", "-s", serveTestSite(t), "--port", port}, &stdout, &stderr)
	if code != exitProblems || !strings.Contains(stderr.String(), "already in use") || !strings.Contains(stderr.String(), "--port 0") {
		t.Errorf("port in use: exit %d\n%s", code, stderr.String())
	}
}

func TestServeCommandBadUsage(t *testing.T) {
	t.Parallel()
	dir := serveTestSite(t)
	for _, args := range [][]string{
		{"serve", "-s", dir, "--port", "70000"},
		{"serve", "-s", dir, "--base-url", "ftp://example.com/x/"},
		{"serve", "-s", dir, "--base-url", "arch/"},
		{"serve", "-s", dir, "--base-url", "/a/../b/"},
		{"serve", "-s", dir, "--base-url", "https://x.example//a/"},
		{"serve", "-s", dir, "--poll-interval", "0s"},
		{"serve", "-s", dir, "--today", "tomorrow"},
		{"serve", "-s", filepath.Join(dir, "nope")},
		{"serve", "-s", dir, "extra"},
	} {
		var stdout, stderr bytes.Buffer
		if code := run(context.Background(), args, &stdout, &stderr); code != exitUsage {
			t.Errorf("%v: exit %d, want %d\n%s", args, code, exitUsage, stderr.String())
		}
	}
}

func TestBasePath(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"":                               "/",
		"https://intranet.example/arch/": "/arch/",
		"https://intranet.example/arch":  "/arch/",
		"https://intranet.example":       "/",
		"http://localhost:8080/a/b/":     "/a/b/",
		"/docs":                          "/docs/",
	} {
		if got, err := basePath(in); err != nil || got != want {
			t.Errorf("basePath(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}

func TestUsageNamesServe(t *testing.T) {
	t.Parallel()
	// -h prints the usage on stderr; help, which the user asked for, on stdout.
	for _, arg := range []string{"-h", "help"} {
		var stdout, stderr bytes.Buffer
		run(context.Background(), []string{arg}, &stdout, &stderr)
		out := stderr.String()
		if arg == "help" {
			out = stdout.String()
		}
		if !strings.Contains(out, "archfolio serve  [-s SITE] [--bind 127.0.0.1] [--port 1313]") {
			t.Errorf("usage (%s) lacks serve:\n%s", arg, out)
		}
	}
}
