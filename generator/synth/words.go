package synth

// The vocabulary of the synthetic enterprise. Only immutable tables live here.

var domains = []string{"payments", "claims", "policy", "billing", "identity", "data", "channels",
	"partners", "finance", "workforce", "risk", "platform"}

var nouns = []string{"gateway", "portal", "service", "platform", "hub", "engine", "registry", "ledger",
	"broker", "directory", "pipeline", "vault", "scheduler", "catalogue", "console", "api"}

var components = []string{"api-gateway", "web-frontend", "mobile-bff", "orchestrator", "event-publisher",
	"batch-processor", "admin-console", "token-service", "rules-engine", "ledger-db", "object-store",
	"search-index", "cache", "message-queue", "webhook-receiver", "report-generator", "identity-adapter",
	"audit-logger", "scheduler", "file-transfer"}

var teams = []string{"Payments Architecture", "Claims Engineering", "Identity Platform Team", "Security Architecture",
	"Data Platform Team", "Digital Channels", "Policy Administration", "Billing Engineering", "Partner Integration",
	"Finance Systems", "Workforce Technology", "Risk Engineering", "Cloud Platform", "Network Engineering",
	"Enterprise Architecture", "Integration Services", "Customer Experience", "Fraud Analytics Team",
	"Document Services", "Observability Team", "Site Reliability", "Database Engineering", "Mobile Engineering",
	"API Platform", "Messaging Platform", "Developer Experience", "Endpoint Engineering", "Governance Risk and Compliance",
	"Privacy Office", "Cryptography Services", "Security Operations", "Infrastructure Automation",
	"Analytics Engineering", "Core Banking Integration", "Contact Centre Technology", "Broker Platform",
	"Underwriting Systems", "Actuarial Systems", "Procurement Technology", "HR Systems"}

var people = []string{"Priya Raman", "Daniel Brooks", "Tomasz Kowalczyk", "Rafael Costa", "Amara Okafor",
	"Lena Fischer", "Kenji Sato", "Sofia Marquez", "Noah Williams", "Aisha Khan", "Marta Nowak", "Oliver Hughes",
	"Chen Wei", "Fatima Zahra", "Lucas Moreau", "Ingrid Larsen", "Samuel Adeyemi", "Elena Petrova",
	"Mateo Rossi", "Hannah Schmidt", "Architecture Review Board", "Chief Information Security Officer",
	"Head of Enterprise Architecture", "Chief Technology Officer"}

var tagWords = []string{"pci-dss", "gdpr", "sox", "iam", "ciam", "mfa", "sso", "pam", "kubernetes", "aws", "azure",
	"on-premises", "api", "events", "kafka", "batch", "legacy", "modernisation", "cloud-migration", "zero-trust",
	"encryption", "tls", "mtls", "secrets", "logging", "siem", "observability", "resilience", "disaster-recovery",
	"backup", "data-protection", "privacy", "pii", "tokenisation", "fraud", "ml", "analytics", "reporting",
	"mobile", "web", "partner", "broker", "b2b", "b2c", "payments", "claims", "billing", "policy", "finance",
	"hr", "workforce", "network", "segmentation", "firewall", "waf", "ddos", "supply-chain", "sbom", "sast",
	"dast", "container-security", "terraform", "gitops", "ci-cd", "serverless", "postgres", "oracle", "mainframe",
	"sftp", "edi", "search", "caching", "rate-limiting", "oauth2", "oidc", "saml", "scim", "ldap", "passkeys",
	"webauthn", "hsm", "kms", "certificates", "threat-model", "design-review", "adr", "vendor-selection",
	"nfr", "poc", "guide", "training", "runbook", "incident-response", "retention", "archival", "etl",
	"lakehouse", "streaming", "graphql", "grpc", "rest", "soap", "cdn", "dns", "email", "document-management",
	"e-signature", "ocr", "chatbot", "contact-centre", "crm", "erp", "data-quality", "master-data", "lineage"}

var families = []string{"iam", "crypto", "logging", "network", "data", "sdlc", "resilience", "cloud", "privacy", "api"}

var capabilities = []string{"ciam", "workforce-sso", "pam", "iga", "mfa", "directory", "workload-identity", "secrets"}

var protocols = []string{"HTTPS", "gRPC over mTLS", "Kafka", "SFTP", "JDBC over TLS", "AMQP", "REST over mTLS", "LDAPS"}

