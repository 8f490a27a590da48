package backstage

import (
	"fmt"
	"strings"

	"archfolio/generator"
)

// DefaultNamespace is the namespace of an entity or ref that names none.
const DefaultNamespace = "default"

// Ref is an entity reference, kind:namespace/name, all lower case (Backstage
// compares refs without regard to case).
type Ref struct {
	Kind, Namespace, Name string
}

// String writes the ref in full: component:default/payments-api.
func (r Ref) String() string { return r.Kind + ":" + r.Namespace + "/" + r.Name }

// ParseRef reads [kind:][namespace/]name. defaultKind is the field's ("group" for
// owner, "system" for system …); "" means the field has none and the ref must
// name its kind. The namespace defaults to the referring entity's, as in
// Backstage.
func ParseRef(text, defaultKind, namespace string) (Ref, error) {
	s := strings.ToLower(strings.TrimSpace(text))
	r := Ref{Kind: defaultKind, Namespace: namespace}
	if k, rest, ok := strings.Cut(s, ":"); ok {
		r.Kind, s = k, rest
	}
	if ns, rest, ok := strings.Cut(s, "/"); ok {
		r.Namespace, s = ns, rest
	}
	r.Name = s
	switch {
	case r.Name == "" || r.Namespace == "" || strings.ContainsAny(r.Name, ":/ ") || strings.Contains(r.Kind, "/"):
		return Ref{}, fmt.Errorf("%q is not an entity ref ([kind:][namespace/]name)", text)
	case r.Kind == "":
		return Ref{}, fmt.Errorf("%q names no kind; write it kind:name (component:%s)", text, r.Name)
	}
	return r, nil
}

// ID is the archfolio id of an entity: its name in the default namespace, its
// namespace and name elsewhere, lower-kebab. Collisions are settled by qualify.
func (r Ref) ID() string {
	if r.Namespace == DefaultNamespace {
		return generator.Slug(r.Name)
	}
	return generator.Slug(r.Namespace + "-" + r.Name)
}

// qualified is the id of an entity whose ID is another's too: kind, namespace and
// name, which no two entities share.
func (r Ref) qualified() string {
	return generator.Slug(r.Kind + "-" + r.Namespace + "-" + r.Name)
}
