package synth

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// sharedSnippets is how many boilerplate blocks documents copy from each other
// (a logging sidecar, a standard module call): a shared block is byte-identical
// wherever it appears, which is what a highlight cache can exploit. The rest of
// the blocks name their own document, so they are unique.
const sharedSnippets = 24

// codeBlock writes the lines of a fenced block in lang for d.
func codeBlock(g *gen, d *doc, lang string, shared bool) string {
	r, name := g.rng, d.id
	if shared {
		k := g.rng.IntN(sharedSnippets)
		r = rand.New(rand.NewPCG(uint64(k), 7))
		name = fmt.Sprintf("platform-baseline-%d", k)
	}
	switch lang {
	case "yaml":
		return yamlBlocks[r.IntN(len(yamlBlocks))](r, name)
	case "go":
		return goBlocks[r.IntN(len(goBlocks))](r, name)
	}
	return hclBlocks[r.IntN(len(hclBlocks))](r, name)
}

type snippet func(r *rand.Rand, name string) string

var yamlBlocks = []snippet{
	func(r *rand.Rand, name string) string {
		return fmt.Sprintf(`# deploy/%[1]s.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: %[1]s
  labels: {app: %[1]s, tier: %[2]s}
spec:
  replicas: %[3]d
  selector:
    matchLabels: {app: %[1]s}
  template:
    spec:
      containers:
        - name: app
          image: registry.example.invalid/%[1]s:1.%[4]d.%[5]d
          ports: [{containerPort: %[6]d}]
          resources:
            limits: {cpu: "%[7]dm", memory: %[8]dMi}
          readinessProbe:
            httpGet: {path: /healthz, port: %[6]d}
`, name, pickR(r, "web", "api", "worker"), 2+r.IntN(4), r.IntN(30), r.IntN(10), 8000+r.IntN(1000),
			250*(1+r.IntN(4)), 256*(1+r.IntN(4)))
	},
	func(r *rand.Rand, name string) string {
		return fmt.Sprintf(`# kong/%[1]s.yaml — deck format
_format_version: "3.0"
services:
  - name: %[1]s
    url: https://%[1]s.svc.cluster.local:%[2]d
    routes:
      - name: %[1]s-v%[3]d
        paths: [/v%[3]d/%[4]s]
        methods: [GET, POST]
    plugins:
      - name: openid-connect
        config:
          issuer: https://login.example.invalid/realms/%[5]s
          auth_methods: [bearer]
      - name: rate-limiting
        config: {minute: %[6]d, policy: redis}
`, name, 8000+r.IntN(1000), 1+r.IntN(3), pickR(r, "payments", "claims", "policies", "quotes", "users"),
			pickR(r, "customers", "staff", "partners"), 60*(1+r.IntN(10)))
	},
	func(r *rand.Rand, name string) string {
		return fmt.Sprintf(`# policy/%[1]s.yaml
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: %[1]s-default-deny
spec:
  podSelector: {matchLabels: {app: %[1]s}}
  policyTypes: [Ingress, Egress]
  ingress:
    - from: [{namespaceSelector: {matchLabels: {zone: %[2]s}}}]
      ports: [{port: %[3]d, protocol: TCP}]
  egress:
    - to: [{ipBlock: {cidr: 10.%[4]d.0.0/16}}]
      ports: [{port: 5432}, {port: 443}]
`, name, pickR(r, "dmz", "app", "restricted"), 8000+r.IntN(1000), r.IntN(250))
	},
}

