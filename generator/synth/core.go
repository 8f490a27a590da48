package synth

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
)

// blueprint writes a blueprint; it depends only on blueprints made before it, so
// depends_on is a DAG. Early blueprints are drawn more often: shared platforms.
func (g *gen) blueprint(d *doc, earlier []*doc) {
	status := g.weighted("implemented", 5, "approved", 2, "proposed", 1, "draft", 1, "retired", 1)
	g.common(d, status, g.sentence())
	d.kv(0, "domain", d.domain)
	lifecycle := map[string]string{"implemented": "active", "approved": "phase-in", "proposed": "plan",
		"draft": "plan", "retired": "end-of-life"}[status]
	d.kv(0, "lifecycle", lifecycle)
	d.kv(0, "criticality", g.weighted("low", 2, "medium", 4, "high", 3, "mission-critical", 1))
	d.kv(0, "data_classification", g.weighted("public", 1, "internal", 4, "confidential", 3, "restricted", 2))
	d.line(0, "layers:")
	for _, l := range []string{"channel", "services", "backend", "platform"} {
		d.kv(2, l, scalar(g.sentence()))
	}
	d.components = pickN(g, components, g.between(3, 6))
	d.kv(0, "components", flow(d.components))
	g.dependsOn(d, earlier)
	g.compliance(d)
	d.kv(0, "capabilities", flow(pickN(g, capabilities, g.between(1, 2))))
	if decisions := g.byKind["decision"]; g.chance(.5) {
		ds := ids(pickN(g, decisions, g.between(1, 2)))
		d.kv(0, "decisions", flow(ds))
		d.related = append(d.related, ds...)
	}
	if nfrs := g.byKind["nfr"]; g.chance(.4) {
		ns := ids(pickN(g, nfrs, g.between(1, 2)))
		d.kv(0, "nfrs", flow(ns))
		d.related = append(d.related, ns...)
	}
}

// shallowDeps is how many dependencies the Shallow shape draws (0–4, some of them
// the same), none in the HubHeavy shape.
func (g *gen) shallowDeps() int {
	if g.shape == HubHeavy {
		return 0
	}
	return g.between(0, 4)
}

func (g *gen) dependsOn(d *doc, earlier []*doc) {
	if len(earlier) == 0 {
		return
	}
	seen := map[*doc]bool{}
	var deps []*doc
	if g.shape == HubHeavy {
		// Uniform among the earlier ones: every blueprint is a possible hub, and
		// the first ones are reached, through others, by most of the portfolio.
		deps = pickFew(g, earlier, g.between(0, 5))
	}
	for range g.shallowDeps() {
		u := g.rng.Float64()
		dep := earlier[int(math.Floor(u*u*float64(len(earlier))))]
		if !seen[dep] {
			seen[dep] = true
			deps = append(deps, dep)
		}
	}
	if len(deps) == 0 {
		return
	}
	d.line(0, "depends_on:")
	for _, dep := range deps {
		d.related = append(d.related, dep.id)
		if g.chance(.6) {
			d.line(2, "- "+dep.id)
			continue
		}
		d.item(2, "id", dep.id)
		d.kv(4, "via", pick(g, d.components))
		d.kv(4, "protocol", scalar(pick(g, protocols)))
		d.kv(4, "data", scalar(pick(g, dataKinds)))
		d.kv(4, "description", scalar(g.sentence()))
	}
}

// compliance writes the alignment records: one for every standard that applies to
// the blueprint's domain, and a few more (in the HubHeavy shape, up to 3–8 in
// all). Each status carries what it needs.
func (g *gen) compliance(d *doc) {
	stds := slices.Clone(g.appliesTo[d.domain])
	if g.shape == HubHeavy {
		for want := min(g.between(3, 8), len(g.byKind["standard"])); len(stds) < want; {
			if s := pick(g, g.byKind["standard"]); !slices.Contains(stds, s) {
				stds = append(stds, s)
			}
		}
	} else {
		for _, s := range pickN(g, g.byKind["standard"], g.between(2, 4)) {
			if !slices.Contains(stds, s) {
				stds = append(stds, s)
			}
		}
	}
	d.line(0, "compliance:")
	for _, s := range stds {
		status := g.weighted("implemented", 50, "partial", 12, "planned", 10, "alternative", 5,
			"not-applicable", 8, "exception", 5, "non-compliant", 10)
		fields := []string{"standard: " + s.id}
		if g.chance(.3) {
			fields = append(fields, "statement: "+pick(g, s.statements))
		}
		fields = append(fields, "status: "+status)
		switch status {
		case "partial", "planned":
			fields = append(fields, "planned: "+g.quarter(g.between(1, 6)))
		case "alternative", "not-applicable":
			fields = append(fields, "justification: "+scalar(g.sentence()))
		case "exception":
			fields = append(fields, fmt.Sprintf("waiver: {approved_by: %s, expires: %s, justification: %s}",
				scalar(pick(g, people)), g.daysFromToday(g.between(60, 540)), scalar(g.sentence())))
		}
		if status != "not-applicable" {
			fields = append(fields, "evidence: "+flow([]string{g.evidence(d)}))
		}
		fields = append(fields, "assessed: "+g.daysFromToday(-g.between(5, 300)))
		d.line(2, "- {"+strings.Join(fields, ", ")+"}")
		d.related = append(d.related, s.id)
	}
}

