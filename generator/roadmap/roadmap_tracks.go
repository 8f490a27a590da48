package roadmap

import (
	"archfolio/generator"
	"cmp"
	"slices"
	"strings"
	"time"
)

// Tracks, lanes, the timeline window and outcome traceability: the second half of
// the roadmap analysis (roadmap.go reads the items).

// buildTracks groups items into tracks and lanes, in timeline order, and computes
// each track's window, maturity, outcomes and slipped items. Capabilities declared
// in archfolio.yaml that no item names become empty lanes of the default track.
func buildTracks(items []*RoadmapItem, cfg *generator.Config, today time.Time) []*Track {
	bySlug := map[string]*Track{}
	track := func(slug, name string) *Track {
		if t := bySlug[slug]; t != nil {
			return t
		}
		t := &Track{Name: name, Slug: slug, Title: trackTitle(name), URL: "roadmap/" + slug + "/"}
		bySlug[slug] = t
		return t
	}
	used := map[string]bool{}
	for _, it := range items {
		t := track(it.TrackSlug, cmp.Or(strings.TrimSpace(it.Doc.Fields.String("track")), DefaultTrack))
		t.Items = append(t.Items, it)
		it.Track = t
		used[it.Capability] = true
	}
	var spare []string
	for _, id := range generator.SortedKeys(capabilitiesOf(cfg)) {
		if !used[id] {
			spare = append(spare, id)
		}
	}
	if len(spare) > 0 {
		track(DefaultTrack, DefaultTrack)
	}
	tracks := make([]*Track, 0, len(bySlug))
	for _, slug := range generator.SortedKeys(bySlug) {
		t := bySlug[slug]
		if slug == DefaultTrack {
			t.Lanes = buildLanes(t.Items, spare, cfg)
			tracks = append([]*Track{t}, tracks...)
		} else {
			t.Lanes = buildLanes(t.Items, nil, cfg)
			tracks = append(tracks, t)
		}
		finishTrack(t, today)
		placeOnPages(t)
	}
	return tracks
}

// buildLanes groups a track's items by capability, adding empty lanes for spare
// declared capabilities; lanes are sorted by title, then id.
func buildLanes(items []*RoadmapItem, spare []string, cfg *generator.Config) []*Lane {
	caps := capabilitiesOf(cfg)
	byCap := map[string]*Lane{}
	lane := func(id string) *Lane {
		if l := byCap[id]; l != nil {
			return l
		}
		l := &Lane{Capability: id, Title: laneTitle(id)}
		if id == "" {
			l.Title = "No capability"
		}
		if c, ok := caps[id]; ok {
			l.Title, l.Description = cmp.Or(strings.TrimSpace(c.Title), l.Title), c.Description
		}
		byCap[id] = l
		return l
	}
	for _, it := range items {
		l := lane(it.Capability)
		l.Items = append(l.Items, it)
		it.Lane = l
	}
	for _, id := range spare {
		lane(id)
	}
	lanes := make([]*Lane, 0, len(byCap))
	for _, id := range generator.SortedKeys(byCap) {
		l := byCap[id]
		slices.SortFunc(l.Items, byTimeline)
		var declared *Capability
		if c, ok := caps[id]; ok {
			declared = &c
		}
		l.Maturity = laneMaturity(l.Items, declared)
		lanes = append(lanes, l)
	}
	slices.SortStableFunc(lanes, func(a, b *Lane) int {
		return cmp.Compare(strings.ToLower(a.Title), strings.ToLower(b.Title))
	})
	return lanes
}

// finishTrack orders the track's items by lane and fills in its window, slipped
// items and outcomes.
func finishTrack(t *Track, today time.Time) {
	t.Items = t.Items[:0]
	for _, l := range t.Lanes {
		t.Items = append(t.Items, l.Items...)
	}
	t.First, t.Last = trackWindow(t.Items, today)
	for _, it := range t.Items {
		if it.Slipped {
			t.Slipped = append(t.Slipped, it)
		}
		if !it.Dated {
			t.Undated++
		}
	}
	slices.SortFunc(t.Slipped, byEnd)
	t.Outcomes = traceOutcomes(t.Lanes)
}

// trackWindow returns the quarters a timeline covers: every dated item and
// milestone, and today when that still fits, at most maxQuarters from the first.
func trackWindow(items []*RoadmapItem, today time.Time) (first, last int) {
	tq := quarterOf(today)
	first, last = tq, tq
	seen := false
	widen := func(t time.Time) {
		q := quarterOf(t)
		if !seen {
			first, last, seen = q, q, true
		}
		first, last = min(first, q), max(last, q)
	}
	for _, it := range items {
		if !it.Dated {
			continue
		}
		widen(it.From)
		widen(it.To)
		for _, m := range it.Milestones {
			widen(m.Date)
		}
	}
	if withToday := max(last, tq) - min(first, tq) + 1; withToday <= maxQuarters {
		first, last = min(first, tq), max(last, tq)
	}
	if last-first+1 > maxQuarters {
		last = first + maxQuarters - 1
	}
	return first, last
}

// traceOutcomes groups the outcomes the lanes' items name (case-insensitively,
// spelled as first written), each with its measures and the lanes serving it.
func traceOutcomes(lanes []*Lane) []*Outcome {
	byKey := map[string]*Outcome{}
	for _, l := range lanes {
		for _, it := range l.Items {
			for _, m := range it.Outcomes {
				key := strings.ToLower(m.Name)
				o := byKey[key]
				if o == nil {
					o = &Outcome{Name: m.Name}
					byKey[key] = o
				}
				o.Measures = append(o.Measures, m)
				if n := len(o.Lanes); n == 0 || o.Lanes[n-1].Lane != l {
					o.Lanes = append(o.Lanes, OutcomeLane{Lane: l})
				}
				ol := &o.Lanes[len(o.Lanes)-1]
				if k := len(ol.Items); k == 0 || ol.Items[k-1] != it {
					ol.Items = append(ol.Items, it)
				}
			}
		}
	}
	out := make([]*Outcome, 0, len(byKey))
	for _, k := range generator.SortedKeys(byKey) {
		out = append(out, byKey[k])
	}
	return out
}

// acronyms are the words a capability id often holds that read as capitals.
var acronyms = map[string]bool{"iam": true, "ciam": true, "sso": true, "mfa": true, "pam": true, "iga": true,
	"pki": true, "api": true, "jit": true, "scim": true, "saml": true, "oidc": true, "ldap": true, "ad": true,
	"idp": true, "otp": true, "kms": true, "hsm": true, "ot": true, "it": true, "rbac": true, "abac": true}

// laneTitle titles a capability no archfolio.yaml entry titles: its id in words,
// acronyms in capitals ("sso-federation" → "SSO federation").
func laneTitle(id string) string {
	words := strings.Fields(strings.NewReplacer("_", " ", "-", " ").Replace(id))
	for i, w := range words {
		if acronyms[strings.ToLower(w)] {
			words[i] = strings.ToUpper(w)
		}
	}
	return generator.Humanize(strings.Join(words, " "))
}
