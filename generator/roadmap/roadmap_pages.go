package roadmap

import (
	"bytes"
	"html/template"

	"archfolio/generator"
	"archfolio/generator/markup"
	"archfolio/generator/pager"
)

// PerPage is how many items a page of a track shows: its timeline, table and
// outcomes. A track of more items is cut into pages in timeline order (lane by
// lane), the first at the track's address with the roll-ups (every capability
// with its counts, the maturity heat map, the slipped items), the others at
// roadmap/TRACK/2/, …, so that no roadmap page grows with the portfolio. Every
// page's timeline covers the whole track's quarters, so bars compare across pages.
const PerPage = 100

// trackPages is t's items cut into pages.
func trackPages(t *Track) pager.List {
	return pager.List{Split: pager.ByCount(len(t.Items), PerPage), First: t.URL, More: t.URL, Fragment: "timeline"}
}

// placeOnPages sets each item's TimelineURL, the page of its track that draws it.
func placeOnPages(t *Track) {
	pages := trackPages(t)
	for i, it := range t.Items {
		it.TimelineURL = pages.URL(pages.PageOf(i))
	}
}

// LaneCount is a capability's line in a long track's roll-up: its items,
// how many have slipped, and the page where its items start.
type LaneCount struct {
	Lane    *Lane
	Slipped int
	URL     string // site-relative
	Page    int    // from 1
}

// pageTrack is the part of t that page k of pages shows: its items in lanes
// and outcomes of their own; the window and slipped items stay the whole track's.
func pageTrack(t *Track, pages pager.List, k int) *Track {
	from, to := pages.Range(k)
	part := *t
	part.Items, part.Lanes, part.Undated = t.Items[from:to], nil, 0
	at := 0
	for _, l := range t.Lanes {
		start, end := max(from-at, 0), min(to-at, len(l.Items))
		at += len(l.Items)
		if start < end || (len(l.Items) == 0 && from == 0) { // a lane without items is drawn on the first page
			lane := *l
			lane.Items = l.Items[start:max(start, end)]
			part.Lanes = append(part.Lanes, &lane)
		}
	}
	for _, it := range part.Items {
		if !it.Dated {
			part.Undated++
		}
	}
	part.Outcomes = traceOutcomes(part.Lanes)
	return &part
}

// laneCounts is the roll-up of a track cut into pages: every lane, its items,
// slipped items and first page.
func laneCounts(t *Track, pages pager.List) []LaneCount {
	out := make([]LaneCount, 0, len(t.Lanes))
	at := 0
	for _, l := range t.Lanes {
		k := pages.PageOf(min(at, max(len(t.Items)-1, 0)))
		c := LaneCount{Lane: l, URL: pages.URL(k), Page: k + 1}
		for _, it := range l.Items {
			if it.Slipped {
				c.Slipped++
			}
		}
		out = append(out, c)
		at += len(l.Items)
	}
	return out
}

// pagesNav writes the links between the pages of a track, for the page at
// pageURL showing page k.
func pagesNav(pages pager.List, pageURL string, k int) template.HTML {
	var buf bytes.Buffer
	rel := func(u string) string { return generator.RelURL(pageURL, u) }
	pages.Nav(markup.NewWriter(&buf, nil), rel, k, "Pages of the roadmap", "items")
	return template.HTML(buf.String())
}
