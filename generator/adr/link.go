package adr

import (
	"fmt"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"
)

// statusWords maps the statuses ADR tools and teams write to the decision
// statuses of archfolio's schema. A status not listed here is reported and
// written as proposed.
var statusWords = map[string]string{
	"proposed": "proposed", "accepted": "accepted", "rejected": "rejected",
	"deprecated": "deprecated", "superseded": "superseded", "superceded": "superseded",
	// Said otherwise.
	"draft": "proposed", "pending": "proposed", "open": "proposed", "wip": "proposed",
	"in progress": "proposed", "in review": "proposed", "under review": "proposed",
	"review": "proposed", "suggested": "proposed", "rfc": "proposed", "discussing": "proposed",
	"approved": "accepted", "agreed": "accepted", "adopted": "accepted", "decided": "accepted",
	"done": "accepted", "implemented": "accepted", "active": "accepted", "amended": "accepted",
	"partly superseded": "accepted", "partially superseded": "accepted",
	"declined": "rejected", "refused": "rejected", "abandoned": "rejected",
	"withdrawn": "deprecated", "obsolete": "deprecated", "retired": "deprecated",
}

var (
	mdLink    = regexp.MustCompile(`\[[^\]]*\]\(\s*<?([^)\s>]+)>?[^)]*\)`)
	adrNumber = regexp.MustCompile(`(?i)\badr[- ]?0*([0-9]+)\b`)
	anyNumber = regexp.MustCompile(`\b0*([0-9]+)\b`)
	emphasis  = strings.NewReplacer("*", "", "_", "", "`", "")
)

// mapStatus reads a status as written: the decision status, whether it was
// written as such, and the "superseded by …" text that follows, if any.
func mapStatus(raw string) (status string, exact bool, by string) {
	s := strings.TrimSpace(emphasis.Replace(comment.ReplaceAllString(raw, "")))
	low := strings.ToLower(s)
	if m := relLine.FindStringSubmatch(s); m != nil && strings.HasPrefix(strings.ToLower(m[1]), "super") && strings.HasSuffix(strings.ToLower(m[1]), " by") {
		return "superseded", true, m[2]
	}
	low = strings.TrimRight(low, ".")
	if st, ok := statusWords[low]; ok {
		return st, st == low, ""
	}
	// "Accepted on 2020-01-01", "Proposed (waiting for security)": the first word.
	if first, _, _ := strings.Cut(low, " "); first != low {
		first = strings.Trim(first, ".,:;()")
		if st, ok := statusWords[first]; ok {
			return st, false, ""
		}
	}
	return "proposed", false, ""
}

// folder is every record of an import, by path and by number.
type folder struct {
	records  []*record
	byPath   map[string]*record
	byNumber map[int]*record // only numbers one record has
}

func newFolder(records []*record) *folder {
	f := &folder{records: records, byPath: map[string]*record{}, byNumber: map[int]*record{}}
	count := map[int]int{}
	for _, r := range records {
		f.byPath[r.source] = r
		if r.number >= 0 {
			count[r.number]++
			f.byNumber[r.number] = r
		}
	}
	for n, c := range count {
		if c > 1 {
			delete(f.byNumber, n)
		}
	}
	return f
}

// resolve finds the records a relation names: by its links' targets, or else by
// the numbers it writes ("ADR-0005", "5").
func (f *folder) resolve(from *record, rel relation) []*record {
	var out []*record
	links := mdLink.FindAllStringSubmatch(rel.text, -1)
	for _, m := range links {
		dest, _, _ := strings.Cut(m[1], "#")
		if u, err := url.Parse(dest); err != nil || u.Scheme != "" || dest == "" {
			continue
		}
		if unescaped, err := url.PathUnescape(dest); err == nil {
			dest = unescaped
		}
		if r := f.byPath[path.Join(path.Dir(from.source), dest)]; r != nil {
			out = append(out, r)
		}
	}
	if len(links) == 0 {
		// "ADR-0005" and "ADR 5" name records; failing those, the first number
		// that is not part of a date ("superseded by 7 on 2024-05-01").
		text := dateRE.ReplaceAllString(rel.text, "")
		numbers := adrNumber.FindAllStringSubmatch(text, -1)
		if len(numbers) == 0 {
			numbers = anyNumber.FindAllStringSubmatch(text, 1)
		}
		for _, m := range numbers {
			var n int
			fmt.Sscan(m[1], &n)
			if r := f.byNumber[n]; r != nil {
				out = append(out, r)
			}
		}
	}
	return out
}

// link turns the relations each record wrote, on either side, into supersedes and
// amends on the newer record, and marks what another record supersedes as
// superseded. statuses are the decision statuses of the site.
func (f *folder) link(statuses []string) {
	for _, r := range f.records {
		st, exact, by := "", true, ""
		if r.rawStatus != "" {
			st, exact, by = mapStatus(r.rawStatus)
			if by != "" {
				r.supersededBy = append(r.supersededBy, relation{text: by, line: r.statusLine})
			}
			if !exact {
				r.note(r.statusLine, "status %q is not a decision status; written as %s", oneLine(r.rawStatus), st)
			}
		}
		if st == "" && len(r.supersededBy) > 0 {
			st = "superseded" // adr-tools writes "Superseded by …" in place of the status
		}
		r.status = st
	}
	for _, r := range f.records {
		f.edges(r, r.supersedes, false, "supersedes", func(newer, older *record) { newer.supersedesIDs = appendNew(newer.supersedesIDs, older.id) })
		f.edges(r, r.supersededBy, true, "superseded by", func(newer, older *record) { newer.supersedesIDs = appendNew(newer.supersedesIDs, older.id) })
		f.edges(r, r.amends, false, "amends", func(newer, older *record) { newer.amendsIDs = appendNew(newer.amendsIDs, older.id) })
		f.edges(r, r.amendedBy, true, "amended by", func(newer, older *record) { newer.amendsIDs = appendNew(newer.amendsIDs, older.id) })
	}
	byID := map[string]*record{}
	for _, r := range f.records {
		byID[r.id] = r
	}
	for _, r := range f.records {
		slices.Sort(r.supersedesIDs)
		slices.Sort(r.amendsIDs)
		for _, id := range r.supersedesIDs {
			switch old := byID[id]; old.status {
			case "superseded":
			case "":
				old.note(old.statusLine, "%s supersedes it; status written as superseded", r.source)
				old.status = "superseded"
			default:
				old.note(old.statusLine, "%s supersedes it; status %s written as superseded", r.source, old.status)
				old.status = "superseded"
			}
		}
	}
	for _, r := range f.records {
		if r.status != "" && !slices.Contains(statuses, r.status) {
			r.note(r.statusLine, "status %s is not a decision status of this site (%s); left out", r.status, strings.Join(statuses, ", "))
			r.status = ""
		}
		slices.SortStableFunc(r.notes, func(a, b Note) int { return a.Line - b.Line })
	}
}

// edges resolves relations of r and calls add(newer, older) for each; olderSide
// says r wrote them about a newer record ("superseded by").
func (f *folder) edges(r *record, rels []relation, olderSide bool, verb string, add func(newer, older *record)) {
	for _, rel := range rels {
		targets := f.resolve(r, rel)
		if len(targets) == 0 {
			r.note(rel.line, "%s %q: no record of this folder; the relation is left out", verb, oneLine(rel.text))
			continue
		}
		for _, t := range targets {
			if t == r {
				r.note(rel.line, "%s itself; left out", verb)
				continue
			}
			if olderSide {
				add(t, r)
			} else {
				add(r, t)
			}
		}
	}
}

func appendNew(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
