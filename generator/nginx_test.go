package generator_test

import (
	"bytes"
	"fmt"
	"io"
	"maps"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"golang.org/x/net/html"
)

// TestSubPathSiteUnderNginx builds the sample portfolio under --base-url /arch/,
// serves it with a real nginx (started by the test, on a loopback port, with a
// configuration of its own) from /arch/ and crawls it: every link, script,
// style sheet, image and url() in a style sheet that points into the site
// answers 200, and nothing a page loads comes from another host. A crawl of
// the HTML cannot see what scripts fetch (search shards, the dependency
// export), so key pages are also opened in Chromium, which reports every
// request they make.
func TestSubPathSiteUnderNginx(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("starts nginx and a browser")
	}
	nginx := findNginx(t)
	opts := siteOptions(t, "..")
	opts.BaseURL = "/arch/"
	out, _ := renderSite(t, opts)
	root := serveWithNginx(t, nginx, writeSite(t, out))

	c := crawl(t, root)
	for _, bad := range c.broken {
		t.Error(bad)
	}
	if len(c.pages) < 100 {
		t.Fatalf("crawled only %d pages from %s", len(c.pages), root)
	}
	// Every page the build wrote is reachable by following links.
	for _, name := range out.Names() {
		if !strings.HasSuffix(name, "index.html") {
			continue
		}
		u := root + strings.TrimSuffix(name, "index.html")
		if _, ok := c.pages[u]; !ok {
			t.Errorf("%s: no link leads to it", u)
		}
	}

	// What pages fetch when their scripts run.
	ctx := newBrowserTab(t, 1366, 900)
	if err := chromedp.Do(ctx); err != nil { // opens the tab, so that nothing is missed
		t.Fatal(err)
	}
	var mu sync.Mutex
	urls := map[network.RequestID]string{}
	outcome := map[string]string{} // URL → why it failed, "" once it answered 200 (or 304 from the cache)
	err := chromedp.Listen(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			if !strings.HasPrefix(ev.Request.URL, "data:") {
				urls[ev.RequestID] = ev.Request.URL
				if _, seen := outcome[ev.Request.URL]; !seen {
					outcome[ev.Request.URL] = "no answer"
				}
			}
		case *network.EventResponseReceived:
			if u, ok := urls[ev.RequestID]; ok {
				outcome[u] = ""
				if ev.Response.Status != http.StatusOK && ev.Response.Status != http.StatusNotModified {
					outcome[u] = fmt.Sprintf("status %d", ev.Response.Status)
				}
			}
		case *network.EventLoadingFailed:
			// A request the page cancels itself (a search superseded by the next) is no error.
			if u, ok := urls[ev.RequestID]; ok && !ev.Canceled {
				outcome[u] = "failed: " + ev.ErrorText
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, page := range []string{"", "matrix/", "dependencies/", "roadmap/", "risks/", "blueprints/payments-gateway/"} {
		if err := chromedp.Do(ctx, chromedp.Navigate(root+page), chromedp.WaitReady("body")); err != nil {
			t.Fatalf("%s%s: %v", root, page, err)
		}
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(root+"search/?q=adyen")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[int](`document.querySelectorAll("#search-results li a").length`,
		chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		t.Fatalf("search for adyen under nginx: %v", err)
	}
	if err := chromedp.Do(ctx, chromedp.Sleep(300*time.Millisecond)); err != nil { // the last answers arrive
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(outcome) < 10 {
		t.Fatalf("Chromium reported only %d requests: %v", len(outcome), outcome)
	}
	for _, u := range slices.Sorted(maps.Keys(outcome)) {
		switch {
		case !strings.HasPrefix(u, root):
			t.Errorf("a page requested %s, outside the site at %s", u, root)
		case outcome[u] == "no answer" && hasKey(c.referrer, u):
			// The browser fetches the favicon itself, out of the page's sight;
			// the crawl has fetched it.
		case outcome[u] != "":
			t.Errorf("%s: %s", u, outcome[u])
		}
	}
}

func hasKey[V any](m map[string]V, k string) bool {
	_, ok := m[k]
	return ok
}

// findNginx returns Debian's nginx, or skips the test (fails it when
// ARCHFOLIO_REQUIRE_NGINX=1, as .ci/run sets).
func findNginx(t *testing.T) string {
	t.Helper()
	for _, p := range []string{"nginx", "/usr/sbin/nginx"} {
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	const why = "no nginx (install Debian's nginx)"
	if os.Getenv("ARCHFOLIO_REQUIRE_NGINX") == "1" {
		t.Fatalf("nginx required (ARCHFOLIO_REQUIRE_NGINX=1) but: %s", why)
	}
	t.Skip(why)
	return ""
}

// serveWithNginx starts nginx in the foreground with a configuration that
// serves dir at /arch/ on a free loopback port, with the site's 404 page for
// missing files, and returns the site's root URL. Its logs and temporary files
// stay in a temporary folder; it stops when the test ends.
func serveWithNginx(t *testing.T, nginx, dir string) string {
	t.Helper()
	prefix := t.TempDir()
	for attempt := 0; ; attempt++ {
		port := freePort(t)
		conf := filepath.Join(prefix, "nginx.conf")
		temps := ""
		for _, kind := range []string{"client_body", "proxy", "fastcgi", "uwsgi", "scgi"} {
			temps += fmt.Sprintf("  %s_temp_path %s;\n", kind, filepath.Join(prefix, kind))
		}
		// Run as root (in CI), nginx's workers would become nobody, who cannot
		// read the test's private temporary folders.
		user := ""
		if os.Geteuid() == 0 {
			user = "user root;"
		}
		err := os.WriteFile(conf, fmt.Appendf(nil, `daemon off;
%[5]s
pid %[1]s/nginx.pid;
error_log %[1]s/error.log warn;
events { worker_connections 64; }
http {
  types {
    text/html html; text/css css; text/javascript js; application/json json;
    image/svg+xml svg; image/png png; image/jpeg jpg jpeg; application/xml xml;
    text/plain txt; text/csv csv; application/pdf pdf; application/x-ndjson ndjson;
  }
  default_type application/octet-stream;
  access_log %[1]s/access.log;
%[2]s
  server {
    listen 127.0.0.1:%[3]d;
    location /arch/ {
      alias %[4]s/;
      index index.html;
      error_page 404 /arch/404.html;
    }
  }
}
`, prefix, temps, port, dir, user), 0o644)
		if err != nil {
			t.Fatal(err)
		}
		var stderr bytes.Buffer
		cmd := exec.Command(nginx, "-p", prefix, "-c", conf, "-e", filepath.Join(prefix, "startup.log"))
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		root := fmt.Sprintf("http://127.0.0.1:%d/arch/", port)
		if waitUp(root, done) {
			t.Cleanup(func() {
				_ = cmd.Process.Kill()
				<-done
			})
			return root
		}
		_ = cmd.Process.Kill()
		log, _ := os.ReadFile(filepath.Join(prefix, "error.log"))
		if attempt == 2 {
			t.Fatalf("nginx did not start: %s%s", stderr.String(), log)
		}
	}
}

// freePort returns a loopback port nothing listened on a moment ago.
func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// waitUp waits until root answers, or nginx exits, or ten seconds pass.
func waitUp(root string, exited <-chan error) bool {
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case <-exited:
			return false
		default:
		}
		if resp, err := http.Get(root); err == nil {
			resp.Body.Close()
			return true
		}
		time.Sleep(50 * time.Millisecond)
	}
	return false
}

// crawled is what a crawl found: the pages it read, every broken reference,
// and for each address a page that referred to it.
type crawled struct {
	pages    map[string]bool
	broken   []string
	referrer map[string]string
}

// cssURL finds url(...) references in a style sheet or style attribute.
var cssURL = regexp.MustCompile(`url\(\s*['"]?([^'")]+)['"]?\s*\)`)

// crawl follows every reference from root that stays under it, fetching each
// once: HTML pages are parsed for more, style sheets for url(). A reference
// that leaves the host is an error when the browser would load it (a script,
// style sheet, image or frame) and is not followed when it is a link.
func crawl(t *testing.T, root string) *crawled {
	t.Helper()
	base, _ := url.Parse(root)
	c := &crawled{pages: map[string]bool{}, referrer: map[string]string{root: ""}}
	queue := []string{root}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		resp, err := client.Get(u)
		if err != nil {
			c.broken = append(c.broken, fmt.Sprintf("%s: %v", u, err))
			continue
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			c.broken = append(c.broken, fmt.Sprintf("%s: status %d (linked from %s)", u, resp.StatusCode, c.referrer[u]))
			continue
		}
		var refs []ref
		switch ct := resp.Header.Get("Content-Type"); {
		case strings.HasPrefix(ct, "text/html"):
			c.pages[u] = true
			refs = htmlRefs(body)
		case strings.HasPrefix(ct, "text/css"):
			for _, m := range cssURL.FindAllSubmatch(body, -1) {
				refs = append(refs, ref{string(m[1]), true})
			}
		}
		page, _ := url.Parse(u)
		for _, r := range refs {
			target, err := page.Parse(r.url)
			if err != nil {
				c.broken = append(c.broken, fmt.Sprintf("%s: unparsable reference %q", u, r.url))
				continue
			}
			if target.Scheme == "mailto" || target.Scheme == "data" || target.Scheme == "tel" {
				continue
			}
			target.Fragment = ""
			if target.Host != base.Host {
				if r.loaded {
					c.broken = append(c.broken, fmt.Sprintf("%s loads %s from another host", u, target))
				}
				continue
			}
			if !strings.HasPrefix(target.Path, base.Path) {
				c.broken = append(c.broken, fmt.Sprintf("%s: %s is outside the base path %s", u, target, base.Path))
				continue
			}
			if s := target.String(); !hasKey(c.referrer, s) {
				c.referrer[s] = u
				queue = append(queue, s)
			}
		}
	}
	return c
}

// ref is one reference in a page; loaded when the browser fetches it to show
// the page rather than when a reader follows it.
type ref struct {
	url    string
	loaded bool
}

// htmlRefs returns the references of an HTML page: links, scripts, style
// sheets, images (src and srcset), frames, forms and url() in style attributes.
func htmlRefs(page []byte) []ref {
	var refs []ref
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return refs
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			for _, a := range tok.Attr {
				switch {
				case a.Key == "href" && tok.Data == "a":
					refs = append(refs, ref{a.Val, false})
				case a.Key == "href" && tok.Data == "link":
					refs = append(refs, ref{a.Val, !slices.Contains(strings.Fields(attr(tok, "rel")), "canonical")})
				case a.Key == "src" || a.Key == "data" && tok.Data == "object":
					refs = append(refs, ref{a.Val, true})
				case a.Key == "srcset":
					for _, part := range strings.Split(a.Val, ",") {
						if f := strings.Fields(part); len(f) > 0 {
							refs = append(refs, ref{f[0], true})
						}
					}
				case a.Key == "action" && tok.Data == "form":
					refs = append(refs, ref{a.Val, false})
				case a.Key == "style":
					for _, m := range cssURL.FindAllStringSubmatch(a.Val, -1) {
						refs = append(refs, ref{m[1], true})
					}
				}
			}
		}
	}
}

func attr(tok html.Token, key string) string {
	for _, a := range tok.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
