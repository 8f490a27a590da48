package mdext

import (
	"bytes"
	"strings"

	"github.com/alecthomas/chroma/v2"
)

// formatTokens writes the tokens of it as chroma's HTML formatter does with
// classes (html.New(html.WithClasses(true))), byte for byte: a pre, a span
// "line" holding a span "cl" per line, and a span of the token type's class
// around each token whose type has one. chroma's formatter collects every token,
// splits them into lines and writes each through fmt; at a build's thousands of
// blocks that was a tenth of highlighting's CPU and much of its garbage, so the
// tokens are written here as they come. TestFormatTokensIsChromas holds the two
// to the same output.
func formatTokens(w *bytes.Buffer, it chroma.Iterator) {
	w.WriteString(`<pre class="chroma"><code>`)
	var line []chroma.Token // the current line's tokens, as chroma.SplitTokensIntoLines cuts them
	flush := func() {
		w.WriteString(`<span class="line"><span class="cl">`)
		for _, t := range line {
			if open := tokenOpen(t.Type); open != "" {
				w.WriteString(open)
				escapeHTML(w, t.Value)
				w.WriteString(`</span>`)
			} else {
				escapeHTML(w, t.Value)
			}
		}
		w.WriteString(`</span></span>`)
		line = line[:0]
	}
	for t := it(); t != chroma.EOF; t = it() {
		for {
			i := strings.IndexByte(t.Value, '\n')
			if i < 0 {
				line = append(line, t)
				break
			}
			head := t
			head.Value = t.Value[:i+1]
			line = append(line, head)
			flush()
			if t.Value = t.Value[i+1:]; t.Value == "" {
				break
			}
		}
	}
	// chroma drops a last line that is one empty token.
	if len(line) > 0 && !(len(line) == 1 && line[0].Value == "") {
		flush()
	}
	w.WriteString(`</code></pre>`)
}

// tokenOpens holds, for each of chroma's token types, the span that opens a
// token of it, or "" for a type with no class. It is read for every token, so it
// is made once and only read.
var tokenOpens = func() map[chroma.TokenType]string {
	opens := make(map[chroma.TokenType]string, len(chroma.StandardTypes))
	for tt := range chroma.StandardTypes {
		opens[tt] = spanOpen(tt)
	}
	return opens
}()

// tokenOpen returns `<span class="CLASS">` for a token type, CLASS being the
// class chroma's formatter gives it: its own, or its nearest parent type's.
func tokenOpen(tt chroma.TokenType) string {
	if open, ok := tokenOpens[tt]; ok {
		return open
	}
	return spanOpen(tt) // a type chroma does not list, which no lexer of it emits
}

func spanOpen(tt chroma.TokenType) string {
	if cls := tokenClass(tt); cls != "" {
		return `<span class="` + cls + `">`
	}
	return ""
}

// tokenClass is chroma's formatter's class for a token type.
func tokenClass(t chroma.TokenType) string {
	for t != 0 {
		if cls, ok := chroma.StandardTypes[t]; ok {
			return cls
		}
		t = t.Parent()
	}
	return chroma.StandardTypes[t]
}

// escapeHTML writes s escaped as html.EscapeString escapes it (the five
// characters & ' < > "), as chroma's formatter does; not markup.Writer.Text,
// which escapes as html/template does (+ and NUL too), for a block is written as
// chroma would write it, byte for byte.
func escapeHTML(w *bytes.Buffer, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '\'':
			esc = "&#39;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '"':
			esc = "&#34;"
		default:
			continue
		}
		w.WriteString(s[last:i])
		w.WriteString(esc)
		last = i + 1
	}
	w.WriteString(s[last:])
}
