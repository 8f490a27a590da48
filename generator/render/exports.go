package render

import (
	"bufio"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"slices"
	"time"

	jsonv2 "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
	jsonv1 "github.com/go-json-experiment/json/v1"

	"archfolio/generator"
	"archfolio/generator/markup"
	"archfolio/generator/publish"
	"archfolio/generator/search"
)

// export is one machine-readable file and its writer: portfolio.json (the whole
// graph), each of the views' exports and the client-side search index (the
// files under search.Dir: a name that ends in / is a folder of files).
// They are independent of the pages, so Render runs them alongside and LazySite
// one at a time when asked for; sitemap.xml, which lists the pages, is written
// with the pages.
type export struct {
	name  string
	write func() error
}

func (r *siteRenderer) exports() []export {
	// The search index first: it holds every body's text until it is written,
	// which a build then lets go early, not at its peak with the views' pages.
	out := []export{{search.Dir, r.writeSearchIndex}, {"portfolio.json", r.writePortfolioJSON}}
	file := func(f ExportFile) export {
		return export{f.Name, func() error { return publish.WriteStream(r.out, f.Name, f.Write) }}
	}
	for _, kl := range r.site.kinds {
		fr := FilterRows{List: kl.pages, Filters: func() []Filter { return kindIndex(r.p, kl.kind, kl.docs).Filters },
			Value: func(i int, name string) string { return kl.docs[i].FilterValue(name) }}
		if f, ok := fr.File(); ok {
			out = append(out, file(f))
		}
		sr := SortRows{List: kl.pages, Rows: func(pg *Page) func(markup.Writer, int) {
			pg.Kind = kl.kind
			ki := kindIndex(r.p, kl.kind, kl.docs)
			ranks := kindRanks(pg, ki)
			return func(w markup.Writer, i int) { writeKindRow(w, pg, ki, ranks, kl.docs[i]) }
		}, Components: []Overridable{kindContent}, Layout: "kind.html"}
		if f, ok := r.sortRowsFile(sr); ok {
			out = append(out, file(f))
		}
	}
	for _, v := range views {
		if v.Files != nil {
			for _, f := range v.Files(r.p) {
				out = append(out, file(f))
			}
		}
		if v.Sorted != nil {
			for _, sr := range v.Sorted(r.p) {
				if f, ok := r.sortRowsFile(sr); ok {
					out = append(out, file(f))
				}
			}
		}
	}
	return replaceExports(out)
}

// replaceExports keeps one export per name, a later one (a view's) in the place
// of an earlier one (the review kind's index rows, where the reviews view lists
// every review), as replaceByURL does for pages.
func replaceExports(exports []export) []export {
	at := map[string]int{}
	out := exports[:0]
	for _, e := range exports {
		if i, ok := at[e.name]; ok {
			out[i] = e
			continue
		}
		at[e.name] = len(out)
		out = append(out, e)
	}
	return out
}

func (r *siteRenderer) writePortfolioJSON() error {
	return publish.WriteStream(r.out, "portfolio.json", func(w io.Writer) error {
		return encodePortfolio(w, portfolioHead(r.p), len(r.p.Docs), func(i int) DocumentJSON { return documentJSON(r.p.Docs[i]) })
	})
}

// IndentJSON encodes v as the JSON exports are written: indented two spaces.
func IndentJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// PortfolioJSON is the schema of portfolio.json, version 1. Fields are the
// document's front matter, normalised: dates as YYYY-MM-DD, quarters as written.
type PortfolioJSON struct {
	Version   int            `json:"version"`
	Title     string         `json:"title"`
	BaseURL   string         `json:"base_url,omitempty"`
	Today     string         `json:"today"`
	Kinds     []KindJSON     `json:"kinds"`
	Documents []DocumentJSON `json:"documents"`
	// Views holds each view's own export (matrix, dependencies, roadmap, …) by name.
	Views map[string]any `json:"views,omitempty"`
}

