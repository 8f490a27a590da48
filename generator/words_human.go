package generator

import (
	"strconv"
	"strings"
)

// acronyms are the words Humanize writes in capitals (or as their owners
// write them) rather than with a capital first letter: "nfrs" → "NFRs",
// "kpi" → "KPI", "iam" → "IAM".
var acronyms = map[string]string{
	"adr": "ADR", "adrs": "ADRs", "api": "API", "apis": "APIs", "csv": "CSV", "ddos": "DDoS",
	"dns": "DNS", "iam": "IAM", "id": "ID", "ids": "IDs", "iso": "ISO", "jira": "JIRA",
	"json": "JSON", "kpi": "KPI", "kpis": "KPIs", "linddun": "LINDDUN", "mfa": "MFA",
	"nfr": "NFR", "nfrs": "NFRs", "nist": "NIST", "oidc": "OIDC", "oscal": "OSCAL",
	"pci": "PCI", "pii": "PII", "poc": "PoC", "pocs": "PoCs", "rpo": "RPO", "rto": "RTO",
	"saml": "SAML", "sdlc": "SDLC", "sla": "SLA", "slas": "SLAs", "sso": "SSO",
	"stride": "STRIDE", "tls": "TLS", "url": "URL", "urls": "URLs", "waf": "WAF",
}

// withAcronyms writes the words of s (separated by spaces) that are acronyms
// as acronyms.
func withAcronyms(s string) string {
	words := strings.Split(s, " ")
	changed := false
	for i, w := range words {
		if a, ok := acronyms[strings.ToLower(w)]; ok && a != w {
			words[i], changed = a, true
		}
	}
	if !changed {
		return s
	}
	return strings.Join(words, " ")
}

// Words returns the duration as a reader says it: "6 months", "1 year",
// "2 weeks", "1 year 6 months"; the text as written when it is empty.
func (d Duration) Words() string {
	var parts []string
	add := func(n int, one, many string) {
		if n != 0 {
			parts = append(parts, strconv.Itoa(n)+" "+PluralWord(n, one, many))
		}
	}
	add(d.Years, "year", "years")
	add(d.Months, "month", "months")
	if d.Days%7 == 0 {
		add(d.Days/7, "week", "weeks")
	} else {
		add(d.Days, "day", "days")
	}
	if len(parts) == 0 {
		return d.Text
	}
	return strings.Join(parts, " ")
}