var dataKinds = []string{"Customer profiles", "Card tokens", "Claim documents", "Policy records", "Payment instructions",
	"Audit events", "Access tokens", "Invoices", "Risk scores", "Employee records", "Telemetry", "Settlement files"}

var strides = []string{"spoofing", "tampering", "repudiation", "information-disclosure", "denial-of-service", "elevation-of-privilege"}

var qualities = []string{"functional-suitability", "performance-efficiency", "compatibility", "usability", "reliability",
	"security", "maintainability", "portability"}

var vendorsList = []struct{ vendor, product string }{
	{"Red Hat", "Keycloak"}, {"Okta", "Customer Identity Cloud"}, {"Microsoft", "Entra ID"}, {"Ping Identity", "PingOne"},
	{"CyberArk", "Privilege Cloud"}, {"Delinea", "Secret Server"}, {"HashiCorp", "Vault Enterprise"},
	{"Splunk", "Enterprise Security"}, {"Elastic", "Security"}, {"Datadog", "Cloud SIEM"}, {"Kong", "Gateway Enterprise"},
	{"Google", "Apigee"}, {"Confluent", "Cloud"}, {"Snowflake", "Data Cloud"}, {"Databricks", "Lakehouse"},
	{"Thales", "Luna HSM"}, {"Entrust", "nShield"}, {"Cloudflare", "Zero Trust"}, {"Zscaler", "Private Access"},
	{"SailPoint", "Identity Security Cloud"},
}

// Prose: sentences are a subject, a verb phrase, an object and a qualifier.
var subjects = []string{"The service", "The platform team", "Each component", "The gateway", "The batch job",
	"The event stream", "The operations console", "Every caller", "The data store", "The integration layer",
	"The control plane", "The review board", "The on-call engineer", "The identity provider", "The build pipeline",
	"The reporting tier", "The mobile client", "The partner interface", "The scheduler", "The audit trail"}

var verbs = []string{"validates", "encrypts", "records", "publishes", "authenticates", "replicates", "rotates",
	"throttles", "reconciles", "archives", "forwards", "signs", "monitors", "caches", "tokenises", "routes",
	"retries", "isolates", "aggregates", "verifies"}

var objects = []string{"every inbound request", "customer records", "the signing keys", "payment instructions",
	"audit events", "session tokens", "the nightly settlement files", "privileged sessions", "partner callbacks",
	"claim documents", "the access policies", "configuration changes", "service certificates", "the usage metrics",
	"failed login attempts", "outbound webhooks", "backup snapshots", "the schema registry", "database credentials",
	"rate limit counters"}

var qualifiers = []string{"before anything reaches the core systems", "within the agreed service level",
	"using keys held in the hardware security module", "so that operators can reconstruct every change",
	"without storing personal data in clear text", "across both availability zones", "on a fixed weekly schedule",
	"as required by the enterprise standard", "and alerts the security operations centre on failure",
	"through the shared integration platform", "with a full history kept for seven years",
	"only after a second approver confirms", "at the edge of the restricted zone", "in line with the target architecture",
	"whenever the upstream contract changes", "to keep recovery time under one hour", "for every tenant separately",
	"while the legacy path is phased out", "behind the web application firewall", "according to the data classification"}

var connectives = []string{"In practice,", "As a result,", "Today,", "During the migration,", "For auditors,",
	"In the target state,", "Since the last review,", "Where possible,", "By design,", "Under load,"}

var headingsByKind = map[string][]string{
	"blueprint":    {"Channel front end", "Services", "Backend and data stores", "Platform", "Integration", "Operations"},
	"standard":     {"Scope", "Requirements", "Implementation guidance", "Verification", "Exceptions"},
	"threat-model": {"System overview", "Trust boundaries", "Threat analysis", "Mitigations", "Residual risk"},
	"roadmap":      {"Objective", "Scope", "Delivery plan", "Dependencies", "Measures of success"},
	"review":       {"Scope of the review", "Observations", "Findings", "Conditions", "Recommendation"},
	"remediation":  {"Problem", "Impact", "Fix", "Verification", "Timeline"},
	"decision":     {"Context and problem", "Decision drivers", "Considered options", "Decision outcome", "Consequences"},
	"vendor":       {"Need", "Evaluation", "Options", "Recommendation", "Commercials"},
	"nfr":          {"Requirement", "Rationale", "Measurement", "Applicability", "Exceptions"},
	"poc":          {"Hypothesis", "Set-up", "Results", "Lessons learned", "Follow-up"},
	"guide":        {"Purpose", "Principles", "Step by step", "Examples", "Further reading"},
}
