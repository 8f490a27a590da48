package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"archfolio/generator/synth"
)

// sample is one measured run of a child process.
type sample struct {
	wall, cpu time.Duration // cpu is user + system
	sys       time.Duration // the system part: mostly file-system work
	rss       int64
}

// result is every run of one tool at one size.
type result struct {
	tool    string
	samples []sample
}

// job is one tool's command at one size.
type job struct {
	tool string
	// out, when set, is where the runs write: each run writes to a new folder
	// under it, and bench removes them all at the end (outputs).
	out   string
	clean []string // folders to remove before every run (Hugo's resources)
	args  func(out string) []string
}

// outputs are the folders the runs wrote, removed when the benchmark ends and not
// between runs. On a file system that has just deleted many files, creating as
// many again can cost several times the build: ext4 without a journal (this kind
// of VM's disk) skips every recently deleted inode when it allocates one, so a
// run that follows the deletion of the last run's output spends seconds in the
// kernel, for Hugo as for archfolio (README.md has the figures). A cold build, the
// kind the targets count, follows no such deletion.
type outputs struct{ dirs []string }

// fresh returns a new output folder under parent, not yet made.
func (o *outputs) fresh(parent, tool string) (string, error) {
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return "", err
	}
	dir, err := os.MkdirTemp(parent, tool+"-")
	if err != nil {
		return "", err
	}
	o.dirs = append(o.dirs, dir)
	return filepath.Join(dir, "public"), nil
}

// removeAll removes every output folder.
func (o *outputs) removeAll() error {
	var errs []error
	for _, dir := range o.dirs {
		errs = append(errs, os.RemoveAll(dir))
	}
	o.dirs = nil
	return errors.Join(errs...)
}

func bench(ctx context.Context, cfg *config, stdout, stderr io.Writer) (err error) {
	printMachine(ctx, cfg, stdout)
	defer func() { err = errors.Join(err, cfg.outputs.removeAll()) }()
	for _, shape := range cfg.shapes {
		cfg.shape = shape
		fmt.Fprintf(stdout, "\n== shape %s ==\n", shape)
		if err := benchShape(ctx, cfg, stdout, stderr); err != nil {
			return err
		}
	}
	return nil
}

// benchShape measures every size of cfg.shape.
func benchShape(ctx context.Context, cfg *config, stdout, stderr io.Writer) error {
	sizes := make([]sizeJobs, len(cfg.sizes))
	for i, n := range cfg.sizes {
		site, hugo, err := generate(ctx, cfg, n, stderr)
		if err != nil {
			return err
		}
		sizes[i] = sizeJobs{n: n, jobs: cfg.jobs(n, site, hugo)}
	}
	perN, err := measure(ctx, cfg, sizes, stderr)
	if err != nil {
		return err
	}
	load := loadAverage()
	for i, n := range cfg.sizes {
		printSize(stdout, n, perN[i], load)
	}
	printGrowth(stdout, cfg.sizes, perN)
	if cfg.tools["archfolio"] {
		n := slices.Max(cfg.sizes)
		site := filepath.Join(cfg.sizeDir(n), "site")
		// Every file parsed, and the check after an unchanged one (its cache,
		// in the working folder, is made by the untimed round).
		cache := filepath.Join(cfg.sizeDir(n), "check-cache")
		checks := []job{
			{tool: "check --no-cache", args: func(string) []string {
				return []string{cfg.archfolio, "check", "-s", site, "--today", cfg.today, "--no-cache"}
			}},
			{tool: "check, cache warm", args: func(string) []string {
				return []string{cfg.archfolio, "check", "-s", site, "--today", cfg.today, "--cache", cache}
			}},
		}
		results, err := measure(ctx, cfg, []sizeJobs{{n: n, jobs: checks}}, stderr)
		if err != nil {
			return err
		}
		fmt.Fprintln(stdout)
		for _, c := range checks {
			r := results[0][c.tool]
			fmt.Fprintf(stdout, "%s at N=%d: median wall %s, cpu %s, peak RSS %s (%d runs)\n",
				c.tool, n, secs(median(r.samples, wallOf)), secs(median(r.samples, cpuOf)), mib(peak(r.samples)), len(r.samples))
		}
	}
	return nil
}

// generate writes the portfolio of size n and its Hugo twin, unless a kept working
// folder has them already.
// A child process does it: the kernel charges a child the peak memory of the
// process it was started from (vfork), so this one must stay small.
func generate(ctx context.Context, cfg *config, n int, stderr io.Writer) (site, hugo string, err error) {
	dir := cfg.sizeDir(n)
	site, hugo = filepath.Join(dir, "site"), filepath.Join(dir, "hugo")
	if _, err := os.Stat(filepath.Join(site, "archfolio.yaml")); err == nil {
		return site, hugo, nil
	}
	fmt.Fprintf(stderr, "generating N=%d (%s)…\n", n, cfg.shape)
	cmd := exec.CommandContext(ctx, cfg.self, "-gen", dir, "-sizes", strconv.Itoa(n), "-seed", strconv.FormatUint(cfg.seed, 10),
		"-shapes", string(cfg.shape))
	cmd.Stdout, cmd.Stderr = stderr, stderr
	return site, hugo, cmd.Run()
}

// writeCorpus is the -gen child: the portfolio under dir/site, its Hugo twin under
// dir/hugo.
func writeCorpus(dir string, n int, seed uint64, shape synth.Shape) error {
	s, err := synth.Generate(synth.Options{N: n, Seed: seed, Shape: shape})
	if err != nil {
		return err
	}
	if err := synth.WriteDir(filepath.Join(dir, "site"), s.Files); err != nil {
		return err
	}
	return synth.WriteDir(filepath.Join(dir, "hugo"), s.Hugo())
}

