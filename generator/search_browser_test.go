package generator_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"archfolio/generator/search"
	"archfolio/generator/sitetest"
)

// searchResult is one result of the search page, as the reader sees it.
type searchResult struct {
	Href    string   `json:"href"`
	Title   string   `json:"title"`
	Marks   []string `json:"marks"` // highlighted text, title and snippet
	Snippet string   `json:"snippet"`
}

// searchFor types q into the search page's box and waits for its results.
func searchFor(t *testing.T, ctx context.Context, q string) []searchResult {
	t.Helper()
	set := `(function (q) {
  var box = document.getElementById("search-input");
  box.value = q;
  box.dispatchEvent(new Event("input"));
  return true;
})(` + jsString(q) + `)`
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](set)); err != nil {
		t.Fatal(err)
	}
	read := `(function (q) {
  var status = document.getElementById("search-status").textContent;
  if (status.indexOf("for “" + q + "”") < 0) return "";
  var items = document.querySelectorAll("#search-results > li");
  var want = Math.min(10, parseInt(status, 10));
  if (items.length < want) return "";
  return JSON.stringify(Array.prototype.map.call(items, function (li) {
    var a = li.querySelector("a");
    return {href: a.getAttribute("href"), title: a.textContent,
      marks: Array.prototype.map.call(li.querySelectorAll("mark"), function (m) { return m.textContent; }),
      snippet: li.querySelector(".snippet").textContent};
  }));
})(` + jsString(q) + `)`
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		got, err := chromedp.Run(ctx, chromedp.Evaluate[string](read))
		if err != nil {
			t.Fatal(err)
		}
		if got != "" {
			var rs []searchResult
			if err := json.Unmarshal([]byte(got), &rs); err != nil {
				t.Fatal(err)
			}
			return rs
		}
		time.Sleep(50 * time.Millisecond)
	}
	status, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("search-status").textContent`))
	t.Fatalf("no results for %q; status: %q", q, status)
	return nil
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// TestSearchFindsTextIdsAndKeysInChromium builds the sample site, opens its
// search page from disk (file://, where only scripts can load the index) and
// searches as a reader would: by a word only a document's body has, by a
// statement id, a threat id and a JIRA key, by an id half typed and by a
// title. The expected document comes first (or is found) and its result
// marks the match. It also holds search.js's
// tokenizer to Go's, and checks a facet, the arrow keys, / and Enter.
func TestSearchFindsTextIdsAndKeysInChromium(t *testing.T) {
	t.Parallel()
	ctx := newBrowserTab(t, 1366, 900)
	out, diags := renderSite(t, siteOptions(t, ".."))
	if n := diags.Errors(); n > 0 {
		t.Fatalf("%d errors:\n%s", n, sitetest.DiagLines(diags))
	}
	page := "file://" + filepath.ToSlash(filepath.Join(writeSite(t, out), "search", "index.html"))
	if err := chromedp.Do(ctx, chromedp.Navigate(page)); err != nil {
		t.Fatal(err)
	}
	// "Adyen" is in the remediation item's body and not its front matter.
	src, err := os.ReadFile("../content/remediation/rem-pay-settlement-file-integrity.md")
	if err != nil {
		t.Fatal(err)
	}
	_, fm, _ := strings.Cut(string(src), "---\n")
	fm, body, _ := strings.Cut(fm, "\n---\n")
	if strings.Contains(strings.ToLower(fm), "adyen") || !strings.Contains(body, "Adyen") {
		t.Fatal("the sample no longer has Adyen in rem-pay-settlement-file-integrity's body only: pick another word")
	}
	for _, c := range []struct {
		q, want string
		first   bool   // want must be the first result
		mark    string // the text marked in want's result
	}{
		{"Adyen", "remediation/rem-pay-settlement-file-integrity/", false, "Adyen"},
		{"CRY-TLS-1", "standards/crypto-tls/", true, "CRY-TLS-1"},
		{"TM-PAY-2", "threat-models/tm-payments-gateway/", true, "TM-PAY-2"},
		{"SEC-102", "remediation/rem-pay-admin-console-exposure/", true, "SEC-102"},
		{"sec-10", "remediation/rem-pay-admin-console-exposure/", false, "SEC-102"},
		{"payments gateway", "blueprints/payments-gateway/", true, "Payments"},
	} {
		rs := searchFor(t, ctx, c.q)
		found := -1
		for i, r := range rs {
			if strings.HasSuffix(r.Href, c.want) || strings.HasSuffix(r.Href, c.want+"index.html") {
				found = i
				break
			}
		}
		switch {
		case found < 0:
			t.Errorf("%q: %s is not among the results %+v", c.q, c.want, rs)
		case c.first && found != 0:
			t.Errorf("%q: %s is result %d, want the first: %+v", c.q, c.want, found+1, rs)
		case !containsFold(rs[found].Marks, c.mark):
			t.Errorf("%q: %s's result marks %q, want %q (snippet %q)", c.q, c.want, rs[found].Marks, c.mark, rs[found].Snippet)
		}
	}

	// The browser splits a query as Go splits a title into its phrase.
	for _, s := range []string{"CRY-TLS-1: approved suites", "Café ÉCOLE naïve Straße İstanbul ΟΔΟΣ",
		"東京都の決済 한국어 문서 鍵 key", "ac-2.1 and IA_2 trailing- dash -lead the", strings.Repeat("a", 41) + " ok"} {
		want := strings.Fields(search.Phrase(s))
		got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`archfolioSearch.terms(`+jsString(s)+`)`))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("terms of %q: browser %q, Go %q", s, got, want)
		}
	}

	// A kind facet keeps the results of that kind.
	searchFor(t, ctx, "identity")
	click := `(function () {
  var box = document.querySelector("#search-facets fieldset input[type=checkbox]");
  box.click();
  return box.parentNode.textContent.trim().replace(/ \(\d+\)$/, "");
})()`
	label, err := chromedp.Run(ctx, chromedp.Evaluate[string](click))
	if err != nil {
		t.Fatal(err)
	}
	rs := searchFor(t, ctx, "identity") // the same query: waits for the filtered results
	status, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("search-status").textContent`))
	kinds, _ := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.prototype.map.call(document.querySelectorAll("#search-results .kind-tag"), function (k) { return k.textContent.split(" · ")[0]; })`))
	if len(kinds) != len(rs) || len(rs) == 0 || !strings.Contains(status, "before filters") {
		t.Errorf("with the %q facet: %d results, %d kinds, status %q", label, len(rs), len(kinds), status)
	}
	for _, k := range kinds {
		if k != label {
			t.Errorf("with the %q facet a result is a %q", label, k)
		}
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[string](click)); err != nil {
		t.Fatal(err)
	}

	// Keyboard: ↓ from the box to the first result, ↓ to the second, ↑ back.
	searchFor(t, ctx, "identity")
	focused := func() string {
		t.Helper()
		got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.id || document.activeElement.getAttribute("href") || ""`))
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	links, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.prototype.map.call(document.querySelectorAll("#search-results a"), function (a) { return a.getAttribute("href"); })`))
	if err != nil || len(links) < 2 {
		t.Fatalf("results for identity: %v %v", links, err)
	}
	key := func(sel, k string) {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Focus(sel), chromedp.KeyEvent(k)); err != nil {
			t.Fatal(err)
		}
	}
	key("#search-input", kb.ArrowDown)
	if got := focused(); got != links[0] {
		t.Errorf("↓ in the box focuses %q, want the first result %q", got, links[0])
	}
	key("#search-results li:first-child a", kb.ArrowDown)
	if got := focused(); got != links[1] {
		t.Errorf("↓ on the first result focuses %q, want the second %q", got, links[1])
	}
	key("#search-results li:first-child a", kb.ArrowUp)
	if got := focused(); got != "search-input" {
		t.Errorf("↑ on the first result focuses %q, want the box", got)
	}
	// "/" anywhere else comes back to the box; Enter in it opens the first result.
	// (A key event chromedp sends types its character apart from the keydown,
	// so the keydown that site.js handles is sent from the page.)
	slash := `(function () {
  var a = document.querySelector("#search-results li:nth-child(2) a");
  a.focus();
  return a.dispatchEvent(new KeyboardEvent("keydown", {key: "/", bubbles: true, cancelable: true}));
})()`
	if notCancelled, err := chromedp.Run(ctx, chromedp.Evaluate[bool](slash)); err != nil || notCancelled {
		t.Errorf("site.js lets / through (%v)", err)
	}
	if got := focused(); got != "search-input" {
		t.Errorf("/ focuses %q, want the box", got)
	}
	key("#search-input", kb.Enter)
	deadline := time.Now().Add(10 * time.Second)
	for {
		loc, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.href`))
		if err == nil && strings.HasSuffix(loc, strings.TrimPrefix(links[0], "..")) {
			break
		}
		if time.Now().After(deadline) {
			t.Errorf("Enter in the box went to %q, want the first result %q", loc, links[0])
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// firstQueryBudget is the most a first query may download from the search
// index (assets/search/), in bytes, at 10,000 documents (issue 16).
const firstQueryBudget = 300 << 10

// TestSearchFirstQueryBytesInChromium measures what a first query downloads:
// for each query, a new tab opens the search page, types it and waits for
// its results, and the files the page loaded (its scripts, style sheets and
// icon) are added up from disk. The site is the sample, or the built site in
// ARCHFOLIO_SEARCH_SITE (a 10,000-document one from archfolio-gen, say) with
// ARCHFOLIO_SEARCH_QUERIES (queries separated by |) for it.
func TestSearchFirstQueryBytesInChromium(t *testing.T) {
	t.Parallel()
	ctx := newBrowserTab(t, 1366, 900)
	dir := os.Getenv("ARCHFOLIO_SEARCH_SITE")
	queries := []string{"Adyen", "CRY-TLS-1", "identity", "pa", "payments gateway", "token sign-in"}
	if dir == "" {
		out, _ := sharedRender(t, "..")
		dir = writeSite(t, out)
	} else if q := os.Getenv("ARCHFOLIO_SEARCH_QUERIES"); q != "" {
		queries = strings.Split(q, "|")
	}
	dir, _ = filepath.Abs(dir)
	page := "file://" + filepath.ToSlash(filepath.Join(dir, "search", "index.html"))
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil { // starts the browser
		t.Fatal(err)
	}
	for _, q := range queries {
		tab, cancel := chromedp.NewContext(ctx)
		if err := chromedp.Do(tab, chromedp.Navigate(page)); err != nil {
			t.Fatal(err)
		}
		rs := searchFor(t, tab, q)
		// Resource Timing leaves file: URLs out; every script search.js
		// loads stays in the page.
		files, err := chromedp.Run(tab, chromedp.Evaluate[[]string](`Array.prototype.map.call(document.querySelectorAll("script[src], link[rel=stylesheet], link[rel=icon]"), function (e) { return e.src || e.href; })`))
		cancel()
		if err != nil {
			t.Fatal(err)
		}
		var index, all int64
		var shards, docs int
		for _, f := range append(files, page) {
			path := strings.TrimPrefix(strings.SplitN(f, "?", 2)[0], "file://")
			info, err := os.Stat(filepath.FromSlash(path))
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			all += info.Size()
			if rel, ok := strings.CutPrefix(path, filepath.ToSlash(dir)+"/"+search.Dir); ok {
				index += info.Size()
				shards += btoi(strings.HasPrefix(rel, "t/"))
				docs += btoi(strings.HasPrefix(rel, "d/"))
			}
		}
		t.Logf("%q: %d results shown; index %d bytes (%d shards, %d documents), with the page and its assets %d bytes",
			q, len(rs), index, shards, docs, all)
		if index > firstQueryBudget {
			t.Errorf("%q downloads %d bytes of the index, over %d", q, index, firstQueryBudget)
		}
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
