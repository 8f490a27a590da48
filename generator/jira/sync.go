package jira

import (
	"archfolio/generator"
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"
)

// Issue is one issue of a JIRA search export, reduced to what the sync reads.
type Issue struct {
	Key      string
	Summary  string
	Status   string // fields.status.name ("In Review", "Blocked")
	Category string // the status category key: new, indeterminate or done ("" when missing)
	Due      string // fields.duedate, YYYY-MM-DD, "" when unset
}

type jiraCategory struct{ Key, Name string }

// UnmarshalJSON accepts a status category as an object ({"key": "done", "name":
// "Done"}) or, as some exports write it, a bare string.
func (c *jiraCategory) UnmarshalJSON(b []byte) error {
	var s string
	if json.Unmarshal(b, &s) == nil {
		c.Key = s
		return nil
	}
	var o struct {
		Key  string `json:"key"`
		Name string `json:"name"`
	}
	if err := json.Unmarshal(b, &o); err != nil {
		return err
	}
	c.Key, c.Name = o.Key, o.Name
	return nil
}

type jiraIssueJSON struct {
	Key    string `json:"key"`
	Fields struct {
		Summary string  `json:"summary"`
		DueDate *string `json:"duedate"`
		Status  struct {
			Name           string        `json:"name"`
			StatusCategory *jiraCategory `json:"statusCategory"`
		} `json:"status"`
		StatusCategory *jiraCategory `json:"statusCategory"`
	} `json:"fields"`
}

var jiraKeyRE = regexp.MustCompile(`^[A-Z][A-Z0-9]+-[0-9]+$`)

// ParseExport reads a JIRA search JSON export ({"issues": [...]}, or a bare list
// of issues): each issue's key, fields.summary, fields.status.name, the status
// category (fields.statusCategory or fields.status.statusCategory) and
// fields.duedate.
func ParseExport(data []byte) ([]Issue, error) {
	var raw []jiraIssueJSON
	var export struct {
		Issues *[]jiraIssueJSON `json:"issues"`
	}
	data = bytes.TrimPrefix(data, []byte(bom))
	if t := bytes.TrimSpace(data); len(t) > 0 && t[0] == '[' {
		if err := json.Unmarshal(data, &raw); err != nil {
			return nil, fmt.Errorf("not a JIRA export: %v", err)
		}
	} else {
		if err := json.Unmarshal(data, &export); err != nil {
			return nil, fmt.Errorf("not a JIRA export: %v", err)
		}
		if export.Issues == nil {
			return nil, errors.New(`not a JIRA export: no "issues" list (export the search as JSON)`)
		}
		raw = *export.Issues
	}
	out := make([]Issue, 0, len(raw))
	for _, r := range raw {
		is := Issue{Key: r.Key, Summary: r.Fields.Summary, Status: r.Fields.Status.Name}
		if c := cmpCategory(r.Fields.StatusCategory, r.Fields.Status.StatusCategory); c != nil {
			is.Category = categoryKey(*c)
		}
		if r.Fields.DueDate != nil {
			is.Due = *r.Fields.DueDate
		}
		out = append(out, is)
	}
	return out, nil
}

func cmpCategory(cs ...*jiraCategory) *jiraCategory {
	for _, c := range cs {
		if c != nil && (c.Key != "" || c.Name != "") {
			return c
		}
	}
	return nil
}

// categoryKey normalises a status category to its key; JIRA's names are accepted
// for exports that carry only those.
func categoryKey(c jiraCategory) string {
	for _, s := range []string{c.Key, c.Name} {
		switch strings.ToLower(strings.TrimSpace(s)) {
		case "new", "to do", "todo":
			return "new"
		case "indeterminate", "in progress":
			return "indeterminate"
		case "done":
			return "done"
		}
	}
	return strings.ToLower(c.Key)
}

// RemediationStatus maps a JIRA issue's status to a remediation status, given the
// document's current one: category done → done; otherwise a risk-accepted item
// stays risk-accepted, a status named like "Blocked" → blocked, new → open,
// indeterminate → in-progress. It reports false when the category is unknown.
func RemediationStatus(is Issue, current string) (string, bool) {
	switch {
	case is.Category == "done":
		return "done", true
	case current == "risk-accepted":
		return current, true
	case strings.Contains(strings.ToLower(is.Status), "block"):
		return "blocked", true
	case is.Category == "new":
		return "open", true
	case is.Category == "indeterminate":
		return "in-progress", true
	}
	return current, false
}

// Report says what a sync changed, or would change in a dry run.
type Report struct {
	Changes []Change // by path
	// Unknown lists export keys that no remediation document names, sorted.
	Unknown []string
	// Problems are issues or documents that could not be synced, with the reason.
	Problems []string
	// Matched counts the remediation documents whose key is in the export.
	Matched int
}

// Change is one document's changed front-matter fields.
type Change struct {
	Path   string // relative to the site root, slash-separated
	Key    string
	Fields []FieldChange
}

// FieldChange is one changed front-matter field; Old is "" when it was absent.
type FieldChange struct {
	Field, Old, New string
}

