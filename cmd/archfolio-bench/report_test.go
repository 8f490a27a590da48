package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestMedianAndPeak(t *testing.T) {
	t.Parallel()
	ss := []sample{{wall: 3 * time.Second, rss: 5}, {wall: 1 * time.Second, rss: 9}, {wall: 2 * time.Second, rss: 7}}
	if got := median(ss, wallOf); got != 2*time.Second {
		t.Errorf("median of 3, 1, 2 = %v", got)
	}
	if got := median(ss[:2], wallOf); got != 2*time.Second {
		t.Errorf("median of 3, 1 = %v", got)
	}
	if got := peak(ss); got != 9 {
		t.Errorf("peak = %d", got)
	}
}

func TestPrintSizeRatios(t *testing.T) {
	t.Parallel()
	var w bytes.Buffer
	printSize(&w, 10, map[string]*result{
		"archfolio": {samples: []sample{{wall: 4 * time.Second, cpu: 6 * time.Second, rss: 1 << 30}}},
		"kept":      {samples: []sample{{wall: 2 * time.Second, cpu: 3 * time.Second, rss: 1 << 30}}},
		"hugo":      {samples: []sample{{wall: 8 * time.Second, cpu: 12 * time.Second, rss: 2 << 30}}},
	}, "0.5")
	out := w.String()
	for _, want := range []string{"archfolio/hugo   wall 0.50  cpu 0.50  rss 0.50  (run by run, wall: median 0.50 of 0.50)",
		"kept/hugo   wall 0.25  cpu 0.25  rss 0.50  (run by run, wall: median 0.25 of 0.25)", "1024 MiB"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestBodySkipsFrontMatter(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"---\nkind: guide\n---\n# Hi\n": "# Hi\n",
		"# No front matter\n":           "# No front matter\n",
		"---\nunclosed\n":               "---\nunclosed\n",
	} {
		if got := string(body([]byte(in))); got != want {
			t.Errorf("body(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEveryRunWritesToAFreshFolderRemovedAtTheEnd(t *testing.T) {
	t.Parallel()
	parent := filepath.Join(t.TempDir(), "out")
	var o outputs
	a, err := o.fresh(parent, "archfolio")
	if err != nil {
		t.Fatal(err)
	}
	b, err := o.fresh(parent, "archfolio")
	if err != nil {
		t.Fatal(err)
	}
	if a == b {
		t.Fatalf("two runs share the output folder %s", a)
	}
	for _, dir := range []string{a, b} {
		if _, err := os.Stat(dir); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s exists before the run (err %v): the tool would replace it, deleting files", dir, err)
		}
		if err := os.MkdirAll(dir, 0o755); err != nil { // what the run does
			t.Fatal(err)
		}
	}
	if err := o.removeAll(); err != nil {
		t.Fatal(err)
	}
	left, err := os.ReadDir(parent)
	if err != nil {
		t.Fatal(err)
	}
	if len(left) != 0 {
		t.Errorf("removeAll left %d folders in %s", len(left), parent)
	}
}

func TestPrintGrowthOverTheFloor(t *testing.T) {
	t.Parallel()
	res := func(wall, cpu time.Duration) *result {
		return &result{samples: []sample{{wall: wall, cpu: cpu}}}
	}
	var w bytes.Buffer
	printGrowth(&w, []int{1000, 10000}, []map[string]*result{
		{"archfolio": res(time.Second, 2*time.Second), "floor": res(time.Second, 2*time.Second)},
		{"archfolio": res(11*time.Second, 24*time.Second), "floor": res(10*time.Second, 16*time.Second)},
	})
	out := w.String()
	for _, want := range []string{"archfolio  wall ×11.00  cpu ×12.00  (round by round, wall: median 11.00 of 11.00; cpu: median 12.00 of 12.00)",
		"floor      wall ×10.00  cpu ×8.00",
		"archfolio over the floor: wall ×1.10  cpu ×1.50"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestPairedRatiosFollowTheRunOrder(t *testing.T) {
	t.Parallel()
	walls := func(ds ...time.Duration) []sample {
		var ss []sample
		for _, d := range ds {
			ss = append(ss, sample{wall: d})
		}
		return ss
	}
	a := walls(6*time.Second, 9*time.Second, 7*time.Second)
	o := walls(5*time.Second, 6*time.Second, 7*time.Second) // the host slowed down, then sped up
	if got, want := pairedRatios(a, o, wallOf), "median 1.20 of 1.20 1.50 1.00"; got != want {
		t.Errorf("pairedRatios = %q, want %q", got, want)
	}
	if got, want := pairedRatios(a[:2], o[:2], wallOf), "median 1.35 of 1.20 1.50"; got != want {
		t.Errorf("pairedRatios of two = %q, want %q", got, want)
	}
}

// Every round runs every size's jobs in turn, after one untimed round: the growth
// between sizes is then measured in the same stretch of the host's drift.
func TestRoundsAlternateSizesAndTools(t *testing.T) {
	t.Parallel()
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh to run the jobs with")
	}
	log := filepath.Join(t.TempDir(), "log")
	step := func(n int, tool string) job {
		return job{tool: tool, args: func(string) []string {
			return []string{sh, "-c", fmt.Sprintf("echo %d-%s >> %s", n, tool, log)}
		}}
	}
	cfg := &config{runs: 2}
	perN, err := measure(context.Background(), cfg, []sizeJobs{
		{n: 1, jobs: []job{step(1, "a"), step(1, "b")}},
		{n: 2, jobs: []job{step(2, "a"), step(2, "b")}},
	}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	round := "1-a 1-b 2-a 2-b "
	if got := strings.Join(strings.Fields(string(data)), " ") + " "; got != strings.Repeat(round, 3) {
		t.Errorf("runs in the order\n%s\nwant the warm-up round and two more, each %q", got, round)
	}
	for i, res := range perN {
		for _, tool := range []string{"a", "b"} {
			if got := len(res[tool].samples); got != 2 {
				t.Errorf("size %d, %s: %d samples, want 2 (the warm-up is not counted)", i+1, tool, got)
			}
		}
	}
}
