package synth

import (
	"fmt"
	"strings"
)

// frontMatter writes every document's front matter, kinds in dependency order:
// standards before the blueprints that align with them, remediation items before
// the reviews and threat models that raised them.
func (g *gen) frontMatter() {
	g.assignSubjects()
	for _, d := range g.byKind["standard"] {
		g.standard(d)
	}
	decisions := g.byKind["decision"]
	for i, d := range decisions {
		// About one decision in ten supersedes an earlier one, which then says so.
		if i > 0 && g.chance(.1) {
			if old := decisions[g.rng.IntN(i)]; !old.superseded {
				d.supersedes, old.superseded = old, true
			}
		}
	}
	for _, d := range decisions {
		g.decision(d)
	}
	for _, d := range g.byKind["nfr"] {
		g.nfr(d)
	}
	bps := g.byKind["blueprint"]
	for i, d := range bps {
		g.blueprint(d, bps[:i])
	}
	for i, d := range g.byKind["remediation"] {
		g.remediation(d, i)
	}
	for _, d := range g.byKind["threat-model"] {
		g.threatModel(d)
	}
	for _, d := range g.byKind["review"] {
		g.review(d)
	}
	rms := g.byKind["roadmap"]
	for i, d := range rms {
		g.roadmap(d, rms[:i], i, len(rms))
	}
	for _, d := range g.byKind["vendor"] {
		g.vendor(d)
	}
	for _, d := range g.byKind["poc"] {
		g.poc(d)
	}
	for _, d := range g.byKind["guide"] {
		g.common(d, g.weighted("published", 8, "draft", 1, "retired", 1), g.sentence())
	}
}

// assignSubjects gives every threat model its own blueprint and every review one.
func (g *gen) assignSubjects() {
	bps := g.byKind["blueprint"]
	perm := g.rng.Perm(len(bps))
	for i, d := range g.byKind["threat-model"] {
		d.subject = bps[perm[i%len(perm)]]
		g.tmOf[d.subject] = d
		d.title = "Threat model — " + d.subject.title
	}
	for _, d := range g.byKind["review"] {
		d.subject = pick(g, bps)
	}
}

func (g *gen) standard(d *doc) {
	g.common(d, g.weighted("effective", 6, "approved", 2, "draft", 1, "retired", 1), g.sentence())
	fam := d.id[:strings.IndexByte(d.id, '-')]
	d.kv(0, "family", fam)
	d.kv(0, "version", fmt.Sprintf("%q", fmt.Sprintf("%d.%d", g.between(1, 4), g.between(0, 9))))
	d.line(0, "statements:")
	prefix := strings.ToUpper(fam) + "-" + d.id[strings.LastIndexByte(d.id, '-')+1:]
	for j := range g.between(3, 6) {
		sid := fmt.Sprintf("%s-%d", prefix, j+1)
		d.statements = append(d.statements, sid)
		d.item(2, "id", sid)
		d.kv(4, "text", scalar(g.sentence()))
		d.kv(4, "level", g.weighted("must", 5, "should", 3, "may", 1))
	}
	d.line(0, "maps_to:")
	d.kv(2, "nist-800-53r5", flow(pickN(g, []string{"ac-2", "ac-3", "ac-6", "au-2", "au-12", "ia-2", "ia-5",
		"sc-8", "sc-12", "sc-13", "sc-28", "si-4", "cp-9", "cm-6"}, g.between(2, 4))))
	if g.chance(.6) {
		d.kv(2, "iso-27001-2022", flow(pickN(g, []string{"a.5.15", "a.8.2", "a.8.5", "a.8.15", "a.8.20",
			"a.8.24", "a.8.13", "a.8.28"}, g.between(1, 3))))
	}
	if g.chance(.1) {
		dom := pick(g, domains)
		d.kv(0, "applies_to", "{domain: ["+dom+"]}")
		g.appliesTo[dom] = append(g.appliesTo[dom], d)
	}
	d.line(0, "effectiveness:")
	for range g.between(1, 3) {
		d.item(2, "metric", scalar(capitalize(pick(g, objects))+" covered by automated checks"))
		d.kv(4, "target", fmt.Sprintf("%q", fmt.Sprintf("%d%%", 80+g.rng.IntN(21))))
	}
}

func (g *gen) decision(d *doc) {
	status := g.weighted("accepted", 7, "proposed", 2, "rejected", 1, "deprecated", 1)
	if d.superseded {
		status = "superseded"
	}
	g.common(d, status, g.sentence())
	d.kv(0, "date", g.daysFromToday(-g.between(30, 900)))
	d.kv(0, "deciders", flow(pickN(g, people, g.between(1, 3))))
	if d.supersedes != nil {
		d.kv(0, "supersedes", flow([]string{d.supersedes.id}))
		d.related = append(d.related, d.supersedes.id)
	}
	if g.chance(.3) {
		d.kv(0, "scope", "[enterprise]")
	} else {
		scope := ids(pickN(g, g.byKind["blueprint"], g.between(1, 3)))
		d.kv(0, "scope", flow(scope))
		d.related = append(d.related, scope...)
	}
}