// KindJSON describes one kind in portfolio.json.
type KindJSON struct {
	Name     string   `json:"name"`
	Label    string   `json:"label"`
	Section  string   `json:"section"`
	Statuses []string `json:"statuses"`
	Count    int      `json:"count"`
}

// DocumentJSON is one document in portfolio.json.
type DocumentJSON struct {
	ID             string         `json:"id"`
	Kind           string         `json:"kind"`
	Title          string         `json:"title"`
	Status         string         `json:"status,omitempty"`
	Owner          string         `json:"owner,omitempty"`
	Summary        string         `json:"summary,omitempty"`
	Classification string         `json:"classification"`
	Tags           []string       `json:"tags"`
	Path           string         `json:"path"`
	URL            string         `json:"url"`
	Fields         map[string]any `json:"fields"`
	Relations      []RelationJSON `json:"relations"`
	Backlinks      []RelationJSON `json:"backlinks"`
}

// RelationJSON is one resolved reference: to a target (relations) or from a source
// (backlinks).
type RelationJSON struct {
	Relation string `json:"relation"`
	ID       string `json:"id"`
	Kind     string `json:"kind"`
	Field    string `json:"field,omitempty"`
}

// portfolioJSON is the whole of portfolio.json as one value; writePortfolioJSON
// writes the same bytes a document at a time (encodePortfolio).
func portfolioJSON(p *generator.Portfolio) PortfolioJSON {
	out := portfolioHead(p)
	for _, d := range p.Docs {
		out.Documents = append(out.Documents, documentJSON(d))
	}
	return out
}

// portfolioHead is portfolio.json without its documents.
func portfolioHead(p *generator.Portfolio) PortfolioJSON {
	out := PortfolioJSON{Version: 1, Title: p.Config.Title, BaseURL: p.BaseURL, Today: p.Today.Format(time.DateOnly),
		Kinds: []KindJSON{}, Documents: make([]DocumentJSON, 0, len(p.Docs))}
	for _, name := range p.Schema.Order {
		k := p.Schema.Kinds[name]
		out.Kinds = append(out.Kinds, KindJSON{Name: name, Label: k.Label, Section: k.Section,
			Statuses: append([]string{}, k.Statuses...), Count: len(p.ByKind[name])})
	}
	for _, v := range views {
		if v.JSON != nil {
			if out.Views == nil {
				out.Views = map[string]any{}
			}
			out.Views[v.Name] = v.JSON(p)
		}
	}
	return out
}

func documentJSON(d *generator.Document) DocumentJSON {
	dj := DocumentJSON{ID: d.ID, Kind: d.Kind, Title: d.Title, Status: d.Status, Owner: d.Owner,
		Summary: d.Summary, Classification: d.Classification, Tags: append([]string{}, d.Tags...),
		Path: d.Path, URL: d.URL, Fields: jsonValue(d.Fields).(map[string]any),
		Relations: []RelationJSON{}, Backlinks: []RelationJSON{}}
	for _, r := range d.Refs {
		if r.To != nil {
			dj.Relations = append(dj.Relations, RelationJSON{Relation: r.Relation, ID: r.To.ID, Kind: r.To.Kind, Field: r.Field})
		}
	}
	for _, r := range d.Backlinks {
		dj.Backlinks = append(dj.Backlinks, RelationJSON{Relation: r.Inverse, ID: r.From.ID, Kind: r.From.Kind, Field: r.Field})
	}
	return dj
}

// encodePortfolio writes portfolio.json a document at a time: the same bytes as
// IndentJSON of the whole PortfolioJSON (head with doc(0) … doc(n-1) as its
// documents), without holding every document as JSON values and its text twice.
func encodePortfolio(w io.Writer, head PortfolioJSON, n int, doc func(i int) DocumentJSON) error {
	head.Documents = []DocumentJSON{}
	return StreamJSON(w, head, "documents", n, func(i int) any { return doc(i) })
}

