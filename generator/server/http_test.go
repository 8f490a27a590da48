package server

import (
	"bufio"
	"net"
	"net/http"
	"strings"
	"testing"
)

// rawGet sends a request line as written, without the client cleaning the path,
// and returns the status code.
func rawGet(t *testing.T, s *Server, target string) int {
	return rawRequest(t, s, target, "localhost")
}

func rawRequest(t *testing.T, s *Server, target, host string) int {
	t.Helper()
	conn, err := net.Dial("tcp", s.ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.Write([]byte("GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

func TestServeOnlyFilesOfTheSite(t *testing.T) {
	t.Parallel()
	dir := newSite(t)
	writeSiteFile(t, dir, "public/secret.txt", "from an earlier build\n")
	s, _ := startServer(t, dir, nil)
	for _, target := range []string{
		"/../archfolio.yaml",
		"/%2e%2e/archfolio.yaml",
		"/blueprints/../../content/blueprints/alpha.md",
		"/blueprints/%2e%2e/%2e%2e/archfolio.yaml",
		"/..%2farchfolio.yaml",
		"/..%5carchfolio.yaml",
		"/archfolio.yaml",
		"/content/blueprints/alpha.md",
		"/public/secret.txt",
		"/secret.txt",
		"//etc/passwd",
		"/blueprints//alpha/",
		"/blueprints/alpha/%00",
	} {
		if code := rawGet(t, s, target); code != http.StatusNotFound && code != http.StatusBadRequest {
			t.Errorf("GET %s: %d, want 404 or 400", target, code)
		}
	}
	for target, want := range map[string]int{
		"/":                      http.StatusOK,
		"/blueprints/alpha/":     http.StatusOK,
		"/assets/style.css":      http.StatusOK,
		"/portfolio.json":        http.StatusOK,
		"/__archfolio/live.js":   http.StatusOK,
		"/blueprints/alpha/?x=1": http.StatusOK,
		"/blueprints/not-there/": http.StatusNotFound,
		"/__archfolio/elsewhere": http.StatusNotFound,
	} {
		if code := rawGet(t, s, target); code != want {
			t.Errorf("GET %s: %d, want %d", target, code, want)
		}
	}
}

func TestServeNotFoundIsTheSites404(t *testing.T) {
	t.Parallel()
	s, _ := startServer(t, newSite(t), nil)
	pg := get(t, s.URL()+"no/such/page/")
	if !strings.Contains(pg.body, "Page not found") || !strings.Contains(pg.body, "__archfolio/live.js") || pg.status != http.StatusNotFound {
		t.Errorf("missing page: %d\n%s", pg.status, pg.body)
	}
}

func TestServeRedirectsFoldersToTheirSlash(t *testing.T) {
	t.Parallel()
	s, _ := startServer(t, newSite(t), nil)
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(s.URL() + "blueprints/alpha?x=1")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if loc := resp.Header.Get("Location"); resp.StatusCode != http.StatusFound || loc != "/blueprints/alpha/?x=1" {
		t.Errorf("folder without slash: %d to %q", resp.StatusCode, loc)
	}
}

func TestServeContentTypes(t *testing.T) {
	t.Parallel()
	s, _ := startServer(t, newSite(t), nil)
	for url, want := range map[string]string{
		"":                    "text/html; charset=utf-8",
		"assets/style.css":    "text/css; charset=utf-8",
		"assets/site.js":      "text/javascript; charset=utf-8",
		"portfolio.json":      "application/json",
		"__archfolio/live.js": "text/javascript; charset=utf-8",
	} {
		resp, err := http.Get(s.URL() + url)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if got := resp.Header.Get("Content-Type"); got != want {
			t.Errorf("/%s: Content-Type %q, want %q", url, got, want)
		}
	}
	if pg := get(t, s.URL()+"assets/style.css"); strings.Contains(pg.body, reservedPrefix) {
		t.Error("the live-reload script was injected into a stylesheet")
	}
}

func TestServeUnderBasePath(t *testing.T) {
	t.Parallel()
	dir := newSite(t)
	s, _ := startServer(t, dir, func(s *Server) { s.BasePath = "/arch/" })
	if !strings.HasSuffix(s.URL(), "/arch/") {
		t.Fatalf("URL %s does not end in the base path", s.URL())
	}
	root := strings.TrimSuffix(s.URL(), "arch/")
	if pg := get(t, root+"arch/blueprints/beta/"); !has("Alpha gateway", `src="/arch/__archfolio/live.js"`, `data-events="/arch/__archfolio/events"`)(pg) {
		t.Errorf("page under the base path:\n%s", pg.body)
	}
	if pg := get(t, root+"blueprints/beta/"); pg.status != http.StatusNotFound {
		t.Errorf("page outside the base path: %d", pg.status)
	}
	if pg := get(t, root+"arch/nowhere/"); pg.status != http.StatusNotFound || !strings.Contains(pg.body, `href="/arch/search/"`) {
		t.Errorf("404 under the base path does not link into it:\n%s", pg.body)
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for _, from := range []string{"", "arch"} {
		resp, err := client.Get(root + from)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if loc := resp.Header.Get("Location"); loc != "/arch/" {
			t.Errorf("/%s redirects to %q, want /arch/", from, loc)
		}
	}
	es := subscribe(t, s) // the stream lives under the base path
	writeSiteFile(t, dir, "content/blueprints/beta.md", "---\nkind: blueprint\ntitle: Beta moved\n---\n")
	awaitRebuild(t, s, es, map[string]func(page) bool{"blueprints/beta/": has("Beta moved")})
}

func TestCleanBasePath(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{"": "/", "/": "/", "/arch": "/arch/", "/arch/": "/arch/", "/a/b/": "/a/b/"} {
		if got, err := cleanBasePath(in); err != nil || got != want {
			t.Errorf("cleanBasePath(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"arch/", "/a/../b/", "/a//b/", "/a?b/", "/a\\b/"} {
		if got, err := cleanBasePath(bad); err == nil {
			t.Errorf("cleanBasePath(%q) = %q, want an error", bad, got)
		}
	}
}

func TestInject(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ page, want string }{
		{"<html><body>x</body></html>", "<html><body>x[S]</body></html>"},
		{"<HTML><BODY>x</BODY></HTML>", "<HTML><BODY>x[S]</BODY></HTML>"},
		{"<p>no body</p>", "<p>no body</p>[S]"},
		{"<body>a</body> <body>b</body>", "<body>a</body> <body>b[S]</body>"},
	} {
		page := []byte(tc.page)
		if got := string(inject(page, []byte("[S]"))); got != tc.want {
			t.Errorf("inject(%q) = %q, want %q", tc.page, got, tc.want)
		}
		if string(page) != tc.page {
			t.Errorf("inject modified the page %q", tc.page)
		}
	}
}

func TestServeAnswersOnlyToLocalHostNames(t *testing.T) {
	t.Parallel()
	s, _ := startServer(t, newSite(t), nil)
	for host, want := range map[string]int{
		"localhost":                  http.StatusOK,
		"localhost:1313":             http.StatusOK,
		"127.0.0.1:1313":             http.StatusOK,
		"[::1]:1313":                 http.StatusOK,
		"portfolio.localhost:1313":   http.StatusOK,
		"attacker.example":           http.StatusMisdirectedRequest,
		"attacker.example:1313":      http.StatusMisdirectedRequest,
		"localhost.attacker.example": http.StatusMisdirectedRequest,
		"10.0.0.8:1313":              http.StatusMisdirectedRequest,
	} {
		if code := rawRequest(t, s, "/", host); code != want {
			t.Errorf("Host %s: %d, want %d", host, code, want)
		}
	}
}
