package roadmap

import (
	"archfolio/generator"
	"bytes"
	"encoding/csv"
	"strings"
)

// roadmapCSVHeader names the columns of roadmap.csv.
var roadmapCSVHeader = [...]string{"track", "capability", "lane", "id", "title", "status", "start", "end",
	"from", "to", "slipped", "maturity_current", "maturity_target", "milestones", "depends_on",
	"delivers", "outcomes", "jira", "jira_url", "owner", "url"}

// roadmapCSV writes every item, track by track in timeline order. Cells are
// formula-injection safe (CSVSafe); lists are joined by "; ".
func roadmapCSV(rm *Roadmap) ([]byte, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	if err := w.Write(roadmapCSVHeader[:]); err != nil {
		return nil, err
	}
	for _, t := range rm.Tracks {
		for _, it := range t.Items {
			if err := w.Write(roadmapCSVRow(t, it)); err != nil {
				return nil, err
			}
		}
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}

func roadmapCSVRow(t *Track, it *RoadmapItem) []string {
	var from, to, slipped string
	if it.Dated {
		from, to, slipped = day(it.From), day(it.To), "no"
		if it.Slipped {
			slipped = "yes"
		}
	}
	var milestones, deps, delivers, outcomes []string
	for _, m := range it.Milestones {
		milestones = append(milestones, m.Name+" ("+day(m.Date)+", "+m.State+")")
	}
	for _, dep := range it.DependsOn {
		deps = append(deps, dep.Doc.ID)
	}
	for _, bp := range it.Delivers {
		delivers = append(delivers, bp.ID)
	}
	for _, o := range it.Outcomes {
		outcomes = append(outcomes, o.Name)
	}
	row := []string{t.Name, it.Capability, it.Lane.Title, it.Doc.ID, it.Doc.Title, it.Status,
		it.Start.Text, it.End.Text, from, to, slipped, it.Maturity.Current, it.Maturity.Target,
		strings.Join(milestones, "; "), strings.Join(deps, "; "), strings.Join(delivers, "; "),
		strings.Join(outcomes, "; "), it.Jira, it.JiraURL, it.Doc.Owner, it.Doc.URL}
	for i, c := range row {
		row[i] = generator.CSVSafe(c)
	}
	return row
}

// RoadmapJSON is the roadmap's part of portfolio.json ("views"."roadmap"): every
// item with its normalised dates, and every track with its lanes and outcomes.
type RoadmapJSON struct {
	Items  []RoadmapItemJSON  `json:"items"`
	Tracks []RoadmapTrackJSON `json:"tracks"`
}

// RoadmapItemJSON is one roadmap item in portfolio.json; from and to are the
// normalised inclusive dates of start and end.
type RoadmapItemJSON struct {
	ID           string               `json:"id"`
	Title        string               `json:"title"`
	URL          string               `json:"url"`
	Track        string               `json:"track"`
	Capability   string               `json:"capability"`
	Status       string               `json:"status,omitempty"`
	Start        string               `json:"start,omitempty"`
	End          string               `json:"end,omitempty"`
	From         string               `json:"from,omitempty"`
	To           string               `json:"to,omitempty"`
	Slipped      bool                 `json:"slipped"`
	Maturity     MaturityJSON         `json:"maturity"`
	Milestones   []MilestoneJSON      `json:"milestones"`
	DependsOn    []string             `json:"depends_on"`
	DependedOnBy []string             `json:"depended_on_by"`
	Delivers     []string             `json:"delivers"`
	Outcomes     []OutcomeMeasureJSON `json:"outcomes"`
	Jira         string               `json:"jira,omitempty"`
	JiraURL      string               `json:"jira_url,omitempty"`
}

// MaturityJSON is a maturity pair; source says where a lane's comes from.
type MaturityJSON struct {
	Current string `json:"current,omitempty"`
	Target  string `json:"target,omitempty"`
	Source  string `json:"source,omitempty"`
}

// MilestoneJSON is one milestone; state is done, due or missed at today.
type MilestoneJSON struct {
	Name  string `json:"name"`
	Date  string `json:"date"`
	Done  bool   `json:"done"`
	State string `json:"state"`
}

// OutcomeMeasureJSON is one KPI of an outcome, with the item that measures it.
type OutcomeMeasureJSON struct {
	Name     string `json:"name"`
	KPI      string `json:"kpi,omitempty"`
	Baseline string `json:"baseline,omitempty"`
	Target   string `json:"target,omitempty"`
	Item     string `json:"item"`
}

// RoadmapTrackJSON is one track: its window, lanes, outcomes and slipped items.
type RoadmapTrackJSON struct {
	Name     string            `json:"name"`
	Slug     string            `json:"slug"`
	Title    string            `json:"title"`
	URL      string            `json:"url"`
	First    string            `json:"first_quarter"`
	Last     string            `json:"last_quarter"`
	Lanes    []RoadmapLaneJSON `json:"lanes"`
	Outcomes []OutcomeJSON     `json:"outcomes"`
	Slipped  []string          `json:"slipped"`
}

// RoadmapLaneJSON is one capability lane.
type RoadmapLaneJSON struct {
	Capability  string       `json:"capability"`
	Title       string       `json:"title"`
	Description string       `json:"description,omitempty"`
	Maturity    MaturityJSON `json:"maturity"`
	Items       []string     `json:"items"`
}

// OutcomeJSON traces an outcome to its capabilities and their items.
type OutcomeJSON struct {
	Name     string               `json:"name"`
	Measures []OutcomeMeasureJSON `json:"measures"`
	Lanes    []OutcomeLaneJSON    `json:"capabilities"`
}

// OutcomeLaneJSON is the items of one capability serving an outcome.
type OutcomeLaneJSON struct {
	Capability string   `json:"capability"`
	Items      []string `json:"items"`
}

func roadmapJSON(p *generator.Portfolio) any {
	rm := Of(p)
	out := RoadmapJSON{Items: []RoadmapItemJSON{}, Tracks: []RoadmapTrackJSON{}}
	if rm == nil {
		return out
	}
	for _, it := range rm.Items {
		out.Items = append(out.Items, roadmapItemJSON(it))
	}
	for _, t := range rm.Tracks {
		tj := RoadmapTrackJSON{Name: t.Name, Slug: t.Slug, Title: t.Title, URL: t.URL,
			First: quarterText(t.First), Last: quarterText(t.Last),
			Lanes: []RoadmapLaneJSON{}, Outcomes: []OutcomeJSON{}, Slipped: itemIDs(t.Slipped)}
		for _, l := range t.Lanes {
			tj.Lanes = append(tj.Lanes, RoadmapLaneJSON{Capability: l.Capability, Title: l.Title,
				Description: l.Description, Maturity: MaturityJSON(l.Maturity), Items: itemIDs(l.Items)})
		}
		for _, o := range t.Outcomes {
			oj := OutcomeJSON{Name: o.Name, Measures: measuresJSON(o.Measures), Lanes: []OutcomeLaneJSON{}}
			for _, ol := range o.Lanes {
				oj.Lanes = append(oj.Lanes, OutcomeLaneJSON{Capability: ol.Lane.Capability, Items: itemIDs(ol.Items)})
			}
			tj.Outcomes = append(tj.Outcomes, oj)
		}
		out.Tracks = append(out.Tracks, tj)
	}
	return out
}

func roadmapItemJSON(it *RoadmapItem) RoadmapItemJSON {
	ij := RoadmapItemJSON{ID: it.Doc.ID, Title: it.Doc.Title, URL: it.Doc.URL, Track: it.TrackSlug,
		Capability: it.Capability, Status: it.Status, Start: it.Start.Text, End: it.End.Text,
		Slipped: it.Slipped, Maturity: MaturityJSON{Current: it.Maturity.Current, Target: it.Maturity.Target},
		Milestones: []MilestoneJSON{}, DependsOn: itemIDs(it.DependsOn), DependedOnBy: itemIDs(it.DependedOnBy),
		Delivers: []string{}, Outcomes: measuresJSON(it.Outcomes), Jira: it.Jira, JiraURL: it.JiraURL}
	if it.Dated {
		ij.From, ij.To = day(it.From), day(it.To)
	}
	for _, m := range it.Milestones {
		ij.Milestones = append(ij.Milestones, MilestoneJSON{Name: m.Name, Date: day(m.Date), Done: m.Done, State: m.State})
	}
	for _, bp := range it.Delivers {
		ij.Delivers = append(ij.Delivers, bp.ID)
	}
	return ij
}

func measuresJSON(ms []OutcomeMeasure) []OutcomeMeasureJSON {
	out := []OutcomeMeasureJSON{}
	for _, m := range ms {
		out = append(out, OutcomeMeasureJSON{Name: m.Name, KPI: m.KPI, Baseline: m.Baseline, Target: m.Target, Item: m.Item.Doc.ID})
	}
	return out
}

func itemIDs(items []*RoadmapItem) []string {
	out := make([]string, 0, len(items))
	for _, it := range items {
		out = append(out, it.Doc.ID)
	}
	return out
}

// quarterText writes a quarter index as it is written in front matter: "2026-Q3".
func quarterText(q int) string { return strings.Replace(quarterName(q), " ", "-", 1) }
