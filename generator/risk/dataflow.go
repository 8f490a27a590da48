package risk

import (
	"archfolio/generator"
	"archfolio/generator/diag"
	"slices"
	"strconv"
	"strings"
)

// DataFlowModel is what a threat model declares of the system it models, in
// Threagile's terms: the data it handles (data assets, rated for
// confidentiality, integrity and availability), the technical assets that
// store and process it, the trust boundaries around them (nested), and the
// data flows between assets. Every id is unique across the four lists, so a
// threat's target names one asset or one flow.
type DataFlowModel struct {
	DataAssets []*DataAsset
	Assets     []*Asset
	// Boundaries are in preorder: each boundary before the ones nested in it,
	// the outermost in the order written.
	Boundaries []*TrustBoundary
	Flows      []*DataFlow
	dataAsset  map[string]*DataAsset
	asset      map[string]*Asset
	boundary   map[string]*TrustBoundary
	flow       map[string]*DataFlow
}

// DataAsset is data the system handles, with Threagile's ratings.
type DataAsset struct {
	ID, Title, Confidentiality, Integrity, Availability string
	Anchor                                              string
}

// Asset is a technical asset: a process, a data store or an external entity.
type Asset struct {
	ID, Title, Type, Technology string
	Internet, OutOfScope        bool
	Stores, Processes           []*DataAsset
	Blueprint                   *generator.Document // the blueprint it is, when named
	Boundary                    *TrustBoundary      // the innermost boundary holding it; nil outside all
	Anchor                      string
}

// TrustBoundary is a trust boundary, the assets directly inside it and the
// boundaries nested in it.
type TrustBoundary struct {
	ID, Title, Type string
	Assets          []*Asset
	Nested          []*TrustBoundary
	Parent          *TrustBoundary
	Depth           int // 1 for an outermost boundary
	Anchor          string
	at              string // its front-matter path
}

// DataFlow is data sent from one asset to another (and the answer received).
type DataFlow struct {
	ID, Title, Protocol, Authentication, Authorization string
	From, To                                           *Asset // nil when the id is unknown
	Encrypted                                          bool
	Sends, Receives                                    []*DataAsset
	Anchor                                             string
}

// Label is what the diagram writes along the flow: its protocol, else its title.
func (f *DataFlow) Label() string {
	if f.Protocol != "" {
		return f.Protocol
	}
	return f.Title
}

// Crosses reports whether the flow crosses a trust boundary.
func (f *DataFlow) Crosses() bool {
	return f.From != nil && f.To != nil && f.From.Boundary != f.To.Boundary
}

// Empty reports whether the model declares nothing of its system.
func (m *DataFlowModel) Empty() bool {
	return len(m.DataAssets)+len(m.Assets)+len(m.Boundaries)+len(m.Flows) == 0
}

// Target returns the row anchor of an asset or flow id, "" when it is neither.
func (m *DataFlowModel) Target(id string) string {
	if a := m.asset[id]; a != nil {
		return a.Anchor
	}
	if f := m.flow[id]; f != nil {
		return f.Anchor
	}
	return ""
}

// Targets lists the ids a threat may target: every asset and flow, sorted.
func (m *DataFlowModel) Targets() []string {
	out := append(generator.SortedKeys(m.asset), generator.SortedKeys(m.flow)...)
	slices.Sort(out)
	return out
}

// modelReader reads a threat model's system: the lists, their ids and anchors.
type modelReader struct {
	d       *generator.Document
	sink    *diag.DiagSink
	m       *DataFlowModel
	ids     map[string]string // id → the path that declared it first
	anchors map[string]bool
}

// readDataFlowModel reads a threat model's data assets, assets, trust
// boundaries and data flows, and reports the ids that are unknown or declared
// twice, an asset in two boundaries not nested in each other, and boundaries
// nested in a loop. anchors are the ids already taken on the page.
func readDataFlowModel(d *generator.Document, sink *diag.DiagSink, anchors map[string]bool) *DataFlowModel {
	r := &modelReader{d: d, sink: sink, ids: map[string]string{}, anchors: anchors, m: &DataFlowModel{
		dataAsset: map[string]*DataAsset{}, asset: map[string]*Asset{}, boundary: map[string]*TrustBoundary{}, flow: map[string]*DataFlow{}}}
	r.each("data_assets", func(o *generator.Object, at, id string) {
		a := &DataAsset{ID: id, Title: o.String("title"), Confidentiality: o.String("confidentiality"),
			Integrity: o.String("integrity"), Availability: o.String("availability"), Anchor: r.anchor("data", id)}
		r.m.DataAssets = append(r.m.DataAssets, a)
		r.m.dataAsset[id] = a
	})
	r.each("assets", func(o *generator.Object, at, id string) {
		a := &Asset{ID: id, Title: o.String("title"), Type: o.String("type"), Technology: o.String("technology"),
			Blueprint: generator.RefTarget(d, at+".blueprint"), Anchor: r.anchor("asset", id)}
		a.Internet, _ = o.Get("internet").(bool)
		a.OutOfScope, _ = o.Get("out_of_scope").(bool)
		a.Stores = r.dataAssets(o, at, "stores")
		a.Processes = r.dataAssets(o, at, "processes")
		r.m.Assets = append(r.m.Assets, a)
		r.m.asset[id] = a
	})
	var written []*TrustBoundary
	r.each("trust_boundaries", func(o *generator.Object, at, id string) {
		b := &TrustBoundary{ID: id, Title: o.String("title"), Type: o.String("type"), Anchor: r.anchor("boundary", id), at: at}
		written = append(written, b)
		r.m.boundary[id] = b
	})
	r.each("data_flows", func(o *generator.Object, at, id string) {
		f := &DataFlow{ID: id, Title: o.String("title"), Protocol: o.String("protocol"), Authentication: o.String("authentication"),
			Authorization: o.String("authorization"), Anchor: r.anchor("flow", id)}
		f.Encrypted, _ = o.Get("encrypted").(bool)
		f.From, f.To = r.assetAt(o, at+".from"), r.assetAt(o, at+".to")
		f.Sends, f.Receives = r.dataAssets(o, at, "sends"), r.dataAssets(o, at, "receives")
		r.m.Flows = append(r.m.Flows, f)
		r.m.flow[id] = f
	})
	r.nest(written)
	r.place(written)
	return r.m
}

