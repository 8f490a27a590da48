package backstage

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"archfolio/generator/frontmatter"

	"gopkg.in/yaml.v3"
)

// Entity is one Backstage catalogue entity as the import reads it: its ref, the
// metadata it keeps and the relations of its spec, each with where it was written.
type Entity struct {
	Ref         Ref
	Name        string // metadata.name as written
	File        string // slash path of the descriptor, relative to the folder read
	Line, Col   int    // of the entity's first key
	Title       string
	Description string
	Tags        []string
	Links       []Link
	Annotations map[string]string
	Spec        Spec
}

// Link is one of metadata.links.
type Link struct {
	URL   string `yaml:"url"`
	Title string `yaml:"title"`
	Type  string `yaml:"type"`
}

// Spec holds the fields of spec the import reads; a ref field keeps its position.
type Spec struct {
	Type         string `yaml:"type"`
	Lifecycle    At     `yaml:"lifecycle"`
	Owner        At     `yaml:"owner"`
	System       At     `yaml:"system"`
	Domain       At     `yaml:"domain"`
	DependsOn    []At   `yaml:"dependsOn"`
	DependencyOf []At   `yaml:"dependencyOf"`
	ProvidesAPIs []At   `yaml:"providesApis"`
	ConsumesAPIs []At   `yaml:"consumesApis"`
	Profile      struct {
		DisplayName string `yaml:"displayName"`
	} `yaml:"profile"`
}

// At is a scalar of a descriptor with its line and column.
type At struct {
	Text      string
	Line, Col int
}

// UnmarshalYAML takes a scalar and where it was written.
func (a *At) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return &ParseError{Line: n.Line, Col: n.Column, Msg: "wrong type: found a " + nodeKind(n) + " where a single value belongs"}
	}
	*a = At{Text: strings.TrimSpace(n.Value), Line: n.Line, Col: n.Column}
	return nil
}

// ParseError is a problem that keeps an entity, or a whole file, out of the import.
type ParseError struct {
	File      string
	Line, Col int
	Msg       string
}

func (e *ParseError) Error() string {
	if e.Line == 0 {
		return e.File + ": " + e.Msg
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, max(e.Col, 1), e.Msg)
}

// envelope is what every entity of the catalogue has.
type envelope struct {
	APIVersion string `yaml:"apiVersion"`
	Kind       string `yaml:"kind"`
	Metadata   struct {
		Name        string            `yaml:"name"`
		Namespace   string            `yaml:"namespace"`
		Title       string            `yaml:"title"`
		Description string            `yaml:"description"`
		Tags        []string          `yaml:"tags"`
		Links       []Link            `yaml:"links"`
		Annotations map[string]string `yaml:"annotations"`
	} `yaml:"metadata"`
	Spec Spec `yaml:"spec"`
}

// ParseFile reads every document of a descriptor file. A file none of whose
// documents has a backstage.io apiVersion holds no entities (backstage is false).
// A YAML syntax error fails the whole file, since yaml.v3 cannot read past it; an
// entity without kind or metadata.name fails only itself.
func ParseFile(file string, data []byte) (entities []*Entity, errs []*ParseError, backstage bool) {
	var docs []*yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for {
		var doc yaml.Node
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			p := frontmatter.SyntaxError(err)[0]
			return nil, []*ParseError{{File: file, Line: max(p.Line, 1), Col: 1, Msg: "invalid YAML: " + p.Msg}}, true
		}
		if len(doc.Content) > 0 {
			docs = append(docs, doc.Content[0])
		}
	}
	for _, n := range docs {
		if n.Kind == yaml.MappingNode && strings.HasPrefix(scalar(n, "apiVersion"), "backstage.io/") {
			backstage = true
		}
	}
	if !backstage {
		return nil, nil, false
	}
	for _, n := range docs {
		e, err := parseEntity(file, n)
		if err != nil {
			errs = append(errs, err)
		} else if e != nil {
			entities = append(entities, e)
		}
	}
	return entities, errs, true
}

