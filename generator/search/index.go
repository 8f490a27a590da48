package search

import (
	"slices"
	"strings"
	"sync"
	"unsafe"
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
	// HTML is the rendered body, when Body is empty: Build takes the text from it.
	HTML string
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
// the index. Documents are tokenised on all cores, a chunk at a time, each
// chunk into its own postings, which are then put together in chunk order.
// Build changes docs: a document given as HTML gets its text, and of its text
// only what its file shows (snippet) is kept, so that a large site's bodies are
// let go as they are indexed, not when the index is written.
func Build(docs []Doc) *Index {
	const chunk = 256
	parts := make([]*part, (len(docs)+chunk-1)/chunk)
	next := make(chan int, len(parts))
	for k := range parts {
		next <- k
	}
	close(next)
	var wg sync.WaitGroup
	for range max(1, min(len(parts), workers())) {
		wg.Go(func() {
			w := make(map[string]uint8, 1024) // one map a worker, cleared for each document
			var text []byte                   // one buffer a worker for a document's text
			for k := range next {
				pt := &part{ids: map[string]int{}}
				for i := k * chunk; i < min(len(docs), (k+1)*chunk); i++ {
					d := &docs[i]
					clear(w) // its keys may be in text
					if d.Body == "" {
						// The text lives while the document is indexed: w's
						// terms are cut from it, and part.add copies those it
						// keeps.
						text = appendPlainText(text[:0], d.HTML)
						d.Body = unsafe.String(unsafe.SliceData(text), len(text))
					}
					d.HTML = ""
					docTerms(d, w)
					pt.add(int32(i), w)
					d.Body = strings.Clone(snippet(d.Body)) // all that Write needs of it
				}
				parts[k] = pt
			}
		})
	}
	wg.Wait()
	// Each term's postings are put in one list of the right length: appending
	// part after part made each list again at every doubling.
	counts := map[string]int{}
	for _, pt := range parts {
		for t, id := range pt.ids {
			counts[t] += len(pt.lists[id])
		}
	}
	ix := &Index{docs: docs, postings: make(map[string][]posting, len(counts)), terms: make([]string, 0, len(counts))}
	for t, n := range counts {
		ix.terms = append(ix.terms, t)
		ix.postings[t] = make([]posting, 0, n)
	}
	for k, pt := range parts {
		for t, id := range pt.ids {
			ix.postings[t] = append(ix.postings[t], pt.lists[id]...)
		}
		parts[k] = nil
	}
	slices.Sort(ix.terms)
	return ix
}

// part is the postings of a chunk of documents.
type part struct {
	ids   map[string]int // a term's list
	lists [][]posting
}

// add adds document doc's terms. A term's key is a copy: the term itself is
// part of the document's lower-cased text, which it would keep alive. (Only
// new keys are stored: assigning to a map keeps its key up to date, so a key
// is looked up and never assigned again.)
func (pt *part) add(doc int32, w map[string]uint8) {
	for t, bits := range w {
		id, ok := pt.ids[t]
		if !ok {
			id = len(pt.lists)
			pt.ids[strings.Clone(t)] = id
			pt.lists = append(pt.lists, nil)
		}
		pt.lists[id] = append(pt.lists[id], posting{doc, bits})
	}
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