// sizeDir is the working folder of one size of the current shape (and seed).
func (cfg *config) sizeDir(n int) string {
	return filepath.Join(cfg.work, fmt.Sprintf("%s-%d-seed%d", cfg.shape, n, cfg.seed))
}

func (cfg *config) jobs(n int, site, hugo string) []job {
	dir := cfg.sizeDir(n)
	var jobs []job
	outs := filepath.Join(dir, "out")
	if cfg.tools["archfolio"] {
		jobs = append(jobs, job{tool: "archfolio", out: outs, args: func(out string) []string {
			// --no-cache: every round highlights every block, as Hugo and the
			// floor do; a build otherwise keeps its blocks for the next one.
			return []string{cfg.archfolio, "build", "-s", site, "-d", out, "--today", cfg.today, "--no-cache"}
		}})
	}
	if cfg.tools["kept"] {
		// The build a developer runs again, or CI with its cache step: the
		// blocks the untimed round highlighted are read back, not highlighted.
		kept := filepath.Join(dir, "highlight")
		jobs = append(jobs, job{tool: "kept", out: outs, args: func(out string) []string {
			return []string{cfg.archfolio, "build", "-s", site, "-d", out, "--today", cfg.today, "--cache", kept}
		}})
	}
	if cfg.tools["hugo"] {
		jobs = append(jobs, job{tool: "hugo", out: outs, clean: []string{filepath.Join(hugo, "resources")},
			args: func(out string) []string {
				return []string{cfg.hugo, "-s", hugo, "-d", out, "--quiet", "--buildFuture", "--buildExpired"}
			}})
	}
	if cfg.tools["floor"] {
		jobs = append(jobs, job{tool: "floor", args: func(string) []string { return []string{cfg.self, "-floor", site} }})
	}
	return jobs
}

// sizeJobs are the jobs of one portfolio size.
type sizeJobs struct {
	n    int
	jobs []job
}

// measure runs every job of every size once untimed (to warm the file cache),
// then cfg.runs rounds, each running every job of every size in turn: the tools
// alternate within a size, and the sizes within a round, so that a host whose
// speed drifts over minutes weighs on every size alike and the growth from the
// smallest size to the largest is not the drift's. It returns the results of
// each size, in order.
func measure(ctx context.Context, cfg *config, sizes []sizeJobs, stderr io.Writer) ([]map[string]*result, error) {
	perN := make([]map[string]*result, len(sizes))
	for i, sz := range sizes {
		perN[i] = map[string]*result{}
		for _, j := range sz.jobs {
			perN[i][j.tool] = &result{tool: j.tool}
		}
	}
	for r := -1; r < cfg.runs; r++ {
		for i, sz := range sizes {
			for _, j := range sz.jobs {
				s, err := runOnce(ctx, cfg, j)
				if err != nil {
					return nil, err
				}
				if r >= 0 {
					perN[i][j.tool].samples = append(perN[i][j.tool].samples, s)
					fmt.Fprintf(stderr, "N=%d %-9s run %d: wall %s cpu %s (sys %s) rss %s\n", sz.n, j.tool, r+1,
						secs(s.wall), secs(s.cpu), secs(s.sys), mib(s.rss))
				}
			}
		}
	}
	return perN, nil
}

func runOnce(ctx context.Context, cfg *config, j job) (sample, error) {
	for _, dir := range j.clean {
		if err := os.RemoveAll(dir); err != nil {
			return sample{}, err
		}
	}
	var dest string
	if j.out != "" {
		var err error
		if dest, err = cfg.outputs.fresh(j.out, j.tool); err != nil {
			return sample{}, err
		}
	}
	syncDisks() // so that the last run's writes are not charged to this one
	args := j.args(dest)
	var out bytes.Buffer
	cmd := exec.CommandContext(ctx, args[0], args[1:]...)
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return sample{}, fmt.Errorf("%s: %w\n%s", strings.Join(args, " "), err, out.String())
	}
	ps := cmd.ProcessState
	return sample{wall: wall, cpu: ps.UserTime() + ps.SystemTime(), sys: ps.SystemTime(), rss: peakRSS(ps)}, nil
}

func printMachine(ctx context.Context, cfg *config, w io.Writer) {
	fmt.Fprintf(w, "machine: %s, %d CPUs (GOMAXPROCS %d), %s/%s, %s\n", cpuModel(), runtime.NumCPU(),
		runtime.GOMAXPROCS(0), runtime.GOOS, runtime.GOARCH, runtime.Version())
	if cfg.tools["hugo"] {
		v, _ := exec.CommandContext(ctx, cfg.hugo, "version").Output()
		fmt.Fprintf(w, "hugo: %s\n", strings.TrimSpace(string(v)))
	}
	fmt.Fprintf(w, "corpus: generator/synth seed %d, shapes %v; archfolio build --today %s; %d timed rounds after an untimed one, each running every tool at every size in turn\n",
		cfg.seed, cfg.shapes, cfg.today, cfg.runs)
	fmt.Fprintf(w, "floor: goldmark (GFM) + chroma with CSS classes on the same bodies, all cores, nothing else\n")
	fmt.Fprintf(w, "load average at start: %s\n", loadAverage())
}

func cpuModel() string {
	data, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "unknown CPU"
	}
	for _, line := range strings.Split(string(data), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return "unknown CPU"
}

// loadAverage is the 1-minute load average, to show whether the machine was idle.
func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	return strings.Fields(string(data))[0]
}