// parseEntity reads one document; nil, nil for an empty one.
func parseEntity(file string, n *yaml.Node) (*Entity, *ParseError) {
	fail := func(at *yaml.Node, format string, args ...any) *ParseError {
		return &ParseError{File: file, Line: at.Line, Col: at.Column, Msg: fmt.Sprintf(format, args...)}
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil, nil
	}
	if n.Kind != yaml.MappingNode {
		return nil, fail(n, "an entity is a mapping of apiVersion, kind, metadata and spec, not a %s", nodeKind(n))
	}
	var env envelope
	if err := n.Decode(&env); err != nil {
		return nil, typeError(file, n, err)
	}
	switch {
	case !strings.HasPrefix(env.APIVersion, "backstage.io/"):
		return nil, fail(n, "entity has no backstage.io apiVersion (want apiVersion: backstage.io/v1alpha1)")
	case env.Kind == "":
		return nil, fail(n, "entity has no kind (Component, System, Domain, API, Resource or Group)")
	case strings.TrimSpace(env.Metadata.Name) == "":
		at := n
		if m := value(n, "metadata"); m != nil {
			at = m
		}
		return nil, fail(at, "%s entity has no metadata.name", env.Kind)
	}
	ns := env.Metadata.Namespace
	if ns == "" {
		ns = DefaultNamespace
	}
	for _, part := range []struct{ field, value string }{{"metadata.name", env.Metadata.Name}, {"metadata.namespace", ns}} {
		if !namePattern.MatchString(strings.TrimSpace(part.value)) {
			at := n
			if m := value(n, "metadata"); m != nil && m.Kind == yaml.MappingNode {
				if v := value(m, strings.TrimPrefix(part.field, "metadata.")); v != nil {
					at = v
				}
			}
			return nil, fail(at, "%s %q is not a Backstage name (letters, digits, - _ and ., at most 63, starting and ending with a letter or digit)", part.field, part.value)
		}
	}
	if !kindPattern.MatchString(env.Kind) {
		return nil, fail(n, "kind %q is not a Backstage kind (letters and digits)", env.Kind)
	}
	e := &Entity{
		Name: strings.TrimSpace(env.Metadata.Name),
		Ref:  Ref{Kind: strings.ToLower(env.Kind), Namespace: strings.ToLower(ns), Name: strings.ToLower(strings.TrimSpace(env.Metadata.Name))},
		File: file, Line: n.Content[0].Line, Col: n.Content[0].Column,
		Title: strings.TrimSpace(env.Metadata.Title), Description: strings.TrimSpace(env.Metadata.Description),
		Tags: env.Metadata.Tags, Links: env.Metadata.Links, Annotations: env.Metadata.Annotations, Spec: env.Spec,
	}
	return e, nil
}

// namePattern and kindPattern are Backstage's rules for names, namespaces and kinds.
var (
	namePattern = regexp.MustCompile(`^[a-zA-Z0-9]([-_.a-zA-Z0-9]{0,61}[a-zA-Z0-9])?$`)
	kindPattern = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9]*$`)
)

// typeError places a yaml.v3 type error ("line 7: cannot unmarshal …") at its line.
func typeError(file string, n *yaml.Node, err error) *ParseError {
	pe := &ParseError{File: file, Line: n.Line, Col: n.Column, Msg: strings.TrimPrefix(err.Error(), "yaml: ")}
	if at, ok := errors.AsType[*ParseError](err); ok { // from At.UnmarshalYAML
		pe.Line, pe.Col, pe.Msg = at.Line, at.Col, at.Msg
		return pe
	}
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg := te.Errors[0]
		var line int
		if _, scanErr := fmt.Sscanf(msg, "line %d:", &line); scanErr == nil {
			pe.Line, pe.Col = line, 1
			_, msg, _ = strings.Cut(msg, ": ")
		}
		pe.Msg = "wrong type: " + typeWords.Replace(msg)
	} else if _, scanErr := fmt.Sscanf(pe.Msg, "line %d:", &pe.Line); scanErr == nil {
		pe.Col = 1
		_, pe.Msg, _ = strings.Cut(pe.Msg, ": ")
	}
	return pe
}

// typeWords says yaml.v3's type errors in the descriptor's words.
var typeWords = strings.NewReplacer("cannot unmarshal ", "found ", "!!map", "a mapping", "!!seq", "a list",
	"!!str", "a text", "!!int", "a number", "!!bool", "true/false", " into []string", " where a list of text belongs",
	" into map[string]string", " where a mapping of text belongs", " into string", " where a text belongs",
	" into []backstage.Link", " where a list of links belongs", " into backstage.Link", " where a link belongs")

// value returns the value node of a mapping's key, or nil.
func value(n *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// scalar returns a mapping key's scalar value, "" when absent or not a scalar.
func scalar(n *yaml.Node, key string) string {
	if v := value(n, key); v != nil && v.Kind == yaml.ScalarNode {
		return v.Value
	}
	return ""
}

func nodeKind(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "list"
	case yaml.MappingNode:
		return "mapping"
	}
	return "single value"
}