// StreamJSON writes v as MarshalJSON does, except that v's top-level field key, a
// list left empty in v, gets n elements from elem, each encoded as it is written:
// a large list is never held whole, as values or as text.
func StreamJSON(w io.Writer, v any, key string, n int, elem func(i int) any) error {
	var head bytes.Buffer
	if err := encodeJSON(&head, v, ""); err != nil {
		return err
	}
	top := head.Bytes()
	// Only a top-level key starts a line with two spaces: deeper ones are indented
	// more, and a newline inside a string is written as \n.
	marker := []byte("\n  \"" + key + "\": []")
	at := bytes.Index(top, marker)
	if at < 0 {
		return errors.New("StreamJSON: no empty top-level list " + key)
	}
	at += len(marker) - 2 // at the [
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.Write(top[:at])
	if n == 0 {
		bw.WriteString("[]")
	} else {
		bw.WriteByte('[')
		for i := range n {
			if i > 0 {
				bw.WriteByte(',')
			}
			bw.WriteString("\n    ")
			if err := encodeJSON(bw, elem(i), "    "); err != nil {
				return err
			}
		}
		bw.WriteString("\n  ]")
	}
	bw.Write(top[at+2:])
	bw.WriteByte('\n')
	return bw.Flush()
}

// encodeJSON writes v as encoding/json's MarshalIndent(v, prefix, "  ") does,
// in one pass: the encoding/json/v2 reference implementation with v1's options
// encodes a portfolio's documents much faster than encoding/json, byte for byte
// the same (TestEncodeJSONMatchesEncodingJSON), except that invalid UTF-8 (only a file
// name could hold it) becomes a literal U+FFFD instead of \ufffd.
func encodeJSON(w io.Writer, v any, prefix string) error {
	return jsonv2.MarshalWrite(w, v, jsonv1.DefaultOptionsV1(), jsontext.WithIndentPrefix(prefix), jsontext.WithIndent("  "))
}

// jsonValue converts a normalised front-matter value to plain JSON shapes.
func jsonValue(v any) any {
	switch v := v.(type) {
	case *generator.Object:
		m := make(map[string]any, len(v.Keys))
		for k, x := range v.All() {
			m[k] = jsonValue(x)
		}
		return m
	case []any:
		out := make([]any, len(v))
		for i, it := range v {
			out[i] = jsonValue(it)
		}
		return out
	case generator.Date:
		return v.String()
	case generator.Period:
		return v.Text
	case generator.Duration:
		return v.Text
	case time.Time:
		return v.Format(time.DateOnly)
	}
	return v
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

type urlSet struct {
	XMLName xml.Name     `xml:"urlset"`
	NS      string       `xml:"xmlns,attr"`
	URLs    []sitemapURL `xml:"url"`
}

// sitemap lists every page of the site in URL order, or returns false when
// baseURL is not an absolute http(s) URL: the sitemap format takes absolute
// locations only, and a path (--base-url /arch/) names no host to make them
// with, so such a site has no sitemap.xml.
func sitemap(baseURL string, jobs []PageJob) ([]byte, bool) {
	if !generator.IsHTTPURL(baseURL) {
		return nil, false
	}
	var urls []string
	changed := map[string]string{} // a document's page → its last change (Document.Changed)
	for _, j := range jobs {
		if j.File == "" {
			urls = append(urls, j.URL)
		}
		if j.Page == nil {
			continue
		}
		if d := j.Page.Doc; d != nil && j.URL == d.URL && !d.Changed.IsZero() {
			changed[j.URL] = d.Changed.Format(time.DateOnly)
		}
	}
	slices.Sort(urls)
	set := urlSet{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	for _, u := range slices.Compact(urls) {
		set.URLs = append(set.URLs, sitemapURL{Loc: baseURL + u, LastMod: changed[u]})
	}
	data, _ := xml.MarshalIndent(set, "", "  ")
	return append(append([]byte(xml.Header), data...), '\n'), true
}

// writeSitemap writes sitemap.xml when the site has one (sitemap).
func writeSitemap(out Output, baseURL string, jobs []PageJob) error {
	data, ok := sitemap(baseURL, jobs)
	if !ok {
		return nil
	}
	return out.WriteFile("sitemap.xml", data)
}
