// Package mdext holds archfolio's goldmark extensions: wikilinks ([[id]] and
// [[id|text]]), chroma highlighting of fenced code with CSS classes, and raw HTML that
// is shown escaped unless the site opts in. Each is an Extender in goldmark's own
// shape: parsers and renderers hold no per-document state, so one goldmark.Markdown
// built from them is safe to share across goroutines.
package mdext
