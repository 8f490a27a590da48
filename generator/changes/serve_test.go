package changes_test

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"archfolio/generator/changes"
	"archfolio/generator/server"
	"archfolio/themes"
)

// TestServeReadsTheRevisionOnce: the dev server's Changes page follows every
// save, and the revision's side is read from git once, not on every save.
func TestServeReadsTheRevisionOnce(t *testing.T) {
	t.Parallel()
	dir := quarter(t)
	src := changes.NewSource(dir, "")
	s := &server.Server{Dir: dir, Addr: "127.0.0.1:0", Log: io.Discard}
	s.Options.Theme = themes.Default()
	s.Options.Today = time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	s.Options.Changes = src.Attach
	if err := s.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	await := func(want string) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for {
			resp, err := http.Get(s.URL() + "changes/")
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if strings.Contains(string(body), want) {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("the Changes page never said %q:\n%s", want, body)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	await("4 changes for the worse.")
	// Claims core records that it implements access logging: one change fewer
	// for the worse, and the cell moves to what improved.
	path := filepath.Join(dir, "content", "blueprints", "claims-core.md")
	src0, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(src0), "lifecycle: active\n", "lifecycle: active\ncompliance:\n  - {standard: access-logging, status: implemented, assessed: 2026-11-20}\n", 1)
	if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	await("3 changes for the worse.")
	await("Alignment that improved or changed (1)")
	if n := src.Reads(); n != 1 {
		t.Errorf("q2 was read from git %d times, want once", n)
	}
}