// String renders the change as "path: KEY: status open → done, due (none) → 2026-12-01".
func (c Change) String() string {
	var parts []string
	for _, f := range c.Fields {
		parts = append(parts, fmt.Sprintf("%s %s → %s", f.Field, cmp.Or(f.Old, "(none)"), f.New))
	}
	return c.Path + ": " + c.Key + ": " + strings.Join(parts, ", ")
}

// Sync updates the status and due of the remediation documents under
// site/content whose jira key is in the export (a JIRA search JSON export). It edits
// only those two front-matter lines (inserting due: after status: when absent), keeps
// every other byte of the file, and replaces the file atomically with its mode kept.
// With dryRun nothing is written. Documents of other kinds are never touched.
func Sync(ctx context.Context, site string, export []byte, dryRun bool) (*Report, error) {
	issues, err := ParseExport(export)
	if err != nil {
		return nil, err
	}
	rep := &Report{}
	byKey := map[string]Issue{}
	for _, is := range issues {
		switch {
		case !jiraKeyRE.MatchString(is.Key):
			rep.Problems = append(rep.Problems, fmt.Sprintf("issue %q: not a JIRA key (like SEC-101); skipped", is.Key))
		case is.Due != "" && !isDate(is.Due):
			rep.Problems = append(rep.Problems, fmt.Sprintf("%s: duedate %q is not YYYY-MM-DD; its due date is left as it is", is.Key, is.Due))
			is.Due = ""
			byKey[is.Key] = is
		default:
			byKey[is.Key] = is
		}
	}
	fsys, err := generator.OpenSite(site)
	if err != nil {
		return nil, err
	}
	files := generator.ReadContent(ctx, fsys)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, f := range files {
		change, key, err := syncFile(f.Data, byKey)
		if key != "" {
			seen[key] = true
			rep.Matched++
		}
		if err != nil {
			rep.Problems = append(rep.Problems, f.Path+": "+err.Error())
			continue
		}
		if change == nil {
			continue
		}
		change.Path = f.Path
		if !dryRun {
			if err := writeFileAtomic(filepath.Join(site, filepath.FromSlash(f.Path)), change.data); err != nil {
				rep.Problems = append(rep.Problems, f.Path+": "+err.Error())
				continue
			}
		}
		rep.Changes = append(rep.Changes, change.Change)
	}
	for _, k := range slices.Sorted(maps.Keys(byKey)) {
		if !seen[k] {
			rep.Unknown = append(rep.Unknown, k)
		}
	}
	slices.Sort(rep.Problems)
	return rep, nil
}

func isDate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

// fieldEdit is one front-matter line to set; after names the key a new line follows.
type fieldEdit struct{ field, old, new, after string }

type fileChange struct {
	Change
	data []byte
}

// syncFile returns the edited file when it is a remediation document whose jira key
// is in the export and its status or due differ; key is the matched key.
func syncFile(src []byte, byKey map[string]Issue) (*fileChange, string, error) {
	if !bytes.Contains(src, []byte("jira")) {
		return nil, "", nil
	}
	f, err := openFrontMatter(src)
	if f == nil || f.root == nil || f.value("kind") != "remediation" {
		return nil, "", nil // not a document the sync may edit; check reports the rest
	}
	key := strings.TrimSpace(f.value("jira"))
	is, ok := byKey[key]
	if !ok {
		return nil, "", nil
	}
	if err != nil {
		return nil, key, fmt.Errorf("%s: %v; nothing changed", key, err)
	}
	c := &fileChange{Change: Change{Key: key}}
	oldStatus := f.value("status")
	status, known := RemediationStatus(is, oldStatus)
	if !known {
		return nil, key, fmt.Errorf("%s: unknown status category %q (status %q): want new, indeterminate or done; nothing changed", key, is.Category, is.Status)
	}
	if status == "risk-accepted" {
		return nil, key, nil // an accepted risk stays as written until JIRA says done
	}
	edits := []fieldEdit{{"status", oldStatus, status, "jira"}}
	if is.Due != "" {
		edits = append(edits, fieldEdit{"due", f.value("due"), is.Due, "status"})
	}
	for _, e := range edits {
		if e.new == "" || !validText(e.new) {
			continue
		}
		changed, err := f.set(e.field, e.new, e.after)
		if err != nil {
			return nil, key, fmt.Errorf("%s: %v; nothing changed", key, err)
		}
		if changed {
			c.Fields = append(c.Fields, FieldChange{Field: e.field, Old: e.old, New: e.new})
		}
	}
	if len(c.Fields) == 0 {
		return nil, key, nil
	}
	c.data = f.bytes()
	return c, key, nil
}

// writeFileAtomic replaces path with data through a temporary file in the same
// folder and a rename, keeping the file's permission bits. A symbolic link is
// refused rather than replaced by a file.
func writeFileAtomic(path string, data []byte) error {
	st, err := os.Lstat(path)
	if err != nil {
		return err
	}
	if !st.Mode().IsRegular() {
		return errors.New("not a regular file (a symbolic link?); not edited")
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".archfolio-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(st.Mode().Perm()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