func (g *gen) evidence(d *doc) string {
	if tm := g.tmOf[d]; tm != nil && g.chance(.3) {
		return tm.id
	}
	return fmt.Sprintf("https://evidence.example.invalid/%s/%d", d.id, g.between(100, 999))
}

// remediation writes a backlog item raised by a review or a threat model, which
// then lists it.
func (g *gen) remediation(d *doc, i int) {
	src := pick(g, g.byKind["review"])
	if g.chance(.5) {
		src = pick(g, g.byKind["threat-model"])
	}
	src.raised = append(src.raised, d.id)
	status := g.weighted("open", 4, "in-progress", 3, "blocked", 1, "done", 3, "risk-accepted", 1)
	g.common(d, status, g.sentence())
	d.kv(0, "jira", fmt.Sprintf("SEC-%d", 1000+i))
	d.kv(0, "severity", g.weighted("critical", 1, "high", 3, "medium", 4, "low", 2))
	d.kv(0, "source", src.id)
	affects := []string{src.subject.id}
	d.kv(0, "affects", flow(affects))
	std := pick(g, g.byKind["standard"])
	d.kv(0, "standard", std.id)
	discovered := -g.between(5, 400)
	d.kv(0, "discovered", g.daysFromToday(discovered))
	if g.chance(.4) {
		d.kv(0, "due", g.daysFromToday(discovered+g.between(30, 180)))
	}
	if status == "risk-accepted" {
		d.line(0, "waiver:")
		d.kv(2, "approved_by", scalar(pick(g, people)))
		d.kv(2, "expires", g.daysFromToday(g.between(60, 540)))
		d.kv(2, "justification", scalar(g.sentence()))
	}
	d.related = append(d.related, src.id, src.subject.id, std.id)
}

func (g *gen) threatModel(d *doc) {
	g.common(d, g.weighted("approved", 5, "in-review", 2, "draft", 2, "outdated", 1), g.sentence())
	d.kv(0, "subject", d.subject.id)
	d.kv(0, "methodology", g.weighted("stride", 8, "linddun", 1, "other", 1))
	d.line(0, "threats:")
	n := max(g.between(3, 7), len(d.raised))
	num := d.id[len("tm-"):]
	for k := range n {
		d.item(2, "id", fmt.Sprintf("TM-%s-%d", num, k+1))
		d.kv(4, "title", scalar(capitalize(pick(g, objects))+" "+pick(g, []string{"exposed", "tampered with",
			"replayed", "exfiltrated", "flooded", "forged"})+" "+pick(g, qualifiers)))
		d.kv(4, "stride", pick(g, strides))
		d.kv(4, "target", pick(g, d.subject.components))
		d.kv(4, "likelihood", fmt.Sprint(g.between(1, 4)))
		d.kv(4, "impact", fmt.Sprint(g.between(1, 4)))
		d.kv(4, "status", g.weighted("open", 3, "mitigating", 2, "mitigated", 4, "accepted", 1, "transferred", 1))
		var mit []string
		if g.chance(.7) {
			mit = append(mit, pick(g, g.byKind["standard"]).id)
		}
		if g.chance(.3) {
			mit = append(mit, pick(g, g.byKind["decision"]).id)
		}
		if len(mit) > 0 {
			d.kv(4, "mitigations", flow(mit))
		}
		if k < len(d.raised) {
			d.kv(4, "remediation", flow([]string{d.raised[k]}))
		}
	}
	d.related = append(d.related, d.subject.id)
	d.related = append(d.related, d.raised...)
}