// each calls read for every object of a list with an id, after checking that no
// other element of the model has its id.
func (r *modelReader) each(list string, read func(o *generator.Object, at, id string)) {
	for i, v := range r.d.Fields.List(list) {
		o, ok := v.(*generator.Object)
		id := strings.TrimSpace(o.String("id"))
		if !ok || id == "" {
			continue
		}
		at := list + "[" + strconv.Itoa(i) + "]"
		if first, dup := r.ids[id]; dup {
			r.sink.Report(diag.CodeDuplicateModelElement, r.d.Pos(at+".id"), "%s.id: %q is declared twice (%s has it too); give every data asset, asset, trust boundary and data flow of a model its own id",
				at, id, first)
			continue
		}
		r.ids[id] = at
		read(o, at, id)
	}
}

func (r *modelReader) anchor(prefix, id string) string {
	return generator.UniqueAnchor(r.anchors, prefix+"-"+generator.Slug(id))
}

// unknown reports an id at path that names no element of the wanted list.
func (r *modelReader) unknown(path, id, what string, known []string) {
	r.sink.Report(diag.CodeUnknownModelElement, r.d.Pos(path), "%s: %q is not %s of this threat model%s", path, id, what, diag.DidYouMean(id, known))
}

// listed returns the strings of the list field of o, each with its path.
func listed(o *generator.Object, at, field string) (ids, paths []string) {
	for k, v := range o.List(field) {
		if s, ok := v.(string); ok && strings.TrimSpace(s) != "" {
			ids = append(ids, strings.TrimSpace(s))
			paths = append(paths, at+"."+field+"["+strconv.Itoa(k)+"]")
		}
	}
	return ids, paths
}

func (r *modelReader) dataAssets(o *generator.Object, at, field string) []*DataAsset {
	var out []*DataAsset
	ids, paths := listed(o, at, field)
	for k, id := range ids {
		if a := r.m.dataAsset[id]; a != nil {
			out = append(out, a)
		} else {
			r.unknown(paths[k], id, "a data asset", generator.SortedKeys(r.m.dataAsset))
		}
	}
	return out
}

func (r *modelReader) assetAt(o *generator.Object, path string) *Asset {
	id := strings.TrimSpace(o.String(path[strings.LastIndexByte(path, '.')+1:]))
	if id == "" {
		return nil
	}
	a := r.m.asset[id]
	if a == nil {
		r.unknown(path, id, "an asset", generator.SortedKeys(r.m.asset))
	}
	return a
}

// nest links each boundary to the ones nested in it, reports a boundary nested
// in two or in a loop (and leaves that nesting out), and lists the boundaries
// in preorder.
func (r *modelReader) nest(written []*TrustBoundary) {
	for _, b := range written {
		o := r.object(b.at)
		ids, paths := listed(o, b.at, "boundaries")
		for k, id := range ids {
			c := r.m.boundary[id]
			switch {
			case c == nil:
				r.unknown(paths[k], id, "a trust boundary", generator.SortedKeys(r.m.boundary))
			case c.Parent != nil:
				r.sink.Report(diag.CodeBoundaryCycle, r.d.Pos(paths[k]), "%s: %q is already nested in %q; a trust boundary is nested in one boundary at most",
					paths[k], id, c.Parent.ID)
			case c == b || c.encloses(b):
				r.sink.Report(diag.CodeBoundaryCycle, r.d.Pos(paths[k]), "%s: nesting %q in %q makes a loop (%q already holds %q); remove one of the nestings",
					paths[k], id, b.ID, id, b.ID)
			default:
				c.Parent = b
				b.Nested = append(b.Nested, c)
			}
		}
	}
	var visit func(b *TrustBoundary, depth int)
	visit = func(b *TrustBoundary, depth int) {
		b.Depth = depth
		r.m.Boundaries = append(r.m.Boundaries, b)
		for _, c := range b.Nested {
			visit(c, depth+1)
		}
	}
	for _, b := range written {
		if b.Parent == nil {
			visit(b, 1)
		}
	}
}

