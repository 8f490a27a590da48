package threagile

import (
	"bytes"
	"cmp"
	"fmt"
	"html"
	"maps"
	"path"
	"regexp"
	"slices"
	"strings"

	"archfolio/generator"
	"archfolio/generator/risk"

	"gopkg.in/yaml.v3"
)

// document is the threat model the import writes, its fields in writing order.
type document struct {
	Kind            string      `yaml:"kind"`
	Title           string      `yaml:"title"`
	Status          string      `yaml:"status"`
	Subject         string      `yaml:"subject"`
	Methodology     string      `yaml:"methodology"`
	Summary         string      `yaml:"summary"`
	DataAssets      []dataOut   `yaml:"data_assets,omitempty"`
	Assets          []assetOut  `yaml:"assets,omitempty"`
	TrustBoundaries []boundOut  `yaml:"trust_boundaries,omitempty"`
	DataFlows       []flowOut   `yaml:"data_flows,omitempty"`
	Threats         []threatOut `yaml:"threats,omitempty"`
}

type dataOut struct {
	ID              string `yaml:"id"`
	Title           string `yaml:"title"`
	Confidentiality string `yaml:"confidentiality,omitempty"`
	Integrity       string `yaml:"integrity,omitempty"`
	Availability    string `yaml:"availability,omitempty"`
}

type assetOut struct {
	ID         string   `yaml:"id"`
	Title      string   `yaml:"title"`
	Type       string   `yaml:"type,omitempty"`
	Technology string   `yaml:"technology,omitempty"`
	Internet   bool     `yaml:"internet,omitempty"`
	OutOfScope bool     `yaml:"out_of_scope,omitempty"`
	Stores     []string `yaml:"stores,omitempty,flow"`
	Processes  []string `yaml:"processes,omitempty,flow"`
	Blueprint  string   `yaml:"blueprint,omitempty"`
}

type boundOut struct {
	ID         string   `yaml:"id"`
	Title      string   `yaml:"title"`
	Type       string   `yaml:"type,omitempty"`
	Assets     []string `yaml:"assets,omitempty,flow"`
	Boundaries []string `yaml:"boundaries,omitempty,flow"`
}

type flowOut struct {
	ID             string   `yaml:"id"`
	Title          string   `yaml:"title"`
	From           string   `yaml:"from"`
	To             string   `yaml:"to"`
	Protocol       string   `yaml:"protocol,omitempty"`
	Authentication string   `yaml:"authentication,omitempty"`
	Authorization  string   `yaml:"authorization,omitempty"`
	Encrypted      bool     `yaml:"encrypted"`
	Sends          []string `yaml:"sends,omitempty,flow"`
	Receives       []string `yaml:"receives,omitempty,flow"`
}

type threatOut struct {
	ID         string `yaml:"id"`
	Title      string `yaml:"title"`
	Target     string `yaml:"target,omitempty"`
	Likelihood int    `yaml:"likelihood"`
	Impact     int    `yaml:"impact"`
	Status     string `yaml:"status"`
}

// Threagile's scales, weight 1 first: the same weights archfolio's likelihood
// and impact use.
var (
	likelihoods = []string{"unlikely", "likely", "very-likely", "frequent"}
	impacts     = []string{"low", "medium", "high", "very-high"}
)

// statuses maps Threagile's risk statuses to threat statuses.
var statuses = map[string]string{
	"unchecked": "open", "in-discussion": "open", "accepted": "accepted",
	"in-progress": "mitigating", "mitigated": "mitigated", "false-positive": "false-positive",
}

// encryptedProtocols are the protocols Threagile counts as encrypted.
var encryptedProtocols = []string{"https", "wss", "ssh", "ssh-tunnel", "ftps", "sftp", "scp", "ldaps"}

// convert makes the threat model's markdown from the model and its risks,
// noting in res what it mapped or left out.
func convert(m *model, risks []finding, subject string, p *generator.Portfolio, res *Result) ([]byte, error) {
	doc := document{Kind: "threat-model", Title: m.Title, Status: "draft", Subject: subject, Methodology: "other",
		Summary: "Imported from the Threagile model " + m.Title + "."}
	for _, title := range sortedByID(m.DataAssets, func(a dataAsset) string { return a.ID }) {
		a := m.DataAssets[title]
		doc.DataAssets = append(doc.DataAssets, dataOut{ID: a.ID, Title: title, Confidentiality: a.Confidentiality,
			Integrity: a.Integrity, Availability: a.Availability})
	}
	for _, title := range sortedByID(m.TechnicalAssets, func(a technicalAsset) string { return a.ID }) {
		a := m.TechnicalAssets[title]
		out := assetOut{ID: a.ID, Title: title, Type: a.Type, Technology: a.Technology, Internet: a.Internet,
			OutOfScope: a.OutOfScope, Stores: a.Stored, Processes: a.Processed}
		if bp := p.ByID[a.ID]; bp != nil && bp.Kind == "blueprint" {
			out.Blueprint = a.ID
		}
		doc.Assets = append(doc.Assets, out)
		for _, lt := range slices.Sorted(maps.Keys(a.Links)) {
			l := a.Links[lt]
			doc.DataFlows = append(doc.DataFlows, flowOut{ID: flowID(a.ID, lt), Title: lt, From: a.ID, To: l.Target,
				Protocol: l.Protocol, Authentication: l.Authentication, Authorization: l.Authorization,
				Encrypted: l.VPN || slices.Contains(encryptedProtocols, l.Protocol) || strings.HasSuffix(l.Protocol, "-encrypted"),
				Sends:     l.Sent, Receives: l.Received})
		}
	}
	slices.SortFunc(doc.DataFlows, func(a, b flowOut) int { return strings.Compare(a.ID, b.ID) })
	for _, title := range sortedByID(m.TrustBoundaries, func(b trustBoundary) string { return b.ID }) {
		b := m.TrustBoundaries[title]
		doc.TrustBoundaries = append(doc.TrustBoundaries, boundOut{ID: b.ID, Title: title, Type: b.Type,
			Assets: b.Inside, Boundaries: b.Nested})
	}
	for _, r := range risks {
		doc.Threats = append(doc.Threats, threat(r, m.RiskTracking, res))
	}
	slices.SortStableFunc(doc.Threats, func(a, b threatOut) int {
		return cmp.Or(cmp.Compare(b.Likelihood*b.Impact, a.Likelihood*a.Impact), strings.Compare(a.ID, b.ID))
	})
	uniqueIDs(doc.Threats, res)
	res.DataAssets, res.Assets, res.Boundaries = len(doc.DataAssets), len(doc.Assets), len(doc.TrustBoundaries)
	res.Flows, res.Threats = len(doc.DataFlows), len(doc.Threats)
	return markdown(doc, res)
}