func (g *gen) review(d *doc) {
	stage := g.weighted("design", 3, "implementation", 2, "periodic", 2)
	d.title = fmt.Sprintf("%s review — %s (%s)", capitalize(stage), d.subject.title, d.id)
	g.common(d, g.weighted("completed", 6, "in-progress", 1), g.sentence())
	d.kv(0, "stage", stage)
	d.kv(0, "subject", d.subject.id)
	d.kv(0, "date", g.daysFromToday(-g.between(10, 500)))
	d.kv(0, "reviewers", flow(pickN(g, people, g.between(2, 4))))
	outcome := g.weighted("approved", 3, "approved-with-conditions", 4, "rejected", 1, "deferred", 1)
	d.kv(0, "outcome", outcome)
	if len(d.raised) > 0 || g.chance(.5) {
		d.line(0, "findings:")
		for k := range max(len(d.raised), 1) {
			d.item(2, "id", fmt.Sprintf("F-%s-%d", d.id[len("rev-"):], k+1))
			d.kv(4, "title", scalar(capitalize(pick(g, objects))+" without "+pick(g, []string{"encryption",
				"monitoring", "rate limiting", "an owner", "a retention rule", "integrity checks"})))
			d.kv(4, "severity", g.weighted("critical", 1, "high", 3, "medium", 4, "low", 2))
			d.kv(4, "standard", pick(g, g.byKind["standard"]).id)
			if k < len(d.raised) {
				d.kv(4, "remediation", d.raised[k])
			}
		}
	}
	if outcome == "approved-with-conditions" {
		d.line(0, "conditions:")
		for range g.between(1, 3) {
			d.item(2, "text", scalar(g.sentence()))
			d.kv(4, "due", g.daysFromToday(g.between(-60, 200)))
			d.kv(4, "met", fmt.Sprint(g.chance(.5)))
		}
	}
	d.kv(0, "next", g.daysFromToday(g.between(-30, 365)))
	d.related = append(d.related, d.subject.id)
	d.related = append(d.related, d.raised...)
}

// roadmap writes the i-th of n roadmap items: later items start later, and depend
// only on earlier ones.
func (g *gen) roadmap(d *doc, earlier []*doc, i, n int) {
	capability := d.domain
	d.title = fmt.Sprintf("%s increment %d", strings.ToUpper(capability[:1])+strings.ReplaceAll(capability[1:], "-", " "), i+1)
	start := -8 + i*16/max(n, 1) + g.rng.IntN(2)
	end := start + g.between(1, 4)
	status := g.roadmapStatus(start, end)
	d.qStart, d.qEnd, d.status = start, end, status
	g.common(d, status, g.sentence())
	d.kv(0, "capability", capability)
	d.kv(0, "track", "iam")
	d.kv(0, "start", g.quarter(start))
	d.kv(0, "end", g.quarter(end))
	d.kv(0, "jira", fmt.Sprintf("IAM-%d", 100+i))
	levels := []string{"traditional", "initial", "advanced", "optimal"}
	cur := g.rng.IntN(3)
	d.kv(0, "maturity", fmt.Sprintf("{current: %s, target: %s}", levels[cur], levels[cur+1+g.rng.IntN(3-cur)]))
	d.line(0, "outcomes:")
	for range g.between(1, 2) {
		d.line(2, fmt.Sprintf("- {name: %s, kpi: %s, baseline: %q, target: %q}", scalar(capitalize(pick(g, objects))+" protected"),
			scalar("Share of "+pick(g, objects)), fmt.Sprintf("%d%%", g.rng.IntN(40)), fmt.Sprintf("%d%%", 60+g.rng.IntN(41))))
	}
	g.milestones(d, start, end, status)
	// An item depends only on live items that end before it starts (check warns
	// otherwise).
	var before []*doc
	for _, e := range earlier[max(0, len(earlier)-20):] {
		if e.qEnd < start && e.status != "cancelled" {
			before = append(before, e)
		}
	}
	if len(before) > 0 && g.chance(.5) {
		deps := ids(pickN(g, before, g.between(1, 2)))
		d.kv(0, "depends_on", flow(deps))
		d.related = append(d.related, deps...)
	}
	delivers := ids(pickN(g, g.byKind["blueprint"], g.between(1, 3)))
	d.kv(0, "delivers", flow(delivers))
	d.related = append(d.related, delivers...)
}

func (g *gen) roadmapStatus(start, end int) string {
	switch {
	case end < 0:
		return g.weighted("done", 8, "cancelled", 1, "in-progress", 1) // in-progress here has slipped
	case start > 0:
		return g.weighted("planned", 3, "proposed", 2)
	}
	return g.weighted("in-progress", 6, "on-hold", 1, "planned", 1)
}

func (g *gen) milestones(d *doc, start, end int, status string) {
	from, to := g.quarterStart(start), g.quarterStart(end+1).AddDate(0, 0, -1)
	days := int(to.Sub(from).Hours() / 24)
	d.line(0, "milestones:")
	for k := range g.between(2, 4) {
		at := from.AddDate(0, 0, days*(k+1)/5)
		done := at.Before(g.today) && status != "cancelled"
		d.line(2, fmt.Sprintf("- {name: %s, date: %s, done: %t}", scalar("Milestone "+fmt.Sprint(k+1)+" "+pick(g, verbs)+" "+pick(g, objects)),
			at.Format(time.DateOnly), done))
	}
}
