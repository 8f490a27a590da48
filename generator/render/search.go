package render

import (
	"archfolio/generator"
	"archfolio/generator/search"
)

// writeSearchIndex writes the client-side search index (package search) of the
// documents this build publishes: a document left out for the audience is not
// in p.Docs, and the text of those that stay is their pages' text. A document
// without its Text (Load keeps none) is indexed from its rendered body, which
// search.Build lets go once it has its text: from r.bodies when the pages let
// theirs go.
func (r *siteRenderer) writeSearchIndex() error {
	docs := make([]search.Doc, len(r.p.Docs))
	for i, d := range r.p.Docs {
		docs[i] = searchDoc(r.p, d)
		if docs[i].Body != "" {
			continue
		}
		if r.bodies != nil { // d.HTML may be let go by its page meanwhile
			docs[i].HTML, r.bodies[i] = string(r.bodies[i]), ""
		} else {
			docs[i].HTML = string(d.HTML)
		}
	}
	r.bodies = nil
	return search.Build(docs).Write(r.out.WriteFile)
}

// searchDoc is what the index holds of d: its common fields, the identifiers
// its front matter declares (a jira key; a list item's id, with its title or
// text) and the rest of its front-matter text.
func searchDoc(p *generator.Portfolio, d *generator.Document) search.Doc {
	sd := search.Doc{ID: d.ID, Title: d.Title, URL: d.URL, Kind: p.Schema.Kinds[d.Kind].Label,
		Status: d.Status, Summary: d.Summary, Owner: d.Owner, Tags: d.Tags, Body: d.Text}
	if d.Fields == nil {
		return sd
	}
	for k, v := range d.Fields.All() {
		switch k {
		case "id", "kind", "title", "status", "owner", "tags", "summary", "classification", "draft":
			continue // above, or not text
		case "jira":
			if key, ok := v.(string); ok {
				sd.Keys = append(sd.Keys, search.Key{ID: key})
				continue
			}
		}
		addSearchValue(&sd, v)
	}
	return sd
}

// addSearchValue adds the text of a front-matter value to sd: a list item that
// has an id and a title or text (a statement, a threat, a finding) is a key;
// an id without them names another document (depends_on) and is text.
func addSearchValue(sd *search.Doc, v any) {
	switch v := v.(type) {
	case string:
		sd.Fields = append(sd.Fields, v)
	case []any:
		for _, it := range v {
			addSearchValue(sd, it)
		}
	case *generator.Object:
		id, _ := v.Get("id").(string)
		text, _ := v.Get("title").(string)
		if text == "" {
			text, _ = v.Get("text").(string)
		}
		key := id != "" && text != ""
		if key {
			sd.Keys = append(sd.Keys, search.Key{ID: id, Text: text})
		}
		for k, x := range v.All() {
			if !key || (k != "id" && k != "title" && k != "text") {
				addSearchValue(sd, x)
			}
		}
	}
}