// threat is a risk of risks.json as a threat.
func threat(r finding, tracked map[string]tracking, res *Result) threatOut {
	t := threatOut{ID: r.SyntheticID, Title: plainText(r.Title), Target: cmp.Or(r.Link, r.TechnicalAsset),
		Likelihood: weight(likelihoods, r.Likelihood), Impact: weight(impacts, r.Impact)}
	status := r.Status
	if status == "" {
		status = trackedStatus(r.SyntheticID, tracked)
	}
	t.Status = cmp.Or(statuses[status], "open")
	if got, want := risk.ThreatSeverity(t.Likelihood, t.Impact), cmp.Or(r.Severity, "low"); got != want {
		res.Notes = append(res.Notes, fmt.Sprintf("risk %s: Threagile rates it %s, its likelihood %s and impact %s give %s",
			r.SyntheticID, want, likelihoods[t.Likelihood-1], impacts[t.Impact-1], got))
	}
	return t
}

// uniqueIDs numbers the threats of a synthetic id risks.json has more than
// once (Threagile gives one id to a rule's risks on two links between the same
// assets): the second is ID-2, and so on.
func uniqueIDs(threats []threatOut, res *Result) {
	seen := map[string]int{}
	for i, t := range threats {
		if seen[t.ID]++; seen[t.ID] > 1 {
			threats[i].ID = fmt.Sprintf("%s-%d", t.ID, seen[t.ID])
			res.Notes = append(res.Notes, fmt.Sprintf("risk %s is in risks.json more than once: this one is threat %s", t.ID, threats[i].ID))
		}
	}
}

// weight is a value's weight on a Threagile scale (1 to 4). risks.json leaves
// out a value of weight 1 (Threagile writes its scales as numbers from 0 with
// omitempty), so an empty value weighs 1; one not on the scale, too.
func weight(scale []string, v string) int {
	return max(slices.Index(scale, strings.ToLower(v)), 0) + 1
}

// trackedStatus is the status of the model's risk_tracking entry that matches a
// synthetic id: the same id, or a pattern whose "*" parts match any part.
func trackedStatus(id string, tracked map[string]tracking) string {
	if t, ok := tracked[id]; ok {
		return t.Status
	}
	parts := strings.Split(id, "@")
	for _, pattern := range slices.Sorted(maps.Keys(tracked)) {
		pp := strings.Split(pattern, "@")
		if len(pp) != len(parts) {
			continue
		}
		match := true
		for k := range pp {
			match = match && (pp[k] == "*" || pp[k] == parts[k])
		}
		if match {
			return tracked[pattern].Status
		}
	}
	return ""
}

var tags = regexp.MustCompile(`<[^>]*>`)

// plainText is a Threagile title without its HTML.
func plainText(s string) string {
	return strings.Join(strings.Fields(html.UnescapeString(tags.ReplaceAllString(s, ""))), " ")
}

// flowID is Threagile's id of a communication link: its source asset's id, ">"
// and its title in lower case, runs of other characters than letters and
// digits made one "-".
func flowID(source, title string) string {
	return source + ">" + strings.Trim(nonAlnum.ReplaceAllString(strings.ToLower(title), "-"), "- ")
}

var nonAlnum = regexp.MustCompile(`[^A-Za-z0-9]+`)

// sortedByID lists a Threagile mapping's titles in the order of their ids.
func sortedByID[T any](m map[string]T, id func(T) string) []string {
	titles := slices.Collect(maps.Keys(m))
	slices.SortFunc(titles, func(a, b string) int { return cmp.Or(strings.Compare(id(m[a]), id(m[b])), strings.Compare(a, b)) })
	return titles
}

// markdown writes the document: its front matter and a body that says where
// it came from.
func markdown(doc document, res *Result) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("---\n")
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	b.WriteString("---\n\n")
	fmt.Fprintf(&b, "Imported with `archfolio import threagile` from %s", "`"+path.Base(res.Model)+"`")
	if res.Risks != "" {
		fmt.Fprintf(&b, " and the risks Threagile found in it, `%s`", path.Base(res.Risks))
	}
	b.WriteString(". The data-flow diagram, its tables and the threats on this page are the model's; ")
	b.WriteString("write the team's analysis here.\n")
	return b.Bytes(), nil
}
