package search

import (
	"slices"
	"strings"
	"sync"
)

// Doc is one document as the index sees it. Everything in it may be shown to
// whoever opens the site, so it holds only what the document's own page shows.
type Doc struct {
	ID, Title, URL string
	Kind           string // the kind's label ("Blueprint")
	Status         string
	Summary, Owner string
	Tags           []string
	// Keys are the identifiers the document declares (statement, threat and
	// finding ids, JIRA keys), each with its text ("CRY-TLS-1", "approved suites …").
	Keys []Key
	// Fields holds the other text of its front matter, a value each.
	Fields []string
	// Body is the rendered body's text (PlainText).
	Body string
}

// Key is an identifier a document declares and the text that goes with it.
type Key struct{ ID, Text string }

// The bits of a posting's weight: where in the document the term occurs.
// search.js ranks by them (its weights table), exact names first.
const (
	InBody    = 1 << iota // the body
	InFields              // summary, owner, tags, other front matter
	InKeyText             // a key's text, or a part of the document's id
	InKey                 // a key ("cry-tls-1", "sec-102")
	InTitle               // a word of the title
	IsName                // the whole id, or the whole title's phrase
)

// Index is the inverted index of a set of documents: for each term, the
// documents it occurs in (in the order given) and where.
type Index struct {
	docs     []Doc
	terms    []string             // sorted
	postings map[string][]posting // by term, in document order
}

type posting struct {
	doc    int32
	weight uint8
}

// Build indexes docs, in their order, which is the order of their numbers in
// the index. Documents are tokenised on all cores.
func Build(docs []Doc) *Index {
	weights := make([][]termWeight, len(docs))
	var wg sync.WaitGroup
	next := make(chan int, len(docs))
	for i := range docs {
		next <- i
	}
	close(next)
	for range max(1, min(len(docs), workers())) {
		wg.Go(func() {
			w := make(map[string]uint8, 1024) // one map a worker, cleared for each document
			for i := range next {
				clear(w)
				docTerms(&docs[i], w)
				tw := make([]termWeight, 0, len(w))
				for t, bits := range w {
					tw = append(tw, termWeight{t, bits})
				}
				weights[i] = tw
			}
		})
	}
	wg.Wait()
	ix := &Index{docs: docs, postings: map[string][]posting{}}
	for i, w := range weights {
		for _, tw := range w {
			ix.postings[tw.term] = append(ix.postings[tw.term], posting{int32(i), tw.weight})
		}
		weights[i] = nil
	}
	ix.terms = make([]string, 0, len(ix.postings))
	for t := range ix.postings {
		ix.terms = append(ix.terms, t)
	}
	slices.Sort(ix.terms)
	return ix
}

type termWeight struct {
	term   string
	weight uint8
}

// docTerms puts in w the weight of each term of d: the bits of every place it
// occurs.
func docTerms(d *Doc, w map[string]uint8) {
	add := func(s string, bits uint8) {
		Terms(s, func(t string) { w[t] |= bits })
	}
	add(d.Body, InBody)
	for _, f := range d.Fields {
		add(f, InFields)
	}
	add(d.Summary, InFields)
	add(d.Owner, InFields)
	for _, t := range d.Tags {
		add(t, InFields)
	}
	for _, k := range d.Keys {
		add(k.Text, InKeyText)
		add(k.ID, InKey)
	}
	add(d.ID, InKeyText)
	add(d.Title, InTitle)
	if id := Phrase(d.ID); id != "" {
		w[id] |= IsName
	}
	if title := Phrase(d.Title); title != "" && len(title) <= maxPhraseLen {
		w[title] |= IsName
	}
}

// maxPhraseLen is the longest title phrase indexed as a term, in bytes.
const maxPhraseLen = 200

// lookup returns the numbers of the documents a term occurs in and the weight
// of each, for tests.
func (ix *Index) lookup(term string) (docs []int, weights []int) {
	for _, p := range ix.postings[strings.ToLower(term)] {
		docs = append(docs, int(p.doc))
		weights = append(weights, int(p.weight))
	}
	return docs, weights
}
