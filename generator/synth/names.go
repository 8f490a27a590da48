package synth

import (
	"fmt"
	"strconv"
	"strings"
)

// newDoc names the i-th document of a kind: ids carry the index, so they are
// unique without bookkeeping, and read like the ids architects write.
func (g *gen) newDoc(kind string, i int) *doc {
	d := &doc{kind: kind}
	n := i + 1
	switch kind {
	case "blueprint":
		d.domain = domains[i%len(domains)]
		noun := pick(g, nouns)
		d.id = fmt.Sprintf("%s-%s-%d", d.domain, noun, n)
		d.title = fmt.Sprintf("%s %s %d", capitalize(d.domain), noun, n)
		if noun == "api" {
			d.title = fmt.Sprintf("%s API %d", capitalize(d.domain), n)
		}
	case "standard":
		fam := families[i%len(families)]
		topic := pick(g, []string{"baseline", "controls", "hardening", "requirements", "policy", "practice"})
		d.id = fmt.Sprintf("%s-%s-%d", fam, topic, n)
		d.title = fmt.Sprintf("%s %s %d", strings.ToUpper(fam), topic, n)
	case "roadmap":
		d.domain = pick(g, capabilities) // the roadmap lane
		d.id = fmt.Sprintf("rm-%s-%d", d.domain, n)
	case "threat-model":
		d.id = fmt.Sprintf("tm-%d", n)
	case "review":
		d.id = fmt.Sprintf("rev-%d", n)
	case "remediation":
		words := pickN(g, []string{"cleartext", "bind", "token", "lifetime", "logging", "exposure", "secrets",
			"rotation", "webhook", "signature", "pinning", "scan", "patch", "backup", "segmentation"}, 2)
		d.id = fmt.Sprintf("rem-%d-%s", n, strings.Join(words, "-"))
		d.title = fmt.Sprintf("%s %s in %s", capitalize(words[0]), words[1], pick(g, components))
	case "decision":
		topic := pick(g, []string{"api-gateway", "token-format", "event-bus", "database", "secrets-store",
			"container-platform", "ci-pipeline", "log-pipeline", "hsm", "identity-provider"})
		d.id = fmt.Sprintf("adr-%04d-%s", n, topic)
		d.title = fmt.Sprintf("ADR-%04d: %s choice", n, capitalize(strings.ReplaceAll(topic, "-", " ")))
	case "vendor":
		d.id = fmt.Sprintf("vendor-%s-%d", pick(g, capabilities), n)
		d.title = fmt.Sprintf("Vendor selection %d", n)
	case "nfr":
		d.id = fmt.Sprintf("nfr-%s-%d", pick(g, []string{"availability", "latency", "audit-trail", "accessibility",
			"portability", "recovery", "throughput"}), n)
		d.title = capitalize(strings.ReplaceAll(strings.TrimPrefix(d.id, "nfr-"), "-", " "))
	case "poc":
		d.id = fmt.Sprintf("poc-%s-%d", pick(g, capabilities), n)
		d.title = "Proof of concept " + strconv.Itoa(n)
	case "guide":
		topic := pick(g, []string{"threat-modelling", "writing-adrs", "api-design", "secrets-handling",
			"logging-practice", "resilience-testing", "data-classification", "cloud-landing-zone"})
		d.id = fmt.Sprintf("guide-%s-%d", topic, n)
		d.title = capitalize(strings.ReplaceAll(topic, "-", " ")) + " guide " + strconv.Itoa(n)
	}
	return d
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