// encloses reports whether b is o or holds o, at any depth.
func (b *TrustBoundary) encloses(o *TrustBoundary) bool {
	for ; o != nil; o = o.Parent {
		if o == b {
			return true
		}
	}
	return false
}

// place puts each asset in the innermost boundary that lists it, and reports
// an asset listed by two boundaries neither of which holds the other.
func (r *modelReader) place(written []*TrustBoundary) {
	listedAt := map[*Asset]string{}
	for _, b := range written {
		ids, paths := listed(r.object(b.at), b.at, "assets")
		for k, id := range ids {
			a := r.m.asset[id]
			switch {
			case a == nil:
				r.unknown(paths[k], id, "an asset", generator.SortedKeys(r.m.asset))
			case a.Boundary == nil || a.Boundary.encloses(b):
				a.Boundary, listedAt[a] = b, paths[k]
			case b.encloses(a.Boundary):
				// already in a boundary nested in b
			default:
				r.sink.Report(diag.CodeBoundariesOverlap, r.d.Pos(paths[k]), "%s: asset %q is also in trust boundary %q (%s), and neither boundary is nested in the other; nest one in the other or list the asset once",
					paths[k], id, a.Boundary.ID, listedAt[a])
			}
		}
	}
	for _, a := range r.m.Assets {
		if a.Boundary != nil {
			a.Boundary.Assets = append(a.Boundary.Assets, a)
		}
	}
}

// object returns the front-matter object at a path like "trust_boundaries[2]".
func (r *modelReader) object(at string) *generator.Object {
	list, idx, _ := strings.Cut(strings.TrimSuffix(at, "]"), "[")
	i, _ := strconv.Atoi(idx)
	o, _ := r.d.Fields.List(list)[i].(*generator.Object)
	return o
}

// StatementRef is a threat's mitigation that names one statement of a standard.
type StatementRef struct {
	Standard *generator.Document
	ID       string
	Anchor   string // the statement's anchor on the standard's page
}

// URL returns the statement's address relative to the site root.
func (s StatementRef) URL() string { return s.Standard.URL + "#" + s.Anchor }

// mitigationStatements reads the mitigations of a threat written
// standard#STATEMENT (NamedStatements, AF608).
func mitigationStatements(d *generator.Document, at string, sink *diag.DiagSink) []StatementRef {
	return NamedStatements(d, at+".mitigations[", diag.CodeUnknownMitigationStatement, sink)
}

// NamedStatements reads the references of d whose field starts with field
// and that are written standard#STATEMENT (a ref field with anchor: true: a
// threat's mitigations, a review finding's or a remediation item's standard),
// and reports under code a statement the standard does not have or has
// withdrawn, or a part named of a document that is not a standard.
func NamedStatements(d *generator.Document, field string, code diag.Code, sink *diag.DiagSink) []StatementRef {
	var out []StatementRef
	for _, ref := range d.Refs {
		if ref.Anchor == "" || ref.To == nil || !strings.HasPrefix(ref.Field, field) {
			continue
		}
		if ref.To.Kind != "standard" {
			sink.Report(code, d.Pos(ref.Field), "%s: %q is a %s; only a standard's statements can be named with #: write %q",
				ref.Field, ref.Target, ref.To.Kind, ref.Target)
			continue
		}
		ids, anchors, withdrawn := statementAnchors(ref.To)
		k := slices.Index(ids, ref.Anchor)
		if k < 0 && slices.Contains(withdrawn, ref.Anchor) {
			sink.Report(code, d.Pos(ref.Field), "%s: statement %q of standard %q is withdrawn: name the statement that replaced it",
				ref.Field, ref.Anchor, ref.Target)
			continue
		}
		if k < 0 {
			sink.Report(code, d.Pos(ref.Field), "%s: %q is not a statement of standard %q%s",
				ref.Field, ref.Anchor, ref.Target, diag.DidYouMean(ref.Anchor, ids))
			continue
		}
		out = append(out, StatementRef{Standard: ref.To, ID: ref.Anchor, Anchor: anchors[k]})
	}
	return out
}

// statementAnchors lists a standard's statement ids, in the order written, and
// the anchor each has on the standard's page (as package matrix gives them:
// "stmt-" and the id's slug, made unique in that order). Withdrawn statements
// take their anchor but are listed apart.
func statementAnchors(std *generator.Document) (ids, anchors, withdrawn []string) {
	taken := map[string]bool{}
	for _, v := range std.Fields.List("statements") {
		o, ok := v.(*generator.Object)
		id := strings.TrimSpace(o.String("id"))
		if !ok || id == "" {
			continue
		}
		anchor := generator.UniqueAnchor(taken, "stmt-"+generator.Slug(id))
		if w, _ := o.Get("withdrawn").(bool); w {
			withdrawn = append(withdrawn, id)
		} else {
			ids, anchors = append(ids, id), append(anchors, anchor)
		}
	}
	return ids, anchors, withdrawn
}
