package mdext

import (
	"strings"

	"github.com/yuin/goldmark/util"
)

// mermaidLang is the info string of a fenced block that holds a mermaid diagram.
const mermaidLang = "mermaid"

// mermaidOpen starts the markup of a mermaid block: its source, escaped, which
// the theme's diagrams.js draws in the browser and which reads as it is
// without JavaScript.
const mermaidOpen = `<pre class="mermaid">`

// writeMermaid writes a mermaid block as its escaped source. It never goes
// through chroma: there is nothing to highlight, and the script reads the text.
func writeMermaid(w util.BufWriter, code []byte) {
	_, _ = w.WriteString(mermaidOpen)
	_, _ = w.Write(util.EscapeHTML(code))
	_, _ = w.WriteString("</pre>\n")
}

// HasMermaid reports whether a rendered body holds a mermaid block, so that
// its page loads the script that draws it (and no other page does).
func HasMermaid(html string) bool { return strings.Contains(html, mermaidOpen) }