func (g *gen) nfr(d *doc) {
	g.common(d, g.weighted("approved", 6, "proposed", 2, "draft", 1, "retired", 1), g.sentence())
	d.kv(0, "quality", pick(g, qualities))
	d.kv(0, "priority", g.weighted("must", 3, "should", 2, "could", 1))
	d.line(0, "acceptance:")
	for range g.between(1, 3) {
		d.line(2, fmt.Sprintf("- {measure: %s, target: %q}", scalar(capitalize(pick(g, objects))+" handled in time"),
			fmt.Sprintf("%d.%d%%", 95+g.rng.IntN(5), g.rng.IntN(10))))
	}
	if g.chance(.4) {
		d.kv(0, "applies_to", "[enterprise]")
	} else {
		to := ids(pickN(g, g.byKind["blueprint"], g.between(1, 4)))
		d.kv(0, "applies_to", flow(to))
		d.related = append(d.related, to...)
	}
}

func (g *gen) vendor(d *doc) {
	cap := d.id[len("vendor-"):strings.LastIndexByte(d.id, '-')]
	d.title = "Vendor selection for " + strings.ReplaceAll(cap, "-", " ") + " " + d.id[strings.LastIndexByte(d.id, '-')+1:]
	g.common(d, g.weighted("approved", 5, "proposed", 2, "draft", 2, "superseded", 1), g.sentence())
	d.kv(0, "need", scalar(g.sentence()))
	d.line(0, "criteria:")
	for _, c := range pickN(g, []string{"Standards support", "Total cost of ownership", "Operational effort",
		"Data residency", "Integration effort", "Vendor viability"}, g.between(3, 5)) {
		d.line(2, fmt.Sprintf("- {name: %s, weight: %d}", scalar(c), 5*g.between(2, 6)))
	}
	d.line(0, "options:")
	opts := pickN(g, vendorsList, g.between(2, 4))
	for _, o := range opts {
		d.item(2, "vendor", scalar(o.vendor))
		d.kv(4, "product", scalar(o.product))
		d.kv(4, "score", fmt.Sprintf("%d.%d", g.between(2, 4), g.rng.IntN(10)))
		d.kv(4, "pros", flow([]string{capitalize(pick(g, verbs)) + " " + pick(g, objects), "Mature product"}))
		d.kv(4, "cons", flow([]string{"Licence cost", capitalize(pick(g, objects)) + " need extra work"}))
	}
	d.kv(0, "recommendation", g.weighted("recommended", 5, "conditional", 2, "shortlisted", 2, "not-recommended", 1))
	d.kv(0, "chosen", scalar(pick(g, opts).product))
	d.kv(0, "ring", g.weighted("adopt", 3, "trial", 2, "assess", 2, "hold", 1))
}

func (g *gen) poc(d *doc) {
	start := -g.between(-120, 500)
	end := start + g.between(30, 120)
	status, outcome := "completed", pick(g, []string{"go", "conditional-go", "no-go", "inconclusive"})
	switch {
	case start > 0:
		status, outcome = "proposed", ""
	case end > 0:
		status, outcome = "running", ""
	case g.chance(.1):
		status = "abandoned"
	}
	g.common(d, status, g.sentence())
	d.kv(0, "hypothesis", scalar(g.sentence()))
	d.kv(0, "start", g.daysFromToday(start))
	d.kv(0, "end", g.daysFromToday(end))
	d.line(0, "success_criteria:")
	for range g.between(2, 4) {
		met := ""
		if status == "completed" {
			met = fmt.Sprintf(", met: %t", g.chance(.7))
		}
		d.line(2, fmt.Sprintf("- {criterion: %s, target: %q%s}", scalar(capitalize(pick(g, objects))+" verified"),
			fmt.Sprintf("under %d ms", 50*g.between(1, 10)), met))
	}
	if outcome != "" {
		d.kv(0, "outcome", outcome)
	}
	var follow []string
	for _, k := range []string{"blueprint", "decision", "roadmap"} {
		if g.chance(.5) {
			follow = append(follow, pick(g, g.byKind[k]).id)
		}
	}
	if len(follow) > 0 {
		d.kv(0, "follow_up", flow(follow))
		d.related = append(d.related, follow...)
	}
}

func ids(docs []*doc) []string {
	out := make([]string, len(docs))
	for i, d := range docs {
		out[i] = d.id
	}
	return out
}
