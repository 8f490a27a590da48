// Package search builds the site's client-side search index: the terms of
// every published document, where in the document each occurs, and the text
// its result shows, written as scripts under Dir that the theme's search.js
// loads a few at a time, from a web server or from file:// alike.
//
// Terms says how text becomes terms (search.js's terms is the same rule);
// Build indexes documents; Index.Write writes the manifest, the term shards
// and a file per document (files.go describes them). Nothing here knows the
// portfolio: package generator turns each document it publishes into a Doc,
// so whatever an audience build leaves out never reaches the index.
package search
