// Package markup is archfolio's HTML writer and its registry of components.
//
// A component is a named block of default markup written in Go: a function
// over a typed data value (Component[T]), declared with New by the package
// that owns it (the page frame and document blocks in generator, each view's
// panels and tables in the view's package). A theme replaces any one block by
// defining an html/template of the block's name; the template receives the
// same typed value, and everything around it stays Go. Bind finds a theme's
// replacements once, when the theme is loaded, and keeps them in a slice
// indexed by the component's slot, so the check on the hot path is an index.
package markup

import (
	"bytes"
	"fmt"
	"html/template"
	"reflect"
	"strings"
)

// Component is a named block of markup: write is its Go source, and a theme
// that defines a template called Name replaces it, the template receiving the
// same data.
type Component[T any] struct {
	Name  string
	slot  int
	write func(w Writer, data T)
}

// registry lists every component, in the order they were declared (their
// slots). Components are declared in package variables, so the registry is
// complete before any theme is loaded and never changes afterwards.
var registry []registered

// New declares the component name written by write. It must be called while
// the program initialises (a package variable), as the themes bind their
// overrides to the registry as it is then; a name declared twice panics.
func New[T any](name string, write func(w Writer, data T)) *Component[T] {
	if Registered(name) {
		panic("markup: component " + name + " declared twice")
	}
	c := &Component[T]{Name: name, slot: len(registry), write: write}
	registry = append(registry, c)
	return c
}

// Put writes the block for data: the theme's template when it overrides the
// block, else the Go writer.
func (c *Component[T]) Put(w Writer, data T) {
	if w.env != nil && c.slot < len(w.env.ov) {
		if t := w.env.ov[c.slot]; t != nil {
			w.env.execute(w.Buffer, t, data)
			return
		}
	}
	c.write(w, data)
}

// Write writes the block's Go markup whatever the theme: for a caller that
// has checked Overridden and renders the theme's template its own way.
func (c *Component[T]) Write(w Writer, data T) { c.write(w, data) }

// Overridden reports whether the theme of w replaces the block.
func (c *Component[T]) Overridden(w Writer) bool {
	return w.env != nil && c.OverriddenIn(w.env.ov)
}

// OverriddenIn reports whether a theme's overrides replace the block.
func (c *Component[T]) OverriddenIn(ov Overrides) bool {
	return c.slot < len(ov) && ov[c.slot] != nil
}

func (c *Component[T]) componentName() string  { return c.Name }
func (c *Component[T]) componentSlot() int     { return c.slot }
func (c *Component[T]) dataType() reflect.Type { return reflect.TypeFor[T]() }

// templateFunc returns the function by which the theme's templates call the Go
// writer (the define registry writes for each block a theme does not override).
func (c *Component[T]) templateFunc(ov *Overrides) any {
	return func(data T) (template.HTML, error) {
		var buf bytes.Buffer
		env := &Env{ov: *ov}
		c.write(Writer{&buf, env}, data)
		return template.HTML(buf.String()), env.err
	}
}

// registered is a Component of any data type, as the registry lists it.
type registered interface {
	componentName() string
	componentSlot() int
	templateFunc(ov *Overrides) any
	dataType() reflect.Type
}

// Info describes a registered component: its name, its slot and the Go type
// of the data it receives.
type Info struct {
	Name string
	Slot int
	Type reflect.Type
}

// Components lists the registered components in slot order.
func Components() []Info {
	out := make([]Info, len(registry))
	for i, c := range registry {
		out[i] = Info{Name: c.componentName(), Slot: c.componentSlot(), Type: c.dataType()}
	}
	return out
}

// Registered reports whether name is a component's: a theme's layouts file
// of that name (status.html) holds its override and is no page layout.
func Registered(name string) bool {
	for _, c := range registry {
		if c.componentName() == name {
			return true
		}
	}
	return false
}

// Overrides holds a theme's template for each component it replaces, by slot.
type Overrides []*template.Template

// Env is what a page's writers share: the theme's overrides and the first
// error an override's template returned (sticky, as bufio.Writer's).
type Env struct {
	ov  Overrides
	err error
}

// NewEnv returns an environment writing with the overrides ov.
func NewEnv(ov Overrides) *Env { return &Env{ov: ov} }

// Err returns the first error a writer of the environment met.
func (e *Env) Err() error { return e.err }

func (e *Env) execute(buf *bytes.Buffer, t *template.Template, data any) {
	if err := t.Execute(buf, data); err != nil && e.err == nil {
		e.err = err
	}
}

// Err returns the first error a writer sharing w's environment met.
func (w Writer) Err() error {
	if w.env == nil {
		return nil
	}
	return w.env.err
}

// Env returns w's environment (nil: the Go defaults).
func (w Writer) Env() *Env { return w.env }

// Fail records err as w's error, unless one came first.
func (w Writer) Fail(err error) {
	if w.env != nil && w.env.err == nil {
		w.env.err = err
	}
}

// GeneratedDefines is the name of the template that defines, for every
// component, a template of its name calling its Go writer; parsed before the
// theme's files, so that a theme's own define replaces it.
const GeneratedDefines = "archfolio-components"

// funcName is the template function that calls a component's Go writer:
// "go_risk_severity" for "risk-severity".
func funcName(name string) string {
	return "go_" + strings.ReplaceAll(name, "-", "_")
}

// Funcs returns funcs with a function per component calling its Go writer
// with the overrides *ov (filled once the theme is parsed, by Bind).
func Funcs(funcs template.FuncMap, ov *Overrides) template.FuncMap {
	out := template.FuncMap{}
	for k, v := range funcs {
		out[k] = v
	}
	for _, c := range registry {
		out[funcName(c.componentName())] = c.templateFunc(ov)
	}
	return out
}

// Defines is the source of GeneratedDefines.
func Defines() string {
	var b strings.Builder
	for _, c := range registry {
		fmt.Fprintf(&b, "{{define %q}}{{%s .}}{{end}}", c.componentName(), funcName(c.componentName()))
	}
	return b.String()
}

// Bind finds, for each component, the template a theme defines in its place:
// the first of sets (in the order given) whose definition of the name is not
// the generated one.
func Bind(sets []*template.Template) Overrides {
	ov := make(Overrides, len(registry))
	for _, c := range registry {
		for _, set := range sets {
			if t := set.Lookup(c.componentName()); t != nil && t.Tree != nil && t.Tree.ParseName != GeneratedDefines {
				ov[c.componentSlot()] = t
				break
			}
		}
	}
	return ov
}