var goBlocks = []snippet{
	func(r *rand.Rand, name string) string {
		typ := goName(name)
		return fmt.Sprintf(`// %[1]sClient calls %[2]s with retries and a deadline.
type %[1]sClient struct {
	base    string
	http    *http.Client
	retries int
}

func (c *%[1]sClient) Get(ctx context.Context, id string) (*Record, error) {
	ctx, cancel := context.WithTimeout(ctx, %[3]d*time.Millisecond)
	defer cancel()
	var lastErr error
	for attempt := 0; attempt <= c.retries; attempt++ {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+"/v%[4]d/records/"+id, nil)
		if err != nil {
			return nil, err
		}
		resp, err := c.http.Do(req)
		if err != nil {
			lastErr = err
			continue
		}
		defer resp.Body.Close()
		var rec Record
		return &rec, json.NewDecoder(resp.Body).Decode(&rec)
	}
	return nil, fmt.Errorf("%[2]s: %%w", lastErr)
}
`, typ, name, 100*(1+r.IntN(20)), 1+r.IntN(3))
	},
	func(r *rand.Rand, name string) string {
		typ := goName(name)
		return fmt.Sprintf(`// %[1]sEvent is published on the %[2]s topic.
type %[1]sEvent struct {
	ID         string    `+"`json:\"id\"`"+`
	Occurred   time.Time `+"`json:\"occurred\"`"+`
	Actor      string    `+"`json:\"actor\"`"+`
	Action     string    `+"`json:\"action\"`"+`
	Sensitive  bool      `+"`json:\"sensitive\"`"+`
	SchemaVer  int       `+"`json:\"schema_version\"`"+`
}

const %[3]sTopic = "%[2]s.events.v%[4]d"

func publish%[1]s(ctx context.Context, w *kafka.Writer, ev %[1]sEvent) error {
	ev.SchemaVer = %[4]d
	data, err := json.Marshal(ev)
	if err != nil {
		return err
	}
	return w.WriteMessages(ctx, kafka.Message{Key: []byte(ev.ID), Value: data})
}
`, typ, name, strings.ToLower(typ[:1])+typ[1:], 1+r.IntN(5))
	},
	func(r *rand.Rand, name string) string {
		typ := goName(name)
		return fmt.Sprintf(`// %[1]sHandler checks the caller's token before serving %[2]s.
func %[1]sHandler(verify func(string) (Claims, error), next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		token := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		claims, err := verify(token)
		switch {
		case err != nil:
			http.Error(w, "unauthorised", http.StatusUnauthorized)
			return
		case !claims.HasScope("%[2]s:%[3]s"):
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		case time.Since(claims.AuthTime) > %[4]d*time.Minute:
			http.Error(w, "step-up required", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(withClaims(r.Context(), claims)))
	})
}
`, typ, name, pickR(r, "read", "write", "admin"), 5*(1+r.IntN(12)))
	},
}

var hclBlocks = []snippet{
	func(r *rand.Rand, name string) string {
		return fmt.Sprintf(`resource "aws_kms_key" "%[1]s" {
  description             = "Data key for %[2]s"
  deletion_window_in_days = %[3]d
  enable_key_rotation     = true
  tags = {
    owner          = "%[4]s"
    classification = "%[5]s"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "%[1]s" {
  bucket = aws_s3_bucket.%[1]s.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.%[1]s.arn
    }
  }
}
`, strings.ReplaceAll(name, "-", "_"), name, 7+r.IntN(24), pickR(r, "platform", "security", "data"),
			pickR(r, "internal", "confidential", "restricted"))
	},
	func(r *rand.Rand, name string) string {
		return fmt.Sprintf(`module "%[1]s" {
  source  = "registry.example.invalid/platform/service/aws"
  version = "~> %[2]d.%[3]d"

  name           = "%[4]s"
  instance_count = %[5]d
  subnets        = var.private_subnets
  ingress_cidrs  = ["10.%[6]d.0.0/16"]

  logging = {
    destination    = "siem"
    retention_days = %[7]d
  }
}
`, strings.ReplaceAll(name, "-", "_"), 1+r.IntN(4), r.IntN(10), name, 2+r.IntN(6), r.IntN(250), 90*(1+r.IntN(8)))
	},
	func(r *rand.Rand, name string) string {
		return fmt.Sprintf(`resource "aws_security_group_rule" "%[1]s_ingress" {
  type              = "ingress"
  from_port         = %[2]d
  to_port           = %[2]d
  protocol          = "tcp"
  cidr_blocks       = ["10.%[3]d.%[4]d.0/24"]
  security_group_id = aws_security_group.%[1]s.id
  description       = "%[5]s from the %[6]s zone"
}
`, strings.ReplaceAll(name, "-", "_"), 8000+r.IntN(1000), r.IntN(250), r.IntN(250), name,
			pickR(r, "application", "restricted", "dmz"))
	},
}

func pickR(r *rand.Rand, options ...string) string { return options[r.IntN(len(options))] }

// goName turns an id into a Go identifier: payments-gateway-3 → PaymentsGateway3.
func goName(id string) string {
	var b strings.Builder
	for _, part := range strings.Split(id, "-") {
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}
